"""«Ответить всем шаблоном»: the dialog that answers every incident of a cluster with one
template. The supervisor picks the kind, the template and one promised date (for every
incident's {deadline_date}: neighbours in one building get one date, not each its own SLA due
date, some of them already past), sees every incident's own text (its
placeholders filled) and which ones will be skipped and why, and sends them all with one press:
one local transaction (`sync/bulk_reply.py`), pushed by the engine like any other work.

Rendering and checking run in the db thread; the dialog is opened with `open()`, never
`exec()`, so the event loop keeps running under it."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models import analytics as a
from cur_desktop.models.reply_fill import rank_templates
from cur_desktop.sync.bulk_reply import PlannedReply, plan_replies, send_replies
from cur_desktop.sync.outbox import InvalidAction
from cur_desktop.sync.workspace import Workspace

from . import formats
from .aio import in_db, spawn
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .plain_text import shown, tooltip
from .problem_text import problem_text

KINDS = [
    ("interim", QT_TR_NOOP("Промежуточный")),
    ("final", QT_TR_NOOP("Окончательный")),
]
TemplateRole = Qt.ItemDataRole.UserRole + 1


class ClusterReplyDialog(QDialog):
    previewed = Signal()  # a preview is on screen (tests wait for it)
    sent = Signal(int, int)  # replies queued, incidents skipped
    failed = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        labels: Labels,
        templates: list[dict[str, Any]],
        cluster: a.Cluster,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("clusterReplyDialog")
        self.ws, self.labels, self.cluster = ws, labels, cluster
        self.ids = list(cluster.incident_ids)
        self.templates = [t for t in templates if t.get("active", True)]
        self.plan: list[PlannedReply] = []
        self.planned_for: int | None = None  # the template of the preview on screen
        self._generation = 0
        self.setWindowTitle(
            tr("Ответить всем обращениям группы ({n})").format(n=formats.number(len(self.ids)))
        )

        self.kind = QComboBox()
        self.kind.setObjectName("clusterReplyKind")
        for code, caption in KINDS:
            self.kind.addItem(tr(caption), code)
        self.kind.currentIndexChanged.connect(self._fill_templates)
        self.template_list = QListWidget()
        self.template_list.setObjectName("clusterReplyTemplates")
        self.template_list.currentItemChanged.connect(lambda *_: self.preview())
        today = ws.clock.today()
        self.deadline = QDateEdit(QDate(today.year, today.month, today.day))
        self.deadline.setObjectName("clusterReplyDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd.MM.yyyy")
        self.deadline.setMinimumDate(QDate(today.year, today.month, today.day))
        self.deadline.setToolTip(tr("Этот срок получат все ответы группы"))
        self.deadline.dateChanged.connect(lambda *_: self.preview())
        self.deadline_text = ""
        self.template_text = QLabel()
        self.template_text.setWordWrap(True)
        self.template_text.setTextFormat(Qt.TextFormat.PlainText)
        self.template_text.setStyleSheet("color: #4a5568")

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("clusterReplyPreview")
        self.table.setHorizontalHeaderLabels([tr("Номер"), tr("Текст ответа"), tr("Замечания")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 280)
        self.summary = QLabel()
        self.summary.setObjectName("clusterReplySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        # An action button, not an accepting one: QDialogButtonBox makes its first accepting
        # button the default, and Enter must not answer thirty citizens; a press asks first.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton(tr("Отправить ответы"))
        self.send_button.setObjectName("sendClusterReplies")
        self.send_button.setEnabled(False)
        self.send_button.setAutoDefault(False)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.clicked.connect(self.send_all)
        self.confirm_box: QMessageBox | None = None
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Отмена"))
        cancel.setAutoDefault(False)  # nor does Enter throw the choices away
        self.buttons.rejected.connect(self.reject)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Вид ответа:")))
        row.addWidget(self.kind, 1)
        lv.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Срок для всех ответов:")))
        row.addWidget(self.deadline, 1)
        lv.addLayout(row)
        lv.addWidget(QLabel(tr("Шаблон:")))
        lv.addWidget(self.template_list, 1)
        lv.addWidget(self.template_text)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.table)
        split.setSizes([320, 780])
        key = QLabel(tr("Группа: {key}").format(key=shown(" ".join(cluster.key.split())[:160])))
        key.setTextFormat(Qt.TextFormat.PlainText)
        key.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(key)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1120, 620)
        self._fill_templates()

    # --- choosing ---------------------------------------------------------------------------

    @property
    def kind_code(self) -> str:
        return self.kind.currentData()

    def template(self) -> dict[str, Any] | None:
        item = self.template_list.currentItem()
        return item.data(TemplateRole) if item is not None else None

    def _fill_templates(self) -> None:
        """Templates of the kind and the cluster's sector, most alike to the cluster first."""
        self.template_list.blockSignals(True)
        self.template_list.clear()
        sector = self.cluster.sector
        fitting = [
            t
            for t in self.templates
            if t["kind"] == self.kind_code and (sector is None or t.get("sector") in (None, sector))
        ]
        for _score, t in rank_templates(fitting, self.cluster.key):
            item = QListWidgetItem(t["title"])
            item.setData(TemplateRole, t)
            item.setToolTip(tooltip(t["text"]))
            self.template_list.addItem(item)
        self.template_list.blockSignals(False)
        if self.template_list.count():
            self.template_list.setCurrentRow(0)
        else:
            self.preview()

    def select_template(self, template_id: int) -> bool:
        for row in range(self.template_list.count()):
            if self.template_list.item(row).data(TemplateRole)["id"] == template_id:
                self.template_list.setCurrentRow(row)
                return True
        return False

    # --- preview ----------------------------------------------------------------------------

    def values_for(self, row) -> dict[str, str | None]:
        """An incident's placeholders (called in the db thread: plain lookups only), with the
        one date chosen for the whole group as {deadline_date}."""
        values = self.labels.placeholders(row, self.ws.user.full_name)
        values["deadline_date"] = self.deadline_text
        return values

    def _take_deadline(self) -> None:
        """Read the picker in the UI thread; `values_for` runs in the db thread."""
        self.deadline_text = self.deadline.date().toString("dd.MM.yyyy")

    def preview(self) -> None:
        spawn(self.refresh_preview(), what="cluster reply preview")

    async def refresh_preview(self) -> None:
        self._generation += 1
        mine = self._generation
        self._take_deadline()
        template = self.template()
        self.send_button.setEnabled(False)
        if template is None:
            self.plan, self.planned_for = [], None
            self.template_text.setText(tr("Нет шаблонов этого вида для группы."))
            self._show([])
            return
        self.template_text.setText(shown(template["text"]))
        today = self.ws.clock.today()
        plan = await in_db(
            partial(plan_replies, today=today), self.ws.store, self.ids, template, self.values_for
        )
        if mine != self._generation:
            return  # another template was chosen meanwhile
        self.plan, self.planned_for = plan, template["id"]
        self._show(plan)

    def _show(self, plan: list[PlannedReply]) -> None:
        self.table.setRowCount(len(plan))
        for row, p in enumerate(plan):
            notes = [("✖ " + problem_text(m)) for m in p.problems]
            notes += [("⚠ " + problem_text(m)) for m in p.warnings]
            items = [
                QTableWidgetItem(p.number),
                QTableWidgetItem(p.text),
                QTableWidgetItem("\n".join(notes) if notes else tr("✔ будет отправлен")),
            ]
            for col, item in enumerate(items):
                if not p.ok:
                    item.setForeground(QColor("#8a8a8a" if col < 2 else "#b0003a"))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        ready = sum(1 for p in plan if p.ok)
        skipped = len(plan) - ready
        text = tr("Будет отправлено ответов: {n}.").format(n=formats.number(ready))
        if skipped:
            text += " " + tr("Пропущено: {m} (причины в таблице).").format(
                m=formats.number(skipped)
            )
        self.summary.setText(text)
        self.send_button.setText(tr("Отправить ответы ({n})").format(n=formats.number(ready)))
        self.send_button.setEnabled(ready > 0)
        self.previewed.emit()

    # --- sending ----------------------------------------------------------------------------

    def send_all(self) -> None:
        """Ask before sending: how many citizens get an answer, and that it cannot be undone."""
        template = self.template()
        ready = sum(1 for p in self.plan if p.ok)
        if template is None or not ready:
            return
        if self.confirm_box is not None and self.confirm_box.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Отправить ответы"),
            tr("Отправить ответы гражданам: {n}? Отозвать их после публикации нельзя.").format(
                n=formats.number(ready)
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirmClusterReplies")
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(
            tr("Отправить ({n})").format(n=formats.number(ready)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        no = box.addButton(tr("Отмена"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        yes.clicked.connect(self._confirmed)
        self.confirm_box = box
        box.open()

    def _confirmed(self) -> None:
        template = self.template()
        if template is None or not any(p.ok for p in self.plan):
            return
        self.send_button.setEnabled(False)  # one press, one action
        self._take_deadline()
        spawn(self.send(template), what="cluster replies")

    async def send(self, template: dict[str, Any]) -> bool:
        try:
            send = partial(send_replies, today=self.ws.clock.today())
            done = await in_db(send, self.ws.actions, self.ids, template, self.values_for)
        except InvalidAction as exc:
            self.summary.setText(problem_text(exc))
            self.failed.emit(problem_text(exc))
            return False
        self.sent.emit(len(done.sent), len(done.skipped))
        self.accept()
        return True
