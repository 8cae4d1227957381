"""The region's side of the ПОС file exchange (docs/pos-exchange.md), for tests.

It does what a region's integration with «Госуслуги. Решаем вместе» does: drops batches of
messages into the inbox (written under a temporary name and renamed, as the format asks) and
reads the answers from the outbox. Tests also drop files in the wrong shape, and look into
processed/ and rejected/.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

MUNICIPALITY = {"oktmo": "61701000", "name": "городской округ город Рязань"}


class PosExchange:
    def __init__(self, root: Path):
        self.root = root
        self.inbox = root / "inbox"
        self.outbox = root / "outbox"
        self.processed = root / "processed"
        self.rejected = root / "rejected"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self._ids = itertools.count(4_100_001)

    def message(self, text: str, **fields) -> dict:
        """One message as ПОС gives it; any field can be replaced or removed (value None)."""
        item = {
            "id": str(next(self._ids)),
            "text": text,
            "author": "Мария Иванова",
            "municipality": MUNICIPALITY,
            "category": "Благоустройство",
            "created_at": "2026-12-05T08:40:00+03:00",
            "link": "https://pos.gosuslugi.ru/lkp/fb/",
        }
        item.update(fields)
        return {k: v for k, v in item.items() if v is not None}

    def drop(self, name: str, messages: list[dict] | None = None, *, raw: bytes | None = None):
        """A batch file in the inbox, atomically (a temporary name, then a rename)."""
        if raw is None:
            raw = json.dumps(
                {"format": "cur-pos-exchange/1", "batch_id": name, "messages": messages},
                ensure_ascii=False,
            ).encode("utf-8")
        tmp = self.inbox / f".{name}.part"
        tmp.write_bytes(raw)
        os.replace(tmp, self.inbox / name)
        return self.inbox / name

    def answers(self) -> dict[str, dict]:
        """The outbox's answers by file name (hidden temporary files are not answers)."""
        if not self.outbox.exists():
            return {}
        return {
            p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(self.outbox.iterdir())
            if not p.name.startswith(".")
        }

    def names(self, folder: Path) -> list[str]:
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []
