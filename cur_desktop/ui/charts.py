"""The analytics charts (QtCharts): a trend over days or weeks and horizontal bars with long
Russian labels. Sized fonts, no animation, no legend where one series says it all, so they stay
legible in a screenshot and on a projector."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, QRect, QSize, Qt, QTime
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import formats
from .plain_text import tooltip

ACCENT = QColor("#2b6cb0")


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


def _nice_max(value: float) -> float:
    """An axis end a little above the largest value, on a round step."""
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value / step <= 8:
            return step * (int(value / step) + 1)
    return value * 1.1


class _ChartView(QChartView):
    def __init__(self, title: str, parent=None):
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(_font(10, bold=True))
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.setLocalizeNumbers(True)  # «23,9 %» in Russian, as in the tables
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def _clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)


class TrendChart(_ChartView):
    """Incidents per day or per week: one line with its points marked."""

    def set_points(self, points: list[tuple[date, int]], weekly: bool) -> None:
        self._clear()
        chart = self.chart()
        series = QLineSeries()
        series.setPen(QPen(ACCENT, 2.5))
        series.setPointsVisible(True)
        for day, count in points:
            moment = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
            series.append(moment.toMSecsSinceEpoch(), count)
        chart.addSeries(series)
        x = QDateTimeAxis()
        x.setFormat("dd.MM")
        x.setLabelsFont(_font(8))
        x.setTickCount(min(max(len(points), 2), 10 if not weekly else 8))
        if points:
            first, last = points[0][0], points[-1][0]
            x.setRange(
                QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
                QDateTime(QDate(last.year, last.month, last.day), QTime(23, 59)),
            )
        y = QValueAxis()
        y.setLabelFormat("%.0f")
        y.setLabelsFont(_font(8))
        y.setRange(0, _nice_max(max((c for _d, c in points), default=0)))
        y.applyNiceNumbers()  # ticks on round numbers (0, 20, 40…)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)


class _Bar(QWidget):
    """One bar with its value written after it; the longest bar of the chart fills the width
    left after the widest value."""

    def __init__(self, value: float, text: str, top: float, value_room: int, parent=None):
        super().__init__(parent)
        self.value, self.text, self.top, self.value_room = value, text, top, value_room
        self.setFont(_font(8))
        height = self.fontMetrics().height() + 6
        self.setMinimumSize(60 + value_room, height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200 + self.value_room, self.minimumHeight())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        room = max(self.width() - self.value_room - 6, 1)
        length = round(room * self.value / self.top) if self.top > 0 else 0
        bar = QRect(0, 3, max(length, 1 if self.value else 0), self.height() - 6)
        painter.fillRect(bar, ACCENT)
        painter.setPen(QColor("#1a202c"))
        text = QRect(bar.right() + 5, 0, self.value_room + 1, self.height())
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text, align, self.text)


class BarChart(QWidget):
    """Horizontal bars, largest on top, each with its whole name in a column beside it (the
    names wrap when the column is narrow, never cut to «…») and its value after the bar. Many
    bars scroll; QtCharts' category axis elided long names on a small screen."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("chartTitle")
        self.title.setFont(_font(10, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.rows = QWidget()
        self.rows.setObjectName("chartBars")
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.rows)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)
        self.setMinimumHeight(220)
        self.names: list[QLabel] = []

    def set_bars(self, items: list[tuple[str, float]], *, share: bool = False) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.names = []
        values = [v * 100 if share else v for _l, v in items]
        texts = [formats.percent(float(v)) if share else formats.number(v) for _l, v in items]
        top = 100 if share else max(values, default=0)
        metrics = QFontMetrics(_font(8))
        value_room = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 2
        for row, ((label, _v), value, text) in enumerate(zip(items, values, texts, strict=True)):
            name = QLabel(label)
            name.setObjectName("barName")
            name.setTextFormat(Qt.TextFormat.PlainText)  # topic names come from the server
            name.setFont(_font(8))
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.names.append(name)
            bar = _Bar(value, text, top, value_room)
            bar.setToolTip(tooltip(f"{label}: {text}"))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(bar, row, 1)
        self.grid.setRowStretch(len(items), 1)
        self._fit_names()
        lines = (f"{label}: {text}" for (label, _v), text in zip(items, texts, strict=True))
        self.setToolTip(tooltip("\n".join(lines)))

    def _fit_names(self) -> None:
        """The names' column as wide as the longest name, up to half of the chart: a longer
        name wraps."""
        widest = max((n.fontMetrics().horizontalAdvance(n.text()) for n in self.names), default=0)
        column = max(min(widest + 4, self.width() // 2), 40)
        self.grid.setColumnMinimumWidth(0, column if self.names else 0)
        for name in self.names:
            name.setMaximumWidth(column)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_names()
