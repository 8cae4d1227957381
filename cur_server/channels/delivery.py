"""The delivery queue: an approved reply reaches the citizen's channel exactly once.

A published reply to an incident from a delivered channel (`domain.DELIVERED_CHANNELS`) gets a
`Delivery` row in the same transaction (`queue_reply`). A channel process claims due rows
(`claim_due`: a lease, taken with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two processes never
take one row), sends each under its idempotency key, then confirms (`confirm_sent`) or reports
the error (`record_failure`). A process that dies between sending and confirming leaves the row
claimed; once the lease runs out another claim retries it with the same key, which the channel
(an e-mail's Message-ID) uses to recognise the repeat.

Only the channel's acceptance makes the reply an answer for the SLA: `confirm_sent` sets the
incident's answered times, not the publication. After the last failed try the incident gets an
internal note with the channel's error and is reopened for the supervisor.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from cur_desktop.models.backoff import backoff_delay
from cur_desktop.models.domain import (
    CHANNEL_LABELS,
    Channel,
    DeliveryState,
    ReplyKind,
    answered_on_publish,
)
from cur_desktop.models.statuses import Status, can_transition

from ..changes import record_change
from ..context import ServerContext
from ..tables import ChannelMessage, Delivery, Incident, Reply
from .adapter import Outgoing, ThreadMessage

log = logging.getLogger(__name__)

#: The queue's own state: `sending` is claimed by a process and not yet confirmed.
QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"
DELIVERED_KINDS = frozenset({ReplyKind.INTERIM.value, ReplyKind.FINAL.value})
#: Channels with a bot adapter (or ПОС's file exchange): their replies are delivered for
#: incidents that came in through it (an e-mail is always delivered: `DELIVERED_CHANNELS`).
BOT_CHANNELS = frozenset(
    {Channel.TELEGRAM.value, Channel.VK.value, Channel.POS.value, Channel.OK.value}
)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    backoff: timedelta = timedelta(seconds=30)
    backoff_max: timedelta = timedelta(hours=1)
    #: How long a claim holds: longer than any send takes, so a live process is never doubled.
    lease: timedelta = timedelta(minutes=10)

    def delay(self, attempts: int) -> timedelta:
        """The shared backoff rule (models/backoff.py): a channel that was down is not hit by
        every queued reply in the same second when it comes back."""
        seconds = backoff_delay(
            attempts, self.backoff.total_seconds(), self.backoff_max.total_seconds()
        )
        return timedelta(seconds=seconds)


def idempotency_key(reply_id: int) -> str:
    return f"cur-reply-{reply_id}"


def queue_reply(session: Session, incident: Incident, reply: Reply, now: datetime) -> bool:
    """Queue a just-published reply for the incident's channel; False if none delivers it."""
    if reply.kind not in DELIVERED_KINDS:
        return False
    training = incident.training_session_id is not None
    if answered_on_publish(incident.channel, training):
        # A messenger's incident is delivered by the bot only when it came in through the bot
        # (its conversation is stored); one a collector brought has no chat to answer in, and
        # publishing stays the answer, as before there were bots.
        if training or incident.channel not in BOT_CHANNELS:
            return False
        came_in = session.scalar(
            select(ChannelMessage.id)
            .where(
                ChannelMessage.incident_id == incident.id,
                ChannelMessage.channel == incident.channel,
                ChannelMessage.direction == "in",
            )
            .limit(1)
        )
        if came_in is None:
            return False
    session.add(
        Delivery(
            reply_id=reply.id,
            incident_id=incident.id,
            channel=incident.channel,
            state=QUEUED,
            attempts=0,
            next_attempt_at=now,
            idempotency_key=idempotency_key(reply.id),
            created_at=now,
        )
    )
    reply.delivery_state = DeliveryState.QUEUED.value
    return True


