"""Who may change an incident another employee holds.

The server refuses such changes; the workstation applies the same rule before anything is
written, so a reply to a colleague's case is never «saved» locally only to be refused and parked
among unsaved edits. The rule lives here once and both sides import it."""

from __future__ import annotations

from dataclasses import dataclass

from .domain import APPROVER_ROLES, MutationType, Role
from .reply_fill import genitive_short
from .said import said

#: Changes only the holder of the incident (or a supervisor) may make.
HOLDER_ONLY = frozenset(
    {
        MutationType.SET_STATUS,
        MutationType.SET_CATEGORY,
        MutationType.SET_MUNICIPALITY,
        MutationType.ROUTE,
        MutationType.ADD_REPLY,
    }
)


@dataclass(frozen=True)
class HolderRefusal:
    """Why the actor may not change the incident: `code` is the server's refusal code."""

    code: str
    holder_id: int | None = None


def holder_refusal(
    role: Role | str, actor_id: int | None, assignee_id: int | None
) -> HolderRefusal | None:
    """None when the actor may change the incident: supervisors always may, others only on
    an incident they hold themselves."""
    if Role(role) in APPROVER_ROLES or (assignee_id is not None and assignee_id == actor_id):
        return None
    if assignee_id is None:
        return HolderRefusal("not_claimed")
    return HolderRefusal("held_by_other", assignee_id)


def held_by(full_name: str | None) -> str:
    """«В работе у Новикова А. И.»: the card's note on a colleague's case."""
    if not full_name:
        return said("held_note", "В работе у другого сотрудника")
    return said("held_note_named", f"В работе у {genitive_short(full_name)}", name=full_name)


def refusal_message(refusal: HolderRefusal, holder_name: str | None = None) -> str:
    """The sentence both the server and the workstation show for a refusal."""
    if refusal.code == "not_claimed":
        return said("not_claimed", "Сначала возьмите обращение в работу")
    if not holder_name:
        return said("held_by_other", "Обращение в работе у другого сотрудника")
    return said(
        "held_by_named",
        "Обращение в работе у " + (genitive_short(holder_name) or "другого сотрудника"),
        name=holder_name,
    )
