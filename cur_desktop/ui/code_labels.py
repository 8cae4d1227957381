"""Human names for the codes the workstation shows: the kinds of edits (the outbox, kept work in
«Не принятые сервером правки», the card's «не отправлено» lines), the kinds of history events, and
statuses inside kept work. A code such as «local_add_note» or «resolved» never reaches the
screen: an unknown one gets a generic name, not its code."""

from __future__ import annotations

from cur_desktop.models.statuses import STATUS_LABELS, Status

from .i18n import QT_TR_NOOP, tr

#: One per MutationType (tests/ui/test_code_labels.py walks them all).
MUTATION_LABELS = {
    "claim": QT_TR_NOOP("Взять в работу"),
    "release": QT_TR_NOOP("Вернуть в очередь"),
    "assign": QT_TR_NOOP("Назначить"),
    "set_status": QT_TR_NOOP("Сменить статус"),
    "set_category": QT_TR_NOOP("Сменить сферу"),
    "set_municipality": QT_TR_NOOP("Передать в другое МО"),
    "route": QT_TR_NOOP("Направить в ведомство"),
    "add_reply": QT_TR_NOOP("Ответ"),
    "approve_reply": QT_TR_NOOP("Согласовать ответ"),
    "return_reply": QT_TR_NOOP("Вернуть ответ"),
    "add_note": QT_TR_NOOP("Заметка"),
    "review_quality": QT_TR_NOOP("Оценка ответа"),
}

#: One per event kind the server records (the test finds them in cur_server's source).
EVENT_LABELS = {
    "created": QT_TR_NOOP("Поступило"),
    "received": QT_TR_NOOP("Поступило"),
    "claimed": QT_TR_NOOP("Взято в работу"),
    "released": QT_TR_NOOP("Возвращено в очередь"),
    "assigned": QT_TR_NOOP("Назначено"),
    "status_changed": QT_TR_NOOP("Статус изменён"),
    "category_changed": QT_TR_NOOP("Сфера/рубрика изменена"),
    "municipality_changed": QT_TR_NOOP("Передано в другое МО"),
    "routed": QT_TR_NOOP("Направлено в ведомство"),
    "reply_added": QT_TR_NOOP("Добавлен ответ"),
    "reply_published": QT_TR_NOOP("Ответ опубликован"),
    "reply_approved": QT_TR_NOOP("Ответ согласован"),
    "reply_returned": QT_TR_NOOP("Ответ возвращён на доработку"),
    "note": QT_TR_NOOP("Заметка"),
    "quality_reviewed": QT_TR_NOOP("Ответ оценён старшим смены"),
    "review_quality": QT_TR_NOOP("Ответ оценён старшим смены"),
    "reply_delivered": QT_TR_NOOP("Ответ доставлен заявителю"),
    "reply_delivery_failed": QT_TR_NOOP("Ответ не доставлен"),
    "followup": QT_TR_NOOP("Новое сообщение заявителя"),
}


def mutation_label(kind: str) -> str:
    return tr(MUTATION_LABELS[kind]) if kind in MUTATION_LABELS else tr("Правка")


def event_label(kind: str) -> str:
    """A server event, or a local edit not yet sent («local_add_note» → «Заметка»)."""
    if kind.startswith("local_"):
        return mutation_label(kind.removeprefix("local_"))
    return tr(EVENT_LABELS[kind]) if kind in EVENT_LABELS else tr("Событие")


def status_label(code: str) -> str:
    """The status's Russian name, as the server's reference data gives it."""
    try:
        return STATUS_LABELS[Status(code)]
    except ValueError:
        return tr("другой статус")
