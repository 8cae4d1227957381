"""Bad input gets a clear 4xx in the common error shape and changes nothing."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.server.api import mutation


def _state(op) -> dict[int, int]:
    return {i: x["version"] for i, x in op.all_incidents().items()}


def _error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    return body


def test_malformed_json_is_400(api):
    op = api("operator1")
    before = _state(op)
    r = op.post(
        "/api/v1/mutations",
        data=b'{"mutations": [',
        headers={"Content-Type": "application/json"},
    )
    _error(r, 400, "malformed_json")
    assert _state(op) == before


@pytest.mark.parametrize(
    "body",
    [
        {"mutations": "claim"},
        {"mutations": []},
        {"mutations": [{"type": "claim", "incident_id": "один", "mutation_id": "x"}]},
        {"mutations": [{"type": "explode", "incident_id": 1, "mutation_id": "0" * 36}]},
        {"mutations": [mutation("set_status", 1, {"status": "teleported"})]},
        {"mutations": [mutation("add_note", 1, {"text": "x"}) | {"extra": 1}]},
        {"mutations": [mutation("add_reply", 1, {"kind": "final", "text": "x" * 10_001})]},
    ],
)
def test_wrong_types_are_422_and_change_nothing(api, body):
    op = api("operator1")
    before = _state(op)
    details = _error(op.post("/api/v1/mutations", json=body), 422, "invalid_request")["details"]
    assert details and all("loc" in d for d in details)
    assert _state(op) == before


def test_one_bad_mutation_rejects_the_whole_batch(api):
    op = api("operator1")
    before = _state(op)
    good = mutation("add_note", min(before), {"text": "ok"})
    bad = mutation("add_note", min(before), {"text": ""})
    _error(op.post("/api/v1/mutations", json={"mutations": [good, bad]}), 422, "invalid_request")
    assert _state(op) == before


def test_oversize_body_is_413(api):
    op = api("operator1")
    before = _state(op)
    huge = {"mutations": [mutation("add_note", 1, {"text": "я" * 3_000_000})]}
    _error(op.post("/api/v1/mutations", json=huge), 413, "payload_too_large")

    def chunks():
        yield b'{"mutations": [{"text": "'
        for _ in range(300):
            yield b"x" * 10_000
        yield b'"}]}'

    r = op.post("/api/v1/mutations", data=chunks(), headers={"Content-Type": "application/json"})
    _error(r, 413, "payload_too_large")
    assert _state(op) == before


def test_unknown_ids(api):
    op = api("operator1")
    _error(op.get("/api/v1/incidents/999999"), 404, "not_found")
    r = op.one("claim", 999_999)
    assert (r["outcome"], r["error"], r["incident"]) == ("rejected", "not_found", None)
    inc = min(i for i, x in op.all_incidents().items() if x["status"] == "new")
    assert op.one("claim", inc)["outcome"] == "applied"
    r = op.one("route", inc, {"agency_id": 999_999})
    assert r["error"] == "bad_agency"
    r = op.one("add_reply", inc, {"kind": "final", "text": "ok", "template_id": 999_999})
    assert r["error"] == "bad_template"
    _error(op.get("/api/v1/nowhere"), 404, "not_found")


def test_page_size_is_capped(api):
    op = api("operator1")
    r = op.get("/api/v1/changes", params={"limit": 50_000})
    assert r.status_code == 200 and len(r.json()["items"]) <= 1000
    _error(op.get("/api/v1/changes", params={"limit": 0}), 422, "invalid_request")
    _error(op.get("/api/v1/changes", params={"cursor": -1}), 422, "invalid_request")


def test_html_in_a_message_is_stored_and_served_as_plain_text(api):
    collector, op = api("collector"), api("operator1")
    text = '<script>alert("x")</script><b>Нет воды</b> & "кавычки"'
    r = collector.post(
        "/api/v1/ingest",
        json={
            "items": [
                {
                    "channel": "vk",
                    "source_id": "wall-1_html",
                    "text": text,
                    "received_at": "2026-11-24T09:00:00+03:00",
                    "municipality_code": "ryazan",
                }
            ]
        },
    )
    assert r.status_code == 200, r.text
    iid = r.json()["results"][0]["incident_id"]
    got = op.get(f"/api/v1/incidents/{iid}")
    assert got.headers["Content-Type"].startswith("application/json")
    assert got.json()["text"] == text


def test_gzip_request_body_is_not_trusted_blindly(api):
    op = api("operator1")
    r = op.post(
        "/api/v1/mutations",
        data=gzip.compress(json.dumps({"mutations": []}).encode()),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code in (400, 422)
    assert r.json()["error"] in ("malformed_json", "invalid_request")
