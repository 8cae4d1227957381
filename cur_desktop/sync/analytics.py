"""The analytics calls: the server aggregates, the workstation and the brief only draw.

Plain functions over an `ApiClient`, one request each; errors are the client's typed ones
(`RequestRejected` with status 403 or 422 for a scope or period the server refuses).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from cur_desktop.models import analytics as a

from .client import ApiClient

_PATH = a.ANALYTICS_PREFIX.removeprefix("/api/v1")


def _query(date_from: date, date_to: date, municipality_ids: list[int] | None) -> dict:
    """Checked here first, so a bad period fails before any request."""
    return a.AnalyticsQuery(
        date_from=date_from, date_to=date_to, municipality_ids=municipality_ids or []
    ).params()


def summary(
    client: ApiClient,
    date_from: date,
    date_to: date,
    municipality_ids: list[int] | None = None,
    *,
    top: int = 10,
) -> a.Summary:
    params = _query(date_from, date_to, municipality_ids) | {"top": top}
    return client.get(f"{_PATH}/summary", a.Summary, params)


def spikes(
    client: ApiClient,
    date_from: date,
    date_to: date,
    municipality_ids: list[int] | None = None,
    *,
    min_count: int = a.SPIKE_MIN_COUNT,
    factor: float = a.SPIKE_FACTOR,
    baseline_weeks: int = a.SPIKE_BASELINE_WEEKS,
) -> a.SpikeReport:
    params = _query(date_from, date_to, municipality_ids) | {
        "min_count": min_count,
        "factor": factor,
        "baseline_weeks": baseline_weeks,
    }
    return client.get(f"{_PATH}/spikes", a.SpikeReport, params)


def clusters(
    client: ApiClient,
    date_from: date,
    date_to: date,
    municipality_ids: list[int] | None = None,
    *,
    min_size: int = a.CLUSTER_MIN_SIZE,
    limit: int = 100,
    kind: Literal["address", "text"] | None = None,
) -> a.ClusterReport:
    params = _query(date_from, date_to, municipality_ids) | {"min_size": min_size, "limit": limit}
    if kind is not None:
        params["kind"] = kind
    return client.get(f"{_PATH}/clusters", a.ClusterReport, params)
