"""Sign-in: server, username, password, «remember me»; or open the last profile offline when
the server cannot be reached. The network and the keyring are used off the UI thread.

Without a usable OS keyring the local cache key cannot be kept, so the dialog asks for a
passphrase that encrypts the cache (twice when the cache is new) and says why."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from cur_desktop.models.cache.store import CacheLocked
from cur_desktop.sync.client import SyncError, Unreachable
from cur_desktop.sync.connection import (
    Connection,
    ConnectionProblem,
    check_address,
    describe,
    remembered,
)
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.profile import NeedPassphrase, Profile
from cur_desktop.sync.training_workspace import new_device_secret, redeem_workspace
from cur_desktop.sync.workspace import Workspace

from .aio import spawn
from .connection_dialog import ConnectionDialog, dialog_result
from .i18n import QT_TR_NOOP, tr
from .link_warning import LinkWarning
from .problem_text import problem_text

WRONG_PASSPHRASE = QT_TR_NOOP(
    "Фраза-пароль не подходит к локальной копии. Ничего не изменено и не потеряно: "
    "введите фразу, заданную при первом входе."
)


class LoginDialog(QDialog):
    def __init__(
        self,
        root: Path,
        credentials: CredentialStore,
        *,
        server_url: str = "",
        ca_bundle: str | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.root, self.credentials, self.ca_bundle = root, credentials, ca_bundle
        self.workspace: Workspace | None = None
        self.setWindowTitle(tr("Вход — ЦУР"))
        last = Profile.last(root)
        if ca_bundle is None and last is not None and server_url in ("", last.server_url):
            self.ca_bundle = remembered(last).ca_bundle  # the CA bundle of the last sign-in
        self.server = QLineEdit(server_url or (last.server_url if last else "https://"))
        self.username = QLineEdit(last.username if last else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_code = QCheckBox(tr("Вход по учебному коду"))
        self.code = QLineEdit()
        self.code.setObjectName("trainingCode")
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(tr("Фамилия Имя Отчество"))
        self.use_code.toggled.connect(self._code_mode)
        self.remember = QCheckBox(tr("Запомнить вход (в хранилище паролей ОС)"))
        self.remember.setChecked(credentials.persistent)
        self.remember.setEnabled(credentials.persistent)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.passphrase_help = QLabel(
            tr(
                "Хранилище паролей системы недоступно: локальная копия будет зашифрована "
                "этой фразой; её нужно вводить при каждом входе"
            )
        )
        self.passphrase_help.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("cachePassphrase")
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setObjectName("cachePassphraseAgain")
        for field in (self.passphrase, self.passphrase_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self._device_secret = new_device_secret()  # a retry with a code gets the same account
        self.offline = QPushButton(tr("Работать офлайн"))
        self.offline.clicked.connect(lambda: spawn(self._open_offline(), what="offline"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Войти"))
        buttons.addButton(self.offline, QDialogButtonBox.ButtonRole.ActionRole)
        self.offline.setVisible(self._can_work_offline())  # after addButton, which shows it
        buttons.accepted.connect(lambda: spawn(self._sign_in(), what="sign in"))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        self.settings = QPushButton(tr("Подключение…"))  # the address and the CA bundle
        self.settings.clicked.connect(lambda: spawn(self._connection(), what="connection"))
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.settings)
        form.addRow(tr("Сервер"), server_row)
        form.addRow(link_warning := LinkWarning(self.server.text()))
        self.server.textChanged.connect(link_warning.set_url)
        form.addRow(tr("Пользователь"), self.username)
        form.addRow(tr("Пароль"), self.password)
        form.addRow(self.use_code)
        form.addRow(tr("Учебный код"), self.code)
        form.addRow(tr("Ваше имя"), self.full_name)
        form.addRow(self.remember)
        form.addRow(self.passphrase_help)
        form.addRow(tr("Фраза-пароль"), self.passphrase)
        form.addRow(tr("Повторите фразу"), self.passphrase_again)
        form.addRow(self.message)
        form.addRow(buttons)
        self.form = form
        self._code_mode(False)
        for field in (self.server, self.username):
            field.textChanged.connect(self._passphrase_rows)
        (self.password if last else self.username).setFocus()

    def _can_work_offline(self) -> bool:
        """Only a profile with its local copy can be opened without the server, and not one its
        user left with «Выйти» (a shared PC: the next person is not them)."""
        last = Profile.last(self.root)
        return last is not None and last.cache_path.exists() and not last.signed_out

    async def _connection(self) -> None:
        dialog = ConnectionDialog(
            Connection(self.server.text().strip(), self.ca_bundle), parent=self
        )
        dialog.open()
        if await dialog_result(dialog) == QDialog.DialogCode.Accepted:
            self.server.setText(dialog.connection.server_url)
            self.ca_bundle = dialog.connection.ca_bundle

    def _code_mode(self, on: bool) -> None:
        """A one-time training code (from the trainer) instead of a username and password."""
        for field in (self.username, self.password):
            self.form.setRowVisible(field, not on)
        for field in (self.code, self.full_name):
            self.form.setRowVisible(field, on)
        self._passphrase_rows()
        (self.code if on else self.username).setFocus()

    def _new_cache(self) -> bool:
        """Whether signing in now creates the local cache (a code always makes a new profile)."""
        if self.use_code.isChecked():
            return True
        try:
            profile = Profile(self.root, self.server.text().strip(), self.username.text().strip())
            return not profile.cache_path.exists()
        except ValueError:  # not an address yet
            return True

    def _passphrase_rows(self) -> None:
        """The passphrase only without a keyring; its confirmation only for a new cache."""
        ask = not self.credentials.persistent
        self.form.setRowVisible(self.passphrase_help, ask)
        self.form.setRowVisible(self.passphrase, ask)
        self.form.setRowVisible(self.passphrase_again, ask and self._new_cache())

    def _passphrase_problem(self) -> str:
        """What is wrong with the passphrase as typed, before anything is sent anywhere."""
        if self.credentials.persistent:
            return ""
        if not self.passphrase.text():
            return tr("Введите фразу-пароль для локальной копии.")
        if self._new_cache() and self.passphrase_again.text() != self.passphrase.text():
            return tr("Фразы не совпадают: введите одну и ту же фразу дважды.")
        return ""

    def _cache_passphrase(self) -> str | None:
        return None if self.credentials.persistent else self.passphrase.text()

    def _busy(self, busy: bool, text: str = "") -> None:
        self.buttons.setEnabled(not busy)
        if text:
            self.message.setText(text)
        if not busy:  # the keyring may have failed meanwhile: then a passphrase is needed
            self._passphrase_rows()

    async def _sign_in(self) -> None:
        try:
            check_address(self.server.text())
        except ConnectionProblem as exc:  # «cur.example.ru» without https://, a bad port
            self._busy(False, problem_text(exc))
            return
        if problem := self._passphrase_problem():
            self._busy(False, problem)
            return
        self._busy(True, tr("Вход…"))
        loop = asyncio.get_running_loop()
        try:
            self.workspace = await loop.run_in_executor(
                None,
                self._redeem
                if self.use_code.isChecked()
                else lambda: Workspace.sign_in(
                    self.root,
                    self.server.text().strip(),
                    self.username.text().strip(),
                    self.password.text(),
                    remember=self.remember.isChecked(),
                    credentials=self.credentials,
                    ca_bundle=self.ca_bundle,
                    passphrase=self._cache_passphrase(),
                ),
            )
        except CacheLocked:
            self._busy(False, tr(WRONG_PASSPHRASE))
            return
        except NeedPassphrase:
            self._busy(False, tr("Введите фразу-пароль для локальной копии."))
            return
        except Unreachable as exc:
            cause = exc.__cause__
            why = problem_text(describe(cause, self.server.text()) if cause else exc)
            offline = self._can_work_offline()
            self._busy(
                False,
                f"{why}."
                + (" " + tr("Можно работать офлайн с последним профилем.") if offline else ""),
            )
            self.offline.setVisible(offline)
            return
        except SyncError as exc:
            self._busy(False, problem_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - e.g. no keyring and no passphrase
            self._busy(False, problem_text(exc))
            return
        self.accept()

    def _redeem(self) -> Workspace:
        return redeem_workspace(
            self.root,
            self.server.text().strip(),
            self.code.text(),
            self.full_name.text(),
            credentials=self.credentials,
            remember=self.remember.isChecked(),
            ca_bundle=self.ca_bundle,
            passphrase=self._cache_passphrase(),
            device_secret=self._device_secret,
        )

    async def _open_offline(self) -> None:
        if not self.credentials.persistent and not self.passphrase.text():
            self._busy(False, tr("Введите фразу-пароль для локальной копии."))
            return
        self._busy(True, tr("Открываю локальный профиль…"))
        loop = asyncio.get_running_loop()
        try:
            self.workspace = await loop.run_in_executor(
                None,
                lambda: Workspace.open_last(
                    self.root,
                    self.credentials,
                    ca_bundle=self.ca_bundle,
                    passphrase=self._cache_passphrase(),
                ),
            )
        except CacheLocked:
            self._busy(False, tr(WRONG_PASSPHRASE))
            return
        except Exception as exc:  # noqa: BLE001
            self._busy(False, problem_text(exc))
            return
        self.accept()
