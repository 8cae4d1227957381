"""The daily counts (migration 0006) as the analytics read them, and their rebuild.

Counts per local day are kept by triggers on `incidents`, so a region-wide summary over 30 days
sums a few tens of thousands of daily rows instead of grouping 250k incidents. What depends on
the moment of the request (overdue now) and the medians are not here: they are read from
`incidents` (see `summary.py`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    ColumnElement,
    Date,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from .db import Database
from .periods import Window, local_day
from .tables import DailyOffset, DailyPlace, DailySla, DailyStatus, Incident


def ensure_offset(db: Database, minutes: int) -> None:
    """Make the counts' days the region's local days: when the offset they were cut with is
    not `minutes` (a region in another zone, or the table emptied), recount everything."""
    with db.read() as s:
        stored = s.get(DailyOffset, 1)
        if stored is not None and stored.minutes == minutes:
            return
    with db.write() as s:
        s.merge(DailyOffset(id=1, minutes=minutes))
        _rebuild(s, minutes)


def _rebuild(s: Session, minutes: int) -> None:
    """Recount from `incidents` by the triggers' rules. On PostgreSQL a lock that conflicts
    with every writer and with itself keeps changes (and a second rebuild) out meanwhile."""
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        s.execute(text("LOCK TABLE incidents IN SHARE ROW EXCLUSIVE MODE"))
    for table in (DailyPlace, DailyStatus, DailySla):
        s.execute(delete(table))
    i = Incident
    day = local_day(i.received_at, dialect, minutes).label("day")
    real = i.training_session_id.is_(None)
    category = func.coalesce(i.category_id, 0)
    s.execute(
        insert(DailyPlace).from_select(
            ["day", "municipality_id", "sector", "category_id", "incidents"],
            select(day, i.municipality_id, i.sector, category, func.count())
            .where(real)
            .group_by(literal_column("1"), i.municipality_id, i.sector, category),
        )
    )
    s.execute(
        insert(DailyStatus).from_select(
            ["day", "municipality_id", "status", "incidents"],
            select(day, i.municipality_id, i.status, func.count())
            .where(real)
            .group_by(literal_column("1"), i.municipality_id, i.status),
        )
    )
    answered = func.sum(_flag(i.first_answered_at.is_not(None)))
    on_time = func.sum(_flag(on_time_term()))
    assignee, agency = func.coalesce(i.assignee_id, 0), func.coalesce(i.agency_id, 0)
    s.execute(
        insert(DailySla).from_select(
            [
                "day",
                "municipality_id",
                "assignee_id",
                "agency_id",
                "incidents",
                "answered",
                "answered_on_time",
            ],
            select(day, i.municipality_id, assignee, agency, func.count(), answered, on_time)
            .where(real)
            .group_by(literal_column("1"), i.municipality_id, assignee, agency),
        )
    )


def on_time_term() -> ColumnElement[bool]:
    """Answered, and not after its due time (none due: on time)."""
    i = Incident
    return and_(
        i.first_answered_at.is_not(None),
        or_(i.first_answer_due.is_(None), i.first_answered_at <= i.first_answer_due),
    )


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _none(value: int) -> int | None:
    return value or None


def _in_scope(window: Window, table, first: date, last: date) -> list:
    terms = [table.day >= first, table.day <= last]
    if window.municipality_ids is not None:
        terms.append(table.municipality_id.in_(window.municipality_ids))
    return terms


def place_counts(s: Session, window: Window) -> list[tuple]:
    """`(cur, sector, municipality_id, category_id, n)` over the period and the one before."""
    d = DailyPlace
    cur = (d.day >= window.query.date_from).label("cur")
    rows = s.execute(
        select(cur, d.sector, d.municipality_id, d.category_id, func.sum(d.incidents))
        .where(*_in_scope(window, d, window.previous_from, window.query.date_to))
        .group_by(literal_column("cur"), d.sector, d.municipality_id, d.category_id)
        .having(func.sum(d.incidents) != 0)
    )
    return [(bool(c), sector, mid, _none(cat), n) for c, sector, mid, cat, n in rows]


def day_status_counts(s: Session, window: Window) -> list[tuple]:
    """`(day, status, n)` of the period."""
    d = DailyStatus
    return s.execute(
        select(d.day, d.status, func.sum(d.incidents))
        .where(*_in_scope(window, d, window.query.date_from, window.query.date_to))
        .group_by(d.day, d.status)
        .having(func.sum(d.incidents) != 0)
    ).all()


def sla_counts(s: Session, window: Window) -> list[tuple]:
    """`(assignee_id, agency_id, municipality_id, n, answered, answered_on_time)` of the
    period."""
    d = DailySla
    rows = s.execute(
        select(
            d.assignee_id,
            d.agency_id,
            d.municipality_id,
            func.sum(d.incidents),
            func.sum(d.answered),
            func.sum(d.answered_on_time),
        )
        .where(*_in_scope(window, d, window.query.date_from, window.query.date_to))
        .group_by(d.assignee_id, d.agency_id, d.municipality_id)
        .having(func.sum(d.incidents) != 0)
    )
    return [(_none(a), _none(g), m, *values) for a, g, m, *values in rows]


def weekly_place_counts(s: Session, window: Window, since: date, until: date) -> list[tuple]:
    """`(municipality_id, sector, category_id, week_monday, n)` of the days since..until."""
    d = DailyPlace
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        week = func.date(d.day, literal_column("'weekday 0'"), literal_column("'-6 days'"))
    else:
        week = cast(func.date_trunc(literal_column("'week'"), d.day), Date)
    week = week.label("week")
    rows = s.execute(
        select(d.municipality_id, d.sector, d.category_id, week, func.sum(d.incidents))
        .where(*_in_scope(window, d, since, until))
        .group_by(d.municipality_id, d.sector, d.category_id, literal_column("week"))
        .having(func.sum(d.incidents) != 0)
    )
    return [(mid, sector, _none(cat), w, n) for mid, sector, cat, w, n in rows]
