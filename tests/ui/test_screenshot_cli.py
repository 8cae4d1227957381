"""`cur-desktop --demo --screenshot` in a fresh user folder: seeds the demo, signs in, syncs,
renders each view to a PNG and exits 0 — what `make screenshots` and the docs rely on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage


@pytest.mark.parametrize("view", ["queue", "editor"])
def test_screenshot_of_the_demo(tmp_path, view):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "CUR_DEMO_INCIDENTS": "150",
    }
    out = tmp_path / f"{view}.png"
    cmd = [sys.executable, "-m", "cur_desktop.cli", "--demo", "--screenshot", str(out)]
    done = subprocess.run(
        [*cmd, "--view", view], env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    # Not a blank frame: text, rows and SLA marks give many distinct colours.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    assert len(colours) > 50
