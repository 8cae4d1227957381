"""Incident lifecycle: which status may follow which.

The server enforces these rules; the workstation uses the same table to offer only the actions
that the server will accept, so an operator never sees a button that can only fail.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ROUTED = "routed"
    INTERIM_ANSWER = "interim_answer"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"
    REOPENED = "reopened"


STATUS_LABELS: dict[Status, str] = {
    Status.NEW: "Новое",
    Status.IN_PROGRESS: "В работе",
    Status.ROUTED: "Направлено в ведомство",
    Status.INTERIM_ANSWER: "Дан промежуточный ответ",
    Status.ANSWERED: "Дан ответ",
    Status.RESOLVED: "Решено",
    Status.CLOSED: "Закрыто",
    Status.REJECTED: "Отклонено",
    Status.REOPENED: "Возобновлено",
}

_WORKING = (Status.ROUTED, Status.INTERIM_ANSWER, Status.ANSWERED, Status.REJECTED)

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.IN_PROGRESS, Status.REJECTED}),
    Status.IN_PROGRESS: frozenset({Status.NEW, *_WORKING}),
    Status.ROUTED: frozenset({Status.IN_PROGRESS, *_WORKING} - {Status.ROUTED}),
    Status.INTERIM_ANSWER: frozenset({Status.ROUTED, Status.ANSWERED}),
    Status.ANSWERED: frozenset({Status.RESOLVED, Status.REOPENED}),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CLOSED: frozenset({Status.REOPENED}),
    Status.REJECTED: frozenset({Status.REOPENED}),
    Status.REOPENED: frozenset({Status.IN_PROGRESS, *_WORKING}),
}

#: Statuses in which the case still needs a first or final answer, so an SLA clock runs.
OPEN_STATUSES = frozenset(
    {Status.NEW, Status.IN_PROGRESS, Status.ROUTED, Status.INTERIM_ANSWER, Status.REOPENED}
)

#: Statuses where somebody must hold the case; releasing it sends it back to the queue.
HELD_STATUSES = frozenset({Status.IN_PROGRESS, Status.ROUTED, Status.INTERIM_ANSWER})


class TransitionError(ValueError):
    """A status change the lifecycle does not allow; the message is fit for a user."""

    def __init__(self, current: Status, target: Status, message: str | None = None):
        self.current = current
        self.target = target
        super().__init__(
            message
            or f"Нельзя перевести обращение из статуса «{STATUS_LABELS[current]}» "
            f"в статус «{STATUS_LABELS[target]}»"
        )


def allowed_targets(current: Status) -> frozenset[Status]:
    return TRANSITIONS[current]


def can_transition(current: Status, target: Status) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: Status, target: Status) -> None:
    if not can_transition(current, target):
        raise TransitionError(current, target)
