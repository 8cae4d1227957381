"""The trainer's live view of a session: what each trainee holds, has answered and routed, the
SLA state of each incident on the session's clock, the replies sent so far and those being
written.

Replies shown are those the server has: sent by the trainee (pending approval, returned,
published), the latest text of each. Drafts are what trainees' workstations last reported with
the presence heartbeat (see training_drafts); a draft older than its author's latest reply on
the incident was sent meanwhile and is not shown. A draft whose author no longer has the
incident open (their heartbeat is on another one, or stale) is shown as left unsent, not as
being written now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cur_desktop.models import training as t
from cur_desktop.models.domain import Role

from .presence import is_fresh
from .tables import (
    Event,
    Incident,
    Presence,
    Reply,
    TrainingDraft,
    TrainingItem,
    TrainingMember,
    TrainingSession,
    User,
)
from .training_clock import SessionClock
from .training_drafts import drafts_of

#: «Under threat» in the last quarter of the allowance, as for real incidents.
AT_RISK_SHARE = 0.25
ANSWER_KINDS = ("interim", "final")


@dataclass
class Work:
    """One released incident with everything done to it."""

    incident: Incident
    item: TrainingItem
    replies: list[Reply] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    drafts: list[tuple[TrainingDraft, str]] = field(default_factory=list)

    def live_drafts(self) -> list[tuple[TrainingDraft, str]]:
        """Drafts not yet overtaken by a reply their author sent."""
        out = []
        for draft, name in self.drafts:
            sent = [r.created_at for r in self.replies if r.author_id == draft.user_id]
            if not sent or draft.updated_at > max(sent):
                out.append((draft, name))
        return out

    def drafted_by(self, user_id: int) -> bool:
        return any(d.user_id == user_id for d, _ in self.live_drafts())

    def answers_by(self, user_id: int) -> list[Reply]:
        return [r for r in self.replies if r.author_id == user_id and r.kind in ANSWER_KINDS]

    def first_answer(self) -> Reply | None:
        answers = [r for r in self.replies if r.kind in ANSWER_KINDS]
        return min(answers, key=lambda r: (r.created_at, r.id)) if answers else None


def load_work(s: Session, session_id: int) -> list[Work]:
    rows = s.execute(
        select(Incident, TrainingItem)
        .join(TrainingItem, TrainingItem.incident_id == Incident.id)
        .where(TrainingItem.session_id == session_id)
        .order_by(TrainingItem.released_minute, Incident.id)
    ).all()
    work = {inc.id: Work(inc, item) for inc, item in rows}
    if work:
        ids = sorted(work)
        for r in s.scalars(select(Reply).where(Reply.incident_id.in_(ids)).order_by(Reply.id)):
            work[r.incident_id].replies.append(r)
        for e in s.scalars(select(Event).where(Event.incident_id.in_(ids)).order_by(Event.id)):
            work[e.incident_id].events.append(e)
    return list(work.values())


def trainees_of(s: Session, session_id: int) -> list[tuple[User, str | None]]:
    return list(
        s.execute(
            select(User, TrainingMember.comment)
            .join(TrainingMember, TrainingMember.user_id == User.id)
            .where(TrainingMember.session_id == session_id, TrainingMember.role == Role.TRAINEE)
            .order_by(User.full_name, User.id)
        ).all()
    )


def sla_state(w: Work, clock: SessionClock, minute_now: float) -> t.SlaState:
    first = w.first_answer()
    if first is not None:
        at = clock.minute_at(first.created_at) or 0.0
        return t.SlaState.MET if at <= w.item.due_minute else t.SlaState.MISSED
    if minute_now > w.item.due_minute:
        return t.SlaState.OVERDUE
    allowance = w.item.due_minute - w.item.released_minute
    if minute_now >= w.item.due_minute - AT_RISK_SHARE * allowance:
        return t.SlaState.AT_RISK
    return t.SlaState.RUNNING


def incident_view(
    w: Work, clock: SessionClock, minute_now: float, open_now: dict[int, int]
) -> t.IncidentView:
    """`open_now`: user id → the incident their workstation has open now (fresh heartbeats)."""
    inc = w.incident
    return t.IncidentView(
        id=inc.id,
        number=inc.number,
        key=w.item.key,
        status=inc.status,
        importance=inc.importance,
        released_minute=w.item.released_minute,
        due_minute=w.item.due_minute,
        sla=sla_state(w, clock, minute_now),
        municipality_id=inc.municipality_id,
        sector=inc.sector,
        category_id=inc.category_id,
        agency_id=inc.agency_id,
        assignee_id=inc.assignee_id,
        replies=[
            t.ReplyView(
                id=r.id,
                kind=r.kind,
                approval_state=r.approval_state,
                text=r.text,
                created_at=r.created_at,
                minute=clock.minute_at(r.created_at),
            )
            for r in w.replies
        ],
        drafts=[
            t.DraftView(
                user_id=d.user_id,
                full_name=name,
                kind=d.kind,
                text=d.text,
                updated_at=d.updated_at,
                minute=clock.minute_at(d.updated_at),
                writing_now=open_now.get(d.user_id) == inc.id,
            )
            for d, name in w.live_drafts()
        ],
    )


def live_view(s: Session, ts: TrainingSession, session_out: t.SessionOut, now: datetime):
    clock = SessionClock(ts.clock)
    minute_now = clock.minute_at(now) or 0.0
    work = load_work(s, ts.id)
    by_id = {w.incident.id: w for w in work}
    for draft, name in drafts_of(s, ts.id):
        if draft.incident_id in by_id:
            by_id[draft.incident_id].drafts.append((draft, name))
    members = trainees_of(s, ts.id)
    # Heartbeats are stamped by the wall clock (team.py), not the session's: compared with it.
    wall = datetime.now(UTC)
    open_now = {
        user_id: incident_id
        for user_id, incident_id, seen_at in s.execute(
            select(Presence.user_id, Presence.incident_id, Presence.seen_at).where(
                Presence.user_id.in_([user.id for user, _ in members])
            )
        )
        if incident_id is not None and is_fresh(seen_at, wall)
    }
    trainees = []
    for user, _comment in members:
        mine = [
            w
            for w in work
            if w.incident.assignee_id == user.id or w.answers_by(user.id) or w.drafted_by(user.id)
        ]
        views = [incident_view(w, clock, minute_now, open_now) for w in mine]
        trainees.append(
            t.TraineeLive(
                user_id=user.id,
                username=user.username,
                full_name=user.full_name,
                claimed=sum(1 for w in mine if w.incident.assignee_id == user.id),
                answered=sum(1 for w in mine if w.answers_by(user.id)),
                routed=sum(1 for w in mine if w.incident.agency_id is not None),
                overdue=sum(1 for v in views if v.sla in (t.SlaState.OVERDUE, t.SlaState.MISSED)),
                incidents=views,
            )
        )
    unassigned = [
        incident_view(w, clock, minute_now, open_now)
        for w in work
        if w.incident.assignee_id is None and not w.replies and not w.live_drafts()
    ]
    return t.LiveView(session=session_out, unassigned=unassigned, trainees=trainees)
