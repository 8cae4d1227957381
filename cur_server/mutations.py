"""Applying the workstation's mutations: each one atomic, checked, and applied exactly once.

The mutation id is recorded in the same transaction as the change it made, so a client that
resends after a lost answer gets `duplicate` with the first result instead of a second change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from cur_desktop.models import contract as c
from cur_desktop.models.domain import (
    ApprovalState,
    Importance,
    MutationType,
    Outcome,
    ReplyKind,
    reply_needs_approval,
)
from cur_desktop.models.holder import holder_refusal, refusal_message
from cur_desktop.models.statuses import (
    OPEN_STATUSES,
    STATUS_LABELS,
    Status,
    TransitionError,
    can_transition,
    check_transition,
)
from cur_desktop.models.templates import placeholder_title, unfilled_placeholders

from .access import HANDLER_ROLES, Actor, can_see
from .audit import audit
from .changes import record_events, take_feed_place
from .channels.delivery import queue_reply
from .context import ServerContext
from .serialize import incident_out, load_full
from .tables import (
    Agency,
    AppliedMutation,
    Category,
    Event,
    Incident,
    Municipality,
    QualityReview,
    Reply,
    Template,
    User,
)
from .training_release import now_of

log = logging.getLogger(__name__)

#: Mutations that overwrite what another person may have just changed: a stale base is a conflict.
VERSIONED = frozenset(
    {
        MutationType.ASSIGN,
        MutationType.SET_STATUS,
        MutationType.SET_CATEGORY,
        MutationType.SET_MUNICIPALITY,
        MutationType.ROUTE,
        MutationType.ADD_REPLY,
    }
)
#: Event kinds that change what an incident is; a note from a colleague is not a conflict.
STATE_EVENTS = frozenset(
    {
        "claimed",
        "released",
        "assigned",
        "status_changed",
        "category_changed",
        "municipality_changed",
        "routed",
        "reply_added",
        "reply_published",
    }
)


class MutationRefused(Exception):
    outcome = Outcome.REJECTED

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class MutationConflict(MutationRefused):
    outcome = Outcome.CONFLICT


@dataclass
class Op:
    """One mutation being applied to one locked incident."""

    session: Session
    server: ServerContext
    actor: Actor
    incident: Incident
    mutation: Any
    now: datetime
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    moved_from: int | None = None

    @property
    def payload(self) -> Any:
        return self.mutation.payload

    def event(self, kind: str, /, **data: Any) -> None:
        self.events.append((kind, data))

    def set_status(self, target: Status, **data: Any) -> None:
        current = Status(self.incident.status)
        if current == target:
            return
        self.incident.status = target.value
        self.event("status_changed", **{"from": current.value, "to": target.value, **data})


def refuse(code: str, message: str) -> MutationRefused:
    return MutationRefused(code, message)


def _user_name(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id else None
    return user.full_name if user else "другой сотрудник"


def _require_holder(op: Op) -> None:
    """Only the person holding the incident, or a supervisor, changes it (the shared rule)."""
    refusal = holder_refusal(op.actor.role, op.actor.id, op.incident.assignee_id)
    if refusal is None:
        return
    holder = op.session.get(User, refusal.holder_id) if refusal.holder_id else None
    raise refuse(refusal.code, refusal_message(refusal, holder.full_name if holder else None))


def _take(op: Op, user_id: int, kind: str) -> None:
    inc = op.incident
    previous = inc.assignee_id
    inc.assignee_id = user_id
    if Status(inc.status) in (Status.NEW, Status.REOPENED):
        op.set_status(Status.IN_PROGRESS)
    op.event(kind, **{"from": previous, "to": user_id})


def _drop(op: Op) -> None:
    inc = op.incident
    previous = inc.assignee_id
    inc.assignee_id = None
    if Status(inc.status) == Status.IN_PROGRESS:
        op.set_status(Status.NEW)
    op.event("released", **{"from": previous})


def claim(op: Op) -> None:
    inc = op.incident
    if inc.assignee_id == op.actor.id:
        return
    if inc.assignee_id is not None:
        raise MutationConflict(
            "held_by_other",
            f"Обращение уже в работе у сотрудника {_user_name(op.session, inc.assignee_id)}",
        )
    if Status(inc.status) not in OPEN_STATUSES:
        raise refuse("not_open", "Обращение уже обработано: взять его в работу нельзя")
    _take(op, op.actor.id, "claimed")


def release(op: Op) -> None:
    inc = op.incident
    if inc.assignee_id is None:
        return
    if inc.assignee_id != op.actor.id and not op.actor.is_lead:
        raise refuse("forbidden", "Снять с исполнения чужое обращение может только старший смены")
    _drop(op)


def assign(op: Op) -> None:
    inc, target = op.incident, op.payload.assignee_id
    if target == inc.assignee_id:
        return
    self_claim = target == op.actor.id and inc.assignee_id is None
    if not (op.actor.is_lead or self_claim):
        raise refuse("forbidden", "Назначать и переназначать обращения может только старший смены")
    if target is None:
        _drop(op)
        return
    user = op.session.get(User, target)
    if user is None or not user.active or user.role not in HANDLER_ROLES:
        raise refuse("bad_assignee", "Такого сотрудника нет или он не работает с обращениями")
    if not can_see(Actor.of(user), inc):
        raise refuse("bad_assignee", f"Обращение вне зоны ответственности: {user.full_name}")
    if Status(inc.status) not in OPEN_STATUSES:
        raise refuse("not_open", "Обращение уже обработано: назначать его некому")
    _take(op, target, "assigned")


def _published_reply(op: Op, kind: ReplyKind) -> bool:
    found = op.session.scalar(
        select(func.count())
        .select_from(Reply)
        .where(
            Reply.incident_id == op.incident.id,
            Reply.kind == kind.value,
            Reply.approval_state == ApprovalState.PUBLISHED.value,
        )
    )
    return bool(found)


def _restart_sla(op: Op) -> None:
    inc = op.incident
    inc.sla_started_at = op.now
    inc.first_answer_due = op.server.clock.first_answer_due(op.now, inc.importance)
    inc.first_answered_at = None
    inc.final_answer_due = None
    inc.final_answered_at = None


def set_status(op: Op) -> None:
    _require_holder(op)
    inc, p = op.incident, op.payload
    current, target = Status(inc.status), Status(p.status)
    if current == target:
        return
    check_transition(current, target)
    extra: dict[str, Any] = {}
    if target == Status.IN_PROGRESS and inc.assignee_id is None:
        inc.assignee_id = op.actor.id
    elif target == Status.NEW:
        inc.assignee_id = None
    elif target == Status.ROUTED and inc.agency_id is None:
        raise refuse("agency_required", "Укажите ведомство: используйте действие «Направить»")
    elif target == Status.REJECTED:
        if not p.reason:
            raise refuse("reason_required", "Укажите причину отклонения")
        if _needs_approval(op):
            # A rejection is an answer too: it goes past the supervisor no more than a reply.
            _refuse_bypass(op, "rejected", "Отклонить это обращение может только старший смены")
        extra["reason"] = p.reason
    elif target == Status.INTERIM_ANSWER and not _published_reply(op, ReplyKind.INTERIM):
        raise refuse("reply_required", "Сначала опубликуйте промежуточный ответ")
    elif target == Status.ANSWERED and not _published_reply(op, ReplyKind.FINAL):
        raise refuse("reply_required", "Сначала опубликуйте окончательный ответ")
    elif target == Status.RESOLVED:
        if not p.confirmation:
            raise refuse(
                "confirmation_required", "Опишите, что сделано: одного ответа мало для «Решено»"
            )
        extra["confirmation"] = p.confirmation
    elif target == Status.REOPENED:
        _restart_sla(op)
        if p.reason:
            extra["reason"] = p.reason
    op.set_status(target, **extra)


def set_category(op: Op) -> None:
    _require_holder(op)
    inc, p = op.incident, op.payload
    if p.category_id is not None:
        category = op.session.get(Category, p.category_id)
        if category is None or category.sector != p.sector.value:
            raise refuse("bad_category", "Рубрика не относится к выбранной сфере")
    before = {"sector": inc.sector, "category_id": inc.category_id, "importance": inc.importance}
    inc.sector, inc.category_id = p.sector.value, p.category_id
    if p.importance is not None and p.importance.value != inc.importance:
        if p.importance is Importance.NORMAL:
            _lower_importance(op)
        inc.importance = p.importance.value
        if inc.first_answered_at is None:
            inc.first_answer_due = op.server.clock.first_answer_due(
                inc.sla_started_at, inc.importance
            )
    after = {"sector": inc.sector, "category_id": inc.category_id, "importance": inc.importance}
    if before != after:
        op.event("category_changed", **{"from": before, "to": after})


def set_municipality(op: Op) -> None:
    """Move a message that came to the wrong district; it leaves that district's feed."""
    _require_holder(op)
    inc, target = op.incident, op.payload.municipality_id
    if target == inc.municipality_id:
        return
    if op.session.get(Municipality, target) is None:
        raise refuse("bad_municipality", "Такого муниципального образования нет в справочнике")
    op.moved_from, inc.municipality_id = inc.municipality_id, target
    op.event(
        "municipality_changed",
        **{"from": op.moved_from, "to": target, "reason": op.payload.reason},
    )
    holder = op.session.get(User, inc.assignee_id) if inc.assignee_id else None
    if holder is not None and not can_see(Actor.of(holder), inc):
        _drop(op)


