"""Small screens (issue 14, item 18): every window fits 1024×600 and 1366×768 — the operator's
window, the supervisor's with its console docks, analytics — and at both sizes nothing on
screen is cut: the window really gets the size (its minimum fits), no visible label or button
is narrower or shorter than its text needs, and no chart label is elided to «…»."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from cur_desktop.ui.aio import wait_until
from tests.ui.screens import save_screenshot
from tests.ui.test_analytics_window import DATE_FROM, DATE_TO
from tests.ui.test_operator_flow import close, first_sync, open_window

SIZES = [QSize(1024, 600), QSize(1366, 768)]


def shown(widget: QWidget, window: QWidget) -> bool:
    """On screen: visible and with some part of it not clipped away by its parents (a widget
    scrolled out of a scroll area's view is not cut, only out of sight)."""
    return (
        widget.isVisibleTo(window)
        and widget.isVisible()
        and not widget.visibleRegion().isEmpty()
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
    found = []
    for view in window.findChildren(QChartView):
        if not shown(view, window):
            continue
        for axis in view.chart().axes():
            if axis.labelsTruncated():
                found.append(f"{view.chart().title()}: {type(axis).__name__}")
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
    """Left: at 1024 px the «Основные темы» bar chart still elides its topic names to «…»,
    which `labelsTruncated()` does not report for that axis, so this test does not see it."""

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
            for tab in (aw.overview, aw.sla):
                aw.tabs.setCurrentWidget(tab)
                await check_sizes(aw, tmp_path, f"analytics-{aw.tabs.indexOf(tab)}")
            aw.close()
        finally:
            await close(ws, window, task)

    run(scenario())
