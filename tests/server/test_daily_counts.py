"""The daily counts (migration 0006) stay equal to a plain count of the incidents after every
kind of write: the seed (COPY on PostgreSQL), mutations through the API, direct updates and
deletes, training incidents (never counted), and a change of the region's UTC offset."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import create_engine, delete, select, update

from cur_server.daily import ensure_offset
from cur_server.db import open_database
from cur_server.tables import DailyOffset, DailyPlace, DailySla, DailyStatus, Event, Incident
from tests.server.api import mutation


def recount(url: str, minutes: int) -> dict[str, Counter]:
    """What the three tables must hold, counted in Python from the incidents."""
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(Incident).where(Incident.training_session_id.is_(None))).all()
    engine.dispose()
    out = {"places": Counter(), "statuses": Counter(), "sla": Counter()}
    for r in rows:
        day = (r.received_at + timedelta(minutes=minutes)).date()
        answered = r.first_answered_at is not None
        on_time = answered and (
            r.first_answer_due is None or r.first_answered_at <= r.first_answer_due
        )
        out["places"][(day, r.municipality_id, r.sector, r.category_id or 0)] += 1
        out["statuses"][(day, r.municipality_id, r.status)] += 1
        key = (day, r.municipality_id, r.assignee_id or 0, r.agency_id or 0)
        out["sla"][(*key, "n")] += 1
        out["sla"][(*key, "answered")] += answered
        out["sla"][(*key, "on_time")] += on_time
    return {name: +counter for name, counter in out.items()}  # drop zeros


def stored(url: str) -> dict[str, Counter]:
    engine = create_engine(url)
    out = {"places": Counter(), "statuses": Counter(), "sla": Counter()}
    with engine.connect() as conn:
        for r in conn.execute(select(DailyPlace)):
            out["places"][(r.day, r.municipality_id, r.sector, r.category_id)] += r.incidents
        for r in conn.execute(select(DailyStatus)):
            out["statuses"][(r.day, r.municipality_id, r.status)] += r.incidents
        for r in conn.execute(select(DailySla)):
            key = (r.day, r.municipality_id, r.assignee_id, r.agency_id)
            out["sla"][(*key, "n")] += r.incidents
            out["sla"][(*key, "answered")] += r.answered
            out["sla"][(*key, "on_time")] += r.answered_on_time
    engine.dispose()
    return {name: +counter for name, counter in out.items()}


def test_counts_follow_seed_mutations_updates_and_deletes(api, seeded_url):
    assert stored(seeded_url) == recount(seeded_url, 180)
    assert stored(seeded_url)["places"], "the seed must have been counted"

    op, boss = api("operator1"), api("supervisor1")
    ref = op.get("/api/v1/reference").json()
    items = op.all_incidents()
    fresh = sorted(i["id"] for i in items.values() if i["status"] == "new")[:4]
    assert len(fresh) == 4
    a, b, c, d = fresh
    other_mun = next(
        m["id"] for m in ref["municipalities"] if m["id"] != items[c]["municipality_id"]
    )
    categories = [x for x in ref["categories"] if x["sector"] == items[b]["sector"]]
    for r in op.mutate(
        mutation("claim", a),
        mutation("route", a, {"agency_id": ref["agencies"][0]["id"], "note": "Прошу принять меры"}),
        mutation("add_reply", a, {"kind": "interim", "text": "Передано в ведомство."}),
        mutation("claim", b),
        mutation(
            "set_category", b, {"category_id": categories[-1]["id"], "sector": items[b]["sector"]}
        ),
    ):
        assert r["outcome"] == "applied", r
    r = boss.one("set_municipality", c, {"municipality_id": other_mun})
    assert r["outcome"] == "applied", r
    assert stored(seeded_url) == recount(seeded_url, 180)

    engine = create_engine(seeded_url)
    with engine.begin() as conn:  # writers other than the API: a day moved, a status, a delete
        received = conn.scalar(select(Incident.received_at).where(Incident.id == b))
        conn.execute(
            update(Incident)
            .where(Incident.id == b)
            .values(received_at=received - timedelta(days=3), status="closed")
        )
        conn.execute(update(Incident).where(Incident.id == c).values(training_session_id=7))
        conn.execute(delete(Event).where(Event.incident_id == d))
        conn.execute(delete(Incident).where(Incident.id == d))
    engine.dispose()
    expected = recount(seeded_url, 180)
    assert stored(seeded_url) == expected


def test_a_new_offset_recounts_the_days(seeded_url):
    db = open_database(seeded_url)
    try:
        ensure_offset(db, 180)
        assert stored(seeded_url) == recount(seeded_url, 180)
        ensure_offset(db, 300)  # a region five hours east of UTC
        with db.read() as s:
            assert s.get(DailyOffset, 1).minutes == 300
        assert stored(seeded_url) == recount(seeded_url, 300)
        assert recount(seeded_url, 300) != recount(seeded_url, 180)  # the test can tell
    finally:
        db.dispose()
