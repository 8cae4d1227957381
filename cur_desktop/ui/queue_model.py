"""The queue as a Qt table model that reads the cache a page at a time.

The model knows only the total row count and the pages it has fetched (a bounded set): no Python
object per row for the whole queue. A row not yet fetched shows «…» and asks for its page in the
background; a filter or sort change bumps a generation so late pages of the old query are dropped.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from . import formats
from .aio import in_db, spawn
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .sla_view import SlaView

PageFn = Callable[[int, int], list[dict[str, Any]]]  # (offset, limit) -> rows, in the db thread
CountFn = Callable[[], int]


COLUMNS: list[tuple[str, str]] = [
    ("number", QT_TR_NOOP("Номер")),
    ("sla", QT_TR_NOOP("Срок ответа")),
    ("status", QT_TR_NOOP("Статус")),
    ("importance", QT_TR_NOOP("Важность")),
    ("sector", QT_TR_NOOP("Сфера")),
    ("municipality", QT_TR_NOOP("Муниципалитет")),
    ("channel", QT_TR_NOOP("Канал")),
    ("excerpt", QT_TR_NOOP("Текст")),
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
#: Dragged queue rows: the incident ids, comma-separated (dropped on the team board).
INCIDENT_IDS_MIME = "application/x-cur-incident-ids"


class QueueModel(QAbstractTableModel):
    loaded = Signal()  # a refresh finished: the count and the first page are in

    def __init__(
        self,
        labels: Labels,
        sla: SlaView,
        page_size: int = 200,
        max_pages: int = 30,
        parent=None,
    ):
        super().__init__(parent)
        self.labels, self.sla = labels, sla
        self.page_size, self.max_pages = page_size, max_pages
        self._count_fn: CountFn = lambda: 0
        self._page_fn: PageFn = lambda offset, limit: []
        self._rows = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._loading: set[int] = set()
        self._generation = 0
        self._loaded_generation = -1
        self._bold = QFont()
        self._bold.setBold(True)
        self.now = datetime.now(UTC)
        self.last_refresh_ms = 0.0

    # --- the query ------------------------------------------------------------------------

    def set_query(self, count_fn: CountFn, page_fn: PageFn) -> None:
        self._count_fn, self._page_fn = count_fn, page_fn
        self.refresh()

    def refresh(self) -> None:
        """Re-read count and the visible pages (after a filter, sort or data change)."""
        self._generation += 1
        spawn(self._refresh(self._generation), what="queue refresh")

    async def _refresh(self, generation: int) -> None:
        started = time.perf_counter()
        count_fn, page_fn, size = self._count_fn, self._page_fn, self.page_size

        def work() -> tuple[int, list[dict[str, Any]]]:
            return count_fn(), page_fn(0, size)

        total, first = await in_db(work)
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = total
        self._pages = OrderedDict({0: first})
        self._loading.clear()
        self.endResetModel()
        self.last_refresh_ms = (time.perf_counter() - started) * 1000
        self._loaded_generation = generation
        self.loaded.emit()

    @property
    def settled(self) -> bool:
        """The latest query's count and first page are in."""
        return self._loaded_generation == self._generation

    def _want_page(self, page: int) -> None:
        if page in self._pages or page in self._loading:
            return
        self._loading.add(page)
        spawn(self._load_page(page, self._generation), what="queue page")

    async def _load_page(self, page: int, generation: int) -> None:
        page_fn, size = self._page_fn, self.page_size
        rows = await in_db(page_fn, page * size, size)
        if generation != self._generation:
            return
        self._loading.discard(page)
        self._pages[page] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        first = page * size
        last = min(self._rows, first + len(rows)) - 1
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
        self.now = datetime.now(UTC)
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
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        key = COLUMNS[index.column()][0]
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == IncidentIdRole:
            return row["id"]
        if role == ChangedRole:
            return bool(row.get("changed"))
        if key == "sla" and role in (Qt.ItemDataRole.ForegroundRole, SlaStateRole):
            shown = self.sla.show(row.get("sla_due"), row.get("sla_risk_at"), self.now)
            return shown.color if role == Qt.ItemDataRole.ForegroundRole else shown.state.value
        if role == Qt.ItemDataRole.FontRole and row.get("changed"):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and key == "sla":
            shown = self.sla.show(row.get("sla_due"), row.get("sla_risk_at"), self.now)
            return f"{shown.symbol} {shown.text}"
        if role == Qt.ItemDataRole.ToolTipRole and row.get("pending"):
            return tr("Есть изменения, ещё не отправленные на сервер")
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        labels = self.labels
        if key == "number":
            return row["number"] + (" ⇡" if row.get("pending") else "")
        if key == "sla":
            shown = self.sla.show(row.get("sla_due"), row.get("sla_risk_at"), self.now)
            return f"{shown.symbol} {shown.text}"
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
            return " ".join((row.get("excerpt") or "").split())
        if key == "assignee":
            return labels.user(row.get("assignee_id"))
        if key == "received":
            return formats.date_time(row["received_at"])
        return ""
