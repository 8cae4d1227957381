"""SLA clocks in working time, following the Russian production calendar.

Regional centres promise a first answer within N working hours of receipt and a final answer
within N working days of an interim answer. "Working" means the region's own office hours in
its own time zone, minus weekends and public holidays, plus the Saturdays the government moves
into the working week, with the pre-holiday day one hour shorter (Labour Code art. 95, 112).

The server derives the calendar from the ``holidays`` package and serves it as JSON; clients
rebuild it with :meth:`WorkingCalendar.from_json` so both sides compute identical due times even
if their copies of ``holidays`` differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import holidays

_HOUR = 3600.0
_ONE_DAY = timedelta(days=1)
# Longest run of days off we are ready to walk through before assuming the data is broken.
_MAX_DAYS_OFF = 60
#: The longest span the calendar walks day by day (ten years). A moment further away is a typo
#: or a hostile input («received in year 9998»): walking to it would take minutes, and past
#: year 9999 the date arithmetic overflows.
MAX_SPAN_DAYS = 3660
#: Years the calendar knows; the last one keeps `date` arithmetic a year away from overflow.
_FIRST_YEAR, _LAST_YEAR = 1900, 9998
# With language fixed to en_US, a transfer reads "Day off (substituted from 04/27/2024)".
_SUBSTITUTED_RE = re.compile(r"substituted from (\d{1,2})/(\d{1,2})/(\d{4})")


class SlaState(StrEnum):
    ok = "ok"
    at_risk = "at_risk"
    overdue = "overdue"
    done = "done"  # the clock is stopped: answered or closed


SLA_STATE_LABELS: dict[SlaState, str] = {
    SlaState.ok: "В срок",
    SlaState.at_risk: "Под угрозой",
    SlaState.overdue: "Просрочено",
    SlaState.done: "Завершено",
}


@dataclass(frozen=True)
class SlaPolicy:
    first_answer_hours: float = 9
    first_answer_hours_high: float = 4
    final_answer_days: int = 7
    at_risk_fraction: float = 0.25  # the last quarter of the allowed working time is "at risk"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SlaPolicy:
        """Missing keys take defaults and unknown ones are ignored, so old and new peers agree."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


_DEFAULT_POLICY = SlaPolicy()


def _require_aware(dt: datetime, name: str) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {dt!r}")


def _day_after(d: date, days: int) -> date:
    """`d` plus `days`, refused with ValueError (not OverflowError) past year 9999."""
    try:
        return d + timedelta(days=days)
    except OverflowError as exc:
        raise ValueError(f"{d} plus {days} days is beyond the calendar") from exc


def _span_end(d: date) -> date:
    """The last day a walk from `d` may reach."""
    return date.max if (date.max - d).days <= MAX_SPAN_DAYS else d + timedelta(MAX_SPAN_DAYS)


def _substitution_source(name: str) -> date | None:
    """The weekend date named in a "Day off (substituted from ...)" label, or None."""
    m = _SUBSTITUTED_RE.search(name)
    if m is None:
        return None
    try:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:  # a malformed label must not take the SLA engine down
        return None


def _is_statutory(name: str) -> bool:
    """True for an art. 112 holiday; transferred days off and "(observed)" days do not count."""
    return any(
        _substitution_source(part) is None and "(observed)" not in part for part in name.split("; ")
    )


