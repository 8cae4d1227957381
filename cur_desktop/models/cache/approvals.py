"""The supervisor's approval queue, read from the cache: replies the server holds back until
someone approves them. Only server replies count (a local reply has no id the server knows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, select, text

from .schema import incidents, replies

#: The condition of the partial index `ix_replies_pending` (cache migration 0003), spelled as a
#: literal: SQLite uses a partial index only when the query states its condition, not a parameter.
PENDING_TERM = "replies.approval_state = 'pending_approval'"
#: The most rows the panel lists; the oldest come first, so nothing waits unseen for long.
MAX_PENDING = 500


def pending_query(limit: int = MAX_PENDING) -> Select:
    """Replies waiting for approval, oldest first, with their incident's number and the
    citizen's message (`question`: the answer is judged beside it)."""
    return (
        select(
            replies.c.id,
            replies.c.incident_id,
            replies.c.kind,
            replies.c.text,
            replies.c.author_id,
            replies.c.created_at,
            incidents.c.number,
            incidents.c.importance,
            incidents.c.text.label("question"),
        )
        .join(incidents, incidents.c.id == replies.c.incident_id)
        .where(text(PENDING_TERM), replies.c.local == 0, replies.c.id > 0)
        .order_by(replies.c.created_at, replies.c.id)
        .limit(limit)
    )


def pending_replies(conn: Connection, limit: int = MAX_PENDING) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(pending_query(limit))]
