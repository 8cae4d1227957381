"""The installer's helpers: pruning unused Qt plugins, the system-library table, the bundle
check that computes the .deb's Depends and glibc floor (on real ELF files of this machine)."""

from __future__ import annotations

import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
sys.path.insert(0, str(INSTALLER))

import check_bundle  # noqa: E402
import elf  # noqa: E402
import system_libs  # noqa: E402

needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None, reason="binutils missing")


def test_prune_drops_a_plugin_with_what_only_it_needed():
    graph = {
        "libqwayland.so": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"],
        "libQt6WaylandClient.so.6": ["libwayland-client.so.0", "libQt6Gui.so.6"],
        "libwayland-client.so.0": ["libffi.so.8"],
        "libqxcb.so": ["libQt6XcbQpa.so.6"],
        "libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxcb-util.so.1"],
        "libQt6Gui.so.6": [],
        "libxcb-util.so.1": [],
        "libffi.so.8": [],  # also needed by a Python extension that stays
        "_ctypes.so": ["libffi.so.8"],
        "libenchant-loaded-by-ctypes.so": [],  # nothing names it: must stay
    }
    entries = [(f"PySide6/Qt/{name}", f"/src/{name}", "BINARY") for name in graph]
    kept = elf.prune(
        entries,
        unused=lambda e: e[0].endswith("libqwayland.so"),
        needed_by=lambda e: graph[Path(e[0]).name],
    )
    names = {Path(e[0]).name for e in kept}
    assert names == set(graph) - {
        "libqwayland.so",
        "libQt6WaylandClient.so.6",
        "libwayland-client.so.0",
    }


def test_system_libraries_map_to_debian_packages():
    assert system_libs.excluded("libxcb-cursor.so.0")
    assert system_libs.excluded("libEGL.so.1")
    assert not system_libs.excluded("libQt6Gui.so.6")
    assert not system_libs.excluded("libssl.so.3")  # OpenSSL 3 is not on Astra SE 1.7: bundled
    assert system_libs.package_for("libc.so.6") == "libc6"
    assert system_libs.package_for("libpython3.11.so.1.0") is None
    depends = system_libs.depends("2.28", ["libxcb-icccm.so.4", "libc.so.6"])
    assert depends[0] == "libc6 (>= 2.28)"
    assert "libxcb-icccm4" in depends and "libxcb-cursor0" in depends  # found, and always
    assert "libenchant-2-2" in depends and "hunspell-ru" in depends
    assert len(depends) == len(set(depends))


@needs_objdump
def test_bundle_check_finds_libraries_neither_bundled_nor_declared(tmp_path):
    bundle = tmp_path / "cur-desktop"
    (bundle / "_internal").mkdir(parents=True)
    dynload = Path(sysconfig.get_path("stdlib")) / "lib-dynload"
    extension = next(dynload.glob("_sqlite3*.so"), None)
    if extension is None or "libsqlite3.so.0" not in elf.needed(extension):
        pytest.skip("this Python's _sqlite3 is not linked against libsqlite3.so.0")
    shutil.copy(extension, bundle / "_internal")
    needs = check_bundle.scan(bundle)
    assert needs.missing == {"libsqlite3.so.0": [f"_internal/{extension.name}"]}
    assert check_bundle.main([str(bundle)]) == 1

    (bundle / "_internal" / "libsqlite3.so.0").write_bytes(b"")  # bundled now
    needs = check_bundle.scan(bundle)
    assert needs.missing == {}
    assert needs.glibc_floor >= (2, 2)
    assert needs.depends()[0] == f"libc6 (>= {elf.version_text(needs.glibc_floor)})"
    assert check_bundle.main([str(bundle)]) == 0
    assert check_bundle.main([str(bundle), "--max-glibc", "2.0"]) == 1
