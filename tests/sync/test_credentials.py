"""Credential store tests: secrets go to a usable OS keyring or stay in memory, never in clear."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, PasswordSetError

from cur_desktop.sync.credentials import (
    KEYRING_STATUS_LABELS,
    SERVICE,
    CredentialStore,
    KeyringStatus,
    account_key,
    keyring_status,
)
from tests.support.memory_keyring import MemoryKeyring, unregistered

SERVER = "https://cur.example.ru/api"
USER = "operator1"
TOKEN = "rt-7f3c9a1e5b2d4c6a8e0f1a2b3c4d5e6f"
HEX64 = re.compile(r"[0-9a-f]{64}")


# -- fakes ---------------------------------------------------------------------------------


@unregistered
class FakeAltFileKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring without installing keyrings.alt.

    Named without "plaintext" so that only its module gives it away.
    """

    __module__ = "keyrings.alt.file"
    priority = 0.5

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        self.passwords[(service, username)] = password


@unregistered
class FailOnlyChainer(chainer.ChainerBackend):
    """A chainer whose only child is keyring's failing backend (what a bare Linux box has)."""

    backends = [fail.Keyring()]


@unregistered
class PlaintextOnlyChainer(chainer.ChainerBackend):
    backends = [FakeAltFileKeyring()]


@unregistered
class SecureAndPlaintextChainer(chainer.ChainerBackend):
    backends = [MemoryKeyring(), FakeAltFileKeyring()]


