"""Training is a space apart: trainees and trainers see only their own session's incidents and
cannot reach or change real data through any endpoint; real staff never see training data.

Two sessions run side by side (two trainers, a trainee in each) over the seeded real region.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from cur_server.db import open_database
from cur_server.tables import Event, HandoverNote, Incident, Presence, QualityReview, Reply
from tests.server.api import Api, mutation
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
    '{key: c, at: 0, text: "Нет воды с утра", municipality: shilovsky_district}',
)
REAL_STAFF = ("operator1", "supervisor1", "official1", "admin")


class Two:
    """Two running sessions: trainer1 with trainee1, trainer2 with trainee2."""

    def __init__(self, live, api):
        self.clock = install_clock(live)
        self.url = live.context.db.url
        add_users(
            self.url, ("trainer2", "trainer"), ("trainee1", "trainee"), ("trainee2", "trainee")
        )
        self.api = api
        self.trainer1, self.trainer2 = api("trainer1"), api("trainer2")
        self.s1 = new_session(self.trainer1, SCENARIO)["id"]
        self.s2 = new_session(self.trainer2, SCENARIO)["id"]
        join(self.trainer1, self.s1, "trainee1")
        join(self.trainer2, self.s2, "trainee2")
        self.clock.at(0)
        act(self.trainer1, self.s1, "start")
        act(self.trainer2, self.s2, "start")
        self.trainee1, self.trainee2 = api("trainee1"), api("trainee2")
        supervisor = api("supervisor1")
        self.real = supervisor.all_incidents()
        self.ids1 = set(self.trainee1.all_incidents())
        self.ids2 = set(self.trainee2.all_incidents())

    def real_digest(self) -> dict[str, Any]:
        """Everything about real data a training user might change."""
        db = open_database(self.url)
        try:
            with db.read() as s:
                real = select(Incident.id).where(Incident.training_session_id.is_(None))
                return {
                    "incidents": s.execute(
                        select(
                            func.count(), func.max(Incident.seq), func.sum(Incident.version)
                        ).where(Incident.training_session_id.is_(None))
                    ).one()[:],
                    "events": s.scalar(select(func.count()).where(Event.incident_id.in_(real))),
                    "replies": s.scalar(select(func.count()).where(Reply.incident_id.in_(real))),
                    "presence_on_real": s.scalar(
                        select(func.count()).where(Presence.incident_id.in_(real))
                    ),
                    "handover": s.scalar(select(func.count()).select_from(HandoverNote)),
                    "quality": s.scalar(select(func.count()).select_from(QualityReview)),
                }
        finally:
            db.dispose()


@pytest.fixture
def two(live, api) -> Two:
    return Two(live, api)


def test_each_session_sees_only_its_own_incidents(two: Two):
    assert len(two.ids1) == len(two.ids2) == 3 and not two.ids1 & two.ids2
    assert not set(two.real) & (two.ids1 | two.ids2)
    assert set(two.trainer1.all_incidents()) == two.ids1
    assert set(two.trainer2.all_incidents()) == two.ids2
    other, real_id = min(two.ids2), min(two.real)
    for who in (two.trainee1, two.trainer1):
        for iid in (other, real_id):
            assert who.get(f"/api/v1/incidents/{iid}").status_code == 404
    own = min(two.ids1)
    assert two.trainee1.get(f"/api/v1/incidents/{own}").json()["training_session_id"] == two.s1


def test_real_staff_never_see_training(two: Two):
    training = two.ids1 | two.ids2
    for name in REAL_STAFF:
        who = two.api(name)
        assert not set(who.all_incidents()) & training, name
        assert who.get(f"/api/v1/incidents/{min(training)}").status_code == 404, name
        if name != "official1":
            result = who.one("add_note", min(training), {"text": "чужое"})
            assert result["error"] == "not_found", name
        for path in ("/scenarios", "/sessions", f"/sessions/{two.s1}/live"):
            assert who.get(f"{TRAINING}{path}").status_code == 403, (name, path)


def test_mutations_stay_inside_the_session(two: Two):
    before = two.real_digest()
    other, real_id, own = min(two.ids2), min(two.real), min(two.ids1)
    for who in (two.trainee1, two.trainer1):
        for iid in (other, real_id):
            for kind, payload in (
                ("claim", {}),
                ("add_note", {"text": "x"}),
                ("add_reply", {"kind": "final", "text": "Ответ " * 20}),
            ):
                result = who.one(kind, iid, payload)
                assert (result["outcome"], result["error"]) == ("rejected", "not_found")
    # Nobody outside the session can be given its incident: not trainee2, not a real operator.
    ids = {u: two.api(u).user["id"] for u in ("trainee2", "operator1", "trainee1")}
    for name in ("trainee2", "operator1"):
        result = two.trainer1.one("assign", own, {"assignee_id": ids[name]})
        assert result["error"] == "bad_assignee", name
    assert two.trainer1.one("assign", own, {"assignee_id": ids["trainee1"]})["outcome"] == "applied"
    reply = two.trainee1.one("add_reply", own, {"kind": "final", "text": "Учебный ответ " * 6})
    assert reply["outcome"] == "applied"
    assert reply["incident"]["replies"][0]["approval_state"] == "pending_approval"
    seen2 = two.trainee2.all_incidents()
    assert own not in seen2 and all(not i["replies"] for i in seen2.values())
    assert two.real_digest() == before


def test_sessions_of_another_trainer_are_out_of_reach(two: Two):
    t2, s1 = two.trainer2, two.s1
    trainee1_id = two.trainee1.user["id"]
    assert t2.get(f"{TRAINING}/sessions/{s1}").status_code == 404
    assert [s["id"] for s in t2.get(f"{TRAINING}/sessions").json()["sessions"]] == [two.s2]
    for method, path, body in (
        ("GET", f"/sessions/{s1}/live", None),
        ("GET", f"/sessions/{s1}/scorecard", None),
        ("GET", f"/sessions/{s1}/scorecard.csv", None),
        ("POST", f"/sessions/{s1}/pause", None),
        ("POST", f"/sessions/{s1}/codes", {"count": 1}),
        ("POST", f"/sessions/{s1}/trainees", {"usernames": ["trainee2"]}),
        ("PUT", f"/sessions/{s1}/speed", {"speed": 5}),
        ("PUT", f"/sessions/{s1}/comments/{trainee1_id}", {"text": "чужой"}),
    ):
        assert t2.request(method, f"{TRAINING}{path}", json=body).status_code == 404, path
    assert two.trainer1.get(f"{TRAINING}/sessions/{s1}").json()["state"] == "running"
    # Trainees run nothing, and see only the sessions they are in.
    assert two.trainee1.post(f"{TRAINING}/sessions/{s1}/pause").status_code == 403
    assert two.trainee1.get(f"{TRAINING}/sessions/{two.s2}").status_code == 404
    r = two.trainer1.post(f"{TRAINING}/sessions/{s1}/trainees", json={"usernames": ["operator1"]})
    assert r.status_code == 400  # a real operator is not a trainee


# --- every route of the app, for both training roles ------------------------------------------

ALLOWED_REFUSALS = {304, 400, 401, 403, 404, 405, 409, 422}
REAL_NUMBER = re.compile(r"ЦУР-\d{4}-\d{6}")


def _leaks(body: Any, real_ids: set[int], real_texts: set[str]) -> list[str]:
    found: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str):
            if REAL_NUMBER.search(node) or node in real_texts:
                found.append(f"{key}={node[:60]}")
        elif isinstance(node, int) and key.endswith("incident_id") and node in real_ids:
            found.append(f"{key}={node}")

    walk(body)
    return found


def _sample(schema: dict, components: dict, name: str, ids: dict[str, int]) -> Any:
    """A plausible value for a schema, aimed at real data wherever an id is asked for."""
    if "$ref" in schema:
        return _sample(components[schema["$ref"].rsplit("/", 1)[1]], components, name, ids)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            return _sample(options[0], components, name, ids) if options else None
    kind = schema.get("type")
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _sample(v, components, k, ids) for k, v in props.items()}
    if kind == "array":
        return [_sample(schema.get("items", {}), components, name, ids)]
    if kind == "integer":
        for hint, value in ids.items():
            if hint in name:
                return value
        return 1
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if schema.get("format") == "date":
        return "2026-11-24"
    if schema.get("format") == "date-time":
        return "2026-11-24T12:00:00Z"
    if schema.get("format") == "uuid":
        return "00000000-0000-4000-8000-000000000001"
    return "Проверка"


def _calls(spec: dict, ids: dict[str, int], real_id: int):
    components = spec.get("components", {}).get("schemas", {})
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            params: dict[str, Any] = {}
            url = path
            for p in op.get("parameters", []):
                value = _sample(p.get("schema", {}), components, p["name"], ids)
                if p["in"] == "path":
                    url = url.replace("{" + p["name"] + "}", str(value))
                elif p.get("required"):
                    params[p["name"]] = value
            body = None
            content = op.get("requestBody", {}).get("content", {}).get("application/json")
            if content:
                body = _sample(content["schema"], components, "", ids)
            if path.endswith("/mutations"):
                body = {
                    "mutations": [
                        mutation("add_note", real_id, {"text": "утечка"}),
                        mutation("claim", real_id),
                        mutation("add_reply", real_id, {"kind": "final", "text": "Ответ " * 20}),
                    ]
                }
            if path.endswith("/auth/logout") or path.endswith("/auth/refresh"):
                body = {"refresh_token": "not-a-token-of-anyone"}
            yield method.upper(), path, url, params, body


@pytest.mark.parametrize("who", ["trainee1", "trainer1"])
def test_every_route_refuses_or_answers_with_training_data_only(two: Two, who: str):
    client: Api = getattr(two, who)
    real_ids = set(two.real)
    real_texts = {i["text"] for i in two.real.values()}
    ids = {
        "incident": min(real_ids),
        "session": two.s2,
        "user": two.api("operator1").user["id"],
        "assignee": two.api("operator1").user["id"],
        "municipality": 1,
    }
    before = two.real_digest()
    spec = client.get("/openapi.json").json()
    exercised = set()
    for method, path, url, params, body in _calls(spec, ids, min(real_ids)):
        r = client.request(method, url, params=params, json=body)
        exercised.add((method, path))
        assert r.status_code < 500, (method, url, r.status_code, r.text[:300])
        if r.status_code >= 300:
            assert r.status_code in ALLOWED_REFUSALS, (method, url, r.status_code)
            continue
        if "json" in r.headers.get("content-type", ""):
            assert _leaks(r.json(), real_ids, real_texts) == [], (method, url)
        else:
            text = r.content.decode("utf-8", "replace")
            assert not REAL_NUMBER.search(text), (method, url)
    # The real incident asked for directly, in every way a reader could.
    assert client.get(f"/api/v1/incidents/{min(real_ids)}").status_code == 404
    assert client.get("/api/v1/presence", params={"incident_id": min(real_ids)}).status_code in (
        403,
        404,
    )
    assert len(exercised) == sum(len(ops) for ops in spec["paths"].values())
    assert two.real_digest() == before
    # Still signed in (no route logged the caller out), and still only training data.
    assert set(client.all_incidents()) == two.ids1
