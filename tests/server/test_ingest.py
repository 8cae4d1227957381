"""Ingest from the channel collectors: dedup by (channel, source id), codes checked."""

from __future__ import annotations

import re


def _item(source_id: str, **kw) -> dict:
    return {
        "channel": "telegram",
        "source_id": source_id,
        "author_name": "Ирина Соколова",
        "text": "Во дворе не вывезли мусор третий день",
        "received_at": "2026-11-24T10:15:00+03:00",
        "municipality_code": "ryazan",
        "sector": "waste",
        **kw,
    }


def test_ingest_creates_numbers_and_dedups(api):
    collector, op = api("collector"), api("operator1")
    body = {"items": [_item("tg-1"), _item("tg-2", importance="high"), _item("tg-1")]}
    r = collector.post("/api/v1/ingest", json=body)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["outcome"] for x in results] == ["created", "created", "duplicate"]
    assert results[0]["incident_id"] == results[2]["incident_id"]
    assert re.fullmatch(r"ЦУР-\d{4}-\d{6}", results[0]["number"])
    assert results[0]["number"] != results[1]["number"]

    again = collector.post("/api/v1/ingest", json={"items": [_item("tg-2")]}).json()["results"]
    assert again[0]["outcome"] == "duplicate"
    assert again[0]["incident_id"] == results[1]["incident_id"]

    inc = op.get(f"/api/v1/incidents/{results[1]['incident_id']}").json()
    assert (inc["status"], inc["importance"], inc["channel"]) == ("new", "high", "telegram")
    assert inc["first_answer_due"] > inc["received_at"]
    assert inc["events"][0]["kind"] == "received"


def test_same_source_id_on_another_channel_is_another_incident(api):
    collector = api("collector")
    r = collector.post(
        "/api/v1/ingest", json={"items": [_item("x-1"), _item("x-1", channel="vk")]}
    ).json()["results"]
    assert [x["outcome"] for x in r] == ["created", "created"]


def test_unknown_codes_are_refused_whole(api):
    collector, op = api("collector"), api("operator1")
    before = len(op.all_incidents())
    r = collector.post(
        "/api/v1/ingest",
        json={"items": [_item("ok-1"), _item("bad-1", municipality_code="atlantis")]},
    )
    assert r.status_code == 400 and r.json()["error"] == "unknown_code"
    assert r.json()["details"][0]["loc"] == ["body", "items", 1, "municipality_code"]
    r = collector.post(
        "/api/v1/ingest", json={"items": [_item("bad-2", category_code="no_such_rubric")]}
    )
    assert r.status_code == 400
    assert len(op.all_incidents()) == before


def test_only_collectors_and_admins_ingest(api):
    for username, status in (("operator1", 403), ("supervisor1", 403), ("admin", 200)):
        r = api(username).post("/api/v1/ingest", json={"items": [_item(f"role-{username}")]})
        assert r.status_code == status, (username, r.text)


def test_naive_time_is_refused(api):
    r = api("collector").post(
        "/api/v1/ingest", json={"items": [_item("naive", received_at="2026-11-24T10:15:00")]}
    )
    assert r.status_code == 422
