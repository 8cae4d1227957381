"""Outside text is shown as text in every view: a citizen's markup, a trainee's draft, a name
never become bold, a picture or a link (Qt would guess rich text in an AutoText QLabel and in
any tooltip), and bidi overrides and control characters are neutralised on screen while the
stored text keeps them.

The real server gets incidents whose text and author carry markup (and a cluster of them), a
trainee's reply with markup waits for approval; the supervisor opens the queue, the card, the
editor, the approvals panel, the team board, the analytics tables and the systemic problems;
every widget under those windows is walked."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPlainTextEdit, QWidget

from cur_desktop.models.display_text import MARK, shown
from cur_desktop.models.training import DraftView, IncidentView, SlaState
from cur_desktop.sync.engine import SyncState
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.plain_text import tooltip
from cur_desktop.ui.trainer_live import DRAFT_COLUMN, LiveViewPanel
from tests.server.api import Api
from tests.ui.test_analytics_window import open_analytics
from tests.ui.test_operator_flow import close, first_sync, open_window
from tests.ui.test_supervisor_console import pending_reply, unassigned_open

MARKUP = '<b>жирный</b><img src="http://127.0.0.1:9/x.png"><a href="http://evil.example">ссылка</a>'
BIDI = "\u202eтекст наоборот\u202c"
TEXT = f"Зюзюкинская яма у дома {MARKUP} {BIDI} конец\x85строки, жалоба соседей про яму"
AUTHOR = f"<i>Иван</i> {BIDI}"
FRAGMENTS = ("<b>", "<img", "<a ", "<i>")
HIDDEN = ("\u202e", "\u202c", "\x85")


def plant(url: str) -> int:
    items = [
        {
            "channel": "vk",
            "source_id": f"markup-{n}",
            "author_name": AUTHOR,
            "text": TEXT,
            "received_at": f"2026-11-24T0{n + 1}:15:00+03:00",  # in the analytics' period
            "municipality_code": "ryazan",
            "sector": "roads",
        }
        for n in range(4)
    ]
    r = Api(url, "collector").post("/api/v1/ingest", json={"items": items})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]["incident_id"]


def _cells(model, parent=None):
    """Every index under `parent`, walked by validity (some of Qt's private models answer
    rowCount/columnCount only to their own views)."""
    parent = QModelIndex() if parent is None else parent
    for row in range(300):
        if not model.index(row, 0, parent).isValid():
            return
        col = 0
        while (index := model.index(row, col, parent)).isValid():
            yield index
            col += 1
        yield from _cells(model, model.index(row, 0, parent))


def interpreted(root: QWidget) -> list[str]:
    """Every place under `root` where outside text would be interpreted or shown raw."""
    problems: list[str] = []

    def raw(text: str) -> bool:
        return any(f in text for f in FRAGMENTS)

    for w in [root, *root.findChildren(QWidget)]:
        if raw(w.toolTip()):
            problems.append(f"tooltip of {w.objectName() or type(w).__name__}: {w.toolTip()}")
    for label in root.findChildren(QLabel):
        text = label.text()
        if raw(text) and label.textFormat() != Qt.TextFormat.PlainText:
            problems.append(f"rich label {label.objectName()}: {text}")
        if any(h in text for h in HIDDEN):
            problems.append(f"label with bidi/control characters: {text!r}")
    for edit in root.findChildren(QPlainTextEdit):
        if edit.isReadOnly() and any(h in edit.toPlainText() for h in HIDDEN):
            problems.append(f"read-only text {edit.objectName()} with bidi/control characters")
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for index in _cells(model):
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and raw(tip):
                problems.append(f"item tooltip in {view.objectName()}: {tip}")
            shown_text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(shown_text, str) and any(h in shown_text for h in HIDDEN):
                problems.append(f"cell in {view.objectName()}: {shown_text!r}")
    return problems


def test_shown_neutralises_bidi_and_controls_only():
    assert shown(TEXT) == TEXT.replace("\u202e", MARK).replace("\u202c", MARK).replace("\x85", MARK)
    assert shown("строка\nвторая\tтаб") == "строка\nвторая\tтаб"
    assert shown(None) == ""


def test_tooltip_shows_markup_as_typed(qapp):
    tip = tooltip(MARKUP + "\nвторая строка")
    assert not any(f in tip for f in FRAGMENTS) and "&lt;b&gt;" in tip
    assert QtGui.mightBeRichText(tip)  # so Qt renders the entities as the characters typed


def test_every_view_shows_outside_text_as_text(run, server, tmp_path, qtbot):
    incident_id = plant(server.url)
    (other,) = unassigned_open(server.url, 1)
    pending_reply(server.url, other, f"Ответ {MARKUP} {BIDI}")

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        panel = window.console.approvals
        await wait_until(lambda: any("Ответ" in r["text"] for r in panel.rows), 30)
        window.tabs.setCurrentIndex(4)  # «все»
        window.search.setText("Зюзюкинская")
        await wait_until(lambda: window.model.settled and window.model.rowCount() == 4, 20)
        window.table.selectRow(0)
        ours = range(incident_id, incident_id + 4)
        await wait_until(lambda: window.card.incident and window.card.incident["id"] in ours, 10)
        assert window.card.incident["text"] == TEXT  # the data keeps every character
        window.open_editor()
        await wait_until(lambda: window.editor.template_list.count() > 0, 10)
        assert ws.engine.state is not SyncState.ERROR
        assert interpreted(window) == []

        aw = await open_analytics(window, qtbot)
        sys_tab = aw.systemic
        aw.tabs.setCurrentWidget(sys_tab)
        await wait_until(lambda: sys_tab.clusters.rowCount() > 0, 20)
        row = next(
            i
            for i in range(sys_tab.clusters.rowCount())
            if "зюзюкинск" in str(sys_tab.clusters.key(i).key).lower()
        )
        sys_tab.clusters_view.selectRow(row)
        await wait_until(lambda: sys_tab.behind.rowCount() >= 4, 20)
        assert "<b>жирный</b>" in sys_tab.behind_caption.text()  # shown, as typed
        assert interpreted(aw) == []
        aw.close()
        await close(ws, window, task)

    run(scenario())


def test_trainer_live_view_shows_a_draft_as_text(qtbot):
    draft = DraftView(
        user_id=7,
        full_name=f"Слушатель {MARKUP}",
        kind="final",
        text=f"Черновик {MARKUP} {BIDI}",
        updated_at=datetime.now(UTC),
        minute=3.0,
    )
    incident = IncidentView.model_construct(
        id=1,
        number="У-1",
        status="in_progress",
        importance="normal",
        released_minute=1.0,
        sla=SlaState.RUNNING,
        replies=[],
        drafts=[draft],
    )
    panel = LiveViewPanel()
    qtbot.addWidget(panel)
    item = panel._row(incident, trainee_id=8)
    panel.tree.addTopLevelItem(item)
    assert "&lt;b&gt;" in item.toolTip(DRAFT_COLUMN)
    assert interpreted(panel) == []


def test_a_kept_edit_in_the_conflicts_panel_is_shown_as_text(qtbot):
    from cur_desktop.ui.conflicts_panel import describe

    problem = {
        "type": "add_reply",
        "payload": json.dumps({"text": f"Ответ {BIDI}\x85"}),
        "outcome": "conflict",
        "incident_id": 5,
        "reason": "changed",
    }
    text = describe(problem, "Р-5")
    assert not any(h in text for h in HIDDEN) and f"Ответ {MARK}текст наоборот{MARK}" in text
