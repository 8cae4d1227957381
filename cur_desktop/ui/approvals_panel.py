"""The approval queue: replies the server holds until a supervisor approves them (trainees,
operators marked as needing approval, high-importance incidents). Read from the cache, so it
works offline; approve or return (with a required comment) go through the outbox like every
other write. Re-read whenever the window refreshes after a sync or an action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.cache.approvals import pending_replies
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.clock import Clock

from . import formats
from .aio import in_db
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .plain_text import shown

ReplyRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = [
    QT_TR_NOOP("Номер"),
    QT_TR_NOOP("Автор"),
    QT_TR_NOOP("Вид"),
    QT_TR_NOOP("Ждёт"),
    QT_TR_NOOP("Текст"),
]


def waiting_text(seconds: float) -> str:
    """«5 мин», «2 ч 10 мин», «3 дн 4 ч»."""
    minutes = max(0, int(seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return tr("{d} дн {h} ч").format(d=days, h=hours)
    if hours:
        return tr("{h} ч {m} мин").format(h=hours, m=mins)
    return tr("{m} мин").format(m=mins)


class ReturnDialog(QDialog):
    """The comment for the author; required, the operator sees it in the editor."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Вернуть на доработку"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(tr("Что исправить в ответе"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b0003a")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Комментарий автору (обязательно):")))
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def _accept(self) -> None:
        if not self.text():
            self.error.setText(tr("Напишите, что исправить"))
            return
        self.accept()


class ApprovalsPanel(QWidget):
    approve_requested = Signal(int, int)  # incident id, reply id
    return_requested = Signal(int, int, str)  # incident id, reply id, comment
    open_incident = Signal(int)

    def __init__(self, store: CacheStore, labels: Labels, clock: Clock, parent=None):
        """`clock`: how long a reply has waited is counted by the server's time."""
        super().__init__(parent)
        self.store, self.labels, self.clock = store, labels, clock
        self.rows: list[dict[str, Any]] = []
        self.return_dialog: ReturnDialog | None = None

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("approvals")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open)
        self.text = QPlainTextEdit()
        self.text.setObjectName("approvalText")
        self.text.setReadOnly(True)  # plain text: a reply is never interpreted as markup
        self.approve = QPushButton(tr("Согласовать"))
        self.approve.clicked.connect(self._approve)
        self.send_back = QPushButton(tr("Вернуть…"))
        self.send_back.clicked.connect(self._ask_return)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve)
        buttons.addWidget(self.send_back)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.text)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._show([])

    async def refresh(self) -> None:
        def read() -> list[dict[str, Any]]:
            with self.store.read() as conn:
                return pending_replies(conn)

        self._show(await in_db(read))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.current()
        self.rows = rows
        now = self.clock.timestamp()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [
                r["number"] + (" ‼" if r["importance"] == "high" else ""),
                self.labels.user(r["author_id"]),
                self.labels.reply_kind(r["kind"]),
                waiting_text(now - r["created_at"]),
                shown(" ".join(r["text"].split())[:200]),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ReplyRole, r["id"])
                self.table.setItem(i, col, item)
        self.title.setText(tr("Ждут согласования: {n}").format(n=formats.number(len(rows))))
        ids = [r["id"] for r in rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        elif rows:
            self.table.selectRow(0)
        self._selected()

    def current(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select_reply(self, reply_id: int) -> bool:
        for i, r in enumerate(self.rows):
            if r["id"] == reply_id:
                self.table.selectRow(i)
                return True
        return False

    def _selected(self) -> None:
        r = self.current()
        self.text.setPlainText(shown(r["text"]) if r else "")
        self.approve.setEnabled(r is not None)
        self.send_back.setEnabled(r is not None)

    def _open(self) -> None:
        r = self.current()
        if r is not None:
            self.open_incident.emit(r["incident_id"])

    def _approve(self) -> None:
        r = self.current()
        if r is not None:
            self.approve_requested.emit(r["incident_id"], r["id"])

    def _ask_return(self) -> None:
        r = self.current()
        if r is None:
            return
        dialog = ReturnDialog(self)
        dialog.accepted.connect(
            lambda: self.return_requested.emit(r["incident_id"], r["id"], dialog.text())
        )
        self.return_dialog = dialog
        dialog.open()
