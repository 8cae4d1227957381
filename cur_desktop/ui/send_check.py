"""The question asked before a reply goes when someone changed the case while the user wrote it:
what changed, by whom, and «Отправить» or «Вернуться к ответу» (the default)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from . import formats
from .code_labels import event_label
from .i18n import tr
from .labels import Labels


def send_check_box(parent: QWidget, labels: Labels, changed: list[dict]) -> QMessageBox:
    """The box, not yet open; Yes means send as it is."""
    lines = [
        f"{formats.date_time(e['at'])}  {labels.user(e.get('actor_id'))}: " + event_label(e["kind"])
        for e in changed[-8:]
    ]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Обращение изменилось"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr("Пока вы писали ответ, обращение изменили:") + "\n\n" + "\n".join(lines))
    box.setInformativeText(tr("Отправить ответ в этом виде?"))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Отправить"))
    box.button(QMessageBox.StandardButton.No).setText(tr("Вернуться к ответу"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box
