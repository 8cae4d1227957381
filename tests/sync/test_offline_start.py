"""Start offline: the last profile opens from its encrypted cache with the key from the keyring,
work done without the server waits in the outbox, and reaches the server when it is back.
Signing out with "wipe" leaves nothing of the profile behind, on disk or in the keyring.
"""

from __future__ import annotations

import asyncio
import io
import json
import time

import pytest

from cur_desktop import cli
from cur_desktop.models.cache.incidents import count_incidents
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.client import ApiClient, AuthFailed
from cur_desktop.sync.credentials import CACHE_KEY_PREFIX, SERVICE, CredentialStore, account_key
from cur_desktop.sync.engine import SyncState
from cur_desktop.sync.outbox import Outbox
from cur_desktop.sync.profile import Profile
from cur_desktop.sync.workspace import NoOfflineProfile, Workspace
from cur_server.embedded import EmbeddedServer
from tests.conftest import SEED_INCIDENTS
from tests.server.api import Api
from tests.sync.seeded import seeded_copy

REPLY = "Яму на ул. Ленина заделают до 1 декабря."
NOTE = "Позвонили заявителю, ждёт ответа"


@pytest.fixture
def server_url(tmp_path) -> str:
    return seeded_copy(tmp_path / "server")


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def keyring_entries(memory_keyring, server_url: str, profile: Profile) -> dict[str, bool]:
    stored = memory_keyring.passwords
    return {
        "refresh_token": (SERVICE, account_key(server_url, "operator1")) in stored,
        "cache_key": (SERVICE, CACHE_KEY_PREFIX + profile.id) in stored,
    }


def test_start_offline_work_then_catch_up(
    server_url, tmp_path, memory_keyring, monkeypatch, capsys
):
    data = tmp_path / "data"
    first = EmbeddedServer(server_url).start()
    url, port = first.url, first.port
    try:
        code, out, err = run_cli(
            monkeypatch, capsys, "sync", "--server", url, "--username", "operator1",
            "--password-stdin", "--data-dir", str(data),
        )  # fmt: skip
        assert code == 0, err
        assert json.loads(out)["pulled"] == SEED_INCIDENTS
    finally:
        first.stop()  # the server is gone, and so is the process that synced

    # --- offline: a new process opens the last profile with the key from the keyring -------
    profile = Profile.last(data)
    assert profile is not None
    assert (profile.server_url, profile.username) == (url, "operator1")
    assert keyring_entries(memory_keyring, url, profile) == {
        "refresh_token": True,
        "cache_key": True,
    }
    store = profile.open_cache(CredentialStore())
    try:
        with store.read() as conn:
            assert count_incidents(conn) == SEED_INCIDENTS
            me = store.get_meta(conn, "user")
            cursor = store.get_meta(conn, "cursor")
        actions = LocalActions(store)
        outbox = Outbox(store)
        with store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id FROM incidents WHERE status = 'new' AND assignee_id IS NULL ORDER BY id"
            ).all()
        claimed, noted = rows[0][0], rows[1][0]
        actions.claim(claimed)
        actions.add_reply(claimed, "final", REPLY)
        actions.add_note(noted, NOTE)
        assert outbox.pending_count() == 3
        with store.read() as conn:
            view = conn.exec_driver_sql(
                "SELECT status, assignee_id, pending FROM incidents WHERE id = ?", (claimed,)
            ).one()
        assert tuple(view) == ("answered", me["id"], 2)  # two of its mutations wait
    finally:
        store.close()

    code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", str(data))
    assert code == 0, err
    info = json.loads(out)
    assert (info["server_url"], info["username"]) == (url, "operator1")
    assert (info["incidents_cached"], info["outbox_pending"], info["cursor"]) == (
        SEED_INCIDENTS,
        3,
        cursor,
    )

    # A headless sync while the server is still away: one clear line, nothing lost.
    remembered = ["sync", "--server", url, "--username", "operator1", "--data-dir", str(data)]
    code, out, err = run_cli(monkeypatch, capsys, *remembered)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "недоступен" in err
    code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", str(data))
    assert json.loads(out)["outbox_pending"] == 3

    # --- the server is back (same address): the engine catches up by itself -----------------
    again = EmbeddedServer(server_url, port=port).start()
    try:
        assert again.url == url
        workspace = Workspace.open_last(data, CredentialStore(), passphrase=None)
        workspace.engine.interval = 60
        states: list[SyncState] = []
        workspace.engine.on_state = lambda state, message: states.append(state)

        async def catch_up() -> None:
            task = asyncio.create_task(workspace.engine.run())
            started = time.monotonic()
            while workspace.engine.last_summary is None and workspace.engine.last_error is None:
                assert time.monotonic() - started < 20, "no sync"
                await asyncio.sleep(0.02)
            workspace.engine.stop()
            await asyncio.wait_for(task, 5)

        asyncio.run(catch_up())
        summary = workspace.engine.last_summary
        assert workspace.engine.last_error is None, workspace.engine.last_error
        assert states == [SyncState.SYNCING, SyncState.ONLINE]
        assert (summary.pushed, summary.applied, summary.conflicts, summary.rejected) == (
            3,
            3,
            0,
            0,
        )
        assert Outbox(workspace.store).pending_count() == 0
        workspace.close()

        lead = Api(url, "supervisor1")
        inc = lead.get(f"/api/v1/incidents/{claimed}").json()
        assert (inc["assignee_id"], inc["status"]) == (me["id"], "answered")
        assert [r["text"] for r in inc["replies"]] == [REPLY]
        other = lead.get(f"/api/v1/incidents/{noted}").json()
        assert [e["data"]["text"] for e in other["events"] if e["kind"] == "note"] == [NOTE]
    finally:
        again.stop()

    code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", str(data))
    assert code == 0 and json.loads(out)["outbox_pending"] == 0


