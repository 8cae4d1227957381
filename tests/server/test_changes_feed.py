"""The changes feed: paging while writes go on loses nothing; scope moves reach districts."""

from __future__ import annotations

import random
import threading

from tests.conftest import SEED_INCIDENTS
from tests.server.api import mutation


def test_initial_pull_pages_through_everything_once(api):
    op = api("operator1")
    cursor, ids, pages = 0, [], 0
    while True:
        body = op.changes(cursor, limit=7)
        assert len(body["items"]) <= 7
        ids += [i["id"] for i in body["items"]]
        assert body["cursor"] >= cursor
        cursor, pages = body["cursor"], pages + 1
        if not body["has_more"]:
            break
    assert len(ids) == len(set(ids)) == SEED_INCIDENTS
    assert pages >= SEED_INCIDENTS // 7
    again = op.changes(cursor, limit=7)
    assert (again["items"], again["has_more"], again["cursor"]) == ([], False, cursor)


def test_a_page_fetched_again_is_the_same(api):
    op = api("operator1")
    first = op.changes(0, limit=5)
    assert op.changes(0, limit=5) == first


def test_paging_while_writes_go_on_misses_nothing(api):
    reader, writer = api("supervisor1"), api("operator2")
    ids = sorted(reader.all_incidents())
    stop = threading.Event()
    written: dict[int, int] = {}

    def write() -> None:
        rng = random.Random(7)
        while not stop.is_set():
            iid = rng.choice(ids)
            r = writer.mutate(mutation("add_note", iid, {"text": "ход работ"}))[0]
            written[iid] = max(written.get(iid, 0), r["incident"]["version"])

    thread = threading.Thread(target=write)
    thread.start()
    try:
        cache: dict[int, dict] = {}
        cursor = 0
        for _round in range(6):
            while True:
                body = reader.changes(cursor, limit=9)
                for item in body["items"]:
                    cache[item["id"]] = item
                cursor = body["cursor"]
                if not body["has_more"]:
                    break
    finally:
        stop.set()
        thread.join()
    while True:  # catch up once the writes stopped
        body = reader.changes(cursor, limit=50)
        for item in body["items"]:
            cache[item["id"]] = item
        cursor = body["cursor"]
        if not body["has_more"]:
            break
    assert written, "the writer made no change"
    assert sorted(cache) == ids
    for iid, version in written.items():
        assert cache[iid]["version"] >= version
    truth = reader.all_incidents()
    assert {i: x["version"] for i, x in cache.items()} == {
        i: x["version"] for i, x in truth.items()
    }


def test_incident_moved_to_another_district_leaves_officials_feed(api):
    official, op = api("official1"), api("supervisor1")
    mine = official.all_incidents()
    assert mine, "the demo district has incidents"
    assert all(i["municipality_id"] in official.user["municipality_ids"] for i in mine.values())
    start = official.changes(0, limit=1000)["cursor"]
    ref = op.get("/api/v1/reference").json()
    elsewhere = next(
        m["id"] for m in ref["municipalities"] if m["id"] not in official.user["municipality_ids"]
    )
    moved = min(mine)
    r = op.one("set_municipality", moved, {"municipality_id": elsewhere, "reason": "Не наш район"})
    assert r["outcome"] == "applied", r
    body = official.changes(start)
    assert moved in body["removed"]
    assert moved not in [i["id"] for i in body["items"]]
    assert official.get(f"/api/v1/incidents/{moved}").status_code == 404
    assert moved not in official.all_incidents()
    back = op.one(
        "set_municipality", moved, {"municipality_id": official.user["municipality_ids"][0]}
    )
    assert back["outcome"] == "applied"
    body = official.changes(start)
    assert moved in [i["id"] for i in body["items"]]
    assert moved not in body["removed"]


def test_reference_etag_makes_unchanged_answer_empty(api):
    op = api("operator1")
    first = op.get("/api/v1/reference")
    assert first.status_code == 200
    etag = first.headers["ETag"]
    body = first.json()
    assert len(body["municipalities"]) == 29
    assert len(body["templates"]) >= 30
    assert {s["code"] for s in body["sectors"]} >= {"health", "roads", "waste", "other"}
    assert body["calendar"]["timezone"] == "Europe/Moscow"
    again = op.get("/api/v1/reference", headers={"If-None-Match": etag})
    assert (again.status_code, again.content) == (304, b"")
    assert op.get("/api/v1/reference", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_feed_is_gzipped_when_asked(api):
    op = api("operator1")
    r = op.get("/api/v1/changes", params={"limit": 50}, headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("Content-Encoding") == "gzip"
    assert r.json()["items"]
