"""The English UI speaks English: the operator's and the supervisor's windows, opened in English
against the real server, with a reply under way and the analytics open, show no Cyrillic apart
from data — citizens' texts and names, staff names, the region's municipalities, rubrics,
agencies and answer templates, incident numbers. The server sends codes; the workstation names
them in its own language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QTableView, QWidget

from cur_desktop.models import reply_checks
from cur_desktop.models.domain import CHANNEL_LABELS, SECTOR_LABELS
from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.statuses import STATUS_LABELS
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS
from cur_desktop.models.training import SESSION_STATE_LABELS
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.code_labels import CODE_NAMES, REFUSALS, refusal_text
from cur_desktop.ui.finding_text import FIELD_NAMES, FINDING_TEXTS, finding_text
from cur_desktop.ui.i18n import TRANSLATIONS
from cur_desktop.ui.labels import short_municipality
from cur_server import mutations
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
#: Widgets that show only data: a template filled in for this citizen.
DATA_WIDGETS = {"replyTemplatePreview"}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load("cur_desktop_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian))


def test_every_model_name_of_a_code_is_in_the_catalogue():
    """lupdate reads only ui/: the names the models give must be marked there too."""
    for names in (STATUS_LABELS, SECTOR_LABELS, CHANNEL_LABELS, SESSION_STATE_LABELS):
        missing = [n for n in names.values() if n not in CODE_NAMES and CYRILLIC.search(n)]
        assert not missing
    assert set(FIELD_NAMES) == set(KNOWN_PLACEHOLDERS)
    source = open(reply_checks.__file__, encoding="utf-8").read()
    codes = set(re.findall(r'Finding\(\s*"(\w+)"', source))
    assert codes and codes <= set(FINDING_TEXTS)
    # Every refusal code the server gives has a name here.
    server = "".join(
        open(f, encoding="utf-8").read() for f in Path(mutations.__file__).parent.glob("*.py")
    )
    refused = set(re.findall(r'refuse\(\s*"(\w+)"', server))
    refused |= set(re.findall(r'MutationConflict\(\s*"(\w+)"', server))
    refused |= set(re.findall(r'Outcome\.REJECTED, "(\w+)"', server))
    assert refused and refused <= set(REFUSALS), refused - set(REFUSALS)


def test_refusals_are_said_in_english(english):
    reason = "Обращение уже в работе у сотрудника Кузнецов Д. О."
    assert refusal_text("held_by_other", reason) == "A colleague is already working on the incident"
    assert refusal_text("something_new", reason) == reason  # unknown: the server's words
    assert not CYRILLIC.search(refusal_text(None, None))


def test_reply_checks_are_said_in_english(english):
    findings = check_reply("Принято {agency} до 01.01.2020", "final", today=None)
    findings += reply_checks.past_dates("до 01.01.2020", today=date(2026, 12, 5))
    said = [finding_text(f) for f in findings]
    assert {f.code for f in findings} >= {"placeholder", "too_short", "past_date", "no_action"}
    assert not [s for s in said if CYRILLIC.search(s)], said
    assert "Field «agency» is not filled in" in said


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a user can see in `root`: labels, buttons, tabs, table cells and headers,
    tooltips, window titles, actions."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.objectName() in DATA_WIDGETS:
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, w.text()))
        if isinstance(w, QTabBar):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            for c in range(m.columnCount()):
                found.append((name, str(m.headerData(c, Qt.Orientation.Horizontal) or "")))
                for r in range(min(m.rowCount(), 40)):
                    found.append((f"{name}[{r},{c}]", str(m.index(r, c).data() or "")))
        if w.toolTip():
            found.append((name + " tooltip", w.toolTip()))
        if w.isWindow():
            found.append((name + " title", w.windowTitle()))
    found += [("action", a.text()) for a in root.findChildren(QAction) if a.isVisible()]
    return found


def data_strings(server_url: str, ws) -> list[str]:
    """What may stay Russian: the region's data and the citizens' words."""
    ref = ws.reference()
    values = [m.name for m in ref.municipalities] + [c.name for c in ref.categories]
    values += [short_municipality(m.name) for m in ref.municipalities]
    values += [a.name for a in ref.agencies] + [u.full_name for u in ref.users]
    values += [t.title for t in ref.templates] + [t.text for t in ref.templates]
    for item in Api(server_url, "supervisor1").all_incidents().values():
        values += [item["number"], item["text"], item.get("author_name") or ""]
        values += [r["text"] for r in item["replies"]] + [
            e.get("text") or "" for e in item.get("events", [])
        ]
        values += (item.get("address") or "").split(", ")
    values += [" ".join(v.split()) for v in values]  # as one line in the queue
    words = []
    for v in values:
        words += re.findall(r"[А-ЯЁ][а-яё]+", v)  # names as the card greets by («Анна Петровна»)
    return sorted({v for v in values + words if v}, key=len, reverse=True)


def leftovers(texts: list[tuple[str, str]], data: list[str]) -> list[tuple[str, str]]:
    out = []
    for where, text in texts:
        cut = text.rstrip("…").strip()
        if any(cut in value for value in data):
            continue  # a citizen's text cut to fit its cell
        rest = text
        for value in data:
            if value in rest:
                rest = rest.replace(value, "")
        if CYRILLIC.search(rest):
            out.append((where, text[:120]))
    return out


def test_the_english_windows_show_no_russian_but_data(run, server, tmp_path, qtbot, english):
    async def look(user: str) -> list[tuple[str, str]]:
        ws, window, task = open_window(server.url, tmp_path / user, user)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        await first_sync(ws, window)
        window.table.selectRow(0)
        await wait_until(lambda: window.card.incident is not None, 20)
        data = data_strings(server.url, ws)
        if user == "operator1":
            await wait_until(lambda: window.editor.incident is not None, 20)
            window.editor.text.setPlainText("Срок до 01.01.2020, {agency}")
            window.editor._run_checks()
            assert "Field «agency» is not filled in" in window.editor.checks.text()
        problems = leftovers(shown_texts(window), data)
        if user == "supervisor1":
            window.findChild(QAction, "analyticsAction").trigger()
            analytics = window.analytics_window
            await wait_until(lambda: analytics.summary is not None, 30)
            await wait_until(lambda: bool(analytics.systemic.cluster_rule.text()), 30)
            for tab in range(analytics.tabs.count()):
                analytics.tabs.setCurrentIndex(tab)
                problems += leftovers(shown_texts(analytics), data)
            assert "at least" in analytics.systemic.spike_rule.text()
            analytics.close()
        await close(ws, window, task)
        return problems

    async def scenario():
        problems = await look("operator1") + await look("supervisor1")
        assert not problems, "\n".join(f"{w}: {t!r}" for w, t in problems)

    run(scenario())
