"""What every request handler needs: the database, the signing secret, the SLA clock, limits."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path

from cur_desktop.models.contract import ClientVersion
from cur_desktop.models.sla import SlaClock, SlaPolicy, WorkingCalendar

from .db import Database, open_database
from .serialize import IncidentJsonCache
from .tables import Setting
from .throttle import LoginThrottle
from .versions import versions_from_environment


class SecretError(ValueError):
    """The configured token signing secret cannot be used (message for the log, English)."""


DEFAULT_SQLITE = "sqlite:///cur_server.db"
ENV_DATABASE_URL = "CUR_DATABASE_URL"


def database_url_from(arg: str | None) -> str:
    """`--database-url` wins over `CUR_DATABASE_URL`, which wins over a SQLite file here."""
    return arg or os.environ.get(ENV_DATABASE_URL) or DEFAULT_SQLITE


def sqlite_url_for(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass
class ServerContext:
    db: Database
    secret: str
    region: dict
    clock: SlaClock
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=30)
    presence_interval: timedelta = timedelta(seconds=60)
    extra: dict = field(default_factory=dict)
    feed_cache: IncidentJsonCache = field(default_factory=IncidentJsonCache)
    #: The feed sends the incidents' stored JSON (`wire_json.py`). Off (CUR_FEED_STORED_JSON=0)
    #: only to measure the feed without it (bench/sync.py): every page is serialised then.
    stored_wire_json: bool = field(
        default_factory=lambda: os.environ.get("CUR_FEED_STORED_JSON", "1") != "0"
    )
    #: The workstation versions published and enforced (`versions.py`).
    client_versions: ClientVersion = field(default_factory=versions_from_environment)
    login_throttle: LoginThrottle = field(default_factory=LoginThrottle)


def _setting(session, key: str):
    row = session.get(Setting, key)
    return None if row is None else row.value


ENV_JWT_SECRET = "CUR_JWT_SECRET"
ENV_JWT_SECRET_FILE = "CUR_JWT_SECRET_FILE"
#: 256 bits of a URL-safe secret at least: HS256 is as strong as its key.
MIN_SECRET_CHARS = 32


def read_secret_file(path: Path, what: str) -> str:
    """A secret kept in a file only the service's user may read (else SecretError)."""
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & 0o077:
            raise SecretError(
                f"{path} is readable or writable by group or others "
                f"(mode {mode & 0o777:o}): chmod 600 it"
            )
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SecretError(f"cannot read {what} {path}: {exc}") from exc


def secret_from_environment() -> str | None:
    """The signing secret from `CUR_JWT_SECRET` or the file `CUR_JWT_SECRET_FILE`, if set.

    Outside the database, a copy of the database (a backup, a dump handed to a developer) does
    not let anyone forge tokens. The file must be readable by the service's user only.
    """
    value, file = os.environ.get(ENV_JWT_SECRET), os.environ.get(ENV_JWT_SECRET_FILE)
    if value and file:
        raise SecretError(f"set {ENV_JWT_SECRET} or {ENV_JWT_SECRET_FILE}, not both")
    if file:
        value = read_secret_file(Path(file), ENV_JWT_SECRET_FILE)
    if value is None:
        return None
    if len(value) < MIN_SECRET_CHARS:
        raise SecretError(f"the JWT secret must be at least {MIN_SECRET_CHARS} characters")
    return value


def ensure_secret(db: Database) -> str:
    """The token signing secret: from the environment if given, else kept in the database (made
    on first start), so restarts keep everyone signed in."""
    configured = secret_from_environment()
    if configured is not None:
        return configured
    with db.write() as s:
        secret = _setting(s, "jwt_secret")
        if secret is None:
            secret = secrets.token_urlsafe(48)
            s.add(Setting(key="jwt_secret", value=secret))
    return secret


def load_context(db: Database | str, *, access_ttl: timedelta | None = None) -> ServerContext:
    if isinstance(db, str):
        db = open_database(db)
    secret = ensure_secret(db)
    with db.read() as s:
        region = _setting(s, "region") or {
            "code": "00",
            "name": "Регион не задан",
            "timezone": "Europe/Moscow",
        }
        policy_json = _setting(s, "sla_policy")
        hours = _setting(s, "working_hours") or {}
    policy = SlaPolicy.from_json(policy_json) if policy_json else SlaPolicy()
    calendar = WorkingCalendar(region["timezone"], **_parse_hours(hours))
    ctx = ServerContext(db=db, secret=secret, region=region, clock=SlaClock(calendar, policy))
    if access_ttl is not None:
        ctx.access_ttl = access_ttl
    return ctx


def _parse_hours(hours: dict) -> dict:
    out = {}
    for key in ("day_start", "day_end"):
        if key in hours:
            out[key] = time.fromisoformat(hours[key])
    return out
