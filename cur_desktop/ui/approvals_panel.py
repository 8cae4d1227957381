"""The approval queue: replies the server holds until a supervisor approves them (trainees,
operators marked as needing approval, high-importance incidents). Read from the cache, so it
works offline; approve (as written or with a correction), or return with a comment (ready-made
remarks or one's own), go through the outbox like every other write. The citizen's message
stands beside the answer, so it is judged against what was asked. Re-read whenever the window
refreshes after a sync or an action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
from .question_answer import side_by_side, text_pane

ReplyRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = [
    QT_TR_NOOP("Номер"),
    QT_TR_NOOP("Автор"),
    QT_TR_NOOP("Вид"),
    QT_TR_NOOP("Ждёт"),
]
#: Ready-made comments for a returned reply: what supervisors write most often.
RETURN_COMMENTS = [
    QT_TR_NOOP("Укажите конкретный срок"),
    QT_TR_NOOP("Напишите, что именно будет сделано"),
    QT_TR_NOOP("Ответ не по существу обращения"),
    QT_TR_NOOP("Проверьте ведомство"),
    QT_TR_NOOP("Исправьте ошибки и опечатки"),
    QT_TR_NOOP("Смягчите тон ответа"),
]
APPROVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # with Ctrl


def approve_keys(event) -> bool:
    """Ctrl+Enter, on the main keyboard or the keypad."""
    ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return bool(ctrl) and event.key() in APPROVE_KEYS


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
    """The comment for the author: ready-made remarks to tick and a text of one's own; at
    least one of them is required. The operator sees it in the editor."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Вернуть на доработку"))
        self.setMinimumWidth(460)
        self.remarks = QListWidget()
        self.remarks.setObjectName("returnRemarks")
        for caption in RETURN_COMMENTS:
            item = QListWidgetItem(tr(caption))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.remarks.addItem(item)
        self.remarks.setMaximumHeight(self.remarks.sizeHintForRow(0) * len(RETURN_COMMENTS) + 8)
        self.remarks.itemActivated.connect(self._toggle)
        self.remarks.itemChanged.connect(lambda *_: self.error.clear())
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(tr("Что ещё исправить в ответе"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b0003a")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Комментарий автору (обязательно) *:")))
        layout.addWidget(self.remarks)
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _toggle(self, item: QListWidgetItem) -> None:
        """Enter or a double click ticks a remark, as Space does."""
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def checked(self) -> list[str]:
        items = (self.remarks.item(i) for i in range(self.remarks.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def tick(self, row: int) -> None:
        self.remarks.item(row).setCheckState(Qt.CheckState.Checked)

    def text(self) -> str:
        """The remarks ticked, one a line, then the text of one's own."""
        parts = [*self.checked(), self.comment.toPlainText().strip()]
        return "\n".join(p for p in parts if p)

    def _accept(self) -> None:
        if not self.text():
            self.error.setText(tr("Отметьте замечание или напишите, что исправить"))
            return
        self.accept()


class ApprovalsPanel(QWidget):
    """The list of replies waiting; under it the citizen's message and the answer side by side.
    The answer can be corrected before approving («Согласовать с правкой»); a correction is
    kept while the supervisor looks at other replies, until it is sent or thrown away."""

    approve_requested = Signal(int, int, object)  # incident id, reply id, corrected text|None
    return_requested = Signal(int, int, str)  # incident id, reply id, comment
    open_incident = Signal(int)

    def __init__(self, store: CacheStore, labels: Labels, clock: Clock, parent=None):
        """`clock`: how long a reply has waited is counted by the server's time."""
        super().__init__(parent)
        self.store, self.labels, self.clock = store, labels, clock
        self.rows: list[dict[str, Any]] = []
        self.edits: dict[int, str] = {}  # reply id → the supervisor's corrected text
        self._shown_id: int | None = None
        self.return_dialog: ReturnDialog | None = None

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("approvals")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + 3 * rows + 4)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open)

        self.question = text_pane("approvalQuestion")
        self.text = text_pane("approvalText")  # the answer
        self.text.textChanged.connect(self._edited)
        self.question_caption = QLabel(tr("Обращение гражданина"))
        self.answer_caption = QLabel(tr("Ответ"))
        sides = side_by_side(
            (self.question_caption, self.question), (self.answer_caption, self.text)
        )

        self.approve = QPushButton(tr("Согласовать"))
        self.approve.setObjectName("approveReply")
        self.approve.setToolTip(tr("Опубликовать ответ (Ctrl+Enter)"))
        self.approve.clicked.connect(self._approve)
        self.correct = QPushButton(tr("Править ответ"))
        self.correct.setObjectName("correctReply")
        self.correct.setCheckable(True)
        self.correct.setToolTip(tr("Исправить текст и согласовать с правкой"))
        self.correct.toggled.connect(self._correcting)
        self.undo = QPushButton(tr("Отменить правку"))
        self.undo.clicked.connect(self._drop_edit)
        self.send_back = QPushButton(tr("Вернуть…"))
        self.send_back.clicked.connect(self._ask_return)
        # Ctrl+Enter is the window's «Отправить ответ» too: the panel claims it (ShortcutOverride)
        # while the focus is in it, so the keys approve here and send in the editor.
        for widget in (self.table, self.question, self.text, self.approve, self.correct):
            widget.installEventFilter(self)
        for widget in (self.undo, self.send_back):
            widget.installEventFilter(self)
        keys = QLabel(tr("Ctrl+Enter — согласовать"))
        keys.setStyleSheet("color: #4a5568")
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve)
        buttons.addWidget(self.correct)
        buttons.addWidget(self.undo)
        buttons.addWidget(self.send_back)
        buttons.addStretch(1)
        buttons.addWidget(keys)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(sides)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._show([])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and approve_keys(event):
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._approve()
            return True
        return False

    async def refresh(self) -> None:
        def read() -> list[dict[str, Any]]:
            with self.store.read() as conn:
                return pending_replies(conn)

        self._show(await in_db(read))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.current()
        self.rows = rows
        now = self.clock.timestamp()
        ids = [r["id"] for r in rows]
        self.edits = {k: v for k, v in self.edits.items() if k in ids}
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [
                r["number"] + (" ‼" if r["importance"] == "high" else ""),
                self.labels.user(r["author_id"]),
                self.labels.reply_kind(r["kind"]),
                waiting_text(now - r["created_at"]),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ReplyRole, r["id"])
                self.table.setItem(i, col, item)
        self.title.setText(tr("Ждут согласования: {n}").format(n=formats.number(len(rows))))
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        elif rows:
            self.table.selectRow(0)
        self.table.blockSignals(False)
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
        rid = r["id"] if r else None
        if rid != self._shown_id:  # a refresh must not reset the text under the cursor
            self._shown_id = rid
            self.question.setPlainText(shown(r.get("question") or "") if r else "")
            self.text.blockSignals(True)
            self.text.setPlainText(self.edits.get(rid, shown(r["text"])) if r else "")
            self.text.blockSignals(False)
            self.correct.blockSignals(True)
            self.correct.setChecked(rid in self.edits)
            self.correct.blockSignals(False)
            self.text.setReadOnly(rid not in self.edits)
        for button in (self.approve, self.correct, self.send_back):
            button.setEnabled(r is not None)
        self._mark_edit()

    def corrected(self) -> str | None:
        """The corrected text of the current reply, None if it is unchanged."""
        r = self.current()
        if r is None or r["id"] not in self.edits:
            return None
        text = self.edits[r["id"]].strip()
        return text if text and text != shown(r["text"]).strip() else None

    def _correcting(self, on: bool) -> None:
        r = self.current()
        if r is None:
            return
        if on:
            self.edits.setdefault(r["id"], self.text.toPlainText())
            self.text.setReadOnly(False)
            self.text.setFocus()
        else:
            self.text.setReadOnly(True)
        self._mark_edit()

    def _edited(self) -> None:
        r = self.current()
        if r is not None and not self.text.isReadOnly():
            self.edits[r["id"]] = self.text.toPlainText()
            self._mark_edit()

    def _drop_edit(self) -> None:
        r = self.current()
        if r is None:
            return
        self.edits.pop(r["id"], None)
        self._shown_id = None
        self._selected()

    def _mark_edit(self) -> None:
        edited = self.corrected() is not None
        self.approve.setText(tr("Согласовать с правкой") if edited else tr("Согласовать"))
        self.answer_caption.setText(tr("Ответ (с правкой)") if edited else tr("Ответ"))
        r = self.current()
        self.undo.setVisible(r is not None and r["id"] in self.edits)

    def _open(self) -> None:
        r = self.current()
        if r is not None:
            self.open_incident.emit(r["incident_id"])

    def _approve(self) -> None:
        r = self.current()
        if r is None:
            return
        text = self.corrected()
        if r["id"] in self.edits and not self.edits[r["id"]].strip():
            return  # an emptied answer is never published
        self.approve_requested.emit(r["incident_id"], r["id"], text)

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
