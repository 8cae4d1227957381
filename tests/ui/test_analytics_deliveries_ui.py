"""The analytics window says how many answers reached the citizens' channels: delivered,
queued and failed, per channel, as the server counts them (real e-mail channel, real server)."""

from __future__ import annotations

from openpyxl import load_workbook

from cur_desktop.ui.aio import wait_until
from tests.server.api import Api
from tests.server.test_email_channel import email_incidents, letter, runner
from tests.support.imap_server import ImapServer
from tests.support.smtp_server import SmtpServer
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window


def _deliveries(server_url: str, base: str) -> None:
    """Three answered letters: one delivered, one refused for good, one still queued."""
    with ImapServer() as imap, SmtpServer() as smtp:
        run = runner(server_url, imap, smtp)
        for n in range(3):
            imap.deliver(letter(f"Письмо {n}", message_id=f"ui{n}@citizen.example"))
        run.run_round()
        lead = Api(base, "supervisor1")
        incidents = email_incidents(server_url)
        for n, inc in enumerate(incidents):
            assert lead.one("claim", inc.id)["outcome"] == "applied"
            r = lead.one("add_reply", inc.id, {"kind": "final", "text": f"Ответ {n}"})
            assert r["outcome"] == "applied"
            if n == 0:
                assert run.run_round().sent == 1
            elif n == 1:
                smtp.refuse("550 5.1.1 no such user")
                assert run.run_round().failed == 1
                smtp.refuse("")


def test_the_overview_shows_delivered_queued_and_failed_answers(
    run, server, server_url, tmp_path, qtbot
):
    _deliveries(server_url, server.url)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.analytics_action.trigger()
        aw = window.analytics_window
        qtbot.addWidget(aw)
        # The window opens on the last 30 days up to today: the answers were queued today.
        await wait_until(lambda: aw.summary is not None and aw.busy_loads == 0, 30)
        overview = aw.overview
        assert overview.deliveries.rows == [["Электронная почта", 1, 1, 1]]
        assert overview.delivered.text() == "Ответов доставлено в каналы заявителей: 1 из 3"
        save_screenshot(aw, tmp_path, "analytics-deliveries.png")

        out = tmp_path / "analytics.xlsx"
        assert await aw.export(out)
        sheet = list(load_workbook(out)["Доставка ответов"].values)
        assert sheet[0] == ("Канал", "Доставлено", "В очереди", "Не доставлено")
        assert sheet[1][1:] == (1, 1, 1)

        aw.close()
        await close(ws, window, task)

    run(scenario())
