"""A trainee's profile: a folder and a keyring entry of its own, apart from every real profile.

Training incidents are invented, but a trainee's cache must still never be the one a real account
opens (nor the other way round): the folder lives under `<root>/training/`, the keyring entry of
its cache key is named differently, and it never becomes the «last profile» opened offline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cur_desktop.models.domain import Role
from cur_desktop.models.private_files import private_folder, write_private_text

from .credentials import account_key
from .profile import Profile

TRAINING_FOLDER = "training"


@dataclass(frozen=True)
class TrainingProfile(Profile):
    @property
    def id(self) -> str:
        key = "training:" + account_key(self.server_url, self.username)
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    @property
    def folder(self) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.username)
        return self.root / TRAINING_FOLDER / "profiles" / f"{safe}-{self.id[:8]}"

    def remember(self) -> None:
        """Only profile.json: the real root's «last profile» stays the real one."""
        private_folder(self.folder, root=self.root)
        info = {"server_url": self.server_url, "username": self.username, "training": True}
        write_private_text(self.folder / "profile.json", json.dumps(info, ensure_ascii=False))


def profile_for(root: Path, server_url: str, username: str, role: str | None) -> Profile:
    """The profile an account signs into: a trainee's is always a TrainingProfile."""
    if role == Role.TRAINEE:
        return TrainingProfile(root, server_url, username)
    return Profile(root, server_url, username)
