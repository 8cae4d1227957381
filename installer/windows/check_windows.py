"""The Windows recipe, checked on Linux: the bundle itself can only be frozen on Windows.

    python installer/windows/check_windows.py --icon build/icons/cur-desktop.ico --out build/windows

1. Evaluates the shared spec as PyInstaller would on Windows (`sys.platform == "win32"`), with
   stand-ins for PyInstaller's build steps that record what they are given, and fails if any
   file or folder the spec names (entry script, data files, icon) does not exist.
2. Compiles the NSIS installer script with `makensis` against a stand-in payload (the bundle's
   layout, empty files) and fails if it does not build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPEC = ROOT / "installer" / "cur-desktop.spec"
NSI = HERE / "cur-desktop.nsi"
sys.path.insert(0, str(HERE.parent))

from project_version import project_version  # noqa: E402


class Recorder:
    """Stands in for Analysis, PYZ, EXE and COLLECT: keeps the arguments, builds nothing."""

    calls: list[tuple[str, tuple, dict]] = []

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, *args, **kwargs):
        Recorder.calls.append((self.kind, args, kwargs))
        result = mock.MagicMock(name=self.kind)
        result.binaries, result.datas, result.scripts, result.pure = [], [], [], []
        return result


def spec_inputs(icon: Path) -> list[Path]:
    """Every path the spec hands to PyInstaller when evaluated for Windows."""
    Recorder.calls = []
    names = {k: Recorder(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT")}
    spec_globals = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC), **names}
    # PyInstaller's helpers are imported first, for this machine; then the spec sees Windows.
    import PyInstaller.utils.hooks  # noqa: F401

    with (
        mock.patch.object(sys, "platform", "win32"),
        mock.patch.dict("os.environ", {"CUR_ICON": str(icon)}),
    ):
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)
    paths: list[Path] = []
    for kind, args, kwargs in Recorder.calls:
        if kind == "Analysis":
            paths += [Path(p) for p in args[0]]
            paths += [Path(src) for src, _ in kwargs.get("datas", [])]
            paths += [Path(p) for p in kwargs.get("pathex", [])]
        if kind == "EXE" and kwargs.get("icon"):
            paths.append(Path(kwargs["icon"]))
    return paths


def stand_in_payload(folder: Path) -> Path:
    """The bundle's layout with empty files: what `File /r` packs."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "cur-desktop.exe").write_bytes(b"MZ stand-in")
    (folder / "_internal" / "python311.dll").write_bytes(b"stand-in")
    (folder / "_internal" / "resources" / "README.txt").write_text("stand-in payload\n")
    return folder


def compile_installer(icon: Path, out: Path) -> Path:
    version = project_version()
    payload = stand_in_payload(out / "payload")
    setup = out / f"cur-desktop-{version}-setup.exe"
    subprocess.run(
        [
            "makensis",
            "-V2",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={version}",
            f"-DPAYLOAD={payload}",
            f"-DICON={icon}",
            f"-DOUTFILE={setup}",
            str(NSI),
        ],
        check=True,
    )
    if not setup.is_file() or setup.stat().st_size == 0:
        raise SystemExit(f"check_windows: makensis wrote no {setup}")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icon", type=Path, required=True, help="the .ico (installer/icons.py)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "windows")
    args = parser.parse_args(argv)
    inputs = spec_inputs(args.icon.resolve())
    missing = sorted({str(p) for p in inputs if not p.exists()})
    report = {"spec_inputs": len(inputs), "missing": missing}
    if not missing:
        report["installer"] = str(compile_installer(args.icon.resolve(), args.out.resolve()))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
