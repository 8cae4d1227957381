"""Scenario incidents arrive on time with nobody asking: the server's background ticker releases
what running sessions' clocks reached, and a release stays exactly-once when several workers
(or a worker and a request) release the same session at the same moment."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from cur_server.context import load_context
from cur_server.db import open_database
from cur_server.tables import Incident, TrainingItem
from cur_server.training_release import NOW_KEY, release_running
from cur_server.training_ticker import TICK_KEY
from tests.server.training_support import FakeClock, act, install_clock, new_session, scenario

SCENARIO = scenario(
    '{key: a, at: 0, text: "Нет света на улице Ленина", municipality: ryazan}',
    '{key: b, at: 10, text: "Не вывозят мусор", municipality: ryazan}',
    '{key: c, at: 20, text: "Яма у школы", municipality: kasimov, importance: high}',
    '{key: d, at: 50, text: "Не ходит автобус", municipality: ryazan}',
)


def released(url: str, session_id: int) -> list[str]:
    """Straight from the database: asking the server would release by itself."""
    db = open_database(url)
    try:
        with db.read() as s:
            return sorted(
                s.scalars(select(TrainingItem.key).where(TrainingItem.session_id == session_id))
            )
    finally:
        db.dispose()


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_incidents_arrive_on_time_without_any_request(live, api):
    clock = install_clock(live)
    live.context.extra[TICK_KEY] = 0.1
    url = live.context.db.url
    session_id = new_session(api("trainer1"), SCENARIO, speed=5)["id"]
    clock.at(0)
    act(api("trainer1"), session_id, "start")
    assert released(url, session_id) == ["a"]
    # From here on nobody asks the server anything: only its ticker can release.
    clock.at(2)  # minute 10 at ×5
    assert wait_for(lambda: released(url, session_id) == ["a", "b"]), released(url, session_id)
    clock.at(5)  # minute 25
    assert wait_for(lambda: released(url, session_id) == ["a", "b", "c"])
    time.sleep(0.5)  # several ticks more: nothing is released twice, nothing early
    assert released(url, session_id) == ["a", "b", "c"]


def test_a_paused_or_ready_session_gets_nothing_from_the_ticker(live, api):
    clock = install_clock(live)
    live.context.extra[TICK_KEY] = 0.1
    url = live.context.db.url
    trainer = api("trainer1")
    ready = new_session(trainer, SCENARIO)["id"]
    paused = new_session(trainer, SCENARIO)["id"]
    clock.at(0)
    act(trainer, paused, "start")
    act(trainer, paused, "pause")
    clock.at(30)
    time.sleep(0.6)
    assert released(url, ready) == [] and released(url, paused) == ["a"]


def test_workers_ticking_together_release_each_incident_once(live, api):
    clock = install_clock(live)
    live.context.extra[TICK_KEY] = 0  # this server's own ticker is off: the "workers" race
    url = live.context.db.url
    trainer = api("trainer1")
    sessions = [new_session(trainer, SCENARIO, speed=5)["id"] for _ in range(3)]
    clock.at(0)
    for sid in sessions:
        act(trainer, sid, "start")
    workers = [load_context(url) for _ in range(4)]
    late = FakeClock()
    late.at(6)  # minute 30: b and c are due in every session
    for w in workers:
        w.extra[NOW_KEY] = late
    start = threading.Barrier(len(workers))
    errors: list[BaseException] = []
    counts: list[int] = []

    def tick(worker) -> None:
        try:
            start.wait()
            counts.append(release_running(worker))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=tick, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for w in workers:
        w.db.dispose()
    assert errors == []
    assert sum(counts) == 2 * len(sessions)  # each due incident released by exactly one worker
    db = open_database(url)
    try:
        with db.read() as s:
            for sid in sessions:
                assert released(url, sid) == ["a", "b", "c"]
                sources = s.scalars(
                    select(Incident.source_id).where(Incident.training_session_id == sid)
                ).all()
                assert len(sources) == len(set(sources)) == 3
            numbers = s.execute(
                select(Incident.number, func.count())
                .where(Incident.training_session_id.in_(sessions))
                .group_by(Incident.number)
                .having(func.count() > 1)
            ).all()
            assert numbers == []
    finally:
        db.dispose()
