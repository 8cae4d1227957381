"""Values for a template's placeholders, from the incident and the operator, and a ranking of
templates by how close they are to the citizen's message.

The greeting follows the patronymic: «Уважаемый Иван Петрович» / «Уважаемая Анна Сергеевна»;
without a full name and patronymic it falls back to a neutral «Здравствуйте, …». Gender and
declension come from pytrovich (the rules of the Petrovich library for Russian names).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from .cache.search import tokens
from .fingerprint import address_for_reply

_detector = PetrovichGenderDetector()
# «Олег Жуков» has no patronymic to tell: an ambiguous answer is a normal None here, not a
# warning for the console on every such name.
logging.getLogger("pytrovich.detector").setLevel(logging.ERROR)
_maker = PetrovichDeclinationMaker()
_TURKIC = ("оглы", "кызы", "улы", "гызы", "уулу")


@lru_cache(maxsize=4096)
def gender_of(name: str, patronymic: str) -> str | None:
    """'m', 'f', or None when the patronymic does not tell. Cached: the detector takes
    tens of microseconds, and names repeat (a demo seeds thousands of replies)."""
    if patronymic.lower().endswith(("оглы", "улы", "уулу")):
        return "m"
    if patronymic.lower().endswith(("кызы", "гызы")):
        return "f"
    try:
        gender = _detector.detect(firstname=name, middlename=patronymic)
    except (KeyError, ValueError, AttributeError):
        return None
    return {Gender.MALE: "m", Gender.FEMALE: "f"}.get(gender)


def _split(author_name: str | None) -> list[str]:
    parts = [p for p in (author_name or "").replace(".", " ").split() if p.isalpha()]
    if len(parts) >= 3 and parts[-1].lower() in _TURKIC:
        parts = [*parts[:-3], parts[-3], f"{parts[-2]} {parts[-1].lower()}"]
    return parts


def dative(author_name: str | None) -> str | None:
    """«Ивану Петровичу», «Анне Сергеевне Петровой»: for «кому» in a template; None if unsure."""
    parts = _split(author_name)
    if len(parts) < 2 or " " in parts[-1]:
        return None
    gender = gender_of(parts[-2], parts[-1])
    if gender is None:
        return None
    g = Gender.MALE if gender == "m" else Gender.FEMALE
    first = _maker.make(NamePart.FIRSTNAME, g, Case.DATIVE, parts[-2].title())
    middle = _maker.make(NamePart.MIDDLENAME, g, Case.DATIVE, parts[-1].title())
    if len(parts) >= 3:
        last = _maker.make(NamePart.LASTNAME, g, Case.DATIVE, parts[-3].title())
        return f"{first} {middle} {last}"
    return f"{first} {middle}"


def greeting(author_name: str | None) -> str:
    """A salutation agreeing with the citizen's gender when the patronymic tells it."""
    parts = _split(author_name)
    if len(parts) >= 2:
        # «Иванов Иван Петрович» or «Иван Петрович»: name and patronymic are the last two.
        name, patronymic = parts[-2], parts[-1]
        gender = gender_of(name, patronymic)
        polite = f"{name.title()} {patronymic[:1].upper()}{patronymic[1:]}"
        if gender == "m":
            return f"Уважаемый {polite}"
        if gender == "f":
            return f"Уважаемая {polite}"
    if parts:
        return f"Здравствуйте, {parts[0].title()}" if len(parts) == 1 else "Здравствуйте"
    return "Здравствуйте"


