"""The incident card's attachments the server stores: a row of thumbnails, and a viewer that
opens the full image scaled to fit (Esc closes) and saves it («Сохранить как…»). Files that are
not images open through `attachment_file` instead.

Thumbnails and files come through `sync.attachments.AttachmentSource` off the UI thread
(`aio.in_net`: the local cache first, then the server), so the card never waits on the network
and shows what it has seen before offline. A thumbnail that is not cached while the server
cannot be reached says so in its place. File names are the sender's: plain text, never markup.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.attachment_files import VERIFIED_IMAGE_TYPES, classify, extension_of
from cur_desktop.models.cache.attachment_cache import DEFAULT_LIMIT_MB
from cur_desktop.sync.attachments import MISSING, OFFLINE, AttachmentSource

from .aio import in_net, spawn
from .attachment_file import size_text as _size_text
from .attachment_save import SaveAs
from .i18n import tr
from .plain_text import shown, tooltip

# The side of a thumbnail on the card, pixels (the server's are larger: sharp on HiDPI).
THUMB_SIDE = 96
# The setting (QSettings, per user) of how much the local cache keeps of attachments, in MB.
CACHE_LIMIT_KEY = "attachments/cache_limit_mb"


def cache_limit_mb() -> float:
    """The attachments' share of the local cache in MB: the setting, else 200; a value that is
    not a number is the default."""
    value = QSettings("cur-workstation", "workstation").value(CACHE_LIMIT_KEY, DEFAULT_LIMIT_MB)
    try:
        return float(value)
    except (TypeError, ValueError):
        return float(DEFAULT_LIMIT_MB)


def cache_limit_bytes() -> int:
    """The setting in bytes; a negative one keeps nothing."""
    return max(0, int(cache_limit_mb() * 1024 * 1024))


def set_cache_limit_mb(megabytes: int) -> None:
    QSettings("cur-workstation", "workstation").setValue(CACHE_LIMIT_KEY, int(megabytes))


def shown_in_viewer(f: dict[str, Any]) -> bool:
    """Images the server verified open in the workstation's viewer; the rest as files."""
    return (f.get("media_type") or "").lower() in VERIFIED_IMAGE_TYPES


def image_of(data: bytes | None) -> QPixmap | None:
    """The picture in `data`, turned upright by its EXIF orientation (phone photos), or None.
    Qt's reader refuses images beyond its allocation limit (256 MB) instead of exhausting
    memory."""
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return None if image.isNull() else QPixmap.fromImage(image)


def _short(name: str, limit: int = 16) -> str:
    name = shown(name)
    return name if len(name) <= limit else name[: limit - 6] + "…" + name[-5:]


def _file_label(f: dict[str, Any]) -> str:
    """In place of a thumbnail: «Без миниатюры» for an image, else its type by extension
    («PDF»), with «⚠» for one that is never opened."""
    kind = classify(f.get("name"), f.get("media_type"))
    if kind.kind == "image":
        return tr("Без миниатюры")
    label = (extension_of(f.get("name")) or kind.extension).upper() or tr("Файл")
    return f"⚠ {label}" if kind.dangerous else label


