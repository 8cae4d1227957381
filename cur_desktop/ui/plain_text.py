"""Outside text on screen is text, never markup.

Qt guesses: a QLabel on AutoText, a tooltip, a QMessageBox render anything that looks like HTML
(`Qt.mightBeRichText`), so a citizen's «<img src=…>» would load a picture from the network and
«<a href=…>» become a link. Every widget that shows outside text (citizens' messages, names and
addresses, trainees' drafts, server messages, templates) goes through here: labels are set to
plain text, tooltips are escaped and wrapped so Qt shows the characters as typed. Both also
neutralise bidi overrides and control characters (`models.display_text.shown`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel

from cur_desktop.models.display_text import shown

__all__ = ["plain_label", "shown", "tooltip"]


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
