"""The authorization matrix: every role against every endpoint and every kind of mutation.

Each expectation is one row of a table below, so a change of policy is a change of one cell.
Every refused action is followed by a fresh read of the incident as `supervisor1`: a refusal
that still changed something on the server is as much a failure as a wrong answer.

Incidents are made fresh for each row through the collector's ingest, so the rows depend on
nothing the demo seed happens to contain and do not disturb one another.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from tests.server.api import Api, mutation

ANON = "anonymous"
#: The demo account that plays each role (password `demo`).
ACCOUNTS = {
    "operator": "operator1",
    "supervisor": "supervisor1",
    "district_official": "official1",
    "trainer": "trainer1",
    "admin": "admin",
    "collector": "collector",
}
ROLES = [ANON, *ACCOUNTS]
#: official1's only municipality, a district nobody else is scoped to, and a third one to move to.
OWN_DISTRICT = "shilovsky_district"
OTHER_DISTRICT = "ryazan"
THIRD_DISTRICT = "kasimov"

# --- endpoints ------------------------------------------------------------------------------

#: The order the calls are made in: logout comes last because it ends the session.
ENDPOINTS = (
    "login",
    "refresh",
    "me",
    "reference",
    "changes",
    "incident",
    "mutations",
    "ingest",
    "logout",
)

#: Expected HTTP status per role (rows) and endpoint (columns, in ENDPOINTS order).
#: `incident` is GET /incidents/{id} of an incident in the official's own district; `mutations`
#: posts one add_note to it. Anonymous login uses a wrong password, anonymous refresh and logout
#: an unknown refresh token: logout needs no access token (the refresh token is the credential)
#: and answers `revoked: false` when there is nothing to revoke.
HTTP_STATUS: dict[str, tuple[int, ...]] = {
    #                   login refresh me  reference changes incident mutations ingest logout
    ANON:               (401, 401,    401, 401,     401,    401,     401,      401,   200),
    "operator":         (200, 200,    200, 200,     200,    200,     200,      403,   200),
    "supervisor":       (200, 200,    200, 200,     200,    200,     200,      403,   200),
    "district_official":(200, 200,    200, 200,     200,    200,     200,      403,   200),
    "trainer":          (200, 200,    200, 200,     200,    404,     200,      403,   200),
    "admin":            (200, 200,    200, 200,     200,    200,     200,      200,   200),
    "collector":        (200, 200,    200, 200,     403,    403,     403,      200,   200),
}  # fmt: skip

#: What the add_note in the `mutations` column comes to, for roles that get a 200.
NOTE_OUTCOME = {
    "operator": "applied",
    "supervisor": "applied",
    "district_official": "applied",
    "admin": "applied",
    "trainer": "rejected:not_found",
}

#: Machine-readable `error` that goes with each refusing status.
ERROR_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found"}

# --- read scope -----------------------------------------------------------------------------

#: What each role may read: GET /incidents/{id} of an incident in the official's district and
#: of one elsewhere, and which real incidents the /changes feed shows ("all", "own_district",
#: "none", or the HTTP status that refuses the feed).
READ_SCOPE: dict[str, tuple[int, int, str | int]] = {
    #                    own district  other district  feed
    "operator":          (200,         200,            "all"),
    "supervisor":        (200,         200,            "all"),
    "admin":             (200,         200,            "all"),
    "district_official": (200,         404,            "own_district"),
    "trainer":           (404,         404,            "none"),
    "collector":         (403,         403,            403),
}  # fmt: skip

# --- mutations ------------------------------------------------------------------------------

#: Situations an incident is prepared in before a row's mutation, always a fresh one:
#:   new               just ingested: status `new`, nobody holds it
#:   held_by_operator3 operator3 claimed it and wrote a reply that waits for approval
#:   held_by_actor     the acting user claimed it
#:   answered          operator2 claimed it and published a final answer
#: `@own` puts it in official1's district, `@other` in another one.
#
#: Mutation specs: the type, and for `assign` the user it names (`self` is the actor,
#: `nobody` is assignee_id None).
#
#: Expected: `applied` (and the incident changed), `no-op` (applied, nothing changed),
#: `rejected:<error>` or `conflict:<error>` (and nothing changed).

ALL_TYPES = (
    "claim",
    "release",
    "assign:self",
    "set_status",
    "set_category",
    "set_municipality",
    "route",
    "add_reply",
    "approve_reply",
    "return_reply",
    "add_note",
    "review_quality",
)

Row = tuple[str, str, str, str]  # (role, situation, mutation, expected)

OPERATOR_ROWS: list[Row] = [
    ("operator", "new@other", "claim", "applied"),
    ("operator", "new@other", "release", "no-op"),
    ("operator", "new@other", "assign:self", "applied"),
    ("operator", "new@other", "assign:operator2", "rejected:forbidden"),
    ("operator", "new@other", "set_status", "rejected:not_claimed"),
    ("operator", "new@other", "set_category", "rejected:not_claimed"),
    ("operator", "new@other", "set_municipality", "rejected:not_claimed"),
    ("operator", "new@other", "route", "rejected:not_claimed"),
    ("operator", "new@other", "add_reply", "rejected:not_claimed"),
    ("operator", "new@other", "add_note", "applied"),
    ("operator", "held_by_operator3@other", "claim", "conflict:held_by_other"),
    ("operator", "held_by_operator3@other", "release", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "assign:self", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "assign:operator2", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "assign:nobody", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "set_status", "rejected:held_by_other"),
    ("operator", "held_by_operator3@other", "set_category", "rejected:held_by_other"),
    ("operator", "held_by_operator3@other", "set_municipality", "rejected:held_by_other"),
    ("operator", "held_by_operator3@other", "route", "rejected:held_by_other"),
    ("operator", "held_by_operator3@other", "add_reply", "rejected:held_by_other"),
    ("operator", "held_by_operator3@other", "approve_reply", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "return_reply", "rejected:forbidden"),
    ("operator", "held_by_operator3@other", "add_note", "applied"),
    ("operator", "held_by_actor@other", "claim", "no-op"),
    ("operator", "held_by_actor@other", "release", "applied"),
    ("operator", "held_by_actor@other", "assign:self", "no-op"),
    ("operator", "held_by_actor@other", "assign:operator2", "rejected:forbidden"),
    ("operator", "held_by_actor@other", "assign:nobody", "rejected:forbidden"),
    ("operator", "held_by_actor@other", "set_status", "applied"),
    ("operator", "held_by_actor@other", "set_category", "applied"),
    ("operator", "held_by_actor@other", "set_municipality", "applied"),
    ("operator", "held_by_actor@other", "route", "applied"),
    ("operator", "held_by_actor@other", "add_reply", "applied"),
    ("operator", "answered@other", "review_quality", "rejected:forbidden"),
    # operator3's replies need approval, and nobody approves their own.
    ("operator3", "held_by_actor@other", "add_reply", "applied"),
    ("operator3", "held_by_operator3@other", "approve_reply", "rejected:forbidden"),
    ("operator3", "held_by_operator3@other", "return_reply", "rejected:forbidden"),
]

#: Supervisors and admins may do everything to an incident someone else holds, except take
#: it by `claim` (that is `assign`), and they may assign only to someone who could see it.
LEAD_ROWS: list[Row] = [
    (lead, situation, spec, expected)
    for lead in ("supervisor", "admin")
    for situation, spec, expected in [
        ("held_by_operator3@other", "claim", "conflict:held_by_other"),
        ("held_by_operator3@other", "release", "applied"),
        ("held_by_operator3@other", "assign:self", "applied"),
        ("held_by_operator3@other", "assign:operator1", "applied"),
        ("held_by_operator3@other", "assign:nobody", "applied"),
        ("held_by_operator3@other", "set_status", "applied"),
        ("held_by_operator3@other", "set_category", "applied"),
        ("held_by_operator3@other", "set_municipality", "applied"),
        ("held_by_operator3@other", "route", "applied"),
        ("held_by_operator3@other", "add_reply", "applied"),
        ("held_by_operator3@other", "approve_reply", "applied"),
        ("held_by_operator3@other", "return_reply", "applied"),
        ("held_by_operator3@other", "add_note", "applied"),
        ("held_by_operator3@other", "review_quality", "rejected:not_answered"),
        ("answered@other", "review_quality", "applied"),
        # official1 works shilovsky_district only; a collector and a trainer handle no real cases.
        ("held_by_operator3@other", "assign:official1", "rejected:bad_assignee"),
        ("new@other", "assign:official1", "rejected:bad_assignee"),
        ("new@own", "assign:official1", "applied"),
        ("new@other", "assign:collector", "rejected:bad_assignee"),
        ("new@other", "assign:trainer1", "rejected:bad_assignee"),
        ("new@other", "assign:unknown", "rejected:bad_assignee"),
        ("new@other", "set_status", "applied"),
    ]
]

OFFICIAL_ROWS: list[Row] = [
    # In their own district a district official works like an operator.
    ("district_official", "new@own", "claim", "applied"),
    ("district_official", "new@own", "assign:self", "applied"),
    ("district_official", "new@own", "assign:operator1", "rejected:forbidden"),
    ("district_official", "new@own", "set_status", "rejected:not_claimed"),
    ("district_official", "new@own", "add_reply", "rejected:not_claimed"),
    ("district_official", "new@own", "add_note", "applied"),
    ("district_official", "held_by_operator3@own", "claim", "conflict:held_by_other"),
    ("district_official", "held_by_operator3@own", "release", "rejected:forbidden"),
    ("district_official", "held_by_operator3@own", "assign:self", "rejected:forbidden"),
    ("district_official", "held_by_operator3@own", "set_status", "rejected:held_by_other"),
    ("district_official", "held_by_operator3@own", "add_reply", "rejected:held_by_other"),
    ("district_official", "held_by_operator3@own", "approve_reply", "rejected:forbidden"),
    ("district_official", "held_by_operator3@own", "return_reply", "rejected:forbidden"),
    ("district_official", "held_by_actor@own", "set_status", "applied"),
    ("district_official", "held_by_actor@own", "route", "applied"),
    ("district_official", "answered@own", "review_quality", "rejected:forbidden"),
    # Moving a case out of the district is allowed; the official then loses sight of it.
    ("district_official", "held_by_actor@own", "set_municipality", "applied"),
    # Another district does not exist for them, whatever they try.
    *[
        ("district_official", situation, spec, "rejected:not_found")
        for situation in ("new@other", "held_by_operator3@other")
        for spec in ALL_TYPES
    ],
]

#: A trainer is a lead, but only in the training space: real incidents do not exist for them.
TRAINER_ROWS: list[Row] = [
    ("trainer", situation, spec, "rejected:not_found")
    for situation in ("new@own", "held_by_operator3@other")
    for spec in (*ALL_TYPES, "assign:operator1")
]

MUTATION_MATRIX: list[Row] = OPERATOR_ROWS + LEAD_ROWS + OFFICIAL_ROWS + TRAINER_ROWS
MATRIX_ACTORS = sorted({row[0] for row in MUTATION_MATRIX})


# --- helpers --------------------------------------------------------------------------------


def _account(role: str) -> str:
    return ACCOUNTS.get(role, role)  # rows may also name an account, e.g. operator3


class World:
    """Signed-in clients, the ids the tables refer to, and fresh incidents on demand."""

    _serial = itertools.count(1)

    def __init__(self, api):
        self.api = api
        self.lead = api("supervisor1")  # the fresh, independent reader of every incident
        self.collector = api("collector")
        self.operator3 = api("operator3")
        self.clients: dict[str, Api] = {
            "supervisor1": self.lead,
            "collector": self.collector,
            "operator3": self.operator3,
        }
        ref = self.lead.get("/api/v1/reference").json()
        self.user_ids = {u["username"]: u["id"] for u in ref["users"]}
        self.municipality_ids = {m["code"]: m["id"] for m in ref["municipalities"]}
        self.agency_id = next(a["id"] for a in ref["agencies"] if a["sector"] == "waste")

    def client(self, account: str) -> Api:
        if account not in self.clients:
            self.clients[account] = self.api(account)
        return self.clients[account]

    def ingest(self, district: str) -> int:
        n = next(self._serial)
        item = {
            "channel": "telegram",
            "source_id": f"authz-{uuid.uuid4()}",
            "author_name": "Проверка прав",
            "text": f"Не вывезли мусор во дворе, сообщение {n}",
            "received_at": "2026-11-24T10:15:00+03:00",
            "municipality_code": district,
            "sector": "waste",
        }
        r = self.collector.post("/api/v1/ingest", json={"items": [item]})
        assert r.status_code == 200, r.text
        return r.json()["results"][0]["incident_id"]

    def prepare(self, situation: str, actor: Api) -> tuple[int, int | None]:
        """A fresh incident in `situation`; returns its id and its pending reply's id, if any."""
        state, _, where = situation.partition("@")
        iid = self.ingest({"own": OWN_DISTRICT, "other": OTHER_DISTRICT}[where])
        if state == "new":
            return iid, None
        if state == "answered":
            answerer = self.client("operator2")
            assert answerer.one("claim", iid)["outcome"] == "applied"
            r = answerer.one("add_reply", iid, {"kind": "final", "text": "Мусор вывезен."})
            assert r["incident"]["status"] == "answered", r
            return iid, None
        holder = self.operator3 if state == "held_by_operator3" else actor
        r = holder.one("claim", iid)
        assert r["outcome"] == "applied", r
        if state == "held_by_actor":
            return iid, None
        r = holder.one("add_reply", iid, {"kind": "interim", "text": "Проверяем информацию."})
        reply = r["incident"]["replies"][-1]
        assert reply["approval_state"] == "pending_approval", reply
        return iid, reply["id"]

    def payload(self, spec: str, actor: Api, reply_id: int | None) -> tuple[str, dict[str, Any]]:
        type_, _, target = spec.partition(":")
        if type_ == "assign":
            special = {"self": actor.user["id"], "nobody": None, "unknown": 999_999}
            assignee = special[target] if target in special else self.user_ids[target]
            return type_, {"assignee_id": assignee}
        reply = reply_id or 1  # refused before the reply is looked at
        return type_, {
            "claim": {},
            "release": {},
            "set_status": {"status": "rejected", "reason": "Дубликат обращения"},
            "set_category": {"sector": "roads"},
            "set_municipality": {"municipality_id": self.municipality_ids[THIRD_DISTRICT]},
            "route": {"agency_id": self.agency_id, "note": "Прошу принять меры"},
            "add_reply": {"kind": "interim", "text": "Обращение передано в ведомство."},
            "approve_reply": {"reply_id": reply},
            "return_reply": {"reply_id": reply, "comment": "Уточните сроки"},
            "add_note": {"text": "Проверка прав доступа"},
            "review_quality": {
                "polite": True,
                "concrete_action": True,
                "correct_agency": False,
                "on_time": True,
                "no_brush_off": True,
            },
        }[type_]

    def read(self, iid: int) -> dict[str, Any]:
        r = self.lead.get(f"/api/v1/incidents/{iid}")
        assert r.status_code == 200, r.text
        return r.json()


