"""Who may see and change what. Every endpoint asks here; nothing trusts the client."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, false, select
from sqlalchemy.orm import object_session

from cur_desktop.models.domain import APPROVER_ROLES, Role

from .errors import Forbidden
from .tables import Incident, TrainingMember, User

#: Roles that work real citizens' incidents across the whole region.
REGION_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
#: Roles that live in the training space and never see real data.
TRAINING_ROLES = frozenset({Role.TRAINER, Role.TRAINEE})
#: Roles that may reassign others' incidents and approve or return replies.
LEAD_ROLES = APPROVER_ROLES
#: Roles whose staff handle incidents (claim, reply, route).
HANDLER_ROLES = frozenset(
    {
        Role.OPERATOR,
        Role.SUPERVISOR,
        Role.ADMIN,
        Role.DISTRICT_OFFICIAL,
        Role.TRAINER,
        Role.TRAINEE,
    }
)


@dataclass(frozen=True)
class Actor:
    """The signed-in user, detached from any database session."""

    id: int
    username: str
    full_name: str
    role: Role
    municipality_ids: frozenset[int]
    needs_approval: bool
    #: Training sessions the user runs (trainer) or takes part in (trainee): their whole scope.
    training_session_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, user: User) -> Actor:
        role = Role(user.role)
        sessions: frozenset[int] = frozenset()
        if role in TRAINING_ROLES:
            sessions = frozenset(
                object_session(user).scalars(
                    select(TrainingMember.session_id).where(TrainingMember.user_id == user.id)
                )
            )
        return cls(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=role,
            municipality_ids=frozenset(user.municipality_ids),
            needs_approval=user.needs_approval,
            training_session_ids=sessions,
        )

    @property
    def is_lead(self) -> bool:
        return self.role in LEAD_ROLES


def incident_scope(actor: Actor) -> ColumnElement[bool]:
    """SQL condition for the incidents this actor may see."""
    if actor.role in REGION_ROLES:
        return Incident.training_session_id.is_(None)
    if actor.role is Role.DISTRICT_OFFICIAL:
        if not actor.municipality_ids:
            return false()
        return and_(
            Incident.training_session_id.is_(None),
            Incident.municipality_id.in_(sorted(actor.municipality_ids)),
        )
    if actor.role in TRAINING_ROLES:
        if not actor.training_session_ids:
            return false()
        return Incident.training_session_id.in_(sorted(actor.training_session_ids))
    return false()


def can_see(actor: Actor, incident: Incident) -> bool:
    if actor.role in REGION_ROLES:
        return incident.training_session_id is None
    if actor.role is Role.DISTRICT_OFFICIAL:
        return (
            incident.training_session_id is None
            and incident.municipality_id in actor.municipality_ids
        )
    if actor.role in TRAINING_ROLES:
        return incident.training_session_id in actor.training_session_ids
    return False


def can_see_municipality(actor: Actor, municipality_id: int) -> bool:
    if actor.role is Role.DISTRICT_OFFICIAL:
        return municipality_id in actor.municipality_ids
    return True


def require_role(actor: Actor, roles: frozenset[Role], what: str) -> None:
    if actor.role not in roles:
        raise Forbidden(f"Роль не позволяет: {what}")


def reads_incidents(actor: Actor) -> None:
    require_role(actor, HANDLER_ROLES, "просматривать обращения")
