"""New incidents from the channel collectors, deduplicated by (channel, source id)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from cur_desktop.models.contract import (
    EARLIEST_RECEIVED_AT,
    MAX_RECEIVED_AHEAD,
    IngestItem,
    IngestItemResult,
    IngestRequest,
    IngestResult,
)
from cur_desktop.models.domain import incident_number

from .arrivals import Arrival, add_incidents
from .context import ServerContext
from .db import next_values
from .errors import ApiError, ServiceBusy
from .tables import Category, Incident, Municipality

log = logging.getLogger(__name__)


def serial_counter(year: int) -> str:
    return f"incident_serial_{year}"


def _resolve_codes(s, items: list[IngestItem]) -> tuple[dict[str, int], dict[str, Category]]:
    mun_codes = {i.municipality_code for i in items}
    cat_codes = {i.category_code for i in items if i.category_code}
    muns = dict(
        s.execute(
            select(Municipality.code, Municipality.id).where(Municipality.code.in_(mun_codes))
        ).all()
    )
    cats = {c.code: c for c in s.scalars(select(Category).where(Category.code.in_(cat_codes)))}
    errors = []
    for n, item in enumerate(items):
        if item.municipality_code not in muns:
            errors.append({"loc": ["body", "items", n, "municipality_code"], "msg": "unknown"})
        cat = cats.get(item.category_code) if item.category_code else None
        if item.category_code and (cat is None or cat.sector != item.sector.value):
            errors.append({"loc": ["body", "items", n, "category_code"], "msg": "unknown"})
    if errors:
        raise ApiError(
            "Неизвестный код муниципального образования или рубрики",
            code="unknown_code",
            details=errors,
        )
    return muns, cats


def check_received_at(items: list[IngestItem], now: datetime) -> None:
    """Refuse receipt times that cannot be true, before anything is stored."""
    latest = now + MAX_RECEIVED_AHEAD
    errors = [
        {"loc": ["body", "items", n, "received_at"], "msg": "out of range"}
        for n, item in enumerate(items)
        if not EARLIEST_RECEIVED_AT <= item.received_at <= latest
    ]
    if errors:
        raise ApiError(
            f"Время получения должно быть не раньше {EARLIEST_RECEIVED_AT:%Y} года "
            "и не позже чем через сутки от времени сервера",
            code="bad_date",
            details=errors,
        )


def _ingest_once(
    server: ServerContext,
    actor_id: int | None,
    req: IngestRequest,
    files: list[list[dict]] | None = None,
) -> IngestResult:
    items = req.items
    with server.db.write() as s:
        muns, cats = _resolve_codes(s, items)
        known = {
            (ch, sid): (iid, number)
            for ch, sid, iid, number in s.execute(
                select(Incident.channel, Incident.source_id, Incident.id, Incident.number).where(
                    Incident.source_id.in_({i.source_id for i in items})
                )
            )
        }
        first_index: dict[tuple[str, str], int] = {}
        for n, item in enumerate(items):
            key = (item.channel.value, item.source_id)
            if key not in known and key not in first_index:
                first_index[key] = n
        now = datetime.now(UTC)
        if first_index:
            last_serial = next_values(s, serial_counter(now.year), len(first_index))
        arrivals = []
        for offset, n in enumerate(first_index.values()):
            item = items[n]
            cat = cats.get(item.category_code) if item.category_code else None
            received = item.received_at.astimezone(UTC)
            arrivals.append(
                Arrival(
                    number=incident_number(now.year, last_serial - len(first_index) + 1 + offset),
                    channel=item.channel.value,
                    source_id=item.source_id,
                    source_url=item.source_url,
                    author_name=item.author_name,
                    text=item.text,
                    # Stored files (a channel's photos, `attachments.store_files`) after links.
                    attachments=[*item.attachments, *(files[n] if files else [])],
                    received_at=received,
                    municipality_id=muns[item.municipality_code],
                    sector=item.sector.value,
                    category_id=cat.id if cat else None,
                    importance=item.importance.value,
                    first_answer_due=server.clock.first_answer_due(received, item.importance.value),
                )
            )
        for key, inc in zip(first_index, add_incidents(s, arrivals, now, actor_id), strict=True):
            known[key] = (inc.id, inc.number)
        results = []
        for n, item in enumerate(items):
            key = (item.channel.value, item.source_id)
            iid, number = known[key]
            results.append(
                IngestItemResult(
                    channel=item.channel,
                    source_id=item.source_id,
                    outcome="created" if first_index.get(key) == n else "duplicate",
                    incident_id=iid,
                    number=number,
                )
            )
    return IngestResult(results=results)


def ingest(
    server: ServerContext,
    actor_id: int | None,
    req: IngestRequest,
    files: list[list[dict]] | None = None,
) -> IngestResult:
    """Store new incidents; `files` (in-process callers only, the channels) gives each item
    the references of files already stored for it (`attachments.store_files`)."""
    check_received_at(req.items, datetime.now(UTC))
    for _attempt in range(5):
        try:
            return _ingest_once(server, actor_id, req, files)
        except (IntegrityError, OperationalError) as exc:
            # A concurrent ingest of the same source won; the next attempt sees it.
            log.info("retrying ingest after %s", type(exc).__name__)
    raise ServiceBusy("Не удалось сохранить сообщения, повторите позже")
