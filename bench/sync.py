"""Sync benchmark: initial sync, incremental sync and a sync over a slow link; prints JSON.

    .venv/bin/python bench/sync.py [--sizes 10000,100000] [--quick] [--workdir DIR]

`--quick` (CI, tests/test_bench_quick.py): 400 incidents in pages of 100, 30 + 10 changes; the
feed process takes over after the first page.

For each size the reference server gets its own SQLite database (seeded once) and runs as a
separate process (`cur-server serve`), so client and server do not share a GIL. A workstation
core (ApiClient + encrypted CacheStore + SyncCore, as in tests/sync/harness.py) then:

1. syncs everything from an empty cache over loopback, three times, each time into a new cache
   and from a new server process: first as client and server did before 2026-12-05
   (`initial_before`: the server serialises every incident of every page, as it does with
   CUR_FEED_STORED_JSON=0; the client pulls with the garbage collector on and binds None and
   enum values through sqlcipher3's slow adapter path), then as now but with every page
   fetched and made into rows by threads of the writer's process (`initial_threads`), then as
   they do now (`initial`: the feed concatenates each incident's stored JSON,
   cur_server/wire_json.py; the pull pauses the collector; the cache registers adapters; after
   5,000 incidents a feed process fetches and prepares the pages, cur_desktop/sync/feed.py).
   All in pages of the client's default and with the queue's indexes built at the end of the
   first fill. `before_over_now` and `threads_over_now` are ratios of wall times,
   `before_over_now_cpu` of client (feed process included) + server CPU;
   `quiet_estimate_seconds` scales the last quiet-machine figure of the old path
   (`QUIET_BEFORE_SECONDS`, 100k) by the same-run ratio, an estimate for a machine this busy
   run cannot show. Reported: wall seconds,
   incidents/s, bytes on the wire (compressed bodies), pages; the time spent in the client's
   local write transactions (`apply_seconds` wall, `apply_cpu_seconds` CPU of the thread
   running them), in HTTP requests (`network_seconds`, includes the server's work) and in
   validating JSON (`parse_seconds`); CPU seconds of the client and the server process. Pages
   are fetched ahead while the previous one is applied, so the phase sums overlap the wall
   time. The baseline in the same run: the same rows written with raw DB-API `executemany` into
   a fresh cache file (SQLCipher, same schema, same page-sized transactions, search-index text
   computed beforehand): the local limit. `apply_vs_raw` compares CPU times, which other load
   on the machine (and the fetch thread and server running alongside the apply) does not
   inflate; `apply_vs_raw_wall` compares wall times.
2. syncs again after 1,000 changes made on the server by a supervisor through /mutations.
3. (largest size) syncs 100 changes through tests/support/faultproxy.py capped at 256 kbit/s
   with 300 ms one-way latency; reports wire bytes per changed incident (proxy count, all
   bytes server→client including headers, and the client's count of compressed bodies).

Aims (from the issue): 100k incidents initial sync in under 60 s; local apply within 3× of
the raw insert; the slow-link sync of 100 changes in under 10 s with under 1 KB per incident.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
import sqlcipher3  # noqa: E402
from sqlalchemy import select  # noqa: E402

from cur_desktop.models.cache import store as cache_store  # noqa: E402
from cur_desktop.models.cache.incidents import IncidentState  # noqa: E402
from cur_desktop.models.cache.schema import SEARCH_TABLE, incidents  # noqa: E402
from cur_desktop.models.cache.store import CacheStore  # noqa: E402
from cur_desktop.models.statuses import OPEN_STATUSES  # noqa: E402
from cur_desktop.sync.client import ApiClient  # noqa: E402
from cur_desktop.sync.engine import PROCESS_FEED_AFTER, SyncCore  # noqa: E402
from cur_server.context import sqlite_url_for  # noqa: E402
from cur_server.db import open_database  # noqa: E402
from cur_server.migrate import database_revision, head_revision, upgrade  # noqa: E402
from cur_server.seed import seed_demo  # noqa: E402
from cur_server.wire_json import fill_missing  # noqa: E402
from tests.support.faultproxy import FaultProxy, Faults  # noqa: E402

#: Seeded data must not depend on the day the benchmark runs.
SEED_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SEED_DAYS = 60
SLOW_LATENCY = 0.3  # seconds, one way
SLOW_BANDWIDTH = 32_000  # bytes/s = 256 kbit/s
AIM_100K_SECONDS = 60.0
#: The old path's 100k first fill on a quiet machine (bench/README.md, 2026-12-04/05):
#: scaled by a run's `before_over_now` it estimates the new path there.
QUIET_BEFORE_SECONDS = {100_000: 92.0}
QUICK_SIZE = 400
#: `--quick` hands its first fill to the feed process after one page, so CI runs that path too.
QUICK_PROCESS_AFTER = 100
AIM_APPLY_VS_RAW = 3.0
AIM_SLOW_SECONDS = 10.0
AIM_SLOW_BYTES_PER_INCIDENT = 1024


def log(message: str) -> None:
    print(f"[bench/sync] {message}", file=sys.stderr, flush=True)


# --- the server in its own process ----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seeded_database(workdir: Path, size: int) -> tuple[str, float | None]:
    """A fresh copy of a database seeded with `size` incidents; seeds only the first time
    (a seed kept from an older schema is upgraded, and its feed JSON made, once)."""
    pristine = workdir / f"seed-{size}.db"
    seconds = None
    if pristine.exists() and database_revision(sqlite_url_for(pristine)) != head_revision():
        started = time.perf_counter()
        upgrade(sqlite_url_for(pristine))
        db = open_database(sqlite_url_for(pristine))
        try:
            fill_missing(db)
        finally:
            db.dispose()
        log(f"{size}: kept seed upgraded in {time.perf_counter() - started:.0f} s")
    if not pristine.exists():
        started = time.perf_counter()
        partial = pristine.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        url = sqlite_url_for(partial)
        upgrade(url)
        seed_demo(url, size, now=SEED_NOW, days=SEED_DAYS)
        partial.rename(pristine)
        seconds = round(time.perf_counter() - started, 1)
    target = workdir / f"server-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, target)
    return sqlite_url_for(target), seconds


def children_cpu() -> float:
    """CPU seconds of this process's children that ended and were waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux), None where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server_process(
    database_url: str, workdir: Path, stored_json: bool = True
) -> Iterator[tuple[str, int]]:
    """`stored_json` False: the feed serialises every incident (CUR_FEED_STORED_JSON=0)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "cur_server.cli",
        "serve",
        "--database-url",
        database_url,
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    with open(workdir / "server.log", "ab") as server_log:
        env = dict(os.environ, CUR_FEED_STORED_JSON="1" if stored_json else "0")
        proc = subprocess.Popen(command, stdout=server_log, stderr=server_log, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a busy 2-core CI machine takes a minute and more
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}; see server.log")
            try:
                if requests.get(f"{url}/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start within 180 s")
            time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def slow_binding() -> Iterator[None]:
    """sqlcipher3 binding None and enum values as before 2026-12-05 (no adapters registered:
    its slow look-up path), for the same-run baseline; the adapters come back after."""
    fast = [k for k in sqlcipher3.adapters if k[0] is type(None) or issubclass(k[0], StrEnum)]
    for key in fast:
        del sqlcipher3.adapters[key]
    try:
        yield
    finally:
        cache_store._fast_binding()


# --- the workstation, with timers around its phases -----------------------------------------


class Timers:
    """Sums of time spent in HTTP requests, JSON validation and local write transactions
    (wall clock; the transactions also in CPU time of the thread that runs them)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.network = self.parse = self.apply = self.apply_cpu = 0.0

    def as_json(self) -> dict[str, float]:
        return {
            "network_seconds": round(self.network, 3),
            "parse_seconds": round(self.parse, 3),
            "apply_seconds": round(self.apply, 3),
            "apply_cpu_seconds": round(self.apply_cpu, 3),
        }


