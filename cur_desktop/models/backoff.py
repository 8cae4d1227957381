"""One backoff rule for everything that retries: the workstation's sync after a failure and the
server's channel deliveries. Exponential, capped, with "equal jitter" (half the step fixed, half
random), so many clients or queued replies that failed together do not retry in the same second
and none retries sooner than half its step."""

from __future__ import annotations

import random
from collections.abc import Callable


def backoff_delay(
    failures: int, base: float, cap: float, rand: Callable[[], float] = random.random
) -> float:
    """Seconds to wait after `failures` failures in a row: between half the step and the step,
    the step doubling from `base` and never above `cap`."""
    step = min(cap, base * (2 ** max(0, failures - 1)))
    return step / 2 + rand() * step / 2
