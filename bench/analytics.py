"""Analytics endpoints at 250k incidents on PostgreSQL, over HTTP; prints JSON.

    .venv/bin/python bench/analytics.py [--incidents 250000] [--database-url URL] [--runs 7]
    .venv/bin/python bench/analytics.py --quick    # CI: 300 incidents on a temporary SQLite

`--quick` runs every request once after its warm-up, on a temporary SQLite database unless
`--database-url` is given (SQLite has no VACUUM of one table: plain ANALYZE there).

An empty database is migrated and seeded first with `cur-server seed --demo --incidents N` (the
demo region over 60 days, with its planted heating outage; timed and reported under `seed`); a
seeded one is used as it is. The server runs as `cur-server serve` in its own process. Each
request is sent once to warm up, then `--runs` times one after another; `median_ms` and
`max_ms` are reported per request. Aim: every analytics request under 500 ms.

Baseline in the same run: `GET /health` (no auth, no database), `GET /api/v1/me` (sign-in check
and one small query) and a plain `SELECT count(*)` of the real incidents straight on the
database (no HTTP), so the figures can be read against this machine's speed at that moment.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402

from bench.server_load import (  # noqa: E402
    QUICK_INCIDENTS,
    database_for_run,
    ensure_seeded,
    free_port,
    start_server,
    stop_server,
)
from cur_server.migrate import upgrade  # noqa: E402
from cur_server.tables import Incident, Municipality  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://cur:cur@127.0.0.1:5432/cur_bench"
API = "/api/v1"
AIM_MS = 500.0


def log(message: str) -> None:
    print(f"[bench/analytics] {message}", file=sys.stderr, flush=True)


def timed_runs(call, runs: int) -> dict:
    call()  # warm-up: connections, plans, caches
    times, size = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        size = call()
        times.append(1000 * (time.perf_counter() - t0))
    return {
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "runs": runs,
        "bytes": size,
    }


def http_call(session: requests.Session, base: str, path: str, params: dict, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}

    def call() -> int:
        r = session.get(f"{base}{path}", params=params, headers=headers, timeout=120)
        if r.status_code != 200:
            raise RuntimeError(f"{path}: {r.status_code} {r.text[:300]}")
        return len(r.content)

    return call


def sign_in(session: requests.Session, base: str, username: str) -> str:
    r = session.post(
        f"{base}{API}/auth/login", json={"username": username, "password": "demo"}, timeout=30
    )
    r.raise_for_status()
    return r.json()["access_token"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=250_000)
    parser.add_argument("--database-url", default=os.environ.get("CUR_BENCH_PG_URL"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="seconds, on SQLite: for CI")
    args = parser.parse_args()
    if args.quick:
        args.incidents, args.runs = QUICK_INCIDENTS, 1
    with database_for_run(args.database_url, args.quick, DEFAULT_URL) as url:
        return run(args, url)


def run(args: argparse.Namespace, url: str) -> int:
    seed = ensure_seeded(url, args.incidents)
    # A database seeded by an older version is brought up to date here, timed: migration 0003
    # computes the near-duplicate keys of every incident.
    t0 = time.perf_counter()
    upgrade(url)
    seed["upgrade_seconds"] = round(time.perf_counter() - t0, 1)
    engine = create_engine(url)
    # What autovacuum does within a minute of a bulk load: the visibility map lets the
    # aggregates read the covering index alone.
    t0 = time.perf_counter()
    vacuum = "ANALYZE" if engine.dialect.name == "sqlite" else "VACUUM (ANALYZE) incidents"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(vacuum))
    seed["vacuum_seconds"] = round(time.perf_counter() - t0, 1)
    with engine.connect() as conn:
        newest = conn.scalar(select(func.max(Incident.received_at)))
        shilovo = conn.scalar(
            select(Municipality.id).where(Municipality.code == "shilovsky_district")
        )
    date_to = (newest.astimezone(UTC) + timedelta(hours=3)).date()
    month = {"date_from": (date_to - timedelta(days=29)).isoformat(), "date_to": str(date_to)}
    week = {"date_from": (date_to - timedelta(days=6)).isoformat(), "date_to": str(date_to)}

    def count_real() -> int:
        with engine.connect() as conn:
            conn.execute(
                text("SELECT count(*) FROM incidents WHERE training_session_id IS NULL")
            ).scalar_one()
        return 0

    port = free_port()
    server = start_server(url, port, 1)
    base = f"http://127.0.0.1:{port}"
    results: dict = {}
    try:
        session = requests.Session()
        supervisor = sign_in(session, base, "supervisor1")
        official = sign_in(session, base, "official1")
        a = f"{API}/analytics"
        cases = {
            "baseline GET /health": http_call(session, base, "/health", {}, None),
            "baseline GET /me": http_call(session, base, f"{API}/me", {}, supervisor),
            "baseline SELECT count(*) (no HTTP)": count_real,
            "summary, region, 30 days": http_call(session, base, f"{a}/summary", month, supervisor),
            "summary, region, 7 days": http_call(session, base, f"{a}/summary", week, supervisor),
            "summary, district official, 30 days": http_call(
                session, base, f"{a}/summary", month, official
            ),
            "spikes, region, 30 days": http_call(session, base, f"{a}/spikes", month, supervisor),
            "spikes, region, 7 days": http_call(session, base, f"{a}/spikes", week, supervisor),
            "clusters, region, 30 days": http_call(
                session, base, f"{a}/clusters", month, supervisor
            ),
            "clusters, region, 7 days": http_call(session, base, f"{a}/clusters", week, supervisor),
            "clusters, one municipality, 30 days": http_call(
                session, base, f"{a}/clusters", {**month, "municipality_ids": shilovo}, supervisor
            ),
        }
        for name, call in cases.items():
            results[name] = timed_runs(call, args.runs)
            log(f"{name}: {results[name]}")
        planted = session.get(
            f"{base}{a}/clusters",
            params={**week, "municipality_ids": shilovo, "kind": "address"},
            headers={"Authorization": f"Bearer {supervisor}"},
            timeout=60,
        ).json()["items"][:1]
    finally:
        stop_server(server)
        engine.dispose()
    analytics = {k: v for k, v in results.items() if not k.startswith("baseline")}
    worst = max(v["max_ms"] for v in analytics.values())
    print(
        json.dumps(
            {
                "benchmark": "analytics",
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "quick": args.quick,
                "database": engine.dialect.name,
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average": [round(x, 2) for x in os.getloadavg()],
                },
                "seed": seed,
                "periods": {"30 days": month, "7 days": week},
                "results": results,
                "planted_cluster": [
                    {k: c[k] for k in ("key", "count", "municipality_id", "sector")}
                    for c in planted
                ],
                "aim": {
                    "max_ms_below": AIM_MS,
                    "worst_max_ms": worst,
                    "met": worst < AIM_MS,
                },
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
