"""Copies of citizens' files handed to the system's program. They are not encrypted, so they
live no longer than needed: in one folder per running workstation, private to the user (0700,
files 0600), removed when the session that opened them ends and when the program ends (the
encrypted cache is the place that keeps files).

A crash or a kill leaves the folder behind, so every start sweeps the folders of runs that are
over. A folder is `<temp>/cur-attachments-<pid>-<random>` and holds `.lock`, a file its
workstation keeps locked while it runs (`flock`; it is locked before it gets its name, so a
`.lock` seen is a held one while the owner lives). A folder is left over when the process it
names is gone, or when its lock can be taken (the process died and its pid went to another
program). One whose process lives and whose lock is held, or not made yet, belongs to a running
workstation and stays. Only the user's own folders are looked at, never through a link.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from .private_files import FILE_MODE, FOLDER_MODE

try:
    import fcntl
except ImportError:  # Windows: the pid alone says whose a folder is
    fcntl = None

log = logging.getLogger(__name__)

PREFIX = "cur-attachments-"
LOCK = ".lock"
_FOLDER_NAME = re.compile(re.escape(PREFIX) + r"(\d+)-[^/\\]+")

#: This run's folder and the open file holding its lock, once a copy was opened.
_folder: Path | None = None
_lock_fd: int | None = None


def opened_folder() -> Path:
    """This run's private folder for copies opened outside, made on first use (and again after
    `discard_opened`)."""
    global _folder, _lock_fd
    if _folder is None or not _folder.is_dir():
        discard_opened()
        folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        folder.chmod(FOLDER_MODE)
        _folder, _lock_fd = folder, _hold_lock(folder)
    return _folder


def _hold_lock(folder: Path) -> int | None:
    """`folder/.lock`, locked for as long as this process runs (the descriptor stays open)."""
    if fcntl is None:
        return None
    fd, part = tempfile.mkstemp(dir=folder, prefix=".lock-")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.replace(part, folder / LOCK)
    except OSError as exc:  # a file system without locks: the pid in the name still says
        log.warning("opened copies' folder not locked: %s", exc)
        os.close(fd)
        Path(part).unlink(missing_ok=True)
        return None
    return fd


def discard_opened() -> None:
    """Removes this run's copies: the session that opened them is over, or the program ends. A
    program still showing one keeps what it has read; the next copy goes into a new folder."""
    global _folder, _lock_fd
    folder, fd = _folder, _lock_fd
    _folder = _lock_fd = None
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    if fd is not None:
        os.close(fd)


atexit.register(discard_opened)


def write_private_copy(folder: Path, attachment_id: int, file_name: str, data: bytes) -> Path:
    """`data` as `folder/<attachment id>/<file_name>`, readable by the user only; written whole
    under a temporary name and renamed, so a program never opens half a file. `folder` must
    exist: one removed meanwhile is not made again without its lock."""
    if Path(file_name).name != file_name or file_name in ("", ".", ".."):
        raise ValueError(f"not a plain file name: {file_name!r}")
    place = Path(folder) / str(int(attachment_id))
    place.mkdir(mode=FOLDER_MODE, exist_ok=True)
    place.chmod(FOLDER_MODE)
    target = place / file_name
    fd, tmp = tempfile.mkstemp(dir=place, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def sweep_leftovers(root: Path | None = None) -> list[Path]:
    """Removes the folders of copies that earlier runs left in `root` (the temp folder) when
    they crashed or were killed; returns those removed."""
    root = Path(root) if root is not None else Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(root) if e.name.startswith(PREFIX)]
    except OSError as exc:
        log.warning("temp folder not swept: %s", exc)
        return removed
    for entry in entries:
        found = _FOLDER_NAME.fullmatch(entry.name)
        path = Path(entry.path)
        if found is None or path == _folder or not _own_folder(entry):
            continue
        if _run_over(path, int(found[1])):
            shutil.rmtree(path, ignore_errors=True)
            if not os.path.lexists(path):
                removed.append(path)
    if removed:
        log.info("removed %d opened-copy folder(s) of earlier runs", len(removed))
    return removed


def _own_folder(entry: os.DirEntry) -> bool:
    try:
        if not entry.is_dir(follow_symlinks=False):
            return False
        return not hasattr(os, "getuid") or entry.stat(follow_symlinks=False).st_uid == os.getuid()
    except OSError:
        return False


def _run_over(folder: Path, pid: int) -> bool:
    if not process_alive(pid):
        return True
    if fcntl is None:
        return False
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False  # no lock yet: its workstation is starting
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: its workstation runs
    else:
        return True  # nobody holds it: the pid is another program's now
    finally:
        os.close(fd)


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts until it is reaped)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    """OpenProcess and its exit code: `os.kill` on Windows would end the process instead."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
