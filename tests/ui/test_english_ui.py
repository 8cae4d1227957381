"""The English UI speaks English: the operator's and the supervisor's windows, opened in English
against the real server, with a reply under way and the analytics open, show no Cyrillic apart
from data — citizens' texts and names, staff names, the region's municipalities, rubrics,
agencies and answer templates, incident numbers. The server sends codes; the workstation names
them in its own language."""

from __future__ import annotations

import ast
import asyncio
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QTabBar,
    QTableView,
    QWidget,
)

from cur_desktop.models import reply_checks
from cur_desktop.models import said as said_module
from cur_desktop.models.domain import CHANNEL_LABELS, SECTOR_LABELS
from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.statuses import STATUS_LABELS
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS
from cur_desktop.models.training import SESSION_STATE_LABELS
from cur_desktop.sync.connection import Connection
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.code_labels import CODE_NAMES, REFUSALS, refusal_text
from cur_desktop.ui.connection_dialog import ConnectionDialog
from cur_desktop.ui.finding_text import FIELD_NAMES, FINDING_TEXTS, finding_text
from cur_desktop.ui.i18n import TRANSLATIONS
from cur_desktop.ui.labels import short_municipality
from cur_desktop.ui.login_dialog import LoginDialog
from cur_desktop.ui.problem_text import PROBLEMS, problem_text
from cur_server import mutations
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window
from tests.ui.test_supervisor_console import pending_reply, unassigned_open

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
        text = text.replace("\n", " ")  # a header wrapped onto two lines (analytics_tables)
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


#: Russian in sync/ that never reaches the UI: terminal prompts and messages of the command
#: line, the sync states' names for logs (each checked to be one of these places).
TERMINAL_ONLY = {
    ("profile.py", "cache_passphrase"),  # getpass on the terminal; the UI catches NeedPassphrase
    ("sign_in.py", None),  # the command line's sign-in prompt
    ("credentials.py", None),  # KEYRING_STATUS_LABELS: printed by the command line only
    ("engine.py", None),  # SYNC_STATE_LABELS: logs (the status bar names states itself)
}


