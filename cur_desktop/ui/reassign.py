"""«Назначить…»: pick an operator (or «снять назначение») for the incidents selected in the
queue. Nobody is preselected (not even the supervisor herself) and OK waits for a choice; each
person shows presence and open cases from the team board, and those already holding cases in
the same municipality and sector are suggested at the top, marked. Opened with `open()` (never
a modal loop inside a coroutine); `chosen` carries the answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cur_desktop.models import contract as c
from cur_desktop.models.domain import Role
from cur_desktop.models.suggest import Suggested
from cur_desktop.models.team import TeamBoard

from . import formats
from .i18n import tr
from .team_board import PRESENCE

#: Who may be given cases: those who handle the queue.
ASSIGNABLE = frozenset({Role.OPERATOR, Role.TRAINEE, Role.SUPERVISOR})
#: The row value for «снять назначение» (None is «nothing chosen»).
UNASSIGN = -1
UserRole = Qt.ItemDataRole.UserRole


def assignable_users(reference: c.Reference | None) -> list[tuple[str, int]]:
    """(name, id) of everyone who may hold a case, by name."""
    users = reference.users if reference else []
    return sorted(((u.full_name, u.id) for u in users if u.role in ASSIGNABLE), key=lambda x: x[0])


class AssignDialog(QDialog):
    chosen = Signal(list, object)  # incident ids, user id or None (unassign)

    def __init__(
        self,
        incident_ids: list[int],
        people: list[Suggested],
        board: TeamBoard | None = None,
        parent=None,
    ):
        """`people` in the order to show (suggested first); `board` gives presence and load,
        when known."""
        super().__init__(parent)
        self.incident_ids = list(incident_ids)
        self.setWindowTitle(tr("Назначить обращения"))
        self.resize(560, 420)
        count = QLabel(
            tr("Выбрано обращений: {n}").format(n=formats.number(len(self.incident_ids)))
        )
        count.setTextFormat(Qt.TextFormat.PlainText)
        members = {m.user_id: m for m in board.members} if board else {}
        headers = [tr("Сотрудник"), tr("Присутствие"), tr("Открыто"), tr("Просрочено")]
        self.who = QTableWidget(len(people) + 1, len(headers))
        self.who.setObjectName("assignee")
        self.who.setHorizontalHeaderLabels(headers)
        self.who.verticalHeader().setVisible(False)
        self.who.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.who.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.who.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.who.setTabKeyNavigation(False)
        header = self.who.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, person in enumerate(people):
            m = members.get(person.id)
            name = ("★ " if person.suggested else "") + person.name
            if m is None:
                cells = [name, tr("Нет данных"), "—", "—"]
                color = None
            else:
                symbol, caption, color = PRESENCE[m.presence]
                cells = [
                    name,
                    f"{symbol} {tr(caption)}",
                    formats.number(m.load.assigned),
                    formats.number(m.load.overdue),
                ]
            self._row(row, person.id, cells)
            if color:
                self.who.item(row, 1).setForeground(QColor(color))
        self._row(len(people), UNASSIGN, [tr("— снять назначение —"), "", "", ""])
        self.who.clearSelection()
        self.who.setCurrentCell(-1, -1)
        self.who.itemSelectionChanged.connect(self._update)
        self.who.itemDoubleClicked.connect(lambda *_: self._accept())
        hint = QLabel(
            tr("★ — уже ведут обращения этого муниципалитета и сферы.")
            + " "
            + tr("«Открыто» — обращения в работе.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4a5568")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.who, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update()

    def _row(self, row: int, value: int, cells: list[str]) -> None:
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(UserRole, value)
            if col >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.who.setItem(row, col, item)

    def value(self) -> int | None:
        """The chosen row's user id (UNASSIGN for «снять назначение»), None if none chosen."""
        rows = self.who.selectionModel().selectedRows()
        return rows[0].data(UserRole) if rows else None

    def row_of(self, user_id: int | None) -> int:
        wanted = UNASSIGN if user_id is None else user_id
        for row in range(self.who.rowCount()):
            if self.who.item(row, 0).data(UserRole) == wanted:
                return row
        return -1

    def choose(self, user_id: int | None) -> None:
        self.who.selectRow(self.row_of(user_id))

    def _update(self) -> None:
        self.ok.setEnabled(self.value() is not None)

    def _accept(self) -> None:
        value = self.value()
        if value is None:
            return
        self.chosen.emit(self.incident_ids, None if value == UNASSIGN else value)
        self.accept()
