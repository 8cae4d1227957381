"""The workstation's analytics calls against the real server: typed answers, typed refusals."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import create_engine, select

from cur_desktop.models.analytics import ClusterReport, SpikeReport, Summary
from cur_desktop.sync import analytics
from cur_desktop.sync.client import ApiClient, RequestRejected
from cur_server.tables import Incident, Municipality
from tests.conftest import SEED_NOW

MSK = timedelta(hours=3)
DATE_TO = (SEED_NOW + MSK).date()
DATE_FROM = DATE_TO - timedelta(days=2)


def _signed_in(server, username: str) -> ApiClient:
    client = ApiClient(server.url)
    client.login(username, "demo")
    return client


def _seeded(server_url: str) -> tuple[list, dict[str, int]]:
    engine = create_engine(server_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Incident.received_at, Incident.municipality_id, Incident.sector)
        ).all()
        municipalities = dict(conn.execute(select(Municipality.code, Municipality.id)).all())
    engine.dispose()
    return rows, municipalities


def _local_day(received: datetime) -> date:
    return (received + MSK).date()


def test_summary_spikes_and_clusters_through_the_client(server, server_url):
    rows, _ = _seeded(server_url)
    client = _signed_in(server, "supervisor1")
    got = analytics.summary(client, DATE_FROM, DATE_TO)
    assert isinstance(got, Summary)
    in_period = [r for r in rows if DATE_FROM <= _local_day(r.received_at) <= DATE_TO]
    assert got.total == len(in_period) > 0
    days = Counter(_local_day(r.received_at) for r in in_period)
    assert {d.day: d.count for d in got.by_day} == {
        DATE_FROM + timedelta(days=k): days[DATE_FROM + timedelta(days=k)] for k in range(3)
    }
    assert isinstance(analytics.spikes(client, DATE_FROM, DATE_TO, factor=2.5), SpikeReport)
    report = analytics.clusters(client, DATE_FROM, DATE_TO, min_size=2, kind="address")
    assert isinstance(report, ClusterReport) and report.min_size == 2
    assert all(c.kind == "address" and c.count >= 2 for c in report.items)


def test_district_official_gets_own_scope_and_a_typed_refusal_for_others(server, server_url):
    rows, municipalities = _seeded(server_url)
    own, other = municipalities["shilovsky_district"], municipalities["ryazan"]
    client = _signed_in(server, "official1")
    got = analytics.summary(client, DATE_FROM, DATE_TO)
    assert got.period.municipality_ids == [own]
    assert got.total == sum(
        1
        for r in rows
        if r.municipality_id == own and DATE_FROM <= _local_day(r.received_at) <= DATE_TO
    )
    with pytest.raises(RequestRejected) as refused:
        analytics.summary(client, DATE_FROM, DATE_TO, [other])
    assert refused.value.status == 403 and refused.value.code == "forbidden"


def test_operator_is_refused_and_a_bad_period_never_leaves_the_client(server):
    client = _signed_in(server, "operator1")
    with pytest.raises(RequestRejected) as refused:
        analytics.clusters(client, DATE_FROM, DATE_TO)
    assert refused.value.status == 403
    sent = client.bytes_received
    with pytest.raises(ValidationError):
        analytics.summary(client, DATE_TO, DATE_FROM)
    assert client.bytes_received == sent
