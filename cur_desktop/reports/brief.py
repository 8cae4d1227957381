"""The municipality brief («Справка по муниципальному образованию») as plain data.

The source aggregates (the server, or the local cache when the server cannot be reached: see
`brief_source`); this module only asks it, names ids from the reference data and adds a few
example messages (`examples`), so the PDF and the XLSX writers draw the same figures and never
talk to the server or the cache themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from cur_desktop.models import analytics as a
from cur_desktop.models import contract as c
from cur_desktop.models.domain import SECTOR_LABELS
from cur_desktop.models.statuses import STATUS_LABELS
from cur_desktop.sync.client import RequestRejected

from .brief_source import BriefSource
from .examples import Example, Incidents, Scope, due_of, pick_examples
from .format import moment
from .municipality import BriefError, resolve_municipality

#: Topics in the tables and the chart; the rest of the period's incidents are summed as «прочие».
TOP_TOPICS = 10
#: Overdue incidents listed one by one (the total is always given).
OVERDUE_LISTED = 10
EXAMPLES = 5
CLUSTER_KIND_LABELS = {"address": "Адрес", "text": "Текст"}


@dataclass(frozen=True)
class Count:
    """A named count in the period and in the previous period of the same length."""

    name: str
    count: int
    previous: int
    group: str = ""  # the sector of a topic


@dataclass(frozen=True)
class SlaLine:
    name: str
    incidents: int
    answered: int
    answered_on_time: int
    overdue: int
    compliance: float | None
    median_minutes: float | None


@dataclass(frozen=True)
class OverdueCase:
    number: str
    received_at: datetime
    topic: str
    status: str
    due: datetime | None
    agency: str


@dataclass(frozen=True)
class SpikeLine:
    topic: str
    week_start: date
    count: int
    baseline: float
    ratio: float | None


@dataclass(frozen=True)
class ClusterLine:
    kind: str
    key: str
    count: int
    open_count: int
    first_received_at: datetime
    last_received_at: datetime


@dataclass
class BriefData:
    region: str
    municipality: str
    municipality_id: int
    date_from: date
    date_to: date
    previous_from: date
    previous_to: date
    generated_at: datetime
    timezone: str
    total: int
    total_previous: int
    by_day: list[tuple[date, int]]
    by_week: list[tuple[date, int, int]]
    by_sector: list[Count]
    topics: list[Count]
    other_topics: Count | None
    by_status: list[tuple[str, int]]
    sla_total: SlaLine | None
    sla_by_agency: list[SlaLine]
    overdue_now: int
    overdue: list[OverdueCase]
    spike_rule: str
    spikes: list[SpikeLine]
    cluster_rule: str
    clusters: list[ClusterLine]
    examples: list[Example] = field(default_factory=list)
    #: None: the server's data; else when the local cache it was counted from was last synced.
    cached_at: datetime | None = None
    #: Answers sent to the citizens' own channels, queued in the period: (delivered, still
    #: queued, failed); None when there were none (or the source does not count them).
    deliveries: tuple[int, int, int] | None = None

    @property
    def source_line(self) -> str | None:
        """The header line of a brief counted from the local cache (None for the server's)."""
        if self.cached_at is None:
            return None
        return (
            f"Составлено по локальному кэшу рабочего места на {moment(self.cached_at)}: "
            "только синхронизированные данные в пределах доступа пользователя"
        )


class Names:
    """Ids of the reference data turned into what people read."""

    def __init__(self, ref: c.Reference):
        self.categories = {x.id: x for x in ref.categories}
        self.agencies = {x.id: x.name for x in ref.agencies}
        self.municipalities = {x.id: x.name for x in ref.municipalities}

    def topic(self, category_id: int | None, sector: str) -> str:
        if category_id in self.categories:
            return self.categories[category_id].name
        return f"{SECTOR_LABELS.get(sector, sector)}: без категории"

    def agency(self, agency_id: int | None) -> str:
        if agency_id is None:
            return "Не направлено"
        return self.agencies.get(agency_id, f"Организация №{agency_id}")


def _sla_line(name: str, row: a.SlaRow) -> SlaLine:
    return SlaLine(
        name=name,
        incidents=row.incidents,
        answered=row.answered,
        answered_on_time=row.answered_on_time,
        overdue=row.overdue,
        compliance=row.compliance,
        median_minutes=row.median_first_answer_minutes,
    )


def _local(value: datetime, tz: ZoneInfo) -> datetime:
    return value.astimezone(tz)


def _deliveries(rows: list[a.DeliveryCount]) -> tuple[int, int, int] | None:
    if not rows:
        return None
    return (
        sum(r.sent for r in rows),
        sum(r.queued for r in rows),
        sum(r.failed for r in rows),
    )


def build_brief(
    source: BriefSource,
    municipality: str,
    date_from: date,
    date_to: date,
    *,
    examples: int = EXAMPLES,
) -> BriefData:
    """Everything the brief shows, from the server (`ServerSource` over a signed-in client) or
    the local cache (`CacheSource`). Raises BriefError or SyncError."""
    if date_from > date_to:
        raise BriefError("Начало периода позже его конца")
    ref = source.reference()
    mun = resolve_municipality(ref.municipalities, municipality)
    names = Names(ref)
    tz = ZoneInfo(ref.region.timezone)
    try:
        summary = source.summary(date_from, date_to, [mun.id], top=TOP_TOPICS)
        spikes = source.spikes(date_from, date_to, [mun.id])
        clusters = source.clusters(date_from, date_to, [mun.id])
    except RequestRejected as exc:  # the municipality is outside the caller's scope, or the role
        raise BriefError(exc.message) from exc
    except ValidationError as exc:  # a period the contract refuses, caught before any request
        raise BriefError(f"Неверный период: не длиннее {a.MAX_PERIOD_DAYS} дней") from exc

    by_sector: dict[str, list[int]] = {}
    for row in summary.by_sector_municipality:
        if row.municipality_id == mun.id:
            acc = by_sector.setdefault(row.sector, [0, 0])
            acc[0] += row.count
            acc[1] += row.previous
    topics = [
        Count(
            names.topic(t.category_id, t.sector),
            t.count,
            t.previous,
            SECTOR_LABELS.get(t.sector, t.sector),
        )
        for t in summary.top_categories
    ]
    # The server lists the top categories only: the rest is what the totals leave over.
    shown = topics[:TOP_TOPICS]
    rest = (
        summary.total - sum(t.count for t in shown),
        summary.total_previous - sum(t.previous for t in shown),
    )
    other = Count("Прочие темы", *rest) if any(rest) else None

    incident = Incidents(source)
    overdue = []
    for iid in summary.overdue_ids[:OVERDUE_LISTED]:
        inc = incident(iid)
        if inc is None:
            continue
        due = due_of(inc)
        overdue.append(
            OverdueCase(
                number=inc.number,
                received_at=_local(inc.received_at, tz),
                topic=names.topic(inc.category_id, inc.sector),
                status=STATUS_LABELS[inc.status],
                due=_local(due, tz) if due else None,
                agency=names.agency(inc.agency_id),
            )
        )

    data = BriefData(
        region=ref.region.name,
        municipality=mun.name,
        municipality_id=mun.id,
        date_from=summary.period.date_from,
        date_to=summary.period.date_to,
        previous_from=summary.period.previous_from,
        previous_to=summary.period.previous_to,
        generated_at=_local(summary.generated_at, tz),
        timezone=ref.region.timezone,
        total=summary.total,
        total_previous=summary.total_previous,
        by_day=[(d.day, d.count) for d in summary.by_day],
        by_week=[(w.week_start, w.count, w.days) for w in summary.by_week],
        by_sector=sorted(
            (Count(SECTOR_LABELS.get(s, s), n, p) for s, (n, p) in by_sector.items()),
            key=lambda x: (-x.count, x.name),
        ),
        topics=shown,
        other_topics=other,
        by_status=[(STATUS_LABELS[s.status], s.count) for s in summary.by_status if s.count],
        sla_total=_sla_line("Всего", summary.sla_total) if summary.sla_total else None,
        sla_by_agency=sorted(
            (_sla_line(names.agency(r.id), r) for r in summary.sla_by_agency),
            key=lambda x: (-x.incidents, x.name),
        ),
        overdue_now=summary.overdue_now,
        overdue=overdue,
        spike_rule=spikes.rule,
        spikes=[
            SpikeLine(
                names.topic(s.category_id, s.sector), s.week_start, s.count, s.baseline, s.ratio
            )
            for s in spikes.items
            if s.municipality_id == mun.id
        ],
        cluster_rule=clusters.rule,
        clusters=[
            ClusterLine(
                CLUSTER_KIND_LABELS.get(x.kind, x.kind),
                x.key,
                x.count,
                x.open_count,
                _local(x.first_received_at, tz),
                _local(x.last_received_at, tz),
            )
            for x in clusters.items
            if x.municipality_id == mun.id
        ],
        cached_at=_local(source.cached_at, tz) if source.cached_at else None,
        deliveries=_deliveries(summary.deliveries),
    )
    if examples > 0:
        scope = Scope(mun.id, data.date_from, data.date_to, tz)
        top = [t.name for t in data.topics]
        data.examples = pick_examples(
            incident,
            scope,
            names.topic,
            top,
            summary.overdue_ids,
            clusters.items,
            examples,
            source.as_of(),
        )
    return data
