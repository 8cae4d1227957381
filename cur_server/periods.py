"""Analytics periods: local days as UTC bounds, and local day / week / minutes as SQL.

Days are the region's local days at its fixed UTC offset. Russian time zones have kept one
offset all year since 2014, so a fixed offset (taken from the region's zone today) is exact for
every incident this system holds and lets both SQLite and PostgreSQL bucket by plain arithmetic.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Date, cast, func, literal_column
from sqlalchemy.sql import ColumnElement

from cur_desktop.models.analytics_rules import AnalyticsWindow

from .tables import Incident


def region_offset(timezone: str, at: datetime | None = None) -> timedelta:
    return ZoneInfo(timezone).utcoffset(at or datetime.now(UTC)) or timedelta(0)


class Window(AnalyticsWindow):
    """The request against the server's tables."""

    @property
    def start(self) -> datetime:
        return self.utc(self.query.date_from)

    @property
    def end(self) -> datetime:
        """Exclusive: the start of the day after `date_to`."""
        return self.utc(self.query.date_to + timedelta(days=1))

    @property
    def previous_start(self) -> datetime:
        return self.utc(self.previous_from)

    def local_date(self, instant: datetime) -> date:
        return (instant.astimezone(UTC) + self.offset).date()

    def scope(self) -> list[ColumnElement[bool]]:
        """Real incidents (training never counts) of the municipalities asked for."""
        terms: list[ColumnElement[bool]] = [Incident.training_session_id.is_(None)]
        if self.municipality_ids is not None:
            terms.append(Incident.municipality_id.in_(self.municipality_ids))
        return terms

    def received_between(self, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
        return [*self.scope(), Incident.received_at >= start, Incident.received_at < end]


# --- SQL expressions per dialect -----------------------------------------------------------
# The offset goes in as a literal (an int from the server's own settings, never user input):
# PostgreSQL matches GROUP BY expressions textually, and two bind parameters never match.


def local_day(column, dialect: str, minutes: int) -> ColumnElement:
    """The local date of a UTC timestamp: a `date` on PostgreSQL, 'YYYY-MM-DD' on SQLite."""
    if dialect == "sqlite":
        return func.date(column, literal_column(f"'{minutes:+d} minutes'"))
    return cast(_local_timestamp(column, minutes), Date)


def _local_timestamp(column, minutes: int) -> ColumnElement:
    return func.timezone(literal_column("'UTC'"), column) + literal_column(
        f"interval '{minutes} minutes'"
    )


def minutes_between(start, end, dialect: str) -> ColumnElement:
    if dialect == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 1440.0
    # date_part, not EXTRACT: since PostgreSQL 14 EXTRACT gives numeric, several times slower
    # to sort than the double precision of date_part.
    return func.date_part(literal_column("'epoch'"), end - start) / 60.0


def as_date(value) -> date:
    """A day as the dialect hands it back ('YYYY-MM-DD' text on SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(value)
