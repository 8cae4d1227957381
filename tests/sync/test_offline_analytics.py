"""Analytics from the local cache (`models/cache/analytics.py`) against the real server: a
workstation synced from the server computes the same summary, spikes and clusters for the same
period, since its cache holds every incident of its scope; a district official's cache gives
their own municipalities only, as the server does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cur_desktop.models.analytics import AnalyticsQuery
from cur_desktop.models.cache.analytics import local_clusters, local_spikes, local_summary
from cur_desktop.sync import analytics
from cur_server.context import sqlite_url_for
from cur_server.embedded import EmbeddedServer
from cur_server.migrate import upgrade
from cur_server.seed import seed_demo
from tests.conftest import SEED_NOW
from tests.sync.harness import Workstation

DATE_TO = (SEED_NOW + timedelta(hours=3)).date()


@pytest.fixture(scope="module")
def month_server(tmp_path_factory):
    """A month of demo traffic (the planted heating outage makes a spike and clusters)."""
    url = sqlite_url_for(tmp_path_factory.mktemp("month") / "server.db")
    upgrade(url)
    seed_demo(url, 900, now=SEED_NOW, days=30)
    with EmbeddedServer(url) as running:
        yield running


def _synced(server, tmp_path, username: str) -> Workstation:
    import secrets

    ws = Workstation(server.url, username, tmp_path / username, key=secrets.token_hex(32))
    ws.sync()
    return ws


def _seconds(clusters: list) -> list:
    """The cache keeps whole seconds."""
    return [
        c.model_copy(
            update={
                "first_received_at": c.first_received_at.replace(microsecond=0),
                "last_received_at": c.last_received_at.replace(microsecond=0),
            }
        )
        for c in clusters
    ]


def _same_sla(local, remote) -> None:
    assert [r.id for r in local] == [r.id for r in remote]
    for mine, theirs in zip(local, remote, strict=True):
        got, want = mine.model_dump(), theirs.model_dump()
        # The cache keeps whole seconds: a difference of up to a second either way.
        assert got.pop("median_first_answer_minutes") == pytest.approx(
            want.pop("median_first_answer_minutes"), abs=2 / 60
        )
        assert got.pop("compliance") == pytest.approx(want.pop("compliance"))
        assert got == want


@pytest.mark.parametrize("days", [7, 14])
def test_cache_figures_equal_the_servers(month_server, tmp_path, memory_keyring, days):
    ws = _synced(month_server, tmp_path, "supervisor1")
    try:
        date_from = DATE_TO - timedelta(days=days - 1)
        remote = analytics.summary(ws.client, date_from, DATE_TO, top=15)
        query = AnalyticsQuery(date_from=date_from, date_to=DATE_TO)
        local = local_summary(ws.store, query, top=15, now=remote.generated_at)
        assert remote.total > 50 and remote.total_previous > 0
        for field in (
            "period",
            "total",
            "total_previous",
            "by_sector_municipality",
            "by_day",
            "by_week",
            "by_status",
            "top_categories",
            "overdue_now",
            "overdue_ids",
        ):
            assert getattr(local, field) == getattr(remote, field), field
        for field in ("sla_by_operator", "sla_by_agency", "sla_by_municipality"):
            _same_sla(getattr(local, field), getattr(remote, field))
        _same_sla([local.sla_total], [remote.sla_total])

        spikes = analytics.spikes(ws.client, date_from, DATE_TO)
        mine = local_spikes(ws.store, query)
        assert spikes.items and mine.items == spikes.items and mine.rule == spikes.rule
        clusters = analytics.clusters(ws.client, date_from, DATE_TO)
        found = local_clusters(ws.store, query)
        assert clusters.items and found.rule == clusters.rule
        assert found.items == _seconds(clusters.items)
        texts = analytics.clusters(ws.client, date_from, DATE_TO, kind="text", min_size=2)
        assert local_clusters(ws.store, query, kind="text", min_size=2).items == _seconds(
            texts.items
        )
    finally:
        ws.close()


def test_an_officials_cache_counts_their_scope(month_server, tmp_path, memory_keyring):
    ws = _synced(month_server, tmp_path, "official1")
    try:
        date_from = DATE_TO - timedelta(days=13)
        remote = analytics.summary(ws.client, date_from, DATE_TO)
        query = AnalyticsQuery(date_from=date_from, date_to=DATE_TO)
        local = local_summary(ws.store, query, now=remote.generated_at)
        own = set(ws.client.user.municipality_ids)
        assert remote.period.municipality_ids == local.period.municipality_ids == sorted(own)
        assert local.total == remote.total > 0
        assert local.by_sector_municipality == remote.by_sector_municipality
        assert {r.municipality_id for r in local.by_sector_municipality} <= own
        # Another municipality asked for: nothing of it is counted (the server refuses it).
        other = AnalyticsQuery(date_from=date_from, date_to=DATE_TO, municipality_ids=[9999])
        assert local_summary(ws.store, other).total == 0
    finally:
        ws.close()
