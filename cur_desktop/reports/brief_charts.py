"""The brief's charts as reportlab drawings: topics as bars (this period against the previous
one), incidents by day as a line."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .brief import Count
from .fonts import REGULAR

CURRENT = colors.HexColor("#2f6db5")
PREVIOUS = colors.HexColor("#b9c9de")
LABEL_CHARS = 42


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _nice_max(value: int) -> int:
    """An axis end a little above the data, on a round step, so bars never touch the edge."""
    top = max(value, 1)
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return (top // step + 1) * step
    return top + top // 8


def topics_chart(topics: list[Count], width: float) -> Drawing:
    rows = list(reversed(topics))  # the chart draws upwards: the largest topic goes on top
    bar_block = 22
    height = bar_block * len(rows) + 48
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 190, 28
    chart.width, chart.height = width - 205, bar_block * len(rows)
    chart.data = [[t.count for t in rows], [t.previous for t in rows]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = CURRENT, PREVIOUS
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 1, 6
    chart.categoryAxis.categoryNames = [_short(t.name) for t in rows]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(chart.data[0] + chart.data[1], default=1))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(_legend(chart.x, height - 2))
    return d


def _legend(x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.dxTextSpace = 4
    legend.columnMaximum = 1
    legend.deltax = 110
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(CURRENT, "за период"), (PREVIOUS, "за предыдущий период")]
    return legend


def day_chart(by_day: list[tuple[date, int]], width: float, height: float = 150) -> Drawing:
    d = Drawing(width, height)
    if not by_day:
        d.add(String(0, height / 2, "Нет данных", fontName=REGULAR, fontSize=8))
        return d
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 40, height - 45
    chart.data = [[n for _, n in by_day]]
    chart.lines[0].strokeColor = CURRENT
    chart.lines[0].strokeWidth = 1.5
    every = -(-len(by_day) // 10)  # at most ten date labels: they must not overlap
    chart.categoryAxis.categoryNames = [
        day.strftime("%d.%m") if i % every == 0 else "" for i, (day, _) in enumerate(by_day)
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(chart.data[0]))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e3e3")
    if len(by_day) <= 45:
        chart.joinedLines = 1
        chart.lines[0].symbol = None
    d.add(chart)
    return d
