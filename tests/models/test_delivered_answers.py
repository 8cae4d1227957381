"""A reply to an e-mail is answered once delivered: the local guess agrees with the server."""

from __future__ import annotations

import pytest

from cur_desktop.models.cache import optimistic
from cur_desktop.models.cache.incidents import IncidentState
from cur_desktop.models.domain import Channel, Form, answered_on_publish, form_of


def _state(channel: str, training: int | None = None) -> IncidentState:
    row = {
        "id": 7,
        "version": 3,
        "channel": channel,
        "status": "in_progress",
        "importance": "normal",
        "assignee_id": 1,
        "first_answered_at": None,
        "final_answered_at": None,
        "training_session_id": training,
    }
    return IncidentState(row, [], [])


def _reply(kind: str) -> dict:
    return {
        "type": "add_reply",
        "payload": {"kind": kind, "text": "Сделано."},
        "seq": 1,
        "mutation_id": "m-1",
        "created_at": 1_000,
    }


ME = {"id": 1, "role": "operator", "needs_approval": False}


@pytest.mark.parametrize("kind", ["interim", "final"])
def test_publishing_to_an_email_does_not_stop_the_clock(kind):
    state = _state(Channel.EMAIL.value)
    optimistic.apply(state, _reply(kind), ME)
    assert state.row["status"] in ("interim_answer", "answered")
    assert state.row["first_answered_at"] is None and state.row["final_answered_at"] is None


def test_publishing_to_a_social_network_or_in_training_answers_at_once():
    for state in (_state(Channel.VK.value), _state(Channel.EMAIL.value, training=4)):
        optimistic.apply(state, _reply("final"), ME)
        assert state.row["first_answered_at"] == state.row["final_answered_at"] == 1_000


def test_an_email_is_a_message_not_a_formal_appeal():
    assert form_of(Channel.EMAIL) is Form.MESSAGE
    assert not answered_on_publish(Channel.EMAIL)
    assert answered_on_publish(Channel.EMAIL, training=True)
