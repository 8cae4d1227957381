"""ORM rows to wire models, and loading incidents with everything a client caches."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cur_desktop.models.contract import EventOut, IncidentOut, ReplyOut

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
        attachments=list(i.attachments or []),
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
