"""«Ответить всем шаблоном» driven in the analytics window against the real embedded server:
a template the cluster's incidents cannot fill is previewed with every row skipped and nothing
to send; another one fills each incident's own reply, one press queues them all, and each
incident has exactly one reply on the server."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from cur_desktop.ui.aio import wait_until
from tests.server.api import Api
from tests.ui.test_analytics_window import open_analytics, plant_cluster
from tests.ui.test_operator_flow import close, first_sync, open_window


def test_one_template_answers_a_whole_cluster(run, server, tmp_path, qtbot):
    plant_cluster(server.url, size=5)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        aw = await open_analytics(window, qtbot)
        aw.tabs.setCurrentWidget(aw.systemic)
        tab = aw.systemic
        row = next(i for i, c in enumerate(tab.clusters.keys) if "Строителей" in c.key)
        cluster = tab.clusters.key(row)
        assert cluster.count == 5 and not tab.reply_button.isEnabled()
        tab.clusters_view.selectRow(row)
        assert tab.reply_button.isEnabled() and tab.reply_button.isVisible()
        qtbot.mouseClick(tab.reply_button, Qt.MouseButton.LeftButton)
        dialog = tab.reply_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.kind.setCurrentIndex(dialog.kind.findData("interim"))
        codes = {t.code: t.id for t in window.reference.templates}

        # Needs {agency}: none of them is routed yet, so every one is listed and skipped.
        assert dialog.select_template(codes["housing_interim"])
        await wait_until(lambda: dialog.planned_for == codes["housing_interim"], 10)
        assert dialog.table.rowCount() == 5
        assert all(not p.ok for p in dialog.plan)
        assert all("Ведомство" in dialog.table.item(r, 2).text() for r in range(5))
        assert not dialog.send_button.isEnabled()

        # Fillable: each incident's own number and the address from the message.
        assert dialog.select_template(codes["housing_interim_inspection"])
        await wait_until(lambda: dialog.planned_for == codes["housing_interim_inspection"], 10)
        assert [p.ok for p in dialog.plan] == [True] * 5
        numbers = window.service.numbers(list(cluster.incident_ids))
        for r, p in enumerate(dialog.plan):
            assert numbers[p.incident_id] in p.text and "ул. Строителей, д. 3" in p.text
            assert dialog.table.item(r, 1).text() == p.text
        assert dialog.send_button.isEnabled() and "5" in dialog.send_button.text()
        dialog.grab().save(str(tmp_path / "cluster-reply.png"))

        got: list[tuple[int, int]] = []
        tab.replied.connect(lambda n, m: got.append((n, m)))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        assert "5" in dialog.confirm_box.text()  # asked first, with the count
        next(b for b in dialog.confirm_box.buttons() if b.text() == "Отправить (5)").click()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)  # a second press: no-op
        await wait_until(lambda: got == [(5, 0)], 10)
        assert "5" in aw.notice.text()

        supervisor = Api(server.url, "supervisor1")

        def replies() -> dict[int, list]:
            return {
                i: supervisor.get(f"/api/v1/incidents/{i}").json()["replies"]
                for i in cluster.incident_ids
            }

        await wait_until(lambda: all(replies().values()), 30)
        await asyncio.sleep(0.5)  # anything duplicated would have landed by now too
        for i, found in replies().items():
            assert len(found) == 1, (i, found)
            assert found[0]["template_id"] == codes["housing_interim_inspection"]
        assert ws.core.outbox.pending_count() == 0 and ws.core.outbox.problems() == []
        aw.close()
        await close(ws, window, task)

    run(scenario())
