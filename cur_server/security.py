"""Passwords (argon2id) and tokens.

Access tokens are short-lived signed JWTs that name the sign-in session they belong to; refresh
tokens are random strings stored only as SHA-256 hashes. Revoking the session (logout) stops both
at once, because every request checks that its session is still open.
Refresh tokens are not rotated on use: on a link that drops answers, a rotated token whose reply
was lost would sign the district official out.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("timing-equaliser")

JWT_ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not the user exists, so timing does not reveal usernames."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    session_id: int


class TokenError(Exception):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def issue_access_token(secret: str, user_id: int, session_id: int, ttl: timedelta) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "sid": session_id, "iat": now, "exp": now + ttl}
    return jwt.encode(claims, secret, algorithm=JWT_ALGORITHM)


def read_access_token(secret: str, token: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token, secret, algorithms=[JWT_ALGORITHM], options={"require": ["exp", "sub", "sid"]}
        )
        return AccessClaims(user_id=int(claims["sub"]), session_id=int(claims["sid"]))
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("token_expired", "Срок действия токена истёк") from exc
    except (jwt.InvalidTokenError, ValueError, TypeError) as exc:
        raise TokenError("invalid_token", "Недействительный токен доступа") from exc
