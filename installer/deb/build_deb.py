"""Build the workstation's Debian package from a built bundle.

    python installer/deb/build_deb.py --bundle dist/cur-desktop --icons build/icons --out dist

Layout: the bundle in /opt/cur-desktop, `/usr/bin/cur-desktop` (a link to its executable),
the menu entry and hicolor icons, the manual page, the Debian copyright and changelog.
`Depends:` is computed from the bundle (check_bundle.py: the glibc floor and the system
libraries it was built to use) plus the libraries Qt opens at run time.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
from email.utils import formatdate
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

import check_bundle  # noqa: E402
from project_version import project_version  # noqa: E402

PACKAGE = "cur-desktop"
MAINTAINER = "CUR workstation team <cur-desktop@cur-workstation.example.org>"


def _gzip(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as src, gzip.GzipFile(target, "wb", 9, mtime=0) as dst:
        shutil.copyfileobj(src, dst)


def _installed_size_kb(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def stage(bundle: Path, icons: Path, staging: Path, version: str, depends: list[str]) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(bundle, staging / "opt" / PACKAGE, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/{PACKAGE}", bin_dir / PACKAGE)
    share = staging / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(HERE / f"{PACKAGE}.desktop", share / "applications" / f"{PACKAGE}.desktop")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    _gzip(HERE / f"{PACKAGE}.1", share / "man" / "man1" / f"{PACKAGE}.1.gz")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(HERE / "copyright", doc / "copyright")
    changelog = (
        f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
        f"  * Built from the project's sources (make dist).\n\n"
        f" -- {MAINTAINER}  {formatdate(0, localtime=False)}\n"
    )
    (doc / "changelog.src").write_text(changelog, encoding="utf-8")
    _gzip(doc / "changelog.src", doc / "changelog.gz")  # a native package: no Debian revision
    (doc / "changelog.src").unlink()
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(HERE / "lintian-overrides", overrides / PACKAGE)
    # Folders and the one program 0755, every other file 0644 (PyInstaller leaves libraries
    # executable; the umask of a clean checkout must not leak into the package either).
    program = staging / "opt" / PACKAGE / PACKAGE
    for path in staging.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path == program else 0o644)
    control = (
        (HERE / "control.in")
        .read_text(encoding="utf-8")
        .format(
            version=version,
            maintainer=MAINTAINER,
            installed_size=_installed_size_kb(staging),
            depends=", ".join(depends),
        )
    )
    (staging / "DEBIAN").mkdir()
    (staging / "DEBIAN" / "control").write_text(control, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--icons", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    parser.add_argument("--compress", default="xz", help="dpkg-deb -Z: xz (small) or gzip (fast)")
    args = parser.parse_args(argv)
    needs = check_bundle.scan(args.bundle)
    if needs.missing:
        print(
            f"build_deb: not in the bundle nor in Depends: {sorted(needs.missing)}", file=sys.stderr
        )
        return 1
    version = project_version()
    staging = args.work / f"{PACKAGE}_{version}_amd64"
    stage(args.bundle, args.icons, staging, version, needs.depends())
    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"{PACKAGE}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{args.compress}", "--build", str(staging), str(deb)],
        check=True,
    )
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
