"""Demo database: a real region, its agencies and templates, staff accounts and believable traffic.

Incidents are bulk-inserted with Core statements (not ORM objects) so that `--incidents 250000`
for the benchmarks takes about a minute rather than an hour.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import JSON, func, insert, select, text

from cur_desktop.models.domain import ApprovalState, ReplyKind, Role, incident_number
from cur_desktop.models.fingerprint import address_for_reply, address_key, text_key
from cur_desktop.models.reply_fill import greeting
from cur_desktop.models.statuses import Status
from cur_desktop.models.templates import placeholders, render

from .context import ServerContext, load_context
from .db import CHANGE_SEQ, Database, next_values, open_database
from .demo import content
from .demo.burst import plant_burst
from .demo.photos import attach_demo_photos
from .ingest import serial_counter
from .security import hash_password
from .tables import (
    Agency,
    Category,
    Counter,
    Event,
    Incident,
    Municipality,
    Reply,
    Setting,
    Template,
    User,
    UserMunicipality,
)
from .wire_json import fill_missing

DEMO_PASSWORD = "demo"
#: The district whose official is in the demo accounts.
DEMO_DISTRICT = "shilovsky_district"

DEMO_USERS = [
    ("operator1", "Смирнова Анна Викторовна", Role.OPERATOR, False),
    ("operator2", "Кузнецов Дмитрий Олегович", Role.OPERATOR, False),
    ("operator3", "Новиков Артём Игоревич (стажёр)", Role.OPERATOR, True),
    ("supervisor1", "Волкова Елена Игоревна", Role.SUPERVISOR, False),
    ("official1", "Морозов Павел Андреевич", Role.DISTRICT_OFFICIAL, False),
    ("trainer1", "Соколова Ирина Петровна", Role.TRAINER, False),
    ("admin", "Администратор системы", Role.ADMIN, False),
    ("collector", "Сборщик сообщений", Role.COLLECTOR, False),
]

Progress = Callable[[int, int], None]


def _seed_reference(db: Database) -> None:
    with db.write() as s:
        s.merge(Setting(key="region", value=content.REGION))
        s.merge(Setting(key="working_hours", value={"day_start": "09:00", "day_end": "18:00"}))
        for m in content.MUNICIPALITIES:
            s.add(Municipality(code=m["code"], name=m["name"], kind=m["kind"]))
        for sector, cats in content.CATEGORIES.items():
            for cat in cats:
                s.add(Category(code=cat["code"], name=cat["name"], sector=sector))
        s.flush()
        mun_ids = dict(s.execute(select(Municipality.code, Municipality.id)).all())
        cat_ids = dict(s.execute(select(Category.code, Category.id)).all())
        for a in content.AGENCIES:
            s.add(
                Agency(
                    code=a["code"],
                    name=a["name"],
                    sector=a["sector"],
                    municipality_id=mun_ids.get(a["municipality_code"] or ""),
                )
            )
        for t in content.TEMPLATES:
            s.add(
                Template(
                    code=t["code"],
                    title=t["title"],
                    sector=t["sector"],
                    category_id=cat_ids.get(t["category"] or ""),
                    kind=t["kind"],
                    text=t["text"],
                )
            )
        password_hash = hash_password(DEMO_PASSWORD)
        for username, full_name, role, trainee in DEMO_USERS:
            user = User(
                username=username,
                full_name=full_name,
                password_hash=password_hash,
                role=role.value,
                needs_approval=trainee,
            )
            s.add(user)
            s.flush()
            if role is Role.DISTRICT_OFFICIAL:
                s.add(UserMunicipality(user_id=user.id, municipality_id=mun_ids[DEMO_DISTRICT]))


def lifecycle_at_age(rng: random.Random, age: timedelta) -> Status:
    """Where an incident of this age would be now in a centre that mostly keeps up."""
    r = rng.random()
    if age < timedelta(hours=6):
        return Status.NEW if r < 0.6 else Status.IN_PROGRESS if r < 0.9 else Status.ROUTED
    if age < timedelta(days=2):
        if r < 0.12:
            return Status.NEW
        if r < 0.3:
            return Status.IN_PROGRESS
        return Status.ROUTED if r < 0.55 else Status.INTERIM_ANSWER if r < 0.8 else Status.ANSWERED
    if age < timedelta(days=10):
        if r < 0.03:
            return Status.IN_PROGRESS
        if r < 0.25:
            return Status.INTERIM_ANSWER
        return Status.ANSWERED if r < 0.7 else Status.RESOLVED if r < 0.95 else Status.REJECTED
    return (
        Status.CLOSED
        if r < 0.6
        else Status.RESOLVED
        if r < 0.85
        else (Status.ANSWERED if r < 0.95 else Status.REJECTED)
    )


class _Inserter:
    """Buffers rows per table and writes them in chunks: COPY on PostgreSQL, executemany elsewhere.

    psycopg's executemany sends one INSERT per row; for 250,000 incidents with 1.3 million events
    that took most of eight minutes, COPY takes a fraction of it.
    """

    def __init__(self, session, chunk: int = 5_000):
        self.session, self.chunk = session, chunk
        self.rows: dict[type, list[dict]] = {Incident: [], Event: [], Reply: []}
        self.copy = session.get_bind().dialect.name == "postgresql"

    def add(self, table: type, row: dict) -> None:
        self.rows[table].append(row)
        if len(self.rows[table]) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """All tables, parents first: events and replies point at incidents."""
        for t in (Incident, Event, Reply):
            if self.rows[t]:
                if self.copy:
                    self._copy(t.__table__, self.rows[t])
                else:
                    self.session.execute(insert(t), self.rows[t])
                self.rows[t] = []

    def _copy(self, table, rows: list[dict]) -> None:
        columns = list(rows[0])
        as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
        names = ", ".join(f'"{name}"' for name in columns)
        # The session's own connection, so the rows land in the seeding transaction.
        raw = self.session.connection().connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(row[c], ensure_ascii=False)
                        if c in as_json and row[c] is not None
                        else row[c]
                        for c in columns
                    ]
                )


def _seed_incidents(
    server: ServerContext,
    count: int,
    now: datetime,
    seed: int,
    days: int,
    progress: Progress | None,
) -> None:
    db, clock = server.db, server.clock
    rng = random.Random(seed)
    with db.write() as s:
        mun_ids = dict(s.execute(select(Municipality.code, Municipality.id)).all())
        cat_ids = dict(s.execute(select(Category.code, Category.id)).all())
        users = dict(s.execute(select(User.username, User.id)).all())
        collector = users["collector"]
        handlers = [users["operator1"], users["operator2"], users["operator3"]]
        agencies = s.execute(select(Agency.id, Agency.sector, Agency.municipality_id)).all()
        names = _ReplyNames(
            users=dict(s.execute(select(User.id, User.full_name)).all()),
            agencies=dict(s.execute(select(Agency.id, Agency.name)).all()),
            municipalities=dict(s.execute(select(Municipality.id, Municipality.name)).all()),
            categories=dict(s.execute(select(Category.id, Category.name)).all()),
        )
        by_sector: dict[str | None, list[int]] = {}
        for aid, sector, _mid in agencies:
            by_sector.setdefault(sector, []).append(aid)
        templates: dict[tuple[str | None, str], list[str]] = {}
        for t in content.TEMPLATES:
            templates.setdefault((t["sector"], t["kind"]), []).append(t["text"])
        start_id = (s.scalar(select(func.max(Incident.id))) or 0) + 1
        seq0 = next_values(s, CHANGE_SEQ, count) - count
        serials: dict[int, int] = {}
        out = _Inserter(s)
        rows = list(content.generate_incidents(count, seed=seed, now=now, days=days))
        plant_burst(rows, now=now, seed=seed, days=days)
        rows.sort(key=lambda d: d["received_at"])
        for n, item in enumerate(rows):
            iid, received = start_id + n, item["received_at"]
            year = received.year
            serials[year] = serials.get(year, 0) + 1
            status = lifecycle_at_age(rng, now - received)
            due = clock.first_answer_due(received, item["importance"])
            inc = {
                "id": iid,
                "number": incident_number(year, serials[year]),
                "channel": item["channel"],
                "source_id": item["source_id"],
                "source_url": item["source_url"],
                "author_name": item["author_name"],
                "text": item["text"],
                "attachments": item["attachments"],
                "received_at": received,
                "municipality_id": mun_ids[item["municipality_code"]],
                "sector": item["sector"],
                "category_id": cat_ids.get(item["category"]),
                "importance": item["importance"],
                "status": status.value,
                "assignee_id": None,
                "agency_id": None,
                "sla_started_at": received,
                "first_answer_due": due,
                "first_answered_at": None,
                "final_answer_due": None,
                "final_answered_at": None,
                "version": 1,
                "seq": seq0 + n + 1,
                "created_at": received,
                "updated_at": received,
                "training_session_id": None,
                "address_key": address_key(item["text"]),
                "text_key": text_key(item["text"]),
            }
            events = [(received, collector, "received", {"channel": item["channel"]})]
            if status is not Status.NEW:
                _play_history(
                    rng, clock, inc, status, now, handlers, by_sector, templates, names, events, out
                )
            inc["version"] = len(events)
            inc["updated_at"] = events[-1][0]
            out.add(Incident, inc)
            for version, (at, actor, kind, data) in enumerate(events, start=1):
                out.add(
                    Event,
                    {
                        "incident_id": iid,
                        "version": version,
                        "at": at,
                        "actor_id": actor,
                        "kind": kind,
                        "data": data,
                    },
                )
            if progress and (n + 1) % 10_000 == 0:
                out.flush()
                progress(n + 1, count)
        out.flush()
        if s.bind.dialect.name == "postgresql":  # explicit ids bypassed the id sequence
            s.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('incidents', 'id'), max(id))"
                    " FROM incidents"
                )
            )
        for year, value in serials.items():
            next_values(s, serial_counter(year), value)
    if progress:
        progress(count, count)


#: Share of demo answers given inside their deadline (the rest come up to two days late).
ON_TIME_SHARE = 0.85


@dataclass(frozen=True)
class _ReplyNames:
    """Names by id, to fill a template's placeholders the way the workstation would."""

    users: dict[int, str]
    agencies: dict[int, str]
    municipalities: dict[int, str]
    categories: dict[int, str]


