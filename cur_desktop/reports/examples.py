"""A few citizens' messages that show a brief's problems, from the brief's source.

The messages come from what the analytics name (the incidents behind clusters, the overdue
ones) and, when those leave main topics without an example, from the incidents of the
municipality and period the source can list (`BriefSource.incidents_of`: a bounded read of the
server's changes feed, or the local cache searched directly).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cur_desktop.models import analytics as a
from cur_desktop.models import contract as c
from cur_desktop.models.domain import CHANNEL_LABELS
from cur_desktop.models.russian import plural
from cur_desktop.models.statuses import OPEN_STATUSES, STATUS_LABELS

from .format import plain

if TYPE_CHECKING:
    from .brief_source import BriefSource

EXAMPLE_CHARS = 700
INCIDENTS = ("обращение", "обращения", "обращений")


@dataclass(frozen=True)
class Example:
    """A citizen's message as plain text; never markup, never the author's name (152-ФЗ)."""

    number: str
    received_at: datetime
    channel: str
    topic: str
    status: str
    text: str
    why: str


@dataclass(frozen=True)
class Scope:
    """Whose messages: one municipality, received on these local days."""

    municipality_id: int
    date_from: date
    date_to: date
    tz: ZoneInfo

    def holds(self, inc: c.IncidentOut) -> bool:
        return (
            inc.municipality_id == self.municipality_id
            and inc.training_session_id is None
            and self.date_from <= inc.received_at.astimezone(self.tz).date() <= self.date_to
        )


class Incidents:
    """Incidents by id, each asked of the source once per brief."""

    def __init__(self, source: BriefSource):
        self.source = source
        self.known: dict[int, c.IncidentOut | None] = {}

    def __call__(self, incident_id: int) -> c.IncidentOut | None:
        """None if the incident left the caller's scope meanwhile."""
        if incident_id not in self.known:
            self.known[incident_id] = self.source.incident(incident_id)
        return self.known[incident_id]


def due_of(inc: c.IncidentOut) -> datetime | None:
    """When the answer the incident waits for is due: the first one, else the final one."""
    return inc.first_answer_due if inc.first_answered_at is None else inc.final_answer_due


def _is_overdue(inc: c.IncidentOut, now: datetime) -> bool:
    due = due_of(inc)
    return inc.status in OPEN_STATUSES and due is not None and due < now


def pick_examples(
    incidents: Incidents,
    scope: Scope,
    topic_of: Callable[[int | None, str], str],
    top_topics: list[str],
    overdue_ids: list[int],
    clusters: list[a.Cluster],
    wanted: int,
    now: datetime,
) -> list[Example]:
    """One message per cluster (the systemic problems) for up to half the examples, then one
    per main topic in order, an overdue one first where there is one."""
    picked: list[Example] = []
    seen: set[int] = set()

    def take(inc: c.IncidentOut, why: str) -> None:
        if len(picked) < wanted and inc.id not in seen and scope.holds(inc):
            seen.add(inc.id)
            picked.append(
                Example(
                    number=inc.number,
                    received_at=inc.received_at.astimezone(scope.tz),
                    channel=CHANNEL_LABELS.get(inc.channel, inc.channel),
                    topic=topic_of(inc.category_id, inc.sector),
                    status=STATUS_LABELS[inc.status],
                    text=plain(inc.text, EXAMPLE_CHARS),
                    why=why,
                )
            )

    for cluster in clusters:
        if len(picked) >= max(1, wanted // 2):  # leave room for the main topics
            break
        if cluster.municipality_id == scope.municipality_id and cluster.incident_ids:
            inc = incidents(cluster.incident_ids[0])
            if inc is not None:
                take(inc, f"Повторяется: {cluster.count} {plural(cluster.count, *INCIDENTS)}")

    by_topic: dict[str, list[c.IncidentOut]] = {}
    for iid in overdue_ids[: wanted * 3]:
        inc = incidents(iid)
        if inc is not None and scope.holds(inc):
            by_topic.setdefault(topic_of(inc.category_id, inc.sector), []).append(inc)
    done = {x.topic for x in picked}
    missing = [t for t in top_topics[:wanted] if t not in done and t not in by_topic]
    if missing:
        for inc in incidents.source.incidents_of(scope):
            by_topic.setdefault(topic_of(inc.category_id, inc.sector), []).append(inc)
    for topic in top_topics:
        if topic not in done and by_topic.get(topic):
            inc = by_topic[topic][0]
            take(inc, "Просрочено" if _is_overdue(inc, now) else f"Тема: {topic}")
    return picked
