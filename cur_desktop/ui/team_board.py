"""The supervisor's team board: who is on shift (presence as a symbol and a word, never colour
alone), what each has open on screen, and their load by SLA state, refreshed from the server
every REFRESH_SECONDS. When the server cannot be reached the board is built from the local cache
(`models/cache/board.py`: the user's scope as synced, presence unknown) with a note saying so;
without a cache the last figures stay with a note saying how old they are. Queue rows dropped on
an operator are reassigned to them, all in one action."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.cache.board import local_board
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.team import PresenceState, TeamBoard, TeamMember
from cur_desktop.sync.client import ApiClient, SyncError, Unreachable
from cur_desktop.sync.team import team_board

from . import formats
from .aio import in_db, in_net, spawn
from .i18n import QT_TR_NOOP, tr
from .plain_text import tooltip
from .problem_text import problem_text
from .queue_model import INCIDENT_IDS_MIME

log = logging.getLogger(__name__)

REFRESH_SECONDS = 30
UserIdRole = Qt.ItemDataRole.UserRole + 1

PRESENCE = {
    PresenceState.ONLINE: ("●", QT_TR_NOOP("В сети"), "#1b7f3b"),
    PresenceState.AWAY: ("◐", QT_TR_NOOP("Отошёл"), "#a86400"),
    PresenceState.OFFLINE: ("○", QT_TR_NOOP("Не в сети"), "#6b6b6b"),
    PresenceState.UNKNOWN: ("?", QT_TR_NOOP("Нет данных"), "#6b6b6b"),
}
COLUMNS = [
    ("name", QT_TR_NOOP("Сотрудник")),
    ("presence", QT_TR_NOOP("Присутствие")),
    ("current", QT_TR_NOOP("Открыто\nсейчас")),
    ("assigned", QT_TR_NOOP("Назначено")),
    ("in_work", QT_TR_NOOP("В работе")),
    ("at_risk", QT_TR_NOOP("Под\nугрозой")),
    ("overdue", QT_TR_NOOP("Просрочено")),
    ("answered", QT_TR_NOOP("Ответов\nсегодня")),
    ("median", QT_TR_NOOP("Медиана\n1-го ответа")),
]
COLUMN = {key: i for i, (key, _) in enumerate(COLUMNS)}


def minutes_text(minutes: float | None) -> str:
    """«42 мин», «1 ч 05 мин»; «—» when there is nothing to measure."""
    if minutes is None:
        return "—"
    total = round(minutes)
    hours, rest = divmod(total, 60)
    if hours:
        return tr("{h} ч {m:02d} мин").format(h=hours, m=rest)
    return tr("{m} мин").format(m=rest)


def dropped_ids(mime) -> list[int]:
    """Incident ids carried by a drag from the queue; [] for anything else."""
    if not mime.hasFormat(INCIDENT_IDS_MIME):
        return []
    raw = bytes(mime.data(INCIDENT_IDS_MIME)).decode()
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]


class MemberTable(QTableWidget):
    """The board's table; a drop of queue rows on a member's row asks to reassign them."""

    dropped = Signal(list, int)  # incident ids, user id

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setHorizontalHeaderLabels([tr(caption) for _, caption in COLUMNS])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COLUMN["name"], QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(COLUMN["name"], 200)
        self.setWordWrap(False)

    def user_at(self, pos) -> int | None:
        row = self.rowAt(pos.y())
        item = self.item(row, 0) if row >= 0 else None
        return item.data(UserIdRole) if item is not None else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        if dropped_ids(event.mimeData()) and self.user_at(pos) is not None:
            self.selectRow(self.rowAt(pos.y()))
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        ids = dropped_ids(event.mimeData())
        user_id = self.user_at(event.position().toPoint())
        if not ids or user_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(ids, user_id)


class TeamBoardPanel(QWidget):
    """The board, its freshness note and the unassigned load."""

    assign_requested = Signal(list, int)  # incident ids, operator's user id
    refreshed = Signal()  # new figures shown, or the offline note (tests wait for it)

    def __init__(
        self,
        client: ApiClient,
        numbers: Callable[[list[int]], dict[int, str]],
        parent=None,
        store: CacheStore | None = None,
    ):
        """The board offline is counted against `client.clock` (the server's time)."""
        super().__init__(parent)
        self.client, self.numbers, self.store = client, numbers, store
        self.board: TeamBoard | None = None
        self.offline = False
        self._loading = False

        self.note = QLabel()
        self.note.setObjectName("teamBoardNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.table = MemberTable()
        self.table.setObjectName("teamBoard")
        self.table.dropped.connect(self.assign_requested)
        self.unassigned = QLabel()
        self.unassigned.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(tr("Перетащите строки очереди на сотрудника, чтобы назначить их ему."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("color: gray")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unassigned)
        layout.addWidget(hint)

        self.timer = QTimer(self, interval=REFRESH_SECONDS * 1000)
        self.timer.timeout.connect(self.reload)

    def start(self) -> None:
        self.timer.start()
        self.reload()

    def reload(self) -> None:
        if not self._loading:
            spawn(self.refresh(), what="team board")

    async def refresh(self) -> None:
        self._loading = True
        try:
            board = await in_net(team_board, self.client)
        except SyncError as exc:
            log.info("team board: %s", exc)
            self.offline = True
            if isinstance(exc, Unreachable):  # no server at all: the cache knows the load
                cached = await self._from_cache()
                if cached is not None:
                    self.board = cached
                    self._fill(cached, {})
            self._show_note(problem_text(exc))
            self.refreshed.emit()
            return
        finally:
            self._loading = False
        current = [m.current_incident_id for m in board.members if m.current_incident_id]
        numbers = await in_db(self.numbers, current) if current else {}
        self.offline = False
        self.board = board
        self._fill(board, numbers)
        self._show_note(None)
        self.refreshed.emit()

    async def _from_cache(self) -> TeamBoard | None:
        if self.store is None:
            return None

        def read() -> TeamBoard:
            with self.store.read() as conn:
                return local_board(conn, self.client.clock.now())

        try:
            return await in_db(read)
        except Exception:  # noqa: BLE001 - the note then says only what is known
            log.exception("team board from the cache")
            return None

    def _show_note(self, problem: str | None) -> None:
        when = self.board.as_of.timestamp() if self.board else None
        if problem is not None and self.board is not None and self.board.from_cache:
            self.note.setText(
                tr(
                    "Нет связи с сервером: показано по локальному кэшу на {time} (ваша зона, "
                    "что успело синхронизироваться; присутствие неизвестно)."
                ).format(time=formats.clock(when))
            )
            self.note.setStyleSheet("color: #b0003a")
        elif problem is None:
            self.note.setText(tr("Обновлено в {time}").format(time=formats.clock(when)))
            self.note.setStyleSheet("")
        elif self.board is None:
            self.note.setText(tr("Нет связи с сервером: данных о смене пока нет.") + f" {problem}")
            self.note.setStyleSheet("color: #b0003a")
        else:
            self.note.setText(
                tr("Нет связи с сервером: показаны данные на {time}.").format(
                    time=formats.clock(when)
                )
            )
            self.note.setStyleSheet("color: #b0003a")

    def _fill(self, board: TeamBoard, numbers: dict[int, str]) -> None:
        self.table.setRowCount(len(board.members))
        for row, m in enumerate(board.members):
            for key, _ in COLUMNS:
                self.table.setItem(row, COLUMN[key], self._item(m, key, numbers))
        u = board.unassigned
        self.unassigned.setText(
            tr("Без исполнителя: {n}, под угрозой {risk}, просрочено {late}").format(
                n=formats.number(u.assigned),
                risk=formats.number(u.at_risk),
                late=formats.number(u.overdue),
            )
        )

    def _item(self, m: TeamMember, key: str, numbers: dict[int, str]) -> QTableWidgetItem:
        load = m.load
        values = {
            "name": m.full_name,
            "current": numbers.get(m.current_incident_id, "") if m.current_incident_id else "",
            "assigned": formats.number(load.assigned),
            "in_work": formats.number(load.in_work),
            "at_risk": formats.number(load.at_risk),
            "overdue": formats.number(load.overdue),
            "answered": formats.number(m.answered_today),
            "median": minutes_text(m.median_first_answer_minutes),
        }
        if key == "presence":
            symbol, caption, color = PRESENCE[m.presence]
            item = QTableWidgetItem(f"{symbol} {tr(caption)}")
            item.setForeground(QColor(color))
            if m.last_seen_at:
                item.setToolTip(
                    tr("Последняя активность: {when}").format(
                        when=formats.date_time(int(m.last_seen_at.timestamp()))
                    )
                )
        else:
            item = QTableWidgetItem(values[key])
        if key == "name":
            item.setData(UserIdRole, m.user_id)
            item.setToolTip(tooltip(m.full_name))
        elif key == "overdue" and load.overdue:
            item.setForeground(QColor("#b0003a"))
        elif key == "at_risk" and load.at_risk:
            item.setForeground(QColor("#a86400"))
        if key not in ("name", "presence", "current"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def member_row(self, user_id: int) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(UserIdRole) == user_id:
                return row
        return None

    def cell(self, user_id: int, key: str) -> str:
        row = self.member_row(user_id)
        return "" if row is None else self.table.item(row, COLUMN[key]).text()

    def as_of(self) -> datetime | None:
        return self.board.as_of if self.board else None
