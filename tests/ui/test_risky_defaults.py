"""Risky defaults, in the real window against the real server: «Направить» preselects no agency
(the fitting ones on top, marked) and OK waits for a choice; «Назначить» preselects nobody and
shows each person's presence and open cases, those holding cases nearby on top; a cluster reply
is not the default button and asks with the count before it sends."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cur_desktop.ui.aio import wait_until
from tests.server.api import Api
from tests.ui.test_analytics_window import open_analytics, plant_cluster
from tests.ui.test_operator_flow import close, first_sync, open_window, server_incident
from tests.ui.test_supervisor_console import select_rows, unassigned_open, user_ids


def test_route_preselects_no_agency_and_suggests_fitting_ones(run, server, tmp_path, qtbot):
    (iid,) = unassigned_open(server.url, 1)
    assert Api(server.url, "operator1").one("claim", iid)["outcome"] == "applied"
    incident = server_incident(server.url, iid)
    sector, place = incident["sector"], incident["municipality_id"]
    ref = Api(server.url, "operator1").get("/api/v1/reference").json()
    by_id = {a["id"]: a for a in ref["agencies"]}
    (administration,) = [
        a for a in ref["agencies"] if a["sector"] is None and a["municipality_id"] == place
    ]

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.select_incident(iid)
        await wait_until(lambda: (window.card.incident or {}).get("id") == iid, 20)
        window.card_action("route", iid)
        dialog = window.action_dialog
        assert dialog is not None and dialog.isVisible()
        combo = dialog._fields["agency_id"]
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert combo.currentIndex() == -1 and combo.currentData() is None
        assert not ok.isEnabled()
        shown = [combo.itemData(i) for i in range(combo.count())]
        starred = [a for i, a in enumerate(shown) if combo.itemText(i).startswith("★ ")]
        assert shown[: len(starred)] == starred  # suggestions on top
        assert administration["id"] in starred
        for a in starred:  # the sector's bodies here or regional, or this place's administration
            fits = by_id[a]["sector"] == sector and by_id[a]["municipality_id"] in (None, place)
            assert fits or a == administration["id"]
        others = [a for a in shown if by_id[a]["sector"] is None and a != administration["id"]]
        assert others and not set(others) & set(starred)  # other places' administrations
        dialog.grab().save(str(tmp_path / "route.png"))

        dialog._accept()  # Enter with nothing chosen routes nowhere
        assert dialog.isVisible()
        combo.setCurrentIndex(0)
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        await wait_until(lambda: server_incident(server.url, iid)["agency_id"] == shown[0], 30)
        await close(ws, window, task)

    run(scenario())


def test_assign_preselects_nobody_and_shows_load_and_presence(run, server, tmp_path, qtbot):
    ids = user_ids(server.url)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        console = window.console
        await first_sync(ws, window)
        await wait_until(lambda: console.board.member_row(ids["operator1"]) is not None, 20)
        window.tabs.setCurrentIndex(1)  # «без исполнителя»
        await wait_until(lambda: window.model.settled and window.model.rowCount() >= 1, 20)
        (chosen,) = select_rows(window, [0])
        console.actions["assign"].trigger()
        await wait_until(lambda: console.assign_dialog is not None, 10)
        dialog = console.assign_dialog
        assert dialog.isVisible() and dialog.incident_ids == [chosen]
        assert dialog.value() is None and not dialog.ok.isEnabled()
        dialog._accept()  # nothing chosen: nothing happens
        assert dialog.isVisible()

        board = {m.user_id: m for m in console.board.board.members}
        row = dialog.row_of(ids["operator1"])
        assert dialog.who.item(row, 2).text() == str(board[ids["operator1"]].load.assigned)
        assert dialog.who.item(row, 1).text().endswith(("В сети", "Отошёл", "Не в сети"))

        # Suggested: people holding open cases of the same municipality and sector, on top.
        mine = server_incident(server.url, chosen)
        everything = Api(server.url, "supervisor1").all_incidents()
        nearby = {
            x["assignee_id"]
            for i, x in everything.items()
            if i != chosen
            and x["assignee_id"]
            and x["municipality_id"] == mine["municipality_id"]
            and x["sector"] == mine["sector"]
            and x["status"] in ("new", "in_progress", "routed", "interim_answer", "reopened")
        }
        names = [dialog.who.item(r, 0).text() for r in range(dialog.who.rowCount())]
        starred = [n for n in names if n.startswith("★ ")]
        assert names[: len(starred)] == starred  # suggestions first
        ref = Api(server.url, "supervisor1").get("/api/v1/reference").json()
        roles = ("operator", "trainee", "supervisor")
        assignable = {u["id"] for u in ref["users"] if u["role"] in roles}
        assert len(starred) == len(nearby & assignable)
        dialog.grab().save(str(tmp_path / "assign.png"))

        dialog.choose(ids["operator2"])
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: server_incident(server.url, chosen)["assignee_id"] == ids["operator2"], 30
        )
        await close(ws, window, task)

    run(scenario())


def test_cluster_reply_is_not_default_and_asks_with_the_count(run, server, tmp_path, qtbot):
    plant_cluster(server.url, size=3)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        aw = await open_analytics(window, qtbot)
        aw.tabs.setCurrentWidget(aw.systemic)
        tab = aw.systemic
        row = next(i for i, c in enumerate(tab.clusters.keys) if "Строителей" in c.key)
        cluster = tab.clusters.key(row)
        tab.clusters_view.selectRow(row)
        qtbot.mouseClick(tab.reply_button, Qt.MouseButton.LeftButton)
        dialog = tab.reply_dialog
        dialog.kind.setCurrentIndex(dialog.kind.findData("interim"))
        codes = {t.code: t.id for t in window.reference.templates}
        assert dialog.select_template(codes["housing_interim_inspection"])
        await wait_until(lambda: dialog.planned_for == codes["housing_interim_inspection"], 10)
        assert dialog.send_button.isEnabled()
        assert not dialog.send_button.isDefault() and not dialog.send_button.autoDefault()

        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter sends nothing
        assert dialog.confirm_box is None or not dialog.confirm_box.isVisible()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        box = dialog.confirm_box
        assert box is not None and box.isVisible()
        assert "3" in box.text() and box.defaultButton().text() == "Отмена"
        box.grab().save(str(tmp_path / "confirm.png"))
        box.defaultButton().click()  # «Отмена»: nothing is sent
        await asyncio.sleep(1)
        assert ws.core.outbox.pending_count() == 0 and dialog.isVisible()

        got: list[tuple[int, int]] = []
        dialog.sent.connect(lambda n, m: got.append((n, m)))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        yes = next(b for b in dialog.confirm_box.buttons() if b.text() == "Отправить (3)")
        yes.click()
        await wait_until(lambda: got == [(3, 0)], 10)
        supervisor = Api(server.url, "supervisor1")
        await wait_until(
            lambda: all(
                supervisor.get(f"/api/v1/incidents/{i}").json()["replies"]
                for i in cluster.incident_ids
            ),
            30,
        )
        aw.close()
        await close(ws, window, task)

    run(scenario())
