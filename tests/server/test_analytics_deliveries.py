"""«How many answers were delivered»: the analytics summary counts the replies queued for the
citizens' channels in the period, by channel: delivered, still queued, failed. The replies go
through the real e-mail channel (local IMAP and SMTP servers) and the real REST API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.server.test_email_channel import email_incidents, letter, runner
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer

SUMMARY = "/api/v1/analytics/summary"


def _period(days_back: int, days_ahead: int) -> dict:
    today = (datetime.now(UTC) + timedelta(hours=3)).date()
    return {
        "date_from": (today - timedelta(days=days_back)).isoformat(),
        "date_to": (today + timedelta(days=days_ahead)).isoformat(),
    }


def test_the_summary_counts_delivered_queued_and_failed_answers_by_channel(seeded_url, api):
    with ImapServer() as imap, SmtpServer() as smtp:
        run = runner(seeded_url, imap, smtp)
        lead = api("supervisor1")
        before = lead.get(SUMMARY, params=_period(1, 0)).json()["deliveries"]
        assert before == []  # the seed holds no channel deliveries
        for n in range(3):
            imap.deliver(letter(f"Обращение номер {n}", message_id=f"d{n}@citizen.example"))
        run.run_round()
        incidents = email_incidents(seeded_url)
        assert len(incidents) == 3

        def answer(inc, text):
            assert lead.one("claim", inc.id)["outcome"] == "applied"
            assert lead.one("add_reply", inc.id, {"kind": "final", "text": text})["outcome"] == (
                "applied"
            )

        answer(incidents[0], "Сделано.")
        assert run.run_round().sent == 1
        answer(incidents[1], "Тоже сделано.")
        smtp.refuse("550 5.1.1 mailbox unavailable")
        assert run.run_round().failed == 1
        smtp.refuse("")
        answer(incidents[2], "Сделаем завтра.")  # not yet sent: the channel has not run

        summary = lead.get(SUMMARY, params=_period(1, 0))
        assert summary.status_code == 200, summary.text
        assert summary.json()["deliveries"] == [
            {"channel": "email", "sent": 1, "queued": 1, "failed": 1}
        ]
        # A period before them counts none; a municipality of no e-mail incident neither.
        assert lead.get(SUMMARY, params=_period(30, -5)).json()["deliveries"] == []
        official = api("official1")  # Шиловский район; the letters went to Рязань
        assert official.get(SUMMARY, params=_period(1, 0)).json()["deliveries"] == []

        assert run.run_round().sent == 1
        after = lead.get(SUMMARY, params=_period(1, 0)).json()["deliveries"]
        assert after == [{"channel": "email", "sent": 2, "queued": 0, "failed": 1}]
