"""The bundled fonts, registered with reportlab once: DejaVu Sans for the text (Cyrillic renders
on any machine, whatever fonts it has) and Noto Emoji for what citizens write that DejaVu has
no glyph for (😡, 👍, 🏠). The PDF embeds the subset of each it uses.

reportlab sets a paragraph in one font per run and has no fallback of its own, so `markup`
puts each run of characters DejaVu lacks into a `<font>` of the emoji face. Characters neither
font has stay in DejaVu: they are drawn as its visible "missing" box and still read back as
written.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
EMOJI = "NotoEmoji"
#: Joiners and modifiers that belong to the emoji before them (👨‍👩‍👧, ❤️, 👍🏽), even where
#: DejaVu has a glyph of its own for them.
_EMOJI_TAILS = {"\u200d", "\ufe0f", "\u20e3", *map(chr, range(0x1F3FB, 0x1F400))}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's `makeToUnicodeCMap`, with the destination written in UTF-16BE as the PDF
    standard asks (9.10.3): reportlab writes a code point above U+FFFF as five hex digits
    (`<1F621>`), which readers reject ("Odd-length string") and so lose the character when
    text is copied or extracted. Such a character is written as its surrogate pair."""

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    # reportlab looks the function up at every font it writes: ours writes valid UTF-16.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(EMOJI, str(FONTS / "NotoEmoji.ttf")))
    # <b> in our own markup picks the bold face; there is no italic, so italic stays upright.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(EMOJI, 0, 0, EMOJI)
    addMapping(EMOJI, 1, 0, EMOJI)
    addMapping(EMOJI, 0, 1, EMOJI)
    addMapping(EMOJI, 1, 1, EMOJI)


@cache
def _glyphs(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def needs_emoji_font(ch: str, after_emoji: bool = False) -> bool:
    code = ord(ch)
    if after_emoji and ch in _EMOJI_TAILS:
        return code in _glyphs(EMOJI)
    return code not in _glyphs(REGULAR) and code in _glyphs(EMOJI)


def markup(text: str) -> str:
    """Paragraph markup of plain text: escaped, with characters DejaVu lacks in the emoji font."""
    out: list[str] = []
    run: list[str] = []
    in_emoji = False
    for ch in text:
        emoji = needs_emoji_font(ch, after_emoji=in_emoji)
        if emoji != in_emoji and run:
            out.append(_run("".join(run), in_emoji))
            run = []
        run.append(ch)
        in_emoji = emoji
    if run:
        out.append(_run("".join(run), in_emoji))
    return "".join(out)


def _run(text: str, emoji: bool) -> str:
    return f'<font name="{EMOJI}">{escape(text)}</font>' if emoji else escape(text)


def missing_glyphs(text: str) -> set[str]:
    """Characters neither bundled font can draw (shown as boxes)."""
    return {
        ch
        for ch in text
        if not ch.isspace() and ord(ch) not in _glyphs(REGULAR) and ord(ch) not in _glyphs(EMOJI)
    }
