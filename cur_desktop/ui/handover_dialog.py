"""Shift handover: the latest note for the shift and what is left at risk or overdue, and a
new note for the next shift. Both are direct server calls (the note is for people starting now,
so it is no use queued offline): without a connection the dialog says so and keeps the text."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cur_desktop.models.sla import SlaState
from cur_desktop.models.team import Handover
from cur_desktop.sync.client import ApiClient, SyncError
from cur_desktop.sync.team import latest_handover, write_handover

from . import formats
from .aio import in_net, spawn
from .i18n import tr
from .labels import Labels
from .plain_text import shown
from .problem_text import problem_text
from .sla_view import MARKS

log = logging.getLogger(__name__)


class HandoverDialog(QDialog):
    loaded = Signal()  # the latest note and list are shown, or the offline note
    written = Signal()  # a note was saved on the server
    open_incident = Signal(int)  # a listed incident was double-clicked

    def __init__(self, client: ApiClient, labels: Labels, *, can_write: bool, parent=None):
        super().__init__(parent)
        self.client, self.labels = client, labels
        self.handover: Handover | None = None
        self.setWindowTitle(tr("Передача смены"))
        self.resize(760, 620)

        self.note_head = QLabel()
        self.note_head.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QPlainTextEdit()
        self.note.setObjectName("handoverNote")
        self.note.setReadOnly(True)
        self.note.setMaximumHeight(130)
        self.left_head = QLabel()
        self.left_head.setTextFormat(Qt.TextFormat.PlainText)
        headers = [tr("Номер"), tr("Статус"), tr("Срок"), tr("До"), tr("Исполнитель")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("handoverIncidents")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._open)
        self.new_note = QPlainTextEdit()
        self.new_note.setObjectName("newHandoverNote")
        self.new_note.setPlaceholderText(tr("Что важно знать следующей смене"))
        self.new_note.setMaximumHeight(120)
        self.problem = QLabel()
        self.problem.setObjectName("handoverProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b0003a")
        self.write_button = QPushButton(tr("Записать для следующей смены"))
        self.write_button.clicked.connect(self._write)
        close = QPushButton(tr("Закрыть"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note_head)
        layout.addWidget(self.note)
        layout.addWidget(self.left_head)
        layout.addWidget(self.table, 1)
        if can_write:
            layout.addWidget(QLabel(tr("Новая запись:")))
            layout.addWidget(self.new_note)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.write_button.setVisible(can_write)

    def _open(self, row: int, _column: int) -> None:
        if self.handover is not None and 0 <= row < len(self.handover.incidents):
            self.open_incident.emit(self.handover.incidents[row].id)

    def load(self) -> None:
        spawn(self._load(), what="handover")

    async def _load(self) -> None:
        try:
            self._show(await in_net(latest_handover, self.client))
        except SyncError as exc:
            self.problem.setText(
                tr("Нет связи с сервером: передачу смены сейчас не получить.")
                + f" {problem_text(exc)}"
            )
        self.loaded.emit()

    def _write(self) -> None:
        text = self.new_note.toPlainText().strip()
        if not text:
            self.problem.setText(tr("Напишите текст записи"))
            return
        spawn(self._send(text), what="write handover")

    async def _send(self, text: str) -> None:
        self.write_button.setEnabled(False)
        try:
            answer = await in_net(write_handover, self.client, text)
        except SyncError as exc:
            self.problem.setText(
                tr("Запись не сохранена: нет связи с сервером. Текст остался, попробуйте ещё раз.")
                + f" {problem_text(exc)}"
            )
            return
        finally:
            self.write_button.setEnabled(True)
        self.new_note.clear()
        self._show(answer)
        self.written.emit()

    def _show(self, h: Handover) -> None:
        self.handover = h
        self.problem.setText("")
        if h.note is None:
            self.note_head.setText(tr("Записей о передаче смены ещё нет."))
            self.note.setPlainText("")
        else:
            when = formats.date_time(int(h.note.created_at.timestamp()))
            self.note_head.setText(
                tr("Последняя запись: {who}, {when}").format(
                    who=shown(h.note.author_name), when=when
                )
            )
            self.note.setPlainText(shown(h.note.text))
        self.left_head.setText(
            tr("Под угрозой и просрочено сейчас: {n}").format(n=formats.number(h.total))
        )
        self.table.setRowCount(len(h.incidents))
        for row, x in enumerate(h.incidents):
            # The queue's own marks and colours (sla_view.MARKS): one symbol per state everywhere.
            symbol, color = MARKS[SlaState.overdue if x.overdue else SlaState.at_risk]
            state = tr("просрочено") if x.overdue else tr("под угрозой")
            cells = [
                x.number,
                self.labels.status(x.status.value),
                f"{symbol} {state}",
                formats.date_time(int(x.due.timestamp())),
                x.assignee_name or tr("не назначено"),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setForeground(color)
                self.table.setItem(row, col, item)
