"""New incidents, made one way whoever brings the message: the channel collectors (`ingest`)
or a training session's scenario (`training_release`).

Each arrival becomes an incident in status «new» with its SLA clock started at receipt, its
address and text keys for the analytics, a place in the changes feed (consecutive sequence
numbers reserved here, in the caller's transaction) and a «received» event. What differs is
decided by the caller: the number (the year's serial, or «УЧ-…» in training), the first-answer
due time (the region's SLA clock, or the scenario's on the session's clock), the event's time
and author, and the training session it belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from cur_desktop.models.fingerprint import address_key, text_key

from . import wire_json
from .db import CHANGE_SEQ, next_values
from .tables import Event, Incident


@dataclass(frozen=True)
class Arrival:
    number: str
    channel: str
    source_id: str
    text: str
    received_at: datetime
    municipality_id: int
    sector: str
    importance: str
    first_answer_due: datetime | None
    category_id: int | None = None
    source_url: str | None = None
    author_name: str | None = None
    #: Links (str) and references to stored files (dict, `attachments.reference`).
    attachments: list = field(default_factory=list)
    training_session_id: int | None = None
    #: When the «received» event is dated: None for the moment of storing (`now`).
    event_at: datetime | None = None


def add_incidents(
    s: Session, arrivals: Sequence[Arrival], now: datetime, actor_id: int | None
) -> list[Incident]:
    """Store the arrivals as new incidents, in order, with their «received» events."""
    if not arrivals:
        return []
    last_seq = next_values(s, CHANGE_SEQ, len(arrivals))
    rows = []
    for offset, a in enumerate(arrivals):
        received = a.received_at.astimezone(UTC)
        rows.append(
            Incident(
                number=a.number,
                channel=a.channel,
                source_id=a.source_id,
                source_url=a.source_url,
                author_name=a.author_name or None,
                text=a.text,
                attachments=list(a.attachments),
                received_at=received,
                municipality_id=a.municipality_id,
                sector=a.sector,
                category_id=a.category_id,
                importance=a.importance,
                status="new",
                sla_started_at=received,
                first_answer_due=a.first_answer_due,
                version=1,
                seq=last_seq - len(arrivals) + 1 + offset,
                created_at=now,
                updated_at=now,
                training_session_id=a.training_session_id,
                address_key=address_key(a.text),
                text_key=text_key(a.text),
            )
        )
    s.add_all(rows)
    s.flush()
    for a, inc in zip(arrivals, rows, strict=True):
        data: dict = {"channel": inc.channel}
        if a.training_session_id is not None:
            data["training_session_id"] = a.training_session_id
        s.add(
            Event(
                incident_id=inc.id,
                version=1,
                at=a.event_at or now,
                actor_id=actor_id,
                kind="received",
                data=data,
            )
        )
    wire_json.store(s, [inc.id for inc in rows])
    return rows
