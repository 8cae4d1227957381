"""The channels a region's server runs, read from one TOML file (`cur-server channels --config`).

Every `[[email]]`, `[[telegram]]`, `[[vk]]`, `[[ok]]` and `[[pos]]` section may appear several
times (the centre's bot and a municipality's, two communities…), each with its own `name`:
with several, a short word (1-32 letters, digits, '-', '_', '.') that never changes, since it
keeps the adapters' message ids and cursors apart (`runner.py`). One section of a kind works as
it always did.

Secrets (mailbox passwords, later the VK and Telegram tokens) are never in that file: it names
an environment variable (`password_env`) or a file readable by the service's user only
(`password_file`), as the JWT secret is kept (`context.read_secret_file`). A `Secret` prints as
asterisks, so a configuration logged or shown in a traceback gives nothing away.

    [delivery]
    max_attempts = 5
    backoff_seconds = 30

    [[email]]
    name = "main"
    address = "cur@region.example"          # From: of the replies, and the Message-ID domain
    default_municipality = "ryazan"         # for mail to no mapped address

    [email.imap]
    host = "imap.region.example"
    port = 993
    security = "ssl"                        # ssl, starttls or none
    user = "cur"
    password_env = "CUR_EMAIL_MAIN_PASSWORD"

    [email.smtp]
    host = "smtp.region.example"
    port = 587
    security = "starttls"
    user = "cur"
    password_file = "/etc/cur/email-main.secret"

    [email.municipalities]                  # recipient address → municipality code
    "kasimov@cur.region.example" = "kasimov"

    [[telegram]]
    name = "bot"
    token_env = "CUR_TELEGRAM_BOT_TOKEN"    # or token_file = "/etc/cur/telegram.secret"
    default_municipality = "ryazan"         # for messages from chats not mapped below
    poll_timeout = 0                        # getUpdates long polling, seconds (0: short poll)
    # api_url = "https://api.telegram.org"  # a Bot API server of one's own, if any

    [telegram.chats]                        # chat id → municipality code (group chats)
    "-1001234567890" = "kasimov"

    [telegram.faq]                          # the bot answers frequent questions (channels/faq.py)
    enabled = true
    min_score = 0.5                         # similarity 0…1 at which the bot answers itself

    [[telegram.faq.answers]]                # an answer template by code, and sample questions
    template = "faq_waste_sorting"
    questions = ["Как сортировать мусор?", "Куда выбрасывать пластик и стекло?"]

    [[telegram]]                            # another bot: a municipality's
    name = "kasimov"
    token_env = "CUR_TELEGRAM_KASIMOV_TOKEN"
    default_municipality = "kasimov"

    [[vk]]
    name = "group"
    group_id = 123456                       # the community (its id, positive)
    token_env = "CUR_VK_GROUP_TOKEN"        # a community token; or token_file
    default_municipality = "ryazan"
    wait = 0                                # Bots Long Poll wait, seconds (0: answer at once)
    # api_url = "https://api.vk.com/method"
    # api_version = "5.199"

    [[ok]]
    name = "group"
    token_env = "CUR_OK_GROUP_TOKEN"        # the group's Bot API access token; or token_file
    default_municipality = "ryazan"
    poll_timeout = 0                        # long polling wait, seconds (0: answer at once)
    # api_url = "https://api.ok.ru"

    [ok.chats]                              # chat id → municipality code
    "chat:C3ecb9d02a600" = "kasimov"

    [[pos]]                                 # «Госуслуги. Решаем вместе»: file exchange
    name = "pos"
    folder = "/var/lib/cur/pos"             # inbox/, outbox/, processed/, rejected/ in it
    default_municipality = "ryazan"
    min_age_seconds = 2                     # a file younger than this waits a round

    [pos.municipalities]                    # OKTMO or name → municipality code
    "61701000" = "ryazan"
    "Касимовский район" = "kasimov"

    [pos.categories]                        # ПОС category → category code (optional)
    "Дороги" = "roads_pits"
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..context import SecretError, read_secret_file
from .delivery import RetryPolicy

ENV_CHANNELS_CONFIG = "CUR_CHANNELS_CONFIG"
SECURITY = ("ssl", "starttls", "none")
#: Larger mail is kept for the administrator by its headers only, not made an incident.
DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024


class ConfigError(ValueError):
    """The channels configuration cannot be used (message for the log, English, no secrets)."""


@dataclass(frozen=True)
class FaqEntry:
    template: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class FaqConfig:
    enabled: bool = False
    #: The lowest similarity (0…1) at which the bot answers by itself.
    min_score: float = 0.5
    entries: tuple[FaqEntry, ...] = ()
    #: A message that is one of these words hands the last automatic answer to a person.
    handoff_words: tuple[str, ...] = ("оператор", "человек", "специалист")


def parse_faq(where: str, raw: dict | None) -> FaqConfig | None:
    if not raw:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("answers") or [], list):
        raise ConfigError(f"{where} faq: a table, its answers written [[telegram.faq.answers]]")
    entries = []
    for n, item in enumerate(raw.get("answers") or []):
        if not isinstance(item, dict):
            raise ConfigError(f"{where} faq answer {n + 1}: a table with template and questions")
        code = str(item.get("template") or "").strip()
        questions = tuple(str(q) for q in item.get("questions") or [] if str(q).strip())
        if not code or not questions:
            raise ConfigError(f"{where} faq answer {n + 1}: template and questions are needed")
        entries.append(FaqEntry(code, questions))
    score = _number(f"{where} faq", raw, "min_score", 0.5)
    if not 0 < score <= 1:
        raise ConfigError(f"{where} faq: min_score must be above 0 and at most 1")
    words = tuple(w.casefold() for w in raw.get("handoff_words", FaqConfig.handoff_words))
    return FaqConfig(
        enabled=bool(raw.get("enabled", True)),
        min_score=score,
        entries=tuple(entries),
        handoff_words=words,
    )


class Secret:
    """A password or token: `reveal()` gives it to the one call that needs it."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    security: str = "ssl"
    user: str | None = None
    password: Secret | None = None
    timeout: float = 60.0


