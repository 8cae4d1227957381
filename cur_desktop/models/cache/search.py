"""Full-text search fit for Russian: case and «ё/е» folded, words reduced to their stems.

FTS5 alone matches whole tokens, so «дорога» would miss «дороги». Both the indexed text and the
query go through the Snowball Russian stemmer (and a prefix match on each stem), so any form of
a word finds the others. Stems are cached: a region's vocabulary is small next to its traffic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9a-zа-я]+", re.IGNORECASE)
_ru = snowballstemmer.stemmer("russian")
_en = snowballstemmer.stemmer("english")
_CYRILLIC = re.compile(r"[а-я]")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    stemmer = _ru if _CYRILLIC.search(word) else _en
    return stemmer.stemWord(word)


def tokens(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(fold(text))]


def index_text(parts: Iterable[str | None]) -> str:
    """What goes into the index for one incident: stems of its number, author, text, replies."""
    return " ".join(" ".join(tokens(p)) for p in parts if p)


def match_query(user_query: str) -> str | None:
    """An FTS5 MATCH expression: every word must match (as a stem prefix). None if no words.

    Tokens are quoted, so nothing a user types is read as FTS syntax.
    """
    stems = [s for s in tokens(user_query) if s]
    if not stems:
        return None
    return " AND ".join(f'"{s}"*' for s in dict.fromkeys(stems))
