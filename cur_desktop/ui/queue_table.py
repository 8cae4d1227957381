"""The queue's table view, set up as the window shows it (the bench uses the same one).

One thing differs from a plain QTableView: after a model reset (every new view of the queue)
Qt paints the rows once, then lays the items out on a zero-timer and paints them all again.
At 20-30 ms of text rendering per paint that second paint is a fifth of the 100 ms budget of
an interaction (bench/ui_queue.py), so the layout is done at once and the rows painted once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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


class QueueTable(QTableView):
    def __init__(self, model: QueueModel, parent=None):
        super().__init__(parent)
        self.setObjectName("queueTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(False)
        self.setAlternatingRowColors(True)
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

    def reset(self) -> None:
        super().reset()
        self.executeDelayedItemsLayout()  # one paint per new view, not two (module docstring)
