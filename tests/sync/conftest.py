"""Client-side fixtures: the real reference server on 127.0.0.1 (SQLite; the server's own tests
cover PostgreSQL), workstations with real encrypted caches, and an in-memory keyring."""

from __future__ import annotations

import secrets

import keyring
import pytest

from cur_server.context import sqlite_url_for
from cur_server.embedded import EmbeddedServer
from tests.conftest import copy_sqlite
from tests.support.memory_keyring import MemoryKeyring
from tests.sync.harness import Workstation


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def server_url(tmp_path, sqlite_templates) -> str:
    """A migrated and seeded SQLite database for a server (started by `server`)."""
    path = tmp_path / "server.db"
    copy_sqlite(sqlite_templates["seeded"], path)
    return sqlite_url_for(path)


@pytest.fixture
def server(server_url):
    with EmbeddedServer(server_url) as running:
        yield running


@pytest.fixture
def workstation(server, tmp_path):
    """`workstation("operator1")` signs in and gives a Workstation with its own cache."""
    made: list[Workstation] = []

    def make(username: str, base_url: str | None = None, name: str | None = None) -> Workstation:
        folder = tmp_path / "clients" / (name or username)
        ws = Workstation(base_url or server.url, username, folder, key=secrets.token_hex(32))
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()
