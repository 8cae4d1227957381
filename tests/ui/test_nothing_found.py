"""A search that finds nothing, in the real window against the real server: the table says
«Ничего не найдено — Сбросить фильтры» instead of staying blank, the card lets go of the last
incident (no live buttons on a case nobody sees), the tab counts count what the search finds,
and the link brings the queue back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cur_desktop.ui.aio import wait_until
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window

ALL = 4  # «Все»


def test_a_search_with_no_results_clears_the_card_and_offers_a_reset(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(ALL)
        await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 10)
        window.table.selectRow(0)
        await wait_until(lambda: window.card.incident is not None, 10)
        assert any(b.isEnabled() for b in window.card.buttons.values())
        await wait_until(lambda: "(0)" not in window.tabs.tabText(ALL), 10)
        everything = window.tabs.tabText(ALL)

        window.search.setText("абырвалгщъ")
        await wait_until(
            lambda: (
                window.model.settled
                and window.model.rowCount() == 0
                and window.table.nothing_found.isVisible()
            ),
            10,
        )
        notice = window.table.nothing_found
        assert notice.label.text() == "Ничего не найдено"
        assert notice.reset_button.isVisible() and notice.reset_button.text() == "Сбросить фильтры"
        assert window.card.incident is None
        assert not any(b.isEnabled() for b in window.card.buttons.values())
        await wait_until(
            lambda: all("(0)" in window.tabs.tabText(i) for i in range(window.tabs.count())), 10
        )
        save_screenshot(window, tmp_path, "nothing-found.png")

        qtbot.mouseClick(notice.reset_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: window.model.settled and window.model.rowCount() > 0 and not notice.isVisible(),
            10,
        )
        assert window.search.text() == "" and window.tabs.currentIndex() == ALL
        await wait_until(lambda: window.tabs.tabText(ALL) == everything, 10)
        await close(ws, window, task)

    run(scenario())
