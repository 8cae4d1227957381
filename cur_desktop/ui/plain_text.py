"""Outside text on screen is text, never markup.

Qt guesses: a QLabel on AutoText, a tooltip, a QMessageBox render anything that looks like HTML
(`Qt.mightBeRichText`), so a citizen's «<img src=…>» would load a picture from the network and
«<a href=…>» become a link. Every widget that shows outside text (citizens' messages, names and
addresses, trainees' drafts, server messages, templates) goes through here: labels are set to
plain text, tooltips are escaped and wrapped so Qt shows the characters as typed. Both also
neutralise bidi overrides and control characters (`models.display_text.shown`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel

from cur_desktop.models.display_text import shown

__all__ = ["breakable", "plain_label", "shown", "tooltip"]

#: A run of text with no space longer than this may be broken (a URL, a long file name).
LONG_RUN = 24
_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_SEPARATOR = re.compile(r"([/.\-_?&=#@:,;+~])")
ZERO_WIDTH_SPACE = "\u200b"


def _break_run(match: re.Match) -> str:
    parts = _SEPARATOR.sub(lambda m: m.group(1) + ZERO_WIDTH_SPACE, match.group(0))
    pieces = []
    for piece in parts.split(ZERO_WIDTH_SPACE):
        # A long piece with no separator at all breaks every LONG_RUN characters.
        pieces += [piece[i : i + LONG_RUN] for i in range(0, len(piece), LONG_RUN)] or [""]
    return ZERO_WIDTH_SPACE.join(pieces)


def breakable(text: str) -> str:
    """`text` for a word-wrapped label that must not grow wider than its pane: long words and
    URLs get invisible break points (after «/», «.», «-»… or every LONG_RUN characters), so
    the label wraps them instead of widening the window. Only for display."""
    return _RUN.sub(_break_run, text)


def plain_label(text: str = "", parent=None) -> QLabel:
    """A QLabel that never interprets markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(shown(text))
    return label


def tooltip(text: str | None) -> str:
    """A tooltip showing `text` as written: escaped, line breaks kept, as rich text that Qt
    renders literally (a bare escaped string would be guessed plain and show «&lt;»)."""
    if not text:
        return ""
    return QtGui.convertFromPlainText(shown(text), Qt.WhiteSpaceMode.WhiteSpaceNormal)
