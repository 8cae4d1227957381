"""The main window's docks and its remembered layout: the dock of kept work («Не принятые
сервером правки») at the bottom, and the window's geometry, dock and toolbar state, queue
columns and splitter saved in QSettings on close and restored on the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .conflicts_panel import ConflictsPanel
from .i18n import tr


def add_conflicts_dock(window: QMainWindow, panel: ConflictsPanel) -> QDockWidget:
    """Hidden until asked for (Ctrl+K, or the status bar's count of kept changes)."""
    dock = QDockWidget(tr("Не принятые сервером правки"), window)
    dock.setObjectName("conflictsDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    return dock


#: The queue's column widths; renamed when the columns were reordered (the text after the
#: deadline), so an old layout does not give one column's width to another.
QUEUE_HEADER = "queueHeader2"


def _settings() -> QSettings:
    return QSettings("cur-workstation", "workstation")


def restore_layout(window) -> None:
    """The layout the user left, or a first-start size."""
    s = _settings()
    if s.value("geometry"):
        window.restoreGeometry(s.value("geometry"))
    else:
        window.resize(1400, 860)
    if s.value("windowState"):
        window.restoreState(s.value("windowState"))
    if s.value(QUEUE_HEADER):
        window.table.horizontalHeader().restoreState(s.value(QUEUE_HEADER))
    if s.value("splitter"):
        window.splitter.restoreState(s.value("splitter"))
    else:
        window.splitter.setSizes([900, 500])
    if s.value("sideSplitter"):
        window.side.restoreState(s.value("sideSplitter"))


def save_layout(window) -> None:
    s = _settings()
    s.setValue("geometry", window.saveGeometry())
    s.setValue("windowState", window.saveState())
    s.setValue(QUEUE_HEADER, window.table.horizontalHeader().saveState())
    s.setValue("splitter", window.splitter.saveState())
    s.setValue("sideSplitter", window.side.saveState())