class WorkingCalendar:
    """Working days and hours of one region. Years load lazily; per-day intervals are cached."""

    def __init__(
        self, timezone: str = "Europe/Moscow", day_start: time = time(9), day_end: time = time(18)
    ) -> None:
        if day_end <= day_start:
            raise ValueError("day_end must be later than day_start")
        self.timezone = timezone
        self.tz = ZoneInfo(timezone)
        self.day_start = day_start
        self.day_end = day_end
        self._years: set[int] = set()
        self._holidays: dict[date, str] = {}
        self._working_weekends: set[date] = set()
        self._short_days: set[date] = set()
        self._intervals: dict[date, tuple[float, float] | None] = {}

    # --- calendar data -----------------------------------------------------------------------

    def _ensure_year(self, year: int) -> None:
        if year in self._years:
            return
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise ValueError(f"year {year} is beyond the calendar")
        # Neighbouring years are needed: transfers may cross New Year, and Dec 31 may precede
        # a Jan 1 holiday.
        src = holidays.Russia(years=range(year - 1, year + 2), language="en_US")
        day_off_for: dict[date, date] = {}  # working weekend -> the weekday it freed
        for day, name in src.items():
            if day.year == year:
                self._holidays[day] = name
            for part in name.split("; "):
                source = _substitution_source(part)
                # A source that is itself a holiday (e.g. Jan 6 in the New Year block) stays off.
                if source and source.year == year and source.weekday() >= 5 and source not in src:
                    self._working_weekends.add(source)
                    day_off_for[source] = day

        def statutory(d: date) -> bool:
            return d in src and _is_statutory(src[d])

        d = date(year, 1, 1)
        while d.year == year:
            working = d not in src and (d.weekday() < 5 or d in self._working_weekends)
            # A transferred Saturday inherits the shortening of the weekday it replaced:
            # 2022-03-05 stood in for 03-07 (eve of Mar 8), 2024-11-02 for 04-30 (eve of May 1).
            freed = day_off_for.get(d)
            if working and (statutory(d + _ONE_DAY) or (freed and statutory(freed + _ONE_DAY))):
                self._short_days.add(d)
            d += _ONE_DAY
        self._years.add(year)

    def is_working_day(self, d: date) -> bool:
        self._ensure_year(d.year)
        if d in self._holidays:
            return False
        return d.weekday() < 5 or d in self._working_weekends

    def is_short_day(self, d: date) -> bool:
        self._ensure_year(d.year)
        return d in self._short_days and self.is_working_day(d)

    def _interval_ts(self, d: date) -> tuple[float, float] | None:
        """Working interval of a local date as UTC epoch seconds; floats keep the hot loop cheap."""
        try:
            return self._intervals[d]
        except KeyError:
            pass
        iv: tuple[float, float] | None = None
        if self.is_working_day(d):
            start = datetime.combine(d, self.day_start, tzinfo=self.tz).timestamp()
            end = datetime.combine(d, self.day_end, tzinfo=self.tz).timestamp()
            if self.is_short_day(d):
                end = max(start, end - _HOUR)
            iv = (start, end)
        self._intervals[d] = iv
        return iv

    def working_interval(self, d: date) -> tuple[datetime, datetime] | None:
        iv = self._interval_ts(d)
        if iv is None:
            return None
        return datetime.fromtimestamp(iv[0], self.tz), datetime.fromtimestamp(iv[1], self.tz)

    def _local_date(self, ts: float) -> date:
        return datetime.fromtimestamp(ts, self.tz).date()

    # --- arithmetic --------------------------------------------------------------------------

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """Moment when `hours` of working time have elapsed since `start` (aware UTC)."""
        _require_aware(start, "start")
        if hours < 0:
            raise ValueError("hours must be non-negative")
        t = start.timestamp()
        left = hours * _HOUR
        d = self._local_date(t)
        last = _span_end(d)
        days_off = 0
        while d < last:
            iv = self._interval_ts(d)
            if iv is not None and t < iv[1]:
                days_off = 0
                begin = max(t, iv[0])
                if left <= iv[1] - begin:
                    return datetime.fromtimestamp(begin + left, UTC)
                left -= iv[1] - begin
            elif iv is None:
                days_off += 1
                if days_off > _MAX_DAYS_OFF:
                    raise ValueError(f"no working day within {_MAX_DAYS_OFF} days of {d}")
            d += _ONE_DAY
        raise ValueError(f"{hours} working hours from {start} end beyond the calendar")

    def end_of_working_day_after(self, start: datetime, days: int) -> datetime:
        """End of the `days`-th working day after start's local date: "within N working days"."""
        _require_aware(start, "start")
        if days < 1:
            raise ValueError("days must be at least 1")
        d = start.astimezone(self.tz).date()
        if days > MAX_SPAN_DAYS:
            raise ValueError(f"{days} working days is beyond the calendar")
        for _ in range(days):
            d = _day_after(d, 1)
            for _ in range(_MAX_DAYS_OFF):
                if self._interval_ts(d) is not None:
                    break
                d = _day_after(d, 1)
            else:
                raise ValueError(f"no working day within {_MAX_DAYS_OFF} days of {d}")
        iv = self._interval_ts(d)
        assert iv is not None
        return datetime.fromtimestamp(iv[1], UTC)

    def working_seconds_between(self, a: datetime, b: datetime) -> float:
        """Working seconds in [a, b]; negative when b precedes a.

        Only the first MAX_SPAN_DAYS after the earlier moment are counted: for moments further
        apart the answer is a lower bound (years of working time, neither at risk nor due).
        """
        _require_aware(a, "a")
        _require_aware(b, "b")
        ta, tb = a.timestamp(), b.timestamp()
        if tb < ta:
            return -self.working_seconds_between(b, a)
        total = 0.0
        d = self._local_date(ta)
        last = min(self._local_date(tb), _span_end(d))
        while d <= last:
            iv = self._interval_ts(d)
            if iv is not None:
                total += max(0.0, min(tb, iv[1]) - max(ta, iv[0]))
            d += _ONE_DAY
        return total

    # --- serialisation -----------------------------------------------------------------------

    def to_json(self, years: Iterable[int]) -> dict[str, Any]:
        ys = sorted(set(years))
        for y in ys:
            self._ensure_year(y)

        def pick(days: Iterable[date]) -> list[str]:
            return sorted(d.isoformat() for d in days if d.year in ys)

        return {
            "timezone": self.timezone,
            "day_start": self.day_start.strftime("%H:%M"),
            "day_end": self.day_end.strftime("%H:%M"),
            "years": ys,
            "holidays": {
                d.isoformat(): n for d, n in sorted(self._holidays.items()) if d.year in ys
            },
            "working_weekends": pick(self._working_weekends),
            "short_days": pick(self._short_days),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> WorkingCalendar:
        """Rebuild a served calendar; its years never consult the local ``holidays`` package."""
        cal = cls(
            d.get("timezone", "Europe/Moscow"),
            time.fromisoformat(d.get("day_start", "09:00")),
            time.fromisoformat(d.get("day_end", "18:00")),
        )
        hol = {date.fromisoformat(k): v for k, v in d.get("holidays", {}).items()}
        weekends = {date.fromisoformat(s) for s in d.get("working_weekends", [])}
        short = {date.fromisoformat(s) for s in d.get("short_days", [])}
        years = d.get("years")
        if years is None:  # older payloads: every covered year lists at least Jan 1
            years = {x.year for x in (*hol, *weekends, *short)}
        cal._years.update(int(y) for y in years)
        cal._holidays.update(hol)
        cal._working_weekends.update(weekends)
        cal._short_days.update(short)
        return cal


class SlaClock:
    """Due times and traffic-light states for the first and the final answer."""

    def __init__(self, calendar: WorkingCalendar, policy: SlaPolicy = _DEFAULT_POLICY) -> None:
        self.calendar = calendar
        self.policy = policy

    def first_answer_due(self, received_at: datetime, importance: str) -> datetime:
        if importance == "high":
            hours = self.policy.first_answer_hours_high
        elif importance == "normal":
            hours = self.policy.first_answer_hours
        else:
            raise ValueError(f"unknown importance {importance!r}")
        return self.calendar.add_working_hours(received_at, hours)

    def final_answer_due(self, interim_at: datetime) -> datetime:
        return self.calendar.end_of_working_day_after(interim_at, self.policy.final_answer_days)

    def state(
        self,
        started_at: datetime,
        due_at: datetime | None,
        now: datetime,
        stopped_at: datetime | None = None,
    ) -> SlaState:
        if due_at is None or stopped_at is not None:
            return SlaState.done
        if now >= due_at:
            return SlaState.overdue
        total = self.calendar.working_seconds_between(started_at, due_at)
        remaining = self.remaining_seconds(due_at, now)
        if remaining <= self.policy.at_risk_fraction * total:
            return SlaState.at_risk
        return SlaState.ok

    def remaining_seconds(self, due_at: datetime, now: datetime) -> float:
        """Working seconds left; negative once overdue (working seconds past the due time)."""
        return self.calendar.working_seconds_between(now, due_at)
