"""A workstation without a screen: the real client, cache, outbox and sync core."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from cur_desktop.models.cache.schema import events, incidents, replies
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.client import ApiClient
from cur_desktop.sync.engine import SyncCore, SyncSummary


class Workstation:
    def __init__(
        self,
        base_url: str,
        username: str,
        folder: Path,
        *,
        key: str,
        password: str = "demo",
        page_size: int = 50,
    ):
        self.username, self.folder, self.key = username, folder, key
        self.client = ApiClient(base_url, timeout=(2.0, 5.0))
        self.client.login(username, password)
        self.store = CacheStore(folder / "cache.db", key)
        with self.store.write() as conn:
            self.store.set_meta(conn, "user", self.client.user.model_dump(mode="json"))
        self.core = SyncCore(self.client, self.store, page_size=page_size)
        self.actions = LocalActions(self.store)

    @property
    def user_id(self) -> int:
        return self.client.user.id

    def sync(self) -> SyncSummary:
        return self.core.sync_once()

    def incident(self, incident_id: int) -> dict[str, Any] | None:
        with self.store.read() as conn:
            row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).mappings()
            found = row.first()
            return dict(found) if found else None

    def incidents(self) -> dict[int, dict[str, Any]]:
        with self.store.read() as conn:
            return {r["id"]: dict(r) for r in conn.execute(select(incidents)).mappings()}

    def replies(self, incident_id: int) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            q = select(replies).where(replies.c.incident_id == incident_id).order_by(replies.c.id)
            return [dict(r) for r in conn.execute(q).mappings()]

    def events(self, incident_id: int) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            q = select(events).where(events.c.incident_id == incident_id).order_by(events.c.id)
            return [{**r, "data": json.loads(r["data"])} for r in conn.execute(q).mappings()]

    def first(self, **where: Any) -> dict[str, Any]:
        rows = [r for r in self.incidents().values() if all(r[k] == v for k, v in where.items())]
        assert rows, f"no cached incident with {where}"
        return min(rows, key=lambda r: r["id"])

    def close(self) -> None:
        self.store.close()
