"""Keep the translation catalogues in step with the code: `python -m cur_desktop.ui.catalogue`.

Russian is the source language, so the Russian catalogue is the source text itself, and every
string must be in it; English is the second language, translated by hand in Qt Linguist (or any
editor) in `cur_desktop_en.ts`. This updates both from the code (pyside6-lupdate), fills Russian
entries, and compiles `.qm` files (pyside6-lrelease). `check()` is what the tests run: the
catalogues match the code and neither has an unfinished entry.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from .i18n import TRANSLATIONS

UI = Path(__file__).resolve().parent
LANGUAGES = ("ru", "en")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"cur_desktop_{language}.ts"


def lupdate(targets: list[Path]) -> None:
    sources = sorted(str(p) for p in UI.glob("*.py"))
    cmd = [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", *map(str, targets)]
    subprocess.run(cmd, check=True, capture_output=True)


def fill_russian(path: Path) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            translation.text = message.findtext("source")
            del translation.attrib["type"]
    tree.write(path, encoding="utf-8", xml_declaration=True)


def unfinished(path: Path) -> list[str]:
    tree = ET.parse(path)
    return [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished"
        or not (m.findtext("translation") or "").strip()
    ]


def sources(path: Path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(path).iter("message")}


def update() -> None:
    lupdate([ts_path(lang) for lang in LANGUAGES])
    fill_russian(ts_path("ru"))
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                str(ts_path(lang)),
                "-qm",
                str(ts_path(lang).with_suffix(".qm")),
            ],
            check=True,
            capture_output=True,
        )


def check() -> dict[str, list[str]]:
    """Problems by kind: strings in code but not in a catalogue, and unfinished entries."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate([fresh])
        in_code = sources(fresh)
    problems: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        path = ts_path(lang)
        missing = sorted(in_code - sources(path))
        if missing:
            problems[f"{lang}: not in catalogue"] = missing
        todo = unfinished(path)
        if todo:
            problems[f"{lang}: unfinished"] = todo
        if not path.with_suffix(".qm").exists():
            problems[f"{lang}: not compiled"] = [str(path.with_suffix(".qm"))]
    return problems


if __name__ == "__main__":
    update()
    left = check()
    for kind, items in left.items():
        print(f"{kind}: {len(items)}", file=sys.stderr)
    sys.exit(1 if left else 0)
