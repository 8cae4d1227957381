"""«Подключение к серверу»: the server's address and, for a server with a certificate from the
organisation's own CA, the CA bundle file; «Проверить соединение» says what is wrong in plain
Russian. Shown at the first start on a machine (nothing preset by `--server` or the system-wide
file) and from the sign-in dialog."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cur_desktop.sync.connection import Connection, ConnectionProblem, check_connection

from .aio import in_net, spawn
from .i18n import tr
from .problem_text import problem_text

OK_STYLE = "color: #1b7a2f"
ERROR_STYLE = "color: #b0003a"


async def dialog_result(dialog: QDialog) -> int:
    """Wait, without blocking the loop, until an opened dialog is closed; its result."""
    done = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: done.done() or done.set_result(code))
    return await done


class ConnectionDialog(QDialog):
    def __init__(self, connection: Connection, *, problem: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Подключение к серверу — ЦУР"))
        self.setMinimumWidth(560)
        self.server = QLineEdit(connection.server_url or "https://")
        self.server.setObjectName("serverAddress")
        self.server.setPlaceholderText("https://cur.example.ru")
        self.ca_bundle = QLineEdit(connection.ca_bundle or "")
        self.ca_bundle.setObjectName("caBundle")
        self.ca_bundle.setPlaceholderText(tr("файл .pem, если ИТ-отдел его выдал"))
        choose = QPushButton(tr("Выбрать…"))
        choose.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        row = QHBoxLayout(ca_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ca_bundle, 1)
        row.addWidget(choose)
        self.test = QPushButton(tr("Проверить соединение"))
        self.test.clicked.connect(lambda: spawn(self.check(), what="connection test"))
        self.outcome = QLabel(problem)
        self.outcome.setObjectName("connectionResult")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        # Room for a two-line message, so the dialog does not jump when one comes.
        self.outcome.setMinimumHeight(self.outcome.fontMetrics().lineSpacing() * 3)
        self.outcome.setStyleSheet(ERROR_STYLE if problem else "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Продолжить"))
        self.buttons.addButton(self.test, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(
            tr(
                "Адрес сервера и файл сертификатов сообщает ИТ-отдел. Они запоминаются "
                "для вашего профиля."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: gray")
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(tr("Адрес сервера"), self.server)
        form.addRow(tr("Сертификаты (CA)"), ca_row)
        form.addRow(self.outcome)
        form.addRow(self.buttons)
        self.server.setFocus()

    @property
    def connection(self) -> Connection:
        return Connection(self.server.text().strip(), self.ca_bundle.text().strip() or None)

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Файл сертификатов"),
            self.ca_bundle.text(),
            tr("Сертификаты (*.pem *.crt *.cer);;Все файлы (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    async def check(self) -> bool:
        """Reach the server off the UI thread; the outcome is shown under the fields."""
        chosen = self.connection
        self.test.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(tr("Проверяю соединение…"))
        try:
            versions = await in_net(check_connection, chosen.server_url, chosen.ca_bundle)
        except ConnectionProblem as exc:
            self.outcome.setStyleSheet(ERROR_STYLE)
            self.outcome.setText("✖ " + problem_text(exc))
            return False
        finally:
            self.test.setEnabled(True)
        self.outcome.setStyleSheet(OK_STYLE)
        self.outcome.setText(
            "✓ "
            + tr("Соединение установлено: сервер ЦУР отвечает (версия программы {v})").format(
                v=versions.current
            )
        )
        return True
