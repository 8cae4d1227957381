"""Signing a trainee in with a one-time code, into a TrainingProfile of their own.

The account's name comes from the server, so the cache can only be opened after the code is
redeemed. What can fail locally is settled first (the passphrase, when the keyring cannot keep
the cache key), and the redeem is repeatable with the same `device_secret`: a retry after a local
failure gets the same account back instead of «code used» and a ghost trainee."""

from __future__ import annotations

import secrets
from pathlib import Path

from .client import ApiClient
from .credentials import CredentialStore
from .profile import cache_passphrase
from .training import redeem_code
from .training_profile import TrainingProfile
from .workspace import Workspace


def redeem_workspace(
    root: Path,
    server_url: str,
    code: str,
    full_name: str,
    *,
    credentials: CredentialStore,
    remember: bool = False,
    ca_bundle: str | None = None,
    passphrase: str | None = None,
    device_secret: str | None = None,
) -> Workspace:
    """Sign in with a one-time training code. Blocking: call off the UI thread.

    Pass the same `device_secret` (e.g. `new_device_secret()`, kept by the dialog) on a retry."""
    if not credentials.persistent:
        passphrase = cache_passphrase(passphrase)  # NeedPassphrase before the code is spent
    client = ApiClient(server_url, ca_bundle=ca_bundle)
    redeem_code(client, code.strip(), full_name.strip(), device_secret)
    username = client.user.username
    profile = TrainingProfile(root, server_url, username)
    if remember:  # the account has no password: the refresh token is the only way back in
        credentials.save_refresh_token(server_url, username, client.refresh_token)
    profile.remember()
    store = profile.open_cache(credentials, passphrase)
    with store.write() as conn:
        store.set_meta(conn, "user", client.user.model_dump(mode="json"))
        store.set_meta(conn, "server_url", server_url)
        store.set_meta(conn, "training", True)
    return Workspace(profile, store, client, credentials)


def new_device_secret() -> str:
    """A secret for one sign-in attempt with a code, repeated on its retries."""
    return secrets.token_urlsafe(32)