#: For «по адресу {address}» when the message names no street and house.
_ADDRESS_UNKNOWN = "указанному в обращении"


def _reply_text(
    template: str, inc: dict, names: _ReplyNames, author: int, due: Callable[[], datetime]
) -> str:
    """A template with every placeholder filled: a published answer never shows «{greeting}»."""
    # Lazily: the greeting and the address cost tens of microseconds each, on 100k incidents.
    fill: dict[str, Callable[[], str]] = {
        "citizen_name": lambda: inc["author_name"] or "заявитель",
        "citizen_name_dative": lambda: inc["author_name"] or "заявителю",
        "greeting": lambda: greeting(inc["author_name"]),
        "address": lambda: address_for_reply(inc["text"]) or _ADDRESS_UNKNOWN,
        "agency": lambda: names.agencies.get(inc["agency_id"]) or "профильное ведомство",
        "deadline_date": lambda: due().strftime("%d.%m.%Y"),
        "incident_number": lambda: inc["number"],
        "operator_name": lambda: names.users.get(author) or "Оператор",
        "municipality": lambda: names.municipalities[inc["municipality_id"]],
        "category": lambda: names.categories.get(inc["category_id"]) or "другое",
    }
    values = {name: fill[name]() for name in placeholders(template) if name in fill}
    rendered = render(template, values)
    if not rendered.complete:  # a template with a name this table does not know yet
        raise ValueError(f"demo template leaves {rendered.missing} unfilled")
    return rendered.text


