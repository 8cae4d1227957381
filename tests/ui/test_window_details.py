"""Details an operator relies on: a citizen's HTML is shown as text and never interpreted, a
deadline turning at risk raises one notification, the sign-in dialog opens the last profile
offline, and the demo can switch role in place."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.login_dialog import LoginDialog
from cur_desktop.ui.queue_model import COLUMN_INDEX
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window

HOSTILE = (
    '<b>жирный</b> <img src="http://127.0.0.1:9/tracker.png"> '
    "<script>alert('x')</script> <a href=\"http://evil.example\">ссылка</a>"
)


def test_html_in_a_citizens_message_is_shown_as_plain_text(run, server, tmp_path, qtbot):
    collector = Api(server.url, "collector")
    res = collector.post(
        "/api/v1/ingest",
        json={
            "items": [
                {
                    "channel": "vk",
                    "source_id": "html-1",
                    "author_name": "<i>Иван</i> Петрович",
                    "text": HOSTILE,
                    "received_at": datetime.now(UTC).isoformat(),
                    "municipality_code": "ryazan",
                    "sector": "roads",
                }
            ]
        },
    )
    assert res.status_code == 200, res.text
    incident_id = res.json()["results"][0]["incident_id"]

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(4)  # «все»
        window.search.setText("жирный")
        await wait_until(lambda: window.model.settled and window.model.rowCount() == 1, 10)
        window.table.selectRow(0)
        await wait_until(
            lambda: window.card.incident and window.card.incident["id"] == incident_id, 10
        )
        assert window.card.message.toPlainText() == HOSTILE
        author = window.card.fields["author"]
        assert author.text() == "<i>Иван</i> Петрович"
        assert author.textFormat() == Qt.TextFormat.PlainText
        excerpt = window.model.data(window.model.index(0, COLUMN_INDEX["excerpt"]))
        assert "<script>" in excerpt  # shown, as text, in the queue too
        await close(ws, window, task)

    run(scenario())


def test_a_deadline_at_risk_notifies_once(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        # The window's own check runs on its first tick: not before this test listens.
        window.timer.stop()
        qtbot.addWidget(window)
        await first_sync(ws, window)
        mine = window.service.my_open_deadlines()
        assert mine
        seen: list[tuple[int, str]] = []
        window.notified.connect(lambda i, s: seen.append((i, s)))
        await window._check_deadlines()
        first = list(seen)
        states = {
            r["id"]: window.sla.show(r["sla_due"], r.get("sla_risk_at")).state.value for r in mine
        }
        expected = {(i, s) for i, s in states.items() if s in ("at_risk", "overdue")}
        assert set(first) == expected and expected
        await window._check_deadlines()
        assert seen == first  # not again for the same state
        assert "⚠" in window.status.currentMessage()
        await close(ws, window, task)

    run(scenario())


def test_sign_in_dialog_opens_the_last_profile_offline(run, server_url, tmp_path, qtbot):
    from cur_server.embedded import EmbeddedServer

    async def scenario():
        srv = EmbeddedServer(server_url).start()
        ws, window, task = open_window(srv.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        cached = window.model.rowCount()
        await close(ws, window, task)
        srv.stop()

        dialog = LoginDialog(tmp_path / "profiles", CredentialStore(), server_url=srv.url)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.username.text() == "operator1"
        dialog.password.setText("demo")
        dialog.buttons.accepted.emit()  # «Войти»: the server is gone
        await wait_until(lambda: "офлайн" in dialog.message.text(), 30)
        assert dialog.buttons.isEnabled() and dialog.offline.isVisible()
        assert dialog.workspace is None
        qtbot.mouseClick(dialog.offline, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.workspace is not None, 20)
        ws2 = dialog.workspace
        assert ws2.user.username == "operator1"
        from cur_desktop.ui.main_window import MainWindow

        window2 = MainWindow(ws2)
        qtbot.addWidget(window2)
        window2.start()
        await wait_until(lambda: window2.model.settled, 10)
        assert window2.model.rowCount() == cached > 0
        window2.close()
        ws2.store.close()

    run(scenario())


def test_saved_view_restores_tab_filters_and_search(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(4)
        sector_box = window.filters["sector"]
        sector_box.setCurrentIndex(sector_box.findData("roads"))
        await wait_until(lambda: window.model.settled, 10)
        roads = window.model.rowCount()
        assert (
            0 < roads < window.service.count(type(window.view_state)(tab="all"), window.model.now)
        )
        await window.save_view("Дороги")
        sector_box.setCurrentIndex(0)
        window.tabs.setCurrentIndex(0)
        await wait_until(lambda: window.model.settled, 10)

        index = window.saved_views.findText("Дороги")
        assert index > 0
        window.saved_views.activated.emit(index)
        await wait_until(lambda: window.model.settled and window.model.rowCount() == roads, 10)
        assert window.tabs.currentIndex() == 4 and sector_box.currentData() == "roads"
        await close(ws, window, task)

        # The views belong to the profile: a new window on the same cache has them.
        ws2, window2, task2 = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window2)
        await wait_until(lambda: window2.saved_views.findText("Дороги") > 0, 10)
        await close(ws2, window2, task2)

    run(scenario())


def test_a_returned_reply_shows_the_supervisors_comment_and_its_text_in_the_editor(
    run, server, tmp_path, qtbot
):
    trainee, lead = Api(server.url, "operator3"), Api(server.url, "supervisor1")
    new = [i for i in trainee.all_incidents().values() if i["status"] == "new"]
    incident_id = min(i["id"] for i in new)
    trainee.one("claim", incident_id)
    r = trainee.one("add_reply", incident_id, {"kind": "final", "text": "Разберёмся."})
    reply = r["incident"]["replies"][-1]
    assert reply["approval_state"] == "pending_approval"
    r = lead.one("return_reply", incident_id, {"reply_id": reply["id"], "comment": "Нет срока"})
    assert r["outcome"] == "applied", r

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator3")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.select_incident(incident_id)
        await wait_until(
            lambda: window.editor.incident and window.editor.incident["id"] == incident_id, 20
        )
        note = window.editor.returned_note
        assert not note.isHidden()
        assert "Нет срока" in note.text()
        assert window.editor.text.toPlainText() == "Разберёмся."
        assert window.editor.kind_code == "final"
        assert "согласование" in window.editor.approval_note.text()
        await close(ws, window, task)

    run(scenario())


def test_a_reply_to_a_case_changed_meanwhile_asks_before_sending(run, server, tmp_path, qtbot):
    op, lead = Api(server.url, "operator1"), Api(server.url, "supervisor1")
    new = [i for i in op.all_incidents().values() if i["status"] == "new"]
    incident_id = min(i["id"] for i in new)
    assert op.one("claim", incident_id)["outcome"] == "applied"
    answer = (
        "Здравствуйте! Ваше обращение передано в администрацию района. Работы будут "
        "выполнены до 15 декабря 2026 года."
    )

    def sent() -> list[dict]:
        inc = Api(server.url, "supervisor1").get(f"/api/v1/incidents/{incident_id}").json()
        return [r for r in inc["replies"] if r["text"] == answer]

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.select_incident(incident_id)
        await wait_until(lambda: window.current_id() == incident_id, 20)
        window.open_editor()
        editor = window.editor
        await wait_until(lambda: editor.incident and editor.incident["id"] == incident_id, 10)
        editor.text.setPlainText(answer)

        # Meanwhile the supervisor leaves a note, and the sync brings it in.
        lead.one("add_note", incident_id, {"text": "Житель перезвонил: яму уже засыпали"})
        await ws.engine.sync_now(30)
        detail = window.service.detail(incident_id)
        assert detail["version"] > editor.base_version

        editor._run_checks()
        assert editor.send.isEnabled(), editor.findings
        editor._send()
        await wait_until(
            lambda: window.send_check is not None and window.send_check.isVisible(), 10
        )
        box = window.send_check
        assert "Заметка" in box.text()
        assert lead.user["full_name"] in box.text()
        box.button(box.StandardButton.No).click()  # back to the reply: nothing is sent
        await asyncio.sleep(1.0)
        assert window.ws.core.outbox.pending_count() == 0 and not sent()

        window.send_check = None
        editor._send()
        await wait_until(
            lambda: window.send_check is not None and window.send_check.isVisible(), 10
        )
        window.send_check.button(box.StandardButton.Yes).click()
        await wait_until(lambda: len(sent()) == 1, 30)
        await close(ws, window, task)

    run(scenario())


def test_a_late_read_does_not_wipe_the_reply_being_typed(run, server, tmp_path, qtbot):
    """Two reads of the chosen incident overlap (a click, then a refresh): the one that ends
    last must not reset the editor the user has started typing in."""

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.table.selectRow(0)
        incident_id = window.current_id()
        await wait_until(lambda: window.editor.incident is not None, 10)
        # No other reads: the engine's syncs refresh the card every half second, and one under
        # way would open the reply before the two reads below get to it.
        window.timer.stop()
        ws.engine.stop()
        await asyncio.gather(task, return_exceptions=True)
        await window.refresh_side()  # one db thread, in order: what was under way has ended
        window.editor.set_incident(None)  # nothing open yet, as before the first read
        gate, calls = threading.Event(), []
        load_draft = ws.actions.load_draft

        def slow_second_load(*args):
            calls.append(args)
            if len(calls) == 2:  # the second read is the late one (one db thread, in order)
                gate.wait(10)
            return load_draft(*args)

        ws.actions.load_draft = slow_second_load
        try:
            first = asyncio.ensure_future(window.show_current())
            second = asyncio.ensure_future(window.show_current())
            editor = window.editor
            await wait_until(lambda: editor.incident and editor.incident["id"] == incident_id, 10)
            editor.text.setPlainText("Здравствуйте! Пишу ответ")
            gate.set()
            await asyncio.gather(first, second)
        finally:
            gate.set()
            ws.actions.load_draft = load_draft
        assert len(calls) == 2
        assert editor.text.toPlainText() == "Здравствуйте! Пишу ответ"
        await close(ws, window, task)

    run(scenario())


def test_the_card_names_the_municipality_as_the_queue_does(run, server, tmp_path, qtbot):
    """«г. Рязань» in the queue and «городской округ город Рязань» in the card read as two
    places: the card uses the queue's name and gives the official one on hover."""

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        labels = window.labels
        row = next(
            r
            for r in range(window.model.rowCount())
            if labels.municipality_short(window.model.row_data(r)["municipality_id"])
            != labels.municipality(window.model.row_data(r)["municipality_id"])
        )
        window.table.selectRow(row)
        mid = window.model.row_data(row)["municipality_id"]
        await wait_until(lambda: (window.card.incident or {}).get("municipality_id") == mid, 20)
        field = window.card.fields["municipality"]
        in_queue = {window.model.index(row, c).data() for c in range(window.model.columnCount())}
        assert field.text() in in_queue
        assert labels.municipality(mid) in field.toolTip()
        await close(ws, window, task)

    run(scenario())
