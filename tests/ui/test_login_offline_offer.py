"""«Работать офлайн» is offered only when there is something to open: on a computer with no
saved profile (or a profile whose local copy was never made) a lost server is said plainly,
without pointing to an offline mode that would only fail."""

from __future__ import annotations

import socket

import pytest

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.profile import Profile
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.login_dialog import LoginDialog


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.mark.parametrize("profile", ["none", "without a cache"])
def test_no_offline_offer_without_a_local_copy(run, qtbot, tmp_path, profile):
    url = _closed_port_url()
    root = tmp_path / "data"
    if profile == "without a cache":  # a first sign-in that stopped before the cache was made
        Profile(root, url, "operator1").remember()
    dialog = LoginDialog(root, CredentialStore(), server_url=url)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.offline.isHidden()

    async def scenario():
        dialog.username.setText("operator1")
        dialog.password.setText("demo")
        dialog.buttons.accepted.emit()  # «Войти»: nobody answers
        await wait_until(lambda: dialog.message.text() != "" and dialog.buttons.isEnabled(), 30)
        assert "офлайн" not in dialog.message.text().lower(), dialog.message.text()
        assert dialog.offline.isHidden()

    run(scenario())
