"""Scenario files: the bundled ones are valid and are what they claim; a malformed one is refused
with the line of each problem, by the parser and by the server."""

from __future__ import annotations

from collections import Counter

import pytest

from cur_desktop.models.fingerprint import text_key
from cur_desktop.models.scenario import (
    ReferenceCodes,
    ScenarioError,
    bundled_scenarios,
    load_bundled,
    parse_scenario,
)
from cur_server.demo import content
from tests.server.training_support import TRAINING, install_clock

DEMO = ReferenceCodes(
    municipalities={m["code"]: m["name"] for m in content.MUNICIPALITIES},
    categories={c["code"]: s for s, cats in content.CATEGORIES.items() for c in cats},
    agencies=frozenset(a["code"] for a in content.AGENCIES),
)

GOOD = """\
title: Проба
duration: 30
incidents:
  - key: one
    at: 0
    text: Яма у подъезда
    municipality: ryazan
  - key: two
    at: 5
    text: Не вывезли мусор
    municipality: Шиловский муниципальный район
    expected:
      sector: waste
      category: garbage_not_collected
      agency: [eco_pronsk, adm_shilovsky_district]
"""


def lines_of(text: str, reference: ReferenceCodes | None = DEMO) -> list[tuple[int | None, str]]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, reference)
    return [(p.line, p.where) for p in caught.value.problems]


def test_a_good_scenario_parses_with_names_or_codes():
    s = parse_scenario(GOOD, DEMO)
    assert [i.key for i in s.incidents] == ["one", "two"]
    assert s.incidents[1].expected.agency == ("eco_pronsk", "adm_shilovsky_district")
    assert DEMO.municipality_code(s.incidents[1].municipality) == "shilovsky_district"
    assert s.sla.normal == 30 and s.default_speed == 1


@pytest.mark.parametrize(
    "change, expected",
    [
        (("    at: 5\n", "    at: later\n"), [(9, "incidents[1].at")]),
        (
            ("      sector: waste\n", "      sector: garbage\n"),
            [(13, "incidents[1].expected.sector")],
        ),
        (("    text: Яма у подъезда\n", ""), [(4, "incidents[0].text")]),
        (("    at: 0\n", "    at: 0\n    colour: red\n"), [(6, "incidents[0].colour")]),
        (("key: two", "key: one"), [(8, "incidents[1].key")]),
        (("    at: 5\n", "    at: 45\n"), [(9, "incidents[1].at")]),
        (("municipality: ryazan", "municipality: atlantis"), [(7, "incidents[0].municipality")]),
        (
            ("category: garbage_not_collected", "category: potholes"),
            [(14, "incidents[1].expected.category")],
        ),
        (("[eco_pronsk,", "[eco_pronsk, nasa,"), [(15, "incidents[1].expected.agency")]),
        (
            ("    at: 5\n", "    at: 5\n    duplicate_of: three\n"),
            [(10, "incidents[1].duplicate_of")],
        ),
        (("    at: 5\n", "    at: 5\n    wrong_municipality: true\n"), [(8, "incidents[1]")]),
        (("text: Яма у подъезда", "text: [Яма у подъезда"), [(7, "")]),
        (("duration: 30", "duration: 30\n  oops: 1"), [(3, "")]),
    ],
)
def test_each_problem_is_reported_on_its_line(change, expected):
    old, new = change
    assert old in GOOD
    assert lines_of(GOOD.replace(old, new)) == expected


def test_all_problems_at_once_and_a_readable_message():
    text = GOOD.replace("at: 5", "at: -1").replace("municipality: ryazan", "importance: huge")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, DEMO)
    message = str(caught.value)
    assert "строка 4: incidents[0].municipality: обязательное поле не задано" in message
    assert "строка 7: incidents[0].importance: недопустимое значение" in message
    assert "строка 9: incidents[1].at" in message
    assert lines_of("just a string") == [(1, "")]
    assert lines_of("") == [(None, "")]


def test_bundled_scenarios_validate_and_are_what_they_say():
    names = set(bundled_scenarios())
    assert {"ordinary_shift", "heating_burst", "hard_cases"} <= names
    for name in names:
        _, s = load_bundled(name, DEMO)
        assert s.title and s.description, name
        assert len({i.text for i in s.incidents}) == len(s.incidents), f"{name}: a text repeats"
    _, ordinary = load_bundled("ordinary_shift", DEMO)
    assert 22 <= len(ordinary.incidents) <= 30 and ordinary.duration == 60
    assert len({i.municipality for i in ordinary.incidents}) >= 8
    assert len({i.expected.sector for i in ordinary.incidents}) >= 6

    _, burst = load_bundled("heating_burst", DEMO)
    heating = [i for i in burst.incidents if i.expected.category == "heating"]
    places = Counter(DEMO.municipality_code(i.municipality) for i in heating)
    district, count = places.most_common(1)[0]
    assert count >= 30, places
    window = sorted(i.at for i in heating if DEMO.municipality_code(i.municipality) == district)
    assert window[29] - window[0] <= 20  # thirty of them within twenty minutes
    assert len(burst.incidents) - len(heating) >= 8  # among ordinary ones
    # Near-identical, as people write them: varied wording, not one text repeated.
    assert len({text_key(i.text) for i in heating}) >= 20

    _, hard = load_bundled("hard_cases", DEMO)
    assert any(i.author is None for i in hard.incidents)
    assert any(i.duplicate_of for i in hard.incidents)
    assert any(i.wrong_municipality for i in hard.incidents)
    assert any(i.expected.reply == "interim" for i in hard.incidents)


def test_server_refuses_a_malformed_upload_with_lines(live, api):
    install_clock(live)
    trainer = api("trainer1")
    r = trainer.post(
        f"{TRAINING}/sessions", json={"scenario_text": GOOD.replace("ryazan", "atlantis")}
    )
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid_scenario" and "строка 7" in body["message"]
    assert body["details"] == [
        {
            "line": 7,
            "where": "incidents[0].municipality",
            "message": "нет такого муниципального образования: «atlantis»",
        }
    ]
    assert trainer.get(f"{TRAINING}/sessions").json()["sessions"] == []
    unknown = trainer.post(f"{TRAINING}/sessions", json={"scenario": "no_such"})
    assert unknown.status_code == 422
    both = trainer.post(f"{TRAINING}/sessions", json={"scenario": "x", "scenario_text": GOOD})
    assert both.status_code == 422
    listed = trainer.get(f"{TRAINING}/scenarios").json()["scenarios"]
    assert {s["name"] for s in listed} >= {"ordinary_shift", "heating_burst", "hard_cases"}
    made = trainer.post(f"{TRAINING}/sessions", json={"scenario": "hard_cases"})
    assert made.status_code == 201 and made.json()["scenario_name"] == "hard_cases"
