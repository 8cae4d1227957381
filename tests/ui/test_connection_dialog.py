"""The connection dialog at the first start: nothing preset, it asks; «Проверить соединение»
against real sockets says what is wrong or that the server answers; a broken system-wide file
is said in the dialog, not a traceback; `--server` skips it."""

from __future__ import annotations

import argparse
import asyncio
import socket

from PySide6.QtWidgets import QApplication

from cur_desktop.sync.connection import Connection
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.app import Launcher
from cur_desktop.ui.connection_dialog import ConnectionDialog
from cur_desktop.ui.login_dialog import LoginDialog
from tests.ui.screens import save_screenshot


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_check_says_what_is_wrong_then_that_it_works(run, server, qtbot, tmp_path):
    dialog = ConnectionDialog(Connection(f"http://127.0.0.1:{closed_port()}"))
    qtbot.addWidget(dialog)
    dialog.show()

    async def scenario():
        assert not await dialog.check()
        assert "отказал в соединении" in dialog.outcome.text()
        save_screenshot(dialog, tmp_path, "connection-refused.png")
        dialog.server.setText("https://cur-server.invalid")
        assert not await dialog.check()
        assert "не найден" in dialog.outcome.text()
        dialog.server.setText(server.url)
        assert await dialog.check()
        assert dialog.outcome.text().startswith("✓ Соединение установлено")
        save_screenshot(dialog, tmp_path, "connection-ok.png")
        assert dialog.connection == Connection(server.url, None)

    run(scenario())


def launcher(tmp_path, server: str | None = None) -> Launcher:
    args = argparse.Namespace(
        data_dir=str(tmp_path / "data"), server=server, ca_bundle=None, demo=False
    )
    return Launcher(QApplication.instance(), args)


def modal():
    return QApplication.activeModalWidget()


async def start_dialog(start: Launcher, first: type):
    """Start the launcher's sign-in and wait for its first dialog: (task, dialog)."""
    task = asyncio.ensure_future(start._sign_in_dialog())
    await wait_until(lambda: isinstance(modal(), first), 10)
    return task, modal()


def test_first_start_asks_for_the_server_then_signs_in(run, server, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("CUR_DESKTOP_CONFIG", str(tmp_path / "absent.toml"))

    async def scenario():
        task, asked = await start_dialog(launcher(tmp_path), ConnectionDialog)
        asked.server.setText(server.url)
        asked.accept()
        await wait_until(lambda: isinstance(modal(), LoginDialog), 10)
        login = modal()
        assert login.server.text() == server.url
        login.reject()
        assert await task is None

    run(scenario())


def test_a_broken_system_file_is_said_in_the_dialog(run, qtbot, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[server\nurl = "https://cur.example.ru"')
    monkeypatch.setenv("CUR_DESKTOP_CONFIG", str(config))

    async def scenario():
        task, asked = await start_dialog(launcher(tmp_path), ConnectionDialog)
        assert asked.outcome.text().startswith(f"Файл настроек {config} повреждён")
        save_screenshot(asked, tmp_path, "connection-broken-config.png")
        asked.reject()
        assert await task is None

    run(scenario())


def test_a_preset_server_goes_straight_to_sign_in(run, qtbot, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[server]\nurl = "https://cur.example.ru"\n')
    monkeypatch.setenv("CUR_DESKTOP_CONFIG", str(config))

    async def scenario():
        for start, expected in (
            (launcher(tmp_path), "https://cur.example.ru"),
            (launcher(tmp_path, server="https://it.example.ru"), "https://it.example.ru"),
        ):
            task, login = await start_dialog(start, LoginDialog)
            assert login.server.text() == expected
            login.reject()
            assert await task is None

    run(scenario())


def test_sign_in_with_a_bad_or_unreachable_address_says_why(run, qtbot, tmp_path):
    from cur_desktop.sync.credentials import CredentialStore

    login = LoginDialog(tmp_path / "data", CredentialStore())
    qtbot.addWidget(login)
    login.username.setText("operator1")
    login.password.setText("demo")

    async def scenario():
        login.server.setText("cur.example.ru")
        await login._sign_in()
        assert login.message.text().startswith("Адрес сервера указан неверно")
        login.server.setText(f"http://127.0.0.1:{closed_port()}")
        await login._sign_in()
        assert "отказал в соединении" in login.message.text()
        assert login.buttons.isEnabled()  # a way on: correct it and try again

    run(scenario())
