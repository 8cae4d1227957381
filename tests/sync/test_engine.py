"""The asyncio sync engine: states and callbacks, prompt syncs after local changes, backoff while
the server is away, Retry-After, a clean stop, and cancellation between pages.

Each test runs the engine with `asyncio.run`, as the UI's qasync loop would, against the real
reference server (or a port nobody answers on, or a tiny server that only says 503).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cur_desktop.models.cache.store import CacheStore
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.client import ApiClient, ServerBusy, Unreachable
from cur_desktop.sync.engine import SyncCore, SyncEngine, SyncState, SyncSummary
from cur_desktop.sync.outbox import Outbox
from cur_server.embedded import EmbeddedServer
from tests.conftest import SEED_INCIDENTS
from tests.server.api import Api
from tests.sync.seeded import seeded_copy


@pytest.fixture
def server_url(tmp_path) -> str:
    return seeded_copy(tmp_path / "server")


@pytest.fixture
def dead_url():
    """A port that refuses connections: bound (so nobody else takes it) but not listening."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


@pytest.fixture
def store(tmp_path):
    opened = CacheStore(tmp_path / "lonely" / "cache.db", secrets.token_hex(32))
    yield opened
    opened.close()


@dataclass
class Recorder:
    """What the engine reported, with the (monotonic) time it said it."""

    states: list[tuple[float, SyncState, str | None]] = field(default_factory=list)
    synced: list[SyncSummary] = field(default_factory=list)
    progress: list[tuple[str, int]] = field(default_factory=list)

    def on_state(self, state: SyncState, message: str | None) -> None:
        self.states.append((time.monotonic(), state, message))

    def on_synced(self, summary: SyncSummary) -> None:
        self.synced.append(summary)

    def on_progress(self, phase: str, done: int) -> None:
        self.progress.append((phase, done))

    def kinds(self) -> list[SyncState]:
        return [s for _, s, _ in self.states]

    def times(self, state: SyncState) -> list[float]:
        return [t for t, s, _ in self.states if s is state]


def make_engine(core: SyncCore, rec: Recorder, **kw) -> SyncEngine:
    core.progress = rec.on_progress
    return SyncEngine(core, on_state=rec.on_state, on_synced=rec.on_synced, **kw)


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Seconds it took for `condition` to hold; fails the test after `timeout`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)
    return time.monotonic() - started


async def stopped(engine: SyncEngine, task: asyncio.Task, timeout: float = 3.0) -> None:
    engine.stop()
    await asyncio.wait_for(task, timeout)


# --- states, callbacks and prompt syncs ----------------------------------------------------------


def test_first_sync_reports_progress_and_goes_online(workstation):
    ws = workstation("operator1")
    rec = Recorder()
    engine = make_engine(ws.core, rec, interval=60)

    async def scenario() -> None:
        task = asyncio.create_task(engine.run())
        await wait_until(lambda: rec.synced, 20, "the first sync")
        assert engine.state is SyncState.ONLINE
        summary = await engine.sync_now(timeout=15)
        assert summary is not None and summary.pulled == 0
        await stopped(engine, task)

    asyncio.run(scenario())
    assert rec.kinds() == [SyncState.SYNCING, SyncState.ONLINE] * 2
    assert rec.progress == [("pull", 50), ("pull", SEED_INCIDENTS), ("pull", 0)]  # pages of 50
    assert rec.synced[0].pulled == SEED_INCIDENTS == len(ws.incidents())
    assert (engine.failures, engine.last_error) == (0, None)


def test_local_change_is_pushed_promptly_not_at_the_next_interval(workstation, server):
    ws = workstation("operator1")
    rec = Recorder()
    engine = make_engine(ws.core, rec, interval=60)
    actions = LocalActions(ws.store, on_change=engine.trigger)

    async def scenario() -> float:
        task = asyncio.create_task(engine.run())
        await wait_until(lambda: rec.synced, 20, "the first sync")
        inc = ws.first(status="new", assignee_id=None)
        actions.claim(inc["id"])
        took = await wait_until(lambda: len(rec.synced) == 2, 15, "the triggered sync")
        await stopped(engine, task)
        return took

    took = asyncio.run(scenario())
    assert took < 15  # the interval is a minute
    assert (rec.synced[1].pushed, rec.synced[1].applied) == (1, 1)
    assert Outbox(ws.store).pending_count() == 0
    claimed = [i for i, r in ws.incidents().items() if r["assignee_id"] == ws.user_id]
    on_server = Api(server.url, "supervisor1").get(f"/api/v1/incidents/{claimed[0]}").json()
    assert on_server["assignee_id"] == ws.user_id


