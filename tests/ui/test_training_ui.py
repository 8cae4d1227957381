"""Training mode in the real windows against the real embedded server: the trainee's window is
unmistakable and holds only the session's incidents in a profile of its own; the trainer runs the
session from the trainer window, sees the trainee's claim and reply live, pauses and resumes it on
the server, and exports the scorecard; `cur-desktop --training` starts on its own data folder."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cur_desktop.sync import training
from cur_desktop.sync.client import ApiClient
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.profile import Profile
from cur_desktop.sync.training_profile import TrainingProfile
from cur_desktop.sync.training_workspace import redeem_workspace
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import spawn, wait_until
from cur_desktop.ui.main_window import MainWindow
from cur_desktop.ui.trainer_live import DRAFT_COLUMN
from cur_desktop.ui.training_mode import ACCENT
from tests.server.api import Api
from tests.server.training_support import add_users, install_clock
from tests.ui.screens import save_screenshot

TRAINING = "/api/v1/training"
REPLY = (
    "Здравствуйте! Яма на ул. Каширина передана в дорожную службу, ремонт покрытия "
    "выполнят до конца недели."
)


def open_window(ws: Workspace) -> tuple[MainWindow, asyncio.Task]:
    ws.engine.interval = 0.5
    window = MainWindow(ws)
    window._loop = asyncio.get_event_loop()
    window.show()
    window.start()
    return window, spawn(ws.engine.run(), what="engine")


async def close(ws, window, task) -> None:
    window.timer.stop()
    window.close()
    ws.engine.stop()
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0.3)
    ws.store.close()


def type_text(widget, text: str) -> None:
    """Key presses carrying Cyrillic text (QTest.keyClicks takes only ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def queue_ids(window) -> set[int]:
    return {window.model.incident_id(r) for r in range(window.model.rowCount())}


def started_session(url: str, scenario: str = "ordinary_shift") -> tuple[ApiClient, int, str]:
    trainer = ApiClient(url)
    trainer.login("trainer1", "demo")
    made = training.create_session(trainer, scenario=scenario)
    code = training.issue_codes(trainer, made.id, 1)[0]
    training.control(trainer, made.id, "start")
    return trainer, made.id, code


def test_trainee_window_is_unmistakable_and_shows_only_training(run, server, tmp_path, qtbot):
    trainer, session_id, code = started_session(server.url)
    real = Api(server.url, "supervisor1").get("/api/v1/changes?limit=200").json()
    real_ids = {i["id"] for i in real["items"]}
    assert real_ids  # the server holds real incidents the trainee must never see

    async def scenario():
        ws = redeem_workspace(
            tmp_path / "profiles", server.url, code, "Петров Пётр", credentials=CredentialStore()
        )
        window, task = open_window(ws)
        qtbot.addWidget(window)
        await wait_until(lambda: ws.engine.last_summary is not None, 60)
        await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 30)
        banner = window.training
        await wait_until(lambda: banner.session is not None, 20)

        assert window.windowTitle().startswith("Учебный режим — ")
        text = banner.label.text()
        assert "Учебный режим — обращения ненастоящие, ответы никуда не уходят" in text
        assert "«Обычная смена»" in text and "×1" in text and "Идёт" in text
        assert (
            banner.label.isVisible()
            and banner.label.y() < window.table.mapTo(window, window.table.rect().topLeft()).y()
        )
        highlight = window.palette().color(QPalette.ColorRole.Highlight).name()
        assert highlight == ACCENT

        live = training.live_view(trainer, session_id)
        session_ids = {i.id for i in live.unassigned} | {
            i.id for t in live.trainees for i in t.incidents
        }
        shown = queue_ids(window)
        assert shown and shown <= session_ids
        assert not shown & real_ids
        assert all(window.model.row_data(r)["number"].startswith("УЧ-") for r in range(len(shown)))

        # The trainee's own profile: under training/, never the «last profile» of real work.
        assert isinstance(ws.profile, TrainingProfile)
        assert (tmp_path / "profiles" / "training") in ws.profile.cache_path.parents
        assert Profile.last(tmp_path / "profiles") is None
        window.table.selectRow(0)
        await window.refresh_side()
        await wait_until(lambda: window.card.incident is not None, 10)
        await asyncio.sleep(0.3)
        save_screenshot(window, tmp_path, "screenshot-training-trainee.png")
        await close(ws, window, task)

    run(scenario())


