"""The workstation's training calls (`cur_desktop.sync.training`) against the real server."""

from __future__ import annotations

import pytest

from cur_desktop.sync import training
from cur_desktop.sync.client import ApiClient, AuthFailed, RequestRejected
from tests.server.training_support import install_clock


def _client(live, username: str | None = None) -> ApiClient:
    client = ApiClient(live.url, timeout=(2.0, 10.0))
    if username:
        client.login(username, "demo")
    return client


def test_a_session_from_the_trainers_client_to_the_scorecard(live):
    clock = install_clock(live)
    trainer = _client(live, "trainer1")
    names = {s.name for s in training.scenarios(trainer).scenarios}
    assert "hard_cases" in names
    made = training.create_session(trainer, scenario="hard_cases", speed=5)
    assert (made.speed, made.state, made.total) == (5, "ready", 10)
    code = training.issue_codes(trainer, made.id, 1)[0]
    trainee = _client(live)
    pair = training.redeem_code(trainee, code, "Сидорова Анна")
    assert trainee.user is not None and pair.user.role == "trainee"
    clock.at(0)
    assert training.control(trainer, made.id, "start").state == "running"
    clock.at(4)  # minute 20 at ×5
    page = trainee.changes(0)
    assert {i.training_session_id for i in page.items} == {made.id} and len(page.items) == 6
    assert training.set_speed(trainer, made.id, 2).speed == 2
    view = training.live_view(trainer, made.id)
    assert len(view.unassigned) == 6 and [t.full_name for t in view.trainees] == ["Сидорова Анна"]
    user_id = view.trainees[0].user_id
    assert training.comment(trainer, made.id, user_id, "Молодец").comment == "Молодец"
    assert training.scorecard(trainer, made.id).rows[0].comment == "Молодец"
    assert training.scorecard_file(trainer, made.id, "pdf").startswith(b"%PDF")
    assert "Сидорова Анна" in training.scorecard_file(trainer, made.id, "csv").decode("utf-8-sig")
    assert [s.id for s in training.sessions(trainee).sessions] == [made.id]
    with pytest.raises(RequestRejected) as refused:
        training.control(trainee, made.id, "stop")
    assert refused.value.status == 403
    training.control(trainer, made.id, "stop")
    with pytest.raises(RequestRejected) as refused:
        training.control(trainer, made.id, "pause")
    assert refused.value.status == 409
    with pytest.raises(AuthFailed):
        training.redeem_code(_client(live), code, "Ещё раз")


def test_an_invalid_scenario_comes_back_with_lines(live):
    install_clock(live)
    trainer = _client(live, "trainer1")
    with pytest.raises(RequestRejected) as refused:
        training.create_session(trainer, scenario_text="title: x\nduration: 10\nincidents: []\n")
    assert refused.value.status == 422 and refused.value.code == "invalid_scenario"
    assert refused.value.details[0]["line"] == 3
