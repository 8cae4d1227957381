"""The scorecard after a session: per trainee the scored figures (rules in
docs/training-scoring.md), the trainer's comment (editable in the last column) and export to PDF
and CSV rendered by the server. The save dialog is opened with `open()`, never `exec()`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.training import Scorecard, ScoreRow

from .i18n import QT_TR_NOOP, tr

COLUMNS = (
    QT_TR_NOOP("Слушатель"),
    QT_TR_NOOP("Обработано"),
    QT_TR_NOOP("Первый ответ в срок"),
    QT_TR_NOOP("Медиана первого ответа, мин"),
    QT_TR_NOOP("Маршрут верный"),
    QT_TR_NOOP("Вид ответа верный"),
    QT_TR_NOOP("Ключевые факты"),
    QT_TR_NOOP("Запрещённые фразы"),
    QT_TR_NOOP("Ответы с ошибками проверки"),
    QT_TR_NOOP("Комментарий преподавателя"),
)
COMMENT = len(COLUMNS) - 1


def _ratio(a: int, b: int) -> str:
    return f"{a} / {b}" if b else "—"


def cells(r: ScoreRow) -> list[str]:
    median = r.median_first_answer_minutes
    return [
        f"{r.full_name} ({r.username})",
        str(r.handled),
        _ratio(r.sla_met, r.sla_due),
        "—" if median is None else f"{median:.0f}",
        _ratio(r.routing_correct, r.routing_checked),
        _ratio(r.reply_kind_correct, r.reply_kind_checked),
        _ratio(r.facts_present, r.facts_expected),
        str(r.forbidden_used),
        _ratio(r.replies_failed_checks, r.replies),
        r.comment or "",
    ]


class ScorecardPanel(QWidget):
    reload_requested = Signal()
    comment_edited = Signal(int, str)  # trainee's user id, text
    export_requested = Signal(str, str)  # "csv" | "pdf", path

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scorecard: Scorecard | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("scorecardTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 240)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._changed)
        self.reload = QPushButton(tr("Обновить"))
        self.reload.clicked.connect(self.reload_requested.emit)
        self.pdf = QPushButton(tr("Экспорт в PDF…"))
        self.pdf.clicked.connect(lambda: self.ask_path("pdf"))
        self.csv = QPushButton(tr("Экспорт в CSV…"))
        self.csv.clicked.connect(lambda: self.ask_path("csv"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf)
        buttons.addWidget(self.csv)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def set_scorecard(self, card: Scorecard) -> None:
        self.scorecard = card
        self.table.blockSignals(True)
        self.table.setRowCount(len(card.rows))
        for i, row in enumerate(card.rows):
            for j, text in enumerate(cells(row)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.user_id)
                if j != COMMENT:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setToolTip(tr("Двойной щелчок — изменить комментарий"))
                self.table.setItem(i, j, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COMMENT:
            self.comment_edited.emit(item.data(Qt.ItemDataRole.UserRole), item.text())

    def ask_path(self, kind: str) -> QFileDialog:
        session = self.scorecard.session.id if self.scorecard else 0
        name = f"scorecard-{session}.{kind}"
        pattern = tr("Документ PDF (*.pdf)") if kind == "pdf" else tr("Таблица CSV (*.csv)")
        dialog = QFileDialog(self, tr("Сохранить оценочный лист"), str(Path.home() / name))
        dialog.setNameFilter(pattern)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.fileSelected.connect(lambda path: self.export_requested.emit(kind, path))
        dialog.finished.connect(dialog.deleteLater)  # not left for teardown (see trainer_dialogs)
        dialog.open()
        return dialog
