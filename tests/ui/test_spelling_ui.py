"""Spelling in the reply editor: misspelled words are underlined as warnings in the debounced
check, never block sending, offer corrections in the context menu, and an editor without a
dictionary says so quietly."""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time

import pytest
from PySide6.QtGui import QTextCharFormat

from cur_desktop.models.spelling import SHIPPED_DIR, Speller, _Backend
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.reply_editor import SPELLING, ReplyEditor

INCIDENT = {"id": 7, "number": "ЦУР-2026-000007", "sector": "housing", "text": "Не горит свет"}
REPLY = (
    "Уважаемый заявитель! Светильнеки во дворе дома 5 на ул. Ленина заменены 12.11, "
    "освещение восстановлено."
)


@pytest.fixture
def editor(qtbot):
    editor = ReplyEditor()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.speller is not None, timeout=60_000)
    if not editor.speller.available:
        if os.environ.get("CI"):
            pytest.fail(f"no Russian dictionary in CI: {editor.speller.reason}")
        pytest.skip(editor.speller.reason)
    editor.set_incident(INCIDENT, {"citizen_name": "Кустарёва Анна"})
    return editor


def test_misspelled_word_is_a_warning_that_does_not_block_sending(editor):
    editor.text.setPlainText(REPLY)
    editor._run_checks()
    spelling = [f for f in editor.findings if f.code == SPELLING]
    assert [(REPLY[f.start : f.end], f.blocking) for f in spelling] == [("Светильнеки", False)]
    assert not [f for f in editor.findings if f.blocking]
    assert editor.send.isEnabled()
    assert "Орфография: 1 — Светильнеки" in editor.checks.text()

    block = editor.text.document().firstBlock()
    formats = [r for r in block.layout().formats() if r.start == spelling[0].start]
    assert formats and formats[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


def test_spelling_waits_for_the_pause_in_typing(editor, qtbot):
    editor.text.setPlainText("")
    editor._run_checks()
    editor.text.insertPlainText("Светильнеки заменены")
    assert not [f for f in editor.findings if f.code == SPELLING]  # not per keystroke
    qtbot.waitUntil(lambda: any(f.code == SPELLING for f in editor.findings), timeout=2000)


def test_words_of_the_case_and_of_the_centre_are_not_flagged(editor):
    editor.set_known_words(["Шиловский муниципальный район"])
    editor.text.setPlainText("Кустарёва Анна, в Шиловском районе госпаблик ЦУР ответил.")
    editor._run_checks()
    assert not [f for f in editor.findings if f.code == SPELLING]


def test_a_suggestion_replaces_the_word(editor):
    editor.text.setPlainText(REPLY)
    editor._run_checks()
    finding = next(f for f in editor.findings if f.code == SPELLING)
    assert "Светильники" in editor.speller.suggest("Светильнеки")
    editor._replace_word(finding, "Светильнеки", "Светильники")
    editor._run_checks()
    assert editor.text.toPlainText() == REPLY.replace("Светильнеки", "Светильники")
    assert not [f for f in editor.findings if f.code == SPELLING]
    editor.text.undo()
    assert editor.text.toPlainText() == REPLY


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def menu_at_misspelling(editor):
    finding = next(f for f in editor.findings if f.code == SPELLING)
    cursor = editor.text.textCursor()
    cursor.setPosition(finding.start + 2)
    return editor.context_menu_at(editor.text.cursorRect(cursor).center())


def test_context_menu_offers_corrections(editor, run):
    editor.text.setPlainText(REPLY)
    editor._run_checks()
    menu = menu_at_misspelling(editor)
    assert "Пропустить «Светильнеки»" in menu_texts(menu)
    run(wait_until(lambda: "Светильники" in menu_texts(menu), timeout=60))
    assert "Поиск вариантов…" not in menu_texts(menu)
    next(a for a in menu.actions() if a.text() == "Светильники").trigger()
    assert editor.text.toPlainText() == REPLY.replace("Светильнеки", "Светильники")

    menu = editor.context_menu_at(editor.text.cursorRect(editor.text.textCursor()).center())
    assert "Светильники" not in menu_texts(menu)  # just the standard menu


class SlowSpeller(Speller):
    """Suggestions that take as long as the test wants: the menu must not wait for them."""

    def __init__(self):
        super().__init__(backends=())
        self._backend = _Backend("slow", lambda w: "ильн" not in w, self._slow, set().add)
        self.release = threading.Event()

    def _slow(self, word: str, limit: int) -> list[str]:
        self.release.wait(30)
        return ["светильники"]


def test_suggestions_are_computed_off_the_ui_thread(qtbot, run):
    editor = ReplyEditor()
    qtbot.addWidget(editor)
    speller = SlowSpeller()
    editor.set_speller(speller)
    editor.set_incident(INCIDENT, {})
    editor.text.setPlainText("Заменили светильнеки.")
    editor._run_checks()

    async def scenario():
        started = time.monotonic()
        menu = menu_at_misspelling(editor)
        assert time.monotonic() - started < 5  # the menu did not wait for the suggestions
        assert menu_texts(menu)[:2] == ["Поиск вариантов…", "Пропустить «светильнеки»"]
        await asyncio.sleep(0.2)
        assert "светильники" not in menu_texts(menu)
        speller.release.set()
        await wait_until(lambda: "светильники" in menu_texts(menu), timeout=30)
        assert "Поиск вариантов…" not in menu_texts(menu)

    try:
        run(scenario())
    finally:
        speller.release.set()


def test_a_word_without_suggestions_says_so(qtbot, run):
    editor = ReplyEditor()
    qtbot.addWidget(editor)
    speller = SlowSpeller()
    speller._backend.suggest = lambda w, n: []
    editor.set_speller(speller)
    editor.set_incident(INCIDENT, {})
    editor.text.setPlainText("Заменили светильнеки.")
    editor._run_checks()
    menu = menu_at_misspelling(editor)
    run(wait_until(lambda: "Нет вариантов" in menu_texts(menu), timeout=30))


def test_emoji_before_a_word_does_not_shift_the_underline(editor):
    text = "Спасибо 🙂 светильнеки заменены."
    editor.text.setPlainText(text)
    editor._run_checks()
    finding = next(f for f in editor.findings if f.code == SPELLING)
    assert editor._span_cursor(finding).selectedText() == "светильнеки"


def test_without_a_dictionary_the_editor_says_so_and_works_on(qtbot, tmp_path):
    editor = ReplyEditor()
    qtbot.addWidget(editor)
    editor.set_speller(Speller(backends=("spylls",), dictionary_dirs=[tmp_path]))
    editor.set_incident(INCIDENT, {})
    editor.text.setPlainText(REPLY)
    editor._run_checks()
    assert not [f for f in editor.findings if f.code == SPELLING]
    assert editor.send.isEnabled()
    assert editor.spelling_note.text().startswith("Проверка орфографии выключена:")
    assert not editor.spelling_note.isHidden()
    # In an operator's words: no locale codes, package or file names.
    assert not re.search(r"[A-Za-z]", editor.spelling_note.text()), editor.spelling_note.text()


def test_without_system_dictionaries_the_shipped_one_is_used(qtbot, monkeypatch):
    """A machine without hunspell-ru (and without the enchant library): the dictionary shipped
    with the workstation is found, and the editor checks spelling."""
    monkeypatch.delenv("DICPATH", raising=False)
    monkeypatch.setattr("cur_desktop.models.spelling.DICTIONARY_DIRS", (SHIPPED_DIR,))
    editor = ReplyEditor()
    qtbot.addWidget(editor)
    editor.set_speller(Speller(backends=("spylls",)))
    assert editor.speller.available, editor.speller.reason
    editor.set_incident(INCIDENT, {})
    editor.text.setPlainText(REPLY)
    editor._run_checks()
    assert [REPLY[f.start : f.end] for f in editor.findings if f.code == SPELLING] == [
        "Светильнеки"
    ]
    assert editor.spelling_note.isHidden()
