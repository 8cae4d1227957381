"""Database engines and transactions for SQLite (a small centre, a classroom) and PostgreSQL.

On SQLite, `write()` takes the write lock up front and `read()` does not (see
`cur_desktop.models.sqlite`); on PostgreSQL both are the same engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pydantic_core import from_json
from sqlalchemy import Engine, create_engine, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from cur_desktop.models.sqlite import READ, WRITE, sqlite_engine

from .tables import Counter

CHANGE_SEQ = "change_seq"


@dataclass
class Database:
    """Two session factories over one database: `read()` for queries, `write()` for changes."""

    url: str
    read_engine: Engine
    write_engine: Engine

    def __post_init__(self) -> None:
        # Made once: a sessionmaker builds a Session subclass, too costly for every request.
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.read_engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            with session.begin():
                yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer() as session:
            with session.begin():
                yield session

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()


def open_database(url: str) -> Database:
    if make_url(url).get_backend_name() == "sqlite":
        # pydantic-core parses the small JSON documents of events several times faster than the
        # json module; the changes feed reads tens of thousands of them per initial sync.
        read = sqlite_engine(url, READ, json_deserializer=from_json)
        return Database(url, read, sqlite_engine(url, WRITE))
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
