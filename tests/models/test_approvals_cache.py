"""The approval queue read from the cache: server replies waiting for approval, oldest first,
through the partial index of cache migration 0003 (so it stays cheap at 250k incidents)."""

from __future__ import annotations

from datetime import timedelta

from cur_desktop.models.cache.approvals import pending_query, pending_replies
from tests.models.test_queue import NOW, put, server_incident, store  # noqa: F401


def reply(rid: int, iid: int, state: str, minutes_ago: int, text_: str = "Ответ") -> dict:
    return {
        "id": rid,
        "client_id": None,
        "kind": "final",
        "text": text_,
        "author_id": 3,
        "template_id": None,
        "approval_state": state,
        "created_at": NOW - timedelta(minutes=minutes_ago),
        "reviewed_by": None,
        "reviewed_at": None,
        "review_comment": None,
    }


def test_pending_replies_oldest_first_with_the_number(store):  # noqa: F811
    put(
        store,
        server_incident(1, replies=[reply(10, 1, "pending_approval", 5, "Новый")]),
        server_incident(
            2,
            importance="high",
            replies=[
                reply(20, 2, "published", 90),
                reply(21, 2, "pending_approval", 60, "Старый"),
                reply(22, 2, "returned", 30),
            ],
        ),
        server_incident(3, replies=[reply(30, 3, "approved", 1)]),
    )
    with store.read() as conn:
        rows = pending_replies(conn)
    assert [(r["id"], r["incident_id"]) for r in rows] == [(21, 2), (10, 1)]
    assert rows[0]["number"] == "ЦУР-2026-000002" and rows[0]["importance"] == "high"
    assert rows[0]["text"] == "Старый" and rows[0]["author_id"] == 3


def test_pending_replies_use_the_partial_index(store):  # noqa: F811
    query = pending_query()
    with store.read() as conn:
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "USING INDEX ix_replies_pending" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # the index gives the order
