"""Queue queries on a real encrypted cache, against answers worked out by hand or by a plain
Python reading of the rules (the oracle below), never by the SQL under test."""

from __future__ import annotations

import json
import random
import secrets
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import event, text

from cur_desktop.models.cache import queue as q
from cur_desktop.models.cache.incidents import (
    IncidentState,
    refresh_sla_risk,
    risk_moment,
    write_states,
)
from cur_desktop.models.cache.schema import incidents
from cur_desktop.models.cache.store import MIGRATIONS, CacheStore, _url
from cur_desktop.models.domain import CHANNEL_LABELS, SECTOR_LABELS, Channel, Sector
from cur_desktop.models.sla import SlaClock, SlaPolicy, SlaState, WorkingCalendar
from cur_desktop.models.sqlite import WRITE, sqlite_engine
from cur_desktop.models.statuses import OPEN_STATUSES, Status

MSK = ZoneInfo("Europe/Moscow")
#: Tuesday 24 November 2026, 12:00 in Moscow: an ordinary working day.
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=MSK)
ME, COLLEAGUE, OTHER = 7, 8, 9
CLOCK = SlaClock(WorkingCalendar())


def ts(dt: datetime) -> int:
    return int(dt.timestamp())


def server_incident(iid: int, **kw) -> dict:
    """An incident as the server sends it; keywords override the defaults."""
    received = kw.pop("received_at", NOW - timedelta(hours=1))
    d = {
        "id": iid,
        "number": f"ЦУР-2026-{iid:06d}",
        "channel": Channel.VK.value,
        "source_id": f"vk-{iid}",
        "source_url": None,
        "author_name": None,
        "text": f"Обращение {iid}",
        "attachments": [],
        "received_at": received,
        "municipality_id": 1,
        "sector": Sector.ROADS.value,
        "category_id": None,
        "importance": "normal",
        "status": Status.NEW.value,
        "assignee_id": None,
        "agency_id": None,
        "sla_started_at": received,
        "first_answer_due": CLOCK.first_answer_due(received, "normal"),
        "first_answered_at": None,
        "final_answer_due": None,
        "final_answered_at": None,
        "version": 1,
        "updated_at": received,
        "training_session_id": None,
        "replies": [],
        "events": [],
    }
    d.update(kw)
    return d


def put(store: CacheStore, *items: dict) -> None:
    with store.write() as conn:
        write_states(conn, [IncidentState.from_server(i) for i in items])


@pytest.fixture
def store(tmp_path):
    s = CacheStore(tmp_path / "cache.db", secrets.token_hex(32))
    yield s
    s.close()


# --- a mixed population and a plain reading of the rules ------------------------------------

FINISHED = [Status.ANSWERED, Status.RESOLVED, Status.CLOSED, Status.REJECTED]
#: A set's order follows string hashes, which change per process: sort it so a seed means one
#: population everywhere.
OPEN = sorted(OPEN_STATUSES, key=lambda s: s.value)


def population(n: int = 90, seed: int = 3) -> list[dict]:
    """Running and finished cases with many ties in every sort column."""
    rng = random.Random(seed)
    items = []
    for iid in range(1, n + 1):
        received = NOW - timedelta(minutes=rng.choice([5, 30, 30, 240, 900, 3000, 9000]))
        status = rng.choice([*OPEN, *FINISHED, *FINISHED])
        kw = {
            "received_at": received,
            "status": status.value,
            "sector": rng.choice([Sector.ROADS, Sector.HOUSING, Sector.HEALTH]).value,
            "channel": rng.choice([Channel.VK, Channel.TELEGRAM, Channel.POS]).value,
            "municipality_id": rng.choice([1, 2, 3, 4]),
            "importance": rng.choice(["normal", "high"]),
            "version": rng.choice([1, 2, 3]),
        }
        kw["first_answer_due"] = CLOCK.first_answer_due(received, kw["importance"])
        if status is not Status.NEW:
            kw["assignee_id"] = rng.choice([ME, COLLEAGUE, OTHER, None])
        if status is Status.INTERIM_ANSWER or (status in FINISHED and rng.random() < 0.5):
            first = received + timedelta(minutes=rng.choice([10, 60]))
            kw["first_answered_at"] = first
            kw["final_answer_due"] = CLOCK.final_answer_due(first)
        if status in FINISHED:
            kw["first_answered_at"] = kw.get("first_answered_at") or received
            kw["final_answered_at"] = received + timedelta(minutes=90)
        items.append(server_incident(iid, **kw))
    # Open but without a deadline: the contract allows it though the server never sends it.
    items.append(server_incident(n + 1, first_answer_due=None, municipality_id=2))
    return items


