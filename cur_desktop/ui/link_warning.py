"""The warning about a plain-HTTP link to a remote server, shown where the server is named: the
sign-in dialog (as the address is typed) and the main window's status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from cur_desktop.sync.link_security import exposed_link

from .i18n import tr


class LinkWarning(QLabel):
    """Hidden unless the URL it was given is `http://` to another machine."""

    def __init__(self, url: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("linkWarning")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #b0003a")
        self.set_url(url)

    def set_url(self, url: str) -> None:
        exposed = exposed_link(url)
        self.setText(
            tr("⚠ Соединение не защищено (http://): пароль и обращения видны в сети")
            if exposed
            else ""
        )
        self.setToolTip(
            tr("Попросите администратора включить HTTPS на сервере и входите по адресу https://")
            if exposed
            else ""
        )
        self.setVisible(exposed)
