"""The security audit trail: one logger, one line per event, `key=value` after the event name.

Changes to incidents are audited by their own events (who, when, from what to what); this log
holds what leaves no incident event: refused attempts to get around a rule, sign-in lockouts,
and the lowering of an incident's importance (also in its events) so one grep finds them all.
Route the `cur_server.audit` logger to the centre's log collector.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("cur_server.audit")


def audit(event: str, **fields: Any) -> None:
    """Record a security-relevant event (WARNING, so default logging keeps it)."""
    details = " ".join(f"{k}={v!r}" for k, v in sorted(fields.items()))
    log.warning("%s %s", event, details)
