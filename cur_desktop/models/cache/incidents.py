"""Writing incidents into the cache: server pages on the fast path, and the local view of
incidents that have unacknowledged local work (server state + the outbox re-applied on top)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Connection, Table, delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..contract import IncidentOut, ReplyOut
from ..sla import SlaClock, SlaPolicy, WorkingCalendar
from ..statuses import OPEN_STATUSES, Status
from . import optimistic
from .schema import SEARCH_TABLE, events, incident_base, incidents, meta, outbox, replies
from .search import index_text

#: Wire times kept as epoch seconds in the cache.
TIME_FIELDS = (
    "received_at",
    "sla_started_at",
    "first_answer_due",
    "first_answered_at",
    "final_answer_due",
    "final_answered_at",
    "updated_at",
)
_CHUNK = 500
#: Keys of the wire's incident and reply that are columns here (times are converted apart).
_SERVER_INCIDENT_KEYS = tuple(k for k in incidents.c.keys() if k in IncidentOut.model_fields)
_SERVER_REPLY_KEYS = tuple(k for k in replies.c.keys() if k in ReplyOut.model_fields)


def _dumps(value: Any) -> str:
    """JSON text of wire data (attachments, event data) for a TEXT column, read by json.loads.

    pydantic-core's encoder: `json.dumps` builds a new encoder per call, which for the tens of
    thousands of small event dicts of a pull costs more than storing them.
    """
    return to_json(value).decode()


def to_epoch(value: datetime | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return int(value.timestamp())


def from_epoch(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def running_deadline(row: dict[str, Any]) -> int | None:
    """The deadline that runs now: first answer until one is given, then the final answer."""
    if Status(row["status"]) not in OPEN_STATUSES:
        return None
    if row["first_answered_at"] is None:
        return row["first_answer_due"]
    return row["final_answer_due"]


def window_start(row: dict[str, Any]) -> int:
    """Start of the running window: receipt (or reopening), or the interim answer."""
    if row["first_answered_at"] is None:
        return row["sla_started_at"]
    return row["first_answered_at"]


def risk_moment(clock: SlaClock, start: int, due: int) -> int:
    """First moment (epoch seconds) at which `SlaClock.state` says «под угрозой».

    The risk threshold is a share of *working* time, so a case received on Friday evening is
    not at risk on Monday morning; storing the moment lets SQL compare it with `now` instead
    of walking the calendar for every row. Rounded up so that `now >= risk` agrees with the
    clock at whole seconds.
    """
    cal = clock.calendar
    start_dt, due_dt = from_epoch(start), from_epoch(due)
    total = cal.working_seconds_between(start_dt, due_dt)
    if total <= 0:
        return min(start, due)  # no working time at all: at risk from the start
    elapsed_hours = (1.0 - clock.policy.at_risk_fraction) * total / 3600.0
    moment = cal.add_working_hours(start_dt, elapsed_hours).timestamp()
    return min(math.ceil(moment - 1e-6), due)


_clocks: dict[str | None, SlaClock] = {}


def sla_clock(conn: Connection) -> SlaClock:
    """The region's SLA clock from the cached reference; the defaults before the first pull.

    Cached per reference ETag, since the reference document is large and rarely changes.
    """
    etag = conn.execute(select(meta.c.value).where(meta.c.key == "reference_etag")).scalar()
    clock = _clocks.get(etag)
    if clock is None:
        clock = sla_clock_of(sla_basis(conn))
        _clocks.clear()
        _clocks[etag] = clock
    return clock


def sla_basis(conn: Connection) -> dict[str, Any]:
    """What the SLA clock is made of (the cached reference's calendar and policy), as JSON: it
    travels to a process that prepares pages (`sla_clock_of` there)."""
    raw = conn.execute(select(meta.c.value).where(meta.c.key == "reference")).scalar()
    ref = json.loads(raw) if raw else {}
    return {"calendar": ref.get("calendar"), "sla_policy": ref.get("sla_policy")}


def sla_clock_of(basis: dict[str, Any]) -> SlaClock:
    calendar = basis.get("calendar")
    return SlaClock(
        WorkingCalendar.from_json(calendar) if calendar else WorkingCalendar(),
        SlaPolicy.from_json(basis.get("sla_policy") or {}),
    )


def refresh_sla_risk(conn: Connection) -> int:
    """Recompute `sla_risk_at` of every running deadline, after the calendar or policy changed.

    The first pull of a new cache stores incidents before the reference arrives, so their risk
    moments were computed with the default calendar; the sync engine calls this once the
    reference is stored. Returns the number of rows updated.
    """
    clock = sla_clock(conn)
    rows = conn.execute(
        select(
            incidents.c.id,
            incidents.c.sla_started_at,
            incidents.c.first_answered_at,
            incidents.c.sla_due,
            incidents.c.sla_risk_at,
        ).where(incidents.c.sla_due.is_not(None))
    ).mappings()
    changed = [
        (risk, r["id"])
        for r in rows
        if (risk := risk_moment(clock, window_start(r), r["sla_due"])) != r["sla_risk_at"]
    ]
    if changed:
        conn.exec_driver_sql("UPDATE incidents SET sla_risk_at = ? WHERE id = ?", changed)
    return len(changed)


class IncidentState:
    """One incident as rows: what gets written to `incidents`, `replies` and `events`."""

    def __init__(self, row: dict[str, Any], reply_rows: list[dict], event_rows: list[dict]):
        self.row, self.replies, self.events = row, reply_rows, event_rows

    @classmethod
    def from_server(cls, inc: IncidentOut | dict[str, Any]) -> IncidentState:
        if isinstance(inc, IncidentOut):
            # The validated model's values as they are (datetimes, str enums): no dump to JSON
            # types and back, which at 100k incidents a pull cost more than writing them.
            d = inc.__dict__
            reply_list = [r.__dict__ for r in inc.replies]
            event_list = [e.__dict__ for e in inc.events]
        else:
            d, reply_list, event_list = inc, inc.get("replies") or [], inc.get("events") or []
        incident_id = d["id"]
        row = {k: d[k] for k in _SERVER_INCIDENT_KEYS if k in d}
        for key in TIME_FIELDS:
            row[key] = to_epoch(d.get(key))
        row["attachments"] = _dumps(d.get("attachments") or [])
        row["files"] = _dumps(d.get("files") or [])
        row["pending"] = 0
        reply_rows = []
        for r in reply_list:
            reply = {k: r[k] for k in _SERVER_REPLY_KEYS if k in r}
            reply["incident_id"] = incident_id
            reply["created_at"] = to_epoch(r["created_at"])
            reply["reviewed_at"] = to_epoch(r.get("reviewed_at"))
            reply["local"] = 0
            reply_rows.append(reply)
        event_rows = [
            {
                "id": e["id"],
                "incident_id": incident_id,
                "version": e["version"],
                "at": to_epoch(e["at"]),
                "actor_id": e.get("actor_id"),
                "kind": e["kind"],
                "data": _dumps(e.get("data") or {}),
                "local": 0,
            }
            for e in event_list
        ]
        return cls(row, reply_rows, event_rows)

    def finish(self, clock: SlaClock) -> IncidentState:
        due = running_deadline(self.row)
        self.row["sla_due"] = due
        self.row["sla_risk_at"] = (
            None if due is None else risk_moment(clock, window_start(self.row), due)
        )
        return self

    def search_body(self) -> str:
        parts = [self.row["number"], self.row.get("author_name"), self.row["text"]]
        return index_text(parts + [r["text"] for r in self.replies])


def chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _columns(table: Table) -> list[tuple[str, Any]]:
    """(name, value when a row has no such key): the schema's scalar default, else NULL."""
    return [
        (c.name, c.default.arg if c.default is not None and c.default.is_scalar else None)
        for c in table.c
    ]


def _insert_sql(table: Table, columns: list[tuple[str, Any]], keep: set[str] | None) -> str:
    """INSERT of every column; with `keep`, an upsert on `id` that leaves `keep` alone."""
    names = [name for name, _ in columns]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    if keep is not None:
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in keep)
        sql += f" ON CONFLICT (id) DO UPDATE SET {updates}"
    return sql


