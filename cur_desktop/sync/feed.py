"""Where a pull's pages come from: fetched, validated and made into rows ahead of the writer.

Two feeds give the sync engine the same `FeedPage`s:

- `ThreadFeed`: two threads of this process, one fetching page N+2 while the other makes the
  rows of page N+1 and the engine writes page N. Enough for a poll and a small fill.
- `ProcessFeed`: the same feed run in a process of its own, for a large pull (a first fill,
  catching up after a long absence). In one
  process the feed's Python work and the writer share one GIL, and SQLite gives it up for every
  row it steps and must wait to take it back: at 100k incidents the writer spent 59 s in its
  transactions for 36 s of CPU (bench/README.md). In a process of its own the feed costs the
  writer nothing but unpickling the rows.

The process gets the access token in memory (never on a command line or in a file); it does not
refresh it: a 401 there ends the process feed, and the engine goes on with a `ThreadFeed`,
whose client refreshes as every other call does. Whatever else breaks the process (it cannot
start, it dies) does the same; errors of the server or the network are raised as they are.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import pickle
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from cur_desktop.models.cache.incidents import PageRows, prepare_page, sla_clock_of
from cur_desktop.models.contract import ChangesPage
from cur_desktop.models.said import said
from cur_desktop.models.sla import SlaClock

from .client import ApiClient, AuthFailed, ProtocolError, SyncError

log = logging.getLogger(__name__)

#: How often a wait for the process looks whether it is still alive or the pull cancelled.
_POLL = 0.2
#: How long the end of a pull waits for the process to leave before it is killed.
_EXIT_WAIT = 2.0


@dataclass
class FeedPage:
    """A page of `/changes` made into rows; picklable, so a process can hand it over."""

    cursor: int
    has_more: bool
    removed: list[int]
    rows: PageRows
    #: The answer's JSON: read again only for incidents with local work (`server_states`).
    body: bytes
    #: Decoded and wire bytes of the answer (the process's client counts them, not ours).
    bytes_received: int = 0
    wire_bytes: int = 0
    from_process: bool = False

    @property
    def count(self) -> int:
        return len(self.rows.ids)

    def server_states(self, ids: set[int]) -> dict[int, dict[str, Any]]:
        """The wire JSON of these incidents of the page (they have local work: kept aside)."""
        page = ChangesPage.model_validate_json(self.body)
        return {i.id: i.model_dump(mode="json") for i in page.items if i.id in ids}


class FeedUnavailable(Exception):
    """The process feed cannot go on (not started, died, its token expired): use threads."""


def _checked(cursor: int, page: ChangesPage) -> None:
    if page.has_more and page.cursor <= cursor:  # asking again would loop forever
        raise ProtocolError(
            said("off_protocol", "Сервер прислал ответ не по протоколу"),
            detail=f"cursor {cursor} -> {page.cursor}",
        )


class ThreadFeed:
    """Pages after `cursor`, fetched and made into rows on two threads of this process.

    `until`: stop fetching ahead once this many incidents came, and end there (the engine
    hands a large pull over to a `ProcessFeed`). Still one request at a time; leaving
    the `with` block waits for the work in flight.
    """

    def __init__(
        self,
        client: ApiClient,
        cursor: int,
        page_size: int,
        clock: SlaClock,
        *,
        seen: bool,
        cancel: threading.Event,
        until: int | None = None,
    ):
        self.client, self.cursor, self.page_size, self.clock = client, cursor, page_size, clock
        self.seen, self.cancel, self.until = seen, cancel, until
        self._came = 0

    def __enter__(self) -> ThreadFeed:
        self._http = ThreadPoolExecutor(1, thread_name_prefix="cur-pull-http")
        self._rows = ThreadPoolExecutor(1, thread_name_prefix="cur-pull-rows")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._rows.shutdown(wait=True)
        self._http.shutdown(wait=True)

    def pages(self) -> Iterator[FeedPage]:
        fetched = self._http.submit(self._fetch, self.cursor)
        ready = self._rows.submit(self._next_page, self.cursor, fetched)
        while True:
            page, fetched = ready.result()
            if fetched is not None:
                ready = self._rows.submit(self._next_page, page.cursor, fetched)
            yield page
            if fetched is None:
                return

    def _fetch(self, cursor: int) -> tuple[ChangesPage, bytes, int, int]:
        received, wire = self.client.bytes_received, self.client.wire_bytes
        page, body = self.client.changes_with_body(cursor, self.page_size)
        return (
            page,
            body,
            self.client.bytes_received - received,
            self.client.wire_bytes - wire,
        )

    def _next_page(self, cursor: int, fetched: Future) -> tuple[FeedPage, Future | None]:
        """On the rows thread: wait for the page asked for after `cursor`, ask for the next
        one at once (unless this is where the feed ends), then make this one's rows."""
        changes, body, received, wire = fetched.result()
        _checked(cursor, changes)
        self._came += len(changes.items)
        ahead = None
        if (
            changes.has_more
            and not self.cancel.is_set()
            and (self.until is None or self._came < self.until)
        ):
            ahead = self._http.submit(self._fetch, changes.cursor)
        rows = prepare_page(changes.items, self.clock, seen=self.seen)
        page = FeedPage(
            changes.cursor, changes.has_more, changes.removed, rows, body, received, wire
        )
        return page, ahead


