"""The replies trainees are writing, shared with the presence heartbeat so the trainer's live
view shows them as they are written («пишет: …»).

Training only, by design: a real operator's half-written reply is theirs until they send it,
so the server refuses drafts from anyone but a trainee and on anything but a training incident.
A draft is seen only through the live view of its session, which only the session's trainer
may open. One row per (trainee, incident), replaced by each heartbeat; an empty text removes it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from cur_desktop.models.domain import Role
from cur_desktop.models.team import PresenceIn

from .access import Actor
from .errors import Forbidden
from .tables import Incident, TrainingDraft, User


class DraftRefused(Forbidden):
    """403: the request is well formed, but nobody but a trainee may share a draft."""

    code = "draft_not_allowed"


def record(session: Session, actor: Actor, beat: PresenceIn, now: datetime) -> None:
    """Store or withdraw the draft the heartbeat carries; the incident is already checked
    to be visible to the actor."""
    draft = beat.draft
    if draft is None:
        return
    if beat.incident_id is None:
        raise DraftRefused("Черновик ответа передаётся только вместе с открытым учебным обращением")
    incident = session.get(Incident, beat.incident_id)
    if actor.role is not Role.TRAINEE or incident.training_session_id is None:
        raise DraftRefused("Черновики ответов передаются только слушателями учебного занятия")
    key = {"user_id": actor.id, "incident_id": incident.id}
    if not draft.text.strip():
        session.execute(
            delete(TrainingDraft).where(
                TrainingDraft.user_id == actor.id, TrainingDraft.incident_id == incident.id
            )
        )
        return
    values = {
        "session_id": incident.training_session_id,
        "kind": draft.kind.value,
        "text": draft.text,
        "updated_at": now,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(TrainingDraft).values(**key, **values)
    session.execute(
        stmt.on_conflict_do_update(index_elements=["user_id", "incident_id"], set_=values)
    )


def drafts_of(session: Session, session_id: int) -> list[tuple[TrainingDraft, str]]:
    """The session's drafts with their authors' names, oldest first."""
    return list(
        session.execute(
            select(TrainingDraft, User.full_name)
            .join(User, User.id == TrainingDraft.user_id)
            .where(TrainingDraft.session_id == session_id)
            .order_by(TrainingDraft.updated_at, TrainingDraft.user_id)
        ).all()
    )
