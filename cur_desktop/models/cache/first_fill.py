"""A new cache's first fill with the queue's secondary indexes built once, at the end.

A first sync writes every incident the user may see (100k and more) in pages. Each insert
into `incidents` also updates its ten secondary indexes (sorts, filters, rank expressions) at
scattered places, which costs the fill about a fifth of its time; building an index once over
the full table is a single sort. So the first fill drops those indexes in the transaction of
its first page and creates them again in the transaction of its last one.

Only the two partial indexes the queue names (`INDEXED BY`, see `queue.RUNNING_INDEX` and
`queue.CHANGED_INDEX`) stay: without them the queue's statements would fail. Without the
others the queue answers the same rows, only slower, which is acceptable for the minutes of a
first fill. The statements of the dropped indexes are kept in `meta` in the same transaction
as the drop, so a fill cut short (network, cancel, crash) leaves a cache that says what it
lacks: the next pull goes on in the same mode and builds them when it reaches the end.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, delete

from .queue import CHANGED_INDEX, RUNNING_INDEX
from .schema import incidents, meta
from .store import CacheStore

#: `meta` key: CREATE INDEX statements of the indexes dropped for a first fill still running.
DEFERRED_KEY = "first_fill_deferred_indexes"
#: Named by the queue's statements, so they must always exist.
KEPT = frozenset({RUNNING_INDEX, CHANGED_INDEX})
_CREATE = re.compile(r"^\s*CREATE\s+INDEX\s+", re.IGNORECASE)


def filling(conn: Connection) -> bool:
    """True while a first fill that deferred the indexes has not reached its end."""
    return CacheStore.get_meta(conn, DEFERRED_KEY) is not None


def defer_indexes(conn: Connection) -> int:
    """Drop the incidents' secondary indexes the queue does not name, remembering them.

    Idempotent: a fill that goes on after an interruption keeps the first list. Returns the
    number of indexes dropped now.
    """
    if filling(conn):
        return 0
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
        (incidents.name,),
    ).all()
    dropped = [(name, sql) for name, sql in found if name not in KEPT]
    for name, _ in dropped:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    CacheStore.set_meta(conn, DEFERRED_KEY, [sql for _, sql in dropped])
    return len(dropped)


def restore_indexes(conn: Connection) -> int:
    """Create the indexes a first fill deferred (each one sort over the filled table) and
    forget the list. Returns how many statements ran."""
    statements = CacheStore.get_meta(conn, DEFERRED_KEY)
    if statements is None:
        return 0
    for sql in statements:
        conn.exec_driver_sql(_CREATE.sub("CREATE INDEX IF NOT EXISTS ", sql, count=1))
    conn.execute(delete(meta).where(meta.c.key == DEFERRED_KEY))
    return len(statements)
