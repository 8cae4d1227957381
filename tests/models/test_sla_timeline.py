"""The timeline gives the SLA clock's own answers, over holidays, short days and weekends."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from cur_desktop.models.sla import SlaClock, SlaPolicy, SlaState, WorkingCalendar
from cur_desktop.models.sla_timeline import WorkingTimeline

FIRST = datetime(2025, 12, 20, tzinfo=UTC)  # New Year holidays, May, Unity Day within
LAST = datetime(2027, 1, 20, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Asia/Vladivostok"])
def test_same_working_time_and_states_as_the_clock(zone):
    calendar = WorkingCalendar(zone)
    clock = SlaClock(calendar, SlaPolicy())
    timeline = WorkingTimeline(calendar, FIRST, LAST)
    rng = random.Random(62)
    span = (LAST - FIRST).total_seconds()
    states = set()
    for _ in range(3_000):
        a = FIRST + timedelta(seconds=rng.uniform(0, span))
        b = a + timedelta(hours=rng.choice([0.5, 4, 9, 30, 200]) * rng.random())
        if b > LAST:
            continue
        assert timeline.between(a, b) == pytest.approx(
            calendar.working_seconds_between(a, b), abs=1e-3
        )
        due = clock.first_answer_due(a, rng.choice(["normal", "high"]))
        if due > LAST:
            continue
        now = a + (due - a) * rng.uniform(0.0, 1.2)
        expected = clock.state(a, due, now)
        assert timeline.state(clock.policy, a, due, now) is expected, (a, due, now)
        states.add(expected)
    assert states == {SlaState.ok, SlaState.at_risk, SlaState.overdue}
    # Many windows against one `now`, as the board asks: first and final answers due ahead.
    now = datetime(2026, 5, 8, 12, 30, tzinfo=UTC)  # the eve of Victory Day, a short day
    ahead = []
    for _ in range(2_000):
        start = now - timedelta(hours=rng.uniform(0, 300))
        due = rng.choice([clock.final_answer_due(start), clock.first_answer_due(start, "normal")])
        if due > now:
            ahead.append((start, due))
    expected = [clock.state(a, due, now) is SlaState.at_risk for a, due in ahead]
    assert timeline.at_risk(clock.policy, ahead, now) == expected
    assert len(ahead) > 500 and 0 < sum(expected) < len(ahead)
    assert timeline.state(clock.policy, FIRST, None, FIRST) is SlaState.done


def test_moments_outside_the_span_are_refused():
    timeline = WorkingTimeline(WorkingCalendar(), FIRST, FIRST + timedelta(days=3))
    with pytest.raises(ValueError):
        timeline.at(FIRST + timedelta(days=10))
