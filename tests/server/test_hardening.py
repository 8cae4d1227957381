"""Smaller hardening: the collector robot sees only what ingest needs, a sign-in session ends at
its expiry, the token signing secret can come from outside the database, and the API browser
works on a closed network (no CDN)."""

from __future__ import annotations

import os
import re
import stat

import pytest
from sqlalchemy import update

from cur_server.context import SecretError, load_context
from cur_server.tables import Session as SignIn


def test_collector_reference_holds_only_what_ingest_needs(api):
    ref = api("collector").get("/api/v1/reference")
    assert ref.status_code == 200, ref.text
    body = ref.json()
    assert body["users"] == [] and body["templates"] == [] and body["agencies"] == []
    assert body["municipalities"] and body["categories"] and body["sectors"]
    assert api("operator1").get("/api/v1/reference").json()["users"]


def test_an_expired_sign_in_session_no_longer_works(live, api):
    op = api("operator1")
    assert op.get("/api/v1/me").status_code == 200
    with live.context.db.write() as s:
        s.execute(update(SignIn).values(expires_at=SignIn.created_at))
    r = op.get("/api/v1/me")
    assert r.status_code == 401, r.text
    assert r.json()["error"] == "session_revoked"


def test_docs_need_no_external_network(live, api):
    page = api().get("/docs")
    assert page.status_code == 200
    sources = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", page.text)
    sources += re.findall(r"""url: ['"]([^'"]+)['"]""", page.text)
    assert sources
    for source in sources:
        assert not re.match(r"(https?:)?//", source), source
        if source.endswith((".js", ".css")):
            assert api().get(source).status_code == 200, source


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("CUR_JWT_SECRET", raising=False)
    monkeypatch.delenv("CUR_JWT_SECRET_FILE", raising=False)
    return monkeypatch


def test_jwt_secret_from_the_environment(db_url, clean_env):
    stored = load_context(db_url)
    stored.db.dispose()
    clean_env.setenv("CUR_JWT_SECRET", "e" * 48)
    ctx = load_context(db_url)
    ctx.db.dispose()
    assert ctx.secret == "e" * 48 != stored.secret
    clean_env.setenv("CUR_JWT_SECRET", "short")
    with pytest.raises(SecretError):
        load_context(db_url)


def test_jwt_secret_file_must_be_private(db_url, clean_env, tmp_path):
    path = tmp_path / "jwt.secret"
    path.write_text("f" * 64 + "\n")
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    clean_env.setenv("CUR_JWT_SECRET_FILE", str(path))
    ctx = load_context(db_url)
    ctx.db.dispose()
    assert ctx.secret == "f" * 64
    os.chmod(path, 0o644)
    with pytest.raises(SecretError, match="readable"):
        load_context(db_url)
