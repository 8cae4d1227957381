"""Cached incidents in the wire's form (`IncidentOut`, without replies and events), so code
written against the server's answers (the municipality brief) reads the cache unchanged.

The rows are the local view: an incident with unsent local work shows it, as the queue does.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, select

from ..contract import IncidentOut
from .incidents import TIME_FIELDS
from .schema import incidents
from .store import CacheStore

_COLUMNS = [col for col in incidents.c if col.name in IncidentOut.model_fields]
#: Read at most per call: a municipality's quarter stays far below it.
LIMIT = 50_000


def _wire(row: dict[str, Any]) -> IncidentOut:
    d = dict(row)
    for key in TIME_FIELDS:
        d[key] = None if d[key] is None else datetime.fromtimestamp(d[key], UTC)
    d["attachments"] = json.loads(d["attachments"] or "[]")
    d["files"] = json.loads(d["files"] or "[]")
    return IncidentOut.model_validate(d)


def cached_incidents(store: CacheStore, *where: ColumnElement[bool]) -> list[IncidentOut]:
    """The cached incidents matching `where`, oldest received first."""
    with store.read() as conn:
        rows = conn.execute(
            select(*_COLUMNS)
            .where(*where)
            .order_by(incidents.c.received_at, incidents.c.id)
            .limit(LIMIT)
        ).mappings()
        return [_wire(r) for r in rows]


def cached_incident(store: CacheStore, incident_id: int) -> IncidentOut | None:
    found = cached_incidents(store, incidents.c.id == incident_id)
    return found[0] if found else None


def received_between(municipality_id: int, start: datetime, end: datetime) -> list:
    """Terms for one municipality's real (not training) incidents received in [start, end)."""
    return [
        incidents.c.municipality_id == municipality_id,
        incidents.c.training_session_id.is_(None),
        incidents.c.received_at >= int(start.timestamp()),
        incidents.c.received_at < int(end.timestamp()),
    ]
