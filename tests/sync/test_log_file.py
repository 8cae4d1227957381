"""The log file is safe to send to support: after a real sign-in, sync and reply it holds no
token, no password and no citizen's text, while it does say what the program did."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, insert

from cur_desktop.sync.logfile import LOG_FILE, install_log_file, redact, remove_log_file
from cur_server.security import hash_password
from cur_server.tables import User

PASSWORD = "Пароль-Очень-Секретный-7781"


@pytest.fixture
def log_file(tmp_path):
    remove_log_file()
    root = logging.getLogger()
    level = root.level
    path = install_log_file(tmp_path / "log", level=logging.DEBUG)  # the worst case: everything
    yield path
    remove_log_file()
    root.setLevel(level)


def test_no_token_password_or_citizen_text_in_the_log(log_file, server, server_url, workstation):
    engine = create_engine(server_url)
    with engine.begin() as conn:
        conn.execute(
            insert(User).values(
                username="ivanova",
                full_name="Иванова",
                password_hash=hash_password(PASSWORD),
                role="operator",
                needs_approval=False,
                active=True,
                created_at=datetime.now(UTC),
            )
        )
    engine.dispose()
    from tests.sync.harness import Workstation

    ws = Workstation(server.url, "ivanova", log_file.parent / "ws", key="k" * 64, password=PASSWORD)
    try:
        ws.sync()
        inc = ws.first(status="new", assignee_id=None)
        ws.actions.claim(inc["id"])
        reply = "Уважаемый заявитель, колодец у дома закроют люком сегодня."
        ws.actions.add_reply(inc["id"], "final", reply)
        summary = ws.sync()
        assert summary.applied == 2
        access, refresh = ws.client.access_token, ws.client.refresh_token
        texts = [i["text"] for i in ws.incidents().values() if i["text"]]
        # What slips through by mistake: a library's debug line, an exception quoting a request.
        slip = logging.getLogger("tests.slip")
        slip.debug("headers: {'Authorization': 'Bearer %s'}", access)
        slip.info('POST /auth/refresh {"refresh_token": "%s"}', refresh)
        try:
            raise ValueError(f"login failed for password={PASSWORD} token {access}")
        except ValueError:
            slip.exception("sign-in")
    finally:
        ws.close()
    for handler in logging.getLogger().handlers:
        handler.flush()

    content = log_file.read_text(encoding="utf-8")
    assert "sign-in" in content and "***" in content  # the slips were written, blotted out
    assert access not in content and access.split(".")[1] not in content
    assert refresh not in content
    assert PASSWORD not in content
    assert reply not in content
    assert len(texts) > 10
    assert not [t for t in texts if t in content]


def test_redaction_rules():
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"
    assert redact(f"Authorization: Bearer {jwt}") == "Authorization: Bearer ***"
    assert redact(f"token {jwt} sent") == "token *** sent"
    assert redact('{"password": "hunter2"}') == '{"password": "***"}'
    assert redact("refresh_token=AbC123xyz") == "refresh_token=***"
    assert redact("key a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7 used") == "key *** used"
    assert redact("sync: pushed 3, pulled 200 in 1.2 s") == "sync: pushed 3, pulled 200 in 1.2 s"


def test_the_log_file_is_in_the_users_log_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    remove_log_file()
    try:
        path = install_log_file()
        assert path == tmp_path / "state" / "cur-workstation" / "log" / LOG_FILE
        assert install_log_file() == path  # once per process
    finally:
        remove_log_file()
