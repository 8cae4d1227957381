"""The queue model on a real encrypted cache: the first page before the count, kept views for
«back» (and dropped when the data changes), and the SLA column as the filters count it."""

from __future__ import annotations

import secrets
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from cur_desktop.models.cache.store import CacheStore
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.labels import Labels
from cur_desktop.ui.queue_model import COLUMN_INDEX, QueueModel, SlaStateRole
from cur_desktop.ui.queue_source import QueueService, ViewState
from cur_desktop.ui.sla_view import SlaView
from tests.models.test_queue import ME, NOW, put, server_incident


@pytest.fixture
def store(tmp_path):
    s = CacheStore(tmp_path / "cache.db", secrets.token_hex(32))
    yield s
    s.close()


PAGE = 20


def populate(store, n: int = 70) -> None:
    put(
        store,
        *(
            server_incident(
                i, sector="roads" if i % 2 else "housing", received_at=NOW - timedelta(minutes=i)
            )
            for i in range(1, n + 1)
        ),
    )


class Counting:
    """The service's reads, counted (they run in the db thread)."""

    def __init__(self, service: QueueService):
        self.service, self.calls = service, 0

    def query(self, state: ViewState):
        def count():
            self.calls += 1
            return self.service.count(state, NOW)

        def page(offset, limit):
            self.calls += 1
            return self.service.page(state, NOW, offset, limit)

        return count, page, lambda: self.service.view_key(state)


def model_for(qapp) -> QueueModel:
    return QueueModel(Labels(), SlaView.from_reference(None), page_size=PAGE)


def test_the_first_page_is_shown_before_the_count(run, qapp, store):
    populate(store)
    service = QueueService(store, ME, SlaView.from_reference(None))
    state = ViewState(tab="all")
    release = threading.Event()

    def slow_count():
        release.wait(10)
        return service.count(state, NOW)

    async def scenario():
        model = model_for(qapp)
        shown = []
        model.shown.connect(lambda: shown.append(model.rowCount()))
        model.set_query(slow_count, lambda o, n: service.page(state, NOW, o, n))
        await wait_until(lambda: shown, 10, step=0.005)
        # The rows are there while the count is still running.
        assert shown == [PAGE] and not model.settled
        assert model.data(model.index(0, 0)).startswith("ЦУР-2026-")
        release.set()
        await wait_until(lambda: model.settled, 10, step=0.005)
        assert model.rowCount() == 70

    run(scenario())


def test_a_short_first_page_is_the_whole_queue(run, qapp, store):
    populate(store, 5)
    service = QueueService(store, ME, SlaView.from_reference(None))
    state = ViewState(tab="all")

    async def scenario():
        model = model_for(qapp)
        # A count that disagrees with the page is not waited for: the page says it all.
        model.set_query(lambda: 1_000_000, lambda o, n: service.page(state, NOW, o, n))
        await wait_until(lambda: model.settled, 10, step=0.005)
        assert model.rowCount() == 5

    run(scenario())


def test_back_shows_a_kept_view_without_reading_until_the_data_changes(run, qapp, store):
    populate(store)
    service = QueueService(store, ME, SlaView.from_reference(None))
    reads = Counting(service)
    everything = ViewState(tab="all")
    roads = ViewState(tab="all", sector="roads", sort_key="received", descending=True)

    async def show(model, state):
        model.set_query(*reads.query(state))
        await wait_until(lambda: model.settled, 10, step=0.005)

    async def scenario():
        model = model_for(qapp)
        await show(model, roads)
        first_rows = [model.incident_id(r) for r in range(PAGE)]
        await show(model, everything)
        before = reads.calls
        await show(model, roads)  # «back»
        assert reads.calls == before  # nothing read
        assert model.rowCount() == 35
        assert [model.incident_id(r) for r in range(PAGE)] == first_rows
        # An explicit refresh (a data or reference change) reads again, whatever is kept.
        before = reads.calls
        model.refresh()
        await wait_until(lambda: model.settled, 10, step=0.005)
        assert reads.calls > before
        # A sync brings a newer roads incident: the kept view is stale and is read again.
        await show(model, everything)
        put(store, server_incident(500, sector="roads", received_at=NOW))
        before = reads.calls
        await show(model, roads)
        assert reads.calls > before
        assert model.rowCount() == 36 and model.incident_id(0) == 500

    run(scenario())


def test_the_sla_column_marks_a_case_in_its_last_quarter(run, qapp, store):
    put(store, server_incident(1, received_at=NOW - timedelta(minutes=5)))
    with store.read() as conn:
        risk_at = conn.execute(text("SELECT sla_risk_at FROM incidents")).scalar_one()
    service = QueueService(store, ME, SlaView.from_reference(None))
    state = ViewState(tab="all")

    async def scenario():
        model = model_for(qapp)
        model.now = datetime.fromtimestamp(risk_at + 60, UTC)
        model.set_query(*Counting(service).query(state))
        await wait_until(lambda: model.settled, 10, step=0.005)
        sla = model.index(0, COLUMN_INDEX["sla"])
        assert model.data(sla, SlaStateRole) == "at_risk"
        assert model.data(sla).startswith("▲")

    run(scenario())


def test_the_pages_one_paint_asks_for_are_read_in_one_statement(run, qapp, store):
    populate(store, 130)
    service = QueueService(store, ME, SlaView.from_reference(None))
    state = ViewState(tab="all", sort_key="received", descending=True)
    asked: list[tuple[int, int]] = []

    def page(offset, limit):
        asked.append((offset, limit))
        return service.page(state, NOW, offset, limit)

    async def scenario():
        model = model_for(qapp)
        model.set_query(lambda: service.count(state, NOW), page)
        await wait_until(lambda: model.settled, 10, step=0.005)
        asked.clear()
        # A screen from row 30 to 45 spans pages 1 and 2; page 5 is not next to them.
        for row in (30, 45, 105):
            assert model.row_data(row) is None
        await wait_until(lambda: model.row_data(105) is not None, 10, step=0.005)
        assert asked == [(PAGE, 2 * PAGE), (5 * PAGE, PAGE)]
        # Each page holds its own rows (newest first: row r is incident r + 1).
        assert [model.incident_id(r) for r in (20, 39, 40, 59, 100, 119)] == [
            21,
            40,
            41,
            60,
            101,
            120,
        ]

    run(scenario())
