"""Redeeming a one-time code is safe to repeat from the same workstation (same device secret):
the same account comes back. Anyone else, or a request without the secret, is told the code is
used, so a code still makes exactly one trainee."""

from __future__ import annotations

import pytest

from cur_desktop.sync import training
from cur_desktop.sync.client import ApiClient, AuthFailed


def test_the_same_device_gets_the_same_trainee_and_nobody_else_does(live):
    trainer = ApiClient(live.url, timeout=(2.0, 10.0))
    trainer.login("trainer1", "demo")
    made = training.create_session(trainer, scenario="ordinary_shift")
    code = training.issue_codes(trainer, made.id, 1)[0]
    training.control(trainer, made.id, "start")
    secret = "s" * 32

    first = training.redeem_code(ApiClient(live.url), code, "Сидорова Анна", secret)
    again = training.redeem_code(ApiClient(live.url), code, "Сидорова А.", secret)
    assert again.user.id == first.user.id and again.user.full_name == "Сидорова Анна"
    assert again.refresh_token != first.refresh_token  # a sign-in of its own
    for other in ("t" * 32, None):
        with pytest.raises(AuthFailed, match="уже использован"):
            training.redeem_code(ApiClient(live.url), code, "Чужой", other)
    assert len(training.session(trainer, made.id).trainees) == 1
