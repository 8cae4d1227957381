"""Dates, times and numbers in the user's locale (QLocale's default, set by `i18n.install`):
«24.11.2026 12:00» and «12 345» in Russian, «11/24/26 12:00 PM» and «12,345» in English."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale

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


def number(n: int | float) -> str:
    return QLocale().toString(n)
