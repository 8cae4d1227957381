"""The e-mail channel: new mail from an IMAP folder, replies through SMTP.

Intake reads the folder read-only (nothing is marked or moved in the centre's mailbox) from
the UID after the last one taken, kept as a cursor with the folder's UIDVALIDITY: when the
server renumbers the folder, reading starts over and deduplication skips what is known.

A reply goes out with Message-ID `<cur-reply-N@domain>`, derived from the reply, so the same
reply sent twice (a crash between sending and confirming) is one message to the citizen's mail
program; In-Reply-To and References continue the citizen's own thread, and the subject carries
the incident number, by which the answer to it joins the incident again.
"""

from __future__ import annotations

import imaplib
import logging
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from cur_desktop.models.domain import Channel

from .adapter import DeliveryError, Outgoing, Receipt
from .config import EmailConfig, Endpoint
from .email_message import raw_id, read_email
from .intake import Intake, Rejected

log = logging.getLogger(__name__)

_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


class ImapError(RuntimeError):
    """The mailbox could not be read this time (the next round tries again)."""


def message_id_for(outgoing: Outgoing, config: EmailConfig) -> str:
    return f"{outgoing.idempotency_key}@{config.domain}"


class EmailChannel:
    channel = Channel.EMAIL

    def __init__(self, config: EmailConfig):
        self.config = config
        self.name = config.name

    # --- intake ----------------------------------------------------------------------------

    def _imap(self) -> imaplib.IMAP4:
        ep = self.config.imap
        if ep.security == "ssl":
            conn = imaplib.IMAP4_SSL(ep.host, ep.port, timeout=ep.timeout)
        else:
            conn = imaplib.IMAP4(ep.host, ep.port, timeout=ep.timeout)
            if ep.security == "starttls":
                conn.starttls(ssl.create_default_context())
        if ep.user:
            conn.login(ep.user, ep.password.reveal() if ep.password else "")
        return conn

    def fetch(self, intake: Intake) -> int:
        if self.config.imap is None:
            return 0
        key = f"email:{self.name}"
        seen = 0
        try:
            conn = self._imap()
        except (imaplib.IMAP4.error, OSError) as exc:
            raise ImapError(f"cannot sign in to {self.config.imap.host}: {exc}") from exc
        try:
            typ, _ = conn.select(self.config.mailbox, readonly=True)
            if typ != "OK":
                raise ImapError(f"cannot open folder {self.config.mailbox!r}")
            # imaplib keeps `* OK [UIDVALIDITY n]` of the SELECT as b"n".
            found = [v for v in (conn.response("UIDVALIDITY")[1] or []) if v]
            validity = (
                int(found[-1]) if found else _uidvalidity_from_status(conn, self.config.mailbox)
            )
            cursor = intake.cursor(key)
            last = cursor.get("last_uid", 0) if cursor.get("uidvalidity") == validity else 0
            typ, data = conn.uid("SEARCH", None, f"UID {last + 1}:*")
            if typ != "OK":
                raise ImapError("UID SEARCH refused")
            uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
            for uid in uids:
                self._take(conn, uid, intake)
                seen += 1
                intake.save_cursor(key, {"uidvalidity": validity, "last_uid": uid})
        except (imaplib.IMAP4.error, OSError) as exc:
            raise ImapError(f"reading {self.config.mailbox!r} failed: {exc}") from exc
        finally:
            try:
                conn.logout()
            except (imaplib.IMAP4.error, OSError):
                pass
        return seen

    def _take(self, conn: imaplib.IMAP4, uid: int, intake: Intake) -> None:
        typ, data = conn.uid("FETCH", str(uid), "(RFC822.SIZE)")
        size = _first_int(_SIZE, _flatten(data)) if typ == "OK" else None
        if size is None:
            return  # expunged meanwhile
        limit = self.config.max_message_bytes
        if size > limit:
            typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[HEADER])")
            headers = _literal(data) or b""
            parsed = read_email(headers)
            source_id = parsed.source_id if parsed.source_id else raw_id(headers)
            intake.reject(
                Rejected(
                    Channel.EMAIL,
                    source_id,
                    "too_large",
                    f"{size} bytes, more than the limit of {limit}; its headers are kept",
                    headers,
                    size,
                )
            )
            return
        typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
        raw = _literal(data)
        if typ != "OK" or raw is None:
            return
        parsed = read_email(
            raw,
            municipalities=self.config.municipalities,
            default_municipality=self.config.default_municipality,
        )
        if isinstance(parsed, Rejected):
            intake.reject(parsed)
            return
        outcome = intake.take(parsed)
        log.info("e-mail %s (uid %s): %s", parsed.source_id, uid, outcome)

    # --- delivery --------------------------------------------------------------------------

    def _smtp(self, ep: Endpoint) -> smtplib.SMTP:
        if ep.security == "ssl":
            conn = smtplib.SMTP_SSL(ep.host, ep.port, timeout=ep.timeout)
        else:
            conn = smtplib.SMTP(ep.host, ep.port, timeout=ep.timeout)
            if ep.security == "starttls":
                conn.starttls(context=ssl.create_default_context())
        if ep.user:
            conn.login(ep.user, ep.password.reveal() if ep.password else "")
        return conn

    def compose(self, out: Outgoing) -> EmailMessage:
        inbound = [m for m in out.thread if m.direction == "in"]
        if not inbound or not inbound[0].address:
            raise DeliveryError("no e-mail address is known for this incident", permanent=True)
        first, last = inbound[0], inbound[-1]
        msg = EmailMessage()
        msg["From"] = self.config.address
        msg["To"] = last.address or first.address
        subject = (first.subject or "").strip()
        if out.incident_number not in subject:
            subject = f"{subject} [{out.incident_number}]".strip()
        msg["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
        msg["Message-ID"] = f"<{message_id_for(out, self.config)}>"
        msg["In-Reply-To"] = f"<{last.message_id}>"
        msg["References"] = " ".join(f"<{m.message_id}>" for m in out.thread[-20:])
        msg["Date"] = formatdate(localtime=False)
        msg.set_content(out.text)
        return msg

    def deliver(self, out: Outgoing) -> Receipt:
        ep = self.config.smtp
        if ep is None:
            raise DeliveryError(f"mailbox {self.name!r} has no SMTP server configured")
        msg = self.compose(out)
        try:
            with self._smtp(ep) as conn:
                conn.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            detail = "; ".join(
                f"{c} {m.decode(errors='replace')}" for c, m in exc.recipients.values()
            )
            raise DeliveryError(
                f"recipient refused: {detail}", permanent=all(c >= 500 for c in codes)
            ) from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"SMTP sign-in refused ({exc.smtp_code})") from exc
        except smtplib.SMTPResponseException as exc:
            text = (
                exc.smtp_error.decode(errors="replace")
                if isinstance(exc.smtp_error, bytes)
                else str(exc.smtp_error)
            )
            raise DeliveryError(
                f"SMTP {exc.smtp_code} {text}", permanent=500 <= exc.smtp_code < 600
            ) from exc
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"SMTP server unreachable: {type(exc).__name__}: {exc}") from exc
        return Receipt(message_id=message_id_for(out, self.config))


def _flatten(data) -> bytes:
    out = []
    for item in data or []:
        if isinstance(item, tuple):
            out.extend(x for x in item if isinstance(x, bytes))
        elif isinstance(item, bytes):
            out.append(item)
    return b" ".join(out)


def _literal(data) -> bytes | None:
    for item in data or []:
        if isinstance(item, tuple) and len(item) >= 2:
            return item[1]
    return None


def _first_int(pattern: re.Pattern, data: bytes) -> int | None:
    found = pattern.search(data or b"")
    return int(found.group(1)) if found else None


def _uidvalidity_from_status(conn: imaplib.IMAP4, mailbox: str) -> int | None:
    typ, data = conn.status(mailbox, "(UIDVALIDITY)")
    return _first_int(_UIDVALIDITY, _flatten(data)) if typ == "OK" else None
