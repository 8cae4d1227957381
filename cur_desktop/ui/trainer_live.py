"""The trainer's live view: each trainee's incidents with status, SLA state, the replies they
sent and the one they are writing now («пишет: …», from the trainee's presence heartbeat), or
left unsent when they moved on («не отправлено: …»). Plain text throughout: trainees write it,
and it is shown as written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTreeWidget, QTreeWidgetItem

from cur_desktop.models.domain import APPROVAL_LABELS, REPLY_KIND_LABELS
from cur_desktop.models.training import DraftView, IncidentView, LiveView, SlaState

from .i18n import QT_TR_NOOP, tr
from .plain_text import shown, tooltip
from .presence import short_name

SLA_LABELS = {
    SlaState.RUNNING: QT_TR_NOOP("идёт"),
    SlaState.AT_RISK: QT_TR_NOOP("под угрозой"),
    SlaState.OVERDUE: QT_TR_NOOP("просрочено"),
    SlaState.MET: QT_TR_NOOP("в срок"),
    SlaState.MISSED: QT_TR_NOOP("с нарушением"),
}
SLA_COLOURS = {SlaState.AT_RISK: "#b36b00", SlaState.OVERDUE: "#b0003a", SlaState.MISSED: "#b0003a"}
COLUMNS = (
    QT_TR_NOOP("Обращение"),
    QT_TR_NOOP("Статус"),
    QT_TR_NOOP("Важность"),
    QT_TR_NOOP("Срок"),
    QT_TR_NOOP("Поступило, мин"),
    QT_TR_NOOP("Ответов"),
    QT_TR_NOOP("Черновик ответа"),
)
ID_ROLE = Qt.ItemDataRole.UserRole
DRAFT_COLUMN = len(COLUMNS) - 1
#: Characters of a draft shown in the tree; the whole text is in the pane below.
PREVIEW_CHARS = 80
DRAFT_COLOUR = "#8a4b00"
#: A draft its author left unsent for another incident: there, but nobody is writing it.
LEFT_DRAFT_COLOUR = "#6b6b6b"


def draft_preview(draft: DraftView, own: bool) -> str:
    """«пишет: Здравствуйте! Управляющая…» — the draft on one line, cut; the author's name when
    the row is not under their own name; «не отправлено» when they left it."""
    text = " ".join(draft.text.split())
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1] + "…"
    if draft.writing_now:
        if own:
            return tr("пишет: {0}").format(text)
        return tr("{0} пишет: {1}").format(short_name(draft.full_name), text)
    if own:
        return tr("не отправлено: {0}").format(text)
    return tr("{0}, не отправлено: {1}").format(short_name(draft.full_name), text)


class LiveViewPanel(QSplitter):
    def __init__(self, labels=None, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.labels = labels
        self.view: LiveView | None = None
        self.incidents: dict[int, IncidentView] = {}
        self.tree = QTreeWidget()
        self.tree.setObjectName("trainerLiveTree")
        self.tree.setHeaderLabels([tr(c) for c in COLUMNS])
        self.tree.setColumnWidth(0, 260)
        for column, width in ((1, 120), (2, 80), (3, 110), (4, 110), (5, 70)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(lambda *_: self._show_replies())
        self.replies = QPlainTextEdit()
        self.replies.setObjectName("trainerReplies")
        self.replies.setReadOnly(True)
        self.replies.setPlaceholderText(tr("Выберите обращение, чтобы увидеть ответы слушателя"))
        self.addWidget(self.tree)
        self.addWidget(self.replies)
        self.setSizes([420, 200])

    def _status(self, code: str) -> str:
        return self.labels.status(code) if self.labels else code

    def set_view(self, view: LiveView) -> None:
        """Rebuild the tree, keeping the chosen incident and which trainees are folded."""
        current = self.tree.currentItem()
        chosen = current.data(0, ID_ROLE) if current else None
        folded = {
            self.tree.topLevelItem(i).data(0, ID_ROLE)
            for i in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(i).isExpanded()
        }
        self.view = view
        self.incidents = {}
        self.tree.clear()
        groups = [
            (
                ("trainee", t.user_id),
                f"{shown(t.full_name)} ({t.username}) — "
                + tr("взято {0}, отвечено {1}, направлено {2}, просрочено {3}").format(
                    t.claimed, t.answered, t.routed, t.overdue
                ),
                t.incidents,
            )
            for t in view.trainees
        ]
        groups.append((("unassigned", 0), tr("Без исполнителя"), view.unassigned))
        select = None
        for key, caption, incidents in groups:
            top = QTreeWidgetItem([caption])
            top.setData(0, ID_ROLE, key)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            for inc in incidents:
                item = self._row(inc, key[1])
                top.addChild(item)
                if inc.id == chosen:
                    select = item
            top.setExpanded(key not in folded)
            top.setFirstColumnSpanned(True)
        if select is not None:
            self.tree.setCurrentItem(select)
        self._show_replies()

    def _row(self, inc: IncidentView, trainee_id: int) -> QTreeWidgetItem:
        self.incidents[inc.id] = inc
        importance = tr("высокая") if inc.importance == "high" else tr("обычная")
        item = QTreeWidgetItem(
            [
                inc.number,
                self._status(inc.status),
                importance,
                tr(SLA_LABELS[inc.sla]),
                f"{inc.released_minute:.0f}",
                str(len(inc.replies)),
                shown("; ".join(draft_preview(d, d.user_id == trainee_id) for d in inc.drafts)),
            ]
        )
        item.setData(0, ID_ROLE, inc.id)
        if inc.drafts:
            writing = any(d.writing_now for d in inc.drafts)
            colour = DRAFT_COLOUR if writing else LEFT_DRAFT_COLOUR
            item.setForeground(DRAFT_COLUMN, QBrush(QColor(colour)))
            item.setToolTip(DRAFT_COLUMN, tooltip("\n\n".join(d.text for d in inc.drafts)))
        colour = SLA_COLOURS.get(inc.sla)
        if colour:
            item.setForeground(3, QBrush(QColor(colour)))
        return item

    def _show_replies(self) -> None:
        item = self.tree.currentItem()
        inc = self.incidents.get(item.data(0, ID_ROLE)) if item else None
        if inc is None:
            self.replies.clear()
            return
        parts = []
        for r in inc.replies:
            minute = tr(", мин {0:.0f}").format(r.minute) if r.minute is not None else ""
            kind = tr(REPLY_KIND_LABELS.get(r.kind, r.kind))
            state = tr(APPROVAL_LABELS.get(r.approval_state, r.approval_state))
            parts.append(f"— {kind}, {state}{minute}\n{r.text}")
        for d in inc.drafts:
            minute = tr(", мин {0:.0f}").format(d.minute) if d.minute is not None else ""
            kind = tr(REPLY_KIND_LABELS.get(d.kind, d.kind))
            if d.writing_now:
                head = tr("{0} пишет сейчас").format(short_name(d.full_name))
            else:
                head = tr("{0}, черновик не отправлен").format(short_name(d.full_name))
            parts.append(f"— {head}: {kind}{minute}\n{d.text}")
        self.replies.setPlainText(
            "\n\n".join(parts) if parts else tr("Ответов по этому обращению пока нет")
        )

    def row_of(self, incident_id: int) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, ID_ROLE) == incident_id:
                    return top.child(j)
        return None

    def select_incident(self, incident_id: int) -> bool:
        item = self.row_of(incident_id)
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None