@dataclass(frozen=True)
class EmailConfig:
    name: str
    address: str
    imap: Endpoint | None
    smtp: Endpoint | None
    mailbox: str = "INBOX"
    default_municipality: str | None = None
    municipalities: dict[str, str] = field(default_factory=dict)
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]


@dataclass(frozen=True)
class TelegramConfig:
    name: str
    token: Secret
    api_url: str = "https://api.telegram.org"
    default_municipality: str | None = None
    #: Chat id (as text) → municipality code.
    chats: dict[str, str] = field(default_factory=dict)
    #: getUpdates long polling: how long the server may hold the request (0: answer at once).
    poll_timeout: int = 0
    timeout: float = 60.0
    #: The information service: frequent questions answered by the bot (None: off).
    faq: FaqConfig | None = None


@dataclass(frozen=True)
class VkConfig:
    name: str
    group_id: int
    token: Secret
    api_url: str = "https://api.vk.com/method"
    api_version: str = "5.199"
    default_municipality: str | None = None
    #: Bots Long Poll: how long the server may hold the request (0: answer at once).
    wait: int = 0
    timeout: float = 60.0


@dataclass(frozen=True)
class OkConfig:
    name: str
    token: Secret
    api_url: str = "https://api.ok.ru"
    default_municipality: str | None = None
    #: Chat id ("chat:…") → municipality code.
    chats: dict[str, str] = field(default_factory=dict)
    #: Long polling: how long the server may hold the request (0: answer at once).
    poll_timeout: int = 0
    timeout: float = 60.0


@dataclass(frozen=True)
class PosConfig:
    """The ПОС file exchange (docs/pos-exchange.md): folders, not an API, so no secret."""

    name: str
    inbox: Path
    outbox: Path
    processed: Path
    rejected: Path
    default_municipality: str | None = None
    #: OKTMO code or municipality name (lower case, single spaces) → municipality code.
    municipalities: dict[str, str] = field(default_factory=dict)
    #: ПОС category name (lower case, single spaces) → category code.
    categories: dict[str, str] = field(default_factory=dict)
    #: A file modified less than this many seconds ago waits (one still being copied in).
    min_age_seconds: float = 2.0
    max_file_bytes: int = DEFAULT_MAX_MESSAGE_BYTES


