"""«Правка → Настройки…» (Ctrl+,): the workstation's per-user settings. For now the attachments'
share of the local cache: its limit (kept in QSettings, `attachments/cache_limit_mb`), what it
holds now, and clearing it (after a question saying how much it frees; Enter answers
«Отмена»). A new limit takes effect at once: the least recently used files go until the rest
fits, without waiting for the next file fetched.

The cache is read and written off the UI thread (`aio.in_db`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from cur_desktop.models.cache.attachment_cache import AttachmentCache

from .aio import in_db, spawn
from .attachment_file import size_text
from .attachment_view import cache_limit_mb, set_cache_limit_mb
from .i18n import tr

#: The spin box's range, MB: below 20 a day's photos do not fit; 5 GB is plenty for a laptop.
LIMIT_RANGE = (20, 5000)


class SettingsDialog(QDialog):
    def __init__(self, cache: AttachmentCache, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Настройки"))
        self.cache = cache
        #: (files, bytes) the cache held when last counted; None until counted
        self.usage: tuple[int, int] | None = None
        #: «Очистить кэш вложений?» while it is asked (tests answer it)
        self.clear_box: QMessageBox | None = None

        box = QGroupBox(tr("Вложения на этом компьютере"), self)
        self.limit = QSpinBox(box)
        self.limit.setObjectName("cacheLimit")
        self.limit.setRange(*LIMIT_RANGE)
        self.limit.setSingleStep(10)
        self.limit.setSuffix(" " + tr("МБ"))
        self.limit.setValue(int(round(cache_limit_mb())))
        self.limit.setAccelerated(True)
        self.used = QLabel(tr("Считается…"), box)
        self.used.setObjectName("cacheUsage")
        self.used.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(tr("&Очистить кэш вложений"), box)
        self.clear_button.setObjectName("clearCache")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setEnabled(False)  # until counted: nothing to clear is not offered
        self.clear_button.clicked.connect(lambda: spawn(self.ask_clear(), what="clear attachments"))
        note = QLabel(
            tr(
                "Миниатюры и открытые файлы хранятся в зашифрованном кэше, чтобы их можно было "
                "смотреть без связи. Сверх предела первыми удаляются те, что дольше всего не "
                "открывали. Удалённые загрузятся с сервера снова, когда понадобятся."
            ),
            box,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        limit_label = QLabel(tr("&Предел кэша:"), box)
        limit_label.setBuddy(self.limit)
        form.addRow(limit_label, self.limit)
        form.addRow(tr("Занято сейчас:"), self.used)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addWidget(note)
        inner.addLayout(row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        for standard, text in (
            (QDialogButtonBox.StandardButton.Ok, tr("ОК")),
            (QDialogButtonBox.StandardButton.Cancel, tr("Отмена")),
            (QDialogButtonBox.StandardButton.Apply, tr("Применить")),
        ):
            self.buttons.button(standard).setText(text)
        self.buttons.accepted.connect(lambda: spawn(self._ok(), what="settings"))
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(
            lambda: spawn(self.apply(), what="settings")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.limit.setFocus()
        self.task = spawn(self.count(), what="attachments usage")

    async def count(self) -> None:
        self.usage = await in_db(self.cache.usage)
        files, size = self.usage
        if files:
            text = tr("{size}, файлов: {n}").format(size=size_text(size), n=files)
        else:
            text = tr("ничего")
        self.used.setText(text)
        self.clear_button.setEnabled(files > 0)

    async def apply(self) -> None:
        """The new limit, kept for next time and enforced now."""
        megabytes = self.limit.value()
        set_cache_limit_mb(megabytes)
        await in_db(self.cache.set_limit, megabytes * 1024 * 1024)
        await self.count()

    async def ask_clear(self) -> None:
        """Asks before clearing, saying what is freed (counted afresh: files come in while the
        dialog is open); «Отмена» is the default, so Enter clears nothing."""
        await self.count()
        files, size = self.usage
        if not files or self.clear_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Очистить кэш вложений"),
            tr(
                "Удалить с этого компьютера сохранённые вложения? Освободится {size} "
                "(файлов: {n}).\n\nОни загрузятся с сервера снова, когда их откроют; "
                "без связи их не будет видно."
            ).format(size=size_text(size), n=files),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        clear = box.addButton(tr("Очистить"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Отмена"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.clear_box = box

        def answered(_result: int) -> None:
            self.clear_box = None
            if box.clickedButton() is clear:
                spawn(self.clear(), what="clear attachments")

        box.finished.connect(answered)
        box.open()

    async def clear(self) -> None:
        await in_db(self.cache.clear)
        await self.count()

    async def _ok(self) -> None:
        await self.apply()
        self.accept()


def show_settings(window) -> SettingsDialog | None:
    """The dialog for the window's attachment cache (`window.settings_dialog` while open; asked
    again, the open one comes forward)."""
    source = window.card.attachment_strip.source
    if source is None:
        return None
    dialog = getattr(window, "settings_dialog", None)
    if dialog is None:
        dialog = SettingsDialog(source.cache, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: setattr(window, "settings_dialog", None))
        window.settings_dialog = dialog
        dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
