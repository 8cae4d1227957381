"""The analytics window's questions to the local cache (the incidents behind a spike or a
cluster) and its one bulk write (route a whole cluster). Every function runs in the db thread
(`in_db`); the figures themselves come from the server, which aggregates in SQL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import select

from cur_desktop.models.cache.schema import incidents
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.domain import MutationType
from cur_desktop.models.said import said
from cur_desktop.models.statuses import Status, can_transition
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.outbox import InvalidAction

#: Incidents listed under one spike or cluster (a cluster lists at most 500 ids anyway).
LISTED = 500

_COLUMNS = (
    incidents.c.id,
    incidents.c.number,
    incidents.c.status,
    incidents.c.received_at,
    incidents.c.agency_id,
    incidents.c.text,
)


def incidents_by_ids(store: CacheStore, ids: list[int]) -> list[dict[str, Any]]:
    """The cached incidents among `ids`, in the order given; ids not cached yet are skipped."""
    if not ids:
        return []
    with store.read() as conn:
        rows = conn.execute(select(*_COLUMNS).where(incidents.c.id.in_(set(ids)))).mappings()
        found = {r["id"]: dict(r) for r in rows}
    return [found[i] for i in ids if i in found]


def incidents_of_week(
    store: CacheStore,
    municipality_id: int,
    sector: str,
    category_id: int | None,
    week_start: date,
    utc_offset_minutes: int,
) -> list[dict[str, Any]]:
    """The incidents counted in one spike: its municipality and topic, received in its week
    (local days at the region's offset, as the server counts them)."""
    tz = timezone(timedelta(minutes=utc_offset_minutes))
    start = int(datetime.combine(week_start, time(), tz).timestamp())
    end = start + 7 * 86400
    topic = (
        incidents.c.category_id == category_id
        if category_id is not None
        else (incidents.c.category_id.is_(None)) & (incidents.c.sector == sector)
    )
    with store.read() as conn:
        rows = conn.execute(
            select(*_COLUMNS)
            .where(
                incidents.c.municipality_id == municipality_id,
                topic,
                incidents.c.received_at >= start,
                incidents.c.received_at < end,
                incidents.c.training_session_id.is_(None),
            )
            .order_by(incidents.c.received_at)
            .limit(LISTED)
        ).mappings()
        return [dict(r) for r in rows]


@dataclass
class RouteOutcome:
    routed: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # answered, closed, already there, …


def route_many(
    actions: LocalActions, incident_ids: Iterable[int], agency_id: int, note: str | None = None
) -> RouteOutcome:
    """Route many incidents to one agency as one user action: every local change and outbox
    entry in one transaction, so either all wait for the server or (bad input) none does.

    A new incident cannot go to «routed» directly: it is taken into work first (as a single
    route from the card needs). Incidents already answered, closed or rejected, or already with
    this agency, are left alone and counted as skipped."""
    ids = list(dict.fromkeys(incident_ids))
    if not ids:
        raise InvalidAction(said("none_chosen", "Не выбрано ни одного обращения"))
    payload = {"agency_id": agency_id, "note": note}
    out = RouteOutcome()
    with actions.store.write() as conn:
        current = {
            r.id: (Status(r.status), r.agency_id)
            for r in conn.execute(
                select(incidents.c.id, incidents.c.status, incidents.c.agency_id).where(
                    incidents.c.id.in_(ids)
                )
            )
        }
        items: list[tuple[MutationType, int, dict]] = []
        for i in ids:
            if i not in current:
                text = f"Обращение {i} не найдено в локальном кэше"
                raise InvalidAction(said("number_not_cached", text, number=i))
            status, agency = current[i]
            if status == Status.ROUTED and agency == agency_id:
                out.skipped.append(i)
                continue
            if status != Status.ROUTED and not can_transition(status, Status.ROUTED):
                if not can_transition(status, Status.IN_PROGRESS):
                    out.skipped.append(i)
                    continue
                items.append((MutationType.SET_STATUS, i, {"status": Status.IN_PROGRESS.value}))
            items.append((MutationType.ROUTE, i, payload))
            out.routed.append(i)
        actions.outbox.record_many(conn, items)
    if out.routed:
        actions.on_change()
    return out