def test_change_made_during_a_sync_is_not_left_for_the_next_interval(workstation):
    """A trigger that arrives while a round runs (after its push) must start another round."""
    ws = workstation("operator1")
    rec = Recorder()
    engine = make_engine(ws.core, rec, interval=60)
    actions = LocalActions(ws.store, on_change=engine.trigger)
    noted: list[str] = []

    def progress(phase: str, done: int) -> None:
        rec.on_progress(phase, done)
        if phase == "pull" and not noted:  # first page of the first sync is in the cache
            first = min(ws.incidents())
            noted.append(actions.add_note(first, "Пока шла синхронизация"))

    ws.core.progress = progress

    async def scenario() -> None:
        task = asyncio.create_task(engine.run())
        # Generous limits: they only bound a failure, and a loaded machine is slow.
        await wait_until(lambda: rec.synced, 60, "the first sync")
        assert rec.synced[0].pushed == 0 and noted
        # Well under the minute's interval, so only the trigger can have started it.
        await wait_until(lambda: len(rec.synced) == 2, 40, "a second round at once")
        await stopped(engine, task)

    asyncio.run(scenario())
    assert rec.synced[1].pushed == 1  # the interval is a minute: this was the trigger
    assert Outbox(ws.store).pending_count() == 0


# --- an absent or busy server --------------------------------------------------------------------


def test_offline_until_the_server_comes_back_then_the_outbox_drains_by_itself(
    workstation, server, server_url
):
    ws = workstation("operator1")
    ws.sync()
    later = EmbeddedServer(server_url)  # same database; its port refuses until it starts
    ws.client.base_url = later.url
    rec = Recorder()
    engine = make_engine(ws.core, rec, interval=60, backoff_base=0.1, backoff_cap=0.4)
    actions = LocalActions(ws.store, on_change=engine.trigger)

    async def scenario() -> None:
        task = asyncio.create_task(engine.run())
        await wait_until(lambda: SyncState.OFFLINE in rec.kinds(), 10, "offline")
        inc = ws.first(status="new", assignee_id=None)
        actions.claim(inc["id"])  # offline: kept locally, the engine tries and fails again
        assert ws.incident(inc["id"])["assignee_id"] == ws.user_id
        await wait_until(lambda: engine.failures >= 3, 10, "more failed rounds")
        assert Outbox(ws.store).pending_count() == 1
        await asyncio.to_thread(later.start)  # no local write from here on
        await wait_until(lambda: engine.state is SyncState.ONLINE, 15, "online again")
        await stopped(engine, task)

    try:
        asyncio.run(scenario())
    finally:
        later.stop()
    kinds = rec.kinds()
    assert kinds[:2] == [SyncState.SYNCING, SyncState.OFFLINE]
    assert kinds[-2:] == [SyncState.SYNCING, SyncState.ONLINE]
    assert set(kinds[:-1]) == {SyncState.SYNCING, SyncState.OFFLINE}
    assert kinds[::2] == [SyncState.SYNCING] * len(kinds[::2])  # each round reports once
    assert rec.states[1][2] == "Сервер недоступен"
    assert ("push", 1) in rec.progress
    assert (rec.synced[-1].pushed, rec.synced[-1].applied) == (1, 1)
    assert Outbox(ws.store).pending_count() == 0
    assert engine.failures == 0 and engine.last_error is None


def test_backoff_grows_while_unreachable_and_stops_at_the_cap(dead_url, store):
    rec = Recorder()
    core = SyncCore(ApiClient(dead_url, timeout=(1.0, 1.0)), store)
    # rand() == 1: the delay is the whole step, 0.05, 0.1, 0.2, 0.4, then the cap of 0.4
    engine = make_engine(core, rec, interval=60, backoff_base=0.05, backoff_cap=0.4, rand=lambda: 1)

    async def scenario() -> None:
        task = asyncio.create_task(engine.run())
        await wait_until(lambda: engine.failures >= 7, 20, "seven failed rounds")
        await stopped(engine, task)

    asyncio.run(scenario())
    offline, syncing = rec.times(SyncState.OFFLINE), rec.times(SyncState.SYNCING)
    gaps = [start - failed for failed, start in zip(offline, syncing[1:], strict=False)]
    expected = [0.05, 0.1, 0.2, 0.4, 0.4, 0.4]
    assert len(gaps) >= len(expected)
    for gap, delay in zip(gaps, expected, strict=False):
        assert gap >= delay * 0.9, (gaps, expected)
    assert gaps[5] < 1.2, gaps  # capped at 0.4 (uncapped it would be 1.6)
    assert isinstance(engine.last_error, Unreachable)
    assert {m for _, s, m in rec.states if s is SyncState.OFFLINE} == {"Сервер недоступен"}