@pytest.fixture
def server(server_url):
    with EmbeddedServer(server_url) as running:
        yield running


def signed_in(server, root) -> Workspace:
    workspace = Workspace.sign_in(
        root, server.url, "operator1", "demo", remember=True, credentials=CredentialStore()
    )
    assert workspace.core.sync_once().pulled == SEED_INCIDENTS
    return workspace


def test_sign_out_with_wipe_leaves_nothing_behind(
    server, tmp_path, memory_keyring, monkeypatch, capsys
):
    root = tmp_path / "data"
    workspace = signed_in(server, root)
    profile, refresh_token = workspace.profile, workspace.client.refresh_token
    assert profile.cache_path.is_file() and Profile.last(root) == profile
    assert keyring_entries(memory_keyring, server.url, profile) == {
        "refresh_token": True,
        "cache_key": True,
    }

    workspace.sign_out(wipe=True)

    assert not profile.folder.exists()
    assert keyring_entries(memory_keyring, server.url, profile) == {
        "refresh_token": False,
        "cache_key": False,
    }
    assert memory_keyring.passwords == {}
    assert Profile.last(root) is None
    code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", str(root))
    assert code == 1 and "нет ни одного профиля" in err
    stale = ApiClient(server.url)
    stale.refresh_token = refresh_token
    with pytest.raises(AuthFailed):  # the sign-in was ended on the server too
        stale.refresh()


def test_sign_out_without_wipe_keeps_the_cache_for_next_time(server, tmp_path, memory_keyring):
    root = tmp_path / "data"
    workspace = signed_in(server, root)
    profile = workspace.profile
    workspace.sign_out(wipe=False)

    assert profile.cache_path.is_file() and Profile.last(root) == profile
    assert keyring_entries(memory_keyring, server.url, profile) == {
        "refresh_token": False,  # signing in again needs the password
        "cache_key": True,  # but the cached work opens without a new download
    }
    # …after the password, online: «Работать офлайн» is not for the next person at this PC.
    assert profile.signed_out
    with pytest.raises(NoOfflineProfile):
        Workspace.open_last(root, CredentialStore())
    store = profile.open_cache(CredentialStore())
    try:
        with store.read() as conn:
            assert count_incidents(conn) == SEED_INCIDENTS
    finally:
        store.close()
