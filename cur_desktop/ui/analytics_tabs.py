"""The analytics window's figure tabs: «Обзор» (totals, trend, top categories), «Секторы × МО»
(counts with their change) and «Сроки» (SLA by operator, agency, municipality). Each tab draws
one server `Summary`; names come from the cached reference data (`Labels`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models import analytics as a

from . import formats
from .analytics_tables import Column, FigureTable
from .charts import BarChart, TrendChart
from .i18n import QT_TR_NOOP, tr
from .labels import Labels, short_municipality

#: Bars in the SLA chart: the groups with the most incidents.
SLA_BARS = 15


def table_view(model: FigureTable, name: str, stretch: int | None = None) -> QTableView:
    """A read-only table; `stretch` is the column that takes the spare width (a name or a
    text), else the last one."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def topic(labels: Labels, category_id: int | None, sector: str) -> str:
    if category_id is not None and labels.category(category_id):
        return labels.category(category_id)
    return tr("{sector}: без рубрики").format(sector=labels.sector(sector))


class OverviewTab(QWidget):
    def __init__(self, labels: Labels, parent=None):
        super().__init__(parent)
        self.labels = labels
        self.summary: a.Summary | None = None
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        captions = [
            ("total", QT_TR_NOOP("Обращений за период")),
            ("change", QT_TR_NOOP("К предыдущему периоду")),
            ("overdue", QT_TR_NOOP("Просрочено сейчас")),
            ("compliance", QT_TR_NOOP("Первый ответ в срок")),
            ("median", QT_TR_NOOP("Медиана первого ответа")),
        ]
        for col, (key, caption) in enumerate(captions):
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 18pt; font-weight: 600;")
            grid.addWidget(value, 0, col)
            grid.addWidget(QLabel(tr(caption)), 1, col)
            self.figures[key] = value
        self.granularity = QComboBox()
        self.granularity.setObjectName("trendGranularity")
        self.granularity.addItem(tr("По дням"), "day")
        self.granularity.addItem(tr("По неделям"), "week")
        self.granularity.currentIndexChanged.connect(lambda _i: self._draw_trend())
        self.trend = TrendChart(tr("Обращения по дням"))
        self.categories_chart = BarChart(tr("Основные темы"))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.granularity, 0, Qt.AlignmentFlag.AlignLeft)
        lv.addWidget(self.trend, 1)
        charts = QSplitter()
        charts.addWidget(left)
        charts.addWidget(self.categories_chart)
        charts.setSizes([500, 500])

        self.by_day = FigureTable(
            tr("По дням"), [Column(tr("День"), "day"), Column(tr("Обращений"), "int")], self
        )
        self.by_week = FigureTable(
            tr("По неделям"),
            [
                Column(tr("Неделя с"), "day"),
                Column(tr("Дней в периоде"), "int"),
                Column(tr("Обращений"), "int"),
            ],
            self,
        )
        self.categories = FigureTable(
            tr("Основные темы"),
            [
                Column(tr("Тема"), "text"),
                Column(tr("Сфера"), "text"),
                Column(tr("Обращений"), "delta"),
            ],
            self,
        )
        self.categories_view = table_view(self.categories, "categoriesTable", stretch=0)
        # Answers sent back through the citizens' own channels (e-mail, messengers), queued in
        # the period: how many got there.
        self.deliveries = FigureTable(
            tr("Доставка ответов"),
            [
                Column(tr("Канал"), "text"),
                Column(tr("Доставлено"), "int"),
                Column(tr("В очереди"), "int"),
                Column(tr("Не доставлено"), "int"),
            ],
            self,
        )
        self.deliveries_view = table_view(self.deliveries, "deliveriesTable", stretch=0)
        self.deliveries_view.setToolTip(
            tr(
                "Ответы, отправленные в канал заявителя (почта, мессенджеры), поставленные "
                "в очередь за период: сколько доставлено, ждёт отправки и не доставлено."
            )
        )
        self.delivered = QLabel()
        self.delivered.setObjectName("deliveredFigure")
        self.delivered.setWordWrap(True)
        deliveries = QWidget()
        dv = QVBoxLayout(deliveries)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.delivered)
        dv.addWidget(self.deliveries_view, 1)
        bottom = QSplitter()
        bottom.addWidget(self.categories_view)
        bottom.addWidget(deliveries)
        bottom.setSizes([640, 360])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(bottom)
        split.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(split, 1)

    @staticmethod
    def _share(code: str, r: a.SlaRow) -> float | None:
        """The on-time share, or None («—», like any figure with nothing behind it) for the
        cases nobody holds: nobody answered them, so «0,0 %» would only blame no one."""
        if code == "operator" and r.id is None and not r.answered:
            return None
        return r.compliance

    def show_summary(self, s: a.Summary) -> None:
        self.summary = s
        change = s.total - s.total_previous
        self.figures["total"].setText(formats.number(s.total))
        ratio = (
            f" ({formats.signed(round(change * 100 / s.total_previous))} %)"
            if s.total_previous
            else ""
        )
        self.figures["change"].setText(formats.signed(change) + ratio)
        self.figures["overdue"].setText(formats.number(s.overdue_now))
        sla = s.sla_total
        self.figures["compliance"].setText(formats.percent(sla.compliance if sla else None))
        self.figures["median"].setText(
            formats.minutes(sla.median_first_answer_minutes if sla else None)
        )
        self.by_day.set_rows([[d.day, d.count] for d in s.by_day])
        self.by_week.set_rows([[w.week_start, w.days, w.count] for w in s.by_week])
        self.categories.set_rows(
            [
                [
                    topic(self.labels, t.category_id, t.sector),
                    self.labels.sector(t.sector),
                    (t.count, t.previous),
                ]
                for t in s.top_categories
            ]
        )
        self.categories_chart.set_bars(
            [(topic(self.labels, t.category_id, t.sector), t.count) for t in s.top_categories]
        )
        self._show_deliveries(s.deliveries)
        self._draw_trend()

    def _show_deliveries(self, rows: list[a.DeliveryCount]) -> None:
        table = [[self.labels.channel(r.channel), r.sent, r.queued, r.failed] for r in rows]
        sent, queued, failed = (sum(r[i] for r in table) for i in (1, 2, 3))
        if len(rows) > 1:
            table.append([tr("Все каналы"), sent, queued, failed])
        self.deliveries.set_rows(table)
        total = sent + queued + failed
        self.delivered.setText(
            tr("Ответов доставлено в каналы заявителей: {sent} из {total}").format(
                sent=formats.number(sent), total=formats.number(total)
            )
            if total
            else tr("Ответов в каналы заявителей за период не было")
        )

    def _draw_trend(self) -> None:
        if self.summary is None:
            return
        weekly = self.granularity.currentData() == "week"
        s = self.summary
        if weekly:
            self.trend.chart().setTitle(tr("Обращения по неделям (с понедельника)"))
            self.trend.set_points([(w.week_start, w.count) for w in s.by_week], weekly=True)
        else:
            self.trend.chart().setTitle(tr("Обращения по дням"))
            self.trend.set_points([(d.day, d.count) for d in s.by_day], weekly=False)

    def tables(self) -> list[FigureTable]:
        return [self.by_day, self.by_week, self.categories, self.deliveries]


