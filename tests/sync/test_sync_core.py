"""The workstation core against the real reference server: pull, local writes, push,
exactly-once delivery, conflicts kept for the user, scope changes."""

from __future__ import annotations

import pytest

from cur_desktop.models.cache.store import CacheLocked, CacheStore
from cur_desktop.sync.engine import SyncSummary
from cur_desktop.sync.outbox import InvalidAction, Outbox
from tests.conftest import SEED_INCIDENTS
from tests.server.api import Api


def test_initial_sync_caches_everything_in_scope(workstation, server):
    ws = workstation("operator1")
    summary = ws.sync()
    assert summary.pulled == SEED_INCIDENTS == len(ws.incidents())
    assert summary.reference_updated and summary.cursor > 0
    truth = Api(server.url, "operator1").all_incidents()
    for iid, row in ws.incidents().items():
        assert (row["version"], row["status"], row["number"]) == (
            truth[iid]["version"],
            truth[iid]["status"],
            truth[iid]["number"],
        )
        assert [r["text"] for r in ws.replies(iid)] == [r["text"] for r in truth[iid]["replies"]]
    again = ws.sync()
    assert (again.pulled, again.reference_updated) == (0, False)


def test_cache_file_is_encrypted_and_needs_its_key(workstation):
    ws = workstation("operator1")
    ws.sync()
    text = ws.incidents()[min(ws.incidents())]["text"]
    ws.close()
    raw = (ws.folder / "cache.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert text.encode() not in raw and b"operator1" not in raw
    with pytest.raises(CacheLocked):
        CacheStore(ws.folder / "cache.db", "0" * 64)
    reopened = CacheStore(ws.folder / "cache.db", ws.key)
    reopened.close()


def test_local_claim_shows_at_once_and_lands_on_server(workstation, server):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.claim(inc["id"])
    local = ws.incident(inc["id"])
    assert (local["status"], local["assignee_id"], local["pending"]) == (
        "in_progress",
        ws.user_id,
        1,
    )
    assert Outbox(ws.store).pending_count() == 1
    summary = ws.sync()
    assert (summary.pushed, summary.applied) == (1, 1)
    after = ws.incident(inc["id"])
    assert (after["pending"], after["version"]) == (0, inc["version"] + 1)
    assert Outbox(ws.store).pending_count() == 0
    on_server = Api(server.url, "supervisor1").get(f"/api/v1/incidents/{inc['id']}").json()
    assert on_server["assignee_id"] == ws.user_id
    assert on_server["events"][-1]["kind"] == "claimed"


def test_reply_written_offline_then_sent(workstation, server):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.claim(inc["id"])
    ws.actions.save_draft(inc["id"], "final", "Черновик ответа")
    assert ws.actions.load_draft(inc["id"], "final")["text"] == "Черновик ответа"
    ws.actions.add_reply(inc["id"], "final", "Яму заделают до 1 декабря.")
    assert ws.actions.load_draft(inc["id"], "final") is None
    local = ws.replies(inc["id"])
    assert local[-1]["local"] == 1 and local[-1]["text"] == "Яму заделают до 1 декабря."
    assert ws.incident(inc["id"])["status"] == "answered"
    ws.sync()
    replies = ws.replies(inc["id"])
    assert [(r["local"], r["approval_state"]) for r in replies] == [(0, "published")]
    assert replies[0]["id"] > 0
    server_inc = Api(server.url, "supervisor1").get(f"/api/v1/incidents/{inc['id']}").json()
    assert server_inc["status"] == "answered"
    assert server_inc["replies"][0]["client_id"] == replies[0]["client_id"]


def test_lost_answer_is_resent_and_applied_once(workstation, server):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.add_note(inc["id"], "Позвонили заявителю")
    outbox = Outbox(ws.store)
    entries = outbox.next_batch()
    ws.client.mutations(Outbox.wire(entries))  # delivered, but the answer is "lost"
    summary = ws.sync()
    assert (summary.pushed, summary.duplicates, summary.applied) == (1, 1, 0)
    notes = [
        e
        for e in Api(server.url, "supervisor1")
        .get(f"/api/v1/incidents/{inc['id']}")
        .json()["events"]
        if e["kind"] == "note"
    ]
    assert len(notes) == 1
    assert outbox.pending_count() == 0


def test_conflict_keeps_the_users_work_and_can_be_applied_again(workstation):
    a, b = workstation("operator1"), workstation("supervisor1")
    a.sync()
    b.sync()
    inc = a.first(status="new", assignee_id=None)
    a.actions.claim(inc["id"])
    a.sync()
    # The supervisor sees the claim and recategorises; the operator, not yet synced, answers.
    b.sync()
    b.actions.set_category(inc["id"], "housing", None)
    assert b.sync().applied == 1
    a.actions.add_reply(inc["id"], "final", "Ответ по устаревшим данным")
    summary = a.sync()
    assert summary.conflicts == 1
    problem = Outbox(a.store).problems()[0]
    assert (problem["outcome"], problem["error"]) == ("conflict", "stale")
    assert "Ответ по устаревшим данным" in problem["payload"]
    view = a.incident(inc["id"])
    assert (view["sector"], view["pending"]) == ("housing", 0)
    assert a.replies(inc["id"]) == []
    a.actions.retry_problem(problem["id"])
    a.sync()
    assert [r["text"] for r in a.replies(inc["id"])] == ["Ответ по устаревшим данным"]
    assert Outbox(a.store).problems() == []


def test_kept_work_on_a_case_a_colleague_took_meanwhile_is_not_applied_again(workstation):
    """«Применить снова» meets the holder rule before anything is written: the reply stays
    kept (with its text) instead of going round the server to be refused again."""
    a, b = workstation("operator1"), workstation("operator2")
    a.sync()
    b.sync()
    inc = a.first(status="new", assignee_id=None)
    a.actions.claim(inc["id"])
    a.sync()
    lead = Api(a.client.base_url, "supervisor1")
    assert lead.one("set_category", inc["id"], {"sector": "housing"})["outcome"] == "applied"
    a.actions.add_reply(inc["id"], "final", "Ответ по устаревшим данным")
    assert a.sync().conflicts == 1
    (problem,) = Outbox(a.store).problems()
    # Meanwhile the case went to a colleague.
    assert lead.one("assign", inc["id"], {"assignee_id": b.user_id})["outcome"] == "applied"
    a.sync()
    with pytest.raises(InvalidAction, match="в работе у"):
        a.actions.retry_problem(problem["id"])
    assert [p["id"] for p in Outbox(a.store).problems()] == [problem["id"]]
    assert Outbox(a.store).pending_count() == 0


def test_rejection_is_kept_with_the_servers_reason(workstation):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.set_status(inc["id"], "answered")  # not claimed, no reply: the server refuses
    ws.sync()
    problem = Outbox(ws.store).problems()[0]
    assert problem["outcome"] == "rejected" and problem["reason"]
    assert ws.incident(inc["id"])["status"] == "new"
    ws.actions.discard_problem(problem["id"])
    assert Outbox(ws.store).problems() == []


def test_pulled_change_does_not_overwrite_pending_local_work(workstation):
    a, lead = workstation("operator1"), workstation("supervisor1")
    a.sync()
    lead.sync()
    inc = a.first(status="new", assignee_id=None)
    a.actions.add_note(inc["id"], "Моя заметка, ещё не отправлена")
    lead.actions.set_category(inc["id"], "roads", None, "high")
    lead.sync()
    a.core.pull(SyncSummary())  # pull only: the note is still in the outbox
    view = a.incident(inc["id"])
    assert (view["importance"], view["pending"]) == ("high", 1)
    assert any(e["kind"] == "local_add_note" for e in a.events(inc["id"]))
    a.sync()
    kinds = [e["kind"] for e in a.events(inc["id"])]
    assert "note" in kinds and "local_add_note" not in kinds
    assert a.incident(inc["id"])["pending"] == 0


def test_incident_moved_out_of_district_leaves_officials_cache(workstation):
    official, lead = workstation("official1"), workstation("supervisor1")
    official.sync()
    lead.sync()
    mine = official.incidents()
    assert mine and all(
        r["municipality_id"] in official.client.user.municipality_ids for r in mine.values()
    )
    moved = min(mine)
    other = next(
        m
        for m in {r["municipality_id"] for r in lead.incidents().values()}
        if m not in official.client.user.municipality_ids
    )
    lead.actions.set_municipality(moved, other, "Не наш район")
    lead.sync()
    summary = official.sync()
    assert summary.removed == 1
    assert official.incident(moved) is None
    assert official.replies(moved) == [] and official.events(moved) == []


def test_bad_local_input_is_refused_and_writes_nothing(workstation):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    for bad in (
        lambda: ws.actions.add_reply(inc["id"], "final", ""),
        lambda: ws.actions.add_reply(inc["id"], "final", "x" * 10_001),
        lambda: ws.actions.add_reply(inc["id"], "sonnet", "text"),
        lambda: ws.actions.set_status(inc["id"], "teleported"),
        lambda: ws.actions.claim(10**9),
    ):
        with pytest.raises(InvalidAction):
            bad()
    assert Outbox(ws.store).pending_count() == 0
    assert ws.incident(inc["id"]) == inc
