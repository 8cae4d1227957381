"""«Справка → О программе» says the version, the server, the log folder and the cache folder;
a newer workstation version announced by the server shows in the status bar and there; an
outdated workstation says why its changes wait."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from cur_desktop.models import contract as c
from cur_desktop.models.version import __version__
from cur_desktop.sync.logfile import log_folder
from cur_desktop.sync.outbox import Outbox
from cur_desktop.ui.about_dialog import AboutDialog
from cur_desktop.ui.aio import wait_until
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window


def test_about_shows_version_server_log_and_cache(run, server, tmp_path, qtbot):
    server.context.client_versions = c.ClientVersion(current="99.2", minimum=__version__)

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        assert window.status.newer.isVisible()
        assert window.status.newer.text() == "Доступна новая версия программы: 99.2"
        menus = {a.text().replace("&", ""): a for a in window.menuBar().actions()}
        assert window.about_action in menus["Справка"].menu().actions()
        window.about_action.trigger()
        await wait_until(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog), 5)
        dialog = QApplication.activeModalWidget()
        fields = {k: w.text() for k, w in dialog.fields.items()}
        assert fields["version"] == f"{__version__} — доступна новая версия 99.2"
        assert fields["server"] == server.url
        assert str(log_folder()) in fields["logs"]
        assert str(ws.profile.cache_path.parent) in fields["cache"]
        save_screenshot(dialog, tmp_path, "about.png")
        dialog.close()

        # The administrator raises the minimum: the change waits, and the status bar says why.
        server.context.client_versions = c.ClientVersion(current="99.2", minimum="99.0")
        ws.core._versions_asked = False
        incident = next(iter(_cached_new(ws)))
        ws.actions.claim(incident)
        await wait_until(
            lambda: "Версия программы устарела" in window.status.state_label.text(), 30
        )
        assert Outbox(ws.store).pending_count() == 1
        save_screenshot(window.status, tmp_path, "outdated-status.png")
        await close(ws, window, task)

    run(scenario())


def _cached_new(ws):
    from sqlalchemy import select

    from cur_desktop.models.cache.schema import incidents

    with ws.store.read() as conn:
        q = select(incidents.c.id).where(
            incidents.c.status == "new", incidents.c.assignee_id.is_(None)
        )
        return [r[0] for r in conn.execute(q)]
