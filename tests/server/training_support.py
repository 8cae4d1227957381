"""Shared by the training tests: a settable clock, extra accounts, a session set up over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cur_server.db import open_database
from cur_server.security import hash_password
from cur_server.tables import User
from cur_server.training_release import NOW_KEY
from tests.server.api import Api

T0 = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
TRAINING = "/api/v1/training"


class FakeClock:
    """The training wall clock, moved by hand."""

    def __init__(self, start: datetime = T0):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)

    def at(self, minutes: float) -> None:
        self.now = T0 + timedelta(minutes=minutes)


def install_clock(live) -> FakeClock:
    clock = FakeClock()
    live.context.extra[NOW_KEY] = clock
    return clock


def add_users(url: str, *users: tuple[str, str]) -> None:
    """Accounts (username, role) with password `demo`."""
    db = open_database(url)
    try:
        with db.write() as s:
            digest = hash_password("demo")
            for username, role in users:
                s.add(User(username=username, full_name=username, password_hash=digest, role=role))
    finally:
        db.dispose()


def new_session(trainer: Api, scenario_text: str, **kw) -> dict:
    r = trainer.post(f"{TRAINING}/sessions", json={"scenario_text": scenario_text, **kw})
    assert r.status_code == 201, r.text
    return r.json()


def act(trainer: Api, session_id: int, action: str) -> dict:
    r = trainer.post(f"{TRAINING}/sessions/{session_id}/{action}")
    assert r.status_code == 200, r.text
    return r.json()


def join(trainer: Api, session_id: int, *usernames: str) -> None:
    r = trainer.post(f"{TRAINING}/sessions/{session_id}/trainees", json={"usernames": usernames})
    assert r.status_code == 200, r.text


def scenario(*items: str, duration: int = 60, sla: str = "{normal: 30, high: 10}") -> str:
    """A scenario whose incidents are given as YAML flow mappings, one per line."""
    body = "\n".join(f"  - {i}" for i in items)
    return f"title: Проверка\nduration: {duration}\nsla: {sla}\nincidents:\n{body}\n"
