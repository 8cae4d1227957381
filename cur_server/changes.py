"""Recording a change to an incident: the version bump with its events, then the incident's new
place in the changes feed. Every writer of incidents ends this way (mutations, the channels'
follow-ups and delivery results), so every workstation sees the change on its next poll."""

from __future__ import annotations

from sqlalchemy.orm import Session

from . import wire_json
from .db import CHANGE_SEQ, next_values
from .tables import Event, Incident, ScopeMove


def record_events(session: Session, incident: Incident, actor_id: int | None, now, events) -> None:
    """Bump the version and stamp the events with it; `take_feed_place` comes last."""
    incident.version += 1
    incident.updated_at = now
    for kind, data in events:
        session.add(
            Event(
                incident_id=incident.id,
                version=incident.version,
                at=now,
                actor_id=actor_id,
                kind=kind,
                data=data,
            )
        )
    session.flush()


def take_feed_place(session: Session, incident: Incident, moved_from: int | None) -> None:
    """A new place in the change feed, the last step before commit.

    Taking a sequence value locks the counter row until commit, and every mutation waits for
    that lock: the less work after it, the more mutations per second the server applies. The
    incident's wire JSON is made and kept just before (`wire_json.store`), so the changes feed
    sends it as it is.
    """
    wire_json.store(session, [incident.id])
    incident.seq = next_values(session, CHANGE_SEQ)
    if moved_from is not None:
        session.add(
            ScopeMove(
                seq=incident.seq,
                incident_id=incident.id,
                from_municipality_id=moved_from,
                to_municipality_id=incident.municipality_id,
            )
        )
    session.flush()


def record_change(session: Session, incident: Incident, now, events, actor_id=None) -> None:
    """Both steps at once, for a writer with nothing to do between them."""
    record_events(session, incident, actor_id, now, events)
    take_feed_place(session, incident, None)
