"""A colleague's case in the real window: the card says whose it is («В работе у Новикова
А. И.») and offers no reply, routing or status change; a reply attempted anyway is refused
before anything is written, instead of being «saved» and then refused by the server."""

from __future__ import annotations

import pytest

from cur_desktop.sync.outbox import InvalidAction
from cur_desktop.ui.aio import wait_until
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window
from tests.ui.test_supervisor_console import unassigned_open


def test_colleagues_case_is_closed_to_changes_and_says_whose(run, server, tmp_path, qtbot):
    held, free = unassigned_open(server.url, 2)
    assert Api(server.url, "operator3").one("claim", held)["outcome"] == "applied"

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.select_incident(held)
        card = window.card
        await wait_until(
            lambda: (
                card.incident is not None
                and card.incident["id"] == held
                and card.incident.get("assignee_id") is not None
            ),
            30,
        )
        assert card.held_label.isVisible()
        assert card.held_label.text() == "В работе у Новикова А. И."
        for name in ("reply", "route", "status", "reject", "category"):
            assert not card.buttons[name].isEnabled(), name
        assert card.buttons["note"].isEnabled()
        assert not window.actions_by_name["reply"].isEnabled()
        assert not window.actions_by_name["route"].isEnabled()

        with pytest.raises(InvalidAction, match="в работе у Новикова А. И."):
            ws.actions.add_reply(held, "final", "Здравствуйте! Работы выполнены.")
        with pytest.raises(InvalidAction, match="Новикова"):
            ws.actions.set_status(held, "rejected", reason="дубль")
        assert ws.actions.outbox.pending_count() == 0
        assert ws.actions.outbox.problems() == []

        # A free case: the window's keys are back.
        window.select_incident(free)
        await wait_until(lambda: card.incident is not None and card.incident["id"] == free, 20)
        assert not card.held_label.isVisible()
        assert window.actions_by_name["reply"].isEnabled()
        await close(ws, window, task)

    run(scenario())
