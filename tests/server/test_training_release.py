"""Scenario incidents arrive on the session's virtual clock: on schedule, accelerated, paused."""

from __future__ import annotations

from datetime import datetime, timedelta

from cur_server.training_clock import SessionClock
from tests.server.api import Api
from tests.server.training_support import (
    T0,
    TRAINING,
    act,
    add_users,
    install_clock,
    join,
    new_session,
    scenario,
)

SCENARIO = scenario(
    '{key: a, at: 0, text: "Нет света на улице Ленина", municipality: ryazan}',
    '{key: b, at: 10, text: "Не вывозят мусор", municipality: ryazan}',
    '{key: c, at: 20, text: "Яма у школы", municipality: kasimov, importance: high}',
    '{key: d, at: 50, text: "Не ходит автобус", municipality: "городской округ город Сасово"}',
)


def wall(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def keys(api: Api) -> dict[str, dict]:
    return {i["source_id"].rsplit(":", 1)[1]: i for i in api.all_incidents().values()}


def test_clock_maps_wall_time_through_pauses_and_speed_changes():
    clock = SessionClock()
    clock.run(wall(0), 2)
    clock.pause(wall(5))  # minute 10
    clock.run(wall(8), 5)  # resumes at minute 10, ×5
    assert clock.minute_at(wall(-1)) is None
    assert clock.minute_at(wall(2.5)) == 5
    assert clock.minute_at(wall(6)) == 10  # paused
    assert clock.minute_at(wall(10)) == 20
    assert clock.wall_at(5, wall(10), 5) == wall(2.5)
    assert clock.wall_at(15, wall(10), 5) == wall(9)
    assert clock.wall_at(30, wall(10), 5) == wall(12)  # projected at the current speed
    again = SessionClock(clock.to_json())
    assert again.minute_at(wall(9)) == clock.minute_at(wall(9)) == 15


def test_release_on_schedule_at_x5_with_pause_and_speed_change(live, api):
    clock = install_clock(live)
    add_users(live.context.db.url, ("trainee1", "trainee"))
    trainer, trainee = api("trainer1"), api("trainee1")
    session = new_session(trainer, SCENARIO, speed=5)
    join(trainer, session["id"], "trainee1")
    assert keys(trainee) == {}  # nothing before the start
    clock.at(0)
    started = act(trainer, session["id"], "start")
    assert started["state"] == "running" and started["released"] == 1
    clock.at(1.9)  # minute 9.5
    assert set(keys(trainee)) == {"a"}
    clock.at(2)  # minute 10
    got = keys(trainee)
    assert set(got) == {"a", "b"}
    # Stamped with the moment the clock reached the offset, due after 30 scenario minutes (6 wall).
    assert when(got["b"]["received_at"]) == wall(2)
    assert when(got["b"]["first_answer_due"]) == wall(2 + 30 / 5)
    # Released lazily: a late request still stamps the scheduled time.
    clock.at(7)  # minute 35
    got = keys(trainee)
    assert set(got) == {"a", "b", "c"}
    assert when(got["c"]["received_at"]) == wall(4)
    assert when(got["c"]["first_answer_due"]) == wall(4 + 10 / 5)  # high importance: 10 min
    paused = act(trainer, session["id"], "pause")
    assert paused["minute"] == 35
    clock.at(60)
    assert set(keys(trainee)) == {"a", "b", "c"}  # a paused clock releases nothing
    r = trainer.request("PUT", f"{TRAINING}/sessions/{session['id']}/speed", json={"speed": 1})
    assert r.status_code == 200 and r.json()["speed"] == 1
    resumed = act(trainer, session["id"], "resume")
    assert resumed["minute"] == 35
    clock.at(60 + 14.9)  # minute 49.9 at ×1
    assert "d" not in keys(trainee)
    clock.at(60 + 15)
    got = keys(trainee)
    assert when(got["d"]["received_at"]) == wall(75)
    assert when(got["d"]["first_answer_due"]) == wall(75 + 30)
    # Unanswered due times were re-projected at the new pace: «b» is due at minute 40.
    assert when(got["b"]["first_answer_due"]) == wall(60 + 5)
    stopped = act(trainer, session["id"], "stop")
    assert stopped["state"] == "stopped" and stopped["released"] == 4
    again = trainer.post(f"{TRAINING}/sessions/{session['id']}/resume")
    assert again.status_code == 409


def test_speed_and_controls_are_checked(live, api):
    install_clock(live)
    trainer = api("trainer1")
    session = new_session(trainer, SCENARIO)
    assert session["speed"] == 1 and session["state"] == "ready" and session["total"] == 4
    sid = session["id"]
    assert (
        trainer.request("PUT", f"{TRAINING}/sessions/{sid}/speed", json={"speed": 3}).status_code
        == 422
    )
    assert trainer.post(f"{TRAINING}/sessions/{sid}/pause").status_code == 409
    assert trainer.post(f"{TRAINING}/sessions/{sid}/explode").status_code == 404
    assert trainer.post(f"{TRAINING}/sessions/{sid + 100}/start").status_code == 404
    body = trainer.get(f"{TRAINING}/sessions/{sid}").json()
    assert body["state"] == "ready" and body["released"] == 0


def test_one_time_code_gives_a_session_bound_trainee(live, api):
    clock = install_clock(live)
    trainer = api("trainer1")
    sid = new_session(trainer, SCENARIO)["id"]
    r = trainer.post(f"{TRAINING}/sessions/{sid}/codes", json={"count": 2})
    assert r.status_code == 201
    first, second = r.json()["codes"]
    guest = api()
    r = guest.post(f"{TRAINING}/redeem", json={"code": first.lower(), "full_name": "Иванова Мария"})
    assert r.status_code == 200, r.text
    assert r.json()["user"]["role"] == "trainee"
    guest.token = r.json()["access_token"]
    again = api().post(f"{TRAINING}/redeem", json={"code": first, "full_name": "Кто-то"})
    assert again.status_code == 401  # one time only
    bad = api().post(f"{TRAINING}/redeem", json={"code": "AAAA-BBBB", "full_name": "Кто-то"})
    assert bad.status_code == 401
    clock.at(0)
    act(trainer, sid, "start")
    assert {i["training_session_id"] for i in guest.all_incidents().values()} == {sid}
    listed = guest.get(f"{TRAINING}/sessions").json()["sessions"]
    assert [s["id"] for s in listed] == [sid]
    names = [p["full_name"] for p in trainer.get(f"{TRAINING}/sessions/{sid}").json()["trainees"]]
    assert names == ["Иванова Мария"]
    act(trainer, sid, "stop")
    late = api().post(f"{TRAINING}/redeem", json={"code": second, "full_name": "Опоздавший"})
    assert late.status_code == 401  # a stopped session takes nobody new
