"""What a reply check found, in the UI's language: the models say it by code and parameters
(and in Russian for logs), the words are the catalogue's."""

from __future__ import annotations

from cur_desktop.models.reply_checks import Finding

from .i18n import QT_TR_NOOP, tr

FINDING_TEXTS = {
    "placeholder": QT_TR_NOOP("Не заполнено поле {field}"),
    "too_short": QT_TR_NOOP("Ответ короче {n} знаков"),
    "brush_off": QT_TR_NOOP("Отписка: «{phrase}» без сути ответа"),
    "no_action": QT_TR_NOOP("В окончательном ответе не названо действие"),
    "no_date": QT_TR_NOOP("В окончательном ответе не назван срок или дата"),
    "past_date": QT_TR_NOOP("Дата {date} уже прошла: укажите срок не раньше сегодняшнего дня"),
    "spelling": QT_TR_NOOP("Возможна опечатка: «{word}»"),
}

#: The placeholders' names in the UI's language, one per models/templates.KNOWN_PLACEHOLDERS
#: (tests/ui/test_english_ui.py checks the two agree).
FIELD_NAMES = {
    "citizen_name": QT_TR_NOOP("Имя заявителя"),
    "citizen_name_dative": QT_TR_NOOP("Имя заявителя (кому)"),
    "greeting": QT_TR_NOOP("Обращение к заявителю"),
    "address": QT_TR_NOOP("Адрес"),
    "agency": QT_TR_NOOP("Ведомство"),
    "deadline_date": QT_TR_NOOP("Срок"),
    "incident_number": QT_TR_NOOP("Номер обращения"),
    "operator_name": QT_TR_NOOP("Оператор"),
    "municipality": QT_TR_NOOP("Муниципальное образование"),
    "category": QT_TR_NOOP("Тема"),
}


def field_title(name: str) -> str:
    """«ведомство» for {agency}; an unknown field as it stands in the text, «{name}»."""
    label = FIELD_NAMES.get(name)
    if label is None:
        return f"«{{{name}}}»"
    shown = tr(label)
    return f"«{shown[:1].lower()}{shown[1:]}»"


def finding_text(finding: Finding) -> str:
    template = FINDING_TEXTS.get(finding.code)
    if template is None:
        return finding.message
    params = dict(finding.params)
    if finding.code == "placeholder":
        params["field"] = field_title(params.get("field", ""))
    try:
        return tr(template).format(**params)
    except (KeyError, IndexError):
        return finding.message
