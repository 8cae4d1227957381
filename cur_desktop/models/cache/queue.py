"""The queries behind the operator's queue: a page of incidents for a filter and a sort, counts
for the filter and the tabs, one incident with its history, and the next case to take.

SLA states are plain comparisons of stored moments with a `now` passed in: `sla_due` (the running
deadline) and `sla_risk_at` (when its last quarter of working time begins). So the same instant
gives the same answer in the rows, the counts and the tabs, and the filters use indexes.

The statements are written as SQL text on purpose: the expressions in ORDER BY must be spelled
exactly like the indexes of migration 0002 for SQLite to use them. Index choice and the paging
figures at 250k incidents are in bench/cache_queries.py and bench/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text

from ..domain import CHANNEL_LABELS, SECTOR_LABELS
from ..sla import SlaState
from ..statuses import OPEN_STATUSES, Status
from .schema import SEARCH_TABLE
from .search import match_query

#: Characters of the message text shown in the queue.
EXCERPT_CHARS = 200
#: Rows the queue fetches at a time.
PAGE_SIZE = 200


class Holder(StrEnum):
    """Who holds the case, for the assignee filter (a user id is accepted as well)."""

    ANYONE = "anyone"
    ME = "me"
    UNASSIGNED = "unassigned"


class SortKey(StrEnum):
    SLA_DUE = "sla_due"
    RECEIVED = "received"
    STATUS = "status"
    SECTOR = "sector"
    MUNICIPALITY = "municipality"
    CHANNEL = "channel"
    ASSIGNEE = "assignee"
    SLA_STATE = "sla_state"


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. Empty collections and None mean "no restriction"."""

    statuses: frozenset[Status] = frozenset()
    sectors: frozenset[str] = frozenset()
    municipality_ids: frozenset[int] = frozenset()
    channels: frozenset[str] = frozenset()
    assignee: Holder | int = Holder.ANYONE
    #: The signed-in user, needed by `assignee=Holder.ME`.
    me: int | None = None
    sla_state: SlaState | None = None
    #: Words as typed in the search box (full-text, any word form, prefix of the last word).
    text: str = ""
    #: Only incidents changed since the user last opened them.
    changed_only: bool = False

    def __post_init__(self) -> None:
        for name in ("statuses", "sectors", "municipality_ids", "channels"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        if self.assignee == Holder.ME and self.me is None:
            raise ValueError("assignee=ME needs the user id in `me`")


@dataclass(frozen=True)
class Sort:
    """A queue order. Ties always break by incident id in the same direction, so pages are
    stable. Rows without a running deadline (answered, closed) go last in both directions of
    the SLA sorts.

    `order` lists municipality or user ids in display order (by name, from the reference);
    ids not listed, and unassigned cases, follow. Without it they sort by id.
    """

    key: SortKey = SortKey.SLA_DUE
    descending: bool = False
    order: tuple[int, ...] = ()


# --- SQL pieces -------------------------------------------------------------------------------

# Ranks are literals, not parameters: an ORDER BY expression can only use an index when it is
# spelled exactly as the index expression.
_STATUS_RANK = "CASE status " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Status))
_STATUS_RANK += f" ELSE {len(Status)} END"


def _label_rank(column: str, labels: dict) -> str:
    ordered = sorted(labels, key=lambda code: labels[code])
    whens = " ".join(f"WHEN '{code.value}' THEN {i}" for i, code in enumerate(ordered))
    return f"CASE {column} {whens} ELSE {len(ordered)} END"


_SECTOR_RANK = _label_rank("sector", SECTOR_LABELS)
_CHANNEL_RANK = _label_rank("channel", CHANNEL_LABELS)
_OPEN = "(" + ", ".join(f"'{s.value}'" for s in Status if s in OPEN_STATUSES) + ")"
_STATE_RANK = (
    "CASE WHEN sla_due IS NULL THEN 3 WHEN sla_due <= :now THEN 0 "
    "WHEN sla_risk_at <= :now THEN 1 ELSE 2 END"
)
_STATE_NAMES = {0: SlaState.overdue, 1: SlaState.at_risk, 2: SlaState.ok, 3: SlaState.done}

