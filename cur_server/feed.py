"""The changes feed: what changed in the caller's scope after a cursor, page by page.

Each incident carries the sequence number of its last change, so a page names every incident
once, at its newest state; an incident changed again later simply comes again at its new place.
Moves out of a district are kept apart (`scope_moves`) so the district hears that a case left it.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from cur_desktop.models.domain import Role

from . import wire_json
from .access import Actor, incident_scope
from .context import ServerContext
from .serialize import incidents_out
from .tables import Incident, ScopeMove
from .wire_json import tag

log = logging.getLogger(__name__)


def _keep(server: ServerContext, ids: list[int]) -> None:
    """Store the JSON of incidents that came without one, so later pulls find it. Best effort:
    on any failure (a busy database) the next page that needs them tries again."""
    try:
        with server.db.write() as s:
            wire_json.store(s, ids)
    except Exception:  # noqa: BLE001 - the page itself is served either way
        log.warning("could not keep the feed JSON of %d incidents", len(ids), exc_info=True)


def changes_page_json(server: ServerContext, actor: Actor, cursor: int, limit: int) -> bytes:
    """A `ChangesPage` as JSON, from the incidents' stored JSON (`wire_json`), else from the
    process's cache of serialisations, else serialised now (and then stored)."""
    with server.db.read() as s:
        upserts = s.execute(
            select(
                Incident.seq, Incident.id, Incident.version, Incident.wire_tag, Incident.wire_json
            )
            .where(incident_scope(actor), Incident.seq > cursor)
            .order_by(Incident.seq)
            .limit(limit + 1)
        ).all()
        leaves: list = []
        if actor.role is Role.DISTRICT_OFFICIAL and actor.municipality_ids:
            mids = sorted(actor.municipality_ids)
            leaves = s.execute(
                select(ScopeMove.seq, ScopeMove.incident_id)
                .where(
                    ScopeMove.seq > cursor,
                    ScopeMove.from_municipality_id.in_(mids),
                    ScopeMove.to_municipality_id.not_in(mids),
                )
                .order_by(ScopeMove.seq)
                .limit(limit + 1)
            ).all()
        merged = sorted(
            [(seq, iid, True) for seq, iid, *_ in upserts]
            + [(seq, iid, False) for seq, iid in leaves]
        )
        page, has_more = merged[:limit], len(merged) > limit
        item_ids = [iid for _, iid, upsert in page if upsert]
        removed = sorted({iid for _, iid, upsert in page if not upsert} - set(item_ids))
        versions = {iid: version for _, iid, version, *_ in upserts}
        # Kept JSON where its tag says it is this version's under this contract.
        items: dict[int, bytes | None] = {}
        if server.stored_wire_json:
            items = {
                iid: bytes(blob)
                for _, iid, version, t, blob in upserts
                if blob is not None and t == tag(version)
            }
        cache = server.feed_cache
        for iid in item_ids:
            if iid not in items:
                items[iid] = cache.get(iid, versions[iid])
        missing = [iid for iid, blob in items.items() if blob is None]
        # Stored under the version actually read, which may be newer than the one listed above.
        items.update((iid, cache.put(out)) for iid, out in incidents_out(s, missing).items())
    if missing and server.stored_wire_json:
        _keep(server, missing)
    tail = {"removed": removed, "cursor": page[-1][0] if page else cursor, "has_more": has_more}
    # The same bytes as ChangesPage(...).model_dump_json(): fields in order, compact.
    return b"".join(
        (
            b'{"items":[',
            b",".join(items[iid] for iid in item_ids if items[iid] is not None),
            b"],",
            json.dumps(tail, separators=(",", ":")).encode()[1:],
        )
    )
