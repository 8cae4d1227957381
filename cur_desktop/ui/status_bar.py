"""The status bar: connection state, sync progress, what is waiting to be sent, kept work, and
when the last sync succeeded, and a warning when the computer's clock is off (deadlines are
shown by the server's time all the same). Deadline warnings go to the tray when there is one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QSystemTrayIcon,
)

from cur_desktop.models.cache.repair import CacheRepair, Damage
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


REPAIR_TEXT = {
    Damage.CORRUPT: QT_TR_NOOP("Локальная копия была повреждена"),
    Damage.NEWER_SCHEMA: QT_TR_NOOP("Локальная копия была создана более новой версией программы"),
    Damage.EMPTIED: QT_TR_NOOP("Локальная копия не найдена"),
}


def repair_message(repair: CacheRepair) -> str:
    """What happened to the cache and to the user's unsent work, in the user's words."""
    parts = [
        tr(REPAIR_TEXT[repair.damage]),
        tr("она заполняется заново с сервера (без связи — как только сервер станет доступен)."),
        tr("Неотправленных изменений сохранено: {n}, они будут отправлены.").format(
            n=formats.number(repair.outbox)
        ),
    ]
    if repair.problems:
        parts.append(
            tr("Правок, не принятых сервером, сохранено: {n}.").format(
                n=formats.number(repair.problems)
            )
        )
    if repair.drafts:
        parts.append(tr("Черновиков сохранено: {n}.").format(n=formats.number(repair.drafts)))
    if repair.set_aside is not None:
        parts.append(
            tr("Повреждённый файл сохранён для службы поддержки: {path}").format(
                path=repair.set_aside
            )
        )
    return "; ".join(parts[:2]) + " " + " ".join(parts[2:])


class SyncStatusBar(QStatusBar):
    conflicts_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)  # a server's message may follow
        self.progress = QLabel()
        self.pending = QLabel()
        self.pending.setObjectName("outboxPending")
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setObjectName("conflictsButton")
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.last_sync = QLabel()
        self.clock_warning = QLabel()
        self.clock_warning.setObjectName("clockWarning")
        self.clock_warning.setStyleSheet("color: #c26a00")
        self.clock_warning.hide()
        self.repaired = QPushButton()
        self.repaired.setFlat(True)
        self.repaired.setObjectName("cacheRepaired")
        self.repaired.clicked.connect(self._explain_repair)
        self.repaired.setStyleSheet("color: #c26a00; font-weight: bold")
        self.repaired.hide()
        self.newer = QLabel()  # a newer workstation version exists: said, never downloaded
        self.newer.setObjectName("newerVersion")
        self.newer.hide()
        for w in (
            self.repaired,
            self.state_label,
            self.progress,
            self.pending,
            self.conflicts,
            self.last_sync,
            self.newer,
        ):
            self.addPermanentWidget(w)
        self.addPermanentWidget(self.clock_warning)
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
        self.conflicts.setText(tr("Не принято сервером: {n}").format(n=formats.number(problems)))
        self.conflicts.setVisible(problems > 0)
        self.conflicts.setStyleSheet("color: #b0003a; font-weight: bold" if problems else "")

    def set_last_sync(self, epoch: int | None) -> None:
        when = formats.clock(epoch, tr("никогда"))
        self.last_sync.setText(tr("Синхронизировано: {when}").format(when=when))

    def set_clock_offset(self, offset: float | None) -> None:
        """`offset` (server minus computer, seconds) when it is worth a warning, else None."""
        text = clock_warning(offset) if offset is not None else ""
        if text != self.clock_warning.text():
            self.clock_warning.setText(text)
            self.clock_warning.setToolTip(text)
        if self.clock_warning.isHidden() == bool(text):  # called every second: only on change
            self.clock_warning.setVisible(bool(text))

    def set_newer_version(self, version: str | None) -> None:
        self.newer.setText(tr("Доступна новая версия программы: {version}").format(version=version))
        self.newer.setVisible(version is not None)

    def notify(self, title: str, text: str) -> None:
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        self.showMessage(f"⚠ {title}: {text}", 15_000)

    def tell_repair(self, repair: CacheRepair | None) -> None:
        """Say once, at start, that the cache was rebuilt and the unsent work kept; the mark
        stays in the bar for the rest of the session (details in its tooltip and on click)."""
        if repair is None:
            return
        text = repair_message(repair)
        self.repaired.setText("⚠ " + tr("Локальная копия восстановлена"))
        self.repaired.setToolTip(text)
        self.repaired.show()
        self.notify(tr("Локальная копия восстановлена"), text)

    def _explain_repair(self) -> None:
        QMessageBox.information(self, tr("Локальная копия восстановлена"), self.repaired.toolTip())


def clock_warning(offset: float) -> str:
    """«Часы компьютера расходятся с сервером на 3 ч 0 мин — сроки показаны по времени
    сервера»."""
    span = formats.minutes(abs(offset) / 60)
    return tr(
        "Часы компьютера расходятся с сервером на {span} — сроки показаны по времени сервера"
    ).format(span=span)
