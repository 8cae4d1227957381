"""The analytics of a period computed from the local cache, for when the server cannot be
reached: the same `Summary`, `SpikeReport` and `ClusterReport` the server answers with
(`cur_server/summary.py`, `spikes.py`, `clusters.py`), by the same definitions.

The cache holds only the user's scope and what was synced, so these figures equal the server's
only where the cache holds every incident of the period (and, for spikes, of the baseline
weeks before it). They are the *local* view: the user's not yet sent work counts as done. The
window says so next to them. A period's incidents are read once and counted in Python: a
district's or a region's month is tens of thousands of rows at most, read in the db thread.
Clusters need the server's address and text keys, which the cache does not store: they are
computed from the texts (about 75 µs an incident, so some 2 s for a region's month of 30k).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, or_, select

from .. import analytics as a
from ..analytics_rules import (
    KEY_TEXT_CHARS,
    AnalyticsWindow,
    cluster_rule,
    detect_spikes,
    merge_clusters,
    monday,
    spike_rule,
)
from ..domain import Role
from ..fingerprint import address_key, text_key
from ..statuses import OPEN_STATUSES
from .schema import incidents, meta
from .store import CacheStore

OPEN = sorted(s.value for s in OPEN_STATUSES)
REGION_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})

_EMPTY_SLA = a.SlaRow(
    id=None,
    incidents=0,
    answered=0,
    answered_on_time=0,
    compliance=None,
    median_first_answer_minutes=None,
)


class LocalWindow(AnalyticsWindow):
    """The request against the cache, which keeps times as epoch seconds."""

    def epoch(self, day: date) -> int:
        """The epoch second local `day` begins."""
        return int(self.utc(day).timestamp())

    @property
    def start(self) -> int:
        return self.epoch(self.query.date_from)

    @property
    def end(self) -> int:
        return self.epoch(self.query.date_to + timedelta(days=1))

    def local_date(self, epoch: int) -> date:
        return (datetime.fromtimestamp(epoch, UTC) + self.offset).date()

    def scope(self) -> list:
        terms = [incidents.c.training_session_id.is_(None)]
        if self.municipality_ids is not None:
            terms.append(incidents.c.municipality_id.in_(self.municipality_ids))
        return terms

    def received(self, start: int, end: int) -> list:
        return [*self.scope(), incidents.c.received_at >= start, incidents.c.received_at < end]


def _meta(conn: Connection, key: str) -> dict:
    raw = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return json.loads(raw) if raw else {}


def local_window(
    conn: Connection, query: a.AnalyticsQuery, now: datetime | None = None
) -> LocalWindow:
    """The period at the region's offset; the municipalities as the server would narrow them
    (a district official's «all» is their own; a region analyst's «all» is what is cached)."""
    now = now or datetime.now(UTC)
    region = _meta(conn, "reference").get("region") or {}
    offset = ZoneInfo(region.get("timezone") or "Europe/Moscow").utcoffset(now) or timedelta(0)
    me = CacheStore.get_meta(conn, "user", {}) or {}
    asked = sorted(set(query.municipality_ids))
    if me.get("role") in REGION_ROLES:
        scope = asked or None
    else:
        own = set(me.get("municipality_ids") or [])
        scope = [m for m in asked if m in own] if asked else sorted(own)
    return LocalWindow(query, scope, offset, now)


# --- the summary -------------------------------------------------------------------------------

_SUMMARY_COLUMNS = (
    incidents.c.received_at,
    incidents.c.municipality_id,
    incidents.c.sector,
    incidents.c.category_id,
    incidents.c.status,
    incidents.c.assignee_id,
    incidents.c.agency_id,
    incidents.c.first_answer_due,
    incidents.c.first_answered_at,
)


def local_summary(
    store: CacheStore, query: a.AnalyticsQuery, *, top: int = 10, now: datetime | None = None
) -> a.Summary:
    with store.read() as conn:
        w = local_window(conn, query, now)
        rows = conn.execute(
            select(*_SUMMARY_COLUMNS).where(*w.received(w.epoch(w.previous_from), w.end))
        ).all()
        overdue, overdue_ids = _overdue_now(conn, w)
    by_place: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    by_category: dict[tuple[int | None, str], list[int]] = defaultdict(lambda: [0, 0])
    per_day: dict[date, int] = defaultdict(int)
    per_status: dict[str, int] = defaultdict(int)
    sla: dict[str, dict] = {
        name: defaultdict(lambda: [0, 0, 0, 0]) for name in ("operator", "agency", "municipality")
    }
    sla["total"] = defaultdict(lambda: [0, 0, 0, 0])
    minutes: dict[str, dict] = {name: defaultdict(list) for name in sla}
    now = int(w.now.timestamp())
    totals = [0, 0]
    for received, mid, sector, category, status, assignee, agency, due, answered in rows:
        cur = int(received >= w.start)
        by_place[(sector, mid)][cur] += 1
        by_category[(category, sector)][cur] += 1
        totals[cur] += 1
        if not cur:
            continue
        per_day[w.local_date(received)] += 1
        per_status[status] += 1
        is_answered = answered is not None
        on_time = is_answered and (due is None or answered <= due)
        late = not is_answered and status in OPEN and due is not None and due <= now
        for name, key in (
            ("operator", assignee),
            ("agency", agency),
            ("municipality", mid),
            ("total", None),
        ):
            acc = sla[name][key]
            acc[0] += 1
            acc[1] += is_answered
            acc[2] += on_time
            acc[3] += late
            if is_answered:
                minutes[name][key].append((answered - received) / 60)
    places = [
        a.SectorMunicipalityCount(sector=k[0], municipality_id=k[1], count=v[1], previous=v[0])
        for k, v in sorted(by_place.items())
    ]
    ranked = sorted(
        (item for item in by_category.items() if item[1][1] > 0),
        key=lambda kv: (-kv[1][1], -kv[1][0], kv[0][1], kv[0][0] or 0),
    )
    categories = [
        a.CategoryCount(category_id=k[0], sector=k[1], count=v[1], previous=v[0])
        for k, v in ranked[:top]
    ]
    by_day, by_week = _trend(w, per_day)
    out = {
        name: sorted(
            (_sla_row(key, *values, minutes[name].get(key)) for key, values in groups.items()),
            key=lambda r: (r.id is None, r.id or 0),
        )
        for name, groups in sla.items()
    }
    return a.Summary(
        period=w.period(),
        total=totals[1],
        total_previous=totals[0],
        by_sector_municipality=places,
        by_day=by_day,
        by_week=by_week,
        by_status=[a.StatusCount(status=k, count=v) for k, v in sorted(per_status.items())],
        top_categories=categories,
        sla_by_operator=out["operator"],
        sla_by_agency=out["agency"],
        sla_by_municipality=out["municipality"],
        sla_total=out["total"][0] if out["total"] else _EMPTY_SLA,
        overdue_now=overdue,
        overdue_ids=overdue_ids,
        generated_at=w.now,
    )


def _trend(w: LocalWindow, per_day: dict[date, int]):
    q = w.query
    days = [q.date_from + timedelta(days=k) for k in range(q.days)]
    by_day = [a.DayCount(day=d, count=per_day.get(d, 0)) for d in days]
    weeks: dict[date, list[int]] = {}
    for d in days:
        week = weeks.setdefault(monday(d), [0, 0])
        week[0] += per_day.get(d, 0)
        week[1] += 1
    by_week = [a.WeekCount(week_start=k, count=n, days=m) for k, (n, m) in weeks.items()]
    return by_day, by_week


def _sla_row(key, count, answered, on_time, overdue, times: list[float] | None) -> a.SlaRow:
    judged = answered + overdue
    return a.SlaRow(
        id=key,
        incidents=count,
        answered=answered,
        answered_on_time=on_time,
        overdue=overdue,
        compliance=on_time / judged if judged else None,
        median_first_answer_minutes=float(statistics.median(times)) if times else None,
    )


def _overdue_now(conn: Connection, w: LocalWindow) -> tuple[int, list[int]]:
    """Open and past the due time of the answer it waits for, whenever received."""
    c = incidents.c
    now = int(w.now.timestamp())
    rows = conn.execute(
        select(c.id, c.first_answered_at, c.first_answer_due, c.final_answer_due).where(
            *w.scope(),
            c.status.in_(OPEN),
            or_(
                and_(c.first_answered_at.is_(None), c.first_answer_due <= now),
                and_(
                    c.first_answered_at.is_not(None),
                    c.final_answered_at.is_(None),
                    c.final_answer_due <= now,
                ),
            ),
        )
    ).all()
    ordered = sorted(rows, key=lambda r: (r[2] if r[1] is None else r[3], r[0]))
    return len(rows), [r[0] for r in ordered[: a.MAX_OVERDUE_IDS]]


# --- spikes ------------------------------------------------------------------------------------


def local_spikes(
    store: CacheStore,
    query: a.AnalyticsQuery,
    *,
    min_count: int = a.SPIKE_MIN_COUNT,
    factor: float = a.SPIKE_FACTOR,
    baseline_weeks: int = a.SPIKE_BASELINE_WEEKS,
    now: datetime | None = None,
) -> a.SpikeReport:
    """Weekly counts per (municipality, sector, category) from the baseline weeks before the
    period's first Monday to the end of its last week, then the server's rule."""
    with store.read() as conn:
        w = local_window(conn, query, now)
        since = monday(query.date_from) - timedelta(weeks=baseline_weeks)
        until = monday(query.date_to) + timedelta(days=7)
        c = incidents.c
        rows = conn.execute(
            select(c.received_at, c.municipality_id, c.sector, c.category_id).where(
                *w.received(w.epoch(since), w.epoch(until))
            )
        ).all()
    series: dict[tuple, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for received, mid, sector, category in rows:
        series[(mid, sector, category)][monday(w.local_date(received))] += 1
    return a.SpikeReport(
        period=w.period(),
        rule=spike_rule(min_count, factor, baseline_weeks),
        min_count=min_count,
        factor=factor,
        baseline_weeks=baseline_weeks,
        items=detect_spikes(
            series,
            query.date_from,
            query.date_to,
            min_count=min_count,
            factor=factor,
            baseline_weeks=baseline_weeks,
        ),
    )


# --- clusters ----------------------------------------------------------------------------------


def local_clusters(
    store: CacheStore,
    query: a.AnalyticsQuery,
    *,
    min_size: int = a.CLUSTER_MIN_SIZE,
    limit: int = 100,
    kind: str | None = None,
    now: datetime | None = None,
) -> a.ClusterReport:
    """The server's keys (`fingerprint.py`) computed from the cached texts of the period."""
    with store.read() as conn:
        w = local_window(conn, query, now)
        c = incidents.c
        rows = conn.execute(
            select(c.id, c.received_at, c.municipality_id, c.sector, c.status, c.text)
            .where(*w.received(w.start, w.end))
            .order_by(c.received_at, c.id)
        ).all()
    groups: dict[str, dict[tuple, list]] = {"address": defaultdict(list), "text": defaultdict(list)}
    for row in rows:
        _id, _received, mid, sector, _status, body = row
        if kind in (None, "address") and (key := address_key(body)) is not None:
            groups["address"][(mid, sector, key)].append(row)
        if kind in (None, "text") and (key := text_key(body)) is not None:
            groups["text"][(mid, key)].append(row)
    found = {k: _clusters(k, g, min_size, limit) for k, g in groups.items()}
    return a.ClusterReport(
        period=w.period(),
        rule=cluster_rule(min_size),
        min_size=min_size,
        items=merge_clusters(found["address"], found["text"], limit),
    )


def _clusters(kind: str, groups: dict[tuple, list], min_size: int, limit: int) -> list[a.Cluster]:
    big = [(k, members) for k, members in groups.items() if len(members) >= min_size]
    big.sort(key=lambda km: (-len(km[1]), km[1][0][1]))
    return [_cluster(kind, key, members) for key, members in big[:limit]]


def _cluster(kind: str, key: tuple, members: Iterable) -> a.Cluster:
    members = list(members)  # oldest first
    first = members[0]
    return a.Cluster(
        kind=kind,
        key=key[-1] if kind == "address" else " ".join(first[5][:KEY_TEXT_CHARS].split()),
        municipality_id=key[0],
        sector=key[1] if kind == "address" else None,
        count=len(members),
        open_count=sum(1 for m in members if m[4] in OPEN),
        incident_ids=[m[0] for m in members[: a.MAX_CLUSTER_IDS]],
        first_received_at=datetime.fromtimestamp(first[1], UTC),
        last_received_at=datetime.fromtimestamp(members[-1][1], UTC),
    )
