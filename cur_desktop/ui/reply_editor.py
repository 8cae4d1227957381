"""The reply editor: templates ranked for the incident, placeholders filled from the case,
checks shown inline while typing (debounced, so typing never waits), drafts saved as typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.reply_checks import Finding, check_reply
from cur_desktop.models.reply_fill import rank_templates
from cur_desktop.models.templates import render

from .i18n import QT_TR_NOOP, tr

KINDS = [
    ("interim", QT_TR_NOOP("Промежуточный")),
    ("final", QT_TR_NOOP("Окончательный")),
    ("clarification", QT_TR_NOOP("Уточнение")),
]
TemplateRole = Qt.ItemDataRole.UserRole + 1


class FindingHighlighter(QSyntaxHighlighter):
    """Underlines the spans of the current findings; red for blocking, orange for warnings."""

    def __init__(self, document):
        super().__init__(document)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = [f for f in findings if f.end > f.start]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        start = self.currentBlock().position()
        end = start + len(text)
        for f in self.findings:
            if f.end <= start or f.start >= end:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#b0003a" if f.blocking else "#c26a00"))
            if f.code == "placeholder":
                fmt.setBackground(QColor("#ffe3ea"))
            a, b = max(f.start, start) - start, min(f.end, end) - start
            self.setFormat(a, b - a, fmt)


class ReplyEditor(QWidget):
    send_requested = Signal(int, str, str, object)  # incident id, kind, text, template id
    draft_changed = Signal(int, str, str, object)  # the same, debounced, for autosave

    def __init__(self, parent=None):
        super().__init__(parent)
        self.incident: dict[str, Any] | None = None
        self.values: dict[str, str | None] = {}
        self.templates: list[dict[str, Any]] = []
        self.template_id: int | None = None
        self.findings: list[Finding] = []

        self.kind = QComboBox()
        for code, caption in KINDS:
            self.kind.addItem(tr(caption), code)
        self.kind.setCurrentIndex(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Поиск шаблона…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_template_list)
        self.template_list = QListWidget()
        self.template_list.itemActivated.connect(self._use_template)
        self.template_list.itemDoubleClicked.connect(self._use_template)

        self.text = QPlainTextEdit()
        self.text.setObjectName("replyText")
        self.text.setPlaceholderText(tr("Текст ответа заявителю"))
        self.highlighter = FindingHighlighter(self.text.document())
        self.checks = QLabel()
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setWordWrap(True)
        self.approval_note = QLabel()
        self.approval_note.setTextFormat(Qt.TextFormat.PlainText)
        self.approval_note.setWordWrap(True)
        self.send = QPushButton(tr("Отправить (Ctrl+Enter)"))
        self.send.clicked.connect(self._send)

        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self._run_checks)
        self._draft_timer = QTimer(self, singleShot=True, interval=800)
        self._draft_timer.timeout.connect(self._emit_draft)
        self.text.textChanged.connect(self._typed)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(tr("Шаблоны")))
        lv.addWidget(self.search)
        lv.addWidget(self.template_list)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Вид ответа:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        rv.addLayout(top)
        rv.addWidget(self.text, 1)
        rv.addWidget(self.checks)
        rv.addWidget(self.approval_note)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.send)
        rv.addLayout(bottom)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.set_incident(None)

    # --- set-up ---------------------------------------------------------------------------

    def set_templates(self, templates: list[dict[str, Any]]) -> None:
        self.templates = [t for t in templates if t.get("active", True)]
        self._fill_template_list()

    def set_incident(
        self,
        incident: dict[str, Any] | None,
        values: dict[str, str | None] | None = None,
        draft: dict[str, Any] | None = None,
        needs_approval: bool = False,
    ) -> None:
        self.incident, self.values = incident, values or {}
        self.setEnabled(incident is not None)
        self.text.blockSignals(True)
        self.text.setPlainText(draft["text"] if draft else "")
        self.text.blockSignals(False)
        self.template_id = draft.get("template_id") if draft else None
        if draft:
            self.kind.setCurrentIndex(max(0, self.kind.findData(draft["kind"])))
        self.approval_note.setText(
            tr("Ответ уйдёт старшему смены на согласование перед публикацией.")
            if needs_approval
            else ""
        )
        self._fill_template_list()
        self._run_checks()

    @property
    def kind_code(self) -> str:
        return self.kind.currentData()

    # --- templates ------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        self._fill_template_list()
        self._run_checks()
        self._draft_timer.start()

    def _fill_template_list(self) -> None:
        self.template_list.clear()
        if self.incident is None:
            return
        sector, kind = self.incident.get("sector"), self.kind_code
        fitting = [
            t for t in self.templates if t["kind"] == kind and t.get("sector") in (None, sector)
        ]
        query = self.search.text().strip().lower()
        if query:
            fitting = [t for t in fitting if query in f"{t['title']} {t['text']}".lower()]
        for score, t in rank_templates(fitting, self.incident.get("text", "")):
            item = QListWidgetItem(t["title"])
            item.setData(TemplateRole, t)
            item.setToolTip(t["text"])
            if score > 0.15:
                item.setText("★ " + t["title"])
            self.template_list.addItem(item)
        if self.template_list.count():
            self.template_list.setCurrentRow(0)

    def _use_template(self, item: QListWidgetItem) -> None:
        template = item.data(TemplateRole)
        rendered = render(template["text"], self.values)
        self.template_id = template["id"]
        self.text.setPlainText(rendered.text)
        self.text.setFocus()
        # Put the cursor on the first field left to fill.
        if rendered.spans:
            cursor = self.text.textCursor()
            cursor.setPosition(rendered.spans[0][0])
            cursor.setPosition(rendered.spans[0][1], cursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)

    # --- checks, drafts, sending ----------------------------------------------------------

    def _typed(self) -> None:
        self._check_timer.start()
        self._draft_timer.start()

    def _run_checks(self) -> None:
        text = self.text.toPlainText()
        self.findings = check_reply(text, self.kind_code) if text.strip() else []
        self.highlighter.set_findings(self.findings)
        blocking = [f for f in self.findings if f.blocking]
        lines = [("✖ " if f.blocking else "⚠ ") + tr(f.message) for f in self.findings]
        self.checks.setText(
            "\n".join(lines) if lines else (tr("✓ Проверки пройдены") if text.strip() else "")
        )
        self.send.setEnabled(self.incident is not None and bool(text.strip()) and not blocking)

    def _emit_draft(self) -> None:
        if self.incident is not None:
            self.draft_changed.emit(
                self.incident["id"], self.kind_code, self.text.toPlainText(), self.template_id
            )

    def flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()

    def _send(self) -> None:
        self._check_timer.stop()
        self._run_checks()
        if not self.send.isEnabled() or self.incident is None:
            return
        self._draft_timer.stop()
        self.send_requested.emit(
            self.incident["id"], self.kind_code, self.text.toPlainText(), self.template_id
        )