_LIGHT = (
    "id, number, status, importance, sector, municipality_id, channel, assignee_id, "
    f"received_at, sla_due, substr(text, 1, {EXCERPT_CHARS}) AS excerpt, pending, "
    f"version > seen_version AS changed, {_STATE_RANK} AS sla_rank"
)


def _id_rank(column: str, order: tuple[int, ...]) -> str:
    if not order:
        return f"ifnull({column}, 9223372036854775807)"
    whens = " ".join(f"WHEN {int(v)} THEN {i}" for i, v in enumerate(order))
    return f"CASE WHEN {column} IS NULL THEN {len(order) + 1} {whens} ELSE {len(order)} END"


def _in(column: str, values: Iterable, prefix: str, params: dict[str, Any]) -> str:
    names = []
    for i, v in enumerate(sorted(values, key=str)):
        params[f"{prefix}{i}"] = v.value if isinstance(v, StrEnum) else v
        names.append(f":{prefix}{i}")
    return f"{column} IN ({', '.join(names)})"


def _where(f: QueueFilter, now: int) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"now": now}
    clauses: list[str] = []
    if f.statuses:
        clauses.append(_in("status", f.statuses, "st", params))
    if f.sectors:
        clauses.append(_in("sector", f.sectors, "se", params))
    if f.municipality_ids:
        clauses.append(_in("municipality_id", f.municipality_ids, "mu", params))
    if f.channels:
        clauses.append(_in("channel", f.channels, "ch", params))
    if f.assignee == Holder.UNASSIGNED:
        clauses.append("assignee_id IS NULL")
    elif f.assignee == Holder.ME:
        clauses.append("assignee_id = :holder")
        params["holder"] = f.me
    elif f.assignee != Holder.ANYONE:
        clauses.append("assignee_id = :holder")
        params["holder"] = int(f.assignee)
    if f.sla_state is SlaState.overdue:
        clauses.append("sla_due <= :now")
    elif f.sla_state is SlaState.at_risk:
        clauses.append("sla_risk_at <= :now AND sla_due > :now")
    elif f.sla_state is SlaState.ok:
        clauses.append("sla_risk_at > :now")
    elif f.sla_state is SlaState.done:
        clauses.append("sla_due IS NULL")
    query = match_query(f.text) if f.text else None
    if query is not None:
        clauses.append(f"id IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q)")
        params["q"] = query
    if f.changed_only:
        clauses.append("version > seen_version")
    return (" AND ".join(clauses) or "1"), params


def _order(sort: Sort) -> str:
    d = " DESC" if sort.descending else ""
    if sort.key is SortKey.SLA_DUE:
        if sort.descending:
            # NULL sorts lowest, so a plain descending order already puts closed rows last.
            return "sla_due DESC, id DESC"
        return "sla_due IS NULL, sla_due, id"
    if sort.key is SortKey.SLA_STATE:
        return f"sla_due IS NULL, {_STATE_RANK}{d}, sla_due{d}, id{d}"
    key = {
        SortKey.RECEIVED: "received_at",
        SortKey.STATUS: _STATUS_RANK,
        SortKey.SECTOR: _SECTOR_RANK,
        SortKey.CHANNEL: _CHANNEL_RANK,
        SortKey.MUNICIPALITY: _id_rank("municipality_id", sort.order),
        SortKey.ASSIGNEE: _id_rank("assignee_id", sort.order),
    }[sort.key]
    return f"{key}{d}, id{d}"


