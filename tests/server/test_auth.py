"""Sign-in, token expiry and revocation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
from sqlalchemy import select

from cur_server.db import open_database
from cur_server.security import issue_access_token
from cur_server.tables import User


def test_login_returns_tokens_and_user(api):
    op = api("operator1")
    assert op.token and op.refresh_token
    assert op.user["username"] == "operator1" and op.user["role"] == "operator"
    me = op.get("/api/v1/me")
    assert me.status_code == 200 and me.json()["id"] == op.user["id"]


def test_wrong_password_and_unknown_user_look_the_same(api):
    anon = api()
    for username in ("operator1", "nobody"):
        r = anon.login(username, "wrong")
        assert r.status_code == 401
        assert r.json()["error"] == "bad_credentials"
        assert r.json()["message"]


def test_passwords_are_argon2id(live):
    db = open_database(live.context.db.url)
    with db.read() as s:
        hashes = s.scalars(select(User.password_hash)).all()
    db.dispose()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)


def test_no_token_bad_token_and_expired_token(api, live):
    anon = api()
    r = anon.get("/api/v1/changes")
    assert (r.status_code, r.json()["error"]) == (401, "unauthorized")
    r = anon.get("/api/v1/changes", headers={"Authorization": "Bearer not-a-jwt"})
    assert (r.status_code, r.json()["error"]) == (401, "invalid_token")
    op = api("operator1")
    claims = jwt.decode(op.token, options={"verify_signature": False})
    expired = issue_access_token(
        live.context.secret, op.user["id"], claims["sid"], timedelta(seconds=-5)
    )
    r = anon.get("/api/v1/changes", headers={"Authorization": f"Bearer {expired}"})
    assert (r.status_code, r.json()["error"]) == (401, "token_expired")
    forged = jwt.encode(
        {"sub": str(op.user["id"]), "sid": claims["sid"], "exp": datetime.now(UTC) + timedelta(1)},
        "another-secret-of-the-same-length-as-ours",
        algorithm="HS256",
    )
    r = anon.get("/api/v1/changes", headers={"Authorization": f"Bearer {forged}"})
    assert (r.status_code, r.json()["error"]) == (401, "invalid_token")


def test_refresh_gives_new_access_token(api):
    op = api("operator1")
    r = op.post("/api/v1/auth/refresh", json={"refresh_token": op.refresh_token})
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["id"] == op.user["id"] and body["expires_in"] > 0
    op.token = body["access_token"]
    assert op.get("/api/v1/me").status_code == 200


def test_logout_revokes_refresh_and_access_tokens(api):
    op = api("operator1")
    assert op.post("/api/v1/auth/logout", json={"refresh_token": op.refresh_token}).json() == {
        "revoked": True
    }
    r = op.post("/api/v1/auth/refresh", json={"refresh_token": op.refresh_token})
    assert (r.status_code, r.json()["error"]) == (401, "session_revoked")
    r = op.get("/api/v1/me")
    assert (r.status_code, r.json()["error"]) == (401, "session_revoked")
    other = api("operator1")  # a second sign-in of the same user is not affected
    assert other.get("/api/v1/me").status_code == 200
