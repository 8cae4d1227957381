"""Synchronisation: push the outbox, then pull changes page by page, then reference data.

`SyncCore` does one full sync with blocking calls (the headless command and the tests use it
directly). `SyncEngine` runs it on a schedule inside an asyncio loop (qasync in the UI): on a
timer, at once after a local change, and on demand, backing off with jitter while the server
cannot be reached, and reporting its state through plain callbacks the UI turns into signals.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from sqlalchemy import func, select

from cur_desktop.models.backoff import backoff_delay
from cur_desktop.models.cache import first_fill
from cur_desktop.models.cache.incidents import (
    IncidentState,
    apply_server_incidents,
    delete_incidents,
    prepare_incidents,
    refresh_sla_risk,
)
from cur_desktop.models.cache.repair import CacheFault
from cur_desktop.models.cache.schema import problems
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.contract import MAX_CHANGES_PAGE, ChangesPage, ClientVersion
from cur_desktop.models.said import said

from .client import (
    ApiClient,
    AuthFailed,
    ClientTooOld,
    ProtocolError,
    RequestRejected,
    ServerBusy,
    SyncError,
    Unreachable,
    newer_version,
    outdated,
)
from .outbox import Outbox

log = logging.getLogger(__name__)


class SyncState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    ERROR = "error"


SYNC_STATE_LABELS = {
    SyncState.ONLINE: "В сети",
    SyncState.OFFLINE: "Нет связи с сервером",
    SyncState.SYNCING: "Синхронизация…",
    SyncState.ERROR: "Ошибка синхронизации",
}


class Cancelled(Exception):
    pass


@dataclass
class SyncSummary:
    pulled: int = 0
    removed: int = 0
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pages: int = 0
    cursor: int = 0
    bytes_received: int = 0
    wire_bytes: int = 0
    reference_updated: bool = False
    seconds: float = 0.0
    touched: set[int] = field(default_factory=set)

    def as_json(self) -> dict:
        d = asdict(self)
        d.pop("touched")
        return d


Progress = Callable[[str, int], None]

#: Incidents asked for per page: the most the server gives. A poll brings a few anyway; a first
#: fill of 100k makes half the round trips and transactions of pages of 500 (bench/sync.py).
DEFAULT_PULL_PAGE = MAX_CHANGES_PAGE


class _GcPause:
    """Counts the pulls under way; the collector is off while any is, as it was after."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.was_enabled = False


_gc_pause = _GcPause()


@contextmanager
def gc_paused():
    """The cyclic garbage collector off while a pull runs (nested and threaded uses count).

    A page of 1,000 incidents makes some half a million small objects (validated models, rows,
    tuples), and every few hundred allocations the collector walked the young ones again:
    two thirds of the JSON validation's time and a third of building the rows' tuples went
    to it (py-spy, bench/README.md). What a page makes is freed by reference counting; the
    few cycles (HTTP responses) wait until the pull ends, when collection resumes.
    """
    with _gc_pause.lock:
        if _gc_pause.holders == 0:
            _gc_pause.was_enabled = gc.isenabled()
            gc.disable()
        _gc_pause.holders += 1
    try:
        yield
    finally:
        with _gc_pause.lock:
            _gc_pause.holders -= 1
            if _gc_pause.holders == 0 and _gc_pause.was_enabled:
                gc.enable()


