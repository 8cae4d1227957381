"""A shift already under way for the embedded demo: a trainee's replies waiting for approval and
a supervisor's quality reviews of last week's answers, so the supervisor's console shows its
approval queue and quality figures on first start instead of empty tables.

Everything goes through the server's own mutations (as if the demo users had done it), so
versions, history, the change feed and the daily counts stay consistent.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from cur_desktop.models import contract as c
from cur_desktop.models.domain import ApprovalState, ReplyKind

from ..access import Actor
from ..context import ServerContext
from ..mutations import apply_mutation
from ..tables import Incident, QualityReview, Reply, User

#: Interim answers a trainee writes; the supervisor approves or returns them.
TRAINEE_REPLIES = [
    "Здравствуйте! Ваше обращение № {number} принято в работу и передано в профильное "
    "ведомство. О результатах сообщим дополнительно до {date}.",
    "Здравствуйте! Спасибо за сообщение. Информация по обращению № {number} направлена "
    "ответственным специалистам, проверка будет проведена до {date}.",
    "Здравствуйте! По обращению № {number} запрошена информация у исполнителя. "
    "Ответ с результатами проверки направим не позднее {date}.",
]
REVIEW_COMMENTS = [
    "Нет срока выполнения работ — в следующий раз укажите дату.",
    "Ответ вежливый, но не назван исполнитель.",
    "Хороший конкретный ответ.",
    None,
    None,
]


def _mutation(model: type, incident: Incident, **payload):
    return model.model_validate(
        {
            "mutation_id": str(uuid.uuid4()),
            "incident_id": incident.id,
            "base_version": incident.version,
            "type": model.model_fields["type"].annotation.__args__[0].value,
            "payload": payload,
        }
    )


def _applied(server: ServerContext, actor: Actor, mutation) -> bool:
    return apply_mutation(server, actor, mutation).outcome == c.Outcome.APPLIED


def stage_demo_shift(server: ServerContext, *, seed: int = 7, reviews: int = 24) -> dict[str, int]:
    """Put a few trainee replies on the approval queue and review some published answers."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with server.db.read() as s:
        users = {u.username: u for u in s.scalars(select(User))}
        trainee, lead = users.get("operator3"), users.get("supervisor1")
        if trainee is None or lead is None:
            return {"pending": 0, "reviewed": 0}
        trainee_actor, lead_actor = Actor.of(trainee), Actor.of(lead)
        waiting = s.scalars(
            select(Incident)
            .where(
                Incident.assignee_id == trainee.id,
                Incident.status == "in_progress",
                Incident.training_session_id.is_(None),
            )
            .order_by(Incident.received_at.desc())
            .limit(3)
        ).all()
        already = select(QualityReview.reply_id)
        answered = s.execute(
            select(Incident, Reply.author_id)
            .join(Reply, Reply.incident_id == Incident.id)
            .where(
                Incident.training_session_id.is_(None),
                Reply.approval_state == ApprovalState.PUBLISHED.value,
                Reply.kind.in_((ReplyKind.INTERIM.value, ReplyKind.FINAL.value)),
                Reply.created_at >= now - timedelta(days=14),
                Reply.author_id != lead.id,
                Reply.id.not_in(already),
            )
            .order_by(Reply.id.desc())
            .limit(reviews * 4)
        ).all()
        s.expunge_all()
    pending = 0
    for incident in waiting:
        date = (now + timedelta(days=5)).strftime("%d.%m.%Y")
        text = rng.choice(TRAINEE_REPLIES).format(number=incident.number, date=date)
        m = _mutation(c.AddReplyMutation, incident, kind=ReplyKind.INTERIM.value, text=text)
        pending += _applied(server, trainee_actor, m)
    reviewed, seen = 0, set()
    for incident, _author in rng.sample(answered, min(len(answered), reviews * 2)):
        if reviewed >= reviews or incident.id in seen:
            continue
        seen.add(incident.id)
        slips = rng.random() < 0.35  # about a third of answers miss something
        checklist = {
            "polite": not (slips and rng.random() < 0.2),
            "concrete_action": not (slips and rng.random() < 0.6),
            "correct_agency": not (slips and rng.random() < 0.2),
            "on_time": not (slips and rng.random() < 0.4),
            "no_brush_off": not (slips and rng.random() < 0.3),
        }
        comment = rng.choice(REVIEW_COMMENTS) if slips else None
        m = _mutation(c.ReviewQualityMutation, incident, comment=comment, **checklist)
        reviewed += _applied(server, lead_actor, m)
    return {"pending": pending, "reviewed": reviewed}
