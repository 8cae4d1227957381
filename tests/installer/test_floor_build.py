"""The release build for the glibc floor (`make dist-release`, installer/floor_python.sh), checked
in seconds: the script parses, the make target runs it and ends with the floor check, and the
floor check tells a binary linked by `zig cc` at glibc 2.28 from one linked by the machine's gcc.
The build itself takes far too long for a test (installer/README.md, "The glibc floor"); when
a checkout has built it (`make dist-release`), its outputs are checked against the floor too."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SCRIPT = INSTALLER / "floor_python.sh"
sys.path.insert(0, str(INSTALLER))

import check_bundle  # noqa: E402
import elf  # noqa: E402

FLOOR_PREFIX = ROOT / "build" / "floor" / "prefix"
RELEASE_BUNDLE = ROOT / "dist" / "release" / "cur-desktop"
needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils missing")
PROGRAM = '#include <stdio.h>\nint main(void) { puts("floor"); return 0; }\n'


def test_floor_script_parses():
    assert os.access(SCRIPT, os.X_OK)
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)
    if shutil.which("shellcheck"):
        subprocess.run(["shellcheck", "-S", "warning", str(SCRIPT)], check=True)
    text = SCRIPT.read_text()
    assert "x86_64-linux-gnu.$GLIBC" in text and "GLIBC=${FLOOR_GLIBC:-2.28}" in text


def test_dist_release_builds_the_floor_python_and_checks_the_floor():
    plan = subprocess.run(
        ["make", "-n", "dist-release"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = plan.splitlines()
    floor = next(i for i, line in enumerate(lines) if "installer/floor_python.sh" in line)
    check = max(i for i, line in enumerate(lines) if "--max-glibc 2.28" in line)
    assert floor < check, plan  # the Python is built first, the floor is checked last
    assert "MAX_GLIBC=2.28" in plan and "PY=build/floor/venv/bin/python" in plan
    assert "FLOOR_GLIBC=2.28" in plan
    # CI keeps the fast build with the machine's Python.
    assert "dist-release" not in (ROOT / ".ci" / "run").read_text()


def _zig() -> list[str] | None:
    tools = ROOT / "build" / "floor" / "tools" / "bin" / "python"
    for python in (tools, Path(sys.executable)):
        if python.exists():
            probe = subprocess.run(
                [str(python), "-c", "import ziglang"], capture_output=True, check=False
            )
            if probe.returncode == 0:
                return [str(python), "-m", "ziglang", "cc"]
    return None


@needs_objdump
@pytest.mark.skipif(platform.machine() != "x86_64", reason="the floor target is x86_64")
def test_floor_check_tells_zig_at_2_28_from_the_machines_gcc(tmp_path):
    zig = _zig()
    if zig is None:
        pytest.skip("zig not installed (installer/floor_python.sh installs it in build/floor)")
    source = tmp_path / "floor.c"
    source.write_text(PROGRAM)
    floor_bundle = tmp_path / "floor" / "_internal"
    floor_bundle.mkdir(parents=True)
    subprocess.run(
        [
            *zig,
            "-target",
            "x86_64-linux-gnu.2.28",
            "-O2",
            "-o",
            str(floor_bundle / "prog"),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    assert subprocess.run([str(floor_bundle / "prog")], capture_output=True).stdout == b"floor\n"
    needs = check_bundle.scan(floor_bundle.parent)
    assert (2, 2) <= needs.glibc_floor <= (2, 28)
    assert check_bundle.main([str(floor_bundle.parent), "--max-glibc", "2.28"]) == 0

    if shutil.which("gcc") is None:
        return
    native_bundle = tmp_path / "native" / "_internal"
    native_bundle.mkdir(parents=True)
    subprocess.run(["gcc", "-O2", "-o", str(native_bundle / "prog"), str(source)], check=True)
    native = check_bundle.scan(native_bundle.parent).glibc_floor
    libc = tuple(int(p) for p in platform.libc_ver()[1].split(".")[:2])
    if libc < (2, 34):
        pytest.skip("this glibc links main through a symbol older than 2.28")
    # glibc >= 2.34 versions __libc_start_main at 2.34: what raised the machine-built bundle.
    assert native >= (2, 34), elf.version_text(native)
    assert check_bundle.main([str(native_bundle.parent), "--max-glibc", "2.28"]) == 1


@needs_objdump
@pytest.mark.skipif(
    not (FLOOR_PREFIX / "bin" / "python3.11").exists(), reason="no floor Python built here"
)
def test_the_built_floor_python_needs_no_glibc_above_2_28():
    # Its interpreter, libpython and every extension module, the bundle's source of them.
    needs = check_bundle.scan(FLOOR_PREFIX)
    assert (2, 17) <= needs.glibc_floor <= (2, 28), needs.floor_file


@needs_objdump
@pytest.mark.skipif(not RELEASE_BUNDLE.exists(), reason="no release bundle built here")
def test_the_release_bundle_needs_no_glibc_above_2_28():
    assert check_bundle.main([str(RELEASE_BUNDLE), "--max-glibc", "2.28"]) == 0


def test_the_floor_script_takes_debians_security_fixes():
    # CPython 3.11.2's tarball alone lacks three years of fixes; Debian's series carries them.
    text = SCRIPT.read_text()
    for package in ("python3.11", "sqlite3", "xz-utils"):
        assert f"[{package}]=" in text, package
    assert 'apply_security_patches "$1" "$dir" >&2 || return 1' in text


@pytest.mark.skipif(
    not (FLOOR_PREFIX / "bin" / "python3.11").exists(), reason="no floor Python built here"
)
def test_the_built_floor_python_has_debians_security_fixes():
    # CVE-2023-24329 (fixed upstream in 3.11.4): leading C0 control characters hid a URL's
    # scheme from urlsplit, so a blocklist of schemes could be bypassed.
    probe = "import urllib.parse as u; print(u.urlsplit('\\x00https://example.org/').scheme)"
    python = FLOOR_PREFIX / "bin" / "python3.11"
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "https"
    applied = (ROOT / "build" / "floor" / "work" / "python3.11.patches").read_text().split()
    assert "CVE-2023-24329-strip-control-chars-urlsplit.patch" in applied
