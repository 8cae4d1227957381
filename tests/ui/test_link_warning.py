"""Plain `http://` to another machine is warned of, in Russian, where the server is named: in
the sign-in dialog while the address is typed, and in the main window's status bar. The
loopback (the demo, a server on this machine) and `https://` are not."""

from __future__ import annotations

import pytest

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.link_warning import LinkWarning
from cur_desktop.ui.login_dialog import LoginDialog
from cur_desktop.ui.main_window import MainWindow

REMOTE = ["http://cur.example.ru:8765", "HTTP://10.1.2.3", "http://[2001:db8::1]:8765/"]
FINE = [
    "https://cur.example.ru",
    "http://127.0.0.1:8765",
    "http://localhost:8765",
    "http://[::1]:8765",
    "http://127.0.0.2",
    "",
    "https://",
]


@pytest.mark.parametrize(
    ("url", "warned"), [(u, True) for u in REMOTE] + [(u, False) for u in FINE]
)
def test_sign_in_dialog_warns_of_plain_http_to_another_machine(url, warned, tmp_path, qtbot):
    dialog = LoginDialog(tmp_path / "profiles", CredentialStore(), server_url="https://x")
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.findChild(LinkWarning)
    assert warning is not None and not warning.isVisible()
    dialog.server.setText(url)
    assert warning.isVisible() is warned
    if warned:
        assert "не защищено" in warning.text() and "https://" in warning.toolTip()


def test_status_bar_warns_of_plain_http_to_another_machine(server, tmp_path, qtbot):
    ws = Workspace.sign_in(
        tmp_path / "profiles",
        server.url,
        "operator1",
        "demo",
        remember=False,
        credentials=CredentialStore(),
    )
    try:
        local = MainWindow(ws)
        qtbot.addWidget(local)
        assert not local.statusBar().findChild(LinkWarning).text()
        ws.client.base_url = "http://cur.example.ru:8765"  # as if signed in over the network
        remote = MainWindow(ws)
        qtbot.addWidget(remote)
        remote.show()
        warning = remote.statusBar().findChild(LinkWarning)
        assert warning.isVisible() and "не защищено" in warning.text()
    finally:
        ws.store.close()
