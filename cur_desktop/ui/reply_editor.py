"""The reply editor: templates ranked for the incident, placeholders filled from the case,
checks and spelling shown inline while typing (debounced, so typing never waits), drafts saved
as typed.

Templates pop up over the text (Ctrl+Space, «/» at the start of an empty line, or the button):
typing filters them, Up/Down choose, Esc closes. The incident's category first, then by likeness
to the message. The selected
template's filled text is shown under the list before anything is inserted; Enter (or a
double click) inserts the previewed text into an empty reply at once, but over text the operator
wrote it first asks, in the preview, for a second Enter — so Enter never silently replaces
someone's words.

Keys in the text: Tab selects the next field left to fill (`{…}`) and Shift+Tab the previous one,
instead of typing a tab; with no field left Tab moves on like anywhere else, and Ctrl+Tab
always leaves the text. Ctrl+Enter sends (main_actions); when a check blocks it, `send_refused`
says why."""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import date
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.reply_checks import Finding, check_reply
from cur_desktop.models.reply_fill import rank_templates
from cur_desktop.models.spelling import Speller, fold_words, load_shared_speller
from cur_desktop.models.templates import render

from .aio import in_worker, spawn
from .finding_text import finding_text
from .i18n import QT_TR_NOOP, tr
from .plain_text import tooltip

log = logging.getLogger(__name__)

KINDS = [
    ("interim", QT_TR_NOOP("Промежуточный")),
    ("final", QT_TR_NOOP("Окончательный")),
    ("clarification", QT_TR_NOOP("Уточнение")),
]
TemplateRole = Qt.ItemDataRole.UserRole + 1
SPELLING = "spelling"  # the code of a spelling finding: a warning, never blocks sending
SPELLING_LISTED = 5  # misspelled words named in the checks line; the rest are only underlined
FIELD = QRegularExpression(r"\{[^{}\n]*\}")  # a field of a template left to fill


def spelling_findings(speller: Speller, text: str, also_known: frozenset[str]) -> list[Finding]:
    return [
        Finding(
            SPELLING,
            f"Возможна опечатка: «{m.word}»",
            m.start,
            m.end,
            blocking=False,
            params=(("word", m.word),),
        )
        for m in speller.misspelled(text, also_known=also_known)
    ]


def to_document_positions(text: str, findings: list[Finding]) -> list[Finding]:
    """Python counts code points, QTextDocument UTF-16 units: after an emoji they differ."""
    if not text or max(text) <= "\uffff":
        return findings
    units = list(itertools.accumulate((2 if ord(c) > 0xFFFF else 1 for c in text), initial=0))
    return [dataclasses.replace(f, start=units[f.start], end=units[f.end]) for f in findings]


class FindingHighlighter(QSyntaxHighlighter):
    """Underlines the spans of the current findings: a red wave for blocking ones, an orange
    wave for warnings, a red dotted line for spelling."""

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
            if f.code == SPELLING:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor("#e0001b"))
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor("#b0003a" if f.blocking else "#c26a00"))
            if f.code == "placeholder":
                fmt.setBackground(QColor("#ffe3ea"))
            a, b = max(f.start, start) - start, min(f.end, end) - start
            self.setFormat(a, b - a, fmt)


