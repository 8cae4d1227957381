"""The wire contract of the analytics endpoints (`/api/v1/analytics/...`).

The server aggregates in SQL and answers with these models; the workstation (charts, tables,
the municipality brief) only draws them. Like `contract.py`, fields are only ever added with
defaults, never renamed.

Days and weeks are the region's local days (Europe/Moscow for the demo region), taken at the
region's fixed UTC offset: Russian zones have kept one offset all year since 2014. Weeks start on
Monday. Training data never counts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, model_validator

from .contract import WireModel
from .domain import Channel, Sector
from .statuses import Status

ANALYTICS_PREFIX = "/api/v1/analytics"

#: The longest period one request may cover (about two years), so one request cannot make the
#: server aggregate the whole history twice over (the previous period doubles it).
MAX_PERIOD_DAYS = 732
#: Days a period may cover: no data is older, and the arithmetic stays far from date.min/max.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
#: Ids listed per cluster and in `overdue_ids`: enough to handle them together, bounded.
MAX_CLUSTER_IDS = 500
MAX_OVERDUE_IDS = 50

# Defaults of the spike rule and of clustering, shared by the server and the UI.
SPIKE_MIN_COUNT = 5
SPIKE_FACTOR = 3.0
SPIKE_BASELINE_WEEKS = 8
CLUSTER_MIN_SIZE = 3


class AnalyticsQuery(WireModel):
    """What every analytics request asks about; sent as query parameters
    (`municipality_ids` repeated). The server answers 422 when it does not hold."""

    date_from: date = Field(
        ge=FIRST_DAY, le=LAST_DAY, description="First day, inclusive (region's local date)"
    )
    date_to: date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Last day, inclusive")
    municipality_ids: list[int] = Field(
        default_factory=list,
        max_length=1_000,
        description="Only these municipalities; empty: all in the caller's scope",
    )

    @model_validator(mode="after")
    def _period_holds(self) -> AnalyticsQuery:
        if self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")
        if (self.date_to - self.date_from).days + 1 > MAX_PERIOD_DAYS:
            raise ValueError(f"the period is longer than {MAX_PERIOD_DAYS} days")
        return self

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def params(self) -> dict[str, object]:
        """As query parameters for `requests`."""
        out: dict[str, object] = {
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
        }
        if self.municipality_ids:
            out["municipality_ids"] = list(self.municipality_ids)
        return out


class Period(WireModel):
    """The period asked for, as the server understood it, and the one it is compared with."""

    date_from: date = Field(description="First day, inclusive (region's local date)")
    date_to: date = Field(description="Last day, inclusive")
    previous_from: date = Field(description="Same number of days just before `date_from`")
    previous_to: date
    municipality_ids: list[int] = Field(
        default_factory=list,
        description="Municipalities counted; empty means the whole region",
    )
    utc_offset_minutes: int = Field(180, description="Offset used for local days (Moscow: 180)")


class SectorMunicipalityCount(WireModel):
    sector: Sector
    municipality_id: int
    count: int = Field(description="Incidents received in the period")
    previous: int = Field(description="Incidents received in the previous period")


class DayCount(WireModel):
    day: date
    count: int


class WeekCount(WireModel):
    week_start: date = Field(description="Monday of the week")
    count: int = Field(description="Incidents of this week received inside the period")
    days: int = Field(7, description="Days of this week inside the period (< 7: partial week)")


class StatusCount(WireModel):
    status: Status
    count: int


class CategoryCount(WireModel):
    category_id: int | None = Field(description="None: not yet categorised within the sector")
    sector: Sector
    count: int
    previous: int


class SlaRow(WireModel):
    """First-answer SLA of one operator, agency or municipality over incidents received in the
    period.

    `answered_on_time` counts first answers at or before `first_answer_due`. `compliance` is
    answered_on_time / (answered + overdue), where overdue means still open, unanswered and
    past the due time: unanswered incidents whose time has not run out yet are not judged, nor
    are ones closed without an answer (rejected). None when nothing was judged.
    """

    id: int | None = Field(description="User, agency or municipality id; None: unassigned/unrouted")
    incidents: int
    answered: int
    answered_on_time: int
    overdue: int = Field(0, description="Open, unanswered and past the first-answer due time")
    compliance: float | None = Field(ge=0, le=1)
    median_first_answer_minutes: float | None = Field(
        description="Median wall-clock minutes from receipt to the first answer; None if none"
    )


class DeliveryCount(WireModel):
    """Replies the server sends to the citizen's own channel (e-mail, Telegram, VK, ...) that
    were queued in the period (approved and published), by where they stand now."""

    channel: Channel
    sent: int = Field(description="Delivered: the channel confirmed it")
    queued: int = Field(description="Not yet delivered: waiting, being sent or to be retried")
    failed: int = Field(description="Given up: refused by the channel or out of tries")

    @property
    def total(self) -> int:
        return self.sent + self.queued + self.failed


class Summary(WireModel):
    period: Period
    total: int
    total_previous: int
    by_sector_municipality: list[SectorMunicipalityCount]
    by_day: list[DayCount] = Field(description="Every day of the period, zeros included")
    by_week: list[WeekCount] = Field(description="Every week touching the period")
    by_status: list[StatusCount] = Field(
        default_factory=list, description="Current status of incidents received in the period"
    )
    top_categories: list[CategoryCount] = Field(description="Most frequent first")
    sla_by_operator: list[SlaRow] = Field(description="By the incident's current assignee")
    sla_by_agency: list[SlaRow]
    sla_by_municipality: list[SlaRow]
    sla_total: SlaRow | None = Field(None, description="The same figures over all incidents")
    overdue_now: int = Field(
        description="Open incidents in scope overdue right now (first or final answer), "
        "whenever they were received"
    )
    overdue_ids: list[int] = Field(
        default_factory=list, description=f"Up to {MAX_OVERDUE_IDS}, longest overdue first"
    )
    generated_at: datetime
    deliveries: list[DeliveryCount] = Field(
        default_factory=list,
        description="Replies to the citizens' channels queued in the period (by the incident's "
        "municipality), by channel: delivered, still queued, failed; channels with none left out",
    )


class Spike(WireModel):
    municipality_id: int
    sector: Sector
    category_id: int | None
    week_start: date = Field(description="Monday of the week with the spike")
    count: int = Field(description="Incidents of that week (the current week: so far)")
    baseline: float = Field(description="Mean weekly count over the previous `baseline_weeks`")
    ratio: float | None = Field(description="count / baseline; None when the baseline is 0")


class SpikeReport(WireModel):
    period: Period
    rule: str = Field(description="The rule in Russian, to show next to the list")
    min_count: int
    factor: float
    baseline_weeks: int
    items: list[Spike] = Field(description="Largest ratio first (no baseline first)")


class Cluster(WireModel):
    """Incidents of one municipality that share an address or an (almost) identical text."""

    kind: Literal["address", "text"]
    key: str = Field(description="The shared address, or a representative text (shortened)")
    municipality_id: int
    sector: Sector | None = Field(
        None,
        description="Address clusters are per sector (heating and a pothole at one house "
        "are two problems); None for text clusters",
    )
    count: int
    open_count: int = Field(0, description="Of them still open (need an answer)")
    incident_ids: list[int] = Field(description=f"Oldest first, at most {MAX_CLUSTER_IDS}")
    first_received_at: datetime
    last_received_at: datetime


class ClusterReport(WireModel):
    period: Period
    rule: str = Field(description="How clusters are formed, in Russian")
    min_size: int
    items: list[Cluster] = Field(description="Largest first")
