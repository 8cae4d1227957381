"""Opening the encrypted cache file, migrating it, and its transactions.

The file is encrypted with SQLCipher: citizens' messages are personal data (152-ФЗ) and laptops
get lost. The key is a random 256-bit key from the OS keyring, or a passphrase typed by the user
where no keyring exists; with a wrong key the file cannot be opened at all.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from ..private_files import private_database
from ..sqlite import READ, WRITE, sqlite_engine
from .schema import meta

MIGRATIONS = Path(__file__).with_name("migrations")
_RAW_KEY = re.compile(r"^[0-9a-fA-F]{64}$")
#: Page cache of each reading connection. The queue's queries read index pages over and over
#: (counts, deep offsets); decrypting them again costs more than keeping them: the worst queue
#: case at 250k took half the time with 64 MB instead of SQLCipher's 8 MB (bench/README.md).
#: Memory is taken only as pages are read, and only a few reading connections are ever open
#: (the db thread's, the sync engine's).
READ_CACHE_KIB = 64 * 1024


def _total_changes(conn: Connection) -> int:
    """Rows inserted, updated or deleted by this connection since it was opened."""
    return conn.exec_driver_sql("SELECT total_changes()").scalar_one()


class CacheLocked(Exception):
    """The cache file exists but the key does not open it (wrong passphrase or lost key)."""


def _url(path: Path, key: str) -> str:
    # A 64-hex-digit key is used as the raw AES key (no slow key derivation on every open);
    # anything else is a passphrase that SQLCipher stretches with PBKDF2.
    secret = f"x'{key}'" if _RAW_KEY.match(key) else key
    return f"sqlite+pysqlcipher://:{quote(secret, safe='')}@/{path}"


class CacheStore:
    def __init__(self, path: Path, key: str):
        if not key:
            raise ValueError("the cache needs a key or passphrase")
        self.path = Path(path)
        private_database(self.path)  # 0600, before SQLite creates it world-readable
        url = _url(self.path, key)
        # Not the dialect's default SingletonThreadPool: past five threads it closes connections
        # other threads are still using (a crash in sqlcipher3). The sync engine's worker and the
        # UI thread share this store; SQLCipher is built thread-safe, so a QueuePool is fine.
        self._read: Engine = sqlite_engine(url, READ, cache_kib=READ_CACHE_KIB, poolclass=QueuePool)
        self._write: Engine = sqlite_engine(url, WRITE, poolclass=QueuePool)
        try:
            with self._write.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except DatabaseError as exc:
            self.close()
            raise CacheLocked("Не удалось открыть локальный кэш: неверный ключ") from exc
        self._migrate()
        self._generation = 0
        self._generation_lock = threading.Lock()

    def _migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self._write.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._read.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def write(self, *, touches_queue: bool = True) -> Iterator[Connection]:
        """One local transaction: a user action and its outbox entry commit together, or not.

        `touches_queue=False` is the writer's promise that no incident row changes (the sync
        time, drafts, saved views): answers kept for the queue stay valid. A transaction that
        changes no row at all (opening an incident already seen) keeps them valid by itself."""
        changed = True
        try:
            with self._write.connect() as conn:
                with conn.begin():
                    before = _total_changes(conn)
                    yield conn
                    changed = touches_queue and _total_changes(conn) != before
        finally:
            # After the commit (a rollback also bumps: needless but harmless), so that what
            # was read under the previous generation is stale from now on.
            if changed:
                with self._generation_lock:
                    self._generation += 1

    @property
    def generation(self) -> int:
        """Grows after every write transaction of this store that changed rows the queue
        shows (see `write`): answers derived from the cache (counts, pages) are valid while it
        stays the same. Read it *before* the read transaction that computes such an answer, so
        that a write committing meanwhile makes the answer stale rather than wrongly current.
        Writes by another process on the same file are not seen; the cache belongs to one
        running workstation."""
        return self._generation

    def close(self) -> None:
        self._read.dispose()
        self._write.dispose()

    # --- small key/value state (cursor, user, reference) -------------------------------------

    @staticmethod
    def get_meta(conn: Connection, key: str, default: Any = None) -> Any:
        raw = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
        return default if raw is None else json.loads(raw)

    @staticmethod
    def set_meta(conn: Connection, key: str, value: Any) -> None:
        stmt = sqlite_insert(meta).values(key=key, value=json.dumps(value, ensure_ascii=False))
        conn.execute(
            stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value})
        )

    def integrity_ok(self) -> bool:
        with self.read() as conn:
            return conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
