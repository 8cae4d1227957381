"""Dates and numbers follow the interface language's locale, not a hard-coded Russian format."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale

from cur_desktop.ui import formats

#: 24 November 2026, 15:05 in the machine's local time zone (the same one the UI shows).
MOMENT = int(datetime(2026, 11, 24, 15, 5).timestamp())


@pytest.fixture
def locale():
    before = QLocale()

    def use(language: QLocale.Language) -> None:
        QLocale.setDefault(QLocale(language))

    yield use
    QLocale.setDefault(before)


def test_russian_dates_and_numbers(locale):
    locale(QLocale.Language.Russian)
    assert formats.date_time(MOMENT) == "24.11.2026 15:05"
    assert formats.clock(MOMENT) == "15:05"
    assert formats.number(12345) == "12\N{NO-BREAK SPACE}345"


def test_english_dates_and_numbers(locale):
    locale(QLocale.Language.English)
    assert formats.date_time(MOMENT) == "11/24/26 3:05\N{NARROW NO-BREAK SPACE}PM"
    assert formats.clock(MOMENT) == "3:05\N{NARROW NO-BREAK SPACE}PM"
    assert formats.number(12345) == "12,345"


def test_a_missing_moment_shows_a_dash(locale):
    locale(QLocale.Language.Russian)
    assert formats.date_time(None) == "—"
    assert formats.clock(0, "никогда") == "никогда"