def pos_key(text: str) -> str:
    """How a municipality or category name is compared: case and spacing do not matter."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class ChannelsConfig:
    email: list[EmailConfig] = field(default_factory=list)
    telegram: list[TelegramConfig] = field(default_factory=list)
    vk: list[VkConfig] = field(default_factory=list)
    pos: list[PosConfig] = field(default_factory=list)
    ok: list[OkConfig] = field(default_factory=list)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    poll_seconds: float = 30.0


def _secret(where: str, raw: dict[str, Any], kind: str = "password") -> Secret | None:
    if kind in raw:
        raise ConfigError(
            f"{where}: a {kind} is not written into the configuration; "
            f"name it by {kind}_env or {kind}_file"
        )
    env, file = raw.get(f"{kind}_env"), raw.get(f"{kind}_file")
    if env and file:
        raise ConfigError(f"{where}: {kind}_env or {kind}_file, not both")
    if env:
        value = os.environ.get(env)
        if not value:
            raise ConfigError(f"{where}: the environment variable {env} is not set")
        return Secret(value)
    if file:
        try:
            return Secret(read_secret_file(Path(file), f"{where} {kind}_file"))
        except SecretError as exc:
            raise ConfigError(str(exc)) from exc
    return None


def _endpoint(where: str, raw: dict[str, Any] | None, default_ports: dict[str, int]) -> Endpoint:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: a table of its own ([email.imap], [email.smtp])")
    security = raw.get("security", "ssl")
    if security not in SECURITY:
        raise ConfigError(f"{where}: security must be one of {', '.join(SECURITY)}")
    if "host" not in raw:
        raise ConfigError(f"{where}: host is missing")
    return Endpoint(
        host=str(raw["host"]),
        port=_number(where, raw, "port", default_ports[security], int),
        security=security,
        user=raw.get("user"),
        password=_secret(where, raw),
        timeout=_number(where, raw, "timeout", 60),
    )


#: A name stored before the ids of one of several adapters of a channel (`kasimov/…`).
_NAME = re.compile(r"[\w.-]{1,32}")


def _check_names(section: str, names: list[str]) -> None:
    """Several entries of a channel each need their own name: it keeps their message ids and
    cursors apart (runner.py), so it is a short word and never changes."""
    if len(names) < 2:
        return  # one entry: its name is free, as it always was
    if len(set(names)) != len(names):
        raise ConfigError(f"[[{section}]]: every entry needs its own name")
    for name in names:
        if not _NAME.fullmatch(name):  # a string: `_sections` checked
            raise ConfigError(
                f"[[{section}]] {name!r}: with several entries each name is 1-32 letters, "
                "digits, '-', '_' or '.'"
            )


IMAP_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
SMTP_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


def _sections(data: dict[str, Any], kind: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each `[[kind]]` entry as (name, where it is for messages, its keys)."""
    entries = data.get(kind, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(
            f"[{kind}]: each {kind} entry is a table of its own, written [[{kind}]] "
            "(two brackets) with its keys under it"
        )
    for n, raw in enumerate(entries):
        name = raw.get("name", f"{kind}{n + 1}")
        if not isinstance(name, str):
            raise ConfigError(f"[[{kind}]] {n + 1}: name must be text, not {name!r}")
        yield name, f"[[{kind}]] {name}", raw


def _number(where: str, raw: dict[str, Any], key: str, default: float, kind: type = float):
    """A number the administrator wrote, or a ConfigError that names it (not a ValueError)."""
    value = raw.get(key, default)
    try:
        if isinstance(value, bool) or (kind is int and isinstance(value, float)):
            raise TypeError  # True is not 1, and 2.5 is no port
        return kind(value)
    except (TypeError, ValueError):
        whole = "a whole number" if kind is int else "a number"
        raise ConfigError(f"{where}: {key} must be {whole}, not {value!r}") from None


def _table(where: str, raw: dict[str, Any], key: str, key_of=str) -> dict[str, str]:
    """A `key = value` table (chat → municipality, …), keys as `key_of` makes them."""
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: {key} must be a table of "key" = "value" lines')
    return {key_of(str(k)): str(v) for k, v in value.items()}


def _token(where: str, raw: dict[str, Any], what: str) -> Secret:
    token = _secret(where, raw, "token")
    if token is None:
        raise ConfigError(f"{where}: {what} is missing (token_env or token_file)")
    return token


def _api_url(raw: dict[str, Any], default: str) -> str:
    return str(raw.get("api_url", default)).rstrip("/")


def _email(name: str, where: str, raw: dict[str, Any]) -> EmailConfig:
    if "@" not in str(raw.get("address", "")):
        raise ConfigError(f"{where}: address (the centre's e-mail address) is missing")
    return EmailConfig(
        name=name,
        address=raw["address"],
        imap=_endpoint(f"{where} imap", raw.get("imap"), IMAP_PORTS),
        smtp=_endpoint(f"{where} smtp", raw.get("smtp"), SMTP_PORTS),
        mailbox=str(raw.get("mailbox", "INBOX")),
        default_municipality=raw.get("default_municipality"),
        municipalities=_table(where, raw, "municipalities", str.lower),
        max_message_bytes=_number(where, raw, "max_message_bytes", DEFAULT_MAX_MESSAGE_BYTES, int),
    )


def _chat_bot(name: str, where: str, raw: dict[str, Any], token: str, api_url: str) -> dict:
    """What a Telegram bot and an OK group bot are both configured with."""
    return {
        "name": name,
        "token": _token(where, raw, token),
        "api_url": _api_url(raw, api_url),
        "default_municipality": raw.get("default_municipality"),
        "chats": _table(where, raw, "chats"),
        "poll_timeout": _number(where, raw, "poll_timeout", 0, int),
        "timeout": _number(where, raw, "timeout", 60),
    }


def _telegram(name: str, where: str, raw: dict[str, Any]) -> TelegramConfig:
    bot = _chat_bot(name, where, raw, "the bot token", "https://api.telegram.org")
    return TelegramConfig(**bot, faq=parse_faq(where, raw.get("faq")))


def _vk(name: str, where: str, raw: dict[str, Any]) -> VkConfig:
    token = _token(where, raw, "the community token")
    if "group_id" not in raw:
        raise ConfigError(f"{where}: group_id (the community's id) is missing")
    return VkConfig(
        name=name,
        group_id=abs(_number(where, raw, "group_id", 0, int)),
        token=token,
        api_url=_api_url(raw, "https://api.vk.com/method"),
        api_version=str(raw.get("api_version", "5.199")),
        default_municipality=raw.get("default_municipality"),
        wait=_number(where, raw, "wait", 0, int),
        timeout=_number(where, raw, "timeout", 60),
    )


def _ok(name: str, where: str, raw: dict[str, Any]) -> OkConfig:
    return OkConfig(**_chat_bot(name, where, raw, "the group's access token", "https://api.ok.ru"))


def _pos(name: str, where: str, raw: dict[str, Any]) -> PosConfig:
    base = Path(raw["folder"]) if raw.get("folder") else None
    folders = {}
    for sub in ("inbox", "outbox", "processed", "rejected"):
        if raw.get(sub):
            folders[sub] = Path(raw[sub])
        elif base is not None:
            folders[sub] = base / sub
        else:
            raise ConfigError(f"{where}: folder (or {sub}) is missing")
    return PosConfig(
        name=name,
        **folders,
        default_municipality=raw.get("default_municipality"),
        municipalities=_table(where, raw, "municipalities", pos_key),
        categories=_table(where, raw, "categories", pos_key),
        min_age_seconds=_number(where, raw, "min_age_seconds", 2),
        max_file_bytes=_number(where, raw, "max_file_bytes", DEFAULT_MAX_MESSAGE_BYTES, int),
    )


def parse_config(data: dict[str, Any]) -> ChannelsConfig:
    parsed = {}
    for kind, parse in (
        ("email", _email),
        ("telegram", _telegram),
        ("vk", _vk),
        ("ok", _ok),
        ("pos", _pos),
    ):
        parsed[kind] = [parse(name, where, raw) for name, where, raw in _sections(data, kind)]
        names = [entry.name for entry in parsed[kind]]
        if kind == "email" and len(set(names)) != len(names):
            raise ConfigError("[[email]]: every mailbox needs its own name")
        if kind != "email":
            _check_names(kind, names)
    d = data.get("delivery", {})
    if not isinstance(d, dict):
        raise ConfigError("[delivery]: a table of its own, written [delivery]")
    where = "[delivery]"
    retry = RetryPolicy(
        max_attempts=_number(where, d, "max_attempts", 5, int),
        backoff=timedelta(seconds=_number(where, d, "backoff_seconds", 30)),
        backoff_max=timedelta(seconds=_number(where, d, "backoff_max_seconds", 3600)),
        lease=timedelta(seconds=_number(where, d, "lease_seconds", 600)),
    )
    return ChannelsConfig(**parsed, retry=retry, poll_seconds=_number(where, d, "poll_seconds", 30))


def load_config(path: Path) -> ChannelsConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the channels configuration {path}: {exc}") from exc
    try:
        return parse_config(data)
    except (TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"{path}: {exc}") from exc
