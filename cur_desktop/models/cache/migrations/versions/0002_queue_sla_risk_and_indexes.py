"""queue: sla_risk_at and the indexes chosen by bench/cache_queries.py

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00
"""

import json
import math
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from cur_desktop.models.sla import SlaClock, SlaPolicy, WorkingCalendar

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: Indexes this revision adds to `incidents` (name, DDL): frozen copies of what schema.py
#: declares, chosen by bench/cache_queries.py (see bench/README.md). The rank expressions are
#: spelled exactly as cache/queue.py sorts by them.
INDEXES: list[tuple[str, str]] = [
    (
        "ix_inc_running",
        "CREATE INDEX ix_inc_running ON incidents (sla_due, sla_risk_at, status, assignee_id,"
        " municipality_id, sector, channel, received_at, version, seen_version, pending)"
        " WHERE sla_due IS NOT NULL",
    ),
    (
        "ix_inc_changed",
        "CREATE INDEX ix_inc_changed ON incidents (sla_due) WHERE version > seen_version",
    ),
    (
        "ix_inc_channel_due",
        "CREATE INDEX ix_inc_channel_due ON incidents (channel, sla_due)",
    ),
    (
        "ix_inc_assignee_status_due",
        "CREATE INDEX ix_inc_assignee_status_due ON incidents (assignee_id, status, sla_due)",
    ),
    (
        "ix_inc_municipality_wide",
        "CREATE INDEX ix_inc_municipality_wide ON incidents (municipality_id, sla_due,"
        " sector, channel, status, assignee_id, version, seen_version)",
    ),
    (
        "ix_inc_sector_wide",
        "CREATE INDEX ix_inc_sector_wide ON incidents (sector, sla_due,"
        " municipality_id, channel, status, assignee_id, version, seen_version)",
    ),
    (
        "ix_inc_status_rank",
        "CREATE INDEX ix_inc_status_rank ON incidents ((CASE status WHEN 'new' THEN 0"
        " WHEN 'in_progress' THEN 1 WHEN 'routed' THEN 2 WHEN 'interim_answer' THEN 3"
        " WHEN 'answered' THEN 4 WHEN 'resolved' THEN 5 WHEN 'closed' THEN 6"
        " WHEN 'rejected' THEN 7 WHEN 'reopened' THEN 8 ELSE 99 END))",
    ),
    (
        "ix_inc_sector_rank",
        "CREATE INDEX ix_inc_sector_rank ON incidents ((CASE sector WHEN 'roads' THEN 0"
        " WHEN 'housing' THEN 1 WHEN 'health' THEN 2 WHEN 'education' THEN 3"
        " WHEN 'other' THEN 4 WHEN 'social' THEN 5 WHEN 'waste' THEN 6"
        " WHEN 'transport' THEN 7 WHEN 'energy' THEN 8 ELSE 99 END))",
    ),
    (
        "ix_inc_channel_rank",
        "CREATE INDEX ix_inc_channel_rank ON incidents ((CASE channel WHEN 'max' THEN 0"
        " WHEN 'telegram' THEN 1 WHEN 'vk' THEN 2 WHEN 'pos' THEN 3 WHEN 'other' THEN 4"
        " WHEN 'gospublic_comment' THEN 5 WHEN 'ok' THEN 6 WHEN 'chatbot' THEN 7"
        " ELSE 99 END))",
    ),
]
#: Indexes of 0001 the measurement found no query needs once the ones above exist (the wide
#: and the (assignee, status) indexes do their work).
DROPPED: list[tuple[str, str]] = [
    (
        "ix_inc_assignee_due",
        "CREATE INDEX ix_inc_assignee_due ON incidents (assignee_id, sla_due)",
    ),
    (
        "ix_inc_municipality_due",
        "CREATE INDEX ix_inc_municipality_due ON incidents (municipality_id, sla_due)",
    ),
    (
        "ix_inc_sector_due",
        "CREATE INDEX ix_inc_sector_due ON incidents (sector, sla_due)",
    ),
]


def _risk_moment(clock: SlaClock, start: int, due: int) -> int:
    """Frozen copy of cache.incidents.risk_moment (a migration must not follow later edits)."""
    cal = clock.calendar
    start_dt, due_dt = datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(due, UTC)
    total = cal.working_seconds_between(start_dt, due_dt)
    if total <= 0:
        return min(start, due)
    elapsed_hours = (1.0 - clock.policy.at_risk_fraction) * total / 3600.0
    moment = cal.add_working_hours(start_dt, elapsed_hours).timestamp()
    return min(math.ceil(moment - 1e-6), due)


def _clock(conn: sa.Connection) -> SlaClock:
    raw = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'reference'").scalar()
    ref = json.loads(raw) if raw else {}
    calendar = WorkingCalendar.from_json(ref["calendar"]) if ref.get("calendar") else None
    return SlaClock(calendar or WorkingCalendar(), SlaPolicy.from_json(ref.get("sla_policy") or {}))


def upgrade() -> None:
    # A plain ADD COLUMN: a batch (copy-the-table) operation would rewrite every incident.
    op.add_column("incidents", sa.Column("sla_risk_at", sa.Integer(), nullable=True))
    conn = op.get_bind()
    clock = _clock(conn)
    rows = conn.exec_driver_sql(
        "SELECT id, sla_started_at, first_answered_at, sla_due FROM incidents"
        " WHERE sla_due IS NOT NULL"
    ).all()
    updates = [
        (_risk_moment(clock, started if answered is None else answered, due), iid)
        for iid, started, answered, due in rows
    ]
    if updates:
        conn.exec_driver_sql("UPDATE incidents SET sla_risk_at = ? WHERE id = ?", updates)
    for name, _ddl in DROPPED:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for _name, ddl in INDEXES:
        op.execute(ddl)


def downgrade() -> None:
    for name, _ddl in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for _name, ddl in DROPPED:
        op.execute(ddl)
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.drop_column("sla_risk_at")