def _tuples(rows: Iterable[dict[str, Any]], columns: list[tuple[str, Any]]) -> list[tuple]:
    defaults = dict(columns)
    values = itemgetter(*defaults)
    return [values({**defaults, **row}) for row in rows]


# A page writes thousands of rows: plain SQL and tuples through executemany. SQLAlchemy Core
# statements with a dict per row cost as much again as SQLite's own work.
_INCIDENT_COLUMNS = _columns(incidents)
_REPLY_COLUMNS = _columns(replies)
_EVENT_COLUMNS = _columns(events)
# `seen_version` is the user's, not the server's: an update leaves it, unless told otherwise.
_UPSERT_INCIDENTS = _insert_sql(incidents, _INCIDENT_COLUMNS, {"id", "seen_version"})
_UPSERT_SEEN_INCIDENTS = _insert_sql(incidents, _INCIDENT_COLUMNS, {"id"})
_INSERT_REPLIES = _insert_sql(replies, _REPLY_COLUMNS, None)
_INSERT_EVENTS = _insert_sql(events, _EVENT_COLUMNS, None)
_INSERT_SEARCH = f"INSERT INTO {SEARCH_TABLE}(rowid, body) VALUES (?, ?)"
_INCIDENT_ID_AT = [name for name, _ in _INCIDENT_COLUMNS].index("id")
_REPLY_INCIDENT_AT = [name for name, _ in _REPLY_COLUMNS].index("incident_id")
_EVENT_INCIDENT_AT = [name for name, _ in _EVENT_COLUMNS].index("incident_id")


