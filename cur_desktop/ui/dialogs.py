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
        self._unchosen: set[str] = set()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b0003a")

    def choice(
        self,
        name: str,
        caption: str,
        items: list[tuple[str, Any]],
        current: Any = None,
        *,
        placeholder: str | None = None,
    ):
        """A combo box; with a `placeholder` nothing is chosen at first (unless `current` is
        in the list) and OK waits until something is."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(len(items) > 15)  # long lists can be typed into
        for label, value in items:
            combo.addItem(label, value)
        if placeholder is not None:
            combo.setPlaceholderText(placeholder)
            if combo.lineEdit() is not None:
                combo.lineEdit().setPlaceholderText(placeholder)
            combo.setCurrentIndex(combo.findData(current) if current is not None else -1)
            self._unchosen.add(name)
            combo.currentIndexChanged.connect(self._update_ok)
        elif current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._fields[name] = combo
        self.form.addRow(caption, combo)
        self._update_ok()
        return combo

    def _update_ok(self) -> None:
        """OK only once every choice that starts empty has been made."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        fields = self._fields
        ok.setEnabled(all(fields[n].currentIndex() >= 0 for n in self._unchosen if n in fields))

    def text(self, name: str, caption: str, *, required: bool = False) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(120)
        self._fields[name] = edit
        if required:
            self._required.add(name)
        self.form.addRow(caption, edit)
        return edit

    def hint(self, text: str) -> QLabel:
        """A grey line explaining the field above it."""
        label = QLabel(text)
        label.setStyleSheet("color: #4a5568")
        return label

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self._fields.items():
            if isinstance(w, QComboBox):
                out[name] = w.currentData()
            else:
                out[name] = w.toPlainText().strip() or None
        return out

    def _accept(self) -> None:
        values = self.values()
        missing = [n for n in self._required | self._unchosen if values[n] is None]
        if missing:
            self.error.setText(tr("Заполните обязательные поля"))
            return
        self.accept()
