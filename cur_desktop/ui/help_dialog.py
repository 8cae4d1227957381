"""«Справка»: the operator's guide (a Markdown file in resources/help, in the UI's language when
there is one, else Russian) and the window's keys as a table, read from the window's actions
themselves so the list cannot drift from what the keys do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr

HELP = Path(__file__).resolve().parents[2] / "resources" / "help"
GUIDE, KEYS = 0, 1  # the dialog's tabs


def guide_text(language: str | None = None) -> str:
    """The guide in `language` (default: the UI's), Russian when it has no translation."""
    language = language or QLocale().name()[:2]
    path = HELP / f"operator_guide_{language}.md"
    if not path.exists():
        path = HELP / "operator_guide_ru.md"
    return path.read_text(encoding="utf-8")


def key_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the window that has keys, in the order the
    actions were made; an action with several key sequences lists them all."""
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows[keys, action.text().replace("&", "").removesuffix("…")] = None
    return list(rows)


class HelpDialog(QDialog):
    def __init__(self, window: QWidget, tab: int = GUIDE):
        super().__init__(window)
        self.setWindowTitle(tr("Справка"))
        self.guide = QTextBrowser()
        self.guide.setObjectName("operatorGuide")
        self.guide.setOpenLinks(False)
        self.guide.setMarkdown(guide_text())
        rows = key_rows(window)
        self.keys = QTableWidget(len(rows), 2)
        self.keys.setObjectName("keyTable")
        self.keys.setHorizontalHeaderLabels([tr("Клавиши"), tr("Действие")])
        self.keys.verticalHeader().setVisible(False)
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys.setTabKeyNavigation(False)
        self.keys.setWordWrap(False)
        self.keys.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        for i, (keys, caption) in enumerate(rows):
            self.keys.setItem(i, 0, QTableWidgetItem(keys))
            self.keys.setItem(i, 1, QTableWidgetItem(caption))
        header = self.keys.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.guide, tr("Руководство оператора"))
        self.tabs.addTab(self.keys, tr("Горячие клавиши"))
        self.tabs.setCurrentIndex(tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 560)
        (self.guide if tab == GUIDE else self.keys).setFocus()

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.keys.item(i, 0).text(), self.keys.item(i, 1).text())
            for i in range(self.keys.rowCount())
        ]


def show_help(window: QWidget, tab: int = GUIDE) -> HelpDialog:
    """One dialog per window, brought forward on the page asked for."""
    dialog = getattr(window, "help_dialog", None)
    if dialog is None:
        dialog = HelpDialog(window, tab)
        window.help_dialog = dialog
        dialog.finished.connect(lambda _: setattr(window, "help_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
    dialog.tabs.setCurrentIndex(tab)
    dialog.raise_()
    dialog.activateWindow()
    return dialog
