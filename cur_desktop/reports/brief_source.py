"""Where a municipality brief's data comes from: the server, or the workstation's local cache
when the server cannot be reached.

Both answer in the wire's models (`Reference`, `Summary`, `SpikeReport`, `ClusterReport`,
`IncidentOut`), so `brief.build_brief` and `examples.pick_examples` are written once. The cache
holds only the user's scope and what was synced: a brief built from it says so (`cached_at`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from cur_desktop.models import analytics as a
from cur_desktop.models import contract as c
from cur_desktop.models.cache.analytics import (
    REGION_ROLES,
    local_clusters,
    local_spikes,
    local_summary,
)
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.cache.wire import cached_incident, cached_incidents, received_between
from cur_desktop.models.clock import Clock
from cur_desktop.models.domain import Role
from cur_desktop.sync import analytics as api
from cur_desktop.sync.client import ApiClient, RequestRejected

from .examples import Scope
from .municipality import BriefError

#: Pages of the changes feed the server source reads at most for examples: bounds what they
#: cost a large region (the server offers no search by municipality and period).
FEED_PAGES = 5
FEED_PAGE = 1_000


class BriefSource(Protocol):
    """What a brief asks for. Errors: `BriefError` (or the client's `RequestRejected`, which
    the brief turns into one) for what the user may not see, `SyncError` for a lost server."""

    #: None: the server's live data; else when the local cache was last synced (UTC).
    cached_at: datetime | None

    def reference(self) -> c.Reference: ...

    def as_of(self) -> datetime:
        """«Now» the brief counts against (overdue examples): the server's time."""
        ...

    def summary(
        self, date_from: date, date_to: date, municipality_ids: list[int], *, top: int
    ) -> a.Summary: ...

    def spikes(
        self, date_from: date, date_to: date, municipality_ids: list[int]
    ) -> a.SpikeReport: ...

    def clusters(
        self, date_from: date, date_to: date, municipality_ids: list[int]
    ) -> a.ClusterReport: ...

    def incident(self, incident_id: int) -> c.IncidentOut | None:
        """None if the incident is not (or no longer) visible to the user."""
        ...

    def incidents_of(self, scope: Scope) -> list[c.IncidentOut]:
        """Incidents of the scope's municipality and period to take examples from (may be a
        bounded part of them)."""
        ...


class ServerSource:
    """The server aggregates; a signed-in client asks it."""

    cached_at = None

    def __init__(self, client: ApiClient):
        self.client = client

    def as_of(self) -> datetime:
        return self.client.clock.now()

    def reference(self) -> c.Reference:
        ref, _ = self.client.reference()
        assert ref is not None  # asked without an ETag, so never "unchanged"
        return ref

    def summary(self, date_from, date_to, municipality_ids, *, top):
        return api.summary(self.client, date_from, date_to, municipality_ids, top=top)

    def spikes(self, date_from, date_to, municipality_ids):
        return api.spikes(self.client, date_from, date_to, municipality_ids)

    def clusters(self, date_from, date_to, municipality_ids):
        return api.clusters(self.client, date_from, date_to, municipality_ids)

    def incident(self, incident_id: int) -> c.IncidentOut | None:
        try:
            return self.client.get(f"/incidents/{incident_id}", c.IncidentOut)
        except RequestRejected as exc:
            if exc.status not in (403, 404):
                raise
            return None

    def incidents_of(self, scope: Scope) -> list[c.IncidentOut]:
        """The scope's incidents among the first pages of the changes feed, newest state."""
        found: dict[int, c.IncidentOut] = {}
        cursor = 0
        for _ in range(FEED_PAGES):
            page = self.client.changes(cursor, FEED_PAGE)
            found.update((inc.id, inc) for inc in page.items if scope.holds(inc))
            cursor = page.cursor
            if not page.has_more:
                break
        return list(found.values())


class CacheSource:
    """The same answers counted from the workstation's encrypted cache (`models/cache`), for
    when the server cannot be reached. Blocking reads: run it in the db thread."""

    def __init__(self, store: CacheStore, *, now: datetime | None = None):
        """`now`: the server's time as the workstation's clock knows it (models/clock.py);
        None for the computer's own clock."""
        self.store = store
        self.now = now or Clock().now()
        with store.read() as conn:
            self.user = store.get_meta(conn, "user", {}) or {}
            self._reference = store.get_meta(conn, "reference")
            synced = store.get_meta(conn, "last_sync_at")
        self.cached_at = datetime.fromtimestamp(synced, UTC) if synced else None

    def as_of(self) -> datetime:
        return self.now

    def reference(self) -> c.Reference:
        if not self._reference or self.cached_at is None:
            raise BriefError(
                "В локальном кэше нет данных: рабочее место ещё не синхронизировалось с сервером"
            )
        return c.Reference.model_validate(self._reference)

    def _query(self, date_from: date, date_to: date, municipality_ids: list[int]):
        """The server's scope rule (`cur_server/analytics.py`), so the cache refuses the same
        requests instead of answering them with zeros."""
        role = self.user.get("role")
        if role == Role.DISTRICT_OFFICIAL.value:
            if set(municipality_ids) - set(self.user.get("municipality_ids") or []):
                raise BriefError("Аналитика доступна только по своим муниципальным образованиям")
        elif role not in {r.value for r in REGION_ROLES}:
            raise BriefError("Роль не позволяет: просматривать аналитику")
        return a.AnalyticsQuery(
            date_from=date_from, date_to=date_to, municipality_ids=municipality_ids
        )

    def summary(self, date_from, date_to, municipality_ids, *, top):
        query = self._query(date_from, date_to, municipality_ids)
        return local_summary(self.store, query, top=top, now=self.now)

    def spikes(self, date_from, date_to, municipality_ids):
        query = self._query(date_from, date_to, municipality_ids)
        return local_spikes(self.store, query, now=self.now)

    def clusters(self, date_from, date_to, municipality_ids):
        query = self._query(date_from, date_to, municipality_ids)
        return local_clusters(self.store, query, now=self.now)

    def incident(self, incident_id: int) -> c.IncidentOut | None:
        return cached_incident(self.store, incident_id)

    def incidents_of(self, scope: Scope) -> list[c.IncidentOut]:
        """Every cached incident of the municipality received in the period: the cache can be
        searched by both, which the server's API cannot."""
        start = datetime.combine(scope.date_from, time(0), tzinfo=scope.tz)
        end = datetime.combine(scope.date_to + timedelta(days=1), time(0), tzinfo=scope.tz)
        found = cached_incidents(self.store, *received_between(scope.municipality_id, start, end))
        return [inc for inc in found if scope.holds(inc)]
