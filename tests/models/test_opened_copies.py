"""Copies of citizens' files opened outside (issue 13): a workstation's folder is removed when
it ends; one that crashed or was killed leaves it, and the next start sweeps it, never the
folder of a workstation still running. The workstations here are real processes that open a
copy the way the dialog does and are then killed, end normally, or keep running."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cur_desktop.models import opened_copies
from cur_desktop.models.opened_copies import (
    LOCK,
    discard_opened,
    opened_folder,
    process_alive,
    sweep_leftovers,
    write_private_copy,
)

ROOT = Path(__file__).resolve().parents[2]
WORKSTATION = """
import sys
from cur_desktop.models.opened_copies import opened_folder, write_private_copy
copy = write_private_copy(opened_folder(), 7, "Акт осмотра.pdf", b"%PDF-1.4 secret")
print(copy, flush=True)
sys.stdin.readline()  # runs until told to end
"""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and flock")


class Workstation:
    """A process that opened one copy, as a workstation does, and runs until ended."""

    def __init__(self, temp: Path):
        env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKSTATION],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.copy = Path(self.process.stdout.readline().strip())
        self.folder = self.copy.parent.parent
        assert self.copy.read_bytes() == b"%PDF-1.4 secret"

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)  # reaped: a zombie would still count as running

    def end(self) -> None:
        self.process.communicate("\n", timeout=10)
        assert self.process.returncode == 0


def test_a_killed_workstations_copies_are_swept_at_the_next_start_a_running_ones_stay(
    tmp_path,
):
    killed, running = Workstation(tmp_path), Workstation(tmp_path)
    assert killed.folder.name.startswith(f"cur-attachments-{killed.process.pid}-")
    assert stat.S_IMODE(killed.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(killed.copy.stat().st_mode) == 0o600
    try:
        killed.kill()
        assert not process_alive(killed.process.pid)
        assert killed.copy.exists()  # a kill leaves the copy behind

        assert sweep_leftovers(tmp_path) == [killed.folder]
        assert not killed.folder.exists()
        assert running.copy.read_bytes() == b"%PDF-1.4 secret"
        assert sweep_leftovers(tmp_path) == []  # a second workstation's start changes nothing
    finally:
        running.end()
    # Ended normally, a workstation removes its own.
    assert not running.folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_reused_pid_a_folder_being_made_links_and_strangers(tmp_path):
    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=-1)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(10)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not ours")
    temp = tmp_path / "temp"
    temp.mkdir()

    def leftover(name: str, lock: bool) -> Path:
        folder = temp / name
        (folder / "3").mkdir(parents=True)
        (folder / "3" / "Акт.pdf").write_bytes(b"%PDF")
        if lock:
            (folder / LOCK).touch()  # nobody holds it
        return folder

    try:
        # The pid is alive, but nobody holds the lock: that run died and its pid was reused.
        reused = leftover(f"cur-attachments-{alive.pid}-reused", lock=True)
        # Alive and no lock yet: a workstation between making its folder and locking it.
        starting = leftover(f"cur-attachments-{alive.pid}-starting", lock=False)
        gone = leftover(f"cur-attachments-{dead.pid}-gone", lock=False)
        (temp / f"cur-attachments-{dead.pid}-link").symlink_to(outside)
        stranger = leftover("cur-attachments-notapid", lock=False)
        assert sorted(sweep_leftovers(temp)) == sorted([reused, gone])
        assert starting.is_dir() and stranger.is_dir()
        assert (temp / f"cur-attachments-{dead.pid}-link").is_symlink()
        assert (outside / "keep.txt").read_text() == "not ours"
    finally:
        alive.communicate(b"", timeout=10)


def test_this_runs_folder_is_locked_kept_by_its_sweep_and_discarded(tmp_path, monkeypatch):
    monkeypatch.setattr(opened_copies.tempfile, "tempdir", str(tmp_path))
    discard_opened()
    try:
        folder = opened_folder()
        assert folder.parent == tmp_path
        assert folder.name.startswith(f"cur-attachments-{os.getpid()}-")
        assert (folder / LOCK).is_file() and opened_folder() == folder
        copy = write_private_copy(folder, 5, "a.pdf", b"%PDF")
        assert sweep_leftovers(tmp_path) == []
        assert copy.exists()

        discard_opened()  # the session ended
        assert not folder.exists()
        with pytest.raises(FileNotFoundError):  # never made again without its lock
            write_private_copy(folder, 5, "a.pdf", b"%PDF")
        again = opened_folder()
        assert again != folder and (again / LOCK).is_file()
    finally:
        discard_opened()
