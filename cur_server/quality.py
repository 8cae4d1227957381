"""Quality figures per operator from the supervisors' checklist reviews, aggregated in SQL.

A review counts in the period of the day it was made (the region's local day): that is when
the supervisor read the answer, and a period's figures never change afterwards.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cur_desktop.models.sla import SlaClock
from cur_desktop.models.team import OperatorQuality, QualityItem, QualityReport, QualityShares

from .access import Actor, incident_scope
from .tables import Incident, QualityReview, User

ITEMS = [item.value for item in QualityItem]


def quality_report(
    session: Session,
    actor: Actor,
    clock: SlaClock,
    date_from: date,
    date_to: date,
    only_user: int | None = None,
) -> QualityReport:
    tz = clock.calendar.tz
    start = datetime.combine(date_from, time(0), tzinfo=tz)
    end = datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=tz)
    met = [func.sum(case((getattr(QualityReview, name), 1), else_=0)) for name in ITEMS]
    q = (
        select(QualityReview.operator_id, User.full_name, func.count(), *met)
        .join(Incident, Incident.id == QualityReview.incident_id)
        .join(User, User.id == QualityReview.operator_id)
        .where(
            incident_scope(actor),
            QualityReview.reviewed_at >= start,
            QualityReview.reviewed_at < end,
        )
        .group_by(QualityReview.operator_id, User.full_name)
    )
    if only_user is not None:
        q = q.where(QualityReview.operator_id == only_user)
    operators = []
    for user_id, name, reviewed, *counts in session.execute(q):
        counts = [int(n or 0) for n in counts]
        shares = {item: n / reviewed for item, n in zip(ITEMS, counts, strict=True)}
        operators.append(
            OperatorQuality(
                user_id=user_id,
                full_name=name,
                reviewed=reviewed,
                shares=QualityShares(**shares),
                score=sum(counts) / (reviewed * len(ITEMS)),
            )
        )
    operators.sort(key=lambda o: (o.score, o.full_name, o.user_id))
    return QualityReport(
        date_from=date_from,
        date_to=date_to,
        reviewed=sum(o.reviewed for o in operators),
        operators=operators,
    )
