"""The supervisor's console on the server: presence and collisions, the team board, the shift
handover and quality reviews, on SQLite and PostgreSQL.

Every figure comes from a shift built here: incidents ingested and worked through the real API,
then their SLA times set in the database to moments whose state is known (a deadline a hundred
working hours away is «в срок», one working hour left of sixty days is «под угрозой», an hour
past is «просрочено»), and answer times set so the medians are known.
"""

from __future__ import annotations

import statistics
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from cur_server.db import open_database
from cur_server.embedded import EmbeddedServer
from cur_server.seed import seed_demo
from cur_server.tables import Event, HandoverNote, Incident, Presence, QualityReview, User
from tests.server.api import Api, mutation

OWN = "shilovsky_district"  # official1's district
OTHER = "ryazan"


class Shift:
    """A centre with the demo accounts and no incidents, behind a live server."""

    def __init__(self, server: EmbeddedServer, url: str):
        self.server, self.db = server, open_database(url)
        self.clock = server.context.clock
        self._clients: dict[str, Api] = {}
        ref = self.as_("supervisor1").get("/api/v1/reference").json()
        self.ids = {u["username"]: u["id"] for u in ref["users"]}
        self.agency = ref["agencies"][0]["id"]

    def as_(self, username: str) -> Api:
        if username not in self._clients:
            self._clients[username] = Api(self.server.url, username)
        return self._clients[username]

    def ingest(self, district: str, n: int = 1) -> list[int]:
        received = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
        items = [
            {
                "channel": "vk",
                "source_id": f"team-{uuid.uuid4()}",
                "text": f"Не убран снег во дворе, сообщение {k}",
                "received_at": received,
                "municipality_code": district,
                "sector": "housing",
            }
            for k in range(n)
        ]
        r = self.as_("collector").post("/api/v1/ingest", json={"items": items})
        assert r.status_code == 200, r.text
        return [x["incident_id"] for x in r.json()["results"]]

    def do(self, username: str, type_: str, iid: int, payload: dict | None = None) -> dict:
        result = self.as_(username).one(type_, iid, payload)
        assert result["outcome"] == "applied", result
        return result

    def answer(self, username: str, iid: int, kind: str = "final") -> dict:
        self.do(username, "claim", iid)
        return self.do(username, "add_reply", iid, {"kind": kind, "text": "Снег убран, двор чист."})

    def set(self, iid: int, **values) -> None:
        with self.db.write() as s:
            s.execute(update(Incident).where(Incident.id == iid).values(**values))

    def get(self, iid: int) -> Incident:
        with self.db.read() as s:
            return s.get(Incident, iid)


@pytest.fixture
def shift(db_url):
    seed_demo(db_url, 0)  # reference data and the demo accounts only
    with EmbeddedServer(db_url) as server:
        world = Shift(server, db_url)
        yield world
        world.db.dispose()


# --- a shift with known figures ---------------------------------------------------------------