def _play_history(rng, clock, inc, status, now, handlers, by_sector, templates, names, events, out):
    """Fill in plausible past actions (claim, route, replies) leading to `status`."""
    received = inc["received_at"]
    latest = max(now - timedelta(minutes=1), received)
    last = [received]  # the moment of the previous step: history never goes backwards

    def at(moment: datetime) -> datetime:
        last[0] = min(max(moment, last[0]), latest)
        return last[0]

    def after(lo_minutes: float, hi_minutes: float) -> datetime:
        return at(last[0] + timedelta(minutes=rng.uniform(lo_minutes, hi_minutes)))

    def answer_by(due: datetime | None) -> datetime:
        """A centre that mostly keeps up: most answers inside the deadline, some late."""
        if due is None or due <= last[0]:
            return after(30, 600)
        if rng.random() < ON_TIME_SHARE:
            return at(last[0] + (due - last[0]) * rng.uniform(0.2, 0.95))
        return at(due + timedelta(minutes=rng.uniform(20, 48 * 60)))

    handler = rng.choice(handlers)
    inc["assignee_id"] = handler
    events.append((after(2, 90), handler, "claimed", {"from": None, "to": handler}))
    if status is Status.IN_PROGRESS:
        return
    if status is Status.REJECTED:
        inc["assignee_id"] = handler
        events.append(
            (
                after(5, 60),
                handler,
                "status_changed",
                {"from": "in_progress", "to": "rejected", "reason": "Дубликат обращения"},
            )
        )
        return
    agencies = by_sector.get(inc["sector"]) or by_sector.get(None) or []
    if agencies:
        inc["agency_id"] = rng.choice(agencies)
        routed = after(5, 180)
        events.append((routed, handler, "routed", {"agency_id": inc["agency_id"], "note": None}))
    if status is Status.ROUTED:
        return

    def reply(kind: ReplyKind, when: datetime) -> None:
        texts = templates.get((inc["sector"], kind.value)) or templates.get((None, kind.value))

        # The date the centre promises next: the deadline a reply given now would set.
        def due() -> datetime:
            return clock.final_answer_due(when).astimezone(clock.calendar.tz)

        text = _reply_text(rng.choice(texts), inc, names, handler, due) if texts else ""
        out.add(
            Reply,
            {
                "incident_id": inc["id"],
                "client_id": None,
                "kind": kind.value,
                "text": text or "Ответ дан.",
                "author_id": handler,
                "template_id": None,
                "approval_state": ApprovalState.PUBLISHED.value,
                "created_at": when,
                "reviewed_by": None,
                "reviewed_at": None,
                "review_comment": None,
            },
        )
        events.append((when, handler, "reply_published", {"kind": kind.value}))

    first_due = inc["first_answer_due"]
    if status is Status.INTERIM_ANSWER or rng.random() < 0.3:
        first = answer_by(first_due)
        reply(ReplyKind.INTERIM, first)
        inc["first_answered_at"] = first
        inc["final_answer_due"] = clock.final_answer_due(first)
    if status is Status.INTERIM_ANSWER:
        return
    final = answer_by(inc["final_answer_due"] or first_due)
    reply(ReplyKind.FINAL, final)
    inc["first_answered_at"] = inc["first_answered_at"] or final
    inc["final_answered_at"] = final
    if status in (Status.RESOLVED, Status.CLOSED):
        events.append(
            (
                after(60, 3 * 24 * 60),
                handler,
                "status_changed",
                {"from": "answered", "to": "resolved", "confirmation": "Работы выполнены"},
            )
        )
    if status is Status.CLOSED:
        closed = after(60, 3 * 24 * 60)
        events.append((closed, handler, "status_changed", {"from": "resolved", "to": "closed"}))


