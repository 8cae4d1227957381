"""Small screens (issue 14, item 18): every window fits 1024×600 and 1366×768 — the operator's
window, the supervisor's with its console docks, analytics — and at both sizes nothing on
screen is cut: the window really gets the size (its minimum fits), no visible label or button
is narrower or shorter than its text needs, and no chart label or name in an analytics table
(its first column: operator, agency, municipality, topic) is elided to «…»."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QTableView, QWidget

from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.analytics_tables import FigureTable
from tests.ui.screens import save_screenshot
from tests.ui.test_analytics_window import DATE_FROM, DATE_TO
from tests.ui.test_operator_flow import close, first_sync, open_window

SIZES = [QSize(1024, 600), QSize(1366, 768)]


def shown(widget: QWidget, window: QWidget) -> bool:
    """On screen: visible and with some part of it not clipped away by its parents (a widget
    scrolled out of a scroll area's view is not cut, only out of sight; a scroll area's own
    region is all covered by its viewport, which is the part on screen)."""
    seen = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    return (
        widget.isVisibleTo(window)
        and widget.isVisible()
        and not seen.visibleRegion().isEmpty()
        and widget.width() > 0
    )


def cut_widgets(window: QWidget) -> list[str]:
    """Visible labels and buttons smaller than their text needs, as «class 'text' w×h < need»."""
    cut = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not shown(widget, window):
            continue
        text = widget.text().replace("&", "")
        if not text.strip():
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            # A wrapped label needs its height for its width (and its longest word's width).
            need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(size.width()))
        else:
            need = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and not widget.wordWrap():
            need = QSize(widget.sizeHint().width(), need.height())
        if need.width() > size.width() + 1 or need.height() > size.height() + 1:
            name = type(widget).__name__
            cut.append(
                f"{name} {text[:40]!r} {size.width()}×{size.height()}"
                f" < {need.width()}×{need.height()}"
            )
    return cut


def truncated_chart_labels(window: QWidget) -> list[str]:
    """Chart labels cut short: an axis that says so, and a bar chart's category names that
    do not fit the room its axis gets — QtCharts elides those to «...» without reporting it
    (its label items are private, so the test measures: a name needs its text width left of
    the plot area and its line height within its bar's band)."""
    found = []
    for view in window.findChildren(QChartView):
        if not shown(view, window):
            continue
        chart = view.chart()
        plot = chart.plotArea()
        for axis in chart.axes():
            if axis.labelsTruncated():
                found.append(f"{chart.title()}: {type(axis).__name__}")
            if not isinstance(axis, QBarCategoryAxis) or not axis.count():
                continue
            metrics = QFontMetrics(axis.labelsFont())
            room = plot.left() - chart.margins().left()
            band = plot.height() / axis.count()
            for name in axis.categories():
                need = metrics.horizontalAdvance(name)
                if need > room or metrics.height() > band:
                    found.append(
                        f"{chart.title()}: {name!r} needs {need}×{metrics.height()},"
                        f" has {room:.0f}×{band:.0f}"
                    )
    return found


def elided_table_names(window: QWidget) -> list[str]:
    """Names in the first column of an analytics table that their column is too narrow for
    (the view would draw them cut to «…»)."""
    found = []
    for view in window.findChildren(QTableView):
        model = view.model()
        if not isinstance(model, FigureTable) or not shown(view, window) or view.isColumnHidden(0):
            continue
        room = view.horizontalHeader().sectionSize(0)
        metrics = view.fontMetrics()
        for row in range(min(model.rowCount(), 60)):
            name = str(model.data(model.index(row, 0)) or "")
            need = metrics.horizontalAdvance(name) + 4
            if need > room:
                found.append(f"{view.objectName()}: {name!r} needs {need}, has {room}")
    return found


async def check_sizes(window: QWidget, tmp_path, name: str, on_size=None) -> None:
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    problems = []
    for size in SIZES:
        window.resize(size)
        # The loop handles Qt's events while it sleeps (processEvents() here would run other
        # tasks inside this one: qasync refuses that, and the run hangs).
        for _ in range(3):
            await asyncio.sleep(0.2)
        if on_size is not None:
            await on_size()
        save_screenshot(window, tmp_path, f"small-{name}-{size.width()}x{size.height()}.png")
        if window.size() != size:
            problems.append(f"{size.width()}×{size.height()}: got {window.size()}, min {hint}")
            continue
        for cut in cut_widgets(window):
            problems.append(f"{size.width()}×{size.height()}: cut {cut}")
        for label in truncated_chart_labels(window):
            problems.append(f"{size.width()}×{size.height()}: chart labels elided: {label}")
        for name in elided_table_names(window):
            problems.append(f"{size.width()}×{size.height()}: table name elided: {name}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "username",
    [
        "operator1",
        "supervisor1",
    ],
)
def test_the_main_window_fits_small_screens(run, server, tmp_path, qtbot, username):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, username)
        qtbot.addWidget(window)
        try:
            await first_sync(ws, window)
            window.table.selectRow(0)
            await window.show_current()
            await wait_until(lambda: window.editor.incident is not None, 20)
            if window.console is not None:  # the supervisor's docks are all shown
                for dock in (window.console.board_dock, window.console.approvals_dock):
                    assert dock.isVisible()
            await check_sizes(window, tmp_path, username)
        finally:
            await close(ws, window, task)

    run(scenario())


