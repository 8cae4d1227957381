"""The production menu bar: «Файл», «Правка», «Вид», «Обращение», «Справка» (and «Смена» for
supervisors), filled with the window's own keyed actions so each shows its keys beside it.
Installed last, when the parts of the window that bring actions (console, analytics) exist."""

from __future__ import annotations

from . import main_menus
from .i18n import QT_TR_NOOP, tr
from .main_actions import keyed_action

FILE = ("sync", "conflicts", None, "sign_out", "quit")
EDIT = ("search", "note", None, "settings")
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
# The approvals dock's buttons by keys, for supervisors: (button, caption, keys).
APPROVALS = [
    ("approve", QT_TR_NOOP("Согласовать ответ"), "Ctrl+Shift+Return"),
    ("send_back", QT_TR_NOOP("Вернуть ответ на доработку…"), "Ctrl+Shift+B"),
]


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
    if window.console is not None:
        add_approval_keys(window)
    view = main_menus.menu(window, "view")
    view.addSeparator()
    view.addAction(window.conflicts_dock.toggleViewAction())
    if window.analytics_action is not None:
        view.addAction(window.analytics_action)
    help_menu = main_menus.menu(window, "help")
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)


def add_approval_keys(window) -> None:
    """«Согласовать» and «Вернуть…» of the approvals dock (its current reply) from anywhere in
    the window; the dock comes forward so the supervisor sees what the key acted on."""
    console, shift = window.console, main_menus.menu(window, "shift")
    shift.insertSeparator(shift.actions()[0] if shift.actions() else None)

    def press(name: str) -> None:
        console.approvals_dock.show()
        console.approvals_dock.raise_()
        button = getattr(console.approvals, name)
        if button.isEnabled():
            button.click()
        else:
            window.status.showMessage(tr("Нет ответов, ждущих согласования"), 4000)

    first = shift.actions()[0]
    for name, caption, keys in APPROVALS:
        action = keyed_action(window, tr(caption), keys, lambda n=name: press(n))
        window.actions_by_name[name] = action
        shift.insertAction(first, action)
