"""Counts kept between data changes (models/cache/counts.py) on a real encrypted cache: they
must equal a fresh count after every kind of write the workstation makes (a sync applying
pulled incidents, a local action with its outbox entry), and counts that move with the clock
must never be answered from memory."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from sqlalchemy import text

from cur_desktop.models.cache import queue as q
from cur_desktop.models.cache.counts import CountCache
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.sla import SlaState
from cur_desktop.models.statuses import OPEN_STATUSES
from cur_desktop.sync.actions import LocalActions

from .test_queue import ME, NOW, put, server_incident, ts


@pytest.fixture
def store(tmp_path):
    s = CacheStore(tmp_path / "cache.db", secrets.token_hex(32))
    yield s
    s.close()


OPEN = q.QueueFilter(statuses=frozenset(OPEN_STATUSES))
UNASSIGNED = q.tab_filter(q.Tab.UNASSIGNED, ME)


def fresh(store, f: q.QueueFilter, now: int) -> int:
    with store.read() as conn:
        return q.count(conn, f, now)


def test_a_count_is_answered_from_memory_until_the_data_changes(store):
    put(store, *(server_incident(i) for i in range(1, 6)))
    counts = CountCache(store)
    assert counts.count(OPEN, ts(NOW)) == 5
    assert counts.count(OPEN, ts(NOW)) == 5
    assert counts.misses == 1  # the second answer came from memory
    # A sync applies a pulled page: one more open incident.
    put(store, server_incident(6))
    assert counts.count(OPEN, ts(NOW)) == 6 == fresh(store, OPEN, ts(NOW))
    assert counts.misses == 2


def test_a_local_action_makes_the_tab_counts_stale(store):
    put(store, *(server_incident(i) for i in range(1, 4)))
    with store.write() as conn:
        store.set_meta(conn, "user", {"id": ME, "role": "operator"})
    counts = CountCache(store)
    before = counts.tab_counts(ME, ts(NOW))
    assert before[q.Tab.UNASSIGNED] == 3 and before[q.Tab.MINE] == 0
    LocalActions(store).claim(2)  # the change and its outbox entry, one local transaction
    after = counts.tab_counts(ME, ts(NOW))
    assert after[q.Tab.UNASSIGNED] == 2 and after[q.Tab.MINE] == 1
    with store.read() as conn:
        assert after == q.tab_counts(conn, ME, ts(NOW))


def test_counts_that_move_with_the_clock_are_counted_each_time(store):
    put(store, server_incident(1, received_at=NOW - timedelta(minutes=5)))
    with store.read() as conn:
        risk_at = conn.execute(text("SELECT sla_risk_at FROM incidents")).scalar_one()
    at_risk = q.tab_filter(q.Tab.AT_RISK, ME)
    assert at_risk.sla_state is SlaState.at_risk
    counts = CountCache(store)
    assert counts.count(at_risk, risk_at - 60) == 0
    # No write, only time passing: the case enters its last quarter.
    assert counts.count(at_risk, risk_at + 60) == 1
    tabs = counts.tab_counts(ME, risk_at + 60)
    assert tabs[q.Tab.AT_RISK] == 1 and tabs[q.Tab.ALL] == 1


def test_kept_counts_are_per_filter(store):
    put(store, server_incident(1), server_incident(2, sector="housing"))
    counts = CountCache(store)
    roads = q.QueueFilter(sectors={"roads"})
    housing = q.QueueFilter(sectors={"housing"})
    assert counts.count(roads, ts(NOW)) == 1
    assert counts.count(housing, ts(NOW)) == 1
    assert counts.count(q.QueueFilter(), ts(NOW)) == 2
    assert counts.count(q.QueueFilter(text="обращение"), ts(NOW)) == 2


def test_the_generation_moves_after_every_write_that_changes_rows(store):
    put(store, server_incident(1, version=2))
    first = store.generation
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET seen_version = 2 WHERE id = 1"))
    assert store.generation == first + 1
    try:
        with store.write() as conn:
            conn.execute(text("UPDATE incidents SET pending = 1 WHERE id = 1"))
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert store.generation == first + 2  # needless after a rollback, but never missing


def test_writes_that_change_no_queue_row_keep_the_counts(store):
    put(store, *(server_incident(i, version=2) for i in (1, 2)))
    with store.write() as conn:
        store.set_meta(conn, "user", {"id": ME, "role": "operator"})
        conn.execute(text("UPDATE incidents SET seen_version = 2"))
    counts = CountCache(store)
    assert counts.count(OPEN, ts(NOW)) == 2
    # Opening an incident already seen: the UPDATE matches nothing, no row changes.
    for _ in range(2):
        with store.write() as conn:
            conn.execute(text("UPDATE incidents SET seen_version = 2 WHERE seen_version < 2"))
    # The sync time and a draft: rows change, but not the queue's (the writer says so).
    with store.write(touches_queue=False) as conn:
        store.set_meta(conn, "last_sync_at", 1)
    LocalActions(store).save_draft(1, "final", "Черновик", None)
    assert counts.count(OPEN, ts(NOW)) == 2 and counts.misses == 1


def test_tab_counts_count_what_the_search_finds(store):
    put(store, *(server_incident(i) for i in range(1, 4)))
    put(store, server_incident(4, text="Яма на дороге у школы"))
    counts = CountCache(store)
    assert counts.tab_counts(ME, ts(NOW))[q.Tab.ALL] == 4
    found = counts.tab_counts(ME, ts(NOW), "яма")
    assert found[q.Tab.ALL] == 1 and found[q.Tab.UNASSIGNED] == 1
    assert set(counts.tab_counts(ME, ts(NOW), "абырвалг").values()) == {0}
