"""What a user's action looks like locally before the server has answered.

Only the visible effect is reproduced (who holds the case, its status, a reply marked as not yet
sent); the server still decides. When its answer arrives, the local view is rebuilt from the
server's state, so a guess made here never outlives the answer.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain import ApprovalState, MutationType, answered_on_publish, reply_needs_approval
from ..statuses import Status, can_transition


def _event(state, entry: dict, kind: str, /, **data: Any) -> None:
    state.events.append(
        {
            "id": -entry["seq"],
            "incident_id": state.row["id"],
            "version": state.row["version"],
            "at": entry["created_at"],
            "actor_id": entry.get("actor_id"),
            "kind": kind,
            "data": json.dumps(data, ensure_ascii=False),
            "local": 1,
        }
    )


def _status(state, target: Status) -> None:
    if can_transition(Status(state.row["status"]), target):
        state.row["status"] = target.value


def _hold(state, user_id: int | None) -> None:
    state.row["assignee_id"] = user_id
    if user_id is not None and state.row["status"] in (Status.NEW, Status.REOPENED):
        state.row["status"] = Status.IN_PROGRESS.value
    if user_id is None and state.row["status"] == Status.IN_PROGRESS:
        state.row["status"] = Status.NEW.value


def _publish_effect(state, kind: str, at: int) -> None:
    """`at` is when the entry was made (by the server's clock, see sync/outbox). A reply the
    server delivers to the citizen's channel (e-mail) is answered only once the channel accepted
    it: the server sets those times then, and the next pull brings them."""
    row = state.row
    answered = answered_on_publish(row["channel"], row.get("training_session_id") is not None)
    if kind == "interim":
        _status(state, Status.INTERIM_ANSWER)
        if answered:
            row["first_answered_at"] = row["first_answered_at"] or at
    elif kind == "final":
        _status(state, Status.ANSWERED)
        if answered:
            row["first_answered_at"] = row["first_answered_at"] or at
            row["final_answered_at"] = at


def apply(state, entry: dict[str, Any], me: dict[str, Any]) -> None:
    """Apply one outbox entry (a row of `outbox`) to an IncidentState, in place."""
    kind = MutationType(entry["type"])
    p = json.loads(entry["payload"]) if isinstance(entry["payload"], str) else entry["payload"]
    entry = {**entry, "actor_id": me.get("id")}
    row = state.row
    if kind is MutationType.CLAIM:
        _hold(state, me.get("id"))
    elif kind is MutationType.RELEASE:
        _hold(state, None)
    elif kind is MutationType.ASSIGN:
        _hold(state, p.get("assignee_id"))
    elif kind is MutationType.SET_STATUS:
        _status(state, Status(p["status"]))
    elif kind is MutationType.SET_CATEGORY:
        row["sector"], row["category_id"] = p["sector"], p.get("category_id")
        row["importance"] = p.get("importance") or row["importance"]
    elif kind is MutationType.SET_MUNICIPALITY:
        row["municipality_id"] = p["municipality_id"]
    elif kind is MutationType.ROUTE:
        row["agency_id"] = p["agency_id"]
        _status(state, Status.ROUTED)
    elif kind is MutationType.ADD_REPLY:
        pending = reply_needs_approval(
            me.get("role", "operator"), bool(me.get("needs_approval")), row["importance"]
        )
        state.replies.append(
            {
                "id": -entry["seq"],
                "incident_id": row["id"],
                "client_id": entry["mutation_id"],
                "kind": p["kind"],
                "text": p["text"],
                "author_id": me.get("id"),
                "template_id": p.get("template_id"),
                "approval_state": (
                    ApprovalState.PENDING_APPROVAL if pending else ApprovalState.PUBLISHED
                ).value,
                "created_at": entry["created_at"],
                "reviewed_by": None,
                "reviewed_at": None,
                "review_comment": None,
                "local": 1,
            }
        )
        if not pending:
            _publish_effect(state, p["kind"], entry["created_at"])
    elif kind in (MutationType.APPROVE_REPLY, MutationType.RETURN_REPLY):
        for reply in state.replies:
            if reply["id"] == p["reply_id"]:
                approve = kind is MutationType.APPROVE_REPLY
                reply["approval_state"] = (
                    ApprovalState.PUBLISHED if approve else ApprovalState.RETURNED
                ).value
                reply["review_comment"] = None if approve else p.get("comment")
                if approve and p.get("text") is not None:
                    reply["text"] = p["text"]  # approved with a correction
                if approve:
                    _publish_effect(state, reply["kind"], entry["created_at"])
    _event(state, entry, f"local_{kind.value}", **p)
