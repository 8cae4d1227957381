"""Screenshots taken by UI tests: always into the test's folder (so a run never dirties the
work tree), and into docs/ when CUR_UPDATE_SCREENSHOTS=1 asks for current ones."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def save_screenshot(widget, folder: Path, name: str) -> Path:
    path = folder / name
    assert widget.grab().save(str(path)), f"could not save {path}"
    if os.environ.get("CUR_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copy(path, DOCS / name)
    return path
