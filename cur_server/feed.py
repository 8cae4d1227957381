"""The changes feed: what changed in the caller's scope after a cursor, page by page.

Each incident carries the sequence number of its last change, so a page names every incident
once, at its newest state; an incident changed again later simply comes again at its new place.
Moves out of a district are kept apart (`scope_moves`) so the district hears that a case left it.
"""

from __future__ import annotations

from sqlalchemy import select

from cur_desktop.models.contract import ChangesPage
from cur_desktop.models.domain import Role

from .access import Actor, incident_scope
from .context import ServerContext
from .serialize import incident_out, load_full
from .tables import Incident, ScopeMove


def changes_page(server: ServerContext, actor: Actor, cursor: int, limit: int) -> ChangesPage:
    with server.db.read() as s:
        upserts = s.execute(
            select(Incident.seq, Incident.id)
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
            [(seq, iid, True) for seq, iid in upserts] + [(seq, iid, False) for seq, iid in leaves]
        )
        page, has_more = merged[:limit], len(merged) > limit
        item_ids = [iid for _, iid, upsert in page if upsert]
        removed = sorted({iid for _, iid, upsert in page if not upsert} - set(item_ids))
        full = load_full(s, item_ids)
        items = [incident_out(full[iid]) for iid in item_ids if iid in full]
    return ChangesPage(
        items=items,
        removed=removed,
        cursor=page[-1][0] if page else cursor,
        has_more=has_more,
    )
