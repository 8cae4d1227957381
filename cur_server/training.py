"""Routes of training mode (issue 6): sessions, trainees, the trainer's controls, the live view
and the scorecard. The work is done in training_sessions, training_release, training_live and
training_score.

Who may do what: trainers create and run their own sessions (another trainer's session is 404);
trainees list and read the sessions they take part in; anyone with a one-time code may redeem it
(`/training/redeem`, no sign-in). Every request by a trainer or trainee first releases what the
clock of their running sessions has reached (see `training_release.touch`, called on sign-in).
"""

# No `from __future__ import annotations`: FastAPI must see the real types of the dependencies.

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from cur_desktop.models import contract as c
from cur_desktop.models import training as t
from cur_desktop.models.domain import Role
from cur_desktop.models.scenario import ScenarioError, bundled_scenarios, load_bundled
from cur_desktop.reports.scorecard_csv import scorecard_csv
from cur_desktop.reports.scorecard_pdf import scorecard_pdf

from . import training_sessions as ops
from .access import TRAINING_ROLES, Actor, require_role
from .context import ServerContext
from .errors import NotFound
from .tables import TrainingMember, TrainingSession, User
from .training_live import live_view
from .training_release import now_of, scenario_of
from .training_score import scorecard

TRAINERS = frozenset({Role.TRAINER})
OTHER_METHODS = ("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")

_ERRORS = {
    status: {"model": c.ErrorBody, "description": text}
    for status, text in {
        400: "Not trainee accounts",
        401: "Not signed in, token expired, or a bad one-time code",
        403: "Role does not allow this",
        404: "No such session among the caller's",
        409: "The session's state does not allow this",
        422: "Request does not match the schema, or the scenario is invalid",
    }.items()
}


def _responses(*statuses: int) -> dict:
    return {s: _ERRORS[s] for s in (401, 403, *statuses)}


SessionId = Annotated[int, Path(ge=1, le=c.MAX_DB_INT)]


