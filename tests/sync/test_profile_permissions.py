"""The profile holds the encrypted cache and the names of server and user: only its owner may
read it. Every folder under the data root is 0700, every file 0600, whatever the umask, and a
profile left world-readable by an older version is closed on the next sign-in."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_server.embedded import EmbeddedServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def open_umask():
    old = os.umask(0o022)  # the common default: new files world-readable
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def sign_in(server, root: Path, username: str = "operator1") -> Workspace:
    workspace = Workspace.sign_in(
        root, server.url, username, "demo", remember=True, credentials=CredentialStore()
    )
    workspace.core.sync_once()
    return workspace


def test_profile_folders_and_files_are_private(server_url, tmp_path, open_umask):
    root = tmp_path / "data"
    with EmbeddedServer(server_url) as server:
        for user in ("operator1", "operator3"):
            sign_in(server, root, user).close()
    found = modes(root)
    assert any(name.endswith("cache.db") for name in found)
    assert "last_profile.json" in found
    for name, mode in found.items():
        expected = "0o700" if (root / name).is_dir() else "0o600"
        assert mode == expected, name


def test_an_old_world_readable_profile_is_closed_on_sign_in(server_url, tmp_path, open_umask):
    root = tmp_path / "data"
    with EmbeddedServer(server_url) as server:
        workspace = sign_in(server, root)
        folder, cache = workspace.profile.folder, workspace.profile.cache_path
        workspace.close()
        for path in (root, root / "profiles", folder):
            path.chmod(0o755)
        for path in (cache, folder / "profile.json", root / "last_profile.json"):
            path.chmod(0o644)
        sign_in(server, root).close()
    assert {
        name: mode for name, mode in modes(root).items() if mode not in ("0o700", "0o600")
    } == {}


def test_a_profile_note_is_replaced_whole_or_not_at_all(tmp_path, open_umask, monkeypatch):
    from cur_desktop.models import private_files

    note = tmp_path / "connection.json"
    private_files.write_private_text(note, '{"old": true}')
    assert oct(stat.S_IMODE(note.stat().st_mode)) == "0o600"

    real_write_text = Path.write_text

    def disk_full(self, text, *args, **kwargs):
        real_write_text(self, text[:5], *args, **kwargs)  # half written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(OSError):
        private_files.write_private_text(note, '{"new": true}')
    monkeypatch.undo()
    assert note.read_text(encoding="utf-8") == '{"old": true}'  # the old note, not half a new one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["connection.json"]  # no leftovers
