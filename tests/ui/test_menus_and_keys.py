"""Issue 14, items 15 and 16 on the real window against the real server: a menu bar in
production with every action and its keys, the text size remembered per user, the operator's
guide and the key table on F1, sign-out on a shared PC that keeps unsent work, and the whole
operator flow driven by the keyboard."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from cur_desktop.models.opened_copies import opened_folder, write_private_copy
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.outbox import Outbox
from cur_desktop.sync.workspace import NoOfflineProfile, Workspace
from cur_desktop.ui import main_menus
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.help_dialog import HelpDialog
from cur_desktop.ui.i18n import TRANSLATIONS
from cur_server.embedded import EmbeddedServer
from tests.server.api import Api
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window, server_incident

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


async def focused(window) -> None:
    """Keys reach a window's shortcuts only while it is the active window."""
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, 10)


def type_over_selection(text_edit, words: str) -> None:
    """What typing does to a selected field (QTest cannot type Cyrillic letters)."""
    cursor = text_edit.textCursor()
    cursor.insertText(words)
    text_edit.setTextCursor(cursor)


def bar(window) -> dict[str, QMenu]:
    return {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}


def test_menu_bar_holds_every_action_with_its_keys(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        menus = bar(window)
        assert list(menus) == ["Файл", "Правка", "Вид", "Обращение", "Справка"]
        # Alt opens each menu by its own letter.
        letters = [QKeySequence.mnemonic(a.text()) for a in window.menuBar().actions()]
        assert all(not k.isEmpty() for k in letters) and len(set(letters)) == len(letters)
        in_menus = {a for m in menus.values() for a in m.actions()}
        for name, action in window.actions_by_name.items():
            assert action in in_menus, name
        incident = {a.text(): a for a in menus["Обращение"].actions()}
        assert incident["Отправить ответ"].shortcut().toString() == "Ctrl+Return"
        assert incident["Статус…"].shortcut().toString() == "Ctrl+Shift+S"
        assert window.about_action in menus["Справка"].actions()
        assert window.actions_by_name["sign_out"] in menus["Файл"].actions()
        menus["Обращение"].popup(window.mapToGlobal(window.rect().center()))
        save_screenshot(menus["Обращение"], tmp_path, "menu-incident.png")
        menus["Обращение"].close()
        await close(ws, window, task)

        # The supervisor's «Смена» sits before «Справка».
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        assert list(bar(window)) == ["Файл", "Правка", "Вид", "Обращение", "Смена", "Справка"]
        await close(ws, window, task)

    run(scenario())


def test_the_view_menu_is_view_in_english_while_the_reply_kind_stays_kind(qapp):
    translator = QTranslator()
    assert translator.load("cur_desktop_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        assert main_menus.caption("view").replace("&", "") == "View"
        assert QCoreApplication.translate("", "Вид") == "Kind"
        captions = [main_menus.caption(key) for key, _ in main_menus.MENUS]
        assert all(c.isascii() for c in captions)
        letters = [QKeySequence.mnemonic(c) for c in captions]
        assert len(set(letters)) == len(letters)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_text_size_follows_the_keys_and_is_remembered_for_each_user(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await focused(window)
        normal = window.font().pointSizeF()
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
        assert window.font().pointSizeF() == normal + 2
        assert window.table.font().pointSizeF() == normal + 2  # the whole window
        assert window.editor.text.font().pointSizeF() == normal + 2
        qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
        assert window.font().pointSizeF() == normal + 1
        await close(ws, window, task)

        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await focused(window)
        assert window.font().pointSizeF() == normal + 1  # remembered
        qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
        assert window.font().pointSizeF() == normal
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
        await close(ws, window, task)

        ws, window, task = open_window(server.url, tmp_path, "operator2")
        qtbot.addWidget(window)
        assert window.font().pointSizeF() == normal  # another user: their own size
        await close(ws, window, task)

    run(scenario())


def test_f1_shows_the_guide_and_the_key_table_from_the_actions(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await focused(window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        await wait_until(lambda: isinstance(window.help_dialog, HelpDialog), 5)
        dialog = window.help_dialog
        assert dialog.tabs.currentWidget() is dialog.guide
        assert "Руководство оператора" in dialog.guide.toPlainText()
        assert "Выйти" in dialog.guide.toPlainText()
        dialog.tabs.setCurrentWidget(dialog.keys)
        rows = dialog.rows()
        keys = [k for k, _ in rows]
        assert len(keys) == len(set(keys))  # no two actions share keys
        shown = dict(rows)
        assert shown["Ctrl+Shift+T"] == "Взять следующее"
        assert shown["F1"] == "Руководство оператора"
        assert shown["Ctrl+Return, Ctrl+Enter"] == "Отправить ответ"
        assert shown["Ctrl+1"] == "Очередь: Мои"
        assert "Назначить" in shown["Ctrl+Shift+N"]  # the supervisor's console
        assert "Аналитика" in shown["Ctrl+Shift+A"]
        # Every keyed action of the window is listed: nothing is made by hand.
        for action in window.actions_by_name.values():
            if not action.shortcut().isEmpty():
                assert action.text().removesuffix("…") in shown.values()
        save_screenshot(dialog, tmp_path, "help-keys.png")
        dialog.close()
        await close(ws, window, task)

    run(scenario())


def test_sign_out_forgets_the_sign_in_and_keeps_unsent_work(run, server_url, tmp_path, qtbot):
    from cur_desktop.ui.app import Launcher

    async def scenario():
        srv = EmbeddedServer(server_url).start()
        port = srv.port
        args = argparse.Namespace(
            server=srv.url, data_dir=str(tmp_path / "profiles"), ca_bundle=None, screenshot=None
        )
        launcher = Launcher(QApplication.instance(), args)
        ws = Workspace.sign_in(
            tmp_path / "profiles",
            srv.url,
            "operator1",
            "demo",
            remember=True,
            credentials=CredentialStore(),
        )
        ws.engine.interval = 0.5
        await launcher.open(ws)
        window = launcher.window  # the launcher deletes its windows itself
        await first_sync(ws, window)
        credentials = CredentialStore()
        assert credentials.load_refresh_token(srv.url, "operator1")
        incident_id = window.current_id()

        srv.stop()  # a note made while the server is away stays unsent
        assert await window.act(ws.actions.add_note, incident_id, "Заметка перед выходом")
        # A citizen's file opened outside, as the attachment dialog writes it.
        opened = write_private_copy(opened_folder(), 1, "Акт.pdf", b"%PDF-1.4")
        window.actions_by_name["sign_out"].trigger()
        await wait_until(lambda: window.sign_out_box is not None, 10)
        box = window.sign_out_box
        assert "Неотправленных изменений: 1" in box.text()
        assert "следующем входе" in box.text()
        save_screenshot(box, tmp_path, "sign-out.png")
        leave = next(b for b in box.buttons() if b.text() == "Выйти")
        leave.click()

        await wait_until(lambda: launcher.login_dialog is not None, 30)
        assert credentials.load_refresh_token(srv.url, "operator1") is None
        assert not opened.exists() and not opened.parent.parent.exists()  # unencrypted: gone
        dialog = launcher.login_dialog
        assert dialog.username.text() == "operator1"
        # A shared PC: the next person cannot open the cache left behind with «Работать офлайн».
        assert not dialog.offline.isVisible()
        with pytest.raises(NoOfflineProfile, match="вышли"):
            Workspace.open_last(tmp_path / "profiles", credentials)

        srv = EmbeddedServer(server_url, port=port).start()
        try:
            dialog.password.setText("demo")
            dialog.buttons.accepted.emit()  # «Войти»
            await wait_until(lambda: launcher.window is not None, 30)

            def arrived() -> bool:
                events = server_incident(srv.url, incident_id)["events"]
                return any(e["data"].get("text") == "Заметка перед выходом" for e in events)

            await wait_until(arrived, 30)
            assert Outbox(launcher.workspace.store).pending_count() == 0
            assert not launcher.workspace.profile.signed_out  # the password opened it again
            await launcher.close_current()
        finally:
            srv.stop()

    run(scenario())


def test_the_operator_flow_by_keyboard_alone(run, server, tmp_path, qtbot, monkeypatch):
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "cur_desktop.ui.main_window.open_action",
        lambda window, name, incident_id, on_chosen: asked.append((name, incident_id)),
    )
    op = Api(server.url, "operator1")
    new = [i for i in op.all_incidents().values() if i["status"] == "new"]
    incident_id = min(i["id"] for i in new)
    assert op.one("claim", incident_id)["outcome"] == "applied"

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        await focused(window)
        # Queue tabs by Ctrl+1…5, the focus in the queue.
        for i in (5, 2, 1):
            qtbot.keyClick(window, getattr(Qt.Key, f"Key_{i}"), CTRL)
            assert window.tabs.currentIndex() == i - 1
            assert window.table.hasFocus()
        await wait_until(lambda: window.model.settled and window.model.row_of(incident_id), 20)
        window.select_incident(incident_id)
        await wait_until(
            lambda: window.card.incident and window.card.incident["id"] == incident_id, 10
        )

        # Tab leaves the table instead of walking its cells.
        window.table.setFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_Tab)
        assert not window.table.hasFocus()

        # The card's actions by keys; one the card has off for this case is said, not done.
        window.table.setFocus()
        for key, mods, name in [
            (Qt.Key.Key_S, CTRL | SHIFT, "status"),
            (Qt.Key.Key_X, CTRL | SHIFT, "reject"),
            (Qt.Key.Key_E, CTRL, "category"),
            (Qt.Key.Key_D, CTRL, "route"),
        ]:
            qtbot.keyClick(window, key, mods)
            assert asked[-1] == (name, incident_id)
        qtbot.keyClick(window, Qt.Key.Key_T, CTRL)  # «Взять»: it is already the user's
        assert asked[-1][0] == "route"
        assert "недоступно" in window.status.currentMessage()

        # Enter on the row opens the reply.
        window.table.setFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        editor = window.editor
        # The reply is under the card: the citizen's message stays in sight while writing.
        assert editor.isVisible() and window.card.message.isVisible()
        assert window.side.indexOf(window.card_scroll) < window.side.indexOf(editor)
        await wait_until(lambda: editor.incident and editor.incident["id"] == incident_id, 10)
        await wait_until(editor.text.hasFocus, 10)
        kind = editor.kind_code
        qtbot.keyClick(window, Qt.Key.Key_K, CTRL | SHIFT)
        assert editor.kind_code != kind
        editor.kind.setCurrentIndex(editor.kind.findData("final"))

        # Tab goes from field to field, Shift+Tab back; a tab is never typed.
        editor.text.setPlainText(
            "Здравствуйте! Работы по адресу {address} будут выполнены до 15 декабря 2026 года "
            "силами {agency}."
        )
        editor.text.moveCursor(editor.text.textCursor().MoveOperation.Start)
        qtbot.keyClick(editor.text, Qt.Key.Key_Tab)
        assert editor.text.textCursor().selectedText() == "{address}"
        qtbot.keyClick(editor.text, Qt.Key.Key_Tab)
        assert editor.text.textCursor().selectedText() == "{agency}"
        qtbot.keyClick(editor.text, Qt.Key.Key_Backtab, SHIFT)
        assert editor.text.textCursor().selectedText() == "{address}"
        assert "\t" not in editor.text.toPlainText()

        # Ctrl+Return blocked by a check says why.
        qtbot.keyClick(editor.text, Qt.Key.Key_Return, CTRL)
        assert window.status.currentMessage().startswith("Не отправлено:")
        assert "{address}" in window.status.currentMessage() or "поле" in (
            window.status.currentMessage()
        )
        type_over_selection(editor.text, "ул. Ленина, 5")
        qtbot.keyClick(editor.text, Qt.Key.Key_Tab)
        type_over_selection(editor.text, "администрации района")
        answer = editor.text.toPlainText()
        assert "{" not in answer

        # Ctrl+Tab leaves the text.
        qtbot.keyClick(editor.text, Qt.Key.Key_Tab, CTRL)
        assert not editor.text.hasFocus()
        editor.text.setFocus()

        # Ctrl and the keypad's Enter send; the focus goes back to the queue.
        qtbot.keyClick(editor.text, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
        await wait_until(window.table.hasFocus, 20)

        def answered() -> bool:
            return any(
                r["text"] == answer for r in server_incident(server.url, incident_id)["replies"]
            )

        await wait_until(answered, 20)
        await close(ws, window, task)

    run(scenario())


def test_alt_letters_are_unique_across_the_menus_and_the_main_buttons(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        texts = [a.text() for a in window.menuBar().actions()]
        texts += [b.text() for b in window.card.buttons.values()]
        texts.append(window.editor.send.text())
        letters = [QKeySequence.mnemonic(t) for t in texts]
        assert all(not k.isEmpty() for k in letters), texts
        assert len(set(letters)) == len(letters), texts
        await close(ws, window, task)

    run(scenario())


def test_a_supervisor_approves_and_returns_by_keys(run, server, tmp_path, qtbot):
    trainee = Api(server.url, "operator3")  # their replies need approval
    new = sorted(i["id"] for i in trainee.all_incidents().values() if i["status"] == "new")
    replies = {}
    for incident_id in new[:2]:
        trainee.one("claim", incident_id)
        r = trainee.one("add_reply", incident_id, {"kind": "final", "text": "Разберёмся."})
        replies[incident_id] = r["incident"]["replies"][-1]["id"]
        assert r["incident"]["replies"][-1]["approval_state"] == "pending_approval"

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        await focused(window)
        panel = window.console.approvals
        await wait_until(lambda: len(panel.rows) >= 2, 20)
        first = panel.current()
        qtbot.keyClick(window, Qt.Key.Key_Return, CTRL | SHIFT)

        def approved() -> bool:
            inc = server_incident(server.url, first["incident_id"])
            return any(
                r["id"] == first["id"] and r["approval_state"] != "pending_approval"
                for r in inc["replies"]
            )

        await wait_until(approved, 30)
        await wait_until(lambda: panel.current() and panel.current()["id"] != first["id"], 20)
        qtbot.keyClick(window, Qt.Key.Key_B, CTRL | SHIFT)
        await wait_until(lambda: panel.return_dialog is not None, 10)
        assert panel.return_dialog.isVisible()
        panel.return_dialog.reject()
        await close(ws, window, task)

    run(scenario())


def test_the_guide_follows_the_language_and_falls_back_to_russian():
    from cur_desktop.ui.help_dialog import guide_text

    assert guide_text("ru").startswith("# Руководство оператора")
    assert guide_text("en").startswith("# Operator's guide")
    assert guide_text("de") == guide_text("ru")
