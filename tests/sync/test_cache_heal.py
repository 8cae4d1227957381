"""The cache heals: a cache file cut short, with flipped bytes, or from a newer version is set
aside and made anew from the server, and the unsent work written before the damage still
reaches the server exactly once. A full disk stops the sync cleanly; it resumes when there is
space again, and nothing is lost."""

from __future__ import annotations

import asyncio
import io
import json
import shutil

import pytest
import sqlcipher3
from sqlalchemy import event

from cur_desktop.models.cache.incidents import count_incidents
from cur_desktop.models.cache.repair import Damage, DamagedPage, DiskFull
from cur_desktop.models.cache.store import CacheLocked, CacheStore
from cur_desktop.models.cache.unsent import mirror_path
from cur_desktop.sync.actions import LocalActions
from cur_desktop.sync.engine import SyncCore, SyncEngine, SyncState
from cur_desktop.sync.outbox import Outbox
from tests.conftest import SEED_INCIDENTS
from tests.server.api import Api

SENT = "Заметка, которую сервер уже получил"
UNSENT = ("Позвонили заявителю 📞, ждёт ответа", "Выезд бригады назначен на завтра")
DRAFT = "Уважаемая Анна Петровна, яму заделают до"


def notes_on_server(server_url: str, incident_id: int) -> list[str]:
    truth = Api(server_url, "operator1").all_incidents()[incident_id]
    return [e["data"].get("text") for e in truth["events"] if e["kind"] == "note"]


def unsent_work(ws) -> tuple[int, int]:
    """One note the server has, two it has not, and a draft; the cache is closed after."""
    ws.sync()
    first, second = sorted(ws.incidents())[:2]
    ws.actions.add_note(first, SENT)
    ws.sync()
    ws.actions.add_note(first, UNSENT[0])
    ws.actions.add_note(second, UNSENT[1])
    ws.actions.save_draft(second, "final", DRAFT)
    assert Outbox(ws.store).pending_count() == 2
    ws.close()
    return first, second


def reopen(ws) -> None:
    ws.store = CacheStore(ws.folder / "cache.db", ws.key)
    ws.core = SyncCore(ws.client, ws.store, page_size=20)
    ws.actions = LocalActions(ws.store)


def truncate(path):
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)


