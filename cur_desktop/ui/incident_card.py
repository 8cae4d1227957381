"""The incident card: the citizen's message as plain text, the case's facts, its history, and
only the actions the lifecycle allows from the current status.

Nothing a citizen wrote is ever interpreted: labels are forced to plain text, links are shown,
never opened or fetched by themselves. Attachments given as links are named links (the file's
name and its site) that open in the system's browser or viewer only when clicked, and only
http(s) ones; files the server stores show as thumbnails (`attachment_view`) from the server
or the local cache, and open full size in the workstation's own viewer; other files open in the
system's program after a warning, or are saved (`attachment_file`).
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cur_desktop.models.holder import holder_refusal
from cur_desktop.models.reply_fill import genitive_short
from cur_desktop.models.statuses import HELD_STATUSES, Status, allowed_targets

from . import formats
from .attachment_file import AttachmentFileDialog
from .attachment_view import AttachmentStrip, AttachmentViewer, shown_in_viewer
from .code_labels import event_label
from .i18n import QT_TR_NOOP, tr
from .labels import Labels
from .plain_text import breakable, tooltip
from .plain_text import shown as on_screen
from .sla_view import SlaView


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    return label


_when = formats.date_time
_OPENABLE = ("http", "https")


def attachment_name(url: str) -> str:
    """«photo.jpg (sun9-1.userapi.com)» for a link, the text itself for a named file (e-mail)."""
    parts = urlsplit(url)
    if parts.scheme not in _OPENABLE or not parts.netloc:
        return url
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or tr("файл")
    if len(name) > 40:
        name = name[:20] + "…" + name[-12:]
    return f"{name} ({parts.hostname or parts.netloc})"


def attachments_html(links: list[str]) -> str:
    """A link per http(s) attachment, one after another (the card has little height to spare):
    its href is `attachment:N`, never the citizen's URL itself, so nothing in it is ever
    interpreted as markup or a scheme."""
    lines = []
    for i, url in enumerate(links):
        name = html.escape(breakable(on_screen(attachment_name(url))))
        if urlsplit(url).scheme in _OPENABLE:
            lines.append(f'📎&nbsp;<a href="attachment:{i}">{name}</a>')
        else:
            lines.append(name)
    return " · ".join(lines)


class ButtonRows(QLayout):
    """Buttons in equal columns: four to a row when the card is wide, two or one when it is
    narrow (a small screen) — the card never needs more width than its widest button."""

    def __init__(self, columns: tuple[int, ...] = (4, 2, 1), parent=None):
        super().__init__(parent)
        self.columns = columns
        self.items: list[QLayoutItem] = []
        self.setSpacing(6)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def _cell(self) -> QSize:
        size = QSize(0, 0)
        for item in self.items:
            size = size.expandedTo(item.sizeHint())
        return size

    def _margins(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _fit(self, width: int) -> int:
        """The most columns whose cells fit `width`."""
        cell, gap = self._cell().width(), self.spacing()
        for n in self.columns:
            if n * cell + (n - 1) * gap + self._margins().width() <= width:
                return n
        return self.columns[-1]

    def _height(self, columns: int) -> int:
        rows = -(-len(self.items) // columns) if self.items else 0
        return rows * self._cell().height() + max(rows - 1, 0) * self.spacing()

    def sizeHint(self) -> QSize:  # noqa: N802
        n, cell = self.columns[0], self._cell()
        width = n * cell.width() + (n - 1) * self.spacing()
        return QSize(width, self._height(n)) + self._margins()

    def minimumSize(self) -> QSize:  # noqa: N802
        n = self.columns[-1]
        return QSize(self._cell().width(), self._height(n)) + self._margins()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._height(self._fit(width)) + self._margins().height()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        area = self.contentsRect()
        n = self._fit(rect.width())
        gap, height = self.spacing(), self._cell().height()
        width = (area.width() - (n - 1) * gap) // n
        for i, item in enumerate(self.items):
            row, col = divmod(i, n)
            x, y = area.x() + col * (width + gap), area.y() + row * (height + gap)
            item.setGeometry(QRect(x, y, width, height))


class IncidentCard(QWidget):
    #: (action name, incident id): claim, release, reply, route, category, status, reject, note
    action_requested = Signal(str, int)

    def __init__(self, labels: Labels, sla: SlaView, parent=None):
        super().__init__(parent)
        self.labels, self.sla = labels, sla
        self.incident: dict[str, Any] | None = None
        self.user_id: int | None = None
        #: the signed-in user's role: supervisors may change a colleague's case, others not
        self.role: str = "operator"
        #: who holds the shown incident when it is a colleague (not the user), else None
        self.held_by_other: int | None = None

        self.title = plain_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.sla_label = plain_label()
        self.status_label = plain_label()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_label)
        head.addWidget(self.sla_label)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption in [
            ("author", QT_TR_NOOP("Автор")),
            ("channel", QT_TR_NOOP("Канал")),
            ("source", QT_TR_NOOP("Источник")),
            ("municipality", QT_TR_NOOP("Муниципалитет")),
            ("sector", QT_TR_NOOP("Сфера / рубрика")),
            ("importance", QT_TR_NOOP("Важность")),
            ("agency", QT_TR_NOOP("Ведомство")),
            ("assignee", QT_TR_NOOP("Исполнитель")),
            ("received", QT_TR_NOOP("Поступило")),
            ("first_due", QT_TR_NOOP("Первый ответ до")),
            ("final_due", QT_TR_NOOP("Окончательный ответ до")),
            ("attachments", QT_TR_NOOP("Вложения")),
        ]:
            self.fields[key] = plain_label()
            if key == "attachments":
                # Links (older data, collectors') above the thumbnails of stored files.
                self.attachment_strip = AttachmentStrip()
                self.attachment_strip.open_requested.connect(self.open_file)
                box = QWidget()
                column = QVBoxLayout(box)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(self.fields[key])
                column.addWidget(self.attachment_strip)
                form.addRow(tr(caption) + ":", box)
                continue
            form.addRow(tr(caption) + ":", self.fields[key])
        self.viewer: AttachmentViewer | AttachmentFileDialog | None = None
        self.attachment_urls: list[str] = []
        attached = self.fields["attachments"]
        attached.setObjectName("attachments")
        attached.setTextFormat(Qt.TextFormat.RichText)  # made by attachments_html, escaped
        attached.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        attached.linkActivated.connect(self.open_attachment)
        attached.linkHovered.connect(self._attachment_hovered)

        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setObjectName("citizenMessage")
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setObjectName("history")

        self.buttons: dict[str, QPushButton] = {}
        # Two rows of four (in one row the eight buttons made the card wider than the queue),
        # four rows of two on a small screen.
        actions = ButtonRows()
        for name, caption, tip in (
            ("claim", QT_TR_NOOP("Вз&ять"), "Ctrl+T"),
            ("release", QT_TR_NOOP("Вернуть в о&чередь"), "Ctrl+Shift+R"),
            ("reply", QT_TR_NOOP("Отв&етить"), "Ctrl+R"),
            ("route", QT_TR_NOOP("&Направить…"), "Ctrl+D"),
            ("category", QT_TR_NOOP("Сфер&а…"), "Ctrl+E"),
            ("status", QT_TR_NOOP("Стат&ус…"), "Ctrl+Shift+S"),
            ("reject", QT_TR_NOOP("Отк&лонить…"), "Ctrl+Shift+X"),
            ("note", QT_TR_NOOP("&Заметка…"), "Ctrl+N"),
        ):
            button = QPushButton(tr(caption))
            if tip:
                button.setToolTip(tip)
            button.clicked.connect(lambda _=False, n=name: self._request(n))
            self.buttons[name] = button
            actions.addWidget(button)

        self.held_label = plain_label()
        self.held_label.setObjectName("heldBy")
        self.held_label.setVisible(False)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        # The message first, right under the title: the reply is written under the card and
        # the citizen's words stay in sight; the facts follow.
        self.message.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(plain_label(tr("Сообщение")))
        layout.addWidget(self.message, 3)
        layout.addWidget(self.held_label)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(line)
        layout.addWidget(plain_label(tr("История")))
        layout.addWidget(self.history, 2)
        self.show_incident(None)

    def _request(self, name: str) -> None:
        if self.incident is not None:
            self.action_requested.emit(name, self.incident["id"])

    def show_incident(self, detail: dict[str, Any] | None, user_id: int | None = None) -> None:
        self.incident = detail
        self.user_id = user_id if user_id is not None else self.user_id
        if detail is None:
            self.title.setText(tr("Выберите обращение в очереди"))
            for w in (self.sla_label, self.status_label, *self.fields.values()):
                w.setText("")
            self.attachment_urls = []
            self.attachment_strip.show_files(None, [])
            self.message.setPlainText("")
            self.history.setPlainText("")
            for b in self.buttons.values():
                b.setEnabled(False)
            self.held_by_other = None
            self.held_label.setVisible(False)
            return
        lb = self.labels
        self.title.setText(detail["number"])
        self.status_label.setText(lb.status(detail["status"]))
        shown = self.sla.show(detail.get("sla_due"), detail.get("sla_risk_at"))
        self.sla_label.setText(f"{shown.symbol} {shown.text}")
        self.sla_label.setStyleSheet(f"color: {shown.color.name()}")
        f = self.fields
        f["author"].setText(breakable(on_screen(detail.get("author_name"))) or tr("Аноним"))
        f["channel"].setText(lb.channel(detail["channel"]))
        source = on_screen(detail.get("source_url") or detail.get("source_id"))
        # A long URL wraps (invisible break points), its exact text in the tooltip.
        f["source"].setText(breakable(source))
        f["source"].setToolTip(tooltip(source) if breakable(source) != source else "")
        # The same name as the queue's column («г. Рязань»), the official one on hover: two
        # spellings of one place read as two places.
        municipality_id = detail["municipality_id"]
        f["municipality"].setText(lb.municipality_short(municipality_id))
        f["municipality"].setToolTip(tooltip(lb.municipality(municipality_id)))
        category = lb.category(detail.get("category_id"))
        f["sector"].setText(lb.sector(detail["sector"]) + (f" / {category}" if category else ""))
        f["importance"].setText(lb.importance(detail["importance"]))
        f["agency"].setText(breakable(lb.agency(detail.get("agency_id"))) or "—")
        f["assignee"].setText(lb.user(detail.get("assignee_id")) or tr("не назначено"))
        f["received"].setText(_when(detail["received_at"]))
        f["first_due"].setText(_when(detail.get("first_answer_due")))
        f["final_due"].setText(_when(detail.get("final_answer_due")))
        attachments = detail.get("attachments") or "[]"
        links = json.loads(attachments) if isinstance(attachments, str) else attachments
        self.attachment_urls = [a if isinstance(a, str) else a.get("url", "") for a in links]
        files = detail.get("files") or []
        if isinstance(files, str):
            files = json.loads(files)
        links = attachments_html(self.attachment_urls)
        f["attachments"].setText(links or ("" if files else "—"))
        f["attachments"].setVisible(bool(links) or not files)
        self.attachment_strip.show_files(detail["id"], files)
        self.message.setPlainText(on_screen(detail["text"]))
        self.history.setPlainText(on_screen(self._history_text(detail)))
        self._enable_actions(detail)

    def open_attachment(self, href: str) -> bool:
        """A click on an attachment: its http(s) URL opened by the system; anything else not."""
        try:
            url = self.attachment_urls[int(href.removeprefix("attachment:"))]
        except (ValueError, IndexError):
            return False
        if urlsplit(url).scheme not in _OPENABLE:
            return False
        return QDesktopServices.openUrl(QUrl(url))

    def open_file(self, incident_id: int, f: dict) -> None:
        """A click on a file: an image in the viewer, anything else in the dialog that opens or
        saves it (both fetch it off the UI thread)."""
        source = self.attachment_strip.source
        if source is None:
            return
        if self.viewer is not None:
            self.viewer.close()
        if shown_in_viewer(f):
            self.viewer = AttachmentViewer(source, incident_id, f, self)
        else:
            self.viewer = AttachmentFileDialog(source, incident_id, f, self)
        self.viewer.show()

    def _attachment_hovered(self, href: str) -> None:
        """The full address as the tooltip, so the operator sees where a click goes."""
        try:
            url = self.attachment_urls[int(href.removeprefix("attachment:"))]
        except (ValueError, IndexError):
            url = ""
        self.fields["attachments"].setToolTip(tooltip(url))

    def _history_text(self, detail: dict[str, Any]) -> str:
        lines = []
        items = [("e", e["at"], e) for e in detail.get("events", [])]
        items += [("r", r["created_at"], r) for r in detail.get("replies", [])]
        for kind, at, item in sorted(items, key=lambda x: (x[1], x[0])):
            who = self.labels.user(item.get("actor_id") or item.get("author_id")) or tr("система")
            pending = tr(" (не отправлено)") if item.get("local") else ""
            if kind == "e":
                label = event_label(item["kind"])
                data = item.get("data") or {}
                if isinstance(data, str):
                    data = json.loads(data or "{}")
                extra = (
                    data.get("text")
                    or data.get("reason")
                    or data.get("note")
                    or data.get("comment")
                    or data.get("error")
                    or ""
                )
                to = data.get("to")
                if item["kind"].endswith("status_changed") and to:
                    extra = self.labels.status(to) + (f" — {extra}" if extra else "")
                lines.append(
                    f"{_when(at)}  {who}: {label}{pending}" + (f": {extra}" if extra else "")
                )
            else:
                delivery = self.labels.delivery(
                    item.get("delivery_state"), item.get("delivery_error")
                )
                lines.append(
                    f"{_when(at)}  {who}: {tr('Ответ')}"
                    f" ({self.labels.reply_kind(item['kind'])},"
                    f" {self.labels.approval(item['approval_state'])}"
                    + (f", {delivery}" if delivery else "")
                    + f"){pending}\n    "
                    + item["text"].replace("\n", "\n    ")
                )
        return "\n".join(lines)

    def _enable_actions(self, detail: dict[str, Any]) -> None:
        status = Status(detail["status"])
        targets = allowed_targets(status)
        mine = detail.get("assignee_id") == self.user_id
        unassigned = detail.get("assignee_id") is None
        b = self.buttons
        b["claim"].setEnabled(unassigned and Status.IN_PROGRESS in targets | {status})
        b["release"].setEnabled(mine and status in HELD_STATUSES)
        b["reply"].setEnabled(bool(targets & {Status.INTERIM_ANSWER, Status.ANSWERED}))
        b["route"].setEnabled(Status.ROUTED in targets)
        b["category"].setEnabled(status not in {Status.CLOSED})
        b["status"].setEnabled(bool(targets))
        b["reject"].setEnabled(Status.REJECTED in targets)
        b["note"].setEnabled(True)
        self._apply_holder_rule(detail)

    def _apply_holder_rule(self, detail: dict[str, Any]) -> None:
        """A colleague's case: the server would refuse a reply, routing or a status change,
        so they are off here, and the card says whose case it is."""
        refusal = holder_refusal(self.role, self.user_id, detail.get("assignee_id"))
        held = refusal.holder_id if refusal is not None else None
        self.held_by_other = held
        self.held_label.setVisible(held is not None)
        if held is None:
            return
        name = genitive_short(self.labels.users.get(held)) or tr("другого сотрудника")
        self.held_label.setText(tr("В работе у {name}").format(name=name))
        for key in ("reply", "route", "category", "status", "reject"):
            self.buttons[key].setEnabled(False)
