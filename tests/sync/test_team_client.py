"""The console's client calls (`cur_desktop.sync.team`) against the real server, the quality
review as a local action that syncs, and the heartbeat's timing."""

from __future__ import annotations

from datetime import date

import pytest

from cur_desktop.models.cache.board import local_board
from cur_desktop.models.team import Activity, PresenceState
from cur_desktop.sync import team
from cur_desktop.sync.client import ApiClient, RequestRejected, SyncError


def _client(server, username: str) -> ApiClient:
    client = ApiClient(server.url, timeout=(2.0, 5.0))
    client.login(username, "demo")
    return client


def test_presence_board_handover_and_quality_through_the_client(server, workstation):
    sup, op1, op2 = (workstation(n) for n in ("supervisor1", "operator1", "operator2"))
    for ws in (sup, op1):
        ws.sync()
    iid = op1.first(status="new")["id"]
    before = next(m for m in team.team_board(sup.client).members if m.user_id == op1.user_id)
    op1.actions.claim(iid)
    op1.actions.add_reply(iid, "final", "Контейнеры вывезены, площадка убрана.")
    op1.sync()
    assert op1.incident(iid)["status"] == "answered"

    seen = team.heartbeat(op2.client, iid, Activity.VIEWING)
    assert (seen.incident_id, seen.others) == (iid, [])
    answer = team.heartbeat(sup.client, iid, Activity.WRITING)
    assert [(o.user_id, o.activity) for o in answer.others] == [(op2.user_id, Activity.VIEWING)]
    assert [o.user_id for o in team.who_else(op2.client, iid).others] == [sup.user_id]

    board = team.team_board(sup.client)
    row = next(m for m in board.members if m.user_id == op2.user_id)
    assert (row.presence, row.current_incident_id) == (PresenceState.ONLINE, iid)
    after = next(m for m in board.members if m.user_id == op1.user_id)
    assert after.answered_today == before.answered_today + 1
    with pytest.raises(RequestRejected) as refused:
        team.team_board(op1.client)
    assert refused.value.status == 403

    note = team.write_handover(sup.client, "Ночью ждём отключение воды в Октябрьском районе")
    latest = team.latest_handover(op1.client)
    assert latest.note == note.note and latest.total == len(latest.incidents) > 0

    sup.sync()
    sup.actions.review_quality(
        iid,
        polite=True,
        concrete_action=True,
        correct_agency=True,
        on_time=False,
        no_brush_off=True,
        comment="  ",
    )
    assert "local_review_quality" in [e["kind"] for e in sup.events(iid)]  # shown at once
    assert sup.sync().applied == 1
    kinds = [e["kind"] for e in sup.events(iid)]
    assert "quality_reviewed" in kinds and "local_review_quality" not in kinds
    report = team.quality_report(sup.client)
    (mine,) = [o for o in report.operators if o.user_id == op1.user_id]
    assert (mine.reviewed, mine.shares.on_time, mine.score) == (1, 0.0, 0.8)
    empty = team.quality_report(sup.client, date(2026, 1, 1), date(2026, 1, 31))
    assert empty.operators == [] and empty.date_to == date(2026, 1, 31)
    with pytest.raises(RequestRejected) as bad:
        team.quality_report(sup.client, date(2026, 2, 1), date(2026, 1, 1))
    assert bad.value.status == 422


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_heartbeat_is_sent_on_change_and_every_interval(server):
    iid = 1
    client, clock = _client(server, "operator1"), FakeClock()
    beats = team.PresenceReporter(client, interval=30, clock=clock)
    assert beats.due() and beats.beat() is not None  # the first one goes at once
    assert not beats.due() and beats.beat() is None
    clock.now += 29
    assert beats.beat() is None
    assert beats.set(iid, Activity.VIEWING)  # opened an incident: at once
    assert beats.beat().incident_id == iid
    assert not beats.set(iid, Activity.VIEWING)  # nothing new
    clock.now += 30
    assert beats.due() and beats.beat().incident_id == iid
    assert beats.set(iid, Activity.WRITING) and beats.beat() is not None
    beats.set(None, Activity.IDLE)
    client.access_token = client.refresh_token = "signed-out-long-ago"  # the send fails ...
    with pytest.raises(SyncError):
        beats.beat()
    assert beats.due()  # ... and stays due


def test_offline_board_from_the_cache_matches_the_servers(server, workstation):
    sup, op1 = workstation("supervisor1"), workstation("operator1")
    op1.sync()
    answered = op1.first(status="new")["id"]
    op1.actions.claim(answered)
    op1.actions.add_reply(answered, "interim", "Передано в управляющую компанию.")
    op1.sync()
    sup.sync()

    online = team.team_board(sup.client)
    with sup.store.read() as conn:
        offline = local_board(conn)
    assert offline.from_cache and not online.from_cache and offline.day == online.day

    def figures(board):
        return {m.user_id: (m.load, m.answered_today) for m in board.members}

    def medians(board):
        return {m.user_id: m.median_first_answer_minutes or 0.0 for m in board.members}

    assert figures(offline) == figures(online)
    # The cache keeps whole seconds: a median may differ in its last (tenth of a minute) digit.
    assert medians(offline) == pytest.approx(medians(online), abs=0.11)
    assert offline.unassigned == online.unassigned
    assert figures(offline)[op1.user_id][1] >= 1
    assert {m.presence for m in offline.members} == {PresenceState.UNKNOWN}

    # Work not yet sent counts at once: a bulk reassignment shows before any sync.
    queue = [i for i, row in sup.incidents().items() if row["status"] == "new"][:3]
    operator2 = next(m.user_id for m in online.members if m.username == "operator2")
    sup.actions.assign_many(queue, operator2)
    with sup.store.read() as conn:
        moved = local_board(conn)
    before = next(m.load for m in offline.members if m.user_id == operator2)
    after = next(m.load for m in moved.members if m.user_id == operator2)
    assert (after.assigned, after.in_work) == (before.assigned + 3, before.in_work + 3)
    assert moved.unassigned.assigned == offline.unassigned.assigned - 3
