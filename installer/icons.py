"""Render the workstation icon from its SVG source: PNGs in the hicolor theme layout and a .ico.

    python installer/icons.py OUT_DIR

writes OUT_DIR/hicolor/{16..256}x{16..256}/apps/cur-desktop.png, hicolor/scalable/apps/
cur-desktop.svg and OUT_DIR/cur-desktop.ico (Windows: every size in one file). The PNGs come
from `rsvg-convert` (Debian's librsvg2-bin, the renderer GNOME itself uses); the .ico is
written by Pillow from those PNGs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "cur-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256)
NAME = "cur-desktop"


def render(out: Path, source: Path = SOURCE) -> list[Path]:
    """Every size as a PNG, the SVG itself and the .ico; returns the files written."""
    from PIL import Image

    written = []
    for size in SIZES:
        png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(png), str(source)],
            check=True,
        )
        written.append(png)
    svg = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, svg)
    ico = out / f"{NAME}.ico"
    images = [Image.open(p) for p in written]
    images[-1].save(ico, sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return [*written, svg, ico]


if __name__ == "__main__":
    for path in render(Path(sys.argv[1])):
        print(path)
