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
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from sqlalchemy import func, select

from cur_desktop.models.backoff import backoff_delay
from cur_desktop.models.cache import first_fill
from cur_desktop.models.cache.incidents import (
    apply_page_rows,
    delete_incidents,
    refresh_sla_risk,
    sla_basis,
    sla_clock,
)
from cur_desktop.models.cache.repair import CacheFault
from cur_desktop.models.cache.schema import problems
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.contract import MAX_CHANGES_PAGE, ClientVersion
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
from .feed import FeedPage, FeedUnavailable, ProcessFeed, ThreadFeed
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
    #: Of `pages`, those a feed process made (a large first fill, `feed.py`).
    process_pages: int = 0
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


#: A pull hands over to a feed process once this many incidents came (`feed.py`): a process
#: costs about a second to start, which a first fill or a long absence's catching up of 5,000
#: repays and a poll's few changes not.
PROCESS_FEED_AFTER = 5_000


@dataclass
class _Fill:
    """Where a pull stands, carried from one feed to the next."""

    cursor: int
    first_fill_now: bool
    deferring: bool


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
        process_after: int | None = PROCESS_FEED_AFTER,
    ):
        """`defer_indexes`: a first fill builds the queue's indexes at its end
        (`models/cache/first_fill.py`); `pause_gc`: the pull runs with the cyclic garbage
        collector off (`gc_paused`). Both are off only to measure or compare against.
        `process_after`: a pull goes on in a feed process after this many incidents
        (`feed.py`); None: never."""
        self.client, self.store = client, store
        self.outbox = Outbox(store, client.clock)
        self.page_size, self.push_batch = page_size, push_batch
        self.defer_indexes, self.pause_gc = defer_indexes, pause_gc
        self.process_after = process_after
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

        The pages come from a feed (`feed.py`) that fetches and makes rows ahead while this
        thread writes. A large pull (a first fill, a long absence) hands over to a feed
        process once `process_after` incidents came, so that the writer has a GIL of its
        own; should that process fail, the pull goes on with threads.

        A first fill of more than one page builds the queue's secondary indexes once, in
        the transaction of its last page (`first_fill`); one cut short goes on so next time,
        still as a first fill.
        """
        with self.store.read() as conn:
            cursor = self.store.get_meta(conn, "cursor", 0)
            deferring = first_fill.filling(conn)
            clock = sla_clock(conn)
        # A fill cut short is still the first one when it goes on: what it brings was never
        # shown, so it is seen as it is (as it would have been without the interruption).
        fill = _Fill(cursor, first_fill_now=cursor == 0 or deferring, deferring=deferring)
        self._check_cancel()
        seen, cancel = fill.first_fill_now, self.cancel

        def threads(until: int | None = None) -> ThreadFeed:
            return ThreadFeed(
                self.client,
                fill.cursor,
                self.page_size,
                clock,
                seen=seen,
                cancel=cancel,
                until=until,
            )

        with gc_paused() if self.pause_gc else nullcontext():
            with threads(until=self.process_after) as feed:
                if self._write_pages(feed.pages(), fill, summary):
                    return
            self._check_cancel()
            with self.store.read() as conn:  # read only for a large pull, never for a poll
                basis = sla_basis(conn)
            try:
                process = ProcessFeed(
                    self.client, fill.cursor, self.page_size, basis, seen=seen, cancel=cancel
                )
                with process as feed:
                    log.info("the pull goes on in a feed process")  # what smoke.sh looks for
                    if self._write_pages(feed.pages(), fill, summary):
                        return
            except FeedUnavailable as exc:
                log.warning("the pull goes on without its feed process: %s", exc)
            self._check_cancel()
            with threads() as feed:
                if self._write_pages(feed.pages(), fill, summary):
                    return
            self._check_cancel()
            raise ProtocolError(  # a feed ended before the last page and nobody cancelled
                said("off_protocol", "Сервер прислал ответ не по протоколу"),
                detail="the changes feed ended early",
            )

    def _write_pages(self, pages: Iterator[FeedPage], fill: _Fill, summary: SyncSummary) -> bool:
        """Write what `pages` brings; True once the last page is written."""
        for page in pages:
            with self.store.write() as conn:
                me = self.store.get_meta(conn, "user", {}) or {}
                if fill.first_fill_now and page.has_more and self.defer_indexes:
                    first_fill.defer_indexes(conn)
                    fill.deferring = True
                if page.removed:
                    delete_incidents(conn, page.removed)
                # A new cache has seen everything: only later changes are news.
                apply_page_rows(
                    conn,
                    page.rows,
                    me,
                    seen=fill.first_fill_now,
                    server_states=page.server_states,
                )
                self.store.set_meta(conn, "cursor", page.cursor)
                if fill.deferring and not page.has_more:
                    first_fill.restore_indexes(conn)
            fill.cursor = page.cursor
            summary.pages += 1
            summary.process_pages += page.from_process
            summary.pulled += page.count
            summary.removed += len(page.removed)
            summary.touched |= set(page.rows.ids) | set(page.removed)
            self.progress("pull", summary.pulled)
            if not page.has_more:
                summary.cursor = fill.cursor
                return True
            self._check_cancel()
        return False

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