def build(shift: Shift) -> dict:
    """Incidents in known states; returns the ids by name and the expected minutes."""
    now, clock = datetime.now(UTC), shift.clock
    names = "ok risk late interim late_queue ok_queue i j k m yesterday".split()
    x = dict(zip(names, shift.ingest(OTHER, len(names)), strict=True))
    (x["own"],) = shift.ingest(OWN)
    for name in ("ok", "risk", "late", "own"):
        shift.do("operator1", "claim", x[name])
    shift.do("operator1", "route", x["late"], {"agency_id": shift.agency})
    shift.answer("operator2", x["interim"], "interim")
    shift.answer("operator1", x["i"])
    shift.answer("operator1", x["yesterday"])
    shift.answer("operator2", x["j"])
    pending = shift.answer("operator3", x["k"])["incident"]["replies"][-1]  # needs approval
    shift.do("supervisor1", "approve_reply", x["k"], {"reply_id": pending["id"]})
    shift.do("operator2", "claim", x["m"])  # held by operator2, answered by the supervisor
    shift.do("supervisor1", "add_reply", x["m"], {"kind": "final", "text": "Двор убран."})

    far = clock.calendar.add_working_hours(now, 100)
    for name in ("ok", "ok_queue", "own"):
        shift.set(x[name], sla_started_at=now, first_answer_due=far)
    shift.set(
        x["risk"],
        sla_started_at=now - timedelta(days=60),
        first_answer_due=clock.calendar.add_working_hours(now, 1),
    )
    shift.set(x["late"], first_answer_due=now - timedelta(hours=1))
    shift.set(x["late_queue"], first_answer_due=now - timedelta(hours=2))
    minutes = {"i": 10, "interim": 30, "j": 50, "k": 20, "m": 40, "yesterday": 5}
    for name, m in minutes.items():
        answered = shift.get(x[name]).first_answered_at
        if name == "yesterday":
            day_start = datetime.combine(
                answered.astimezone(clock.calendar.tz).date(),
                datetime.min.time(),
                clock.calendar.tz,
            )
            answered = day_start - timedelta(minutes=1)
            shift.set(x[name], first_answered_at=answered)
        shift.set(x[name], sla_started_at=answered - timedelta(minutes=m))
    return {"ids": x, "minutes": minutes}


def _member(board: dict, username: str) -> dict:
    found = [m for m in board["members"] if m["username"] == username]
    assert len(found) == 1, (username, [m["username"] for m in board["members"]])
    return found[0]


def test_team_board_figures(shift):
    built = build(shift)
    ids = built["ids"]
    beat = shift.as_("operator1").post(
        "/api/v1/presence", json={"incident_id": ids["ok"], "activity": "viewing"}
    )
    assert beat.status_code == 200, beat.text
    now = datetime.now(UTC)
    with shift.db.write() as s:  # operator2 last seen 5 minutes ago, operator3 an hour ago
        s.execute(
            update(User)
            .where(User.id == shift.ids["operator2"])
            .values(last_seen_at=now - timedelta(minutes=5))
        )
        s.execute(
            update(User)
            .where(User.id == shift.ids["operator3"])
            .values(last_seen_at=now - timedelta(hours=1))
        )

    r = shift.as_("supervisor1").get("/api/v1/team")
    assert r.status_code == 200, r.text
    board = r.json()
    assert board["day"] == now.astimezone(shift.clock.calendar.tz).date().isoformat()
    op1, op2, op3 = (_member(board, f"operator{n}") for n in (1, 2, 3))
    # An answer counts for whoever wrote it: the trainee whose reply the supervisor approved,
    # the supervisor who answered a case operator2 held (and so is on the board today).
    assert {m["username"] for m in board["members"]} == {
        "operator1",
        "operator2",
        "operator3",
        "supervisor1",
    }
    lead = _member(board, "supervisor1")
    assert (lead["answered_today"], lead["median_first_answer_minutes"]) == (1, 40.0)
    assert lead["load"]["assigned"] == 0

    assert op1["load"] == {"assigned": 4, "in_work": 4, "at_risk": 1, "overdue": 1}
    assert (op1["answered_today"], op1["median_first_answer_minutes"]) == (1, 10.0)
    assert (op1["presence"], op1["activity"], op1["current_incident_id"]) == (
        "online",
        "viewing",
        ids["ok"],
    )
    assert op2["load"] == {"assigned": 1, "in_work": 1, "at_risk": 0, "overdue": 0}
    assert op2["answered_today"] == 2
    assert op2["median_first_answer_minutes"] == statistics.median([30, 50])
    assert (op2["presence"], op2["current_incident_id"]) == ("away", None)
    assert op3["load"] == {"assigned": 0, "in_work": 0, "at_risk": 0, "overdue": 0}
    assert (op3["answered_today"], op3["median_first_answer_minutes"]) == (1, 20.0)
    assert op3["presence"] == "offline"
    assert board["unassigned"] == {"assigned": 2, "in_work": 0, "at_risk": 0, "overdue": 1}

    # A district official sees their district only: operator1's one case there, and no
    # incident of another district on anyone's screen.
    r = shift.as_("official1").get("/api/v1/team")
    assert r.status_code == 200, r.text
    local = r.json()
    assert {m["username"] for m in local["members"]} == {"official1", "operator1"}
    op1_local = _member(local, "operator1")
    assert op1_local["load"] == {"assigned": 1, "in_work": 1, "at_risk": 0, "overdue": 0}
    assert (op1_local["answered_today"], op1_local["current_incident_id"]) == (0, None)
    assert local["unassigned"]["assigned"] == 0


