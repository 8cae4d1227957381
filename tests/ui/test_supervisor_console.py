"""The supervisor's shift console in the real window against the real server: reassign several
queue rows by dragging them onto an operator and by the «Назначить…» dialog; approve and return
a trainee's replies; score an answer; the team board against the server's own figures (and
offline); two operators on one incident see each other."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QRadioButton

from cur_desktop.models.sla import SlaState
from cur_desktop.models.team import QualityItem
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.sla_view import MARKS
from cur_desktop.ui.team_board import COLUMN
from cur_server.embedded import EmbeddedServer
from tests.server.api import Api
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window, server_incident


def user_ids(url: str) -> dict[str, int]:
    ref = Api(url, "supervisor1").get("/api/v1/reference").json()
    return {u["username"]: u["id"] for u in ref["users"]}


def select_rows(window, rows: list[int]) -> list[int]:
    """Select queue rows as a ctrl-click would; returns their incident ids."""
    sel = window.table.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        sel.select(window.model.index(row, 0), flags)
    sel.setCurrentIndex(window.model.index(rows[-1], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    return [window.model.incident_id(r) for r in rows]


def drop_on_member(board, mime, user_id: int) -> None:
    """Drag enters the board, moves over the member's row and drops there, as Qt delivers a
    real drag (a drop goes only to the widget that accepted the drag's entry)."""
    row = board.member_row(user_id)
    assert row is not None, f"user {user_id} is not on the board"
    pos = board.table.visualItemRect(board.table.item(row, 0)).center()
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = board.table.viewport()
    assert QApplication.sendEvent(viewport, QDragEnterEvent(pos, *args))
    assert QApplication.sendEvent(viewport, QDragMoveEvent(pos, *args))
    assert QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), *args))


def assigned_by(url: str, incident_id: int, assignee: int | None, actor: int) -> bool:
    inc = server_incident(url, incident_id)
    return inc["assignee_id"] == assignee and any(
        e["actor_id"] == actor and e["kind"] in ("assigned", "released", "unassigned")
        for e in inc["events"]
    )


def pending_reply(url: str, incident_id: int, text: str) -> int:
    """operator3 (a trainee) answers an incident; the reply waits for approval."""
    op3 = Api(url, "operator3")
    assert op3.one("claim", incident_id)["outcome"] == "applied"
    result = op3.one("add_reply", incident_id, {"kind": "final", "text": text})
    assert result["outcome"] == "applied", result
    reply = result["incident"]["replies"][-1]
    assert reply["approval_state"] == "pending_approval"
    return reply["id"]


def unassigned_open(url: str, n: int) -> list[int]:
    items = Api(url, "supervisor1").all_incidents()
    free = [
        i
        for i, x in sorted(items.items())
        if x["assignee_id"] is None and x["status"] in ("new", "reopened")
    ]
    assert len(free) >= n
    return free[:n]


def test_drag_and_dialog_reassign_selected_rows(run, server, tmp_path, qtbot):
    ids = user_ids(server.url)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        console = window.console
        assert console is not None and window.table.dragEnabled()
        await first_sync(ws, window)
        await wait_until(lambda: console.board.member_row(ids["operator2"]) is not None, 20)
        window.tabs.setCurrentIndex(1)  # «без исполнителя»
        await wait_until(lambda: window.model.settled and window.model.rowCount() >= 5, 20)

        # Drag three selected rows onto operator2.
        dragged = select_rows(window, [0, 1, 2])
        mime = window.model.mimeData(window.table.selectionModel().selectedRows())
        drop_on_member(console.board, mime, ids["operator2"])
        for iid in dragged:
            await wait_until(
                lambda i=iid: assigned_by(server.url, i, ids["operator2"], ids["supervisor1"]), 30
            )

        # The dialog: two more rows to operator1, then one of them unassigned again.
        def shown() -> set[int]:
            return {window.model.incident_id(r) for r in range(window.model.rowCount())}

        # The tab drops the dragged rows once its model reloads after the local write.
        await wait_until(
            lambda: (
                window.model.settled and window.model.rowCount() >= 2 and not shown() & set(dragged)
            ),
            20,
        )
        chosen = select_rows(window, [0, 1])
        assert not set(chosen) & set(dragged)
        window.console.actions["assign"].trigger()
        await wait_until(lambda: console.assign_dialog is not None, 10)
        dialog = console.assign_dialog
        assert dialog is not None and dialog.isVisible() and dialog.incident_ids == chosen
        dialog.choose(ids["operator1"])
        dialog.ok.click()
        for iid in chosen:
            await wait_until(
                lambda i=iid: assigned_by(server.url, i, ids["operator1"], ids["supervisor1"]), 30
            )
        await console._assign([chosen[0]], None)
        await wait_until(lambda: server_incident(server.url, chosen[0])["assignee_id"] is None, 30)
        await wait_until(lambda: window.status.pending.text().endswith(" 0"), 20)
        await close(ws, window, task)

    run(scenario())