def expected_rows(items: list[dict], now: datetime) -> list[dict]:
    """What the queue should know about each incident, computed with the domain classes."""
    rows = []
    for d in items:
        status = Status(d["status"])
        due = None
        start = d["sla_started_at"]
        if status in OPEN_STATUSES:
            if d["first_answered_at"] is None:
                due = d["first_answer_due"]
            else:
                due, start = d["final_answer_due"], d["first_answered_at"]
        state = CLOCK.state(start, due, now) if due else SlaState.done
        rows.append(
            {
                "id": d["id"],
                "status": status,
                "sector": d["sector"],
                "channel": d["channel"],
                "municipality_id": d["municipality_id"],
                "assignee_id": d["assignee_id"],
                "received_at": ts(d["received_at"]),
                "due": None if due is None else ts(due),
                "state": state,
                "changed": d["version"] > 0,  # never seen: seen_version is 0
            }
        )
    return rows


def oracle_filter(rows: list[dict], f: q.QueueFilter) -> list[dict]:
    def ok(r: dict) -> bool:
        if f.statuses and r["status"] not in f.statuses:
            return False
        if f.sectors and r["sector"] not in f.sectors:
            return False
        if f.municipality_ids and r["municipality_id"] not in f.municipality_ids:
            return False
        if f.channels and r["channel"] not in f.channels:
            return False
        if f.assignee == q.Holder.UNASSIGNED and r["assignee_id"] is not None:
            return False
        if f.assignee == q.Holder.ME and r["assignee_id"] != f.me:
            return False
        if isinstance(f.assignee, int) and r["assignee_id"] != f.assignee:
            return False
        if f.sla_state is not None and r["state"] is not f.sla_state:
            return False
        return not (f.changed_only and not r["changed"])

    return [r for r in rows if ok(r)]


_STATE_ORDER = {SlaState.overdue: 0, SlaState.at_risk: 1, SlaState.ok: 2}
_SECTOR_ORDER = {c.value: i for i, c in enumerate(sorted(SECTOR_LABELS, key=SECTOR_LABELS.get))}
_CHANNEL_ORDER = {c.value: i for i, c in enumerate(sorted(CHANNEL_LABELS, key=CHANNEL_LABELS.get))}
_STATUS_ORDER = {s: i for i, s in enumerate(Status)}


def oracle_order(rows: list[dict], sort: q.Sort) -> list[int]:
    desc = sort.descending
    if sort.key in (q.SortKey.SLA_DUE, q.SortKey.SLA_STATE):
        running = [r for r in rows if r["due"] is not None]
        stopped = [r for r in rows if r["due"] is None]
        if sort.key is q.SortKey.SLA_DUE:
            running.sort(key=lambda r: (r["due"], r["id"]), reverse=desc)
        else:
            running.sort(key=lambda r: (_STATE_ORDER[r["state"]], r["due"], r["id"]), reverse=desc)
        stopped.sort(key=lambda r: r["id"], reverse=desc)
        return [r["id"] for r in running + stopped]
    if sort.key in (q.SortKey.MUNICIPALITY, q.SortKey.ASSIGNEE):
        col = "municipality_id" if sort.key is q.SortKey.MUNICIPALITY else "assignee_id"
        pos = {v: i for i, v in enumerate(sort.order)}
        listed = sorted(
            (r for r in rows if r[col] in pos), key=lambda r: (pos[r[col]], r["id"]), reverse=desc
        )
        unlisted = sorted(
            (r for r in rows if r[col] is not None and r[col] not in pos),
            key=lambda r: (r[col], r["id"]),
            reverse=desc,
        )
        nulls = sorted((r for r in rows if r[col] is None), key=lambda r: r["id"], reverse=desc)
        ordered = nulls + listed + unlisted if desc else listed + unlisted + nulls
        return [r["id"] for r in ordered]
    key = {
        q.SortKey.RECEIVED: lambda r: r["received_at"],
        q.SortKey.STATUS: lambda r: _STATUS_ORDER[r["status"]],
        q.SortKey.SECTOR: lambda r: _SECTOR_ORDER[r["sector"]],
        q.SortKey.CHANNEL: lambda r: _CHANNEL_ORDER[r["channel"]],
    }[sort.key]
    return [r["id"] for r in sorted(rows, key=lambda r: (key(r), r["id"]), reverse=desc)]


