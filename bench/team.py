"""The supervisor's console endpoints at 250k incidents on PostgreSQL, over HTTP; prints JSON.

    .venv/bin/python bench/team.py [--incidents 250000] [--database-url URL] [--runs 7]
    .venv/bin/python bench/team.py --quick    # CI: 300 incidents on a temporary SQLite, 1 run

An empty database is migrated and seeded first (`cur-server seed --demo --incidents N`, as
bench/analytics.py); a seeded one is used as it is. The server runs as `cur-server serve` in its
own process. Each request is sent once to warm up, then `--runs` times; `median_ms` and `max_ms`
are reported per request, with `GET /health` and `GET /api/v1/me` as the baseline of the same
run. The board and the handover list walk every open incident's SLA deadline, so `open`
(how many there are) is reported too.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402

from bench.analytics import timed_runs  # noqa: E402
from bench.server_load import (  # noqa: E402
    QUICK_INCIDENTS,
    database_for_run,
    ensure_seeded,
    free_port,
    start_server,
    stop_server,
)
from cur_desktop.models.statuses import OPEN_STATUSES  # noqa: E402
from cur_server.tables import Incident  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://cur:cur@127.0.0.1:5432/cur_bench"
API = "/api/v1"


def open_incidents(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                select(func.count())
                .select_from(Incident)
                .where(
                    Incident.status.in_([s.value for s in OPEN_STATUSES]),
                    Incident.training_session_id.is_(None),
                )
            ).scalar_one()
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=250_000)
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="seconds, on SQLite: for CI")
    args = parser.parse_args()
    if args.quick:
        args.incidents, args.runs = QUICK_INCIDENTS, 1
    with database_for_run(args.database_url, args.quick, DEFAULT_URL) as url:
        args.database_url = url
        return run(args)


def run(args: argparse.Namespace) -> int:
    seeded = ensure_seeded(args.database_url, args.incidents)
    port = free_port()
    server = start_server(args.database_url, port, 1)
    try:
        base = f"http://127.0.0.1:{port}"
        http = requests.Session()
        login = http.post(
            f"{base}{API}/auth/login", json={"username": "supervisor1", "password": "demo"}
        )
        login.raise_for_status()
        http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        some = http.get(f"{base}{API}/changes", params={"limit": 1}).json()["items"][0]["id"]

        def call(method: str, path: str, **kw):
            def run() -> int:
                r = http.request(method, f"{base}{path}", timeout=60, **kw)
                r.raise_for_status()
                return len(r.content)

            return run

        beat = {"incident_id": some, "activity": "viewing"}
        requests_ = {
            "baseline GET /health": call("GET", "/health"),
            "baseline GET /me": call("GET", f"{API}/me"),
            "POST /presence": call("POST", f"{API}/presence", json=beat),
            "GET /presence": call("GET", f"{API}/presence", params={"incident_id": some}),
            "GET /team": call("GET", f"{API}/team"),
            "GET /handover/latest": call("GET", f"{API}/handover/latest"),
            "GET /quality (30 days)": call("GET", f"{API}/quality"),
        }
        timings = {name: timed_runs(run, args.runs) for name, run in requests_.items()}
    finally:
        stop_server(server)
    print(
        json.dumps(
            {
                "database": args.database_url.split("@")[-1],
                "quick": args.quick,
                "machine": platform.machine(),
                "seed": seeded,
                "open": open_incidents(args.database_url),
                "requests": timings,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
