"""Where the workstation keeps its secrets: the refresh token and the local cache encryption key.

Secrets go to the OS keyring (via ``keyring``), keyed by server and user, and never to files or
logs. When the machine has no usable keyring (no Secret Service, keyring's ``fail``/``null``
backends, a chainer with nothing usable behind it) the store says so through
:class:`KeyringStatus` and keeps refresh tokens in memory for this process only, so the operator
signs in again after a restart. Plain-text keyrings (anything from ``keyrings.alt``) are refused
outright (status ``INSECURE``): a token on disk in clear is worse than signing in again.

Without a usable keyring :meth:`CredentialStore.cache_key` returns ``None``: a random key that is
not persisted would make the local cache unreadable next time, so the caller must instead derive
the key from a passphrase (asked from the user, or ``CUR_CACHE_PASSPHRASE``).

Threading: the API is synchronous and keyring calls can block for a long time (a locked Secret
Service shows an unlock prompt), so the UI must call it from a worker thread, never from the UI
thread. A store is safe to share between threads.

Errors from the backend at call time (locked, D-Bus gone) never propagate: the store logs a
warning without the secret, drops to ``UNAVAILABLE`` for the rest of the session (so it does not
prompt again and again) and keeps the value in memory.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar
from urllib.parse import urlsplit

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "cur-workstation"
CACHE_KEY_PREFIX = "cache-key:"
#: 256 bits, as hex.
CACHE_KEY_BYTES = 32

#: What a backend may raise at call time. Besides KeyringError, some backends let OS-level and
#: D-Bus errors (OSError, RuntimeError subclasses) escape; none of them may crash the workstation.
_BACKEND_ERRORS = (KeyringError, OSError, RuntimeError)
_DEFAULT_PORTS = {"http": 80, "https": 443}

T = TypeVar("T")


class KeyringStatus(StrEnum):
    """Whether secrets survive a restart; the UI shows the label so the operator knows why."""

    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"
    #: A plain-text backend was found and refused.
    INSECURE = "insecure"


KEYRING_STATUS_LABELS: dict[KeyringStatus, str] = {
    KeyringStatus.AVAILABLE: "Вход запоминается в хранилище паролей ОС",
    KeyringStatus.UNAVAILABLE: (
        "Хранилище паролей ОС недоступно: вход будет запомнен только до закрытия программы"
    ),
    KeyringStatus.INSECURE: (
        "Хранилище паролей ОС хранит пароли открытым текстом и не используется: "
        "вход будет запомнен только до закрытия программы"
    ),
}


def _is_plaintext(backend: KeyringBackend) -> bool:
    """A backend that would write secrets in clear (keyrings.alt and anything built on it)."""
    for cls in type(backend).__mro__:
        module = getattr(cls, "__module__", "") or ""
        if module == "keyrings.alt" or module.startswith("keyrings.alt."):
            return True
        if "plaintext" in cls.__name__.lower():
            return True
    return False


def _is_dummy(backend: KeyringBackend) -> bool:
    """keyring's placeholders: ``fail`` raises on every call, ``null`` silently stores nothing."""
    return isinstance(backend, fail.Keyring | null.Keyring)


def _classify(backend: KeyringBackend) -> tuple[KeyringStatus, list[KeyringBackend]]:
    """The status of ``backend`` and the backends safe to use, looking inside chainers."""
    if isinstance(backend, chainer.ChainerBackend):
        usable: list[KeyringBackend] = []
        insecure = False
        for child in backend.backends:
            status, child_usable = _classify(child)
            usable.extend(child_usable)
            insecure = insecure or status is KeyringStatus.INSECURE
        if usable:
            # Plain-text children are left out; only the secure ones are ever used.
            return KeyringStatus.AVAILABLE, usable
        return (KeyringStatus.INSECURE if insecure else KeyringStatus.UNAVAILABLE), []
    if _is_plaintext(backend):
        return KeyringStatus.INSECURE, []
    if _is_dummy(backend):
        return KeyringStatus.UNAVAILABLE, []
    return KeyringStatus.AVAILABLE, [backend]


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    """Whether ``backend`` (default: ``keyring.get_keyring()``) may hold the workstation's secrets.

    Only inspects the backend; a usable backend can still fail at call time (locked, D-Bus gone),
    which :class:`CredentialStore` handles.
    """
    return _classify(keyring.get_keyring() if backend is None else backend)[0]


