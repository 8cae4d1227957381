"""Messages from a channel become incidents through the ingest path, or join their incident.

A message is known by (channel, its id there): fetching it again changes nothing. A follow-up
(the citizen writing again about the same thing) joins the incident it names by number, else
the one whose conversation it replies to (`replies_to`: an e-mail's In-Reply-To and References
against stored Message-IDs), else it is a new incident. What cannot become an incident (no
known municipality, too large, unreadable) is kept in `channel_rejects` with the reason, for an
administrator (`cur-server channels --rejected`), and the channel goes on with the next one.
A message whose files could not all be stored (a failed download, bad content, too large) is
an incident all the same; its text names the files, and `channel_rejects` keeps the message
under `SOURCE_ID:files` with the reasons (`attachment_not_stored`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from cur_desktop.models.contract import (
    EARLIEST_RECEIVED_AT,
    MAX_RECEIVED_AHEAD,
    MAX_TEXT_CHARS,
    IngestItem,
    IngestRequest,
)
from cur_desktop.models.domain import Channel, Sector

from ..attachments import IncomingFile, MissingFile, refused_note, store_files
from ..changes import record_change
from ..context import ServerContext
from ..errors import ApiError
from ..ingest import ingest
from ..tables import Category, ChannelMessage, ChannelReject, Incident, Setting

log = logging.getLogger(__name__)

CREATED, DUPLICATE, FOLLOWUP, REJECTED = "created", "duplicate", "followup", "rejected"
#: Kept of a refused message beyond which only its headers are stored.
MAX_KEPT_BYTES = 10 * 1024 * 1024
SHORTENED = "\n\n[…] Текст сокращён: полностью он хранится у администратора."
#: The text of a message that is only files (a photo without a caption).
FILES_ONLY = "[Сообщение без текста, только вложения]"


@dataclass(frozen=True)
class Inbound:
    """One message as a channel brought it, already turned into plain text."""

    channel: Channel
    source_id: str
    text: str
    received_at: datetime | None
    author_name: str | None = None
    #: A link to the message where the channel has one (a public Telegram chat's t.me link).
    source_url: str | None = None
    #: Where a reply goes (an e-mail address), kept with the conversation.
    address: str | None = None
    subject: str | None = None
    municipality_code: str | None = None
    #: An incident number the message names (ЦУР-2026-000123), e.g. in its subject.
    incident_number: str | None = None
    #: Ids of earlier messages this one answers (In-Reply-To, References), nearest first.
    replies_to: list[str] = field(default_factory=list)
    #: The message as received, kept when its text had to be shortened.
    raw: bytes | None = None
    #: A category code the channel names (ПОС's category, mapped); an unknown one is dropped.
    category_code: str | None = None
    #: Files that came with it (photos), stored by the server with the incident.
    files: tuple[IncomingFile, ...] = ()
    #: Files it named that the channel could not bring (a failed download, bad content): the
    #: incident's text says so, and the administrator sees why (`channel_rejects`).
    missing_files: tuple[MissingFile, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """A message that cannot become an incident, and why (English, for the administrator)."""

    channel: Channel
    source_id: str
    reason: str
    detail: str
    raw: bytes | None
    size: int


def _refused(msg: Inbound, reason: str, detail: str) -> Rejected:
    return Rejected(msg.channel, msg.source_id, reason, detail, msg.raw, len(msg.raw or b""))


def _clean(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = text.replace("\x00", "").strip()
    return text[:limit] or None


def _received(at: datetime | None, now: datetime) -> datetime:
    """The message's own date if it can be true, else the moment it was fetched."""
    if (
        at is None
        or at.tzinfo is None
        or not EARLIEST_RECEIVED_AT <= at <= now + MAX_RECEIVED_AHEAD
    ):
        return now
    return at


