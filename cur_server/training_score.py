"""The scorecard of a training session: per trainee, the figures of docs/training-scoring.md.

Times are scenario minutes on the session's clock, so a session at ×5 scores the same as one
at ×1. An incident counts for a trainee who holds it now or sent an answer on it.
"""

from __future__ import annotations

import statistics
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cur_desktop.models import training as t
from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.scenario import Scenario, ScenarioIncident

from .tables import Agency, Category, Municipality, TrainingSession
from .training_clock import SessionClock
from .training_live import Work, load_work, trainees_of


class Codes:
    """Reference ids back to the codes a scenario speaks in."""

    def __init__(self, s: Session):
        self.municipality = dict(s.execute(select(Municipality.id, Municipality.code)).all())
        self.municipality_name = dict(s.execute(select(Municipality.code, Municipality.name)).all())
        self.category = dict(s.execute(select(Category.id, Category.code)).all())
        self.agency = dict(s.execute(select(Agency.id, Agency.code)).all())

    def municipality_code(self, code_or_name: str) -> str:
        if code_or_name in self.municipality_name:
            return code_or_name
        for code, name in self.municipality_name.items():
            if name.lower() == code_or_name.lower():
                return code
        return code_or_name


def routing_expectations(item: ScenarioIncident) -> bool:
    e = item.expected
    return bool(e.sector or e.category or e.agency or e.municipality)


def routing_ok(w: Work, item: ScenarioIncident, codes: Codes) -> bool:
    e, inc = item.expected, w.incident
    if e.sector is not None and inc.sector != e.sector.value:
        return False
    if e.category is not None and codes.category.get(inc.category_id) != e.category:
        return False
    if e.agency and codes.agency.get(inc.agency_id) not in e.agency:
        return False
    if e.municipality is not None:
        wanted = codes.municipality_code(e.municipality)
        if codes.municipality.get(inc.municipality_id) != wanted:
            return False
    return True


def _rejected_by(w: Work, user_id: int) -> bool:
    return any(
        e.kind == "status_changed" and e.actor_id == user_id and e.data.get("to") == "rejected"
        for e in w.events
    )


def score_trainee(
    user_id: int,
    work: list[Work],
    scenario: Scenario,
    clock: SessionClock,
    now_minute: float,
    codes: Codes,
) -> dict:
    items = scenario.by_key()
    out = dict.fromkeys(
        (
            "handled sla_met sla_due routing_correct routing_checked reply_kind_correct "
            "reply_kind_checked facts_present facts_expected forbidden_used replies "
            "replies_failed_checks"
        ).split(),
        0,
    )
    first_minutes: list[float] = []
    for w in work:
        answers = w.answers_by(user_id)
        if w.incident.assignee_id != user_id and not answers:
            continue
        item = items[w.item.key]
        if answers or _rejected_by(w, user_id):
            out["handled"] += 1
        first = min(answers, key=lambda r: (r.created_at, r.id)) if answers else None
        first_minute = clock.minute_at(first.created_at) if first else None
        if first_minute is not None:
            first_minutes.append(first_minute - w.item.released_minute)
        if first_minute is not None or now_minute > w.item.due_minute:
            out["sla_due"] += 1
            if first_minute is not None and first_minute <= w.item.due_minute:
                out["sla_met"] += 1
        if routing_expectations(item):
            out["routing_checked"] += 1
            out["routing_correct"] += routing_ok(w, item, codes)
        if not answers:
            continue
        out["reply_kind_checked"] += 1
        out["reply_kind_correct"] += first.kind == item.expected.reply
        latest = max(answers, key=lambda r: (r.created_at, r.id))
        out["facts_expected"] += len(item.expected.facts)
        out["facts_present"] += sum(f.found_in(latest.text) for f in item.expected.facts)
        for reply in answers:
            out["replies"] += 1
            lowered = reply.text.lower().replace("ё", "е")
            out["forbidden_used"] += sum(
                p.lower().replace("ё", "е") in lowered for p in item.expected.forbidden
            )
            out["replies_failed_checks"] += bool(check_reply(reply.text, reply.kind))
    out["median_first_answer_minutes"] = (
        round(statistics.median(first_minutes), 1) if first_minutes else None
    )
    return out


def scorecard(
    s: Session, ts: TrainingSession, scenario: Scenario, session_out: t.SessionOut, now: datetime
) -> t.Scorecard:
    clock = SessionClock(ts.clock)
    now_minute = clock.minute_at(now) or 0.0
    work = load_work(s, ts.id)
    codes = Codes(s)
    rows = [
        t.ScoreRow(
            user_id=user.id,
            username=user.username,
            full_name=user.full_name,
            comment=comment,
            **score_trainee(user.id, work, scenario, clock, now_minute, codes),
        )
        for user, comment in trainees_of(s, ts.id)
    ]
    return t.Scorecard(session=session_out, rows=rows)