def test_approve_and_return_from_the_approvals_panel(run, server, tmp_path, qtbot):
    ids = user_ids(server.url)
    first, second = unassigned_open(server.url, 2)
    approve_id = pending_reply(server.url, first, "Снег во дворе уберут до 1 декабря 2026 года.")
    return_id = pending_reply(server.url, second, "Разберёмся.")

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        panel = window.console.approvals
        await first_sync(ws, window)
        await wait_until(lambda: {approve_id, return_id} <= {r["id"] for r in panel.rows}, 20)
        assert panel.select_reply(return_id)
        assert panel.text.toPlainText() == "Разберёмся."
        author = window.labels.user(ids["operator3"])  # names come with the reference data
        await wait_until(lambda: panel.table.item(panel.table.currentRow(), 1).text() == author, 20)

        assert panel.select_reply(approve_id)
        qtbot.mouseClick(panel.approve, Qt.MouseButton.LeftButton)
        await wait_until(lambda: approve_id not in {r["id"] for r in panel.rows}, 20)

        assert panel.select_reply(return_id)
        qtbot.mouseClick(panel.send_back, Qt.MouseButton.LeftButton)
        dialog = panel.return_dialog
        assert dialog is not None and dialog.isVisible()
        dialog._accept()  # an empty comment is refused
        assert dialog.isVisible() and dialog.error.text()
        dialog.comment.setPlainText("Укажите срок и что именно будет сделано.")
        dialog._accept()
        await wait_until(lambda: return_id not in {r["id"] for r in panel.rows}, 20)

        def reply(iid: int, rid: int) -> dict:
            return next(r for r in server_incident(server.url, iid)["replies"] if r["id"] == rid)

        await wait_until(lambda: reply(first, approve_id)["approval_state"] == "published", 30)
        await wait_until(lambda: reply(second, return_id)["approval_state"] == "returned", 30)
        assert reply(first, approve_id)["reviewed_by"] == ids["supervisor1"]
        returned = reply(second, return_id)
        assert returned["reviewed_by"] == ids["supervisor1"]
        assert returned["review_comment"] == "Укажите срок и что именно будет сделано."
        await close(ws, window, task)

    run(scenario())