def _outcome(result: dict[str, Any]) -> str:
    if result["outcome"] == "applied":
        return "applied"
    return f"{result['outcome']}:{result['error']}"


def _check_unchanged(before: dict, after: dict, what: str) -> list[str]:
    if after == before:
        return []
    return [
        f"{what}: incident {before['id']} changed although the action was refused or a no-op "
        f"(version {before['version']} -> {after['version']})"
    ]


@dataclass
class Verdict:
    row: Row
    problems: list[str]


def _run_row(world: World, row: Row) -> Verdict:
    role, situation, spec, expected = row
    actor = world.client(_account(role))
    iid, reply_id = world.prepare(situation, actor)
    type_, payload = world.payload(spec, actor, reply_id)
    before = world.read(iid)
    result = actor.mutate(mutation(type_, iid, payload))[0]
    after = world.read(iid)
    got = _outcome(result)
    problems: list[str] = []
    if got != ("applied" if expected == "no-op" else expected):
        problems.append(f"expected {expected}, got {got} ({result.get('reason')})")
    if expected == "applied":
        if after["version"] <= before["version"]:
            problems.append(f"applied but version stayed {before['version']}")
    else:
        problems += _check_unchanged(before, after, expected)
    if expected.endswith(":not_found") and result.get("incident") is not None:
        problems.append("a not_found result leaks the incident")
    shown = result.get("incident")
    if shown is not None and shown["version"] != after["version"]:
        problems.append(f"result shows version {shown['version']}, server has {after['version']}")
    return Verdict(row, problems)


