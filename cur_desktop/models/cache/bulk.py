"""Local changes to many incidents in one transaction, in a few statements instead of a dozen
per incident: a supervisor's bulk action on 500 incidents (reassign, route or answer a
cluster) writes their outbox entries and local views together, as `Outbox.record` would one by
one (bench/bulk_actions.py measures the difference)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from . import optimistic
from .incidents import IncidentState, chunks, rows_to_server_dicts, write_states
from .schema import incident_base, incidents, outbox


def server_states(conn: Connection, ids: Sequence[int]) -> tuple[dict[int, dict], set[int]]:
    """The server's state of each incident (its kept base when it has local work, else its
    row), and which of them had a base already. KeyError: the first one not cached."""
    states: dict[int, dict[str, Any]] = {}
    based: set[int] = set()
    for part in chunks(list(ids)):
        for iid, raw in conn.execute(
            select(incident_base.c.incident_id, incident_base.c.json).where(
                incident_base.c.incident_id.in_(part)
            )
        ):
            states[iid] = json.loads(raw)
            based.add(iid)
    rest = [i for i in ids if i not in states]
    for part in chunks(rest):
        rows = [
            dict(r)
            for r in conn.execute(select(incidents).where(incidents.c.id.in_(part))).mappings()
        ]
        states.update(rows_to_server_dicts(conn, rows))
    for i in ids:
        if i not in states:
            raise KeyError(i)
    return states, based


def materialize_many(conn: Connection, states: dict[int, dict[str, Any]], me: dict) -> None:
    """Local view = server state + every pending mutation, for all of `states` at once."""
    entries: dict[int, list[dict]] = {i: [] for i in states}
    for part in chunks(list(states)):
        for entry in conn.execute(
            select(outbox).where(outbox.c.incident_id.in_(part)).order_by(outbox.c.seq)
        ).mappings():
            entries[entry["incident_id"]].append(dict(entry))
    views = []
    for iid, server in states.items():
        state = IncidentState.from_server(server)
        for entry in entries[iid]:
            optimistic.apply(state, entry, me)
        state.row["pending"] = len(entries[iid])
        views.append(state)
    write_states(conn, views)
