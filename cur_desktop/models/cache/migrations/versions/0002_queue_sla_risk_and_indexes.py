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

#: Indexes of `incidents` after this revision (name, DDL). Frozen copies of what schema.py
#: declares; bench/cache_queries.py measures them and checks that this list is its choice.
INDEXES: list[tuple[str, str]] = []
#: Indexes of 0001 that the measurement found unused or not worth their write cost.
DROPPED: list[tuple[str, str]] = []


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
