"""The analytics summary of a period: counts against the previous period, trends, top
categories, first-answer SLA and what is overdue now.

Counts come from the daily counts kept by triggers (`daily.py`); what is overdue now, from the
open incidents by their status index; the exact medians, from one pass over the period's
answered incidents (on PostgreSQL a narrow partial index of just those, GROUPING SETS).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from cur_desktop.models.analytics import (
    MAX_OVERDUE_IDS,
    CategoryCount,
    DayCount,
    DeliveryCount,
    SectorMunicipalityCount,
    SlaRow,
    StatusCount,
    Summary,
    WeekCount,
)
from cur_desktop.models.analytics_rules import monday
from cur_desktop.models.statuses import OPEN_STATUSES

from . import daily
from .grouping import grouped
from .periods import Window, as_date, minutes_between
from .tables import Delivery, Incident

OPEN = sorted(s.value for s in OPEN_STATUSES)

#: SLA dimensions: name in the subquery → the incident column.
_SLA_DIMENSIONS = {
    "operator": "assignee_id",
    "agency": "agency_id",
    "municipality": "municipality_id",
}


_EMPTY_SLA = SlaRow(
    id=None,
    incidents=0,
    answered=0,
    answered_on_time=0,
    compliance=None,
    median_first_answer_minutes=None,
)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def overdue_now_term(window: Window) -> ColumnElement[bool]:
    """Open, and past the due time of the answer it still waits for (first, or final after an
    interim one)."""
    i = Incident
    return and_(
        i.status.in_(OPEN),
        or_(
            and_(i.first_answered_at.is_(None), i.first_answer_due <= window.now),
            and_(
                i.first_answered_at.is_not(None),
                i.final_answered_at.is_(None),
                i.final_answer_due <= window.now,
            ),
        ),
    )


def build_summary(
    s: Session, window: Window, top: int, medians: Callable[[], dict] | None = None
) -> Summary:
    """`medians`: the result of `first_answer_medians` computed elsewhere meanwhile (another
    connection: they are the costliest part), or None to compute them here."""
    counts = _counts(s, window)
    places, totals, categories = _places(counts["places"], top)
    by_day, by_week, by_status = _trend(window, [r for r in counts["days"] if r[0]])
    overdue, overdue_ids = _overdue_now(s, window)
    medians = medians() if medians else first_answer_medians(s, window)
    sla = _sla(counts["sla"], medians)
    return Summary(
        period=window.period(),
        total=totals[1],
        total_previous=totals[0],
        by_sector_municipality=places,
        by_day=by_day,
        by_week=by_week,
        by_status=by_status,
        top_categories=categories,
        sla_by_operator=sla["operator"],
        sla_by_agency=sla["agency"],
        sla_by_municipality=sla["municipality"],
        sla_total=sla["total"][0] if sla["total"] else _EMPTY_SLA,
        overdue_now=overdue,
        overdue_ids=overdue_ids,
        generated_at=window.now,
        deliveries=delivery_counts(s, window),
    )


def _counts(s: Session, window: Window) -> dict[str, list]:
    """Every count of the period (and of the one before, by place), in the rows `_places`,
    `_trend` and `_sla` read: from the daily counts, plus what is overdue now, which depends on
    the moment and is counted from the open incidents."""
    overdue = dict(
        ((a, g, m), n)
        for a, g, m, n in s.execute(
            select(Incident.assignee_id, Incident.agency_id, Incident.municipality_id, func.count())
            .where(
                *window.received_between(window.start, window.end),
                Incident.first_answered_at.is_(None),
                Incident.status.in_(OPEN),
                Incident.first_answer_due <= window.now,
            )
            .group_by(Incident.assignee_id, Incident.agency_id, Incident.municipality_id)
        )
    )
    return {
        "places": [(cur, *keys, n) for cur, *keys, n in daily.place_counts(s, window)],
        "days": [(True, day, status, n) for day, status, n in daily.day_status_counts(s, window)],
        "sla": [
            (True, a, g, m, n, answered, on_time, overdue.get((a, g, m), 0))
            for a, g, m, n, answered, on_time in daily.sla_counts(s, window)
        ],
    }


def _places(rows: list, top: int):
    by_place: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    by_category: dict[tuple[int | None, str], list[int]] = defaultdict(lambda: [0, 0])
    totals = [0, 0]
    for cur, sector, municipality_id, category_id, n, *_ in rows:
        by_place[(sector, municipality_id)][int(cur)] += n
        by_category[(category_id, sector)][int(cur)] += n
        totals[int(cur)] += n
    places = [
        SectorMunicipalityCount(sector=k[0], municipality_id=k[1], count=v[1], previous=v[0])
        for k, v in sorted(by_place.items())
    ]
    ranked = sorted(
        (item for item in by_category.items() if item[1][1] > 0),
        key=lambda kv: (-kv[1][1], -kv[1][0], kv[0][1], kv[0][0] or 0),
    )
    categories = [
        CategoryCount(category_id=k[0], sector=k[1], count=v[1], previous=v[0])
        for k, v in ranked[:top]
    ]
    return places, totals, categories


def _trend(window: Window, rows: list):
    per_day: dict[date, int] = defaultdict(int)
    per_status: dict[str, int] = defaultdict(int)
    for _cur, d, status, n, *_ in rows:
        per_day[as_date(d)] += n
        per_status[status] += n
    q = window.query
    days = [q.date_from + timedelta(days=k) for k in range(q.days)]
    by_day = [DayCount(day=d, count=per_day.get(d, 0)) for d in days]
    weeks: dict[date, list[int]] = {}
    for d in days:
        week = weeks.setdefault(monday(d), [0, 0])
        week[0] += per_day.get(d, 0)
        week[1] += 1
    by_week = [WeekCount(week_start=w, count=n, days=k) for w, (n, k) in weeks.items()]
    by_status = [StatusCount(status=k, count=v) for k, v in sorted(per_status.items())]
    return by_day, by_week, by_status


def _sla(rows: list, medians: dict[str, dict]) -> dict[str, list[SlaRow]]:
    """SLA rows per dimension and overall, summed from the (operator, agency, municipality)
    counts of the period."""
    sums: dict[str, dict] = {name: defaultdict(lambda: [0, 0, 0, 0]) for name in medians}
    for cur, assignee_id, agency_id, municipality_id, *values in rows:
        if not cur:
            continue
        for name, key in (
            ("operator", assignee_id),
            ("agency", agency_id),
            ("municipality", municipality_id),
            ("total", None),
        ):
            acc = sums[name][key]
            for k, v in enumerate(values):
                acc[k] += int(v or 0)
    out = {}
    for name, groups in sums.items():
        out[name] = sorted(
            (_sla_row(key, *values, medians[name].get(key)) for key, values in groups.items()),
            key=lambda r: (r.id is None, r.id or 0),
        )
    return out


def _sla_row(key, incidents, answered, on_time, overdue, middle) -> SlaRow:
    judged = answered + overdue
    return SlaRow(
        id=key,
        incidents=incidents,
        answered=answered,
        answered_on_time=on_time,
        overdue=overdue,
        compliance=on_time / judged if judged else None,
        median_first_answer_minutes=None if middle is None else float(middle),
    )


def first_answer_medians(
    s: Session,
    window: Window,
    names: Sequence[str] = ("operator", "agency", "municipality", "total"),
) -> dict[str, dict]:
    """Exact median minutes to the first answer per SLA dimension and overall (key None), of
    the dimensions `names`."""
    dialect = s.get_bind().dialect.name
    i = Incident
    rows = (
        select(
            i.assignee_id,
            i.agency_id,
            i.municipality_id,
            literal(0).label("everyone"),
            minutes_between(i.received_at, i.first_answered_at, dialect).label("minutes"),
        )
        .where(*window.received_between(window.start, window.end))
        .where(i.first_answered_at.is_not(None))
        .subquery()
    )
    columns = {**_SLA_DIMENSIONS, "total": "everyone"}
    if dialect == "postgresql":
        found = grouped(
            s,
            rows,
            {name: (columns[name],) for name in names},
            [func.percentile_cont(0.5).within_group(rows.c.minutes)],
        )
        out = {name: dict(values) for name, values in found.items()}
    else:
        out = {name: _portable_medians(s, rows, rows.c[columns[name]]) for name in names}
    if "total" in out:
        out["total"] = {None: out["total"].get(0)}
    return out


def _portable_medians(s: Session, rows, key) -> dict:
    """Median without percentile functions (SQLite): the middle row, or the mean of the middle
    two, of each group's values in order; 2·rn ∈ [n, n+2] picks exactly those rows."""
    ranked = select(
        key.label("g"),
        rows.c.minutes.label("v"),
        func.row_number().over(partition_by=key, order_by=rows.c.minutes).label("rn"),
        func.count().over(partition_by=key).label("n"),
    ).subquery()
    return dict(
        s.execute(
            select(ranked.c.g, func.avg(ranked.c.v))
            .where(ranked.c.rn * 2 >= ranked.c.n, ranked.c.rn * 2 <= ranked.c.n + 2)
            .group_by(ranked.c.g)
        ).all()
    )


