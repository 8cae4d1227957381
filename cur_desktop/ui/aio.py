"""The qasync glue: one asyncio loop inside Qt's, and one place for background work.

Like Anki's task manager: cache reads and writes go through one single-worker executor (so they
are serialised and never run on the UI thread), while the sync engine has its own thread for the
network, and slow computations (spelling suggestions) have a worker of their own. Results come
back as awaited values on the UI thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import qasync
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
T = TypeVar("T")

_executors: dict[str, ThreadPoolExecutor] = {}


def _executor(name: str, workers: int) -> ThreadPoolExecutor:
    if name not in _executors:
        _executors[name] = ThreadPoolExecutor(workers, thread_name_prefix=name)
    return _executors[name]


def db_executor() -> ThreadPoolExecutor:
    return _executor("cur-db", 1)


async def in_db(fn: Callable[..., T], *args: Any) -> T:
    """Run a cache query or local write off the UI thread and await its result."""
    return await asyncio.get_running_loop().run_in_executor(db_executor(), fn, *args)


def net_executor() -> ThreadPoolExecutor:
    # A few: a slow analytics request must not hold up a presence beat.
    return _executor("cur-net", 3)


async def in_net(fn: Callable[..., T], *args: Any) -> T:
    """Run a direct server request (team board, analytics, presence) off the UI thread.

    Writes never go this way: they go through the outbox, so they survive being offline.
    """
    return await asyncio.get_running_loop().run_in_executor(net_executor(), fn, *args)


def cpu_executor() -> ThreadPoolExecutor:
    # One: a computation the user waits for goes after the previous one, not beside it.
    return _executor("cur-cpu", 1)


async def in_worker(fn: Callable[..., T], *args: Any) -> T:
    """Run a slow computation (seconds of pure Python) off the UI thread and await its result."""
    return await asyncio.get_running_loop().run_in_executor(cpu_executor(), fn, *args)


def spawn(coro: Coroutine[Any, Any, Any], *, what: str = "task") -> asyncio.Task | None:
    """Start a task on the loop; an exception is logged, never lost silently."""
    try:
        task = asyncio.ensure_future(coro)
    except RuntimeError:
        # No loop any more: a timer of a closed window fired after the loop ended (at exit, or
        # between tests). There is nobody left to show the result to.
        coro.close()
        log.debug("%s not started: the event loop is gone", what)
        return None

    def done(t: asyncio.Task) -> None:
        if not t.cancelled() and t.exception() is not None:
            log.error("%s failed", what, exc_info=t.exception())

    task.add_done_callback(done)
    return task


async def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> None:
    """Poll a condition on the loop (for start-up, screenshots and tests)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("condition not reached in time")
        await asyncio.sleep(step)


def install_loop(app: QApplication) -> qasync.QEventLoop:
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


_quit: asyncio.Event | None = None


def request_quit() -> None:
    """End the application: cleanup runs, then the loop stops (never stop Qt's loop directly)."""
    if _quit is not None:
        _quit.set()
    else:
        QApplication.quit()


def run_until_quit(
    app: QApplication,
    main: Callable[[], Coroutine[Any, Any, Any]],
    cleanup: Callable[[], Coroutine[Any, Any, Any]] | None = None,
) -> None:
    """Run `main()`, then wait until the last window closes or `request_quit()`; then run
    `cleanup()` and cancel what is left, all before the loop stops."""
    global _quit
    loop = install_loop(app)
    app.setQuitOnLastWindowClosed(False)
    _quit = asyncio.Event()
    app.lastWindowClosed.connect(_quit.set)

    async def runner() -> None:
        spawn(main(), what="main")
        await _quit.wait()
        if cleanup is not None:
            try:
                await cleanup()
            except Exception:  # noqa: BLE001 - cleanup must not keep the process alive
                log.exception("cleanup failed")
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for t in pending:
            t.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    with loop:
        loop.run_until_complete(runner())
