"""«Now» is the server's time: the client learns the offset of its own clock from every answer
(`X-Server-Time`, else `Date`), keeps it in the profile, and a workstation whose clock is three
hours off, behind or ahead, still reads the server's time, also when it starts offline.

The computer's clock is injected (`Clock(local=...)`); the server runs on the real clock, on the
same machine, so the real `time.time()` is the truth the skewed client must find."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
import requests

from cur_desktop.models import contract as c
from cur_desktop.models.clock import MAX_ROUND_TRIP, Clock
from cur_desktop.sync.client import ApiClient
from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_server.embedded import EmbeddedServer

HOURS = 3600.0


def skewed(by: float):
    return lambda: time.time() + by


def test_every_answer_carries_the_server_time_errors_too(server):
    before = time.time()
    for response in (
        requests.get(f"{server.url}/openapi.json", timeout=10),
        requests.get(f"{server.url}{c.API_PREFIX}/reference", timeout=10),  # 401
    ):
        stamped = c.parse_server_time(response.headers.get(c.SERVER_TIME_HEADER))
        assert stamped is not None, response.status_code
        assert before - 1 <= stamped <= time.time() + 1


@pytest.mark.parametrize("skew", [-3 * HOURS, 3 * HOURS, 0.0])
def test_a_skewed_client_reads_the_server_time(server, skew):
    clock = Clock(local=skewed(skew))
    client = ApiClient(server.url, clock=clock, timeout=(2.0, 10.0))
    assert not clock.known and abs(clock.timestamp() - time.time() - skew) < 1
    client.login("operator1", "demo")
    assert clock.known
    assert abs(clock.offset + skew) < 1
    assert abs(clock.timestamp() - time.time()) < 1
    assert clock.is_off() == (skew != 0)


def test_the_offset_is_the_median_and_slow_answers_do_not_count():
    clock = Clock(local=lambda: 1000.0)
    for server in (1010.0, 1010.2, 1500.0, 1009.9):  # one outlier among four
        clock.observe(server, sent=999.9, received=1000.1)
    assert clock.offset == pytest.approx(10.1)
    clock.observe(5000.0, sent=990.0, received=990.0 + MAX_ROUND_TRIP + 1)  # too slow: unused
    assert clock.offset == pytest.approx(10.1)
    clock.observe(5000.0, sent=1000.0, received=999.0)  # time ran backwards: unused
    assert clock.offset == pytest.approx(10.1)


def test_the_http_date_is_the_fallback():
    assert c.server_time_of({"Date": "Fri, 04 Dec 2026 10:00:00 GMT"}) == pytest.approx(
        datetime(2026, 12, 4, 10, 0, 0, 500000, tzinfo=UTC).timestamp()
    )
    assert c.server_time_of({c.SERVER_TIME_HEADER: "1764842400123"}) == 1764842400.123
    assert c.server_time_of({c.SERVER_TIME_HEADER: "soon", "Date": "garbage"}) is None
    assert c.server_time_of({}) is None


@pytest.mark.parametrize("skew", [-3 * HOURS, 3 * HOURS])
def test_starting_offline_keeps_the_last_offset(server_url, tmp_path, skew):
    root = tmp_path / "profiles"
    with EmbeddedServer(server_url) as running:
        ws = Workspace.sign_in(
            root,
            running.url,
            "operator1",
            "demo",
            remember=True,
            credentials=CredentialStore(),
            clock=Clock(local=skewed(skew)),
        )
        assert abs(ws.clock.offset + skew) < 1
        ws.close()
    # The server is gone: the laptop starts from its cache, its clock still three hours off.
    offline = Workspace.open_last(root, CredentialStore(), clock=Clock(local=skewed(skew)))
    try:
        assert offline.clock.known
        assert abs(offline.clock.timestamp() - time.time()) < 1
        assert abs((offline.clock.now() - datetime.now(UTC)).total_seconds()) < 1
    finally:
        offline.close()


def test_a_profile_never_measured_uses_the_computer_clock(server_url, tmp_path):
    root = tmp_path / "profiles"
    with EmbeddedServer(server_url) as running:
        ws = Workspace.sign_in(
            root, running.url, "operator1", "demo", remember=True, credentials=CredentialStore()
        )
        ws.close()
    (ws.profile.folder / "clock.json").unlink()
    offline = Workspace.open_last(root, CredentialStore(), clock=Clock(local=skewed(HOURS)))
    try:
        assert not offline.clock.known and not offline.clock.is_off()
        assert abs(offline.clock.timestamp() - time.time() - HOURS) < 1
    finally:
        offline.close()
