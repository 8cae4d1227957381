"""One e-mail (RFC 5322 bytes) read into an `Inbound` message, or refused with a reason.

Since 547-ФЗ (March 2025) an e-mail to the centre is a message (сообщение), not a formal
обращение: it is taken like a social-network post (`domain.form_of`). The text is the plain
part, else the HTML part turned into text (never rendered); attachments are named in the text,
and image parts are stored by the server as the incident's files (`image_files`).
Follow-ups are recognised by the incident number in the subject, then by In-Reply-To and
References. Nothing here raises on bad mail: what cannot be read becomes a `Rejected`.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from cur_desktop.models.domain import INCIDENT_NUMBER_PREFIX, Channel

from ..attachments import IncomingFile
from .html_text import html_to_text
from .intake import Inbound, Rejected

NUMBER_IN_SUBJECT = re.compile(rf"{INCIDENT_NUMBER_PREFIX}-\d{{4}}-\d{{6}}")
_MESSAGE_ID = re.compile(r"<([^<>\s\x00-\x1f\x7f]+)>")
#: Incidents' source ids are at most this long; longer Message-IDs are hashed.
MAX_SOURCE_ID = 200


def raw_id(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def message_ids(value: str | None) -> list[str]:
    """Message-IDs in a header (In-Reply-To, References), without angle brackets."""
    return _MESSAGE_ID.findall(str(value or ""))


def _header(msg: EmailMessage, name: str) -> str | None:
    """A header as text; a malformed one (policy.default raises on some) as its raw value."""
    try:
        value = msg.get(name)
        return None if value is None else str(value)
    except Exception:  # noqa: BLE001 - the email package raises many kinds on broken headers
        return None


def source_id_of(msg: EmailMessage, raw: bytes) -> str:
    ids = message_ids(_header(msg, "Message-ID"))
    if ids and len(ids[0]) <= MAX_SOURCE_ID:
        return ids[0]
    return raw_id(raw)


def _date(msg: EmailMessage) -> datetime | None:
    try:
        value = _header(msg, "Date")
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        return None


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        return html_to_text(content)
    return content.strip()


def _attachments(msg: EmailMessage) -> list[str]:
    names = []
    for part in msg.iter_attachments():
        try:
            names.append(part.get_filename() or part.get_content_type())
        except Exception:  # noqa: BLE001 - a broken part header is still an attachment
            names.append("?")
    return names


def image_files(msg: EmailMessage) -> tuple[IncomingFile, ...]:
    """The message's image parts (attached or inline), stored by the server as attachments;
    a part that cannot be decoded is left out (it is still named in the text)."""
    files = []
    for part in msg.walk():
        try:
            if part.get_content_maintype() != "image" or part.is_multipart():
                continue
            data = part.get_payload(decode=True)
            if data:
                name = part.get_filename() or f"image.{part.get_content_subtype()}"
                files.append(IncomingFile(name, part.get_content_type(), data))
        except Exception:  # noqa: BLE001 - a broken part is skipped, the letter still taken
            continue
    return tuple(files)


def _recipients(msg: EmailMessage) -> list[str]:
    values = [
        v
        for name in ("Delivered-To", "X-Original-To", "To", "Cc")
        for v in [_header(msg, name)]
        if v
    ]
    return [addr.lower() for _name, addr in getaddresses(values) if addr]


def _municipality(msg: EmailMessage, mapping: dict[str, str], default: str | None) -> str | None:
    for address in _recipients(msg):
        if address in mapping:
            return mapping[address]
    return default


def read_email(
    raw: bytes,
    *,
    municipalities: dict[str, str] | None = None,
    default_municipality: str | None = None,
) -> Inbound | Rejected:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # noqa: BLE001 - bad mail is refused, never a crash
        return Rejected(Channel.EMAIL, raw_id(raw), "malformed", str(exc), raw, len(raw))
    source_id = raw_id(raw)
    try:
        source_id = source_id_of(msg, raw)
        subject = (_header(msg, "Subject") or "").strip()
        body = _body(msg)
        attached = _attachments(msg)
        files = image_files(msg)
        name, address = parseaddr(_header(msg, "Reply-To") or _header(msg, "From") or "")
    except Exception as exc:  # noqa: BLE001
        return Rejected(
            Channel.EMAIL, source_id, "malformed", f"{type(exc).__name__}: {exc}", raw, len(raw)
        )
    if "@" not in address:
        return Rejected(
            Channel.EMAIL, source_id, "no_sender", "no address to answer to", raw, len(raw)
        )
    number = NUMBER_IN_SUBJECT.search(subject)
    text = f"Тема: {subject}\n\n{body}".strip() if subject else body
    if attached:
        text += "\n\n[Вложения: " + ", ".join(attached) + "]"
    references = message_ids(_header(msg, "In-Reply-To")) + list(
        reversed(message_ids(_header(msg, "References")))
    )
    return Inbound(
        channel=Channel.EMAIL,
        source_id=source_id,
        text=text,
        received_at=_date(msg),
        author_name=name or address,
        address=address,
        subject=subject or None,
        municipality_code=_municipality(msg, municipalities or {}, default_municipality),
        incident_number=number.group(0) if number else None,
        replies_to=references,
        raw=raw,
        files=files,
    )
