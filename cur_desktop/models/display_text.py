"""Outside text (citizens', trainees', servers') as it is shown on screen, never as stored.

Two tricks make shown text say something else than it is:
- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
  follows: «‮txt.exe» reads as «exe.txt», an address or a number turns around;
- control characters (C0 but tab and line breaks, DEL, C1 U+0080–U+009F) are invisible or move
  the text about.

`shown()` replaces each with a visible «�», so the operator sees that something was there.
Only the display changes: the stored text, the text sent to the server and a reply's quoting
of the citizen keep every character.
"""

from __future__ import annotations

import re

#: Shown in place of a neutralised character.
MARK = "\ufffd"
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str | None) -> str:
    """`text` for display: bidi controls and control characters made a visible «�»."""
    if not text:
        return ""
    return _HIDDEN.sub(MARK, text)