def route(op: Op) -> None:
    _require_holder(op)
    inc, p = op.incident, op.payload
    agency = op.session.get(Agency, p.agency_id)
    if agency is None:
        raise refuse("bad_agency", "Такого ведомства нет в справочнике")
    current = Status(inc.status)
    if current != Status.ROUTED:
        check_transition(current, Status.ROUTED)
    inc.agency_id = agency.id
    op.set_status(Status.ROUTED)
    op.event("routed", agency_id=agency.id, note=p.note)


def _needs_approval(op: Op) -> bool:
    return reply_needs_approval(op.actor.role, op.actor.needs_approval, op.incident.importance)


def _refuse_bypass(op: Op, what: str, message: str) -> None:
    audit(
        "approval_bypass_refused",
        what=what,
        user=op.actor.username,
        incident=op.incident.id,
        importance=op.incident.importance,
    )
    raise refuse("approval_required", message)


def _lower_importance(op: Op) -> None:
    """High importance means every reply is approved first: only a supervisor may lower it,
    or lowering it for a moment would publish a reply unreviewed."""
    if not op.actor.is_lead:
        _refuse_bypass(
            op,
            "lower importance",
            "Понизить важность может только старший смены: ответы на важные обращения согласуются",
        )
    audit("importance_lowered", user=op.actor.username, incident=op.incident.id)


