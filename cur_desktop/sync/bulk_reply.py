"""One answer template for a whole cluster: a reply per incident, each with its own
placeholders filled (citizen's name, address, number, …), planned for preview and then queued as
one user action.

`plan_replies` renders and checks every reply without writing anything, so the supervisor sees
each text and why some will not go (a placeholder the incident cannot fill, a blocking reply
check, a case no longer open, the same template already sent). `send_replies` then writes every
reply and its outbox entry in one local transaction, so either all wait for the server or none
does; the outbox makes each land exactly once. Both run in the db thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, select

from cur_desktop.models.cache.schema import drafts, incidents, replies
from cur_desktop.models.domain import ApprovalState, MutationType
from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.said import said
from cur_desktop.models.statuses import OPEN_STATUSES, Status
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS, render

from .actions import LocalActions
from .outbox import InvalidAction

#: What the caller adds to an incident's own fields: names of its agency, municipality, …
ValuesFor = Callable[[Mapping[str, Any]], dict[str, str | None]]

_COLUMNS = (
    incidents.c.id,
    incidents.c.number,
    incidents.c.status,
    incidents.c.author_name,
    incidents.c.text,
    incidents.c.municipality_id,
    incidents.c.agency_id,
    incidents.c.category_id,
    incidents.c.first_answer_due,
    incidents.c.final_answer_due,
)


@dataclass
class PlannedReply:
    incident_id: int
    number: str
    text: str
    #: Why this one is not sent (empty: it is sent); Russian, for the preview.
    problems: list[str] = field(default_factory=list)
    #: Worth a look but not blocking (a final answer without a date, …).
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class BulkReplyOutcome:
    sent: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)


def _already_sent(conn: Connection, ids: list[int], template_id: int, kind: str) -> set[int]:
    """Incidents that already carry a reply of this template and kind (sent or waiting), so a
    second press of the button does not answer them twice."""
    return set(
        conn.scalars(
            select(replies.c.incident_id).where(
                replies.c.incident_id.in_(ids),
                replies.c.template_id == template_id,
                replies.c.kind == kind,
                replies.c.approval_state != ApprovalState.RETURNED.value,
            )
        )
    )


def _plan(
    conn: Connection,
    ids: list[int],
    template: Mapping[str, Any],
    values_for: ValuesFor,
    today: date | None = None,
) -> list[PlannedReply]:
    kind = str(template["kind"])
    found = conn.execute(select(*_COLUMNS).where(incidents.c.id.in_(ids))).mappings()
    rows = {r["id"]: dict(r) for r in found}
    sent = _already_sent(conn, ids, template["id"], kind)
    out = []
    for i in ids:
        row = rows.get(i)
        if row is None:
            out.append(
                PlannedReply(i, str(i), "", [said("not_cached", "Обращения нет в локальном кэше")])
            )
            continue
        values = values_for(row)  # {address}: the one in the message, as the citizen wrote it
        rendered = render(str(template["text"]), values)
        item = PlannedReply(i, row["number"], rendered.text)
        status = Status(row["status"])
        if status not in OPEN_STATUSES:
            item.problems.append(
                said("not_awaiting", "Обращение уже не ждёт ответа (закрыто или с ответом)")
            )
        if i in sent:
            item.problems.append(said("template_used", "Ответ по этому шаблону уже есть"))
        if rendered.missing:
            names = ", ".join(KNOWN_PLACEHOLDERS.get(n, n) for n in rendered.missing)
            item.problems.append(
                said("cannot_fill", f"Не заполнить: {names}", fields=list(rendered.missing))
            )
        for finding in check_reply(rendered.text, kind, today=today):
            if finding.code == "placeholder":
                continue  # said above, by name
            shown = said(f"check_{finding.code}", finding.message, **dict(finding.params))
            (item.problems if finding.blocking else item.warnings).append(shown)
        out.append(item)
    return out


def plan_replies(
    store,
    incident_ids: Iterable[int],
    template: Mapping[str, Any],
    values_for: ValuesFor,
    *,
    today: date | None = None,
) -> list[PlannedReply]:
    """Every incident's reply from `template`, rendered and checked, in the order given;
    `today` (the server's) makes a date already past a reason not to send."""
    ids = list(dict.fromkeys(incident_ids))
    with store.read() as conn:
        return _plan(conn, ids, template, values_for, today)


def send_replies(
    actions: LocalActions,
    incident_ids: Iterable[int],
    template: Mapping[str, Any],
    values_for: ValuesFor,
    *,
    today: date | None = None,
) -> BulkReplyOutcome:
    """Queue the planned replies that pass as one user action. The plan is made again inside
    the write transaction, so what is sent is what the incidents are now, not at preview time.

    A new incident is taken into work first (a reply needs it, as a single reply from the card
    does)."""
    ids = list(dict.fromkeys(incident_ids))
    if not ids:
        raise InvalidAction(said("none_chosen", "Не выбрано ни одного обращения"))
    kind = str(template["kind"])
    out = BulkReplyOutcome()
    with actions.store.write() as conn:
        planned = _plan(conn, ids, template, values_for, today)
        new = set(
            conn.scalars(
                select(incidents.c.id).where(
                    incidents.c.id.in_([p.incident_id for p in planned if p.ok]),
                    incidents.c.status == Status.NEW.value,
                )
            )
        )
        take = {"status": Status.IN_PROGRESS.value}
        items: list[tuple[MutationType, int, dict]] = []
        for item in planned:
            if not item.ok:
                out.skipped.append(item.incident_id)
                continue
            if item.incident_id in new:
                items.append((MutationType.SET_STATUS, item.incident_id, take))
            payload = {"kind": kind, "text": item.text, "template_id": template["id"]}
            items.append((MutationType.ADD_REPLY, item.incident_id, payload))
            out.sent.append(item.incident_id)
        actions.outbox.record_many(conn, items)
        if out.sent:
            conn.execute(
                delete(drafts).where(drafts.c.incident_id.in_(out.sent), drafts.c.kind == kind)
            )
    if out.sent:
        actions.on_change()
    return out
