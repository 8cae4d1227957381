"""Server load benchmark: N operators polling the changes feed and pushing mutations; prints JSON.

    .venv/bin/python bench/server_load.py [--operators 200] [--duration 40] [--speedup 10]
        [--workers 2] [--database-url URL] [--incidents 250000] [--quick]

`--quick` (CI: tests/test_bench_quick.py): 5 operators for 3 s per phase, one worker, on a
temporary SQLite database of 300 incidents unless `--database-url` is given: every code path
in seconds, the figures mean nothing.

The reference server runs as `cur-server serve` in its own process(es) on PostgreSQL, over a
database seeded with the demo region (seeded first if empty; the time it took is reported).

Load model: every simulated operator signs in once (not measured with the rest), starts caught
up (its cursor is the feed's head, as after an initial sync), then polls `GET /changes` every
`--poll-interval` seconds (default 15, paging on while `has_more`) and pushes one mutation about
every `--mutation-interval` seconds (default 60, exponential gaps): in turn `claim` of a fresh
`new` incident, `add_note` and `add_reply` (interim) on it, each with a fresh UUID. Operators
start at random offsets. Time is compressed `--speedup` times so that `--duration` wall seconds
cover a longer stretch of a shift: with the defaults, 200 operators make about 13 polls and
3.3 mutations per second in real time, and 10× that here.

Baseline in the same run: the same operators on the same schedule send `GET /health` (no
database, no auth) instead: the framework's own ceiling on this machine, load generator
included. `ratio` compares the two. Aim: p99 under 100 ms for every request type.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from cur_server.context import sqlite_url_for  # noqa: E402
from cur_server.db import CHANGE_SEQ, open_database  # noqa: E402
from cur_server.migrate import upgrade  # noqa: E402
from cur_server.seed import seed_demo  # noqa: E402
from cur_server.tables import Counter as SeqCounter  # noqa: E402
from cur_server.tables import Incident  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://cur:cur@127.0.0.1:5432/cur_bench"
API = "/api/v1"
#: Demo accounts the simulated operators sign in as (several sessions each).
ACCOUNTS = ("operator1", "operator2")
PASSWORD = "demo"
AIM_P99_MS = 100.0
TAIL = re.compile(rb'"cursor":(\d+),"has_more":(true|false)}$')
#: Concurrent sign-ins while setting up: argon2 is deliberately slow and memory-hungry.
LOGIN_CONCURRENCY = 4


def log(message: str) -> None:
    print(f"[bench/server_load] {message}", file=sys.stderr, flush=True)


# --- database: seed if needed, read the feed head and a pool of fresh incidents ---------------


def incident_count(url: str) -> int:
    db = open_database(url)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(Incident)) or 0
    except Exception:  # noqa: BLE001 - no schema yet
        return 0
    finally:
        db.dispose()


def ensure_seeded(url: str, incidents: int) -> dict:
    """Seed an empty database with `cur-server migrate` and `cur-server seed --demo`, timed."""
    found = incident_count(url)
    if found:
        log(f"database already holds {found} incidents: not seeding")
        return {"incidents": found, "seeded_now": False}
    if url.startswith("sqlite"):  # a --quick run's small file: no processes to start
        return seed_in_process(url, incidents)
    cli = [sys.executable, "-m", "cur_server.cli"]
    t0 = time.perf_counter()
    subprocess.run([*cli, "migrate", "--database-url", url], check=True, cwd=ROOT)
    log(f"seeding {incidents} incidents (takes minutes)")
    t1 = time.perf_counter()
    subprocess.run(
        [*cli, "seed", "--demo", "--incidents", str(incidents), "--database-url", url],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    t2 = time.perf_counter()
    return {
        "incidents": incident_count(url),
        "seeded_now": True,
        "migrate_seconds": round(t1 - t0, 1),
        "seed_seconds": round(t2 - t1, 1),
    }


def seed_in_process(url: str, incidents: int) -> dict:
    """`cur-server migrate` and `seed --demo` without starting a process for each."""
    t0 = time.perf_counter()
    upgrade(url)
    t1 = time.perf_counter()
    seed_demo(url, incidents)
    return {
        "incidents": incident_count(url),
        "seeded_now": True,
        "migrate_seconds": round(t1 - t0, 1),
        "seed_seconds": round(time.perf_counter() - t1, 1),
    }


#: Incidents of the temporary database of a `--quick` run: enough for every endpoint to
#: answer with something (clusters, spikes, a team board), seeded in a few seconds.
QUICK_INCIDENTS = 300


@contextmanager
def database_for_run(url: str | None, quick: bool, default: str) -> Iterator[str]:
    """The database a benchmark runs on: `url` if given; for `--quick`, else a fresh SQLite
    file removed afterwards (CI has no benchmark database, and seeding it takes minutes);
    else `default`."""
    if url or not quick:
        yield url or default
        return
    folder = Path(tempfile.mkdtemp(prefix="cur-bench-quick-"))
    try:
        yield sqlite_url_for(folder / "server.db")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def feed_state(url: str) -> tuple[int, list[int]]:
    """The feed's head cursor and the fresh, unassigned incidents operators may claim."""
    db = open_database(url)
    try:
        with db.read() as s:
            head = s.scalar(select(SeqCounter.value).where(SeqCounter.name == CHANGE_SEQ)) or 0
            fresh = s.scalars(
                select(Incident.id)
                .where(
                    Incident.status == "new",
                    Incident.assignee_id.is_(None),
                    Incident.training_session_id.is_(None),
                )
                .order_by(Incident.id.desc())
            ).all()
        return head, list(fresh)
    finally:
        db.dispose()


