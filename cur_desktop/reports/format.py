"""How figures read in Russian documents, shared by the PDF and the XLSX so both say the same."""

from __future__ import annotations

import re
from datetime import date, datetime

#: No-break space: a thousands separator that never breaks a number across lines.
NBSP = "\u00a0"
#: C0 control characters other than tab and newline: they mean nothing in a document and some
#: writers (reportlab, openpyxl) refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def integer(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def percent(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.{digits}f}".replace(".", ",") + f"{NBSP}%"


def change(current: int, previous: int) -> str:
    """«+12 (+15,0 %)»; «без изменений»; the percentage is left out when there was nothing."""
    delta = current - previous
    if delta == 0:
        return "без изменений"
    sign = "+" if delta > 0 else "−"
    text = f"{sign}{integer(abs(delta))}"
    if previous:
        text += f" ({sign}{percent(abs(delta) / previous)})"
    return text


def duration(minutes: float | None) -> str:
    """«2 ч 05 мин», «3 дн 4 ч»: the scale a reader takes in at a glance."""
    if minutes is None:
        return "—"
    total = round(minutes)
    days, rest = divmod(total, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}{NBSP}дн {hours}{NBSP}ч"
    if hours:
        return f"{hours}{NBSP}ч {mins:02d}{NBSP}мин"
    return f"{mins}{NBSP}мин"


def day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def moment(value: datetime) -> str:
    return value.strftime("%d.%m.%Y %H:%M")


def period(start: date, end: date) -> str:
    return f"{day(start)} – {day(end)}"


def printable(text: str) -> str:
    """The text with its control characters (but tab and newline) made spaces, nothing else."""
    return _CONTROL.sub(" ", text)


def plain(text: str, limit: int | None = None) -> str:
    """A citizen's text made safe to print: no control characters, bounded length."""
    text = printable(text).strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
