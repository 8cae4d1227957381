"""The queue as a Qt table model that reads the cache a page at a time.

The model knows only the total row count and the pages it has fetched (a bounded set): no Python
object per row for the whole queue. A row not yet fetched shows «…» and asks for its page in the
background; a filter or sort change bumps a generation so late pages of the old query are dropped.

An interaction must answer within 100 ms at 250k cached incidents (bench/ui_queue.py), so:
- the first page is shown as soon as it is read, before the count (the count follows in the same
  db-thread queue and only lengthens the table; a short first page is the whole queue, so its
  count is known at once);
- the pages of the last few views are kept with a key that includes the cache's data
  generation, so going back to one of them («back» after a search, a tab) shows it without
  reading anything;
- the SLA column's text, colour and state come from one computation per row and clock beat
  (working time over holidays is not free, and a paint asks for several roles per cell).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from . import formats
from .aio import in_db, spawn
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .plain_text import shown, tooltip
from .sla_view import SlaShown, SlaView

PageFn = Callable[[int, int], list[dict[str, Any]]]  # (offset, limit) -> rows, in the db thread
CountFn = Callable[[], int]
#: What identifies a view's rows on the current data (see QueueService.view_key), or None.
KeyFn = Callable[[], Hashable | None]


COLUMNS: list[tuple[str, str]] = [
    ("number", QT_TR_NOOP("Номер")),
    ("sla", QT_TR_NOOP("Срок ответа")),
    # The citizen's words right after the deadline: the one column that takes what width is left
    # (queue_table.py), so it is never pushed off-screen by the reference columns.
    ("excerpt", QT_TR_NOOP("Текст")),
    ("status", QT_TR_NOOP("Статус")),
    ("importance", QT_TR_NOOP("Важность")),
    ("sector", QT_TR_NOOP("Сфера")),
    ("municipality", QT_TR_NOOP("Муниципалитет")),
    ("channel", QT_TR_NOOP("Канал")),
    ("assignee", QT_TR_NOOP("Исполнитель")),
    ("received", QT_TR_NOOP("Получено")),
]
#: Which cache sort key each column sorts by.
SORT_KEYS = {
    "number": "received",
    "sla": "sla_due",
    "status": "status",
    "importance": "importance",
    "sector": "sector",
    "municipality": "municipality",
    "channel": "channel",
    "excerpt": "received",
    "assignee": "assignee",
    "received": "received",
}
COLUMN_INDEX = {key: i for i, (key, _) in enumerate(COLUMNS)}
IncidentIdRole = Qt.ItemDataRole.UserRole + 1
SlaStateRole = Qt.ItemDataRole.UserRole + 2
ChangedRole = Qt.ItemDataRole.UserRole + 3
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ANSWERED = frozenset(
    {
        _DISPLAY,
        _FONT,
        _FOREGROUND,
        int(Qt.ItemDataRole.ToolTipRole.value),
        IncidentIdRole,
        SlaStateRole,
        ChangedRole,
    }
)
_SLA_COLUMN = COLUMN_INDEX["sla"]
#: Columns whose whole text is the tooltip (a long excerpt, sector or municipality is cut).
_TIPPED = frozenset(COLUMN_INDEX[k] for k in ("excerpt", "status", "sector", "municipality"))
#: Where a row keeps its display texts once computed (the SLA column's changes every beat).
_CELLS = "_cells"
#: Dragged queue rows: the incident ids, comma-separated (dropped on the team board).
INCIDENT_IDS_MIME = "application/x-cur-incident-ids"


def _ignore(task: asyncio.Future) -> None:
    """A result nobody waits for any more (a later query replaced it): fetch its exception so
    that asyncio does not log it as never retrieved."""
    if not task.cancelled():
        task.exception()


class _View:
    """A view's rows as far as they were read: kept for «back»."""

    def __init__(self, rows: int, pages: OrderedDict[int, list[dict[str, Any]]]):
        self.rows, self.pages = rows, pages


