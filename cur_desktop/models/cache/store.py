"""Opening the encrypted cache file, migrating it, and its transactions.

The file is encrypted with SQLCipher: citizens' messages are personal data (152-ФЗ) and laptops
get lost. The key is a random 256-bit key from the OS keyring, or a passphrase typed by the user
where no keyring exists; with a wrong key the file cannot be opened at all.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from .. import contract as _contract  # noqa: F401 - every wire enum defined before binding
from ..private_files import FILE_MODE, SQLITE_COMPANIONS, private_database
from ..sqlite import READ, WRITE, sqlite_engine
from . import unsent
from .repair import (
    CacheDamaged,
    CacheRepair,
    Damage,
    DamagedPage,
    DiskFull,
    is_corrupt,
    is_disk_full,
    set_aside,
)
from .schema import meta

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
_RAW_KEY = re.compile(r"^[0-9a-fA-F]{64}$")
#: Page cache of each reading connection. The queue's queries read index pages over and over
#: (counts, deep offsets); decrypting them again costs more than keeping them: the worst queue
#: case at 250k took half the time with 64 MB instead of SQLCipher's 8 MB (bench/README.md).
#: Memory is taken only as pages are read, and only a few reading connections are ever open
#: (the db thread's, the sync engine's).
READ_CACHE_KIB = 64 * 1024


def _strenum_classes(base: type = StrEnum) -> Iterator[type]:
    for sub in base.__subclasses__():
        yield sub
        yield from _strenum_classes(sub)


def _fast_binding() -> None:
    """Bind None and the wire's string enums without the driver's slow path.

    sqlcipher3 binds int, float and exact str as they are; anything else, None and a
    `StrEnum` included, goes through adapter look-ups that fail with exceptions: about 4 µs a
    value against 0.1, which for a first fill's millions of NULLs and enum values was seconds
    of the write thread's time (bench/README.md). Registered adapters are found at once;
    what is bound stays the same (NULL, the enum's text).
    """
    sqlcipher3.register_adapter(type(None), {}.get)  # a C callable returning None
    for cls in _strenum_classes():
        sqlcipher3.register_adapter(cls, str.__str__)  # its text, whatever __str__ says


_fast_binding()


def _known_revisions() -> set[str]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}


def _not_a_database(exc: DatabaseError) -> bool:
    return "not a database" in str(exc.orig)


def _total_changes(conn: Connection) -> int:
    """Rows inserted, updated or deleted by this connection since it was opened."""
    return conn.exec_driver_sql("SELECT total_changes()").scalar_one()


class CacheLocked(Exception):
    """The cache file exists but the key does not open it (wrong passphrase or lost key)."""


def _secret(key: str) -> str:
    # A 64-hex-digit key is used as the raw AES key (no slow key derivation on every open);
    # anything else is a passphrase that SQLCipher stretches with PBKDF2.
    return f"x'{key}'" if _RAW_KEY.match(key) else key


def _url(path: Path, key: str) -> str:
    return f"sqlite+pysqlcipher://:{quote(_secret(key), safe='')}@/{path}"


#: Up to this size the whole file is checked page by page at every open (about a second at
#: 64 MB on a slow laptop); a bigger cache checks its unsent work and schema at open, and the
#: whole file at the next open after any read hit a damaged page (`_CHECK_MARK`).
FULL_CHECK_BYTES = 64 * 1024 * 1024
_CHECK_MARK = ".check"


class CacheStore:
    """The cache file. Opening it also heals it: a damaged one is set aside and replaced by a
    new one carrying the unsent work over (`repair` then says what happened, for the user);
    `heal=False` raises CacheDamaged instead."""

    def __init__(self, path: Path, key: str, *, heal: bool = True):
        if not key:
            raise ValueError("the cache needs a key or passphrase")
        self.path = Path(path)
        self._secret = _secret(key)
        self._url = _url(self.path, key)
        self.mirror = unsent.mirror_path(self.path)
        self.repair: CacheRepair | None = None
        self._generation = 0
        self._generation_lock = threading.Lock()
        try:
            fresh = self._open()
        except CacheDamaged as damaged:
            if not heal:
                raise
            self._rebuild(damaged)
        else:
            self._settle_mirror(fresh)
        for companion in (self.mirror, *(Path(f"{self.mirror}{s}") for s in SQLITE_COMPANIONS)):
            if companion.exists():
                companion.chmod(FILE_MODE)

    # --- opening and healing ----------------------------------------------------------------

    def _open(self) -> bool:
        """Open, check and migrate the file; True when it was new (absent or empty)."""
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        private_database(self.path)  # 0600 (folder 0700), before SQLite creates it world-readable
        # Not the dialect's default SingletonThreadPool: past five threads it closes connections
        # other threads are still using (a crash in sqlcipher3). The sync engine's worker and the
        # UI thread share this store; SQLCipher is built thread-safe, so a QueuePool is fine.
        self._read: Engine = sqlite_engine(
            self._url, READ, cache_kib=READ_CACHE_KIB, poolclass=QueuePool
        )
        self._write: Engine = sqlite_engine(self._url, WRITE, poolclass=QueuePool)
        try:
            with self._write.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                try:
                    self._check(conn)
                except DatabaseError as exc:  # the key is right: the file is damaged
                    raise CacheDamaged(Damage.CORRUPT, str(exc.orig)) from exc
        except DatabaseError as exc:
            self.close()
            # "Not a database" is also what a wrong key looks like; the mirror, written under
            # the same key, tells the two apart. Without one, the user is asked for the key.
            if is_corrupt(exc) and (not _not_a_database(exc) or self._mirror_opens()):
                raise CacheDamaged(Damage.CORRUPT, str(exc.orig)) from exc
            raise CacheLocked("Не удалось открыть локальный кэш: неверный ключ") from exc
        except CacheDamaged:
            self.close()
            raise
        self._migrate()
        self._keep_mirror()
        return fresh

    def _check(self, conn: Connection) -> None:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        if "alembic_version" in tables:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if revision is not None and revision not in _known_revisions():
                raise CacheDamaged(Damage.NEWER_SCHEMA, f"revision {revision}")
        mark = self.path.with_name(self.path.name + _CHECK_MARK)
        if self.path.stat().st_size <= FULL_CHECK_BYTES or mark.exists():
            checks = ["PRAGMA quick_check"]
        else:
            checks = [f"PRAGMA quick_check({t.name})" for t in unsent.TABLES if t.name in tables]
        for check in checks:
            result = conn.exec_driver_sql(check).scalar()
            if result != "ok":
                raise CacheDamaged(Damage.CORRUPT, str(result)[:500])
        mark.unlink(missing_ok=True)

    def _connect(self, path: Path):
        """A bare connection to `path` under the cache's key (reading saved work)."""
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA key = '{}'".format(self._secret.replace("'", "''")))
        return conn

    def _mirror_opens(self) -> bool:
        if not self.mirror.exists():
            return False
        try:
            conn = self._connect(self.mirror)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        except sqlcipher3.DatabaseError:
            return False
        return True

    def _keep_mirror(self) -> None:
        """Attach the mirror of unsent work to every writing connection from now on. A mirror
        that does not open is set aside (the cache is healthy: it is copied anew)."""
        if self.mirror.exists() and not self._mirror_opens():
            set_aside(self.mirror)

        @event.listens_for(self._write, "connect")
        def _attach(dbapi_conn, _record) -> None:
            unsent.attach(dbapi_conn, self.mirror, self._secret)

        self._write.dispose()  # connections made before the listener have no mirror

    def _settle_mirror(self, fresh: bool) -> None:
        """A healthy cache is copied to the mirror; a new one gets the mirror's work, if any
        (the file was deleted or emptied, while the unsent work was kept beside it)."""
        saved = unsent.saved_work(self._connect, self.path) if fresh else None
        if saved is not None and (saved.outbox or saved.problems or saved.drafts):
            self._restore(saved, Damage.EMPTIED, None)
            return
        with self.write(touches_queue=False) as conn:
            unsent.copy_from_cache(conn)

    def _rebuild(self, damaged: CacheDamaged) -> None:
        log.warning("cache %s is damaged (%s), rebuilding it", self.path, damaged)
        saved = unsent.saved_work(self._connect, self.path)
        aside = set_aside(self.path)
        self.path.with_name(self.path.name + _CHECK_MARK).unlink(missing_ok=True)
        self._open()
        self._restore(saved, damaged.damage, aside)

    def _restore(self, saved: unsent.SavedWork, damage: Damage, aside: Path | None) -> None:
        with self.write() as conn:
            unsent.restore(conn, saved)
            unsent.copy_from_cache(conn)
        self.repair = CacheRepair(damage, aside, saved.outbox, saved.problems, saved.drafts)
        log.warning(
            "cache rebuilt (%s): %d unsent changes, %d kept problems, %d drafts carried over",
            damage.value,
            saved.outbox,
            saved.problems,
            saved.drafts,
        )

    def _migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self._write.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()

    # --- transactions -----------------------------------------------------------------------

    @contextmanager
    def _faults(self) -> Iterator[None]:
        """A full disk becomes DiskFull (the transaction rolled back: nothing is lost); a
        damaged page asks for a whole-file check at the next open, which heals the cache."""
        try:
            yield
        except (DatabaseError, OSError) as exc:
            if is_disk_full(exc):
                raise DiskFull(str(exc)) from exc
            if is_corrupt(exc):
                log.error("cache %s: damaged page (%s); checked at the next open", self.path, exc)
                try:
                    self.path.with_name(self.path.name + _CHECK_MARK).touch()
                except OSError:
                    pass
                raise DamagedPage(str(exc)) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._faults(), self._read.connect() as conn:
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
            with self._faults(), self._write.connect() as conn:
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
