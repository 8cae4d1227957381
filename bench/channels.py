"""The e-mail channel's throughput against local servers; prints JSON.

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

from sqlalchemy import select  # noqa: E402

from cur_desktop.models import contract as c  # noqa: E402
from cur_server.access import Actor  # noqa: E402
from cur_server.channels.config import EmailConfig, Endpoint, Secret  # noqa: E402
from cur_server.channels.email_channel import EmailChannel  # noqa: E402
from cur_server.channels.runner import ChannelRunner  # noqa: E402
from cur_server.context import load_context, sqlite_url_for  # noqa: E402
from cur_server.migrate import upgrade  # noqa: E402
from cur_server.mutations import apply_batch  # noqa: E402
from cur_server.seed import seed_demo  # noqa: E402
from cur_server.tables import Incident, User  # noqa: E402
from tests.support.imap_server import ImapServer  # noqa: E402
from tests.support.smtp_server import SmtpServer  # noqa: E402

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


def publish_replies(url: str, count: int) -> None:
    """A supervisor claims and answers `count` e-mail incidents (their replies get queued)."""
    ctx = load_context(url)
    with ctx.db.read() as s:
        lead = Actor.of(s.scalars(select(User).where(User.username == "supervisor1")).one())
        ids = s.scalars(
            select(Incident.id).where(Incident.channel == "email").order_by(Incident.id)
        ).all()[:count]
    batch = []
    for n, iid in enumerate(ids):
        batch += [
            {
                "mutation_id": f"00000000-0000-4000-8000-{2 * n:012d}",
                "type": "claim",
                "incident_id": iid,
                "payload": {},
            },
            {
                "mutation_id": f"00000000-0000-4000-8000-{2 * n + 1:012d}",
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
        fetched = runner.run_round().fetched
        intake = time.perf_counter() - start

        publish_replies(url, args.replies)
        start = time.perf_counter()
        sent = runner.run_round().sent
        delivery = time.perf_counter() - start
        baseline_out = smtp_alone(smtp, args.replies)
        runner.server.db.dispose()
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
            },
            indent=2,
        )
    )
    return 0 if fetched == args.messages and sent == args.replies else 1


if __name__ == "__main__":
    sys.exit(main())
