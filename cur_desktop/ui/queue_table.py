"""The queue's table view, set up as the window shows it (the bench uses the same one).

One thing differs from a plain QTableView: after a model reset (every new view of the queue)
Qt paints the rows once, then lays the items out on a zero-timer and paints them all again.
At 20-30 ms of text rendering per paint that second paint is a fifth of the 100 ms budget of
an interaction (bench/ui_queue.py), so the layout is done at once and the rows painted once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .queue_model import COLUMN_INDEX, QueueModel

DEFAULT_WIDTHS = {
    "number": 130,
    "sla": 195,  # «✖ просрочено на 5 р.д. 5 ч» in full: the one column nobody may misread
    "status": 170,  # widened to the longest status label once the labels are known
    "importance": 80,
    "sector": 110,
    "municipality": 150,
    "channel": 100,
    "assignee": 150,
    "received": 110,
}
#: The citizen's text takes the width the other columns leave, but never less than this: on a
#: narrow table the columns after it scroll, the text stays readable.
TEXT_MIN_WIDTH = 300
_TEXT = COLUMN_INDEX["excerpt"]
_STATUS = COLUMN_INDEX["status"]


class NothingFound(QWidget):
    """«Ничего не найдено — Сбросить фильтры» over an empty view, so a blank table is not
    mistaken for a queue still loading, with the way back one click away; and, for a role whose
    work is elsewhere (the trainer's), a line saying where, with a button that goes there."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("nothingFound")
        self.label = QLabel(tr("Ничего не найдено"))
        self.dash = QLabel("—")
        self.reset_button = QPushButton(tr("Сбросить фильтры"))
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setFlat(True)
        self.reset_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reset_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.hint = QLabel()
        self.hint.setObjectName("emptyQueueHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint_button = QPushButton()
        self.hint_button.setObjectName("emptyQueueHintButton")
        self.hint_button.clicked.connect(lambda: self._hint_action and self._hint_action())
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.dash)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.hint_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(hint_row)
        self.set_hint("", "", None)
        self.hide()

    def set_hint(self, text: str, button: str, action) -> None:
        """A line under the notice and a button that calls `action`; empty text: none."""
        self.hint.setText(text)
        self.hint_button.setText(button)
        self._hint_action = action
        self.hint.setVisible(bool(text))
        self.hint_button.setVisible(bool(text) and action is not None)


class QueueTable(QTableView):
    reset_filters = Signal()  # «Сбросить фильтры» on the empty view

    def __init__(self, model: QueueModel, parent=None):
        super().__init__(parent)
        self._fitting = False
        self._status_fitted: tuple | None = None  # (labels, font) the status width was fit to
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
        for key, width in DEFAULT_WIDTHS.items():
            self.setColumnWidth(COLUMN_INDEX[key], width)
        # Not QHeaderView.Stretch: a stretched section shrinks to the minimum section size when
        # the others fill the view, and sits after them. The text's width is set by _fit_text.
        header.setSectionResizeMode(_TEXT, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        self.fit_columns()

    # --- column widths --------------------------------------------------------------------

    def fit_columns(self) -> None:
        """The status column as wide as its longest label (bold, as a changed row shows it), so
        no status is cut; then the text column takes what is left."""
        model = self.model()
        known = getattr(getattr(model, "labels", None), "statuses", {})  # another model: none
        labels = tuple(sorted(set(known.values())))
        key = (labels, self.font().toString())
        if key != self._status_fitted:
            self._status_fitted = key
            bold = QFont(self.font())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            title = (
                self.horizontalHeader()
                .fontMetrics()
                .horizontalAdvance(
                    str(model.headerData(_STATUS, Qt.Orientation.Horizontal)) if model else ""
                )
            )
            widest = max((metrics.horizontalAdvance(t) for t in labels), default=0)
            # the item's text margins, both sides, and a little air; the title's sort arrow
            width = max(widest + 2 * self.text_margin() + 8, title + 32)
            self.setColumnWidth(_STATUS, max(width, DEFAULT_WIDTHS["status"] // 2))
        self._fit_text()

    def text_margin(self) -> int:
        """The margin the item delegate leaves on each side of a cell's text."""
        style = self.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1

    def _fit_text(self) -> None:
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != _TEXT and not header.isSectionHidden(i)
        )
        width = max(TEXT_MIN_WIDTH, self.viewport().width() - others)
        if width != header.sectionSize(_TEXT):
            self._fitting = True
            try:
                header.resizeSection(_TEXT, width)
            finally:
                self._fitting = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        """Another column dragged wider or narrower: the text gives or takes the difference."""
        if not self._fitting and index != _TEXT:
            self._fit_text()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size was zoomed
            self.fit_columns()

    def show_nothing_found(self, empty: bool, can_reset: bool = True) -> None:
        """The empty-view notice on (centred in the rows' area) or off; the reset link only
        when a filter or the search narrows the view."""
        notice = self.nothing_found
        for w in (notice.dash, notice.reset_button):
            w.setVisible(can_reset)
        if empty:
            if notice.hint.text():  # room for the hint's words, within the rows' area
                notice.setFixedWidth(min(560, max(200, self.viewport().width() - 20)))
            notice.adjustSize()
            area = self.viewport().rect()
            notice.move(
                max(0, (area.width() - notice.width()) // 2),
                max(0, min(area.height() // 3, area.height() - notice.height())),
            )
        notice.setVisible(empty)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_text()
        if self.nothing_found.isVisible():
            self.show_nothing_found(True)

    def reset(self) -> None:
        super().reset()
        self.fit_columns()  # the reference (status labels) may have changed with the view
        self.executeDelayedItemsLayout()  # one paint per new view, not two (module docstring)
