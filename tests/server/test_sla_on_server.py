"""The server sets SLA due times by the region's working calendar, and clients can recompute
them from the calendar served in /reference."""

from __future__ import annotations

from datetime import datetime

import pytest

from cur_desktop.models.sla import SlaClock, SlaPolicy, WorkingCalendar


def _ingest(api, source_id: str, received_at: str, importance: str = "normal") -> dict:
    r = api("collector").post(
        "/api/v1/ingest",
        json={
            "items": [
                {
                    "channel": "pos",
                    "source_id": source_id,
                    "text": "Не работает уличное освещение",
                    "received_at": received_at,
                    "municipality_code": "ryazan",
                    "sector": "roads",
                    "importance": importance,
                }
            ]
        },
    )
    assert r.status_code == 200, r.text
    iid = r.json()["results"][0]["incident_id"]
    return api("supervisor1").get(f"/api/v1/incidents/{iid}").json()


@pytest.mark.parametrize(
    ("received", "importance", "due_utc"),
    [
        # Friday 17:00 MSK: one hour on Friday, eight on Monday.
        ("2026-11-20T17:00:00+03:00", "normal", "2026-11-23T14:00:00+00:00"),
        ("2026-11-20T17:00:00+03:00", "high", "2026-11-23T09:00:00+00:00"),
        # Shortened pre-holiday Tuesday (till 17:00), Unity Day off, then Thursday.
        ("2026-11-03T10:00:00+03:00", "normal", "2026-11-05T08:00:00+00:00"),
        # Received at night in UTC+3, given in UTC: the clock starts at 09:00 MSK.
        ("2026-11-24T21:30:00+00:00", "normal", "2026-11-25T15:00:00+00:00"),
        # During the New Year holidays: the clock starts on the first working day. (In the
        # past: the server refuses receipt times more than a day ahead of its clock.)
        ("2026-01-02T12:00:00+03:00", "high", "2026-01-12T10:00:00+00:00"),
    ],
)
def test_first_answer_due_follows_the_production_calendar(api, received, importance, due_utc):
    inc = _ingest(api, f"sla-{received}-{importance}", received, importance)
    assert datetime.fromisoformat(inc["first_answer_due"]) == datetime.fromisoformat(due_utc)


def test_client_recomputes_the_same_due_times_from_reference(api):
    op = api("operator1")
    ref = op.get("/api/v1/reference").json()
    clock = SlaClock(
        WorkingCalendar.from_json(ref["calendar"]), SlaPolicy.from_json(ref["sla_policy"])
    )
    for inc in op.all_incidents().values():
        if inc["sla_started_at"] == inc["received_at"] and inc["first_answer_due"]:
            expected = clock.first_answer_due(
                datetime.fromisoformat(inc["received_at"]), inc["importance"]
            )
            assert datetime.fromisoformat(inc["first_answer_due"]) == expected, inc["number"]


def test_interim_answer_sets_final_due_seven_working_days_on(api):
    op = api("operator1")
    ref = op.get("/api/v1/reference").json()
    clock = SlaClock(WorkingCalendar.from_json(ref["calendar"]))
    inc = next(i for i in op.all_incidents().values() if i["status"] == "new")
    op.one("claim", inc["id"])
    r = op.one("add_reply", inc["id"], {"kind": "interim", "text": "Передано в ведомство."})
    got = r["incident"]
    answered = datetime.fromisoformat(got["first_answered_at"])
    assert datetime.fromisoformat(got["final_answer_due"]) == clock.final_answer_due(answered)
    working = clock.calendar.working_seconds_between(
        answered, datetime.fromisoformat(got["final_answer_due"])
    )
    # Seven whole working days after today (each 8 or 9 hours), plus what is left of today.
    assert 7 * 8 * 3600 <= working <= 8 * 9 * 3600
