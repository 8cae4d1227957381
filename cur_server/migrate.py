"""Schema migrations through alembic, driven from code so no alembic.ini has to be found."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def revision(url: str, message: str) -> None:
    """For developers: generate a new migration from the difference to tables.py."""
    command.revision(alembic_config(url), message=message, autogenerate=True)


class SchemaNotCurrent(RuntimeError):
    """The database's schema is not the one this server's code expects."""


def head_revision() -> str:
    """The newest migration this server's code knows."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def database_revision(url: str) -> str | None:
    """The migration the database was last upgraded to; None for a database without a schema."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def check_current(url: str) -> None:
    """Refuse to serve a database whose schema is older (or newer) than this code: a server
    writing with the wrong columns would fail request by request, or worse, half-way through."""
    head, current = head_revision(), database_revision(url)
    if current == head:
        return
    if current is None:
        raise SchemaNotCurrent(
            "the database has no schema yet: run `cur-server migrate` (with the same "
            "--database-url) first"
        )
    raise SchemaNotCurrent(
        f"the database schema is at revision {current}, this server needs {head}: back up the "
        "database, then run `cur-server migrate` (with the same --database-url); if the "
        "database is newer than this server, run the newer server instead"
    )
