"""How an SLA deadline looks: working time left, a state, and a mark that is not colour alone.

One SlaView per window holds the calendar and the clock («now» by the server's time, see
models/clock.py: a computer whose clock is off still shows the right states); one QTimer (owned
by the window) asks views to repaint the SLA column, so there is no timer per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtGui import QColor

from cur_desktop.models.clock import Clock
from cur_desktop.models.sla import SlaClock, SlaPolicy, SlaState, WorkingCalendar

from . import formats
from .i18n import tr

#: Symbol + colour: the symbol carries the meaning for colour-blind users, the colour helps
#: everyone else (blue/orange/red-purple are told apart in the common colour-vision deficiencies).
MARKS: dict[SlaState, tuple[str, QColor]] = {
    SlaState.ok: ("●", QColor("#1f6fb2")),
    SlaState.at_risk: ("▲", QColor("#c26a00")),
    SlaState.overdue: ("✖", QColor("#b0003a")),
    SlaState.done: ("✓", QColor("#5a5a5a")),
}


def state_label(state: SlaState) -> str:
    return {
        SlaState.ok: tr("В срок"),
        SlaState.at_risk: tr("Под угрозой"),
        SlaState.overdue: tr("Просрочено"),
        SlaState.done: tr("Завершено"),
    }[state]


def format_span(seconds: float, day_hours: int = 9) -> str:
    """Working time as «2 р.д. 3 ч», «3 ч 05 мин», «12 мин» (days are working days)."""
    minutes = int(abs(seconds) // 60)
    hours, mins = divmod(minutes, 60)
    if hours >= day_hours:
        days, hours = divmod(hours, day_hours)
        return tr("{d} р.д. {h} ч").format(d=days, h=hours)
    if hours:
        return tr("{h} ч {m:02d} мин").format(h=hours, m=mins)
    return tr("{m} мин").format(m=mins)


@dataclass(frozen=True)
class SlaShown:
    state: SlaState
    text: str
    symbol: str
    color: QColor


class SlaView:
    def __init__(self, calendar: WorkingCalendar, policy: SlaPolicy, time: Clock | None = None):
        self.clock = SlaClock(calendar, policy)
        self.time = time or Clock()
        start, end = calendar.day_start, calendar.day_end
        self.day_hours = max(1, end.hour - start.hour)

    @classmethod
    def from_reference(cls, reference, time: Clock | None = None) -> SlaView:
        if reference is None:
            return cls(WorkingCalendar(), SlaPolicy(), time)
        return cls(
            WorkingCalendar.from_json(reference.calendar),
            SlaPolicy.from_json(reference.sla_policy),
            time,
        )

    def now(self) -> datetime:
        """What every SLA state and count of the window is measured against."""
        return self.time.now()

    def today(self) -> date:
        """The region's date by the server's clock: the server counts periods by it, and a
        computer in another zone (or with its clock off) would start them a day early or late."""
        return self.now().astimezone(self.clock.calendar.tz).date()

    def warm(self) -> None:
        """Load this year's and next year's calendar (the holidays package imports ~1 s of
        modules): call off the UI thread at start, so the first paint does not pay for it."""
        now = self.now()
        self.clock.calendar.working_seconds_between(now, now.replace(year=now.year + 1))

    def _local_moment(self, moment: datetime, now: datetime) -> str:
        """«18:00» today, «02.12 18:00» another day, in the region's time zone."""
        tz = self.clock.calendar.tz
        local = moment.astimezone(tz)
        same_day = local.date() == now.astimezone(tz).date()
        return formats.wall_clock(local, with_day=not same_day)

    def show(
        self, due: int | None, risk_at: int | None = None, now: datetime | None = None
    ) -> SlaShown:
        """`due` and `risk_at` (start of the last quarter) are epoch seconds from the cache."""
        now = now or self.now()
        if due is None:
            state = SlaState.done
            symbol, color = MARKS[state]
            return SlaShown(state, state_label(state), symbol, color)
        due_at = datetime.fromtimestamp(due, UTC)
        ts = now.timestamp()
        if ts >= due:
            state = SlaState.overdue
        elif risk_at is not None and ts >= risk_at:
            state = SlaState.at_risk
        else:
            state = SlaState.ok
        symbol, color = MARKS[state]
        if state is SlaState.overdue:
            late = self.clock.calendar.working_seconds_between(due_at, now)
            if late >= 60:
                text = tr("просрочено на {span}").format(span=format_span(late, self.day_hours))
            else:  # due at the close of work, now after hours: «0 мин» late would mislead
                text = tr("просрочено с {moment}").format(moment=self._local_moment(due_at, now))
        else:
            left = self.clock.remaining_seconds(due_at, now)
            text = format_span(left, self.day_hours)
        return SlaShown(state, text, symbol, color)
