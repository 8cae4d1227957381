"""Profiles: one local cache per (server, user), in the platform's user data folder.

The profile folder holds the encrypted cache and a small `profile.json` naming the server and
the user (no secrets, no citizens' data), so the workstation can open the last profile offline.
Folders are 0700 and files 0600 (`models.private_files`).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.private_files import private_folder, write_private_text

from .credentials import CredentialStore, account_key

APP_NAME = "cur-workstation"
ENV_PASSPHRASE = "CUR_CACHE_PASSPHRASE"


class NeedPassphrase(Exception):
    """No keyring holds the cache key and no passphrase was given."""


def data_root(data_dir: str | Path | None = None) -> Path:
    return Path(data_dir) if data_dir else Path(user_data_dir(APP_NAME, appauthor=False))


#: The marker a «Выйти» leaves in the profile's folder.
SIGNED_OUT = "signed_out"


@dataclass(frozen=True)
class Profile:
    root: Path
    server_url: str
    username: str

    @property
    def id(self) -> str:
        return hashlib.sha256(account_key(self.server_url, self.username).encode()).hexdigest()[:16]

    @property
    def folder(self) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.username)
        return self.root / "profiles" / f"{safe}-{self.id[:8]}"

    @property
    def cache_path(self) -> Path:
        return self.folder / "cache.db"

    @property
    def signed_out(self) -> bool:
        """The user chose «Выйти»: on a shared shift PC the next person must not open this
        cache with «Работать офлайн»; an online sign-in opens it again."""
        return (self.folder / SIGNED_OUT).exists()

    def mark_signed_out(self) -> None:
        if self.folder.exists():
            write_private_text(self.folder / SIGNED_OUT, "")

    def remember(self) -> None:
        """Write profile.json and make this the profile opened when offline (a sign-in that
        proved the password, so a «Выйти» before it no longer holds)."""
        private_folder(self.folder, root=self.root)
        (self.folder / SIGNED_OUT).unlink(missing_ok=True)
        info = {"server_url": self.server_url, "username": self.username}
        write_private_text(self.folder / "profile.json", json.dumps(info, ensure_ascii=False))
        write_private_text(
            self.root / "last_profile.json",
            json.dumps({"folder": self.folder.name}, ensure_ascii=False),
        )

    @classmethod
    def last(cls, root: Path) -> Profile | None:
        try:
            folder = json.loads((root / "last_profile.json").read_text())["folder"]
            info = json.loads((root / "profiles" / folder / "profile.json").read_text())
        except (OSError, ValueError, KeyError):
            return None
        return cls(root, info["server_url"], info["username"])

    def open_cache(self, credentials: CredentialStore, passphrase: str | None = None) -> CacheStore:
        """The cache opened with the keyring's key, else a passphrase (argument, env, or tty)."""
        key = credentials.cache_key(self.id) if credentials.persistent else None
        return CacheStore(self.cache_path, key or cache_passphrase(passphrase))

    def wipe(self, credentials: CredentialStore) -> None:
        """Sign-out with wipe: the cache file, its key and the saved sign-in are gone."""
        credentials.forget_cache_key(self.id)
        credentials.forget_refresh_token(self.server_url, self.username)
        shutil.rmtree(self.folder, ignore_errors=True)


def cache_passphrase(passphrase: str | None = None) -> str:
    """The passphrase encrypting a cache when the keyring cannot hold its key: the argument, else
    the environment, else asked on the terminal; NeedPassphrase when there is none.

    Called before anything irreversible (redeeming a one-time code), so a missing passphrase
    is said before the server has done anything."""
    key = passphrase or os.environ.get(ENV_PASSPHRASE)
    if not key and sys.stdin.isatty():
        key = getpass.getpass("Пароль локального кэша: ")
    if not key:
        raise NeedPassphrase(
            "Хранилище паролей ОС недоступно: задайте пароль локального кэша "
            f"(переменная {ENV_PASSPHRASE})"
        )
    return key