def _cached_ids(conn: Connection, ids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for part in chunks(ids):
        found += conn.execute(select(incidents.c.id).where(incidents.c.id.in_(part))).scalars()
    return found


@dataclass
class PageRows:
    """A page's rows as the cache's columns want them (`page_rows`): plain tuples, so writing
    them is SQLite's work alone, and they cross to the writer (a thread or another process)
    ready to bind."""

    ids: list[int]
    incidents: list[tuple]
    replies: list[tuple]
    events: list[tuple]
    search: list[tuple]

    def without(self, skip: set[int]) -> PageRows:
        """The rows of the incidents not in `skip` (those with local work are written apart)."""
        if not skip or not skip & set(self.ids):
            return self
        return PageRows(
            [i for i in self.ids if i not in skip],
            [r for r in self.incidents if r[_INCIDENT_ID_AT] not in skip],
            [r for r in self.replies if r[_REPLY_INCIDENT_AT] not in skip],
            [r for r in self.events if r[_EVENT_INCIDENT_AT] not in skip],
            [r for r in self.search if r[0] not in skip],
        )


def page_rows(states: Sequence[IncidentState], clock: SlaClock, *, seen: bool) -> PageRows:
    """The rows to write for these states, deadlines and index text included: the part of
    storing a page that needs no database (see `write_page_rows`).

    `seen`: the user has seen them as they are now (see `mark_seen`).
    """
    for s in states:
        s.finish(clock)
        if seen:
            s.row["seen_version"] = s.row["version"]
    return PageRows(
        [s.row["id"] for s in states],
        _tuples((s.row for s in states), _INCIDENT_COLUMNS),
        _tuples((r for s in states for r in s.replies), _REPLY_COLUMNS),
        _tuples((e for s in states for e in s.events), _EVENT_COLUMNS),
        [(s.row["id"], s.search_body()) for s in states],
    )


def write_page_rows(conn: Connection, rows: PageRows, *, seen: bool = False) -> None:
    """Replace these incidents, their replies, events and index entries in a few statements."""
    if not rows.ids:
        return
    # Only incidents already cached have rows to replace: none on a first pull. (Deleting
    # absent rowids from the contentless index would still add tombstones to it.)
    for part in chunks(_cached_ids(conn, rows.ids)):
        conn.execute(delete(replies).where(replies.c.incident_id.in_(part)))
        conn.execute(delete(events).where(events.c.incident_id.in_(part)))
        conn.execute(
            text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({','.join(map(str, part))})")
        )
    conn.exec_driver_sql(_UPSERT_SEEN_INCIDENTS if seen else _UPSERT_INCIDENTS, rows.incidents)
    if rows.replies:
        conn.exec_driver_sql(_INSERT_REPLIES, rows.replies)
    if rows.events:
        conn.exec_driver_sql(_INSERT_EVENTS, rows.events)
    conn.exec_driver_sql(_INSERT_SEARCH, rows.search)


def write_states(conn: Connection, states: Sequence[IncidentState], *, seen: bool = False) -> None:
    """Replace these incidents, their replies, events and index entries.

    `seen`: the user has seen them as they are now (see `mark_seen`).
    """
    if states:
        write_page_rows(conn, page_rows(states, sla_clock(conn), seen=seen), seen=seen)


def delete_incidents(conn: Connection, ids: Sequence[int]) -> None:
    for part in chunks(list(ids)):
        conn.execute(delete(replies).where(replies.c.incident_id.in_(part)))
        conn.execute(delete(events).where(events.c.incident_id.in_(part)))
        conn.execute(delete(incident_base).where(incident_base.c.incident_id.in_(part)))
        conn.execute(delete(incidents).where(incidents.c.id.in_(part)))
        conn.execute(
            text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN ({','.join(map(str, part))})")
        )


def pending_ids(conn: Connection, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for part in chunks(list(ids)):
        found.update(
            conn.execute(
                select(outbox.c.incident_id).where(outbox.c.incident_id.in_(part)).distinct()
            ).scalars()
        )
    return found


def prepare_page(items: Sequence[IncidentOut], clock: SlaClock, *, seen: bool) -> PageRows:
    """A server page's rows (see `page_rows`), made off the writing thread or process."""
    return page_rows([IncidentState.from_server(i) for i in items], clock, seen=seen)


def apply_page_rows(
    conn: Connection,
    rows: PageRows,
    me: dict,
    *,
    seen: bool,
    server_states: Callable[[set[int]], dict[int, dict[str, Any]]],
) -> None:
    """Store a prepared page. Incidents with local work keep it on top: their server state,
    asked of `server_states` (wire JSON by id), is kept aside and the outbox re-applied.

    `seen`: as given to `page_rows`; those with local work are marked seen here.
    """
    busy = pending_ids(conn, rows.ids)
    write_page_rows(conn, rows.without(busy), seen=seen)
    if not busy:
        return
    set_bases(conn, server_states(busy))
    for incident_id in sorted(busy):
        materialize(conn, incident_id, me)
    if seen:
        mark_seen(conn, sorted(busy))


def apply_server_incidents(
    conn: Connection, items: Sequence[IncidentOut], me: dict, *, seen: bool = False
) -> None:
    """Store a page from the server (see `apply_page_rows`).

    `seen`: mark them seen as they are now, as `mark_seen` would (a new cache's first fill),
    in the same statement that writes them.
    """
    apply_page_rows(
        conn,
        prepare_page(items, sla_clock(conn), seen=seen),
        me,
        seen=seen,
        server_states=lambda ids: {i.id: i.model_dump(mode="json") for i in items if i.id in ids},
    )


def set_base(conn: Connection, incident_id: int, server_state: dict[str, Any]) -> None:
    set_bases(conn, {incident_id: server_state})


def set_bases(conn: Connection, states: dict[int, dict[str, Any]]) -> None:
    """Keep these server states aside (replacing kept ones) while local work is pending."""
    if not states:
        return
    stmt = sqlite_insert(incident_base)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["incident_id"], set_={"json": stmt.excluded.json}
        ),
        [
            {"incident_id": i, "json": json.dumps(state, ensure_ascii=False)}
            for i, state in states.items()
        ],
    )