class AttachmentStrip(QWidget):
    """One button per stored file: its thumbnail, or a placeholder saying why there is none."""

    # (incident id, the file's AttachmentOut as a dict), when a thumbnail is clicked
    open_requested = Signal(int, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("attachmentStrip")
        self.source: AttachmentSource | None = None
        self.incident_id: int | None = None
        self.files: list[dict[str, Any]] = []
        self.buttons: list[QToolButton] = []
        # attachment id → "loading", "shown", OFFLINE, MISSING or "none" (no thumbnail)
        self.states: dict[int, str] = {}
        self._generation = 0
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.setVisible(False)

    def show_files(self, incident_id: int | None, files: list[dict[str, Any]]) -> None:
        """Show an incident's files; the same files of the same incident are left as they are
        (the card is shown again after every sync), unless a thumbnail was missing offline."""
        same = incident_id == self.incident_id and [f["id"] for f in files] == [
            f["id"] for f in self.files
        ]
        if same and OFFLINE not in self.states.values():
            return
        self._generation += 1
        self.incident_id, self.files = incident_id, list(files)
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons, self.states = [], {}
        for i, f in enumerate(self.files):
            button = QToolButton(self)
            button.setObjectName(f"attachment{i}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
            button.setFixedWidth(THUMB_SIDE + 16)
            button.setMinimumHeight(THUMB_SIDE + 24)
            button.setAutoRaise(True)
            button.setToolTip(
                tooltip(
                    f"{f.get('name', '')}\n{f.get('media_type', '')}, "
                    + _size_text(f.get("size", 0))
                )
            )
            button.clicked.connect(lambda _=False, f=f: self._clicked(f))
            self._row.insertWidget(i, button)
            self.buttons.append(button)
            if f.get("thumbnail"):
                self._placeholder(button, f, tr("Загрузка…"))
                self.states[f["id"]] = "loading"
            else:
                self._placeholder(button, f, _file_label(f))
                self.states[f["id"]] = "none"
        self.setVisible(bool(self.files))
        if self.source is not None and incident_id is not None:
            spawn(self._load(self._generation, incident_id), what="attachment thumbnails")

    def _placeholder(self, button: QToolButton, f: dict[str, Any], why: str) -> None:
        button.setIcon(QIcon())
        button.setText(f"{why}\n{_short(f.get('name', ''))}")

    async def _load(self, generation: int, incident_id: int) -> None:
        for button, f in zip(list(self.buttons), list(self.files), strict=True):
            if not f.get("thumbnail"):
                continue
            got = await in_net(partial(self.source.fetch, incident_id, f["id"], thumbnail=True))
            if generation != self._generation or not shiboken6.isValid(button):
                return  # another incident is shown meanwhile, or the card is gone
            pixmap = image_of(got.data)
            if pixmap is not None:
                button.setIcon(QIcon(pixmap))
                button.setText(_short(f.get("name", "")))
                self.states[f["id"]] = "shown"
            elif got.why == OFFLINE:
                self._placeholder(button, f, tr("Нет связи"))
                self.states[f["id"]] = OFFLINE
            else:
                self._placeholder(button, f, tr("Недоступно"))
                self.states[f["id"]] = MISSING

    def _clicked(self, f: dict[str, Any]) -> None:
        if self.incident_id is not None:
            self.open_requested.emit(self.incident_id, f)


class AttachmentViewer(QDialog):
    """The full file, scaled to fit the window (never enlarged); Esc closes."""

    def __init__(self, source: AttachmentSource, incident_id: int, f: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setWindowTitle(shown(f.get("name") or tr("Вложение")))
        self.source, self.incident_id, self.file = source, incident_id, f
        self.pixmap: QPixmap | None = None
        self.data: bytes | None = None  # the full file, once fetched
        self.image = QLabel(self)
        self.image.setObjectName("image")
        self.image.setTextFormat(Qt.TextFormat.PlainText)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(200, 150)
        self.image.setText(tr("Загрузка…"))
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        close_hint = tr("Esc — закрыть")
        self.caption.setText(
            f"{shown(f.get('name', ''))} · {_size_text(f.get('size', 0))} · {close_hint}"
        )
        self.caption.setWordWrap(True)
        self.saver = SaveAs(self, f)
        self.save_button, self.outcome = self.saver.button, self.saver.outcome
        bottom = QHBoxLayout()
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(bottom)
        self.resize(900, 680)
        self.task = spawn(self._load(), what="attachment viewer")

    async def _load(self) -> None:
        fetch = partial(self.source.fetch, self.incident_id, self.file["id"], thumbnail=False)
        got = await in_net(fetch)
        if not shiboken6.isValid(self.image):
            return  # closed meanwhile
        if got.data is not None:
            self.data = got.data
            self.saver.offer(got.data)
        pixmap = image_of(got.data)
        if pixmap is not None:
            self.pixmap = pixmap
            self._fit()
        elif got.data is not None:
            self.image.setText(tr("Этот файл не изображение: просмотр недоступен"))
        elif got.why == OFFLINE:
            thumb = await in_net(partial(self.source.cached, self.file["id"], thumbnail=True))
            if not shiboken6.isValid(self.image):
                return
            pixmap = image_of(thumb)
            if pixmap is not None:
                # What is there: the thumbnail, saying the full file needs the server.
                self.pixmap = pixmap
                self._fit()
                self.caption.setText(
                    self.caption.text() + " · " + tr("Миниатюра: полный файл откроется на связи")
                )
            else:
                self.image.setText(tr("Файл не сохранён на этом компьютере, а сервер недоступен"))
        else:
            self.image.setText(tr("Файл недоступен"))

    def _fit(self) -> None:
        if self.pixmap is None:
            return
        area = self.image.size()
        if self.pixmap.width() <= area.width() and self.pixmap.height() <= area.height():
            self.image.setPixmap(self.pixmap)
        else:
            self.image.setPixmap(
                self.pixmap.scaled(
                    area,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()
