"""Which workstation versions this server works with, and the refusal of outdated writers.

The server publishes the newest and the oldest supported workstation version
(`GET /api/v1/client-version`); a workstation older than the minimum may still read, but its
mutations are refused with 426, so a client with an outdated contract can never write, even one
that never asked. Both default to this server's own version (the two ship together); an
administrator sets them with `CUR_CLIENT_CURRENT` / `CUR_CLIENT_MINIMUM` or `cur-server serve
--client-current/--client-minimum`.
"""

from __future__ import annotations

import os
import re

from starlette.requests import Request

from cur_desktop.models import contract as c
from cur_desktop.models.version import __version__

from .errors import ApiError

ENV_CLIENT_CURRENT = "CUR_CLIENT_CURRENT"
ENV_CLIENT_MINIMUM = "CUR_CLIENT_MINIMUM"
#: Workstations before the version header said who they are only in their User-Agent.
_USER_AGENT = re.compile(r"\bcur-desktop/(\d+(?:\.\d+){0,3})\b")


class ClientTooOld(ApiError):
    status_code = 426
    code = c.CLIENT_TOO_OLD


def versions_from_environment() -> c.ClientVersion:
    """The published versions; a malformed setting stops the server at start (ValueError)."""
    current = os.environ.get(ENV_CLIENT_CURRENT) or __version__
    minimum = os.environ.get(ENV_CLIENT_MINIMUM) or min(current, __version__, key=c.version_key)
    for name, value in ((ENV_CLIENT_CURRENT, current), (ENV_CLIENT_MINIMUM, minimum)):
        if not re.fullmatch(c.VERSION_PATTERN, value):
            raise ValueError(f"{name}={value!r} is not a version like 1.2.3")
    if c.version_key(minimum) > c.version_key(current):
        raise ValueError(
            f"the minimum workstation version {minimum} is above the current {current}"
        )
    return c.ClientVersion(current=current, minimum=minimum)


def client_version(request: Request) -> str | None:
    """The workstation version the request says it comes from; None for other API users
    (scripts, collectors), which the version rule does not concern."""
    header = request.headers.get(c.CLIENT_VERSION_HEADER)
    if header:
        return header.strip()
    found = _USER_AGENT.search(request.headers.get("user-agent", ""))
    return found.group(1) if found else None


def refuse_outdated(versions: c.ClientVersion, request: Request) -> None:
    version = client_version(request)
    if version is None or c.version_key(version) >= c.version_key(versions.minimum):
        return
    raise ClientTooOld(
        f"Версия программы устарела ({version}): изменения не приняты. Установите версию "
        f"{versions.current} (не ниже {versions.minimum}).",
        details={"version": version, "minimum": versions.minimum, "current": versions.current},
    )
