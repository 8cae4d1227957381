"""Russian spelling for replies: which words of a text are misspelled, and what to offer instead.

Backends, first that works: pyenchant with the system's hunspell `ru_RU` dictionary (fast, C);
spylls, a pure-Python hunspell reading `ru_RU.dic/.aff` from the usual folders or, where the system
has none, the copy shipped in `resources/spelling/` (slow to load and to suggest, but needs
neither a C library nor a system dictionary); else the speller is unavailable and says why in
`reason`. The shipped copy is the same file Debian's hunspell-ru installs, so both backends read
the same words; enchant cannot be pointed at a dictionary file of our own without changing the
process's environment, so where the system has the dictionary enchant reads the system's copy.
Suggestions take a few tenths of a second with enchant and seconds with spylls: callers that
have a user waiting ask for them off the UI thread (`bench/spelling.py` measures both).

Only Russian words are checked: words with digits, Latin words, ALL-CAPS abbreviations, words
shorter than three letters, template placeholders, URLs, e-mail addresses and hashtags are
skipped. «ё» and «е» count as the same letter, as they do in most printed Russian. Answers are
cached per word, so re-checking a long reply on every pause in typing costs little.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import snowballstemmer

if TYPE_CHECKING:
    from .contract import Reference

log = logging.getLogger(__name__)

LANGUAGE = "ru_RU"
BACKENDS = ("enchant", "spylls")
MIN_LETTERS = 3
#: The Russian dictionary and the centre's word list shipped with the workstation.
SHIPPED_DIR = Path(__file__).resolve().parents[2] / "resources" / "spelling"


def _read_word_list(path: Path) -> tuple[str, ...]:
    """One word or phrase a line; `#` starts a comment line."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


#: Words every centre uses that a general dictionary lacks; abbreviations in capitals are
#: skipped anyway, but their inflected forms («ЦУРа», «МФЦ») and lowercase use are not.
CENTRE_WORDS = _read_word_list(SHIPPED_DIR / "centre_words.txt")
#: How an operator calls a dictionary («русский словарь»), by its hunspell name.
LANGUAGE_NAMES = {"ru_RU": "русский"}

#: Where hunspell dictionaries live on Linux and macOS; `DICPATH` (hunspell's own variable) first,
#: the shipped copy last.
DICTIONARY_DIRS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/usr/local/share/myspell",
    "/opt/homebrew/share/hunspell",
    "/Library/Spelling",
    "~/Library/Spelling",
    "~/.local/share/hunspell",
    SHIPPED_DIR,
)
#: pure-Python suggestions can take seconds per word; stop after this and offer what came.
SPYLLS_SUGGEST_SECONDS = 1.0

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*")
_RUSSIAN = re.compile(r"[а-яё]+(?:[-‐][а-яё]+)*", re.IGNORECASE)
_SKIPPED_SPANS = re.compile(
    r"\{[^{}\n]*\}"  # template placeholders, {address}
    r"|\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # URLs
    r"|\S+@\S+\.\S+"  # e-mail addresses
    r"|[#@]\w+"  # hashtags and mentions
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:рф|рус|ru|su|com|org|net|gov)\b\S*",  # bare domains: госуслуги.рф
    re.IGNORECASE,
)
_stemmer = snowballstemmer.stemmer("russian")


class Misspelling(NamedTuple):
    start: int
    end: int
    word: str


def _fold(word: str) -> str:
    """The form two spellings share when they differ only by case or ё/е."""
    return word.lower().replace("ё", "е")


def _stem(word: str) -> str:
    return _stemmer.stemWord(_fold(word))


def _yo_variants(word: str) -> Iterator[str]:
    """The word with «ё» written as «е», or with one «е» written as «ё» (dictionaries keep one)."""
    if "ё" in word or "Ё" in word:
        yield word.replace("ё", "е").replace("Ё", "Е")
        return
    positions = [i for i, ch in enumerate(word) if ch in "еЕ"]
    for i in positions[:4]:
        yield word[:i] + ("ё" if word[i] == "е" else "Ё") + word[i + 1 :]


