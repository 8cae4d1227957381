"""The analytics window against the real embedded server (seeded demo data): the figures on
screen are the server's for the period (and one cell equals a direct count in the server's
database), a cluster is routed to one agency in one action and the server sees it, the XLSX
export holds the same numbers, the brief is written, a lost server gives the same figures from
the local cache (said to be the cache's), and an operator has no analytics at all."""

from __future__ import annotations

import asyncio
import os
import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar
from sqlalchemy import create_engine, func, select

from cur_desktop.ui import formats
from cur_desktop.ui.aio import wait_until
from cur_server.embedded import EmbeddedServer
from cur_server.tables import Incident
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window

MSK = timedelta(hours=3)
DATE_TO = date(2026, 11, 24)  # the seed's «now» (tests.conftest.SEED_NOW), a local day
DATE_FROM = DATE_TO - timedelta(days=6)
CLUSTER_TEXT = (
    "Во дворе дома на улице Строителей 3 пятый день не вывозят мусор, контейнеры переполнены"
)
DOCS = Path(__file__).resolve().parents[2] / "docs"


def plant_cluster(url: str, municipality: str = "ryazan", size: int = 4) -> None:
    """The same complaint from `size` people: a text cluster the server must find."""
    items = [
        {
            "channel": "vk",
            "source_id": f"h5-cluster-{n}",
            "text": CLUSTER_TEXT,
            "received_at": f"2026-11-24T0{n + 1}:15:00+03:00",
            "municipality_code": municipality,
            "sector": "housing",
        }
        for n in range(size)
    ]
    r = Api(url, "collector").post("/api/v1/ingest", json={"items": items})
    assert r.status_code == 200, r.text


