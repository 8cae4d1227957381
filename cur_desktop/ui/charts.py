"""The analytics charts (QtCharts): a trend over days or weeks and horizontal bars with long
Russian labels. Sized fonts, no animation, no legend where one series says it all, so they stay
legible in a screenshot and on a projector."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from . import formats
from .plain_text import tooltip

ACCENT = QColor("#2b6cb0")
LABEL_CHARS = 38


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


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


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


class BarChart(_ChartView):
    """Horizontal bars, largest on top, each labelled with its value."""

    def set_bars(self, items: list[tuple[str, float]], *, share: bool = False) -> None:
        self._clear()
        chart = self.chart()
        items = list(reversed(items))  # QtCharts draws the first category at the bottom
        bars = QBarSet("")
        bars.setColor(ACCENT)
        bars.setLabelColor(QColor("#1a202c"))
        bars.setLabelFont(_font(8))
        for _label, value in items:
            bars.append(value * 100 if share else value)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value %" if share else "@value")
        series.setLabelsPrecision(3)
        series.setBarWidth(min(0.7, 0.15 * max(len(items), 1)))  # a few bars stay slim
        chart.addSeries(series)
        y = QBarCategoryAxis()
        # Equal labels would merge into one category: keep them apart with invisible spaces.
        seen: dict[str, int] = {}
        for label, _v in items:
            text = _short(label)
            seen[text] = seen.get(text, 0) + 1
            y.append([text + "\u200b" * (seen[text] - 1)])  # a bare str is split into letters
        y.setLabelsFont(_font(8))
        x = QValueAxis()
        x.setLabelFormat("%.0f")
        x.setLabelsFont(_font(8))
        top = max((v * 100 if share else v for _l, v in items), default=0)
        x.setRange(0, 100 if share else _nice_max(top * 1.15))
        x.setTickCount(6)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        lines = (
            f"{label}: {formats.percent(v) if share else formats.number(v)}"
            for label, v in reversed(items)
        )
        self.setToolTip(tooltip("\n".join(lines)))  # topic names come from the server