def current_server_state(conn: Connection, incident_id: int) -> dict[str, Any] | None:
    """The server's state of an incident: its base if it has local work, else its row."""
    raw = conn.execute(
        select(incident_base.c.json).where(incident_base.c.incident_id == incident_id)
    ).scalar()
    if raw is not None:
        return json.loads(raw)
    row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).mappings().first()
    if row is None:
        return None
    return _row_to_server_dict(conn, dict(row))


def _row_to_server_dict(conn: Connection, row: dict[str, Any]) -> dict[str, Any]:
    return rows_to_server_dicts(conn, [row])[row["id"]]


def rows_to_server_dicts(
    conn: Connection, rows: Sequence[dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """The server's form of cached rows without local work, with their replies and events
    (read for all of them at once: a bulk action keeps hundreds of them aside)."""
    ids = [row["id"] for row in rows]
    reply_rows: dict[int, list] = {i: [] for i in ids}
    event_rows: dict[int, list] = {i: [] for i in ids}
    for part in chunks(ids):
        for r in conn.execute(
            select(replies).where(replies.c.incident_id.in_(part)).order_by(replies.c.id)
        ).mappings():
            reply_rows[r["incident_id"]].append(r)
        for e in conn.execute(
            select(events).where(events.c.incident_id.in_(part)).order_by(events.c.id)
        ).mappings():
            event_rows[e["incident_id"]].append(e)
    local_only = ("sla_due", "sla_risk_at", "seen_version", "pending")
    out = {}
    for row in rows:
        d = {k: v for k, v in row.items() if k not in local_only}
        for key in TIME_FIELDS:
            d[key] = from_epoch(row[key]).isoformat() if row[key] is not None else None
        d["attachments"] = json.loads(row["attachments"])
        d["files"] = json.loads(row["files"] or "[]")
        d["replies"] = [
            {
                **{k: v for k, v in r.items() if k != "local" and k != "incident_id"},
                "created_at": from_epoch(r["created_at"]).isoformat(),
                "reviewed_at": (
                    from_epoch(r["reviewed_at"]).isoformat() if r["reviewed_at"] else None
                ),
            }
            for r in reply_rows[row["id"]]
        ]
        d["events"] = [
            {
                "id": e["id"],
                "version": e["version"],
                "at": from_epoch(e["at"]).isoformat(),
                "actor_id": e["actor_id"],
                "kind": e["kind"],
                "data": json.loads(e["data"]),
            }
            for e in event_rows[row["id"]]
        ]
        out[row["id"]] = d
    return out


def ensure_base(conn: Connection, incident_id: int) -> dict[str, Any]:
    """Before the first local mutation of an incident, keep its server state aside."""
    state = current_server_state(conn, incident_id)
    if state is None:
        raise KeyError(incident_id)
    set_base(conn, incident_id, state)
    return state


def materialize(conn: Connection, incident_id: int, me: dict) -> None:
    """Local view = server state (base) + every pending mutation of this incident, in order."""
    raw = conn.execute(
        select(incident_base.c.json).where(incident_base.c.incident_id == incident_id)
    ).scalar()
    if raw is None:
        return
    state = IncidentState.from_server(json.loads(raw))
    entries = conn.execute(
        select(outbox).where(outbox.c.incident_id == incident_id).order_by(outbox.c.seq)
    ).mappings()
    count = 0
    for entry in entries:
        optimistic.apply(state, dict(entry), me)
        count += 1
    state.row["pending"] = count
    write_states(conn, [state])
    if count == 0:
        conn.execute(delete(incident_base).where(incident_base.c.incident_id == incident_id))


def count_incidents(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(incidents)).scalar_one()


def mark_seen(conn: Connection, ids: Sequence[int]) -> None:
    """The user has seen these incidents as they are now (no «changed» mark)."""
    for chunk in chunks(list(ids)):
        conn.execute(
            update(incidents)
            .where(incidents.c.id.in_(chunk))
            .values(seen_version=incidents.c.version)
        )
