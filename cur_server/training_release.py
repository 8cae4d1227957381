"""Releasing a session's scenario incidents on its virtual clock, into the training space.

Release happens twice over: a background task of the server (`training_ticker`) releases what
the clocks of running sessions reached every second, so incidents appear on time with nobody
asking; and every request by a trainer or trainee (see `touch`) releases whatever its sessions'
clocks reached, so the result never waits for a tick. Both go through `release_session`, which
makes a release exactly-once across requests and worker processes. Each incident is stamped
with the wall time at which the clock reached its offset, not with the time of the release.

SLA on training incidents: the first-answer allowance is the scenario's `sla` in scenario
minutes; `first_answer_due` is the wall time the clock will reach it at the current speed. At ×5
a 30-minute allowance is 6 wall minutes. Pausing, resuming or changing speed re-projects the due
times of unanswered incidents (`reproject_due`); while paused, due times shown are those for an
immediate resume.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cur_desktop.models.scenario import ReferenceCodes, Scenario, parse_scenario

from . import wire_json
from .access import TRAINING_ROLES, Actor
from .arrivals import Arrival, add_incidents
from .context import ServerContext
from .db import CHANGE_SEQ, next_values
from .tables import Agency, Category, Incident, Municipality, TrainingItem, TrainingSession
from .training_clock import SessionClock

log = logging.getLogger(__name__)

NOW_KEY = "training_now"


def now_of(server: ServerContext) -> datetime:
    """The wall clock for training; tests put a callable under `server.extra["training_now"]`."""
    clock: Callable[[], datetime] | None = server.extra.get(NOW_KEY)
    return clock() if clock else datetime.now(UTC)


def reference_codes(s: Session) -> ReferenceCodes:
    return ReferenceCodes(
        municipalities=dict(s.execute(select(Municipality.code, Municipality.name)).all()),
        categories=dict(s.execute(select(Category.code, Category.sector)).all()),
        agencies=frozenset(s.scalars(select(Agency.code))),
    )


def scenario_of(server: ServerContext, ts: TrainingSession) -> Scenario:
    """The session's parsed scenario (its text never changes), cached per session."""
    cache: dict[int, Scenario] = server.extra.setdefault("training_scenarios", {})
    if ts.id not in cache:
        cache[ts.id] = parse_scenario(ts.scenario_text)
    return cache[ts.id]


def training_number(session_id: int, n: int) -> str:
    return f"УЧ-{session_id}-{n:03d}"


def release_due(s: Session, server: ServerContext, ts: TrainingSession, now: datetime) -> int:
    """Release what the clock has reached; the caller holds the session row locked."""
    clock = SessionClock(ts.clock)
    minute = clock.minute_at(now)
    if minute is None:
        return 0
    scenario = scenario_of(server, ts)
    done = set(s.scalars(select(TrainingItem.key).where(TrainingItem.session_id == ts.id)))
    due = [
        (n, item, item.at + scenario.sla.for_importance(item.importance.value))
        for n, item in enumerate(scenario.incidents)
        if item.at <= minute and item.key not in done
    ]
    if not due:
        return 0
    ref = reference_codes(s)
    mun_ids = dict(s.execute(select(Municipality.code, Municipality.id)).all())
    cat_ids = dict(s.execute(select(Category.code, Category.id)).all())
    arrivals = []
    for n, item, due_minute in due:
        received = clock.wall_at(item.at, now, ts.speed)
        arrivals.append(
            Arrival(
                number=training_number(ts.id, n + 1),
                channel=item.channel.value,
                source_id=f"training:{ts.id}:{item.key}",
                author_name=item.author,
                text=item.text,
                received_at=received,
                municipality_id=mun_ids[ref.municipality_code(item.municipality)],
                sector=item.sector.value,
                category_id=cat_ids.get(item.category) if item.category else None,
                importance=item.importance.value,
                first_answer_due=clock.wall_at(due_minute, now, ts.speed),
                training_session_id=ts.id,
                event_at=received,  # the moment the clock reached it, not of this release
            )
        )
    for (_n, item, due_minute), inc in zip(due, add_incidents(s, arrivals, now, None), strict=True):
        s.add(
            TrainingItem(
                incident_id=inc.id,
                session_id=ts.id,
                key=item.key,
                released_minute=item.at,
                due_minute=due_minute,
            )
        )
    s.flush()
    return len(due)


