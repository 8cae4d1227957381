"""The production menu bar: «Файл», «Правка», «Вид», «Обращение», «Справка» (and «Смена» for
supervisors), filled with the window's own keyed actions so each shows its keys beside it.
Installed last, when the parts of the window that bring actions (console, analytics) exist."""

from __future__ import annotations

from . import main_menus

FILE = ("sync", "conflicts", None, "sign_out", "quit")
EDIT = ("search", "note")
VIEW = (
    "tab_mine",
    "tab_unassigned",
    "tab_at_risk",
    "tab_overdue",
    "tab_all",
    "queue",
    None,
    "zoom_in",
    "zoom_out",
    "zoom_reset",
)
INCIDENT = (
    "take_next",
    "claim",
    "release",
    None,
    "reply",
    "reply_kind",
    "send",
    None,
    "route",
    "category",
    "status",
    "reject",
)
HELP = ("guide", "help")


def install_menus(window) -> None:
    actions = window.actions_by_name
    for key, names in (
        ("file", FILE),
        ("edit", EDIT),
        ("view", VIEW),
        ("incident", INCIDENT),
        ("help", HELP),
    ):
        menu = main_menus.menu(window, key)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
    view = main_menus.menu(window, "view")
    view.addSeparator()
    view.addAction(window.conflicts_dock.toggleViewAction())
    if window.analytics_action is not None:
        view.addAction(window.analytics_action)
    help_menu = main_menus.menu(window, "help")
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)
