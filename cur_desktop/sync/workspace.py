"""A user's working set: profile, encrypted cache, API client, local actions and sync engine.

The UI holds one Workspace per signed-in window. Signing in online and opening the last profile
offline both end here, so everything above this line works the same with or without a network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cur_desktop.models import contract as c
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.clock import Clock
from cur_desktop.models.said import said

from . import connection
from .actions import LocalActions
from .client import ApiClient, AuthFailed
from .clock_offset import keep_offset, restore_offset
from .credentials import CredentialStore
from .engine import SyncCore, SyncEngine
from .profile import Profile
from .training_profile import profile_for


class NoOfflineProfile(Exception):
    """There is no profile on this machine to open without the server."""


@dataclass
class Workspace:
    profile: Profile
    store: CacheStore
    client: ApiClient
    credentials: CredentialStore
    interval: float = 15.0
    core: SyncCore = field(init=False)
    engine: SyncEngine = field(init=False)
    actions: LocalActions = field(init=False)

    def __post_init__(self) -> None:
        self.core = SyncCore(self.client, self.store)
        self.engine = SyncEngine(self.core, interval=self.interval)
        self.actions = LocalActions(self.store, on_change=self.engine.trigger, clock=self.clock)
        keep_offset(self.profile, self.clock)

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def sign_in(
        cls,
        root: Path,
        server_url: str,
        username: str,
        password: str,
        *,
        remember: bool,
        credentials: CredentialStore,
        ca_bundle: str | None = None,
        passphrase: str | None = None,
        clock: Clock | None = None,
    ) -> Workspace:
        """Online sign-in. Blocking (network, keyring, key derivation): call off the UI thread.
        `clock` (default: the computer's) learns the server's time from every answer."""
        client = ApiClient(server_url, ca_bundle=ca_bundle, clock=clock)
        client.login(username, password)
        profile = profile_for(root, server_url, username, client.user.role)
        if remember:
            credentials.save_refresh_token(server_url, username, client.refresh_token)
        else:
            credentials.forget_refresh_token(server_url, username)
        profile.remember()
        connection.remember(profile, ca_bundle)
        store = profile.open_cache(credentials, passphrase)
        with store.write() as conn:
            store.set_meta(conn, "user", client.user.model_dump(mode="json"))
            store.set_meta(conn, "server_url", server_url)
        return cls(profile, store, client, credentials)

    @classmethod
    def open_last(
        cls,
        root: Path,
        credentials: CredentialStore,
        *,
        ca_bundle: str | None = None,
        passphrase: str | None = None,
        clock: Clock | None = None,
    ) -> Workspace:
        """The last profile from its cache, without the server; sync resumes when it is back
        (with the remembered sign-in, or after the user signs in again)."""
        profile = Profile.last(root)
        if profile is None or not profile.cache_path.exists():
            raise NoOfflineProfile(
                said("no_profile", "На этом компьютере нет сохранённого профиля")
            )
        if profile.signed_out:
            raise NoOfflineProfile(
                said(
                    "signed_out",
                    "Из последнего профиля вышли: войдите с паролем, когда будет связь с сервером",
                )
            )
        store = profile.open_cache(credentials, passphrase)
        ca_bundle = ca_bundle or connection.remembered(profile).ca_bundle
        client = ApiClient(profile.server_url, ca_bundle=ca_bundle, clock=clock)
        restore_offset(profile, client.clock)  # deadlines by the server's time from the start
        client.refresh_token = credentials.load_refresh_token(profile.server_url, profile.username)
        with store.read() as conn:
            user = store.get_meta(conn, "user")
        if user:
            client.user = c.UserOut.model_validate(user)
        return cls(profile, store, client, credentials)

    # --- what the UI reads -----------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        """«Now» by the server's time, for everything that compares with deadlines."""
        return self.client.clock

    @property
    def user(self) -> c.UserOut:
        if self.client.user is None:
            raise AuthFailed(said("sign_in_required", "Требуется вход в систему"))
        return self.client.user

    def reference(self) -> c.Reference | None:
        with self.store.read() as conn:
            data = self.store.get_meta(conn, "reference")
        return c.Reference.model_validate(data) if data else None

    def meta(self, key: str, default: Any = None) -> Any:
        with self.store.read() as conn:
            return self.store.get_meta(conn, key, default)

    # --- closing --------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.stop()
        self.store.close()

    def sign_out(self, *, wipe: bool) -> None:
        """End the session on the server when reachable; wipe the local profile if asked."""
        try:
            self.client.logout()
        except Exception:  # noqa: BLE001 - offline sign-out still signs out locally
            pass
        self.credentials.forget_refresh_token(self.profile.server_url, self.profile.username)
        self.close()
        self.profile.mark_signed_out()
        if wipe:
            self.profile.wipe(self.credentials)
