"""The approvals dock in the real supervisor window against the real server: several rows in
sight, the citizen's message beside the answer, Ctrl+Enter approves, an answer corrected before
approving is published corrected (and the correction survives looking at another reply), and a
reply is returned with a ready-made remark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cur_desktop.ui.aio import wait_until
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window, server_incident
from tests.ui.test_supervisor_console import pending_reply, unassigned_open


def reply_on_server(url: str, incident_id: int, reply_id: int) -> dict:
    return next(r for r in server_incident(url, incident_id)["replies"] if r["id"] == reply_id)


def test_approve_by_key_with_a_correction_and_return_with_a_remark(run, server, tmp_path, qtbot):
    first, second, third = unassigned_open(server.url, 3)
    by_key = pending_reply(server.url, first, "Снег во дворе уберут до 1 декабря 2026 года.")
    to_correct = pending_reply(server.url, second, "Разберёмся.")
    to_return = pending_reply(server.url, third, "Ждите.")
    corrected = "Разберёмся. Управляющая компания проверит подъезд до 10 декабря 2026 года."

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        window.resize(1400, 900)
        panel = window.console.approvals
        window.console.approvals_dock.raise_()
        await first_sync(ws, window)
        wanted = {by_key, to_correct, to_return}
        await wait_until(lambda: wanted <= {r["id"] for r in panel.rows}, 20)
        rows = panel.table.verticalHeader().defaultSectionSize()
        assert panel.table.height() >= 3 * rows  # more than one row in sight

        # The citizen's message beside the answer, not under it.
        assert panel.select_reply(by_key)
        question = server_incident(server.url, first)["text"]
        assert panel.question.toPlainText() == question
        assert panel.text.toPlainText() == "Снег во дворе уберут до 1 декабря 2026 года."
        q, a = panel.question, panel.text
        assert q.mapTo(panel, q.rect().topLeft()).x() < a.mapTo(panel, a.rect().topLeft()).x()
        assert (
            abs(q.mapTo(panel, q.rect().topLeft()).y() - a.mapTo(panel, a.rect().topLeft()).y()) < 5
        )
        save_screenshot(window, tmp_path, "approvals.png")

        # Ctrl+Enter approves the reply in focus.
        window.activateWindow()
        panel.table.setFocus()
        await wait_until(lambda: QApplication.focusWidget() is panel.table, 5)
        qtbot.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: by_key not in {r["id"] for r in panel.rows}, 20)
        await wait_until(
            lambda: reply_on_server(server.url, first, by_key)["approval_state"] == "published", 30
        )

        # A correction, kept while another reply is looked at, then approved from the text.
        assert panel.select_reply(to_correct)
        assert panel.approve.text() == "Согласовать" and panel.text.isReadOnly()
        qtbot.mouseClick(panel.correct, Qt.MouseButton.LeftButton)
        assert not panel.text.isReadOnly()
        panel.text.setPlainText(corrected)
        assert panel.approve.text() == "Согласовать с правкой"
        assert panel.select_reply(to_return) and panel.text.toPlainText() == "Ждите."
        assert panel.select_reply(to_correct) and panel.text.toPlainText() == corrected
        panel.grab().save(str(tmp_path / "approvals-correction.png"))
        panel.text.setFocus()
        await wait_until(lambda: QApplication.focusWidget() is panel.text, 5)
        qtbot.keyClick(panel.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
        await wait_until(
            lambda: (
                reply_on_server(server.url, second, to_correct)["approval_state"] == "published"
            ),
            30,
        )
        assert reply_on_server(server.url, second, to_correct)["text"] == corrected

        # Returned with a ready-made remark and a word of one's own.
        assert panel.select_reply(to_return)
        qtbot.mouseClick(panel.send_back, Qt.MouseButton.LeftButton)
        dialog = panel.return_dialog
        assert dialog.remarks.count() >= 5
        dialog._accept()  # nothing ticked, nothing written: refused
        assert dialog.isVisible() and dialog.error.text()
        dialog.tick(0)
        dialog.comment.setPlainText("И назовите ведомство.")
        dialog.grab().save(str(tmp_path / "return.png"))
        dialog._accept()
        await wait_until(
            lambda: reply_on_server(server.url, third, to_return)["approval_state"] == "returned",
            30,
        )
        comment = reply_on_server(server.url, third, to_return)["review_comment"]
        assert comment == "Укажите конкретный срок\nИ назовите ведомство."
        await close(ws, window, task)

    run(scenario())