class SyncCore:
    def __init__(
        self,
        client: ApiClient,
        store: CacheStore,
        *,
        page_size: int = DEFAULT_PULL_PAGE,
        push_batch: int = 100,
        progress: Progress | None = None,
        defer_indexes: bool = True,
        pause_gc: bool = True,
    ):
        """`defer_indexes`: a first fill builds the queue's indexes at its end
        (`models/cache/first_fill.py`); `pause_gc`: the pull runs with the cyclic garbage
        collector off (`gc_paused`). Both are off only to measure or compare against."""
        self.client, self.store = client, store
        self.outbox = Outbox(store, client.clock)
        self.page_size, self.push_batch = page_size, push_batch
        self.defer_indexes, self.pause_gc = defer_indexes, pause_gc
        self.progress = progress or (lambda phase, done: None)
        self.cancel = threading.Event()
        #: What the server says of workstation versions; asked once, at the first sync.
        self.versions: ClientVersion | None = None
        self._versions_asked = False

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled

    def check_versions(self) -> None:
        if self._versions_asked:
            return
        try:
            self.versions = self.client.client_version()
        except (RequestRejected, ProtocolError) as exc:  # a server before version checks
            log.info("the server publishes no workstation versions (%s)", type(exc).__name__)
        self._versions_asked = True

    @property
    def newer_version(self) -> str | None:
        """A newer workstation version the server announces; only said, never downloaded."""
        return newer_version(self.versions)

    def push(self, summary: SyncSummary) -> None:
        if outdated(self.versions) and self.outbox.pending_count():
            # The server would refuse them too; they wait in the outbox for a newer version.
            raise ClientTooOld(self.versions.current)
        while True:
            self._check_cancel()
            entries = self.outbox.next_batch(self.push_batch)
            if not entries:
                return
            try:
                results = self.client.mutations(Outbox.wire(entries))
            except SyncError as exc:
                self.outbox.note_failure(entries, exc.message)
                raise
            settled = self.outbox.settle(entries, results)
            summary.pushed += len(entries)
            summary.applied += settled.applied
            summary.duplicates += settled.duplicates
            summary.conflicts += settled.conflicts
            summary.rejected += settled.rejected
            summary.touched |= settled.incidents
            self.progress("push", summary.pushed)
            if not settled.incidents:  # nothing we sent was answered: the same batch would loop
                error = ProtocolError(said("no_results", "Сервер не ответил ни на одно изменение"))
                self.outbox.note_failure(entries, error.message)
                raise error

    def pull(self, summary: SyncSummary) -> None:
        """Fetch pages of changes and apply each in one transaction with its cursor.

        A pipeline of three, one thread each, so that the server, the network and both
        halves of the client's work overlap: while page N is written here, page N+1 is
        turned into rows (`prepare_incidents`) and page N+2 is being fetched. Still one
        request at a time; an error or a cancel waits for the work in flight to end.

        A first fill of more than one page builds the queue's secondary indexes once, in
        the transaction of its last page (`first_fill`); one cut short goes on so next time,
        still as a first fill.
        """
        with self.store.read() as conn:
            cursor = self.store.get_meta(conn, "cursor", 0)
            deferring = first_fill.filling(conn)
        # A fill cut short is still the first one when it goes on: what it brings was never
        # shown, so it is seen as it is (as it would have been without the interruption).
        first_fill_now = cursor == 0 or deferring
        self._check_cancel()
        with (
            gc_paused() if self.pause_gc else nullcontext(),
            ThreadPoolExecutor(1, thread_name_prefix="cur-pull-http") as http,
            ThreadPoolExecutor(1, thread_name_prefix="cur-pull-rows") as rows,
        ):
            fetched = http.submit(self.client.changes, cursor, self.page_size)
            ready = rows.submit(self._next_page, cursor, fetched, http)
            while True:
                page, prepared, fetched = ready.result()
                if fetched is not None:
                    ready = rows.submit(self._next_page, page.cursor, fetched, http)
                with self.store.write() as conn:
                    me = self.store.get_meta(conn, "user", {}) or {}
                    if first_fill_now and page.has_more and self.defer_indexes:
                        first_fill.defer_indexes(conn)
                        deferring = True
                    if page.removed:
                        delete_incidents(conn, page.removed)
                    # A new cache has seen everything: only later changes are news.
                    apply_server_incidents(
                        conn, page.items, me, seen=first_fill_now, prepared=prepared
                    )
                    self.store.set_meta(conn, "cursor", page.cursor)
                    if deferring and not page.has_more:
                        first_fill.restore_indexes(conn)
                cursor = page.cursor
                summary.pages += 1
                summary.pulled += len(page.items)
                summary.removed += len(page.removed)
                summary.touched |= {i.id for i in page.items} | set(page.removed)
                self.progress("pull", summary.pulled)
                if not page.has_more:
                    summary.cursor = cursor
                    return
                self._check_cancel()

    def _next_page(
        self, cursor: int, fetched: Future, http: ThreadPoolExecutor
    ) -> tuple[ChangesPage, list[IncidentState], Future | None]:
        """On the rows thread: wait for the page asked for after `cursor`, ask for the next
        one at once, then make this one's rows."""
        page = fetched.result()
        if page.has_more and page.cursor <= cursor:  # asking again would loop forever
            detail = f"cursor {cursor} -> {page.cursor}"
            raise ProtocolError(
                said("off_protocol", "Сервер прислал ответ не по протоколу"), detail=detail
            )
        ahead = None
        if page.has_more and not self.cancel.is_set():
            ahead = http.submit(self.client.changes, page.cursor, self.page_size)
        return page, prepare_incidents(page.items), ahead

    def pull_reference(self, summary: SyncSummary) -> None:
        with self.store.read() as conn:
            etag = self.store.get_meta(conn, "reference_etag")
        reference, new_etag = self.client.reference(etag)
        if reference is None:
            return
        with self.store.write() as conn:
            self.store.set_meta(conn, "reference", reference.model_dump(mode="json"))
            self.store.set_meta(conn, "reference_etag", new_etag)
            # «Под угрозой» moments depend on the region's calendar, which has just arrived
            # (or changed): incidents pulled before it were timed with the default one.
            refresh_sla_risk(conn)
        summary.reference_updated = True

    def sync_once(self) -> SyncSummary:
        """Push, then pull: the server sees local work before we read its state back."""
        self.cancel.clear()
        started = time.monotonic()
        bytes_before, wire_before = self.client.bytes_received, self.client.wire_bytes
        summary = SyncSummary()
        self.check_versions()
        try:
            self.push(summary)
        except ClientTooOld as exc:
            too_old = exc  # an outdated workstation still reads, and then says why it cannot write
        else:
            too_old = None
        self.pull(summary)
        self.pull_reference(summary)
        if too_old is not None:
            raise too_old
        # Every sync, even an empty one: not a queue change (kept counts stay valid).
        with self.store.write(touches_queue=False) as conn:
            self.store.set_meta(conn, "last_sync_at", int(self.client.clock.timestamp()))
        summary.bytes_received = self.client.bytes_received - bytes_before
        summary.wire_bytes = self.client.wire_bytes - wire_before
        summary.seconds = round(time.monotonic() - started, 3)
        return summary

    def counts(self) -> dict[str, int]:
        with self.store.read() as conn:
            open_problems = select(func.count()).select_from(problems)
            open_problems = open_problems.where(problems.c.resolved_at.is_(None))
            kept = {
                outcome: conn.execute(open_problems.where(problems.c.outcome == outcome)).scalar()
                for outcome in ("conflict", "rejected")
            }
        return {
            "outbox_pending": self.outbox.pending_count(),
            "conflicts": kept["conflict"],
            "rejected": kept["rejected"],
        }


