"""Password guessing is throttled: growing delays answered with 429 and Retry-After, then a
temporary lockout that admins see and the audit log records; and no bad sign-in holds the
database's write lock while argon2 works."""

from __future__ import annotations

import logging
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import make_url

from cur_server import security
from tests.server.api import Api


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _wrong(api) -> object:
    return api().login("operator1", "not-the-password")


def test_guessing_slows_down_then_locks_out_until_it_expires(live, api, caplog):
    clock = Clock()
    live.context.login_throttle.clock = clock
    refused, delays = 0, []
    with caplog.at_level(logging.WARNING, logger="cur_server.audit"):
        while refused < 10:
            r = _wrong(api)
            if r.status_code == 401:
                refused += 1
                continue
            assert r.status_code == 429, r.text
            assert r.json()["error"] == "too_many_attempts"
            delays.append(int(r.headers["Retry-After"]))
            # Even the right password waits out the delay.
            assert api().login("operator1").status_code == 429
            clock.advance(delays[-1])
    assert delays == sorted(delays) and delays[0] >= 1 and delays[-1] > delays[0], delays

    r = api().login("operator1")
    assert r.status_code == 429, r.text
    assert r.json()["error"] == "sign_in_locked"
    assert int(r.headers["Retry-After"]) >= 10 * 60
    assert "sign_in_locked" in caplog.text and "operator1" in caplog.text

    watch = api("admin").get("/api/v1/admin/sign-ins")
    assert watch.status_code == 200, watch.text
    locks = watch.json()["lockouts"]
    assert {(x["kind"], x["key"]) for x in locks} == {("user", "operator1")}
    assert watch.json()["recent_failures"][0]["username"] == "operator1"
    assert api("supervisor1").get("/api/v1/admin/sign-ins").status_code == 403

    clock.advance(int(r.headers["Retry-After"]))
    assert api().login("operator1").status_code == 200
    assert _wrong(api).status_code == 401  # counting starts afresh after a success


def test_unknown_names_are_throttled_alike(live, api):
    live.context.login_throttle.clock = Clock()
    statuses = [api().login("nobody-here", "x").status_code for _ in range(5)]
    assert statuses[:3] == [401, 401, 401] and 429 in statuses, statuses


def test_no_write_lock_is_held_while_the_password_is_checked(live, api, monkeypatch):
    """While argon2 verifies a bad password, another connection can still write at once."""
    url = make_url(live.context.db.url)
    seen: list[str] = []
    verify = security._hasher.verify

    def watching(hash_, password):
        if url.get_backend_name() == "sqlite":
            conn = sqlite3.connect(url.database, timeout=0)
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.rollback()
                seen.append("free")
            except sqlite3.OperationalError as exc:
                seen.append(str(exc))
            finally:
                conn.close()
        else:
            seen.append("free")
        return verify(hash_, password)

    class Watched:
        pass

    watched = Watched()
    watched.verify = watching
    monkeypatch.setattr(security, "_hasher", watched)
    threads = [threading.Thread(target=_wrong, args=(api,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Api(live.url).login("nobody", "x").status_code == 401
    assert seen and set(seen) == {"free"}, seen