def candidate_words(text: str) -> Iterator[Misspelling]:
    """Spans of the words in `text` that are worth checking, hyphenated ones split into parts."""
    skipped = [m.span() for m in _SKIPPED_SPANS.finditer(text)]
    for m in _TOKEN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in skipped):
            continue
        token = m.group()
        if not _RUSSIAN.fullmatch(token):
            continue  # digits, Latin letters, underscores: codes, names of things, not Russian
        if sum(ch.isalpha() for ch in token) < MIN_LETTERS or _is_abbreviation(token):
            continue
        yield Misspelling(m.start(), m.end(), token)


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _parts(word: Misspelling) -> Iterator[Misspelling]:
    at = word.start
    for part in re.split(r"[-‐]", word.word):
        if len(part) >= MIN_LETTERS and not _is_abbreviation(part):
            yield Misspelling(at, at + len(part), part)
        at += len(part) + 1


@dataclass
class _Backend:
    name: str
    check: Callable[[str], bool]
    suggest: Callable[[str, int], list[str]]
    add: Callable[[str], None]
    #: pure-Python spylls only reads its dictionary, so a check may run while a suggestion is
    #: being computed on another thread; hunspell's C object is not documented to allow that.
    concurrent: bool = False


def _enchant_backend(language: str) -> _Backend:
    import enchant  # ImportError also when the C library (libenchant-2) is missing

    # A broker of its own: enchant shares one dictionary per language within a broker, and words
    # added to one speller's session must not leak into another's.
    dictionary = enchant.Broker().request_dict(language)
    return _Backend(
        f"enchant ({dictionary.provider.name})",
        dictionary.check,
        lambda word, limit: dictionary.suggest(word)[:limit],
        dictionary.add_to_session,
    )


def find_dictionary(language: str, dirs: Iterable[str | os.PathLike] | None = None) -> Path | None:
    """The `.dic` of `language` in the first folder that has it with its `.aff`, or None."""
    if dirs is None:
        dirs = [*filter(None, os.environ.get("DICPATH", "").split(os.pathsep)), *DICTIONARY_DIRS]
    for folder in dirs:
        dic = Path(folder).expanduser() / f"{language}.dic"
        if dic.is_file() and dic.with_suffix(".aff").is_file():
            return dic
    return None


def _spylls_backend(language: str, dirs: Iterable[str | os.PathLike] | None) -> _Backend:
    from spylls.hunspell import Dictionary

    dic = find_dictionary(language, dirs)
    if dic is None:
        raise FileNotFoundError(f"no {language}.dic/.aff in the hunspell folders")
    dictionary = Dictionary.from_files(str(dic.with_suffix("")))
    extra: set[str] = set()

    def suggest(word: str, limit: int) -> list[str]:
        found: list[str] = []
        deadline = time.monotonic() + SPYLLS_SUGGEST_SECONDS
        for suggestion in itertools.islice(dictionary.suggest(word), limit):
            found.append(suggestion)
            if time.monotonic() > deadline:
                break
        return found

    return _Backend(
        f"spylls ({dic})",
        lambda word: word in extra or dictionary.lookup(word),
        suggest,
        extra.add,
        concurrent=True,
    )


