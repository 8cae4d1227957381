"""Suggestions for «Направить» and «Назначить»: the fitting ones first and marked, the rest
after them by name; nothing here chooses for the user."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace as Agency

from cur_desktop.models.suggest import rank_agencies, rank_people


def test_agencies_of_the_place_and_sector_come_first():
    agencies = [
        Agency(id=1, name="Администрация Скопина", sector=None, municipality_id=7),
        Agency(id=2, name="Администрация Рязани", sector=None, municipality_id=1),
        Agency(id=3, name="Госжилинспекция", sector="housing", municipality_id=None),
        Agency(id=4, name="Дирекция дорог", sector="roads", municipality_id=None),
        Agency(id=5, name="УК Рязани", sector="housing", municipality_id=1),
        Agency(id=6, name="Правительство области", sector=None, municipality_id=None),
    ]
    ranked = rank_agencies(agencies, "housing", 1)
    assert [(a.id, a.suggested) for a in ranked] == [
        (5, True),  # the sector's body here
        (2, True),  # this place's administration
        (3, True),  # the sector's regional body
        (1, False),
        (6, False),
    ]  # roads is not offered for housing at all


def test_people_holding_cases_nearby_come_first_fewest_open_first():
    people = [("Белова", 1), ("Андреев", 2), ("Воронин", 3), ("Гусев", 4)]
    ranked = rank_people(people, Counter({3: 2, 4: 2, 1: 1}), {3: 10, 4: 5, 1: 1})
    assert [(p.id, p.suggested) for p in ranked] == [(4, True), (3, True), (1, True), (2, False)]
