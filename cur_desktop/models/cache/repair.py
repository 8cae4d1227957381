"""What can go wrong with the cache file itself, and what the workstation did about it.

A damaged cache (corrupt, cut short, from a newer version of the program) is not a reason to
stop the user: it is set aside for support, a new one is made and filled again from the server,
and the unsent work saved in the mirror (`unsent.py`) goes into the new one. A full disk is not
damage: the transaction that hit it rolled back, so the cache is as it was, and the sync is
tried again later.
"""

from __future__ import annotations

import errno
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

#: SQLite's result codes (`sqlite_errorcode` of the driver's exceptions).
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26


class Damage(StrEnum):
    CORRUPT = "corrupt"  # a page fails its check, the file is cut short, or it will not decrypt
    NEWER_SCHEMA = "newer_schema"  # written by a newer version of the program
    EMPTIED = "emptied"  # the file was gone or empty while its unsent work was not


class CacheDamaged(Exception):
    def __init__(self, damage: Damage, detail: str):
        super().__init__(f"{damage.value}: {detail}")
        self.damage, self.detail = damage, detail


class CacheFault(Exception):
    """A fault of the cache file met while working, shaped like the sync errors (a message for
    the user, a detail for the log) so the sync engine reports it the same way."""

    message = ""

    def __init__(self, detail: str = ""):
        self.detail = detail
        super().__init__(self.message)


class DiskFull(CacheFault):
    """The disk holding the cache is full: what was being written rolled back, nothing is lost,
    and it can be tried again when there is space."""

    message = "Диск заполнен: синхронизация приостановлена, освободите место на диске"


class DamagedPage(CacheFault):
    """A page of the cache failed its check while being read or written. The file is marked
    for a whole check at the next open, which sets it aside and rebuilds it."""

    message = (
        "Локальная копия повреждена: перезапустите программу, она будет восстановлена "
        "с сервера; неотправленные изменения сохранены"
    )


@dataclass(frozen=True)
class CacheRepair:
    """Told to the user once, after a damaged cache was replaced by a new one."""

    damage: Damage
    set_aside: Path | None  # the damaged file, kept for support
    outbox: int  # unsent changes carried into the new cache, to be sent
    problems: int  # changes the server had refused, kept for the user to apply or discard
    drafts: int


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's result code behind a driver or SQLAlchemy exception, if any."""
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF  # the primary code of an extended one
    return None


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return sqlite_code(exc) == SQLITE_FULL


def is_corrupt(exc: BaseException) -> bool:
    return sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def set_aside(path: Path) -> Path | None:
    """Rename the cache and its WAL files to `<name>.damaged-<UTC time>`; kept, never deleted
    here: support may want to look at it, and it still holds data if the key is found again."""
    if not path.exists():
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    path.replace(target)
    return target