@unregistered
class BrokenOnSetKeyring(MemoryKeyring):
    """Readable but refuses writes, echoing the secret in its message as careless backends do."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError(f"cannot store {password!r}: collection is locked")


@unregistered
class LockedKeyring(MemoryKeyring):
    """Every call fails as a locked Secret Service does once the unlock prompt is dismissed."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("collection is locked")


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def install_keyring() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    """Install a backend as keyring's default for one test, then put the previous one back."""
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory(install_keyring: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    backend = MemoryKeyring()
    install_keyring(backend)
    return backend


def assert_no_secret_logged(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    for record in caplog.records:
        text = record.getMessage()
        for secret in secrets:
            assert secret not in text, f"secret leaked into log: {text}"


# -- account keys --------------------------------------------------------------------------


def test_account_key_normalises_the_server_url() -> None:
    expected = "https://cur.example.ru:443/api|operator1"
    for url in (
        "https://cur.example.ru/api",
        "https://cur.example.ru/api/",
        "HTTPS://CUR.Example.RU:443/api",
        " https://cur.example.ru:443/api/?x=1#frag ",
    ):
        assert account_key(url, USER) == expected
    assert account_key("http://X", "u") == account_key("http://x/", "u") == "http://x:80|u"
    assert account_key("http://10.0.0.5:8765", "u") == "http://10.0.0.5:8765|u"
    assert account_key("http://[::1]:8765/", "u") == "http://[::1]:8765|u"


def test_account_key_differs_per_server_path_port_scheme_and_user() -> None:
    keys = {
        account_key("https://cur.example.ru/api", "operator1"),
        account_key("https://cur.example.ru/API", "operator1"),  # path case is kept
        account_key("https://cur.example.ru:8443/api", "operator1"),
        account_key("http://cur.example.ru/api", "operator1"),
        account_key("https://cur2.example.ru/api", "operator1"),
        account_key("https://cur.example.ru/api", "operator2"),
        account_key("https://cur.example.ru/api", "Operator1"),  # the server compares exactly
    }
    assert len(keys) == 7


def test_account_key_rejects_relative_urls() -> None:
    with pytest.raises(ValueError):
        account_key("cur.example.ru/api", USER)


# -- status --------------------------------------------------------------------------------


def test_status_of_backends() -> None:
    assert keyring_status(MemoryKeyring()) is KeyringStatus.AVAILABLE
    assert keyring_status(fail.Keyring()) is KeyringStatus.UNAVAILABLE
    assert keyring_status(null.Keyring()) is KeyringStatus.UNAVAILABLE
    assert keyring_status(FakeAltFileKeyring()) is KeyringStatus.INSECURE
    assert keyring_status(FailOnlyChainer()) is KeyringStatus.UNAVAILABLE
    assert keyring_status(PlaintextOnlyChainer()) is KeyringStatus.INSECURE
    assert keyring_status(SecureAndPlaintextChainer()) is KeyringStatus.AVAILABLE


def test_status_defaults_to_the_installed_keyring(install_keyring) -> None:
    install_keyring(fail.Keyring())
    assert keyring_status() is KeyringStatus.UNAVAILABLE
    install_keyring(MemoryKeyring())
    assert keyring_status() is KeyringStatus.AVAILABLE


def test_every_status_has_a_russian_label() -> None:
    assert set(KEYRING_STATUS_LABELS) == set(KeyringStatus)
    for label in KEYRING_STATUS_LABELS.values():
        assert re.search("[а-яА-Я]", label)
    assert "до закрытия программы" in KEYRING_STATUS_LABELS[KeyringStatus.UNAVAILABLE]


# -- with a usable keyring -----------------------------------------------------------------


def test_memory_keyring_round_trip(memory: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.status is KeyringStatus.AVAILABLE
    assert store.persistent
    assert store.load_refresh_token(SERVER, USER) is None
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.load_refresh_token(SERVER + "/", USER) == TOKEN
    assert memory.passwords == {(SERVICE, "https://cur.example.ru:443/api|operator1"): TOKEN}
    store.forget_refresh_token(SERVER, USER)
    assert store.load_refresh_token(SERVER, USER) is None
    assert memory.passwords == {}
    store.forget_refresh_token(SERVER, USER)  # absent: no error


def test_token_survives_a_restart(memory: MemoryKeyring) -> None:
    CredentialStore().save_refresh_token(SERVER, USER, TOKEN)
    assert CredentialStore().load_refresh_token(SERVER, USER) == TOKEN
    assert CredentialStore(memory).load_refresh_token("HTTPS://cur.example.ru:443/api/", USER) == (
        TOKEN
    )


def test_tokens_are_kept_per_server_and_user(memory: MemoryKeyring) -> None:
    store = CredentialStore()
    store.save_refresh_token(SERVER, "operator1", "t1")
    store.save_refresh_token(SERVER, "operator2", "t2")
    store.save_refresh_token("https://other.example.ru/api", "operator1", "t3")
    assert store.load_refresh_token(SERVER, "operator1") == "t1"
    assert store.load_refresh_token(SERVER, "operator2") == "t2"
    assert store.load_refresh_token("https://other.example.ru/api", "operator1") == "t3"
    assert len(memory.passwords) == 3
    store.forget_refresh_token(SERVER, "operator2")
    assert store.load_refresh_token(SERVER, "operator1") == "t1"


def test_store_uses_the_backend_current_at_construction(install_keyring) -> None:
    first = install_keyring(MemoryKeyring())
    store = CredentialStore()
    install_keyring(MemoryKeyring())
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert first.passwords  # type: ignore[attr-defined]


def test_chainer_writes_only_to_its_secure_child() -> None:
    backend = SecureAndPlaintextChainer()
    secure, plaintext = backend.backends
    plaintext.passwords[(SERVICE, account_key(SERVER, USER))] = "planted-in-clear"
    store = CredentialStore(backend)
    assert store.persistent
    assert store.load_refresh_token(SERVER, USER) is None  # the clear-text copy is never read
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert secure.passwords == {(SERVICE, account_key(SERVER, USER)): TOKEN}
    assert TOKEN not in plaintext.passwords.values()
    assert plaintext.calls == 0


def test_secret_values_never_logged(memory: MemoryKeyring, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore()
    store.save_refresh_token(SERVER, USER, TOKEN)
    store.load_refresh_token(SERVER, USER)
    key = store.cache_key("profile-1")
    store.forget_refresh_token(SERVER, USER)
    assert key is not None
    assert_no_secret_logged(caplog, TOKEN, key)


def test_empty_token_is_refused(memory: MemoryKeyring) -> None:
    with pytest.raises(ValueError):
        CredentialStore().save_refresh_token(SERVER, USER, "")


# -- cache keys ----------------------------------------------------------------------------


def test_cache_key_is_random_256_bit_hex_and_stable(memory: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.cache_key("profile-1", create=False) is None
    key = store.cache_key("profile-1")
    assert key is not None and HEX64.fullmatch(key)
    assert store.cache_key("profile-1") == key
    assert store.cache_key("profile-1", create=False) == key
    assert CredentialStore().cache_key("profile-1") == key  # after a restart
    assert memory.passwords[(SERVICE, "cache-key:profile-1")] == key
    other = store.cache_key("profile-2")
    assert other is not None and HEX64.fullmatch(other) and other != key


def test_forget_cache_key(memory: MemoryKeyring) -> None:
    store = CredentialStore()
    key = store.cache_key("profile-1")
    store.forget_cache_key("profile-1")
    assert store.cache_key("profile-1", create=False) is None
    assert store.cache_key("profile-1") != key
    store.forget_cache_key("never-created")  # absent: no error


# -- without a usable keyring --------------------------------------------------------------


def test_fail_backend_keeps_secrets_in_memory_only(install_keyring, caplog) -> None:
    install_keyring(fail.Keyring())
    store = CredentialStore()
    assert store.status is KeyringStatus.UNAVAILABLE
    assert not store.persistent
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.load_refresh_token(SERVER, USER) == TOKEN
    assert CredentialStore().load_refresh_token(SERVER, USER) is None  # gone after "restart"
    store.forget_refresh_token(SERVER, USER)
    assert store.load_refresh_token(SERVER, USER) is None
    assert store.cache_key("profile-1") is None
    assert store.cache_key("profile-1", create=False) is None
    store.forget_cache_key("profile-1")
    assert_no_secret_logged(caplog, TOKEN)


def test_fail_only_chainer_is_unavailable() -> None:
    store = CredentialStore(FailOnlyChainer())
    assert store.status is KeyringStatus.UNAVAILABLE
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.load_refresh_token(SERVER, USER) == TOKEN
    assert store.cache_key("profile-1") is None


def test_real_chainer_with_nothing_to_chain_is_unavailable(monkeypatch) -> None:
    monkeypatch.setattr(chainer.backend, "get_all_keyring", lambda: [fail.Keyring()])
    assert keyring_status(chainer.ChainerBackend()) is KeyringStatus.UNAVAILABLE


def test_plaintext_backend_is_refused(install_keyring, caplog) -> None:
    plaintext = install_keyring(FakeAltFileKeyring())
    store = CredentialStore()
    assert store.status is KeyringStatus.INSECURE
    assert not store.persistent
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.load_refresh_token(SERVER, USER) == TOKEN
    assert store.cache_key("profile-1") is None
    store.forget_refresh_token(SERVER, USER)
    assert plaintext.passwords == {}  # type: ignore[attr-defined]
    assert plaintext.calls == 0  # type: ignore[attr-defined]
    assert any("plain-text" in r.getMessage() for r in caplog.records)


# -- failures at call time -----------------------------------------------------------------


def test_set_failure_degrades_to_memory_without_logging_the_secret(caplog) -> None:
    caplog.set_level(logging.WARNING)
    backend = BrokenOnSetKeyring()
    store = CredentialStore(backend)
    assert store.status is KeyringStatus.AVAILABLE
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.status is KeyringStatus.UNAVAILABLE
    assert not store.persistent
    assert store.load_refresh_token(SERVER, USER) == TOKEN
    assert backend.passwords == {}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and any("PasswordSetError" in r.getMessage() for r in warnings)
    assert_no_secret_logged(caplog, TOKEN)
    for record in caplog.records:  # nor in the arguments kept on the record
        assert all(TOKEN not in str(arg) for arg in record.args or ())


def test_set_failure_while_creating_a_cache_key_gives_none(caplog) -> None:
    store = CredentialStore(BrokenOnSetKeyring())
    assert store.cache_key("profile-1") is None
    assert store.status is KeyringStatus.UNAVAILABLE
    assert all(not HEX64.search(r.getMessage()) for r in caplog.records)


def test_locked_keyring_never_raises() -> None:
    store = CredentialStore(LockedKeyring())
    assert store.status is KeyringStatus.AVAILABLE  # it only shows when used
    assert store.load_refresh_token(SERVER, USER) is None
    assert store.status is KeyringStatus.UNAVAILABLE
    store.save_refresh_token(SERVER, USER, TOKEN)
    assert store.load_refresh_token(SERVER, USER) == TOKEN
    store.forget_refresh_token(SERVER, USER)
    assert store.load_refresh_token(SERVER, USER) is None
    assert CredentialStore(LockedKeyring()).cache_key("profile-1") is None
    store = CredentialStore(LockedKeyring())
    store.forget_refresh_token(SERVER, USER)
    store.forget_cache_key("profile-1")
    assert store.status is KeyringStatus.UNAVAILABLE


def test_test_backends_are_not_auto_detected() -> None:
    registered = KeyringBackend._classes  # type: ignore[attr-defined]
    assert MemoryKeyring not in registered
    assert FakeAltFileKeyring not in registered
