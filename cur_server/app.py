"""The reference central server: the REST contract the workstation speaks."""

# No `from __future__ import annotations` here: FastAPI must see the real types of the
# dependencies defined inside create_app().

import json
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Path, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from cur_desktop.models import contract as c
from cur_desktop.models.domain import Role

from .access import HANDLER_ROLES, Actor, can_see, reads_incidents, require_role
from .analytics import analytics_router
from .attachments import SERVED_TYPES
from .attachments import load as load_attachment
from .channels.rejects import rejects_router
from .context import ServerContext
from .errors import NotFound, Unauthorized, error_response, install_error_handlers
from .feed import changes_page_json
from .ingest import ingest
from .mutations import apply_batch
from .reference import reference_body_and_etag
from .security import (
    TokenError,
    issue_access_token,
    read_access_token,
    token_digest,
)
from .serialize import incidents_out
from .server_time import ServerTime
from .signin import admin_router, client_address, sign_in
from .tables import Session as SignIn
from .tables import User
from .team import team_router
from .training import training_router
from .training_release import touch as training_touch
from .training_ticker import ReleaseTicker
from .versions import refuse_outdated

ERRORS = {
    status: {"model": c.ErrorBody, "description": text}
    for status, text in {
        400: "Malformed request",
        401: "Not signed in or token expired",
        403: "Role or scope does not allow this",
        404: "Not found",
        413: "Request body too large",
        422: "Request does not match the schema",
        426: "The workstation is older than the minimum supported version (`client_too_old`)",
        429: "Too many failed sign-ins: wait `Retry-After` seconds",
    }.items()
}


