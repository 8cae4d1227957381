"""Keys that make near-duplicate complaints equal, so clusters are a plain GROUP BY.

Incidents carry no address field: people write it into the text in every style («ул. Ленина,
д. 5», «улица Ленина 5», «Московское шоссе, дом 12»). `address_key` finds the first street
address with a house number and writes it one canonical way. `text_key` is a short hash of the
first significant words reduced to their stems, in sorted order, so the same message with other
punctuation, case, word order, word forms or an added greeting still matches.

The server stores both keys when an incident is created; the functions are pure so the
workstation can compute the same keys from its cache.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import snowballstemmer

#: Spellings of street types and the one form the key uses.
_STREET_TYPES: dict[str, str] = {
    "ул": "ул.",
    "улица": "ул.",
    "улице": "ул.",
    "улицы": "ул.",
    "улицу": "ул.",
    "пр": "пр-т",
    "пр-т": "пр-т",
    "пр-кт": "пр-т",
    "просп": "пр-т",
    "проспект": "пр-т",
    "проспекте": "пр-т",
    "пер": "пер.",
    "переулок": "пер.",
    "переулке": "пер.",
    "ш": "ш.",
    "шоссе": "ш.",
    "б-р": "б-р",
    "бул": "б-р",
    "бульвар": "б-р",
    "бульваре": "б-р",
    "пл": "пл.",
    "площадь": "пл.",
    "площади": "пл.",
    "наб": "наб.",
    "набережная": "наб.",
    "набережной": "наб.",
    "проезд": "проезд",
    "проезде": "проезд",
    "пр-д": "проезд",
    "мкр": "мкр.",
    "микрорайон": "мкр.",
    "микрорайоне": "мкр.",
    "туп": "туп.",
    "тупик": "туп.",
    "аллея": "аллея",
}
#: Settlement types written before a street in rural districts («с. Захарово, ул. Школьная»).
_SETTLEMENT_TYPES: dict[str, str] = {
    "с": "с.",
    "село": "с.",
    "п": "п.",
    "пос": "п.",
    "поселок": "п.",
    "рп": "р.п.",
    "р.п": "р.п.",
    "пгт": "пгт",
    "д": "д.",
    "дер": "д.",
    "деревня": "д.",
}

_NAME_WORD = r"(?:\d{1,3}-?[а-я]{1,2}\s+)?[а-я][а-я\-]*"
#: The house: «5», «5а», «5 б,» (a letter after a space only before punctuation: «15 с утра»
#: is house 15), «17/2».
_HOUSE = (
    r"(?:,?\s*(?:д\.?|дом)\s*№?\s*|,\s*|\s+)"
    r"(\d{1,4}(?:[а-я](?![а-я])|\s[а-я](?=\s*(?:[,.;:)!?]|$)))?(?:\s*/\s*\d{1,4})?)"
)
_TYPE_FIRST = "|".join(
    sorted((re.escape(t) for t in _STREET_TYPES if len(t) > 1 or t == "ш"), key=len, reverse=True)
)
#: «ул. Карла Маркса, д. 5», «улица Ленина 5», «мкр. Северный, дом 3а».
_ADDRESS_TYPE_FIRST = re.compile(
    rf"(?<![а-я])(?P<type>{_TYPE_FIRST})(?![а-я])\.?\s*"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?!д\.|дом\b){_NAME_WORD}){{0,2}}?)"
    rf"{_HOUSE}(?![\d])"
)
#: «Московское шоссе, д. 12», «Первомайский проспект 3»: an adjective before the type.
_ADDRESS_TYPE_LAST = re.compile(
    r"(?<![а-я])(?P<name>[а-я\-]+(?:ое|ый|ий|ая|ой))\s+"
    r"(?P<type>шоссе|проспект|переулок|проезд|бульвар|тупик|набережная|площадь|ш\.|пр-т|пер\.)"
    rf"{_HOUSE}(?![\d])"
)
_SETTLEMENT = re.compile(
    r"(?<![а-я])(?P<type>р\.\s?п|рп|пгт|пос|поселок|село|деревня|дер|с|п|д)\.?\s+"
    r"(?P<name>[а-я][а-я\-]+)\s*,\s*$"
)

_WORD = re.compile(r"[0-9a-zа-я]+")
_URL = re.compile(r"https?://\S+")
_ru = snowballstemmer.stemmer("russian")

#: Words that carry no topic: greetings, pronouns, particles, politeness, intensifiers.
_STOP_WORDS = frozenset(
    """
    а без бы был была были было быть в вам вас ваш во вот вы где да даже для до добрый
    день его ее ей если есть еще же за здравствуйте и из или им их к как когда кто ко ли
    либо мне мы на над не нет ни но ну о об однако он она они оно от очень по под пожалуйста
    после при про просим прошу с сегодня со спасибо так также там то тоже только у уже
    уважаемые уважаемый хотя чем что чтобы это этот эта эти я вечер утро ночь
    """.split()
)
#: Stems hashed into `text_key`: enough to tell topics and places apart, few enough that a
#: longer variant of the same message still matches.
TEXT_KEY_WORDS = 12
#: Fewer significant words than this and a text is too short to call two of them duplicates.
TEXT_KEY_MIN_WORDS = 4


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _canonical_name(name: str) -> str:
    words = re.split(r"\s+", name.strip())
    return " ".join(
        w if w[:1].isdigit() else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for w in words
    )


def _canonical_house(house: str) -> str:
    return re.sub(r"\s+", "", house)


def _first_address(folded: str) -> re.Match[str] | None:
    found = [m for p in (_ADDRESS_TYPE_FIRST, _ADDRESS_TYPE_LAST) if (m := p.search(folded))]
    return min(found, key=lambda m: m.start()) if found else None


def _written_one_way(match: re.Match[str], folded: str, names: str) -> str:
    """The address of `match` (found in `folded`) in the canonical order and abbreviations, with
    street and settlement names spelled as in `names` (same offsets as `folded`)."""
    street_type = _STREET_TYPES.get(match["type"].rstrip("."), match["type"])
    name = names[match.start("name") : match.end("name")]
    address = f"{street_type} {_canonical_name(name)}, д. {_canonical_house(match[3])}"
    settlement = _SETTLEMENT.search(folded[: match.start()])
    if settlement:
        kind = _SETTLEMENT_TYPES.get(settlement["type"].replace(" ", ""), settlement["type"])
        place = names[settlement.start("name") : settlement.end("name")]
        address = f"{kind} {_canonical_name(place)}, {address}"
    return address[:200]


def address_key(text: str) -> str | None:
    """The first street address with a house number in `text`, written one way:
    «с. Захарово, ул. Школьная, д. 5», «ш. Московское, д. 12»; None when there is none."""
    folded = fold(text)
    match = _first_address(folded)
    return _written_one_way(match, folded, folded) if match else None


def address_for_reply(text: str) -> str | None:
    """The same address for a reply's {address}: «по адресу ул. Новосёлов, д. 215» whatever
    the citizen typed («на улице Новосёлов 215»), keeping the letter ё the key folds away."""
    folded = fold(text)
    lowered = text.lower()
    if len(lowered) != len(folded):  # a case mapping changed offsets (not Russian): use the key
        return address_key(text)
    match = _first_address(folded)
    return _written_one_way(match, folded, lowered) if match else None


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return word if not word.isalpha() else _ru.stemWord(word)


def significant_stems(text: str) -> list[str]:
    """Stems of the words that carry the topic, in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_URL.sub(" ", fold(text))):
        if word in _STOP_WORDS or (word.isalpha() and len(word) < 3):
            continue
        seen.setdefault(_stem(word), None)
    return list(seen)


def text_key(text: str) -> str | None:
    """A 16-hex-digit key equal for texts with the same first significant stems; None for a
    text too short to judge."""
    stems = significant_stems(text)[:TEXT_KEY_WORDS]
    if len(stems) < TEXT_KEY_MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(sorted(stems)).encode(), digest_size=8).hexdigest()
