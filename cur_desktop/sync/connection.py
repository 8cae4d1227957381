"""Where the server is: the address and the CA bundle, from the sign-in, the profile, the command
line or the system-wide file an IT department installs; and a connection test that says in plain
Russian what is wrong (a name that does not resolve, a refused port, a certificate from an
unknown CA or for another name, http:// to an HTTPS port and the other way round).

The system-wide file (`/etc/cur-desktop/config.toml`, `%PROGRAMDATA%\\cur-desktop\\config.toml`,
or the path in `CUR_DESKTOP_CONFIG`)::

    [server]
    url = "https://cur.example.ru"
    ca_bundle = "/etc/cur-desktop/ca.pem"   # optional: the organisation's CA certificates
"""

from __future__ import annotations

import http.client
import json
import os
import ssl
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NameResolutionError

from cur_desktop.models import contract as c
from cur_desktop.models.private_files import write_private_text
from cur_desktop.models.said import Said, said

from .client import ApiClient, SyncError
from .profile import Profile

ENV_CONFIG = "CUR_DESKTOP_CONFIG"
CONNECTION_FILE = "connection.json"


class ConnectionProblem(Exception):
    """What is wrong with a server address, a CA bundle or a settings file; `message` is fit to
    show the user (Russian)."""

    def __init__(self, message: str, *, detail: str = ""):
        super().__init__(message)
        self.message, self.detail = message, detail


@dataclass(frozen=True)
class Connection:
    server_url: str = ""
    ca_bundle: str | None = None


def system_config_path() -> Path:
    """The system-wide settings file IT departments install (`CUR_DESKTOP_CONFIG` overrides)."""
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / "cur-desktop" / "config.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/cur-desktop/config.toml")
    return Path("/etc/cur-desktop/config.toml")


def system_default(path: Path | None = None) -> Connection | None:
    """The preset from the system-wide file; None when there is no such file. A file that is
    there but unreadable or wrong raises ConnectionProblem naming the file and the line."""
    path = path or system_config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConnectionProblem(
            said(
                "settings_unreadable",
                f"Файл настроек {path} не читается: {exc.strerror}",
                path=str(path),
            ),
            detail=str(exc),
        ) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConnectionProblem(
            said(
                "settings_damaged",
                f"Файл настроек {path} повреждён ({exc}); адрес сервера можно указать вручную",
                path=str(path),
                error=str(exc),
            ),
            detail=str(exc),
        ) from exc
    server = data.get("server", {})
    url, ca = (server.get("url"), server.get("ca_bundle")) if isinstance(server, dict) else (0, 0)
    if not isinstance(server, dict) or not isinstance(url, str) or not isinstance(ca, str | None):
        raise ConnectionProblem(
            said(
                "settings_no_server",
                f"В файле настроек {path} ожидается раздел [server] со строками url и ca_bundle; "
                "адрес сервера можно указать вручную",
                path=str(path),
            )
        )
    return Connection(url.strip(), ca or None)


# --- remembered per profile -------------------------------------------------------------------


def remember(profile: Profile, ca_bundle: str | None) -> None:
    """Keep the CA bundle the user signed in with beside the profile (no secret in it)."""
    profile.folder.mkdir(parents=True, exist_ok=True)
    info = {"server_url": profile.server_url, "ca_bundle": ca_bundle}
    write_private_text(profile.folder / CONNECTION_FILE, json.dumps(info, ensure_ascii=False))


def remembered(profile: Profile | None) -> Connection | None:
    if profile is None:
        return None
    try:
        info = json.loads((profile.folder / CONNECTION_FILE).read_text(encoding="utf-8"))
        ca = info.get("ca_bundle")
    except (OSError, ValueError, AttributeError):
        return Connection(profile.server_url, None)
    return Connection(profile.server_url, ca if isinstance(ca, str) else None)


def preset(root: Path, server_url: str | None, ca_bundle: str | None) -> Connection:
    """What the sign-in starts with: the command line, else the last profile, else the system
    file. Raises ConnectionProblem for a broken system file (when it is needed)."""
    if server_url:
        return Connection(server_url, ca_bundle)
    last = remembered(Profile.last(root))
    if last is not None:
        return Connection(last.server_url, ca_bundle or last.ca_bundle)
    found = system_default()
    if found is not None:
        return Connection(found.server_url, ca_bundle or found.ca_bundle)
    return Connection("", ca_bundle)


