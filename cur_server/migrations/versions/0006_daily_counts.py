"""analytics: daily counts kept by triggers, and a narrow index for first-answer medians

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 19:00:00.000000

Three tables count the real (non-training) incidents per local day of receipt: by place
(municipality, sector, category), by status, and by SLA dimension (operator, agency) with how
many were answered and answered on time. Triggers on `incidents` keep them in the same
transaction as every insert, update and delete, whoever writes (API, ingest, seed's COPY,
training release, tests). PostgreSQL: one statement-level trigger per operation, reading the
transition tables, so a COPY of 5,000 rows costs three grouped upserts. SQLite: row triggers.
Missing ids (no category, no operator, no agency) are stored as 0 so they can sit in a key.

The local day uses the offset in `daily_offset` (minutes east of UTC); the server keeps it equal
to the region's and rebuilds the counts when it changes (`cur_server.daily`).

Beware: an alembic batch operation on `incidents` recreates the table on SQLite and drops its
triggers; a migration doing so must create them again (`sqlite_triggers()` here).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: The columns the counts depend on: an update touching none of them changes no count.
COUNTED = (
    "received_at",
    "municipality_id",
    "sector",
    "category_id",
    "status",
    "assignee_id",
    "agency_id",
    "first_answer_due",
    "first_answered_at",
    "training_session_id",
)
#: Open statuses as they were when this migration was written (cur_desktop.models.statuses).
_OPEN = "'new', 'in_progress', 'routed', 'interim_answer', 'reopened'"
DEFAULT_OFFSET = 180  # Moscow: used until the server has written the region's own


def _tables() -> None:
    day_key = [sa.Column("day", sa.Date(), nullable=False)]
    mun = sa.Column("municipality_id", sa.Integer(), nullable=False)
    op.create_table(
        "daily_places",
        *day_key,
        mun,
        sa.Column("sector", sa.String(length=32), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "municipality_id", "sector", "category_id"),
    )
    op.create_table(
        "daily_statuses",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "municipality_id", "status"),
    )
    op.create_table(
        "daily_sla",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("answered_on_time", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "municipality_id", "assignee_id", "agency_id"),
    )
    op.create_table(
        "daily_offset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


# One row's contribution to each table, from a row source `r` and a sign column `sign`.
_ANSWERED = "CASE WHEN r.first_answered_at IS NOT NULL THEN 1 ELSE 0 END"
_ON_TIME = (
    "CASE WHEN r.first_answered_at IS NOT NULL AND (r.first_answer_due IS NULL"
    " OR r.first_answered_at <= r.first_answer_due) THEN 1 ELSE 0 END"
)


def _pg_upserts(source: str) -> str:
    """Three grouped upserts of the signed rows of `source` (a subquery `r` with `sign`)."""
    day = "(timezone('UTC', r.received_at) + make_interval(mins => off))::date"
    return f"""
    INSERT INTO daily_places AS t (day, municipality_id, sector, category_id, incidents)
    SELECT {day}, r.municipality_id, r.sector, coalesce(r.category_id, 0), sum(r.sign)
    FROM ({source}) r GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, municipality_id, sector, category_id)
    DO UPDATE SET incidents = t.incidents + excluded.incidents;
    INSERT INTO daily_statuses AS t (day, municipality_id, status, incidents)
    SELECT {day}, r.municipality_id, r.status, sum(r.sign)
    FROM ({source}) r GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, municipality_id, status)
    DO UPDATE SET incidents = t.incidents + excluded.incidents;
    INSERT INTO daily_sla AS t
        (day, municipality_id, assignee_id, agency_id, incidents, answered, answered_on_time)
    SELECT {day}, r.municipality_id, coalesce(r.assignee_id, 0), coalesce(r.agency_id, 0),
        sum(r.sign), sum(r.sign * {_ANSWERED}), sum(r.sign * {_ON_TIME})
    FROM ({source}) r GROUP BY 1, 2, 3, 4
    HAVING sum(r.sign) <> 0 OR sum(r.sign * {_ANSWERED}) <> 0
        OR sum(r.sign * {_ON_TIME}) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, municipality_id, assignee_id, agency_id)
    DO UPDATE SET incidents = t.incidents + excluded.incidents,
        answered = t.answered + excluded.answered,
        answered_on_time = t.answered_on_time + excluded.answered_on_time;
    """


_PG_SOURCES = {
    "insert": "SELECT 1 AS sign, * FROM new_rows WHERE training_session_id IS NULL",
    "delete": "SELECT -1 AS sign, * FROM old_rows WHERE training_session_id IS NULL",
    "update": "SELECT 1 AS sign, * FROM new_rows WHERE training_session_id IS NULL"
    " UNION ALL SELECT -1, * FROM old_rows WHERE training_session_id IS NULL",
}
_PG_REFERENCING = {
    "insert": "NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _pg_triggers() -> None:
    for operation, source in _PG_SOURCES.items():
        op.execute(
            f"""
            CREATE FUNCTION daily_counts_{operation}() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE off integer := coalesce(
                (SELECT minutes FROM daily_offset WHERE id = 1), {DEFAULT_OFFSET});
            BEGIN
            {_pg_upserts(source)}
            RETURN NULL;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER daily_counts_{operation} AFTER {operation.upper()} ON incidents"
            f" REFERENCING {_PG_REFERENCING[operation]}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION daily_counts_{operation}()"
        )