def server_summary(url: str, municipality_ids: list[int] | None = None) -> dict:
    params = {"date_from": DATE_FROM.isoformat(), "date_to": DATE_TO.isoformat(), "top": 15}
    if municipality_ids:
        params["municipality_ids"] = municipality_ids
    r = Api(url, "supervisor1").get("/api/v1/analytics/summary", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def db_count(db_url: str, sector: str, municipality_id: int, first: date, last: date) -> int:
    """Incidents received on the local days first..last, counted straight in the database."""
    start = datetime.combine(first, time(), UTC) - MSK
    end = datetime.combine(last + timedelta(days=1), time(), UTC) - MSK
    engine = create_engine(db_url)
    with engine.connect() as conn:
        n = conn.execute(
            select(func.count())
            .select_from(Incident)
            .where(
                Incident.sector == sector,
                Incident.municipality_id == municipality_id,
                Incident.received_at >= start,
                Incident.received_at < end,
                Incident.training_session_id.is_(None),
            )
        ).scalar_one()
    engine.dispose()
    return n


async def open_analytics(window, qtbot):
    assert window.analytics_action is not None
    window.analytics_action.trigger()
    aw = window.analytics_window
    qtbot.addWidget(aw)
    await wait_until(lambda: aw.summary is not None and aw.busy_loads == 0, 30)
    aw.set_period(DATE_FROM, DATE_TO)
    assert await aw.load(), aw.notice.text()
    return aw


def test_figures_equal_the_servers_and_a_cluster_is_routed(
    run, server, server_url, tmp_path, qtbot
):
    plant_cluster(server.url)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        aw = await open_analytics(window, qtbot)
        expected = server_summary(server.url)

        # «Обзор»: totals and the top categories.
        assert aw.overview.figures["total"].text() == formats.number(expected["total"])
        assert expected["total"] > 0
        change = expected["total"] - expected["total_previous"]
        assert aw.overview.figures["change"].text().startswith(formats.signed(change))
        assert aw.overview.figures["overdue"].text() == formats.number(expected["overdue_now"])
        assert [r[2] for r in aw.overview.categories.rows] == [
            (t["count"], t["previous"]) for t in expected["top_categories"]
        ]
        assert [r[1] for r in aw.overview.by_day.rows] == [d["count"] for d in expected["by_day"]]

        # «Секторы × МО»: every cell, the totals, and one cell against the database itself.
        cells = {}
        for r in expected["by_sector_municipality"]:
            cells[(r["sector"], r["municipality_id"])] = (r["count"], r["previous"])
        assert cells
        for (sector, mid), pair in cells.items():
            assert aw.sectors.cell(sector, mid) == pair
        assert aw.sectors.cell(None, None)[0] == expected["total"]
        (sector, mid), (count, previous) = max(cells.items(), key=lambda kv: kv[1][0])
        assert count == db_count(server_url, sector, mid, DATE_FROM, DATE_TO)
        assert previous == db_count(
            server_url, sector, mid, DATE_FROM - timedelta(days=7), DATE_FROM - timedelta(days=1)
        )

        # «Сроки»: by operator, as the server counted.
        rows = {r["id"]: r for r in expected["sla_by_operator"]}
        model = aw.sla.models["operator"]
        assert len(model.rows) == len(rows)
        for i, row in enumerate(model.rows):
            want = rows[model.key(i)]
            assert row[1:5] == [
                want["incidents"],
                want["answered"],
                want["answered_on_time"],
                want["overdue"],
            ]
        # «Без исполнителя»: nobody answered those, so no share of them on time (not «0,0 %»).
        unassigned = model.rows.index(next(r for r in model.rows if r[0] == "Без исполнителя"))
        assert model.key(unassigned) is None and rows[None]["answered"] == 0
        assert model.data(model.index(unassigned, 5)) == "—"

        # XLSX: the same numbers in the workbook.
        out = tmp_path / "analytics.xlsx"
        assert await aw.export(out)
        wb = load_workbook(out)
        assert "Сферы × МО" in wb.sheetnames
        sheet = list(wb["Сферы × МО"].values)
        header, body = sheet[0], sheet[1:]
        names = aw.labels.municipalities
        col = header.index(names[mid])
        row = next(r for r in body if r[0] == aw.labels.sector(sector))
        assert (row[col], row[col + 1]) == (count, count - previous)
        total_row = next(r for r in body if r[0] == "Итого")
        assert total_row[1] == expected["total"]
        days = list(wb["По дням"].values)[1:]
        assert [r[1] for r in days] == [d["count"] for d in expected["by_day"]]

        # «Системные проблемы»: the planted cluster, its incidents, routed in one action.
        aw.tabs.setCurrentWidget(aw.systemic)
        sys_tab = aw.systemic
        assert sys_tab.cluster_rule.text()
        assert sys_tab.spike_rule.text().startswith("Всплеск")
        row = next(
            i
            for i, c in enumerate(sys_tab.clusters.keys)
            if "Строителей" in c.key  # one address, one text: one cluster, not two
        )
        cluster = sys_tab.clusters.key(row)
        assert cluster.count == 4
        sys_tab.clusters_view.selectRow(row)
        await wait_until(lambda: sys_tab.behind.rowCount() == 4, 10)
        assert sorted(sys_tab.behind.keys) == sorted(cluster.incident_ids)

        assert sys_tab.route_button.isEnabled()
        qtbot.mouseClick(sys_tab.route_button, Qt.MouseButton.LeftButton)
        dialog = sys_tab.route_dialog
        assert dialog is not None and dialog.isVisible()
        combo = dialog._fields["agency_id"]
        combo.setCurrentIndex(1)
        agency_id = combo.currentData()
        assert agency_id is not None
        got: list[int] = []
        sys_tab.routed.connect(got.append)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        await wait_until(lambda: got == [4], 10)

        supervisor = Api(server.url, "supervisor1")

        def routed() -> bool:
            return all(
                supervisor.get(f"/api/v1/incidents/{i}").json()["agency_id"] == agency_id
                for i in cluster.incident_ids
            )

        try:
            await wait_until(routed, 30)
        except TimeoutError:
            print("PROBLEMS", ws.core.outbox.problems(), ws.core.outbox.pending_count())
            raise
        for i in cluster.incident_ids:
            events = supervisor.get(f"/api/v1/incidents/{i}").json()["events"]
            assert sum(1 for e in events if e["kind"] == "routed") == 1, events

        # Open one of them in the main window.
        sys_tab.behind_view.selectRow(0)
        first = sys_tab.behind.key(0)
        qtbot.mouseClick(sys_tab.open_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: window.current_id() == first, 20)

        aw.tabs.setCurrentWidget(aw.overview)
        aw.close()
        await close(ws, window, task)

    run(scenario())


def test_brief_and_a_lost_server_gives_the_caches_figures(run, server_url, tmp_path, qtbot):
    async def scenario():
        srv = EmbeddedServer(server_url).start()
        try:
            ws, window, task = open_window(srv.url, tmp_path, "supervisor1")
            qtbot.addWidget(window)
            await first_sync(ws, window)
            aw = await open_analytics(window, qtbot)
            total = aw.overview.figures["total"].text()
            ryazan = next(m.id for m in window.reference.municipalities if m.code == "ryazan")
            aw.set_period(DATE_FROM, DATE_TO, ryazan)
            assert await aw.load()
            narrowed = server_summary(srv.url, [ryazan])["total"]
            assert aw.overview.figures["total"].text() == formats.number(narrowed)

            out = tmp_path / "brief.pdf"
            assert await aw.brief(out)
            assert out.read_bytes().startswith(b"%PDF")
            assert aw.brief_box.isVisible()
            aw.brief_box.close()

            aw.set_period(DATE_FROM, DATE_TO, None)
            assert await aw.load()
            assert not aw.from_cache and not aw.notice.isVisible()
            online = server_summary(srv.url)
            srv.stop()
            # The server is gone: the same period from the local cache, which holds all of it
            # (a supervisor's scope, synced), gives the server's figures, said to be the cache's.
            aw.overview.figures["total"].setText("")
            assert await aw.load()
            assert aw.from_cache
            assert "Нет связи" in aw.notice.text() and "локальному кэшу" in aw.notice.text()
            assert aw.notice.isVisible() and "локальному кэшу" in aw.period_label.text()
            assert aw.overview.figures["total"].text() == total == formats.number(online["total"])
            for r in online["by_sector_municipality"]:
                assert aw.sectors.cell(r["sector"], r["municipality_id"]) == (
                    r["count"],
                    r["previous"],
                )
            assert [r[1] for r in aw.overview.by_day.rows] == [d["count"] for d in online["by_day"]]
            model = aw.sla.models["operator"]
            rows = {r["id"]: r for r in online["sla_by_operator"]}
            assert len(model.rows) == len(rows)
            for i, row in enumerate(model.rows):
                want = rows[model.key(i)]
                assert row[1:5] == [
                    want["incidents"],
                    want["answered"],
                    want["answered_on_time"],
                    want["overdue"],
                ]
            aw.grab().save(str(tmp_path / "offline.png"))
            aw.set_period(DATE_TO - timedelta(days=800), DATE_TO)  # too long: said, not sent
            assert not await aw.load()
            assert "Неверный период" in aw.notice.text()
            aw.close()
            await close(ws, window, task)
        finally:
            srv.stop()

    run(scenario())


@pytest.mark.parametrize("username", ["operator1", "official1"])
def test_who_gets_the_analytics(run, server, tmp_path, qtbot, username):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, username)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        names = [a.objectName() for a in window.actions()]
        if username == "operator1":
            assert window.analytics_action is None and "analyticsAction" not in names
        else:
            toolbar = window.findChild(QToolBar, "mainToolbar")
            assert window.analytics_action in toolbar.actions()
            assert window.analytics_action.shortcut().toString() == "Ctrl+Shift+A"
            aw = await open_analytics(window, qtbot)
            own = set(ws.user.municipality_ids)
            assert (
                own
                and {aw.municipality.itemData(i) for i in range(1, aw.municipality.count())} == own
            )
            # The server narrows an official's «all» to their own scope.
            assert set(aw.sectors.municipality_ids) <= own
            aw.close()
        await close(ws, window, task)

    run(scenario())


