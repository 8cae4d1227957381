"""Who is at work and on which incident: the heartbeats of the workstations.

One row per user, replaced by each heartbeat, so the table stays as small as the staff. Two
people on one incident see each other while both heartbeats are fresh (PRESENCE_FRESH_SECONDS).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from cur_desktop.models.team import (
    AWAY_SECONDS,
    ONLINE_SECONDS,
    PRESENCE_FRESH_SECONDS,
    Activity,
    Colleague,
    PresenceIn,
    PresenceState,
)

from .access import Actor, can_see
from .errors import NotFound
from .tables import Incident, Presence, User

FRESH = timedelta(seconds=PRESENCE_FRESH_SECONDS)


def require_visible(session: Session, actor: Actor, incident_id: int) -> None:
    """An incident out of scope looks exactly like one that does not exist."""
    incident = session.get(Incident, incident_id)
    if incident is None or not can_see(actor, incident):
        raise NotFound("Обращение не найдено")


def record(session: Session, actor: Actor, beat: PresenceIn, now: datetime) -> None:
    """Store the heartbeat (an upsert: two beats of one user may race)."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    values = {"incident_id": beat.incident_id, "activity": beat.activity.value, "seen_at": now}
    stmt = insert(Presence).values(user_id=actor.id, **values)
    session.execute(stmt.on_conflict_do_update(index_elements=["user_id"], set_=values))


def others_on(session: Session, actor: Actor, incident_id: int, now: datetime) -> list[Colleague]:
    """Everyone else viewing or writing to the incident now, writers first."""
    writing_first = case((Presence.activity == Activity.WRITING.value, 0), else_=1)
    rows = session.execute(
        select(User.id, User.full_name, User.role, Presence.activity, Presence.seen_at)
        .join(User, User.id == Presence.user_id)
        .where(
            Presence.incident_id == incident_id,
            Presence.user_id != actor.id,
            Presence.activity != Activity.IDLE.value,
            Presence.seen_at >= now - FRESH,
        )
        .order_by(writing_first, User.full_name)
    ).all()
    return [
        Colleague(user_id=uid, full_name=name, role=role, activity=activity, seen_at=seen)
        for uid, name, role, activity, seen in rows
    ]


def presence_state(last_seen: datetime | None, now: datetime) -> PresenceState:
    if last_seen is None:
        return PresenceState.OFFLINE
    age = (now - last_seen).total_seconds()
    if age < ONLINE_SECONDS:
        return PresenceState.ONLINE
    if age < AWAY_SECONDS:
        return PresenceState.AWAY
    return PresenceState.OFFLINE


def is_fresh(seen_at: datetime, now: datetime) -> bool:
    return now - seen_at <= FRESH
