"""Where the open incidents' deadlines stand: loads per holder and the list of what is at risk
or overdue, by the server's SLA clock.

The deadline that runs is the first answer's until one is given, then the final answer's (as
the workstation's queue has it). «Overdue» is a plain comparison, done in SQL; «under threat»
(the last quarter of the working time) needs the calendar, so only deadlines still ahead are
read, and a `WorkingTimeline` gives each one the same answer as `SlaClock.state`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from cur_desktop.models.sla import SlaClock
from cur_desktop.models.sla_timeline import WorkingTimeline
from cur_desktop.models.statuses import OPEN_STATUSES, Status
from cur_desktop.models.team import MAX_HANDOVER_INCIDENTS, LeftIncident, Load

from .access import Actor, incident_scope
from .tables import Incident, User

IN_WORK = frozenset({Status.IN_PROGRESS, Status.ROUTED, Status.INTERIM_ANSWER})
_UNANSWERED = Incident.first_answered_at.is_(None)
#: The running deadline and the start of its window.
DUE = case((_UNANSWERED, Incident.first_answer_due), else_=Incident.final_answer_due)
START = case((_UNANSWERED, Incident.sla_started_at), else_=Incident.first_answered_at)
#: A deadline further ahead than this is not in the last quarter of any window the policy
#: allows (hours for a first answer, days for the final one), so it is not read for «under
#: threat»; and a window is not looked at further back. Keeps the timeline to two years, whatever
#: a stored date says.
HORIZON = timedelta(days=366)


@dataclass(frozen=True)
class Deadline:
    id: int
    number: str
    status: Status
    assignee_id: int | None
    due: datetime
    overdue: bool


def _open(actor: Actor):
    return and_(incident_scope(actor), Incident.status.in_(sorted(s.value for s in OPEN_STATUSES)))


def _deadline(row, overdue: bool) -> Deadline:
    return Deadline(row.id, row.number, Status(row.status), row.assignee_id, row.due, overdue)


def _at_risk_rows(session: Session, actor: Actor, clock: SlaClock, now: datetime, *columns):
    """`columns` of the open incidents in scope whose deadline is ahead and in its last
    quarter (read with their `start` and `due`)."""
    rows = session.execute(
        select(*columns, START.label("start"), DUE.label("due")).where(
            _open(actor), DUE > now, DUE <= now + HORIZON
        )
    ).all()
    if not rows:
        return []
    floor = now - HORIZON
    first = max(min(min(r.start for r in rows), now), floor)
    timeline = WorkingTimeline(clock.calendar, first, max(r.due for r in rows))
    windows = ((max(r.start, first), r.due) for r in rows)
    risky = timeline.at_risk(clock.policy, windows, now)
    return [r for r, yes in zip(rows, risky, strict=True) if yes]


def at_risk(session: Session, actor: Actor, clock: SlaClock, now: datetime) -> list[Deadline]:
    """Open incidents in scope whose deadline is ahead and in its last quarter, by due time."""
    rows = _at_risk_rows(
        session,
        actor,
        clock,
        now,
        Incident.id,
        Incident.number,
        Incident.status,
        Incident.assignee_id,
    )
    return sorted((_deadline(r, False) for r in rows), key=lambda d: (d.due, d.id))


def loads(session: Session, actor: Actor, clock: SlaClock, now: datetime) -> dict:
    """`Load` per holder of open incidents in scope (key None: nobody holds them)."""
    in_work = sorted(s.value for s in IN_WORK)
    rows = session.execute(
        select(
            Incident.assignee_id,
            func.count(),
            func.sum(case((Incident.status.in_(in_work), 1), else_=0)),
            func.sum(case((DUE <= now, 1), else_=0)),
        )
        .where(_open(actor))
        .group_by(Incident.assignee_id)
    ).all()
    risky = Counter(
        r.assignee_id for r in _at_risk_rows(session, actor, clock, now, Incident.assignee_id)
    )
    return {
        holder: Load(assigned=n, in_work=int(w or 0), at_risk=risky[holder], overdue=int(o or 0))
        for holder, n, w, o in rows
    }


def left_at_risk(session: Session, actor: Actor, clock: SlaClock, now: datetime):
    """What the next shift must see to first: overdue incidents (the oldest due first), then
    those at risk; at most MAX_HANDOVER_INCIDENTS of them, and how many there are in all."""
    late = and_(_open(actor), DUE <= now)
    overdue_count = session.scalar(select(func.count()).select_from(Incident).where(late))
    overdue = session.execute(
        select(
            Incident.id, Incident.number, Incident.status, Incident.assignee_id, DUE.label("due")
        )
        .where(late)
        .order_by(DUE, Incident.id)
        .limit(MAX_HANDOVER_INCIDENTS)
    ).all()
    risky = at_risk(session, actor, clock, now)
    shown = ([_deadline(r, True) for r in overdue] + risky)[:MAX_HANDOVER_INCIDENTS]
    holders = sorted({d.assignee_id for d in shown if d.assignee_id is not None})
    names = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(holders))).all())
    incidents = [
        LeftIncident(
            id=d.id,
            number=d.number,
            status=d.status,
            overdue=d.overdue,
            due=d.due,
            assignee_id=d.assignee_id,
            assignee_name=names.get(d.assignee_id),
        )
        for d in shown
    ]
    return incidents, overdue_count + len(risky)
