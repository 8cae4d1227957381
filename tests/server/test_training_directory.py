"""The staff directory in GET /reference keeps the training space apart both ways: trainers and
trainees see themselves and the people of their own sessions only, never the real staff; real
staff never see trainee accounts (made by the trainer or redeemed from a one-time code)."""

from __future__ import annotations

from tests.server.api import Api
from tests.server.training_support import TRAINING, add_users, join, new_session, scenario

SCENARIO = scenario('{key: a, at: 0, text: "Нет света на улице Ленина", municipality: ryazan}')
REAL_STAFF = ("operator1", "supervisor1", "official1", "admin")


def directory(who: Api) -> set[str]:
    r = who.get("/api/v1/reference")
    assert r.status_code == 200, r.text
    return {u["username"] for u in r.json()["users"]}


def test_the_directory_stays_inside_the_training_space(live, api):
    add_users(
        live.context.db.url,
        ("trainer2", "trainer"),
        ("trainee1", "trainee"),
        ("trainee2", "trainee"),
        ("trainee3", "trainee"),
        ("idle_trainee", "trainee"),
    )
    trainer1, trainer2 = api("trainer1"), api("trainer2")
    s1 = new_session(trainer1, SCENARIO)["id"]
    s2 = new_session(trainer2, SCENARIO)["id"]
    join(trainer1, s1, "trainee1", "trainee3")
    join(trainer2, s2, "trainee2")
    code = trainer1.post(f"{TRAINING}/sessions/{s1}/codes", json={"count": 1}).json()["codes"][0]
    redeemed = api().post(f"{TRAINING}/redeem", json={"code": code, "full_name": "Сидорова Анна"})
    assert redeemed.status_code == 200, redeemed.text
    by_code = Api(live.url)
    by_code.token = redeemed.json()["access_token"]
    code_name = redeemed.json()["user"]["username"]

    class1 = {"trainer1", "trainee1", "trainee3", code_name}
    assert directory(api("trainee1")) == class1
    assert directory(by_code) == class1
    assert directory(trainer1) == class1
    assert directory(trainer2) == {"trainer2", "trainee2"}
    assert directory(api("trainee2")) == {"trainer2", "trainee2"}
    assert directory(api("idle_trainee")) == {"idle_trainee"}  # in no session yet

    trainees = {"trainee1", "trainee2", "trainee3", "idle_trainee", code_name}
    for name in REAL_STAFF:
        seen = directory(api(name))
        assert not seen & trainees, name
        assert {"operator1", "supervisor1", "trainer1", "trainer2"} <= seen, name


def test_each_directory_has_its_own_etag(live, api):
    add_users(live.context.db.url, ("trainee1", "trainee"))
    trainee, operator = api("trainee1"), api("operator1")
    etag = trainee.get("/api/v1/reference").headers["ETag"]
    assert operator.get("/api/v1/reference").headers["ETag"] != etag
    again = trainee.get("/api/v1/reference", headers={"If-None-Match": etag})
    assert again.status_code == 304
    other = operator.get("/api/v1/reference", headers={"If-None-Match": etag})
    assert other.status_code == 200 and "trainee1" not in other.text