class BodySizeLimit:
    """Refuses oversize bodies before anything parses them, declared length or streamed.

    The body is read here first (it is small by definition) and replayed to the app, because
    FastAPI turns any error raised while it reads the body into a vague 400.
    """

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            return await self._refuse(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                return await self._refuse(scope, receive, send)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(
            413, "payload_too_large", f"Тело запроса больше {self.max_bytes} байт"
        )
        await response(scope, receive, send)


def create_app(server: ServerContext) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        ticker = ReleaseTicker(server)  # training incidents arrive on time, asked for or not
        ticker.start()
        try:
            yield
        finally:
            await ticker.stop()

    # Swagger UI and ReDoc from files shipped in fastapi-offline: no CDN on a closed network.
    app = FastAPIOffline(
        title="ЦУР: центральный сервер (эталонный)",
        version="1.0.0",
        description="REST contract between the ЦУР operator workstation and the central server.",
        responses={k: v for k, v in ERRORS.items() if k in (400, 413, 422)},
        lifespan=lifespan,
    )
    app.state.server = server
    install_error_handlers(app)
    # Level 6, not Starlette's 9: a third less CPU for 3 % more bytes on the changes feed.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(BodySizeLimit, max_bytes=c.MAX_REQUEST_BYTES)
    app.add_middleware(ServerTime)  # outermost: refusals and errors carry the time too
    bearer = HTTPBearer(auto_error=False)

    def current_actor(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Actor:
        if creds is None:
            raise Unauthorized("Требуется вход в систему")
        try:
            claims = read_access_token(server.secret, creds.credentials)
        except TokenError as exc:
            raise Unauthorized(str(exc), code=exc.code) from exc
        now = datetime.now(UTC)
        with server.db.read() as s:
            # One round trip per request: the user, their sign-in and their districts together.
            found = (
                s.execute(
                    select(User, SignIn.revoked_at, SignIn.expires_at)
                    .join(SignIn, SignIn.user_id == User.id)
                    .where(SignIn.id == claims.session_id, User.id == claims.user_id)
                    .options(joinedload(User.municipalities))
                )
                .unique()
                .one_or_none()
            )
            if (
                found is None
                or found.revoked_at is not None
                or found.expires_at <= now
                or not found.User.active
            ):
                raise Unauthorized("Сеанс завершён, войдите снова", code="session_revoked")
            user = found.User
            actor = Actor.of(user)
            seen = user.last_seen_at
        training_touch(server, actor)  # releases what training clocks reached; else nothing
        if seen is None or now - seen > server.presence_interval:
            with server.db.write() as s:
                s.execute(update(User).where(User.id == actor.id).values(last_seen_at=now))
        return actor

    CurrentActor = Annotated[Actor, Depends(current_actor)]
    api = c.API_PREFIX

    def user_out(user: User) -> c.UserOut:
        return c.UserOut(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=user.role,
            municipality_ids=user.municipality_ids,
            needs_approval=user.needs_approval,
        )

    def token_pair(user: User, session_id: int, refresh: str) -> c.TokenPair:
        return c.TokenPair(
            access_token=issue_access_token(server.secret, user.id, session_id, server.access_ttl),
            refresh_token=refresh,
            expires_in=int(server.access_ttl.total_seconds()),
            user=user_out(user),
        )

    @app.get("/health", tags=["service"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post(f"{api}/auth/login", tags=["auth"], responses={401: ERRORS[401], 429: ERRORS[429]})
    def login(body: c.LoginRequest, request: Request) -> c.TokenPair:
        return token_pair(*sign_in(server, body, client_address(request)))

    def _session_for(s, refresh_token: str) -> SignIn | None:
        return s.scalars(
            select(SignIn).where(SignIn.token_hash == token_digest(refresh_token))
        ).one_or_none()

    @app.post(f"{api}/auth/refresh", tags=["auth"], responses={401: ERRORS[401]})
    def refresh(body: c.RefreshRequest) -> c.TokenPair:
        with server.db.read() as s:
            sign_in = _session_for(s, body.refresh_token)
            now = datetime.now(UTC)
            if sign_in is None or sign_in.revoked_at is not None or sign_in.expires_at <= now:
                raise Unauthorized("Сеанс завершён, войдите снова", code="session_revoked")
            user = s.get(User, sign_in.user_id)
            if user is None or not user.active:
                raise Unauthorized("Учётная запись отключена", code="session_revoked")
            return token_pair(user, sign_in.id, body.refresh_token)

    @app.post(f"{api}/auth/logout", tags=["auth"])
    def logout(body: c.RefreshRequest) -> c.LogoutResult:
        with server.db.write() as s:
            sign_in = _session_for(s, body.refresh_token)
            if sign_in is None or sign_in.revoked_at is not None:
                return c.LogoutResult(revoked=False)
            sign_in.revoked_at = datetime.now(UTC)
            return c.LogoutResult(revoked=True)

    @app.get(f"{api}/me", tags=["auth"], responses={401: ERRORS[401]})
    def me(actor: CurrentActor) -> c.UserOut:
        with server.db.read() as s:
            return user_out(s.get(User, actor.id))

    @app.get(
        f"{api}/reference",
        tags=["reference"],
        response_model=c.Reference,
        responses={401: ERRORS[401], 304: {"description": "Unchanged since the given ETag"}},
    )
    def reference(request: Request, actor: CurrentActor) -> Response:
        body, etag = reference_body_and_etag(server, actor)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    @app.get(
        f"{api}/changes",
        tags=["sync"],
        response_model=c.ChangesPage,
        responses={401: ERRORS[401], 403: ERRORS[403]},
    )
    def changes(
        actor: CurrentActor,
        cursor: Annotated[int, Query(ge=0, le=c.MAX_SAFE_INT)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = c.DEFAULT_CHANGES_PAGE,
    ) -> Response:
        reads_incidents(actor)
        page = changes_page_json(server, actor, cursor, min(limit, c.MAX_CHANGES_PAGE))
        # Serialised from validated models already (and mostly cached): sent as it is.
        return Response(page, media_type="application/json")

    @app.get(
        f"{api}/incidents/{{incident_id}}",
        tags=["sync"],
        responses={401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404]},
    )
    def incident(
        incident_id: Annotated[int, Path(ge=1, le=c.MAX_DB_INT)], actor: CurrentActor
    ) -> c.IncidentOut:
        return readable_incident(actor, incident_id)

    def readable_incident(actor: Actor, incident_id: int) -> c.IncidentOut:
        """The incident as GET /incidents/{id} answers it, or NotFound: same rights."""
        reads_incidents(actor)
        with server.db.read() as s:
            found = incidents_out(s, [incident_id]).get(incident_id)
        if found is None or not can_see(actor, found):
            raise NotFound("Обращение не найдено")
        return found

    def attachment_response(
        actor: Actor, incident_id: int, attachment_id: int, *, full: bool
    ) -> Response:
        found = readable_incident(actor, incident_id)
        ref = next((f for f in found.files if f.id == attachment_id), None)
        if ref is None:
            raise NotFound("Вложение не найдено")
        with server.db.read() as s:
            row = load_attachment(s, attachment_id, full=full)
            body = None if row is None else (row.data if full else row.thumbnail)
            kind = None if row is None else row.media_type
        if body is None:
            raise NotFound("Миниатюры нет" if not full else "Вложение не найдено")
        headers = {
            "Cache-Control": "private, max-age=31536000, immutable",  # content never changes
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        }
        if not full:
            return Response(body, media_type="image/jpeg", headers=headers)
        if kind not in SERVED_TYPES:
            kind = "application/octet-stream"
            headers["Content-Disposition"] = "attachment"
        return Response(body, media_type=kind, headers=headers)

    attachment_errors = {401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404]}
    IncidentId = Annotated[int, Path(ge=1, le=c.MAX_DB_INT)]
    AttachmentId = Annotated[int, Path(ge=1, le=c.MAX_DB_INT)]

    @app.get(
        f"{api}/incidents/{{incident_id}}/attachments/{{attachment_id}}",
        tags=["sync"],
        response_class=Response,
        responses={
            200: {
                "description": "The file as stored (an image type, else octet-stream)",
                "content": {t: {} for t in [*sorted(SERVED_TYPES), "application/octet-stream"]},
            },
            **attachment_errors,
        },
    )
    def attachment_file(
        incident_id: IncidentId, attachment_id: AttachmentId, actor: CurrentActor
    ) -> Response:
        """A file stored for the incident (a citizen's photo), read with the incident's rights."""
        return attachment_response(actor, incident_id, attachment_id, full=True)

    @app.get(
        f"{api}/incidents/{{incident_id}}/attachments/{{attachment_id}}/thumbnail",
        tags=["sync"],
        response_class=Response,
        responses={
            200: {"description": "A JPEG thumbnail", "content": {"image/jpeg": {}}},
            **attachment_errors,
        },
    )
    def attachment_thumbnail(
        incident_id: IncidentId, attachment_id: AttachmentId, actor: CurrentActor
    ) -> Response:
        """The thumbnail of an image stored for the incident (404 if there is none)."""
        return attachment_response(actor, incident_id, attachment_id, full=False)

    @app.get(f"{api}/client-version", tags=["service"])
    def client_version() -> c.ClientVersion:
        """The newest workstation version and the oldest that may still write."""
        return server.client_versions

    @app.post(
        f"{api}/mutations",
        tags=["sync"],
        responses={401: ERRORS[401], 403: ERRORS[403], 426: ERRORS[426]},
    )
    def mutations(
        body: c.MutationBatch, actor: CurrentActor, request: Request
    ) -> c.MutationResults:
        refuse_outdated(server.client_versions, request)
        require_role(actor, HANDLER_ROLES, "изменять обращения")
        return apply_batch(server, actor, body)

    @app.post(f"{api}/ingest", tags=["ingest"], responses={401: ERRORS[401], 403: ERRORS[403]})
    def ingest_items(body: c.IngestRequest, actor: CurrentActor) -> c.IngestResult:
        require_role(actor, frozenset({Role.COLLECTOR, Role.ADMIN}), "загружать сообщения")
        return ingest(server, actor.id, body)

    app.include_router(analytics_router(server, current_actor))
    app.include_router(team_router(server, current_actor))
    app.include_router(training_router(server, current_actor))
    app.include_router(admin_router(server, current_actor))
    app.include_router(rejects_router(server, current_actor))
    return app


def app_from_environment() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): database from the environment."""
    from .context import database_url_from, load_context

    return create_app(load_context(database_url_from(None)))


def openapi_json(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2)