# --- endpoint matrix ------------------------------------------------------------------------


def _ingest_body(tag: str) -> dict[str, Any]:
    return {
        "items": [
            {
                "channel": "vk",
                "source_id": f"authz-endpoint-{tag}",
                "text": "Не горит фонарь у подъезда",
                "received_at": "2026-11-24T09:00:00+03:00",
                "municipality_code": OTHER_DISTRICT,
            }
        ]
    }


@pytest.mark.parametrize("role", ROLES)
def test_endpoint_matrix(api, role):
    world = World(api)
    iid = world.ingest(OWN_DISTRICT)
    before = world.read(iid)
    expected = dict(zip(ENDPOINTS, HTTP_STATUS[role], strict=True))
    if role == ANON:
        client = api()
        refresh_token = "not-a-refresh-token-of-anyone"
        login = client.login("operator1", "wrong-password")
    else:
        client = api()
        login = client.login(ACCOUNTS[role])
        refresh_token = client.refresh_token

    note = mutation("add_note", iid, {"text": "Проверка прав доступа"})
    responses = {
        "login": login,
        "refresh": client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token}),
        "me": client.get("/api/v1/me"),
        "reference": client.get("/api/v1/reference"),
        "changes": client.get("/api/v1/changes"),
        "incident": client.get(f"/api/v1/incidents/{iid}"),
        "mutations": client.post("/api/v1/mutations", json={"mutations": [note]}),
        "ingest": client.post("/api/v1/ingest", json=_ingest_body(role)),
        "logout": client.post("/api/v1/auth/logout", json={"refresh_token": refresh_token}),
    }
    got = {name: r.status_code for name, r in responses.items()}
    assert got == expected, {k: (got[k], expected[k]) for k in ENDPOINTS if got[k] != expected[k]}

    for name, r in responses.items():
        if r.status_code in ERROR_CODES and name not in ("login", "refresh"):
            body = r.json()
            assert body["error"] == ERROR_CODES[r.status_code], (name, body)
            assert body["message"], (name, body)
        if r.status_code == 401:
            assert r.headers.get("WWW-Authenticate") == "Bearer", name
    if role == ANON:
        assert responses["login"].json()["error"] == "bad_credentials"
        assert responses["refresh"].json()["error"] == "session_revoked"
    else:
        assert responses["me"].json()["username"] == ACCOUNTS[role]
        assert responses["me"].json()["role"] == role
    assert responses["logout"].json() == {"revoked": role != ANON}

    after = world.read(iid)
    if expected["mutations"] == 200:
        outcome = _outcome(responses["mutations"].json()["results"][0])
        assert outcome == NOTE_OUTCOME[role]
    if expected["mutations"] != 200 or NOTE_OUTCOME[role] != "applied":
        assert _check_unchanged(before, after, f"{role} add_note") == []
    else:
        assert after["version"] == before["version"] + 1

    if role != ANON:  # logout ended this sign-in: its access token is dead too
        r = client.get("/api/v1/me")
        assert (r.status_code, r.json()["error"]) == (401, "session_revoked")


