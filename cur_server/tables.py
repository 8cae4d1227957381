"""The server's database schema (SQLAlchemy ORM). Alembic migrations are generated from it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and always hands back aware UTC ones.

    SQLite keeps no time zone, PostgreSQL does: normalising here spares every caller the check.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def result_processor(self, dialect: Any, coltype: Any):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)

        # SQLite hands back ISO text. `fromisoformat` (C) reads it several times faster than
        # the dialect's regex followed by `replace(tzinfo=...)`, which matters when the changes
        # feed reads 100k incidents with their events.
        def process(value: str | None) -> datetime | None:
            if value is None:
                return None
            try:
                return datetime.fromisoformat(value + "+00:00")  # stored as naive UTC
            except ValueError:  # the text carries an offset of its own
                return datetime.fromisoformat(value).astimezone(UTC)

        return process


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "server_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Counter(Base):
    """Named monotonic counters (the change sequence, incident serials per year)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Municipality(Base):
    __tablename__ = "municipalities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="district")


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(32))


class Agency(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    sector: Mapped[str | None] = mapped_column(String(32))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    municipalities: Mapped[list[Municipality]] = relationship(
        secondary="user_municipalities", lazy="selectin"
    )

    @property
    def municipality_ids(self) -> list[int]:
        return sorted(m.id for m in self.municipalities)


class UserMunicipality(Base):
    __tablename__ = "user_municipalities"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), primary_key=True)


class Session(Base):
    """A sign-in: holds the refresh token's hash; revoking it ends the access tokens too."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Template(Base):
    __tablename__ = "templates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    sector: Mapped[str | None] = mapped_column(String(32))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


#: What the analytics read besides `received_at` (the covering index of migration 0003).
ANALYTICS_COLUMNS = (
    "training_session_id",
    "municipality_id",
    "sector",
    "category_id",
    "status",
    "assignee_id",
    "agency_id",
    "first_answer_due",
    "first_answered_at",
    "address_key",
    "text_key",
)


class Incident(Base):
    __tablename__ = "incidents"
    __table_args__ = (
        UniqueConstraint("channel", "source_id", name="uq_incident_source"),
        # The changes feed pages by `seq` within a scope: a district's municipalities, or real
        # (training_session_id IS NULL) against training data. With an index on
        # training_session_id alone, SQLite matched every real incident and sorted them for
        # every page: 40 ms a page at 100k incidents, against 1 ms with these.
        Index("ix_incident_scope_seq", "municipality_id", "seq"),
        Index("ix_incident_training_seq", "training_session_id", "seq"),
        # Analytics (migration 0003): a period's incidents by receipt time, on PostgreSQL with
        # every column the aggregates read, so they scan the index alone (a quarter of the
        # table's size); a cluster's members by their key; what is open (overdue now).
        Index(
            "ix_incident_received",
            "received_at",
            postgresql_include=list(ANALYTICS_COLUMNS),
        ),
        Index("ix_incident_address_key", "address_key"),
        Index("ix_incident_text_key", "text_key"),
        Index("ix_incident_status", "status"),
        # The team board's first answers of the day (migration 0004).
        Index("ix_incident_first_answered", "first_answered_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    channel: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(String(200))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    author_name: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    #: Links (str, older data and collectors') and stored files ({"id": …}, attachments.py).
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    sector: Mapped[str] = mapped_column(String(32))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    importance: Mapped[str] = mapped_column(String(16), default="normal")
    status: Mapped[str] = mapped_column(String(32), default="new")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    sla_started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    first_answer_due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    final_answer_due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    final_answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    training_session_id: Mapped[int | None] = mapped_column(Integer)
    #: Near-duplicate keys computed from the text on creation (cur_desktop.models.fingerprint).
    address_key: Mapped[str | None] = mapped_column(String(200))
    text_key: Mapped[str | None] = mapped_column(String(32))
    #: The incident as the changes feed sends it (`IncidentOut` JSON), made when it was written,
    #: and the key it was made under (`wire_json.tag`: version and contract); served only while
    #: the key matches. Database triggers clear both when the incident, its replies or its events
    #: change without them (migration 0010). Deferred: the ORM never loads them.
    wire_json: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    wire_tag: Mapped[str | None] = mapped_column(String(40), deferred=True)

    replies: Mapped[list[Reply]] = relationship(
        back_populates="incident", order_by="Reply.id", lazy="raise"
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="incident", order_by="Event.id", lazy="raise"
    )


class Reply(Base):
    __tablename__ = "replies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    client_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("templates.id"))
    approval_state: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    review_comment: Mapped[str | None] = mapped_column(Text)
    #: For a reply the server delivers to the citizen's channel (see `Delivery`), else NULL.
    delivery_state: Mapped[str | None] = mapped_column(String(16))
    delivery_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    incident: Mapped[Incident] = relationship(back_populates="replies")


class Event(Base):
    """The audit trail: every change to an incident, who made it and when."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    incident: Mapped[Incident] = relationship(back_populates="events")


class ScopeMove(Base):
    """An incident moved to another municipality: it leaves the old district's feed."""

    __tablename__ = "scope_moves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    from_municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    to_municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))


class AppliedMutation(Base):
    """Every mutation id ever seen, stored in the same transaction as its effect."""

    __tablename__ = "applied_mutations"
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    incident_id: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# --- the supervisor's console (issue 5): presence, shift handover, quality reviews ----------


