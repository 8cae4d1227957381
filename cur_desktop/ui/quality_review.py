"""Quality of answers: the supervisor's checklist on an answered incident (written through the
outbox), and per-operator figures for a period (read from the server)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.team import QualityItem, QualityReport
from cur_desktop.sync.client import ApiClient, SyncError
from cur_desktop.sync.team import quality_report

from . import formats
from .aio import in_net, spawn
from .i18n import QT_TR_NOOP, tr
from .plain_text import shown
from .problem_text import problem_text
from .question_answer import side_by_side, text_pane

log = logging.getLogger(__name__)

CHECKLIST = [
    (QualityItem.POLITE, QT_TR_NOOP("Вежливо")),
    (QualityItem.CONCRETE_ACTION, QT_TR_NOOP("Конкретные действия и сроки")),
    (QualityItem.CORRECT_AGENCY, QT_TR_NOOP("Верное ведомство")),
    (QualityItem.ON_TIME, QT_TR_NOOP("В срок")),
    (QualityItem.NO_BRUSH_OFF, QT_TR_NOOP("Без отписки")),
]
#: Statuses in which an incident has a published answer to score.
ANSWERED = frozenset({"interim_answer", "answered", "resolved", "closed"})


class QualityReviewDialog(QDialog):
    """The checklist; `reviewed` carries the incident id and the keyword arguments of
    `LocalActions.review_quality`. Every point starts undecided («Да» / «Нет», neither
    chosen) and OK waits until each is decided: a form that starts all ticked gets submitted
    all ticked. The citizen's message stands beside the answer being scored."""

    reviewed = Signal(int, dict)

    def __init__(self, incident: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setObjectName("qualityReview")
        self.incident_id = incident["id"]
        self.setWindowTitle(tr("Оценка качества ответа") + f" — {incident['number']}")
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        answer = next(
            (
                r
                for r in reversed(incident.get("replies") or [])
                if r["approval_state"] == "published" and r["kind"] in ("interim", "final")
            ),
            None,
        )
        self.question = text_pane("reviewQuestion", shown(incident.get("text") or ""))
        self.answer = text_pane(
            "reviewAnswer", shown(answer["text"]) if answer else tr("Опубликованного ответа нет")
        )
        sides = side_by_side(
            (QLabel(tr("Обращение гражданина")), self.question),
            (QLabel(tr("Оценивается последний опубликованный ответ")), self.answer),
        )
        layout.addWidget(sides, 1)

        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Каждый пункт: да или нет *")), 0, 0)
        self.groups: dict[QualityItem, QButtonGroup] = {}
        for row, (item, caption) in enumerate(CHECKLIST, start=1):
            group = QButtonGroup(self)
            group.setExclusive(True)
            yes, no = QRadioButton(tr("Да")), QRadioButton(tr("Нет"))
            yes.setObjectName(f"{item.value}_yes")
            no.setObjectName(f"{item.value}_no")
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idToggled.connect(self._update)
            self.groups[item] = group
            grid.addWidget(QLabel(tr(caption)), row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(18)
        layout.addLayout(grid)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(tr("Комментарий (необязательно)"))
        self.comment.setMaximumHeight(70)
        layout.addWidget(self.comment)
        self.left = QLabel()
        self.left.setObjectName("reviewUndecided")
        self.left.setStyleSheet("color: #4a5568")
        layout.addWidget(self.left)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def decide(self, item: QualityItem, value: bool) -> None:
        self.groups[item].button(1 if value else 0).setChecked(True)

    def undecided(self) -> list[QualityItem]:
        return [i for i, g in self.groups.items() if g.checkedId() < 0]

    def _update(self, *_args) -> None:
        left = len(self.undecided())
        self.ok.setEnabled(left == 0)
        self.left.setText(
            tr("Не оценено пунктов: {n}").format(n=formats.number(left)) if left else ""
        )

    def _accept(self) -> None:
        if self.undecided():
            return
        self.reviewed.emit(self.incident_id, self.values())
        self.accept()

    def values(self) -> dict[str, Any]:
        """Only once every point is decided (`undecided()` is empty)."""
        out: dict[str, Any] = {i.value: g.checkedId() == 1 for i, g in self.groups.items()}
        out["comment"] = self.comment.toPlainText().strip() or None
        return out


def percent(share: float) -> str:
    return f"{formats.number(round(share * 100))} %"


class QualityReportPanel(QWidget):
    """Per-operator quality over a period, lowest score first (as the server orders it)."""

    loaded = Signal()

    def __init__(self, client: ApiClient, today: date, parent=None):
        super().__init__(parent)
        self.client = client
        self.report: QualityReport | None = None
        self.date_from = QDateEdit(QDate(today - timedelta(days=29)))
        self.date_to = QDateEdit(QDate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
        self.show_button = QPushButton(tr("Показать"))
        self.show_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("С")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(tr("по")))
        top.addWidget(self.date_to)
        top.addWidget(self.show_button)
        top.addStretch(1)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        headers = [tr("Оператор"), tr("Оценено")] + [tr(c) for _, c in CHECKLIST] + [tr("Итог")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("qualityReport")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def reload(self) -> None:
        spawn(self.refresh(), what="quality report")

    async def refresh(self) -> None:
        start, end = self.period()
        try:
            report = await in_net(quality_report, self.client, start, end)
        except SyncError as exc:
            text = tr("Не удалось получить оценки: {error}")
            self.note.setText(text.format(error=problem_text(exc)))
            self.loaded.emit()
            return
        self.report = report
        self.note.setText(
            tr("Оценено ответов за период: {n}").format(n=formats.number(report.reviewed))
        )
        self.table.setRowCount(len(report.operators))
        for row, op in enumerate(report.operators):
            shares = op.shares.model_dump()
            cells = [op.full_name, formats.number(op.reviewed)]
            cells += [percent(shares[item.value]) for item, _ in CHECKLIST]
            cells.append(percent(op.score))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        self.loaded.emit()
