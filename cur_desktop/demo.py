"""The embedded demo: the reference server in-process on 127.0.0.1 with a seeded demo region,
and demo profiles kept apart from real ones. Needs the `server` extra (installed by `make run`)."""

from __future__ import annotations

import os
from pathlib import Path

from .models.private_files import private_folder
from .sync.credentials import CredentialStore
from .sync.profile import data_root
from .sync.workspace import Workspace

DEMO_PASSWORD = "demo"
DEMO_ROLES = {
    "operator": "operator1",
    "supervisor": "supervisor1",
    "district_official": "official1",
    "trainer": "trainer1",
}
#: Demo data is invented, so where no keyring exists the demo cache may use a fixed passphrase.
DEMO_CACHE_PASSPHRASE = "demo-cache-not-secret"


class DemoServer:
    def __init__(self, root: Path | None = None, incidents: int | None = None):
        from cur_server.context import sqlite_url_for
        from cur_server.embedded import EmbeddedServer
        from cur_server.migrate import upgrade
        from cur_server.seed import seed_demo

        if incidents is None:  # a smaller demo for smoke tests: CUR_DEMO_INCIDENTS=200
            incidents = int(os.environ.get("CUR_DEMO_INCIDENTS", "3000"))
        self.root = root or data_root() / "demo"
        private_folder(self.root, root=data_root())
        url = sqlite_url_for(self.root / "server.db")
        upgrade(url)
        seeded = seed_demo(url, incidents)  # does nothing when already seeded
        if seeded["incidents_created"]:
            from cur_server.context import load_context
            from cur_server.demo.shift import stage_demo_shift

            context = load_context(url)
            try:  # the supervisor's console opens on a shift under way, not on empty tables
                stage_demo_shift(context)
            finally:
                context.db.dispose()
        self.server = EmbeddedServer(url).start()

    @property
    def url(self) -> str:
        return self.server.url

    def sign_in(self, role_or_user: str, credentials: CredentialStore) -> Workspace:
        username = DEMO_ROLES.get(role_or_user, role_or_user)
        passphrase = None if credentials.persistent else DEMO_CACHE_PASSPHRASE
        return Workspace.sign_in(
            self.root / "profiles",
            self.url,
            username,
            DEMO_PASSWORD,
            remember=False,
            credentials=credentials,
            passphrase=passphrase,
        )

    def stop(self) -> None:
        self.server.stop()
