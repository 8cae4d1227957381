"""ORM rows to wire models, and loading incidents with everything a client caches."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cur_desktop.models.contract import EventOut, IncidentOut, ReplyOut

from .attachments import files_of, urls_of
from .tables import Event, Incident, Reply


def reply_out(r: Reply) -> ReplyOut:
    return ReplyOut(
        id=r.id,
        client_id=r.client_id,
        kind=r.kind,
        text=r.text,
        author_id=r.author_id,
        template_id=r.template_id,
        approval_state=r.approval_state,
        created_at=r.created_at,
        reviewed_by=r.reviewed_by,
        reviewed_at=r.reviewed_at,
        review_comment=r.review_comment,
        delivery_state=r.delivery_state,
        delivery_error=r.delivery_error,
        delivered_at=r.delivered_at,
    )


def event_out(e: Event) -> EventOut:
    return EventOut(
        id=e.id, version=e.version, at=e.at, actor_id=e.actor_id, kind=e.kind, data=e.data or {}
    )


def incident_out(i: Incident) -> IncidentOut:
    return IncidentOut(
        id=i.id,
        number=i.number,
        channel=i.channel,
        source_id=i.source_id,
        source_url=i.source_url,
        author_name=i.author_name,
        text=i.text,
        attachments=urls_of(i.attachments),
        files=files_of(i.attachments),
        received_at=i.received_at,
        municipality_id=i.municipality_id,
        sector=i.sector,
        category_id=i.category_id,
        importance=i.importance,
        status=i.status,
        assignee_id=i.assignee_id,
        agency_id=i.agency_id,
        sla_started_at=i.sla_started_at,
        first_answer_due=i.first_answer_due,
        first_answered_at=i.first_answered_at,
        final_answer_due=i.final_answer_due,
        final_answered_at=i.final_answered_at,
        version=i.version,
        updated_at=i.updated_at,
        training_session_id=i.training_session_id,
        replies=[reply_out(r) for r in i.replies],
        events=[event_out(e) for e in i.events],
    )


class IncidentJsonCache:
    """Serialised incidents by (id, version), shared by the requests of one server process.

    Two hundred operators polling the feed ask for the same recently changed incidents: each
    version is loaded and serialised once instead of once per operator. A version never changes
    its content, because every change to an incident (its replies included) bumps the version.
    """

    def __init__(self, size: int = 10_000):
        self.size = size
        self._items: OrderedDict[tuple[int, int], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, incident_id: int, version: int) -> bytes | None:
        with self._lock:
            found = self._items.get((incident_id, version))
            if found is not None:
                self._items.move_to_end((incident_id, version))
            return found

    def put(self, incident: IncidentOut) -> bytes:
        blob = incident.model_dump_json().encode()
        with self._lock:
            self._items[(incident.id, incident.version)] = blob
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        return blob


#: Columns each wire model is built from: the model's own fields, in order.
_REPLY_COLUMNS = tuple(ReplyOut.model_fields)
_EVENT_COLUMNS = tuple(EventOut.model_fields)
_INCIDENT_COLUMNS = tuple(
    k for k in IncidentOut.model_fields if k not in ("replies", "events", "files")
)


def incidents_out(session: Session, ids: Sequence[int]) -> dict[int, IncidentOut]:
    """Incidents with replies and events, straight from table rows into wire models.

    The same three queries as `load_full`, without ORM objects: building an identity-mapped
    object per event was most of the cost of a changes page (a page of 50 changed incidents
    carries some 300 events).
    """
    if not ids:
        return {}
    wanted = list(ids)
    children: list[dict[int, list]] = []
    for model, table, names in (
        (ReplyOut, Reply, _REPLY_COLUMNS),
        (EventOut, Event, _EVENT_COLUMNS),
    ):
        columns = [table.__table__.c[name] for name in names]
        by_incident: dict[int, list] = {}
        for parent, *values in session.execute(
            select(table.incident_id, *columns)
            .where(table.incident_id.in_(wanted))
            .order_by(table.id)
        ):
            fields = dict(zip(names, values, strict=True))
            if fields.get("data", {}) is None:
                fields["data"] = {}
            by_incident.setdefault(parent, []).append(model(**fields))
        children.append(by_incident)
    replies, events = children
    columns = [Incident.__table__.c[name] for name in _INCIDENT_COLUMNS]
    out = {}
    for values in session.execute(select(*columns).where(Incident.id.in_(wanted))):
        fields = dict(zip(_INCIDENT_COLUMNS, values, strict=True))
        iid = fields["id"]
        attached = fields["attachments"]
        fields["attachments"] = urls_of(attached)
        fields["files"] = files_of(attached)
        out[iid] = IncidentOut(**fields, replies=replies.get(iid, []), events=events.get(iid, []))
    return out


def load_full(session: Session, ids: Sequence[int], refresh: bool = False) -> dict[int, Incident]:
    """Incidents with replies and events in three queries, whatever the page size.

    `refresh` reloads rows this session already holds, e.g. right after changing them.
    """
    if not ids:
        return {}
    stmt = (
        select(Incident)
        .where(Incident.id.in_(list(ids)))
        .options(selectinload(Incident.replies), selectinload(Incident.events))
    )
    if refresh:
        stmt = stmt.execution_options(populate_existing=True)
    rows = session.scalars(stmt).all()
    return {i.id: i for i in rows}
