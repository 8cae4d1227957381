"""The rules behind spikes and clusters, in plain Python, shared by the server (which feeds
them SQL aggregates) and the workstation's offline analytics (which feeds them the cache), so
both state and apply one rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from .analytics import MAX_CLUSTER_IDS, AnalyticsQuery, Cluster, Period, Spike
from .russian import plural

#: Spikes listed at most.
MAX_SPIKES = 500
#: Characters of the representative text shown as a text cluster's key.
KEY_TEXT_CHARS = 200


def _times(factor: float) -> str:
    """«в 3 раза», «в 5 раз», «в 2,5 раза»."""
    if factor != int(factor):
        return f"в {f'{factor:g}'.replace('.', ',')} раза"
    n = int(factor)
    return f"в {n} {plural(n, 'раз', 'раза', 'раз')}"


def spike_rule(min_count: int, factor: float, baseline_weeks: int) -> str:
    incidents = plural(min_count, "обращения", "обращений", "обращений")
    if baseline_weeks == 1:
        weeks = "предыдущую неделю"
    else:
        weeks = f"{baseline_weeks} " + plural(
            baseline_weeks, "предыдущую неделю", "предыдущие недели", "предыдущих недель"
        )
    return (
        f"Всплеск: за неделю (с понедельника) не меньше {min_count} {incidents} одной рубрики "
        f"в одном муниципальном образовании и {_times(factor)} больше среднего за {weeks}"
    )


def cluster_rule(min_size: int) -> str:
    return (
        f"Группа: не меньше {min_size} обращений за период в одном муниципальном образовании "
        "с одним адресом (улица и дом) в одной отрасли или с одинаковым текстом (те же "
        "значимые слова без учёта порядка, формы слов, регистра и знаков препинания)"
    )


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


@dataclass(frozen=True)
class AnalyticsWindow:
    """One analytics request resolved: the period, its predecessor, whose incidents, when.
    The server reads it against its tables (`cur_server.periods.Window`), the workstation
    against its cache (`models.cache.analytics.LocalWindow`)."""

    query: AnalyticsQuery
    #: None: the whole region (or all the cache holds); a list (maybe empty): only these.
    municipality_ids: list[int] | None
    offset: timedelta
    now: datetime

    @property
    def minutes(self) -> int:
        return int(self.offset.total_seconds() // 60)

    def utc(self, day: date) -> datetime:
        """The UTC instant local `day` begins."""
        return datetime.combine(day, time(0), tzinfo=UTC) - self.offset

    @property
    def previous_from(self) -> date:
        return self.query.date_from - timedelta(days=self.query.days)

    def period(self) -> Period:
        return Period(
            date_from=self.query.date_from,
            date_to=self.query.date_to,
            previous_from=self.previous_from,
            previous_to=self.query.date_from - timedelta(days=1),
            municipality_ids=[] if self.municipality_ids is None else self.municipality_ids,
            utc_offset_minutes=self.minutes,
        )


def detect_spikes(
    series: Mapping[tuple, Mapping[date, int]],
    date_from: date,
    date_to: date,
    *,
    min_count: int,
    factor: float,
    baseline_weeks: int,
) -> list[Spike]:
    """Spikes of the weeks whose Monday falls in the period, from weekly counts per
    `(municipality_id, sector, category_id)` keyed by Monday (weeks from `baseline_weeks`
    before the first one); largest ratio first (no baseline first)."""
    first_week, last_week = monday(date_from), monday(date_to)
    examined = [
        first_week + timedelta(weeks=k) for k in range((last_week - first_week).days // 7 + 1)
    ]
    weeks_before = {
        w: [w - timedelta(weeks=k) for k in range(1, baseline_weeks + 1)] for w in examined
    }
    found: list[Spike] = []
    for (municipality_id, sector, category_id), counts in series.items():
        for w in examined:
            n = counts.get(w, 0)
            if n < min_count:
                continue
            baseline = sum(counts.get(b, 0) for b in weeks_before[w]) / baseline_weeks
            if n >= factor * baseline:
                found.append(
                    Spike(
                        municipality_id=municipality_id,
                        sector=sector,
                        category_id=category_id,
                        week_start=w,
                        count=n,
                        baseline=round(baseline, 3),
                        ratio=round(n / baseline, 2) if baseline else None,
                    )
                )
    found.sort(
        key=lambda x: (
            x.ratio is not None,
            -(x.ratio or 0),
            -x.count,
            x.week_start,
            x.municipality_id,
            x.category_id or 0,
        )
    )
    return found[:MAX_SPIKES]


def drop_covered(texts: list[Cluster], addresses: list[Cluster]) -> list[Cluster]:
    """Text clusters, less those whose incidents all sit in one listed address cluster."""
    by_incident = {}
    for cluster in addresses:
        if cluster.count <= MAX_CLUSTER_IDS:  # complete id lists only
            for iid in cluster.incident_ids:
                by_incident[iid] = id(cluster)
    kept = []
    for cluster in texts:
        homes = {by_incident.get(iid) for iid in cluster.incident_ids}
        if cluster.count > MAX_CLUSTER_IDS or len(homes) != 1 or None in homes:
            kept.append(cluster)
    return kept


def merge_clusters(addresses: list[Cluster], texts: list[Cluster], limit: int) -> list[Cluster]:
    """Both kinds in one list, largest first, as the report lists them."""
    items = addresses + drop_covered(texts, addresses)
    items.sort(key=lambda c: (-c.count, c.first_received_at, c.kind, c.municipality_id))
    return items[:limit]
