"""An in-memory keyring backend, so tests never touch (or prompt from) the machine's real keyring.

Install it with ``keyring.set_keyring(MemoryKeyring())`` and restore the previous backend
afterwards. It is taken out of keyring's registry of backend classes so that keyring's own
auto-detection (and ``ChainerBackend``) never picks it up by accident.
"""

from __future__ import annotations

from typing import TypeVar

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

C = TypeVar("C", bound=type[KeyringBackend])


def unregistered(cls: C) -> C:
    """Remove a test backend class from keyring's auto-detection registry; usable as decorator."""
    KeyringBackend._classes.discard(cls)  # type: ignore[attr-defined]
    return cls


@unregistered
class MemoryKeyring(KeyringBackend):
    """Passwords in a dict keyed by (service, username); inspect ``passwords`` in tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no password for {username!r} in {service!r}") from None
