"""The trainer's small dialogs: a new session (bundled scenario or a YAML file, with the server's
validation errors shown by line) and the one-time codes to hand out. Opened with `open()`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from cur_desktop.models.training import ScenarioInfo

from .i18n import tr
from .plain_text import tooltip

SPEEDS = (1, 2, 5)


def problems_text(details) -> str:
    """The server's `invalid_scenario` details, one problem a line, with its line number."""
    lines = []
    for p in details if isinstance(details, list) else []:
        where = f": {p['where']}" if p.get("where") else ""
        head = tr("строка {0}").format(p["line"]) if p.get("line") else tr("файл")
        lines.append(f"{head}{where}: {p.get('message', '')}")
    return "\n".join(lines)


class NewSessionDialog(QDialog):
    """Asks for a scenario, a title and a speed; `submitted` carries the request, and the
    window answers with `show_errors` or `accept`."""

    submitted = Signal(dict)

    def __init__(self, scenarios: list[ScenarioInfo], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Новое учебное занятие"))
        self.scenario_text: str | None = None
        self.scenario = QComboBox()
        for s in scenarios:
            minutes = tr("{0} обращений, {1} мин").format(s.incidents, int(s.duration))
            self.scenario.addItem(f"{s.title} ({minutes})", s.name)
            self.scenario.setItemData(
                self.scenario.count() - 1, tooltip(s.description), Qt.ItemDataRole.ToolTipRole
            )
        self.file_button = QPushButton(tr("Из файла…"))
        self.file_button.clicked.connect(self._pick_file)
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("по названию сценария"))
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.errors = QPlainTextEdit()
        self.errors.setObjectName("scenarioErrors")
        self.errors.setReadOnly(True)
        self.errors.setVisible(False)
        self.errors.setStyleSheet("color: #b0003a")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Создать"))
        self.buttons.accepted.connect(lambda: self.submitted.emit(self.request()))
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Сценарий"), self.scenario)
        form.addRow(self.file_button, self.file_label)
        form.addRow(tr("Название"), self.title)
        form.addRow(tr("Скорость"), self.speed)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.errors)
        box.addWidget(self.buttons)
        self.resize(560, 320)

    def _pick_file(self) -> None:
        dialog = QFileDialog(self, tr("Файл сценария"), "", tr("Сценарии (*.yaml *.yml)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.use_file)
        # Deleted while the loop runs: a file dialog left for teardown crashes in its
        # file-system watcher thread.
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def use_file(self, path: str) -> None:
        try:
            self.scenario_text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.show_errors(tr("Файл не прочитан: ") + str(exc))
            return
        self.file_label.setText(Path(path).name)
        self.scenario.setEnabled(False)

    def request(self) -> dict:
        body = {"title": self.title.text().strip() or None, "speed": self.speed.currentData()}
        if self.scenario_text is not None:
            body["scenario_text"] = self.scenario_text
        else:
            body["scenario"] = self.scenario.currentData()
        return body

    def show_errors(self, text: str) -> None:
        self.errors.setPlainText(text)
        self.errors.setVisible(True)


class CodesDialog(QDialog):
    """One-time codes, shown once: the server keeps only their hashes."""

    def __init__(self, codes: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Коды для входа слушателей"))
        note = QLabel(tr("Раздайте по одному коду каждому слушателю. Коды показываются один раз."))
        note.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(codes))
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addWidget(self.text)
        box.addWidget(buttons)