def placeholder_values(
    incident: Mapping[str, Any],
    *,
    operator_name: str,
    agency: str | None,
    municipality: str | None,
    category: str | None,
    today: date | None = None,
) -> dict[str, str | None]:
    """`today` (the server's, from the workstation clock): a due date already past is not
    offered as {deadline_date} — promising a citizen a day that has gone is worse than asking
    the operator to name one, so the field stays open and blocks sending until filled. Not the
    next working day either: that would be a date nobody planned."""
    due = incident.get("final_answer_due") or incident.get("first_answer_due")
    due_day = datetime.fromtimestamp(due).date() if due else None
    if due_day is not None and today is not None and due_day < today:
        due_day = None
    author = incident.get("author_name")
    return {
        "citizen_name": author or None,
        "citizen_name_dative": dative(author),
        "greeting": greeting(author),
        # The first street and house named in the message; the operator corrects it if needed.
        "address": address_for_reply(incident.get("text") or ""),
        "agency": agency or None,
        "deadline_date": due_day.strftime("%d.%m.%Y") if due_day else None,
        "incident_number": incident.get("number"),
        "operator_name": operator_name or None,
        "municipality": municipality or None,
        "category": category or None,
    }


def rank_templates(
    templates: Iterable[Mapping[str, Any]],
    message: str,
    *,
    category_id: int | None = None,
    limit: int | None = None,
) -> list[tuple[float, Mapping[str, Any]]]:
    """Templates of the incident's category first, then by TF-IDF cosine similarity of stems
    to the message, best first. Similarity alone put a universal «Нарушение не подтвердилось»
    (which shares words with any complaint) above the category's own answer."""
    items = list(templates)
    bags = [Counter(tokens(f"{t['title']} {t['text']}")) for t in items]
    df = Counter(stem for bag in bags for stem in bag)
    n = len(items) or 1

    def weigh(bag: Counter) -> dict[str, float]:
        return {s: c * math.log(1 + n / df.get(s, 1)) for s, c in bag.items()}

    query = weigh(Counter(tokens(message)))
    qnorm = math.sqrt(sum(v * v for v in query.values())) or 1.0
    scored = []
    for item, bag in zip(items, bags, strict=True):
        vec = weigh(bag)
        dot = sum(w * vec.get(s, 0.0) for s, w in query.items())
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        scored.append((dot / (qnorm * norm), item))

    def same_category(t: Mapping[str, Any]) -> bool:
        return category_id is not None and t.get("category_id") == category_id

    scored.sort(key=lambda x: (not same_category(x[1]), -x[0], x[1]["title"]))
    return scored[:limit] if limit else scored


def returned_reply(detail: dict[str, Any], user_id: int) -> dict[str, Any] | None:
    """The user's reply a supervisor returned with a comment, if the user has not written a
    newer one of the same kind since: the editor shows the comment and offers the text back."""
    mine = [r for r in detail.get("replies", []) if r["author_id"] == user_id]
    for i, reply in enumerate(mine):
        if reply["approval_state"] != "returned":
            continue
        if not any(later["kind"] == reply["kind"] for later in mine[i + 1 :]):
            return reply
    return None


def changes_by_others(detail: dict[str, Any], since_version: int, user_id: int) -> list[dict]:
    """Events other people added to an incident after `since_version` (the version the user's
    reply editor opened on): a reply written meanwhile may no longer fit the case."""
    return [
        e
        for e in detail.get("events", [])
        if e["version"] > since_version and e.get("actor_id") not in (None, user_id)
    ]


def genitive_short(full_name: str | None) -> str:
    """«Новикова А. И.» for «Новиков Артём Игоревич»: whose a case is («в работе у …»).
    The surname is declined only when the patronymic tells the gender; otherwise it stays as
    written, which reads better than a wrong ending."""
    parts = _split(full_name)
    if len(parts) < 3 or " " in parts[-1]:
        return (full_name or "").strip()
    surname, name, patronymic = parts[-3].title(), parts[-2], parts[-1]
    gender = gender_of(name, patronymic)
    if gender is not None:
        g = Gender.MALE if gender == "m" else Gender.FEMALE
        surname = _maker.make(NamePart.LASTNAME, g, Case.GENITIVE, surname)
    return f"{surname} {name[:1].upper()}. {patronymic[:1].upper()}."
