"""The demo's e-mail, told to the newcomer: where to write a complaint (status bar) and, in
«Демо» → «Жалоба по e-mail…», how, and where the answer arrives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from cur_desktop.demo import DemoMailInfo

from .i18n import tr

DEFAULT_SMTP_PORT = 2525
DEFAULT_IMAP_PORT = 1143


def where_to_write(info: DemoMailInfo) -> str:
    return tr("Напишите жалобу на {address} через {host}:{port}").format(
        address=info.address, host=info.host, port=info.smtp_port
    )


def how_to_write(info: DemoMailInfo) -> str:
    """The instructions (plain text; the commands are copied from it)."""
    send = 'python -m cur_server.demo.mail send "…"'
    read = "python -m cur_server.demo.mail read"
    if info.smtp_port != DEFAULT_SMTP_PORT:
        send += f" --port {info.smtp_port}"
    if info.imap_port != DEFAULT_IMAP_PORT:
        read += f" --port {info.imap_port}"
    return "\n\n".join(
        [
            tr(
                "Демо-сервер принимает почту: напишите жалобу на {address} через SMTP-сервер "
                "{host}:{smtp} (без пароля и шифрования), и через несколько секунд она "
                "появится в очереди."
            ).format(address=info.address, host=info.host, smtp=info.smtp_port),
            tr(
                "Ответ оператора придёт в почтовый ящик автора: IMAP {host}:{imap}, логин — "
                "адрес автора, пароль «{password}». Почта хранится только до выхода из программы."
            ).format(host=info.host, imap=info.imap_port, password=info.password),
            tr("Из терминала (в папке проекта, .venv/bin/python):") + f"\n{send}\n{read}",
        ]
    )


def install_demo_mail(window: QMainWindow, menu: QMenu, info: DemoMailInfo) -> QAction:
    """The status-bar line and the menu action; the action (tests trigger it)."""
    label = QLabel(where_to_write(info))
    label.setObjectName("demoMail")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setToolTip(where_to_write(info))
    label.setMinimumWidth(40)  # gives way on a small screen instead of widening the window
    window.statusBar().addPermanentWidget(label)
    action = QAction(tr("Жалоба по e-mail…"), window)
    action.setObjectName("demoMailAction")

    def show() -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, tr("Жалоба по e-mail"), how_to_write(info), parent=window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.demo_mail_box = box  # tests read it
        box.open()

    action.triggered.connect(show)
    menu.addSeparator()
    menu.addAction(action)
    return action
