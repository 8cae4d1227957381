"""The queries behind the operator's queue: a page of incidents for a filter and a sort, counts
for the filter and the tabs, one incident with its history, and the next case to take.

SLA states are plain comparisons of stored moments with a `now` passed in: `sla_due` (the running
deadline) and `sla_risk_at` (when its last quarter of working time begins). So the same instant
gives the same answer in the rows, the counts and the tabs, and the filters can use indexes.

How the statements are built, and why (figures from bench/cache_queries.py at 250k incidents,
see bench/README.md):

- Reading incident rows is what costs on an encrypted cache: each table page read is decrypted,
  and a query that looks up 20k rows takes 150-700 ms. So a page is found with ids only, from
  index entries, and only the ~200 rows shown are read afterwards.
- The cache is two parts: cases whose SLA clock runs (`sla_due` set: the open ones, a few
  percent of the cache and all of the daily work) and finished ones. Every query on the running
  part goes through one partial index that holds every column a filter or a sort looks at, so
  it never reads the table; it is named with INDEXED BY because SQLite's planner, without
  statistics, prefers a plain index and then reads rows. The finished part is served by
  (column, sla_due, ...) indexes.
- Orders are cut into segments that an index can give: the deadline sort is "running cases by
  due time" then "finished cases by id". A page takes rows from the segments in turn; with an
  offset, the segments before it are counted (from index entries) and skipped.
- Other orders over both parts walk the index of that order and check the filter on the way
  (filter columns are written `+column` so that the planner does not pick a filter index and
  then sort every matching row).
- A full-text filter whose words match many incidents is checked by membership while walking an
  index (`+id IN ...`, no table reads); one that matches few is looked up by id.
- The rank expressions of the status, sector and channel orders come from schema.py, spelled
  exactly like the expression indexes of migration 0002: SQLite uses such an index only for the
  same expression (a test checks that those sorts do not sort).

Invariant relied on: `sla_due` is set only while the status is open (incidents.running_deadline
computes it on every write), so a filter on finished statuses skips the running part.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text

from ..sla import SlaState
from ..statuses import OPEN_STATUSES, Status
from .schema import CHANGED_TERM, CHANNEL_RANK, RUNNING_TERM, SEARCH_TABLE, SECTOR_RANK, STATUS_RANK
from .search import match_query

#: Characters of the message text shown in the queue.
EXCERPT_CHARS = 200
#: Rows the queue fetches at a time.
PAGE_SIZE = 200
#: Up to this many full-text hits, incidents are looked up by id; above it, an index is walked
#: and each entry checked against the hits (see bench/README.md).
TEXT_LOOKUP_LIMIT = 2_000


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
    #: Words as typed in the search box: any form of each word, the last one may be unfinished.
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
    """A queue order. Ties break by incident id in the same direction, so pages are stable.

    The SLA sorts put finished cases (no running deadline) last in both directions, by id.
    `order` lists municipality or user ids in display order (by name, from the reference); ids
    not listed follow by id, and unassigned cases come after them. Without it they sort by id.
    Descending reverses all of that, except that ids missing from `order` (a reference older
    than the data) stay after the listed ones.
    """

    key: SortKey = SortKey.SLA_DUE
    descending: bool = False
    order: tuple[int, ...] = ()


# --- SQL pieces -------------------------------------------------------------------------------

#: The partial index of the running part (condition: schema.RUNNING_TERM).
RUNNING_INDEX = "ix_inc_running"
_STOPPED_TERM = "sla_due IS NULL"
#: The partial index of cases changed since the user saw them (schema.CHANGED_TERM); on the
#: finished part it lists them in id order without reading the table.
CHANGED_INDEX = "ix_inc_changed"

_STATE_RANK = (
    "(CASE WHEN sla_due IS NULL THEN 3 WHEN sla_due <= :state_now THEN 0 "
    "WHEN sla_risk_at <= :state_now THEN 1 ELSE 2 END)"
)
_STATE_NAMES = {0: SlaState.overdue, 1: SlaState.at_risk, 2: SlaState.ok, 3: SlaState.done}
_LIGHT = (
    "id, number, status, importance, sector, municipality_id, channel, assignee_id, "
    f"received_at, sla_due, sla_risk_at, substr(text, 1, {EXCERPT_CHARS}) AS excerpt, pending, "
    f"version > seen_version AS changed, {_STATE_RANK} AS sla_rank"
)


@dataclass
class _Part:
    """The filter on one part of the cache: FROM (with an index hint) and WHERE terms."""

    source: str
    terms: list[str]

    def where(self, *extra: str) -> str:
        """The WHERE clause, empty when nothing is restricted: a bare count(*) is answered from
        the size of a b-tree without reading entries."""
        terms = [t for t in (*self.terms, *extra) if t]
        return f"{self.source} WHERE {' AND '.join(terms)}" if terms else self.source


@dataclass
class _Query:
    """A filter as SQL. `running` and `stopped` are the filter on each part of the cache (None
    when the filter excludes that part); `whole` is the same filter on the whole table, with
    its columns hidden from the planner (see the module docstring)."""

    params: dict[str, Any]
    running: _Part | None
    stopped: _Part | None
    whole: _Part
    #: Full-text hits when the text is the only restriction: the count is then already known.
    text_count: int | None = None
    #: The filter admits open statuses only.
    open_statuses_only: bool = False


def _compile(conn: Connection, f: QueueFilter, now: int, prefix: str = "") -> _Query | None:
    """The filter as SQL, or None when its text matches nothing (so nothing can match).
    `prefix` keeps parameter names apart when several filters share one statement."""
    params: dict[str, Any] = {}

    def param(name: str, value: Any) -> str:
        params[prefix + name] = value.value if isinstance(value, StrEnum) else value
        return f":{prefix}{name}"

    def among(column: str, values: Iterable, name: str) -> str:
        names = [param(f"{name}{i}", v) for i, v in enumerate(sorted(values, key=str))]
        return f"{column} IN ({', '.join(names)})"

    # (term, the same with its column hidden from the planner)
    common: list[tuple[str, str]] = []
    hits = None
    query = match_query(f.text) if f.text else None
    if query is not None:
        hits = conn.execute(
            text(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q"),
            {"q": query},
        ).scalar_one()
        if hits == 0:
            return None
        # "+id" keeps SQLite from driving the query from the hit list (a table read per hit):
        # it walks an index instead and checks each entry's id against the hits.
        hit_ids = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH {param('q', query)}"
        term = f"id IN ({hit_ids})"
        common.append((term if hits <= TEXT_LOOKUP_LIMIT else f"+{term}", f"+{term}"))
    for column, values, name in (
        ("status", f.statuses, "st"),
        ("sector", f.sectors, "se"),
        ("municipality_id", f.municipality_ids, "mu"),
        ("channel", f.channels, "ch"),
    ):
        if values:
            term = among(column, values, name)
            common.append((term, f"+{term}"))
    if f.assignee == Holder.UNASSIGNED:
        common.append(("assignee_id IS NULL", "+assignee_id IS NULL"))
    elif f.assignee != Holder.ANYONE:
        holder = param("holder", f.me if f.assignee == Holder.ME else int(f.assignee))
        common.append((f"assignee_id = {holder}", f"+assignee_id = {holder}"))
    if f.changed_only:
        common.append((CHANGED_TERM, f"+{CHANGED_TERM}"))

    running: list[str] | None = [RUNNING_TERM, *(t for t, _ in common)]
    stopped: list[str] | None = [_STOPPED_TERM, *(t for t, _ in common)]
    whole = [hidden for _, hidden in common]
    if f.statuses and not any(Status(s) in OPEN_STATUSES for s in f.statuses):
        running = None  # the invariant: finished cases have no running deadline
    if f.sla_state in (SlaState.overdue, SlaState.at_risk, SlaState.ok):
        now_ = param("now", now)
        term = {
            SlaState.overdue: f"sla_due <= {now_}",
            SlaState.at_risk: f"sla_risk_at <= {now_} AND sla_due > {now_}",
            SlaState.ok: f"sla_risk_at > {now_}",
        }[f.sla_state]
        whole.append(term)
        if running is not None:
            running.append(term)
        stopped = None
    elif f.sla_state is SlaState.done:
        whole.append(_STOPPED_TERM)
        running = None
    only_text = hits is not None and len(common) == 1 and f.sla_state is None
    # The planner would take the (sla_due, id) index and read every row to check the versions.
    stopped_source = f"incidents INDEXED BY {CHANGED_INDEX}" if f.changed_only else "incidents"
    return _Query(
        params,
        None if running is None else _Part(f"incidents INDEXED BY {RUNNING_INDEX}", running),
        None if stopped is None else _Part(stopped_source, stopped),
        _Part("incidents", whole),
        hits if only_text else None,
        bool(f.statuses) and all(Status(s) in OPEN_STATUSES for s in f.statuses),
    )


@dataclass
class _Both:
    """Both parts, each through its own index, as one source of (id, sort key `k`) rows."""

    running: _Part
    stopped: _Part
    key: str

    def where(self, *extra: str) -> str:
        arms = (
            f"SELECT id, {self.key} AS k FROM {p.where(*extra)}"
            for p in (self.running, self.stopped)
        )
        return f"({' UNION ALL '.join(arms)})"


def _segments(query: _Query, sort: Sort) -> list[tuple[_Part | _Both, str, str]]:
    """(part, extra condition, ORDER BY) pieces whose concatenation is the requested order."""
    d = " DESC" if sort.descending else ""
    if sort.key in (SortKey.SLA_DUE, SortKey.SLA_STATE):
        first = f"sla_due{d}, id{d}"
        if sort.key is SortKey.SLA_STATE:
            first = f"{_STATE_RANK}{d}, {first}"
        pieces = [(query.running, "", first), (query.stopped, "", f"id{d}")]
        return [(part, extra, order) for part, extra, order in pieces if part is not None]
    column = "municipality_id" if sort.key is SortKey.MUNICIPALITY else "assignee_id"
    key = {
        SortKey.RECEIVED: "received_at",
        SortKey.STATUS: STATUS_RANK,
        SortKey.SECTOR: SECTOR_RANK,
        SortKey.CHANNEL: CHANNEL_RANK,
    }.get(sort.key) or _listed_rank(column, sort.order, sort.descending)
    running, stopped = query.running, query.stopped
    # Other orders mix both parts. When the filter keeps only running cases, or only open
    # statuses (the finished part then holds open cases without a deadline: none in practice,
    # and the status index says so at once), the running index answers and the few thousand
    # entries are sorted; when it keeps only finished cases, that part is walked.
    if running is not None and (stopped is None or query.open_statuses_only):
        if stopped is None:
            return [(running, "", f"{key}{d}, id{d}")]
        return [(_Both(running, stopped, key), "", f"k{d}, id{d}")]
    part = stopped if running is None else query.whole
    assert part is not None
    if sort.key not in (SortKey.MUNICIPALITY, SortKey.ASSIGNEE):
        return [(part, "", f"{key}{d}, id{d}")]
    # One segment per listed id walks the (column, ...) index in id order.
    listed = [(part, f"{column} = {int(v)}", f"id{d}") for v in sort.order]
    rest = f"{column} IS NOT NULL"
    if sort.order:
        rest += f" AND {column} NOT IN ({', '.join(str(int(v)) for v in sort.order)})"
    unlisted = [(part, rest, f"{column}{d}, id{d}")]
    unassigned = [(part, f"{column} IS NULL", f"id{d}")]
    if sort.descending:
        return unassigned + listed[::-1] + unlisted
    return listed + unlisted + unassigned


def _listed_rank(column: str, order: tuple[int, ...], descending: bool) -> str:
    """A sort key giving the order `Sort` describes for municipality and assignee ids."""
    biggest = 9223372036854775807
    if not order:
        return f"ifnull({column}, {biggest})"
    # Listed ids rank by position; unlisted ones rank by id after them, ascending, and still
    # after them descending (so below the listed ranks); NULL sorts as the biggest.
    base, unlisted = (2**62, column) if descending else (0, f"{len(order)} + {column}")
    whens = " ".join(f"WHEN {column} = {int(v)} THEN {base + i}" for i, v in enumerate(order))
    return f"(CASE WHEN {column} IS NULL THEN {biggest} {whens} ELSE {unlisted} END)"


def _page_ids(conn: Connection, query: _Query, sort: Sort, offset: int, limit: int) -> list[int]:
    ids: list[int] = []
    skip = max(offset, 0)
    segments = _segments(query, sort)
    for n, (part, extra, order) in enumerate(segments, start=1):
        need = limit - len(ids)
        if need <= 0:
            break
        where = part.where(extra)
        if skip and n < len(segments):  # the last segment needs no count: nothing follows it
            size = conn.execute(text(f"SELECT count(*) FROM {where}"), query.params).scalar_one()
            if skip >= size:
                skip -= size
                continue
        sql = f"SELECT id FROM {where} ORDER BY {order} LIMIT :_n OFFSET :_skip"
        ids += conn.execute(text(sql), {**query.params, "_n": need, "_skip": skip}).scalars()
        skip = 0
    return ids


def _light_rows(conn: Connection, ids: list[int], now: int) -> list[dict[str, Any]]:
    if not ids:
        return []
    found = {}
    sql = f"SELECT {_LIGHT} FROM incidents WHERE id IN ({', '.join(map(str, ids))})"
    for row in conn.execute(text(sql), {"state_now": now}):
        d = dict(row._mapping)
        d["changed"] = bool(d["changed"])
        d["sla_state"] = _STATE_NAMES[d.pop("sla_rank")]
        found[d["id"]] = d
    return [found[i] for i in ids if i in found]


def _count_sql(query: _Query) -> str:
    if not query.whole.terms:
        return "SELECT count(*) FROM incidents"
    parts = [p for p in (query.running, query.stopped) if p is not None]
    if not parts:
        return "SELECT 0"
    return "SELECT " + " + ".join(f"(SELECT count(*) FROM {p.where()})" for p in parts)


# --- queries ------------------------------------------------------------------------------------


def page(
    conn: Connection, filter: QueueFilter, sort: Sort, offset: int, limit: int, now: int
) -> list[dict[str, Any]]:
    """Rows `offset` .. `offset + limit` of the queue, with only what the list shows:
    id, number, status, importance, sector, municipality_id, channel, assignee_id, received_at,
    sla_due, sla_risk_at (so the list shows «под угрозой» as the filters count it), sla_state,
    excerpt, pending (local changes not yet sent), changed (since seen)."""
    query = _compile(conn, filter, now)
    if query is None or limit <= 0:
        return []
    query.params["state_now"] = now
    return _light_rows(conn, _page_ids(conn, query, sort, offset, limit), now)


def count(conn: Connection, filter: QueueFilter, now: int) -> int:
    """How many incidents the filter matches (the length of the whole queue)."""
    query = _compile(conn, filter, now)
    if query is None:
        return 0
    if query.text_count is not None:
        return query.text_count  # the search index holds exactly one row per incident
    return conn.execute(text(_count_sql(query)), query.params).scalar_one()


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
    """The count of every tab in one statement, each from index entries only."""
    parts, params = [], {}
    for tab in Tab:
        query = _compile(conn, tab_filter(tab, user_id), now, prefix=f"{tab.value}_")
        assert query is not None  # tabs have no text
        params.update(query.params)
        parts.append(f"({_count_sql(query)})")
    row = conn.execute(text("SELECT " + ", ".join(parts)), params).one()
    return dict(zip(Tab, row, strict=True))


def next_to_take(conn: Connection, user_id: int, now: int) -> dict[str, Any] | None:
    """The most urgent case nobody holds: open, unassigned, and with no local change in flight
    (a claim this workstation has not sent yet counts as taken).

    `user_id` is who asks. The cache holds only that user's scope, so it does not narrow the
    choice; it is in the signature so that callers need not change if it ever must.
    """
    query = _compile(conn, tab_filter(Tab.UNASSIGNED, user_id), now)
    assert query is not None and query.running is not None
    where = query.running.where("pending = 0")
    sql = f"SELECT id FROM {where} ORDER BY sla_due, id LIMIT 1"
    found = conn.execute(text(sql), query.params).scalar()
    return None if found is None else _light_rows(conn, [found], now)[0]


def incident_detail(conn: Connection, incident_id: int) -> dict[str, Any] | None:
    """One incident (all its columns) with its replies and events, oldest first; local ones
    (not yet acknowledged by the server) after the server's, in the order they were made."""
    row = conn.execute(text("SELECT * FROM incidents WHERE id = :id"), {"id": incident_id}).first()
    if row is None:
        return None
    d = dict(row._mapping)
    d["attachments"] = json.loads(d["attachments"])
    d["files"] = json.loads(d.get("files") or "[]")
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
