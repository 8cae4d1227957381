"""The e-mail and Telegram channels' throughput against local servers; prints JSON.

    .venv/bin/python bench/channels.py [--messages 500] [--replies 200] [--database-url URL]
    .venv/bin/python bench/channels.py --quick    # CI: 20 messages, 10 replies, temporary SQLite

Intake: `--messages` letters wait in the test IMAP server (tests/support/imap_server.py); one
channel round fetches them all through `imaplib` and stores each as an incident (deduplication,
threading, ingest). Baseline of the same run: the same letters fetched by `imaplib` alone, so
`intake.ratio` is what the server's side of intake costs over reading the mailbox.

Delivery: `--replies` published replies to e-mails are queued; one round claims, composes, sends
(to aiosmtpd) and confirms each. Baseline: the same number of messages sent by `smtplib` alone
over one connection per message, as the adapter does. A real SMTP relay's own limit (messages
per minute per account) is the ceiling in production, far below either figure.

Telegram: the same against the local Bot API (tests/support/telegram_api.py): `--messages`
citizens each write once; one round takes them through getUpdates; baseline: the same updates
read by `requests` alone. Then `--replies` answers go out by sendMessage; baseline: as many
sendMessage calls by `requests` alone. Telegram's documented ceiling for a bot, about 30
messages a second (https://core.telegram.org/bots/faq), is printed beside the delivery figure:
the adapter must not be the slower of the two.
"""

from __future__ import annotations

import argparse
import imaplib
import json
import platform
import smtplib
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from cur_desktop.models import contract as c  # noqa: E402
from cur_server.access import Actor  # noqa: E402
from cur_server.channels.config import (  # noqa: E402
    EmailConfig,
    Endpoint,
    Secret,
    TelegramConfig,
)
from cur_server.channels.email_channel import EmailChannel  # noqa: E402
from cur_server.channels.runner import ChannelRunner  # noqa: E402
from cur_server.channels.telegram_channel import TelegramChannel  # noqa: E402
from cur_server.context import load_context, sqlite_url_for  # noqa: E402
from cur_server.migrate import upgrade  # noqa: E402
from cur_server.mutations import apply_batch  # noqa: E402
from cur_server.seed import seed_demo  # noqa: E402
from cur_server.tables import ChannelMessage, Incident, User  # noqa: E402
from tests.support.imap_server import ImapServer  # noqa: E402
from tests.support.smtp_server import SmtpServer  # noqa: E402
from tests.support.telegram_api import TOKEN, TelegramApi  # noqa: E402

#: Messages a second a bot may send in all (Telegram's Bots FAQ).
TELEGRAM_CEILING = 30

ADDRESS = "cur@cur.region.example"