def _russian_literals(path: Path) -> list[tuple[int, str | None, bool]]:
    """(line, enclosing function, inside a said(…) call) for each Cyrillic string literal of
    `path` that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []

    def visit(node, function, in_said):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "said":
            in_said = True
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CYRILLIC.search(node.value)
            and id(node) not in docstrings
        ):
            found.append((node.lineno, function, in_said))
        for child in ast.iter_child_nodes(node):
            visit(child, function, in_said)

    visit(tree, None, False)
    return found


def test_what_sync_says_has_a_code_and_english_words():
    """Every Russian sentence sync/ can put on screen is a `said(code, …)`, and every code
    said in sync/, models/ and ui/ has its words in ui/problem_text.PROBLEMS (or is a reply
    check's, said by finding_text)."""
    package = Path(said_module.__file__).parents[1]
    loose = []
    for path in sorted((package / "sync").glob("*.py")):
        for line, function, in_said in _russian_literals(path):
            allowed = (path.name, None) in TERMINAL_ONLY or (path.name, function) in TERMINAL_ONLY
            if not in_said and not allowed:
                loose.append(f"{path.name}:{line}")
    assert not loose, f"Russian shown without a code: {loose}"
    source = "".join(
        p.read_text(encoding="utf-8")
        for folder in ("sync", "models", "ui")
        for p in (package / folder).glob("*.py")
    )
    codes = set(re.findall(r'said\(\s*"(\w+)"', source))
    assert {"held_by_named", "cannot_fill", "refused", "not_cached"} <= codes
    missing = {c for c in codes if c not in PROBLEMS and not c.startswith("check_")}
    assert not missing, missing


def test_what_sync_says_is_said_in_english(english, tmp_path):
    from cur_desktop.models.holder import HolderRefusal, held_by, refusal_message
    from cur_desktop.sync.connection import ConnectionProblem, check_connection, describe
    from cur_desktop.sync.outbox import InvalidAction

    name = "Кузнецов Дмитрий Олегович"
    refusal = InvalidAction(refusal_message(HolderRefusal("held_by_other", 7), name))
    assert problem_text(refusal) == f"{name} is working on the incident"
    assert problem_text(held_by(name)) == f"Held by {name}"
    assert problem_text(describe(ConnectionRefusedError(), "https://cur.example:8443")) == (
        "The server cur.example:8443 refused the connection: the server program is not running"
        " or the port is wrong"
    )
    with pytest.raises(ConnectionProblem) as caught:
        check_connection("https://cur.example", str(tmp_path / "none.pem"))
    assert problem_text(caught.value).startswith("Certificate file not found: ")
    bulk = said_module.said("cannot_fill", "Не заполнить: Ведомство", fields=["agency"])
    assert problem_text(bulk) == "Cannot fill in: «agency»"
    said = [problem_text(said_module.said(code, "…", **PARAMS)) for code in PROBLEMS]
    assert not [s for s in said if CYRILLIC.search(s)], said


#: Values for every parameter the texts name.
PARAMS = {
    "number": "1",
    "n": 10,
    "fields": ["agency"],
    "name": "N",
    "version": "2.0",
    "status": 500,
    "path": "/etc/x",
    "error": "E",
    "host": "h",
    "where": "h:1",
    "url": "https://h",
}


def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


async def _look_at(opener, what: str, data: list[str], problems: list, seen: list) -> None:
    """Open a dialog with `opener`, read every text of each window it opened, close them."""
    before = {id(w) for w in _visible_windows()}
    opener()
    new: list[QWidget] = []
    for _ in range(50):
        await asyncio.sleep(0.1)
        new = [w for w in _visible_windows() if id(w) not in before]
        if new:
            break
    assert new, f"{what}: nothing opened"
    await asyncio.sleep(0.3)  # dialogs that load (handover, quality) fill themselves in
    for w in new:
        seen.append(f"{what}: {type(w).__name__} {w.windowTitle()!r}")
        problems += [(f"{what}: {where}", text) for where, text in leftovers(shown_texts(w), data)]
        if isinstance(w, QDialog):
            w.reject()
        w.close()
    await asyncio.sleep(0.1)


def test_the_english_dialogs_show_no_russian_but_data(run, server, tmp_path, qtbot, english):
    """Every dialog the menus, the card, the editor and the supervisor's console open: the
    card's route, sphere, status, reject and note forms; the templates popup; the guide, the
    hot keys and «About»; the sign-out question; the settings and their «clear the cache?»;
    the connection and sign-in dialogs; the supervisor's assign, quality review, handover and
    «return the reply» dialogs."""
    problems: list[tuple[str, str]] = []
    seen: list[str] = []

    async def operator():
        ws, window, task = open_window(server.url, tmp_path / "operator1", "operator1")
        qtbot.addWidget(window)
        try:
            window.resize(1600, 1000)
            await first_sync(ws, window)
            window.table.selectRow(0)
            await wait_until(lambda: window.editor.incident is not None, 20)
            data = data_strings(server.url, ws)
            incident = window.card.incident["id"]
            for name in ("route", "category", "status", "reject", "note"):
                await _look_at(
                    lambda n=name: window.card_action(n, incident), name, data, problems, seen
                )
            await _look_at(window.editor.open_templates, "templates", data, problems, seen)
            for name in ("guide", "help", "sign_out", "settings"):
                action = window.actions_by_name[name]
                await _look_at(action.trigger, name, data, problems, seen)
            await _look_at(window.about_action.trigger, "about", data, problems, seen)
            # The settings' question before clearing the attachments (something to free).
            window.card.attachment_strip.source.cache.put("1:file", b"%PDF" * 1000)
            window.actions_by_name["settings"].trigger()
            await wait_until(lambda: window.settings_dialog is not None, 10)
            settings = window.settings_dialog
            await wait_until(settings.clear_button.isEnabled, 10)
            await _look_at(settings.clear_button.click, "clear cache", data, problems, seen)
            settings.reject()

            def connection():
                dialog = ConnectionDialog(Connection(server.url, None), problem="")
                qtbot.addWidget(dialog)
                dialog.show()

            def sign_in():
                dialog = LoginDialog(tmp_path / "login", CredentialStore(), server_url=server.url)
                qtbot.addWidget(dialog)
                dialog.show()

            await _look_at(connection, "connection", data, problems, seen)
            await _look_at(sign_in, "sign in", data, problems, seen)
        finally:
            await close(ws, window, task)

    async def supervisor():
        free = unassigned_open(server.url, 1)[0]
        pending = pending_reply(server.url, free, "Ждите.")
        ws, window, task = open_window(server.url, tmp_path / "supervisor1", "supervisor1")
        qtbot.addWidget(window)
        try:
            window.resize(1600, 1000)
            await first_sync(ws, window)
            window.table.selectRow(0)
            await wait_until(lambda: window.card.incident is not None, 20)
            data = data_strings(server.url, ws)
            console = window.console
            await _look_at(console.actions["assign"].trigger, "assign", data, problems, seen)
            await _look_at(console.actions["handover"].trigger, "handover", data, problems, seen)
            answered = next(
                row
                for row in range(window.model.rowCount())
                if window.model.index(row, 0).data() in _answered_numbers(server.url)
            )
            number = window.model.index(answered, 0).data()
            window.table.selectRow(answered)
            await wait_until(lambda: (window.card.incident or {}).get("number") == number, 20)
            await _look_at(console.actions["review"].trigger, "review", data, problems, seen)
            approvals = console.approvals
            console.approvals_dock.raise_()
            await wait_until(lambda: pending in {r["id"] for r in approvals.rows}, 20)
            assert approvals.select_reply(pending)
            await wait_until(lambda: approvals.send_back.isEnabled(), 20)
            await _look_at(approvals.send_back.click, "send back", data, problems, seen)
        finally:
            await close(ws, window, task)

    async def scenario():
        await operator()
        await supervisor()
        assert len(seen) >= 15, seen
        assert not problems, "\n".join(f"{w}: {t!r}" for w, t in problems)

    run(scenario())


def _answered_numbers(server_url: str) -> set[str]:
    incidents = Api(server_url, "supervisor1").all_incidents().values()
    return {i["number"] for i in incidents if i["status"] in ("answered", "resolved", "closed")}
