"""UI tests: the real window against the real embedded server, driven on a qasync loop.

pytest-qt has no qasync support, so each test runs its scenario as a coroutine on a fresh
qasync loop (`run(scenario())`), the way the application itself runs."""

from __future__ import annotations

import asyncio
import gc
import os

import pytest
import qasync
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.sync.conftest import memory_keyring, server, server_url  # noqa: E402, F401


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings (window layout) and user data go to the test's own folders; dates and numbers
    in Russian, as the application sets them by default (`i18n.install_translations`)."""
    from PySide6.QtCore import QLocale, QSettings

    QLocale.setDefault(QLocale(QLocale.Language.Russian))

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config")
    )


@pytest.fixture
def run(qapp):
    qapp.setQuitOnLastWindowClosed(False)  # closing a test window must not stop the loop
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    def runner(coro, timeout: float = 120):
        return loop.run_until_complete(asyncio.wait_for(coro, timeout))

    yield runner
    pending = list(asyncio.all_tasks(loop))
    for task in pending:
        task.cancel()
    stuck: set = set()
    if pending:
        # Bounded: a task that does not end when cancelled must fail this test, not hang the
        # whole run (a CI runner stalled on one for its full timeout).
        _, stuck = loop.run_until_complete(asyncio.wait(pending, timeout=15))
    loop.close()
    asyncio.set_event_loop(None)
    # qasync's timer object still has Qt timers registered (pending sleeps, timeouts). Left to
    # Python's cyclic GC it may be destroyed on a worker thread, which cannot unregister them,
    # and a later timer event then hits freed memory (a segfault in a later test). Delete it
    # here, on the GUI thread, and collect this test's Qt wrappers here too.
    shiboken6.delete(loop._timer)
    gc.collect()
    if stuck:
        pytest.fail(f"tasks did not end when cancelled: {[repr(t) for t in stuck]}")
