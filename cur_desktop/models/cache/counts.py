"""Queue counts kept between data changes.

A count is the one queue query whose cost grows with the cache (tens of ms at 250k incidents for
a broad filter), and the window asks the same ones again and again: every sort change, every
«back» to a tab, every tab-count refresh. A count only changes when the data does, which the
store knows (`CacheStore.generation`, bumped after each write transaction: a sync applying
pulled pages, a local action with its outbox entry). So counts are kept per filter and dropped
as soon as the generation moves.

Counts that depend on the clock (an SLA-state filter: «под угрозой», «просрочены») are not
kept: they change as time passes without any write. They are index range scans over the few
thousand running cases, a few ms each.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from . import queue as q
from .store import CacheStore


def _key(f: q.QueueFilter) -> q.QueueFilter:
    """The same filter for every caller: `me` matters only to «mine»."""
    return f if f.assignee == q.Holder.ME or f.me is None else replace(f, me=None)


def depends_on_clock(f: q.QueueFilter) -> bool:
    """Whether `f`'s matches can change as time passes (its SLA state is compared with now)."""
    return f.sla_state is not None


class CountCache:
    def __init__(self, store: CacheStore, size: int = 256):
        self.store, self.size = store, size
        self._counts: OrderedDict[q.QueueFilter, tuple[int, int]] = OrderedDict()
        self._lock = threading.Lock()
        #: Counts computed (not answered from memory): for tests and the bench.
        self.misses = 0

    def _get(self, f: q.QueueFilter, generation: int) -> int | None:
        with self._lock:
            hit = self._counts.get(f)
            if hit is None or hit[0] != generation:
                return None
            self._counts.move_to_end(f)
            return hit[1]

    def _put(self, f: q.QueueFilter, generation: int, n: int) -> None:
        with self._lock:
            self._counts[f] = (generation, n)
            self._counts.move_to_end(f)
            while len(self._counts) > self.size:
                self._counts.popitem(last=False)

    def counts(self, filters: list[q.QueueFilter], now: int) -> list[int]:
        """The count of each filter, computed only where not known for the current data."""
        generation = self.store.generation  # before the read transaction: see the property
        out: list[int | None] = [
            None if depends_on_clock(f) else self._get(_key(f), generation) for f in filters
        ]
        if any(n is None for n in out):
            with self.store.read() as conn:
                for i, f in enumerate(filters):
                    if out[i] is None:
                        out[i] = q.count(conn, f, now)
                        self.misses += 1
                        if not depends_on_clock(f):
                            self._put(_key(f), generation, out[i])
        return [int(n or 0) for n in out]

    def count(self, f: q.QueueFilter, now: int) -> int:
        return self.counts([f], now)[0]

    def tab_counts(self, user_id: int, now: int, text: str = "") -> dict[q.Tab, int]:
        """What `queue.tab_counts` answers, from memory for the tabs that do not move with the
        clock (mine, unassigned, all); «под угрозой» and «просрочены» are counted each time.
        With `text` (the search box), each tab counts only the incidents the search finds."""
        tabs = list(q.Tab)
        found = self.counts([replace(q.tab_filter(t, user_id), text=text) for t in tabs], now)
        return dict(zip(tabs, found, strict=True))
