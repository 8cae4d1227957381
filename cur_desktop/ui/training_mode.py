"""Training mode on the main window: a trainee's window must be unmistakable (a banner with the
session's clock, an amber accent, «Учебный режим» in the title), and its presence heartbeat
carries the reply being written for the trainer's live view; a trainer gets the «Учебные
занятия» window. Everything else of the workstation works as usual — the server keeps the
training space apart from real data."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

from cur_desktop.models.domain import Role
from cur_desktop.models.training import SessionOut, SessionState
from cur_desktop.sync import training
from cur_desktop.sync.client import SyncError

from .aio import in_net, spawn
from .i18n import tr
from .session_line import session_line
from .window_actions import add_window_action

log = logging.getLogger(__name__)

ACCENT = "#c05600"  # amber: no real window uses it
BANNER_STYLE = (
    "QLabel#trainingBanner { background: #ffb74d; color: #3e2000; font-weight: bold;"
    " padding: 6px 12px; border-bottom: 2px solid ACCENT; }"
).replace("ACCENT", ACCENT)
WINDOW_STYLE = (
    "QToolBar#mainToolbar { border-bottom: 2px solid ACCENT; }"
    " QAbstractItemView { selection-background-color: ACCENT; selection-color: white; }"
    " QStatusBar { border-top: 2px solid ACCENT; }"
).replace("ACCENT", ACCENT)
POLL_MS = 5000
TRAINER_SHORTCUT = "Ctrl+Shift+U"


def is_training(user) -> bool:
    return user.role == Role.TRAINEE


class TrainingBanner:
    """The banner across the top of a trainee's window, with the session's clock polled from
    the server (a trainee sees only their own sessions)."""

    def __init__(self, window):
        self.window = window
        self.session: SessionOut | None = None
        self.label = QLabel()
        self.label.setObjectName("trainingBanner")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet(BANNER_STYLE)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.bar = QToolBar(tr("Учебный режим"), window)
        self.bar.setObjectName("trainingBannerBar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.bar.toggleViewAction().setVisible(False)
        self.bar.addWidget(self.label)
        main_bar = window.findChild(QToolBar, "mainToolbar")
        if main_bar is not None:
            window.insertToolBar(main_bar, self.bar)
            window.insertToolBarBreak(main_bar)
        else:
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self._busy = False
        self.timer = QTimer(window, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.show()

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def show(self) -> None:
        head = tr("Учебный режим — обращения ненастоящие, ответы никуда не уходят")
        self.label.setText(f"{head}   ·   {session_line(self.session)}")

    def poll(self) -> None:
        if not self._busy and self.window.isVisible():  # a closed window polls no more
            self._busy = True
            spawn(self._poll(), what="training banner")

    async def _poll(self) -> None:
        try:
            found = await in_net(training.sessions, self.window.ws.client)
        except SyncError as exc:  # offline: keep the last clock shown
            log.info("training session not read: %s", exc)
            return
        finally:
            self._busy = False
        live = [s for s in found.sessions if s.state != SessionState.STOPPED]
        before = self.session.released if self.session else 0
        self.session = (live or found.sessions or [None])[0]
        if self.session is not None and self.session.released > before:
            self.window.ws.engine.trigger()  # new incidents arrived: pull them now
        self.show()


def apply_accent(window) -> None:
    """An amber highlight and borders on the whole window, so a glance tells it apart."""
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    window.setPalette(palette)
    window.setStyleSheet(WINDOW_STYLE)


def install_training(window):
    """Training mode for a trainee's window, or the trainer's action; None for other roles."""
    if is_training(window.user):
        window.setWindowTitle(tr("Учебный режим") + " — " + window.windowTitle())
        apply_accent(window)
        if getattr(window, "presence", None) is not None:
            window.presence.share_drafts = True  # the trainer watches replies as they are typed
        banner = TrainingBanner(window)
        QTimer.singleShot(0, window, banner.start)
        return banner
    if window.user.role == Role.TRAINER:
        return _trainer_action(window)
    return None


def _trainer_action(window) -> QAction:

    def open_new():
        from .trainer_window import TrainerWindow

        new = TrainerWindow(window.ws, window)
        new.start()
        return new

    action = add_window_action(
        window,
        name="trainerAction",
        caption=tr("Учебные занятия"),
        shortcut=TRAINER_SHORTCUT,
        attribute="trainer_window",
        open_new=open_new,
    )
    table = getattr(window, "table", None)
    if table is not None:  # a trainer's queue is empty: say where the work is, one click away
        table.nothing_found.set_hint(
            tr(
                "Учебные обращения получают слушатели. Занятия, ход занятия и оценочный лист — "
                "в окне «Учебные занятия» ({keys})."
            ).format(keys=TRAINER_SHORTCUT),
            tr("Открыть учебные занятия"),
            action.trigger,
        )
    return action
