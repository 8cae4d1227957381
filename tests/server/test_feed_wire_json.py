"""Each incident's feed JSON kept in its row (cur_server/wire_json.py): always exactly what the
contract makes of the incident as it is now, whatever changed it; the feed sends it as is."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from cur_desktop.models.contract import ChangesPage, IncidentOut
from cur_server import cli
from cur_server.db import open_database
from cur_server.migrate import upgrade
from cur_server.serialize import incidents_out
from cur_server.tables import Incident
from cur_server.wire_json import CONTRACT_TAG, fill_missing, tag
from tests.conftest import SEED_INCIDENTS
from tests.server.api import mutation


@pytest.fixture
def db(seeded_url):
    database = open_database(seeded_url)
    yield database
    database.dispose()


def stored(db) -> dict[int, tuple[int, str | None, bytes | None]]:
    with db.read() as s:
        rows = s.execute(
            select(Incident.id, Incident.version, Incident.wire_tag, Incident.wire_json)
        )
        return {iid: (version, t, None if j is None else bytes(j)) for iid, version, t, j in rows}


def contract_json(db, ids) -> dict[int, bytes]:
    with db.read() as s:
        return {iid: out.model_dump_json().encode() for iid, out in incidents_out(s, ids).items()}


def assert_all_current(db) -> None:
    rows = stored(db)
    fresh = contract_json(db, list(rows))
    for iid, (version, t, blob) in rows.items():
        assert t == tag(version), iid
        assert blob == fresh[iid], iid


def test_seeded_incidents_carry_exactly_the_contracts_json(db):
    rows = stored(db)
    assert len(rows) == SEED_INCIDENTS
    assert_all_current(db)


def test_a_feed_page_is_the_contracts_page(api, db):
    op = api("operator1")
    r = op.get("/api/v1/changes", params={"cursor": 0, "limit": 25})
    assert r.status_code == 200
    body = ChangesPage.model_validate_json(r.content)
    with db.read() as s:
        fresh = incidents_out(s, [i.id for i in body.items])
    expected = ChangesPage(
        items=[fresh[i.id] for i in body.items],
        removed=body.removed,
        cursor=body.cursor,
        has_more=body.has_more,
    )
    assert r.content == expected.model_dump_json().encode()


def test_a_mutation_keeps_the_new_versions_json(api, db):
    op = api("operator1")
    iid = sorted(stored(db))[3]
    result = op.mutate(mutation("add_note", iid, {"text": "выезд на место"}))[0]
    assert result["outcome"] == "applied"
    version, t, blob = stored(db)[iid]
    assert version == result["incident"]["version"] and t == tag(version)
    assert blob == contract_json(db, [iid])[iid]
    assert "выезд на место".encode() in blob
    served = op.all_incidents()[iid]
    assert served["version"] == version
    assert any(e["data"].get("text") == "выезд на место" for e in served["events"])


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE incidents SET text = 'исправлено вручную' WHERE id = :iid",
        "UPDATE incidents SET status = 'closed', version = version WHERE id = :iid",
        "UPDATE events SET data = '{\"fixed\": true}' WHERE incident_id = :iid",
        "DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE incident_id = :iid)",
        "INSERT INTO events (incident_id, version, at, kind, data) SELECT id, version, updated_at,"
        " 'note', '{\"text\": \"миграция\"}' FROM incidents WHERE id = :iid",
        "UPDATE replies SET text = 'другой ответ' WHERE incident_id = :iid",
    ],
    ids=["incident", "status", "event-data", "event-delete", "event-insert", "reply"],
)
def test_a_change_by_any_other_road_clears_it_and_the_feed_sends_fresh_json(api, db, statement):
    """A data migration or a hand-made fix changes rows without the server's writers; the
    triggers of migration 0010 clear the stored JSON, the feed serialises the incident anew
    (and keeps that), so nothing stale is ever sent."""
    with db.read() as s:
        iid = s.scalar(
            select(Incident.id)
            .where(text("EXISTS (SELECT 1 FROM replies r WHERE r.incident_id = incidents.id)"))
            .order_by(Incident.id)
            .limit(1)
        )
    with db.write() as s:
        s.execute(text(statement), {"iid": iid})
    version, t, blob = stored(db)[iid]
    assert t is None and blob is None
    fresh = contract_json(db, [iid])[iid]
    served = api("supervisor1").all_incidents()[iid]
    assert IncidentOut.model_validate(served).model_dump_json().encode() == fresh
    assert stored(db)[iid] == (version, tag(version), fresh)  # kept again by the feed


def test_columns_outside_the_contract_leave_it(db):
    iid = sorted(stored(db))[0]
    before = stored(db)[iid]
    with db.write() as s:
        s.execute(text("UPDATE incidents SET seq = seq, text_key = 'x' WHERE id = :i"), {"i": iid})
    assert stored(db)[iid] == before


def test_json_of_another_version_or_contract_is_never_served(api, db):
    ids = sorted(stored(db))[:2]
    with db.write() as s:
        # Only the wire columns change: no trigger, the keys alone must refuse them.
        s.execute(
            text("UPDATE incidents SET wire_json = :j, wire_tag = :t WHERE id = :i"),
            [
                {"i": ids[0], "j": b'{"stale":1}', "t": f"1:{'0' * len(CONTRACT_TAG)}"},
                {"i": ids[1], "j": b'{"stale":2}', "t": "999:" + CONTRACT_TAG},
            ],
        )
    served = api("supervisor1").all_incidents()
    fresh = contract_json(db, ids)
    for iid in ids:
        assert "stale" not in served[iid]
        assert stored(db)[iid][2] == fresh[iid]


def test_rows_from_before_the_migration_get_their_json_from_cur_server_migrate(db, seeded_url):
    """Downgrade below 0010 and up again: the rows come back without JSON (as an existing
    database upgraded to 0010), the triggers are there, and `cur-server migrate` fills it."""
    from cur_server.migrate import alembic_config

    db.dispose()
    from alembic import command

    command.downgrade(alembic_config(seeded_url), "0009")
    upgrade(seeded_url)
    assert {t for _, t, _ in stored(db).values()} == {None}
    assert cli.main(["migrate", "--database-url", seeded_url]) == 0
    assert_all_current(db)
    assert fill_missing(db) == 0  # nothing left to make
    iid = sorted(stored(db))[0]
    with db.write() as s:
        s.execute(text("UPDATE incidents SET author_name = 'Иванов' WHERE id = :i"), {"i": iid})
    assert stored(db)[iid][1] is None  # the trigger is back too
