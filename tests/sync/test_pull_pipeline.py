"""The pull fetches and prepares later pages while it writes the current one: what the user does
in the meantime must still win over rows made before it."""

from __future__ import annotations

from cur_desktop.sync.outbox import Outbox
from tests.server.api import Api, mutation


def test_local_work_on_an_incident_of_a_page_fetched_ahead_is_kept(workstation, server):
    ws = workstation("operator1")  # pages of 50 (tests/sync/harness.py)
    ws.sync()
    changed = sorted(ws.incidents())[:70]
    lead = Api(server.url, "supervisor1")
    for iid in changed:  # 70 changes: the next pull has two pages, in this order
        lead.mutate(mutation("add_note", iid, {"text": "Проверено на месте"}))
    late = changed[-1]  # on the second page, fetched and made into rows while the first is written
    noted: list[str] = []

    def progress(phase: str, done: int) -> None:
        if phase == "pull" and not noted:
            noted.append(ws.actions.add_note(late, "Пока шла синхронизация"))

    ws.core.progress = progress
    summary = ws.sync()
    assert (summary.pages, summary.pulled) == (2, 70) and noted
    assert ws.incident(late)["pending"] == 1
    events = {(e["kind"], e["data"].get("text")) for e in ws.events(late)}
    assert ("note", "Проверено на месте") in events  # the server's change, from the page
    assert ("local_add_note", "Пока шла синхронизация") in events  # the user's, on top
    assert Outbox(ws.store).pending_count() == 1

    after = ws.sync()
    assert (after.pushed, after.applied) == (1, 1)
    assert ws.incident(late)["pending"] == 0
    on_server = Api(server.url, "operator1").get(f"/api/v1/incidents/{late}").json()
    assert [e["data"].get("text") for e in on_server["events"]][-2:] == [
        "Проверено на месте",
        "Пока шла синхронизация",
    ]
