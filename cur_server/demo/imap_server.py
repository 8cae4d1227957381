"""A small IMAP4rev1 server over real sockets: mail folders held in memory, one per user.

It serves the demo's local mailboxes (cur_server/demo/mail.py) and the tests of the e-mail
channel. Enough of RFC 3501 for a client that signs in, opens INBOX (SELECT/EXAMINE), searches
and fetches by UID (RFC822.SIZE, BODY[], BODY.PEEK[HEADER]) and logs out: the standard
library's `imaplib` (and a mail program that sticks to those) talks to it as to any server.
Nothing is ever marked, moved or deleted. Messages are added with `deliver()` while it runs.

It listens on 127.0.0.1 only and speaks no TLS: a development tool, not a mail server.
"""

from __future__ import annotations

import re
import socketserver
import threading
import time
from collections import deque
from dataclasses import dataclass, field

_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\S+)')
#: A command line longer than this is refused (and the connection closed).
MAX_LINE = 8192


def _tokens(line: bytes) -> list[bytes]:
    out = []
    for quoted, atom in _TOKEN.findall(line):
        out.append(re.sub(rb"\\(.)", rb"\1", quoted) if quoted or not atom else atom)
    return out


def _uids_in(spec: str, uids: list[int]) -> list[int]:
    """The UIDs of `uids` a UID set (`1,3:5,7:*`) names; ValueError for a malformed set."""
    top = max(uids, default=0)
    wanted: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition(":")
        a = top if lo == "*" else int(lo)
        b = a if not hi else (top if hi == "*" else int(hi))
        a, b = min(a, b), max(a, b)
        wanted.update(u for u in uids if a <= u <= b)
    return sorted(wanted)