def test_anonymous_is_refused_before_the_body_is_judged(api):
    """No token means 401 even for a body the schema would refuse: nothing about it leaks."""
    anon = api()
    world = World(api)
    iid = world.ingest(OTHER_DISTRICT)
    before = world.read(iid)
    wrong_shape = {"mutations": [{"type": "explode", "incident_id": "x"}]}
    for path, body in [("/api/v1/mutations", wrong_shape), ("/api/v1/ingest", {"items": 1})]:
        r = anon.post(path, json=body)
        assert (r.status_code, r.json()["error"]) == (401, "unauthorized"), (path, r.text)
    for header in ("Basic b3BlcmF0b3IxOmRlbW8=", "Bearer", f"Bearer {world.lead.refresh_token}"):
        r = anon.post(
            "/api/v1/mutations",
            json={"mutations": [mutation("add_note", iid, {"text": "x"})]},
            headers={"Authorization": header},
        )
        assert r.status_code == 401, (header, r.text)
    assert _check_unchanged(before, world.read(iid), "anonymous") == []


# --- read scope -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(READ_SCOPE))
def test_read_scope(api, role):
    world = World(api)
    own, other = world.ingest(OWN_DISTRICT), world.ingest(OTHER_DISTRICT)
    everything = world.lead.all_incidents()
    assert all(i["training_session_id"] is None for i in everything.values())
    own_mid = world.municipality_ids[OWN_DISTRICT]
    in_own = {i for i, x in everything.items() if x["municipality_id"] == own_mid}
    assert own in in_own and other not in in_own and len(in_own) < len(everything)

    client = world.client(ACCOUNTS[role])
    want_own, want_other, want_feed = READ_SCOPE[role]
    for iid, want in ((own, want_own), (other, want_other)):
        r = client.get(f"/api/v1/incidents/{iid}")
        assert r.status_code == want, (iid, r.text)
        if want != 200:
            assert r.json()["error"] == ERROR_CODES[want]
        else:
            assert r.json()["id"] == iid
    # an id that does not exist looks exactly like one out of scope
    r = client.get("/api/v1/incidents/999999")
    assert r.status_code == (403 if role == "collector" else 404)

    if isinstance(want_feed, int):
        r = client.get("/api/v1/changes")
        assert (r.status_code, r.json()["error"]) == (want_feed, ERROR_CODES[want_feed])
        return
    feed = client.all_incidents()
    expected_ids = {"all": set(everything), "own_district": in_own, "none": set()}[want_feed]
    assert set(feed) == expected_ids
    assert all(x["municipality_id"] == own_mid for x in feed.values()) or want_feed == "all"


