"""A stored file the workstation does not show itself (PDF, office documents, video…): fetched
off the UI thread like the images, then opened by the system's program for its type once the
operator has read what it is, or saved where the operator chooses.

The dialog is the confirmation: it names the type by what `models.attachment_files` found
(never by the citizen's word alone) and warns that citizens' files may be harmful. Programs,
scripts, shortcuts and web pages are refused for opening and may only be saved. The copy that
is opened gets a safe name and an allow-listed extension in this run's private folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from cur_desktop.models.attachment_files import (
    FileKind,
    classify,
    extension_of,
    opened_name,
)
from cur_desktop.models.opened_copies import opened_folder, write_private_copy
from cur_desktop.sync.attachments import OFFLINE, AttachmentSource

from .aio import in_net, in_worker, spawn
from .attachment_save import SaveAs, fallback_stem
from .i18n import QT_TR_NOOP, tr
from .plain_text import shown

log = logging.getLogger(__name__)

#: What each kind of file is called («Это …»).
KIND_NAMES = {
    "pdf": QT_TR_NOOP("документ PDF"),
    "document": QT_TR_NOOP("текстовый документ"),
    "spreadsheet": QT_TR_NOOP("таблица"),
    "presentation": QT_TR_NOOP("презентация"),
    "text": QT_TR_NOOP("текстовый файл"),
    "image": QT_TR_NOOP("изображение"),
    "video": QT_TR_NOOP("видеозапись"),
    "audio": QT_TR_NOOP("аудиозапись"),
    "archive": QT_TR_NOOP("архив"),
    "executable": QT_TR_NOOP("программа (исполняемый файл)"),
    "script": QT_TR_NOOP("сценарий, макрос или ярлык"),
    "web": QT_TR_NOOP("веб-страница"),
    "unknown": QT_TR_NOOP("файл неизвестного типа"),
}


def kind_name(kind: FileKind, name: str | None = None) -> str:
    """«документ PDF (.pdf)»: the kind, and the extension the name really ends with."""
    text = tr(KIND_NAMES.get(kind.kind, KIND_NAMES["unknown"]))
    ext = extension_of(name) or kind.extension
    return f"{text} (.{ext})" if ext else text


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return tr("{n} МБ").format(n=f"{size / (1024 * 1024):.1f}")
    return tr("{n} КБ").format(n=max(1, round(size / 1024)))


class AttachmentFileDialog(QDialog):
    """What the file is, the warning, and «Открыть в программе…» / «Сохранить как…»."""

    def __init__(self, source: AttachmentSource, incident_id: int, f: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setObjectName("attachmentFile")
        self.setWindowTitle(shown(f.get("name") or tr("Вложение")))
        self.source, self.incident_id, self.file = source, incident_id, f
        self.data: bytes | None = None
        self.kind = classify(f.get("name"), f.get("media_type"))
        #: "loading", "ready", OFFLINE or MISSING
        self.state = "loading"
        #: the copy handed to the system, once opened
        self.opened: Path | None = None
        #: the folder copies are opened from (this run's private folder)
        self.folder: Callable[[], Path] = opened_folder

        self.name = QLabel(shown(f.get("name") or ""), self)
        self.name.setObjectName("fileName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("fileDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(tr("Загрузка…"), self)
        self.message.setObjectName("fileMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.saver = SaveAs(self, f)
        self.save_button, self.outcome = self.saver.button, self.saver.outcome

        self.buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(tr("&Открыть в программе…"), self)
        self.open_button.setObjectName("openFile")
        # Enter must not open a citizen's file by accident: opening is a deliberate click.
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Закрыть"))
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button.setDefault(True)
        self.open_button.clicked.connect(lambda: spawn(self.open_file(), what="open attachment"))
        self.close_button.clicked.connect(self.reject)

        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        said = QHBoxLayout()
        said.addWidget(self.icon)
        said.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addSpacing(8)
        layout.addLayout(said)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._describe()
        self.resize(560, 260)
        self.task = spawn(self._load(), what="attachment file")

    def _sign(self, icon: QStyle.StandardPixmap) -> None:
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(32, 32))

    def _describe(self) -> None:
        f = self.file
        self.details.setText(
            f"{kind_name(self.kind, f.get('name'))} · {size_text(f.get('size', 0))}"
        )

    async def _load(self) -> None:
        fetch = partial(self.source.fetch, self.incident_id, self.file["id"], thumbnail=False)
        got = await in_net(fetch)
        if not shiboken6.isValid(self.message):
            return  # closed meanwhile
        if got.data is None:
            self.state = got.why or OFFLINE
            self._sign(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.message.setText(
                tr(
                    "Файл не сохранён на этом компьютере, а сервер недоступен. "
                    "Откройте его, когда связь восстановится."
                )
                if self.state == OFFLINE
                else tr("Файл недоступен: на сервере его нет или обращение вам больше не видно.")
            )
            return
        self.data = got.data
        self.kind = classify(self.file.get("name"), self.file.get("media_type"), got.data[:512])
        self.state = "ready"
        self._describe()
        self.saver.offer(got.data)
        what = tr(KIND_NAMES.get(self.kind.kind, KIND_NAMES["unknown"]))
        if self.kind.dangerous:
            self._sign(QStyle.StandardPixmap.SP_MessageBoxCritical)
            self.open_button.setVisible(False)
            self.message.setText(
                tr(
                    "Это {kind}. Такие файлы на рабочем месте не открываются: запущенные, они "
                    "могут повредить компьютер и сеть. Файл можно только сохранить, например "
                    "чтобы передать на проверку."
                ).format(kind=what)
            )
        elif not self.kind.openable:
            self._sign(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.open_button.setVisible(False)
            self.message.setText(
                tr("Тип файла не определён, поэтому открыть его нельзя. Файл можно сохранить.")
            )
        else:
            self._sign(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.open_button.setEnabled(True)
            self.message.setText(
                tr(
                    "Это {kind}. Файл откроется в программе, назначенной для таких файлов "
                    "в системе.\n\nФайлы от граждан могут быть опасны: открывайте только то, "
                    "что ожидали получить, и не включайте в них макросы и правку."
                ).format(kind=what)
            )

    async def open_file(self) -> bool:
        """Hands a copy to the system's program for its type; never a dangerous file."""
        if self.data is None or not self.kind.openable:
            return False
        name = opened_name(self.file.get("name"), self.kind, fallback_stem(self.file))
        try:
            path = await in_worker(
                write_private_copy, self.folder(), self.file["id"], name, self.data
            )
        except OSError as exc:
            log.warning("attachment copy not written: %s", exc)
            why = exc.strerror or exc
            self.saver.tell(tr("Не удалось подготовить файл: {error}").format(error=why))
            return False
        self.opened = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.saver.tell(
                tr("В системе нет программы для файлов этого типа. Сохраните файл и откройте его.")
            )
            return False
        self.accept()
        return True
