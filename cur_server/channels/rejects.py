"""What the channels kept without making an incident, for the administrator to look at."""

from __future__ import annotations

import json

from sqlalchemy import select

from ..context import ServerContext
from ..tables import ChannelReject


def latest_rejects(server: ServerContext, limit: int) -> list[dict]:
    with server.db.read() as s:
        rows = s.scalars(select(ChannelReject).order_by(ChannelReject.id.desc()).limit(limit)).all()
        return [
            {
                "id": r.id,
                "channel": r.channel,
                "source_id": r.source_id,
                "reason": r.reason,
                "detail": r.detail,
                "size": r.size,
                "kept_bytes": len(r.raw or b""),
                "received_at": r.received_at.isoformat(),
            }
            for r in rows
        ]


def print_rejects(server: ServerContext, limit: int) -> int:
    """One JSON object a line, newest first (`jq` reads it; the raw message stays in the
    database, `channel_rejects.raw`)."""
    for row in latest_rejects(server, limit):
        print(json.dumps(row, ensure_ascii=False))
    return 0
