"""What the workstation's own layers (sync/, models/) say to the user, in the UI's language.
They raise or return a `models.said.Said`: the Russian sentence with its code and parameters;
the words per code are here, marked for the catalogue. A server's refusal (RequestRejected)
goes by the server's code (code_labels.REFUSALS); anything without a known code is shown as
it came."""

from __future__ import annotations

from cur_desktop.models.reply_checks import Finding
from cur_desktop.models.said import Said

from .code_labels import REFUSALS, refusal_text
from .finding_text import field_title, finding_text
from .i18n import QT_TR_NOOP, in_russian, tr

#: One per code that sync/ and models/ say (tests/ui/test_english_ui.py finds them all).
PROBLEMS = {
    # local actions (sync/actions.py, sync/outbox.py, sync/bulk_reply.py)
    "not_cached": QT_TR_NOOP("Обращение не найдено в локальном кэше"),
    "number_not_cached": QT_TR_NOOP("Обращение {number} не найдено в локальном кэше"),
    "none_chosen": QT_TR_NOOP("Не выбрано ни одного обращения"),
    "reply_too_long": QT_TR_NOOP("Ответ длиннее {n} знаков"),
    "invalid_action": QT_TR_NOOP("Некорректное действие"),
    "no_such_edit": QT_TR_NOOP("Нет такой неотправленной правки"),
    "not_awaiting": QT_TR_NOOP("Обращение уже не ждёт ответа (закрыто или с ответом)"),
    "template_used": QT_TR_NOOP("Ответ по этому шаблону уже есть"),
    "cannot_fill": QT_TR_NOOP("Не заполнить: {fields}"),
    # who holds a case (models/holder.py)
    "not_claimed": QT_TR_NOOP("Сначала возьмите обращение в работу"),
    "held_by_other": QT_TR_NOOP("Обращение в работе у другого сотрудника"),
    "held_by_named": QT_TR_NOOP("Обращение в работе у сотрудника {name}"),
    "held_note": QT_TR_NOOP("В работе у другого сотрудника"),
    "held_note_named": QT_TR_NOOP("В работе у сотрудника {name}"),
    # the connection to the server (sync/client.py, sync/engine.py, sync/workspace.py)
    "client_too_old": QT_TR_NOOP(
        "Версия программы устарела: изменения не отправляются и ждут в очереди. "
        "Установите версию {version} или новее"
    ),
    "no_ca_file": QT_TR_NOOP("Не удалось проверить сертификат сервера: нет файла сертификатов"),
    "certificate": QT_TR_NOOP("Не удалось проверить сертификат сервера"),
    "unreachable": QT_TR_NOOP("Сервер недоступен"),
    "damaged_answer": QT_TR_NOOP("Сервер прислал повреждённый ответ"),
    "connection_lost": QT_TR_NOOP("Связь с сервером прервалась"),
    "too_large": QT_TR_NOOP("Ответ сервера слишком велик"),
    "off_protocol": QT_TR_NOOP("Сервер прислал ответ не по протоколу"),
    "http_error": QT_TR_NOOP("Ошибка сервера ({status})"),
    "sign_in_required": QT_TR_NOOP("Требуется вход в систему"),
    "no_results": QT_TR_NOOP("Сервер не ответил ни на одно изменение"),
    "internal": QT_TR_NOOP("Внутренняя ошибка синхронизации"),
    "no_profile": QT_TR_NOOP("На этом компьютере нет сохранённого профиля"),
    "signed_out": QT_TR_NOOP(
        "Из последнего профиля вышли: войдите с паролем, когда будет связь с сервером"
    ),
    # the server's address and certificates (sync/connection.py)
    "settings_unreadable": QT_TR_NOOP("Файл настроек {path} не читается"),
    "settings_damaged": QT_TR_NOOP(
        "Файл настроек {path} повреждён ({error}); адрес сервера можно указать вручную"
    ),
    "settings_no_server": QT_TR_NOOP(
        "В файле настроек {path} ожидается раздел [server] со строками url и ca_bundle; "
        "адрес сервера можно указать вручную"
    ),
    "bad_address": QT_TR_NOOP("Адрес сервера указан неверно: нужен вид https://имя-сервера[:порт]"),
    "certificate_name": QT_TR_NOOP(
        "Сертификат сервера выдан на другое имя, не «{host}»: проверьте адрес "
        "(он должен совпадать с именем в сертификате)"
    ),
    "certificate_unknown": QT_TR_NOOP(
        "Сертификат сервера не подтверждён: он выдан неизвестным центром сертификации "
        "(или самоподписан). Укажите файл сертификатов (CA) вашей организации"
    ),
    "not_https": QT_TR_NOOP(
        "Сервер {where} не отвечает по HTTPS: возможно, адрес должен начинаться с http://"
    ),
    "tls_failed": QT_TR_NOOP("Не удалось установить защищённое соединение с {where}"),
    "not_found": QT_TR_NOOP("Сервер «{host}» не найден: проверьте адрес (имя не находится в DNS)"),
    "refused": QT_TR_NOOP(
        "Сервер {where} отказал в соединении: программа сервера не запущена или порт указан неверно"
    ),
    "not_http": QT_TR_NOOP(
        "Сервер {where} ответил не по HTTP: возможно, адрес должен начинаться с https://"
    ),
    "timed_out": QT_TR_NOOP("Сервер {where} не ответил вовремя: проверьте сеть или адрес"),
    "server_unreachable": QT_TR_NOOP("Сервер {where} недоступен: {error}"),
    "ca_missing": QT_TR_NOOP("Файл сертификатов не найден: {path}"),
    "ca_not_pem": QT_TR_NOOP("Файл сертификатов {path} не содержит сертификатов в формате PEM"),
    "not_cur_server": QT_TR_NOOP(
        "По адресу {url} отвечает не сервер ЦУР (или слишком старая его версия)"
    ),
}


def _said_of(what: object) -> Said | str:
    """The sentence an exception or a value carries."""
    if isinstance(what, BaseException):
        message = getattr(what, "message", None)
        if isinstance(message, str):
            return message
        return what.args[0] if len(what.args) == 1 and isinstance(what.args[0], str) else str(what)
    return what if isinstance(what, str) else str(what)


def problem_text(what: object) -> str:
    """`what` (an exception, a `Said`, a plain string) said in the UI's language."""
    said = _said_of(what)
    server_code = getattr(what, "code", None) if isinstance(what, BaseException) else None
    if not isinstance(said, Said):
        if isinstance(server_code, str) and server_code in REFUSALS:
            return refusal_text(server_code, str(said))
        return str(said)
    if in_russian():
        return str(said)
    params = dict(said.params)
    if said.code.startswith("check_"):
        finding = Finding(said.code.removeprefix("check_"), str(said), params=tuple(params.items()))
        return finding_text(finding)
    template = PROBLEMS.get(said.code)
    if template is None:
        return str(said)
    if said.code == "cannot_fill":
        params["fields"] = ", ".join(field_title(f) for f in params.get("fields", []))
    try:
        return tr(template).format(**params)
    except (KeyError, IndexError):
        return str(said)