def instrument(client: ApiClient, store: CacheStore, timers: Timers) -> None:
    """Wrap this client's transport and parser and this store's write transactions."""
    send, parse, write = client._send, client._parse, store.write

    def timed_send(*args, **kw):
        started = time.perf_counter()
        try:
            return send(*args, **kw)
        finally:
            timers.network += time.perf_counter() - started

    def timed_parse(*args, **kw):
        started = time.perf_counter()
        try:
            return parse(*args, **kw)
        finally:
            timers.parse += time.perf_counter() - started

    @contextmanager
    def timed_write(**kw):
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            with write(**kw) as conn:
                yield conn
        finally:
            timers.apply += time.perf_counter() - started
            timers.apply_cpu += time.thread_time() - cpu

    client._send, client._parse, store.write = timed_send, timed_parse, timed_write


class Station:
    def __init__(
        self,
        base_url: str,
        folder: Path,
        page_size: int,
        server_pid: int | None = None,
        username: str = "operator1",
        defer_indexes: bool = True,
        pause_gc: bool = True,
        process_after: int | None = PROCESS_FEED_AFTER,
    ):
        self.server_pid = server_pid
        self.timers = Timers()
        self.client = ApiClient(base_url)
        self.client.login(username, "demo")
        self.store = CacheStore(folder / "cache.db", secrets.token_hex(32))
        with self.store.write() as conn:
            self.store.set_meta(conn, "user", self.client.user.model_dump(mode="json"))
        instrument(self.client, self.store, self.timers)
        self.core = SyncCore(
            self.client,
            self.store,
            page_size=page_size,
            defer_indexes=defer_indexes,
            pause_gc=pause_gc,
            process_after=process_after,
        )

    def sync(self) -> dict:
        self.timers.reset()
        server_cpu = cpu_seconds(self.server_pid) if self.server_pid else None
        load = os.getloadavg()[0]
        started, cpu, feed_cpu = time.perf_counter(), time.process_time(), children_cpu()
        summary = self.core.sync_once()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        feed_cpu = children_cpu() - feed_cpu  # the feed process, ended and waited for
        if server_cpu is not None:
            server_cpu = cpu_seconds(self.server_pid) - server_cpu
        return {
            "seconds": round(seconds, 3),
            "incidents": summary.pulled,
            "incidents_per_s": round(summary.pulled / seconds) if seconds else None,
            "pages": summary.pages,
            "process_pages": summary.process_pages,
            "wire_bytes": summary.wire_bytes,
            "body_bytes": summary.bytes_received,
            **self.timers.as_json(),
            "client_cpu_seconds": round(cpu + feed_cpu, 2),
            "feed_process_cpu_seconds": round(feed_cpu, 2),
            "server_cpu_seconds": None if server_cpu is None else round(server_cpu, 2),
            "load_average_1min": [round(load, 2), round(os.getloadavg()[0], 2)],
        }

    def close(self) -> None:
        self.store.close()


