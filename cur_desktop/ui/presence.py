"""Collision awareness: while an incident is open in the card, tell the server (a presence
heartbeat: viewing, or writing while the user types a reply) and show who else is on it:
«Также открыто: Кузнецов Д. О. (пишет ответ)».

A one-second timer compares what the user does now with what was last reported; a change is
sent at once, otherwise `PresenceReporter` beats every HEARTBEAT_SECONDS and, between beats, who
else is there is asked every `poll_seconds`. All requests go through the network pool. Failures
(offline, out of scope) are silent: the label just disappears.

In a trainee's window (`share_drafts`, set by training mode) the heartbeat also carries the reply
being written on the open incident, so the trainer sees it as it is typed; a draft change is
sent on the next tick. A real operator's drafts never leave the workstation.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from cur_desktop.models.team import Activity, Colleague
from cur_desktop.sync.client import SyncError
from cur_desktop.sync.team import PresenceReporter, who_else

from .aio import in_net, spawn
from .i18n import QT_TR_NOOP, tr
from .plain_text import shown

log = logging.getLogger(__name__)

ACTIVITY_TEXT = {
    Activity.VIEWING: QT_TR_NOOP("просматривает"),
    Activity.WRITING: QT_TR_NOOP("пишет ответ"),
    Activity.IDLE: QT_TR_NOOP("не активен"),
}
#: Typing counts as «writing» for this long after the last keystroke.
WRITING_SECONDS = 60.0


def short_name(full_name: str) -> str:
    """«Кузнецов Дмитрий Олегович» → «Кузнецов Д. О.»."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    return " ".join([parts[0], *(p[0] + "." for p in parts[1:] if p)])


def others_text(others: list[Colleague]) -> str:
    """The card's line about colleagues on the same incident; empty when there is nobody."""
    if not others:
        return ""
    who = ", ".join(f"{short_name(o.full_name)} ({tr(ACTIVITY_TEXT[o.activity])})" for o in others)
    return tr("Также открыто: {who}").format(who=who)


class PresenceWatch(QObject):
    """Reports what the window's user does and keeps `label` saying who else is there."""

    def __init__(self, window, poll_seconds: float = 10.0):
        super().__init__(window)
        self.window = window
        self.reporter = PresenceReporter(window.ws.client)
        self.poll_seconds = poll_seconds
        self.others: list[Colleague] = []
        self._typed_at = float("-inf")
        self._busy = False
        self._asked_at = float("-inf")
        self.incident_id: int | None = None  # the incident the label speaks of
        self._quiet_until = float("-inf")  # after a failure, wait a beat before trying again
        #: Training only: send the reply being written with each heartbeat.
        self.share_drafts = False

        self.label = QLabel()
        self.label.setObjectName("presenceLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #8a4b00")
        self.label.hide()
        window.card.layout().insertWidget(1, self.label)
        window.editor.text.textChanged.connect(self._typed)

        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.stop()  # a closed window has nothing open
        return False

    def _typed(self) -> None:
        editor = self.window.editor
        if editor.incident is not None and editor.text.hasFocus():
            self._typed_at = time.monotonic()

    def current(self) -> tuple[int | None, Activity]:
        """What the user does now, from the window's state."""
        card = self.window.card.incident
        if card is None:
            return None, Activity.IDLE
        editor = self.window.editor
        writing = (
            editor.incident is not None
            and editor.incident["id"] == card["id"]
            and time.monotonic() - self._typed_at < WRITING_SECONDS
        )
        return card["id"], Activity.WRITING if writing else Activity.VIEWING

    def draft(self) -> tuple[str, str] | None:
        """The reply being written on the open incident (kind, text), when drafts are shared."""
        card, editor = self.window.card.incident, self.window.editor
        if not self.share_drafts or card is None or editor.incident is None:
            return None
        if editor.incident["id"] != card["id"]:
            return None
        return editor.kind_code, editor.text.toPlainText()

    def _tick(self) -> None:
        if self._busy or time.monotonic() < self._quiet_until:
            return
        incident_id, activity = self.current()
        if incident_id != self.incident_id:
            self.incident_id = incident_id
            self._show([])
        self.reporter.set(incident_id, activity, self.draft())
        if self.reporter.due():
            spawn(self._beat(), what="presence beat")
        elif incident_id is not None and time.monotonic() - self._asked_at >= self.poll_seconds:
            spawn(self._ask(incident_id), what="presence poll")

    async def _beat(self) -> None:
        self._busy = True
        try:
            answer = await in_net(self.reporter.beat)
        except SyncError as exc:
            log.debug("presence beat failed: %s", exc)
            self._failed()
            return
        finally:
            self._busy = False
        self._asked_at = time.monotonic()
        if answer is not None and answer.incident_id == self.incident_id:
            self._show(answer.others)

    async def _ask(self, incident_id: int) -> None:
        self._busy = True
        self._asked_at = time.monotonic()
        try:
            answer = await in_net(who_else, self.window.ws.client, incident_id)
        except SyncError as exc:
            log.debug("presence poll failed: %s", exc)
            self._failed()
            return
        finally:
            self._busy = False
        if answer.incident_id == self.incident_id:
            self._show(answer.others)

    def _failed(self) -> None:
        self._quiet_until = time.monotonic() + self.reporter.interval
        self._show([])

    def _show(self, others: list[Colleague]) -> None:
        self.others = list(others)
        text = others_text(self.others)
        self.label.setText(shown(text))
        self.label.setVisible(bool(text))

    def stop(self) -> None:
        self.timer.stop()
