"""«Статус…» and «Отклонить…»: the form shows only what the chosen status needs. A rejection
takes a standard reason (дубль, спам, не в компетенции, нет предмета обращения) or «другое»
with a text; «Решено» takes what was done; «Возобновлено» may take a reason. Required fields
are marked with an asterisk, and OK stays disabled until they are filled, so the server's
«Укажите причину» never has to be read after the fact. Opened with `open()`; `chosen` carries
(status, reason, confirmation)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from cur_desktop.models.statuses import Status, allowed_targets

from .i18n import QT_TR_NOOP, tr
from .labels import Labels

#: Standard reasons for a rejection; «другое» (None) asks for a text.
REJECT_REASONS = [
    QT_TR_NOOP("Дубль"),
    QT_TR_NOOP("Спам"),
    QT_TR_NOOP("Не в компетенции"),
    QT_TR_NOOP("Нет предмета обращения"),
]
OTHER = QT_TR_NOOP("Другое")


def required(caption: str) -> str:
    """A field caption marked as required."""
    return caption + " *"


class StatusDialog(QDialog):
    chosen = Signal(str, object, object)  # status, reason or None, confirmation or None

    def __init__(self, targets: list[Status], labels: Labels, reject: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.setWindowTitle(tr("Отклонить обращение") if reject else tr("Сменить статус"))
        self.setMinimumWidth(460)
        form = self.form = QFormLayout(self)

        self.status = QComboBox()
        self.status.setObjectName("newStatus")
        for s in targets:
            self.status.addItem(labels.status(s), s.value)
        if len(targets) > 1:
            self.status.setPlaceholderText(tr("— выберите статус —"))
            self.status.setCurrentIndex(-1)
        form.addRow(required(tr("Новый статус")), self.status)

        self.reason_kind = QComboBox()
        self.reason_kind.setObjectName("rejectReason")
        self.reason_kind.setPlaceholderText(tr("— выберите причину —"))
        for caption in REJECT_REASONS:
            self.reason_kind.addItem(tr(caption), tr(caption))
        self.reason_kind.addItem(tr(OTHER), None)
        self.reason_kind.setCurrentIndex(-1)
        form.addRow(required(tr("Причина отклонения")), self.reason_kind)

        self.reason = self._text("reasonText")
        form.addRow(tr("Пояснение"), self.reason)
        self.confirmation = self._text("confirmationText")
        self.confirmation.setPlaceholderText(tr("Например: «Яма заделана 03.12, фото в ответе»"))
        form.addRow(required(tr("Что сделано")), self.confirmation)

        note = QLabel(tr("* — обязательное поле"))
        note.setStyleSheet("color: #4a5568")
        form.addRow(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self.status.currentIndexChanged.connect(self._update)
        self.reason_kind.currentIndexChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        self._update()

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(100)
        return edit

    def target(self) -> Status | None:
        value = self.status.currentData()
        return Status(value) if value else None

    def _show_row(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _update(self) -> None:
        target = self.target()
        rejecting = target is Status.REJECTED
        other = (
            rejecting
            and self.reason_kind.currentIndex() >= 0
            and self.reason_kind.currentData() is None
        )
        self._show_row(self.reason_kind, rejecting)
        self._show_row(self.reason, rejecting or target is Status.REOPENED)
        label = self.form.labelForField(self.reason)
        if isinstance(label, QLabel):
            if rejecting:
                label.setText(required(tr("Пояснение")) if other else tr("Пояснение"))
            else:
                label.setText(tr("Причина (необязательно)"))
        self._show_row(self.confirmation, target is Status.RESOLVED)
        self.ok.setEnabled(not self.missing())
        self.adjustSize()

    def missing(self) -> list[str]:
        """What still has to be filled for the chosen status."""
        target = self.target()
        if target is None:
            return [tr("Новый статус")]
        out = []
        if target is Status.REJECTED:
            if self.reason_kind.currentIndex() < 0:
                out.append(tr("Причина отклонения"))
            elif self.reason_kind.currentData() is None and not self._reason_text():
                out.append(tr("Пояснение"))
        if target is Status.RESOLVED and not self.confirmation.toPlainText().strip():
            out.append(tr("Что сделано"))
        return out

    def _reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def values(self) -> tuple[str, str | None, str | None]:
        target = self.target()
        reason = confirmation = None
        if target is Status.REJECTED:
            standard, text = self.reason_kind.currentData(), self._reason_text()
            reason = f"{standard}: {text}" if standard and text else (standard or text or None)
        elif target is Status.REOPENED:
            reason = self._reason_text() or None
        elif target is Status.RESOLVED:
            confirmation = self.confirmation.toPlainText().strip() or None
        return target.value, reason, confirmation

    def _accept(self) -> None:
        if self.missing():
            return
        self.chosen.emit(*self.values())
        self.accept()


def status_dialog(window, status: str, reject: bool) -> StatusDialog | None:
    """The dialog for an incident in `status`; None if no change is allowed from it."""
    targets = sorted(allowed_targets(Status(status)))
    if reject:
        targets = [s for s in targets if s is Status.REJECTED]
    if not targets:
        return None
    return StatusDialog(targets, window.labels, reject, window)