def test_quality_review_lands_and_shows_in_the_figures(run, server, tmp_path, qtbot):
    ids = user_ids(server.url)
    items = Api(server.url, "supervisor1").all_incidents()
    answered = next(
        i
        for i, x in sorted(items.items())
        if x["status"] == "answered"
        and (published := [r for r in x["replies"] if r["approval_state"] == "published"])
        and published[-1]["author_id"] != ids["supervisor1"]
    )
    published_text = [
        r["text"]
        for r in items[answered]["replies"]
        if r["approval_state"] == "published" and r["kind"] in ("interim", "final")
    ][-1]

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        console = window.console
        await first_sync(ws, window)
        window.select_incident(answered)
        await wait_until(lambda: (window.card.incident or {}).get("id") == answered, 20)
        console.actions["review"].trigger()
        dialog = console.review_dialog
        assert dialog is not None and dialog.isVisible()
        # Nothing decided at first, OK held; the complaint beside the answer.
        assert len(dialog.undecided()) == 5 and not dialog.ok.isEnabled()
        assert dialog.question.toPlainText() == server_incident(server.url, answered)["text"]
        assert dialog.answer.toPlainText() == published_text
        for item in list(dialog.groups)[1:]:
            dialog.decide(item, True)
        assert dialog.undecided() == [QualityItem.POLITE] and not dialog.ok.isEnabled()
        dialog._accept()  # refused while a point is undecided
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.findChild(QRadioButton, "polite_no"), Qt.MouseButton.LeftButton)
        assert dialog.ok.isEnabled()
        dialog.comment.setPlainText("Нет обращения по имени")
        dialog.grab().save(str(tmp_path / "quality-review.png"))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

        def reviewed() -> list[dict]:
            events = server_incident(server.url, answered)["events"]
            return [e for e in events if e["kind"] == "quality_reviewed"]

        await wait_until(lambda: bool(reviewed()), 30)
        (event,) = reviewed()
        assert event["actor_id"] == ids["supervisor1"]
        assert event["data"]["polite"] is False and event["data"]["on_time"] is True
        assert event["data"]["comment"] == "Нет обращения по имени"

        quality = console.quality
        quality.reload()
        await wait_until(lambda: quality.report is not None and quality.report.reviewed == 1, 20)
        assert quality.table.rowCount() == 1
        assert quality.table.item(0, 2).text().startswith("0")  # polite: 0 %
        await close(ws, window, task)

    run(scenario())


def test_team_board_matches_the_server_and_comes_from_the_cache(run, server_url, tmp_path, qtbot):
    srv = EmbeddedServer(server_url).start()
    ids = user_ids(srv.url)
    (waiting,) = unassigned_open(srv.url, 1)
    pending_reply(srv.url, waiting, "Ваше обращение рассмотрено, работы выполнят до 5 декабря.")

    async def scenario():
        ows, owin, otask = open_window(srv.url, tmp_path / "op1", "operator1")
        qtbot.addWidget(owin)
        await first_sync(ows, owin)
        await wait_until(lambda: owin.card.incident is not None, 20)
        opened = owin.card.incident
        await wait_until(lambda: owin.presence.reporter._sent is not None, 20)

        ws, window, task = open_window(srv.url, tmp_path / "sup", "supervisor1")
        qtbot.addWidget(window)
        board = window.console.board
        await first_sync(ws, window)
        board.reload()
        op1 = ids["operator1"]
        await wait_until(lambda: "В сети" in board.cell(op1, "presence"), 20)
        await wait_until(lambda: board.cell(op1, "current") == opened["number"], 20)

        server_board = Api(srv.url, "supervisor1").get("/api/v1/team").json()
        me = next(m for m in server_board["members"] if m["user_id"] == op1)
        assert me["presence"] == "online"
        shown = board.board.members
        mine = next(m for m in shown if m.user_id == op1)
        assert mine.load.model_dump() == me["load"]
        assert mine.answered_today == me["answered_today"]
        assert mine.median_first_answer_minutes == me["median_first_answer_minutes"]
        for key in ("assigned", "in_work", "at_risk", "overdue"):
            assert board.cell(op1, key) == str(me["load"][key])
        assert board.cell(op1, "answered") == str(me["answered_today"])

        panel = window.console.approvals
        author = window.labels.user(ids["operator3"])
        await wait_until(lambda: panel.rows and panel.table.item(0, 1).text() == author, 20)
        window.console.approvals_dock.raise_()
        await wait_until(lambda: window.card.incident is not None, 10)
        save_screenshot(window, tmp_path, "screenshot-team.png")

        # Offline: the board is built from the local cache (which holds the whole region for
        # a supervisor), with a note saying so; presence cannot be known.
        await close(ows, owin, otask)
        srv.stop()
        before = {k: board.cell(op1, k) for k in ("assigned", "in_work", "overdue")}
        await board.refresh()
        assert board.offline and board.board.from_cache
        assert "Нет связи" in board.note.text() and "локальному кэшу" in board.note.text()
        assert {k: board.cell(op1, k) for k in before} == before
        assert "Нет данных" in board.cell(op1, "presence")
        assert window.console.board.store is ws.store
        board.grab().save(str(tmp_path / "board-offline.png"))

        # Without a cache to fall back on, the last figures stay with the note.
        board.store = None
        board.table.item(board.member_row(op1), COLUMN["assigned"]).setText("last")
        await board.refresh()
        assert "Нет связи" in board.note.text() and board.cell(op1, "assigned") == "last"
        await close(ws, window, task)

    try:
        run(scenario())
    finally:
        srv.stop()