def seed_demo(
    url: str,
    incidents: int = 3_000,
    *,
    now: datetime | None = None,
    seed: int = 62,
    days: int = 60,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Seed an empty, migrated database. Seeding again adds nothing and says so."""
    db = open_database(url)
    try:
        with db.read() as s:
            has_reference = s.scalar(select(func.count()).select_from(Municipality)) > 0
            has_incidents = s.scalar(select(func.count()).select_from(Incident)) > 0
        if not has_reference:
            _seed_reference(db)
        created = 0
        if not has_incidents and incidents > 0:
            server = load_context(db)
            _seed_incidents(server, incidents, now or datetime.now(UTC), seed, days, progress)
            attach_demo_photos(db, seed)
            created = incidents
            fill_missing(db)  # the feed's JSON of each, as a writer leaves it
            if not db.is_sqlite and incidents >= 10_000:
                # Fresh statistics for a big seed, or the first queries plan for empty tables.
                with db.write() as s:
                    s.execute(text("ANALYZE incidents, events, replies"))
        with db.read() as s:
            total = s.scalar(select(func.count()).select_from(Incident))
            counter = s.get(Counter, CHANGE_SEQ)
        return {
            "incidents_created": created,
            "incidents_total": total,
            "cursor": counter.value if counter else 0,
        }
    finally:
        db.dispose()
