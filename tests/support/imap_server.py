"""A small IMAP4rev1 server over real sockets, for tests: one folder held in memory.

Enough of RFC 3501 for a client that signs in, opens a folder (SELECT/EXAMINE), searches and
fetches by UID (RFC822.SIZE, BODY[], BODY.PEEK[HEADER]) and logs out: the standard library's
`imaplib` talks to it as to any server. Messages are added with `deliver()` while it runs.
"""

from __future__ import annotations

import re
import socketserver
import threading
from dataclasses import dataclass, field

_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\S+)')


def _tokens(line: bytes) -> list[bytes]:
    out = []
    for quoted, atom in _TOKEN.findall(line):
        out.append(re.sub(rb"\\(.)", rb"\1", quoted) if quoted or not atom else atom)
    return out


def _uids_in(spec: str, uids: list[int]) -> list[int]:
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
    user: str = "cur"
    password: str = "secret-imap-password"
    uidvalidity: int = 1
    messages: list[tuple[int, bytes]] = field(default_factory=list)
    next_uid: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Commands seen, for tests that check what the client did (never a STORE or EXPUNGE).
    commands: list[str] = field(default_factory=list)


class _Handler(socketserver.StreamRequestHandler):
    #: Replies go out in pieces (a line, a literal, a closing parenthesis): without this, Nagle
    #: and the client's delayed ACK hold each FETCH for tens of milliseconds.
    disable_nagle_algorithm = True

    def send(self, line: bytes | str) -> None:
        if isinstance(line, str):
            line = line.encode()
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        box = self.server.box
        self.send("* OK [CAPABILITY IMAP4rev1] test IMAP server ready")
        authed = selected = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            parts = _tokens(line.rstrip(b"\r\n"))
            if len(parts) < 2:
                self.send("* BAD no command")
                continue
            tag, cmd, args = parts[0].decode(), parts[1].decode().upper(), parts[2:]
            box.commands.append(cmd if cmd != "UID" else f"UID {args[0].decode().upper()}")
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
                if [a.decode() for a in args] == [box.user, box.password]:
                    authed = True
                    self.send(f"{tag} OK LOGIN completed")
                else:
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials")
            elif not authed:
                self.send(f"{tag} BAD sign in first")
            elif cmd in ("SELECT", "EXAMINE", "STATUS"):
                with box.lock:
                    count, validity, nxt = len(box.messages), box.uidvalidity, box.next_uid
                if args and args[0].decode().upper() != "INBOX":
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
            elif cmd == "UID" and args and args[0].upper() == b"SEARCH":
                with box.lock:
                    uids = [u for u, _ in box.messages]
                spec = args[-1].decode()
                found = _uids_in(spec, uids)
                self.send("* SEARCH" + "".join(f" {u}" for u in found))
                self.send(f"{tag} OK SEARCH completed")
            elif cmd == "UID" and args and args[0].upper() == b"FETCH":
                self._fetch(tag, args[1].decode(), b" ".join(args[2:]).decode().upper())
            else:
                self.send(f"{tag} BAD unknown command {cmd}")

    def _fetch(self, tag: str, spec: str, items: str) -> None:
        box = self.server.box
        with box.lock:
            messages = list(box.messages)
        uids = [u for u, _ in messages]
        for uid in _uids_in(spec, uids):
            seq = uids.index(uid) + 1
            raw = dict(messages)[uid]
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
    """`with ImapServer() as imap:` serves on 127.0.0.1:`imap.port`."""

    def __init__(self, box: Mailbox | None = None):
        self.box = box or Mailbox()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.box = self.box
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def deliver(self, raw: bytes) -> int:
        """Put a message in the folder; returns its UID."""
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        with self.box.lock:
            uid = self.box.next_uid
            self.box.messages.append((uid, raw))
            self.box.next_uid += 1
        return uid

    def __enter__(self) -> ImapServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
