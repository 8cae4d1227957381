"""«Статус…» and «Отклонить…» in the real window against the real server: no status chosen at
first, only the fields the chosen status needs, required ones marked and OK held until they are
filled; a rejection takes a standard reason, and «Другое» asks for a text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.status_dialog import status_dialog
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window, server_incident
from tests.ui.test_supervisor_console import unassigned_open


def visible(dialog, field) -> bool:
    return dialog.form.isRowVisible(field)


def caption(dialog, field) -> str:
    return dialog.form.labelForField(field).text()


def test_status_form_shows_what_the_status_needs(run, server, tmp_path, qtbot):
    other, duplicate = unassigned_open(server.url, 2)
    op1 = Api(server.url, "operator1")
    for iid in (other, duplicate):
        assert op1.one("claim", iid)["outcome"] == "applied"

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.select_incident(other)
        await wait_until(lambda: (window.card.incident or {}).get("id") == other, 20)

        window.card_action("status", other)
        d = window.action_dialog
        assert d.isVisible() and d.status.currentIndex() == -1 and not d.ok.isEnabled()
        assert not visible(d, d.reason_kind) and not visible(d, d.reason)
        assert not visible(d, d.confirmation)
        assert caption(d, d.status).endswith("*")

        d.status.setCurrentIndex(d.status.findData("routed"))  # needs nothing more here
        assert d.ok.isEnabled() and not visible(d, d.reason_kind)

        d.status.setCurrentIndex(d.status.findData("rejected"))
        assert visible(d, d.reason_kind) and visible(d, d.reason)
        assert not visible(d, d.confirmation) and not d.ok.isEnabled()
        assert d.reason_kind.currentIndex() == -1 and caption(d, d.reason_kind).endswith("*")
        reasons = [d.reason_kind.itemText(i) for i in range(d.reason_kind.count())]
        assert reasons == ["Дубль", "Спам", "Не в компетенции", "Нет предмета обращения", "Другое"]
        d.reason_kind.setCurrentIndex(reasons.index("Другое"))
        assert not d.ok.isEnabled() and caption(d, d.reason).endswith("*")  # text needed now
        d.reason.setPlainText("Вопрос о тарифах, направлен в ФАС")
        assert d.ok.isEnabled()
        d.grab().save(str(tmp_path / "status.png"))
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
        await wait_until(lambda: server_incident(server.url, other)["status"] == "rejected", 30)
        event = [
            e for e in server_incident(server.url, other)["events"] if e["kind"] == "status_changed"
        ]
        assert event[-1]["data"]["reason"] == "Вопрос о тарифах, направлен в ФАС"

        # «Отклонить…»: the status is given, a standard reason is enough.
        window.select_incident(duplicate)
        await wait_until(lambda: (window.card.incident or {}).get("id") == duplicate, 20)
        window.card_action("reject", duplicate)
        d = window.action_dialog
        assert d.isVisible() and d.target().value == "rejected" and not d.ok.isEnabled()
        assert d.windowTitle() == "Отклонить обращение"
        d.reason_kind.setCurrentIndex(0)
        assert d.ok.isEnabled()
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
        await wait_until(lambda: server_incident(server.url, duplicate)["status"] == "rejected", 30)
        event = [
            e
            for e in server_incident(server.url, duplicate)["events"]
            if e["kind"] == "status_changed"
        ]
        assert event[-1]["data"]["reason"] == "Дубль"

        # «Решено» asks what was done, and nothing else.
        d = status_dialog(window, "answered", reject=False)
        d.status.setCurrentIndex(d.status.findData("resolved"))
        assert visible(d, d.confirmation) and not visible(d, d.reason_kind)
        assert not visible(d, d.reason) and not d.ok.isEnabled()
        d.confirmation.setPlainText("Яма заделана 03.12")
        assert d.ok.isEnabled() and d.values() == ("resolved", None, "Яма заделана 03.12")
        d.status.setCurrentIndex(d.status.findData("reopened"))
        assert visible(d, d.reason) and caption(d, d.reason) == "Причина (необязательно)"
        assert d.ok.isEnabled()
        await close(ws, window, task)

    run(scenario())
