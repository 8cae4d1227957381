"""«Now» for the workstation: the server's time, not the computer's.

Deadlines, «под угрозой» and «просрочено» are moments the server computed; comparing them with
the laptop's own clock shows wrong states on a machine whose clock is hours off. The REST
client tells the clock the server's time from every answer (`observe`); the clock keeps the
offset from the local clock and answers `now()` with local time plus that offset.

One answer's offset is taken at the midpoint of its round trip (the server stamped it somewhere
in between); the offset used is the median of the last answers, so one slow or odd answer does
not move it, and answers slower than MAX_ROUND_TRIP are not used at all. Offline the last known
offset stays (the workspace keeps it in the profile), so a laptop that starts offline still
shows right deadlines.

Only wall-clock «now» for the domain goes through here; durations (timeouts, back-off, typing
pauses) use `time.monotonic` and need no server.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo

#: Answers slower than this say little about when the server stamped them.
MAX_ROUND_TRIP = 5.0
#: How many recent answers the median is taken over.
SAMPLES = 9
#: The offset is reported (and kept) again only when it moved by more than this.
REPORT_STEP = 1.0
#: Beyond this the status bar warns that the computer's clock is off.
WARN_OFFSET = 120.0


class Clock:
    def __init__(self, local: Callable[[], float] = time.time):
        """`local` is the computer's clock (seconds since the epoch), injectable for tests."""
        self.local = local
        self._offset = 0.0
        self._known = False
        self._samples: deque[float] = deque(maxlen=SAMPLES)
        self._lock = threading.Lock()
        self._reported: float | None = None
        #: Called (from whatever thread got the answer) when the offset moved noticeably.
        self.on_change: Callable[[float], None] | None = None

    @property
    def offset(self) -> float:
        """Server minus local, in seconds."""
        return self._offset

    @property
    def known(self) -> bool:
        """Whether the offset was ever measured (now or in an earlier session)."""
        return self._known

    def restore(self, offset: float) -> None:
        """The offset measured in an earlier session; an answer measured since wins."""
        with self._lock:
            if not self._samples:
                self._offset, self._known, self._reported = offset, True, offset

    def timestamp(self) -> float:
        return self.local() + self._offset

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.timestamp(), UTC)

    def today(self, tz: tzinfo | None = None) -> date:
        """The server's today in `tz` (default: the computer's time zone)."""
        return self.now().astimezone(tz).date()

    def observe(self, server: float, sent: float, received: float) -> None:
        """An answer stamped `server` arrived; the request left at `sent` and the answer came
        at `received`, both by `local`."""
        round_trip = received - sent
        if not 0 <= round_trip <= MAX_ROUND_TRIP:
            return
        with self._lock:
            self._samples.append(server - (sent + received) / 2)
            self._offset = statistics.median(self._samples)
            self._known = True
            moved = self._reported is None or abs(self._offset - self._reported) > REPORT_STEP
            if moved:
                self._reported = self._offset
        if moved and self.on_change is not None:
            self.on_change(self._offset)

    def is_off(self) -> bool:
        return self._known and abs(self._offset) > WARN_OFFSET
