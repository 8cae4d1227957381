"""Issue 14, items 3 and 4, in the real window against the real embedded server: the editor
ranks the complaint's own category first and previews the filled template before Enter puts it
in; a due date already past is not offered as {deadline_date}; a past date in the text blocks
sending with a Russian message; Enter never silently replaces the operator's own text; a
cluster reply asks for one date (not in the past) used by every incident's reply."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from cur_desktop.models.cache.schema import incidents
from cur_desktop.ui.aio import wait_until
from tests.server.api import Api
from tests.ui.test_analytics_window import open_analytics, plant_cluster
from tests.ui.test_operator_flow import close, first_sync, open_window
from tests.ui.test_training_ui import type_text

MOBILE = "Мобильный интернет не работает с начала месяца, дети не могут делать домашку."
#: Later than every seeded due date: each of them has passed.
LATER = date(2027, 1, 15)


def plant_mobile_complaint(url: str) -> None:
    item = {
        "channel": "vk",
        "source_id": "dates-mobile-1",
        "text": MOBILE,
        "received_at": "2026-11-24T10:15:00+03:00",
        "municipality_code": "ryazan",
        "sector": "other",
        "category_code": "mobile_internet",
    }
    r = Api(url, "collector").post("/api/v1/ingest", json={"items": [item]})
    assert r.status_code == 200, r.text


def test_editor_ranks_by_category_previews_and_refuses_past_dates(run, server, tmp_path, qtbot):
    plant_mobile_complaint(server.url)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        ws.clock.today = lambda tz=None: LATER  # the one clock, moved past every due date
        with ws.store.read() as conn:
            incident_id = conn.scalar(select(incidents.c.id).where(incidents.c.text == MOBILE))
        assert incident_id is not None
        window.select_incident(incident_id)
        await wait_until(lambda: window.current_id() == incident_id, 20)
        window.open_editor()
        editor = window.editor
        await wait_until(lambda: editor.incident and editor.incident["id"] == incident_id, 10)
        assert editor.kind_code == "final"
        titles = [editor.template_list.item(r).text() for r in range(editor.template_list.count())]
        assert "Связь: базовая станция в плане" in titles[0], titles
        assert "Нарушение не подтвердилось" not in titles[0]

        # The selected template is previewed, filled, before anything is inserted.
        number = editor.incident["number"]
        assert number in editor.preview.text() and "базовая станция" in editor.preview.text()
        assert editor.text.toPlainText() == ""
        # The due date has passed: no promise of it; the field stays for the operator.
        assert editor.values["deadline_date"] is None
        assert "{deadline_date}" in editor.preview.text()

        row = next(i for i, t in enumerate(titles) if "Нарушение не подтвердилось" in t)
        assert not titles[row].startswith("★")  # the category has its own: no star for this one
        # Issue 14, item 6: the templates pop up over the reply — «/» at the start of an empty
        # line opens them, typing filters, Enter inserts; Esc closes and keeps the «/».
        editor.text.setFocus()
        qtbot.keyClicks(editor.text, "/")
        popup = editor.templates_popup
        assert popup.isVisible() and editor.search.hasFocus()
        assert editor.text.toPlainText() == ""
        qtbot.keyClick(editor.search, Qt.Key.Key_Escape)
        assert not popup.isVisible() and editor.text.toPlainText() == "/"
        editor.text.clear()
        editor.text.setFocus()
        qtbot.keyClicks(editor.text, "/")
        assert popup.isVisible()
        window.grab().save(str(tmp_path / "reply-popup-window.png"))
        popup.grab().save(str(tmp_path / "reply-popup.png"))
        type_text(editor.search, "не подтвердилось")
        shown = [editor.template_list.item(r).text() for r in range(editor.template_list.count())]
        assert 0 < len(shown) < len(titles) and "Нарушение не подтвердилось" in shown[0], shown
        assert "нарушение не выявлено" in editor.preview.text()
        qtbot.keyClick(editor.search, Qt.Key.Key_Return)  # empty reply: Enter inserts
        assert not popup.isVisible() and editor.text.hasFocus()
        inserted = editor.text.toPlainText()
        assert "нарушение не выявлено" in inserted and number in inserted
        editor._run_checks()
        assert not editor.send.isEnabled()  # {deadline_date} left to fill

        # A date that has passed blocks sending, said in Russian.
        mine = inserted.replace("{deadline_date}", "30.11.2026")
        mine = mine.replace("{address}", "с. Поляны").replace("{agency}", "Минцифры")
        editor.text.setPlainText(mine)
        editor._run_checks()
        assert not editor.send.isEnabled()
        assert "Дата 30.11.2026 уже прошла" in editor.checks.text()
        assert any(f.code == "past_date" and f.blocking for f in editor.findings)
        later = mine.replace("30.11.2026", (LATER + timedelta(days=3)).strftime("%d.%m.%Y"))
        editor.text.setPlainText(later)
        editor._run_checks()
        assert editor.send.isEnabled(), editor.findings

        # Enter over the operator's own text asks first (in the preview), a second Enter replaces.
        # Ctrl+Space opens them anywhere in the text; Down and Up move in the list from the
        # search field.
        qtbot.keyClick(editor.text, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
        assert popup.isVisible() and editor.search.hasFocus()
        assert editor.text.toPlainText() == later
        qtbot.keyClick(editor.search, Qt.Key.Key_Down)
        assert editor.template_list.currentRow() == 1
        qtbot.keyClick(editor.search, Qt.Key.Key_Up)
        assert editor.template_list.currentRow() == 0
        qtbot.keyClick(editor.search, Qt.Key.Key_Return)
        assert editor.text.toPlainText() == later
        assert "Enter ещё раз" in editor.preview.text() and popup.isVisible()
        window.grab().save(str(tmp_path / "reply-preview.png"))
        qtbot.keyClick(editor.search, Qt.Key.Key_Return)
        assert "базовая станция" in editor.text.toPlainText()
        assert not popup.isVisible()
        await close(ws, window, task)

    run(scenario())


def test_cluster_reply_asks_for_one_date_not_in_the_past(run, server, tmp_path, qtbot):
    plant_cluster(server.url, size=3)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        today = ws.clock.today()
        aw = await open_analytics(window, qtbot)
        aw.tabs.setCurrentWidget(aw.systemic)
        tab = aw.systemic
        row = next(i for i, c in enumerate(tab.clusters.keys) if "Строителей" in c.key)
        tab.clusters_view.selectRow(row)
        qtbot.mouseClick(tab.reply_button, Qt.MouseButton.LeftButton)
        dialog = tab.reply_dialog
        dialog.kind.setCurrentIndex(dialog.kind.findData("interim"))
        codes = {t.code: t.id for t in window.reference.templates}
        assert dialog.select_template(codes["housing_interim_inspection"])
        await wait_until(lambda: dialog.planned_for == codes["housing_interim_inspection"], 10)

        # One date for all, and no day before today can be chosen.
        picker = dialog.deadline
        q_today = QDate(today.year, today.month, today.day)
        assert picker.minimumDate() == q_today
        picker.setDate(q_today.addDays(-5))
        assert picker.date() == q_today
        chosen = today + timedelta(days=10)
        dialog.planned_for = None
        picker.setDate(QDate(chosen.year, chosen.month, chosen.day))
        await wait_until(lambda: dialog.planned_for is not None, 10)
        promised = chosen.strftime("%d.%m.%Y")
        assert len(dialog.plan) == 3 and all(p.ok for p in dialog.plan), dialog.plan
        assert all(f"до {promised}" in p.text for p in dialog.plan)
        dialog.grab().save(str(tmp_path / "cluster-date.png"))
        dialog.reject()
        aw.close()
        await close(ws, window, task)

    run(scenario())