# --- the local limit: raw executemany of the same rows --------------------------------------


def _rows(conn, table: str) -> tuple[list[str], list[tuple]]:
    cur = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY rowid")
    return list(cur.keys()), [tuple(r) for r in cur]


def raw_insert(source: CacheStore, folder: Path, page_size: int) -> tuple[float, float]:
    """Seconds (wall, CPU) to write the rows `source` holds into a fresh cache file with raw
    executemany.

    Same columns, same page-sized transactions as the sync; the search-index text is computed
    before the clock starts, so this is the database's share alone.
    """
    with source.read() as conn:
        inc_cols, inc_rows = _rows(conn, "incidents")
        rep_cols, rep_rows = _rows(conn, "replies")
        ev_cols, ev_rows = _rows(conn, "events")
    rep_inc, ev_inc = rep_cols.index("incident_id"), ev_cols.index("incident_id")
    id_at = inc_cols.index("id")
    reps: dict[int, list[tuple]] = {}
    for r in rep_rows:
        reps.setdefault(r[rep_inc], []).append(r)
    evs: dict[int, list[tuple]] = {}
    for r in ev_rows:
        evs.setdefault(r[ev_inc], []).append(r)
    pages = []
    for start in range(0, len(inc_rows), page_size):
        part = inc_rows[start : start + page_size]
        bodies = []
        for r in part:
            row = dict(zip(inc_cols, r, strict=True))
            texts = [dict(zip(rep_cols, x, strict=True)) for x in reps.get(r[id_at], ())]
            bodies.append((r[id_at], IncidentState(row, texts, []).search_body()))
        ids = [r[id_at] for r in part]
        pages.append(
            (
                part,
                [x for i in ids for x in reps.get(i, ())],
                [x for i in ids for x in evs.get(i, ())],
                bodies,
            )
        )

    def insert(table: str, cols: list[str]) -> str:
        return f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"

    target = CacheStore(folder / "raw.db", secrets.token_hex(32))
    try:
        with target._write.connect() as sa_conn:
            cur = sa_conn.connection.dbapi_connection.cursor()
            started, cpu = time.perf_counter(), time.thread_time()
            for part, rep_part, ev_part, bodies in pages:
                cur.execute("BEGIN IMMEDIATE")
                cur.executemany(insert("incidents", inc_cols), part)
                cur.executemany(insert("replies", rep_cols), rep_part)
                cur.executemany(insert("events", ev_cols), ev_part)
                cur.executemany(insert(SEARCH_TABLE, ["rowid", "body"]), bodies)
                cur.execute("COMMIT")
            seconds, cpu = time.perf_counter() - started, time.thread_time() - cpu
            cur.close()
    finally:
        target.close()
    return seconds, cpu


# --- changes on the server ------------------------------------------------------------------


