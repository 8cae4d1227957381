"""A trainer cannot pull another trainer's code account into its own session: code accounts
(whose names are guessable) stay with the trainer whose code made them."""

from __future__ import annotations

import logging

from tests.server.training_support import TRAINING, add_users, install_clock, new_session, scenario

SCENARIO = scenario('{key: a, at: 0, text: "Нет отопления", municipality: ryazan}')


def test_code_accounts_stay_with_their_trainer(live, api, caplog):
    install_clock(live)
    add_users(live.context.db.url, ("trainer2", "trainer"), ("pupil", "trainee"))
    trainer1, trainer2 = api("trainer1"), api("trainer2")
    s1 = new_session(trainer1, SCENARIO)["id"]
    code = trainer1.post(f"{TRAINING}/sessions/{s1}/codes", json={"count": 1}).json()["codes"][0]
    redeemed = api().post(f"{TRAINING}/redeem", json={"code": code, "full_name": "Иванов И."})
    assert redeemed.status_code == 200, redeemed.text
    account = redeemed.json()["user"]["username"]

    s2 = new_session(trainer2, SCENARIO)["id"]
    with caplog.at_level(logging.WARNING, logger="cur_server.audit"):
        r = trainer2.post(f"{TRAINING}/sessions/{s2}/trainees", json={"usernames": [account]})
    assert r.status_code == 400, r.text
    assert r.json()["error"] == "not_trainees"
    assert account in caplog.text
    assert trainer2.get(f"{TRAINING}/sessions/{s2}").json()["trainees"] == []

    # Its own trainer may bring it to another of its sessions; ordinary accounts go anywhere.
    s3 = new_session(trainer1, SCENARIO)["id"]
    r = trainer1.post(f"{TRAINING}/sessions/{s3}/trainees", json={"usernames": [account]})
    assert r.status_code == 200, r.text
    r = trainer2.post(f"{TRAINING}/sessions/{s2}/trainees", json={"usernames": ["pupil"]})
    assert r.status_code == 200, r.text