@pytest.fixture
def busy_server_url(tmp_path) -> str:
    """A month of demo traffic with the planted heating outage, for a legible screenshot."""
    from cur_server.context import sqlite_url_for
    from cur_server.migrate import upgrade
    from cur_server.seed import seed_demo
    from tests.conftest import SEED_NOW

    url = sqlite_url_for(tmp_path / "busy.db")
    upgrade(url)
    seed_demo(url, 1200, now=SEED_NOW, days=30)
    return url


def test_screenshot(run, busy_server_url, tmp_path, qtbot, qapp):
    """docs/screenshot-analytics.png when CUR_UPDATE_SCREENSHOTS=1, else only into tmp."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian))  # as the application sets it

    async def scenario():
        with EmbeddedServer(busy_server_url) as srv:
            ws, window, task = open_window(srv.url, tmp_path, "supervisor1")
            qtbot.addWidget(window)
            await first_sync(ws, window)
            aw = await open_analytics(window, qtbot)
            aw.resize(1400, 900)
            aw.set_period(DATE_TO - timedelta(days=13), DATE_TO)
            assert await aw.load()
            assert aw.systemic.spikes.rowCount() + aw.systemic.clusters.rowCount() > 0
            shots = {}
            for name, tab in [
                ("overview", aw.overview),
                ("sectors", aw.sectors),
                ("sla", aw.sla),
                ("systemic", aw.systemic),
            ]:
                aw.tabs.setCurrentWidget(tab)
                if tab is aw.systemic and aw.systemic.clusters.rowCount():
                    aw.systemic.clusters_view.selectRow(0)
                    await wait_until(lambda: aw.systemic.behind.rowCount() > 0, 10)
                await asyncio.sleep(0.3)  # let the charts lay out
                path = tmp_path / f"analytics-{name}.png"
                assert aw.grab().save(str(path))
                shots[name] = path
            if os.environ.get("CUR_UPDATE_SCREENSHOTS") == "1":
                shutil.copy(shots["overview"], DOCS / "screenshot-analytics.png")
                shutil.copy(shots["systemic"], DOCS / "screenshot-analytics-systemic.png")
            aw.close()
            await close(ws, window, task)

    try:
        run(scenario(), timeout=240)
    finally:
        QLocale.setDefault(previous)
