"""The supervisor's shift console inside the main window: the team board and the approval queue
as docks, per-operator quality figures, and the actions «Назначить…», «Оценить ответ…» and
«Передача смены…». Only for supervisors and admins; the main window just creates it.

Writes (reassignment, approvals, reviews) go through `ws.actions` and the outbox like every
other user action, so they survive being offline; reads of the shift's state go to the server.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QFrame, QScrollArea

from cur_desktop.models.domain import Role
from cur_desktop.models.suggest import holders_nearby, rank_people

from . import formats, main_menus
from .aio import in_db, spawn
from .approvals_panel import ApprovalsPanel
from .handover_dialog import HandoverDialog
from .i18n import QT_TR_NOOP, tr
from .main_actions import keyed_action
from .quality_review import ANSWERED, QualityReportPanel, QualityReviewDialog
from .reassign import AssignDialog, assignable_users
from .team_board import TeamBoardPanel

LEADS = frozenset({Role.SUPERVISOR, Role.ADMIN})
ACTIONS = [
    ("assign", QT_TR_NOOP("Назначить…"), "Ctrl+Shift+N"),
    ("review", QT_TR_NOOP("Оценить ответ…"), "Ctrl+Shift+Q"),
    ("handover", QT_TR_NOOP("Передача смены…"), "Ctrl+Shift+H"),
]


class SupervisorConsole(QObject):
    @staticmethod
    def wanted(user) -> bool:
        return Role(user.role) in LEADS

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        ws = window.ws
        self.assign_dialog: AssignDialog | None = None
        self.review_dialog: QualityReviewDialog | None = None
        self.handover_dialog: HandoverDialog | None = None
        self._approvals_busy = False

        self.board = TeamBoardPanel(ws.client, window.service.numbers, store=ws.store)
        self.board.assign_requested.connect(self.assign)
        self.approvals = ApprovalsPanel(ws.store, window.labels, ws.clock)
        self.approvals.approve_requested.connect(self._approve)
        self.approvals.return_requested.connect(self._return)
        self.approvals.open_incident.connect(window.select_incident)
        self.quality = QualityReportPanel(ws.client, window.sla.today())

        self.board_dock = self._dock("teamBoardDock", tr("Команда смены"), self.board)
        self.approvals_dock = self._dock("approvalsDock", tr("Согласование"), self.approvals)
        self.quality_dock = self._dock("qualityDock", tr("Качество ответов"), self.quality)
        area = Qt.DockWidgetArea.BottomDockWidgetArea
        window.addDockWidget(area, self.board_dock)
        window.splitDockWidget(self.board_dock, self.approvals_dock, Qt.Orientation.Horizontal)
        window.tabifyDockWidget(self.approvals_dock, self.quality_dock)
        window.resizeDocks(
            [self.board_dock, self.approvals_dock], [860, 540], Qt.Orientation.Horizontal
        )
        self.approvals_dock.raise_()

        # Queue rows can be dragged onto the board; several at once (the card follows the
        # current row, the one clicked last).
        table = window.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)

        self.actions: dict[str, QAction] = {}
        handlers = {
            "assign": self.ask_assign,
            "review": self.ask_review,
            "handover": self.show_handover,
        }
        menu = main_menus.menu(window, "shift")
        for name, caption, keys in ACTIONS:
            self.actions[name] = keyed_action(window, tr(caption), keys, handlers[name])
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for dock in (self.board_dock, self.approvals_dock, self.quality_dock):
            menu.addAction(dock.toggleViewAction())
        window.refreshed.connect(self._window_refreshed)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.board.timer.stop()
        return False

    def _dock(self, name: str, title: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        # In a scroll area: three docks one above the other must not make the window taller
        # than a 1024×600 or 1366×768 screen; a short dock scrolls instead.
        scroll = QScrollArea()
        scroll.setObjectName(name + "Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        dock.setWidget(scroll)
        return dock

    def start(self) -> None:
        self.board.start()
        self.quality.reload()
        self._window_refreshed()

    # --- reassignment ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The incidents selected in the queue, in queue order; else the current one."""
        w = self.window
        rows = sorted(i.row() for i in w.table.selectionModel().selectedRows())
        ids = [i for i in (w.model.incident_id(r) for r in rows) if i is not None]
        current = w.current_id()
        return ids or ([current] if current is not None else [])

    def ask_assign(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.window.status.showMessage(tr("Выберите обращения в очереди"), 4000)
            return
        spawn(self._ask_assign(ids), what="assign dialog")

    async def _ask_assign(self, ids: list[int]) -> None:
        store = self.window.ws.store

        def nearby():
            with store.read() as conn:
                return holders_nearby(conn, ids)

        board = self.board.board
        load = {m.user_id: m.load.assigned for m in board.members} if board else {}
        people = rank_people(assignable_users(self.window.reference), await in_db(nearby), load)
        dialog = AssignDialog(ids, people, board, self.window)
        dialog.chosen.connect(self.assign)
        self.assign_dialog = dialog
        dialog.open()

    def assign(self, incident_ids: list[int], user_id: int | None) -> None:
        spawn(self._assign(list(incident_ids), user_id), what="reassign")

    async def _assign(self, incident_ids: list[int], user_id: int | None) -> None:
        w = self.window
        if await w.act(w.ws.actions.assign_many, incident_ids, user_id):
            n = formats.number(len(incident_ids))
            if user_id is None:
                text = tr("Снято назначение с обращений: {n}").format(n=n)
            else:
                text = tr("Назначено обращений: {n} — {who}").format(
                    n=n, who=w.labels.user(user_id)
                )
            w.status.showMessage(text, 5000)
            # After the engine has pushed it; the board as context: no call once it is gone.
            QTimer.singleShot(3000, self.board, self.board.reload)

    # --- approvals ------------------------------------------------------------------------

    def _window_refreshed(self) -> None:
        if not self._approvals_busy:
            spawn(self._refresh_approvals(), what="approvals")

    async def _refresh_approvals(self) -> None:
        self._approvals_busy = True
        try:
            await self.approvals.refresh()
        finally:
            self._approvals_busy = False

    def _approve(self, incident_id: int, reply_id: int, text: str | None) -> None:
        w = self.window
        spawn(w.act(w.ws.actions.approve_reply, incident_id, reply_id, text), what="approve")

    def _return(self, incident_id: int, reply_id: int, comment: str) -> None:
        w = self.window
        spawn(w.act(w.ws.actions.return_reply, incident_id, reply_id, comment), what="return")

    # --- quality and handover -------------------------------------------------------------

    def ask_review(self) -> None:
        incident = self.window.card.incident
        if incident is None or incident["status"] not in ANSWERED:
            self.window.status.showMessage(
                tr("Оценить можно только обращение с опубликованным ответом"), 5000
            )
            return
        dialog = QualityReviewDialog(incident, self.window)
        dialog.reviewed.connect(self._review)
        self.review_dialog = dialog
        dialog.open()

    def _review(self, incident_id: int, values: dict) -> None:
        w = self.window

        async def review() -> None:
            if await w.act(lambda: w.ws.actions.review_quality(incident_id, **values)):
                w.status.showMessage(tr("Оценка сохранена и будет отправлена"), 4000)

        spawn(review(), what="quality review")

    def show_handover(self) -> None:
        if self.handover_dialog is None:
            self.handover_dialog = HandoverDialog(
                self.window.ws.client, self.window.labels, can_write=True, parent=self.window
            )
            self.handover_dialog.open_incident.connect(self.window.select_incident)
        self.handover_dialog.show()
        self.handover_dialog.raise_()
        self.handover_dialog.load()
