"""Short municipality names for the queue's narrow column: the distinguishing word first."""

from __future__ import annotations

import pytest

from cur_desktop.ui.labels import short_municipality


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("городской округ город Рязань", "г. Рязань"),
        ("городской округ Коломна", "г.о. Коломна"),
        ("Шиловский муниципальный район", "Шиловский р-н"),
        ("Шиловский район", "Шиловский р-н"),
        ("Касимовский муниципальный округ", "Касимовский м.о."),
        ("Александро-Невский муниципальный округ", "Александро-Невский м.о."),
        ("Рязань", "Рязань"),
    ],
)
def test_short_municipality(name, short):
    assert short_municipality(name) == short