def full_listing(conn, f: q.QueueFilter, sort: q.Sort, now: int, size: int = 1000) -> list[int]:
    return [r["id"] for r in q.page(conn, f, sort, 0, size, now)]


FILTERS = [
    q.QueueFilter(),
    q.QueueFilter(statuses={Status.NEW}),
    q.QueueFilter(statuses={Status.NEW, Status.CLOSED}),
    q.QueueFilter(statuses={Status.CLOSED, Status.REJECTED}),
    q.QueueFilter(statuses=OPEN_STATUSES),
    q.QueueFilter(sectors={Sector.HOUSING.value}),
    q.QueueFilter(municipality_ids={2, 4}),
    q.QueueFilter(channels={Channel.POS.value}),
    q.QueueFilter(assignee=q.Holder.ME, me=ME),
    q.QueueFilter(assignee=q.Holder.UNASSIGNED),
    q.QueueFilter(assignee=COLLEAGUE),
    q.QueueFilter(sla_state=SlaState.ok),
    q.QueueFilter(sla_state=SlaState.at_risk),
    q.QueueFilter(sla_state=SlaState.overdue),
    q.QueueFilter(sla_state=SlaState.done),
    q.QueueFilter(statuses=OPEN_STATUSES, sectors={Sector.ROADS.value}, municipality_ids={1, 3}),
    q.QueueFilter(sla_state=SlaState.overdue, assignee=q.Holder.UNASSIGNED),
    q.QueueFilter(statuses={Status.CLOSED}, sla_state=SlaState.overdue),  # matches nothing
]
SORTS = [
    q.Sort(key, desc, order)
    for key in q.SortKey
    for desc in (False, True)
    for order in ((), (3, 1), (OTHER, ME))
    if not order or key in (q.SortKey.MUNICIPALITY, q.SortKey.ASSIGNEE)
]


@pytest.fixture
def populated(store):
    items = population()
    put(store, *items)
    return store, expected_rows(items, NOW)


def test_each_filter_matches_the_rules_and_counts_agree(populated):
    store, rows = populated
    with store.read() as conn:
        for f in FILTERS:
            expected = sorted(r["id"] for r in oracle_filter(rows, f))
            got = full_listing(conn, f, q.Sort(), ts(NOW))
            assert sorted(got) == expected, f
            assert len(got) == len(set(got))
            assert q.count(conn, f, ts(NOW)) == len(expected), f


def test_the_population_exercises_every_state(populated):
    _, rows = populated
    states = {r["state"] for r in rows}
    assert states == {SlaState.ok, SlaState.at_risk, SlaState.overdue, SlaState.done}


@pytest.mark.parametrize("sort", SORTS, ids=lambda s: f"{s.key}-{s.descending}-{s.order}")
def test_each_sort_order_direction_and_tiebreak(populated, sort):
    store, rows = populated
    with store.read() as conn:
        for f in (
            q.QueueFilter(),
            q.QueueFilter(sla_state=SlaState.ok),  # running cases only
            q.QueueFilter(statuses=OPEN_STATUSES),  # open statuses, with and without deadline
            q.QueueFilter(statuses={Status.CLOSED, Status.ANSWERED}),  # finished only
            FILTERS[6],
        ):
            expected = oracle_order(oracle_filter(rows, f), sort)
            assert full_listing(conn, f, sort, ts(NOW)) == expected, f