def flip_bytes(path):
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size // 2)
        chunk = f.read(32)
        f.seek(path.stat().st_size // 2)
        f.write(bytes(b ^ 0xFF for b in chunk))


def raw(path, key: str):
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    return conn


def newer_schema(key: str):
    def stamp(path):
        conn = raw(path, key)
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_a_newer_version'")
        conn.close()

    return stamp


def assert_healed(store, ws, damage, first, second, *, applied=2, duplicates=0):
    assert store.repair is not None and store.repair.damage is damage
    assert (store.repair.outbox, store.repair.drafts) == (2, 1)
    assert store.repair.set_aside.exists() and store.repair.set_aside != store.path
    summary = SyncCore(ws.client, store).sync_once()
    assert (summary.pushed, summary.applied, summary.duplicates) == (2, applied, duplicates)
    with store.read() as conn:
        assert count_incidents(conn) == SEED_INCIDENTS
    assert LocalActions(store).load_draft(second, "final")["text"] == DRAFT
    url = ws.client.base_url
    assert notes_on_server(url, first).count(SENT) == 1
    assert notes_on_server(url, first).count(UNSENT[0]) == 1
    assert notes_on_server(url, second).count(UNSENT[1]) == 1
    assert Outbox(store).pending_count() == 0


@pytest.mark.parametrize("damage", ["truncate", "flip_bytes", "newer_schema"])
def test_damaged_cache_is_rebuilt_and_unsent_work_sent_once(workstation, damage):
    ws = workstation("operator1")
    first, second = unsent_work(ws)
    hurt = {"truncate": truncate, "flip_bytes": flip_bytes, "newer_schema": newer_schema(ws.key)}
    hurt[damage](ws.folder / "cache.db")
    if damage != "newer_schema":
        with pytest.raises(Exception):  # noqa: B017 - the damage is real: sqlite sees it
            conn = raw(ws.folder / "cache.db", ws.key)
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    store = CacheStore(ws.folder / "cache.db", ws.key)
    try:
        expected = Damage.NEWER_SCHEMA if damage == "newer_schema" else Damage.CORRUPT
        assert_healed(store, ws, expected, first, second)
    finally:
        store.close()
    again = CacheStore(ws.folder / "cache.db", ws.key)  # healthy now: nothing to tell
    assert again.repair is None
    again.close()


def test_work_the_server_already_has_is_answered_duplicate(workstation):
    """The mirror still holds entries the server applied (the process died between the two
    commits): replayed after the damage, each is applied once, by its mutation id."""
    ws = workstation("operator1")
    first, second = unsent_work(ws)
    stale = ws.folder / "stale"
    stale.mkdir()
    for f in ws.folder.glob(mirror_path(ws.folder / "cache.db").name + "*"):
        shutil.copy(f, stale / f.name)
    reopen(ws)
    assert ws.sync().applied == 2
    ws.close()
    for f in stale.iterdir():
        shutil.copy(f, ws.folder / f.name)
    flip_bytes(ws.folder / "cache.db")

    store = CacheStore(ws.folder / "cache.db", ws.key)
    try:
        assert_healed(store, ws, Damage.CORRUPT, first, second, applied=0, duplicates=2)
    finally:
        store.close()


def test_a_wrong_key_is_still_a_wrong_key(workstation):
    """The mirror tells damage from a wrong key: with a wrong key nothing is set aside."""
    ws = workstation("operator1")
    unsent_work(ws)
    with pytest.raises(CacheLocked):
        CacheStore(ws.folder / "cache.db", "0" * 64)
    assert sorted(p.name for p in ws.folder.glob("cache.damaged*")) == []
    store = CacheStore(ws.folder / "cache.db", ws.key)
    assert store.repair is None and Outbox(store).pending_count() == 2
    store.close()


def test_deleted_cache_gets_its_unsent_work_back(workstation):
    ws = workstation("operator1")
    first, second = unsent_work(ws)
    for f in ws.folder.glob("cache.db*"):
        f.unlink()
    store = CacheStore(ws.folder / "cache.db", ws.key)
    try:
        assert store.repair is not None and store.repair.damage is Damage.EMPTIED
        assert (store.repair.outbox, store.repair.set_aside) == (2, None)
        assert SyncCore(ws.client, store).sync_once().applied == 2
        assert notes_on_server(ws.client.base_url, second).count(UNSENT[1]) == 1
    finally:
        store.close()


def fill_the_disk(store: CacheStore, spare_pages: int):
    """Let the cache grow by `spare_pages` only, as on a disk with that much room left; the
    returned function makes room again."""

    def limit(dbapi_conn, _record):
        size = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {size + spare_pages}")

    event.listen(store._write, "connect", limit)
    store._write.dispose()

    def make_room():
        event.remove(store._write, "connect", limit)
        store._write.dispose()

    return make_room


def test_full_disk_stops_the_sync_cleanly_and_it_resumes(workstation):
    ws = workstation("operator1")
    first, second = unsent_work(ws)
    # Forget every incident, so the next sync fills the cache again: the disk fills meanwhile.
    reopen(ws)
    with ws.store.write() as conn:
        for table in ("replies", "events", "incident_base", "incidents", "incident_search"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        ws.store.set_meta(conn, "cursor", 0)
    vacuum = ws.store._write.raw_connection()
    vacuum.execute("VACUUM")
    vacuum.close()
    make_room = fill_the_disk(ws.store, spare_pages=20)
    core = ws.core
    states: list[tuple[SyncState, str | None]] = []
    engine = SyncEngine(core, on_state=lambda s, m: states.append((s, m)), interval=3600)

    async def scenario():
        task = asyncio.create_task(engine.run())
        while not engine._rounds:  # the first round starts by itself
            await asyncio.sleep(0.05)
        assert engine.state is SyncState.ERROR and isinstance(engine.last_error, DiskFull)
        assert states[-1][1].startswith("Диск заполнен")
        # Nothing is lost: the outbox (sent or not, its answer unsaved) is as it was.
        assert Outbox(ws.store).pending_count() in (0, 2)
        with ws.store.read() as conn:
            assert count_incidents(conn) < SEED_INCIDENTS
        make_room()
        await engine.sync_now(timeout=60)
        assert engine.state is SyncState.ONLINE
        engine.stop()
        await task

    asyncio.run(scenario())
    with ws.store.read() as conn:
        assert count_incidents(conn) == SEED_INCIDENTS
    assert Outbox(ws.store).pending_count() == 0
    url = ws.client.base_url
    assert notes_on_server(url, first).count(UNSENT[0]) == 1
    assert notes_on_server(url, second).count(UNSENT[1]) == 1


def test_a_big_cache_damaged_where_open_does_not_look_is_checked_next_time(
    workstation, monkeypatch
):
    """A big cache checks only its unsent work at open; a damaged page met later marks the
    file, and the next open checks it whole and heals it."""
    monkeypatch.setattr("cur_desktop.models.cache.store.FULL_CHECK_BYTES", 0)
    ws = workstation("operator1")
    first, second = unsent_work(ws)
    path = ws.folder / "cache.db"
    conn = raw(path, ws.key)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'incidents'").fetchone()
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.close()
    with open(path, "r+b") as f:  # the middle of the incidents table's root page
        f.seek((root[0] - 1) * page_size + page_size // 2)
        f.write(b"\xff" * 32)
    store = CacheStore(path, ws.key)
    assert store.repair is None  # the outbox and the settings read fine
    with pytest.raises(DamagedPage, match="Локальная копия повреждена: перезапустите"):
        with store.read() as conn:
            conn.exec_driver_sql("SELECT * FROM incidents").fetchall()
    store.close()
    assert path.with_name("cache.db.check").exists()
    store = CacheStore(ws.folder / "cache.db", ws.key)
    try:
        assert_healed(store, ws, Damage.CORRUPT, first, second)
    finally:
        store.close()


def test_the_command_line_says_the_cache_was_rebuilt(server, tmp_path, capsys):
    from cur_desktop import cli

    data = tmp_path / "data"
    sync = ["sync", "--server", server.url, "--username", "operator1", "--password-stdin"]
    sync += ["--data-dir", str(data)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO("demo\n"))
        assert cli.main(sync) == 0
    capsys.readouterr()
    cache = next(data.glob("profiles/*/cache.db"))
    truncate(cache)
    assert cli.main(["cache-info", "--data-dir", str(data)]) == 0
    out, err = capsys.readouterr()
    assert "Локальный кэш был повреждён (corrupt) и создан заново" in err
    assert json.loads(out)["incidents_cached"] == 0
