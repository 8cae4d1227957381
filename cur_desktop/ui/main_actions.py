"""The main window's keyed actions: what each does, its keys, and which of them sit on the main
toolbar; plus the «Горячие клавиши» list of every keyed action of the window. Menus take these
actions from `window.actions_by_name` (see main_menus); they do not make their own copies."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from .i18n import QT_TR_NOOP, tr

SHORTCUTS = [
    ("take_next", QT_TR_NOOP("Взять следующее"), "Ctrl+Shift+T"),
    ("claim", QT_TR_NOOP("Взять выбранное"), "Ctrl+T"),
    ("reply", QT_TR_NOOP("Ответить"), "Ctrl+R"),
    ("route", QT_TR_NOOP("Направить в ведомство"), "Ctrl+D"),
    ("note", QT_TR_NOOP("Заметка"), "Ctrl+N"),
    ("send", QT_TR_NOOP("Отправить ответ"), "Ctrl+Return"),
    ("search", QT_TR_NOOP("Поиск"), "Ctrl+F"),
    ("sync", QT_TR_NOOP("Синхронизировать"), "F5"),
    ("conflicts", QT_TR_NOOP("Не принятые сервером правки"), "Ctrl+K"),
    ("queue", QT_TR_NOOP("К очереди"), "Ctrl+L"),
    ("help", QT_TR_NOOP("Горячие клавиши"), "F1"),
]
ON_TOOLBAR = ("take_next", "reply", "sync", "help")


def keyed_action(
    window: QWidget, caption: str, keys: str, handler: Callable[[], object]
) -> QAction:
    """An action of the whole window (its keys work wherever the focus is in it)."""
    action = QAction(caption, window)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(f"{caption} ({keys})")
    action.triggered.connect(lambda _=False: handler())
    window.addAction(action)
    return action


def make_actions(window) -> dict[str, QAction]:
    """The window's actions by name, the frequent ones also on the main toolbar."""
    handlers = {
        "take_next": window.take_next,
        "claim": lambda: window.card_action("claim", window.current_id()),
        "reply": window.open_editor,
        "route": lambda: window.card_action("route", window.current_id()),
        "note": lambda: window.card_action("note", window.current_id()),
        "send": window.editor._send,
        "search": window.queue_filters.focus_search,
        "sync": window.sync_now,
        "conflicts": lambda: (window.conflicts_dock.show(), window.conflicts.list.setFocus()),
        "queue": lambda: window.table.setFocus(),
        "help": lambda: show_shortcuts(window),
    }
    toolbar = window.addToolBar(tr("Действия"))
    toolbar.setObjectName("mainToolbar")
    actions: dict[str, QAction] = {}
    for name, caption, keys in SHORTCUTS:
        actions[name] = keyed_action(window, tr(caption), keys, handlers[name])
        if name in ON_TOOLBAR:
            toolbar.addAction(actions[name])
    return actions


def show_shortcuts(window: QWidget) -> QMessageBox:
    """Every action of the window that has keys, the console's and analytics' included."""
    seen: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            seen[keys, action.text().replace("&", "")] = None
    rows = "\n".join(f"{keys:<16} {caption}" for keys, caption in seen)
    box = QMessageBox(window)
    box.setWindowTitle(tr("Горячие клавиши"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(rows)
    box.open()
    return box
