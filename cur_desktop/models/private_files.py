"""Files only the signed-in user may read: the profile folders, the encrypted cache, the
profile notes. The cache is encrypted, but its size, its times and the names of server and user
are not, and another account on a shared workstation has no business with them.

Folders are created 0700 and files 0600 whatever the umask; folders and files left more open by
an older version are closed when they are next used. On Windows `chmod` only touches the
read-only flag: there the per-user data folder's ACL does this job.
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
#: SQLite's companions of a database file; SQLite gives the ones it creates the database's mode.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(path: Path, root: Path | None = None) -> Path:
    """Creates `path` (and missing parents) for the owner only; every folder from `root` (or
    just `path`) down to `path` is made 0700."""
    path = Path(path)
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    folders = [path]
    if root is not None and path.is_relative_to(root):
        folders += [p for p in path.parents if p.is_relative_to(root)]
    for folder in folders:
        folder.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Makes sure `path` exists and is 0600 before anything is written into it."""
    path = Path(path)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    path.chmod(FILE_MODE)
    return path


def write_private_text(path: Path, text: str) -> None:
    """Whole or not at all: written to a private temporary file beside `path`, then renamed
    over it, so a crash or a full disk leaves the previous content rather than half a file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        private_file(tmp).write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def private_database(path: Path) -> Path:
    """A SQLite file and its companions, 0600: created empty here if missing, so SQLite's own
    journal files inherit the mode."""
    private_folder(Path(path).parent)
    private_file(path)
    for suffix in SQLITE_COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.chmod(FILE_MODE)
    return Path(path)