def test_two_operators_on_one_incident_see_each_other(run, server, tmp_path, qtbot):
    (shared,) = unassigned_open(server.url, 1)

    async def scenario():
        wins = []
        for name in ("operator1", "operator2"):
            ws, window, task = open_window(server.url, tmp_path / name, name)
            qtbot.addWidget(window)
            window.presence.poll_seconds = 0.5
            assert window.console is None and not window.table.dragEnabled()  # operators
            wins.append((ws, window, task))
        for ws, window, _ in wins:
            await first_sync(ws, window)
            window.select_incident(shared)
        for _, window, _ in wins:
            await wait_until(lambda w=window: w.presence.incident_id == shared, 20)
        (_, w1, _), (_, w2, _) = wins
        await wait_until(lambda: "Кузнецов Д. О. (просматривает)" in w1.presence.label.text(), 20)
        await wait_until(lambda: "Смирнова А. В. (просматривает)" in w2.presence.label.text(), 20)
        assert w1.presence.label.text().startswith("Также открыто: ")
        assert w1.presence.label.isVisible()

        # operator2 starts typing a reply: operator1 sees it.
        w2.open_editor()
        w2.activateWindow()
        w2.editor.text.setFocus()
        await wait_until(lambda: w2.editor.text.hasFocus(), 5)
        w2.editor.text.insertPlainText("Здравствуйте")  # keyClicks cannot type Cyrillic
        await wait_until(lambda: "Кузнецов Д. О. (пишет ответ)" in w1.presence.label.text(), 20)

        # operator2 moves on: operator1's label clears.
        w2.select_incident(
            next(
                w2.model.incident_id(r)
                for r in range(w2.model.rowCount())
                if w2.model.incident_id(r) not in (None, shared)
            )
        )
        await wait_until(lambda: not w1.presence.label.text(), 20)
        for ws, window, task in wins:
            await close(ws, window, task)

    run(scenario())


def test_handover_note_is_written_and_offline_is_said(run, server_url, tmp_path, qtbot):
    srv = EmbeddedServer(server_url).start()

    async def scenario():
        ws, window, task = open_window(srv.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        console = window.console
        console.actions["handover"].trigger()
        dialog = console.handover_dialog
        await wait_until(lambda: dialog.handover is not None, 20)
        expected = Api(srv.url, "supervisor1").get("/api/v1/handover/latest").json()
        assert dialog.handover.total == expected["total"] > 0
        assert dialog.table.rowCount() == len(expected["incidents"])
        assert dialog.table.item(0, 0).text() == expected["incidents"][0]["number"]
        # The queue's symbols for a late and a threatened case, not symbols of its own.
        for row, incident in enumerate(expected["incidents"]):
            state = SlaState.overdue if incident["overdue"] else SlaState.at_risk
            assert dialog.table.item(row, 2).text().startswith(MARKS[state][0] + " ")
        dialog.table.cellDoubleClicked.emit(0, 0)  # opens the incident in the main window
        await wait_until(lambda: window.current_id() == expected["incidents"][0]["id"], 20)

        note = "Шиловский район: авария теплосети, 12 обращений — ждём ответ МУП до 18:00."
        dialog.new_note.setPlainText(note)
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.handover.note is not None, 20)
        latest = Api(srv.url, "operator1").get("/api/v1/handover/latest").json()
        assert latest["note"]["text"] == note and latest["note"]["author_name"]
        assert dialog.note.toPlainText() == note and not dialog.new_note.toPlainText()
        dialog.grab().save(str(tmp_path / "handover.png"))

        srv.stop()
        dialog.new_note.setPlainText("Вторая запись")
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "нет связи" in dialog.problem.text(), 30)
        assert dialog.new_note.toPlainText() == "Вторая запись"  # kept for another try
        await close(ws, window, task)

    try:
        run(scenario())
    finally:
        srv.stop()
        print(tmp_path / "handover.png")
