"""The window's questions to the cache, in the terms of its widgets (tab, combo values, search
text), answered by `models.cache.queue`. Every method runs in the db thread (`in_db`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from cur_desktop.models.cache import queue as q
from cur_desktop.models.cache.counts import CountCache, depends_on_clock
from cur_desktop.models.cache.schema import incidents
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.sla import SlaState
from cur_desktop.models.statuses import OPEN_STATUSES, Status

from .i18n import QT_TR_NOOP
from .sla_view import SlaView

TABS: list[tuple[str, str]] = [
    ("mine", QT_TR_NOOP("Мои")),
    ("unassigned", QT_TR_NOOP("Без исполнителя")),
    ("at_risk", QT_TR_NOOP("Под угрозой")),
    ("overdue", QT_TR_NOOP("Просрочены")),
    ("all", QT_TR_NOOP("Все")),
]


@dataclass
class ViewState:
    tab: str = "mine"
    status: str | None = None
    sector: str | None = None
    municipality_id: int | None = None
    channel: str | None = None
    sla_state: str | None = None
    text: str | None = None
    sort_key: str = "sla_due"
    descending: bool = False


class QueueService:
    def __init__(self, store: CacheStore, user_id: int, sla: SlaView):
        self.store, self.user_id, self.sla = store, user_id, sla
        self.counts = CountCache(store)

    def _filter(self, v: ViewState) -> q.QueueFilter:
        base = q.tab_filter(q.Tab(v.tab), self.user_id)
        statuses = base.statuses
        if v.status:
            # The combo narrows the tab; a status outside the tab's (e.g. closed in «mine»)
            # is taken as asked, so the user sees what they chose rather than nothing.
            chosen = frozenset({Status(v.status)})
            statuses = (chosen & statuses) or chosen
        sla_state = base.sla_state
        if v.sla_state:
            sla_state = SlaState(v.sla_state)
        return q.QueueFilter(
            statuses=statuses,
            sectors={v.sector} if v.sector else frozenset(),
            municipality_ids={v.municipality_id} if v.municipality_id else frozenset(),
            channels={v.channel} if v.channel else frozenset(),
            assignee=base.assignee,
            me=self.user_id,
            sla_state=sla_state,
            text=v.text or "",
        )

    @staticmethod
    def _now(now: datetime) -> int:
        return int(now.timestamp())

    def count(self, v: ViewState, now: datetime) -> int:
        return self.counts.count(self._filter(v), self._now(now))

    def page(self, v: ViewState, now: datetime, offset: int, limit: int) -> list[dict[str, Any]]:
        sort = q.Sort(q.SortKey(v.sort_key), v.descending)
        with self.store.read() as conn:
            return q.page(conn, self._filter(v), sort, offset, limit, self._now(now))

    def tab_counts(self, now: datetime, text: str | None = None) -> dict[str, int]:
        """Each tab's count; with the search text, of what the search finds in it."""
        counts = self.counts.tab_counts(self.user_id, self._now(now), text or "")
        return {t.value: n for t, n in counts.items()}

    def view_key(self, v: ViewState) -> tuple | None:
        """What identifies the rows of view `v` on the current data, for the model to keep a
        view's pages and show them again at once («back»); None when the rows move with the
        clock (an SLA-state filter or order), so they must be read again.

        Call it on the UI thread before the view's reads are queued: the generation is then read
        before their transactions begin (see `CacheStore.generation`)."""
        f = self._filter(v)
        if depends_on_clock(f) or v.sort_key == q.SortKey.SLA_STATE.value:
            return None
        return (f, v.sort_key, v.descending, self.store.generation)

    def next_to_take(self, now: datetime) -> int | None:
        with self.store.read() as conn:
            row = q.next_to_take(conn, self.user_id, self._now(now))
        return row["id"] if row else None

    def detail(self, incident_id: int) -> dict[str, Any] | None:
        with self.store.read() as conn:
            return q.incident_detail(conn, incident_id)

    def mark_seen(self, incident_id: int, version: int) -> None:
        with self.store.write() as conn:
            conn.execute(
                update(incidents)
                .where(incidents.c.id == incident_id, incidents.c.seen_version < version)
                .values(seen_version=version)
            )

    def numbers(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self.store.read() as conn:
            rows = conn.execute(
                select(incidents.c.id, incidents.c.number).where(incidents.c.id.in_(set(ids)))
            )
            return {incident_id: number for incident_id, number in rows}

    def my_open_deadlines(self) -> list[dict[str, Any]]:
        cols = [incidents.c.id, incidents.c.number, incidents.c.sla_due]
        if "sla_risk_at" in incidents.c:
            cols.append(incidents.c.sla_risk_at)
        with self.store.read() as conn:
            rows = conn.execute(
                select(*cols).where(
                    incidents.c.assignee_id == self.user_id,
                    incidents.c.status.in_([s.value for s in OPEN_STATUSES]),
                    incidents.c.sla_due.is_not(None),
                )
            ).mappings()
            return [dict(r) for r in rows]
