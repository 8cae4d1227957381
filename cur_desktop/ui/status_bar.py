"""The status bar: connection state, sync progress, what is waiting to be sent, kept work, and
when the last sync succeeded. Deadline warnings go to the tray when there is one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStatusBar, QSystemTrayIcon

from cur_desktop.sync.engine import SyncState

from . import formats
from .i18n import QT_TR_NOOP, tr

STATE_TEXT = {
    SyncState.ONLINE: ("●", QT_TR_NOOP("На связи"), "#1f6fb2"),
    SyncState.OFFLINE: (
        "○",
        QT_TR_NOOP("Нет связи с сервером — работа продолжается локально"),
        "#c26a00",
    ),
    SyncState.SYNCING: ("⟳", QT_TR_NOOP("Синхронизация…"), "#1f6fb2"),
    SyncState.ERROR: ("✖", QT_TR_NOOP("Ошибка синхронизации"), "#b0003a"),
}


class SyncStatusBar(QStatusBar):
    conflicts_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.progress = QLabel()
        self.pending = QLabel()
        self.pending.setObjectName("outboxPending")
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setObjectName("conflictsButton")
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.last_sync = QLabel()
        self.newer = QLabel()  # a newer workstation version exists: said, never downloaded
        self.newer.setObjectName("newerVersion")
        self.newer.hide()
        widgets = (self.state_label, self.progress, self.pending, self.conflicts, self.last_sync)
        for w in (*widgets, self.newer):
            self.addPermanentWidget(w)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.show()
        self.state: SyncState = SyncState.OFFLINE
        self.set_state(SyncState.OFFLINE, None)
        self.set_counts(0, 0)

    def set_state(self, state: SyncState, message: str | None) -> None:
        self.state = state
        symbol, text, color = STATE_TEXT[state]
        detail = f": {message}" if message and state is SyncState.ERROR else ""
        self.state_label.setText(f"{symbol} {tr(text)}{detail}")
        self.state_label.setStyleSheet(f"color: {color}")
        if state is not SyncState.SYNCING:
            self.progress.setText("")

    def set_progress(self, phase: str, done: int) -> None:
        what = tr("отправлено") if phase == "push" else tr("получено")
        self.progress.setText(f"{what}: {formats.number(done)}")

    def set_counts(self, pending: int, problems: int) -> None:
        self.pending.setText(tr("К отправке: {n}").format(n=formats.number(pending)))
        self.conflicts.setText(tr("Несохранённые правки: {n}").format(n=formats.number(problems)))
        self.conflicts.setVisible(problems > 0)
        self.conflicts.setStyleSheet("color: #b0003a; font-weight: bold" if problems else "")

    def set_last_sync(self, epoch: int | None) -> None:
        when = formats.clock(epoch, tr("никогда"))
        self.last_sync.setText(tr("Синхронизировано: {when}").format(when=when))

    def set_newer_version(self, version: str | None) -> None:
        self.newer.setText(tr("Доступна новая версия программы: {version}").format(version=version))
        self.newer.setVisible(version is not None)

    def notify(self, title: str, text: str) -> None:
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        self.showMessage(f"⚠ {title}: {text}", 15_000)