def test_analytics_fits_small_screens(run, server, tmp_path, qtbot):
    """The charts too: the «Основные темы» bars name every topic in full (a name wraps in its
    column rather than being cut to «…»)."""

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        try:
            await first_sync(ws, window)
            window.analytics_action.trigger()
            aw = window.analytics_window
            qtbot.addWidget(aw)
            await wait_until(lambda: aw.summary is not None and aw.busy_loads == 0, 30)
            aw.set_period(DATE_FROM, DATE_TO)
            assert await aw.load(), aw.notice.text()
            topics = [row[0] for row in aw.overview.categories.rows]
            assert [n.text() for n in aw.overview.categories_chart.names] == topics
            for tab in (aw.overview, aw.sla):
                aw.tabs.setCurrentWidget(tab)
                await check_sizes(aw, tmp_path, f"analytics-{aw.tabs.indexOf(tab)}")
            for group in range(1, aw.sla.group.count()):  # by agency, by municipality
                aw.sla.group.setCurrentIndex(group)
                await check_sizes(aw, tmp_path, f"analytics-sla-{group}")
            aw.close()
        finally:
            await close(ws, window, task)

    run(scenario())


def test_the_card_never_scrolls_sideways(run, server, tmp_path, qtbot):
    """At 1024×600 the card fits its pane's width: its buttons go four rows of two, and long
    words — a URL, a file's name, a name with no spaces — wrap instead of widening it (the
    card scrolled sideways before)."""

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        try:
            await first_sync(ws, window)
            window.table.selectRow(0)
            await wait_until(lambda: window.card.incident is not None, 20)
            detail = dict(window.card.incident)
            url = "https://vk.com/wall-" + "1234567890" * 12 + "?reply=" + "9" * 40
            detail["source_url"] = url
            detail["author_name"] = "Константинопольская" * 4
            detail["attachments"] = [f"https://sun9-1.userapi.com/{'x' * 90}.jpg", url]
            detail["text"] = "Ссылка: " + url + " " + "Ы" * 150
            for size in SIZES:
                window.resize(size)
                for _ in range(10):  # a refresh of the queue may show the stored case again
                    window.card.show_incident(detail)
                    for _ in range(3):
                        await asyncio.sleep(0.2)
                    if window.card.incident is detail:
                        break
                assert window.card.fields["source"].text().startswith("https:")
                save_screenshot(window, tmp_path, f"card-{size.width()}x{size.height()}.png")
                save_screenshot(window.card, tmp_path, f"card-only-{size.width()}.png")
                scroll, card = window.card_scroll, window.card
                where = f"{size.width()}×{size.height()}"
                assert scroll.horizontalScrollBar().maximum() == 0, where
                assert card.width() <= scroll.viewport().width(), where
                assert window.card.fields["source"].toolTip(), "the full URL on hover"
                assert not cut_widgets(card), (where, cut_widgets(card))
        finally:
            await close(ws, window, task)

    run(scenario())


def test_the_trainer_window_fits_small_screens(run, server, tmp_path, qtbot):
    """The trainer's window (training mode) with a session running: its toolbars, the live
    view and the scorecard at 1024×600 and 1366×768."""
    from cur_desktop.sync.credentials import CredentialStore
    from cur_desktop.sync.workspace import Workspace
    from tests.ui.test_training_ui import close as close_training
    from tests.ui.test_training_ui import open_window as open_training
    from tests.ui.test_training_ui import started_session

    header_problems = []

    async def header_words():
        """The scorecard's captions wrap by words: each word within its column."""
        table = tw_box[0].score.table
        if not table.isVisible():
            return
        header = table.horizontalHeader()
        room = 2 * tw_box[0].score.header_margin()
        for col in range(header.count()):
            text = header.model().headerData(col, Qt.Orientation.Horizontal)
            width = header.sectionSize(col) - room
            for word in text.split():
                if header.fontMetrics().horizontalAdvance(word) > width:
                    header_problems.append(f"{table.width()} px: {word!r} in {width} px")

    tw_box = []

    async def scenario():
        tws = Workspace.sign_in(
            tmp_path / "trainer",
            server.url,
            "trainer1",
            "demo",
            remember=False,
            credentials=CredentialStore(),
        )
        window, task = open_training(tws)
        qtbot.addWidget(window)
        try:
            await wait_until(lambda: tws.engine.last_summary is not None, 60)
            _, session_id, _ = started_session(server.url)
            window.findChild(QAction, "trainerAction").trigger()
            tw = window.trainer_window
            tw_box.append(tw)
            qtbot.addWidget(tw)
            await wait_until(lambda: tw.sessions.findData(session_id) >= 0, 20)
            tw.sessions.setCurrentIndex(tw.sessions.findData(session_id))
            tw._session_chosen()
            await wait_until(lambda: tw.session is not None, 20)
            for index in range(tw.tabs.count()):
                tw.tabs.setCurrentIndex(index)
                await check_sizes(tw, tmp_path, f"trainer-{index}", on_size=header_words)
                # the speed stays on its toolbar, not in an overflow menu
                assert tw.speed.isVisible()
            assert not header_problems, header_problems
            tw.close()
        finally:
            await close_training(tws, window, task)

    run(scenario())
