"""The migrations build exactly the schema `tables.py` declares, on SQLite and PostgreSQL: a
column added to a model without its migration (or the other way round) fails here, not on a
production server that `cur-server` then refuses to start against."""

from __future__ import annotations

import importlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from cur_server.tables import Base

#: PostgreSQL's partial covering indexes for the analytics (migration 0006), which the models
#: cannot declare for both databases; the migration keeps its own list of them.
PG_ONLY_INDEXES = set(
    importlib.import_module("cur_server.migrations.versions.0006_daily_counts")._PG_INDEXES
)


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def test_the_migrated_database_is_what_the_models_declare(db_url):
    differences = _differences(db_url)
    pg_only = [d for d in differences if d[0] == "remove_index" and d[1].name in PG_ONLY_INDEXES]
    if db_url.startswith("postgresql"):
        assert {d[1].name for d in pg_only} == PG_ONLY_INDEXES
    assert [d for d in differences if d not in pg_only] == []
