"""The server clock's offset kept in the profile folder (`clock.json`), so a workstation that
starts offline shows deadlines by the server's time as last measured, not by its own clock.
A plain file, not the cache: it is written from whatever thread got the answer, needs no key,
and is no secret."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from cur_desktop.models.clock import Clock
from cur_desktop.models.private_files import write_private_text

from .profile import Profile

log = logging.getLogger(__name__)
FILE = "clock.json"


def _path(profile: Profile) -> Path:
    return profile.folder / FILE


def restore_offset(profile: Profile, clock: Clock) -> None:
    try:
        offset = float(json.loads(_path(profile).read_text())["offset"])
    except (OSError, ValueError, KeyError, TypeError):
        return  # never measured, or unreadable: the computer's own clock until an answer
    clock.restore(offset)


def keep_offset(profile: Profile, clock: Clock) -> None:
    """Write the offset now and whenever it moves; atomically, so a crash leaves the old one."""

    def write(offset: float) -> None:
        path = _path(profile)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_private_text(path, json.dumps({"offset": round(offset, 3)}))
        except OSError as exc:
            log.warning("server clock offset not kept: %s", exc)

    clock.on_change = write
    if clock.known:
        write(clock.offset)