class ReplyEditor(QWidget):
    send_requested = Signal(int, str, str, object)  # incident id, kind, text, template id
    draft_changed = Signal(int, str, str, object)  # the same, debounced, for autosave
    _speller_loaded = Signal(object)  # from the loading thread to the UI thread
    send_refused = Signal(str)  # sending was asked for and a check blocks it: why

    def __init__(self, parent=None):
        super().__init__(parent)
        self.incident: dict[str, Any] | None = None
        self.values: dict[str, str | None] = {}
        self.templates: list[dict[str, Any]] = []
        self.template_id: int | None = None
        self.findings: list[Finding] = []
        self.speller: Speller | None = None  # None until the dictionary has loaded
        self._known_words: list[str] = []
        self._case_words: frozenset[str] = frozenset()
        #: The server's today (the workstation clock): dates before it block sending.
        self.today: Callable[[], date] | None = None
        self._inserted = ""  # the text the last template put in (replacing it loses nothing)
        self._confirm_replace: int | None = None  # the template a second Enter would insert
        self._focus_when_open = False  # focus the text once the incident's reply is open

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
        self.template_list.setObjectName("replyTemplates")
        self.template_list.itemActivated.connect(self._use_template)
        self.template_list.currentItemChanged.connect(lambda *_: self._show_preview())
        self.preview = QLabel()
        self.preview.setObjectName("replyTemplatePreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setStyleSheet("background: #f4f6f8; padding: 4px")

        self.text = QPlainTextEdit()
        self.text.setObjectName("replyText")
        self.text.setPlaceholderText(tr("Текст ответа заявителю"))
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.installEventFilter(self)
        self.highlighter = FindingHighlighter(self.text.document())
        self.checks = QLabel()
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setWordWrap(True)
        self.spelling_note = QLabel()
        self.spelling_note.setTextFormat(Qt.TextFormat.PlainText)
        self.spelling_note.setWordWrap(True)
        self.spelling_note.setStyleSheet("color: gray")
        self.spelling_note.hide()
        self.returned_note = QLabel()
        self.returned_note.setTextFormat(Qt.TextFormat.PlainText)
        self.returned_note.setWordWrap(True)
        self.returned_note.setStyleSheet("background: #fff4d6; padding: 4px")
        self.returned_note.hide()
        self.approval_note = QLabel()
        self.approval_note.setTextFormat(Qt.TextFormat.PlainText)
        self.approval_note.setWordWrap(True)
        self.send = QPushButton(tr("Отп&равить (Ctrl+Enter)"))
        self.send.clicked.connect(self._send)

        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self._run_checks)
        self._draft_timer = QTimer(self, singleShot=True, interval=800)
        self._draft_timer.timeout.connect(self._emit_draft)
        self.text.textChanged.connect(self._typed)

        # The templates open in a popup over the text (Ctrl+Space, «/» at the start of an
        # empty line, or the button): the reply itself takes the pane's whole width.
        self.templates_popup = QFrame(self, Qt.WindowType.Popup)
        self.templates_popup.setObjectName("replyTemplatesPopup")
        self.templates_popup.setFrameShape(QFrame.Shape.StyledPanel)
        pv = QVBoxLayout(self.templates_popup)
        pv.setContentsMargins(6, 6, 6, 6)
        pv.addWidget(QLabel(tr("Шаблоны: Enter — вставить, Esc — закрыть")))
        pv.addWidget(self.search)
        pv.addWidget(self.template_list, 3)
        pv.addWidget(self.preview, 2)
        self.templates_popup.resize(520, 420)
        self.search.installEventFilter(self)
        self._slash_typed = False  # the popup was opened by «/»: Esc puts the «/» back
        self._template_used = False
        self.templates_popup.installEventFilter(self)
        self.templates_button = QPushButton(tr("Шаблоны… (Ctrl+Space)"))
        self.templates_button.setObjectName("replyTemplatesButton")
        self.templates_button.clicked.connect(lambda: self.open_templates())

        rv = QVBoxLayout(self)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Вид ответа:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.templates_button)
        rv.addLayout(top)
        rv.addWidget(self.returned_note)
        rv.addWidget(self.text, 1)
        rv.addWidget(self.checks)
        rv.addWidget(self.spelling_note)
        rv.addWidget(self.approval_note)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.send)
        rv.addLayout(bottom)
        self.set_incident(None)

        # The dictionary loads on its own thread (up to seconds with the pure-Python backend);
        # until it is there the other checks run as usual.
        self._speller_loaded.connect(self.set_speller)
        load_shared_speller().add_done_callback(self._speller_future_done)

    # --- set-up ---------------------------------------------------------------------------

    def set_templates(self, templates: list[dict[str, Any]]) -> None:
        self.templates = [t for t in templates if t.get("active", True)]
        self._fill_template_list()

    def set_known_words(self, words: Iterable[str]) -> None:
        """The centre's own words (municipalities, agencies) the dictionary should accept."""
        self._known_words = list(words)
        if self.speller is not None:
            self.speller.add_words(self._known_words)
            self._run_checks()

    def set_speller(self, speller: Speller) -> None:
        self.speller = speller
        if speller.available:
            speller.add_words(self._known_words)
            self.spelling_note.hide()
        else:
            self.spelling_note.setText(
                tr("Проверка орфографии выключена: {reason}").format(reason=speller.reason)
            )
            self.spelling_note.show()
        self._run_checks()

    def _speller_future_done(self, future: Future[Speller]) -> None:
        """Runs on the loading thread (or at once if already loaded): hand over via a signal."""
        try:
            speller = future.result()
        except Exception:  # noqa: BLE001 - the editor works on without spelling
            log.exception("the speller failed to load")
            return
        try:
            self._speller_loaded.emit(speller)
        except RuntimeError:
            pass  # the editor was closed before the dictionary loaded

    def set_incident(
        self,
        incident: dict[str, Any] | None,
        values: dict[str, str | None] | None = None,
        draft: dict[str, Any] | None = None,
        needs_approval: bool = False,
        returned: dict[str, Any] | None = None,
    ) -> None:
        """`returned`: the user's reply a supervisor sent back (`reply_fill.returned_reply`);
        its comment is shown above the text, and its text is offered again when no draft."""
        self.incident, self.values = incident, values or {}
        #: The incident's version the user started writing on (see `changes_by_others`).
        self.base_version = incident.get("version", 0) if incident else 0
        if returned and not draft:
            draft = {"text": returned["text"], "kind": returned["kind"]}
            draft["template_id"] = returned.get("template_id")
        self._show_returned(returned)
        # The case's own facts (the citizen's name, the address) are not typos.
        self._case_words = fold_words(self.values.values())
        self.setEnabled(incident is not None)
        self.text.blockSignals(True)
        self.text.setPlainText(draft["text"] if draft else "")
        self.text.blockSignals(False)
        self._inserted = ""
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
        if incident is not None and self._focus_when_open:
            self._focus_when_open = False
            self.text.setFocus()

    def focus_text(self) -> None:
        """The cursor in the reply's text: now, or as soon as the incident's reply has opened
        (Enter on a queue row may come before its draft is read)."""
        if self.isEnabled() and self.incident is not None:
            self.text.setFocus()
        else:
            self._focus_when_open = True

    def _show_returned(self, returned: dict[str, Any] | None) -> None:
        if not returned:
            self.returned_note.hide()
            return
        comment = (returned.get("review_comment") or "").strip() or tr("без комментария")
        self.returned_note.setText(
            tr("Старший смены вернул ответ на доработку: {comment}").format(comment=comment)
        )
        self.returned_note.show()

    @property
    def kind_code(self) -> str:
        return self.kind.currentData()

    def next_kind(self) -> None:
        """The next kind of reply (Ctrl+Shift+K), round the list."""
        self.kind.setCurrentIndex((self.kind.currentIndex() + 1) % self.kind.count())

    # --- keys in the text -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            return self._search_key(event)
        if watched is self.templates_popup and event.type() == QEvent.Type.Hide:
            self._templates_closed()
        if watched is self.text and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Space and mods & Qt.KeyboardModifier.ControlModifier:
                self.open_templates()
                return True
            if event.text() == "/" and not self.text.textCursor().block().text().strip():
                self.open_templates(slash=True)  # «/» at the start of an empty line
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                if mods & Qt.KeyboardModifier.ControlModifier:
                    self._leave_text(backward=key == Qt.Key.Key_Backtab)
                    return True
                backward = key == Qt.Key.Key_Backtab or bool(
                    mods & Qt.KeyboardModifier.ShiftModifier
                )
                if not self.select_field(backward=backward):
                    self._leave_text(backward=backward)
                return True
        return super().eventFilter(watched, event)

    def select_field(self, *, backward: bool = False) -> bool:
        """Select the next (or previous) `{…}` field from the cursor, round the text; False when
        the text has none."""
        document, cursor = self.text.document(), self.text.textCursor()
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        start = cursor.selectionStart() if backward else cursor.selectionEnd()
        found = document.find(FIELD, start, flags)
        if found.isNull():  # past the last (or before the first) field: round to the other end
            found = document.find(FIELD, document.characterCount() if backward else 0, flags)
        if found.isNull():
            return False
        self.text.setTextCursor(found)
        return True

    def _leave_text(self, *, backward: bool) -> None:
        """Focus on to the next control after the text (or the one before it), as Tab does
        elsewhere."""
        w = self.text
        for _ in range(500):  # the chain is a ring; never loop for ever
            w = w.previousInFocusChain() if backward else w.nextInFocusChain()
            if w is self.text:
                return
            if (
                w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.isVisible()
                and w.isEnabled()
                and not self.text.isAncestorOf(w)
            ):
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return

    # --- templates ------------------------------------------------------------------------

    def open_templates(self, *, slash: bool = False) -> None:
        """The templates popup under the text cursor, its search focused: typing filters the
        list, Up/Down choose, Enter inserts, Esc closes."""
        if self.incident is None:
            return
        self._slash_typed, self._template_used = slash, False
        self.search.clear()  # refills the list
        popup = self.templates_popup
        at = self.text.viewport().mapToGlobal(self.text.cursorRect().bottomLeft())
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(at.x(), screen.right() - popup.width()))
        y = at.y() if at.y() + popup.height() <= screen.bottom() else at.y() - popup.height()
        popup.move(x, max(screen.top(), y))
        popup.show()
        self.search.setFocus()

    def _search_key(self, event) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            QApplication.sendEvent(self.template_list, event)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.template_list.currentItem()
            if item is not None:
                self._use_template(item)
            return True
        if key == Qt.Key.Key_Escape:
            self.templates_popup.hide()
            return True
        return False

    def _templates_closed(self) -> None:
        """Closed without a template: a «/» that opened it is typed after all."""
        if self._slash_typed and not self._template_used:
            self.text.insertPlainText("/")
        self._slash_typed = False
        self.text.setFocus()

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
        category_id = self.incident.get("category_id")
        ranked = rank_templates(fitting, self.incident.get("text", ""), category_id=category_id)
        # The star recommends: when the category has its own templates, only those earn it
        # (a universal one shares words with any complaint and may say the opposite).
        own = category_id is not None and any(t.get("category_id") == category_id for t in fitting)
        for score, t in ranked:
            item = QListWidgetItem(t["title"])
            item.setData(TemplateRole, t)
            item.setToolTip(tooltip(t["text"]))
            if score > 0.15 and (not own or t.get("category_id") == category_id):
                item.setText("★ " + t["title"])
            self.template_list.addItem(item)
        if self.template_list.count():
            self.template_list.setCurrentRow(0)
        self._show_preview()

    def _show_preview(self, note: str = "") -> None:
        """The selected template's text with this incident's values, as it would be inserted."""
        self._confirm_replace = None
        item = self.template_list.currentItem()
        if item is None or self.incident is None:
            self.preview.setText("")
            return
        text = render(item.data(TemplateRole)["text"], self.values).text
        hint = note or tr("Enter — вставить этот текст в ответ")
        self.preview.setText(f"{text}\n\n{hint}")

    def _use_template(self, item: QListWidgetItem) -> None:
        template = item.data(TemplateRole)
        if self.template_list.currentItem() is not item:
            self.template_list.setCurrentItem(item)
        current = self.text.toPlainText()
        if current.strip() and current != self._inserted and self._confirm_replace != id(item):
            self._show_preview(
                tr("В ответе уже есть ваш текст. Enter ещё раз — заменить его этим шаблоном.")
            )
            self._confirm_replace = id(item)
            return
        self._confirm_replace = None
        self._template_used = True
        self.templates_popup.hide()
        rendered = render(template["text"], self.values)
        self.template_id = template["id"]
        self.text.setPlainText(rendered.text)
        self._inserted = rendered.text
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
        today = self.today() if self.today is not None else None
        findings = check_reply(text, self.kind_code, today=today) if text.strip() else []
        spelling = []
        if text.strip() and self.speller is not None:
            spelling = spelling_findings(self.speller, text, self._case_words)
        self.findings = to_document_positions(text, findings + spelling)
        self.highlighter.set_findings(self.findings)
        blocking = [f for f in self.findings if f.blocking]
        lines = [("✖ " if f.blocking else "⚠ ") + finding_text(f) for f in findings]
        if spelling:
            words = list(dict.fromkeys(text[f.start : f.end] for f in spelling))
            named = ", ".join(words[:SPELLING_LISTED]) + (
                "…" if len(words) > SPELLING_LISTED else ""
            )
            lines.append("⚠ " + tr("Орфография: {n}").format(n=len(spelling)) + f" — {named}")
        self.checks.setText(
            "\n".join(lines) if lines else (tr("✓ Проверки пройдены") if text.strip() else "")
        )
        self.send.setEnabled(self.incident is not None and bool(text.strip()) and not blocking)

    # --- spelling suggestions ---------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_at(pos)
        # popup, not exec: the suggestions fill in while the menu is open.
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.text.viewport().mapToGlobal(pos))

    def context_menu_at(self, pos: QPoint) -> QMenu:
        """The text's standard menu, with corrections on top when `pos` is on a misspelling."""
        menu = self.text.createStandardContextMenu(pos)
        if self._check_timer.isActive():  # findings must match the text under the mouse
            self._check_timer.stop()
            self._run_checks()
        at = self.text.cursorForPosition(pos).position()
        finding = next(
            (f for f in self.findings if f.code == SPELLING and f.start <= at <= f.end), None
        )
        if finding is not None and self.speller is not None:
            self._add_spelling_actions(menu, finding)
        return menu

    def _add_spelling_actions(self, menu: QMenu, finding: Finding) -> None:
        """Corrections on top of the standard menu: «looking…» until the suggestions come (a few
        tenths of a second with enchant, seconds with the pure-Python engine, computed on a
        worker thread, so the menu opens at once), then «skip this word»."""
        assert self.speller is not None
        word = self._span_cursor(finding).selectedText()
        first = menu.actions()[0] if menu.actions() else None
        looking = QAction(tr("Поиск вариантов…"), menu)
        looking.setEnabled(False)
        ignore = QAction(tr("Пропустить «{word}»").format(word=word), menu)
        ignore.triggered.connect(partial(self._ignore_word, word))
        if first is None:
            menu.addActions([looking, ignore])
        else:
            menu.insertActions(first, [looking, ignore])
            menu.insertSeparator(first)
        spawn(
            self._fill_suggestions(menu, looking, finding, word, self.speller),
            what="spelling suggestions",
        )

    async def _fill_suggestions(
        self, menu: QMenu, looking: QAction, finding: Finding, word: str, speller: Speller
    ) -> None:
        suggestions = await in_worker(speller.suggest, word)
        if not shiboken6.isValid(menu) or not shiboken6.isValid(looking):
            return  # the menu was closed meanwhile
        actions = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(partial(self._replace_word, finding, word, suggestion))
            actions.append(action)
        if not actions:
            looking.setText(tr("Нет вариантов"))
            return
        menu.insertActions(looking, actions)
        menu.removeAction(looking)

    def _span_cursor(self, finding: Finding) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _replace_word(self, finding: Finding, word: str, replacement: str) -> None:
        cursor = self._span_cursor(finding)
        if cursor.selectedText() == word:  # one undo step; the debounced check follows
            cursor.insertText(replacement)

    def _ignore_word(self, word: str) -> None:
        """Accept the word until the program closes (a surname, a local place name)."""
        if self.speller is not None:
            self.speller.add_words([word])
        self._run_checks()

    def _emit_draft(self) -> None:
        if self.incident is not None:
            self.draft_changed.emit(
                self.incident["id"], self.kind_code, self.text.toPlainText(), self.template_id
            )

    def keep_draft(self) -> None:
        """Save the text as a draft now (sending was called off)."""
        self._draft_timer.stop()
        self._emit_draft()

    def flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()

    def _send(self) -> None:
        self._check_timer.stop()
        self._run_checks()
        if not self.send.isEnabled() or self.incident is None:
            self.send_refused.emit(self.refusal())
            return
        self._draft_timer.stop()
        self.send_requested.emit(
            self.incident["id"], self.kind_code, self.text.toPlainText(), self.template_id
        )

    def refusal(self) -> str:
        """Why the reply cannot be sent now, in words for the status bar."""
        if self.incident is None:
            return tr("Не отправлено: выберите обращение в очереди")
        if not self.text.toPlainText().strip():
            return tr("Не отправлено: ответ пуст")
        blocking = [f for f in self.findings if f.blocking]
        reason = finding_text(blocking[0]) if blocking else tr("проверки не пройдены")
        more = len(blocking) - 1
        if more > 0:
            reason += " " + tr("(и ещё {n})").format(n=more)
        return tr("Не отправлено: {reason}").format(reason=reason)
