"""«Сохранить как…» of a citizen's file, one piece for the image viewer and the file dialog: the
button (enabled once the file is fetched), the line saying how it went, and the save itself,
written off the UI thread where the operator chose. Each dialog places the two widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from cur_desktop.models.attachment_files import save_copy, saved_name

from .aio import in_worker, spawn
from .i18n import tr

log = logging.getLogger(__name__)


def fallback_stem(f: dict[str, Any]) -> str:
    """The name of a file whose own name leaves nothing usable."""
    return f"attachment-{int(f['id'])}"


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The system's «Save as» dialog, in the user's downloads folder; "" when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    start = str(Path(folder) / suggested) if folder else suggested
    path, _ = QFileDialog.getSaveFileName(parent, tr("Сохранить вложение"), start)
    return path


class SaveAs:
    """The button and the outcome line of one attachment's dialog, and the save they stand for:
    asks where (`choose`, replaced in tests), writes, and says how it went."""

    def __init__(self, parent: QWidget, f: dict[str, Any]):
        self.parent, self.file = parent, f
        self.choose: Callable[[QWidget, str], str] = ask_save_path
        self.data: bytes | None = None
        self.saved: Path | None = None
        self.button = QPushButton(tr("&Сохранить как…"), parent)
        self.button.setObjectName("saveFile")
        self.button.setAutoDefault(False)  # Enter never starts a save by accident
        self.button.setEnabled(False)
        self.button.clicked.connect(lambda: spawn(self.save(), what="save attachment"))
        self.outcome = QLabel(parent)
        self.outcome.setObjectName("fileOutcome")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setVisible(False)

    def offer(self, data: bytes) -> None:
        """The file is here: it may be saved."""
        self.data = data
        self.button.setEnabled(True)

    async def save(self) -> Path | None:
        if self.data is None:
            return None
        name = self.file.get("name")
        path = self.choose(self.parent, saved_name(name, fallback_stem(self.file)))
        if not path:
            return None
        try:
            done = await in_worker(save_copy, Path(path), self.data)
        except OSError as exc:
            log.warning("attachment not saved: %s", exc)
            self.tell(tr("Не удалось сохранить файл: {error}").format(error=exc.strerror or exc))
            return None
        self.saved = done
        self.tell(tr("Сохранено: {path}").format(path=str(done)))
        return done

    def tell(self, text: str) -> None:
        """`text` on the outcome line (the dialog may be gone by the time a save ends)."""
        if shiboken6.isValid(self.outcome):
            self.outcome.setText(text)
            self.outcome.setVisible(True)
