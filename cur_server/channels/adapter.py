"""What every channel adapter is: fetch new messages, deliver one reply, say why it failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from cur_desktop.models.domain import Channel

if TYPE_CHECKING:
    from .intake import Intake


@dataclass(frozen=True)
class ThreadMessage:
    """A message of the conversation a reply answers (the channel's own id, where it came from)."""

    message_id: str
    direction: str
    address: str | None = None
    subject: str | None = None
    #: The adapter an inbound message came by (None: not recorded, an older message).
    adapter: str | None = None


@dataclass(frozen=True)
class Outgoing:
    """One claimed reply to deliver. `idempotency_key` is the same on every attempt: the
    adapter passes it to the channel (an e-mail's Message-ID, VK's `guid`, …) so a retry after a
    crash between sending and confirming cannot reach the citizen twice."""

    delivery_id: int
    reply_id: int
    incident_id: int
    incident_number: str
    kind: str
    text: str
    idempotency_key: str
    attempt: int
    thread: list[ThreadMessage] = field(default_factory=list)


@dataclass(frozen=True)
class Receipt:
    """The channel accepted the reply; `message_id` is its id there (kept for threading).
    A reply the channel took in several messages (Telegram's 4,096-character limit) names the
    others in `more_ids`, so the citizen answering any of them joins the incident."""

    message_id: str | None = None
    more_ids: tuple[str, ...] = ()


class DeliveryError(Exception):
    """The channel did not take the reply. `permanent` ones are not retried (no address, the
    recipient refused); the others are retried with backoff. The message is the channel's own
    error in English, shown to the supervisor as is; it must never carry a secret.

    `retry_after` (seconds) is the channel asking to wait (Telegram's 429, VK's flood
    control): the reply is tried again no sooner, and the wait does not use up one of its
    tries."""

    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


class ChannelAdapter(Protocol):
    #: The configured adapter's name (several mailboxes of one channel differ by name).
    name: str
    channel: Channel

    def fetch(self, intake: Intake) -> int:
        """Hand every new message to `intake`; return how many were seen."""
        ...

    def deliver(self, outgoing: Outgoing) -> Receipt:
        """Send one reply, or raise DeliveryError."""
        ...