def _sqlite_bump(row: str, sign: int) -> str:
    """The three upserts of one row (`NEW` or `OLD`) with sign ±1, for a SQLite trigger."""
    day = (
        f"date({row}.received_at, (SELECT printf('%+d minutes', coalesce("
        f"(SELECT minutes FROM daily_offset WHERE id = 1), {DEFAULT_OFFSET}))))"
    )
    answered = _ANSWERED.replace("r.", f"{row}.")
    on_time = _ON_TIME.replace("r.", f"{row}.")
    return f"""
    INSERT INTO daily_places (day, municipality_id, sector, category_id, incidents)
    VALUES ({day}, {row}.municipality_id, {row}.sector, coalesce({row}.category_id, 0), {sign})
    ON CONFLICT (day, municipality_id, sector, category_id)
    DO UPDATE SET incidents = incidents + excluded.incidents;
    INSERT INTO daily_statuses (day, municipality_id, status, incidents)
    VALUES ({day}, {row}.municipality_id, {row}.status, {sign})
    ON CONFLICT (day, municipality_id, status)
    DO UPDATE SET incidents = incidents + excluded.incidents;
    INSERT INTO daily_sla
        (day, municipality_id, assignee_id, agency_id, incidents, answered, answered_on_time)
    VALUES ({day}, {row}.municipality_id, coalesce({row}.assignee_id, 0),
        coalesce({row}.agency_id, 0), {sign}, {sign} * {answered}, {sign} * {on_time})
    ON CONFLICT (day, municipality_id, assignee_id, agency_id)
    DO UPDATE SET incidents = incidents + excluded.incidents,
        answered = answered + excluded.answered,
        answered_on_time = answered_on_time + excluded.answered_on_time;
    """


def sqlite_triggers() -> list[str]:
    """CREATE TRIGGER statements for SQLite: +1 for a new row, -1 for an old one."""
    of = ", ".join(COUNTED)
    return [
        "CREATE TRIGGER daily_counts_insert AFTER INSERT ON incidents"
        f" WHEN NEW.training_session_id IS NULL BEGIN {_sqlite_bump('NEW', 1)} END",
        "CREATE TRIGGER daily_counts_delete AFTER DELETE ON incidents"
        f" WHEN OLD.training_session_id IS NULL BEGIN {_sqlite_bump('OLD', -1)} END",
        f"CREATE TRIGGER daily_counts_update_old AFTER UPDATE OF {of} ON incidents"
        f" WHEN OLD.training_session_id IS NULL BEGIN {_sqlite_bump('OLD', -1)} END",
        f"CREATE TRIGGER daily_counts_update_new AFTER UPDATE OF {of} ON incidents"
        f" WHEN NEW.training_session_id IS NULL BEGIN {_sqlite_bump('NEW', 1)} END",
    ]


