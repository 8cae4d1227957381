"""The incident lifecycle through the API, as an operator and a supervisor live it."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.server.api import mutation


def _first(api_client, status: str) -> dict:
    items = api_client.all_incidents()
    found = [i for i in items.values() if i["status"] == status and i["assignee_id"] is None]
    assert found, f"seed has no unassigned incident in status {status}"
    return min(found, key=lambda i: i["id"])


def _agency_for(reference: dict, sector: str) -> int:
    return next(a["id"] for a in reference["agencies"] if a["sector"] == sector)


def test_full_lifecycle_from_claim_to_close(api):
    op = api("operator1")
    ref = op.get("/api/v1/reference").json()
    inc = _first(op, "new")

    r = op.one("claim", inc["id"])
    assert r["outcome"] == "applied", r
    assert r["incident"]["status"] == "in_progress"
    assert r["incident"]["assignee_id"] == op.user["id"]

    agency = (
        _agency_for(ref, inc["sector"]) if inc["sector"] != "other" else ref["agencies"][0]["id"]
    )
    r = op.one("route", inc["id"], {"agency_id": agency, "note": "Прошу принять меры"})
    assert r["outcome"] == "applied", r
    assert (r["incident"]["status"], r["incident"]["agency_id"]) == ("routed", agency)

    r = op.one(
        "add_reply", inc["id"], {"kind": "interim", "text": "Обращение передано в ведомство."}
    )
    assert r["outcome"] == "applied", r
    after_interim = r["incident"]
    assert after_interim["status"] == "interim_answer"
    assert after_interim["first_answered_at"] is not None
    due = datetime.fromisoformat(after_interim["final_answer_due"])
    assert due > datetime.fromisoformat(after_interim["first_answered_at"])

    r = op.one("add_reply", inc["id"], {"kind": "final", "text": "Яма заделана 25.11, спасибо."})
    assert r["incident"]["status"] == "answered"
    assert [x["approval_state"] for x in r["incident"]["replies"]] == ["published", "published"]

    r = op.one("set_status", inc["id"], {"status": "resolved"})
    assert (r["outcome"], r["error"]) == ("rejected", "confirmation_required")
    assert r["incident"]["status"] == "answered"

    r = op.one("set_status", inc["id"], {"status": "resolved", "confirmation": "Фото работ"})
    assert r["incident"]["status"] == "resolved"
    r = op.one("set_status", inc["id"], {"status": "closed"})
    assert r["incident"]["status"] == "closed"

    kinds = [e["kind"] for e in r["incident"]["events"]]
    assert kinds[0] == "received"
    for expected in ("claimed", "routed", "reply_published", "status_changed"):
        assert expected in kinds
    versions = [e["version"] for e in r["incident"]["events"]]
    assert versions == sorted(versions) and versions[-1] == r["incident"]["version"]


def test_reply_alone_is_not_resolved_and_transitions_are_checked(api):
    op = api("operator1")
    inc = _first(op, "new")
    r = op.one("set_status", inc["id"], {"status": "answered"})
    assert (r["outcome"], r["error"]) == ("rejected", "not_claimed")

    op.one("claim", inc["id"])
    r = op.one("set_status", inc["id"], {"status": "closed"})
    assert (r["outcome"], r["error"]) == ("rejected", "bad_transition")
    assert "Закрыто" in r["reason"]

    r = op.one("set_status", inc["id"], {"status": "answered"})
    assert (r["outcome"], r["error"]) == ("rejected", "reply_required")

    r = op.one("set_status", inc["id"], {"status": "routed"})
    assert r["error"] == "agency_required"

    r = op.one("set_status", inc["id"], {"status": "rejected"})
    assert r["error"] == "reason_required"
    r = op.one("set_status", inc["id"], {"status": "rejected", "reason": "Спам"})
    assert r["incident"]["status"] == "rejected"
    assert r["incident"]["events"][-1]["data"]["reason"] == "Спам"


def test_reopen_restarts_the_first_answer_clock(api):
    op = api("operator1")
    inc = _first(op, "new")
    op.one("claim", inc["id"])
    op.one("set_status", inc["id"], {"status": "rejected", "reason": "Не жалоба"})
    r = op.one("set_status", inc["id"], {"status": "reopened", "reason": "Житель уточнил"})
    reopened = r["incident"]
    assert reopened["status"] == "reopened"
    assert reopened["sla_started_at"] > inc["sla_started_at"]
    assert reopened["first_answer_due"] > inc["first_answer_due"]
    assert reopened["first_answered_at"] is None


def test_release_returns_incident_to_queue(api):
    op = api("operator1")
    inc = _first(op, "new")
    op.one("claim", inc["id"])
    r = op.one("release", inc["id"])
    assert (r["incident"]["status"], r["incident"]["assignee_id"]) == ("new", None)


def test_trainee_reply_waits_for_approval_and_can_be_returned(api):
    trainee, lead = api("operator3"), api("supervisor1")
    inc = _first(trainee, "new")
    trainee.one("claim", inc["id"])
    r = trainee.one("add_reply", inc["id"], {"kind": "final", "text": "Разберёмся."})
    reply = r["incident"]["replies"][-1]
    assert reply["approval_state"] == "pending_approval"
    assert r["incident"]["status"] == "in_progress"

    r = trainee.one("approve_reply", inc["id"], {"reply_id": reply["id"]})
    assert (r["outcome"], r["error"]) == ("rejected", "forbidden")

    r = lead.one("return_reply", inc["id"], {"reply_id": reply["id"], "comment": "Нет срока"})
    returned = r["incident"]["replies"][-1]
    assert (returned["approval_state"], returned["review_comment"]) == ("returned", "Нет срока")

    r = trainee.one("add_reply", inc["id"], {"kind": "final", "text": "Яму заделают до 30 ноября."})
    second = r["incident"]["replies"][-1]
    r = lead.one("approve_reply", inc["id"], {"reply_id": second["id"]})
    assert r["outcome"] == "applied", r
    assert r["incident"]["replies"][-1]["approval_state"] == "published"
    assert r["incident"]["replies"][-1]["reviewed_by"] == lead.user["id"]
    assert r["incident"]["status"] == "answered"


def test_category_change_validates_sector_and_recomputes_due(api):
    op = api("operator1")
    ref = op.get("/api/v1/reference").json()
    inc = _first(op, "new")
    op.one("claim", inc["id"])
    roads = next(c for c in ref["categories"] if c["sector"] == "roads")
    health = next(c for c in ref["categories"] if c["sector"] == "health")
    r = op.one("set_category", inc["id"], {"sector": "roads", "category_id": health["id"]})
    assert r["error"] == "bad_category"
    importance = "high" if inc["importance"] == "normal" else "normal"
    r = op.one(
        "set_category",
        inc["id"],
        {"sector": "roads", "category_id": roads["id"], "importance": importance},
    )
    got = r["incident"]
    assert (got["sector"], got["category_id"], got["importance"]) == (
        "roads",
        roads["id"],
        importance,
    )
    assert got["first_answer_due"] != inc["first_answer_due"]


@pytest.mark.parametrize("kind", ["note"])
def test_note_is_recorded_with_author(api, kind):
    op = api("operator2")
    inc = _first(op, "new")
    r = op.mutate(mutation("add_note", inc["id"], {"text": "Звонили в УК"}))[0]
    event = r["incident"]["events"][-1]
    assert (event["kind"], event["actor_id"], event["data"]["text"]) == (
        kind,
        op.user["id"],
        "Звонили в УК",
    )
