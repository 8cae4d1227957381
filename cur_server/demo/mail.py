"""The demo's e-mail: a local SMTP server and IMAP mailboxes on 127.0.0.1, and the e-mail
channel run against them, so a complaint written by e-mail shows up in the queue and the
answer to it arrives back in the writer's mailbox.

    SMTP  127.0.0.1:2525  accepts mail for any address, no sign-in, no TLS
    IMAP  127.0.0.1:1143  one INBOX per address: user = the address, password «demo»

Mail to `cur@localhost` lands in the centre's mailbox, which the e-mail channel reads; its
replies go out through the same SMTP server into the writer's mailbox. The mailboxes live in
memory: they are empty at every start (a fresh UIDVALIDITY tells the channel so). When a port
is taken (a second demo), a free one is used and `DemoMail` says which.

To try it by hand while the demo runs:

    python -m cur_server.demo.mail send "Во дворе дома 5 третий день не вывозят мусор"
    python -m cur_server.demo.mail read            # the answers in the writer's mailbox
"""

from __future__ import annotations

import argparse
import email
import email.policy
import imaplib
import logging
import smtplib
import socket
import sys
import threading
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from .imap_server import ImapServer, Mailbox, fresh_uidvalidity

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
SMTP_PORT = 2525
IMAP_PORT = 1143
CENTRE_ADDRESS = "cur@localhost"
#: Every local mailbox's IMAP password (demo data, nothing to protect).
PASSWORD = "demo"
#: The writer `send` uses unless told otherwise.
CITIZEN_ADDRESS = "citizen@localhost"
#: Incidents from the centre's mailbox belong to this municipality (a demo region's city).
DEFAULT_MUNICIPALITY = "ryazan"


def _port(preferred: int) -> int:
    """`preferred` when it is free on 127.0.0.1, else some free port (0: always some)."""
    with socket.socket() as s:
        try:
            s.bind((HOST, preferred))
        except OSError:
            s.bind((HOST, 0))
        return s.getsockname()[1]


class _Delivery:
    """aiosmtpd handler: each message into the INBOX of each recipient (made on first mail)."""

    def __init__(self, imap: ImapServer):
        self.imap = imap

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local, at, domain = address.rpartition("@")
        if not (local and at and domain):
            return "553 5.1.3 an address is user@domain"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        for address in envelope.rcpt_tos:
            box = self.imap.mailbox(address) or self.imap.add(
                Mailbox(user=address.casefold(), password=PASSWORD, uidvalidity=fresh_uidvalidity())
            )
            box.deliver(raw)
        return "250 Message accepted for delivery"


class DemoMail:
    """The SMTP and IMAP servers, and (with `database_url`) the e-mail channel against them.

    `with DemoMail(url) as mail:`; `start()`/`stop()` otherwise. Ports 0 mean any free ones.
    """

    def __init__(
        self,
        database_url: str | None = None,
        *,
        smtp_port: int = SMTP_PORT,
        imap_port: int = IMAP_PORT,
        poll_seconds: float = 2.0,
    ):
        from aiosmtpd.controller import Controller

        self.address = CENTRE_ADDRESS
        self.centre = Mailbox(
            user=CENTRE_ADDRESS, password=PASSWORD, uidvalidity=fresh_uidvalidity()
        )
        self.imap = ImapServer(self.centre, host=HOST, port=_port(imap_port))
        self.imap_port = self.imap.port
        self.smtp_port = _port(smtp_port)
        self._smtp = Controller(_Delivery(self.imap), hostname=HOST, port=self.smtp_port)
        self.database_url = database_url
        self.poll_seconds = poll_seconds
        self.runner = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return HOST

    def channel_config(self):
        from cur_server.channels.config import EmailConfig, Endpoint, Secret

        return EmailConfig(
            name="demo",
            address=self.address,
            imap=Endpoint(
                HOST, self.imap_port, "none", self.address, Secret(PASSWORD), timeout=10.0
            ),
            smtp=Endpoint(HOST, self.smtp_port, "none", timeout=10.0),
            default_municipality=DEFAULT_MUNICIPALITY,
        )

    def start(self) -> DemoMail:
        self.imap.start()
        self._smtp.start()
        if self.database_url is not None:
            from cur_server.channels.delivery import RetryPolicy
            from cur_server.channels.email_channel import EmailChannel
            from cur_server.channels.runner import ChannelRunner
            from cur_server.context import load_context

            channel = EmailChannel(self.channel_config())
            retry = RetryPolicy(max_attempts=3)
            self.runner = ChannelRunner(load_context(self.database_url), [channel], retry=retry)
            self._thread = threading.Thread(
                target=self.runner.run_forever,
                args=(self.poll_seconds, self._stop),
                name="demo e-mail channel",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)
        if self.runner is not None:
            self.runner.server.db.dispose()
        self._smtp.stop()
        self.imap.stop()

    def mailbox(self, address: str) -> Mailbox | None:
        return self.imap.mailbox(address)

    def __enter__(self) -> DemoMail:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- the two commands of the module docstring ---------------------------------------------------


