"""What a built Linux bundle needs from the system it runs on.

    python installer/check_bundle.py dist/cur-desktop [--max-glibc 2.28]

Prints JSON: the glibc floor (the newest GLIBC_x.y symbol version any bundled binary needs, and
which binary needs it) and the system libraries the bundle relies on, each with its Debian
package. Fails (exit 1) if a bundled binary needs a library that is neither in the bundle nor
in system_libs.py's table (it would be missing on a clean target), or, with --max-glibc, if
the floor is above it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import elf  # noqa: E402
import system_libs  # noqa: E402


@dataclass
class BundleNeeds:
    glibc_floor: tuple[int, ...] = (2, 0)
    floor_file: str = ""
    system: dict[str, str] = field(default_factory=dict)  # soname -> Debian package
    missing: dict[str, list[str]] = field(default_factory=dict)  # soname -> who needs it

    def depends(self) -> list[str]:
        return system_libs.depends(elf.version_text(self.glibc_floor), sorted(self.system))

    def as_json(self) -> dict:
        return {
            "glibc_floor": elf.version_text(self.glibc_floor),
            "glibc_floor_file": self.floor_file,
            "target_glibc": system_libs.TARGET_GLIBC,
            "system_libraries": self.system,
            "missing": self.missing,
            "depends": self.depends(),
        }


def scan(bundle: Path) -> BundleNeeds:
    binaries = [
        p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and elf.is_elf(p)
    ]
    present = {p.name for p in bundle.rglob("*")}
    needs = BundleNeeds()
    for path in binaries:
        versions = elf.glibc_versions(path)
        if versions and max(versions) > needs.glibc_floor:
            needs.glibc_floor, needs.floor_file = max(versions), str(path.relative_to(bundle))
        for soname in elf.needed(path):
            if soname in present:
                continue
            package = system_libs.package_for(soname)
            if package is None:
                needs.missing.setdefault(soname, []).append(str(path.relative_to(bundle)))
            elif package != "libc6":
                needs.system[soname] = package
    return needs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--max-glibc", help="fail if the bundle needs a newer glibc")
    args = parser.parse_args(argv)
    needs = scan(args.bundle)
    print(json.dumps(needs.as_json(), indent=2, ensure_ascii=False))
    failed = False
    if needs.missing:
        print(
            f"check_bundle: not in the bundle nor in Depends: {sorted(needs.missing)}",
            file=sys.stderr,
        )
        failed = True
    if args.max_glibc:
        limit = tuple(int(p) for p in args.max_glibc.split("."))
        if needs.glibc_floor > limit:
            floor = elf.version_text(needs.glibc_floor)
            print(
                f"check_bundle: needs glibc {floor} ({needs.floor_file}), above {args.max_glibc}",
                file=sys.stderr,
            )
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