class QueueModel(QAbstractTableModel):
    shown = Signal()  # a refresh's first page is in the table (its count may still be coming)
    loaded = Signal()  # a refresh finished: the count and the first page are in

    def __init__(
        self,
        labels: Labels,
        sla: SlaView,
        page_size: int = 200,
        max_pages: int = 30,
        kept_views: int = 3,
        parent=None,
    ):
        super().__init__(parent)
        self.labels, self.sla = labels, sla
        self.page_size, self.max_pages, self.kept_views = page_size, max_pages, kept_views
        self._count_fn: CountFn = lambda: 0
        self._page_fn: PageFn = lambda offset, limit: []
        self._key_fn: KeyFn = lambda: None
        self._key: Hashable | None = None
        self._kept: OrderedDict[Hashable, _View] = OrderedDict()
        self._shown_sla: dict[tuple[int | None, int | None], SlaShown] = {}
        self._rows = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._loading: set[int] = set()
        self._wanted: set[int] = set()  # asked for since the last trip to the db thread
        self._generation = 0
        self._loaded_generation = -1
        self._bold = QFont()
        self._bold.setBold(True)
        self.now = self.sla.now()
        self.last_refresh_ms = 0.0  # the last refresh, until its count was in
        self.first_page_ms = 0.0  # the last refresh, until its first page was in

    # --- the query ------------------------------------------------------------------------

    def set_query(self, count_fn: CountFn, page_fn: PageFn, key_fn: KeyFn | None = None) -> None:
        """A new view. `key_fn` (called on this thread) names its rows on the current data; a
        view whose key is kept is shown again without reading."""
        self._count_fn, self._page_fn = count_fn, page_fn
        self._key_fn = key_fn or (lambda: None)
        self._start(from_kept=True)

    def refresh(self) -> None:
        """Re-read count and the visible pages (after a data or reference change). Kept views
        are dropped: their rows may hold labels or states from before the change."""
        self._kept.clear()
        self._start(from_kept=False)

    def _start(self, from_kept: bool) -> None:
        self._keep_current()  # before the generation moves: it is settled only until then
        self._generation += 1
        self._shown_sla.clear()  # the calendar may have changed with the reference
        key = self._key_fn()
        kept = self._kept.pop(key, None) if from_kept and key is not None else None
        self._key = key
        if kept is not None:
            # The same view of the same data: nothing to read. Shown from the loop, like a
            # refresh that read, so callers see the same order of events.
            spawn(self._show_kept(self._generation, kept), what="queue back")
            return
        spawn(self._refresh(self._generation), what="queue refresh")

    def _keep_current(self) -> None:
        if self._key is None or not self.settled or not self._pages:
            return
        self._kept[self._key] = _View(self._rows, OrderedDict(self._pages))
        self._kept.move_to_end(self._key)
        while len(self._kept) > self.kept_views:
            self._kept.popitem(last=False)

    async def _show_kept(self, generation: int, kept: _View) -> None:
        started = time.perf_counter()
        if generation != self._generation:
            return
        self._reset(kept.rows, kept.pages)
        self.first_page_ms = (time.perf_counter() - started) * 1000
        self.shown.emit()
        self._done(generation, started)

    def _reset(self, rows: int, pages: OrderedDict[int, list[dict[str, Any]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._pages = pages
        self._loading.clear()
        self._wanted.clear()
        self.endResetModel()

    def _done(self, generation: int, started: float) -> None:
        self.last_refresh_ms = (time.perf_counter() - started) * 1000
        self._loaded_generation = generation
        self.loaded.emit()

    async def _refresh(self, generation: int) -> None:
        started = time.perf_counter()
        count_fn, page_fn, size = self._count_fn, self._page_fn, self.page_size
        # Both go to the db thread's queue now, the page first: it is shown while the count runs.
        first_read = asyncio.ensure_future(in_db(page_fn, 0, size))
        counted = asyncio.ensure_future(in_db(count_fn))
        try:
            first = await first_read
        except BaseException:
            counted.cancel()
            raise
        if generation != self._generation:
            counted.add_done_callback(_ignore)
            return
        exact = len(first) < size  # a short first page is the whole queue
        self._reset(len(first), OrderedDict({0: first}))
        self.first_page_ms = (time.perf_counter() - started) * 1000
        self.shown.emit()
        if exact:
            counted.add_done_callback(_ignore)
        else:
            total = await counted
            if generation != self._generation:
                return
            self._set_rows(max(total, len(first)))
        self._done(generation, started)

    def _set_rows(self, total: int) -> None:
        """The count came after the first page: lengthen the table, keeping the selection."""
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()
        elif total < self._rows:
            self.beginRemoveRows(QModelIndex(), total, self._rows - 1)
            self._rows = total
            self.endRemoveRows()

    @property
    def settled(self) -> bool:
        """The latest query's count and first page are in."""
        return self._loaded_generation == self._generation

    def _want_page(self, page: int) -> None:
        if page in self._pages or page in self._loading:
            return
        self._loading.add(page)
        if not self._wanted:
            spawn(self._load_pages(self._generation), what="queue page")
        self._wanted.add(page)

    async def _load_pages(self, generation: int) -> None:
        """The pages a paint asked for (a screen often spans two), read in one trip to the db
        thread, adjacent ones as one statement (a deep offset is walked once), and shown with
        one repaint."""
        if generation != self._generation:
            return
        pages, size, page_fn = sorted(self._wanted), self.page_size, self._page_fn
        self._wanted.clear()
        runs: list[list[int]] = []
        for page in pages:
            if runs and runs[-1][-1] == page - 1:
                runs[-1].append(page)
            else:
                runs.append([page])

        def work() -> list[tuple[list[int], list[dict[str, Any]]]]:
            return [(run, page_fn(run[0] * size, len(run) * size)) for run in runs]

        read = await in_db(work)
        if generation != self._generation:
            return
        for run, rows in read:
            for i, page in enumerate(run):
                self._loading.discard(page)
                self._pages[page] = rows[i * size : (i + 1) * size]
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        first = pages[0] * size
        last = min(self._rows, (pages[-1] + 1) * size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def row_data(self, row: int) -> dict[str, Any] | None:
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._want_page(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def incident_id(self, row: int) -> int | None:
        data = self.row_data(row)
        return data["id"] if data else None

    def row_of(self, incident_id: int) -> int | None:
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r["id"] == incident_id:
                    return page * self.page_size + i
        return None

    def tick(self, first_row: int, last_row: int) -> None:
        """The one SLA timer's beat: repaint the countdown of the visible rows only."""
        self.now = self.sla.now()
        self._shown_sla.clear()
        if self._rows and last_row >= first_row >= 0:
            col = COLUMN_INDEX["sla"]
            self.dataChanged.emit(self.index(first_row, col), self.index(last_row, col))

    # --- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Draggable only where the view enables dragging (the supervisor's reassignment).
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [INCIDENT_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt override
        ids = dict.fromkeys(i for i in (self.incident_id(x.row()) for x in indexes) if i)
        mime = QMimeData()
        mime.setData(INCIDENT_IDS_MIME, ",".join(map(str, ids)).encode())
        return mime

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # A paint asks each visible cell for seven roles, four of which this model never sets:
        # answer those before any other work (data() is most of a paint's Python time).
        if role not in _ANSWERED or not index.isValid():
            return None
        column = index.column()
        row = self.row_data(index.row())
        if row is None:
            return "…" if role == _DISPLAY and column == 0 else None
        if role == _DISPLAY:
            if column == _SLA_COLUMN:
                return self._sla_text(row)
            cells = row.get(_CELLS)
            if cells is None:  # once per row: the labels do not change while it is shown
                cells = row[_CELLS] = [self._display(row, key) for key, _ in COLUMNS]
            return cells[column]
        if role == _FONT:
            return self._bold if row.get("changed") else None
        if role == _FOREGROUND:
            return self._sla(row).color if column == _SLA_COLUMN else None
        if role == IncidentIdRole:
            return row["id"]
        if role == ChangedRole:
            return bool(row.get("changed"))
        if role == SlaStateRole:
            return self._sla(row).state.value if column == _SLA_COLUMN else None
        if column == _SLA_COLUMN:  # the tooltip
            return self._sla_text(row)
        if row.get("pending"):
            return tr("Есть изменения, ещё не отправленные на сервер")
        if column in _TIPPED:  # the whole text where a narrow column cuts it, never as markup
            text = self.data(index, _DISPLAY)
            return tooltip(text) if text else None
        return None

    def _sla(self, row: dict[str, Any]) -> SlaShown:
        """The SLA cell as of the last clock beat, computed once per deadline and beat."""
        key = (row.get("sla_due"), row.get("sla_risk_at"))
        shown = self._shown_sla.get(key)
        if shown is None:
            if len(self._shown_sla) > 4 * self.page_size:  # scrolling through many pages
                self._shown_sla.clear()
            shown = self._shown_sla[key] = self.sla.show(key[0], key[1], self.now)
        return shown

    def _sla_text(self, row: dict[str, Any]) -> str:
        shown = self._sla(row)
        return f"{shown.symbol} {shown.text}"

    def _display(self, row: dict[str, Any], key: str) -> str:
        """A cell's text; the SLA cell's changes with the clock and is made per beat instead."""
        labels = self.labels
        if key == "number":
            return row["number"] + (" ⇡" if row.get("pending") else "")
        if key == "status":
            return labels.status(row["status"])
        if key == "importance":
            return "‼ " + labels.importance("high") if row["importance"] == "high" else ""
        if key == "sector":
            return labels.sector(row["sector"])
        if key == "municipality":
            return labels.municipality_short(row["municipality_id"])
        if key == "channel":
            return labels.channel(row["channel"])
        if key == "excerpt":
            return shown(" ".join((row.get("excerpt") or "").split()))
        if key == "assignee":
            return labels.user(row.get("assignee_id"))
        if key == "received":
            return formats.date_time(row["received_at"])
        return ""
