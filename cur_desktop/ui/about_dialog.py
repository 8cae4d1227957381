"""«О программе»: the version, the server, and where the log and the cache are, which is what
support staff ask for first; the folders open in the file manager and the paths can be copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
)

from cur_desktop.models.version import __version__
from cur_desktop.sync.logfile import log_folder

from .i18n import tr


def _link(path: Path) -> QLabel:
    label = QLabel(f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{path}</a>')
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
    label.setToolTip(tr("Открыть папку"))
    return label


def _text(value: str) -> QLabel:
    label = QLabel(value)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(
        self,
        server_url: str,
        cache_file: Path,
        *,
        logs: Path | None = None,
        newer_version: str | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(tr("О программе"))
        title = QLabel(tr("ЦУР: рабочее место оператора"))
        font = title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        title.setFont(font)
        form = QFormLayout()
        version = __version__
        if newer_version:
            version += " — " + tr("доступна новая версия {version}").format(version=newer_version)
        self.fields = {
            "version": _text(version),
            "server": _text(server_url),
            "logs": _link(logs or log_folder()),
            "cache": _link(cache_file.parent),
        }
        form.addRow(tr("Версия:"), self.fields["version"])
        form.addRow(tr("Сервер:"), self.fields["server"])
        form.addRow(tr("Журнал работы:"), self.fields["logs"])
        form.addRow(tr("Локальный кэш:"), self.fields["cache"])
        note = QLabel(
            tr(
                "В журнале нет паролей, ключей и текстов обращений: его можно передать "
                "в техническую поддержку."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: gray")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)


def install_about(window: QMainWindow) -> QAction:
    """«О программе» (Ctrl+F1), for the «Справка» menu (menu_bar puts it there; F1 is the
    operator's guide)."""
    action = QAction(tr("О программе"), window)
    action.setShortcut(QKeySequence("Ctrl+F1"))
    action.setMenuRole(QAction.MenuRole.AboutRole)

    def show() -> None:
        ws = window.ws
        dialog = AboutDialog(
            ws.client.base_url,
            ws.profile.cache_path,
            newer_version=ws.engine.core.newer_version,
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    window.addAction(action)
    return action