# --- the server in its own process(es) --------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Seconds for `cur-server serve` to answer /health: a few when the machine is idle, a minute
#: and more on a 2-core CI machine busy with other test runs.
START_TIMEOUT = 180


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "cur_server.cli", "serve", "--database-url", url]
    cmd += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"server did not start within {START_TIMEOUT} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- simulated operators ----------------------------------------------------------------------


@dataclass
class Stats:
    """Latencies (seconds) per request type, errors, and what the answers carried."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    items: int = 0
    wire_bytes: int = 0
    started: float = 0.0
    finished: float = 0.0

    def record(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)


@dataclass
class Operator:
    n: int
    token: str
    cursor: int
    rng: random.Random
    holding: int | None = None
    actions: int = 0


@dataclass
class Schedule:
    duration: float
    poll_every: float  # wall seconds, after compression
    mutate_every: float


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def summary(values: list[float], errors: int = 0) -> dict:
    ordered = sorted(values)
    ms = [1000 * x for x in ordered]
    return {
        "requests": len(values),
        "errors": errors,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(ms[-1], 1) if ms else 0.0,
    }


async def timed(stats: Stats, kind: str, call) -> httpx.Response | None:
    t0 = time.perf_counter()
    try:
        response = await call()
    except httpx.HTTPError as exc:
        stats.record(kind, time.perf_counter() - t0)
        stats.errors[f"{kind}: {type(exc).__name__}"] += 1
        return None
    stats.record(kind, time.perf_counter() - t0)
    if response.status_code >= 400:
        stats.errors[f"{kind}: {response.status_code}"] += 1
        return None
    return response


async def poll(client: httpx.AsyncClient, op: Operator, stats: Stats, trivial: bool) -> None:
    if trivial:
        await timed(stats, "GET /health", lambda: client.get("/health"))
        return
    headers = {"Authorization": f"Bearer {op.token}"}
    while True:
        response = await timed(
            stats,
            "GET /changes",
            lambda: client.get(f"{API}/changes", params={"cursor": op.cursor}, headers=headers),
        )
        if response is None:
            return
        stats.wire_bytes += response.num_bytes_downloaded
        cursor, has_more = page_tail(response.content)
        stats.items += cursor - op.cursor
        op.cursor = cursor
        if not has_more:
            return


def page_tail(body: bytes) -> tuple[int, bool]:
    """`cursor` and `has_more` of a changes page without parsing its items.

    They are the page's last two fields; decoding every incident would make the load generator,
    which shares the machine with the server, the bottleneck.
    """
    found = TAIL.search(body, max(0, len(body) - 128))
    if found:
        return int(found[1]), found[2] == b"true"
    page = json.loads(body)
    return page["cursor"], page["has_more"]


def next_mutation(op: Operator, fresh: deque[int]) -> dict:
    """claim a fresh incident, then a note and an interim reply on it, then the next one."""
    step = op.actions % 3
    op.actions += 1
    if step == 0 or op.holding is None:
        if fresh:
            op.holding = fresh.popleft()
            kind, payload = "claim", {}
        else:  # the pool ran dry: notes need no claim
            kind, payload = "add_note", {"text": f"Проверка нагрузки {op.n}"}
    elif step == 1:
        kind, payload = "add_note", {"text": f"Оператор {op.n}: уточняю у исполнителя"}
    else:
        kind, payload = "add_reply", {"kind": "interim", "text": "Обращение передано в работу."}
    return {
        "mutation_id": str(uuid.uuid4()),
        "type": kind,
        "incident_id": op.holding or 1,
        "payload": payload,
    }


async def mutate(
    client: httpx.AsyncClient, op: Operator, stats: Stats, fresh: deque[int], trivial: bool
) -> None:
    if trivial:
        await timed(stats, "GET /health", lambda: client.get("/health"))
        return
    body = {"mutations": [next_mutation(op, fresh)]}
    headers = {"Authorization": f"Bearer {op.token}"}
    response = await timed(
        stats,
        "POST /mutations",
        lambda: client.post(f"{API}/mutations", json=body, headers=headers),
    )
    if response is not None:
        for result in response.json()["results"]:
            stats.outcomes[f"{body['mutations'][0]['type']}: {result['outcome']}"] += 1


async def run_operator(
    client: httpx.AsyncClient,
    op: Operator,
    schedule: Schedule,
    stats: Stats,
    fresh: deque[int],
    trivial: bool,
) -> None:
    start = stats.started
    next_poll = start + op.rng.uniform(0, schedule.poll_every)
    next_mutation_at = start + op.rng.expovariate(1 / schedule.mutate_every)
    end = start + schedule.duration
    while True:
        due = min(next_poll, next_mutation_at)
        if due >= end:
            return
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        if next_poll <= next_mutation_at:
            next_poll += schedule.poll_every
            await poll(client, op, stats, trivial)
        else:
            next_mutation_at += op.rng.expovariate(1 / schedule.mutate_every)
            await mutate(client, op, stats, fresh, trivial)


async def sign_in(client: httpx.AsyncClient, n: int, stats: Stats) -> str:
    body = {"username": ACCOUNTS[n % len(ACCOUNTS)], "password": PASSWORD}
    response = await timed(
        stats, "POST /auth/login", lambda: client.post(f"{API}/auth/login", json=body)
    )
    if response is None:
        raise RuntimeError(f"operator {n} could not sign in: {dict(stats.errors)}")
    return response.json()["access_token"]


async def run_load(
    base: str, operators: int, schedule: Schedule, head: int, fresh: list[int]
) -> dict:
    # One client and one keep-alive connection per operator, as each workstation has; one
    # shared pool of 200 connections costs httpx more CPU per request than the server spends.
    async with AsyncExitStack() as stack:
        clients = [
            await stack.enter_async_context(
                httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=1), timeout=60)
            )
            for _ in range(operators)
        ]
        logins = Stats()
        gate = asyncio.Semaphore(LOGIN_CONCURRENCY)

        async def one_login(n: int) -> str:
            async with gate:
                return await sign_in(clients[n], n, logins)

        t0 = time.perf_counter()
        tokens = await asyncio.gather(*(one_login(n) for n in range(operators)))
        login_seconds = time.perf_counter() - t0
        pool = deque(fresh)
        phases = {}
        # The trivial endpoint first: it also warms up connections and worker processes.
        for name, trivial in (("trivial", True), ("api", False)):
            stats = Stats()
            team = [
                Operator(n=n, token=tokens[n], cursor=head, rng=random.Random(n))
                for n in range(operators)
            ]
            stats.started = time.perf_counter() + 0.5
            await asyncio.gather(
                *(run_operator(clients[op.n], op, schedule, stats, pool, trivial) for op in team)
            )
            stats.finished = time.perf_counter()
            phases[name] = stats
            log(f"{name}: {sum(len(v) for v in stats.latencies.values())} requests")
    login = summary(logins.latencies.get("POST /auth/login", []), sum(logins.errors.values()))
    login["wall_seconds"] = round(login_seconds, 1)
    return {"login": login, **phases}


def phase_report(stats: Stats) -> dict:
    wall = stats.finished - stats.started
    total = sum(len(v) for v in stats.latencies.values())
    per_kind = {
        kind: summary(values, sum(n for key, n in stats.errors.items() if key.startswith(kind)))
        for kind, values in sorted(stats.latencies.items())
    }
    everything = [x for values in stats.latencies.values() for x in values]
    return {
        "requests": total,
        "wall_seconds": round(wall, 1),
        "throughput_rps": round(total / wall, 1) if wall > 0 else 0.0,
        "all": summary(everything, sum(stats.errors.values())),
        "endpoints": per_kind,
        "errors": dict(stats.errors),
        "mutation_outcomes": dict(sorted(stats.outcomes.items())),
        "feed_positions_received": stats.items,
        "feed_wire_bytes": stats.wire_bytes,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("CUR_BENCH_PG_URL"))
    parser.add_argument("--incidents", type=int, default=250_000, help="seed size if empty")
    parser.add_argument("--operators", type=int, default=200)
    parser.add_argument("--duration", type=float, default=40.0, help="wall seconds per phase")
    parser.add_argument("--speedup", type=float, default=10.0, help="time compression")
    parser.add_argument("--poll-interval", type=float, default=15.0, help="real seconds")
    parser.add_argument("--mutation-interval", type=float, default=60.0, help="real seconds")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--quick", action="store_true", help="a few seconds: a smoke run for CI")
    args = parser.parse_args()
    if args.quick:
        args.incidents, args.operators, args.duration, args.workers = QUICK_INCIDENTS, 5, 3.0, 1
    with database_for_run(args.database_url, args.quick, DEFAULT_URL) as url:
        args.database_url = url
        return run(args)


def run(args: argparse.Namespace) -> int:
    seed = ensure_seeded(args.database_url, args.incidents)
    head, fresh = feed_state(args.database_url)
    schedule = Schedule(
        duration=args.duration,
        poll_every=args.poll_interval / args.speedup,
        mutate_every=args.mutation_interval / args.speedup,
    )
    port = free_port()
    log(f"server with {args.workers} worker(s) on port {port}; {len(fresh)} fresh incidents")
    server = start_server(args.database_url, port, args.workers)
    try:
        result = asyncio.run(
            run_load(f"http://127.0.0.1:{port}", args.operators, schedule, head, fresh)
        )
    finally:
        stop_server(server)

    api, trivial = phase_report(result["api"]), phase_report(result["trivial"])
    worst_p99 = max((e["p99_ms"] for e in api["endpoints"].values()), default=0.0)
    report = {
        "benchmark": "server_load",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "load_model": {
            "operators": args.operators,
            "poll_every_real_s": args.poll_interval,
            "mutation_every_real_s": args.mutation_interval,
            "speedup": args.speedup,
            "phase_wall_s": args.duration,
            "simulated_minutes": round(args.duration * args.speedup / 60, 1),
            "offered_rps": round(
                args.operators * (1 / schedule.poll_every + 1 / schedule.mutate_every), 1
            ),
            "real_time_rps_equivalent": round(
                args.operators * (1 / args.poll_interval + 1 / args.mutation_interval), 1
            ),
            "mutations": "claim a fresh incident, add_note, add_reply (interim); fresh UUIDs",
            "start": "caught up: cursor at the feed head",
        },
        "seed": seed,
        "server": {
            "workers": args.workers,
            "database": args.database_url.split(":", 1)[0].split("+", 1)[0],
            "head_cursor": head,
        },
        "quick": args.quick,
        "login": result["login"],
        "api": api,
        "trivial": trivial,
        "ratio": {
            "p50_api_vs_trivial": _ratio(api["all"]["p50_ms"], trivial["all"]["p50_ms"]),
            "p99_api_vs_trivial": _ratio(api["all"]["p99_ms"], trivial["all"]["p99_ms"]),
            "throughput_api_vs_trivial": _ratio(api["throughput_rps"], trivial["throughput_rps"]),
        },
        "aim": {"p99_ms": AIM_P99_MS, "worst_p99_ms": worst_p99, "met": worst_p99 < AIM_P99_MS},
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


if __name__ == "__main__":
    sys.exit(main())