@pytest.mark.parametrize("sort", SORTS[::3], ids=lambda s: f"{s.key}-{s.descending}-{s.order}")
def test_paging_returns_every_row_exactly_once_in_order(populated, sort):
    store, _ = populated
    with store.read() as conn:
        for f in (q.QueueFilter(), q.QueueFilter(municipality_ids={1, 2})):
            whole = full_listing(conn, f, sort, ts(NOW))
            pages, offset = [], 0
            while chunk := q.page(conn, f, sort, offset, 7, ts(NOW)):
                pages += [r["id"] for r in chunk]
                offset += 7
            assert pages == whole
            assert q.page(conn, f, sort, len(whole), 7, ts(NOW)) == []


def test_light_rows_carry_what_the_list_shows(store):
    put(
        store,
        server_incident(1, text="Яма " * 100, version=3, assignee_id=ME, status="in_progress"),
    )
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET seen_version = 3, pending = 2 WHERE id = 1"))
    with store.read() as conn:
        (row,) = q.page(conn, q.QueueFilter(), q.Sort(), 0, 10, ts(NOW))
    assert set(row) == {
        "id",
        "number",
        "status",
        "importance",
        "sector",
        "municipality_id",
        "channel",
        "assignee_id",
        "received_at",
        "sla_due",
        "sla_risk_at",
        "sla_state",
        "excerpt",
        "pending",
        "changed",
    }
    assert len(row["excerpt"]) == q.EXCERPT_CHARS and row["excerpt"].startswith("Яма Яма")
    assert row["pending"] == 2 and row["changed"] is False and row["sla_state"] is SlaState.ok


def test_changed_since_seen(store):
    put(store, *(server_incident(i, version=2) for i in (1, 2, 3)))
    put(store, server_incident(4, version=1, status="closed"))
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET seen_version = 2 WHERE id IN (1, 3)"))
        conn.execute(text("UPDATE incidents SET seen_version = 1 WHERE id = 4"))
    put(store, server_incident(3, version=3))  # a pull keeps seen_version; 3 changed again
    with store.read() as conn:
        f = q.QueueFilter(changed_only=True)
        assert full_listing(conn, f, q.Sort(), ts(NOW)) == [2, 3]
        assert q.count(conn, f, ts(NOW)) == 2
        rows = {r["id"]: r["changed"] for r in q.page(conn, q.QueueFilter(), q.Sort(), 0, 9, 0)}
    assert rows == {1: False, 2: True, 3: True, 4: False}


# --- SLA states --------------------------------------------------------------------------------


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def state_of(store: CacheStore, iid: int, now: datetime) -> SlaState:
    with store.read() as conn:
        found = [
            s
            for s in (SlaState.ok, SlaState.at_risk, SlaState.overdue, SlaState.done)
            if iid in full_listing(conn, q.QueueFilter(sla_state=s), q.Sort(), ts(now))
        ]
        (row,) = [
            r for r in q.page(conn, q.QueueFilter(), q.Sort(), 0, 99, ts(now)) if r["id"] == iid
        ]
    assert found == [row["sla_state"]]
    return found[0]


def test_sla_state_boundaries_within_one_day(store):
    # 9 working hours from 09:00 end at 18:00; the last quarter starts at 15:45.
    put(store, server_incident(1, received_at=msk(2026, 11, 24, 9), status="in_progress"))
    assert state_of(store, 1, msk(2026, 11, 24, 15, 44, 59)) is SlaState.ok
    assert state_of(store, 1, msk(2026, 11, 24, 15, 45)) is SlaState.at_risk
    assert state_of(store, 1, msk(2026, 11, 24, 17, 59, 59)) is SlaState.at_risk
    assert state_of(store, 1, msk(2026, 11, 24, 18)) is SlaState.overdue