def _overdue_now(s: Session, window: Window) -> tuple[int, list[int]]:
    """In scope whenever received: a brief lists what is overdue at the time it is made."""
    i = Incident
    due = case((i.first_answered_at.is_(None), i.first_answer_due), else_=i.final_answer_due)
    rows = s.execute(
        select(i.id, func.count().over())
        .where(*window.scope(), overdue_now_term(window))
        .order_by(due, i.id)
        .limit(MAX_OVERDUE_IDS)
    ).all()
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


#: Delivery states as the summary counts them (`sending` is a claim under way: not yet sent).
_DELIVERY_BUCKET = {"sent": "sent", "failed": "failed", "queued": "queued", "sending": "queued"}


def delivery_counts(s: Session, window: Window) -> list[DeliveryCount]:
    """Replies queued for a channel in the period, by channel and where they stand now."""
    rows = s.execute(
        select(Delivery.channel, Delivery.state, func.count())
        .join(Incident, Incident.id == Delivery.incident_id)
        .where(
            *window.scope(),
            Delivery.created_at >= window.start,
            Delivery.created_at < window.end,
        )
        .group_by(Delivery.channel, Delivery.state)
    ).all()
    by_channel: dict[str, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(("sent", "queued", "failed"), 0)
    )
    for channel, state, n in rows:
        by_channel[channel][_DELIVERY_BUCKET.get(state, "queued")] += n
    return [
        DeliveryCount(channel=ch, sent=c["sent"], queued=c["queued"], failed=c["failed"])
        for ch, c in sorted(by_channel.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]
