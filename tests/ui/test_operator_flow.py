"""The operator's day in the real window against the real server: take the next case, answer
it from a template, see the answer on the server; lose the server, keep working, see the work
arrive when it is back; meet a conflict in the panel and apply the kept reply again."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.engine import SyncState
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import spawn, wait_until
from cur_desktop.ui.main_window import MainWindow
from cur_server.embedded import EmbeddedServer
from tests.server.api import Api, mutation


def server_incident(url: str, incident_id: int) -> dict:
    return Api(url, "supervisor1").get(f"/api/v1/incidents/{incident_id}").json()


def open_window(server_url: str, tmp_path, username: str = "operator1"):
    ws = Workspace.sign_in(
        tmp_path / "profiles",
        server_url,
        username,
        "demo",
        remember=True,
        credentials=CredentialStore(),
    )
    ws.engine.interval = 0.5
    ws.engine.backoff_base, ws.engine.backoff_cap = 0.2, 1.0
    window = MainWindow(ws)
    window._loop = asyncio.get_event_loop()
    window.show()
    window.start()
    task = spawn(ws.engine.run(), what="engine")
    return ws, window, task


async def first_sync(ws, window) -> None:
    await wait_until(lambda: ws.engine.last_summary is not None, 60)
    await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 30)


async def close(ws, window, task) -> None:
    window.timer.stop()
    window.close()
    ws.engine.stop()
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0.3)  # let the window's last reads finish
    ws.store.close()


def test_take_next_answer_from_template_and_see_it_on_the_server(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(1)  # «без исполнителя»
        await wait_until(lambda: window.model.settled, 10)
        expected = window.service.next_to_take(window.model.now)
        assert expected is not None

        qtbot.keyClick(
            window,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        # The case is taken, «мои» is shown and the case is selected there.
        await wait_until(
            lambda: window.tabs.currentIndex() == 0 and window.current_id() == expected, 20
        )
        await wait_until(
            lambda: server_incident(server.url, expected)["assignee_id"] == ws.user.id, 20
        )

        window.open_editor()
        editor = window.editor
        await wait_until(lambda: editor.incident and editor.incident["id"] == expected, 10)
        assert editor.template_list.count() > 0
        editor._use_template(editor.template_list.item(0))
        editor._run_checks()
        text = editor.text.toPlainText()
        assert text and "{" not in text or not editor.send.isEnabled()
        editor.text.setPlainText(
            "Здравствуйте! Ваше обращение передано в администрацию района. Работы по устранению "
            "проблемы будут выполнены до 15 декабря 2026 года. {address}"
        )
        editor._run_checks()
        assert not editor.send.isEnabled()  # an unfilled placeholder blocks sending
        assert any(f.code == "placeholder" for f in editor.findings)
        answer = editor.text.toPlainText().replace(" {address}", " Адрес: ул. Ленина, 5.")
        editor.text.setPlainText(answer)
        editor._run_checks()
        assert editor.send.isEnabled(), editor.findings
        qtbot.mouseClick(editor.send, Qt.MouseButton.LeftButton)

        def answered() -> bool:
            inc = server_incident(server.url, expected)
            return any(r["text"] == answer for r in inc["replies"])

        await wait_until(answered, 20)
        await wait_until(lambda: window.status.pending.text().endswith(" 0"), 10)
        await close(ws, window, task)

    run(scenario())


def test_offline_work_arrives_when_the_server_is_back(run, server_url, tmp_path, qtbot):
    async def scenario():
        srv = EmbeddedServer(server_url).start()
        port = srv.port
        ws, window, task = open_window(srv.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        incident_id = window.current_id()
        assert incident_id is not None

        srv.stop()
        await wait_until(lambda: window.status.state is SyncState.OFFLINE, 20)
        assert await window.act(ws.actions.add_note, incident_id, "Заметка, сделанная офлайн")
        await wait_until(lambda: window.status.pending.text().endswith(" 1"), 10)
        assert "Нет связи" in window.status.state_label.text()

        srv = EmbeddedServer(server_url, port=port).start()
        try:
            await wait_until(lambda: window.status.pending.text().endswith(" 0"), 30)
            notes = [
                e
                for e in server_incident(srv.url, incident_id)["events"]
                if e["kind"] == "note" and e["data"].get("text") == "Заметка, сделанная офлайн"
            ]
            assert len(notes) == 1
            assert window.status.state in (SyncState.ONLINE, SyncState.SYNCING)
            await close(ws, window, task)
        finally:
            srv.stop()

    run(scenario())


def test_conflict_shows_in_the_panel_and_can_be_applied_again(run, server_url, tmp_path, qtbot):
    async def scenario():
        srv = EmbeddedServer(server_url).start()
        port = srv.port
        ws, window, task = open_window(srv.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(0)
        await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 10)
        incident_id = window.current_id()
        # The server goes away; the operator answers from the cache.
        srv.stop()
        await wait_until(lambda: window.status.state is SyncState.OFFLINE, 20)
        ws.engine.backoff_base = ws.engine.backoff_cap = 6.0  # a quiet moment for the colleague
        reply = "Ответ, написанный без связи: работы будут выполнены до 20 декабря 2026 года."
        assert await window.act(ws.actions.add_reply, incident_id, "final", reply, None)
        srv = EmbeddedServer(server_url, port=port).start()
        try:
            # Meanwhile the supervisor recategorises the case.
            lead = Api(srv.url, "supervisor1")
            version = server_incident(srv.url, incident_id)["version"]
            res = lead.mutate(
                mutation("set_category", incident_id, {"sector": "housing"}, base_version=version)
            )
            assert res[0]["outcome"] == "applied", res
            ws.engine.backoff_base, ws.engine.backoff_cap = 0.2, 1.0
            ws.engine.trigger()
            await wait_until(lambda: window.conflicts.list.count() == 1, 30)
            item = window.conflicts.list.item(0).text()
            assert "Конфликт" in item and reply in item
            assert window.status.conflicts.isVisible() or window.status.conflicts.text()
            window.conflicts.list.setCurrentRow(0)
            qtbot.mouseClick(window.conflicts.retry, Qt.MouseButton.LeftButton)

            def landed() -> bool:
                return any(
                    r["text"] == reply for r in server_incident(srv.url, incident_id)["replies"]
                )

            await wait_until(landed, 30)
            await wait_until(lambda: window.conflicts.list.count() == 0, 10)
            await close(ws, window, task)
        finally:
            srv.stop()

    run(scenario())