class Intake:
    """What adapters hand their messages to, over the server's data.

    `prefix` keeps apart the ids of several adapters of one channel (two Telegram bots both
    have a message 1 in a chat with the same citizen): every id the adapter hands over or asks
    about is stored as `prefix + id`. The runner gives each adapter its own (`scoped`); the
    adapter itself only ever sees its own ids. Cursors are named by the adapter already.
    `adapter` is the adapter's name, stored with each inbound message so the reply leaves by
    the adapter it came by (e-mail's ids carry no prefix to tell)."""

    def __init__(self, server: ServerContext, prefix: str = "", adapter: str | None = None):
        self.server = server
        self.prefix = prefix
        self.adapter = adapter

    def scoped(self, prefix: str, adapter: str | None = None) -> Intake:
        return Intake(self.server, prefix, adapter)

    def key(self, source_id: str) -> str:
        """How one of the adapter's ids is stored."""
        return self.prefix + source_id

    # --- cursors: where an adapter stopped reading (an IMAP folder's last UID, …) ----------

    def cursor(self, key: str) -> dict:
        with self.server.db.read() as s:
            row = s.get(Setting, f"channel_cursor:{key}")
            return dict(row.value) if row is not None else {}

    def save_cursor(self, key: str, value: dict) -> None:
        with self.server.db.write() as s:
            row = s.get(Setting, f"channel_cursor:{key}")
            if row is None:
                s.add(Setting(key=f"channel_cursor:{key}", value=value))
            else:
                row.value = value

    # --- messages --------------------------------------------------------------------------

    def incident_of(self, channel: Channel, source_id: str) -> int | None:
        """The incident one of the adapter's messages (in or out) belongs to."""
        with self.server.db.read() as s:
            return s.scalar(
                select(ChannelMessage.incident_id).where(
                    ChannelMessage.channel == channel.value,
                    ChannelMessage.message_id == self.key(source_id),
                )
            )

    def known(self, channel: Channel, source_id: str) -> bool:
        return self.incident_of(channel, source_id) is not None

    def reject_of(self, channel: Channel, source_id: str) -> tuple[str, str] | None:
        """(reason, detail) a message of the adapter was kept for the administrator with."""
        with self.server.db.read() as s:
            row = s.execute(
                select(ChannelReject.reason, ChannelReject.detail).where(
                    ChannelReject.channel == channel.value,
                    ChannelReject.source_id == self.key(source_id)[:300],
                )
            ).first()
        return (row[0], row[1] or "") if row else None

    def accept(self, msg: Inbound) -> str:
        """Store one message: CREATED, DUPLICATE, FOLLOWUP or REJECTED."""
        now = datetime.now(UTC)
        if self.known(msg.channel, msg.source_id):
            return DUPLICATE
        msg = replace(
            msg,
            source_id=self.key(msg.source_id),
            replies_to=[self.key(r) for r in msg.replies_to],
        )
        text = _clean(msg.text, MAX_TEXT_CHARS)
        if text is None and (msg.files or msg.missing_files):
            text = FILES_ONLY
        if text is None:
            return self._keep(
                Rejected(
                    msg.channel, msg.source_id, "empty", "no text", msg.raw, len(msg.raw or b"")
                )
            )
        if len(msg.text) > MAX_TEXT_CHARS:
            text = text[: MAX_TEXT_CHARS - len(SHORTENED)] + SHORTENED
            self._keep(
                _refused(
                    msg,
                    "text_shortened",
                    f"the text had {len(msg.text)} characters; the incident keeps "
                    f"{MAX_TEXT_CHARS}, the whole message is kept here",
                )
            )
        refs: list[dict] = []
        missing = list(msg.missing_files)
        if msg.files:
            with self.server.db.write() as s:
                refs, refused = store_files(s, list(msg.files), now)
            missing += refused
        note = refused_note(missing)
        if note:
            text = text[: MAX_TEXT_CHARS - len(note)] + note
        msg = replace(msg, text=text, files=(), missing_files=())
        incident_id = self._thread_of(msg)
        if incident_id is not None:
            outcome = self._follow_up(msg, incident_id, now, refs)
        else:
            outcome = self._create(msg, now, refs)
        if missing and outcome in (CREATED, FOLLOWUP):
            self._report_missing(msg, missing)
        return outcome

    def take(self, msg: Inbound) -> str:
        """`accept`, except that a message the ingest path refuses (pydantic's ValidationError
        is a ValueError) is kept as unreadable, so it cannot stop an adapter's reading at it.
        Database errors still stop the round: the same message is tried again."""
        try:
            return self.accept(msg)
        except (ValueError, TypeError) as exc:
            return self.reject(_refused(msg, "unreadable", f"{type(exc).__name__}: {exc}"[:2000]))

    def _report_missing(self, msg: Inbound, missing: list[MissingFile]) -> None:
        """The message is an incident; the files it lost are the administrator's to see."""
        detail = "; ".join(f"{m.name}: {m.reason}: {m.detail}" for m in missing)
        self._keep(
            _refused(
                replace(msg, source_id=f"{msg.source_id}:files"),
                "attachment_not_stored",
                f"the message is an incident; files not stored: {detail}"[:4000],
            )
        )

    def _thread_of(self, msg: Inbound) -> int | None:
        with self.server.db.read() as s:
            if msg.incident_number:
                found = s.scalar(
                    select(Incident.id).where(
                        Incident.number == msg.incident_number,
                        Incident.training_session_id.is_(None),
                    )
                )
                if found is not None:
                    return found
            if msg.replies_to:
                rows = dict(
                    s.execute(
                        select(ChannelMessage.message_id, ChannelMessage.incident_id).where(
                            ChannelMessage.channel == msg.channel.value,
                            ChannelMessage.message_id.in_(msg.replies_to),
                        )
                    ).all()
                )
                for ref in msg.replies_to:
                    if ref in rows:
                        return rows[ref]
        return None

    def _remember(self, s, msg: Inbound, incident_id: int, now: datetime) -> None:
        s.add(
            ChannelMessage(
                channel=msg.channel.value,
                message_id=msg.source_id,
                incident_id=incident_id,
                direction="in",
                address=_clean(msg.address, 320),
                subject=_clean(msg.subject, 1000),
                at=now,
                adapter=self.adapter,
            )
        )

    def _follow_up(
        self, msg: Inbound, incident_id: int, now: datetime, refs: list[dict] | None = None
    ) -> str:
        try:
            with self.server.db.write() as s:
                inc = s.scalars(
                    select(Incident).where(Incident.id == incident_id).with_for_update()
                ).one()
                self._remember(s, msg, incident_id, now)
                s.flush()
                data = {
                    "channel": msg.channel.value,
                    "source_id": msg.source_id,
                    "author_name": _clean(msg.author_name, 200),
                    "text": msg.text,
                    "received_at": _received(msg.received_at, now).isoformat(),
                }
                if refs:
                    data["files"] = [r["name"] for r in refs]
                    known = {a.get("id") for a in inc.attachments or [] if isinstance(a, dict)}
                    added = [r for r in refs if r["id"] not in known]
                    inc.attachments = [*(inc.attachments or []), *added]  # a new list: saved
                record_change(s, inc, now, [("followup", data)])
        except IntegrityError:
            return DUPLICATE  # another process stored it first
        return FOLLOWUP

    def _create(self, msg: Inbound, now: datetime, refs: list[dict] | None = None) -> str:
        if not msg.municipality_code:
            return self._keep(
                _refused(
                    msg,
                    "unknown_municipality",
                    "no municipality is configured for the address it was sent to",
                )
            )
        category: dict = {}
        if msg.category_code:
            with self.server.db.read() as s:
                cat = s.scalar(select(Category).where(Category.code == msg.category_code))
            if cat is not None:
                category = {"category_code": cat.code, "sector": Sector(cat.sector)}
        item = IngestItem(
            channel=msg.channel,
            source_id=msg.source_id,
            source_url=msg.source_url,
            author_name=_clean(msg.author_name, 200),
            text=msg.text,
            received_at=_received(msg.received_at, now),
            municipality_code=msg.municipality_code,
            **category,
        )
        try:
            result = ingest(
                self.server, None, IngestRequest(items=[item]), files=[refs or []]
            ).results[0]
        except ApiError as exc:
            return self._keep(
                _refused(
                    msg,
                    "unknown_municipality" if exc.code == "unknown_code" else exc.code,
                    f"municipality code {msg.municipality_code!r} refused: {exc}",
                )
            )
        try:
            with self.server.db.write() as s:
                self._remember(s, msg, result.incident_id, now)
        except IntegrityError:
            pass  # stored by a concurrent fetch of the same message
        return CREATED if result.outcome == "created" else DUPLICATE

    def reject(self, r: Rejected) -> str:
        """Keep a refused message of the adapter for the administrator (once per message)."""
        return self._keep(replace(r, source_id=self.key(r.source_id)))

    def _keep(self, r: Rejected) -> str:
        raw = r.raw if r.raw is None or len(r.raw) <= MAX_KEPT_BYTES else r.raw[:MAX_KEPT_BYTES]
        try:
            with self.server.db.write() as s:
                exists = s.scalar(
                    select(ChannelReject.id).where(
                        ChannelReject.channel == r.channel.value,
                        ChannelReject.source_id == r.source_id,
                    )
                )
                if exists is None:
                    s.add(
                        ChannelReject(
                            channel=r.channel.value,
                            source_id=r.source_id[:300],
                            reason=r.reason[:64],
                            detail=r.detail,
                            size=r.size,
                            raw=raw,
                            received_at=datetime.now(UTC),
                        )
                    )
        except IntegrityError:
            pass
        log.warning(
            "%s message %s kept for the administrator: %s", r.channel, r.source_id, r.reason
        )
        return REJECTED