def test_team_board_access(shift):
    shift.ingest(OTHER)
    expected = {"supervisor1": 200, "admin": 200, "official1": 200}
    expected |= {"operator1": 403, "operator3": 403, "collector": 403, "trainer1": 403}
    got = {name: shift.as_(name).get("/api/v1/team").status_code for name in expected}
    assert got == expected
    assert Api(shift.server.url).get("/api/v1/team").status_code == 401
    assert shift.as_("admin").get("/api/v1/team").json()["unassigned"]["assigned"] == 1


# --- presence and collisions ------------------------------------------------------------------


def _beat(api: Api, incident_id: int | None, activity: str):
    return api.post("/api/v1/presence", json={"incident_id": incident_id, "activity": activity})


def _others(response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(o["full_name"].split()[0], o["activity"]) for o in response.json()["others"]]


def test_two_people_on_one_incident_see_each_other(shift):
    iid, own = shift.ingest(OTHER)[0], shift.ingest(OWN)[0]
    op1, op2, sup = (shift.as_(n) for n in ("operator1", "operator2", "supervisor1"))
    assert _others(_beat(op1, iid, "viewing")) == []
    assert _others(_beat(op2, iid, "writing")) == [("Смирнова", "viewing")]
    assert _others(op1.get("/api/v1/presence", params={"incident_id": iid})) == [
        ("Кузнецов", "writing")
    ]
    # A third sees both, the one writing a reply first; nobody is told about themselves.
    assert _others(_beat(sup, iid, "viewing")) == [("Кузнецов", "writing"), ("Смирнова", "viewing")]
    # Leaving the incident, or going idle, ends it at once; a stale heartbeat (> 90 s) too.
    assert _others(_beat(op1, None, "idle")) == []
    assert _others(_beat(sup, iid, "idle")) == [("Кузнецов", "writing")]
    with shift.db.write() as s:
        s.execute(
            update(Presence)
            .where(Presence.user_id == shift.ids["operator2"])
            .values(seen_at=datetime.now(UTC) - timedelta(seconds=91))
        )
    assert _others(op1.get("/api/v1/presence", params={"incident_id": iid})) == []
    # Others on an incident in the official's district are shown to the official too.
    _beat(op1, own, "writing")
    official = shift.as_("official1")
    assert _others(official.get("/api/v1/presence", params={"incident_id": own})) == [
        ("Смирнова", "writing")
    ]


def test_presence_refuses_bad_input_and_changes_nothing(shift):
    iid, own = shift.ingest(OTHER)[0], shift.ingest(OWN)[0]
    official = shift.as_("official1")
    assert _beat(official, own, "viewing").status_code == 200

    def rows():
        with shift.db.read() as s:
            return {(p.user_id, p.incident_id, p.activity) for p in s.scalars(select(Presence))}

    before = rows()
    cases = [
        (official, {"incident_id": iid, "activity": "viewing"}, 404),  # another district
        (official, {"incident_id": 999_999, "activity": "viewing"}, 404),
        (official, {"incident_id": own, "activity": "sleeping"}, 422),
        (official, {"incident_id": "1", "activity": "viewing"}, 422),
        (official, {"incident_id": 0, "activity": "viewing"}, 422),
        (official, {"activity": "viewing", "extra": 1}, 422),
        (shift.as_("collector"), {"incident_id": own, "activity": "viewing"}, 403),
        (Api(shift.server.url), {"incident_id": own, "activity": "viewing"}, 401),
    ]
    for client, body, status in cases:
        r = client.post("/api/v1/presence", json=body)
        assert r.status_code == status, (body, r.text)
        assert r.json()["error"] and r.json()["message"]
    assert official.get("/api/v1/presence", params={"incident_id": iid}).status_code == 404
    assert official.get("/api/v1/presence", params={"incident_id": "x"}).status_code == 422
    assert rows() == before


