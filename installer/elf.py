"""What a Linux binary asks of the dynamic linker, read with binutils' `objdump`.

Used by the spec (to drop a Qt plugin together with the libraries only it needed) and by the
bundle check (which libraries come from the system, and the glibc floor). `objdump` is there
wherever PyInstaller runs on Linux: PyInstaller needs it too.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

_GLIBC = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed(path: str | Path) -> list[str]:
    """The sonames in the binary's DT_NEEDED entries (its direct dependencies)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def glibc_versions(path: str | Path) -> set[tuple[int, ...]]:
    """The GLIBC_x.y symbol versions the binary needs (from its dynamic symbol table)."""
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    return {tuple(int(p) for p in m.group(1).split(".")) for m in _GLIBC.finditer(out)}


def version_text(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def prune(
    entries: list[tuple[str, ...]],
    unused: Callable[[tuple[str, ...]], bool],
    needed_by: Callable[[tuple[str, ...]], Iterable[str]],
) -> list[tuple[str, ...]]:
    """`entries` (PyInstaller's binaries: destination first) without the `unused` ones and the
    libraries that only unused ones needed. Libraries that nothing names (opened with ctypes
    or dlopen) stay: only what an unused entry needed, directly or not, may go."""

    def name(entry: tuple[str, ...]) -> str:
        return Path(entry[0]).name

    by_name = {name(e): e for e in entries}
    dropped = {name(e) for e in entries if unused(e)}
    candidates: set[str] = set()
    todo = [by_name[n] for n in dropped]
    while todo:
        for dep in set(needed_by(todo.pop())) - candidates - dropped:
            if dep in by_name:
                candidates.add(dep)
                todo.append(by_name[dep])
    kept = {n for n in by_name if n not in candidates | dropped}
    todo = [by_name[n] for n in kept]
    while todo:
        for dep in set(needed_by(todo.pop())) - kept - dropped:
            if dep in by_name:
                kept.add(dep)
                todo.append(by_name[dep])
    return [e for e in entries if name(e) in kept]
