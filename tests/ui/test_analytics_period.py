"""The analytics period as a supervisor sets it: the end cannot be put before the start (it
follows the start instead), and a period that is too long is said in a sentence of its own, not
run together with the note that the old figures are still shown."""

from __future__ import annotations

import re
from datetime import timedelta

from cur_desktop.models.analytics import MAX_PERIOD_DAYS
from cur_desktop.ui.analytics_window import _pydate, _qdate
from tests.ui.test_analytics_window import DATE_FROM, DATE_TO, open_analytics
from tests.ui.test_operator_flow import close, first_sync, open_window


def test_end_follows_start_and_errors_are_sentences(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        aw = await open_analytics(window, qtbot)
        assert aw.summary is not None  # figures are shown: a failure keeps them

        # The end typed before the start is not taken; a start moved past the end takes the
        # end along.
        aw.date_to.setDate(_qdate(DATE_FROM - timedelta(days=5)))
        assert _pydate(aw.date_to.date()) >= _pydate(aw.date_from.date())
        aw.date_from.setDate(_qdate(DATE_TO + timedelta(days=3)))
        assert _pydate(aw.date_to.date()) == DATE_TO + timedelta(days=3)

        aw.set_period(DATE_TO - timedelta(days=MAX_PERIOD_DAYS + 10), DATE_TO)
        assert not await aw.load()
        text = aw.notice.text()
        assert f"не длиннее {MAX_PERIOD_DAYS} дней." in text, text
        assert "конец раньше начала" not in text, text  # only what is wrong
        assert "Показаны прежние цифры." in text
        # Sentences, each closed before the next begins.
        assert not re.search(r"[^.!?]\s+Показаны", text), text
        aw.close()
        await close(ws, window, task)

    run(scenario())
