"""The one version of the workstation (`cur_desktop/models/version.py`), read without importing
the program, for the package and installer file names."""

from __future__ import annotations

import re
from pathlib import Path

VERSION_FILE = Path(__file__).resolve().parent.parent / "cur_desktop" / "models" / "version.py"


def project_version() -> str:
    text = VERSION_FILE.read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


if __name__ == "__main__":
    print(project_version())