# --- mutation matrix ------------------------------------------------------------------------


def _matrix_ids(rows: list[Row]) -> list[str]:
    return [f"{role}|{situation}|{spec}" for role, situation, spec, _ in rows]


@pytest.mark.parametrize("actor", MATRIX_ACTORS)
def test_mutation_matrix(api, actor):
    """All rows of MUTATION_MATRIX for one acting role; every mismatch is reported at once."""
    world = World(api)
    rows = [row for row in MUTATION_MATRIX if row[0] == actor]
    assert rows
    verdicts = [_run_row(world, row) for row in rows]
    failures = [
        f"{role} | {situation} | {spec} -> {'; '.join(v.problems)}"
        for v in verdicts
        if v.problems
        for role, situation, spec, _ in [v.row]
    ]
    assert not failures, "\n" + "\n".join(failures)


def test_matrix_covers_every_mutation_type_for_every_handler_role():
    types = {spec.partition(":")[0] for spec in ALL_TYPES}
    for role in ("operator", "supervisor", "admin", "district_official", "trainer"):
        covered = {spec.partition(":")[0] for r, _, spec, _ in MUTATION_MATRIX if r == role}
        assert covered == types, (role, types - covered)
    assert len(set(_matrix_ids(MUTATION_MATRIX))) == len(MUTATION_MATRIX), "duplicate rows"


