"""Work the server did not accept is kept, and its heading says so: «Не принятые сервером
правки», not «Несохранённые правки» over a note that says the text is saved."""

from __future__ import annotations

from cur_desktop.ui.aio import wait_until
from tests.ui.test_operator_flow import close, first_sync, open_window
from tests.ui.test_supervisor_console import unassigned_open


def test_refused_work_is_headed_as_not_accepted_not_as_unsaved(run, server, tmp_path, qtbot):
    (free,) = unassigned_open(server.url, 1)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        # A change the server refuses: a reply on a case nobody has taken.
        ws.actions.add_reply(free, "final", "Здравствуйте! Работы выполнены, двор убран сегодня.")
        await wait_until(lambda: window.conflicts.list.count() == 1, 30)
        window.conflicts_dock.show()

        assert "сохранён" in window.conflicts.hint.text()  # the text is kept ...
        shown = [
            window.conflicts_dock.windowTitle(),
            window.status.conflicts.text(),
            window.actions_by_name["conflicts"].text(),
        ]
        for heading in shown:  # ... so nothing calls it unsaved
            assert "несохран" not in heading.lower(), heading
            assert "не принят" in heading.lower(), heading
        await close(ws, window, task)

    run(scenario())