def reproject_due(s: Session, ts: TrainingSession, now: datetime) -> None:
    """After a pause, resume or speed change: unanswered due times at the new pace.

    Each changed incident takes a new version and feed place, so workstations pull the new time.
    """
    clock = SessionClock(ts.clock)
    rows = s.execute(
        select(Incident, TrainingItem.due_minute)
        .join(TrainingItem, TrainingItem.incident_id == Incident.id)
        .where(TrainingItem.session_id == ts.id, Incident.first_answered_at.is_(None))
        .order_by(Incident.id)
    ).all()
    changed = []
    for inc, due_minute in rows:
        due = clock.wall_at(due_minute, now, ts.speed)
        if inc.first_answer_due != due:
            inc.first_answer_due, inc.version, inc.updated_at = due, inc.version + 1, now
            changed.append(inc)
    if changed:
        last = next_values(s, CHANGE_SEQ, len(changed))
        for n, inc in enumerate(changed):
            inc.seq = last - len(changed) + 1 + n
        wire_json.store(s, [inc.id for inc in changed])


def pending_sessions(
    server: ServerContext, now: datetime, session_ids: frozenset[int] | None = None
) -> list[int]:
    """Running sessions (of `session_ids`, or all) whose clock reached more than was released.

    One small read, so asking every second or on every request costs little.
    """
    stmt = (
        select(TrainingSession, func.count(TrainingItem.incident_id))
        .outerjoin(TrainingItem, TrainingItem.session_id == TrainingSession.id)
        .where(TrainingSession.state == "running")
        .group_by(TrainingSession.id)
        .order_by(TrainingSession.id)
    )
    if session_ids is not None:
        stmt = stmt.where(TrainingSession.id.in_(sorted(session_ids)))
    pending = []
    with server.db.read() as s:
        for ts, released in s.execute(stmt).all():
            minute = SessionClock(ts.clock).minute_at(now) or 0.0
            reached = sum(1 for i in scenario_of(server, ts).incidents if i.at <= minute)
            if reached > released:
                pending.append(ts.id)
    return pending


def release_session(server: ServerContext, session_id: int, now: datetime) -> int:
    """Release what one session's clock reached, exactly once however many ask at a time.

    The session row is locked first (FOR UPDATE on PostgreSQL; SQLite's write lock is taken up
    front), so two workers or a worker and a request queue up here, and the second finds the
    incidents the first released; the unique (session, key) of `training_items` is the backstop.
    """
    try:
        with server.db.write() as s:
            ts = s.scalars(
                select(TrainingSession).where(TrainingSession.id == session_id).with_for_update()
            ).one_or_none()
            if ts is None or ts.state != "running":
                return 0
            return release_due(s, server, ts, now)
    except IntegrityError:
        log.info("training session %s: released meanwhile by another worker", session_id)
        return 0


def release_running(server: ServerContext) -> int:
    """One pass of the background release: every running session, as the clock stands now."""
    now = now_of(server)
    return sum(release_session(server, sid, now) for sid in pending_sessions(server, now))


def touch(server: ServerContext, actor: Actor) -> None:
    """Release due incidents of the running sessions a trainer or trainee belongs to.

    Reads first and writes only when something is due, so polling costs one small query.
    """
    if actor.role not in TRAINING_ROLES or not actor.training_session_ids:
        return
    now = now_of(server)
    for session_id in pending_sessions(server, now, actor.training_session_ids):
        release_session(server, session_id, now)
