"""Queue queries on the workstation's encrypted cache at 250k incidents, with and without indexes.

Builds a SQLCipher cache through the real CacheStore and schema (250k incidents over 60 days as
`cur-server seed --demo` spreads them, 1.1 M events, 0.3 M replies, ~400 MB), runs every queue
query of cache/queue.py (each sort both ways, common filters, counts, tab counts, full-text
search, deep offsets, detail) under several index sets, and chooses the set by backward
elimination from all candidates. Times are the thread's CPU time (SQLite runs in the calling
thread): on a shared machine that is what stays comparable; wall time is reported beside it.

Findings (2-core VM, details and figures in bench/README.md):
- What costs is reading table pages: SQLCipher decrypts every page read, so a plan that looks
  up 20k rows takes 200-700 ms whatever else it does. Every query is therefore answered from
  index entries, and only the ~200 rows of a page are read.
- The two partial indexes the queue names (running SLA clocks; changed since seen) serve all tab
  queries; SQLite's planner, without statistics, would otherwise pick a plain index and read
  rows (145 ms instead of 17 for the open cases newest first). ANALYZE made plans worse.
- Chosen (migration 0002): keep ix_inc_sla_due, ix_inc_received, ix_inc_status_due; add
  (channel, sla_due), (assignee_id, status, sla_due), wide (municipality_id, ...) and (sector,
  ...) indexes covering the other filter columns, and the three rank-expression indexes; drop
  0001's (assignee_id, sla_due), (municipality_id, sla_due), (sector, sla_due).
- With it, every case runs in 81 ms or less (median 7); 64 MB of page cache brings the worst to
  39 ms. Offset paging stays under 30 ms even 200k rows deep, so there is no keyset paging.
- Cost: writing a page of 500 incidents takes ~1.3x the CPU of 0001 when they are cached
  already, ~3x when they are new (index maintenance).

Usage: .venv/bin/python bench/cache_queries.py [--incidents N] [--repeat R]
       [--skip-elimination] [--keep DIR]   (build the cache once in DIR and reuse it later)
       .venv/bin/python bench/cache_queries.py --quick   (CI: 2,000 incidents, every step once)
Prints one JSON document: build, per-configuration [wall, cpu] medians of each case and a
summary, write cost, planner vs named index, text lookup vs walk, and the elimination log.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Connection, text  # noqa: E402

from cur_desktop.models.cache import queue as q  # noqa: E402
from cur_desktop.models.cache.incidents import (  # noqa: E402
    IncidentState,
    risk_moment,
    running_deadline,
    window_start,
    write_states,
)
from cur_desktop.models.cache.schema import SEARCH_TABLE, incidents  # noqa: E402
from cur_desktop.models.cache.search import index_text  # noqa: E402
from cur_desktop.models.cache.store import MIGRATIONS, CacheStore  # noqa: E402
from cur_desktop.models.domain import Sector, incident_number  # noqa: E402
from cur_desktop.models.sla import SlaClock, SlaState, WorkingCalendar  # noqa: E402
from cur_desktop.models.statuses import Status  # noqa: E402
from cur_server.demo import content  # noqa: E402
from cur_server.seed import lifecycle_at_age  # noqa: E402

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
DAYS = 60  # the same spread as `cur-server seed --demo --incidents 250000`
HANDLERS = 40  # operators in a large centre; user 1 is "me"
ME = 1

_COLUMNS = [c.name for c in incidents.c]


# --- the data --------------------------------------------------------------------------------


def build(store: CacheStore, count: int, seed: int = 62) -> dict[str, float]:
    """Bulk-load `count` incidents with replies, events and search rows; no secondary indexes."""
    rng = random.Random(seed)
    clock = SlaClock(WorkingCalendar())
    mun_ids = {m["code"]: i for i, m in enumerate(content.MUNICIPALITIES, start=1)}
    answers = [t["text"] for t in content.TEMPLATES] or ["Ответ дан."]
    started = time.perf_counter()
    items = sorted(
        content.generate_incidents(count, seed=seed, now=NOW, days=DAYS),
        key=lambda d: d["received_at"],
    )
    generated = time.perf_counter() - started
    inc_rows, reply_rows, event_rows, search_rows = [], [], [], []
    event_id = reply_id = 0
    for n, item in enumerate(items, start=1):
        received = item["received_at"]
        status = lifecycle_at_age(rng, NOW - received)
        rec = int(received.timestamp())
        row = dict.fromkeys(_COLUMNS)
        row.update(
            id=n,
            number=incident_number(received.year, n),
            channel=item["channel"],
            source_id=item["source_id"],
            source_url=item["source_url"],
            author_name=item["author_name"],
            text=item["text"],
            attachments=json.dumps(item["attachments"]),
            files="[]",
            received_at=rec,
            municipality_id=mun_ids[item["municipality_code"]],
            sector=item["sector"],
            importance=item["importance"],
            status=status.value,
            sla_started_at=rec,
            first_answer_due=int(clock.first_answer_due(received, item["importance"]).timestamp()),
            version=1,
            updated_at=rec,
            pending=0,
        )
        span = max(NOW_TS - rec, 60)
        history = [(rec, None, "received")]
        if status is not Status.NEW:
            row["assignee_id"] = rng.randint(1, HANDLERS)
            history.append((rec + span // 20, row["assignee_id"], "claimed"))
        replies_here = []
        if status in (Status.INTERIM_ANSWER, Status.ANSWERED, Status.RESOLVED, Status.CLOSED):
            first = rec + span // 5
            row["first_answered_at"] = first
            if status is Status.INTERIM_ANSWER or rng.random() < 0.3:
                interim = datetime.fromtimestamp(first, UTC)
                row["final_answer_due"] = int(clock.final_answer_due(interim).timestamp())
                replies_here.append(("interim", first))
            if status is not Status.INTERIM_ANSWER:
                row["final_answered_at"] = rec + span // 2
                replies_here.append(("final", rec + span // 2))
        for kind, at in replies_here:
            reply_id += 1
            body = rng.choice(answers).replace("{incident_number}", row["number"])
            reply_rows.append(
                (reply_id, n, kind, body, row["assignee_id"] or 1, "published", at, 0)
            )
            history.append((at, row["assignee_id"], "reply_published"))
        if status in (Status.RESOLVED, Status.CLOSED):
            history.append((rec + span * 7 // 10, row["assignee_id"], "status_changed"))
        if status is Status.CLOSED:
            history.append((rec + span * 9 // 10, row["assignee_id"], "status_changed"))
        for version, (at, actor, kind) in enumerate(history, start=1):
            event_id += 1
            event_rows.append((event_id, n, version, at, actor, kind, "{}", 0))
        row["version"] = len(history)
        row["seen_version"] = row["version"] if rng.random() < 0.9 else 0
        row["sla_due"] = due = running_deadline(row)
        row["sla_risk_at"] = None if due is None else risk_moment(clock, window_start(row), due)
        if rng.random() < 0.01:  # a few cases with local work in flight
            row["pending"] = 1
        inc_rows.append(tuple(row[c] for c in _COLUMNS))
        texts = [row["number"], row["author_name"], row["text"]]
        texts += [r[3] for r in reply_rows[len(reply_rows) - len(replies_here) :]]
        search_rows.append((n, index_text(texts)))
    prepared = time.perf_counter() - started - generated
    with store.write() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO incidents ({', '.join(_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_COLUMNS))})",
            inc_rows,
        )
        conn.exec_driver_sql(
            "INSERT INTO replies (id, incident_id, kind, text, author_id, approval_state,"
            " created_at, local) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            reply_rows,
        )
        conn.exec_driver_sql(
            "INSERT INTO events (id, incident_id, version, at, actor_id, kind, data, local)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            event_rows,
        )
        conn.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}(rowid, body) VALUES (?, ?)", search_rows)
    return {
        "generate_s": round(generated, 1),
        "prepare_s": round(prepared, 1),
        "insert_s": round(time.perf_counter() - started - generated - prepared, 1),
        "replies": len(reply_rows),
        "events": len(event_rows),
        "open": sum(1 for r in inc_rows if r[_COLUMNS.index("sla_due")] is not None),
    }


# --- index candidates ---------------------------------------------------------------------------

#: Every index considered for `incidents` (name -> DDL). 0001 shipped the first six.
#: Not candidates: the queue names these (INDEXED BY), so they are in every configuration;
#: `planner` shows why.
FIXED = {
    q.RUNNING_INDEX: (
        f"CREATE INDEX {q.RUNNING_INDEX} ON incidents (sla_due, sla_risk_at, status, assignee_id,"
        " municipality_id, sector, channel, received_at, version, seen_version, pending)"
        f" WHERE {q.RUNNING_TERM}"
    ),
    q.CHANGED_INDEX: (
        f"CREATE INDEX {q.CHANGED_INDEX} ON incidents (sla_due) WHERE {q.CHANGED_TERM}"
    ),
}
_FILTER_COLUMNS = "status, assignee_id, municipality_id, sector, channel, version, seen_version"
#: Every index considered besides it (name -> DDL), in the order the elimination tries to drop
#: them: the ones most likely to be redundant first. 0001 shipped the six plain "_due" ones
#: and ix_inc_received.
CANDIDATES: dict[str, str] = {
    "ix_inc_received": "CREATE INDEX ix_inc_received ON incidents (received_at)",
    "ix_inc_municipality": "CREATE INDEX ix_inc_municipality ON incidents (municipality_id)",
    "ix_inc_assignee": "CREATE INDEX ix_inc_assignee ON incidents (assignee_id)",
    "ix_inc_risk": "CREATE INDEX ix_inc_risk ON incidents (sla_risk_at, sla_due)",
    "ix_inc_assignee_due": "CREATE INDEX ix_inc_assignee_due ON incidents (assignee_id, sla_due)",
    "ix_inc_municipality_due": (
        "CREATE INDEX ix_inc_municipality_due ON incidents (municipality_id, sla_due)"
    ),
    "ix_inc_sector_due": "CREATE INDEX ix_inc_sector_due ON incidents (sector, sla_due)",
    "ix_inc_assignee_status_due": (
        "CREATE INDEX ix_inc_assignee_status_due ON incidents (assignee_id, status, sla_due)"
    ),
    "ix_inc_channel_due": "CREATE INDEX ix_inc_channel_due ON incidents (channel, sla_due)",
    "ix_inc_status_due": "CREATE INDEX ix_inc_status_due ON incidents (status, sla_due)",
    "ix_inc_received_wide": (
        f"CREATE INDEX ix_inc_received_wide ON incidents (received_at, {_FILTER_COLUMNS})"
    ),
    "ix_inc_municipality_wide": (
        "CREATE INDEX ix_inc_municipality_wide ON incidents (municipality_id, sla_due,"
        " sector, channel, status, assignee_id, version, seen_version)"
    ),
    "ix_inc_sector_wide": (
        "CREATE INDEX ix_inc_sector_wide ON incidents (sector, sla_due,"
        " municipality_id, channel, status, assignee_id, version, seen_version)"
    ),
    "ix_inc_status_rank": f"CREATE INDEX ix_inc_status_rank ON incidents ({q.STATUS_RANK})",
    "ix_inc_sector_rank": f"CREATE INDEX ix_inc_sector_rank ON incidents ({q.SECTOR_RANK})",
    "ix_inc_channel_rank": f"CREATE INDEX ix_inc_channel_rank ON incidents ({q.CHANNEL_RANK})",
    "ix_inc_sla_due": "CREATE INDEX ix_inc_sla_due ON incidents (sla_due, id)",
}
V0001 = [
    "ix_inc_sla_due",
    "ix_inc_received",
    "ix_inc_assignee_due",
    "ix_inc_status_due",
    "ix_inc_municipality_due",
    "ix_inc_sector_due",
]


def set_indexes(conn: Connection, names: list[str]) -> float:
    """Drop every secondary index of `incidents`, create the open-cases index and `names`;
    returns the seconds spent creating them."""
    existing = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'"
        " AND sql IS NOT NULL"
    ).scalars()
    for name in list(existing):
        conn.exec_driver_sql(f"DROP INDEX {name}")
    started = time.perf_counter()
    for ddl in FIXED.values():
        conn.exec_driver_sql(ddl)
    for name in names:
        conn.exec_driver_sql(CANDIDATES[name])
    return time.perf_counter() - started


# --- the queries --------------------------------------------------------------------------------

OPEN = frozenset(q.OPEN_STATUSES)
FILTERS: dict[str, q.QueueFilter] = {
    "all": q.QueueFilter(),
    "open": q.QueueFilter(statuses=OPEN),
    "mine": q.tab_filter(q.Tab.MINE, ME),
    "unassigned": q.tab_filter(q.Tab.UNASSIGNED, ME),
    "at_risk": q.QueueFilter(sla_state=SlaState.at_risk),
    "overdue": q.QueueFilter(sla_state=SlaState.overdue),
    "sla_ok": q.QueueFilter(sla_state=SlaState.ok),
    "sector": q.QueueFilter(sectors={Sector.ROADS.value}),
    "municipality": q.QueueFilter(municipality_ids={7}),
    "channel": q.QueueFilter(channels={"telegram"}),
    "user": q.QueueFilter(assignee=5),
    "changed": q.QueueFilter(changed_only=True),
    "open_sector_municipality": q.QueueFilter(
        statuses=OPEN, sectors={Sector.ROADS.value}, municipality_ids={1}
    ),
    "text_word": q.QueueFilter(text="дорога"),
    "text_two_words": q.QueueFilter(text="яма на дороге"),
    "text_prefix": q.QueueFilter(text="дор"),
    "text_open": q.QueueFilter(statuses=OPEN, text="отопление"),
    "text_rare": q.QueueFilter(text="ЦУР-2026-012345"),
    "closed": q.QueueFilter(statuses={Status.CLOSED}),
    "sector_municipality": q.QueueFilter(sectors={Sector.ROADS.value}, municipality_ids={1}),
    "sector_channel": q.QueueFilter(sectors={Sector.HOUSING.value}, channels={"vk"}),
}
#: Display orders by name, as the UI would pass them.
MUNICIPALITY_ORDER = tuple(
    i
    for i, _ in sorted(
        enumerate((m["name"] for m in content.MUNICIPALITIES), start=1), key=lambda p: p[1]
    )
)
USER_ORDER = tuple(random.Random(5).sample(range(1, HANDLERS + 1), HANDLERS))


def suite(detail_ids: list[int]) -> dict[str, Callable[[Connection], object]]:
    cases: dict[str, Callable[[Connection], object]] = {}
    default = q.Sort()
    for key in q.SortKey:
        for desc in (False, True):
            order = {q.SortKey.MUNICIPALITY: MUNICIPALITY_ORDER, q.SortKey.ASSIGNEE: USER_ORDER}
            sort = q.Sort(key, desc, order.get(key, ()))
            name = f"page.sort.{key.value}.{'desc' if desc else 'asc'}"
            cases[name] = lambda c, s=sort: q.page(c, FILTERS["all"], s, 0, 200, NOW_TS)
    for name, f in FILTERS.items():
        cases[f"page.filter.{name}"] = lambda c, f=f: q.page(c, f, default, 0, 200, NOW_TS)
        cases[f"count.{name}"] = lambda c, f=f: q.count(c, f, NOW_TS)
    cases["page.filter.open.sort.received.desc"] = lambda c: q.page(
        c, FILTERS["open"], q.Sort(q.SortKey.RECEIVED, True), 0, 200, NOW_TS
    )
    cases["page.filter.mine.sort.received.desc"] = lambda c: q.page(
        c, FILTERS["mine"], q.Sort(q.SortKey.RECEIVED, True), 0, 200, NOW_TS
    )
    cases["page.filter.unassigned.sort.channel"] = lambda c: q.page(
        c, FILTERS["unassigned"], q.Sort(q.SortKey.CHANNEL), 0, 200, NOW_TS
    )
    cases["page.filter.open.sort.status"] = lambda c: q.page(
        c, FILTERS["open"], q.Sort(q.SortKey.STATUS), 0, 200, NOW_TS
    )
    cases["page.filter.mine.sort.sla_state"] = lambda c: q.page(
        c, FILTERS["mine"], q.Sort(q.SortKey.SLA_STATE), 0, 200, NOW_TS
    )
    cases["page.filter.open.sort.municipality"] = lambda c: q.page(
        c,
        FILTERS["open"],
        q.Sort(q.SortKey.MUNICIPALITY, False, MUNICIPALITY_ORDER),
        0,
        200,
        NOW_TS,
    )
    cases["page.filter.sector.sort.received.desc"] = lambda c: q.page(
        c, FILTERS["sector"], q.Sort(q.SortKey.RECEIVED, True), 0, 200, NOW_TS
    )
    cases["page.filter.municipality.sort.received.desc"] = lambda c: q.page(
        c, FILTERS["municipality"], q.Sort(q.SortKey.RECEIVED, True), 0, 200, NOW_TS
    )
    cases["page.filter.text_word.sort.received.desc"] = lambda c: q.page(
        c, FILTERS["text_word"], q.Sort(q.SortKey.RECEIVED, True), 0, 200, NOW_TS
    )
    for depth in (10_000, 100_000, 200_000):
        cases[f"page.offset.{depth}.sla_due"] = lambda c, d=depth: q.page(
            c, FILTERS["all"], default, d, 200, NOW_TS
        )
        cases[f"page.offset.{depth}.received.desc"] = lambda c, d=depth: q.page(
            c, FILTERS["all"], q.Sort(q.SortKey.RECEIVED, True), d, 200, NOW_TS
        )
        cases[f"page.offset.{depth}.sector"] = lambda c, d=depth: q.page(
            c, FILTERS["all"], q.Sort(q.SortKey.SECTOR), d, 200, NOW_TS
        )
    cases["page.offset.5000.filter.sector"] = lambda c: q.page(
        c, FILTERS["sector"], default, 5_000, 200, NOW_TS
    )
    cases["tab_counts"] = lambda c: q.tab_counts(c, ME, NOW_TS)
    cases["next_to_take"] = lambda c: q.next_to_take(c, ME, NOW_TS)
    cases["detail"] = lambda c: q.incident_detail(c, detail_ids[0])
    return cases


def run_suite(
    store: CacheStore, cases: dict, repeat: int, cache_mb: int | None = None
) -> dict[str, list[float]]:
    """[wall, cpu] median milliseconds per case. CPU time of the thread is what decisions use:
    SQLite runs in the calling thread, and CPU time does not swing with the machine's load.
    The first call warms the page cache and is not counted. `cache_mb` sets SQLite's page
    cache of the connection for this run (default: SQLCipher's 8 MB)."""
    out: dict[str, list[float]] = {}
    with store.read() as conn:
        default = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        if cache_mb:
            conn.exec_driver_sql(f"PRAGMA cache_size = -{cache_mb * 1024}")
        for name, case in cases.items():
            case(conn)
            wall, cpu = [], []
            for _ in range(repeat):
                w, c = time.perf_counter(), time.thread_time()
                case(conn)
                cpu.append((time.thread_time() - c) * 1000)
                wall.append((time.perf_counter() - w) * 1000)
            out[name] = [round(statistics.median(wall), 2), round(statistics.median(cpu), 2)]
        conn.exec_driver_sql(f"PRAGMA cache_size = {default}")
    return out


def summary(times: dict[str, list[float]]) -> dict[str, object]:
    cpu = {k: v[1] for k, v in times.items()}
    return {
        "max_cpu_ms": max(cpu.values()),
        "median_cpu_ms": round(statistics.median(cpu.values()), 2),
        "over_50_ms": sorted(k for k, v in cpu.items() if v > 50),
        "over_100_ms": sorted(k for k, v in cpu.items() if v > 100),
    }


#: Typed words and, in the synthetic data, how many incidents they match: one, a few hundred,
#: ~1k, ~2k, ~4k, ~10k, ~30k.
TEXT_PROBES = (
    "ЦУР-2026-012345",
    "больничный",
    "оборвали",
    "бездомные",
    "интернациональная",
    "советская",
    "участок",
)


def text_paths(store: CacheStore) -> dict[str, dict[str, float]]:
    """First page of a text search (default sort), looking hits up by id or walking the order
    index and checking membership (cpu ms): where TEXT_LOOKUP_LIMIT should be."""
    out = {}
    saved = q.TEXT_LOOKUP_LIMIT
    try:
        with store.read() as conn:
            for typed in TEXT_PROBES:
                f = q.QueueFilter(text=typed)
                row: dict[str, float] = {"hits": q.count(conn, f, NOW_TS)}
                for label, limit in (("lookup", 10**9), ("walk", -1)):
                    q.TEXT_LOOKUP_LIMIT = limit
                    q.page(conn, f, q.Sort(), 0, 200, NOW_TS)
                    started = time.thread_time()
                    for _ in range(3):
                        q.page(conn, f, q.Sort(), 0, 200, NOW_TS)
                    row[label] = round((time.thread_time() - started) * 1000 / 3, 2)
                out[typed] = row
    finally:
        q.TEXT_LOOKUP_LIMIT = saved
    return out


def planner(store: CacheStore) -> dict[str, dict[str, float]]:
    """Queries on the running part with the index the queue names, and the same statement
    with the choice left to SQLite's planner (cpu ms)."""
    out = {}
    for name in ("open", "mine", "open_sector_municipality", "at_risk"):
        with store.read() as conn:
            query = q._compile(conn, FILTERS[name], NOW_TS)
            part = query.running
            for sort_name, order in (("sla_due", "sla_due, id"), ("received", "received_at DESC")):
                sql = f"SELECT id FROM {part.where()} ORDER BY {order} LIMIT 200"
                free = sql.replace(f" INDEXED BY {q.RUNNING_INDEX}", "")
                row = {}
                for label, statement in (("indexed_by", sql), ("planner", free)):
                    conn.execute(text(statement), query.params).all()
                    started = time.thread_time()
                    conn.execute(text(statement), query.params).all()
                    row[label] = round((time.thread_time() - started) * 1000, 2)
                out[f"{name}.{sort_name}"] = row
    return out


def write_cost(store: CacheStore, ids: list[int], new_from: int) -> dict[str, float]:
    """CPU ms of write_states (rolled back), the part of sync that indexes make dearer: a pull
    page that updates 500 cached incidents, and one that adds 500 new ones. Median of 3."""
    with store.read() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.exec_driver_sql(
                f"SELECT * FROM incidents WHERE id IN ({','.join(map(str, ids))})"
            )
        ]

    def states(new: bool) -> list[IncidentState]:
        out = []
        for n, r in enumerate(rows):
            r = {**r, "id": new_from + n if new else r["id"]}
            r["status"] = Status.IN_PROGRESS.value if r["status"] == Status.NEW else r["status"]
            out.append(IncidentState(r, [], []))
        return out

    result = {}
    for label, new in (("update_500_ms", False), ("insert_500_ms", True)):
        spent = []
        for _ in range(3):
            with store._write.connect() as conn:
                trans = conn.begin()
                batch = states(new)
                started = time.thread_time()
                write_states(conn, batch)
                spent.append(time.thread_time() - started)
                trans.rollback()
        result[label] = round(statistics.median(spent) * 1000, 1)
    return result


