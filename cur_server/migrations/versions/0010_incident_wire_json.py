"""incident wire json: each incident's changes-feed JSON kept in its row, cleared by triggers

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 09:00:00.000000

Existing rows get no JSON here (the feed builds what is missing, and `cur-server migrate` fills
it after upgrading, `cur_server/wire_json.py`). The triggers clear an incident's JSON whenever
one of its wire columns, a reply or an event of it changes by a statement that does not set
the JSON itself, whatever made the change (the server's writers refresh it before they
commit). A later migration that adds a column to `IncidentOut` must recreate
`incident_wire_stale` with it (a new contract leaves every stored JSON unserved anyway), and on
SQLite one that recreates `incidents` (a batch alter not done in place) must recreate the
triggers.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: `incidents` columns that `IncidentOut` is made of (at this revision).
WIRE_COLUMNS = (
    "id",
    "number",
    "channel",
    "source_id",
    "source_url",
    "author_name",
    "text",
    "attachments",
    "received_at",
    "municipality_id",
    "sector",
    "category_id",
    "importance",
    "status",
    "assignee_id",
    "agency_id",
    "sla_started_at",
    "first_answer_due",
    "first_answered_at",
    "final_answer_due",
    "final_answered_at",
    "version",
    "updated_at",
    "training_session_id",
)
CHILDREN = ("replies", "events")
CLEAR = "UPDATE incidents SET wire_json = NULL, wire_tag = NULL"


def _sqlite_triggers() -> list[str]:
    out = [
        f"CREATE TRIGGER incident_wire_stale AFTER UPDATE OF {', '.join(WIRE_COLUMNS)} "
        "ON incidents FOR EACH ROW WHEN OLD.wire_tag IS NOT NULL OR NEW.wire_tag IS NOT NULL "
        f"BEGIN {CLEAR} WHERE id = NEW.id; END"
    ]
    for table in CHILDREN:
        keep = "wire_tag IS NOT NULL"
        out += [
            f"CREATE TRIGGER {table}_wire_insert AFTER INSERT ON {table} FOR EACH ROW "
            f"BEGIN {CLEAR} WHERE id = NEW.incident_id AND {keep}; END",
            f"CREATE TRIGGER {table}_wire_update AFTER UPDATE ON {table} FOR EACH ROW "
            f"BEGIN {CLEAR} WHERE id IN (OLD.incident_id, NEW.incident_id) AND {keep}; END",
            f"CREATE TRIGGER {table}_wire_delete AFTER DELETE ON {table} FOR EACH ROW "
            f"BEGIN {CLEAR} WHERE id = OLD.incident_id AND {keep}; END",
        ]
    return out


def _postgresql_triggers() -> list[str]:
    out = [
        """CREATE FUNCTION incident_wire_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.wire_json := NULL;
            NEW.wire_tag := NULL;
            RETURN NEW;
        END $$""",
        f"CREATE TRIGGER incident_wire_stale BEFORE UPDATE OF {', '.join(WIRE_COLUMNS)} "
        "ON incidents FOR EACH ROW EXECUTE FUNCTION incident_wire_stale()",
        f"""CREATE FUNCTION incident_child_wire_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                {CLEAR} WHERE id = OLD.incident_id AND wire_tag IS NOT NULL;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                {CLEAR} WHERE id = NEW.incident_id AND wire_tag IS NOT NULL;
            END IF;
            RETURN NULL;
        END $$""",
    ]
    out += [
        f"CREATE TRIGGER {table}_wire_stale AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION incident_child_wire_stale()"
        for table in CHILDREN
    ]
    return out


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("wire_json", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("wire_tag", sa.String(length=40), nullable=True))
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in _postgresql_triggers() if postgresql else _sqlite_triggers():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in CHILDREN:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_wire_stale ON {table}")
        op.execute("DROP TRIGGER IF EXISTS incident_wire_stale ON incidents")
        op.execute("DROP FUNCTION IF EXISTS incident_child_wire_stale()")
        op.execute("DROP FUNCTION IF EXISTS incident_wire_stale()")
    else:
        op.execute("DROP TRIGGER IF EXISTS incident_wire_stale")
        for table in CHILDREN:
            for when in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_wire_{when}")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("wire_tag")
        batch.drop_column("wire_json")
