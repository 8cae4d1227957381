"""What the queue shows, above the table: the tabs («Мои», «Без исполнителя», …), the filter
boxes, the text search and the saved views (kept in the profile's cache, so they follow the
profile). All of them edit one ViewState; `changed` says the queue must be asked again."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.sync.workspace import Workspace

from . import formats
from .aio import in_db, spawn
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .queue_source import TABS, ViewState


class QueueFilters(QWidget):
    changed = Signal()  # the view state changed: query the queue again

    def __init__(self, workspace: Workspace, labels: Labels, parent=None):
        super().__init__(parent)
        self.ws, self.labels = workspace, labels
        self.state = ViewState()

        self.tabs = QTabBar()
        self.tabs.setObjectName("queueTabs")
        for _code, caption in TABS:
            self.tabs.addTab(tr(caption))
        self.tabs.setCurrentIndex(len(TABS) - 1 if workspace.user.role != "operator" else 0)
        self.state.tab = TABS[self.tabs.currentIndex()][0]
        self.tabs.currentChanged.connect(self._tab_changed)

        self.filters: dict[str, QComboBox] = {}
        for name in self._filter_items():
            box = QComboBox()
            box.setObjectName(f"filter_{name}")
            box.currentIndexChanged.connect(lambda _=0, n=name, b=box: self._filter_changed(n, b))
            self.filters[name] = box
        self.fill_filters()

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(filter_row)
        layout.addLayout(search_row)

    # --- the filter boxes -----------------------------------------------------------------

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

    def fill_filters(self) -> None:
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

    def _tab_changed(self, index: int) -> None:
        self.state.tab = TABS[index][0]
        self.changed.emit()

    def _filter_changed(self, name: str, box: QComboBox) -> None:
        setattr(self.state, name, box.currentData())
        self.changed.emit()

    def _search_changed(self) -> None:
        self.state.text = self.search.text().strip() or None
        self.changed.emit()

    def show_counts(self, counts: dict[str, int]) -> None:
        """Each tab's caption with how many incidents it holds now."""
        for i, (code, caption) in enumerate(TABS):
            self.tabs.setTabText(i, f"{tr(caption)} ({formats.number(counts.get(code, 0))})")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_all(self) -> None:
        """«Все» with no filter and no search: where any incident of the cache is found."""
        self.search.clear()
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self.tabs.setCurrentIndex(len(TABS) - 1)

    def filtered(self) -> bool:
        """Whether a filter or the search narrows the tab (so resetting them can show more)."""
        s = self.state
        return any((s.status, s.sector, s.municipality_id, s.channel, s.sla_state, s.text))

    def reset_filters(self) -> None:
        """The current tab with no filter and no search (the «Сбросить фильтры» link)."""
        self._search_timer.stop()
        self.apply_view(
            replace(
                self.state,
                status=None,
                sector=None,
                municipality_id=None,
                channel=None,
                sla_state=None,
                text=None,
            )
        )

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
        self.state = state
        self.changed.emit()

    # --- saved views ----------------------------------------------------------------------

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
        state = asdict(self.state)

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
