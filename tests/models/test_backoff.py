"""The one backoff rule the workstation's sync and the server's deliveries share."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cur_desktop.models.backoff import backoff_delay
from cur_server.channels.delivery import RetryPolicy


def test_backoff_delay_has_equal_jitter_within_the_cap():
    for failures in range(1, 12):
        step = min(30.0, 0.5 * 2 ** (failures - 1))
        low = backoff_delay(failures, 0.5, 30.0, lambda: 0.0)
        high = backoff_delay(failures, 0.5, 30.0, lambda: 1.0)
        assert (low, high) == (pytest.approx(step / 2), pytest.approx(step))
    assert backoff_delay(0, 0.5, 30.0, lambda: 1.0) == pytest.approx(0.5)


def test_deliveries_back_off_by_the_same_rule():
    policy = RetryPolicy(backoff=timedelta(seconds=30), backoff_max=timedelta(hours=1))
    for attempts in range(1, 12):
        step = min(3600.0, 30.0 * 2 ** (attempts - 1))
        seconds = [policy.delay(attempts).total_seconds() for _ in range(50)]
        assert all(step / 2 <= s <= step for s in seconds), (attempts, min(seconds), max(seconds))
    assert len({policy.delay(3) for _ in range(20)}) > 1, "no jitter: retries would bunch up"
