"""The operator's main window: queue tabs and filters, the table, the card and the reply editor,
kept work, and the sync status. It reads the cache and calls LocalActions, always off the UI
thread (`in_db`), and listens to the sync engine; it never talks to the server itself."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.cache.attachment_cache import AttachmentCache
from cur_desktop.models.cache.repair import CacheFault
from cur_desktop.models.spelling import reference_words
from cur_desktop.sync.attachments import AttachmentSource
from cur_desktop.sync.engine import SyncState, SyncSummary
from cur_desktop.sync.outbox import InvalidAction
from cur_desktop.sync.workspace import Workspace

from . import main_docks
from .about_dialog import install_about
from .aio import in_db, spawn
from .analytics_window import install_analytics
from .attachment_view import cache_limit_bytes
from .conflicts_panel import ConflictsPanel
from .deadline_watch import DeadlineWatch
from .help_dialog import KEYS, show_help
from .i18n import tr
from .incident_card import IncidentCard
from .incident_dialogs import open_action
from .labels import Labels
from .link_warning import LinkWarning
from .main_actions import make_actions
from .menu_bar import install_menus
from .presence import PresenceWatch
from .problem_text import problem_text
from .queue_filters import QueueFilters
from .queue_model import COLUMNS, SORT_KEYS, QueueModel
from .queue_source import QueueService, ViewState
from .queue_table import QueueTable
from .reply_editor import ReplyEditor
from .reply_flow import ReplyFlow
from .sla_view import SlaView
from .status_bar import SyncStatusBar
from .supervisor_console import SupervisorConsole
from .training_mode import install_training

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    refreshed = Signal()  # the queue, counts and card were re-read (tests wait for it)
    notified = Signal(int, str)  # incident id, SLA state: a deadline warning was shown
    sign_out_requested = Signal()  # «Выйти…» confirmed: the launcher ends the session

    def __init__(self, workspace: Workspace, *, title_suffix: str = "", parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.user = workspace.user
        self.reference = workspace.reference()
        self.labels = Labels.from_reference(self.reference)
        self.sla = SlaView.from_reference(self.reference, workspace.clock)
        self.service = QueueService(workspace.store, self.user.id, self.sla)
        self.last_error: str | None = None
        self._pending_select: int | None = None  # select this incident once its row is loaded
        self._selected_id: int | None = None  # the incident the user is on, across refreshes
        self.setWindowTitle(tr("ЦУР — рабочее место") + f" — {self.user.full_name}{title_suffix}")

        self.model = QueueModel(self.labels, self.sla, parent=self)
        self.table = QueueTable(self.model)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # Enter on a row and a double click alike (Qt calls both «activated»).
        self.table.activated.connect(lambda _: self.open_editor())
        self.table.reset_filters.connect(lambda: self.queue_filters.reset_filters())

        self.queue_filters = QueueFilters(workspace, self.labels)
        self.queue_filters.changed.connect(self.requery)
        qf = self.queue_filters  # the widgets tests and other parts of the window reach
        self.tabs, self.filters, self.search = qf.tabs, qf.filters, qf.search
        self.saved_views = qf.saved_views
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(qf)
        lv.addWidget(self.table, 1)

        self.card = IncidentCard(self.labels, self.sla)
        self.card.role = self.user.role
        self.card.user_id = self.user.id
        self.card.action_requested.connect(self.card_action)
        self.card.attachment_strip.source = AttachmentSource(
            workspace.client, AttachmentCache(workspace.store, cache_limit_bytes())
        )
        self.editor = ReplyEditor()
        self.editor.today = workspace.clock.today
        self.editor.set_templates(
            [t.model_dump() for t in self.reference.templates] if self.reference else []
        )
        self.editor.set_known_words(reference_words(self.reference))
        self.editor.send_refused.connect(lambda why: self.status.showMessage(why, 8000))
        self.replies = ReplyFlow(self)
        # The reply under the card's message, as helpdesks have it: the citizen's text stays
        # in sight while the answer is written. The card scrolls when the pane is short.
        self.card_scroll = QScrollArea()
        self.card_scroll.setObjectName("cardScroll")
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setWidget(self.card)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("sidePane")
        self.side.addWidget(self.card_scroll)
        self.side.addWidget(self.editor)
        self.side.setChildrenCollapsible(False)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 2)

        split = QSplitter()
        split.setObjectName("mainSplitter")
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        self.setCentralWidget(split)

        self.conflicts = ConflictsPanel()
        self.conflicts.retry_requested.connect(self._retry_problem)
        self.conflicts.discard_requested.connect(self._discard_problem)
        self.conflicts.open_incident.connect(self.select_incident)
        self.conflicts_dock = main_docks.add_conflicts_dock(self, self.conflicts)

        self.status = SyncStatusBar()
        self.status.conflicts_clicked.connect(self.conflicts_dock.show)
        self.setStatusBar(self.status)
        self.status.tell_repair(workspace.store.repair)
        self.status.addPermanentWidget(LinkWarning(workspace.client.base_url))
        self.actions_by_name = make_actions(self)
        self.presence = PresenceWatch(self)  # who else has the open incident
        self.action_dialog = None  # the form of the incident action asked last (tests use it)
        self.console = SupervisorConsole(self) if SupervisorConsole.wanted(self.user) else None
        self.analytics_action = install_analytics(self)  # None for operators
        self.training = install_training(self)  # trainee's banner, or trainer's window
        self.deadlines = DeadlineWatch(self)
        self.about_action = install_about(self)  # «Справка» → «О программе»
        self.sign_out_box: QMessageBox | None = None  # «Выйти…»: asked (tests answer it)
        self.settings_dialog = None  # «Настройки…», once opened
        install_menus(self)

        self.timer = QTimer(self, interval=1000)  # the one SLA timer for the whole window
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._ticks = 0
        self.model.shown.connect(self._queue_loaded)  # the first rows, before the count
        self.model.loaded.connect(self._queue_loaded)
        self.model.loaded.connect(self._queue_settled)
        self._counted_text: str | None = None  # the search text the tab counts are for
        main_docks.restore_layout(self)

        engine = workspace.engine
        engine.on_state = self._engine_state
        engine.on_synced = self._engine_synced
        engine.core.progress = self._engine_progress

    @property
    def view_state(self) -> ViewState:
        return self.queue_filters.state

    @property
    def send_check(self) -> QMessageBox | None:
        """«The case changed: send anyway?», while it is asked."""
        return self.replies.send_check

    @send_check.setter
    def send_check(self, box: QMessageBox | None) -> None:
        self.replies.send_check = box

    # --- loading --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the cache at once; the engine syncs in the background."""
        spawn(in_db(self.sla.warm), what="calendar")
        self.requery()
        spawn(self.refresh_side(), what="side refresh")
        spawn(self.queue_filters.load_saved_views(), what="saved views")
        if self.console is not None:
            self.console.start()

    def requery(self) -> None:
        self._selected_id = None  # another view: its first row is selected once loaded
        # A copy: the widgets change view_state in place, the query keeps the view it was for.
        state, service = replace(self.view_state), self.service
        now = self.sla.now()
        self.model.set_query(
            lambda: service.count(state, now),
            lambda offset, limit: service.page(state, now, offset, limit),
            lambda: service.view_key(state),
        )
        if self._counted_text != state.text:
            spawn(self.refresh_side(), what="side refresh")  # the tab counts follow the search

    async def refresh_side(self) -> None:
        """Tab counts, kept work, the status bar and the open card."""
        now, text = self.sla.now(), self.view_state.text
        self._counted_text = text
        counts, problems, outbox = await in_db(
            lambda: (
                self.service.tab_counts(now, text),
                self.ws.core.outbox.problems(),
                self.ws.core.outbox.pending_count(),
            )
        )
        self.queue_filters.show_counts(counts)
        numbers = await in_db(self.service.numbers, [p["incident_id"] for p in problems])
        self.conflicts.set_problems(problems, numbers)
        self.status.set_counts(outbox, len(problems))
        last = await in_db(self.ws.meta, "last_sync_at")
        self.status.set_last_sync(last)
        await self.show_current()
        self.refreshed.emit()

    async def show_current(self) -> None:
        incident_id = self.current_id()
        if incident_id is None:
            # A refresh drops the selection for a moment; a reply being written stays as it is
            # (it is replaced only when another incident is chosen, or its own leaves the cache).
            self.card.show_incident(None, self.user.id)
            self._follow_holder_rule()
            return
        detail = await in_db(self.service.detail, incident_id)
        if self.current_id() != incident_id:
            return  # the user moved on while it was read: the newer call shows theirs
        if detail is None:
            self.card.show_incident(None, self.user.id)
            self._follow_holder_rule()
            self.editor.set_incident(None)
            return
        self.card.show_incident(detail, self.user.id)
        self._follow_holder_rule()
        await self.replies.follow(detail)
        if self.current_id() != incident_id:
            return
        await in_db(self.service.mark_seen, incident_id, detail["version"])

    async def save_view(self, name: str) -> None:
        await self.queue_filters.save_view(name)

    def apply_view(self, state: ViewState) -> None:
        self.queue_filters.apply_view(state)

    def _queue_settled(self) -> None:
        """An empty view says so, with the way back, and leaves no incident on the card: its
        buttons would act on a case the operator no longer sees."""
        empty = self.model.rowCount() == 0
        self.table.show_nothing_found(empty, self.queue_filters.filtered())
        if empty:
            self._selected_id = None
            self.card.show_incident(None, self.user.id)

    def _queue_loaded(self) -> None:
        if self.table.currentIndex().row() >= 0 or not self.model.rowCount():
            return
        # A refresh of the same view (a sync, an action) keeps the incident the user is on,
        # wherever its row moved; a new view starts at its first row.
        keep = self._selected_id
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif keep is None:
            self.table.selectRow(0)

    # --- selection and queries ------------------------------------------------------------

    def current_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.incident_id(row) if row >= 0 else None

    def select_incident(self, incident_id: int) -> None:
        row = self.model.row_of(incident_id)
        if row is None:  # not in this view: show it in «all»
            self.queue_filters.show_all()
            self._pending_select = incident_id
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _row_changed(self, *_args) -> None:
        current = self.current_id()
        if current is not None:
            self._selected_id = current
        spawn(self.show_current(), what="show incident")

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.view_state.sort_key = SORT_KEYS[COLUMNS[column][0]]
        self.view_state.descending = order == Qt.SortOrder.DescendingOrder
        self.requery()

    # --- actions --------------------------------------------------------------------------

    async def act(self, fn, *args) -> bool:
        """A local action off the UI thread; a refusal is shown, never raised into Qt."""
        try:
            await in_db(fn, *args)
        except (InvalidAction, CacheFault) as exc:  # CacheFault: e.g. a full disk, nothing written
            # Never a modal exec() inside a task: it would re-enter the event loop.
            said = problem_text(exc)
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Действие невозможно"), said)
            box.setParent(self, box.windowFlags())
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            self.last_error = problem_text(exc)
            return False
        self.model.refresh()
        await self.refresh_side()
        return True

    def take_next(self) -> None:
        spawn(self._take_next(), what="take next")

    async def _take_next(self) -> None:
        incident_id = await in_db(self.service.next_to_take, self.sla.now())
        if incident_id is None:
            self.status.showMessage(tr("Свободных обращений нет"), 5000)
            return
        if await self.act(self.ws.actions.claim, incident_id):
            self.tabs.setCurrentIndex(0)  # «мои»
            self._pending_select = incident_id
            self.status.showMessage(tr("Взято в работу"), 3000)

    def _follow_holder_rule(self) -> None:
        """The window's «Ответить» and «Направить» keys are off on a colleague's case, as the
        card's buttons are (see IncidentCard._apply_holder_rule)."""
        held = self.card.held_by_other is not None
        for name in ("reply", "route"):
            self.actions_by_name[name].setEnabled(not held)
            self.actions_by_name[name].setStatusTip(self.card.held_label.text() if held else "")

    def open_editor(self) -> None:
        if self.current_id() is not None:
            self.editor.focus_text()

    def card_action(self, name: str, incident_id: int | None) -> None:
        if incident_id is None:
            return
        if name == "reply":
            self.open_editor()
            return
        open_action(self, name, incident_id, lambda args: spawn(self.act(*args), what=name))

    def _retry_problem(self, problem_id: int) -> None:
        spawn(self.act(self.ws.actions.retry_problem, problem_id), what="retry")

    def _discard_problem(self, problem_id: int) -> None:
        spawn(self.act(self.ws.actions.discard_problem, problem_id), what="discard")

    def sync_now(self) -> None:
        self.ws.engine.trigger()

    def show_shortcuts(self) -> None:
        show_help(self, KEYS)

    # --- the engine and the clock ---------------------------------------------------------

    def _engine_state(self, state: SyncState, message: str | None) -> None:
        self.status.set_state(state, message)

    def _engine_progress(self, phase: str, done: int) -> None:
        # Called on the engine's thread: hand over to the UI thread through the loop.
        loop = self._loop
        if loop is not None:
            loop.call_soon_threadsafe(self.status.set_progress, phase, done)

    def _engine_synced(self, summary: SyncSummary) -> None:
        if summary.reference_updated:
            self.reference = self.ws.reference()
            fresh = Labels.from_reference(self.reference)
            self.labels.__dict__.update(fresh.__dict__)
            self.sla.__dict__.update(SlaView.from_reference(self.reference, self.ws.clock).__dict__)
            self.queue_filters.fill_filters()
            self.editor.set_templates([t.model_dump() for t in self.reference.templates])
            self.editor.set_known_words(reference_words(self.reference))
        if summary.touched or summary.reference_updated or summary.pushed:
            self.model.refresh()
        self.status.set_newer_version(self.ws.engine.core.newer_version)
        spawn(self.refresh_side(), what="after sync")

    _loop: asyncio.AbstractEventLoop | None = None

    def _tick(self) -> None:
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        if top >= 0:
            self.model.tick(top, bottom if bottom >= 0 else self.model.rowCount() - 1)
        self._ticks += 1
        clock = self.ws.clock
        self.status.set_clock_offset(clock.offset if clock.is_off() else None)
        if self._ticks % 30 == 1:
            spawn(self._check_deadlines(), what="deadline check")
        if self._pending_select is not None:
            row = self.model.row_of(self._pending_select)
            if row is not None:
                self._pending_select = None
                self.table.selectRow(row)

    async def _check_deadlines(self) -> None:
        await self.deadlines.check()

    def save_layout(self) -> None:
        main_docks.save_layout(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.editor.flush_draft()
        self.save_layout()
        super().closeEvent(event)
