"""Emoji in what citizens write, on every machine: the application font falls back to an emoji
font for the characters its own face lacks, instead of drawing them as empty boxes.

The colour face (Debian's fonts-noto-color-emoji, a Depends of the .deb) comes first; the
monochrome Noto Emoji bundled for the PDF reports (resources/fonts) is registered with Qt as
well, so emoji are drawn even where no emoji font is installed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

#: Tried in this order after the application's own face.
COLOR_EMOJI = "Noto Color Emoji"
#: The same file the PDF reports embed (cur_desktop/reports/fonts.py), without loading reportlab.
BUNDLED_EMOJI_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoEmoji.ttf"


def bundled_emoji_family() -> str | None:
    """Register the bundled emoji font once; its family name, or None if it cannot be read."""
    found = [f for f in QFontDatabase.families() if f == "Noto Emoji"]
    if found:
        return found[0]
    font_id = QFontDatabase.addApplicationFont(str(BUNDLED_EMOJI_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("emoji font not loaded: %s", BUNDLED_EMOJI_FILE)
        return None
    return families[0]


def emoji_families() -> list[str]:
    """The emoji faces this machine can draw with, preferred first."""
    known = set(QFontDatabase.families())
    out = [COLOR_EMOJI] if COLOR_EMOJI in known else []
    bundled = bundled_emoji_family()
    if bundled and bundled not in out:
        out.append(bundled)
    return out


def install_emoji_fallback(app: QApplication) -> list[str]:
    """Give the application font its emoji fallbacks; the family list it now has.

    The face is named by what it resolves to («DejaVu Sans»), not by its alias («Sans Serif»):
    Qt does not resolve an alias inside a family list and would take the emoji face, which
    has digits and a space of its own, for everything."""
    font = QFont(app.font())
    base = QFontInfo(font).family()
    families = [base] + [f for f in emoji_families() if f != base]
    font.setFamilies(families)
    app.setFont(font)
    return families
