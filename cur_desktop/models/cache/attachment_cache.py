"""Attachments' thumbnails and opened files kept in the encrypted cache, for offline use.

Within a size limit (the workstation's setting, `DEFAULT_LIMIT_BYTES` unless set): after each
file stored, the least recently used go first until the rest fits. A file larger than the
whole limit is not kept. Keys name the server's stored file, which never changes (the server
keeps one file per content), so a cached copy never goes stale.
"""

from __future__ import annotations

import time

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .schema import attachment_files
from .store import CacheStore

DEFAULT_LIMIT_MB = 200
DEFAULT_LIMIT_BYTES = DEFAULT_LIMIT_MB * 1024 * 1024


def cache_key(attachment_id: int, *, thumbnail: bool) -> str:
    return f"{attachment_id}:{'thumbnail' if thumbnail else 'file'}"


class AttachmentCache:
    def __init__(self, store: CacheStore, limit_bytes: int = DEFAULT_LIMIT_BYTES):
        self.store = store
        self.limit_bytes = max(0, int(limit_bytes))
        #: a clock for "used at" (tests make it step)
        self.now = time.time

    def get(self, key: str) -> bytes | None:
        """The cached bytes (and marks them used), or None."""
        with self.store.read() as conn:
            data = conn.execute(
                select(attachment_files.c.data).where(attachment_files.c.key == key)
            ).scalar()
        if data is not None:
            with self.store.write(touches_queue=False) as conn:
                conn.execute(
                    update(attachment_files)
                    .where(attachment_files.c.key == key)
                    .values(used_at=self.now())
                )
        return data

    def put(self, key: str, data: bytes) -> bool:
        """Keep `data` under `key`, then make room by dropping the least recently used.
        False when it is larger than the whole limit (not kept)."""
        if len(data) > self.limit_bytes:
            return False
        row = {"key": key, "data": data, "size": len(data), "used_at": self.now()}
        with self.store.write(touches_queue=False) as conn:
            stmt = sqlite_insert(attachment_files).values(**row)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["key"],
                    set_={"data": data, "size": len(data), "used_at": row["used_at"]},
                )
            )
            self._evict(conn)
        return True

    def _evict(self, conn) -> None:
        total = 0
        doomed = []
        for key, size in conn.execute(
            select(attachment_files.c.key, attachment_files.c.size).order_by(
                attachment_files.c.used_at.desc(), attachment_files.c.key
            )
        ):
            total += size
            if total > self.limit_bytes:
                doomed.append(key)
        for start in range(0, len(doomed), 500):
            conn.execute(
                delete(attachment_files).where(
                    attachment_files.c.key.in_(doomed[start : start + 500])
                )
            )

    def set_limit(self, limit_bytes: int) -> None:
        self.limit_bytes = max(0, int(limit_bytes))
        with self.store.write(touches_queue=False) as conn:
            self._evict(conn)

    def clear(self) -> int:
        """Drops every kept file and thumbnail; how many there were."""
        with self.store.write(touches_queue=False) as conn:
            return conn.execute(delete(attachment_files)).rowcount or 0

    def usage(self) -> tuple[int, int]:
        """(files, bytes) kept."""
        with self.store.read() as conn:
            count, size = conn.execute(
                select(func.count(), func.coalesce(func.sum(attachment_files.c.size), 0))
            ).one()
        return int(count), int(size)

    def keys(self) -> set[str]:
        with self.store.read() as conn:
            return set(conn.execute(select(attachment_files.c.key)).scalars())
