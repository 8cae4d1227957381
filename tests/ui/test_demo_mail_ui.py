"""`make run`: the demo window says where to write a complaint by e-mail, and a complaint
mailed there (real SMTP, real IMAP, the e-mail channel against the real server) shows up in the
operator's queue."""

from __future__ import annotations

import argparse
import asyncio

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from cur_desktop.demo import DemoMailInfo
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import wait_until
from cur_server.demo import mail as demo_mail
from cur_server.demo.mail import DemoMail
from tests.server.api import Api
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import first_sync

TEXT = "Под окнами дома 12 на Садовой улице разрыта теплотрасса, идёт пар третий день."


class _Demo:
    """What the launcher asks of its demo: the server's address and the mail's."""

    def __init__(self, url: str, mail: DemoMail):
        self.url = url
        self.mail_info = DemoMailInfo.of(mail)


def test_the_demo_tells_where_to_write_and_the_mailed_complaint_reaches_the_queue(
    run, server, server_url, tmp_path, qtbot
):
    from cur_desktop.ui.app import Launcher

    async def scenario():
        with DemoMail(server_url, smtp_port=0, imap_port=0, poll_seconds=0.2) as mail:
            args = argparse.Namespace(
                server=server.url, data_dir=str(tmp_path / "p"), ca_bundle=None, screenshot=None
            )
            launcher = Launcher(QApplication.instance(), args)
            launcher.demo = _Demo(server.url, mail)
            ws = Workspace.sign_in(
                tmp_path / "profiles",
                server.url,
                "operator1",
                "demo",
                remember=False,
                credentials=CredentialStore(),
            )
            ws.engine.interval = 0.5
            await launcher.open(ws)
            window = launcher.window
            await first_sync(ws, window)

            label = window.statusBar().findChild(QLabel, "demoMail")
            assert label.isVisible()
            assert label.text() == (
                f"Напишите жалобу на cur@localhost через 127.0.0.1:{mail.smtp_port}"
            )
            action = window.findChild(QAction, "demoMailAction")
            assert action in window.menuBar().findChild(QMenu, "menu_demo").actions()
            action.trigger()
            box = window.demo_mail_box
            text = box.text()
            assert f"SMTP-сервер 127.0.0.1:{mail.smtp_port}" in text
            assert f"IMAP 127.0.0.1:{mail.imap_port}" in text and "«demo»" in text
            assert f'python -m cur_server.demo.mail send "…" --port {mail.smtp_port}' in text
            save_screenshot(box, tmp_path, "demo-mail.png")
            save_screenshot(window, tmp_path, "demo-mail-window.png")
            box.close()

            loop = asyncio.get_running_loop()
            await loop.run_in_executor(
                None, lambda: demo_mail.send(TEXT, subject="Пар", port=mail.smtp_port)
            )
            lead = Api(server.url, "supervisor1")

            def on_server():
                found = [i for i in lead.all_incidents().values() if TEXT in (i["text"] or "")]
                return found[0] if found else None

            await wait_until(lambda: on_server() is not None, 60, step=0.3)
            incident = on_server()
            assert incident["channel"] == "email"

            def shown() -> bool:
                window.select_incident(incident["id"])
                return window.current_id() == incident["id"]

            await wait_until(shown, 60, step=0.5)
            await launcher.close_current()

    run(scenario())