def letter(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Житель {n} <citizen{n}@example.org>"
    msg["To"] = ADDRESS
    msg["Subject"] = f"Обращение {n}: не вывозят мусор"
    msg["Message-ID"] = f"<bench-{n}@example.org>"
    msg["Date"] = "Thu, 03 Dec 2026 10:00:00 +0300"
    msg.set_content(f"Во дворе дома {n} на улице Ленина третий день не вывозят мусор. " * 5)
    return msg.as_bytes()


def imap_alone(imap: ImapServer) -> float:
    """Seconds to read every letter with imaplib and nothing else."""
    start = time.perf_counter()
    conn = imaplib.IMAP4("127.0.0.1", imap.port, timeout=30)
    conn.login(imap.box.user, imap.box.password)
    conn.select("INBOX", readonly=True)
    _, data = conn.uid("SEARCH", None, "UID 1:*")
    for uid in data[0].split():
        conn.uid("FETCH", uid.decode(), "(RFC822.SIZE)")
        conn.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
    conn.logout()
    return time.perf_counter() - start


def smtp_alone(smtp: SmtpServer, count: int) -> float:
    start = time.perf_counter()
    for n in range(count):
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = ADDRESS, f"c{n}@example.org", "Re: baseline"
        msg.set_content("Мусор вывезен.")
        with smtplib.SMTP("127.0.0.1", smtp.port, timeout=30) as conn:
            conn.send_message(msg)
    return time.perf_counter() - start


def publish_replies(url: str, count: int, channel: str = "email", first: int = 0) -> None:
    """A supervisor claims and answers `count` incidents that came through `channel` (their
    replies get queued)."""
    ctx = load_context(url)
    with ctx.db.read() as s:
        lead = Actor.of(s.scalars(select(User).where(User.username == "supervisor1")).one())
        through = select(ChannelMessage.incident_id).where(ChannelMessage.channel == channel)
        ids = s.scalars(
            select(Incident.id)
            .where(Incident.channel == channel, Incident.id.in_(through))
            .order_by(Incident.id)
        ).all()[:count]
    batch = []
    for n, iid in enumerate(ids):
        batch += [
            {
                "mutation_id": f"00000000-0000-4000-8000-{first + 2 * n:012d}",
                "type": "claim",
                "incident_id": iid,
                "payload": {},
            },
            {
                "mutation_id": f"00000000-0000-4000-8000-{first + 2 * n + 1:012d}",
                "type": "add_reply",
                "incident_id": iid,
                "payload": {"kind": "final", "text": "Мусор вывезен."},
            },
        ]
    for start in range(0, len(batch), c.MAX_MUTATIONS_PER_BATCH):
        chunk = c.MutationBatch.model_validate({"mutations": batch[start : start + 200]})
        results = apply_batch(ctx, lead, chunk).results
        assert all(r.outcome == "applied" for r in results), results[0]
    ctx.db.dispose()


def citizens_write(tg: TelegramApi, messages: int) -> None:
    for n in range(messages):
        tg.user_says(f"Во дворе дома {n} не вывозят мусор третий день.", chat_id=6_000_000 + n)


def read_updates_alone(messages: int) -> tuple[int, float]:
    """The baseline: the same updates read by `requests` alone, 100 a call as Telegram gives
    them, confirming each page by its offset (on a Bot API of its own: that forgets them)."""
    with TelegramApi() as tg:
        citizens_write(tg, messages)
        bot, read, offset = f"{tg.url}/bot{TOKEN}", 0, None
        start = time.perf_counter()
        with requests.Session() as http:
            while True:
                params = {"timeout": 0} | ({"offset": offset} if offset else {})
                page = http.post(f"{bot}/getUpdates", json=params, timeout=30).json()["result"]
                if not page:
                    break
                read += len(page)
                offset = page[-1]["update_id"] + 1
        return read, time.perf_counter() - start


def rounds(runner: ChannelRunner, field: str) -> int:
    """Rounds until one finds nothing: a round takes at most a page of work."""
    total = 0
    while got := getattr(runner.run_round(), field):
        total += got
    return total


def telegram_figures(url: str, messages: int, replies: int) -> dict:
    read, baseline_in = read_updates_alone(messages)
    with TelegramApi() as tg:
        citizens_write(tg, messages)
        bot = f"{tg.url}/bot{TOKEN}"
        config = TelegramConfig(
            name="bench", token=Secret(TOKEN), api_url=tg.url, default_municipality="ryazan"
        )
        runner = ChannelRunner(load_context(url), [TelegramChannel(config)])
        start = time.perf_counter()
        fetched = rounds(runner, "fetched")
        intake = time.perf_counter() - start
        publish_replies(url, replies, "telegram", first=10_000_000)
        start = time.perf_counter()
        sent = rounds(runner, "sent")
        delivery = time.perf_counter() - start
        start = time.perf_counter()
        with requests.Session() as http:
            for n in range(replies):
                text = {"chat_id": 6_000_000 + n, "text": "Мусор вывезен."}
                http.post(f"{bot}/sendMessage", json=text, timeout=30).raise_for_status()
        baseline_out = time.perf_counter() - start
        runner.server.db.dispose()
    return {
        "intake": {
            "messages": fetched,
            "read_by_baseline": read,
            "seconds": round(intake, 3),
            "per_second": round(fetched / intake, 1) if intake else None,
            "baseline_requests_seconds": round(baseline_in, 3),
            "ratio": round(intake / baseline_in, 2) if baseline_in else None,
        },
        "delivery": {
            "replies": sent,
            "seconds": round(delivery, 3),
            "per_second": round(sent / delivery, 1) if delivery else None,
            "baseline_requests_seconds": round(baseline_out, 3),
            "ratio": round(delivery / baseline_out, 2) if baseline_out else None,
            "telegram_ceiling_per_second": TELEGRAM_CEILING,
            "faster_than_the_ceiling": bool(delivery) and sent / delivery >= TELEGRAM_CEILING,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--database-url", help="a migrated database (else a temporary SQLite)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.messages, args.replies = 20, 10
    args.replies = min(args.replies, args.messages)
    with tempfile.TemporaryDirectory() as tmp, ImapServer() as imap, SmtpServer() as smtp:
        url = args.database_url or sqlite_url_for(Path(tmp) / "bench.db")
        upgrade(url)
        seed_demo(url, 20)
        for n in range(args.messages):
            imap.deliver(letter(n))
        baseline_in = imap_alone(imap)
        config = EmailConfig(
            name="bench",
            address=ADDRESS,
            imap=Endpoint("127.0.0.1", imap.port, "none", imap.box.user, Secret(imap.box.password)),
            smtp=Endpoint("127.0.0.1", smtp.port, "none"),
            default_municipality="ryazan",
        )
        runner = ChannelRunner(load_context(url), [EmailChannel(config)])
        start = time.perf_counter()
        fetched = rounds(runner, "fetched")
        intake = time.perf_counter() - start

        publish_replies(url, args.replies)
        start = time.perf_counter()
        sent = rounds(runner, "sent")
        delivery = time.perf_counter() - start
        baseline_out = smtp_alone(smtp, args.replies)
        runner.server.db.dispose()
        telegram = telegram_figures(url, args.messages, args.replies)
    print(
        json.dumps(
            {
                "quick": args.quick,
                "machine": platform.node(),
                "intake": {
                    "messages": fetched,
                    "seconds": round(intake, 3),
                    "per_second": round(fetched / intake, 1) if intake else None,
                    "baseline_imaplib_seconds": round(baseline_in, 3),
                    "ratio": round(intake / baseline_in, 2) if baseline_in else None,
                },
                "delivery": {
                    "replies": sent,
                    "seconds": round(delivery, 3),
                    "per_second": round(sent / delivery, 1) if delivery else None,
                    "baseline_smtplib_seconds": round(baseline_out, 3),
                    "ratio": round(delivery / baseline_out, 2) if baseline_out else None,
                },
                "telegram": telegram,
            },
            indent=2,
        )
    )
    tg_ok = (telegram["intake"]["messages"], telegram["delivery"]["replies"]) == (
        args.messages,
        args.replies,
    )
    return 0 if fetched == args.messages and sent == args.replies and tg_ok else 1


if __name__ == "__main__":
    sys.exit(main())