def eliminate(
    store, cases, repeat, start: list[str], log: list, tries: int | None = None
) -> tuple[list[str], dict]:
    """Backward elimination: drop an index when no query gets slower than twice (and 10 ms
    more than) its time with every candidate; what is left is the chosen set. The margin is
    wide because the differences that matter are tenfold, and a loaded machine adds noise.
    `tries`: try dropping only the first few (a `--quick` run)."""
    with store.write() as conn:
        set_indexes(conn, start)
    full = run_suite(store, cases, repeat)
    kept = list(start)
    for name in start[:tries]:
        with store.write() as conn:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        times = run_suite(store, cases, repeat)
        worse = {
            k: (full[k][1], v[1])
            for k, v in times.items()
            if v[1] > max(full[k][1] * 2, full[k][1] + 10.0)
        }
        log.append({"drop": name, "accepted": not worse, "slower_without": worse})
        if worse:
            with store.write() as conn:
                conn.exec_driver_sql(CANDIDATES[name])
        else:
            kept.remove(name)
    return kept, full


def migration_indexes() -> dict[str, str]:
    """The indexes of `incidents` after migration 0002 (name -> DDL): 0001's, less those it
    drops, plus those it adds."""
    path = next((MIGRATIONS / "versions").glob("0002_*.py"))
    spec = importlib.util.spec_from_file_location("cache_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dropped = {name for name, _ in module.DROPPED}
    kept = {name: CANDIDATES[name] for name in V0001 if name not in dropped}
    return {**kept, **dict(module.INDEXES)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=250_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--skip-elimination", action="store_true", help="~10 min instead of ~30")
    ap.add_argument("--quick", action="store_true", help="2,000 incidents, once: for CI")
    ap.add_argument("--keep", type=Path, help="build the cache in this folder once, reuse it")
    args = ap.parse_args()
    if args.quick:
        args.incidents, args.repeat = 2_000, 1
    report: dict = {"incidents": args.incidents, "now": NOW.isoformat(), "quick": args.quick}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        key_file, reuse = folder / "key", (folder / "key").exists()
        if not reuse:
            key_file.write_text(secrets.token_hex(32))
        store = CacheStore(folder / "cache.db", key_file.read_text())
        try:
            if not reuse:
                with store.write() as conn:
                    set_indexes(conn, [])
                report["build"] = build(store, args.incidents)
            report["file_mb"] = round((folder / "cache.db").stat().st_size / 2**20, 1)
            rng = random.Random(1)
            detail_ids = [rng.randint(1, args.incidents) for _ in range(5)]
            cases = suite(detail_ids)
            page_ids = rng.sample(range(1, args.incidents + 1), min(500, args.incidents))
            configs: dict[str, list[str]] = {"fixed_only": [], "0001": V0001}
            configs["all"] = list(CANDIDATES)
            timings: dict[str, dict[str, list[float]]] = {}
            writes: dict[str, dict[str, float]] = {}
            log: list = []
            if not args.skip_elimination:
                tries = 2 if args.quick else None
                chosen, timings["all"] = eliminate(
                    store, cases, args.repeat, configs["all"], log, tries
                )
                configs["chosen"] = chosen
            in_migration = migration_indexes()
            configs["0002"] = [n for n in in_migration if n not in FIXED]
            for name, names in configs.items():
                with store.write() as conn:
                    created = set_indexes(conn, names)
                if name not in timings:
                    timings[name] = run_suite(store, cases, args.repeat)
                writes[name] = {
                    "create_indexes_s": round(created, 2),
                    **write_cost(store, page_ids, args.incidents + 1),
                }
            # The store is left with the 0002 indexes.
            timings["0002_cache_64mb"] = run_suite(store, cases, args.repeat, cache_mb=64)
            report["configs"] = configs
            report["summary"] = {name: summary(t) for name, t in timings.items()}
            report["write_cost"] = writes
            report["planner_vs_indexed_by"] = planner(store)
            report["text_lookup_vs_walk"] = text_paths(store)
            report["elimination"] = log
            expected = {**FIXED, **{n: CANDIDATES[n] for n in configs.get("chosen", [])}}
            if "chosen" in configs:
                report["migration_0002_matches"] = in_migration == expected
            report["median_ms_wall_cpu"] = timings
        finally:
            store.close()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
