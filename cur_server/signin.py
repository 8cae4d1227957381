"""Signing in with a password, throttled, and the admins' view of failures and lockouts.

The password is checked outside any database transaction: argon2 takes tens of milliseconds
by design, and on SQLite a write transaction held meanwhile would stall every change on the
server (anonymous bad logins slowed mutations 25–50×). The user is read, the hash checked, and
only a successful sign-in writes its session, in a short transaction of its own.
"""

# No `from __future__ import annotations`: FastAPI must see the real types of the dependencies.

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select

from cur_desktop.models import contract as c
from cur_desktop.models.domain import Role
from cur_desktop.models.sign_ins import SignInFailure, SignInLockout, SignInWatch

from .access import Actor, require_role
from .context import ServerContext
from .errors import ApiError, Unauthorized
from .security import new_refresh_token, token_digest, verify_password
from .tables import Session as SignIn
from .tables import User


class TooManyAttempts(ApiError):
    status_code = 429
    code = "too_many_attempts"


def client_address(request: Request) -> str:
    """The peer's address. Behind a reverse proxy it is the proxy's, unless uvicorn is told to
    trust the proxy's X-Forwarded-For (`FORWARDED_ALLOW_IPS`, see the README)."""
    return request.client.host if request.client else "unknown"


def sign_in(server: ServerContext, body: c.LoginRequest, address: str) -> tuple[User, int, str]:
    """The user, the new sign-in session's id and its refresh token; 401 or 429 otherwise."""
    throttle = server.login_throttle
    refusal = throttle.check(body.username, address)
    if refusal is not None:
        if refusal.locked:
            message = "Вход временно заблокирован после многих неудачных попыток"
        else:
            message = "Слишком много неудачных попыток входа, подождите"
        raise TooManyAttempts(
            message,
            code="sign_in_locked" if refusal.locked else "too_many_attempts",
            details={"retry_after": refusal.retry_after, "by": refusal.kind},
            headers={"Retry-After": str(refusal.retry_after)},
        )
    with server.db.read() as s:
        user = s.scalars(select(User).where(User.username == body.username)).one_or_none()
    # Unknown names are hashed too (timing), and no transaction is open while argon2 works.
    ok = verify_password(user.password_hash if user else None, body.password)
    if not ok or user is None or not user.active:
        throttle.failed(body.username, address)
        raise Unauthorized("Неверное имя пользователя или пароль", code="bad_credentials")
    throttle.succeeded(body.username)
    refresh = new_refresh_token()
    now = datetime.now(UTC)
    with server.db.write() as s:
        row = SignIn(
            user_id=user.id,
            token_hash=token_digest(refresh),
            created_at=now,
            expires_at=now + server.refresh_ttl,
        )
        s.add(row)
        s.flush()
        return user, row.id, refresh


def admin_router(server: ServerContext, current_actor) -> APIRouter:
    CurrentActor = Annotated[Actor, Depends(current_actor)]
    router = APIRouter(prefix=f"{c.API_PREFIX}/admin", tags=["admin"])

    @router.get(
        "/sign-ins",
        responses={
            401: {"model": c.ErrorBody, "description": "Not signed in or token expired"},
            403: {"model": c.ErrorBody, "description": "Admins only"},
        },
    )
    def sign_ins(actor: CurrentActor) -> SignInWatch:
        """Lockouts in force and the latest failed sign-ins (this server process)."""
        require_role(actor, frozenset({Role.ADMIN}), "смотреть журнал входов")
        locks, failures = server.login_throttle.report()
        return SignInWatch(
            lockouts=[
                SignInLockout(kind=x.kind, key=x.key, failures=x.failures, until=x.until)
                for x in locks
            ],
            recent_failures=[
                SignInFailure(at=f.at, username=f.username, address=f.address) for f in failures
            ],
        )

    return router
