"""Alembic environment for the local cache: the open (encrypted) connection is handed in."""

from alembic import context

from cur_desktop.models.cache.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
