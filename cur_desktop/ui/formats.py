"""Dates, times and numbers in the user's locale (QLocale's default, set by
`i18n.install_translations`): «24.11.2026 12:00» and «12 345» in Russian, «11/24/26 12:00 PM»
and «12,345» in English."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from .i18n import tr

_SHORT = QLocale.FormatType.ShortFormat


def date_time(epoch: int | None, empty: str = "—") -> str:
    """A moment in local time, e.g. a due time in the card or the received column."""
    if not epoch:
        return empty
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)), _SHORT)


def clock(epoch: int | None, empty: str = "—") -> str:
    """Time of day only: the status bar's «last synced»."""
    if not epoch:
        return empty
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)).time(), _SHORT)


def wall_clock(moment: datetime, with_day: bool) -> str:
    """A moment already in the wanted time zone (the region's), in the locale's short format:
    «18:00» or «03.12 18:00» in Russian, «6:00 PM» or «12/3 6:00 PM» in English (no year: it is
    this week's deadline)."""
    locale = QLocale()
    shown = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    if not with_day:
        return locale.toString(shown.time(), _SHORT)
    day = re.sub(r"[./\-]?y+[./\-]?", "", locale.dateFormat(_SHORT)).strip()
    return locale.toString(shown, f"{day} {locale.timeFormat(_SHORT)}")


def number(n: int | float) -> str:
    return QLocale().toString(n)


def day(value) -> str:
    """A calendar day (`datetime.date`), e.g. a period's first day or a week's Monday."""
    if value is None:
        return "—"
    return QLocale().toString(QDate(value.year, value.month, value.day), _SHORT)


def percent(share: float | None, empty: str = "—") -> str:
    """A share 0..1 as «87,5 %»."""
    if share is None:
        return empty
    return f"{QLocale().toString(round(share * 100, 1), 'f', 1)} %"


def decimal(value: float | None, digits: int = 1, empty: str = "—") -> str:
    if value is None:
        return empty
    return QLocale().toString(float(value), "f", digits)


def signed(n: int) -> str:
    """A change: «+12», «−3», «0»."""
    if n > 0:
        return f"+{number(n)}"
    if n < 0:
        return f"−{number(-n)}"
    return "0"


def minutes(value: float | None, empty: str = "—") -> str:
    """A duration in minutes as «5 ч 20 мин» (hours and minutes read at a glance)."""
    if value is None:
        return empty
    total = int(round(value))
    hours, mins = divmod(total, 60)
    if hours >= 48:
        days, hours = divmod(hours, 24)
        return tr("{d} дн {h} ч").format(d=number(days), h=hours)
    if hours:
        return tr("{h} ч {m} мин").format(h=number(hours), m=mins)
    return tr("{m} мин").format(m=mins)
