"""A workstation killed with SIGKILL loses nothing it reported as done.

A real client process (tests/sync/kill_client.py) is killed in the middle of a sync over a slow
link, or in the middle of a stream of local writes. Afterwards the cache must open, hold every
write the process reported committed, and converge with the server at the next sync, each note
landing exactly once.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from cur_desktop.models.cache.schema import events, incidents, outbox
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.domain import MutationType
from cur_desktop.sync.profile import ENV_PASSPHRASE
from cur_server.tables import Incident
from tests.server.api import Api, mutation
from tests.support.faultproxy import FaultProxy, Faults
from tests.sync.harness import Workstation
from tests.sync.test_faults import (
    Written,
    assert_cache_matches_server,
    assert_each_write_accounted_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

CLIENT = Path(__file__).with_name("kill_client.py")


class Child:
    """kill_client.py in its own process; its stdout lines are collected as they come."""

    def __init__(self, args: list[str], key: str, stdin: str = ""):
        env = {**os.environ, ENV_PASSPHRASE: key}
        self.process = subprocess.Popen(
            [sys.executable, str(CLIENT), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.process.stdin.write(stdin)
        self.process.stdin.close()
        self.lines: list[str] = []
        self.errors = ""
        self.changed = threading.Condition()
        self.readers = [
            threading.Thread(target=self._read_out, daemon=True),
            threading.Thread(target=self._read_err, daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def _read_out(self) -> None:
        for line in self.process.stdout:
            if line.endswith("\n"):  # a line cut by the kill was not reported
                with self.changed:
                    self.lines.append(line.rstrip("\n"))
                    self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def _read_err(self) -> None:
        self.errors = self.process.stderr.read()

    def wait_for(self, predicate, timeout: float = 30.0) -> None:
        with self.changed:
            ok = self.changed.wait_for(
                lambda: predicate(self.lines) or self.process.poll() is not None, timeout
            )
        assert ok and predicate(self.lines), f"child: {self.lines[-3:]} {self.errors[-2000:]}"

    def kill(self) -> list[str]:
        """SIGKILL; returns every complete line the process wrote."""
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(10) == -signal.SIGKILL, f"child ended first: {self.errors}"
        for reader in self.readers:
            reader.join(10)
        return list(self.lines)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def reported_notes(lines: list[str]) -> dict[str, str]:
    """mutation id -> note text, for every "note" line."""
    found = {}
    for line in lines:
        if line.startswith("note "):
            _, mid, text = line.split(" ", 2)
            found[mid] = text
    return found


def prepared_cache(server_url: str, folder: Path, key: str) -> dict[int, dict]:
    """A cache synced once, then closed, for the child process to open; its incidents."""
    ws = Workstation(server_url, "operator1", folder, key=key)
    ws.sync()
    cached = ws.incidents()
    ws.close()
    return cached


def cached_rows(store: CacheStore) -> dict[int, dict]:
    with store.read() as conn:
        return {r["id"]: dict(r) for r in conn.execute(select(incidents)).mappings()}


def outbox_notes(store: CacheStore) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.execute(select(outbox.c.mutation_id, outbox.c.type, outbox.c.payload)).all()
    assert all(row.type == MutationType.ADD_NOTE for row in rows)
    return {row.mutation_id: json.loads(row.payload)["text"] for row in rows}


def server_versions(db_url: str) -> dict[int, tuple[int, int]]:
    """incident id -> (change sequence, version), straight from the server's database."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Incident.id, Incident.seq, Incident.version)).all()
    finally:
        engine.dispose()
    return {row.id: (row.seq, row.version) for row in rows}


def restart_and_sync(server_url: str, folder: Path, key: str) -> Workstation:
    ws = Workstation(server_url, "operator1", folder, key=key)
    assert ws.store.integrity_ok()
    ws.sync()
    return ws


