"""Each incident's wire JSON kept in its own row, made when the incident is written.

A first sync of 100,000 incidents spent most of the server's time building `IncidentOut`
models from rows and serialising them, one by one (bench/README.md); with the JSON kept, a page
of the changes feed is a concatenation of stored bytes.

What is stored is exactly `serialize.incidents_out(...)[id].model_dump_json()`: the contract's
own serialisation, never a second definition of it. It is served only while its `wire_tag`
matches `tag(version)`, so

- a change that bumps the version (every writer does) leaves the old JSON unserved, and
- a new contract or pydantic (`CONTRACT_TAG` is a hash of the serialisation schema and
  pydantic-core's version) leaves every stored JSON unserved;

and database triggers (migration 0010) clear it when the incident's wire columns, its replies or
its events change by any other road (a data migration, a hand-made fix), so nothing stale is
ever sent. Writers refresh it before their transaction ends (`store`); what is missing
is built on demand by the feed, and `fill_missing` makes all of it (`cur-server migrate`, the
demo seed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

import pydantic_core
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from cur_desktop.models.contract import IncidentOut

from .db import Database
from .serialize import incidents_out
from .tables import Incident

CONTRACT_TAG = hashlib.sha256(
    json.dumps(
        [IncidentOut.model_json_schema(mode="serialization"), pydantic_core.__version__],
        sort_keys=True,
    ).encode()
).hexdigest()[:16]

#: Incidents serialised per statement when filling in bulk.
FILL_BATCH = 500


def tag(version: int) -> str:
    """The key a stored JSON of this version is valid under."""
    return f"{version}:{CONTRACT_TAG}"


def _lock(session: Session, ids: Sequence[int]) -> None:
    """On PostgreSQL, hold the incidents still while they are read: each statement of a READ
    COMMITTED transaction sees its own snapshot, and a change committed between reading the
    events and the incident would store one version's events under the next one's key. Every
    change of a reply or an event updates its incident's row (the version), so it waits."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(Incident.id).where(Incident.id.in_(list(ids))).with_for_update(read=True)
        )


def store(session: Session, ids: Iterable[int]) -> dict[int, bytes]:
    """Serialise these incidents as they are in `session` and keep the JSON in their rows.

    Call it after the transaction's last change to them; flushes first. Returns the JSON.
    """
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    session.flush()
    _lock(session, wanted)
    built = incidents_out(session, wanted)
    blobs = {iid: out.model_dump_json().encode() for iid, out in built.items()}
    table = Incident.__table__
    session.execute(
        update(table)  # the table, not the entity: a plain executemany
        .where(table.c.id == bindparam("iid"), table.c.version == bindparam("v"))
        .values(wire_json=bindparam("j"), wire_tag=bindparam("t")),
        [
            {"iid": iid, "v": out.version, "j": blobs[iid], "t": tag(out.version)}
            for iid, out in built.items()
        ],
    )
    return blobs


def stale_ids(session: Session, after_id: int, limit: int) -> tuple[list[int], int | None]:
    """Of the `limit` incidents after `after_id` (by id), those without a valid JSON; and the
    last id looked at (None: no incident after `after_id`)."""
    rows = session.execute(
        select(Incident.id, Incident.version, Incident.wire_tag)
        .where(Incident.id > after_id)
        .order_by(Incident.id)
        .limit(limit)
    ).all()
    return [iid for iid, version, t in rows if t != tag(version)], (rows[-1][0] if rows else None)


def fill_missing(db: Database, batch: int = FILL_BATCH) -> int:
    """Make the JSON of every incident that lacks a valid one, `batch` per transaction."""
    done, after = 0, 0
    while True:
        with db.read() as s:
            stale, last = stale_ids(s, after, batch * 4)
        if last is None:
            return done
        for start in range(0, len(stale), batch):
            with db.write() as s:
                done += len(store(s, stale[start : start + batch]))
        after = last
