"""Kept work: mutations the server answered with a conflict or a rejection. The user's text is
never dropped silently; each item can be applied again on top of the current state or discarded."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .code_labels import mutation_label, refusal_text, status_label
from .i18n import tr
from .plain_text import shown

ProblemRole = Qt.ItemDataRole.UserRole + 1


def describe(problem: dict[str, Any], number: str | None = None) -> str:
    payload = json.loads(problem["payload"])
    what = mutation_label(problem["type"])
    status = payload.get("status")
    text = payload.get("text") or payload.get("comment") or (status_label(status) if status else "")
    outcome = tr("Конфликт") if problem["outcome"] == "conflict" else tr("Отклонено")
    head = f"{outcome}: {what} — {number or '#' + str(problem['incident_id'])}"
    reason = refusal_text(problem.get("error"), problem.get("reason"))
    return shown("\n".join(x for x in (head, reason, f"«{text}»" if text else "") if x))


class ConflictsPanel(QWidget):
    retry_requested = Signal(int)
    discard_requested = Signal(int)
    open_incident = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("conflictsList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        self.retry = QPushButton(tr("Применить снова"))
        self.discard = QPushButton(tr("Отбросить"))
        self.retry.clicked.connect(lambda: self._emit(self.retry_requested))
        self.discard.clicked.connect(lambda: self._emit(self.discard_requested))
        self.hint = QLabel(
            tr(
                "Правки, которые сервер не принял. Ваш текст сохранён: "
                "примените его снова или отбросьте."
            )
        )
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._selection)
        self._selection()

    def set_problems(self, problems: list[dict[str, Any]], numbers: dict[int, str]) -> None:
        self.list.clear()
        for p in problems:
            item = QListWidgetItem(describe(p, numbers.get(p["incident_id"])))
            item.setData(ProblemRole, p)
            self.list.addItem(item)
        self._selection()

    def _current(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return item.data(ProblemRole) if item else None

    def _selection(self) -> None:
        problem = self._current()
        self.retry.setEnabled(problem is not None)
        self.discard.setEnabled(problem is not None)

    def _emit(self, signal) -> None:
        problem = self._current()
        if problem is not None:
            signal.emit(problem["id"])

    def _open(self, item: QListWidgetItem) -> None:
        self.open_incident.emit(item.data(ProblemRole)["incident_id"])