@pytest.mark.parametrize("steps", [2, 9, 15])
def test_killed_in_the_middle_of_a_sync(steps, server, server_url, tmp_path):
    """Killed soon after `steps` batches or pages were stored: five pushes of one note each,
    then sixteen or more pages of four incidents."""
    rng = random.Random(steps)
    key, folder = secrets.token_hex(32), tmp_path / "operator1"
    ids = sorted(prepared_cache(server.url, folder, key))
    # Another user changes most incidents, so the next pull is many small pages.
    lead = Api(server.url, "supervisor1")
    lead.mutate(*[mutation("add_note", iid, {"text": f"lead {iid}"}) for iid in ids[:60]])
    mine = rng.sample(ids, 5)
    with FaultProxy(server.host, server.port, Faults(latency=0.02, bandwidth=48_000)) as proxy:
        child = Child(
            ["sync", str(folder), proxy.url, "operator1", "4", *map(str, mine)], key, "demo\n"
        )
        try:
            child.wait_for(lambda lines: sum(ln[:4] in ("push", "pull") for ln in lines) >= steps)
            time.sleep(rng.uniform(0, 0.1))
            lines = child.kill()
        finally:
            child.close()
    print(f"killed after {lines[-2:]}")
    assert "done" not in lines, "the sync finished before the kill: slow the link down"
    notes = reported_notes(lines)
    assert len(notes) == len(mine)

    store = CacheStore(folder / "cache.db", key)
    try:
        assert store.integrity_ok()
        # A note not in the outbox any more was acknowledged: the server's event is cached.
        with store.read() as conn:
            cursor = store.get_meta(conn, "cursor")
            cached_notes = {
                json.loads(data)["text"]
                for (data,) in conn.execute(
                    select(events.c.data).where(events.c.kind == "note", events.c.id > 0)
                )
            }
        waiting = outbox_notes(store)
        for mid, text in notes.items():
            assert mid in waiting or text in cached_notes, f"note {text!r} lost"
        # The cursor moved only with the pages stored: everything up to it is current.
        cached = {iid: row["version"] for iid, row in cached_rows(store).items()}
        for iid, (seq, version) in server_versions(server_url).items():
            assert cached[iid] <= version
            if seq <= cursor:
                assert cached[iid] == version, f"incident {iid} behind the stored cursor"
    finally:
        store.close()

    ws = restart_and_sync(server.url, folder, key)
    try:
        ledger = {mid: Written(MutationType.ADD_NOTE, 0, text) for mid, text in notes.items()}
        assert_each_write_accounted_for(server_url, ws, ledger)
        assert_cache_matches_server(ws, server.url)
    finally:
        ws.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_while_writing_locally(seed, server, server_url, tmp_path):
    rng = random.Random(seed)
    key, folder = secrets.token_hex(32), tmp_path / "operator1"
    cached = prepared_cache(server.url, folder, key)
    incident_id = min(iid for iid, row in cached.items() if row["status"] == "new")
    child = Child(["notes", str(folder), str(incident_id), f"kill {seed}"], key)
    try:
        child.wait_for(lambda lines: len(lines) >= 5)
        time.sleep(rng.uniform(0, 0.5))
        lines = child.kill()
    finally:
        child.close()
    print(f"killed after {len(lines)} notes")
    reported = reported_notes(lines)
    assert len(reported) >= 5

    store = CacheStore(folder / "cache.db", key)
    try:
        assert store.integrity_ok()
        kept = outbox_notes(store)
        for mid, text in reported.items():
            assert kept.get(mid) == text, f"committed note {text!r} lost"
        # At most the one write that committed just before the kill went unreported.
        extra = set(kept) - set(reported)
        assert len(extra) <= 1
        assert [kept[mid] for mid in extra] in ([], [f"kill {seed} {len(reported) + 1}"])
        view = cached_rows(store)[incident_id]
        assert view["pending"] == len(kept)
    finally:
        store.close()

    ws = restart_and_sync(server.url, folder, key)
    try:
        ledger = {mid: Written(MutationType.ADD_NOTE, incident_id, t) for mid, t in kept.items()}
        outcomes = assert_each_write_accounted_for(server_url, ws, ledger)
        assert outcomes == {"applied": len(kept)}
        assert_cache_matches_server(ws, server.url)
    finally:
        ws.close()
