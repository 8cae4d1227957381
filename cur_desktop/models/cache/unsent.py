"""A second, small copy of the user's unsent work, so that a damaged cache loses none of it.

The cache file can be damaged (a bad disk sector, a copy cut short, a crash in the middle of a
write on a filesystem that lies about fsync) or left by a newer version of the program. The
incidents in it can always be fetched again from the server; what the user did and the server
has not seen yet cannot. So the outbox, the work the server refused (`problems`), the drafts and
the few settings needed to sign in offline are mirrored into `<cache>.unsent.db`, a separate
SQLCipher file under the same key, attached to every writing connection of the cache. TEMP
triggers copy each change in the same transaction as the change itself, so the copy never
holds work the cache rolled back. (Under WAL the two files commit one after the other; if the
process dies between them, the next healthy open copies the cache over the mirror again.)

Read back by `saved_work` when the cache cannot be opened, and put into the new cache by
`restore`. Replaying an entry the server already applied is harmless: every mutation carries
its `mutation_id` and the server answers `duplicate`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, text

from .schema import drafts, meta, outbox, problems

log = logging.getLogger(__name__)

SCHEMA = "unsent"
#: Cache tables mirrored, and the prefix of their copies in the mirror file. Unqualified names
#: in a TEMP trigger resolve to the attached file, so the copies need names of their own.
TABLES: tuple[Table, ...] = (outbox, problems, drafts, meta)
PREFIX = "unsent_"
#: The settings a fresh cache needs before its first sync: who the user is and where the
#: server is (to open offline), and the reference data the window labels rows with.
META_KEYS = ("user", "server_url", "reference")


def mirror_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.stem + ".unsent.db")


def _columns(table: Table) -> list[str]:
    return [column.name for column in table.columns]


def _copy_ddl(table: Table) -> str:
    key = ", ".join(column.name for column in table.primary_key)
    return (
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{PREFIX}{table.name} "
        f"({', '.join(_columns(table))}, PRIMARY KEY ({key}))"
    )


def _triggers(table: Table) -> list[str]:
    columns = _columns(table)
    copy = f"{PREFIX}{table.name}"
    names = ", ".join(columns)
    key = [column.name for column in table.primary_key]
    when = ""
    if table is meta:
        keys = ", ".join(f"'{k}'" for k in META_KEYS)
        when = f"WHEN {{row}}.key IN ({keys})"

    def upsert(row: str) -> str:
        values = ", ".join(f"{row}.{c}" for c in columns)
        return f"INSERT OR REPLACE INTO {copy} ({names}) VALUES ({values});"

    def remove(row: str) -> str:
        match = " AND ".join(f"{k} = {row}.{k}" for k in key)
        return f"DELETE FROM {copy} WHERE {match};"

    name = f"{PREFIX}{table.name}"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_ins AFTER INSERT ON main.{table.name} "
        f"{when.format(row='new')} BEGIN {upsert('new')} END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_upd AFTER UPDATE ON main.{table.name} "
        f"{when.format(row='new')} BEGIN {remove('old')} {upsert('new')} END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_del AFTER DELETE ON main.{table.name} "
        f"{when.format(row='old')} BEGIN {remove('old')} END",
    ]


def attach(dbapi_conn: Any, path: Path, key: str) -> None:
    """Attach the mirror to a fresh writing connection (before any transaction) and install
    the triggers that keep it in step. The cache's tables must exist (after the migration)."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"ATTACH DATABASE ? AS {SCHEMA} KEY ?", (str(path), key))
        cur.execute(f"PRAGMA {SCHEMA}.journal_mode=WAL")
        cur.execute(f"PRAGMA {SCHEMA}.synchronous=FULL")
        for table in TABLES:
            cur.execute(_copy_ddl(table))
        present = {r[0] for r in cur.execute("SELECT name FROM main.sqlite_master")}
        for table in TABLES:
            if table.name in present:
                for statement in _triggers(table):
                    cur.execute(statement)
    finally:
        cur.close()


def copy_from_cache(conn: Connection) -> None:
    """Make the mirror equal to the (healthy) cache: on open, so drift from a crash between
    the two commits, or a mirror made by an older version, cannot last."""
    for table in TABLES:
        names = ", ".join(_columns(table))
        copy = f"{SCHEMA}.{PREFIX}{table.name}"
        where = ""
        if table is meta:
            where = " WHERE key IN ({})".format(", ".join(f"'{k}'" for k in META_KEYS))
        conn.exec_driver_sql(f"DELETE FROM {copy}")
        conn.exec_driver_sql(
            f"INSERT INTO {copy} ({names}) SELECT {names} FROM main.{table.name}{where}"
        )


@dataclass
class SavedWork:
    """Unsent work read from a damaged cache and from its mirror, by table."""

    rows: dict[str, dict[tuple, dict[str, Any]]] = field(
        default_factory=lambda: {t.name: {} for t in TABLES}
    )

    def add(self, table: Table, row: dict[str, Any]) -> None:
        known = {k: v for k, v in row.items() if k in table.columns}
        pk = tuple(known.get(column.name) for column in table.primary_key)
        if table is meta and known.get("key") not in META_KEYS:
            return
        self.rows[table.name].setdefault(pk, known)

    @property
    def outbox(self) -> int:
        return len(self.rows[outbox.name])

    @property
    def problems(self) -> int:
        return sum(1 for r in self.rows[problems.name].values() if r.get("resolved_at") is None)

    @property
    def drafts(self) -> int:
        return len(self.rows[drafts.name])


def _read_tables(dbapi_conn: Any, prefix: str, into: SavedWork) -> None:
    """Every row still readable, table by table: a damaged page costs only what it holds."""
    for table in TABLES:
        try:
            cur = dbapi_conn.execute(f"SELECT * FROM {prefix}{table.name}")
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                into.add(table, dict(zip(names, values, strict=True)))
        except Exception as exc:  # noqa: BLE001 - damage shows as any of sqlite's errors
            log.warning("could not read %s%s: %s", prefix, table.name, exc)


def saved_work(connect, cache_path: Path) -> SavedWork:
    """What the mirror holds, then what the damaged cache still yields (a cache from before
    the mirror existed, or work the mirror missed). `connect(path)` opens a file with the key.
    """
    found = SavedWork()
    for path, prefix in ((mirror_path(cache_path), PREFIX), (cache_path, "")):
        if not path.exists():
            continue
        try:
            conn = connect(path)
        except Exception as exc:  # noqa: BLE001
            log.warning("could not open %s: %s", path.name, exc)
            continue
        try:
            _read_tables(conn, prefix, found)
        finally:
            conn.close()
    return found


def restore(conn: Connection, saved: SavedWork) -> None:
    """Put saved work into a new, empty cache, in its original order (outbox by `seq`)."""
    for table in TABLES:
        rows = [saved.rows[table.name][pk] for pk in sorted(saved.rows[table.name], key=_order)]
        for row in rows:
            names = list(row)
            conn.execute(
                text(
                    f"INSERT OR IGNORE INTO main.{table.name} ({', '.join(names)}) "
                    f"VALUES ({', '.join(':' + n for n in names)})"
                ),
                row,
            )


def _order(pk: tuple) -> tuple:
    return tuple((v is None, str(type(v)), v) for v in pk)