def test_at_risk_counts_working_time_not_the_weekend(store):
    # Received Friday 17:00: one working hour on Friday, eight on Monday; due Monday 17:00.
    # On Monday at 09:00 most of the wall-clock window is gone, but 8 of 9 working hours remain.
    put(store, server_incident(1, received_at=msk(2026, 11, 20, 17)))
    assert state_of(store, 1, msk(2026, 11, 21, 12)) is SlaState.ok
    assert state_of(store, 1, msk(2026, 11, 23, 9)) is SlaState.ok
    assert state_of(store, 1, msk(2026, 11, 23, 14, 44)) is SlaState.ok
    assert state_of(store, 1, msk(2026, 11, 23, 14, 45)) is SlaState.at_risk
    assert state_of(store, 1, msk(2026, 11, 23, 17)) is SlaState.overdue


def test_final_answer_window_starts_at_the_interim_answer(store):
    interim = msk(2026, 11, 24, 10)
    due = CLOCK.final_answer_due(interim)  # end of the 7th working day after
    put(
        store,
        server_incident(
            1,
            received_at=msk(2026, 11, 23, 9),
            status="interim_answer",
            first_answered_at=interim,
            final_answer_due=due,
        ),
    )
    for now in (interim + timedelta(hours=h) for h in range(0, 24 * 12, 5)):
        assert state_of(store, 1, now) is CLOCK.state(interim, due, now)


def test_sla_states_agree_with_the_clock_at_every_hour(populated):
    store, _ = populated
    items = population()
    for hours in range(-2, 60, 7):
        now = NOW + timedelta(hours=hours)
        rows = expected_rows(items, now)
        with store.read() as conn:
            for state in (SlaState.ok, SlaState.at_risk, SlaState.overdue):
                f = q.QueueFilter(sla_state=state)
                expected = sorted(r["id"] for r in rows if r["state"] is state)
                assert sorted(full_listing(conn, f, q.Sort(), ts(now))) == expected


def test_risk_moment_is_the_first_at_risk_second():
    for start, hours in ((msk(2026, 11, 20, 17), 9), (msk(2026, 11, 24, 9, 7), 4)):
        due = CLOCK.calendar.add_working_hours(start, hours)
        risk = risk_moment(CLOCK, ts(start), ts(due))
        at = datetime.fromtimestamp(risk, UTC)
        assert CLOCK.state(start, due, at) is SlaState.at_risk
        assert CLOCK.state(start, due, at - timedelta(seconds=1)) is SlaState.ok


def test_risk_moments_follow_the_region_calendar_when_the_reference_arrives(store):
    put(store, server_incident(1, received_at=msk(2026, 11, 24, 9)))
    ekb = WorkingCalendar("Asia/Yekaterinburg")
    reference = {"calendar": ekb.to_json([2026]), "sla_policy": SlaPolicy().to_json()}
    with store.write() as conn:
        CacheStore.set_meta(conn, "reference", reference)
        CacheStore.set_meta(conn, "reference_etag", '"ekb"')
        assert refresh_sla_risk(conn) == 1
        assert refresh_sla_risk(conn) == 0
        row = conn.execute(text("SELECT sla_started_at, sla_due, sla_risk_at FROM incidents"))
        start, due, risk = row.one()
    assert risk == risk_moment(SlaClock(ekb), start, due)


# --- tabs, next case, detail -----------------------------------------------------------------


def test_tab_counts_match_the_tab_filters(populated):
    store, rows = populated
    with store.read() as conn:
        counts = q.tab_counts(conn, ME, ts(NOW))
        for tab in q.Tab:
            f = q.tab_filter(tab, ME)
            assert counts[tab] == len(oracle_filter(rows, f)) == q.count(conn, f, ts(NOW))
    assert counts[q.Tab.ALL] == len(rows)
    assert all(counts[t] > 0 for t in q.Tab)


