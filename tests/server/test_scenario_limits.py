"""A hostile scenario cannot stall or break the server: YAML aliases (the «billion laughs»), NUL
characters that PostgreSQL cannot store, are refused with a line, before any work is done."""

from __future__ import annotations

import time

import pytest

from cur_desktop.models.scenario import ScenarioError, parse_scenario
from tests.server.training_support import TRAINING, install_clock

#: 404 bytes that took the line-number walk 5 s (one more level: a minute and gigabytes).
BOMB = """\
title: Бомба
duration: 30
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
incidents: *g
"""

GOOD = """\
title: Проба
duration: 30
incidents:
  - key: one
    at: 0
    text: "{text}"
    municipality: ryazan
"""

SECONDS = 5  # generous: the refusal takes milliseconds


def test_aliases_are_refused_at_once_with_their_line():
    started = time.monotonic()
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(BOMB)
    assert time.monotonic() - started < SECONDS
    problem = caught.value.problems[0]
    assert problem.line == 3
    assert "якор" in problem.message


def test_nul_in_a_text_is_refused_with_its_line():
    parse_scenario(GOOD.format(text="Яма"))
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(GOOD.format(text="Яма\\0у подъезда"))
    assert caught.value.problems[0].line == 6
    assert "нулев" in caught.value.problems[0].message


def test_server_refuses_a_bomb_quickly(live, api):
    install_clock(live)
    trainer = api("trainer1")
    started = time.monotonic()
    r = trainer.post(f"{TRAINING}/sessions", json={"scenario_text": BOMB})
    assert time.monotonic() - started < SECONDS
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid_scenario"
    assert "строка 3" in r.json()["message"]


@pytest.mark.parametrize(
    "body",
    [
        {"scenario": "ordinary_shift", "title": "Урок\x00"},
        {"scenario_text": GOOD.format(text="Яма") + "\x00"},
    ],
)
def test_training_texts_refuse_nul(live, api, body):
    install_clock(live)
    r = api("trainer1").post(f"{TRAINING}/sessions", json=body)
    assert r.status_code == 422, r.text
