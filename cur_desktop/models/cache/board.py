"""The team board from the local cache, for when the server cannot be reached.

The same figures as the server's `/api/v1/team` (cur_server/board.py) over what the cache holds,
which is the user's own scope: load by SLA state from the stored `sla_due` / `sla_risk_at`
moments (as the queue counts them), and today's first answers with their writers. The user's
not yet sent work is included, so a bulk reassignment shows at once. Presence cannot be known
offline: every member is `PresenceState.UNKNOWN`.
"""

from __future__ import annotations

import statistics
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select, text

from ..domain import ApprovalState, ReplyKind, Role
from ..statuses import Status
from ..team import Load, PresenceState, TeamBoard, TeamMember
from .incidents import sla_clock, to_epoch
from .schema import RUNNING_TERM, incidents, replies
from .store import CacheStore

IN_WORK = frozenset({Status.IN_PROGRESS, Status.ROUTED, Status.INTERIM_ANSWER})
_ANSWERS = (ReplyKind.INTERIM.value, ReplyKind.FINAL.value)


def _loads(conn: Connection, now: int) -> dict[int | None, Load]:
    """Open incidents per holder (None: nobody) by SLA state, from the running part's index."""
    counts: dict[int | None, list[int]] = {}
    rows = conn.execute(
        select(
            incidents.c.assignee_id,
            incidents.c.status,
            incidents.c.sla_due,
            incidents.c.sla_risk_at,
        ).where(text(RUNNING_TERM))
    )
    for holder, status, due, risk in rows:
        c = counts.setdefault(holder, [0, 0, 0, 0])
        c[0] += 1
        c[1] += Status(status) in IN_WORK
        c[2] += risk is not None and risk <= now < due
        c[3] += due <= now
    return {
        holder: Load(assigned=a, in_work=w, at_risk=r, overdue=o)
        for holder, (a, w, r, o) in counts.items()
    }


def _first_answers(conn: Connection, start: int, end: int) -> dict[int, list[float]]:
    """Minutes to each first answer given in [start, end), by its writer: the author of the
    first published answer since the SLA clock (re)started, else the holder (as the server)."""
    answered = conn.execute(
        select(
            incidents.c.id,
            incidents.c.assignee_id,
            incidents.c.sla_started_at,
            incidents.c.first_answered_at,
        ).where(incidents.c.first_answered_at >= start, incidents.c.first_answered_at < end)
    ).all()
    authors: dict[int, int] = {}
    for iid, author in conn.execute(
        select(replies.c.incident_id, replies.c.author_id)
        .join(incidents, incidents.c.id == replies.c.incident_id)
        .where(
            incidents.c.first_answered_at >= start,
            incidents.c.first_answered_at < end,
            replies.c.kind.in_(_ANSWERS),
            replies.c.approval_state == ApprovalState.PUBLISHED.value,
            replies.c.created_at >= incidents.c.sla_started_at,
        )
        .order_by(replies.c.incident_id, replies.c.created_at.desc(), replies.c.id.desc())
    ):
        authors[iid] = author  # the last one kept per incident is the earliest
    minutes: dict[int, list[float]] = {}
    for iid, holder, since, at in answered:
        who = authors.get(iid, holder)
        if who is not None:
            minutes.setdefault(who, []).append((at - since) / 60)
    return minutes


def _colleagues(me: dict[str, Any], users: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The usual members of `me`'s board, as the server picks them."""
    role = Role(me.get("role", Role.OPERATOR))
    if role in (Role.SUPERVISOR, Role.ADMIN):
        return [u for u in users if u["role"] == Role.OPERATOR]
    if role is Role.DISTRICT_OFFICIAL:
        mine = set(me.get("municipality_ids") or [])
        return [
            u
            for u in users
            if u["role"] == Role.DISTRICT_OFFICIAL and mine & set(u.get("municipality_ids") or [])
        ]
    return []


def local_board(conn: Connection, now: datetime | None = None) -> TeamBoard:
    """The signed-in user's board (`me` and the reference as the cache's meta keeps them)."""
    now = now or datetime.now(UTC)
    me = CacheStore.get_meta(conn, "user", {}) or {}
    reference = CacheStore.get_meta(conn, "reference", {}) or {}
    tz = sla_clock(conn).calendar.tz
    day_start = datetime.combine(now.astimezone(tz).date(), time(0), tzinfo=tz)
    loads = _loads(conn, to_epoch(now))
    answers = _first_answers(conn, to_epoch(day_start), to_epoch(day_start + timedelta(days=1)))
    users = {u["id"]: u for u in reference.get("users", [])}
    wanted = {u["id"] for u in _colleagues(me, list(users.values()))}
    wanted |= {uid for uid in (*loads, *answers) if uid is not None}
    idle = Load(assigned=0, in_work=0, at_risk=0, overdue=0)
    members = []
    for uid in wanted:
        user = users.get(uid, {"username": str(uid), "full_name": f"Сотрудник {uid}"})
        times = answers.get(uid, [])
        members.append(
            TeamMember(
                user_id=uid,
                username=user["username"],
                full_name=user["full_name"],
                role=user.get("role", Role.OPERATOR),
                active=True,
                presence=PresenceState.UNKNOWN,
                load=loads.get(uid, idle),
                answered_today=len(times),
                median_first_answer_minutes=round(statistics.median(times), 1) if times else None,
            )
        )
    members.sort(key=lambda m: (m.full_name, m.user_id))
    return TeamBoard(
        as_of=now,
        day=day_start.date(),
        members=members,
        unassigned=loads.get(None, idle),
        from_cache=True,
    )
