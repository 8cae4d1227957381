"""Small dialogs that ask for what an action needs: an agency, a category, a status, a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from .i18n import tr


class FormDialog(QDialog):
    """A form of named fields; `values()` after exec() returns what the user chose."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self._fields: dict[str, QWidget] = {}
        self._required: set[str] = set()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b0003a")

    def choice(self, name: str, caption: str, items: list[tuple[str, Any]], current: Any = None):
        combo = QComboBox()
        combo.setEditable(len(items) > 15)  # long lists can be typed into
        for label, value in items:
            combo.addItem(label, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._fields[name] = combo
        self.form.addRow(caption, combo)
        return combo

    def text(self, name: str, caption: str, *, required: bool = False) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(120)
        self._fields[name] = edit
        if required:
            self._required.add(name)
        self.form.addRow(caption, edit)
        return edit

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self._fields.items():
            if isinstance(w, QComboBox):
                out[name] = w.currentData()
            else:
                out[name] = w.toPlainText().strip() or None
        return out

    def _accept(self) -> None:
        missing = [n for n in self._required if not self.values()[n]]
        if missing:
            self.error.setText(tr("Заполните обязательные поля"))
            return
        self.accept()

    def ask(self) -> dict[str, Any] | None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        return self.values() if self.exec() == QDialog.DialogCode.Accepted else None
