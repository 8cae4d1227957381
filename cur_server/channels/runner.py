"""The channel process (`cur-server channels`): fetch from every adapter, deliver what is due.

One round after another, every `poll_seconds`. An error of one adapter (a mailbox down, a bad
password) is logged and the round goes on with the others: the process never dies of a channel.
Several processes may run against one PostgreSQL database: deliveries are claimed row by row
(`delivery.claim_due`), so none is sent twice; intake is deduplicated by (channel, source id).

A channel may have several adapters (the centre's Telegram bot and a municipality's, two VK
communities…). Their message ids would collide (message 1 of the same citizen's chat with each
bot), so each adapter's ids are stored with its name before them (`kasimov/…`, `Intake.scoped`),
and a reply goes out through the adapter the citizen's last message came by: its name is stored
with each inbound message, and for messages from before it was (migration 0011) their id's
prefix tells. One adapter per channel keeps the ids without a name: the one that ran alone
before (`legacy_owner`), so a server that had one bot keeps its incidents' conversations as they
are when a second is added. E-mail keeps its ids as they are (Message-IDs are unique anyway), so
its stored adapter name alone tells the mailbox; a letter from before that answers by the first.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from cur_desktop.models.domain import Channel

from ..context import ServerContext
from ..tables import ChannelMessage, Setting
from .adapter import ChannelAdapter, DeliveryError, Outgoing, Receipt
from .config import ChannelsConfig
from .delivery import RetryPolicy, claim_due, confirm_sent, record_failure
from .email_channel import EmailChannel
from .intake import Intake
from .ok_channel import OkChannel
from .pos_channel import PosChannel
from .telegram_channel import TelegramChannel
from .vk_channel import VkChannel

log = logging.getLogger(__name__)


def adapters_from(config: ChannelsConfig) -> list[ChannelAdapter]:
    return (
        [EmailChannel(m) for m in config.email]
        + [TelegramChannel(b) for b in config.telegram]
        + [VkChannel(g) for g in config.vk]
        + [PosChannel(p) for p in config.pos]
        + [OkChannel(g) for g in config.ok]
    )


def _has_state(intake: Intake, channel: Channel, name: str) -> bool:
    """Whether an adapter of this name kept a cursor or a journal here (it ran before)."""
    key = f"channel_cursor:{channel.value}:{name}"
    with intake.server.db.read() as s:
        found = s.scalar(
            select(Setting.key).where(or_(Setting.key == key, Setting.key.like(f"{key}:%")))
        )
    return found is not None


def legacy_owner(intake: Intake, channel: Channel, names: list[str]) -> str | None:
    """The adapter of a channel whose ids are stored without a prefix, decided once and kept
    (`channel_cursor:owner:CHANNEL`), so adding or reordering adapters never changes it: the
    only one configured at the first start; with several at once, the one that ran before (a
    server that had one and is given more), else none (every adapter's ids are prefixed)."""
    key = f"owner:{channel.value}"
    stored = intake.cursor(key)
    if "name" in stored:
        return stored["name"]
    if len(names) == 1:
        owner = names[0]
    else:
        with intake.server.db.read() as s:
            had_messages = s.scalar(
                select(ChannelMessage.id).where(ChannelMessage.channel == channel.value).limit(1)
            )
        ran = [n for n in names if _has_state(intake, channel, n)]
        owner = None
        if had_messages is not None:
            owner = ran[0] if len(ran) == 1 else names[0]
            if len(ran) != 1:
                log.warning(
                    "%s: several adapters and earlier messages, none of them clearly the one "
                    "that ran before; %r keeps the earlier messages' ids",
                    channel.value,
                    owner,
                )
    try:
        intake.save_cursor(key, {"name": owner})
    except IntegrityError:  # another process decided at the same moment: its choice holds
        return intake.cursor(key).get("name")
    return owner


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


@dataclass
class RoundReport:
    fetched: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class ChannelRunner:
    server: ServerContext
    adapters: Sequence[ChannelAdapter]
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    worker: str = field(default_factory=worker_name)
    batch_size: int = 100

    def __post_init__(self) -> None:
        self.intake = Intake(self.server)
        self.channels: dict[Channel, list[ChannelAdapter]] = {}
        for a in self.adapters:
            self.channels.setdefault(a.channel, []).append(a)
        #: Each adapter's intake: its ids stored with its prefix (module docstring).
        self.intakes: dict[int, Intake] = {}
        for channel, group in self.channels.items():
            owner = (
                group[0].name
                if channel == Channel.EMAIL
                else legacy_owner(self.intake, channel, [a.name for a in group])
            )
            for a in group:
                prefix = "" if channel == Channel.EMAIL or a.name == owner else f"{a.name}/"
                self.intakes[id(a)] = self.intake.scoped(prefix, a.name)
        for a in self.adapters:
            # An adapter that keeps state of its own in the database (Telegram's parts sent).
            attach = getattr(a, "attach", None)
            if attach is not None:
                attach(self.intakes[id(a)])

    def fetch_all(self, report: RoundReport) -> None:
        for adapter in self.adapters:
            try:
                report.fetched += adapter.fetch(self.intakes[id(adapter)])
            except Exception as exc:  # noqa: BLE001 - one channel's failure stops no other
                log.error("fetching from %s failed: %s", adapter.name, exc)
                report.errors.append(f"{adapter.name}: {exc}")

    def deliver_due(self, report: RoundReport) -> None:
        """One claim per channel and round: a reply that failed waits for its backoff (and the
        next round) instead of using up its tries at once."""
        for channel, group in self.channels.items():
            now = datetime.now(UTC)
            batch = claim_due(self.server, channel, self.worker, now, self.retry, self.batch_size)
            for out in batch:
                self._deliver_one(self._sender_of(group, out), out, report)

    def _sender_of(self, group: list[ChannelAdapter], out: Outgoing) -> ChannelAdapter | None:
        """The adapter the citizen's last message came through: by the name stored with it,
        else by its id's prefix (a message from before names were stored), else the first of the
        channel's unprefixed adapters (with no message at all there is no conversation)."""
        came = [m for m in out.thread if m.direction == "in" and m.address]
        plain = [a for a in group if not self.intakes[id(a)].prefix]
        if not came:
            return plain[0] if plain else group[0]
        if came[-1].adapter is not None:
            by_name = [a for a in group if a.name == came[-1].adapter]
            if by_name:
                return by_name[0]
        last = came[-1].message_id
        for a in group:
            prefix = self.intakes[id(a)].prefix
            if prefix and last.startswith(prefix):
                return a
        return plain[0] if plain else None

    def _localized(self, adapter: ChannelAdapter, out: Outgoing) -> Outgoing:
        """The reply as the adapter knows it: only its own messages of the thread, by its ids."""
        prefix = self.intakes[id(adapter)].prefix
        if not prefix:
            return out
        thread = [
            replace(m, message_id=m.message_id.removeprefix(prefix))
            for m in out.thread
            if m.message_id.startswith(prefix)
        ]
        return replace(out, thread=thread)

    def _stored(self, adapter: ChannelAdapter, receipt: Receipt) -> Receipt:
        """The ids the channel gave the reply, as they are stored (with the adapter's prefix)."""
        key = self.intakes[id(adapter)].key
        return Receipt(
            message_id=key(receipt.message_id) if receipt.message_id else None,
            more_ids=tuple(key(i) for i in receipt.more_ids),
        )

    def _deliver_one(
        self, adapter: ChannelAdapter | None, out: Outgoing, report: RoundReport
    ) -> None:
        try:
            if adapter is None:
                # Another process may have it configured: a try used, not a final failure.
                came = [m.message_id for m in out.thread if m.direction == "in"]
                raise DeliveryError(
                    f"the adapter the citizen wrote through ({came[-1].partition('/')[0]!r}) "
                    "is not configured in this channel process"
                )
            receipt = self._stored(adapter, adapter.deliver(self._localized(adapter, out)))
        except DeliveryError as exc:
            error, permanent, retry_after = str(exc), exc.permanent, exc.retry_after
        except Exception as exc:  # noqa: BLE001 - an adapter's bug is a failed try, not a crash
            log.exception("delivering reply %s crashed", out.reply_id)
            error, permanent, retry_after = f"{type(exc).__name__}: {exc}", False, None
        else:
            confirm_sent(
                self.server,
                out.delivery_id,
                datetime.now(UTC),
                receipt.message_id,
                receipt.more_ids,
            )
            report.sent += 1
            return
        state = record_failure(
            self.server,
            out.delivery_id,
            datetime.now(UTC),
            error,
            permanent=permanent,
            policy=self.retry,
            retry_after=retry_after,
        )
        log.warning("reply %s not delivered (try %d): %s", out.reply_id, out.attempt, error)
        if state == "failed":
            report.failed += 1
        else:
            report.retried += 1

    def run_round(self) -> RoundReport:
        report = RoundReport()
        self.fetch_all(report)
        try:
            self.deliver_due(report)
        except Exception as exc:  # noqa: BLE001 - the database away for a moment, say
            log.error("delivery round failed: %s", exc)
            report.errors.append(str(exc))
        return report

    def run_forever(self, poll_seconds: float, stop: threading.Event) -> None:
        while not stop.is_set():
            report = self.run_round()
            if report.fetched or report.sent or report.failed or report.retried:
                log.info(
                    "channels: %d fetched, %d sent, %d to retry, %d failed",
                    report.fetched,
                    report.sent,
                    report.retried,
                    report.failed,
                )
            stop.wait(poll_seconds)
