"""The channel process (`cur-server channels`): fetch from every adapter, deliver what is due.

One round after another, every `poll_seconds`. An error of one adapter (a mailbox down, a bad
password) is logged and the round goes on with the others: the process never dies of a channel.
Several processes may run against one PostgreSQL database: deliveries are claimed row by row
(`delivery.claim_due`), so none is sent twice; intake is deduplicated by (channel, source id).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..context import ServerContext
from .adapter import ChannelAdapter, DeliveryError
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
        for a in self.adapters:
            # An adapter that keeps state of its own in the database (Telegram's parts sent).
            attach = getattr(a, "attach", None)
            if attach is not None:
                attach(self.intake)
        # One adapter per channel delivers: the first configured with a way to send.
        self.deliverers: dict[str, ChannelAdapter] = {}
        for a in self.adapters:
            self.deliverers.setdefault(a.channel.value, a)

    def fetch_all(self, report: RoundReport) -> None:
        for adapter in self.adapters:
            try:
                report.fetched += adapter.fetch(self.intake)
            except Exception as exc:  # noqa: BLE001 - one channel's failure stops no other
                log.error("fetching from %s failed: %s", adapter.name, exc)
                report.errors.append(f"{adapter.name}: {exc}")

    def deliver_due(self, report: RoundReport) -> None:
        """One claim per channel and round: a reply that failed waits for its backoff (and the
        next round) instead of using up its tries at once."""
        for adapter in self.deliverers.values():
            now = datetime.now(UTC)
            batch = claim_due(
                self.server, adapter.channel, self.worker, now, self.retry, self.batch_size
            )
            for out in batch:
                self._deliver_one(adapter, out, report)

    def _deliver_one(self, adapter: ChannelAdapter, out, report: RoundReport) -> None:
        try:
            receipt = adapter.deliver(out)
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
