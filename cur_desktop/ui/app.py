"""Starting the workstation: the demo (embedded server, demo operator), the sign-in dialog or
the last profile offline; and `--screenshot`, which renders a view to a PNG and quits."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from cur_desktop.models.opened_copies import discard_opened, sweep_leftovers
from cur_desktop.sync.connection import Connection, ConnectionProblem, preset
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.profile import data_root
from cur_desktop.sync.workspace import Workspace

from . import main_menus
from .aio import request_quit, run_until_quit, spawn, wait_until
from .connection_dialog import ConnectionDialog
from .emoji_font import install_emoji_fallback
from .i18n import install_translations, tr
from .login_dialog import LoginDialog
from .main_window import MainWindow
from .problem_text import problem_text

log = logging.getLogger(__name__)


async def wait_signal(signal, timeout: float) -> None:
    future = asyncio.get_running_loop().create_future()

    def fire(*_args) -> None:
        if not future.done():
            future.set_result(None)

    signal.connect(fire)
    try:
        await asyncio.wait_for(future, timeout)
    finally:
        signal.disconnect(fire)


class Launcher:
    """Owns the current window and workspace, so the demo can switch role in place."""

    def __init__(self, app: QApplication, args):
        self.app, self.args = app, args
        self.credentials = CredentialStore()
        self.demo = None
        self.practice = None  # `--training`: the embedded server of a practice session
        self.window: MainWindow | None = None
        self.workspace: Workspace | None = None
        self.engine_task: asyncio.Task | None = None
        self.exit_code = 0
        self.login_dialog: LoginDialog | None = None  # while signing in (tests fill it)

    async def main(self) -> None:
        loop = asyncio.get_running_loop()
        if getattr(self.args, "training", None):
            from cur_desktop.training_practice import TrainingPractice

            self.practice = await loop.run_in_executor(None, TrainingPractice)
            workspace = await loop.run_in_executor(
                None, self.practice.begin, self.args.training, self.credentials
            )
        elif self.args.demo:
            from cur_desktop.demo import DemoServer

            self.demo = await loop.run_in_executor(None, DemoServer)
            workspace = await loop.run_in_executor(
                None, self.demo.sign_in, self.args.role, self.credentials
            )
        else:
            workspace = await self._sign_in_dialog()
            if workspace is None:
                request_quit()
                return
        await self.open(workspace)
        if self.args.screenshot:
            await self.screenshot(Path(self.args.screenshot), self.args.view)
            request_quit()

    async def _sign_in_dialog(self, server_url: str | None = None) -> Workspace | None:
        root = data_root(self.args.data_dir)
        try:
            server = preset(root, server_url or self.args.server, self.args.ca_bundle)
            problem = ""
        except ConnectionProblem as exc:  # a broken system-wide file: said, and asked instead
            log.warning("system-wide settings: %s", exc.detail or exc.message)
            server, problem = Connection("", self.args.ca_bundle), problem_text(exc)
        if not server.server_url or problem:  # the first start on this machine
            asked = ConnectionDialog(server, problem=problem)
            asked.open()
            await wait_signal(asked.finished, timeout=24 * 3600)
            if asked.result() != QDialog.DialogCode.Accepted:
                return None
            server = asked.connection
        dialog = LoginDialog(
            root, self.credentials, server_url=server.server_url, ca_bundle=server.ca_bundle
        )
        self.login_dialog = dialog
        dialog.open()
        await wait_signal(dialog.finished, timeout=24 * 3600)
        self.login_dialog = None
        return dialog.workspace if dialog.result() == QDialog.DialogCode.Accepted else None

    async def open(self, workspace: Workspace) -> None:
        self.workspace = workspace
        suffix = tr(" [демо]") if self.demo else ""
        window = MainWindow(workspace, title_suffix=suffix)
        window._loop = asyncio.get_running_loop()
        if self.demo:
            self._demo_menu(window)
        window.sign_out_requested.connect(lambda: spawn(self.sign_out(), what="sign out"))
        self.window = window
        window.show()
        window.start()
        self.engine_task = spawn(workspace.engine.run(), what="sync engine")

    def _demo_menu(self, window: MainWindow) -> None:
        from cur_desktop.demo import DEMO_ROLES

        menu = main_menus.menu(window, "demo")  # before «Справка», which stays last
        names = {
            "operator": tr("Оператор"),
            "supervisor": tr("Старший смены"),
            "district_official": tr("Сотрудник МО"),
            "trainer": tr("Тренер"),
        }
        for role in DEMO_ROLES:
            action = QAction(tr("Войти как: ") + names[role], window)
            action.triggered.connect(lambda _=False, r=role: spawn(self.switch(r), what="switch"))
            menu.addAction(action)
        info = getattr(self.demo, "mail_info", None)
        if info is not None:  # a complaint by e-mail to the demo server (make run)
            from .demo_mail import install_demo_mail

            install_demo_mail(window, menu, info)

    async def switch(self, role: str) -> None:
        loop = asyncio.get_running_loop()
        workspace = await loop.run_in_executor(None, self.demo.sign_in, role, self.credentials)
        await self.close_current()
        await self.open(workspace)

    async def sign_out(self) -> None:
        """«Выйти»: end the session and forget its remembered sign-in, keep the cache (and the
        outbox in it, sent at the next sign-in), then the sign-in dialog again."""
        workspace = self.workspace
        if workspace is None:
            return
        workspace.engine.stop()
        if self.engine_task is not None:
            await asyncio.gather(self.engine_task, return_exceptions=True)
        self.engine_task = None
        if self.window is not None:
            self.window.timer.stop()
        loop = asyncio.get_running_loop()
        # The server is told when reachable; the refresh token leaves the keyring either way.
        await loop.run_in_executor(None, lambda: workspace.sign_out(wipe=False))
        self.workspace = None
        await self.close_current()
        again = await self._sign_in_dialog(self.demo.url if self.demo else None)
        if again is None:
            request_quit()
            return
        await self.open(again)

    async def close_current(self) -> None:
        """Ends the session's window and cache; the copies of files it opened outside go too
        (on a shared PC the next person signing in has no business with them)."""
        discard_opened()
        if self.workspace is not None:
            self.workspace.engine.stop()
            if self.engine_task is not None:
                await asyncio.gather(self.engine_task, return_exceptions=True)
            self.workspace.store.close()
        if self.window is not None:
            if not self.args.screenshot:  # a docs screenshot must not change the user's layout
                self.window.save_layout()
            self.window.hide()
            self.window.deleteLater()
        self.window = self.workspace = self.engine_task = None

    async def screenshot(self, path: Path, view: str) -> None:
        window, engine = self.window, self.workspace.engine
        deadline = asyncio.get_running_loop().time() + 300
        while engine.last_summary is None and engine.last_error is None:
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("the first sync did not finish")
            await asyncio.sleep(0.1)
        if engine.last_error is not None:
            raise engine.last_error
        # The same size on every machine, whatever layout the user saved last time.
        window.resize(1400, 860)
        window.splitter.setSizes([860, 540])
        await wait_until(lambda: window.model.settled, timeout=60)
        await asyncio.sleep(0.3)
        if view in ("incident", "editor"):
            if window.model.rowCount():
                window.table.selectRow(0)
                await asyncio.sleep(0.5)
                await window.show_current()
            if view == "editor":
                window.open_editor()
                if window.editor.template_list.count():
                    window.editor._use_template(window.editor.template_list.item(0))
                await asyncio.sleep(0.5)
        banner = getattr(window, "training", None)
        if hasattr(banner, "session"):  # a trainee's window: its banner shows the session clock
            await wait_until(lambda: banner.session is not None, timeout=20)
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path))
        if not ok:
            self.exit_code = 1
        print(f"screenshot: {path}", file=sys.stderr)

    async def shutdown(self) -> None:
        await self.close_current()
        if self.demo is not None:
            self.demo.stop()
        if self.practice is not None:
            self.practice.stop()


def run_gui(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ЦУР")
    app.setOrganizationName("cur-workstation")
    install_translations(app, getattr(args, "lang", None))
    install_emoji_fallback(app)  # citizens' emoji drawn, not boxes
    sweep_leftovers()  # copies of files that a crashed or killed run opened outside
    launcher = Launcher(app, args)

    async def main() -> None:
        try:
            await launcher.main()
        except Exception as exc:  # noqa: BLE001 - say it, then quit cleanly
            log.exception("start-up failed")
            print(f"cur-desktop: {tr('Ошибка запуска')}: {exc}", file=sys.stderr)
            launcher.exit_code = 1
            request_quit()

    run_until_quit(app, main, cleanup=launcher.shutdown)
    return launcher.exit_code