def test_next_to_take_is_the_most_urgent_free_open_case(store):
    base = msk(2026, 11, 24, 9)
    put(
        store,
        # the most urgent of all, but someone holds it
        server_incident(1, received_at=base, status="in_progress", assignee_id=COLLEAGUE),
        # free and urgent, but a local claim is on its way to the server
        server_incident(2, received_at=base + timedelta(minutes=1)),
        # finished: no deadline
        server_incident(3, received_at=base, status="closed", final_answered_at=base),
        server_incident(4, received_at=base + timedelta(minutes=30)),  # the one
        server_incident(5, received_at=base + timedelta(minutes=40)),
        server_incident(6, received_at=base + timedelta(minutes=30), status="reopened"),
    )
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET pending = 1 WHERE id = 2"))
    with store.read() as conn:
        found = q.next_to_take(conn, ME, ts(NOW))
    assert found["id"] == 4  # same deadline as 6: the lower id wins
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET assignee_id = :me WHERE id IN (4, 6)"), {"me": ME})
    with store.read() as conn:
        assert q.next_to_take(conn, ME, ts(NOW))["id"] == 5
    with store.write() as conn:
        conn.execute(text("UPDATE incidents SET status = 'answered', sla_due = NULL WHERE id = 5"))
    with store.read() as conn:
        assert q.next_to_take(conn, ME, ts(NOW)) is None


def test_incident_detail_lists_history_in_order(store):
    at = msk(2026, 11, 24, 9)
    reply = {
        "kind": "interim",
        "author_id": ME,
        "template_id": None,
        "approval_state": "published",
        "reviewed_by": None,
        "reviewed_at": None,
        "review_comment": None,
        "client_id": None,
    }
    item = server_incident(
        1,
        received_at=at,
        attachments=["https://example.org/a.jpg"],
        replies=[
            {**reply, "id": 12, "text": "второй", "created_at": at + timedelta(hours=2)},
            {**reply, "id": 11, "text": "первый", "created_at": at + timedelta(hours=1)},
        ],
        events=[
            {"id": 102, "version": 2, "at": at + timedelta(hours=1), "kind": "claimed"},
            {"id": 101, "version": 1, "at": at, "kind": "received", "data": {"channel": "vk"}},
        ],
    )
    state = IncidentState.from_server(item)
    # Two local, unacknowledged actions (outbox seq 5 then 9) on top of the server's history.
    for seq in (5, 9):
        state.replies.append(
            {
                **reply,
                "id": -seq,
                "incident_id": 1,
                "text": f"локальный {seq}",
                "approval_state": "pending_approval",
                "created_at": ts(at + timedelta(hours=3)),
                "local": 1,
            }
        )
        state.events.append(
            {
                "id": -seq,
                "incident_id": 1,
                "version": 2,
                "at": ts(at + timedelta(hours=3)),
                "actor_id": ME,
                "kind": "local_add_reply",
                "data": "{}",
                "local": 1,
            }
        )
    with store.write() as conn:
        write_states(conn, [state])
    with store.read() as conn:
        d = q.incident_detail(conn, 1)
        assert q.incident_detail(conn, 99) is None
    assert [r["id"] for r in d["replies"]] == [11, 12, -5, -9]
    assert [e["id"] for e in d["events"]] == [101, 102, -5, -9]
    assert d["events"][0]["data"] == {"channel": "vk"}
    assert d["attachments"] == ["https://example.org/a.jpg"]
    assert d["number"] == "ЦУР-2026-000001" and d["sla_due"] is not None


def test_hostile_or_empty_text_never_raises(populated):
    store, rows = populated
    with store.read() as conn:
        for typed in ('"', "*", "NEAR(", "AND", "OR NOT", "(((", "'; DROP TABLE incidents; --", ""):
            f = q.QueueFilter(text=typed)
            got = full_listing(conn, f, q.Sort(), ts(NOW))
            assert q.count(conn, f, ts(NOW)) == len(got)


# --- migration 0002 on a cache made by 0001 ----------------------------------------------------