def test_trainee_profile_never_shares_a_cache_with_a_real_one(server, server_url, tmp_path):
    add_users(server_url, ("trainee7", "trainee"))
    root = tmp_path / "profiles"
    same = [TrainingProfile(root, server.url, "operator1"), Profile(root, server.url, "operator1")]
    assert same[0].cache_path != same[1].cache_path and same[0].id != same[1].id

    real = Workspace.sign_in(
        root, server.url, "operator1", "demo", remember=True, credentials=CredentialStore()
    )
    trainee = Workspace.sign_in(
        root, server.url, "trainee7", "demo", remember=True, credentials=CredentialStore()
    )
    try:
        assert type(real.profile) is Profile and isinstance(trainee.profile, TrainingProfile)
        assert real.profile.cache_path.parent != trainee.profile.cache_path.parent
        assert (root / "training") in trainee.profile.cache_path.parents
        assert (root / "training") not in real.profile.cache_path.parents
        # Offline start opens the real profile, never the trainee's signed in after it.
        assert Profile.last(root).username == "operator1"
    finally:
        real.close()
        trainee.close()


def test_trainer_runs_a_session_and_sees_the_trainee_work(run, server, tmp_path, qtbot):
    api = Api(server.url, "trainer1")
    clock = install_clock(server)  # the session's wall clock, moved by the test

    def server_session(session_id: int) -> dict:
        return api.get(f"{TRAINING}/sessions/{session_id}").json()

    async def scenario():
        tws = Workspace.sign_in(
            tmp_path / "trainer",
            server.url,
            "trainer1",
            "demo",
            remember=False,
            credentials=CredentialStore(),
        )
        twin, ttask = open_window(tws)
        qtbot.addWidget(twin)
        twin.training.trigger()
        tw = twin.trainer_window

        # A malformed scenario: the problems with their lines stay in the open dialog.
        dialog = await tw._new_session_dialog()
        assert dialog.isVisible() and dialog.scenario.count() >= 3
        bad = tmp_path / "bad.yaml"
        bad.write_text("title: Плохой\nduration: 10\nincidents:\n  - key: a\n    at: -5\n")
        dialog.use_file(str(bad))
        await tw.create(dialog, dialog.request())
        errors = dialog.errors.toPlainText()
        assert dialog.isVisible() and errors.count("строка 5: incidents[0].at") == 1, errors

        # A bundled one, through the dialog's own button.
        dialog = await tw._new_session_dialog()
        dialog.scenario.setCurrentIndex(dialog.scenario.findData("ordinary_shift"))
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        await wait_until(lambda: tw.session is not None and not dialog.isVisible(), 20)
        session_id = tw.session.id
        codes = await tw.issue_codes(1)
        assert len(codes) == 1 and codes[0] in tw.codes_dialog.text.toPlainText()
        tw.codes_dialog.close()
        tw.controls["start"].trigger()
        await wait_until(lambda: server_session(session_id)["state"] == "running", 20)

        ws = redeem_workspace(
            tmp_path / "trainee",
            server.url,
            codes[0],
            "Петров Пётр",
            credentials=CredentialStore(),
        )
        window, task = open_window(ws)
        qtbot.addWidget(window)
        await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 60)
        incident_id = window.model.incident_id(0)
        assert await window.act(ws.actions.claim, incident_id)

        # The trainer sees the reply as the trainee types it, before it is sent.
        window.select_incident(incident_id)
        await window.refresh_side()
        await wait_until(lambda: (window.editor.incident or {}).get("id") == incident_id, 20)
        window.editor.text.setFocus()
        type_text(window.editor.text, REPLY[:40])

        def writing() -> str:
            row = tw.live.row_of(incident_id)
            return row.text(DRAFT_COLUMN) if row is not None else ""

        await wait_until(lambda: writing() == "пишет: " + REPLY[:40], 30)
        type_text(window.editor.text, REPLY[40:])
        await wait_until(lambda: writing().startswith("пишет: " + REPLY[:60]), 30)
        assert tw.live.select_incident(incident_id)
        assert f"Петров П. пишет сейчас: Окончательный ответ, мин 0\n{REPLY}" in (
            tw.live.replies.toPlainText()
        )
        qtbot.mouseClick(window.editor.send, Qt.MouseButton.LeftButton)

        def seen() -> bool:
            view = tw.live.view
            return bool(
                view
                and view.trainees
                and view.trainees[0].claimed == 1
                and any(r.text == REPLY for i in view.trainees[0].incidents for r in i.replies)
            )

        await wait_until(seen, 30)
        await wait_until(lambda: writing() == "", 30)  # sent: no longer a draft
        clock.advance(12)  # a dozen scenario minutes later more incidents have arrived
        await wait_until(lambda: len(tw.live.view.unassigned) >= 3, 30)
        await wait_until(lambda: window.model.rowCount() >= 4, 30)  # and reach the trainee
        assert tw.live.select_incident(incident_id)
        assert REPLY in tw.live.replies.toPlainText()
        # Another incident, being written to now, for the picture.
        other = next(i for i in queue_ids(window) if i != incident_id)
        window.select_incident(other)
        await window.refresh_side()
        await wait_until(lambda: (window.editor.incident or {}).get("id") == other, 20)
        type_text(window.editor.text, "Здравствуйте! Проверим и сообщим")
        await wait_until(lambda: tw.live.row_of(other) is not None, 30)
        await wait_until(lambda: "Проверим" in tw.live.row_of(other).text(DRAFT_COLUMN), 30)
        assert tw.live.select_incident(incident_id)
        tw.resize(1200, 720)
        await asyncio.sleep(0.2)
        save_screenshot(tw, tmp_path, "screenshot-training-trainer.png")
        # The trainee opens a third incident and leaves that reply unsent: the trainer sees it
        # as left, not as being written.
        third = next(i for i in queue_ids(window) if i not in (incident_id, other))
        window.select_incident(third)
        await window.refresh_side()
        await wait_until(lambda: (window.editor.incident or {}).get("id") == third, 20)
        await wait_until(
            lambda: tw.live.row_of(other).text(DRAFT_COLUMN).startswith("не отправлено: "), 30
        )
        assert tw.live.select_incident(other)
        left = "Петров П., черновик не отправлен: Окончательный ответ"
        assert left in tw.live.replies.toPlainText()

        tw.controls["pause"].trigger()
        await wait_until(lambda: server_session(session_id)["state"] == "paused", 20)
        await wait_until(lambda: "Пауза" in tw.state.text(), 10)
        tw.controls["resume"].trigger()
        await wait_until(lambda: server_session(session_id)["state"] == "running", 20)
        tw.speed.setCurrentIndex(tw.speed.findData(5))
        tw.speed.activated.emit(tw.speed.currentIndex())
        await wait_until(lambda: server_session(session_id)["speed"] == 5, 20)

        tw.controls["stop"].trigger()
        await wait_until(lambda: server_session(session_id)["state"] == "stopped", 20)
        await wait_until(lambda: tw.score.table.rowCount() == 1, 20)
        assert "Петров Пётр" in tw.score.table.item(0, 0).text()
        tw.score.table.item(0, 9).setText("Хорошо определяет ведомство")

        def commented() -> bool:
            rows = api.get(f"{TRAINING}/sessions/{session_id}/scorecard").json()["rows"]
            return rows[0]["comment"] == "Хорошо определяет ведомство"

        await wait_until(commented, 20)

        save = tw.score.ask_path("csv")  # a non-blocking save dialog
        assert save.isVisible()
        save.reject()
        await asyncio.sleep(0.3)  # its deletion runs on the loop
        csv_path, pdf_path = tmp_path / "score.csv", tmp_path / "score.pdf"
        assert await tw.export("csv", str(csv_path))
        assert await tw.export("pdf", str(pdf_path))
        csv_text = csv_path.read_text(encoding="utf-8-sig")
        assert "Петров Пётр" in csv_text and "Хорошо определяет ведомство" in csv_text
        assert pdf_path.read_bytes().startswith(b"%PDF")

        tw.close()
        await close(ws, window, task)
        await close(tws, twin, ttask)

    run(scenario(), timeout=240)


