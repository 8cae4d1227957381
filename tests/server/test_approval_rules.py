"""The supervisor's approval cannot be dodged: not by lowering the importance for a moment, not
by rejecting the case instead of answering it. Refused attempts leave a trail for the audit."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

AUDIT = "cur_server.audit"


def _fresh(api, importance: str) -> int:
    r = api("collector").post(
        "/api/v1/ingest",
        json={
            "items": [
                {
                    "channel": "pos",
                    "source_id": f"approval-{uuid.uuid4()}",
                    "text": "Прорвало трубу, вода заливает подъезд",
                    "received_at": datetime.now(UTC).isoformat(),
                    "municipality_code": "ryazan",
                    "sector": "housing",
                    "importance": importance,
                }
            ]
        },
    )
    assert r.status_code == 200, r.text
    return r.json()["results"][0]["incident_id"]


def test_operator_cannot_lower_importance_to_publish_at_once(api, caplog):
    op, lead = api("operator1"), api("supervisor1")
    iid = _fresh(api, "high")
    assert op.one("claim", iid)["outcome"] == "applied"
    with caplog.at_level(logging.WARNING, logger=AUDIT):
        r = op.one("set_category", iid, {"sector": "housing", "importance": "normal"})
    assert (r["outcome"], r["error"]) == ("rejected", "approval_required"), r
    assert r["incident"]["importance"] == "high"
    assert any("importance" in rec.getMessage() for rec in caplog.records), caplog.text

    r = op.one("add_reply", iid, {"kind": "final", "text": "Аварийная бригада выехала."})
    assert r["incident"]["replies"][-1]["approval_state"] == "pending_approval"
    assert r["incident"]["status"] == "in_progress"

    # The supervisor may lower it, and the change stays in the incident's history.
    r = lead.one("set_category", iid, {"sector": "housing", "importance": "normal"})
    assert r["outcome"] == "applied", r
    changed = [e for e in r["incident"]["events"] if e["kind"] == "category_changed"][-1]
    assert changed["data"]["from"]["importance"] == "high"
    assert changed["data"]["to"]["importance"] == "normal"
    assert changed["actor_id"] == lead.user["id"]


def test_operator_may_still_raise_importance(api):
    op = api("operator1")
    iid = _fresh(api, "normal")
    op.one("claim", iid)
    r = op.one("set_category", iid, {"sector": "housing", "importance": "high"})
    assert (r["outcome"], r["incident"]["importance"]) == ("applied", "high")


def test_rejection_follows_the_approval_rule(api, caplog):
    trainee, op, lead = api("operator3"), api("operator1"), api("supervisor1")
    iid = _fresh(api, "normal")
    trainee.one("claim", iid)
    with caplog.at_level(logging.WARNING, logger=AUDIT):
        r = trainee.one("set_status", iid, {"status": "rejected", "reason": "Не наша зона"})
    assert (r["outcome"], r["error"]) == ("rejected", "approval_required"), r
    assert r["incident"]["status"] == "in_progress"
    assert any("rejected" in rec.getMessage() for rec in caplog.records), caplog.text

    high = _fresh(api, "high")
    op.one("claim", high)
    r = op.one("set_status", high, {"status": "rejected", "reason": "Спам"})
    assert (r["outcome"], r["error"]) == ("rejected", "approval_required"), r

    # Who needs no approval rejects as before.
    plain = _fresh(api, "normal")
    op.one("claim", plain)
    r = op.one("set_status", plain, {"status": "rejected", "reason": "Спам"})
    assert (r["outcome"], r["incident"]["status"]) == ("applied", "rejected"), r
    r = lead.one("set_status", iid, {"status": "rejected", "reason": "Не наша зона"})
    assert (r["outcome"], r["incident"]["status"]) == ("applied", "rejected"), r


def _trainee_reply(api, written: str) -> tuple[int, int]:
    """(incident id, reply id) of a trainee's reply waiting for approval."""
    trainee = api("operator3")
    iid = _fresh(api, "normal")
    trainee.one("claim", iid)
    r = trainee.one("add_reply", iid, {"kind": "final", "text": written})
    return iid, r["incident"]["replies"][-1]["id"]


def test_approve_with_a_correction_publishes_the_corrected_text(api):
    """«Согласовать с правкой»: the supervisor's text is published, the author's stays in the
    event; a correction is checked like a new reply (no unfilled placeholder, not blank)."""
    trainee, lead = api("operator3"), api("supervisor1")
    written = "Разберёмся."
    iid, reply_id = _trainee_reply(api, written)

    for bad, error in (
        ("Здравствуйте, {citizen_name}!", "unfilled_placeholder"),
        ("  ", "empty_reply"),
    ):
        r = lead.one("approve_reply", iid, {"reply_id": reply_id, "text": bad})
        assert (r["outcome"], r["error"]) == ("rejected", error), r
        assert r["incident"]["replies"][-1]["text"] == written
        assert r["incident"]["replies"][-1]["approval_state"] == "pending_approval"

    corrected = "Аварийная бригада устранит течь до 18:00 сегодня."
    r = lead.one("approve_reply", iid, {"reply_id": reply_id, "text": corrected})
    assert r["outcome"] == "applied", r
    reply = r["incident"]["replies"][-1]
    assert (reply["text"], reply["approval_state"]) == (corrected, "published")
    assert reply["author_id"] == trainee.user["id"] and reply["reviewed_by"] == lead.user["id"]
    approved = [e for e in r["incident"]["events"] if e["kind"] == "reply_approved"][-1]
    assert approved["data"] == {"reply_id": reply_id, "edited": True, "original": written}
    assert r["incident"]["status"] == "answered"


def test_approve_without_a_text_keeps_the_authors(api):
    written = "Течь устранят до 18:00."
    iid, reply_id = _trainee_reply(api, written)
    r = api("supervisor1").one("approve_reply", iid, {"reply_id": reply_id})
    assert r["incident"]["replies"][-1]["text"] == written
    approved = [e for e in r["incident"]["events"] if e["kind"] == "reply_approved"][-1]
    assert approved["data"] == {"reply_id": reply_id}