def _publish(op: Op, reply: Reply) -> None:
    inc, kind = op.incident, ReplyKind(reply.kind)
    reply.approval_state = ApprovalState.PUBLISHED.value
    op.event("reply_published", reply_id=reply.id, kind=kind.value)
    current = Status(inc.status)
    # A reply the server delivers itself is the answer only once its channel accepted it
    # (channels.delivery.confirm_sent sets the answered times then).
    answered = not queue_reply(op.session, inc, reply, op.now)
    if kind == ReplyKind.INTERIM and can_transition(current, Status.INTERIM_ANSWER):
        if answered:
            inc.first_answered_at = inc.first_answered_at or op.now
            inc.final_answer_due = op.server.clock.final_answer_due(op.now)
        op.set_status(Status.INTERIM_ANSWER)
    elif kind == ReplyKind.FINAL and can_transition(current, Status.ANSWERED):
        if answered:
            inc.first_answered_at = inc.first_answered_at or op.now
            inc.final_answered_at = op.now
        op.set_status(Status.ANSWERED)


def _refuse_unfilled(text: str) -> None:
    """A citizen must never read «{greeting}! … {deadline_date}»: the workstation's editor
    blocks sending such text, and this is the same rule for any client that does not."""
    missing = unfilled_placeholders(text)
    if missing:
        listed = ", ".join(f"{placeholder_title(name)} ({{{name}}})" for name in missing)
        field = "поле" if len(missing) == 1 else "поля"
        raise refuse("unfilled_placeholder", f"В ответе не заполнено {field} {listed}")