def test_migration_0002_upgrades_a_0001_cache_with_data(tmp_path):
    path, key = tmp_path / "old.db", secrets.token_hex(32)
    engine = sqlite_engine(_url(path, key), WRITE)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    received = msk(2026, 11, 24, 9)
    interim = msk(2026, 11, 24, 11)
    final_due = CLOCK.final_answer_due(interim)
    ekb = WorkingCalendar("Asia/Yekaterinburg")
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
        base = (
            "INSERT INTO incidents (id, number, channel, source_id, text, attachments,"
            " received_at, municipality_id, sector, importance, status, sla_started_at,"
            " first_answer_due, first_answered_at, final_answer_due, sla_due, version,"
            " updated_at, seen_version, pending) VALUES"
            " (:id, :number, 'vk', :number, :text, '[]', :rec, 1, 'roads', 'normal', :status,"
            " :rec, :fad, :first, :final, :due, 1, :rec, 0, 0)"
        )
        fad = ts(CLOCK.first_answer_due(received, "normal"))
        rows = [
            (1, "new", None, None, fad, "Яма на дороге у школы"),
            (2, "interim_answer", ts(interim), ts(final_due), ts(final_due), "Нет света"),
            (3, "closed", ts(interim), None, None, "Мусор"),
        ]
        for iid, status, first, final, due, body in rows:
            conn.execute(
                text(base),
                {
                    "id": iid,
                    "number": f"ЦУР-2026-{iid:06d}",
                    "text": body,
                    "rec": ts(received),
                    "status": status,
                    "fad": fad,
                    "first": first,
                    "final": final,
                    "due": due,
                },
            )
        conn.execute(text("INSERT INTO incident_search(rowid, body) VALUES (1, 'ям дорог школ')"))
        conn.execute(
            text("INSERT INTO meta (key, value) VALUES ('reference', :v)"),
            {"v": json.dumps({"calendar": ekb.to_json([2026]), "sla_policy": {}})},
        )
        conn.commit()
    engine.dispose()

    store = CacheStore(path, key)
    try:
        with store.read() as conn:
            risks = dict(conn.execute(text("SELECT id, sla_risk_at FROM incidents")).all())
            names = set(
                conn.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='incidents'"
                    )
                ).scalars()
            )
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            listing = full_listing(conn, q.QueueFilter(), q.Sort(), ts(NOW))
            found = full_listing(conn, q.QueueFilter(text="дороги"), q.Sort(), ts(NOW))
        clock = SlaClock(ekb)  # the cached reference's calendar, not the default one
        assert risks == {
            1: risk_moment(clock, ts(received), fad),
            2: risk_moment(clock, ts(interim), ts(final_due)),
            3: None,
        }
        assert risks[1] != risk_moment(CLOCK, ts(received), fad)
        assert version == "0005"  # head: 0003 and 0004 change replies only, 0005 adds files
        assert {q.RUNNING_INDEX, q.CHANGED_INDEX} <= names
        assert listing == [1, 2, 3] and found == [1]
    finally:
        store.close()


def test_migration_0002_downgrades_and_upgrades_again(store):
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    put(store, server_incident(1))
    with store._write.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(incidents)"))]
        assert "sla_risk_at" not in columns
        command.upgrade(cfg, "head")
        conn.commit()
    with store.read() as conn:
        assert full_listing(conn, q.QueueFilter(sla_state=SlaState.ok), q.Sort(), ts(NOW)) == [1]


# --- the indexes ---------------------------------------------------------------------------


def test_the_migrated_indexes_are_the_ones_schema_declares(store):
    with store.read() as conn:
        names = conn.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'incidents' AND sql IS NOT NULL"
            )
        ).scalars()
        assert set(names) == {ix.name for ix in incidents.indexes}


@pytest.mark.parametrize(
    "key", [q.SortKey.STATUS, q.SortKey.SECTOR, q.SortKey.CHANNEL, q.SortKey.RECEIVED]
)
@pytest.mark.parametrize("descending", [False, True])
def test_orders_over_the_whole_cache_walk_an_index_instead_of_sorting(store, key, descending):
    """The rank expressions of the queue and of migration 0002 must be the same expression,
    or SQLite sorts all 250k rows for every page."""
    put(store, *population(20))
    statements: list[tuple[str, dict]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with store.read() as conn:
        event.listen(conn, "before_cursor_execute", capture)
        q.page(conn, q.QueueFilter(), q.Sort(key, descending), 0, 5, ts(NOW))
        event.remove(conn, "before_cursor_execute", capture)
        (statement, params) = statements[0]
        plan = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
    assert any("USING" in step and "INDEX" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