def test_training_command_starts_on_its_own_data_folder(tmp_path):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "CUR_CACHE_PASSPHRASE": "test",
    }
    out = tmp_path / "practice.png"
    cmd = [sys.executable, "-m", "cur_desktop.cli", "--training", "ordinary_shift"]
    done = subprocess.run(
        [*cmd, "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    # The banner's amber runs across the top (under the menu bar).
    top = [image.pixelColor(image.width() // 3, y).name() for y in range(80)]
    assert "#ffb74d" in top, top
    app_data = tmp_path / "data" / "cur-workstation"
    assert (app_data / "practice" / "server.db").exists()
    assert not (app_data / "demo").exists() and not (app_data / "profiles").exists()


def test_sign_in_dialog_takes_a_training_code(run, server, tmp_path, qtbot):
    from cur_desktop.ui.login_dialog import LoginDialog

    _trainer, _session_id, code = started_session(server.url)

    async def scenario():
        dialog = LoginDialog(tmp_path / "profiles", CredentialStore(), server_url=server.url)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.use_code, Qt.MouseButton.LeftButton)
        assert dialog.code.isVisible() and not dialog.password.isVisible()
        dialog.code.setText("0000-0000")
        dialog.full_name.setText("Сидорова Анна")
        await dialog._sign_in()
        assert dialog.workspace is None and dialog.message.text()  # a bad code is said, not raised
        dialog.code.setText(code)
        await dialog._sign_in()
        ws = dialog.workspace
        assert ws is not None and ws.user.role == "trainee"
        assert ws.user.full_name == "Сидорова Анна"
        assert isinstance(ws.profile, TrainingProfile)
        ws.close()

    run(scenario())


def test_training_command_names_the_lines_of_a_bad_scenario(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Плохой\nduration: 10\nincidents:\n  - key: a\n    at: -5\n")
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "CUR_CACHE_PASSPHRASE": "test",
    }
    cmd = [sys.executable, "-m", "cur_desktop.cli", "--training", str(bad)]
    done = subprocess.run(
        [*cmd, "--screenshot", str(tmp_path / "x.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 1
    assert "строка 5: incidents[0].at" in done.stderr
    assert not (tmp_path / "x.png").exists()