class Speller:
    """Checks Russian words against a hunspell dictionary plus the centre's own words.

    Create it once (loading takes from a fraction of a second with enchant to several seconds
    with spylls). It may be shared between threads: the UI thread checks while a worker thread
    computes suggestions.
    """

    def __init__(
        self,
        language: str = LANGUAGE,
        *,
        backends: Iterable[str] = BACKENDS,
        dictionary_dirs: Iterable[str | os.PathLike] | None = None,
        words: Iterable[str] = CENTRE_WORDS,
    ) -> None:
        self.language = language
        self.backend_name = ""
        self.reason = ""
        self._backend: _Backend | None = None
        self._lock: threading.Lock | contextlib.nullcontext = contextlib.nullcontext()
        self._known_folded: set[str] = set()
        self._known_stems: set[str] = set()
        failures = []
        for name in backends:
            try:
                if name == "enchant":
                    self._backend = _enchant_backend(language)
                elif name == "spylls":
                    self._backend = _spylls_backend(language, dictionary_dirs)
                else:
                    raise ValueError(f"unknown spelling backend {name!r}")
            except Exception as e:  # noqa: BLE001 - any failure means: try the next backend
                failures.append(f"{name}: {type(e).__name__}: {e}")
                continue
            self.backend_name = self._backend.name
            break
        if self._backend is None:
            log.warning("spelling check is off: %s", "; ".join(failures) or "no backend tried")
            # Said to an operator: no locale codes or package names (those are in the log).
            which = LANGUAGE_NAMES.get(language, "нужный")
            self.reason = (
                f"не удалось открыть {which} словарь. Ответ можно писать и отправлять как "
                "обычно; сообщите администратору."
            )
        else:
            log.info("spelling: %s", self.backend_name)
            if not self._backend.concurrent:
                self._lock = threading.Lock()
        self._is_known = functools.lru_cache(maxsize=100_000)(self._lookup)
        self._suggestions = functools.lru_cache(maxsize=512)(self._suggest)
        self.add_words(words)

    @property
    def available(self) -> bool:
        return self._backend is not None

    def add_words(self, words: Iterable[str]) -> None:
        """Accept these words (and phrases, split into words) with their inflected forms."""
        added = False
        for phrase in words:
            for m in _TOKEN.finditer(phrase):
                word = m.group()
                self._known_folded.add(_fold(word))
                self._known_stems.add(_stem(word))
                if self._backend is not None:
                    with self._lock:
                        self._backend.add(word)
                added = True
        if added:
            self._is_known.cache_clear()
            self._suggestions.cache_clear()

    def misspelled(self, text: str, *, also_known: Collection[str] = ()) -> list[Misspelling]:
        """Spans of the misspelled Russian words in `text`, in order. `also_known` is a set of
        folded words (see `fold_words`) accepted for this text only, e.g. the citizen's name."""
        if self._backend is None:
            return []
        found = []
        for word in candidate_words(text):
            if self._is_known(word.word) or _fold(word.word) in also_known:
                continue
            if "-" in word.word or "‐" in word.word:
                # «Спас-Клепики» may be missing as a whole while each half is a word.
                found.extend(
                    p
                    for p in _parts(word)
                    if not self._is_known(p.word) and _fold(p.word) not in also_known
                )
            else:
                found.append(word)
        return found

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """A few corrections, most likely first; empty when there are none or no dictionary."""
        return list(self._suggestions(word, limit))

    def _lookup(self, word: str) -> bool:
        assert self._backend is not None
        folded = _fold(word)
        if folded in self._known_folded or _stem(word) in self._known_stems:
            return True
        with self._lock:
            if self._backend.check(word):
                return True
            return any(self._backend.check(v) for v in _yo_variants(word))

    def _suggest(self, word: str, limit: int) -> tuple[str, ...]:
        if self._backend is None or not word.strip():
            return ()
        try:
            with self._lock:
                return tuple(self._backend.suggest(word, limit))
        except Exception:  # noqa: BLE001 - a suggestion is a nicety; never break the editor
            log.exception("spelling suggestions for %r failed", word)
            return ()


def fold_words(texts: Iterable[str | None]) -> frozenset[str]:
    """The words of these texts in the form `Speller.misspelled(also_known=...)` expects."""
    return frozenset(_fold(m.group()) for t in texts if t for m in _TOKEN.finditer(t))


def reference_words(reference: Reference | None) -> list[str]:
    """Words of the centre's reference a general dictionary lacks: region, municipalities,
    agencies, and the vocabulary of its approved answer templates («развоздушивание»), so an
    operator is not told their own centre's wording is misspelled."""
    if reference is None:
        return []
    return [
        reference.region.name,
        *(m.name for m in reference.municipalities),
        *(a.name for a in reference.agencies),
        *(f"{t.title} {t.text}" for t in reference.templates),
    ]


_shared: Future[Speller] | None = None
_shared_lock = threading.Lock()


def load_shared_speller() -> Future[Speller]:
    """The process's one speller, loaded on a daemon thread the first time it is asked for."""
    global _shared
    with _shared_lock:
        if _shared is None:
            future: Future[Speller] = Future()

            def load() -> None:
                try:
                    future.set_result(Speller())
                except BaseException as e:  # noqa: BLE001 - hand any failure to the waiter
                    future.set_exception(e)

            threading.Thread(target=load, name="cur-speller", daemon=True).start()
            _shared = future
        return _shared
