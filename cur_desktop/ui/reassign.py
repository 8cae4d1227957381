"""«Назначить…»: pick an operator (or «снять назначение») for the incidents selected in the
queue. Opened with `open()` (never a modal loop inside a coroutine); `chosen` carries the
answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from cur_desktop.models import contract as c
from cur_desktop.models.domain import Role

from . import formats
from .i18n import tr

#: Who may be given cases: those who handle the queue.
ASSIGNABLE = frozenset({Role.OPERATOR, Role.TRAINEE, Role.SUPERVISOR})
#: The combo's value for «снять назначение» (None is «nothing chosen» for a QComboBox).
UNASSIGN = -1


def assignable_users(reference: c.Reference | None) -> list[tuple[str, int]]:
    """(name, id) of everyone who may hold a case, by name."""
    users = reference.users if reference else []
    return sorted(((u.full_name, u.id) for u in users if u.role in ASSIGNABLE), key=lambda x: x[0])


class AssignDialog(QDialog):
    chosen = Signal(list, object)  # incident ids, user id or None (unassign)

    def __init__(self, incident_ids: list[int], users: list[tuple[str, int]], parent=None):
        super().__init__(parent)
        self.incident_ids = list(incident_ids)
        self.setWindowTitle(tr("Назначить обращения"))
        count = QLabel(
            tr("Выбрано обращений: {n}").format(n=formats.number(len(self.incident_ids)))
        )
        count.setTextFormat(Qt.TextFormat.PlainText)
        self.who = QComboBox()
        self.who.setObjectName("assignee")
        for name, user_id in users:
            self.who.addItem(name, user_id)
        self.who.addItem(tr("— снять назначение —"), UNASSIGN)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.who)
        layout.addWidget(buttons)
        self.accepted.connect(self._emit)

    def choose(self, user_id: int | None) -> None:
        self.who.setCurrentIndex(self.who.findData(UNASSIGN if user_id is None else user_id))

    def _emit(self) -> None:
        value = self.who.currentData()
        self.chosen.emit(self.incident_ids, None if value == UNASSIGN else value)
