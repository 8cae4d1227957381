"""Sign-in throttling: growing delays, then a temporary lockout, per user name and per address.

Nothing sleeps: during a delay or a lockout the server answers 429 with `Retry-After` at once,
without checking the password (so a guesser gets no answer and costs no argon2 work). Unknown
user names are throttled like real ones, so the answers do not tell which names exist.

The state is in memory, per server process: with `--workers N` each worker counts on its own
(an attacker gets at most N times the attempts), and a restart forgets it. Lockouts are written
to the audit log (`cur_server.audit`) and listed for admins at `GET /api/v1/admin/sign-ins`.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .audit import audit


@dataclass(frozen=True)
class Limits:
    """How many failures pass freely, when the lockout comes and how long it lasts."""

    free: int
    lock_after: int
    lock_for: timedelta
    #: Failures further apart than this do not add up.
    window: timedelta = timedelta(minutes=15)
    max_delay: timedelta = timedelta(minutes=1)
    #: Each lockout in a row lasts twice the one before, up to this.
    max_lock: timedelta = timedelta(hours=24)


#: One person mistyping: three free tries, then 1, 2, 4… s, locked after ten for 15 minutes.
PER_USER = Limits(free=3, lock_after=10, lock_for=timedelta(minutes=15))
#: A whole office behind one address gets more room; a guesser trying many names gets less.
PER_ADDRESS = Limits(free=20, lock_after=100, lock_for=timedelta(minutes=15))
#: Recent failures kept for the admins' view.
RECENT = 200
#: Keys tracked at most; the stalest are forgotten first (a flood of random names).
MAX_KEYS = 100_000


@dataclass
class _Record:
    failures: int = 0
    last_failure: datetime | None = None
    blocked_until: datetime | None = None
    locked: bool = False
    lockouts: int = 0


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in is not even tried now."""

    locked: bool
    retry_after: int
    kind: str


@dataclass(frozen=True)
class Failure:
    at: datetime
    username: str
    address: str


@dataclass(frozen=True)
class Lockout:
    kind: str  # "user" or "address"
    key: str
    failures: int
    until: datetime


class LoginThrottle:
    """Thread-safe counters of failed sign-ins; `clock` is replaceable for tests."""

    def __init__(self, clock: Callable[[], datetime] | None = None):
        self.clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], _Record] = {}
        self._recent: deque[Failure] = deque(maxlen=RECENT)

    @staticmethod
    def _keys(username: str, address: str) -> list[tuple[tuple[str, str], Limits]]:
        return [(("user", username.casefold()), PER_USER), (("address", address), PER_ADDRESS)]

    def check(self, username: str, address: str) -> Refusal | None:
        """A refusal while either key is delayed or locked; None: go ahead."""
        now = self.clock()
        worst: Refusal | None = None
        with self._lock:
            for key, _limits in self._keys(username, address):
                record = self._records.get(key)
                if record is None or record.blocked_until is None or record.blocked_until <= now:
                    continue
                wait = math.ceil((record.blocked_until - now).total_seconds())
                if worst is None or wait > worst.retry_after:
                    worst = Refusal(locked=record.locked, retry_after=max(wait, 1), kind=key[0])
        return worst

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            self._recent.append(Failure(now, username, address))
            for key, limits in self._keys(username, address):
                record = self._records.setdefault(key, _Record())
                if record.last_failure is not None and now - record.last_failure > limits.window:
                    record.failures = 0
                if record.locked and record.blocked_until and record.blocked_until <= now:
                    record.locked, record.failures = False, 0
                record.failures += 1
                record.last_failure = now
                self._penalise(key, record, limits, now)
            self._forget_stalest()

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._records.pop(("user", username.casefold()), None)

    def _penalise(self, key: tuple[str, str], record: _Record, limits: Limits, now: datetime):
        if record.failures >= limits.lock_after:
            record.lockouts += 1
            span = min(limits.lock_for * 2 ** (record.lockouts - 1), limits.max_lock)
            record.blocked_until, record.locked = now + span, True
            audit(
                "sign_in_locked",
                kind=key[0],
                key=key[1],
                failures=record.failures,
                until=record.blocked_until.isoformat(),
            )
        elif record.failures > limits.free:
            delay = min(
                timedelta(seconds=2 ** (record.failures - limits.free - 1)), limits.max_delay
            )
            record.blocked_until = now + delay

    def _forget_stalest(self) -> None:
        if len(self._records) <= MAX_KEYS:
            return
        by_age = sorted(self._records, key=lambda k: self._records[k].last_failure or self.clock())
        for key in by_age[: len(self._records) - MAX_KEYS]:
            del self._records[key]

    def report(self) -> tuple[list[Lockout], list[Failure]]:
        """Current lockouts, and the latest failures (newest first)."""
        now = self.clock()
        with self._lock:
            locks = [
                Lockout(kind, key, r.failures, r.blocked_until)
                for (kind, key), r in self._records.items()
                if r.locked and r.blocked_until and r.blocked_until > now
            ]
            return sorted(locks, key=lambda x: x.until), list(reversed(self._recent))