class Presence(Base):
    """Where each user was last seen at work: one row per user, replaced by every heartbeat."""

    __tablename__ = "presence"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    activity: Mapped[str] = mapped_column(String(16))
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HandoverNote(Base):
    """A supervisor's note for the next shift."""

    __tablename__ = "handover_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class QualityReview(Base):
    """A supervisor's checklist on one published answer; a second review of it replaces the first
    (the incident's history keeps both)."""

    __tablename__ = "quality_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id"), unique=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    polite: Mapped[bool] = mapped_column(Boolean)
    concrete_action: Mapped[bool] = mapped_column(Boolean)
    correct_agency: Mapped[bool] = mapped_column(Boolean)
    on_time: Mapped[bool] = mapped_column(Boolean)
    no_brush_off: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


# --- training mode (issue 6): practice sessions apart from real data --------------------------


class TrainingSession(Base):
    """A practice session run by a trainer from a scenario; its incidents carry its id.

    `clock` is the list of run segments of the session's virtual clock (see training_clock).
    """

    __tablename__ = "training_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    scenario_name: Mapped[str | None] = mapped_column(String(100))
    scenario_text: Mapped[str] = mapped_column(Text)
    trainer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="ready")
    speed: Mapped[int] = mapped_column(Integer, default=1)
    clock: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TrainingMember(Base):
    """Who takes part: the trainer who owns the session and the trainees, with the trainer's
    comment on each trainee for the scorecard."""

    __tablename__ = "training_members"
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class TrainingCode(Base):
    """A one-time code a trainee redeems for an account bound to one session (stored hashed)."""

    __tablename__ = "training_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    redeemed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TrainingItem(Base):
    """A released scenario incident: its scenario entry and its times in scenario minutes."""

    __tablename__ = "training_items"
    __table_args__ = (UniqueConstraint("session_id", "key", name="uq_training_item_key"),)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    released_minute: Mapped[float] = mapped_column(Float)
    due_minute: Mapped[float] = mapped_column(Float)


class TrainingDraft(Base):
    """The reply a trainee is writing on an incident, as their last heartbeat carried it, for
    the trainer's live view. Training only: real operators' drafts stay on their workstations."""

    __tablename__ = "training_drafts"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


# Daily counts of real incidents (migration 0006), kept by triggers on `incidents` in the same
# transaction as each change; read by the analytics (cur_server/daily.py). 0 stands for no
# category / operator / agency, so every key column can sit in the primary key.


class DailyPlace(Base):
    __tablename__ = "daily_places"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sector: Mapped[str] = mapped_column(String(32), primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incidents: Mapped[int] = mapped_column(Integer)


class DailyStatus(Base):
    __tablename__ = "daily_statuses"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(32), primary_key=True)
    incidents: Mapped[int] = mapped_column(Integer)


class DailySla(Base):
    __tablename__ = "daily_sla"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignee_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incidents: Mapped[int] = mapped_column(Integer)
    answered: Mapped[int] = mapped_column(Integer)
    answered_on_time: Mapped[int] = mapped_column(Integer)


class DailyOffset(Base):
    """The UTC offset (minutes) the daily counts' days were cut with; one row, id 1."""

    __tablename__ = "daily_offset"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)


# --- channels (issue 13, migration 0008): intake threads, the delivery queue, refused mail -----


class Delivery(Base):
    """An approved reply on its way to the citizen's channel: one row per reply, claimed by one
    channel process at a time (a lease), sent under an idempotency key derived from the reply.
    The reply's own `delivery_*` columns are what clients see; this is the queue's bookkeeping."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_delivery_due", "state", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id"), unique=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    #: queued, sending (claimed, not yet confirmed), sent, failed
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    idempotency_key: Mapped[str] = mapped_column(String(300))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ChannelMessage(Base):
    """A message of a channel conversation, by the channel's own id (an e-mail's Message-ID):
    the citizen's messages and the replies sent, so a follow-up finds its incident."""

    __tablename__ = "channel_messages"
    __table_args__ = (UniqueConstraint("channel", "message_id", name="uq_channel_message"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[str] = mapped_column(String(300))
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    #: "in" from the citizen, "out" a reply sent to them
    direction: Mapped[str] = mapped_column(String(8))
    #: Where a reply to this conversation goes (the citizen's address), for inbound messages.
    address: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(1000))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    #: The adapter (mailbox, bot, community) an inbound message came by, so the reply leaves by
    #: it; none on rows from before migration 0011.
    adapter: Mapped[str | None] = mapped_column(String(64))


class ChannelReject(Base):
    """A message a channel brought that could not become an incident (malformed, too large, no
    known municipality): kept with its reason for an administrator, never silently dropped."""

    __tablename__ = "channel_rejects"
    __table_args__ = (UniqueConstraint("channel", "source_id", name="uq_channel_reject"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    #: The message as received, up to the channel's size limit (beyond it: its headers only).
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# --- attachments (issue 13, migration 0009): files citizens sent, kept by the server ----------


class Attachment(Base):
    """A file a channel brought (a photo), stored once per content: the incident names it in
    its `attachments` list by id (with the name it came under), so the same photo sent twice
    is kept once. The bytes live here, in the database: one backup, one transaction with the
    incident, the same on SQLite and PostgreSQL (see cur_server/attachments.py)."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    #: A JPEG preview for images; None when the file is not an image Pillow reads safely.
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    #: Why there is no thumbnail (English, for an administrator), else None.
    thumbnail_note: Mapped[str | None] = mapped_column(String(300))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