def training_router(server: ServerContext, current_actor) -> APIRouter:
    """The routes, given the app's dependency that signs the caller in."""
    router = APIRouter(prefix=f"{c.API_PREFIX}/training", tags=["training"])
    CurrentActor = Annotated[Actor, Depends(current_actor)]

    def trainer(actor: Actor) -> None:
        require_role(actor, TRAINERS, "вести учебные занятия")

    @router.get("/scenarios", responses=_responses())
    def scenarios(actor: CurrentActor) -> t.ScenarioList:
        trainer(actor)
        out = []
        for name in bundled_scenarios():
            try:
                _, sc = load_bundled(name)
            except ScenarioError:
                continue  # a broken bundled file is a test failure, not a user's problem
            out.append(
                t.ScenarioInfo(
                    name=name,
                    title=sc.title,
                    description=sc.description,
                    duration=sc.duration,
                    default_speed=sc.default_speed,
                    incidents=len(sc.incidents),
                )
            )
        return t.ScenarioList(scenarios=out)

    @router.post("/sessions", status_code=201, responses=_responses(422))
    def create(body: t.SessionCreate, actor: CurrentActor) -> t.SessionOut:
        trainer(actor)
        if (body.scenario is None) == (body.scenario_text is None):
            raise ops.InvalidScenario(
                "Укажите встроенный сценарий или текст сценария — одно из двух"
            )
        now = now_of(server)
        with server.db.write() as s:
            ts = ops.create_session(s, actor, body, now)
            return ops.session_out(s, server, ts, now)

    @router.api_route("/sessions", methods=list(OTHER_METHODS), include_in_schema=False)
    def sessions_other_methods() -> None:
        """Starlette's 405 names the methods of one route only; this path has two."""
        raise StarletteHTTPException(405, headers={"Allow": "GET, POST"})

    @router.get("/sessions", responses=_responses())
    def sessions(actor: CurrentActor) -> t.SessionList:
        require_role(actor, TRAINING_ROLES, "учебные занятия")
        now = now_of(server)
        with server.db.read() as s:
            rows = s.scalars(
                select(TrainingSession)
                .where(TrainingSession.id.in_(sorted(actor.training_session_ids)))
                .order_by(TrainingSession.id.desc())
            ).all()
            return t.SessionList(sessions=[ops.session_out(s, server, r, now) for r in rows])

    @router.get("/sessions/{session_id}", responses=_responses(404))
    def one(session_id: SessionId, actor: CurrentActor) -> t.SessionOut:
        require_role(actor, TRAINING_ROLES, "учебные занятия")
        if session_id not in actor.training_session_ids:
            raise NotFound("Учебное занятие не найдено")
        now = now_of(server)
        with server.db.read() as s:
            return ops.session_out(s, server, s.get(TrainingSession, session_id), now)

    @router.post("/sessions/{session_id}/trainees", responses=_responses(400, 404))
    def add_trainees(
        session_id: SessionId, body: t.AddTrainees, actor: CurrentActor
    ) -> t.SessionOut:
        trainer(actor)
        now = now_of(server)
        with server.db.write() as s:
            ts = ops.owned_session(s, actor, session_id, lock=True)
            ops.add_trainees(s, ts, body.usernames, now)
            return ops.session_out(s, server, ts, now)

    @router.post("/sessions/{session_id}/codes", status_code=201, responses=_responses(404, 409))
    def codes(session_id: SessionId, body: t.CodesRequest, actor: CurrentActor) -> t.CodesOut:
        trainer(actor)
        with server.db.write() as s:
            ts = ops.owned_session(s, actor, session_id, lock=True)
            return t.CodesOut(codes=ops.issue_codes(s, ts, body.count, now_of(server)))

    @router.post("/redeem", responses={401: _ERRORS[401]})
    def redeem(body: t.RedeemRequest) -> c.TokenPair:
        with server.db.write() as s:
            return ops.redeem(s, server, body, now_of(server))

    def _control(session_id: int, action: str, actor: Actor) -> t.SessionOut:
        trainer(actor)
        now = now_of(server)
        with server.db.write() as s:
            ts = ops.owned_session(s, actor, session_id, lock=True)
            ops.control(s, server, ts, action, now)
            return ops.session_out(s, server, ts, now)

    @router.post("/sessions/{session_id}/start", responses=_responses(404, 409))
    def start(session_id: SessionId, actor: CurrentActor) -> t.SessionOut:
        """Start the clock at minute 0; incidents due at 0 arrive at once."""
        return _control(session_id, "start", actor)

    @router.post("/sessions/{session_id}/pause", responses=_responses(404, 409))
    def pause(session_id: SessionId, actor: CurrentActor) -> t.SessionOut:
        return _control(session_id, "pause", actor)

    @router.post("/sessions/{session_id}/resume", responses=_responses(404, 409))
    def resume(session_id: SessionId, actor: CurrentActor) -> t.SessionOut:
        return _control(session_id, "resume", actor)

    @router.post("/sessions/{session_id}/stop", responses=_responses(404, 409))
    def stop(session_id: SessionId, actor: CurrentActor) -> t.SessionOut:
        """End the session: nothing more is released, no code is redeemed; the scorecard stays."""
        return _control(session_id, "stop", actor)

    @router.put("/sessions/{session_id}/speed", responses=_responses(404, 409))
    def speed(session_id: SessionId, body: t.SpeedIn, actor: CurrentActor) -> t.SessionOut:
        trainer(actor)
        now = now_of(server)
        with server.db.write() as s:
            ts = ops.owned_session(s, actor, session_id, lock=True)
            ops.set_speed(s, server, ts, body.speed, now)
            return ops.session_out(s, server, ts, now)

    @router.get("/sessions/{session_id}/live", responses=_responses(404))
    def live(session_id: SessionId, actor: CurrentActor) -> t.LiveView:
        trainer(actor)
        now = now_of(server)
        with server.db.read() as s:
            ts = ops.owned_session(s, actor, session_id)
            return live_view(s, ts, ops.session_out(s, server, ts, now), now)

    def _scorecard(session_id: int, actor: Actor) -> t.Scorecard:
        trainer(actor)
        now = now_of(server)
        with server.db.read() as s:
            ts = ops.owned_session(s, actor, session_id)
            out = ops.session_out(s, server, ts, now)
            return scorecard(s, ts, scenario_of(server, ts), out, now)

    @router.get("/sessions/{session_id}/scorecard", responses=_responses(404))
    def score(session_id: SessionId, actor: CurrentActor) -> t.Scorecard:
        return _scorecard(session_id, actor)

    @router.get(
        "/sessions/{session_id}/scorecard.csv",
        response_class=Response,
        responses={**_responses(404), 200: {"content": {"text/csv": {}}}},
    )
    def score_csv(session_id: SessionId, actor: CurrentActor) -> Response:
        body = scorecard_csv(_scorecard(session_id, actor))
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="scorecard-{session_id}.csv"'},
        )

    @router.get(
        "/sessions/{session_id}/scorecard.pdf",
        response_class=Response,
        responses={**_responses(404), 200: {"content": {"application/pdf": {}}}},
    )
    def score_pdf(session_id: SessionId, actor: CurrentActor) -> Response:
        body = scorecard_pdf(_scorecard(session_id, actor))
        return Response(
            body,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="scorecard-{session_id}.pdf"'},
        )

    @router.put("/sessions/{session_id}/comments/{user_id}", responses=_responses(404))
    def comment(
        session_id: SessionId,
        user_id: Annotated[int, Path(ge=1, le=c.MAX_DB_INT)],
        body: t.CommentIn,
        actor: CurrentActor,
    ) -> t.Participant:
        """The trainer's comment on one trainee, shown on the scorecard (replaces the last)."""
        trainer(actor)
        with server.db.write() as s:
            ops.owned_session(s, actor, session_id, lock=True)
            member = s.get(TrainingMember, (session_id, user_id))
            if member is None or member.role != Role.TRAINEE:
                raise NotFound("Такого слушателя в занятии нет")
            member.comment = body.text.strip() or None
            user = s.get(User, user_id)
            return t.Participant(
                user_id=user.id,
                username=user.username,
                full_name=user.full_name,
                comment=member.comment,
            )

    return router