def test_collector_may_not_mutate_anything(api):
    world = World(api)
    iid, reply_id = world.prepare("held_by_operator3@other", world.collector)
    before = world.read(iid)
    batch = []
    for spec in ALL_TYPES:
        type_, payload = world.payload(spec, world.collector, reply_id)
        batch.append(mutation(type_, iid, payload))
    r = world.collector.post("/api/v1/mutations", json={"mutations": batch})
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    assert _check_unchanged(before, world.read(iid), "collector") == []


def test_district_official_loses_a_case_moved_out_of_the_district(api):
    world = World(api)
    official = world.client("official1")
    iid, _ = world.prepare("held_by_actor@own", official)
    target = world.municipality_ids[OTHER_DISTRICT]
    r = official.one("set_municipality", iid, {"municipality_id": target, "reason": "Не наш"})
    assert (r["outcome"], r["incident"]) == ("applied", None)
    assert official.get(f"/api/v1/incidents/{iid}").status_code == 404
    moved = world.read(iid)
    assert (moved["municipality_id"], moved["assignee_id"]) == (target, None)
    version = moved["version"]
    for spec in ("add_note", "claim", "set_status"):
        type_, payload = world.payload(spec, official, None)
        r = official.one(type_, iid, payload)
        assert (r["outcome"], r["error"], r["incident"]) == ("rejected", "not_found", None)
    assert world.read(iid)["version"] == version


def test_mutation_ids_of_another_user_are_not_replayed(api):
    """A mutation id is bound to its author: reusing it neither repeats nor reveals anything."""
    world = World(api)
    op1, op2, official = (world.client(a) for a in ("operator1", "operator2", "official1"))
    iid = world.ingest(OTHER_DISTRICT)
    note = mutation("add_note", iid, {"text": "Звонили в УК"})
    assert op1.mutate(note)[0]["outcome"] == "applied"
    before = world.read(iid)
    for other in (op2, official, world.lead):
        r = other.mutate(note)[0]
        assert (r["outcome"], r["error"], r["incident"]) == (
            "rejected",
            "mutation_id_taken",
            None,
        ), other.user["username"]
    assert _check_unchanged(before, world.read(iid), "replayed mutation id") == []

    # An official's own refused attempt at another district stays opaque when resent.
    claim = mutation("claim", iid)
    first = official.mutate(claim)[0]
    again = official.mutate(claim)[0]
    assert (first["outcome"], first["error"], first["incident"]) == ("rejected", "not_found", None)
    assert (again["outcome"], again["first_outcome"], again["incident"]) == (
        "duplicate",
        "rejected",
        None,
    )
    assert _check_unchanged(before, world.read(iid), "official claim") == []