def account_key(server_url: str, username: str) -> str:
    """The keyring user name for one account on one server, stable across spellings of the URL.

    Scheme, host and port are lowercased with the default port made explicit, the path is kept
    (case and all) without a trailing slash, and query and fragment are dropped, so
    ``http://X``, ``HTTP://x:80/`` and ``http://x`` name the same account. The user name is kept
    as typed because the server compares it exactly.
    """
    parts = urlsplit(server_url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if not scheme or not host:
        raise ValueError(f"not an absolute server URL: {server_url!r}")
    port = parts.port or _DEFAULT_PORTS.get(scheme)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port else host
    path = parts.path.rstrip("/")
    return f"{scheme}://{netloc}{path}|{username}"


def _redact(text: str, secret: str | None) -> str:
    """Backend messages may echo what they were given; never let the secret reach a log."""
    return text.replace(secret, "***") if secret else text


class CredentialStore:
    """Refresh tokens and cache keys.

    In the OS keyring when usable, else in memory for this process.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = keyring.get_keyring() if backend is None else backend
        self.status, self._usable = _classify(self._backend)
        self._memory: dict[str, str] = {}
        self._lock = threading.RLock()
        if self.status is KeyringStatus.INSECURE:
            log.warning(
                "refusing plain-text keyring %s; secrets are kept in memory for this session",
                type(self._backend).__qualname__,
            )
        elif self.status is KeyringStatus.UNAVAILABLE:
            log.warning("no usable OS keyring; secrets are kept in memory for this session")

    @property
    def persistent(self) -> bool:
        """True when secrets outlive this process (they are in the OS keyring)."""
        return self.status is KeyringStatus.AVAILABLE

    # -- refresh tokens ---------------------------------------------------------------------

    def save_refresh_token(self, server_url: str, username: str, token: str) -> None:
        """Remember ``token`` for this account; in memory only if the keyring is unusable."""
        if not token:
            raise ValueError("refusing to store an empty refresh token")
        account = account_key(server_url, username)
        if self.persistent and self._call(self._set, account, token, secret=token) is not None:
            with self._lock:
                self._memory.pop(account, None)
            return
        with self._lock:
            self._memory[account] = token

    def load_refresh_token(self, server_url: str, username: str) -> str | None:
        """The remembered token for this account, or None."""
        return self._load(account_key(server_url, username))

    def forget_refresh_token(self, server_url: str, username: str) -> None:
        """Drop the token for this account (sign-out); no error if there is none."""
        self._forget(account_key(server_url, username))

    # -- cache keys -------------------------------------------------------------------------

    def cache_key(self, profile_id: str, *, create: bool = True) -> str | None:
        """The key (64 hex chars) encrypting the local cache of ``profile_id``.

        Created at random on first use and kept in the keyring. None when absent and
        ``create`` is false, and always None without a usable keyring: a key that does not
        survive a restart would lock the cache, so the caller must use a passphrase instead.
        """
        name = CACHE_KEY_PREFIX + profile_id
        if not self.persistent:
            return None
        found = self._call(self._get, name)
        if found is None:
            return None
        if found[0] is not None or not create:
            return found[0]
        key = secrets.token_hex(CACHE_KEY_BYTES)
        if self._call(self._set, name, key, secret=key) is None:
            return None
        return key

    def forget_cache_key(self, profile_id: str) -> None:
        """Drop the key of ``profile_id`` (its cache becomes unreadable); no error if absent."""
        self._forget(CACHE_KEY_PREFIX + profile_id)

    # -- internals --------------------------------------------------------------------------

    def _load(self, name: str) -> str | None:
        if self.persistent:
            found = self._call(self._get, name)
            if found is not None and found[0] is not None:
                return found[0]
        with self._lock:
            return self._memory.get(name)

    def _forget(self, name: str) -> None:
        with self._lock:
            self._memory.pop(name, None)
        if self.persistent and self._call(self._delete, name) is None:
            log.warning("could not remove %s from the OS keyring; it may still be stored", name)

    def _call(
        self, op: Callable[..., T], name: str, *args: str, secret: str | None = None
    ) -> tuple[T] | None:
        """Run a keyring operation; on failure degrade to memory and return None.

        The result is wrapped in a 1-tuple so that a successful ``None`` (nothing stored) is
        distinguishable from a failure.
        """
        try:
            return (op(name, *args),)
        except _BACKEND_ERRORS as exc:
            with self._lock:
                self.status = KeyringStatus.UNAVAILABLE
                self._usable = []
            log.warning(
                "OS keyring failed on %s for %s (%s: %s); secrets stay in memory for this session",
                op.__name__.lstrip("_"),
                name,
                type(exc).__name__,
                _redact(str(exc), secret),
            )
            return None

    def _backends(self) -> Iterable[KeyringBackend]:
        with self._lock:
            return list(self._usable)

    def _get(self, name: str) -> str | None:
        for backend in self._backends():
            value = backend.get_password(SERVICE, name)
            if value is not None:
                return value
        return None

    def _set(self, name: str, value: str) -> None:
        for backend in self._backends():
            try:
                backend.set_password(SERVICE, name, value)
                return
            except NotImplementedError:
                continue
        raise KeyringError("no usable keyring backend accepts passwords")

    def _delete(self, name: str) -> None:
        for backend in self._backends():
            try:
                backend.delete_password(SERVICE, name)
            except (PasswordDeleteError, NotImplementedError):
                continue  # not there (or read-only): nothing to forget
