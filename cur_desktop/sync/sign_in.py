"""Signing in without a window (the `sync` and `brief` commands): with the password when one is
given, else with the sign-in remembered in the keyring, else by asking for the password. A
remembered sign-in the server refuses is forgotten, so it is not tried again next time."""

from __future__ import annotations

import getpass
from collections.abc import Callable

from .client import ApiClient, AuthFailed
from .credentials import CredentialStore
from .profile import Profile


def sign_in(
    client: ApiClient,
    profile: Profile,
    credentials: CredentialStore,
    password: str | None,
    ask_password: Callable[[str], str] | None = None,
) -> None:
    """`ask_password(username)` (default: on the terminal, without echo) is called only when
    neither the password nor a remembered sign-in works; the new refresh token is kept in the
    keyring."""
    if password is None:
        client.refresh_token = credentials.load_refresh_token(profile.server_url, profile.username)
        if client.refresh_token:
            try:
                client.refresh()
                return
            except AuthFailed:
                credentials.forget_refresh_token(profile.server_url, profile.username)
        password = (ask_password or _terminal_password)(profile.username)
    client.login(profile.username, password)
    credentials.save_refresh_token(profile.server_url, profile.username, client.refresh_token)


def _terminal_password(username: str) -> str:
    return getpass.getpass(f"Пароль {username}: ")
