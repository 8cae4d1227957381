"""Human names for the codes the workstation shows: the kinds of edits (the outbox, kept work in
«Не принятые сервером правки», the card's «не отправлено» lines), the kinds of history events, and
statuses inside kept work. A code such as «local_add_note» or «resolved» never reaches the
screen: an unknown one gets a generic name, not its code."""

from __future__ import annotations

from cur_desktop.models.domain import CHANNEL_LABELS, SECTOR_LABELS
from cur_desktop.models.statuses import STATUS_LABELS, Status

from .i18n import QT_TR_NOOP, in_russian, tr

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


#: The names the models give to statuses, sectors and channels, marked here for the catalogue
#: (lupdate reads only ui/); tests/ui/test_english_ui.py checks each model name is among them.
CODE_NAMES = (
    QT_TR_NOOP("Новое"),
    QT_TR_NOOP("В работе"),
    QT_TR_NOOP("Направлено в ведомство"),
    QT_TR_NOOP("Дан промежуточный ответ"),
    QT_TR_NOOP("Дан ответ"),
    QT_TR_NOOP("Решено"),
    QT_TR_NOOP("Закрыто"),
    QT_TR_NOOP("Отклонено"),
    QT_TR_NOOP("Возобновлено"),
    QT_TR_NOOP("Здравоохранение"),
    QT_TR_NOOP("Образование"),
    QT_TR_NOOP("Дороги"),
    QT_TR_NOOP("Транспорт"),
    QT_TR_NOOP("Энергетика"),
    QT_TR_NOOP("ЖКХ"),
    QT_TR_NOOP("ТКО"),
    QT_TR_NOOP("Социальная защита"),
    QT_TR_NOOP("Прочее"),
    QT_TR_NOOP("ВКонтакте"),
    QT_TR_NOOP("Одноклассники"),
    QT_TR_NOOP("Комментарий в госпаблике"),
    QT_TR_NOOP("Госуслуги. Решаем вместе (ПОС)"),
    QT_TR_NOOP("Чат-бот"),
    QT_TR_NOOP("Электронная почта"),
    QT_TR_NOOP("Другое"),
    # training sessions' states (models/training.SESSION_STATE_LABELS)
    QT_TR_NOOP("Готово к началу"),
    QT_TR_NOOP("Идёт"),
    QT_TR_NOOP("Пауза"),
    QT_TR_NOOP("Завершено"),
)

#: code → the workstation's own name, for the codes it knows (the server sends codes; the names
#: it sends too are used only for codes a newer server added).
KNOWN_NAMES: dict[str, dict[str, str]] = {
    "status": {str(k): v for k, v in STATUS_LABELS.items()},
    "sector": {str(k): v for k, v in SECTOR_LABELS.items()},
    "channel": {str(k): v for k, v in CHANNEL_LABELS.items()},
}


def code_name(kind: str, code: str, sent: str | None = None) -> str:
    """A status, sector or channel in the UI's language; an unknown code keeps the server's
    name (or, without one, a generic word — never the code itself)."""
    known = KNOWN_NAMES[kind].get(code)
    if known is not None:
        return tr(known)
    return sent or tr("другой статус" if kind == "status" else "Другое")


def status_label(code: str) -> str:
    """The status's name in the UI's language."""
    try:
        return code_name("status", Status(code).value)
    except ValueError:
        return tr("другой статус")


#: Why the server refused or set aside an edit, by its code (MutationResult.error). The server
#: words the reason in Russian, often with a name or a status in it: a Russian UI shows that;
#: another language shows these, which say the same without the particulars.
REFUSALS = {
    "held_by_other": QT_TR_NOOP("Обращение уже в работе у другого сотрудника"),
    "stale": QT_TR_NOOP("Обращение изменил другой сотрудник, пока вы с ним работали"),
    "not_found": QT_TR_NOOP("Обращение не найдено"),
    "bad_transition": QT_TR_NOOP("Такая смена статуса не разрешена"),
    "not_open": QT_TR_NOOP("Обращение уже обработано"),
    "forbidden": QT_TR_NOOP("Это может только старший смены"),
    "bad_assignee": QT_TR_NOOP("Этому сотруднику обращение назначить нельзя"),
    "agency_required": QT_TR_NOOP("Укажите ведомство: используйте действие «Направить»"),
    "reason_required": QT_TR_NOOP("Укажите причину отклонения"),
    "confirmation_required": QT_TR_NOOP("Опишите, что сделано: одного ответа мало для «Решено»"),
    "reply_required": QT_TR_NOOP("Сначала опубликуйте ответ"),
    "bad_category": QT_TR_NOOP("Рубрика не относится к выбранной сфере"),
    "bad_municipality": QT_TR_NOOP("Такого муниципального образования нет в справочнике"),
    "bad_agency": QT_TR_NOOP("Такого ведомства нет в справочнике"),
    "approval_required": QT_TR_NOOP("Нужно согласование старшего смены"),
    "unfilled_placeholder": QT_TR_NOOP("В ответе не заполнены поля шаблона"),
    "not_claimed": QT_TR_NOOP("Сначала возьмите обращение в работу"),
    "empty_reply": QT_TR_NOOP("Текст ответа пуст"),
    "bad_template": QT_TR_NOOP("Такого шаблона нет"),
    "bad_reply": QT_TR_NOOP("У обращения нет такого ответа"),
    "not_pending": QT_TR_NOOP("Ответ не ждёт согласования"),
    "not_answered": QT_TR_NOOP("Оценить можно только обращение с опубликованным ответом"),
    "own_answer": QT_TR_NOOP("Свой ответ оценивает другой старший смены"),
    "mutation_id_taken": QT_TR_NOOP("Повтор чужой правки отклонён"),
}


def refusal_text(code: str | None, reason: str | None) -> str:
    """The server's reason for a refused edit, in the UI's language."""
    if reason and (in_russian() or code not in REFUSALS):
        return reason
    if code in REFUSALS:
        return tr(REFUSALS[code])
    return tr("Сервер не принял правку")