# --- checking ---------------------------------------------------------------------------------


def check_address(url: str) -> str:
    """The address cleaned up, or ConnectionProblem for one that cannot be a server's."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise ConnectionProblem(
            said(
                "bad_address", "Адрес сервера указан неверно: нужен вид https://имя-сервера[:порт]"
            ),
            detail=url,
        )
    return url


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """The exception and everything it wraps (requests → urllib3 → ssl / socket)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        e = todo.pop()
        if not isinstance(e, BaseException) or id(e) in seen or len(seen) > 20:
            continue
        seen.add(id(e))
        yield e
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None)]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]


def describe(exc: BaseException, url: str) -> Said:
    """A Russian sentence for why `url` could not be reached, from the wrapped low-level error."""
    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port}" if parts.port else host
    chain = list(_chain(exc))
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            if "hostname" in str(e).lower() or "ip address mismatch" in str(e).lower():
                return said(
                    "certificate_name",
                    f"Сертификат сервера выдан на другое имя, не «{host}»: проверьте адрес "
                    "(он должен совпадать с именем в сертификате)",
                    host=host,
                )
            return said(
                "certificate_unknown",
                "Сертификат сервера не подтверждён: он выдан неизвестным центром сертификации "
                "(или самоподписан). Укажите файл сертификатов (CA) вашей организации",
            )
    if any("WRONG_VERSION_NUMBER" in str(e).upper() for e in chain):
        return said(
            "not_https",
            f"Сервер {where} не отвечает по HTTPS: возможно, адрес должен начинаться с http://",
            where=where,
        )
    if any(isinstance(e, ssl.SSLError | requests.exceptions.SSLError) for e in chain):
        return said(
            "tls_failed", f"Не удалось установить защищённое соединение с {where}", where=where
        )
    for e in chain:
        if isinstance(e, NameResolutionError) or "Name or service not known" in str(e):
            return said(
                "not_found",
                f"Сервер «{host}» не найден: проверьте адрес (имя не находится в DNS)",
                host=host,
            )
        if isinstance(e, ConnectionRefusedError):
            return said(
                "refused",
                f"Сервер {where} отказал в соединении: программа сервера не запущена "
                "или порт указан неверно",
                where=where,
            )
        if isinstance(e, http.client.RemoteDisconnected | http.client.BadStatusLine):
            return said(
                "not_http",
                f"Сервер {where} ответил не по HTTP: возможно, адрес должен начинаться с https://",
                where=where,
            )
        if isinstance(e, requests.Timeout | TimeoutError):
            return said(
                "timed_out",
                f"Сервер {where} не ответил вовремя: проверьте сеть или адрес",
                where=where,
            )
    return said(
        "server_unreachable",
        f"Сервер {where} недоступен: {type(exc).__name__}",
        where=where,
        error=type(exc).__name__,
    )


def check_connection(url: str, ca_bundle: str | None, *, timeout: float = 5.0) -> c.ClientVersion:
    """Reach the server as the workstation would and make sure it is a ЦУР server; its
    workstation versions on success, ConnectionProblem otherwise. Blocking: call off the UI
    thread."""
    url = check_address(url)
    if ca_bundle and not Path(ca_bundle).is_file():
        raise ConnectionProblem(
            said("ca_missing", f"Файл сертификатов не найден: {ca_bundle}", path=ca_bundle)
        )
    if ca_bundle:
        try:
            ssl.create_default_context(cafile=ca_bundle)
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise ConnectionProblem(
                said(
                    "ca_not_pem",
                    f"Файл сертификатов {ca_bundle} не содержит сертификатов в формате PEM",
                    path=ca_bundle,
                ),
                detail=str(exc),
            ) from exc
    client = ApiClient(url, ca_bundle=ca_bundle, timeout=(timeout, timeout))
    try:
        return client.client_version()
    except SyncError as exc:
        cause = exc.__cause__
        if cause is not None:
            raise ConnectionProblem(describe(cause, url), detail=exc.detail or "") from exc
        raise ConnectionProblem(
            said(
                "not_cur_server",
                f"По адресу {url} отвечает не сервер ЦУР (или слишком старая его версия)",
                url=url,
            ),
            detail=exc.message,
        ) from exc
