"""A large first fill goes on in a feed process (`sync/feed.py`): the cache it leaves is the one
the threads alone leave; incidents with local work keep it; the process's token running out,
the process dying, the server going away and a cancel each end it without losing a page, and
no process is left behind."""

from __future__ import annotations

import logging
import multiprocessing

import pytest

from cur_desktop.models.cache.incidents import current_server_state
from cur_desktop.models.cache.schema import incidents
from cur_desktop.sync.client import Unreachable
from cur_desktop.sync.engine import Cancelled, SyncSummary
from cur_desktop.sync.outbox import Outbox
from cur_server.embedded import EmbeddedServer
from tests.server.api import Api
from tests.sync.test_first_fill import _snapshot

PAGE = 20


def _filling(ws, process_after: int = PAGE) -> None:
    ws.core.page_size, ws.core.process_after = PAGE, process_after


def _on_page(ws, n: int, action) -> None:
    """Run `action` once, after the `n`-th page of a pull is stored (the writer's thread)."""
    stored = []

    def progress(phase: str, done: int) -> None:
        if phase == "pull":
            stored.append(done)
            if len(stored) == n:
                action()

    ws.core.progress = progress


@pytest.fixture
def reference(workstation):
    """The same user's cache filled by the threads alone, to compare with."""
    ws = workstation("supervisor1", name="threads")
    _filling(ws, process_after=None)
    summary = ws.sync()
    assert summary.process_pages == 0 and summary.pages >= 4
    return ws


def test_a_fill_handed_to_the_process_equals_the_threads_fill(workstation, reference):
    ws = workstation("supervisor1", name="process")
    _filling(ws)
    summary = ws.sync()
    assert summary.pages >= 4
    # The first page came by threads, every later one from the process.
    assert summary.process_pages == summary.pages - 1
    assert summary.pulled == len(reference.incidents())
    assert summary.bytes_received > 0 and summary.wire_bytes > 0
    assert _snapshot(ws) == _snapshot(reference)
    assert not multiprocessing.active_children()


def test_incidents_with_local_work_keep_it_when_the_process_brings_them(workstation, reference):
    ws = workstation("supervisor1", name="process")
    _filling(ws)
    with pytest.raises(Unreachable):  # a fill cut short after its first page
        _on_page(ws, 1, lambda: ws.client.__setattr__("base_url", "http://127.0.0.1:9"))
        ws.sync()
    ws.client.base_url = reference.client.base_url
    ws.core.progress = lambda phase, done: None
    first_page = ws.incidents()
    mine = min(first_page)
    api = Api(ws.client.base_url, "supervisor1")
    # Changed on the server since: it comes again, in a page the process makes.
    assert api.one("add_note", mine, {"text": "с сервера"})["outcome"] == "applied"
    ws.actions.add_note(mine, "на месте")
    assert Outbox(ws.store).pending_count() == 1

    summary = SyncSummary()
    ws.core.pull(summary)  # without pushing first: the note is still local work
    assert summary.process_pages >= 1 and mine in summary.touched
    notes = {e["kind"]: e["data"].get("text") for e in ws.events(mine) if "note" in e["kind"]}
    assert notes == {"note": "с сервера", "local_add_note": "на месте"}
    assert ws.incident(mine)["pending"] == 1
    with ws.store.read() as conn:
        kept = current_server_state(conn, mine)
    assert kept is not None and "на месте" not in str(kept) and "с сервера" in str(kept)
    ws.sync()  # pushed now: the same as a cache that never had it pending
    reference.sync()
    assert Outbox(ws.store).pending_count() == 0
    ours, theirs = _snapshot(ws)["tables"], _snapshot(reference)["tables"]
    assert ours["events"] == theirs["events"] and ours["replies"] == theirs["replies"]
    # All but what each cache has seen: the reference was filled before the server's note.
    unseen = [c.name for c in incidents.c].index("seen_version")
    assert [r[:unseen] + r[unseen + 1 :] for r in ours["incidents"]] == [
        r[:unseen] + r[unseen + 1 :] for r in theirs["incidents"]
    ]


