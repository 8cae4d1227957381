"""The engine keeps going after a bug in a round, and a malformed answer's error never quotes
the data it carried (a citizen's text must not reach logs)."""

from __future__ import annotations

import asyncio
import json

import pytest

from cur_desktop.models import contract as c
from cur_desktop.sync.client import ApiClient, ProtocolError
from cur_desktop.sync.engine import SyncEngine, SyncState, SyncSummary


class FlakyCore:
    """Stands in for SyncCore: the first round hits a bug, later rounds work."""

    def __init__(self):
        import threading

        self.cancel = threading.Event()
        self.calls = 0

    def sync_once(self) -> SyncSummary:
        self.calls += 1
        if self.calls == 1:
            raise KeyError("a bug")
        return SyncSummary()


def test_an_unexpected_error_is_an_error_state_not_the_end_of_syncing():
    states: list[SyncState] = []

    async def scenario():
        engine = SyncEngine(
            FlakyCore(),
            interval=30,
            backoff_base=0.05,
            backoff_cap=0.1,
            on_state=lambda s, m: states.append(s),
        )
        task = asyncio.ensure_future(engine.run())
        for _ in range(200):
            if engine.last_summary is not None:
                break
            await asyncio.sleep(0.01)
        engine.stop()
        await asyncio.wait_for(task, 5)
        return engine

    engine = asyncio.run(scenario())
    assert engine.core.calls >= 2 and engine.last_summary is not None
    assert SyncState.ERROR in states and states[-1] is SyncState.ONLINE


def test_protocol_error_detail_names_fields_not_values():
    secret = "Иванова Мария, ул. Садовая 5, телефон 89001234567"
    body = json.dumps(
        {"items": [{"id": "x", "text": secret}], "removed": [], "cursor": 1, "has_more": False}
    ).encode()
    with pytest.raises(ProtocolError) as caught:
        ApiClient._parse(c.ChangesPage, body)
    assert "items" in caught.value.detail
    assert secret not in caught.value.detail and "89001234567" not in str(caught.value.detail)