def newest_incidents(store: CacheStore, count: int, skip: set[int]) -> list[tuple]:
    """(id, version, is_open, assignee_id) of the `count` newest incidents not in `skip`."""
    open_values = [s.value for s in OPEN_STATUSES]
    with store.read() as conn:
        rows = conn.execute(
            select(
                incidents.c.id,
                incidents.c.version,
                incidents.c.status.in_(open_values),
                incidents.c.assignee_id,
            )
            .where(incidents.c.id.not_in(sorted(skip)))
            .order_by(incidents.c.id.desc())
            .limit(count)
        ).all()
    if len(rows) < count:
        raise RuntimeError(f"only {len(rows)} incidents to change, {count} wanted")
    return [tuple(r) for r in rows]


def make_changes(base_url: str, targets: list[tuple], assignees: tuple[int, int]) -> float:
    """One change per incident by a supervisor: open ones alternately reassigned or given a
    note, finished ones a note (the only change they still take)."""
    supervisor = ApiClient(base_url)
    supervisor.login("supervisor1", "demo")
    mutations = []
    for n, (incident_id, version, is_open, holder) in enumerate(targets):
        m = {"mutation_id": str(uuid.uuid4()), "incident_id": incident_id}
        if is_open and n % 2 == 0:
            to = assignees[0] if holder != assignees[0] else assignees[1]
            m |= {"type": "assign", "base_version": version, "payload": {"assignee_id": to}}
        else:
            m |= {"type": "add_note", "payload": {"text": f"Проверка на месте, заявка {n}"}}
        mutations.append(m)
    started = time.perf_counter()
    for start in range(0, len(mutations), 200):
        results = supervisor.mutations({"mutations": mutations[start : start + 200]}).results
        failed = [r for r in results if r.outcome != "applied"]
        if failed:
            raise RuntimeError(f"server refused a change: {failed[0]}")
    return time.perf_counter() - started


def user_id(base_url: str, username: str) -> int:
    client = ApiClient(base_url)
    client.login(username, "demo")
    return client.user.id


# --- the runs -------------------------------------------------------------------------------


def run_size(
    size: int,
    workdir: Path,
    page_size: int,
    changes: int,
    slow_changes: int | None,
    process_after: int = PROCESS_FEED_AFTER,
) -> dict:
    log(f"{size}: seeding / copying the server database")
    database_url, seed_seconds = seeded_database(workdir, size)
    folder = Path(tempfile.mkdtemp(prefix=f"client-{size}-", dir=workdir))
    out: dict = {"incidents": size, "seed_seconds": seed_seconds}
    # The baseline first, each on a server process of its own: the server keeps every
    # incident's JSON once made, which would favour the second pull on the same process.
    with server_process(database_url, workdir, stored_json=False) as (url, pid):
        log(f"{size}: initial sync as before (serialised per page, GC on, slow binding)")
        before = Station(url, folder / "before", page_size, pid, pause_gc=False, process_after=None)
        try:
            with slow_binding():
                out["initial_before"] = checked(before.sync(), size)
        finally:
            before.close()
    with server_process(database_url, workdir) as (url, pid):
        log(f"{size}: initial sync as now, but all of it in this process (no feed process)")
        threads = Station(url, folder / "threads", page_size, pid, process_after=None)
        try:
            out["initial_threads"] = checked(threads.sync(), size)
        finally:
            threads.close()
    with server_process(database_url, workdir) as (url, pid):
        station = Station(url, folder, page_size, server_pid=pid, process_after=process_after)
        try:
            log(f"{size}: initial sync (stored JSON, GC paused, adapters, feed process)")
            initial = checked(station.sync(), size)
            initial["before_over_now"] = round(
                out["initial_before"]["seconds"] / initial["seconds"], 2
            )
            initial["threads_over_now"] = round(
                out["initial_threads"]["seconds"] / initial["seconds"], 2
            )
            initial["before_over_now_cpu"] = round(
                (
                    out["initial_before"]["client_cpu_seconds"]
                    + out["initial_before"]["server_cpu_seconds"]
                )
                / (initial["client_cpu_seconds"] + initial["server_cpu_seconds"]),
                2,
            )
            if size in QUIET_BEFORE_SECONDS:
                initial["quiet_estimate_seconds"] = round(
                    QUIET_BEFORE_SECONDS[size] / initial["before_over_now"], 1
                )
            log(f"{size}: raw executemany of the same rows")
            raw, raw_cpu = raw_insert(station.store, folder, page_size)
            initial["raw_insert_seconds"] = round(raw, 3)
            initial["raw_insert_cpu_seconds"] = round(raw_cpu, 3)
            initial["apply_vs_raw"] = round(initial["apply_cpu_seconds"] / raw_cpu, 2)
            initial["apply_vs_raw_wall"] = round(initial["apply_seconds"] / raw, 2)
            out["initial"] = initial

            log(f"{size}: {changes} changes on the server, then an incremental sync")
            assignees = (user_id(url, "operator2"), user_id(url, "operator1"))
            targets = newest_incidents(station.store, changes, set())
            change_seconds = make_changes(url, targets, assignees)
            incremental = station.sync()
            incremental["changes"] = changes
            incremental["server_change_seconds"] = round(change_seconds, 2)
            incremental["wire_bytes_per_incident"] = round(
                incremental["wire_bytes"] / max(1, incremental["incidents"])
            )
            out["incremental"] = incremental

            if slow_changes:
                log(f"{size}: {slow_changes} changes, then a sync over a slow link")
                taken = {t[0] for t in targets}
                more = newest_incidents(station.store, slow_changes, taken)
                make_changes(url, more, assignees)
                out["slow_link"] = slow_link_sync(url, station, folder, page_size, slow_changes)
        finally:
            station.close()
            shutil.rmtree(folder, ignore_errors=True)
    return out


