"""A new cache's first fill builds the queue's secondary indexes once, at its end
(`models/cache/first_fill.py`): the cache it leaves is the one a page-by-page fill with every
index in place leaves, and a fill cut short goes on the same way at the next sync."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cur_desktop.models.cache import first_fill, queue
from cur_desktop.models.cache.queue import QueueFilter, Sort, SortKey, Tab
from cur_desktop.models.cache.schema import events, incidents, replies
from cur_desktop.models.statuses import Status
from cur_desktop.sync.client import Unreachable
from tests.conftest import SEED_NOW

NOW = int(SEED_NOW.timestamp())
#: Queue views read from both caches: sorts served by the deferred indexes, filters, search.
VIEWS = [
    (QueueFilter(), Sort()),
    (QueueFilter(), Sort(SortKey.RECEIVED, descending=True)),
    (QueueFilter(), Sort(SortKey.STATUS)),
    (QueueFilter(), Sort(SortKey.SECTOR, descending=True)),
    (QueueFilter(), Sort(SortKey.CHANNEL)),
    (QueueFilter(statuses={Status.NEW}), Sort(SortKey.RECEIVED)),
    (QueueFilter(sectors={"roads"}), Sort()),
    (QueueFilter(text="дорога"), Sort()),
    (QueueFilter(text="отопление"), Sort(SortKey.RECEIVED)),
    (QueueFilter(changed_only=True), Sort()),
]


def _indexes(store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).all()
    return {name: " ".join(sql.replace("IF NOT EXISTS ", "").split()) for name, sql in rows}


def _snapshot(ws) -> dict:
    """Everything a user could see of the cache: rows, queue views, searches, counts."""
    with ws.store.read() as conn:
        tables = {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(t.c.id))]
            for t in (incidents, replies, events)
        }
        views = [
            [r["id"] for r in queue.page(conn, f, s, 0, 1000, NOW)] + [queue.count(conn, f, NOW)]
            for f, s in VIEWS
        ]
        counts = queue.tab_counts(conn, ws.user_id, NOW)
        cursor = ws.store.get_meta(conn, "cursor")
        filling = first_fill.filling(conn)
    return {
        "tables": tables,
        "views": views,
        "counts": counts,
        "cursor": cursor,
        "filling": filling,
        "indexes": _indexes(ws.store),
    }


def _watch_indexes(ws) -> list[set[str]]:
    """The index names present after each stored page."""
    seen: list[set[str]] = []
    ws.core.progress = lambda phase, done: phase == "pull" and seen.append(set(_indexes(ws.store)))
    return seen


def test_first_fill_with_indexes_built_at_the_end_equals_the_page_by_page_fill(workstation):
    bulk = workstation("supervisor1", name="bulk")
    bulk.core.page_size = 20
    during = _watch_indexes(bulk)
    plain = workstation("supervisor1", name="plain")
    plain.core.page_size, plain.core.defer_indexes = 20, False

    assert bulk.sync().pages == plain.sync().pages >= 4
    ours, theirs = _snapshot(bulk), _snapshot(plain)

    assert sum(len(v) for v in ours["tables"].values()) > 200
    assert all(view[-1] for view in ours["views"][:8])  # the searches found something
    assert ours == theirs
    assert not ours["filling"]
    # The fill really ran without the deferred indexes, and the queue's own two stayed.
    assert "ix_inc_received" not in during[0] and "ix_inc_sector_rank" not in during[-2]
    assert all(first_fill.KEPT <= names for names in during)
    assert during[-1] == set(theirs["indexes"])


def test_a_fill_cut_short_goes_on_without_the_indexes_and_builds_them_at_its_end(workstation):
    ws = workstation("supervisor1", name="cut")
    ws.core.page_size = 20
    reference = workstation("supervisor1", name="reference")
    reference.core.defer_indexes = False
    reference.sync()
    fetch, calls = ws.client.changes_with_body, []

    def flaky(cursor, limit):
        calls.append(cursor)
        if len(calls) == 3:
            raise Unreachable("Сервер недоступен", detail="test")
        return fetch(cursor, limit)

    ws.client.changes_with_body = flaky
    with pytest.raises(Unreachable):
        ws.sync()
    cut = _snapshot(ws)
    assert cut["filling"] and cut["cursor"] > 0
    assert "ix_inc_received" not in cut["indexes"] and first_fill.KEPT <= set(cut["indexes"])
    # Meanwhile the queue answers (slower, from the table): every view, and the tab counts.
    assert cut["views"][1][-1] == len(cut["tables"]["incidents"]) == 40
    assert sum(cut["counts"][t] for t in (Tab.ALL,)) == 40

    ws.client.changes_with_body = fetch
    ws.sync()
    done = _snapshot(ws)
    assert not done["filling"]
    theirs = _snapshot(reference)
    assert done["indexes"] == theirs["indexes"]
    assert done["tables"] == theirs["tables"] and done["views"] == theirs["views"]


def test_a_one_page_fill_keeps_its_indexes(workstation):
    ws = workstation("operator1")
    ws.core.page_size = 1000
    during = _watch_indexes(ws)
    assert ws.sync().pages == 1
    assert during == [set(_indexes(ws.store))] and "ix_inc_received" in during[0]
