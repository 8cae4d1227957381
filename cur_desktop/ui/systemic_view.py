"""«Системные проблемы»: the server's spikes and clusters with the rule each was found by, the
incidents behind the selected one (from the local cache), and handling them together: open one
in the main window, route a whole cluster to one agency as one action, or answer all of its
incidents with one template (`cluster_reply.py`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models import analytics as a
from cur_desktop.models.domain import APPROVER_ROLES
from cur_desktop.sync.outbox import InvalidAction
from cur_desktop.sync.workspace import Workspace

from . import formats
from .aio import in_db, spawn
from .analytics_source import incidents_by_ids, incidents_of_week, route_many
from .analytics_tables import Column, FigureTable
from .analytics_tabs import table_view, topic
from .cluster_reply import ClusterReplyDialog
from .dialogs import FormDialog
from .i18n import QT_TR_NOOP, in_russian, tr
from .incident_dialogs import agency_choice
from .labels import Labels
from .plain_text import plain_label, shown
from .problem_text import problem_text

_KINDS = {"address": QT_TR_NOOP("Адрес"), "text": QT_TR_NOOP("Текст")}


def spike_rule_text(report: a.SpikeReport) -> str:
    """The server words the rule in Russian; in another language it is worded here."""
    if in_russian():
        return report.rule
    return tr(
        "Всплеск: за неделю (с понедельника) не меньше {min_count} обращений одной рубрики в "
        "одном МО и в {factor} раза больше среднего за {weeks} пред. недель"
    ).format(
        min_count=report.min_count,
        factor=formats.number(report.factor),
        weeks=report.baseline_weeks,
    )


def cluster_rule_text(report: a.ClusterReport) -> str:
    if in_russian():
        return report.rule
    return tr(
        "Группа: не меньше {min_size} обращений за период в одном МО с одним адресом в одной "
        "отрасли или с одинаковым текстом"
    ).format(min_size=report.min_size)


def _rule_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #4a5568")
    return label


class SystemicTab(QWidget):
    open_incident = Signal(int)
    message = Signal(str)  # a line for the window's status area
    routed = Signal(int)  # incidents routed in one action (tests wait for it)
    replied = Signal(int, int)  # replies queued in one action, incidents skipped

    def __init__(self, ws: Workspace, labels: Labels, reference, parent=None):
        super().__init__(parent)
        self.ws, self.labels, self.reference = ws, labels, reference
        self.period: a.Period | None = None
        self.route_dialog: FormDialog | None = None
        self.reply_dialog: ClusterReplyDialog | None = None
        self.spike_rule = _rule_label()
        self.spikes = FigureTable(
            tr("Всплески"),
            [
                Column(tr("МО")),
                Column(tr("Тема")),
                Column(tr("Неделя с"), "day"),
                Column(tr("Обращений"), "int"),
                Column(tr("Обычно в неделю"), "float"),
                Column(tr("Рост"), "ratio"),
            ],
            self,
        )
        self.spikes_view = table_view(self.spikes, "spikesTable", stretch=1)
        self.cluster_rule = _rule_label()
        self.clusters = FigureTable(
            tr("Группы похожих"),
            [
                Column(tr("Признак")),
                Column(tr("МО")),
                Column(tr("Адрес или текст")),
                Column(tr("Обращений"), "int"),
                Column(tr("Открыто"), "int"),
                Column(tr("Первое"), "text"),
                Column(tr("Последнее"), "text"),
            ],
            self,
        )
        self.clusters_view = table_view(self.clusters, "clustersTable", stretch=2)
        self.route_button = QPushButton(tr("Направить все…"))
        self.route_button.setObjectName("routeCluster")
        self.route_button.setToolTip(tr("Направить все обращения группы в одно ведомство"))
        self.route_button.setEnabled(False)
        self.route_button.clicked.connect(self.ask_route)
        # Only leads act on incidents others hold; the server checks it again.
        self.route_button.setVisible(ws.user.role in APPROVER_ROLES)
        self.reply_button = QPushButton(tr("Ответить всем шаблоном…"))
        self.reply_button.setObjectName("replyCluster")
        self.reply_button.setToolTip(
            tr("Ответить на каждое обращение группы по одному шаблону, с его данными")
        )
        self.reply_button.setEnabled(False)
        self.reply_button.clicked.connect(self.ask_reply)
        self.reply_button.setVisible(ws.user.role in APPROVER_ROLES)

        self.behind = FigureTable(
            tr("Обращения"),
            [
                Column(tr("Номер")),
                Column(tr("Получено"), "text"),
                Column(tr("Статус")),
                Column(tr("Ведомство")),
                Column(tr("Текст")),
            ],
            self,
        )
        self.behind_view = table_view(self.behind, "behindTable", stretch=4)
        self.behind_view.doubleClicked.connect(lambda _i: self._open_selected())
        self.behind_caption = plain_label(
            tr("Выберите всплеск или группу, чтобы увидеть обращения.")
        )
        self.open_button = QPushButton(tr("Открыть в главном окне"))
        self.open_button.setObjectName("openIncident")
        self.open_button.clicked.connect(self._open_selected)

        spikes_box = QGroupBox(tr("Всплески"))
        sv = QVBoxLayout(spikes_box)
        sv.addWidget(self.spike_rule)
        sv.addWidget(self.spikes_view, 1)
        clusters_box = QGroupBox(tr("Группы похожих обращений"))
        cv = QVBoxLayout(clusters_box)
        cv.addWidget(self.cluster_rule)
        cv.addWidget(self.clusters_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reply_button)
        row.addWidget(self.route_button)
        cv.addLayout(row)
        behind_box = QWidget()
        bv = QVBoxLayout(behind_box)
        bv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.behind_caption, 1)
        top.addWidget(self.open_button)
        bv.addLayout(top)
        bv.addWidget(self.behind_view, 1)
        for view in (self.spikes_view, self.clusters_view):
            # Municipality names are long: a fixed, user-resizable width leaves room for topics.
            column = 0 if view is self.spikes_view else 1
            view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, 230)
            view.setWordWrap(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(spikes_box)
        split.addWidget(clusters_box)
        split.addWidget(behind_box)
        split.setSizes([220, 300, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.spikes_view.selectionModel().currentRowChanged.connect(self._spike_chosen)
        self.clusters_view.selectionModel().currentRowChanged.connect(self._cluster_chosen)

    def show_reports(self, spikes: a.SpikeReport, clusters: a.ClusterReport) -> None:
        lb = self.labels
        self.period = spikes.period
        self.spike_rule.setText(spike_rule_text(spikes))
        self.cluster_rule.setText(cluster_rule_text(clusters))
        self.spikes.set_rows(
            [
                [
                    lb.municipality(s.municipality_id),
                    topic(lb, s.category_id, s.sector),
                    s.week_start,
                    s.count,
                    s.baseline,
                    s.ratio,
                ]
                for s in spikes.items
            ],
            list(spikes.items),
        )
        self.clusters.set_rows(
            [
                [
                    tr(_KINDS.get(c.kind, c.kind)),
                    lb.municipality(c.municipality_id),
                    c.key,
                    c.count,
                    c.open_count,
                    formats.date_time(int(c.first_received_at.timestamp())),
                    formats.date_time(int(c.last_received_at.timestamp())),
                ]
                for c in clusters.items
            ],
            list(clusters.items),
        )
        self.behind.set_rows([])
        self.route_button.setEnabled(False)
        self.reply_button.setEnabled(False)

    def tables(self) -> list[FigureTable]:
        return [self.spikes, self.clusters]

    # --- the incidents behind ---------------------------------------------------------------

    def _spike_chosen(self, current, _previous=None) -> None:
        spike: a.Spike | None = self.spikes.key(current.row())
        if spike is None or self.period is None:
            return
        self.clusters_view.clearSelection()
        self.route_button.setEnabled(False)
        self.reply_button.setEnabled(False)
        caption = tr("Всплеск: {mun}, {topic}, неделя с {week}").format(
            mun=self.labels.municipality(spike.municipality_id),
            topic=topic(self.labels, spike.category_id, spike.sector),
            week=formats.day(spike.week_start),
        )
        spawn(
            self._list(
                caption,
                incidents_of_week,
                self.ws.store,
                spike.municipality_id,
                spike.sector,
                spike.category_id,
                spike.week_start,
                self.period.utc_offset_minutes,
            ),
            what="spike incidents",
        )

    def _cluster_chosen(self, current, _previous=None) -> None:
        cluster: a.Cluster | None = self.clusters.key(current.row())
        self.route_button.setEnabled(cluster is not None)
        self.reply_button.setEnabled(cluster is not None)
        if cluster is None:
            return
        caption = tr("Группа: {key}").format(key=" ".join(cluster.key.split())[:120])
        spawn(
            self._list(caption, incidents_by_ids, self.ws.store, list(cluster.incident_ids)),
            what="cluster incidents",
        )

    async def _list(self, caption: str, fn, *args: Any) -> None:
        rows = await in_db(fn, *args)
        lb = self.labels
        self.behind_caption.setText(
            shown(caption) + " — " + tr("обращений в кэше: {n}").format(n=formats.number(len(rows)))
        )
        self.behind.set_rows(
            [
                [
                    r["number"],
                    formats.date_time(r["received_at"]),
                    lb.status(r["status"]),
                    lb.agency(r["agency_id"]) or "—",
                    r["text"],
                ]
                for r in rows
            ],
            [r["id"] for r in rows],
        )

    def _open_selected(self) -> None:
        incident_id = self.behind.key(self.behind_view.currentIndex().row())
        if incident_id is not None:
            self.open_incident.emit(incident_id)

    # --- routing a cluster ------------------------------------------------------------------

    def current_cluster(self) -> a.Cluster | None:
        return self.clusters.key(self.clusters_view.currentIndex().row())

    def ask_route(self) -> None:
        """Ask for the agency with a non-blocking dialog (never exec() under the loop)."""
        cluster = self.current_cluster()
        if cluster is None:
            return
        d = FormDialog(
            tr("Направить все обращения группы ({n})").format(n=formats.number(cluster.count)),
            self,
        )
        agency_choice(d, self.reference, cluster.sector, cluster.municipality_id)
        d.text("note", tr("Комментарий"))
        d.form.addRow(d.error)
        d.form.addRow(d.buttons)
        ids = list(cluster.incident_ids)

        def accepted() -> None:
            v = d.values()
            if v["agency_id"] is not None:
                spawn(self.route(ids, v["agency_id"], v["note"]), what="route cluster")

        d.accepted.connect(accepted)
        d.finished.connect(d.deleteLater)
        self.route_dialog = d
        d.open()

    async def route(self, ids: list[int], agency_id: int, note: str | None) -> bool:
        try:
            done = await in_db(route_many, self.ws.actions, ids, agency_id, note)
        except InvalidAction as exc:
            self.message.emit(problem_text(exc))
            return False
        text = tr("Направлено обращений: {n}; уйдут на сервер при синхронизации.").format(
            n=formats.number(len(done.routed))
        )
        if done.skipped:
            text += " " + tr("Пропущено (уже с ответом, закрыто или уже там): {n}.").format(
                n=formats.number(len(done.skipped))
            )
        self.message.emit(text)
        self.routed.emit(len(done.routed))
        return True

    # --- one template for a cluster ---------------------------------------------------------

    def ask_reply(self) -> None:
        cluster = self.current_cluster()
        if cluster is None:
            return
        reference = self.reference
        templates = [t.model_dump(mode="json") for t in reference.templates] if reference else []
        d = ClusterReplyDialog(self.ws, self.labels, templates, cluster, self)
        d.sent.connect(self._replied)
        d.finished.connect(d.deleteLater)
        self.reply_dialog = d
        d.open()

    def _replied(self, sent: int, skipped: int) -> None:
        text = tr("Ответов поставлено в очередь: {n}; уйдут на сервер при синхронизации.").format(
            n=formats.number(sent)
        )
        if skipped:
            text += " " + tr("Пропущено: {m}.").format(m=formats.number(skipped))
        self.message.emit(text)
        self.replied.emit(sent, skipped)
        cluster = self.current_cluster()
        if cluster is not None:  # the statuses in the list below have changed
            self._cluster_chosen(self.clusters_view.currentIndex())