class SyncEngine:
    def __init__(
        self,
        core: SyncCore,
        *,
        interval: float = 15.0,
        backoff_base: float = 1.0,
        backoff_cap: float = 300.0,
        on_state: Callable[[SyncState, str | None], None] | None = None,
        on_synced: Callable[[SyncSummary], None] | None = None,
        executor: ThreadPoolExecutor | None = None,
        rand: Callable[[], float] = random.random,
    ):
        self.core = core
        self.interval, self.backoff_base, self.backoff_cap = interval, backoff_base, backoff_cap
        self.on_state = on_state or (lambda state, message: None)
        self.on_synced = on_synced or (lambda summary: None)
        self._owns_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(1, thread_name_prefix="cur-sync")
        self._rand = rand
        self.state = SyncState.OFFLINE
        self.failures = 0
        self.last_error: SyncError | None = None
        self.last_summary: SyncSummary | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False
        self._not_before = 0.0
        self._rounds = 0
        self._round_done: asyncio.Condition | None = None

    def _set_state(self, state: SyncState, message: str | None = None) -> None:
        self.state = state
        self.on_state(state, message)

    def trigger(self) -> None:
        """Sync soon (after a local change). Safe to call from any thread."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def stop(self) -> None:
        self._stopping = True
        self.core.cancel.set()
        self.trigger()

    async def sync_now(self, timeout: float | None = None) -> SyncSummary | None:
        """Ask for a sync and wait until a round has finished (successfully or not)."""
        assert self._round_done is not None, "engine is not running"
        target = self._rounds + 1
        self.trigger()
        async with self._round_done:
            await asyncio.wait_for(
                self._round_done.wait_for(lambda: self._rounds >= target), timeout
            )
        return self.last_summary

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._round_done = asyncio.Condition()
        try:
            while not self._stopping:
                delay = await self._round()
                await self._sleep(delay)
        finally:
            # Also when the task is cancelled: the worker stops at the next page, not the last.
            self.core.cancel.set()
            if self._owns_executor:
                self._executor.shutdown(wait=False, cancel_futures=True)
            self._loop = None

    async def _round(self) -> float:
        self._wake.clear()  # this round covers what came before; a trigger from now on counts
        self._set_state(SyncState.SYNCING)
        delay = self.interval
        try:
            summary = await self._loop.run_in_executor(self._executor, self.core.sync_once)
        except Cancelled:
            summary = None
        except (Unreachable, ServerBusy) as exc:
            self.failures += 1
            self.last_error = exc
            delay = backoff_delay(self.failures, self.backoff_base, self.backoff_cap, self._rand)
            if isinstance(exc, ServerBusy) and exc.retry_after:
                delay = max(delay, exc.retry_after)
                self._not_before = time.monotonic() + exc.retry_after
            log.info("sync failed (%s), retrying in %.1f s", type(exc).__name__, delay)
            self._set_state(SyncState.OFFLINE, exc.message)
        except AuthFailed as exc:
            self.last_error = exc
            self._set_state(SyncState.ERROR, exc.message)
        except (SyncError, CacheFault) as exc:  # e.g. a full disk: retried, nothing lost
            self.failures += 1
            self.last_error = exc
            delay = backoff_delay(self.failures, self.backoff_base, self.backoff_cap, self._rand)
            log.warning("sync error %s: %s", type(exc).__name__, exc.detail)
            self._set_state(SyncState.ERROR, exc.message)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop syncing for the session
            self.failures += 1
            name = type(exc).__name__
            self.last_error = SyncError(
                said("internal", "Внутренняя ошибка синхронизации"), detail=name
            )
            delay = backoff_delay(self.failures, self.backoff_base, self.backoff_cap, self._rand)
            log.exception("unexpected error during sync")
            self._set_state(SyncState.ERROR, self.last_error.message)
        else:
            if summary is not None:
                self.failures, self.last_error, self.last_summary = 0, None, summary
                self._set_state(SyncState.ONLINE)
                self.on_synced(summary)
        async with self._round_done:
            self._rounds += 1
            self._round_done.notify_all()
        return delay

    async def _sleep(self, delay: float) -> None:
        """Wait for the timer or a trigger; a trigger never cuts short a server's Retry-After."""
        deadline = time.monotonic() + delay
        while not self._stopping:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                await asyncio.wait_for(self._wake.wait(), remaining)
            except TimeoutError:
                return
            if self._stopping or time.monotonic() >= self._not_before:
                return
            self._wake.clear()  # too early for the server: wait on
