"""Translations: the source strings are Russian; English comes from resources/translations.
Qt's own dialogs (buttons, file dialogs) are translated from the qtbase catalogue in the wheel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def install_translations(app: QApplication, language: str | None = None) -> str:
    """Install Qt's and our catalogues for `language` (default: Russian). Returns the language."""
    language = language or "ru"
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
    )
    keep = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        keep.append(qt)
    ours = QTranslator(app)
    if language != "ru" and ours.load(f"cur_desktop_{language}", str(TRANSLATIONS)):
        app.installTranslator(ours)
        keep.append(ours)
    app.setProperty("cur_translators", len(keep))
    return language


def tr(text: str) -> str:
    """Translate a UI string. One empty context for the whole UI: pyside6-lupdate files bare
    `tr("…")` calls under it, so catalogue and code agree without per-class contexts."""
    return QCoreApplication.translate("", text)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string in a table for extraction; translate it where it is shown, with tr()."""
    return text


def in_russian() -> bool:
    """Whether the UI speaks Russian (the source language): texts the server words in Russian,
    such as the analytics rules, are shown as they come; in another language the workstation
    words them from their parameters."""
    return QLocale().language() == QLocale.Language.Russian