def _backfill(minutes: int) -> None:
    """Count the incidents already there, by the same rules as the triggers."""
    if op.get_bind().dialect.name == "postgresql":
        day = f"(timezone('UTC', r.received_at) + make_interval(mins => {minutes}))::date"
    else:
        day = f"date(r.received_at, '{minutes:+d} minutes')"
    real = "FROM incidents r WHERE r.training_session_id IS NULL"
    op.execute(
        "INSERT INTO daily_places (day, municipality_id, sector, category_id, incidents)"
        f" SELECT {day}, r.municipality_id, r.sector, coalesce(r.category_id, 0), count(*)"
        f" {real} GROUP BY 1, 2, 3, 4"
    )
    op.execute(
        "INSERT INTO daily_statuses (day, municipality_id, status, incidents)"
        f" SELECT {day}, r.municipality_id, r.status, count(*) {real} GROUP BY 1, 2, 3"
    )
    op.execute(
        "INSERT INTO daily_sla (day, municipality_id, assignee_id, agency_id, incidents,"
        " answered, answered_on_time)"
        f" SELECT {day}, r.municipality_id, coalesce(r.assignee_id, 0),"
        f" coalesce(r.agency_id, 0), count(*), sum({_ANSWERED}), sum({_ON_TIME})"
        f" {real} GROUP BY 1, 2, 3, 4"
    )


def _region_offset() -> int:
    """The region's offset today, from its setting (the server corrects it if it changes)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    setting = sa.table("server_settings", sa.column("key", sa.String), sa.column("value", sa.JSON))
    region = op.get_bind().scalar(sa.select(setting.c.value).where(setting.c.key == "region"))
    if not region or not region.get("timezone"):
        return DEFAULT_OFFSET
    offset = ZoneInfo(region["timezone"]).utcoffset(datetime.now(UTC))
    return int(offset.total_seconds() // 60) if offset else 0


def upgrade() -> None:
    _tables()
    minutes = _region_offset()
    op.execute(f"INSERT INTO daily_offset (id, minutes) VALUES (1, {minutes})")
    _backfill(minutes)
    if op.get_bind().dialect.name == "postgresql":
        _pg_triggers()
        # The medians read answered real incidents of a period: this index holds just them,
        # with just the columns needed, so the scan is narrow and needs no filter.
        op.execute(
            "CREATE INDEX ix_incident_answered ON incidents (received_at)"
            " INCLUDE (first_answered_at, assignee_id, agency_id, municipality_id)"
            " WHERE first_answered_at IS NOT NULL AND training_session_id IS NULL"
        )
        # What waits for its first answer (overdue per SLA row) and what is open (overdue now):
        # a few percent of all incidents, read without touching the table.
        op.execute(
            "CREATE INDEX ix_incident_unanswered ON incidents (received_at)"
            " INCLUDE (assignee_id, agency_id, municipality_id, status, first_answer_due)"
            " WHERE first_answered_at IS NULL AND training_session_id IS NULL"
        )
        op.execute(
            "CREATE INDEX ix_incident_open ON incidents (municipality_id) INCLUDE"
            " (status, first_answer_due, first_answered_at, final_answer_due, final_answered_at)"
            f" WHERE status IN ({_OPEN}) AND training_session_id IS NULL"
        )
        # Clusters: one GROUP BY per kind over the period's incidents that have that key.
        op.execute(
            "CREATE INDEX ix_incident_address_cluster ON incidents (received_at)"
            " INCLUDE (municipality_id, sector, address_key, status)"
            " WHERE address_key IS NOT NULL AND training_session_id IS NULL"
        )
        op.execute(
            "CREATE INDEX ix_incident_text_cluster ON incidents (received_at)"
            " INCLUDE (municipality_id, text_key, status)"
            " WHERE text_key IS NOT NULL AND training_session_id IS NULL"
        )
    else:
        for statement in sqlite_triggers():
            op.execute(statement)


_PG_INDEXES = (
    "ix_incident_text_cluster",
    "ix_incident_address_cluster",
    "ix_incident_open",
    "ix_incident_unanswered",
    "ix_incident_answered",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for index in _PG_INDEXES:
            op.execute(f"DROP INDEX {index}")
        for operation in _PG_SOURCES:
            op.execute(f"DROP TRIGGER daily_counts_{operation} ON incidents")
            op.execute(f"DROP FUNCTION daily_counts_{operation}()")
    else:
        for name in ("insert", "delete", "update_old", "update_new"):
            op.execute(f"DROP TRIGGER daily_counts_{name}")
    for table in ("daily_offset", "daily_sla", "daily_statuses", "daily_places"):
        op.drop_table(table)
