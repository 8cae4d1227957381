"""What the channels kept without making an incident, for the administrator to look at: over
the API (`GET /api/v1/admin/channel-rejects`, admins only, page by page) and on the command
line (`cur-server channels --rejected N`)."""

# No `from __future__ import annotations`: FastAPI must see the real types of the parameters.

import json
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select

from cur_desktop.models import channel_rejects as cr
from cur_desktop.models.contract import MAX_DB_INT, ErrorBody
from cur_desktop.models.domain import Role

from ..access import Actor, require_role
from ..context import ServerContext
from ..tables import ChannelReject

#: Bytes read from the database for a preview: enough for PREVIEW_CHARS of any UTF-8 text.
_PREVIEW_BYTES = cr.PREVIEW_CHARS * 4
#: Control characters other than tab and line feed (a preview is plain text, shown as such).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def preview_of(raw: bytes | None) -> str:
    text = (raw or b"")[:_PREVIEW_BYTES].decode("utf-8", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)[: cr.PREVIEW_CHARS]


def rejects_page(
    server: ServerContext,
    limit: int = cr.DEFAULT_PAGE,
    before_id: int | None = None,
    channel: str | None = None,
) -> cr.ChannelRejectPage:
    """Newest first; the raw message is read only as far as the preview needs."""
    q = select(
        ChannelReject.id,
        ChannelReject.channel,
        ChannelReject.source_id,
        ChannelReject.received_at,
        ChannelReject.reason,
        ChannelReject.detail,
        ChannelReject.size,
        func.coalesce(func.length(ChannelReject.raw), 0),
        func.substr(ChannelReject.raw, 1, _PREVIEW_BYTES),
    )
    if before_id is not None:
        q = q.where(ChannelReject.id < before_id)
    if channel:
        q = q.where(ChannelReject.channel == channel)
    q = q.order_by(ChannelReject.id.desc()).limit(limit + 1)
    with server.db.read() as s:
        rows = s.execute(q).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [
        cr.ChannelRejectOut(
            id=r[0],
            channel=r[1],
            source_id=r[2],
            received_at=r[3],
            reason=r[4],
            detail=r[5],
            size=r[6],
            kept_bytes=r[7],
            preview=preview_of(bytes(r[8]) if r[8] is not None else None),
        )
        for r in rows
    ]
    return cr.ChannelRejectPage(items=items, next_before_id=items[-1].id if more else None)


def rejects_router(server: ServerContext, current_actor) -> APIRouter:
    CurrentActor = Annotated[Actor, Depends(current_actor)]
    router = APIRouter(tags=["admin"])

    @router.get(
        cr.CHANNEL_REJECTS_PATH,
        responses={
            401: {"model": ErrorBody, "description": "Not signed in or token expired"},
            403: {"model": ErrorBody, "description": "Admins only"},
        },
    )
    def channel_rejects(
        actor: CurrentActor,
        limit: Annotated[int, Query(ge=1, le=cr.MAX_PAGE)] = cr.DEFAULT_PAGE,
        before_id: Annotated[
            int | None, Query(ge=1, le=MAX_DB_INT, description="From `next_before_id`")
        ] = None,
        channel: Annotated[
            str | None, Query(max_length=32, description="Only this channel (email, vk, ...)")
        ] = None,
    ) -> cr.ChannelRejectPage:
        """Messages the channels kept without making an incident, with the reason."""
        require_role(actor, frozenset({Role.ADMIN}), "смотреть отклонённые сообщения каналов")
        return rejects_page(server, limit, before_id, channel)

    return router


def latest_rejects(server: ServerContext, limit: int) -> list[dict]:
    return [
        {
            "id": r.id,
            "channel": r.channel,
            "source_id": r.source_id,
            "reason": r.reason,
            "detail": r.detail,
            "size": r.size,
            "kept_bytes": r.kept_bytes,
            "received_at": r.received_at.isoformat(),
        }
        for r in rejects_page(server, limit).items
    ]


def print_rejects(server: ServerContext, limit: int) -> int:
    """One JSON object a line, newest first (`jq` reads it; the raw message stays in the
    database, `channel_rejects.raw`)."""
    for row in latest_rejects(server, limit):
        print(json.dumps(row, ensure_ascii=False))
    return 0
