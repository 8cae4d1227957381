"""An action on the main window that opens a tool window (analytics, training) once and brings
the same one forward on every later use, with its keys and a place on the main toolbar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def add_window_action(
    window,
    *,
    name: str,
    caption: str,
    shortcut: str,
    attribute: str,
    open_new: Callable[[], QWidget],
) -> QAction:
    """`open_new` builds and starts the tool window; it is kept as `window.<attribute>`."""
    action = QAction(caption, window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(f"{caption} ({shortcut})")

    def show() -> None:
        existing = getattr(window, attribute, None)
        if existing is None:
            existing = open_new()
            setattr(window, attribute, existing)
        existing.show()
        existing.raise_()
        existing.activateWindow()

    action.triggered.connect(show)
    window.addAction(action)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    if toolbar is not None:
        toolbar.addAction(action)
    return action