class SectorsTab(QWidget):
    """Sectors as rows, municipalities as columns (busiest first), each cell a count with its
    change against the previous period; the first count column is the sector's total."""

    def __init__(self, labels: Labels, parent=None):
        super().__init__(parent)
        self.labels = labels
        self.matrix = FigureTable(tr("Сферы × МО"), [Column(tr("Сфера"))], self)
        self.municipality_ids: list[int] = []
        self.sectors: list[str] = []
        self.view = table_view(self.matrix, "sectorMatrix")
        self.view.horizontalHeader().setStretchLastSection(False)
        note = QLabel(tr("В ячейке: обращений за период (изменение к предыдущему периоду)."))
        note.setStyleSheet("color: #4a5568")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)

    def show_summary(self, s: a.Summary) -> None:
        cells: dict[tuple[str, int], tuple[int, int]] = {}
        for r in s.by_sector_municipality:
            count, prev = cells.get((r.sector, r.municipality_id), (0, 0))
            cells[(r.sector, r.municipality_id)] = (count + r.count, prev + r.previous)
        by_mun: dict[int, int] = {}
        by_sector: dict[str, int] = {}
        for (sector, mid), (count, _prev) in cells.items():
            by_mun[mid] = by_mun.get(mid, 0) + count
            by_sector[sector] = by_sector.get(sector, 0) + count
        self.municipality_ids = sorted(
            by_mun, key=lambda m: (-by_mun[m], self.labels.municipality(m))
        )
        self.sectors = sorted(by_sector, key=lambda x: (-by_sector[x], self.labels.sector(x)))
        columns = [Column(tr("Сфера")), Column(tr("Всего"), "delta")]
        columns += [
            Column(name, "delta", short_municipality(name))
            for name in map(self.labels.municipality, self.municipality_ids)
        ]
        rows = []
        for sector in [*self.sectors, None]:
            row_cells = [_sum(cells, sector, m) for m in self.municipality_ids]
            total = (sum(c for c, _ in row_cells), sum(p for _, p in row_cells))
            name = self.labels.sector(sector) if sector else tr("Итого")
            rows.append([name, total, *row_cells])
        self.matrix.set_columns(columns, rows)
        self.matrix.keys = [*self.sectors, None]

    def cell(self, sector: str | None, municipality_id: int | None) -> tuple[int, int]:
        """(count, previous) shown for a sector (None: the total row) and a municipality
        (None: the total column)."""
        row = [*self.sectors, None].index(sector)
        col = 1 if municipality_id is None else 2 + self.municipality_ids.index(municipality_id)
        return self.matrix.value(row, col)

    def tables(self) -> list[FigureTable]:
        return [self.matrix]