# --- shift handover ---------------------------------------------------------------------------


def test_handover_note_and_what_is_left(shift):
    ids = build(shift)["ids"]
    sup, op1 = shift.as_("supervisor1"), shift.as_("operator1")
    empty = op1.get("/api/v1/handover/latest")
    assert empty.status_code == 200, empty.text
    assert empty.json()["note"] is None and empty.json()["total"] == 3

    assert op1.post("/api/v1/handover", json={"text": "Моя смена"}).status_code == 403
    for bad in ({"text": "   "}, {"text": "a\x00b"}, {"text": "x" * 5_001}, {}):
        assert sup.post("/api/v1/handover", json=bad).status_code == 422, bad
    r = sup.post("/api/v1/handover", json={"text": "  Прорыв теплотрассы на Есенина: держать  "})
    assert r.status_code == 200, r.text
    written = r.json()

    latest = op1.get("/api/v1/handover/latest").json()
    assert latest["note"] == written["note"]
    note = latest["note"]
    assert (note["text"], note["author_name"]) == (
        "Прорыв теплотрассы на Есенина: держать",
        "Волкова Елена Игоревна",
    )
    # Overdue first (the older due first), then at risk.
    left = [(i["id"], i["overdue"], i["assignee_id"]) for i in latest["incidents"]]
    assert left == [
        (ids["late_queue"], True, None),
        (ids["late"], True, shift.ids["operator1"]),
        (ids["risk"], False, shift.ids["operator1"]),
    ]
    assert latest["total"] == 3
    assert latest["incidents"][1]["assignee_name"] == "Смирнова Анна Викторовна"
    assert latest["incidents"][1]["number"] == shift.get(ids["late"]).number
    with shift.db.read() as s:
        assert len(s.scalars(select(HandoverNote)).all()) == 1
    for name, status in {"official1": 403, "trainer1": 403, "collector": 403}.items():
        assert shift.as_(name).get("/api/v1/handover/latest").status_code == status


# --- quality ----------------------------------------------------------------------------------

ALL_MET = dict(polite=True, concrete_action=True, correct_agency=True, on_time=True)
ALL_MET["no_brush_off"] = True


def _review(shift: Shift, username: str, iid: int, **checklist) -> dict:
    payload = {**ALL_MET, **checklist}
    return shift.as_(username).one("review_quality", iid, payload)