def add_reply(op: Op) -> None:
    _require_holder(op)
    inc, p = op.incident, op.payload
    status = Status(inc.status)
    if status == Status.NEW:
        raise refuse("not_claimed", "Сначала возьмите обращение в работу")
    if status not in OPEN_STATUSES:
        raise refuse("not_open", f"Обращение в статусе «{STATUS_LABELS[status]}»: ответ не нужен")
    if not p.text.strip():
        raise refuse("empty_reply", "Текст ответа пуст")
    _refuse_unfilled(p.text)
    if p.template_id is not None and op.session.get(Template, p.template_id) is None:
        raise refuse("bad_template", "Такого шаблона нет")
    pending = _needs_approval(op)
    reply = Reply(
        incident_id=inc.id,
        client_id=str(op.mutation.mutation_id),
        kind=p.kind.value,
        text=p.text,
        author_id=op.actor.id,
        template_id=p.template_id,
        approval_state=(ApprovalState.PENDING_APPROVAL if pending else ApprovalState.DRAFT).value,
        created_at=op.now,
    )
    op.session.add(reply)
    op.session.flush()
    op.event("reply_added", reply_id=reply.id, kind=reply.kind, pending=pending)
    if not pending:
        _publish(op, reply)


def _pending_reply(op: Op) -> Reply:
    if not op.actor.is_lead:
        raise refuse("forbidden", "Согласовывать ответы может только старший смены")
    reply = op.session.get(Reply, op.payload.reply_id)
    if reply is None or reply.incident_id != op.incident.id:
        raise refuse("bad_reply", "У обращения нет такого ответа")
    if reply.approval_state != ApprovalState.PENDING_APPROVAL.value:
        raise refuse("not_pending", "Ответ не ждёт согласования")
    reply.reviewed_by, reply.reviewed_at = op.actor.id, op.now
    return reply


def approve_reply(op: Op) -> None:
    """Publish a pending reply, as written or with the supervisor's correction (checked as a
    new reply is; the author's own text stays in the event, so the correction is seen)."""
    reply = _pending_reply(op)
    text = op.payload.text
    if text is None or text == reply.text:
        op.event("reply_approved", reply_id=reply.id)
    else:
        if not text.strip():
            raise refuse("empty_reply", "Текст ответа пуст")
        _refuse_unfilled(text)
        op.event("reply_approved", reply_id=reply.id, edited=True, original=reply.text)
        reply.text = text
    _publish(op, reply)


def return_reply(op: Op) -> None:
    reply = _pending_reply(op)
    reply.approval_state = ApprovalState.RETURNED.value
    reply.review_comment = op.payload.comment
    op.event("reply_returned", reply_id=reply.id, comment=op.payload.comment)


def add_note(op: Op) -> None:
    op.event("note", text=op.payload.text)


def review_quality(op: Op) -> None:
    """Score the incident's latest published answer; whoever wrote it is the one reviewed."""
    if not op.actor.is_lead:
        raise refuse("forbidden", "Оценивать качество ответов может только старший смены")
    reply = op.session.scalars(
        select(Reply)
        .where(
            Reply.incident_id == op.incident.id,
            Reply.kind.in_((ReplyKind.INTERIM.value, ReplyKind.FINAL.value)),
            Reply.approval_state == ApprovalState.PUBLISHED.value,
        )
        .order_by(Reply.id.desc())
        .limit(1)
    ).first()
    if reply is None:
        raise refuse("not_answered", "Оценить можно только обращение с опубликованным ответом")
    if reply.author_id == op.actor.id:
        raise refuse("own_answer", "Свой ответ оценивает другой старший смены")
    p = op.payload
    review = op.session.scalars(
        select(QualityReview).where(QualityReview.reply_id == reply.id)
    ).one_or_none()
    if review is None:
        review = QualityReview(incident_id=op.incident.id, reply_id=reply.id)
        op.session.add(review)
    checklist = p.model_dump(exclude={"comment"})
    for name, value in checklist.items():
        setattr(review, name, value)
    review.operator_id, review.reviewer_id = reply.author_id, op.actor.id
    review.comment, review.reviewed_at = p.comment, op.now
    op.event(
        "quality_reviewed",
        reply_id=reply.id,
        operator_id=reply.author_id,
        comment=p.comment,
        **checklist,
    )


HANDLERS: dict[MutationType, Callable[[Op], None]] = {
    MutationType.CLAIM: claim,
    MutationType.RELEASE: release,
    MutationType.ASSIGN: assign,
    MutationType.SET_STATUS: set_status,
    MutationType.SET_CATEGORY: set_category,
    MutationType.SET_MUNICIPALITY: set_municipality,
    MutationType.ROUTE: route,
    MutationType.ADD_REPLY: add_reply,
    MutationType.APPROVE_REPLY: approve_reply,
    MutationType.RETURN_REPLY: return_reply,
    MutationType.ADD_NOTE: add_note,
    MutationType.REVIEW_QUALITY: review_quality,
}


