"""The server keeps the contract it publishes at /openapi.json.

schemathesis reads the spec from the live server and sends every operation valid and invalid
requests (boundary "coverage" cases, then a bounded number of random ones), signed in as demo
users. Every answer must be documented: no 5xx, a declared status code and content type, a body
matching the declared schema; invalid input must be refused, valid input accepted. The run is
deterministic (fixed seed), so a failure reproduces.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from tests.server.api import Api

API = "/api/v1"
LOGOUT = f"{API}/auth/logout"
#: Random requests per operation after the deterministic phases; bounds the run to seconds.
MAX_EXAMPLES = 25

#: The schema cannot say which municipality and category codes exist: a well-formed ingest item
#: with an unknown code is refused with 400 `unknown_code`.
INGEST_CHECKS = {
    "include-path": f"{API}/ingest",
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 400]}},
}

#: Nor can it say that `date_to` is not before `date_from`, or which municipality ids exist
#: (422), or that operators may not see analytics (403).
ANALYTICS_CHECKS = {
    "include-path-regex": f"^{API}/analytics/",
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 403, 422]}},
}

#: Nor that a quality period is at most two years long.
QUALITY_CHECKS = {
    "include-path": f"{API}/quality",
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 422]}},
}


#: Nor that a burst of failed sign-ins is answered 429 for a while (throttling).
LOGIN_CHECKS = {
    "include-path": f"{API}/auth/login",
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 401, 429]}},
}


def _config(*operations: dict[str, Any], coverage: bool = True) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": 62,
            "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
            "phases": {"coverage": {"enabled": coverage}},
            "operations": [
                INGEST_CHECKS,
                ANALYTICS_CHECKS,
                QUALITY_CHECKS,
                LOGIN_CHECKS,
                *operations,
            ],
        }
    )


#: The operations in four parts of about equal time, so that operator1's full run (the longest
#: test of the suite) is four tests that the workers share instead of one at the end of a run.
PARTS = {
    "training": "^/api/v1/training/",
    "mutations": "^/api/v1/mutations",
    "incidents": "^/api/v1/(incidents|changes|ingest)",
}


def _only(part: str) -> list[dict[str, Any]]:
    """Operation entries that switch off every operation outside `part` ("rest": outside all)."""
    if part == "rest":
        return [{"include-path-regex": regex, "enabled": False} for regex in PARTS.values()]
    return [{"exclude-path-regex": PARTS[part], "enabled": False}]


#: operator1 gets every phase on every operation. supervisor1 differs only where the role matters
#: (lead-only mutations, the feed): random requests there, without repeating the boundary cases.
#: Logout ends a session, so it is kept out of both and tested last, on its own.
NO_LOGOUT = {"include-path": LOGOUT, "enabled": False}
CONFIGS = {
    **{
        f"operator1:{part}": (lambda part=part: _config(NO_LOGOUT, *_only(part)))
        for part in (*PARTS, "rest")
    },
    "supervisor1": lambda: _config({"exclude-tag": "sync", "enabled": False}, coverage=False),
}
#: The contract's shape does not depend on the database; what does (types, NUL, lengths, date
#: bounds) is met by the random phase too. On PostgreSQL the boundary cases, most of the run's
#: time, are left to SQLite, which keeps CI in its budget.
PG_CONFIGS = {
    **{
        f"operator1:{part}": (lambda part=part: _config(NO_LOGOUT, *_only(part), coverage=False))
        for part in (*PARTS, "rest")
    },
    "supervisor1": CONFIGS["supervisor1"],
}


def _bearer(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _lazy_loader_on_this_pytest(request) -> None:
    """schemathesis 4.32 renames the test per operation through `_nodeid`, which pytest 9.2 no
    longer has; giving the node one keeps the fixture-based loader working."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@pytest.fixture(params=list(CONFIGS))
def staff(request) -> str:
    return request.param


@pytest.fixture
def signed_in(live, staff) -> dict[str, dict[str, str]]:
    """Authorization headers: the staff member under test, and the collector robot."""
    return {
        "staff": _bearer(Api(live.url, staff.split(":")[0]).token),
        "collector": _bearer(Api(live.url, "collector").token),
    }


@pytest.fixture
def contract(request, live, staff, db_url):
    # `staff` is asked for here so that pytest sees its parameters: until schemathesis unwraps
    # the test, this fixture is the only one the test names.
    _lazy_loader_on_this_pytest(request)
    configs = PG_CONFIGS if db_url.startswith("postgresql") else CONFIGS
    return schemathesis.openapi.from_url(f"{live.url}/openapi.json", config=configs[staff]())


@pytest.fixture
def logout_contract(request, live):
    _lazy_loader_on_this_pytest(request)
    config = _config({"exclude-path": LOGOUT, "enabled": False})
    return schemathesis.openapi.from_url(f"{live.url}/openapi.json", config=config)


schema = schemathesis.pytest.from_fixture("contract")
logout_schema = schemathesis.pytest.from_fixture("logout_contract")


@schema.parametrize()
def test_every_operation_keeps_the_contract(case, signed_in):
    # Only collectors may ingest: as staff every ingest request would just be a 403.
    who = "collector" if case.path == f"{API}/ingest" else "staff"
    case.call_and_validate(headers=signed_in[who], timeout=60)


@logout_schema.parametrize()
def test_logout_keeps_the_contract(case, live):
    case.call_and_validate()


def test_a_real_logout_answers_as_documented(live):
    """Random refresh tokens never match a session: one real sign-out covers the other branch."""
    operation = schemathesis.openapi.from_url(f"{live.url}/openapi.json")[LOGOUT]["POST"]
    op = Api(live.url, "operator1")
    for revoked in (True, False):
        r = op.post(LOGOUT, json={"refresh_token": op.refresh_token})
        operation.validate_response(r)
        assert r.json() == {"revoked": revoked}
