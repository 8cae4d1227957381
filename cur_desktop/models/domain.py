"""Vocabulary shared by the workstation and the reference server.

Codes are English and travel on the wire; the Russian labels are what people read. Keeping both
here means the client and the server cannot disagree about what a code means.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    VK = "vk"
    OK = "ok"
    TELEGRAM = "telegram"
    MAX = "max"
    GOSPUBLIC_COMMENT = "gospublic_comment"
    POS = "pos"
    CHATBOT = "chatbot"
    EMAIL = "email"
    OTHER = "other"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.VK: "ВКонтакте",
    Channel.OK: "Одноклассники",
    Channel.TELEGRAM: "Telegram",
    Channel.MAX: "MAX",
    Channel.GOSPUBLIC_COMMENT: "Комментарий в госпаблике",
    Channel.POS: "Госуслуги. Решаем вместе (ПОС)",
    Channel.CHATBOT: "Чат-бот",
    Channel.EMAIL: "Электронная почта",
    Channel.OTHER: "Другое",
}


class Form(StrEnum):
    """What a citizen's text is in law. Since 547-ФЗ (March 2025, amending 59-ФЗ) an e-mail is
    no longer a formal обращение: like a social-network post it is a message (сообщение), which
    the centre answers but which carries no 59-ФЗ deadlines of its own."""

    MESSAGE = "message"
    APPEAL = "appeal"


FORM_LABELS: dict[Form, str] = {Form.MESSAGE: "Сообщение", Form.APPEAL: "Обращение (59-ФЗ)"}


def form_of(channel: Channel | str) -> Form:
    """Every channel the centre collects from brings messages; formal обращения (the written
    59-ФЗ procedure) do not come through the centre's channels."""
    Channel(channel)
    return Form.MESSAGE


#: Channels whose replies the server delivers itself (cur_server/channels): a reply there counts
#: as an answer for the SLA only once the channel accepted it, not when it was published.
DELIVERED_CHANNELS = frozenset({Channel.EMAIL})


def answered_on_publish(channel: Channel | str, training: bool = False) -> bool:
    """Whether publishing a reply is itself the answer (the SLA's «answered» moment). Training
    incidents are never delivered anywhere."""
    return training or Channel(channel) not in DELIVERED_CHANNELS


class DeliveryState(StrEnum):
    """Where an approved reply to a delivered channel is on its way to the citizen."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


DELIVERY_LABELS: dict[DeliveryState, str] = {
    DeliveryState.QUEUED: "в очереди",
    DeliveryState.SENT: "отправлено",
    DeliveryState.FAILED: "ошибка",
}


class Sector(StrEnum):
    """The blocks regional centres sort complaints into."""

    HEALTH = "health"
    EDUCATION = "education"
    ROADS = "roads"
    TRANSPORT = "transport"
    ENERGY = "energy"
    HOUSING = "housing"
    WASTE = "waste"
    SOCIAL = "social"
    OTHER = "other"


SECTOR_LABELS: dict[Sector, str] = {
    Sector.HEALTH: "Здравоохранение",
    Sector.EDUCATION: "Образование",
    Sector.ROADS: "Дороги",
    Sector.TRANSPORT: "Транспорт",
    Sector.ENERGY: "Энергетика",
    Sector.HOUSING: "ЖКХ",
    Sector.WASTE: "ТКО",
    Sector.SOCIAL: "Социальная защита",
    Sector.OTHER: "Прочее",
}


class Importance(StrEnum):
    NORMAL = "normal"
    HIGH = "high"


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    DISTRICT_OFFICIAL = "district_official"
    TRAINER = "trainer"
    TRAINEE = "trainee"
    ADMIN = "admin"
    COLLECTOR = "collector"


ROLE_LABELS: dict[Role, str] = {
    Role.OPERATOR: "Оператор",
    Role.SUPERVISOR: "Старший смены",
    Role.DISTRICT_OFFICIAL: "Представитель МО",
    Role.TRAINER: "Преподаватель",
    Role.TRAINEE: "Слушатель",
    Role.ADMIN: "Администратор",
    Role.COLLECTOR: "Сборщик сообщений",
}


class ReplyKind(StrEnum):
    INTERIM = "interim"
    FINAL = "final"
    CLARIFICATION = "clarification"


REPLY_KIND_LABELS: dict[ReplyKind, str] = {
    ReplyKind.INTERIM: "Промежуточный ответ",
    ReplyKind.FINAL: "Окончательный ответ",
    ReplyKind.CLARIFICATION: "Уточнение",
}


class ApprovalState(StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    RETURNED = "returned"
    PUBLISHED = "published"


APPROVAL_LABELS: dict[ApprovalState, str] = {
    ApprovalState.DRAFT: "Черновик",
    ApprovalState.PENDING_APPROVAL: "На согласовании",
    ApprovalState.APPROVED: "Согласован",
    ApprovalState.RETURNED: "Возвращён на доработку",
    ApprovalState.PUBLISHED: "Опубликован",
}


class MutationType(StrEnum):
    CLAIM = "claim"
    RELEASE = "release"
    ASSIGN = "assign"
    SET_STATUS = "set_status"
    SET_CATEGORY = "set_category"
    SET_MUNICIPALITY = "set_municipality"
    ROUTE = "route"
    ADD_REPLY = "add_reply"
    APPROVE_REPLY = "approve_reply"
    RETURN_REPLY = "return_reply"
    ADD_NOTE = "add_note"
    REVIEW_QUALITY = "review_quality"


class Outcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


INCIDENT_NUMBER_PREFIX = "ЦУР"


def incident_number(year: int, serial: int) -> str:
    """Human number such as ``ЦУР-2026-000123``: what staff read out on the phone."""
    return f"{INCIDENT_NUMBER_PREFIX}-{year}-{serial:06d}"


#: Roles whose replies never wait for approval: they are the ones who approve.
APPROVER_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.TRAINER})


def reply_needs_approval(role: Role | str, user_needs_approval: bool, importance: str) -> bool:
    """Trainees, staff marked for review, and any reply on a high-importance case go to a
    supervisor first. The workstation shows the same outcome the server will decide."""
    if Role(role) in APPROVER_ROLES:
        return False
    return user_needs_approval or Role(role) is Role.TRAINEE or importance == Importance.HIGH
