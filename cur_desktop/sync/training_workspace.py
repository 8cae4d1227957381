"""Signing a trainee in with a one-time code, into a TrainingProfile of their own."""

from __future__ import annotations

from pathlib import Path

from .client import ApiClient
from .credentials import CredentialStore
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
) -> Workspace:
    """Sign in with a one-time training code. Blocking: call off the UI thread."""
    client = ApiClient(server_url, ca_bundle=ca_bundle)
    redeem_code(client, code.strip(), full_name.strip())
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