def _sum(cells: dict, sector: str | None, mid: int) -> tuple[int, int]:
    if sector is not None:
        return cells.get((sector, mid), (0, 0))
    pairs = [v for (_s, m), v in cells.items() if m == mid]
    return (sum(c for c, _ in pairs), sum(p for _, p in pairs))


SLA_GROUPS = [
    ("operator", QT_TR_NOOP("По операторам")),
    ("agency", QT_TR_NOOP("По ведомствам")),
    ("municipality", QT_TR_NOOP("По МО")),
]


class SlaTab(QWidget):
    def __init__(self, labels: Labels, parent=None):
        super().__init__(parent)
        self.labels = labels
        self.summary: a.Summary | None = None
        self.models: dict[str, FigureTable] = {}
        self.group = QComboBox()
        self.group.setObjectName("slaGroup")
        for code, caption in SLA_GROUPS:
            self.group.addItem(tr(caption), code)
            self.models[code] = FigureTable(
                tr("Сроки: ") + tr(caption).lower(), self._columns(code), self
            )
        # Names take the width they need (never «…»): the last figure takes the spare width.
        self.view = table_view(self.models["operator"], "slaTable")
        self.chart = BarChart(tr("Первый ответ в срок, %"))
        self.group.currentIndexChanged.connect(lambda _i: self._switch())
        note = QLabel(
            tr(
                "Доля в срок: первые ответы до срока среди отвеченных и просроченных; "
                "неотвеченные, у которых срок ещё не истёк, не учитываются."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568")
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setSizes([600, 400])
        top = QHBoxLayout()
        top.addWidget(self.group)
        top.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    @staticmethod
    def _columns(code: str) -> list[Column]:
        first = {
            "operator": QT_TR_NOOP("Оператор"),
            "agency": QT_TR_NOOP("Ведомство"),
            "municipality": QT_TR_NOOP("МО"),
        }[code]
        return [
            Column(tr(first)),
            Column(tr("Обращений"), "int"),
            Column(tr("Отвечено"), "int"),
            Column(tr("В срок"), "int"),
            Column(tr("Просрочено"), "int"),
            Column(tr("Доля в срок"), "share"),
            Column(tr("Медиана первого ответа"), "minutes"),
        ]

    def _name(self, code: str, row_id: int | None) -> str:
        if code == "operator":
            return self.labels.user(row_id) if row_id is not None else tr("Без исполнителя")
        if code == "agency":
            return self.labels.agency(row_id) if row_id is not None else tr("Не направлено")
        return self.labels.municipality(row_id)

    @staticmethod
    def _share(code: str, r: a.SlaRow) -> float | None:
        """The on-time share, or None («—», like any figure with nothing behind it) for the
        cases nobody holds: nobody answered them, so «0,0 %» would only blame no one."""
        if code == "operator" and r.id is None and not r.answered:
            return None
        return r.compliance

    def show_summary(self, s: a.Summary) -> None:
        self.summary = s
        groups = {
            "operator": s.sla_by_operator,
            "agency": s.sla_by_agency,
            "municipality": s.sla_by_municipality,
        }
        for code, items in groups.items():
            ordered = sorted(items, key=lambda r: -r.incidents)
            self.models[code].set_rows(
                [
                    [
                        self._name(code, r.id),
                        r.incidents,
                        r.answered,
                        r.answered_on_time,
                        r.overdue,
                        self._share(code, r),
                        r.median_first_answer_minutes,
                    ]
                    for r in ordered
                ],
                [r.id for r in ordered],
            )
        self._switch()

    def _switch(self) -> None:
        model = self.models[self.group.currentData()]
        self.view.setModel(model)
        bars = [(row[0], row[5]) for row in model.rows[:SLA_BARS] if row[5] is not None]
        self.chart.set_bars(bars, share=True)

    def tables(self) -> list[FigureTable]:
        return list(self.models.values())
