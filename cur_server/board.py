"""The team board: who is at work, what each holds by SLA state, first answers today.

Figures are over the caller's scope (`access.incident_scope`): a supervisor sees the region, a
district official their municipalities. Loads come from `deadlines`.
"""

from __future__ import annotations

import statistics
from datetime import datetime, time, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from cur_desktop.models.domain import ApprovalState, ReplyKind, Role
from cur_desktop.models.sla import SlaClock
from cur_desktop.models.team import Activity, Load, TeamBoard, TeamMember

from .access import Actor, incident_scope
from .deadlines import loads
from .presence import is_fresh, presence_state
from .tables import Incident, Presence, Reply, User, UserMunicipality


def local_day(clock: SlaClock, now: datetime) -> tuple[datetime, datetime]:
    """Start and end of the region's local day that contains `now`."""
    tz = clock.calendar.tz
    start = datetime.combine(now.astimezone(tz).date(), time(0), tzinfo=tz)
    return start, start + timedelta(days=1)


def first_answers(session: Session, actor: Actor, start: datetime, end: datetime):
    """Minutes to each first answer given in [start, end), by the user who wrote it.

    The writer is the author of the first published answer since the SLA clock (re)started;
    an approved trainee's answer counts for the trainee. With no such reply on record (a
    migrated history), the incident's holder gets it.
    """
    answered = (Incident.first_answered_at >= start, Incident.first_answered_at < end)
    incidents = session.execute(
        select(
            Incident.id, Incident.assignee_id, Incident.sla_started_at, Incident.first_answered_at
        ).where(incident_scope(actor), *answered)
    ).all()
    authors: dict[int, int] = {}
    for iid, author in session.execute(
        select(Reply.incident_id, Reply.author_id)
        .join(Incident, Incident.id == Reply.incident_id)
        .where(
            incident_scope(actor),
            *answered,
            Reply.kind.in_((ReplyKind.INTERIM.value, ReplyKind.FINAL.value)),
            Reply.approval_state == ApprovalState.PUBLISHED.value,
            Reply.created_at >= Incident.sla_started_at,
        )
        .order_by(Reply.incident_id, Reply.created_at.desc(), Reply.id.desc())
    ):
        authors[iid] = author  # the last one written per incident is the earliest
    minutes: dict[int, list[float]] = {}
    for iid, holder, started, answered_at in incidents:
        who = authors.get(iid, holder)
        if who is not None:
            minutes.setdefault(who, []).append((answered_at - started).total_seconds() / 60)
    return minutes


def _colleagues(actor: Actor):
    """Who belongs on the caller's board besides anyone holding a case in scope."""
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        return User.role == Role.OPERATOR.value
    if actor.role is Role.DISTRICT_OFFICIAL:
        shares_district = select(UserMunicipality.user_id).where(
            UserMunicipality.municipality_id.in_(sorted(actor.municipality_ids))
        )
        return and_(User.role == Role.DISTRICT_OFFICIAL.value, User.id.in_(shares_district))
    raise ValueError(f"no team board for {actor.role}")


def team_board(session: Session, actor: Actor, clock: SlaClock, now: datetime) -> TeamBoard:
    held = loads(session, actor, clock, now)
    idle = Load(assigned=0, in_work=0, at_risk=0, overdue=0)
    unassigned = held.pop(None, idle)
    day_start, day_end = local_day(clock, now)
    answers = first_answers(session, actor, day_start, day_end)
    busy = sorted(set(held) | set(answers))  # on the board even if not of the usual roles
    users = session.scalars(
        select(User).where(or_(User.id.in_(busy), and_(User.active, _colleagues(actor))))
    ).all()
    beats = {
        p.user_id: p
        for p in session.scalars(
            select(Presence).where(Presence.user_id.in_([u.id for u in users]))
        )
    }
    on_screen = {
        p.incident_id
        for p in beats.values()
        if p.incident_id is not None and is_fresh(p.seen_at, now)
    }
    visible = set(
        session.scalars(
            select(Incident.id).where(Incident.id.in_(on_screen), incident_scope(actor))
        )
    )
    members = []
    for user in users:
        beat = beats.get(user.id)
        seen = max((t for t in (user.last_seen_at, beat and beat.seen_at) if t), default=None)
        fresh = beat is not None and is_fresh(beat.seen_at, now)
        activity = Activity(beat.activity) if fresh else None
        current = beat.incident_id if fresh and activity is not Activity.IDLE else None
        times = answers.get(user.id, [])
        members.append(
            TeamMember(
                user_id=user.id,
                username=user.username,
                full_name=user.full_name,
                role=user.role,
                active=user.active,
                presence=presence_state(seen, now),
                last_seen_at=seen,
                activity=activity,
                current_incident_id=current if current in visible else None,
                load=held.get(user.id, idle),
                answered_today=len(times),
                median_first_answer_minutes=round(statistics.median(times), 1) if times else None,
            )
        )
    order = {"online": 0, "away": 1, "offline": 2}
    members.sort(key=lambda m: (order[m.presence], m.full_name, m.user_id))
    return TeamBoard(as_of=now, day=day_start.date(), members=members, unassigned=unassigned)