@dataclass
class Mailbox:
    """One user's INBOX."""

    user: str = "cur"
    password: str = "secret-imap-password"
    #: A folder renumbered from 1 must get a new UIDVALIDITY, or a client that remembers the
    #: last UID it read skips the new messages: a box in memory starts afresh at every start.
    uidvalidity: int = 1
    messages: list[tuple[int, bytes]] = field(default_factory=list)
    next_uid: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: The latest commands seen, for tests that check what the client did (never a STORE or
    #: EXPUNGE); bounded, as a demo polls the folder all day.
    commands: deque[str] = field(default_factory=lambda: deque(maxlen=10_000))

    def deliver(self, raw: bytes) -> int:
        """Put a message in the folder (line ends made CRLF); returns its UID."""
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        with self.lock:
            uid = self.next_uid
            self.messages.append((uid, raw))
            self.next_uid += 1
        return uid


class _Handler(socketserver.StreamRequestHandler):
    #: Replies go out in pieces (a line, a literal, a closing parenthesis): without this, Nagle
    #: and the client's delayed ACK hold each FETCH for tens of milliseconds.
    disable_nagle_algorithm = True

    def send(self, line: bytes | str) -> None:
        if isinstance(line, str):
            line = line.encode()
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        self.send("* OK [CAPABILITY IMAP4rev1] IMAP server ready")
        box: Mailbox | None = None
        selected = False
        while True:
            line = self.rfile.readline(MAX_LINE + 1)
            if not line:
                return
            if len(line) > MAX_LINE:
                self.send("* BYE line too long")
                return
            parts = _tokens(line.rstrip(b"\r\n"))
            if len(parts) < 2:
                self.send("* BAD no command")
                continue
            tag, cmd, args = parts[0].decode(errors="replace"), parts[1].decode().upper(), parts[2:]
            if box is not None:
                sub = args[0].decode().upper() if cmd == "UID" and args else ""
                box.commands.append(f"UID {sub}" if sub else cmd)
            if cmd == "CAPABILITY":
                self.send("* CAPABILITY IMAP4rev1")
                self.send(f"{tag} OK CAPABILITY completed")
            elif cmd == "NOOP":
                self.send(f"{tag} OK NOOP completed")
            elif cmd == "LOGOUT":
                self.send("* BYE logging out")
                self.send(f"{tag} OK LOGOUT completed")
                return
            elif cmd == "LOGIN":
                box = self.server.owner.sign_in(*[a.decode(errors="replace") for a in args[:2]])
                if box is not None:
                    box.commands.append(cmd)
                    self.send(f"{tag} OK LOGIN completed")
                else:
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials")
            elif box is None:
                self.send(f"{tag} BAD sign in first")
            elif cmd in ("SELECT", "EXAMINE", "STATUS"):
                with box.lock:
                    count, validity, nxt = len(box.messages), box.uidvalidity, box.next_uid
                if not args or args[0].decode(errors="replace").upper() != "INBOX":
                    self.send(f"{tag} NO no such folder")
                    continue
                if cmd == "STATUS":
                    self.send(f"* STATUS INBOX (UIDVALIDITY {validity} MESSAGES {count})")
                    self.send(f"{tag} OK STATUS completed")
                    continue
                selected = True
                self.send(r"* FLAGS (\Seen \Answered \Flagged \Deleted \Draft)")
                self.send(f"* {count} EXISTS")
                self.send("* 0 RECENT")
                self.send(f"* OK [UIDVALIDITY {validity}] UIDs valid")
                self.send(f"* OK [UIDNEXT {nxt}] predicted next UID")
                mode = "READ-ONLY" if cmd == "EXAMINE" else "READ-WRITE"
                self.send(f"{tag} OK [{mode}] {cmd} completed")
            elif not selected:
                self.send(f"{tag} BAD select a folder first")
            elif cmd == "UID" and len(args) >= 2 and args[0].upper() in (b"SEARCH", b"FETCH"):
                try:
                    if args[0].upper() == b"SEARCH":
                        self._search(box, tag, args[-1].decode())
                    else:
                        items = b" ".join(args[2:]).decode().upper()
                        self._fetch(box, tag, args[1].decode(), items)
                except ValueError:
                    self.send(f"{tag} BAD malformed UID set")
            else:
                self.send(f"{tag} BAD unknown command {cmd}")

    def _search(self, box: Mailbox, tag: str, spec: str) -> None:
        with box.lock:
            uids = [u for u, _ in box.messages]
        found = _uids_in(spec, uids)
        self.send("* SEARCH" + "".join(f" {u}" for u in found))
        self.send(f"{tag} OK SEARCH completed")

    def _fetch(self, box: Mailbox, tag: str, spec: str, items: str) -> None:
        with box.lock:
            messages = list(box.messages)
        uids = [u for u, _ in messages]
        by_uid = dict(messages)
        for uid in _uids_in(spec, uids):
            seq = uids.index(uid) + 1
            raw = by_uid[uid]
            if "RFC822.SIZE" in items:
                self.send(f"* {seq} FETCH (UID {uid} RFC822.SIZE {len(raw)})")
            elif "BODY.PEEK[HEADER]" in items or "BODY[HEADER]" in items:
                head = raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
                self.send(f"* {seq} FETCH (UID {uid} BODY[HEADER] {{{len(head)}}}")
                self.wfile.write(head)
                self.send(")")
            else:
                self.send(f"* {seq} FETCH (UID {uid} BODY[] {{{len(raw)}}}")
                self.wfile.write(raw)
                self.send(")")
        self.send(f"{tag} OK FETCH completed")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class ImapServer:
    """`with ImapServer() as imap:` serves on 127.0.0.1:`imap.port`.

    `box` is the first mailbox (the tests' only one); `add()` opens more, each signed in to by
    its own user name and password.
    """

    def __init__(self, box: Mailbox | None = None, *, host: str = "127.0.0.1", port: int = 0):
        self.box = box or Mailbox()
        self._boxes: dict[str, Mailbox] = {}
        self._lock = threading.Lock()
        self.add(self.box)
        self._server = _Server((host, port), _Handler)
        self._server.owner = self
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def add(self, box: Mailbox) -> Mailbox:
        with self._lock:
            return self._boxes.setdefault(box.user.casefold(), box)

    def mailbox(self, user: str) -> Mailbox | None:
        with self._lock:
            return self._boxes.get(user.casefold())

    def sign_in(self, user: str = "", password: str = "") -> Mailbox | None:
        box = self.mailbox(user)
        return box if box is not None and box.password == password else None

    def deliver(self, raw: bytes, user: str | None = None) -> int:
        """Put a message in a user's folder (the first mailbox's by default); its UID."""
        box = self.box if user is None else self.mailbox(user)
        if box is None:
            raise KeyError(user)
        return box.deliver(raw)

    def start(self) -> ImapServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ImapServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def fresh_uidvalidity() -> int:
    """A UIDVALIDITY for a folder that starts empty now (seconds, as many servers do)."""
    return int(time.time())
