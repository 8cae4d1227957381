"""The scorecard after a session: per trainee the scored figures (rules in
docs/training-scoring.md), the trainer's comment (editable in the last column) and export to PDF
and CSV rendered by the server. The save dialog is opened with `open()`, never `exec()`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
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
#: The trainee's name column at least this wide; the figures as wide as their longest word.
NAME_WIDTH = 220
FIGURE_WIDTH = 84  # two lines, not four, for «Первый ответ в срок»
HEADER_WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        # Long captions («Медиана первого ответа, мин») wrap onto lines of their own instead of
        # being cut: the columns stay narrow enough for the comment to be on screen.
        header.setDefaultAlignment(HEADER_WRAP)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
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
        self.fit_columns()

    def header_margin(self) -> int:
        """What the header's style leaves on each side of a caption."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self) + 2

    def fit_columns(self) -> None:
        """Each figure column as wide as its longest caption word or value, the header as
        tall as its most wrapped caption."""
        table, header = self.table, self.table.horizontalHeader()
        head, cell = header.fontMetrics(), table.fontMetrics()
        pad = 2 * self.header_margin() + 6
        widths = []
        for col, caption in enumerate(COLUMNS[:COMMENT]):
            words = tr(caption).split()
            width = max(head.horizontalAdvance(w) for w in words) + pad
            for row in range(table.rowCount()):
                item = table.item(row, col)
                if item is not None:
                    width = max(width, cell.horizontalAdvance(item.text()) + pad)
            widths.append(width if col == 0 else max(width, FIGURE_WIDTH))
        # The names' column gives up its spare width on a small screen, so the comment's
        # caption keeps its longest word («преподавателя») whole.
        comment = max(head.horizontalAdvance(w) for w in tr(COLUMNS[COMMENT]).split()) + pad
        room = table.viewport().width() - sum(widths[1:]) - comment
        widths[0] = max(widths[0], min(NAME_WIDTH, room))
        for col, width in enumerate(widths):
            table.setColumnWidth(col, width)
        tallest = max(
            head.boundingRect(
                QRect(0, 0, header.sectionSize(col) - pad + 6, 10_000),
                int(HEADER_WRAP),
                tr(caption),
            ).height()
            for col, caption in enumerate(COLUMNS)
        )
        header.setMinimumHeight(tallest + 2 * self.header_margin())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

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
        self.fit_columns()
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