def _light(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["changed"] = bool(d["changed"])
    d["sla_state"] = _STATE_NAMES[d.pop("sla_rank")]
    return d


# --- queries ------------------------------------------------------------------------------------


def page(
    conn: Connection, filter: QueueFilter, sort: Sort, offset: int, limit: int, now: int
) -> list[dict[str, Any]]:
    """One page of the queue: light rows with only what the list shows."""
    where, params = _where(filter, now)
    params.update(limit=limit, offset=offset)
    sql = (
        f"SELECT {_LIGHT} FROM incidents WHERE {where} ORDER BY {_order(sort)} "
        "LIMIT :limit OFFSET :offset"
    )
    return [_light(r) for r in conn.execute(text(sql), params)]


def count(conn: Connection, filter: QueueFilter, now: int) -> int:
    where, params = _where(filter, now)
    return conn.execute(text(f"SELECT count(*) FROM incidents WHERE {where}"), params).scalar_one()


class Tab(StrEnum):
    MINE = "mine"
    UNASSIGNED = "unassigned"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    ALL = "all"


def tab_filter(tab: Tab, user_id: int) -> QueueFilter:
    """What each tab shows; `tab_counts` counts exactly these."""
    open_ = frozenset(OPEN_STATUSES)
    return {
        Tab.MINE: QueueFilter(statuses=open_, assignee=Holder.ME, me=user_id),
        Tab.UNASSIGNED: QueueFilter(statuses=open_, assignee=Holder.UNASSIGNED),
        Tab.AT_RISK: QueueFilter(sla_state=SlaState.at_risk),
        Tab.OVERDUE: QueueFilter(sla_state=SlaState.overdue),
        Tab.ALL: QueueFilter(),
    }[tab]


def tab_counts(conn: Connection, user_id: int, now: int) -> dict[Tab, int]:
    """Counts of every tab in one statement: one indexed count per tab."""
    parts, params = [], {}
    for tab in Tab:
        where, p = _where(tab_filter(tab, user_id), now)
        for name, value in p.items():
            params[f"{tab.value}_{name}"] = value
            where = where.replace(f":{name}", f":{tab.value}_{name}")
        parts.append(f"(SELECT count(*) FROM incidents WHERE {where})")
    row = conn.execute(text("SELECT " + ", ".join(parts)), params).one()
    return dict(zip(Tab, row, strict=True))


def next_to_take(conn: Connection, user_id: int, now: int) -> dict[str, Any] | None:
    """The most urgent case nobody holds: open, unassigned, with no local change in flight.

    `user_id` is the person asking; the cache holds only that person's scope, so it does not
    narrow the choice today, but a taken case must not be one this user already holds.
    """
    where, params = _where(
        QueueFilter(statuses=frozenset(OPEN_STATUSES), assignee=Holder.UNASSIGNED), now
    )
    sql = (
        f"SELECT {_LIGHT} FROM incidents WHERE {where} AND pending = 0 "
        f"ORDER BY {_order(Sort())} LIMIT 1"
    )
    row = conn.execute(text(sql), params).first()
    return None if row is None else _light(row)


def incident_detail(conn: Connection, incident_id: int) -> dict[str, Any] | None:
    """One incident with its replies and events, oldest first; local (unsent) ones last."""
    row = conn.execute(text("SELECT * FROM incidents WHERE id = :id"), {"id": incident_id}).first()
    if row is None:
        return None
    d = dict(row._mapping)
    d["attachments"] = json.loads(d["attachments"])
    # Server ids grow with time; a local row's id is minus its outbox sequence number.
    in_order = "local, CASE WHEN local THEN -id ELSE id END"
    d["replies"] = [
        dict(r._mapping)
        for r in conn.execute(
            text(f"SELECT * FROM replies WHERE incident_id = :id ORDER BY {in_order}"),
            {"id": incident_id},
        )
    ]
    d["events"] = [
        {**dict(e._mapping), "data": json.loads(e.data)}
        for e in conn.execute(
            text(f"SELECT * FROM events WHERE incident_id = :id ORDER BY {in_order}"),
            {"id": incident_id},
        )
    ]
    return d
