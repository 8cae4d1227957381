"""Database engines and transactions for SQLite (a small centre, a classroom) and PostgreSQL.

SQLite allows one writer at a time; a transaction that reads first and writes later can fail with
"database is locked" when another writer slipped in between. So writes begin with
``BEGIN IMMEDIATE`` (take the write lock up front, wait for it politely) while reads stay
deferred and run concurrently under WAL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from .tables import Counter

CHANGE_SEQ = "change_seq"


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, see the module docstring
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


@dataclass
class Database:
    """Two session factories over one database: `read()` for queries, `write()` for changes."""

    url: str
    read_engine: Engine
    write_engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.read_engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with sessionmaker(self.read_engine, expire_on_commit=False)() as session:
            with session.begin():
                yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with sessionmaker(self.write_engine, expire_on_commit=False)() as session:
            with session.begin():
                yield session

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


def open_database(url: str) -> Database:
    if make_url(url).get_backend_name() == "sqlite":
        return Database(url, _sqlite_engine(url, "BEGIN"), _sqlite_engine(url, "BEGIN IMMEDIATE"))
    engine = create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)
    return Database(url, engine, engine)


def next_values(session: Session, name: str, count: int = 1) -> int:
    """Reserve `count` values of a counter and return the last one.

    The UPDATE locks the counter row until commit, so values become visible in the order they
    were handed out: a reader paging by sequence can never skip a change that commits late.
    """
    stmt = (
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    )
    result = session.execute(stmt).scalar_one_or_none()
    if result is None:
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=0))
        except IntegrityError:
            pass  # another transaction created it first; the update below waits for it
        result = session.execute(stmt).scalar_one()
    return result
