"""A district laptop whose clock is three hours behind or ahead shows the same deadlines as one
with a right clock: the SLA cells and states of the queue, the card and the tab counts are those
of the server's time, and the status bar says the computer's clock is off.

The laptop's clock is injected (`Clock(local=...)`); the server runs on the real clock. Three
incidents get deadlines around the real «now» in the window's cache: at risk, overdue, in time;
three hours either way would show each of them differently."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from cur_desktop.models.cache.schema import incidents
from cur_desktop.models.clock import Clock
from cur_desktop.models.sla import SlaState
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import in_db, spawn, wait_until
from cur_desktop.ui.main_window import MainWindow
from cur_desktop.ui.queue_model import COLUMN_INDEX, SlaStateRole
from cur_desktop.ui.queue_source import TABS
from cur_desktop.ui.sla_view import MARKS, SlaView
from tests.ui.test_operator_flow import close, first_sync

HOURS = 3600


def open_skewed_window(server_url: str, tmp_path, skew: float):
    ws = Workspace.sign_in(
        tmp_path / "profiles",
        server_url,
        "operator1",
        "demo",
        remember=True,
        credentials=CredentialStore(),
        clock=Clock(local=lambda: time.time() + skew),
    )
    ws.engine.interval = 0.5
    window = MainWindow(ws)
    window._loop = asyncio.get_event_loop()
    window.show()
    window.start()
    return ws, window, spawn(ws.engine.run(), what="engine")


def set_deadlines(ws) -> dict[int, SlaState]:
    """Deadlines around the real now for three open incidents of the cache."""
    now = int(time.time())
    plan = [
        (now + HOURS, now - 600, SlaState.at_risk),
        (now - HOURS, now - 2 * HOURS, SlaState.overdue),
        (now + 5 * HOURS, now + 4 * HOURS, SlaState.ok),
    ]
    with ws.store.write() as conn:
        ids = conn.execute(
            select(incidents.c.id)
            .where(incidents.c.sla_due.is_not(None))
            .order_by(incidents.c.id)
            .limit(3)
        ).scalars()
        expected = {}
        for incident_id, (due, risk, state) in zip(list(ids), plan, strict=True):
            conn.execute(
                update(incidents)
                .where(incidents.c.id == incident_id)
                .values(sla_due=due, sla_risk_at=risk)
            )
            expected[incident_id] = state
    return expected


@pytest.mark.parametrize("skew", [-3 * HOURS, 3 * HOURS], ids=["behind", "ahead"])
def test_a_laptop_clock_hours_off_shows_the_server_deadlines(run, server, tmp_path, qtbot, skew):
    async def scenario():
        ws, window, task = open_skewed_window(server.url, tmp_path, skew)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        expected = set_deadlines(ws)
        window.tabs.setCurrentIndex(len(TABS) - 1)  # «Все»
        window.model.refresh()
        await window.refresh_side()
        await wait_until(lambda: all(window.model.row_of(i) is not None for i in expected), 30)

        # The queue: its «now» is the server's, and every SLA cell is what a right clock shows.
        window.model.tick(0, window.model.rowCount() - 1)
        assert abs(window.model.now.timestamp() - time.time()) < 2
        right = SlaView.from_reference(ws.reference(), Clock())
        sla = COLUMN_INDEX["sla"]
        for incident_id, state in expected.items():
            index = window.model.index(window.model.row_of(incident_id), sla)
            assert window.model.data(index, SlaStateRole) == state.value
            row = window.model.row_data(index.row())
            shown = right.show(row["sla_due"], row["sla_risk_at"], window.model.now)
            assert window.model.data(index) == f"{shown.symbol} {shown.text}"

        # The tab counts are counted against the server's time too.
        counts = await in_db(window.service.tab_counts, datetime.now(UTC))
        await window.refresh_side()
        for i, (code, _) in enumerate(TABS):
            assert f"({counts[code]})" in window.tabs.tabText(i), code

        # The card of the incident at risk.
        at_risk = next(i for i, s in expected.items() if s is SlaState.at_risk)
        window.select_incident(at_risk)
        await wait_until(lambda: (window.card.incident or {}).get("id") == at_risk, 15)
        assert window.card.sla_label.text().startswith(MARKS[SlaState.at_risk][0])

        # And the status bar says why the window's times differ from the laptop's.
        await wait_until(lambda: window.status.clock_warning.isVisible(), 5)
        warning = window.status.clock_warning.text()
        assert "3 ч 0 мин" in warning and "по времени сервера" in warning
        window.grab().save(f"/tmp/house/clock-{skew:+.0f}.png")
        await close(ws, window, task)

    run(scenario())


def test_no_warning_when_the_clock_is_right(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_skewed_window(server.url, tmp_path, 0.0)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window._tick()
        assert ws.clock.known and not window.status.clock_warning.isVisible()
        await close(ws, window, task)

    run(scenario())
