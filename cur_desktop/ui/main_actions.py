"""The main window's keyed actions: what each does, its keys, and which of them sit on the main
toolbar. Menus take these actions from `window.actions_by_name` (see main_menus, menu_bar); they
do not make their own copies, and «Справка → Горячие клавиши» reads the keys from them.

The card's actions go through `card_key`: a key does what the card's button would, and when
the button is off for this case the status bar says so instead of acting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .font_zoom import FontZoom
from .help_dialog import GUIDE, KEYS, show_help
from .i18n import QT_TR_NOOP, tr
from .queue_source import TABS
from .settings_dialog import show_settings
from .sign_out import ask_sign_out

# (name, caption, keys): several key sequences are separated by «; ».
SHORTCUTS = [
    ("take_next", QT_TR_NOOP("Взять следующее"), "Ctrl+Shift+T"),
    ("claim", QT_TR_NOOP("Взять выбранное"), "Ctrl+T"),
    ("release", QT_TR_NOOP("Вернуть в очередь"), "Ctrl+Shift+R"),
    ("reply", QT_TR_NOOP("Ответить"), "Ctrl+R"),
    ("send", QT_TR_NOOP("Отправить ответ"), "Ctrl+Return; Ctrl+Enter"),
    ("reply_kind", QT_TR_NOOP("Следующий вид ответа"), "Ctrl+Shift+K"),
    ("route", QT_TR_NOOP("Направить в ведомство"), "Ctrl+D"),
    ("category", QT_TR_NOOP("Сфера и рубрика…"), "Ctrl+E"),
    ("status", QT_TR_NOOP("Статус…"), "Ctrl+Shift+S"),
    ("reject", QT_TR_NOOP("Отклонить…"), "Ctrl+Shift+X"),
    ("note", QT_TR_NOOP("Заметка"), "Ctrl+N"),
    ("search", QT_TR_NOOP("Поиск"), "Ctrl+F"),
    ("sync", QT_TR_NOOP("Синхронизировать"), "F5"),
    ("conflicts", QT_TR_NOOP("Не принятые сервером правки"), "Ctrl+K"),
    ("queue", QT_TR_NOOP("К очереди"), "Ctrl+L"),
    ("zoom_in", QT_TR_NOOP("Крупнее"), "Ctrl+=; Ctrl++"),
    ("zoom_out", QT_TR_NOOP("Мельче"), "Ctrl+-"),
    ("zoom_reset", QT_TR_NOOP("Обычный размер"), "Ctrl+0"),
    ("settings", QT_TR_NOOP("Настройки…"), "Ctrl+,"),
    ("sign_out", QT_TR_NOOP("Выйти…"), ""),
    ("quit", QT_TR_NOOP("Закрыть программу"), "Ctrl+Q"),
    ("guide", QT_TR_NOOP("Руководство оператора"), "F1"),
    ("help", QT_TR_NOOP("Горячие клавиши"), "Shift+F1"),
]
ON_TOOLBAR = ("take_next", "reply", "sync")
# The card's actions a key may ask for, by the card's button of the same name.
CARD_ACTIONS = ("claim", "release", "route", "category", "status", "reject", "note")


def keyed_action(
    window: QWidget, caption: str, keys: str, handler: Callable[[], object]
) -> QAction:
    """An action of the whole window (its keys work wherever the focus is in it)."""
    action = QAction(caption, window)
    sequences = QKeySequence.listFromString(keys) if keys else []
    action.setShortcuts(sequences)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
    plain = caption.replace("&", "")
    action.setToolTip(f"{plain} ({shown})" if shown else plain)
    action.triggered.connect(lambda _=False: handler())
    window.addAction(action)
    return action


def card_key(window, name: str) -> None:
    """What the card's button `name` does, if it is on for the current case."""
    button = window.card.buttons.get(name)
    if window.current_id() is None:
        window.status.showMessage(tr("Выберите обращение в очереди"), 4000)
    elif button is not None and not button.isEnabled():
        caption = button.text().replace("&", "").removesuffix("…")
        reason = button.toolTip() if button.toolTip() and "Ctrl" not in button.toolTip() else ""
        text = tr("«{action}» сейчас недоступно для этого обращения").format(action=caption)
        window.status.showMessage(f"{text}. {reason}" if reason else text, 5000)
    else:
        window.card_action(name, window.current_id())


def make_actions(window) -> dict[str, QAction]:
    """The window's actions by name, the frequent ones also on the main toolbar."""
    window.zoom = FontZoom(window, window.ws.profile.id)
    handlers = {
        "take_next": window.take_next,
        "reply": window.open_editor,
        "send": window.editor._send,
        "reply_kind": window.editor.next_kind,
        "search": window.queue_filters.focus_search,
        "sync": window.sync_now,
        "conflicts": lambda: (window.conflicts_dock.show(), window.conflicts.list.setFocus()),
        "queue": lambda: window.table.setFocus(),
        "zoom_in": window.zoom.zoom_in,
        "zoom_out": window.zoom.zoom_out,
        "zoom_reset": window.zoom.reset,
        "settings": lambda: show_settings(window),
        "sign_out": lambda: ask_sign_out(window),
        "quit": window.close,
        "guide": lambda: show_help(window, GUIDE),
        "help": lambda: show_help(window, KEYS),
    }
    for name in CARD_ACTIONS:
        handlers[name] = lambda n=name: card_key(window, n)
    toolbar = window.addToolBar(tr("Действия"))
    toolbar.setObjectName("mainToolbar")
    actions: dict[str, QAction] = {}
    for name, caption, keys in SHORTCUTS:
        actions[name] = keyed_action(window, tr(caption), keys, handlers[name])
        actions[name].setObjectName(f"action_{name}")
        if name in ON_TOOLBAR:
            toolbar.addAction(actions[name])
    for i, (code, caption) in enumerate(TABS, start=1):
        tab_caption = tr("Очередь: {tab}").format(tab=tr(caption))
        action = keyed_action(window, tab_caption, f"Ctrl+{i}", lambda i=i: show_tab(window, i - 1))
        actions[f"tab_{code}"] = action
    actions["settings"].setMenuRole(QAction.MenuRole.PreferencesRole)
    actions["sign_out"].setMenuRole(QAction.MenuRole.NoRole)
    actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    return actions


def show_tab(window, index: int) -> None:
    """A queue tab, with the focus in the queue so arrows and Enter work at once."""
    window.tabs.setCurrentIndex(index)
    window.table.setFocus()
