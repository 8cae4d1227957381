"""The server's background release of training incidents: every TICK_SECONDS, each running
session's scenario incidents that its clock reached are released, so a trainer's live view and
a trainee's queue see them arrive on time even when nobody polls.

Each worker process of the server runs one ticker (started in the app's lifespan); they may
tick together, and `training_release.release_session` keeps each release exactly-once through
the database. A tick reads one small query when nothing is due.
"""

from __future__ import annotations

import asyncio
import logging

from .context import ServerContext
from .training_release import release_running

log = logging.getLogger(__name__)

#: Seconds between ticks; tests and embedders may put another under `server.extra[TICK_KEY]`
#: (read before every tick; 0 or less turns the ticker off).
TICK_SECONDS = 1.0
TICK_KEY = "training_tick_seconds"


class ReleaseTicker:
    def __init__(self, server: ServerContext):
        self.server = server
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    def interval(self) -> float:
        return float(self.server.extra.get(TICK_KEY, TICK_SECONDS))

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while not self._stop.is_set():
            interval = self.interval()
            if interval > 0:
                try:
                    released = await asyncio.to_thread(release_running, self.server)
                    if released:
                        log.debug("training: released %d incidents", released)
                except Exception:  # noqa: BLE001 - a bad tick must not end the ticker
                    log.exception("training release tick failed")
            try:
                await asyncio.wait_for(self._stop.wait(), interval if interval > 0 else 1.0)
            except TimeoutError:
                pass

    async def stop(self) -> None:
        """Let the tick under way finish (it holds a database session), then end."""
        self._stop.set()
        if self._task is not None:
            await self._task
