"""The main window's menu bar: one fixed order of top-level menus, each made on first use, so a
part of the window that adds actions (the supervisor's console, analytics, training, the demo)
asks for its menu by name and the bar reads the same whatever was installed first.

To add a menu, add its key to MENUS in its place and fill it with
`menu(window, key).addAction(window.actions_by_name[...])`: the keyed actions already exist
(main_actions) and must not be made twice.

The captions have their own translation context, «menu»: everywhere else the UI shares one
context, where «Вид» is already "Kind" (the reply's kind); here it is the menu "View". Each
caption carries its Alt mnemonic (&), unique along the bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

CONTEXT = "menu"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string of `context` for extraction; translate it where it is shown."""
    return text


MENUS: list[tuple[str, str]] = [
    ("file", QT_TRANSLATE_NOOP("menu", "&Файл")),
    ("edit", QT_TRANSLATE_NOOP("menu", "&Правка")),
    ("view", QT_TRANSLATE_NOOP("menu", "&Вид")),
    ("incident", QT_TRANSLATE_NOOP("menu", "&Обращение")),
    ("shift", QT_TRANSLATE_NOOP("menu", "С&мена")),
    ("demo", QT_TRANSLATE_NOOP("menu", "&Демо")),
    ("help", QT_TRANSLATE_NOOP("menu", "&Справка")),
]
ORDER = [key for key, _ in MENUS]


def caption(key: str) -> str:
    """The menu's caption in the current language, with its mnemonic."""
    return QCoreApplication.translate(CONTEXT, dict(MENUS)[key])


def menu(window: QMainWindow, key: str) -> QMenu:
    """The top-level menu `key`, made (in its place in MENUS) the first time it is asked for."""
    found = window.menuBar().findChild(QMenu, _name(key))
    if found is not None:
        return found
    made = QMenu(caption(key), window.menuBar())
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
