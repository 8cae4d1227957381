"""SQLite engines that behave under concurrent use: the server's small-centre database and the
workstation's encrypted cache both use them.

SQLite allows one writer at a time, and a transaction that reads first and writes later can fail
with "database is locked" when another writer slipped in between. So writing transactions begin
with ``BEGIN IMMEDIATE`` (take the write lock up front, wait for it politely) while reading ones
stay deferred and run concurrently under WAL.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

READ = "BEGIN"
WRITE = "BEGIN IMMEDIATE"


def sqlite_engine(url: str, begin: str = READ, *, cache_kib: int | None = None, **kwargs) -> Engine:
    """`cache_kib`: the page cache of each connection (SQLite's default is 2 MB, SQLCipher's
    8 MB); decrypted pages stay in it, so a bigger one saves decrypting them again."""
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, see the module docstring
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if cache_kib:
            cur.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine
