"""Signing in without an OS keyring, in the real dialog against the real server: the dialog asks
for a passphrase for the local cache (twice the first time) and says why; a wrong one opens
nothing and loses nothing. A trainee's one-time code survives a local failure: the retry from the
same dialog gets the same account, and the trainer sees one trainee, not a ghost and a second."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from keyring.errors import KeyringError
from PySide6.QtCore import Qt

from cur_desktop.sync import training
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.profile import ENV_PASSPHRASE, Profile
from cur_desktop.ui.login_dialog import LoginDialog
from tests.support.memory_keyring import MemoryKeyring, unregistered
from tests.ui.screens import save_screenshot
from tests.ui.test_training_ui import started_session


@pytest.fixture(autouse=True)
def no_passphrase_in_environment(monkeypatch):
    monkeypatch.delenv(ENV_PASSPHRASE, raising=False)


@unregistered
class KeyringThatBreaks(MemoryKeyring):
    """Looks usable, then fails on the first write (a Secret Service that locks mid-session)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the collection is locked")


def dialog_for(qtbot, tmp_path, server, credentials) -> LoginDialog:
    dialog = LoginDialog(tmp_path / "data", credentials, server_url=server.url)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_without_a_keyring_a_passphrase_encrypts_the_cache(run, server, qtbot, tmp_path):
    credentials = CredentialStore(fail.Keyring())

    async def scenario():
        first = dialog_for(qtbot, tmp_path, server, credentials)
        first.username.setText("operator1")
        first.password.setText("demo")
        assert first.passphrase.isVisible() and first.passphrase_again.isVisible()
        assert "зашифрована этой фразой" in first.passphrase_help.text()
        assert first.passphrase_help.isVisible()
        save_screenshot(first, tmp_path, "login-passphrase.png")
        await first._sign_in()
        assert first.workspace is None and "фразу-пароль" in first.message.text()
        first.passphrase.setText("сова летит в полночь")
        first.passphrase_again.setText("сова летит в полдень")
        await first._sign_in()
        assert first.workspace is None and "не совпадают" in first.message.text()
        first.passphrase_again.setText("сова летит в полночь")
        await first._sign_in()
        assert first.workspace is not None, first.message.text()
        with first.workspace.store.write() as conn:
            first.workspace.store.set_meta(conn, "note", "черновик")
        first.workspace.close()
        cache = Profile(tmp_path / "data", server.url, "operator1").cache_path
        assert cache.exists()

        again = dialog_for(qtbot, tmp_path, server, credentials)
        again.password.setText("demo")
        assert again.passphrase.isVisible() and not again.passphrase_again.isVisible()
        again.passphrase.setText("не та фраза")
        await again._sign_in()
        assert again.workspace is None
        assert "не подходит" in again.message.text() and "ничего не изменено" in (
            again.message.text().lower()
        )
        assert again.buttons.isEnabled() and cache.exists()
        again.passphrase.setText("сова летит в полночь")
        await again._sign_in()
        assert again.workspace is not None, again.message.text()
        assert again.workspace.meta("note") == "черновик"
        again.workspace.close()

    run(scenario())


def test_a_code_survives_a_local_failure_and_the_retry_gets_the_same_trainee(
    run, server, qtbot, tmp_path
):
    trainer, session_id, code = started_session(server.url)
    credentials = CredentialStore(KeyringThatBreaks())
    assert credentials.persistent  # the dialog cannot know in advance

    async def scenario():
        dialog = dialog_for(qtbot, tmp_path, server, credentials)
        qtbot.mouseClick(dialog.use_code, Qt.MouseButton.LeftButton)
        assert not dialog.passphrase.isVisible()
        dialog.code.setText(code)
        dialog.full_name.setText("Сидорова Анна")
        await dialog._sign_in()  # redeemed, then the keyring fails: no key for the cache
        assert dialog.workspace is None
        assert dialog.passphrase.isVisible() and dialog.passphrase_again.isVisible()
        dialog.passphrase.setText("учебная фраза")
        dialog.passphrase_again.setText("учебная фраза")
        await dialog._sign_in()
        ws = dialog.workspace
        assert ws is not None, dialog.message.text()
        assert ws.user.role == "trainee" and ws.user.full_name == "Сидорова Анна"
        trainees = training.session(trainer, session_id).trainees
        assert [p.username for p in trainees] == [ws.user.username]
        ws.close()

    run(scenario())
