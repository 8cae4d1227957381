"""The replies trainees are writing reach their trainer's live view with the presence heartbeat,
and nobody else: not another session's trainer, not real staff. Real operators' drafts are
refused, and so is a draft too long to be a reply."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from cur_desktop.models.contract import MAX_REPLY_CHARS
from cur_desktop.models.team import PRESENCE_FRESH_SECONDS
from cur_server.tables import Presence
from tests.server.api import Api
from tests.server.training_support import (
    TRAINING,
    act,
    add_users,
    install_clock,
    join,
    new_session,
    scenario,
)

SCENARIO = scenario(
    '{key: a, at: 0, text: "Нет отопления в доме 3 по улице Мира", municipality: ryazan}',
    '{key: b, at: 0, text: "Не горят фонари у остановки", municipality: kasimov}',
)
DRAFT = "Здравствуйте! Управляющая компания проверит отопление в доме 3 до 18:00"


def beat(who: Api, incident_id: int | None, text: str | None, kind: str = "final"):
    body: dict[str, Any] = {"incident_id": incident_id, "activity": "writing"}
    if text is not None:
        body["draft"] = {"kind": kind, "text": text}
    return who.post("/api/v1/presence", json=body)


def drafts_in(view: dict) -> dict[int, list[dict]]:
    """Incident id -> its drafts, wherever the live view lists the incident."""
    out: dict[int, list[dict]] = {}
    for group in [view["unassigned"], *(t["incidents"] for t in view["trainees"])]:
        for inc in group:
            out.setdefault(inc["id"], inc["drafts"])
    return out


class Class:
    """Two sessions: trainer1 with trainee1 and trainee3, trainer2 with trainee2."""

    def __init__(self, live, api):
        self.clock = install_clock(live)
        self.server = live.context
        add_users(
            live.context.db.url,
            ("trainer2", "trainer"),
            ("trainee1", "trainee"),
            ("trainee2", "trainee"),
            ("trainee3", "trainee"),
        )
        self.api = api
        self.trainer1, self.trainer2 = api("trainer1"), api("trainer2")
        self.s1 = new_session(self.trainer1, SCENARIO)["id"]
        self.s2 = new_session(self.trainer2, SCENARIO)["id"]
        join(self.trainer1, self.s1, "trainee1", "trainee3")
        join(self.trainer2, self.s2, "trainee2")
        self.clock.at(0)
        act(self.trainer1, self.s1, "start")
        act(self.trainer2, self.s2, "start")
        self.trainee1, self.trainee2 = api("trainee1"), api("trainee2")
        self.ids1 = sorted(self.trainee1.all_incidents())

    def live(self, trainer: Api | None = None, session_id: int | None = None) -> dict:
        r = (trainer or self.trainer1).get(f"{TRAINING}/sessions/{session_id or self.s1}/live")
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture
def cls(live, api) -> Class:
    return Class(live, api)


def test_the_trainer_sees_the_reply_as_it_is_written(cls: Class):
    own = cls.ids1[0]
    assert beat(cls.trainee1, own, DRAFT[:20]).status_code == 200
    cls.clock.at(3)
    assert beat(cls.trainee1, own, DRAFT, kind="interim").status_code == 200
    view = cls.live()
    (draft,) = drafts_in(view)[own]
    assert (draft["text"], draft["kind"], draft["minute"]) == (DRAFT, "interim", 3.0)
    assert draft["user_id"] == cls.trainee1.user["id"] and draft["full_name"] == "trainee1"
    # The incident is listed under the trainee writing to it, not as unassigned.
    mine = next(t for t in view["trainees"] if t["username"] == "trainee1")
    assert [i["id"] for i in mine["incidents"]] == [own]
    assert own not in {i["id"] for i in view["unassigned"]}
    # A heartbeat without a draft leaves it; an empty text withdraws it.
    assert beat(cls.trainee1, own, None).status_code == 200
    assert len(drafts_in(cls.live())[own]) == 1
    assert beat(cls.trainee1, own, "  \n").status_code == 200
    assert drafts_in(cls.live())[own] == []


def test_a_sent_reply_hides_the_draft_it_came_from(cls: Class):
    own = cls.ids1[0]
    assert cls.trainee1.one("claim", own)["outcome"] == "applied"
    beat(cls.trainee1, own, DRAFT)
    cls.clock.at(2)
    sent = cls.trainee1.one("add_reply", own, {"kind": "final", "text": DRAFT})
    assert sent["outcome"] == "applied", sent
    (inc,) = [i for i in cls.live()["trainees"][0]["incidents"] if i["id"] == own]
    assert inc["drafts"] == [] and [r["text"] for r in inc["replies"]] == [DRAFT]
    cls.clock.at(4)
    beat(cls.trainee1, own, "Дополнение к ответу")
    assert [d["text"] for d in drafts_in(cls.live())[own]] == ["Дополнение к ответу"]


def test_a_draft_left_for_another_incident_is_shown_as_left_unsent(cls: Class):
    first, second = cls.ids1[0], cls.ids1[1]
    beat(cls.trainee1, first, DRAFT)
    assert [d["writing_now"] for d in drafts_in(cls.live())[first]] == [True]
    # The trainee opens another incident without sending: the draft stays, as left unsent.
    cls.clock.at(1)
    beat(cls.trainee1, second, None)
    (left,) = drafts_in(cls.live())[first]
    assert (left["text"], left["writing_now"]) == (DRAFT, False)
    # Back on it: being written again.
    cls.clock.at(2)
    beat(cls.trainee1, first, None)
    assert [d["writing_now"] for d in drafts_in(cls.live())[first]] == [True]
    # No heartbeat for longer than presence stays fresh (the workstation was closed): left.
    with cls.server.db.write() as s:
        row = s.get(Presence, cls.trainee1.user["id"])
        row.seen_at -= timedelta(seconds=PRESENCE_FRESH_SECONDS + 30)
    assert [d["writing_now"] for d in drafts_in(cls.live())[first]] == [False]


def test_two_trainees_writing_to_one_incident_are_both_shown(cls: Class):
    own = cls.ids1[1]
    trainee3 = cls.api("trainee3")
    beat(cls.trainee1, own, "Первый")
    cls.clock.at(1)
    beat(trainee3, own, "Второй")
    assert [d["text"] for d in drafts_in(cls.live())[own]] == ["Первый", "Второй"]


def test_drafts_are_seen_by_the_sessions_trainer_only(cls: Class):
    own = cls.ids1[0]
    beat(cls.trainee1, own, DRAFT)
    assert cls.trainer2.get(f"{TRAINING}/sessions/{cls.s1}/live").status_code == 404
    assert DRAFT not in str(cls.live(cls.trainer2, cls.s2))
    for name in ("operator1", "supervisor1", "admin"):
        who = cls.api(name)
        assert who.get(f"{TRAINING}/sessions/{cls.s1}/live").status_code == 403, name
        for path in ("/api/v1/team", "/api/v1/changes", "/api/v1/reference"):
            r = who.get(path)
            assert DRAFT not in r.text, (name, path)
    # Presence answers say who is writing, never what.
    for who in (cls.trainer1, cls.api("trainee3")):
        r = who.get("/api/v1/presence", params={"incident_id": own})
        assert r.status_code == 200 and r.json()["others"][0]["activity"] == "writing"
        assert DRAFT not in r.text
    assert DRAFT not in cls.trainee2.get("/api/v1/changes").text


def test_drafts_outside_training_or_too_long_are_refused(cls: Class):
    own = cls.ids1[0]
    real_id = min(cls.api("supervisor1").all_incidents())
    operator = cls.api("operator1")
    for who, incident_id in ((operator, real_id), (cls.trainer1, own), (cls.trainee1, None)):
        r = beat(who, incident_id, "Черновик")
        assert r.status_code == 403, (who.user["username"], r.text)
        assert r.json()["error"] == "draft_not_allowed" and r.json()["message"]
    # A real operator's heartbeat without a draft works as before.
    assert beat(operator, real_id, None).status_code == 200
    r = beat(cls.trainee1, own, "я" * (MAX_REPLY_CHARS + 1))
    assert r.status_code == 422 and "draft" in r.text
    r = beat(cls.trainee1, own, "я" * (3 * 1024 * 1024))
    assert r.status_code == 413
    r = beat(cls.trainee1, own, "a\x00b")
    assert r.status_code == 422
    assert drafts_in(cls.live())[own] == []
    assert beat(cls.trainee1, own, "я" * MAX_REPLY_CHARS).status_code == 200