def claim_due(
    server: ServerContext,
    channel: Channel,
    worker: str,
    now: datetime,
    policy: RetryPolicy,
    limit: int = 20,
) -> list[Outgoing]:
    """Claim up to `limit` due deliveries of a channel for this worker, and what sending needs."""
    with server.db.write() as s:
        rows = s.scalars(
            select(Delivery)
            .where(
                Delivery.channel == channel.value,
                or_(
                    and_(Delivery.state == QUEUED, Delivery.next_attempt_at <= now),
                    and_(Delivery.state == SENDING, Delivery.claimed_at <= now - policy.lease),
                ),
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        out = []
        for d in rows:
            d.state, d.claimed_at, d.claimed_by = SENDING, now, worker
            d.attempts += 1
            reply = s.get(Reply, d.reply_id)
            incident = s.get(Incident, d.incident_id)
            thread = [
                ThreadMessage(m.message_id, m.direction, m.address, m.subject, m.adapter)
                for m in s.scalars(
                    select(ChannelMessage)
                    .where(
                        ChannelMessage.incident_id == d.incident_id,
                        ChannelMessage.channel == d.channel,
                    )
                    .order_by(ChannelMessage.id)
                )
            ]
            out.append(
                Outgoing(
                    delivery_id=d.id,
                    reply_id=d.reply_id,
                    incident_id=d.incident_id,
                    incident_number=incident.number,
                    kind=reply.kind,
                    text=reply.text,
                    idempotency_key=d.idempotency_key,
                    attempt=d.attempts,
                    thread=thread,
                )
            )
    return out


def _locked(s: Session, delivery_id: int) -> tuple[Delivery, Reply, Incident] | None:
    d = s.scalars(select(Delivery).where(Delivery.id == delivery_id).with_for_update()).first()
    if d is None or d.state != SENDING:
        return None  # confirmed or failed already (a retry after a lost lease): nothing to do
    incident = s.scalars(
        select(Incident).where(Incident.id == d.incident_id).with_for_update()
    ).one()
    return d, s.get(Reply, d.reply_id), incident


def confirm_sent(
    server: ServerContext,
    delivery_id: int,
    now: datetime,
    message_id: str | None,
    more_ids: tuple[str, ...] = (),
) -> bool:
    """The channel accepted the reply: it is delivered, and now it counts as the answer."""
    with server.db.write() as s:
        found = _locked(s, delivery_id)
        if found is None:
            return False
        d, reply, inc = found
        d.state, d.sent_at, d.last_error = SENT, now, None
        reply.delivery_state, reply.delivered_at = DeliveryState.SENT.value, now
        reply.delivery_error = None
        inc.first_answered_at = inc.first_answered_at or now
        if reply.kind == ReplyKind.INTERIM.value:
            inc.final_answer_due = server.clock.final_answer_due(now)
        else:
            inc.final_answered_at = now
        for sent_id in dict.fromkeys(i for i in (message_id, *more_ids) if i):
            s.add(
                ChannelMessage(
                    channel=d.channel,
                    message_id=sent_id,
                    incident_id=inc.id,
                    direction="out",
                    at=now,
                )
            )
        record_change(s, inc, now, [("reply_delivered", {"reply_id": reply.id})])
    return True


def record_failure(
    server: ServerContext,
    delivery_id: int,
    now: datetime,
    error: str,
    *,
    permanent: bool,
    policy: RetryPolicy,
    retry_after: float | None = None,
) -> str | None:
    """The channel did not take the reply: retry later, or give up after the last try. Returns
    the queue state it left the row in (None if the row was no longer claimed).

    `retry_after` is the channel's own «wait N seconds» (flood control): the reply waits that
    long and the try is given back, since the reply itself was not refused."""
    with server.db.write() as s:
        found = _locked(s, delivery_id)
        if found is None:
            return None
        d, reply, inc = found
        d.last_error = error
        if not permanent and retry_after is not None:
            d.attempts = max(d.attempts - 1, 0)
            d.state = QUEUED
            d.next_attempt_at = now + timedelta(seconds=max(retry_after, 1))
            return QUEUED
        if not permanent and d.attempts < policy.max_attempts:
            # Not on the reply: it still reads «в очереди», and the incident's version (and the
            # feed every workstation polls) does not churn with each retry.
            d.state, d.next_attempt_at = QUEUED, now + policy.delay(d.attempts)
            return QUEUED
        d.state = FAILED
        reply.delivery_state, reply.delivery_error = DeliveryState.FAILED.value, error
        label = CHANNEL_LABELS.get(Channel(d.channel), d.channel)
        events = [
            ("reply_delivery_failed", {"reply_id": reply.id, "error": error}),
            ("note", {"text": f"Ответ не доставлен ({label}, попыток: {d.attempts}): {error}"}),
        ]
        current = Status(inc.status)
        # The citizen never got this answer: back to work, with the SLA clock still running
        # from the original message (answered times were never set for it). An undelivered
        # interim answer leaves the case open as it is (the status rules allow no way back),
        # with the note and the reply's «ошибка» telling the supervisor.
        if can_transition(current, Status.REOPENED):
            inc.status = Status.REOPENED.value
            events.append(
                ("status_changed", {"from": current.value, "to": "reopened", "reason": error})
            )
        record_change(s, inc, now, events)
        log.warning("delivery %s of reply %s failed for good: %s", d.id, reply.id, error)
        return FAILED