def _check_base_version(op: Op) -> None:
    base = op.mutation.base_version
    if base is None or base >= op.incident.version or op.mutation.type not in VERSIONED:
        return
    changed_by_others = op.session.scalar(
        select(func.count())
        .select_from(Event)
        .where(
            Event.incident_id == op.incident.id,
            Event.version > base,
            Event.actor_id.is_distinct_from(op.actor.id),
            Event.kind.in_(STATE_EVENTS),
        )
    )
    if changed_by_others:
        raise MutationConflict(
            "stale", "Обращение изменил другой сотрудник, пока вы с ним работали"
        )


def _result(session: Session, actor: Actor, incident_id: int, **fields) -> c.MutationResult:
    incident = load_full(session, [incident_id], refresh=True).get(incident_id)
    visible = incident is not None and can_see(actor, incident)
    return c.MutationResult(incident=incident_out(incident) if visible else None, **fields)


def _apply_in(session: Session, server: ServerContext, actor: Actor, m) -> c.MutationResult:
    mid = str(m.mutation_id)
    prior = session.get(AppliedMutation, mid)
    if prior is not None:
        if prior.user_id != actor.id:
            return c.MutationResult(
                mutation_id=m.mutation_id,
                outcome=Outcome.REJECTED,
                error="mutation_id_taken",
                reason="Этот идентификатор изменения уже использован другим пользователем",
            )
        return _result(
            session,
            actor,
            prior.incident_id,
            mutation_id=m.mutation_id,
            outcome=Outcome.DUPLICATE,
            first_outcome=prior.outcome,
            reason=prior.reason,
            error=prior.error,
        )
    incident = session.scalars(
        select(Incident).where(Incident.id == m.incident_id).with_for_update()
    ).one_or_none()
    outcome, code, reason = Outcome.APPLIED, None, None
    changed: Op | None = None
    if incident is None or not can_see(actor, incident):
        outcome, code, reason = Outcome.REJECTED, "not_found", "Обращение не найдено"
    else:
        # Training incidents live on the session's clock, which tests can set (training_release).
        now = now_of(server) if incident.training_session_id else datetime.now(UTC)
        op = Op(session, server, actor, incident, m, now)
        try:
            with session.begin_nested():
                _check_base_version(op)
                HANDLERS[m.type](op)
                if op.events:
                    record_events(session, incident, actor.id, op.now, op.events)
                    changed = op
        except TransitionError as exc:
            outcome, code, reason = Outcome.REJECTED, "bad_transition", str(exc)
        except MutationRefused as exc:
            outcome, code, reason = exc.outcome, exc.code, exc.message
    session.add(
        AppliedMutation(
            mutation_id=mid,
            user_id=actor.id,
            incident_id=m.incident_id,
            type=m.type.value,
            outcome=outcome.value,
            error=code,
            reason=reason,
        )
    )
    session.flush()
    if incident is None or code == "not_found":
        return c.MutationResult(
            mutation_id=m.mutation_id, outcome=outcome, error=code, reason=reason
        )
    result = _result(
        session,
        actor,
        incident.id,
        mutation_id=m.mutation_id,
        outcome=outcome,
        error=code,
        reason=reason,
    )
    if changed is not None:
        take_feed_place(session, incident, changed.moved_from)
    return result


def apply_mutation(server: ServerContext, actor: Actor, m) -> c.MutationResult:
    """Apply one mutation in its own transaction, retrying the races the database reports."""
    for attempt in range(5):
        try:
            with server.db.write() as session:
                return _apply_in(session, server, actor, m)
        except (IntegrityError, OperationalError) as exc:
            # Two deliveries of one mutation id at once, or a deadlock: the next attempt sees
            # the winner's record and answers `duplicate`, or gets the lock.
            log.info(
                "retrying mutation %s after %s (attempt %d)", m.mutation_id, type(exc), attempt
            )
    raise RuntimeError("mutation could not be applied after retries")


def apply_batch(server: ServerContext, actor: Actor, batch: c.MutationBatch) -> c.MutationResults:
    return c.MutationResults(results=[apply_mutation(server, actor, m) for m in batch.mutations])
