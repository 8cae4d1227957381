"""Bulk actions of the supervisor in the local cache: reassigning N incidents as one action
(every local change and outbox entry in one transaction); prints JSON.

    .venv/bin/python bench/bulk_actions.py [--incidents 500] [--seed 3000] [--runs 5]
    .venv/bin/python bench/bulk_actions.py --quick    # CI: 50 of 250 incidents, one run

A SQLite server is seeded with `--seed` demo incidents plus `--incidents` new ones, and a
supervisor's workstation cache is filled from it over HTTP once. Each run copies that cache and
reassigns the new incidents to one operator, two ways: `per_incident` writes each incident's
local change and outbox entry one after another (as `assign_many` did before batching: the
in-run baseline), `batched` is `LocalActions.assign_many` as it is now. Both are one
transaction; `ratio` is per_incident / batched of the medians.
"""

from __future__ import annotations

import argparse
import json
import platform
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from cur_desktop.models.cache.store import CacheStore  # noqa: E402
from cur_desktop.models.contract import IngestResult  # noqa: E402
from cur_desktop.models.domain import MutationType  # noqa: E402
from cur_desktop.sync.actions import LocalActions  # noqa: E402
from cur_desktop.sync.client import ApiClient  # noqa: E402
from cur_desktop.sync.engine import SyncCore  # noqa: E402
from cur_server.context import sqlite_url_for  # noqa: E402
from cur_server.embedded import EmbeddedServer  # noqa: E402
from cur_server.migrate import upgrade  # noqa: E402
from cur_server.seed import seed_demo  # noqa: E402


class _MemoryKeyring(KeyringBackend):
    """Tokens stay in memory: a bench must not touch the user's keyring."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username), None)


def _ingest(client_url: str, n: int) -> list[int]:
    collector = ApiClient(client_url, timeout=(5.0, 60.0))
    collector.login("collector", "demo")
    ids: list[int] = []
    for start in range(0, n, 500):
        items = [
            {
                "channel": "pos",
                "source_id": f"bench-bulk-{k}",
                "text": f"Не вывезли мусор с контейнерной площадки, сообщение {k}",
                "received_at": "2026-11-24T10:00:00+03:00",
                "municipality_code": "ryazan",
                "sector": "waste",
            }
            for k in range(start, min(n, start + 500))
        ]
        answer = collector.post("/ingest", IngestResult, {"items": items})
        ids += [r.incident_id for r in answer.results]
    return ids


def per_incident(actions: LocalActions, ids: list[int], assignee_id: int) -> None:
    """The baseline: each incident's change and outbox entry in turn, one transaction."""
    with actions.store.write() as conn:
        for i in ids:
            actions.outbox.record(conn, MutationType.ASSIGN, i, {"assignee_id": assignee_id})


def batched(actions: LocalActions, ids: list[int], assignee_id: int) -> None:
    actions.assign_many(ids, assignee_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--seed", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="seconds: a smoke run for CI")
    args = parser.parse_args()
    if args.quick:
        args.incidents, args.seed, args.runs = 50, 200, 1
    keyring.set_keyring(_MemoryKeyring())
    work = Path(tempfile.mkdtemp(prefix="cur-bench-bulk-"))
    try:
        url = sqlite_url_for(work / "server.db")
        upgrade(url)
        seed_demo(url, args.seed, days=30)
        key = secrets.token_hex(32)
        with EmbeddedServer(url) as server:
            ids = _ingest(server.url, args.incidents)
            client = ApiClient(server.url, timeout=(5.0, 60.0))
            client.login("supervisor1", "demo")
            store = CacheStore(work / "pristine" / "cache.db", key)
            with store.write() as conn:
                store.set_meta(conn, "user", client.user.model_dump(mode="json"))
            SyncCore(client, store, page_size=500).sync_once()
            with store.read() as conn:
                users = store.get_meta(conn, "reference")["users"]
            store.close()
        operator = next(u["id"] for u in users if u["username"] == "operator2")
        timings: dict[str, list[float]] = {"per_incident": [], "batched": []}
        for run in range(args.runs):
            for name, fn in (("per_incident", per_incident), ("batched", batched)):
                folder = work / f"{name}-{run}"
                shutil.copytree(work / "pristine", folder)
                copy = CacheStore(folder / "cache.db", key)
                started = time.perf_counter()
                fn(LocalActions(copy), ids, operator)
                timings[name].append(time.perf_counter() - started)
                copy.close()
        medians = {k: statistics.median(v) for k, v in timings.items()}
        print(
            json.dumps(
                {
                    "bench": "bulk_actions",
                    "incidents": args.incidents,
                    "cached": args.seed + args.incidents,
                    "runs": args.runs,
                    "quick": args.quick,
                    "per_incident_median_s": round(medians["per_incident"], 3),
                    "batched_median_s": round(medians["batched"], 3),
                    "ratio": round(medians["per_incident"] / medians["batched"], 2),
                    "python": platform.python_version(),
                    "machine": platform.machine(),
                },
                indent=2,
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
