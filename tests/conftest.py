"""Fixtures: a migrated database on SQLite and on PostgreSQL, seeded, behind a live server."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cur_server import security
from cur_server.context import sqlite_url_for
from cur_server.migrate import upgrade

#: Tests hash passwords with argon2id at its lowest cost: a sign-in then verifies in about a
#: millisecond instead of 0.2 s, and a run signs in thousands of times. The application keeps
#: the library's recommended parameters (hashes carry their own, so verifying either works);
#: tests/server/test_auth.py checks the hashes are argon2id.
security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
security._DUMMY_HASH = security._hasher.hash("timing-equaliser")

PG_URL = os.environ.get("CUR_TEST_PG_URL", "postgresql+psycopg://cur:cur@127.0.0.1:5432/cur_test")
#: A fixed "now" for seeding, so seeded data does not depend on when the tests run.
SEED_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SEED_INCIDENTS = 80
#: Over two days, so the queue has fresh unassigned incidents as well as finished ones.
SEED_DAYS = 2


def _pg_reachable(url: str) -> str | None:
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not here"
        return f"{type(exc).__name__}: {exc}"


def _worker_database(url: str) -> str:
    """Under pytest-xdist each worker has its own database next to the configured one
    (`cur_test_gw0`, ...): workers sharing one would clobber each other's data."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    return _database_url(url, f"{make_url(url).database}_{worker}")


def _database_url(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _recreate_pg(url: str, template: str | None = None) -> None:
    """Drop the URL's database and make it again, empty or as a copy of `template`: a copy of
    a migrated (and seeded) template takes a fraction of a second, where truncating every
    table and seeding again take seconds."""
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if template:  # a template must have no sessions; a finished seeding may linger
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": template},
                )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            source = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{source}'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> str:
    """This process's test database (a fresh copy of the migrated template for each test that
    asks for a database through `db_url`)."""
    problem = _pg_reachable(PG_URL)
    if problem:
        message = f"PostgreSQL not reachable at {make_url(PG_URL).render_as_string()}: {problem}"
        if os.environ.get("CUR_REQUIRE_PG"):
            pytest.fail(message)
        pytest.skip(message)
    url = _worker_database(PG_URL)
    empty = _database_url(url, f"{make_url(url).database}_tpl_empty")
    _recreate_pg(empty)
    upgrade(empty)
    _recreate_pg(url, make_url(empty).database)
    return url


@pytest.fixture(scope="session")
def pg_templates(pg_url) -> dict[str, str]:
    """Names of the migrated and the migrated-and-seeded template databases of this process."""
    from cur_server.seed import seed_demo

    empty = f"{make_url(pg_url).database}_tpl_empty"
    seeded_url = _database_url(pg_url, f"{make_url(pg_url).database}_tpl_seeded")
    _recreate_pg(seeded_url, empty)
    seed_demo(seeded_url, SEED_INCIDENTS, now=SEED_NOW, days=SEED_DAYS)
    return {"empty": empty, "seeded": make_url(seeded_url).database}


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (the backup API, not a file copy: no WAL left
    behind)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory) -> dict[str, Path]:
    """A migrated and a migrated-and-seeded SQLite database, made once per test process: most
    tests start from one of them, and a copy takes milliseconds where migrating and seeding
    take seconds (the seed is fixed by SEED_NOW, so every copy is the same data)."""
    from cur_server.seed import seed_demo

    folder = tmp_path_factory.mktemp("db-templates")
    empty, seeded = folder / "empty.db", folder / "seeded.db"
    upgrade(sqlite_url_for(empty))
    copy_sqlite(empty, seeded)
    seed_demo(sqlite_url_for(seeded), SEED_INCIDENTS, now=SEED_NOW, days=SEED_DAYS)
    return {"empty": empty, "seeded": seeded}


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "server.db"
        copy_sqlite(request.getfixturevalue("sqlite_templates")["empty"], path)
        return sqlite_url_for(path)
    url = request.getfixturevalue("pg_url")
    _recreate_pg(url, f"{make_url(url).database}_tpl_empty")
    return url


@pytest.fixture
def seeded_url(request, db_url, tmp_path) -> str:

    if db_url.startswith("sqlite"):
        copy_sqlite(request.getfixturevalue("sqlite_templates")["seeded"], tmp_path / "server.db")
        return db_url
    _recreate_pg(db_url, request.getfixturevalue("pg_templates")["seeded"])
    return db_url


@pytest.fixture
def live(seeded_url):
    from cur_server.embedded import EmbeddedServer

    with EmbeddedServer(seeded_url) as server:
        yield server


@pytest.fixture
def api(live):
    from tests.server.api import ApiFactory

    return ApiFactory(live.url)