class BusyServer:
    """Answers everything with `status`, a Retry-After and a proper error body."""

    def __init__(self, status: int, retry_after: str):
        self.requests: list[float] = []
        busy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                busy.requests.append(time.monotonic())
                body = json.dumps(
                    {"error": "maintenance", "message": "Техническое обслуживание"}
                ).encode()
                self.send_response(status)
                self.send_header("Retry-After", retry_after)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> BusyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize("status", [503, 429])
def test_retry_after_is_honoured_even_against_triggers(status, store):
    rec = Recorder()
    with BusyServer(status, retry_after="1") as busy:
        core = SyncCore(ApiClient(busy.url, timeout=(1.0, 1.0)), store)
        engine = make_engine(core, rec, interval=60, backoff_base=0.01, backoff_cap=0.02)

        async def scenario() -> None:
            task = asyncio.create_task(engine.run())
            await wait_until(lambda: busy.requests, 5, "the first request")
            for _ in range(5):  # local changes keep coming: the server said to wait
                await asyncio.sleep(0.1)
                engine.trigger()
            await wait_until(lambda: len(busy.requests) >= 2, 5, "the retry")
            await stopped(engine, task)

        asyncio.run(scenario())
    first, second = busy.requests[:2]
    assert second - first >= 0.95  # without Retry-After the backoff would be 0.02 s
    assert isinstance(engine.last_error, ServerBusy)
    assert (engine.last_error.status, engine.last_error.retry_after) == (status, 1.0)
    assert rec.states[1][1:] == (SyncState.OFFLINE, "Техническое обслуживание")


# --- stopping and cancelling ---------------------------------------------------------------------


def _sync_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("cur-sync")}


def test_stop_ends_the_engine_and_its_worker_promptly(workstation):
    ws = workstation("operator1")
    rec = Recorder()
    before = _sync_threads()
    engine = make_engine(ws.core, rec, interval=60)

    async def scenario() -> float:
        task = asyncio.create_task(engine.run())
        await wait_until(lambda: rec.synced, 20, "the first sync")
        started = time.monotonic()
        await stopped(engine, task, timeout=2)
        assert task.exception() is None
        engine.trigger()  # harmless after the end
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 3.0  # not the minute of the interval
    assert rec.kinds() == [SyncState.SYNCING, SyncState.ONLINE]
    for thread in _sync_threads() - before:
        thread.join(2)
        assert not thread.is_alive(), "the engine's worker thread outlived it"


def _cancel_after_two_pages(ws, rec: Recorder, cancel: Callable[[], None]) -> None:
    ws.core.page_size = 5

    def progress(phase: str, done: int) -> None:
        rec.on_progress(phase, done)
        if (phase, done) == ("pull", 10):
            cancel()
            time.sleep(0.2)  # let the cancel land before the next page is asked for

    ws.core.progress = progress


def _assert_consistent_after_cancel(ws, pages_done: int) -> None:
    cached = ws.incidents()
    assert len(cached) == pages_done * 5
    assert ws.store.integrity_ok()
    with ws.store.read() as conn:
        assert ws.store.get_meta(conn, "last_sync_at") is None  # the sync did not finish
    ws.core.progress = lambda phase, done: None
    summary = ws.sync()  # resumes from the stored cursor: no gap, nothing twice
    assert summary.pulled == SEED_INCIDENTS - len(cached)
    assert len(ws.incidents()) == SEED_INCIDENTS


def test_stop_between_pages_leaves_the_cache_consistent(workstation):
    ws = workstation("operator1")
    rec = Recorder()
    engine = make_engine(ws.core, rec, interval=60)
    _cancel_after_two_pages(ws, rec, engine.stop)

    async def scenario() -> None:
        await asyncio.wait_for(engine.run(), 10)  # ends by itself once stopped

    asyncio.run(scenario())
    assert rec.synced == [] and rec.kinds() == [SyncState.SYNCING]
    assert [p for p in rec.progress if p[0] == "pull"] == [("pull", 5), ("pull", 10)]
    _assert_consistent_after_cancel(ws, pages_done=2)


def test_cancelling_the_engine_task_stops_the_worker_between_pages(workstation):
    ws = workstation("operator1")
    rec = Recorder()
    executor = ThreadPoolExecutor(1, thread_name_prefix="test-sync")
    engine = make_engine(ws.core, rec, interval=60, executor=executor)

    async def scenario() -> None:
        task = asyncio.create_task(engine.run())
        loop = asyncio.get_running_loop()
        _cancel_after_two_pages(ws, rec, lambda: loop.call_soon_threadsafe(task.cancel))
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, 10)
        await asyncio.wrap_future(executor.submit(lambda: None))  # the worker is idle again

    try:
        asyncio.run(scenario())
    finally:
        executor.shutdown()
    assert rec.synced == []
    assert [p for p in rec.progress if p[0] == "pull"] == [("pull", 5), ("pull", 10)]
    _assert_consistent_after_cancel(ws, pages_done=2)
