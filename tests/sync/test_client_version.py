"""Workstation versions: the server publishes the current and the minimum one; a newer version
is announced, never downloaded; an outdated workstation may read, its changes wait in the outbox,
and the server refuses them even from a client that never asked."""

from __future__ import annotations

from uuid import uuid4

import requests

from cur_desktop.models import contract as c
from cur_desktop.models.version import __version__
from cur_desktop.sync.client import ClientTooOld
from cur_desktop.sync.outbox import Outbox
from tests.server.api import Api


def publish(server, current: str, minimum: str) -> None:
    server.context.client_versions = c.ClientVersion(current=current, minimum=minimum)


def test_the_server_publishes_its_own_version_by_default(server):
    r = requests.get(f"{server.url}/api/v1/client-version", timeout=10)
    assert r.status_code == 200
    assert r.json() == {"current": __version__, "minimum": __version__}


def test_a_newer_version_is_announced_and_writing_goes_on(workstation, server):
    publish(server, "99.0", __version__)
    ws = workstation("operator1")
    ws.sync()
    assert ws.core.newer_version == "99.0"
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.claim(inc["id"])
    assert ws.sync().applied == 1


def test_an_outdated_workstation_reads_but_keeps_its_changes_queued(workstation, server):
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.claim(inc["id"])
    publish(server, "99.1", "99.0")
    ws.core._versions_asked = False  # as at the next start of the program
    try:
        ws.sync()
    except ClientTooOld as exc:
        assert exc.message.startswith("Версия программы устарела")
        assert "99.1" in exc.message
    else:
        raise AssertionError("an outdated workstation pushed")
    assert Outbox(ws.store).pending_count() == 1  # nothing lost
    assert ws.incident(inc["id"])["pending"] == 1
    on_server = Api(server.url, "supervisor1").get(f"/api/v1/incidents/{inc['id']}").json()
    assert on_server["assignee_id"] is None

    publish(server, "99.1", __version__)  # the administrator lowers the minimum again
    ws.core._versions_asked = False
    assert ws.sync().applied == 1
    assert Outbox(ws.store).pending_count() == 0


def test_the_server_refuses_an_outdated_client_that_never_asked(workstation, server):
    """The workstation's own check is skipped (it never asked): the server's 426 stops it, and
    the change stays in the outbox."""
    ws = workstation("operator1")
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ws.actions.claim(inc["id"])
    publish(server, "99.1", "99.0")
    try:
        ws.sync()
    except ClientTooOld as exc:
        assert "99.1" in exc.message and exc.status == 426
    else:
        raise AssertionError("the server accepted a mutation from an outdated workstation")
    assert Outbox(ws.store).pending_count() == 1


def test_old_workstations_are_known_by_their_user_agent(server):
    """Workstations from before the version header sent `cur-desktop/0.1` only."""
    publish(server, "99.1", "99.0")
    api = Api(server.url, "operator1")

    def body() -> dict:  # a fresh mutation each time, on an incident that may not exist
        note = {"text": "проверка"}
        return {
            "mutations": [
                {"mutation_id": str(uuid4()), "type": "add_note", "incident_id": 1, "payload": note}
            ]
        }

    old = api.post("/api/v1/mutations", json=body(), headers={"User-Agent": "cur-desktop/0.1"})
    assert old.status_code == 426 and old.json()["error"] == c.CLIENT_TOO_OLD
    assert old.json()["details"]["minimum"] == "99.0"
    header = {c.CLIENT_VERSION_HEADER: "98.7.1"}
    assert api.post("/api/v1/mutations", json=body(), headers=header).status_code == 426
    header = {c.CLIENT_VERSION_HEADER: "99.0.0"}
    assert api.post("/api/v1/mutations", json=body(), headers=header).status_code == 200
    # Not a workstation (a script, a collector): the version rule does not concern it.
    assert api.post("/api/v1/mutations", json=body()).status_code == 200
