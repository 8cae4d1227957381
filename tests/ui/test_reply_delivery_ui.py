"""The card says where a reply to an e-mail is: «в очереди», «отправлено», «ошибка: …»."""

from __future__ import annotations

from datetime import UTC, datetime

from cur_desktop.models.cache.incidents import IncidentState
from cur_desktop.models.contract import IncidentOut
from cur_desktop.models.sla import SlaPolicy, WorkingCalendar
from cur_desktop.ui.incident_card import IncidentCard
from cur_desktop.ui.labels import Labels
from cur_desktop.ui.sla_view import SlaView

AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _incident(*replies: dict) -> IncidentOut:
    return IncidentOut(
        id=1,
        number="ЦУР-2026-000001",
        channel="email",
        source_id="m1@citizen.example",
        author_name="Ирина Соколова",
        text="Тема: Мусор во дворе\n\nНе вывозят третий день",
        received_at=AT,
        municipality_id=1,
        sector="waste",
        importance="normal",
        status="answered",
        sla_started_at=AT,
        version=5,
        updated_at=AT,
        replies=[
            {
                "id": n + 1,
                "kind": "final",
                "text": f"Ответ {n + 1}",
                "author_id": 1,
                "approval_state": "published",
                "created_at": AT,
                **r,
            }
            for n, r in enumerate(replies)
        ],
    )


def _detail(inc: IncidentOut) -> dict:
    """The card's input as the cache gives it: the cached rows of the server's incident."""
    state = IncidentState.from_server(inc)
    return {**state.row, "replies": state.replies, "events": state.events}


def test_the_card_shows_each_replys_delivery(qtbot):
    card = IncidentCard(Labels(), SlaView(WorkingCalendar("Europe/Moscow"), SlaPolicy()))
    qtbot.addWidget(card)
    inc = _incident(
        {"delivery_state": "queued"},
        {"delivery_state": "sent", "delivered_at": AT},
        {"delivery_state": "failed", "delivery_error": "SMTP 550 mailbox unavailable"},
        {},
    )
    card.show_incident(_detail(inc), user_id=1)
    card.resize(700, 600)
    card.grab().save("/tmp/channels_reply_delivery.png")
    history = card.history.toPlainText()
    assert "опубликован, в очереди)" in history
    assert "опубликован, отправлено)" in history
    assert "опубликован, ошибка: SMTP 550 mailbox unavailable)" in history
    # A reply no channel delivers (VK, training) reads as before.
    assert "(окончательный, опубликован)" in history
