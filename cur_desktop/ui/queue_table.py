"""The queue's table view, set up as the window shows it (the bench uses the same one).

One thing differs from a plain QTableView: after a model reset (every new view of the queue)
Qt paints the rows once, then lays the items out on a zero-timer and paints them all again.
At 20-30 ms of text rendering per paint that second paint is a fifth of the 100 ms budget of
an interaction (bench/ui_queue.py), so the layout is done at once and the rows painted once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from .i18n import tr
from .queue_model import COLUMN_INDEX, QueueModel

DEFAULT_WIDTHS = {
    "number": 130,
    "sla": 195,  # «✖ просрочено на 5 р.д. 5 ч» in full: the one column nobody may misread
    "status": 170,
    "importance": 80,
    "sector": 110,
    "municipality": 150,
    "channel": 100,
    "assignee": 150,
    "received": 90,
}


class NothingFound(QWidget):
    """«Ничего не найдено — Сбросить фильтры» over an empty view, so a blank table is not
    mistaken for a queue still loading, with the way back one click away."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("nothingFound")
        self.label = QLabel(tr("Ничего не найдено"))
        self.reset_button = QPushButton(tr("Сбросить фильтры"))
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setFlat(True)
        self.reset_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reset_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(QLabel("—"))
        layout.addWidget(self.reset_button)
        self.hide()


class QueueTable(QTableView):
    reset_filters = Signal()  # «Сбросить фильтры» on the empty view

    def __init__(self, model: QueueModel, parent=None):
        super().__init__(parent)
        self.setObjectName("queueTable")
        self.nothing_found = NothingFound(self.viewport())
        self.nothing_found.reset_button.clicked.connect(self.reset_filters)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(False)
        self.setAlternatingRowColors(True)
        # Tab leaves the table for the next control (arrows move between rows and cells).
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)  # one line per row: a wrapped cell showed its first words
        # No row numbers. A visible row header would also cost: when a reset leaves it
        # scrolled past the new end, Qt paints every one of its sections (seconds at 250k).
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        # A queue nearly always scrolls; a scroll bar that comes and goes with the view would
        # narrow the viewport and cost one more paint of every cell when it comes.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COLUMN_INDEX["sla"], Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(COLUMN_INDEX["excerpt"], QHeaderView.ResizeMode.Stretch)
        for key, width in DEFAULT_WIDTHS.items():
            self.setColumnWidth(COLUMN_INDEX[key], width)

    def show_nothing_found(self, empty: bool, can_reset: bool = True) -> None:
        """The empty-view notice on (centred in the rows' area) or off; the reset link only
        when a filter or the search narrows the view."""
        notice = self.nothing_found
        for w in notice.findChildren(QWidget)[1:]:  # the dash and the link
            w.setVisible(can_reset)
        if empty:
            notice.adjustSize()
            area = self.viewport().rect()
            notice.move(
                max(0, (area.width() - notice.width()) // 2),
                max(0, min(area.height() // 3, area.height() - notice.height())),
            )
        notice.setVisible(empty)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.nothing_found.isVisible():
            self.show_nothing_found(True)

    def reset(self) -> None:
        super().reset()
        self.executeDelayedItemsLayout()  # one paint per new view, not two (module docstring)
