"""The text size of the main window, for an eight-hour shift: larger or smaller in steps
(Ctrl+= / Ctrl+-, Ctrl+0 back to normal), applied to the whole window at once and remembered
for each user in QSettings, so a shared shift PC opens at each operator's own size."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

STEP = 1.0  # points
LOWEST, HIGHEST = -4, 12  # steps below and above the normal size


def _settings() -> QSettings:
    return QSettings("cur-workstation", "workstation")


class FontZoom:
    """`window`'s font: its normal size plus `steps` points, kept under `account`."""

    def __init__(self, window: QWidget, account: str):
        self.window, self.account = window, account
        self.normal = window.font().pointSizeF()
        self.steps = self._clamped(_settings().value(self._key(), 0))
        self._apply()

    def _key(self) -> str:
        return f"font_zoom/{self.account}"

    @staticmethod
    def _clamped(value) -> int:
        try:
            steps = int(value)
        except (TypeError, ValueError):
            steps = 0  # an unreadable setting: the normal size
        return max(LOWEST, min(HIGHEST, steps))

    @property
    def point_size(self) -> float:
        return self.normal + self.steps * STEP

    def zoom_in(self) -> None:
        self.set_steps(self.steps + 1)

    def zoom_out(self) -> None:
        self.set_steps(self.steps - 1)

    def reset(self) -> None:
        self.set_steps(0)

    def set_steps(self, steps: int) -> None:
        self.steps = self._clamped(steps)
        _settings().setValue(self._key(), self.steps)
        self._apply()

    def _apply(self) -> None:
        font = self.window.font()
        font.setPointSizeF(self.point_size)
        self.window.setFont(font)
