"""The embedded demo: the reference server in-process on 127.0.0.1 with a seeded demo region,
and demo profiles kept apart from real ones. Needs the `server` extra (installed by `make run`)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
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
log = logging.getLogger(__name__)

#: Demo data is invented, so where no keyring exists the demo cache may use a fixed passphrase.
DEMO_CACHE_PASSPHRASE = "demo-cache-not-secret"


@dataclass(frozen=True)
class DemoMailInfo:
    """Where the demo's local mail is (cur_server/demo/mail.py), for the window to say."""

    address: str
    host: str
    smtp_port: int
    imap_port: int
    password: str

    @classmethod
    def of(cls, mail) -> DemoMailInfo:
        from cur_server.demo.mail import PASSWORD

        return cls(mail.address, mail.host, mail.smtp_port, mail.imap_port, PASSWORD)


class DemoServer:
    def __init__(
        self, root: Path | None = None, incidents: int | None = None, *, mail: bool = True
    ):
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
        self.mail = self._start_mail(url) if mail else None

    @staticmethod
    def _start_mail(url: str):
        """The e-mail channel on a local SMTP/IMAP pair; the demo goes on without it."""
        try:
            from cur_server.demo.mail import DemoMail

            return DemoMail(url).start()
        except Exception as exc:  # noqa: BLE001 - a taken port, a missing package: no mail
            log.warning("the demo's e-mail did not start: %s", exc)
            return None

    @property
    def mail_info(self) -> DemoMailInfo | None:
        return DemoMailInfo.of(self.mail) if self.mail is not None else None

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
        if self.mail is not None:
            self.mail.stop()
        self.server.stop()
