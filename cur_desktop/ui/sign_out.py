"""«Выйти…» for shared shift PCs, where a sign-in is remembered for 30 days: after the user
confirms, the window asks the launcher to end the session. The remembered sign-in of this
profile is forgotten (the keyring's refresh token), the local cache and its outbox stay: unsent
changes are never dropped, they are sent at the user's next sign-in, and the question says how
many there are. The draft being typed is saved before anything closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from . import formats
from .aio import in_db, spawn
from .i18n import tr


def ask_sign_out(window) -> None:
    spawn(_ask(window), what="sign out")


async def _ask(window) -> None:
    await save_draft_now(window)
    pending = await in_db(window.ws.core.outbox.pending_count)
    box = QMessageBox(QMessageBox.Icon.Question, tr("Выход"), question(window, pending))
    box.setParent(window, box.windowFlags())
    box.setTextFormat(Qt.TextFormat.PlainText)
    leave = box.addButton(tr("Выйти"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    window.sign_out_box = box  # tests answer it

    def answered(_result: int) -> None:
        window.sign_out_box = None
        if box.clickedButton() is leave:
            window.sign_out_requested.emit()

    box.finished.connect(answered)
    box.open()


def question(window, pending: int) -> str:
    text = tr(
        "{name}, выйти из учётной записи? Запомненный вход на этом компьютере будет забыт: "
        "следующему сотруднику понадобится его собственный пароль."
    ).format(name=window.user.full_name)
    if pending:
        text += "\n\n" + tr(
            "Неотправленных изменений: {n}. Они сохранены на этом компьютере и будут "
            "отправлены при вашем следующем входе."
        ).format(n=formats.number(pending))
    return text


async def save_draft_now(window) -> None:
    """The reply being typed, written now rather than by the debounce timer after the cache
    has closed."""
    editor = window.editor
    if editor.incident is None or not editor._draft_timer.isActive():
        return
    editor._draft_timer.stop()
    await in_db(
        window.ws.actions.save_draft,
        editor.incident["id"],
        editor.kind_code,
        editor.text.toPlainText(),
        editor.template_id,
    )