def test_an_expired_token_in_the_process_goes_on_with_threads(workstation, reference, caplog):
    ws = workstation("supervisor1", name="process")
    _filling(ws)
    # The process takes the token the workstation holds when it starts: one the server refuses.
    _on_page(ws, 1, lambda: ws.client.__setattr__("access_token", "expired"))
    with caplog.at_level(logging.WARNING, logger="cur_desktop.sync.engine"):
        summary = ws.sync()
    assert "without its feed process" in caplog.text and "token" in caplog.text
    assert summary.process_pages == 0 and summary.pages >= 4
    assert ws.client.access_token != "expired"  # the threads signed in again
    assert _snapshot(ws) == _snapshot(reference)


def test_a_killed_process_goes_on_with_threads(workstation, reference, caplog):
    ws = workstation("supervisor1", name="process")
    _filling(ws)

    def kill() -> None:
        (feed,) = multiprocessing.active_children()
        feed.kill()

    _on_page(ws, 2, kill)  # the first page the process made is stored
    with caplog.at_level(logging.WARNING, logger="cur_desktop.sync.engine"):
        summary = ws.sync()
    assert "without its feed process" in caplog.text
    assert 1 <= summary.process_pages < summary.pages - 1
    assert _snapshot(ws) == _snapshot(reference)
    assert not multiprocessing.active_children()


def test_the_server_going_away_is_said_as_it_is_and_the_fill_resumes(
    workstation, reference, server_url
):
    going = EmbeddedServer(server_url).start()  # the same database as the reference's server
    ws = workstation("supervisor1", base_url=going.url, name="process")
    # Small pages: the process works a few pages ahead, and must still have some to fetch.
    ws.core.page_size = ws.core.process_after = 4
    _on_page(ws, 2, going.stop)
    with pytest.raises(Unreachable) as raised:
        ws.sync()
    assert raised.value.message.code == "unreachable"  # the process's error, rebuilt whole
    assert not multiprocessing.active_children()
    assert 2 * 4 <= len(ws.incidents()) < len(reference.incidents())
    ws.client.base_url = reference.client.base_url
    ws.core.progress = lambda phase, done: None
    ws.sync()
    assert _snapshot(ws) == _snapshot(reference)


def test_a_cancel_stops_the_process_and_keeps_what_was_stored(workstation, reference):
    ws = workstation("supervisor1", name="process")
    _filling(ws)
    _on_page(ws, 2, ws.core.cancel.set)
    with pytest.raises(Cancelled):
        ws.core.pull(SyncSummary())
    assert not multiprocessing.active_children()
    assert len(ws.incidents()) == 2 * PAGE
    ws.sync()
    assert _snapshot(ws) == _snapshot(reference)


def test_catching_up_after_a_long_absence_also_goes_through_the_process(workstation, reference):
    ws = workstation("supervisor1", name="process")
    _filling(ws, process_after=None)
    ws.sync()
    api = Api(ws.client.base_url, "supervisor1")
    changed = sorted(ws.incidents())[::3]
    for incident_id in changed:
        assert (
            api.one("add_note", incident_id, {"text": "пока вас не было"})["outcome"] == "applied"
        )
    ws.core.page_size, ws.core.process_after = 4, 4
    summary = ws.sync()
    assert summary.pulled == len(changed) and summary.process_pages == summary.pages - 1 >= 2
    reference.sync()
    ours, theirs = _snapshot(ws)["tables"], _snapshot(reference)["tables"]
    assert ours["events"] == theirs["events"] and ours["replies"] == theirs["replies"]
    # Not a first fill: what changed meanwhile is marked as news, the rest is not.
    news = {i for i, row in ws.incidents().items() if row["seen_version"] != row["version"]}
    assert news == set(changed)
