"""Who or where to suggest when an incident is routed or assigned: suggestions go to the top of
the list, marked, and nothing is preselected. A first-in-the-alphabet default sends cases to
the wrong agency when a tired operator presses Enter; a suggestion only shortens the search.

Agencies are suggested by the incident's sector and municipality (the local body of that sector
first, then the municipality's administration, then the regional bodies of the sector); people
by the open cases they already hold in the same municipality and sector, fewest open cases
first among equals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from .cache.schema import incidents
from .statuses import OPEN_STATUSES


@dataclass(frozen=True)
class Suggested:
    """One entry of a choice list: `suggested` ones come first and are marked."""

    id: int
    name: str
    suggested: bool


def rank_agencies(
    agencies: Iterable[Any], sector: str | None, municipality_id: int | None
) -> list[Suggested]:
    """Agencies of the sector (or of none), the fitting ones first: the sector's agency in the
    incident's municipality, the municipality's own administration, then the sector's regional
    ones; the rest (other municipalities' administrations, bodies of no sector) by name."""

    def fit(a) -> int:
        local = municipality_id is not None and a.municipality_id == municipality_id
        if sector is not None and a.sector == sector:
            return 3 if local else (1 if a.municipality_id is None else 0)
        return 2 if local and a.sector is None else 0

    usable = [a for a in agencies if sector is None or a.sector in (None, sector)]
    ranked = sorted(usable, key=lambda a: (-fit(a), a.name))
    return [Suggested(a.id, a.name, fit(a) > 0) for a in ranked]


def holders_nearby(conn: Connection, incident_ids: list[int]) -> Counter:
    """For each person, how many open cases they hold in the municipality and sector of the
    given incidents (the given ones themselves not counted)."""
    places = conn.execute(
        select(incidents.c.municipality_id, incidents.c.sector)
        .where(incidents.c.id.in_(incident_ids))
        .distinct()
    ).all()
    if not places:
        return Counter()
    c = incidents.c
    rows = conn.execute(
        select(c.assignee_id, func.count())
        .where(
            or_(*(and_(c.municipality_id == m, c.sector == s) for m, s in places)),
            c.assignee_id.is_not(None),
            c.status.in_([s.value for s in OPEN_STATUSES]),
            c.id.not_in(incident_ids),
        )
        .group_by(c.assignee_id)
    ).all()
    return Counter({user_id: n for user_id, n in rows})


def rank_people(
    people: Iterable[tuple[str, int]], nearby: Counter, load: dict[int, int]
) -> list[Suggested]:
    """(name, id) pairs, those holding cases nearby first (most such cases, then fewest open
    cases overall), then everyone else by name."""
    people = list(people)
    near = sorted(
        (p for p in people if nearby.get(p[1])),
        key=lambda p: (-nearby[p[1]], load.get(p[1], 0), p[0]),
    )
    rest = sorted((p for p in people if not nearby.get(p[1])), key=lambda p: p[0])
    return [Suggested(i, n, True) for n, i in near] + [Suggested(i, n, False) for n, i in rest]
