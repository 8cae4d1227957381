"""The trainer's first minutes in the real windows against the real server: the empty queue says
where the training work is and opens the trainer window; there the speed is on screen, not in a
toolbar's overflow menu, and the scorecard's captions are whole, not cut."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QToolBar

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.trainer_scorecard import COLUMNS, HEADER_WRAP
from tests.ui.test_training_ui import close, open_window, started_session


def test_trainer_finds_the_training_window_and_reads_it_whole(run, server, tmp_path, qtbot):
    async def scenario():
        tws = Workspace.sign_in(
            tmp_path / "trainer",
            server.url,
            "trainer1",
            "demo",
            remember=False,
            credentials=CredentialStore(),
        )
        window, task = open_window(tws)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        await wait_until(lambda: tws.engine.last_summary is not None, 60)
        await wait_until(lambda: window.model.settled, 30)
        assert window.model.rowCount() == 0  # no real cases for a trainer, no session yet

        # The empty queue says where the work is, with a button that opens it.
        notice = window.table.nothing_found
        await wait_until(lambda: notice.isVisible(), 10)
        assert notice.hint.isVisible() and "Учебные занятия" in notice.hint.text()
        assert notice.hint_button.isVisible()
        window.grab().save("/tmp/queue-trainer-empty.png")
        assert getattr(window, "trainer_window", None) is None
        _, session_id, _ = started_session(server.url)
        qtbot.mouseClick(notice.hint_button, Qt.MouseButton.LeftButton)
        tw = window.trainer_window
        assert tw is not None and tw.isVisible()
        await wait_until(lambda: tw.session is not None, 20)
        await wait_until(lambda: tw.sessions.findData(session_id) >= 0, 20)

        # At its own size and at a 1366 px screen's width: the speed is on a toolbar, shown.
        for width in (tw.width(), 1366):
            tw.resize(width, 700)
            await asyncio.sleep(0.1)
            assert tw.speed.isVisible(), width
            bar = next(b for b in tw.findChildren(QToolBar) if b.isAncestorOf(tw.speed))
            right = tw.speed.mapTo(bar, tw.speed.rect().bottomRight()).x()
            assert right <= bar.width(), width
        tw.grab().save("/tmp/queue-trainer-window.png")

        # The scorecard's captions: every word within its column, every line within the header.
        tw.tabs.setCurrentWidget(tw.score)
        await wait_until(lambda: tw.score.scorecard is not None, 20)
        await asyncio.sleep(0.1)
        table = tw.score.table
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        room = 2 * tw.score.header_margin()
        for col, caption in enumerate(COLUMNS):
            text = header.model().headerData(col, Qt.Orientation.Horizontal)
            width = header.sectionSize(col) - room
            for word in text.split():
                assert metrics.horizontalAdvance(word) <= width, (caption, word)
            lines = metrics.boundingRect(QRect(0, 0, width, 10_000), int(HEADER_WRAP), text)
            assert lines.height() <= header.height() - room + 2, caption
        # and the comment column is on screen, not scrolled off to the right
        comment = len(COLUMNS) - 1
        assert header.sectionViewportPosition(comment) < table.viewport().width() - 60
        tw.grab().save("/tmp/queue-trainer-scorecard.png")
        tw.close()
        await close(tws, window, task)

    run(scenario())
