"""The analytics window («Аналитика») for supervisors, admins and district officials: a period
and a municipality, the server's summary, spikes and clusters drawn in four tabs, XLSX export of
every table and the municipality brief. Requests run in `in_net`; the UI never waits on them.
When the server cannot be reached the same figures are counted from the local cache (in
`in_db`) and the window says so, and the brief is then built from the cache too (marked so in
the document); any other failed load keeps the last figures on screen with the reason next to
them."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models import analytics as a
from cur_desktop.models.cache.analytics import local_clusters, local_spikes, local_summary
from cur_desktop.models.domain import Role
from cur_desktop.sync import analytics as api
from cur_desktop.sync.client import RequestRejected, SyncError, Unreachable

from . import formats
from .aio import in_db, in_net, spawn
from .analytics_tables import write_xlsx
from .analytics_tabs import OverviewTab, SectorsTab, SlaTab
from .i18n import QT_TR_NOOP, tr
from .problem_text import problem_text
from .systemic_view import SystemicTab
from .window_actions import add_window_action

log = logging.getLogger(__name__)

ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.DISTRICT_OFFICIAL})
SHORTCUT = "Ctrl+Shift+A"
PRESETS = [
    (QT_TR_NOOP("Неделя"), 7),
    (QT_TR_NOOP("Месяц"), 30),
    (QT_TR_NOOP("Квартал"), 91),
]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def fetch(client, date_from: date, date_to: date, municipality_ids: list[int]):
    """The three requests of one load, in the network thread."""
    return (
        api.summary(client, date_from, date_to, municipality_ids, top=15),
        api.spikes(client, date_from, date_to, municipality_ids),
        api.clusters(client, date_from, date_to, municipality_ids),
    )


def fetch_local(store, date_from: date, date_to: date, municipality_ids: list[int], now: datetime):
    """The same three answers computed from the local cache, in the db thread; «overdue now»
    and the like against `now` (the server's time)."""
    query = a.AnalyticsQuery(
        date_from=date_from, date_to=date_to, municipality_ids=municipality_ids
    )
    return (
        local_summary(store, query, top=15, now=now),
        local_spikes(store, query, now=now),
        local_clusters(store, query, now=now),
    )


def make_brief(client, municipality_id: int, date_from: date, date_to: date, out: Path) -> Path:
    """The municipality brief as PDF (or XLSX by the file's suffix), in the network thread."""
    from cur_desktop.reports.brief import build_brief
    from cur_desktop.reports.brief_document import write_brief
    from cur_desktop.reports.brief_source import ServerSource

    write_brief(build_brief(ServerSource(client), str(municipality_id), date_from, date_to), out)
    return out


def make_brief_from_cache(
    store, municipality_id: int, date_from: date, date_to: date, out: Path, now: datetime
) -> Path:
    """The same brief counted from the local cache (it says so in its header), in the db
    thread: for when the server cannot be reached."""
    from cur_desktop.reports.brief import build_brief
    from cur_desktop.reports.brief_document import write_brief
    from cur_desktop.reports.brief_source import CacheSource

    write_brief(
        build_brief(CacheSource(store, now=now), str(municipality_id), date_from, date_to), out
    )
    return out


class AnalyticsWindow(QWidget):
    loaded = Signal()  # figures of a load are on screen (tests wait for it)
    failed = Signal(str)
    brief_written = Signal(str)
    exported = Signal(str)

    def __init__(self, main_window, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("analyticsWindow")
        self.main = main_window
        self.ws = main_window.ws
        self.user = main_window.user
        self.labels = main_window.labels
        self.setWindowTitle(tr("Аналитика") + f" — {self.user.full_name}")
        self.summary: a.Summary | None = None
        self.from_cache = False  # the figures shown were counted from the local cache
        self._generation = 0
        self.busy_loads = 0
        self._tasks: set[asyncio.Task] = set()

        today = main_window.sla.today()  # the region's today by the server's clock
        self.date_from = QDateEdit(_qdate(today - timedelta(days=29)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.date_from.setObjectName("dateFrom")
        self.date_to.setObjectName("dateTo")
        # The end never precedes the start: moving the start past the end takes the end along.
        self.date_to.setMinimumDate(self.date_from.date())
        self.date_from.dateChanged.connect(self.date_to.setMinimumDate)
        self.municipality = QComboBox()
        self.municipality.setObjectName("municipalityFilter")
        self._fill_municipalities()
        self.municipality.activated.connect(lambda _i: self.reload())  # by the user only
        refresh = QPushButton(tr("Показать"))
        refresh.setObjectName("refreshAnalytics")
        refresh.setDefault(True)
        refresh.clicked.connect(self.reload)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.notice = QLabel()
        self.notice.setObjectName("analyticsNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        export = QPushButton(tr("Экспорт в XLSX…"))
        export.setObjectName("exportXlsx")
        export.clicked.connect(self.ask_export)
        brief = QPushButton(tr("Справка по МО…"))
        brief.setObjectName("briefButton")
        brief.clicked.connect(self.ask_brief)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Период:")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        for caption, days in PRESETS:
            b = QPushButton(tr(caption))
            b.setFlat(True)
            b.clicked.connect(lambda _=False, n=days: self.set_preset(n))
            bar.addWidget(b)
        bar.addStretch(1)
        # A second row: on one, the period, the municipality and the buttons needed 1,337 px.
        scope = QHBoxLayout()
        self.municipality.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.municipality.setMinimumContentsLength(24)
        scope.addWidget(self.municipality, 1)
        scope.addWidget(refresh)
        scope.addWidget(self.busy)
        scope.addStretch(0)
        scope.addWidget(export)
        scope.addWidget(brief)

        self.overview = OverviewTab(self.labels)
        self.sectors = SectorsTab(self.labels)
        self.sla = SlaTab(self.labels)
        self.systemic = SystemicTab(self.ws, self.labels, main_window.reference)
        self.systemic.open_incident.connect(self._open_incident)
        self.systemic.message.connect(self.say)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, tr("Обзор"))
        self.tabs.addTab(self.sectors, tr("Секторы × МО"))
        self.tabs.addTab(self.sla, tr("Сроки"))
        self.tabs.addTab(self.systemic, tr("Системные проблемы"))
        self.period_label = QLabel()
        self.period_label.setStyleSheet("color: #4a5568")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(scope)
        layout.addWidget(self.period_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.notice.hide()
        self.resize(1280, 820)

    def _fill_municipalities(self) -> None:
        """Officials choose among their own municipalities; «all» is their whole scope."""
        names = self.labels.municipalities
        own = [m for m in self.user.municipality_ids if m in names]
        ids = own if own else list(names)
        self.municipality.addItem(tr("Все МО") if not own else tr("Все мои МО"), None)
        for mid in sorted(ids, key=lambda m: names[m]):
            self.municipality.addItem(names[mid], mid)
        if len(own) == 1:
            self.municipality.setCurrentIndex(1)

    # --- the period ---------------------------------------------------------------------------

    def set_period(self, date_from: date, date_to: date, municipality_id: int | None = None):
        self.date_from.setDate(_qdate(date_from))
        self.date_to.setDate(_qdate(date_to))
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(municipality_id)))

    def set_preset(self, days: int) -> None:
        end = _pydate(self.date_to.date())
        self.date_from.setDate(_qdate(end - timedelta(days=days - 1)))
        self.reload()

    def period(self) -> tuple[date, date, list[int]]:
        mid = self.municipality.currentData()
        return _pydate(self.date_from.date()), _pydate(self.date_to.date()), [mid] if mid else []

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        task = spawn(self.load(), what="analytics")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def load(self) -> bool:
        """Ask the server; only the latest load is drawn, an older answer is dropped."""
        self._generation += 1
        mine = self._generation
        date_from, date_to, mids = self.period()
        self.busy_loads += 1
        self.busy.show()
        from_cache = False
        try:
            result = await in_net(fetch, self.ws.client, date_from, date_to, mids)
        except Unreachable as exc:
            # Offline: the same figures from what the cache holds, said to be so.
            try:
                result = await in_db(
                    fetch_local, self.ws.store, date_from, date_to, mids, self.ws.clock.now()
                )
            except Exception:  # noqa: BLE001 - the reason shown is the lost server
                log.exception("analytics from the cache")
                if mine == self._generation:
                    self._show_failure(exc)
                return False
            from_cache = True
        except (SyncError, ValidationError) as exc:
            if mine == self._generation:
                self._show_failure(exc)
            return False
        finally:
            self.busy_loads -= 1
            self.busy.setVisible(self.busy_loads > 0)
        if mine != self._generation:
            return False
        summary, spikes, clusters = result
        self.summary = summary
        self.from_cache = from_cache
        self.overview.show_summary(summary)
        self.sectors.show_summary(summary)
        self.sla.show_summary(summary)
        self.systemic.show_reports(spikes, clusters)
        p = summary.period
        source = (
            tr("Посчитано по локальному кэшу на {t}.")
            if from_cache
            else tr("Данные сервера на {t}.")
        ).format(t=formats.date_time(int(summary.generated_at.timestamp())))
        self.period_label.setText(
            tr("Период {a} — {b}, сравнение с {c} — {d}.").format(
                a=formats.day(p.date_from),
                b=formats.day(p.date_to),
                c=formats.day(p.previous_from),
                d=formats.day(p.previous_to),
            )
            + " "
            + source
        )
        if from_cache:
            self.say(
                tr(
                    "Нет связи с сервером: цифры посчитаны по локальному кэшу. В нём только "
                    "ваша зона ответственности и то, что успело синхронизироваться, поэтому "
                    "они могут быть меньше серверных."
                ),
                error=True,
            )
        else:
            self.notice.hide()
        self.loaded.emit()
        return True

    def _show_failure(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            date_from, date_to, _ = self.period()
            text = (
                tr("Неверный период: конец раньше начала.")
                if date_to < date_from
                else tr("Неверный период: не длиннее {n} дней.").format(n=a.MAX_PERIOD_DAYS)
            )
        elif isinstance(exc, Unreachable):
            text = tr("Нет связи с сервером: аналитика считается на сервере.")
        elif isinstance(exc, RequestRejected):
            text = tr("Сервер отказал: {m}").format(m=problem_text(exc))
        else:
            text = tr("Не удалось получить данные: {m}").format(m=getattr(exc, "message", exc))
        if self.summary is not None:
            # A sentence of its own: a server's message may come without a full stop.
            text = text.rstrip()
            text += ("" if text.endswith((".", "!", "?", "…")) else ".") + " "
            text += tr("Показаны прежние цифры.")
        self.say(text, error=True)
        self.failed.emit(text)

    def say(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet("color: #b0003a" if error else "color: #22543d")
        self.notice.setText(text)
        self.notice.show()

    def _open_incident(self, incident_id: int) -> None:
        self.main.select_incident(incident_id)
        self.main.raise_()
        self.main.activateWindow()

    # --- export -------------------------------------------------------------------------------

    def tables(self):
        return [
            *self.overview.tables(),
            *self.sectors.tables(),
            *self.sla.tables(),
            *self.systemic.tables(),
        ]

    def _save_dialog(self, caption: str, name: str, pattern: str, done) -> QFileDialog:
        d = QFileDialog(self, caption, str(Path.home() / name), pattern)
        d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        d.setDefaultSuffix(Path(name).suffix.lstrip("."))
        d.fileSelected.connect(done)
        d.finished.connect(d.deleteLater)
        d.open()
        return d

    def ask_export(self) -> None:
        if self.summary is None:
            self.say(tr("Сначала загрузите данные за период."), error=True)
            return
        p = self.summary.period
        name = f"analytics-{p.date_from.isoformat()}-{p.date_to.isoformat()}.xlsx"
        self._save_dialog(
            tr("Экспорт таблиц"),
            name,
            tr("Книга Excel (*.xlsx)"),
            lambda path: spawn(self.export(Path(path)), what="export"),
        )

    async def export(self, path: Path) -> bool:
        """Every table of the window, one sheet each (written off the UI thread)."""
        sheets = [t.sheet() for t in self.tables()]
        try:
            await asyncio.get_running_loop().run_in_executor(None, write_xlsx, path, sheets)
        except OSError as exc:
            self.say(tr("Не удалось записать файл: {m}").format(m=exc.strerror or exc), error=True)
            return False
        self.say(tr("Таблицы сохранены: {p}").format(p=str(path)))
        self.exported.emit(str(path))
        return True

    # --- the municipality brief ---------------------------------------------------------------

    def ask_brief(self) -> None:
        mid = self.municipality.currentData()
        if mid is None:
            self.say(tr("Выберите муниципальное образование для справки."), error=True)
            self.municipality.setFocus()
            return
        date_from, date_to, _ = self.period()
        name = f"brief-{mid}-{date_from.isoformat()}-{date_to.isoformat()}.pdf"
        self._save_dialog(
            tr("Справка по МО"),
            name,
            tr("PDF (*.pdf);;Книга Excel (*.xlsx)"),
            lambda path: spawn(self.brief(Path(path)), what="brief"),
        )

    async def brief(self, out: Path) -> bool:
        from cur_desktop.reports.municipality import BriefError

        mid = self.municipality.currentData()
        date_from, date_to, _ = self.period()
        if mid is None:
            return False
        self.busy_loads += 1
        self.busy.show()
        from_cache = self.from_cache
        try:
            if not from_cache:
                try:
                    await in_net(make_brief, self.ws.client, mid, date_from, date_to, out)
                except Unreachable:
                    from_cache = True
            if from_cache:  # the window already counts from the cache, or the server just left
                await in_db(
                    make_brief_from_cache,
                    self.ws.store,
                    mid,
                    date_from,
                    date_to,
                    out,
                    self.ws.clock.now(),
                )
        except (BriefError, SyncError, OSError) as exc:
            self.say(
                tr("Справка не сформирована: {m}").format(m=getattr(exc, "message", exc)),
                error=True,
            )
            return False
        finally:
            self.busy_loads -= 1
            self.busy.setVisible(self.busy_loads > 0)
        if from_cache:
            self.say(
                tr(
                    "Нет связи с сервером: справка составлена по локальному кэшу и помечена "
                    "так. Сохранена: {p}"
                ).format(p=str(out)),
                error=True,
            )
        else:
            self.say(tr("Справка сохранена: {p}").format(p=str(out)))
        self.brief_written.emit(str(out))
        self._offer_folder(out)
        return True

    def _offer_folder(self, out: Path) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("Справка по МО"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("Справка сохранена:\n{p}").format(p=str(out)))
        folder = box.addButton(tr("Открыть папку"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(
            lambda b: b is folder and QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
        )
        box.finished.connect(box.deleteLater)
        self.brief_box = box
        box.open()


def install_analytics(window) -> QAction | None:
    """The «Аналитика» action on the main window, for the roles that have analytics."""
    if window.user.role not in ROLES:
        return None

    def open_new() -> AnalyticsWindow:
        new = AnalyticsWindow(window, window)
        new.show()
        new.reload()
        return new

    return add_window_action(
        window,
        name="analyticsAction",
        caption=tr("Аналитика"),
        shortcut=SHORTCUT,
        attribute="analytics_window",
        open_new=open_new,
    )
