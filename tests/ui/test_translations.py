"""Every UI string is in both catalogues and none is unfinished, so a new string cannot ship
untranslated; the English catalogue really switches the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from cur_desktop.ui import catalogue
from cur_desktop.ui.i18n import TRANSLATIONS, tr


def test_catalogues_match_the_code_and_are_complete():
    problems = catalogue.check()
    assert problems == {}, "run `python -m cur_desktop.ui.catalogue` and translate: " + str(
        {k: v[:5] for k, v in problems.items()}
    )


def test_english_catalogue_translates(qapp):
    translator = QTranslator()
    assert translator.load("cur_desktop_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        english = tr("Взять следующее")
        assert english and english != "Взять следующее"
        assert english.isascii()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("Взять следующее") == "Взять следующее"  # Russian is the source
