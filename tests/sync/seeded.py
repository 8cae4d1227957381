"""A seeded server database made once per test process and copied for each test.

Seeding hashes the demo accounts' passwords with argon2 and takes seconds; copying the file
takes milliseconds, so tests that each want a fresh server stay fast.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from cur_server.context import sqlite_url_for
from cur_server.migrate import upgrade
from cur_server.seed import seed_demo
from tests.conftest import SEED_DAYS, SEED_INCIDENTS, SEED_NOW


@functools.cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cur-seeded-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "server.db"
    url = sqlite_url_for(path)
    upgrade(url)
    seed_demo(url, SEED_INCIDENTS, now=SEED_NOW, days=SEED_DAYS)
    return path


def seeded_copy(folder: Path) -> str:
    """The URL of a fresh copy of the seeded database in `folder`."""
    template = _template()
    folder.mkdir(parents=True, exist_ok=True)
    for source in template.parent.glob(template.name + "*"):  # with any -wal / -shm beside it
        shutil.copyfile(source, folder / source.name)
    return sqlite_url_for(folder / template.name)
