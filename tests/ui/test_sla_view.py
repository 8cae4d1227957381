"""How a deadline reads in the queue and the card: working time, and no «0 мин» after hours."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cur_desktop.models.clock import Clock
from cur_desktop.models.sla import SlaPolicy, SlaState, WorkingCalendar
from cur_desktop.ui.sla_view import SlaView


def view() -> SlaView:
    return SlaView(WorkingCalendar("Europe/Moscow"), SlaPolicy())


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A Moscow wall-clock moment in December 2026 (UTC+3, no DST)."""
    return datetime(2026, 12, day, hour - 3, minute, tzinfo=UTC)


def test_overdue_in_working_time_says_by_how_much(qapp):
    shown = view().show(int(at(3, 10).timestamp()), now=at(3, 12, 30))  # Thursday
    assert shown.state is SlaState.overdue and shown.symbol == "✖"
    assert shown.text == "просрочено на 2 ч 30 мин"


def test_overdue_at_the_close_of_work_names_the_moment_not_zero_minutes(qapp):
    due = int(at(3, 18).timestamp())
    same_evening = view().show(due, now=at(3, 21, 14))
    assert same_evening.state is SlaState.overdue
    assert same_evening.text == "просрочено с 18:00"
    next_morning = view().show(due, now=at(4, 8, 30))  # Friday, before work starts
    assert next_morning.text == "просрочено с 03.12 18:00"
    later = view().show(due, now=at(4, 9, 45))
    assert later.text == "просрочено на 45 мин"


def test_time_left_and_risk(qapp):
    due = int(at(4, 18).timestamp())
    risk = int(at(4, 15, 45).timestamp())
    assert view().show(due, risk, now=at(4, 10)).state is SlaState.ok
    shown = view().show(due, risk, now=at(4, 16))
    assert shown.state is SlaState.at_risk and shown.text == "2 ч 00 мин"
    assert view().show(None).state is SlaState.done


def test_today_is_the_regions_date_by_the_servers_clock(qapp):
    """At 22:30 UTC it is already tomorrow in Moscow: periods the server counts by the region's
    date (quality, analytics) must start from that date, whatever zone the computer is in."""
    late_evening_utc = datetime(2026, 12, 3, 22, 30, tzinfo=UTC).timestamp()
    shown = SlaView(WorkingCalendar("Europe/Moscow"), SlaPolicy(), Clock(lambda: late_evening_utc))
    assert shown.today() == date(2026, 12, 4)
    vladivostok = WorkingCalendar("Asia/Vladivostok")
    early_utc = datetime(2026, 12, 3, 13, 59, tzinfo=UTC).timestamp()
    assert SlaView(vladivostok, SlaPolicy(), Clock(lambda: early_utc)).today() == date(2026, 12, 3)
    assert SlaView(vladivostok, SlaPolicy(), Clock(lambda: early_utc + 120)).today() == date(
        2026, 12, 4
    )


def test_the_moment_follows_the_locale_not_a_fixed_russian_format(qapp):
    """Dates in the English UI read as the rest of it does («12/3 6:00 PM»), not «03.12 18:00»."""
    from PySide6.QtCore import QLocale

    due = int(at(3, 18).timestamp())
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        # CLDR puts a narrow no-break space before «PM».
        same_evening = view().show(due, now=at(3, 21, 14)).text.replace("\u202f", " ")
        next_morning = view().show(due, now=at(4, 8, 30)).text.replace("\u202f", " ")
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.Russian))
    assert same_evening.endswith("6:00 PM") and "18:00" not in same_evening
    assert next_morning.endswith("12/3 6:00 PM")
