"""The operator's main window: queue tabs and filters, the table, the card and the reply editor,
kept work, and the sync status. It reads the cache and calls LocalActions, always off the UI
thread (`in_db`), and listens to the sync engine; it never talks to the server itself."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.reply_fill import (
    changes_by_others,
    returned_reply,
)
from cur_desktop.models.sla import SlaState
from cur_desktop.models.spelling import reference_words
from cur_desktop.models.statuses import Status, allowed_targets
from cur_desktop.sync.engine import SyncState, SyncSummary
from cur_desktop.sync.outbox import InvalidAction
from cur_desktop.sync.workspace import Workspace

from . import formats
from .about_dialog import install_about
from .aio import in_db, spawn
from .analytics_window import install_analytics
from .conflicts_panel import ConflictsPanel
from .dialogs import FormDialog
from .i18n import QT_TR_NOOP, tr
from .incident_card import EVENT_LABELS, IncidentCard
from .labels import Labels
from .presence import PresenceWatch
from .queue_model import COLUMNS, SORT_KEYS, QueueModel
from .queue_source import TABS, QueueService, ViewState
from .queue_table import QueueTable
from .reply_editor import ReplyEditor
from .sla_view import SlaView
from .status_bar import SyncStatusBar
from .supervisor_console import SupervisorConsole
from .training_mode import install_training

log = logging.getLogger(__name__)


SHORTCUTS = [
    ("take_next", QT_TR_NOOP("Взять следующее"), "Ctrl+Shift+T"),
    ("claim", QT_TR_NOOP("Взять выбранное"), "Ctrl+T"),
    ("reply", QT_TR_NOOP("Ответить"), "Ctrl+R"),
    ("route", QT_TR_NOOP("Направить в ведомство"), "Ctrl+D"),
    ("note", QT_TR_NOOP("Заметка"), "Ctrl+N"),
    ("send", QT_TR_NOOP("Отправить ответ"), "Ctrl+Return"),
    ("search", QT_TR_NOOP("Поиск"), "Ctrl+F"),
    ("sync", QT_TR_NOOP("Синхронизировать"), "F5"),
    ("conflicts", QT_TR_NOOP("Несохранённые правки"), "Ctrl+K"),
    ("queue", QT_TR_NOOP("К очереди"), "Ctrl+L"),
    ("help", QT_TR_NOOP("Горячие клавиши"), "F1"),
]


class MainWindow(QMainWindow):
    refreshed = Signal()  # the queue, counts and card were re-read (tests wait for it)
    notified = Signal(int, str)  # incident id, SLA state: a deadline warning was shown

    def __init__(self, workspace: Workspace, *, title_suffix: str = "", parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.user = workspace.user
        self.reference = workspace.reference()
        self.labels = Labels.from_reference(self.reference)
        self.sla = SlaView.from_reference(self.reference)
        self.service = QueueService(workspace.store, self.user.id, self.sla)
        self.view_state = ViewState()
        self._warned: dict[int, str] = {}
        self.last_error: str | None = None
        self._pending_select: int | None = None  # select this incident once its row is loaded
        self.send_check: QMessageBox | None = None  # «the case changed: send anyway?»
        self._selected_id: int | None = None  # the incident the user is on, across refreshes
        self.setWindowTitle(tr("ЦУР — рабочее место") + f" — {self.user.full_name}{title_suffix}")

        self.model = QueueModel(self.labels, self.sla, parent=self)
        self.table = QueueTable(self.model)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _: self.open_editor())

        self.tabs = QTabBar()
        self.tabs.setObjectName("queueTabs")
        for _code, caption in TABS:
            self.tabs.addTab(tr(caption))
        self.tabs.setCurrentIndex(len(TABS) - 1 if self.user.role != "operator" else 0)
        self.view_state.tab = TABS[self.tabs.currentIndex()][0]
        self.tabs.currentChanged.connect(self._tab_changed)

        self.filters = self._make_filters()
        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(tr("Поиск по тексту (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(lambda _: self._search_timer.start())

        filter_row = QHBoxLayout()
        for combo in self.filters.values():
            filter_row.addWidget(combo)
        filter_row.addStretch(1)
        # The search gets a row of its own: squeezed beside five filters it showed two letters.
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        self.saved_views = QComboBox()
        self.saved_views.setObjectName("savedViews")
        self.saved_views.setToolTip(tr("Сохранённые представления"))
        self.saved_views.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.saved_views.activated.connect(self._apply_saved_view)
        self.save_view_button = QToolButton()
        self.save_view_button.setText("☆")
        self.save_view_button.setToolTip(tr("Сохранить текущее представление"))
        self.save_view_button.clicked.connect(self._ask_save_view)
        search_row.addWidget(self.saved_views)
        search_row.addWidget(self.save_view_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.tabs)
        lv.addLayout(filter_row)
        lv.addLayout(search_row)
        lv.addWidget(self.table, 1)

        self.card = IncidentCard(self.labels, self.sla)
        self.card.user_id = self.user.id
        self.card.action_requested.connect(self._card_action)
        self.editor = ReplyEditor()
        self.editor.set_templates(
            [t.model_dump() for t in self.reference.templates] if self.reference else []
        )
        self.editor.set_known_words(reference_words(self.reference))
        self.editor.send_requested.connect(self._send_reply)
        self.editor.draft_changed.connect(self._save_draft)
        self.side = QTabWidget()
        self.side.addTab(self.card, tr("Карточка"))
        self.side.addTab(self.editor, tr("Ответ"))

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
        self.conflicts_dock = QDockWidget(tr("Несохранённые правки"), self)
        self.conflicts_dock.setObjectName("conflictsDock")
        self.conflicts_dock.setWidget(self.conflicts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self.conflicts_dock.hide()

        self.status = SyncStatusBar()
        self.status.conflicts_clicked.connect(self.conflicts_dock.show)
        self.setStatusBar(self.status)
        self._make_actions()
        self.presence = PresenceWatch(self)  # who else has the open incident
        self.console = SupervisorConsole(self) if SupervisorConsole.wanted(self.user) else None
        self.analytics_action = install_analytics(self)  # None for operators
        self.training = install_training(self)  # trainee's banner, or trainer's window
        self.about_action = install_about(self)  # «Справка» → «О программе»

        self.timer = QTimer(self, interval=1000)  # the one SLA timer for the whole window
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._ticks = 0
        self.model.shown.connect(self._queue_loaded)  # the first rows, before the count
        self.model.loaded.connect(self._queue_loaded)
        self._restore_layout()

        engine = workspace.engine
        engine.on_state = self._engine_state
        engine.on_synced = self._engine_synced
        engine.core.progress = self._engine_progress

    # --- building -------------------------------------------------------------------------

    def _filter_items(self) -> dict[str, tuple[str, list[tuple[str, Any]]]]:
        """Each filter's «all» caption and its choices, from the reference data."""
        lb = self.labels
        return {
            "status": (QT_TR_NOOP("Все статусы"), [(v, k) for k, v in lb.statuses.items()]),
            "sector": (QT_TR_NOOP("Все сферы"), [(v, k) for k, v in lb.sectors.items()]),
            "municipality_id": (
                QT_TR_NOOP("Все МО"),
                sorted(((v, k) for k, v in lb.municipalities.items()), key=lambda x: x[0]),
            ),
            "channel": (QT_TR_NOOP("Все каналы"), [(v, k) for k, v in lb.channels.items()]),
            "sla_state": (
                QT_TR_NOOP("Любой срок"),
                [
                    (tr("В срок"), "ok"),
                    (tr("Под угрозой"), "at_risk"),
                    (tr("Просрочено"), "overdue"),
                ],
            ),
        }

    def _make_filters(self) -> dict[str, QComboBox]:
        boxes: dict[str, QComboBox] = {}
        for name in self._filter_items():
            box = QComboBox()
            box.setObjectName(f"filter_{name}")
            box.currentIndexChanged.connect(lambda _=0, n=name, b=box: self._filter_changed(n, b))
            boxes[name] = box
        self.filters = boxes
        self._fill_filters()
        return boxes

    def _fill_filters(self) -> None:
        """(Re)fill the filter choices, keeping what is chosen; the reference may arrive only
        with the first sync of a new profile."""
        for name, (caption, items) in self._filter_items().items():
            box = self.filters[name]
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(tr(caption), None)
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)

    def _make_actions(self) -> None:
        handlers = {
            "take_next": self.take_next,
            "claim": lambda: self._card_action("claim", self.current_id()),
            "reply": self.open_editor,
            "route": lambda: self._card_action("route", self.current_id()),
            "note": lambda: self._card_action("note", self.current_id()),
            "send": self.editor._send,
            "search": lambda: (self.search.setFocus(), self.search.selectAll()),
            "sync": self.sync_now,
            "conflicts": lambda: (self.conflicts_dock.show(), self.conflicts.list.setFocus()),
            "queue": lambda: self.table.setFocus(),
            "help": self.show_shortcuts,
        }
        toolbar = self.addToolBar(tr("Действия"))
        toolbar.setObjectName("mainToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        for name, caption, keys in SHORTCUTS:
            action = QAction(tr(caption), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{tr(caption)} ({keys})")
            action.triggered.connect(lambda _=False, h=handlers[name]: h())
            self.addAction(action)
            self.actions_by_name[name] = action
            if name in ("take_next", "reply", "sync", "help"):
                toolbar.addAction(action)

    # --- loading --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the cache at once; the engine syncs in the background."""
        spawn(in_db(self.sla.warm), what="calendar")
        self.requery()
        spawn(self.refresh_side(), what="side refresh")
        spawn(self.load_saved_views(), what="saved views")
        if self.console is not None:
            self.console.start()

    def requery(self) -> None:
        self._selected_id = None  # another view: its first row is selected once loaded
        # A copy: the widgets change view_state in place, the query keeps the view it was for.
        state, service = replace(self.view_state), self.service
        now = datetime.now(UTC)
        self.model.set_query(
            lambda: service.count(state, now),
            lambda offset, limit: service.page(state, now, offset, limit),
            lambda: service.view_key(state),
        )

    async def refresh_side(self) -> None:
        """Tab counts, kept work, the status bar and the open card."""
        now = datetime.now(UTC)
        counts, problems, outbox = await in_db(
            lambda: (
                self.service.tab_counts(now),
                self.ws.core.outbox.problems(),
                self.ws.core.outbox.pending_count(),
            )
        )
        for i, (code, caption) in enumerate(TABS):
            self.tabs.setTabText(i, f"{tr(caption)} ({formats.number(counts.get(code, 0))})")
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
            return
        detail = await in_db(self.service.detail, incident_id)
        if self.current_id() != incident_id:
            return  # the user moved on while it was read: the newer call shows theirs
        if detail is None:
            self.card.show_incident(None, self.user.id)
            self.editor.set_incident(None)
            return
        self.card.show_incident(detail, self.user.id)
        if not self._editor_on(incident_id):
            self.editor.flush_draft()
            draft = await in_db(self.ws.actions.load_draft, incident_id, self.editor.kind_code)
            if self.current_id() != incident_id:
                return
            if self._editor_on(incident_id):
                # Another call opened it meanwhile and the user may be typing: keep their text.
                self.editor.incident = detail
            else:
                values = self.labels.placeholders(detail, self.user.full_name)
                needs = self.user.needs_approval or detail["importance"] == "high"
                returned = returned_reply(detail, self.user.id)
                self.editor.set_incident(
                    detail, values, draft, needs_approval=needs, returned=returned
                )
        else:
            self.editor.incident = detail
        await in_db(self.service.mark_seen, incident_id, detail["version"])

    def _editor_on(self, incident_id: int) -> bool:
        return self.editor.incident is not None and self.editor.incident["id"] == incident_id

    # --- saved views (kept in the profile's cache, so they follow the user's profile) ------

    def _fill_saved_views(self, views: dict[str, dict]) -> None:
        self.saved_views.clear()
        self.saved_views.addItem(tr("Представления…"), None)
        for name in sorted(views):
            self.saved_views.addItem(name, views[name])

    async def load_saved_views(self) -> None:
        self._fill_saved_views(await in_db(self.ws.meta, "saved_views", {}) or {})

    def _ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Сохранить представление"), tr("Название:"))
        if ok and name.strip():
            spawn(self.save_view(name.strip()), what="save view")

    async def save_view(self, name: str) -> None:
        state = asdict(self.view_state)

        def write() -> dict:
            with self.ws.store.write(touches_queue=False) as conn:
                views = self.ws.store.get_meta(conn, "saved_views", {}) or {}
                views[name] = state
                self.ws.store.set_meta(conn, "saved_views", views)
                return views

        self._fill_saved_views(await in_db(write))

    def _apply_saved_view(self, index: int) -> None:
        data = self.saved_views.itemData(index)
        if data:
            self.apply_view(ViewState(**data))

    def apply_view(self, state: ViewState) -> None:
        """Show the widgets for `state` without a query per widget, then query once."""
        widgets = [self.tabs, self.search, *self.filters.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            self.tabs.setCurrentIndex([code for code, _ in TABS].index(state.tab))
            for name, box in self.filters.items():
                box.setCurrentIndex(max(0, box.findData(getattr(state, name))))
            self.search.setText(state.text or "")
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.view_state = state
        self.requery()

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
            self.search.clear()
            for box in self.filters.values():
                box.setCurrentIndex(0)
            self.tabs.setCurrentIndex(len(TABS) - 1)
            self._pending_select = incident_id
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _row_changed(self, *_args) -> None:
        current = self.current_id()
        if current is not None:
            self._selected_id = current
        spawn(self.show_current(), what="show incident")

    def _tab_changed(self, index: int) -> None:
        self.view_state.tab = TABS[index][0]
        self.requery()

    def _filter_changed(self, name: str, box: QComboBox) -> None:
        setattr(self.view_state, name, box.currentData())
        self.requery()

    def _search_changed(self) -> None:
        self.view_state.text = self.search.text().strip() or None
        self.requery()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.view_state.sort_key = SORT_KEYS[COLUMNS[column][0]]
        self.view_state.descending = order == Qt.SortOrder.DescendingOrder
        self.requery()

    # --- actions --------------------------------------------------------------------------

    async def act(self, fn, *args) -> bool:
        """A local action off the UI thread; a refusal is shown, never raised into Qt."""
        try:
            await in_db(fn, *args)
        except InvalidAction as exc:
            # Never a modal exec() inside a task: it would re-enter the event loop.
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Действие невозможно"), str(exc))
            box.setParent(self, box.windowFlags())
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            self.last_error = str(exc)
            return False
        self.model.refresh()
        await self.refresh_side()
        return True

    def take_next(self) -> None:
        spawn(self._take_next(), what="take next")

    async def _take_next(self) -> None:
        incident_id = await in_db(self.service.next_to_take, datetime.now(UTC))
        if incident_id is None:
            self.status.showMessage(tr("Свободных обращений нет"), 5000)
            return
        if await self.act(self.ws.actions.claim, incident_id):
            self.tabs.setCurrentIndex(0)  # «мои»
            self._pending_select = incident_id
            self.status.showMessage(tr("Взято в работу"), 3000)

    def open_editor(self) -> None:
        if self.current_id() is not None:
            self.side.setCurrentWidget(self.editor)
            self.editor.text.setFocus()

    def _card_action(self, name: str, incident_id: int | None) -> None:
        if incident_id is None:
            return
        if name == "reply":
            self.open_editor()
            return
        args = self._ask(name, incident_id)
        if args is not None:
            spawn(self.act(*args), what=name)

    def _ask(self, name: str, incident_id: int) -> tuple | None:
        a, lb, card = self.ws.actions, self.labels, self.card.incident or {}
        if name == "claim":
            return (a.claim, incident_id)
        if name == "release":
            return (a.release, incident_id)
        if name == "route":
            d = FormDialog(tr("Направить в ведомство"), self)
            sector = card.get("sector")
            agencies = self.reference.agencies if self.reference else []
            items = sorted(
                ((x.name, x.id) for x in agencies if x.sector in (None, sector)),
                key=lambda x: x[0],
            )
            d.choice("agency_id", tr("Ведомство"), items, card.get("agency_id"))
            d.text("note", tr("Комментарий"))
            v = d.ask()
            return (a.route, incident_id, v["agency_id"], v["note"]) if v else None
        if name == "category":
            d = FormDialog(tr("Сфера и рубрика"), self)
            d.choice(
                "sector", tr("Сфера"), [(n, c) for c, n in lb.sectors.items()], card.get("sector")
            )
            cats = [(f"{lb.sector(x.sector)}: {x.name}", x.id) for x in self.reference.categories]
            d.choice(
                "category_id", tr("Рубрика"), [(tr("—"), None), *cats], card.get("category_id")
            )
            d.choice(
                "importance",
                tr("Важность"),
                [(tr("Обычная"), "normal"), (tr("Высокая"), "high")],
                card.get("importance"),
            )
            v = d.ask()
            return (
                (a.set_category, incident_id, v["sector"], v["category_id"], v["importance"])
                if v
                else None
            )
        if name in ("status", "reject"):
            targets = allowed_targets(Status(card["status"]))
            if name == "reject":
                targets = {Status.REJECTED} & targets
            d = FormDialog(tr("Сменить статус") if name == "status" else tr("Отклонить"), self)
            d.choice(
                "status", tr("Новый статус"), [(lb.status(s), s.value) for s in sorted(targets)]
            )
            d.text(
                "reason", tr("Причина (для отклонения и возобновления)"), required=name == "reject"
            )
            d.text("confirmation", tr("Что сделано (для «Решено»)"))
            v = d.ask()
            return (
                (a.set_status, incident_id, v["status"], v["reason"], v["confirmation"])
                if v
                else None
            )
        if name == "note":
            d = FormDialog(tr("Внутренняя заметка"), self)
            d.text("text", tr("Текст"), required=True)
            v = d.ask()
            return (a.add_note, incident_id, v["text"]) if v else None
        return None

    def _send_reply(self, incident_id: int, kind: str, text: str, template_id) -> None:
        async def check() -> None:
            detail = await in_db(self.service.detail, incident_id)
            changed = changes_by_others(detail or {}, self.editor.base_version, self.user.id)
            if not changed:
                await send()
                return
            self._ask_before_sending(detail, changed, send)

        async def send() -> None:
            if await self.act(self.ws.actions.add_reply, incident_id, kind, text, template_id):
                self.editor.set_incident(None)
                self.side.setCurrentWidget(self.card)
                await self.show_current()
                self.status.showMessage(tr("Ответ сохранён и будет отправлен"), 4000)

        spawn(check(), what="send reply")

    def _ask_before_sending(self, detail: dict, changed: list[dict], send) -> None:
        """Someone changed the case while the user wrote: say what, and send only if asked."""
        lines = [
            f"{formats.date_time(e['at'])}  {self.labels.user(e.get('actor_id'))}: "
            + tr(EVENT_LABELS.get(e["kind"], e["kind"]))
            for e in changed[-8:]
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Обращение изменилось"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("Пока вы писали ответ, обращение изменили:") + "\n\n" + "\n".join(lines))
        box.setInformativeText(tr("Отправить ответ в этом виде?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Отправить"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Вернуться к ответу"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.send_check = box  # tests answer it

        def answered(_result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.editor.base_version = detail["version"]
                spawn(send(), what="send reply")
            else:
                self.editor.keep_draft()  # back to writing: the text is kept as a draft

        box.finished.connect(answered)
        box.open()

    def _save_draft(self, incident_id: int, kind: str, text: str, template_id) -> None:
        spawn(in_db(self.ws.actions.save_draft, incident_id, kind, text, template_id), what="draft")

    def _retry_problem(self, problem_id: int) -> None:
        spawn(self.act(self.ws.actions.retry_problem, problem_id), what="retry")

    def _discard_problem(self, problem_id: int) -> None:
        spawn(self.act(self.ws.actions.discard_problem, problem_id), what="discard")

    def sync_now(self) -> None:
        self.ws.engine.trigger()

    def show_shortcuts(self) -> None:
        # Every action of the window that has keys, the console's and analytics' included.
        seen: dict[tuple[str, str], None] = {}
        for action in self.findChildren(QAction):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                seen[keys, action.text().replace("&", "")] = None
        rows = "\n".join(f"{keys:<16} {caption}" for keys, caption in seen)
        box = QMessageBox(self)
        box.setWindowTitle(tr("Горячие клавиши"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(rows)
        box.open()

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
            self.sla.__dict__.update(SlaView.from_reference(self.reference).__dict__)
            self._fill_filters()
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
        if self._ticks % 30 == 1:
            spawn(self._check_deadlines(), what="deadline check")
        if self._pending_select is not None:
            row = self.model.row_of(self._pending_select)
            if row is not None:
                self._pending_select = None
                self.table.selectRow(row)

    async def _check_deadlines(self) -> None:
        """Warn once when one of my incidents becomes at risk, and once when it is overdue."""
        mine = await in_db(self.service.my_open_deadlines)
        now = datetime.now(UTC)
        for row in mine:
            shown = self.sla.show(row["sla_due"], row.get("sla_risk_at"), now)
            if shown.state not in (SlaState.at_risk, SlaState.overdue):
                continue
            if self._warned.get(row["id"]) == shown.state.value:
                continue
            self._warned[row["id"]] = shown.state.value
            self.notified.emit(row["id"], shown.state.value)
            title = (
                tr("Срок под угрозой") if shown.state is SlaState.at_risk else tr("Срок нарушен")
            )
            self.status.notify(title, f"{row['number']}: {shown.text}")

    # --- layout persistence ---------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings("cur-workstation", "workstation")

    def _restore_layout(self) -> None:
        s = self._settings()
        if s.value("geometry"):
            self.restoreGeometry(s.value("geometry"))
        else:
            self.resize(1400, 860)
        if s.value("windowState"):
            self.restoreState(s.value("windowState"))
        if s.value("queueHeader"):
            self.table.horizontalHeader().restoreState(s.value("queueHeader"))
        if s.value("splitter"):
            self.splitter.restoreState(s.value("splitter"))
        else:
            self.splitter.setSizes([900, 500])

    def save_layout(self) -> None:
        s = self._settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("queueHeader", self.table.horizontalHeader().saveState())
        s.setValue("splitter", self.splitter.saveState())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.editor.flush_draft()
        self.save_layout()
        super().closeEvent(event)