def checked(initial: dict, size: int) -> dict:
    if initial["incidents"] != size:
        raise RuntimeError(f"pulled {initial['incidents']} of {size} incidents")
    return initial


def slow_link_sync(url: str, station: Station, folder: Path, page_size: int, changes: int) -> dict:
    port = int(url.rsplit(":", 1)[1])
    faults = Faults(latency=SLOW_LATENCY, bandwidth=SLOW_BANDWIDTH)
    with FaultProxy("127.0.0.1", port, faults) as proxy:
        client = ApiClient(proxy.url)
        client.login("operator1", "demo")  # sign-in is not part of the timed sync
        timers = Timers()
        instrument(client, station.store, timers)
        core = SyncCore(client, station.store, page_size=page_size)
        before = proxy.stats()
        started = time.perf_counter()
        summary = core.sync_once()
        seconds = time.perf_counter() - started
        after = proxy.stats()
    down = after.bytes_down - before.bytes_down
    up = after.bytes_up - before.bytes_up
    return {
        "changes": changes,
        "latency_s": SLOW_LATENCY,
        "bandwidth_bytes_per_s": SLOW_BANDWIDTH,
        "seconds": round(seconds, 3),
        "incidents": summary.pulled,
        "pages": summary.pages,
        "wire_bytes": summary.wire_bytes,
        "body_bytes": summary.bytes_received,
        "link_bytes_down": down,
        "link_bytes_up": up,
        "link_bytes_per_incident": round(down / max(1, summary.pulled)),
        "wire_bytes_per_incident": round(summary.wire_bytes / max(1, summary.pulled)),
        **timers.as_json(),
    }


def aims(results: list[dict]) -> dict:
    out: dict = {}
    biggest = max(results, key=lambda r: r["incidents"])
    for r in results:
        if r["incidents"] >= 100_000:
            out[f"initial_{r['incidents']}_under_{AIM_100K_SECONDS:g}s"] = (
                r["initial"]["seconds"] < AIM_100K_SECONDS
            )
    out["apply_within_3x_raw"] = all(
        r["initial"]["apply_vs_raw"] <= AIM_APPLY_VS_RAW for r in results
    )
    slow = biggest.get("slow_link")
    if slow:
        out[f"slow_link_under_{AIM_SLOW_SECONDS:g}s"] = slow["seconds"] < AIM_SLOW_SECONDS
        out["slow_link_under_1kb_per_incident"] = (
            slow["link_bytes_per_incident"] < AIM_SLOW_BYTES_PER_INCIDENT
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated, e.g. 10000")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--page-size", type=int, default=None, help="else the client's default")
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--slow-changes", type=int, default=100)
    parser.add_argument(
        "--workdir", help="keep seeded databases here between runs (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    changes, slow_changes = args.changes, args.slow_changes
    if args.quick:  # every step, in seconds: pages of 100 so that the first fill has several
        sizes, changes, slow_changes = [QUICK_SIZE], 30, 10
        args.page_size = args.page_size or 100
    page_size = args.page_size or inspect.signature(SyncCore).parameters["page_size"].default
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-sync-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for n, size in enumerate(sizes):
            last = n == len(sizes) - 1
            results.append(
                run_size(
                    size,
                    workdir,
                    page_size,
                    changes,
                    slow_changes if last else None,
                    QUICK_PROCESS_AFTER if args.quick else PROCESS_FEED_AFTER,
                )
            )
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "benchmark": "sync",
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": args.quick,
        "page_size": page_size,
        "results": results,
        "aims": aims(results),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
