"""Full-text search fit for Russian: case and «ё/е» folded, words reduced to their stems.

FTS5 alone matches whole tokens, so «дорога» would miss «дороги». Both the indexed text and the
query go through the Snowball Russian stemmer (and a prefix match on each stem), so any form of
a word finds the others, and a word still being typed finds its completions. Stems are cached:
a region's vocabulary is small next to its traffic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from ..domain import INCIDENT_NUMBER_PREFIX

_WORD = re.compile(r"[0-9a-zа-я]+", re.IGNORECASE)
_ru = snowballstemmer.stemmer("russian")
_en = snowballstemmer.stemmer("english")
_CYRILLIC = re.compile(r"[а-я]")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def stem(word: str) -> str:
    # Numbers (incident numbers, house numbers, "5б") are kept whole: a stemmer has nothing to
    # take off them, and every incident number is new, so they would only churn the cache.
    if not word.isalpha():
        return word
    return _stem_word(word)


@lru_cache(maxsize=200_000)
def _stem_word(word: str) -> str:
    stemmer = _ru if _CYRILLIC.search(word) else _en
    return stemmer.stemWord(word)


def tokens(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(fold(text))]


#: Stems of words seen before, for `index_text`: a pull of 100k incidents indexes millions of
#: words, and a dict lookup costs a fraction of a call to `stem`. Numbers are not kept.
_known: dict[str, str] = {}
_KNOWN_MAX = 200_000


def _learn(word: str) -> str:
    stemmed = stem(word)
    if len(_known) < _KNOWN_MAX and word.isalpha():
        _known[word] = stemmed
    return stemmed


def index_text(parts: Iterable[str | None]) -> str:
    """What goes into the index for one incident: stems of its number, author, text, replies.

    The tokens of `tokens` of each part, found in one pass over the parts joined.
    """
    get = _known.get
    words = _WORD.findall(fold(" ".join(p for p in parts if p)))
    return " ".join([s if (s := get(w)) is not None else _learn(w) for w in words])


#: Words that narrow nothing; matching them costs more than it tells. Dropped from a query
#: unless it has nothing else. «ЦУР» is in every incident number.
_STOP_WORDS = frozenset(
    stem(w)
    for w in "а без в во да для до же за и из или к ко ли на над не ни но о об от по под при "
    f"про с со у что чтобы как {INCIDENT_NUMBER_PREFIX}".lower().split()
)
#: Shorter stems match whole tokens: a one- or two-letter prefix expands to thousands of
#: terms (110-280 ms at 250k incidents), and short stems are whole words anyway.
_MIN_PREFIX = 3


def _term(token: str, last: bool) -> str:
    """A prefix match for words (a stem may be the start of a longer stem of the same family:
    «ремонт», «ремонтн»), and for the last token, which may be unfinished. Numbers before the
    last token are whole: a prefix over a number as common as a year reads its whole list."""
    prefix = len(token) >= _MIN_PREFIX and (last or token.isalpha())
    return f'"{token}"*' if prefix else f'"{token}"'


def match_query(user_query: str) -> str | None:
    """An FTS5 MATCH expression: every word must match. None if there are no words.

    Tokens are quoted, so nothing a user types is read as FTS syntax: quotes, `*`, parentheses,
    NEAR, AND, OR and NOT are either dropped by the tokenizer or searched as plain words.
    """
    stems = list(dict.fromkeys(s for s in tokens(user_query) if s))
    if not stems:
        return None
    useful = [s for s in stems if s not in _STOP_WORDS] or stems
    return " AND ".join(_term(s, i == len(useful) - 1) for i, s in enumerate(useful))
