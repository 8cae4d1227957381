"""Routes of the supervisor's console: presence and collisions, the team board, the shift
handover and quality figures. The work is done in `presence`, `board` and `quality`.

Who may do what:
- presence: everyone who handles incidents, for incidents they may see;
- team board: supervisors and admins (the region's operators), district officials (the
  officials of their municipalities); others 403 (a trainer follows a class in the training
  session's live view, on the session's own clock);
- handover: supervisors and admins write notes; they and operators read the latest;
- quality: supervisors, admins and trainers see everyone in their scope, operators and
  trainees only their own figures.
"""

# No `from __future__ import annotations`: FastAPI must see the real types of the dependencies.

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from cur_desktop.models import contract as c
from cur_desktop.models.domain import Role
from cur_desktop.models.team import (
    MAX_QUALITY_DAYS,
    Handover,
    HandoverIn,
    HandoverNote,
    PresenceIn,
    PresenceOut,
    QualityReport,
    TeamBoard,
)

from . import presence, training_drafts
from .access import HANDLER_ROLES, LEAD_ROLES, Actor, require_role
from .board import local_day, team_board
from .context import ServerContext
from .deadlines import left_at_risk
from .errors import ApiError
from .quality import quality_report
from .tables import HandoverNote as NoteRow
from .tables import User
from .training_release import now_of

BOARD_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.DISTRICT_OFFICIAL})
HANDOVER_WRITERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
HANDOVER_READERS = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.OPERATOR})
OTHER_METHODS = ("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")
#: Dates outside these are typing errors (and would overflow the date arithmetic).
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)

_ERRORS = {
    status: {"model": c.ErrorBody, "description": text}
    for status, text in {
        401: "Not signed in or token expired",
        403: "Role does not allow this",
        404: "Not found or out of the caller's scope",
        422: "Request does not match the schema, or the period is wrong",
    }.items()
}


class InvalidQuery(ApiError):
    status_code = 422
    code = "invalid_request"


def _responses(*statuses: int) -> dict:
    return {s: _ERRORS[s] for s in (401, *statuses)}


def _note_out(row: NoteRow, author: str) -> HandoverNote:
    return HandoverNote(
        id=row.id,
        text=row.text,
        author_id=row.author_id,
        author_name=author,
        created_at=row.created_at,
    )


def team_router(server: ServerContext, current_actor) -> APIRouter:
    """The routes, given the app's dependency that signs the caller in."""
    CurrentActor = Annotated[Actor, Depends(current_actor)]
    api = APIRouter(prefix=c.API_PREFIX, tags=["team"])

    @api.post("/presence", responses=_responses(403, 404))
    def heartbeat(body: PresenceIn, actor: CurrentActor) -> PresenceOut:
        """Say what the user is doing; the answer lists who else is on the same incident.

        A trainee's workstation adds the reply being written (`draft`) for the trainer's live
        view; from anyone else, or on a real incident, a draft is refused (403).
        """
        require_role(actor, HANDLER_ROLES, "работать с обращениями")
        now = datetime.now(UTC)
        with server.db.write() as s:
            if body.incident_id is not None:
                presence.require_visible(s, actor, body.incident_id)
            presence.record(s, actor, body, now)
            training_drafts.record(s, actor, body, now_of(server))
            others = (
                presence.others_on(s, actor, body.incident_id, now)
                if body.incident_id is not None
                else []
            )
        return PresenceOut(incident_id=body.incident_id, others=others)

    @api.get("/presence", responses=_responses(403, 404, 422))
    def who_else(
        incident_id: Annotated[int, Query(ge=1, le=c.MAX_DB_INT)],
        actor: CurrentActor,
        request: Request,
    ) -> PresenceOut:
        """Who else has the incident open or is writing to it now."""
        unknown = sorted(set(request.query_params) - {"incident_id"})
        if unknown:  # the published schema allows no other parameter: refuse, don't ignore
            raise InvalidQuery(f"Unknown query parameters: {unknown}")
        require_role(actor, HANDLER_ROLES, "работать с обращениями")
        now = datetime.now(UTC)
        with server.db.read() as s:
            presence.require_visible(s, actor, incident_id)
            others = presence.others_on(s, actor, incident_id, now)
        return PresenceOut(incident_id=incident_id, others=others)

    @api.api_route("/presence", methods=list(OTHER_METHODS), include_in_schema=False)
    def presence_other_methods() -> None:
        """Starlette's 405 names the methods of one route only; this path has two."""
        raise StarletteHTTPException(405, headers={"Allow": "GET, POST"})

    @api.get("/team", responses=_responses(403))
    def team(actor: CurrentActor) -> TeamBoard:
        """Per member: presence, load by SLA state, first answers today."""
        require_role(actor, BOARD_ROLES, "видеть работу смены")
        with server.db.read() as s:
            return team_board(s, actor, server.clock, datetime.now(UTC))

    def handover(s, actor: Actor, note: NoteRow | None) -> Handover:
        now = datetime.now(UTC)
        incidents, total = left_at_risk(s, actor, server.clock, now)
        out = None
        if note is not None:
            out = _note_out(note, s.get(User, note.author_id).full_name)
        return Handover(note=out, as_of=now, total=total, incidents=incidents)

    @api.post("/handover", responses=_responses(403))
    def write_handover(body: HandoverIn, actor: CurrentActor) -> Handover:
        """A note for the next shift; the answer adds what is at risk or overdue now."""
        require_role(actor, HANDOVER_WRITERS, "передавать смену")
        note = NoteRow(author_id=actor.id, text=body.text, created_at=datetime.now(UTC))
        with server.db.write() as s:
            s.add(note)
        with server.db.read() as s:  # the list is made outside the write lock
            return handover(s, actor, note)

    @api.get("/handover/latest", responses=_responses(403))
    def latest_handover(actor: CurrentActor) -> Handover:
        """The latest note, and what is at risk or overdue at the time of this request."""
        require_role(actor, HANDOVER_READERS, "читать передачу смены")
        with server.db.read() as s:
            note = s.scalars(
                select(NoteRow).order_by(NoteRow.created_at.desc(), NoteRow.id.desc()).limit(1)
            ).first()
            return handover(s, actor, note)

    @api.get("/quality", responses=_responses(403, 422))
    def quality(
        actor: CurrentActor,
        date_from: Annotated[
            date | None, Query(description="Default: 29 days before date_to")
        ] = None,
        date_to: Annotated[date | None, Query(description="Inclusive; default: today")] = None,
    ) -> QualityReport:
        """Per operator: reviews made in the period, share of each checklist item met, score."""
        require_role(actor, HANDLER_ROLES - {Role.DISTRICT_OFFICIAL}, "видеть оценки качества")
        if any(d is not None and not EARLIEST <= d <= LATEST for d in (date_from, date_to)):
            raise InvalidQuery(f"Даты вне диапазона {EARLIEST:%Y}–{LATEST:%Y} годов")
        date_to = date_to or local_day(server.clock, datetime.now(UTC))[0].date()
        date_from = date_from or date_to - timedelta(days=29)
        if date_to < date_from:
            raise InvalidQuery("Конец периода раньше его начала")
        if (date_to - date_from).days + 1 > MAX_QUALITY_DAYS:
            raise InvalidQuery(f"Период длиннее {MAX_QUALITY_DAYS} дней")
        only = None if actor.role in LEAD_ROLES else actor.id
        with server.db.read() as s:
            return quality_report(s, actor, server.clock, date_from, date_to, only)

    return api