def test_quality_reviews_and_figures(shift):
    ids = build(shift)["ids"]
    i, j, k = ids["i"], ids["j"], ids["k"]
    assert _review(shift, "supervisor1", i, correct_agency=False)["outcome"] == "applied"
    assert _review(shift, "supervisor1", j)["outcome"] == "applied"
    assert _review(shift, "admin", j, polite=False)["outcome"] == "applied"  # replaces
    nothing = dict.fromkeys(ALL_MET, False)
    r = _review(shift, "supervisor1", k, **nothing, comment="Отписка, без сроков")
    assert r["outcome"] == "applied"
    history = [e for e in r["incident"]["events"] if e["kind"] == "quality_reviewed"]
    assert len(history) == 1 and history[0]["actor_id"] == shift.ids["supervisor1"]
    assert history[0]["data"]["operator_id"] == shift.ids["operator3"]
    assert history[0]["data"]["comment"] == "Отписка, без сроков"

    # Refusals change nothing.
    (own_answer,) = shift.ingest(OTHER)
    shift.answer("supervisor1", own_answer)
    refusals = {
        ("operator1", j): "rejected:forbidden",
        ("official1", j): "rejected:not_found",
        ("supervisor1", ids["ok"]): "rejected:not_answered",
        ("supervisor1", own_answer): "rejected:own_answer",
    }
    for (who, iid), expected in refusals.items():
        version = shift.get(iid).version
        result = _review(shift, who, iid)
        assert f"{result['outcome']}:{result['error']}" == expected, (who, result)
        assert shift.get(iid).version == version
    bad = shift.as_("supervisor1").post(
        "/api/v1/mutations",
        json={"mutations": [mutation("review_quality", i, {**ALL_MET, "polite": "yes"})]},
    )
    assert bad.status_code == 422

    with shift.db.read() as s:
        reviews = {r.incident_id: r for r in s.scalars(select(QualityReview))}
        kinds = s.scalars(select(Event.kind).where(Event.incident_id == j)).all()
    assert set(reviews) == {i, j, k} and not reviews[j].polite
    assert reviews[j].reviewer_id == shift.ids["admin"]
    assert kinds.count("quality_reviewed") == 2  # the history keeps both reviews of j

    report = shift.as_("supervisor1").get("/api/v1/quality")
    assert report.status_code == 200, report.text
    body = report.json()
    rows = {o["user_id"]: o for o in body["operators"]}
    op1, op2, op3 = (rows[shift.ids[f"operator{n}"]] for n in (1, 2, 3))
    assert body["reviewed"] == 3
    assert op1["reviewed"] == op2["reviewed"] == op3["reviewed"] == 1
    assert op1["shares"] == {**dict.fromkeys(ALL_MET, 1.0), "correct_agency": 0.0}
    assert op2["shares"] == {**dict.fromkeys(ALL_MET, 1.0), "polite": 0.0}
    assert op3["shares"] == dict.fromkeys(ALL_MET, 0.0)
    assert (op1["score"], op2["score"], op3["score"]) == (0.8, 0.8, 0.0)
    assert body["operators"][0]["user_id"] == shift.ids["operator3"]  # lowest score first

    mine = shift.as_("operator1").get("/api/v1/quality").json()
    assert [o["user_id"] for o in mine["operators"]] == [shift.ids["operator1"]]

    # A review counts on the day it was made.
    with shift.db.write() as s:
        s.execute(
            update(QualityReview)
            .where(QualityReview.incident_id == k)
            .values(reviewed_at=datetime.now(UTC) - timedelta(days=3))
        )
    today = datetime.now(UTC).astimezone(shift.clock.calendar.tz).date()
    q = {"date_from": today.isoformat(), "date_to": today.isoformat()}
    body = shift.as_("supervisor1").get("/api/v1/quality", params=q).json()
    assert body["reviewed"] == 2 and shift.ids["operator3"] not in {
        o["user_id"] for o in body["operators"]
    }
    earlier = {"date_from": (today - timedelta(days=5)).isoformat(), "date_to": q["date_from"]}
    assert shift.as_("supervisor1").get("/api/v1/quality", params=earlier).json()["reviewed"] == 3


def test_quality_refuses_bad_periods_and_other_roles(shift):
    sup = shift.as_("supervisor1")
    for params in (
        {"date_from": "2026-11-10", "date_to": "2026-11-01"},
        {"date_from": "2020-01-01", "date_to": "2026-01-01"},
        {"date_from": "0001-01-01"},
        {"date_to": "9999-12-31"},
        {"date_from": "вчера"},
    ):
        r = sup.get("/api/v1/quality", params=params)
        assert (r.status_code, r.json()["error"]) == (422, "invalid_request"), params
    for name, status in {"official1": 403, "collector": 403, "trainer1": 200}.items():
        assert shift.as_(name).get("/api/v1/quality").status_code == status, name
