"""Tables of the local cache.

Times are integer UTC epoch seconds: the queue sorts and filters by them at 250k rows, and
integers compare faster than ISO strings. The columns shown to a person are the *local* view of
an incident: the server's state with the user's not-yet-acknowledged mutations applied on top.
The server's own state of such an incident is kept aside in `incident_base` so that a pulled
update never overwrites local work and the outbox can be re-applied on top of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from sqlalchemy import Column, Float, Index, Integer, LargeBinary, MetaData, Table, Text, text

from ..domain import CHANNEL_LABELS, SECTOR_LABELS
from ..statuses import Status

metadata = MetaData()


def _rank(column: str, codes: Iterable[StrEnum]) -> str:
    whens = " ".join(f"WHEN '{code.value}' THEN {i}" for i, code in enumerate(codes))
    return f"(CASE {column} {whens} ELSE 99 END)"


#: Sort keys of the queue, indexed below: the lifecycle order, and sectors and channels in the
#: order of their Russian names. A query must spell them exactly so for SQLite to use the index.
STATUS_RANK = _rank("status", Status)
SECTOR_RANK = _rank("sector", sorted(SECTOR_LABELS, key=SECTOR_LABELS.__getitem__))
CHANNEL_RANK = _rank("channel", sorted(CHANNEL_LABELS, key=CHANNEL_LABELS.__getitem__))
#: Conditions of the two partial indexes the queue names (INDEXED BY): cases whose SLA clock
#: runs, and cases changed since the user saw them.
RUNNING_TERM = "sla_due IS NOT NULL"
CHANGED_TERM = "version > seen_version"

incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("source_id", Text, nullable=False),
    Column("source_url", Text),
    Column("author_name", Text),
    Column("text", Text, nullable=False),
    Column("attachments", Text, nullable=False, default="[]"),
    #: Files the server stores (AttachmentOut as JSON): the card shows their thumbnails.
    Column("files", Text, nullable=False, default="[]", server_default="[]"),
    Column("received_at", Integer, nullable=False),
    Column("municipality_id", Integer, nullable=False),
    Column("sector", Text, nullable=False),
    Column("category_id", Integer),
    Column("importance", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("assignee_id", Integer),
    Column("agency_id", Integer),
    Column("sla_started_at", Integer, nullable=False),
    Column("first_answer_due", Integer),
    Column("first_answered_at", Integer),
    Column("final_answer_due", Integer),
    Column("final_answered_at", Integer),
    # The deadline running now (first or final answer), NULL once the clock has stopped.
    Column("sla_due", Integer),
    # When the running deadline turns «под угрозой»: the last quarter of its *working* time
    # begins. Computed on write with the region's calendar so that the queue can filter and
    # count SLA states with plain comparisons against `now` (see incidents.risk_moment).
    Column("sla_risk_at", Integer),
    Column("version", Integer, nullable=False),
    Column("updated_at", Integer, nullable=False),
    Column("training_session_id", Integer),
    # Version the user last looked at, to mark rows changed since (the UI sets it).
    Column("seen_version", Integer, nullable=False, default=0),
    # Number of local mutations not yet acknowledged by the server.
    Column("pending", Integer, nullable=False, default=0),
    # Chosen by measurement at 250k incidents (bench/cache_queries.py, migration 0002); what
    # each one is for is in bench/README.md.
    Index(
        "ix_inc_running",
        *("sla_due", "sla_risk_at", "status", "assignee_id", "municipality_id", "sector"),
        *("channel", "received_at", "version", "seen_version", "pending"),
        sqlite_where=text(RUNNING_TERM),
    ),
    Index("ix_inc_changed", "sla_due", sqlite_where=text(CHANGED_TERM)),
    Index("ix_inc_sla_due", "sla_due", "id"),
    Index("ix_inc_received", "received_at"),
    Index("ix_inc_status_due", "status", "sla_due"),
    Index("ix_inc_channel_due", "channel", "sla_due"),
    Index("ix_inc_assignee_status_due", "assignee_id", "status", "sla_due"),
    Index(
        "ix_inc_municipality_wide",
        *("municipality_id", "sla_due", "sector", "channel", "status", "assignee_id"),
        *("version", "seen_version"),
    ),
    Index(
        "ix_inc_sector_wide",
        *("sector", "sla_due", "municipality_id", "channel", "status", "assignee_id"),
        *("version", "seen_version"),
    ),
    Index("ix_inc_status_rank", text(STATUS_RANK)),
    Index("ix_inc_sector_rank", text(SECTOR_RANK)),
    Index("ix_inc_channel_rank", text(CHANNEL_RANK)),
)

replies = Table(
    "replies",
    metadata,
    # Server id, or a negative id for a reply written here and not yet acknowledged.
    Column("id", Integer, primary_key=True),
    Column("incident_id", Integer, nullable=False, index=True),
    Column("client_id", Text),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("author_id", Integer, nullable=False),
    Column("template_id", Integer),
    Column("approval_state", Text, nullable=False),
    Column("created_at", Integer, nullable=False),
    Column("reviewed_by", Integer),
    Column("reviewed_at", Integer),
    Column("review_comment", Text),
    Column("local", Integer, nullable=False, default=0),
    # Cache migration 0004: where a reply to an e-mail is on its way (ReplyOut.delivery_*).
    Column("delivery_state", Text),
    Column("delivery_error", Text),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("incident_id", Integer, nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("at", Integer, nullable=False),
    Column("actor_id", Integer),
    Column("kind", Text, nullable=False),
    Column("data", Text, nullable=False, default="{}"),
    Column("local", Integer, nullable=False, default=0),
)

#: Thumbnails and opened files of attachments, kept for offline use within a size limit
#: (`attachment_cache.AttachmentCache`): the oldest used goes first.
attachment_files = Table(
    "attachment_files",
    metadata,
    Column("key", Text, primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("used_at", Float, nullable=False),
    Index("ix_attachment_files_used", "used_at"),
)

incident_base = Table(
    "incident_base",
    metadata,
    Column("incident_id", Integer, primary_key=True),
    Column("json", Text, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", Text, nullable=False, unique=True),
    Column("type", Text, nullable=False),
    Column("incident_id", Integer, nullable=False, index=True),
    Column("base_version", Integer),
    Column("payload", Text, nullable=False),
    Column("created_at", Integer, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    sqlite_autoincrement=True,
)

# Mutations the server refused (conflict or rejected): the user's work is kept here to be
# applied again or discarded by the user, never dropped silently.
problems = Table(
    "problems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", Text, nullable=False, unique=True),
    Column("type", Text, nullable=False),
    Column("incident_id", Integer, nullable=False, index=True),
    Column("payload", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("error", Text),
    Column("reason", Text),
    Column("created_at", Integer, nullable=False),
    Column("resolved_at", Integer),
)

drafts = Table(
    "drafts",
    metadata,
    Column("incident_id", Integer, primary_key=True),
    Column("kind", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("template_id", Integer),
    Column("updated_at", Integer, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

#: Full-text index (FTS5, contentless: rowid = incident id). Created by the migration, since
#: SQLAlchemy has no notion of virtual tables.
SEARCH_TABLE = "incident_search"
CREATE_SEARCH_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
    "body, content='', contentless_delete=1, "
    "tokenize='unicode61 remove_diacritics 2')"
)