def send(
    text: str,
    *,
    sender: str = CITIZEN_ADDRESS,
    subject: str = "Жалоба",
    port: int = SMTP_PORT,
) -> str:
    """Mail a complaint to the centre; returns its Message-ID."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = CENTRE_ADDRESS
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    msg.set_content(text)
    with smtplib.SMTP(HOST, port, timeout=10) as conn:
        conn.send_message(msg)
    return msg["Message-ID"]


def read(address: str = CITIZEN_ADDRESS, *, port: int = IMAP_PORT) -> list[EmailMessage]:
    """The messages in a local mailbox, oldest first (none when it has had no mail yet)."""
    conn = imaplib.IMAP4(HOST, port, timeout=10)
    try:
        typ, _ = conn.login(address, PASSWORD)
    except imaplib.IMAP4.error:
        return []  # a mailbox is made by its first mail
    try:
        conn.select("INBOX", readonly=True)
        typ, data = conn.uid("SEARCH", None, "UID 1:*")
        out = []
        for uid in (data[0] or b"").split():
            typ, parts = conn.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
            raw = next((p[1] for p in parts or [] if isinstance(p, tuple)), None)
            if raw is not None:
                out.append(email.message_from_bytes(raw, policy=email.policy.default))
        return out
    finally:
        conn.logout()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cur_server.demo.mail",
        description="Write to the demo's centre by e-mail, read the answers (`make run` first).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("send", help=f"mail a complaint to {CENTRE_ADDRESS}")
    w.add_argument("text")
    w.add_argument("--from", dest="sender", default=CITIZEN_ADDRESS)
    w.add_argument("--subject", default="Жалоба")
    w.add_argument("--port", type=int, default=SMTP_PORT, help="SMTP port")
    r = sub.add_parser("read", help="print the mail in a local mailbox (the answers)")
    r.add_argument("address", nargs="?", default=CITIZEN_ADDRESS)
    r.add_argument("--port", type=int, default=IMAP_PORT, help="IMAP port")
    args = parser.parse_args(argv)
    try:
        if args.command == "send":
            mid = send(args.text, sender=args.sender, subject=args.subject, port=args.port)
            print(f"sent {mid} to {CENTRE_ADDRESS}")
            return 0
        messages = read(args.address, port=args.port)
    except OSError as exc:
        print(f"no demo mail server on {HOST}: {exc} (is `make run` running?)", file=sys.stderr)
        return 1
    for m in messages:
        print(f"From: {m['From']}\nDate: {m['Date']}\nSubject: {m['Subject']}\n")
        print(m.get_body(("plain",)).get_content().strip() if m.get_body(("plain",)) else "")
        print("-" * 60)
    if not messages:
        print(f"{args.address}: no mail yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
