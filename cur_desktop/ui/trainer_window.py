"""The trainer's window: sessions from scenarios, trainees and one-time codes, the session's
controls and speed, the live view polled every few seconds, and the scorecard.

Every call goes to the server directly (`in_net`): a session is run live, there is nothing to
keep offline, and the server refuses what a state does not allow (shown in the status bar)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
)
from shiboken6 import isValid

from cur_desktop.models.training import SESSION_STATE_LABELS, SessionOut, SessionState
from cur_desktop.sync import training
from cur_desktop.sync.client import RequestRejected, SyncError

from .aio import in_net, spawn
from .i18n import tr
from .problem_text import problem_text
from .session_line import session_line
from .trainer_dialogs import SPEEDS, CodesDialog, NewSessionDialog, problems_text
from .trainer_live import LiveViewPanel
from .trainer_scorecard import ScorecardPanel

log = logging.getLogger(__name__)
POLL_MS = 3000


class TrainerWindow(QMainWindow):
    def __init__(self, workspace, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ws, self.client = workspace, workspace.client
        self.setObjectName("trainerWindow")
        self.setWindowTitle(tr("Учебные занятия — ЦУР"))
        self.session: SessionOut | None = None
        self.last_codes: list[str] = []
        self.last_error: str | None = None
        self._polling = False

        bar = QToolBar(tr("Занятие"), self)
        bar.setObjectName("trainerToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.sessions = QComboBox()
        self.sessions.setObjectName("trainerSessions")
        self.sessions.setMinimumWidth(260)
        self.sessions.activated.connect(lambda _: self._session_chosen())
        bar.addWidget(self.sessions)
        self.new_action = bar.addAction(tr("Новое занятие…"), self.ask_new_session)
        bar.addSeparator()
        self.trainees_action = bar.addAction(tr("Добавить слушателей…"), self.ask_trainees)
        self.codes_action = bar.addAction(tr("Выдать коды…"), self.ask_codes)
        # The session's run (controls and speed) on a row of its own: on one row with the
        # sessions the speed went into the toolbar's overflow menu on a 1366 px screen.
        self.addToolBarBreak()
        bar = QToolBar(tr("Ход занятия"), self)
        bar.setObjectName("trainerRunToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.controls = {
            name: bar.addAction(caption, lambda n=name: self.control_later(n))
            for name, caption in (
                ("start", tr("Начать")),
                ("pause", tr("Пауза")),
                ("resume", tr("Продолжить")),
                ("stop", tr("Завершить")),
            )
        }
        self.speed = QComboBox()
        self.speed.setObjectName("trainerSpeed")
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.speed.activated.connect(lambda _: spawn(self.set_speed(self.speed.currentData())))
        bar.addWidget(QLabel(" " + tr("Скорость") + " "))
        bar.addWidget(self.speed)

        self.state = QLabel()
        self.state.setObjectName("trainerState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.live = LiveViewPanel(getattr(parent, "labels", None))
        self.score = ScorecardPanel()
        self.score.reload_requested.connect(lambda: spawn(self.load_scorecard(), what="score"))
        self.score.comment_edited.connect(
            lambda uid, text: spawn(self.save_comment(uid, text), what="comment")
        )
        self.score.export_requested.connect(
            lambda kind, path: spawn(self.export(kind, path), what="export")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.live, tr("Ход занятия"))
        self.tabs.addTab(self.score, tr("Оценочный лист"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.statusBar().addPermanentWidget(self.state, 1)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._show_session()
        self.resize(1100, 700)

    # --- calls ----------------------------------------------------------------------------

    async def call(self, fn, *args, **kw):
        """A server call off the UI thread; a refusal is shown in the status bar, not raised."""
        try:
            return await in_net(lambda: fn(self.client, *args, **kw))
        except SyncError as exc:
            if isValid(self):  # the window may have been closed while the call was out
                self.last_error = problem_text(exc)
                self.statusBar().showMessage(self.last_error, 8000)
            return None

    def start(self) -> None:
        spawn(self.load_sessions(), what="trainer sessions")
        self.timer.start()

    async def load_sessions(self, select: int | None = None) -> None:
        found = await self.call(training.sessions)
        if found is None:
            return
        keep = select or (self.session.id if self.session else None)
        self.sessions.clear()
        for s in found.sessions:
            self.sessions.addItem(
                f"№{s.id} · {s.title} · {tr(SESSION_STATE_LABELS[s.state])}", s.id
            )
        index = self.sessions.findData(keep) if keep else 0
        self.sessions.setCurrentIndex(max(0, index))
        chosen = {s.id: s for s in found.sessions}.get(self.sessions.currentData())
        await self.use_session(chosen)

    async def use_session(self, session: SessionOut | None) -> None:
        self.session = session
        self._show_session()
        await self.refresh()

    def _session_chosen(self) -> None:
        spawn(self._choose(self.sessions.currentData()), what="choose session")

    async def _choose(self, session_id: int) -> None:
        session = await self.call(training.session, session_id)
        if session is not None:
            await self.use_session(session)

    def _show_session(self) -> None:
        s = self.session
        for action in (self.trainees_action, self.codes_action, *self.controls.values()):
            action.setEnabled(s is not None)
        self.speed.setEnabled(s is not None and s.state != SessionState.STOPPED)
        if s is None:
            self.state.setText(tr("Занятие не выбрано: создайте новое"))
            return
        allowed = {
            SessionState.READY: {"start", "stop"},
            SessionState.RUNNING: {"pause", "stop"},
            SessionState.PAUSED: {"resume", "stop"},
            SessionState.STOPPED: set(),
        }[s.state]
        for name, action in self.controls.items():
            action.setEnabled(name in allowed)
        self.codes_action.setEnabled(s.state != SessionState.STOPPED)
        self.speed.setCurrentIndex(max(0, self.speed.findData(s.speed)))
        people = tr("слушателей: {0}, выдано обращений: {1} из {2}").format(
            len(s.trainees), s.released, s.total
        )
        self.state.setText(f"{session_line(s)} · {people}")

    # --- polling --------------------------------------------------------------------------

    def poll(self) -> None:
        if self.session is not None and not self._polling and self.isVisible():
            spawn(self.refresh(), what="live view")

    async def refresh(self) -> None:
        if self.session is None:
            return
        self._polling = True
        try:
            view = await self.call(training.live_view, self.session.id)
        finally:
            self._polling = False
        if view is None or not isValid(self) or self.session is None:
            return
        if view.session.id != self.session.id:
            return
        stopped_now = (
            view.session.state == SessionState.STOPPED
            and self.session.state != SessionState.STOPPED
        )
        self.session = view.session
        self._show_session()
        self.live.set_view(view)
        if stopped_now or self.tabs.currentWidget() is self.score:
            await self.load_scorecard()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.score:
            spawn(self.load_scorecard(), what="scorecard")

    # --- session set-up -------------------------------------------------------------------

    def ask_new_session(self) -> None:
        spawn(self._new_session_dialog(), what="new session")

    async def _new_session_dialog(self) -> NewSessionDialog | None:
        found = await self.call(training.scenarios)
        if found is None:
            return None
        dialog = NewSessionDialog(found.scenarios, self)
        dialog.submitted.connect(lambda body: spawn(self.create(dialog, body), what="create"))
        dialog.open()
        self.new_dialog = dialog
        return dialog

    async def create(self, dialog: NewSessionDialog | None, body: dict) -> SessionOut | None:
        """Create the session; the scenario's problems, by line, stay in the open dialog."""
        try:
            made = await in_net(lambda: training.create_session(self.client, **body))
        except RequestRejected as exc:
            problems = problems_text(exc.details)
            text = exc.message if problems in exc.message else f"{exc.message}\n{problems}"
            self.last_error = text
            if dialog is not None:
                dialog.show_errors(text)
            return None
        except SyncError as exc:
            self.last_error = exc.message
            if dialog is not None:
                dialog.show_errors(exc.message)
            return None
        if dialog is not None:
            dialog.accept()
        await self.load_sessions(select=made.id)
        return made

    def ask_trainees(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Добавить слушателей"))
        dialog.setLabelText(tr("Учётные записи слушателей через запятую:"))
        dialog.textValueSelected.connect(
            lambda text: spawn(self.add_trainees(_names(text)), what="trainees")
        )
        dialog.open()

    async def add_trainees(self, usernames: list[str]) -> None:
        if self.session is None or not usernames:
            return
        session = await self.call(training.add_trainees, self.session.id, usernames)
        if session is not None:
            self.session = session
            self._show_session()
            self.statusBar().showMessage(tr("Слушатели добавлены"), 4000)

    def ask_codes(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Выдать коды"))
        dialog.setLabelText(tr("Сколько одноразовых кодов выдать:"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 50)
        dialog.setIntValue(1)
        dialog.intValueSelected.connect(lambda n: spawn(self.issue_codes(n), what="codes"))
        dialog.open()

    async def issue_codes(self, count: int) -> list[str]:
        if self.session is None:
            return []
        codes = await self.call(training.issue_codes, self.session.id, count)
        if codes:
            self.last_codes = codes
            self.codes_dialog = CodesDialog(codes, self)
            self.codes_dialog.open()
        return codes or []

    # --- controls -------------------------------------------------------------------------

    def control_later(self, action: str) -> None:
        spawn(self.control(action), what=action)

    async def control(self, action: str) -> SessionOut | None:
        if self.session is None:
            return None
        session = await self.call(training.control, self.session.id, action)
        if session is not None:
            await self.use_session(session)
            await self.load_sessions()
            if session.state == SessionState.STOPPED:  # the scorecard is what comes next
                self.tabs.blockSignals(True)
                self.tabs.setCurrentWidget(self.score)
                self.tabs.blockSignals(False)
                await self.load_scorecard()
        return session

    async def set_speed(self, speed: int) -> None:
        if self.session is None or speed == self.session.speed:
            return
        session = await self.call(training.set_speed, self.session.id, speed)
        if session is not None:
            self.session = session
        self._show_session()

    # --- scorecard ------------------------------------------------------------------------

    async def load_scorecard(self) -> None:
        if self.session is None:
            return
        card = await self.call(training.scorecard, self.session.id)
        if card is not None:
            self.score.set_scorecard(card)

    async def save_comment(self, user_id: int, text: str) -> None:
        if self.session is not None:
            if await self.call(training.comment, self.session.id, user_id, text) is not None:
                self.statusBar().showMessage(tr("Комментарий сохранён"), 3000)

    async def export(self, kind: str, path: str) -> bool:
        if self.session is None:
            return False
        body = await self.call(training.scorecard_file, self.session.id, kind)
        if body is None:
            return False
        try:
            Path(path).write_bytes(body)
        except OSError as exc:
            self.last_error = str(exc)
            self.statusBar().showMessage(tr("Файл не сохранён: ") + str(exc), 8000)
            return False
        self.statusBar().showMessage(tr("Оценочный лист сохранён: ") + path, 5000)
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.timer.stop()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.timer.isActive():
            self.timer.start()
        super().showEvent(event)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.replace(";", ",").split(",") if n.strip()]
