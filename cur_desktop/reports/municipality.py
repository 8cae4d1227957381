"""Finding the municipality a person means: by id, code or name, forgiving case and «ё»."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from cur_desktop.models.contract import MunicipalityOut


class BriefError(Exception):
    """Why a brief cannot be made; the message is fit to show the user (Russian)."""


class UnknownMunicipality(BriefError):
    pass


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def resolve_municipality(known: Sequence[MunicipalityOut], query: str) -> MunicipalityOut:
    """The one municipality `query` names: an id, a code, the full name or a unique part of it."""
    wanted = _norm(query)
    if not wanted:
        raise UnknownMunicipality("Не указано муниципальное образование")
    if wanted.isdigit():
        for m in known:
            if m.id == int(wanted):
                return m
        raise UnknownMunicipality(f"Нет муниципального образования с номером {query.strip()}")
    exact = [m for m in known if wanted in (_norm(m.name), _norm(m.code))]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [m for m in known if wanted in _norm(m.name)]
    # «Касимов» is the town, not «Касимовский муниципальный округ»: whole words win.
    words = [m for m in partial if f" {wanted} " in f" {_norm(m.name)} "]
    for found in (partial, words):
        if len(found) == 1:
            return found[0]
    if partial:
        names = "; ".join(sorted(m.name for m in partial)[:10])
        raise UnknownMunicipality(f"Название «{query.strip()}» подходит к нескольким: {names}")
    hint = _close_names(known, wanted)
    hint = f" Похожие: {'; '.join(hint)}." if hint else ""
    raise UnknownMunicipality(f"Муниципальное образование «{query.strip()}» не найдено.{hint}")


def _close_names(known: Sequence[MunicipalityOut], wanted: str) -> list[str]:
    """Names like `wanted` as a whole or by one of their words («Шиловской» → «Шиловский
    муниципальный район»), most alike first."""
    keys: dict[str, set[str]] = {}
    for m in known:
        for key in [_norm(m.name), *(w for w in _norm(m.name).split() if len(w) >= 4)]:
            keys.setdefault(key, set()).add(m.name)
    names: list[str] = []
    for key in difflib.get_close_matches(wanted, list(keys), n=10, cutoff=0.75):
        names += sorted(keys[key] - set(names))
    return names[:5]