@dataclass(frozen=True)
class _FeedJob:
    """What the process needs to fetch and prepare pages as the parent's client would."""

    base_url: str
    verify: str
    timeout: tuple[float, float]
    max_response_bytes: int
    access_token: str | None
    cursor: int
    page_size: int
    sla_basis: dict[str, Any]
    seen: bool


def _run_feed(job: _FeedJob, out: Connection) -> None:
    """The process's main: a `ThreadFeed` whose pages go to the parent through `out`.

    It ends when the feed does, or when the parent stops reading (it closed its end, or died):
    the next page handed over finds the pipe broken.
    """
    gc.disable()  # everything here is freed by reference counting, and the process is short
    client = ApiClient(
        job.base_url,
        ca_bundle=job.verify,
        timeout=job.timeout,
        max_response_bytes=job.max_response_bytes,
    )
    client.access_token = job.access_token
    feed = ThreadFeed(
        client,
        job.cursor,
        job.page_size,
        sla_clock_of(job.sla_basis),
        seen=job.seen,
        cancel=threading.Event(),  # never set: the parent ends it by closing the pipe
    )
    try:
        try:
            with feed:
                for page in feed.pages():
                    out.send(("page", page))
        except SyncError as exc:
            out.send(("error", type(exc), exc.args, vars(exc)))
        except (BrokenPipeError, EOFError, ConnectionResetError):
            pass  # the parent left
        except Exception as exc:  # a defect: the parent goes on with threads and logs it
            out.send(("broken", f"{type(exc).__name__}: {exc}"))
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        out.close()


def _rebuilt(cls: type[SyncError], args: tuple, state: dict[str, Any]) -> SyncError:
    """The process's error as ours (SyncError subclasses take keyword-only arguments that
    pickling by `args` alone would lose)."""
    exc = cls.__new__(cls)
    Exception.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc


class ProcessFeed:
    """Pages after `cursor` from a process of its own (see the module's docstring)."""

    def __init__(
        self,
        client: ApiClient,
        cursor: int,
        page_size: int,
        sla_basis: dict[str, Any],
        *,
        seen: bool,
        cancel: threading.Event,
    ):
        self.client, self.cancel = client, cancel
        self.job = _FeedJob(
            client.base_url,
            client.verify,
            tuple(client.timeout),
            client.max_response_bytes,
            client.access_token,
            cursor,
            page_size,
            sla_basis,
            seen,
        )

    def __enter__(self) -> ProcessFeed:
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        # A pipe holds about a page ahead besides the one the process has in hand; its end
        # closing is the only signal either side needs (no locks or semaphores to leak).
        self._in, out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run_feed, args=(self.job, out), name="cur-pull-feed", daemon=True
        )
        try:
            self._process.start()
        except Exception as exc:  # no process here (a sandbox, a frozen build without support)
            self._in.close()
            raise FeedUnavailable(f"the feed process did not start: {exc}") from exc
        finally:
            out.close()  # the process's end, ours no more
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._in.close()
        self._process.join(_EXIT_WAIT)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._process.close()

    def pages(self) -> Iterator[FeedPage]:
        while True:
            message = self._receive()
            if message is None:  # cancelled: the engine says so
                return
            kind, *rest = message
            if kind == "error":
                exc = _rebuilt(*rest)
                if isinstance(exc, AuthFailed):
                    raise FeedUnavailable("the feed process's token was refused")
                raise exc
            if kind == "broken":
                raise FeedUnavailable(rest[0])
            page: FeedPage = rest[0]
            page.from_process = True
            self.client.bytes_received += page.bytes_received
            self.client.wire_bytes += page.wire_bytes
            yield page
            if not page.has_more:
                return

    def _receive(self) -> tuple | None:
        while not self.cancel.is_set():
            try:
                if self._in.poll(_POLL):
                    return self._in.recv()
            except (EOFError, OSError, pickle.UnpicklingError) as exc:  # it died or left
                code = self._process.exitcode
                raise FeedUnavailable(f"the feed process ended ({code}): {exc!r}") from exc
        return None
