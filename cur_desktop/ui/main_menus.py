"""The main window's menu bar: one fixed order of top-level menus, each made on first use, so a
part of the window that adds actions (the supervisor's console, analytics, training, the demo)
asks for its menu by name and the bar reads the same whatever was installed first.

To add a menu (e.g. «Файл», «Правка», «Вид», «Обращение», «Справка»), add its key to MENUS in
its place and fill it with `menu(window, key).addAction(window.actions_by_name[...])`: the
keyed actions already exist (main_actions) and must not be made twice. All UI strings share one
translation context, so «Вид» is already "Kind" (the reply's kind) in English: give the menu
its own caption or its own context before it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from .i18n import QT_TR_NOOP, tr

MENUS: list[tuple[str, str]] = [
    ("file", QT_TR_NOOP("Файл")),
    ("edit", QT_TR_NOOP("Правка")),
    ("view", QT_TR_NOOP("Вид")),
    ("incident", QT_TR_NOOP("Обращение")),
    ("shift", QT_TR_NOOP("Смена")),
    ("help", QT_TR_NOOP("Справка")),
]
ORDER = [key for key, _ in MENUS]


def menu(window: QMainWindow, key: str) -> QMenu:
    """The top-level menu `key`, made (in its place in MENUS) the first time it is asked for."""
    found = window.menuBar().findChild(QMenu, _name(key))
    if found is not None:
        return found
    made = QMenu(tr(dict(MENUS)[key]), window.menuBar())
    made.setObjectName(_name(key))
    before = _next_present(window, key)
    if before is None:
        window.menuBar().addMenu(made)
    else:
        window.menuBar().insertMenu(before.menuAction(), made)
    return made


def _name(key: str) -> str:
    return f"menu_{key}"


def _next_present(window: QMainWindow, key: str) -> QMenu | None:
    """The first menu after `key` in MENUS that the bar already has."""
    for later in ORDER[ORDER.index(key) + 1 :]:
        found = window.menuBar().findChild(QMenu, _name(later))
        if found is not None:
            return found
    return None
