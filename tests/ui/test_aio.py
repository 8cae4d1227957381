"""The task helper after the loop has gone: a window's timer may still fire then."""

from __future__ import annotations

import asyncio
import warnings

from cur_desktop.ui.aio import spawn


def test_spawn_without_a_loop_drops_the_work_quietly():
    ran: list[int] = []

    async def work() -> None:
        ran.append(1)

    asyncio.set_event_loop(None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # «coroutine was never awaited» would be a warning
        assert spawn(work(), what="late refresh") is None
    assert ran == []
