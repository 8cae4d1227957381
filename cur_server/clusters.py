"""Clusters of near-duplicate complaints received in a period, as GROUP BYs over stored keys.

Within one municipality, incidents group by the address in their text (per sector: heating and a
pothole at one house are two problems) or by their text key (see
`cur_desktop.models.fingerprint`). A text cluster whose incidents all sit in one listed address
cluster adds nothing and is left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import case, func, select, tuple_
from sqlalchemy.orm import Session

from cur_desktop.models.analytics import MAX_CLUSTER_IDS, Cluster, ClusterReport
from cur_desktop.models.analytics_rules import KEY_TEXT_CHARS, cluster_rule, merge_clusters

from .periods import Window
from .summary import OPEN
from .tables import Incident


def find_clusters(
    s: Session,
    window: Window,
    *,
    min_size: int,
    limit: int,
    kind: str | None,
    found: Callable[[str], list[Cluster]] | None = None,
) -> ClusterReport:
    """`found`: each kind's clusters computed elsewhere meanwhile (see `clusters_of_kind`), or
    None to compute them here."""
    kinds = [k for k in ("address", "text") if kind in (None, k)]
    by_kind = {
        k: found(k) if found else clusters_of_kind(s, window, k, min_size=min_size, limit=limit)
        for k in kinds
    }
    items = merge_clusters(by_kind.get("address", []), by_kind.get("text", []), limit)
    return ClusterReport(
        period=window.period(), rule=cluster_rule(min_size), min_size=min_size, items=items
    )


def clusters_of_kind(
    s: Session, window: Window, kind: str, *, min_size: int, limit: int
) -> list[Cluster]:
    """The `limit` largest clusters of one kind: one GROUP BY over the period's incidents that
    have that key (on PostgreSQL a narrow partial index of just those), then their members."""
    i = Incident
    keys = [getattr(i, c) for c in _KEYS[kind]]
    heads = s.execute(
        select(
            *keys,
            func.count(),
            func.sum(_flag(i.status.in_(OPEN))),
            func.min(i.received_at),
            func.max(i.received_at),
        )
        .where(*window.received_between(window.start, window.end), keys[-1].is_not(None))
        .group_by(*keys)
        .having(func.count() >= min_size)
    ).all()
    width = len(keys)
    largest = sorted(heads, key=lambda h: (-h[width], _utc(h[width + 2])))[:limit]
    return _clusters(s, window, kind, largest)


#: The columns a cluster of each kind shares; the key itself comes last.
_KEYS = {
    "address": ("municipality_id", "sector", "address_key"),
    "text": ("municipality_id", "text_key"),
}


def _flag(condition):
    return case((condition, 1), else_=0)


def _clusters(s: Session, window: Window, kind: str, heads: list) -> list[Cluster]:
    """The clusters of these group heads, with their incidents (found by the key's index)."""
    if not heads:
        return []
    width = len(_KEYS[kind])
    group = [getattr(Incident, c) for c in _KEYS[kind]]
    members: dict[tuple, list[int]] = defaultdict(list)
    for row in s.execute(
        select(*group, Incident.id)
        .where(
            *window.received_between(window.start, window.end),
            tuple_(*group).in_(sorted(tuple(h[:width]) for h in heads)),
        )
        .order_by(Incident.received_at, Incident.id)
    ):
        members[tuple(row[:width])].append(row[width])
    texts = {}
    if kind == "text":  # the oldest message of each cluster stands for it
        first_ids = [ids[0] for ids in members.values()]
        texts = dict(
            s.execute(
                select(Incident.id, func.substr(Incident.text, 1, KEY_TEXT_CHARS)).where(
                    Incident.id.in_(first_ids)
                )
            ).all()
        )
    out = []
    for h in heads:
        ids = members[tuple(h[:width])]
        count, open_count, first, last = h[width:]
        out.append(
            Cluster(
                kind=kind,
                key=h[width - 1] if kind == "address" else " ".join(texts[ids[0]].split()),
                municipality_id=h[0],
                sector=h[1] if kind == "address" else None,
                count=count,
                open_count=open_count or 0,
                incident_ids=ids[:MAX_CLUSTER_IDS],
                first_received_at=_utc(first),
                last_received_at=_utc(last),
            )
        )
    return out


def _utc(value) -> datetime:
    """min()/max() over a subquery lose the column type on SQLite: text comes back."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC)
