"""Dates that cannot be true are refused where they enter, and the SLA arithmetic stays bounded
for what is already stored: one message «from year 9998» must not stall every supervisor's
board or answer 500."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from cur_desktop.models.scenario import ScenarioError, parse_scenario
from cur_desktop.models.sla import SlaClock, WorkingCalendar
from cur_desktop.models.sla_timeline import WorkingTimeline
from cur_server.tables import Incident

#: Far longer than the bounded answer takes, far shorter than the unbounded walk did (25 s).
GENEROUS_SECONDS = 15


def _item(received_at: str) -> dict:
    return {
        "channel": "pos",
        "source_id": f"dates-{uuid.uuid4()}",
        "text": "Не вывозят мусор",
        "received_at": received_at,
        "municipality_code": "ryazan",
        "sector": "housing",
    }


@pytest.mark.parametrize(
    "received_at",
    ["9998-06-01T10:00:00+00:00", "9999-12-31T23:00:00+00:00", "1999-12-31T12:00:00+00:00"],
)
def test_impossible_receipt_times_are_refused_at_ingest(api, received_at):
    collector = api("collector")
    ahead = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    for when in (received_at, ahead):
        r = collector.post("/api/v1/ingest", json={"items": [_item(when)]})
        assert r.status_code == 400, r.text
        body = r.json()
        assert body["error"] == "bad_date"
        assert body["details"][0]["loc"] == ["body", "items", 0, "received_at"]
    soon = (datetime.now(UTC) + timedelta(hours=12)).isoformat()
    r = collector.post("/api/v1/ingest", json={"items": [_item(soon)]})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("year", [9998, 9999])
def test_a_stored_far_future_deadline_does_not_stall_the_console(live, api, year):
    """As if such a message had come in before the bound: the board and the handover stay quick
    and whole."""
    with live.context.db.write() as s:
        iid = s.scalars(
            select(Incident.id)
            .where(Incident.status == "new", Incident.training_session_id.is_(None))
            .limit(1)
        ).one()
        far = datetime(year, 12, 31, 20, 0, tzinfo=UTC)
        s.execute(
            update(Incident)
            .where(Incident.id == iid)
            .values(received_at=far, sla_started_at=far, first_answer_due=far)
        )
    lead = api("supervisor1")
    for path in ("/api/v1/team", "/api/v1/handover/latest"):
        started = time.monotonic()
        r = lead.request("GET", path)
        assert r.status_code in (200, 404), (path, r.text)
        assert time.monotonic() - started < GENEROUS_SECONDS, path


def test_timeline_refuses_to_walk_for_years():
    calendar = WorkingCalendar("Europe/Moscow")
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    started = time.monotonic()
    with pytest.raises(ValueError):
        WorkingTimeline(calendar, now, datetime(9998, 1, 1, tzinfo=UTC))
    assert time.monotonic() - started < GENEROUS_SECONDS


def test_calendar_arithmetic_is_bounded_and_never_overflows():
    clock = SlaClock(WorkingCalendar("Europe/Moscow"))
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    started = time.monotonic()
    far = clock.calendar.working_seconds_between(now, datetime(9998, 1, 1, tzinfo=UTC))
    assert far > 365 * 8 * 3600  # a lower bound, and plenty to be neither at risk nor overdue
    assert time.monotonic() - started < GENEROUS_SECONDS
    with pytest.raises(ValueError):
        clock.first_answer_due(datetime(9999, 12, 31, 20, tzinfo=UTC), "high")
    with pytest.raises(ValueError):
        clock.final_answer_due(datetime(9999, 12, 30, 20, tzinfo=UTC))


SCENARIO = """
title: Сроки
duration: 60
sla:
  normal: {normal}
incidents:
  - key: a
    at: 1
    text: Яма
    municipality: ryazan
"""


def test_training_allowances_are_bounded():
    parse_scenario(SCENARIO.format(normal=30))
    with pytest.raises(ScenarioError) as err:
        parse_scenario(SCENARIO.format(normal="1e300"))
    assert err.value.problems[0].line == 5
