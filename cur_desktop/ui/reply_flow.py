"""The reply editor's part of the main window: it follows the incident in the card (with the
draft kept for it, the template placeholders and whether the reply needs approval), saves the
draft as it is typed, and sends — after asking, when someone changed the case meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from cur_desktop.models.reply_fill import changes_by_others, returned_reply

from .aio import in_db, spawn
from .i18n import tr
from .send_check import send_check_box


class ReplyFlow:
    def __init__(self, window):
        self.window = window
        self.editor = window.editor
        self.send_check: QMessageBox | None = None  # «the case changed: send anyway?»
        self.editor.send_requested.connect(self.send)
        self.editor.draft_changed.connect(self.save_draft)

    def on(self, incident_id: int) -> bool:
        """Whether the editor holds a reply to `incident_id`."""
        return self.editor.incident is not None and self.editor.incident["id"] == incident_id

    async def follow(self, detail: dict) -> None:
        """The card now shows `detail`: open its reply (with its draft) unless it is open."""
        w, incident_id = self.window, detail["id"]
        if self.on(incident_id):
            self.editor.incident = detail
            return
        self.editor.flush_draft()
        draft = await in_db(w.ws.actions.load_draft, incident_id, self.editor.kind_code)
        if w.current_id() != incident_id:
            return
        if self.on(incident_id):
            # Another call opened it meanwhile and the user may be typing: keep their text.
            self.editor.incident = detail
            return
        values = w.labels.placeholders(detail, w.user.full_name, w.ws.clock.today())
        needs = w.user.needs_approval or detail["importance"] == "high"
        returned = returned_reply(detail, w.user.id)
        self.editor.set_incident(detail, values, draft, needs_approval=needs, returned=returned)

    def send(self, incident_id: int, kind: str, text: str, template_id) -> None:
        w = self.window

        async def check() -> None:
            detail = await in_db(w.service.detail, incident_id)
            changed = changes_by_others(detail or {}, self.editor.base_version, w.user.id)
            if not changed:
                await send()
                return
            self._ask_before_sending(detail, changed, send)

        async def send() -> None:
            if await w.act(w.ws.actions.add_reply, incident_id, kind, text, template_id):
                self.editor.set_incident(None)
                await w.show_current()
                w.table.setFocus()  # on to the next case from the keyboard
                w.status.showMessage(tr("Ответ сохранён и будет отправлен"), 4000)

        spawn(check(), what="send reply")

    def _ask_before_sending(self, detail: dict, changed: list[dict], send) -> None:
        """Someone changed the case while the user wrote: say what, and send only if asked."""
        box = send_check_box(self.window, self.window.labels, changed)
        self.send_check = box  # tests answer it

        def answered(_result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.editor.base_version = detail["version"]
                spawn(send(), what="send reply")
            else:
                self.editor.keep_draft()  # back to writing: the text is kept as a draft

        box.finished.connect(answered)
        box.open()

    def save_draft(self, incident_id: int, kind: str, text: str, template_id) -> None:
        save = self.window.ws.actions.save_draft
        spawn(in_db(save, incident_id, kind, text, template_id), what="draft")
