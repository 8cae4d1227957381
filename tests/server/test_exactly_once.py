"""Idempotency and races: every mutation lands once, and one of two claimers wins."""

from __future__ import annotations

import threading
import uuid

from sqlalchemy import func, select

from cur_server.db import open_database
from cur_server.tables import AppliedMutation, Event
from tests.server.api import mutation


def _unassigned_new(api_client) -> list[dict]:
    items = api_client.all_incidents().values()
    return sorted(
        (i for i in items if i["status"] == "new" and i["assignee_id"] is None),
        key=lambda i: i["id"],
    )


def test_resending_a_mutation_returns_duplicate_with_first_result(api):
    op = api("operator1")
    inc = _unassigned_new(op)[0]
    m = mutation("add_note", inc["id"], {"text": "Первая доставка"})
    first = op.mutate(m)[0]
    again = op.mutate(m)[0]
    assert first["outcome"] == "applied"
    assert (again["outcome"], again["first_outcome"]) == ("duplicate", "applied")
    notes = [e for e in again["incident"]["events"] if e["kind"] == "note"]
    assert len(notes) == 1
    assert again["incident"]["version"] == first["incident"]["version"]


def test_a_rejected_mutation_resent_keeps_its_first_outcome(api):
    op = api("operator1")
    inc = _unassigned_new(op)[0]
    m = mutation("set_status", inc["id"], {"status": "closed"})
    first, again = op.mutate(m)[0], op.mutate(m)[0]
    assert first["outcome"] == "rejected"
    assert (again["outcome"], again["first_outcome"], again["error"]) == (
        "duplicate",
        "rejected",
        first["error"],
    )


def test_someone_elses_mutation_id_is_refused(api):
    a, b = api("operator1"), api("operator2")
    inc = _unassigned_new(a)[0]
    m = mutation("add_note", inc["id"], {"text": "мой"})
    a.mutate(m)
    r = b.mutate(m)[0]
    assert (r["outcome"], r["error"]) == ("rejected", "mutation_id_taken")
    assert r["incident"] is None


def test_two_operators_claim_at_once_exactly_one_wins(api, live):
    ops = [api("operator1"), api("operator2")]
    targets = _unassigned_new(ops[0])[:8]

    def claim(n: int, incident_id: int, barrier: threading.Barrier, results: dict) -> None:
        barrier.wait()
        results[n] = ops[n].one("claim", incident_id)

    for inc in targets:
        barrier = threading.Barrier(2)
        results: dict[int, dict] = {}
        threads = [
            threading.Thread(target=claim, args=(n, inc["id"], barrier, results)) for n in range(2)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        outcomes = sorted(r["outcome"] for r in results.values())
        assert outcomes == ["applied", "conflict"], results
        winner = next(n for n, r in results.items() if r["outcome"] == "applied")
        loser = results[1 - winner]
        assert loser["error"] == "held_by_other"
        assert loser["incident"]["assignee_id"] == ops[winner].user["id"]

    db = open_database(live.context.db.url)
    with db.read() as s:
        claimed = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.kind == "claimed", Event.incident_id.in_([i["id"] for i in targets]))
        )
    db.dispose()
    assert claimed == len(targets)


def test_same_mutation_sent_concurrently_is_applied_once(api, live):
    op = api("operator1")
    inc = _unassigned_new(op)[0]
    m = mutation("add_note", inc["id"], {"text": "гонка"}, mutation_id=uuid.uuid4())
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def send() -> None:
        barrier.wait()
        outcomes.append(op.mutate(m)[0]["outcome"])

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["applied", "duplicate", "duplicate", "duplicate"]
    db = open_database(live.context.db.url)
    with db.read() as s:
        notes = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.kind == "note", Event.incident_id == inc["id"])
        )
        recorded = s.scalar(
            select(func.count())
            .select_from(AppliedMutation)
            .where(AppliedMutation.mutation_id == str(m["mutation_id"]))
        )
    db.dispose()
    assert (notes, recorded) == (1, 1)


def test_stale_base_version_conflicts_only_for_others_changes(api):
    a, lead = api("operator1"), api("supervisor1")
    inc = _unassigned_new(a)[0]
    claimed = a.one("claim", inc["id"])["incident"]
    base = claimed["version"]
    # Own follow-up changes never conflict with one's own earlier ones.
    r = a.one("add_note", inc["id"], {"text": "заметка"}, base_version=base)
    assert r["outcome"] == "applied"
    r = a.one("set_category", inc["id"], {"sector": "roads"}, base_version=base)
    assert r["outcome"] == "applied", r
    # A supervisor changes the incident; the operator's reply based on the old state conflicts.
    lead.one("set_category", inc["id"], {"sector": "housing"})
    r = a.one(
        "add_reply",
        inc["id"],
        {"kind": "final", "text": "Ответ по старым данным"},
        base_version=base,
    )
    assert (r["outcome"], r["error"]) == ("conflict", "stale")
    assert r["incident"]["sector"] == "housing"
    assert r["incident"]["replies"] == []
