"""Client calls of the supervisor's console, and the presence heartbeat's timing.

Plain blocking functions over an `ApiClient`: run them off the UI thread (the network pool), as
every other call. Errors are the client's typed `SyncError`s; a `RequestRejected` with status
403 means the role may not see this, 404 that the incident is out of scope.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

from cur_desktop.models.contract import MAX_REPLY_CHARS
from cur_desktop.models.team import (
    HEARTBEAT_SECONDS,
    Activity,
    Handover,
    PresenceOut,
    QualityReport,
    TeamBoard,
)

from .client import ApiClient

#: A reply being written: (kind, text). Only a trainee's workstation shares it.
Draft = tuple[str, str]


def heartbeat(
    client: ApiClient, incident_id: int | None, activity: Activity, draft: Draft | None = None
) -> PresenceOut:
    """Report what the user does now; the answer says who else is on that incident.

    `draft` (training only) is the reply being written on `incident_id`, for the trainer's live
    view; an empty text withdraws it. It is cut to the longest reply the server takes, so a
    trainee pasting a novel still shows up as writing.
    """
    body: dict = {"incident_id": incident_id, "activity": Activity(activity).value}
    if draft is not None:
        kind, text = draft
        body["draft"] = {"kind": kind, "text": text.replace("\x00", "")[:MAX_REPLY_CHARS]}
    return client.post("/presence", PresenceOut, body)


def who_else(client: ApiClient, incident_id: int) -> PresenceOut:
    """Who else has the incident open or is writing to it, without reporting oneself."""
    return client.get("/presence", PresenceOut, {"incident_id": incident_id})


def team_board(client: ApiClient) -> TeamBoard:
    return client.get("/team", TeamBoard)


def write_handover(client: ApiClient, text: str) -> Handover:
    """Leave a note for the next shift; the answer lists what is at risk or overdue now."""
    return client.post("/handover", Handover, {"text": text})


def latest_handover(client: ApiClient) -> Handover:
    return client.get("/handover/latest", Handover)


def quality_report(
    client: ApiClient, date_from: date | None = None, date_to: date | None = None
) -> QualityReport:
    """Per-operator quality over the period (default: the last 30 days)."""
    params = {k: v.isoformat() for k, v in (("date_from", date_from), ("date_to", date_to)) if v}
    return client.get("/quality", QualityReport, params)


class PresenceReporter:
    """When to send a heartbeat: at once when what the user does changes (opens an incident,
    starts typing, or — for a trainee — changes the draft), otherwise every HEARTBEAT_SECONDS.

    No timers or threads of its own: the UI tells it what the user does (`set`, from the UI
    thread) and a periodic job calls `beat()` from the network pool; `beat()` sends only when
    due. Thread-safe.
    """

    def __init__(
        self,
        client: ApiClient,
        interval: float = HEARTBEAT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.client, self.interval, self.clock = client, interval, clock
        self._lock = threading.Lock()
        self._state: tuple[int | None, Activity, Draft | None] = (None, Activity.IDLE, None)
        self._sent: tuple[int | None, Activity, Draft | None] | None = None
        self._sent_at = float("-inf")

    def set(self, incident_id: int | None, activity: Activity, draft: Draft | None = None) -> bool:
        """Record what the user does now; True when that calls for a heartbeat at once."""
        with self._lock:
            self._state = (incident_id, Activity(activity), draft)
            return self._state != self._sent

    def due(self) -> bool:
        with self._lock:
            return self._state != self._sent or self.clock() - self._sent_at >= self.interval

    def beat(self) -> PresenceOut | None:
        """Send the heartbeat if due; None when it was not. A failed send stays due."""
        with self._lock:
            state = self._state
            if state == self._sent and self.clock() - self._sent_at < self.interval:
                return None
        answer = heartbeat(self.client, *state)
        with self._lock:
            self._sent, self._sent_at = state, self.clock()
        return answer
