"""The user is told when the cache was damaged and rebuilt: started offline on a damaged
cache, the window opens on a new one, says what happened and how many unsent changes were
kept, and sends them when the server is back."""

from __future__ import annotations

import asyncio

from cur_desktop.sync.credentials import CredentialStore
from cur_desktop.sync.workspace import Workspace
from cur_desktop.ui.aio import spawn, wait_until
from cur_desktop.ui.main_window import MainWindow
from cur_server.embedded import EmbeddedServer
from tests.server.api import Api
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window

NOTE = "Позвонили заявителю, ждёт ответа"


def test_a_damaged_cache_is_rebuilt_and_the_user_is_told(run, server_url, tmp_path, qtbot):
    root = tmp_path / "profiles"

    async def scenario():
        srv = EmbeddedServer(server_url).start()
        url, port = srv.url, srv.port
        ws, window, task = open_window(url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        incident_id = min(window.service.my_open_deadlines(), key=lambda r: r["id"])["id"]
        assert not window.status.repaired.isVisible()
        await close(ws, window, task)
        srv.stop()

        offline = Workspace.open_last(root, CredentialStore())  # no server: the note waits
        offline.actions.add_note(incident_id, NOTE)
        offline.store.close()
        cache = offline.profile.cache_path
        with open(cache, "r+b") as f:
            f.seek(cache.stat().st_size // 2)
            chunk = f.read(64)
            f.seek(cache.stat().st_size // 2)
            f.write(bytes(b ^ 0x5A for b in chunk))

        ws = Workspace.open_last(root, CredentialStore())  # still offline
        assert ws.store.repair is not None
        ws.engine.interval, ws.engine.backoff_base, ws.engine.backoff_cap = 0.5, 0.2, 1.0
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window._loop = asyncio.get_event_loop()
        window.show()
        window.start()
        task = spawn(ws.engine.run(), what="engine")
        status = window.status
        assert status.repaired.isVisible()
        assert status.repaired.text() == "⚠ Локальная копия восстановлена"
        told = status.repaired.toolTip()
        assert told.startswith("Локальная копия была повреждена; она заполняется заново")
        assert "Неотправленных изменений сохранено: 1, они будут отправлены." in told
        assert str(ws.store.repair.set_aside) in told
        assert "Локальная копия восстановлена" in status.currentMessage()
        await wait_until(lambda: window.model.settled, 10)
        save_screenshot(window, tmp_path, "cache-repaired.png")

        again = EmbeddedServer(server_url, port=port).start()
        try:
            await first_sync(ws, window)
            await wait_until(lambda: ws.engine.core.outbox.pending_count() == 0, 30)
            events = Api(url, "operator1").all_incidents()[incident_id]["events"]
            notes = [e for e in events if e["kind"] == "note" and e["data"]["text"] == NOTE]
            assert len(notes) == 1
            await close(ws, window, task)
        finally:
            again.stop()

    run(scenario())


def test_a_full_disk_refuses_an_action_with_a_clear_message(run, server, tmp_path, qtbot):
    from cur_desktop.models.cache.repair import DiskFull
    from tests.sync.test_cache_heal import fill_the_disk

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "operator1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        incident_id = min(window.service.my_open_deadlines(), key=lambda r: r["id"])["id"]
        with ws.store.write(touches_queue=False) as conn:
            conn.exec_driver_sql("CREATE TABLE filler (b BLOB)")
        make_room = fill_the_disk(ws.store, spare_pages=0)
        for _ in range(10_000):  # the pages still free in the file go too
            try:
                with ws.store.write(touches_queue=False) as conn:
                    conn.exec_driver_sql("INSERT INTO filler VALUES (randomblob(3000))")
            except DiskFull:
                break
        note = ("Заявитель подробно описал, что происходит в доме. " * 100)[:5000]  # pages
        done = await window.act(ws.actions.add_note, incident_id, note)
        assert not done
        assert window.last_error.startswith("Диск заполнен")
        assert ws.engine.core.outbox.pending_count() == 0  # nothing half-written
        make_room()
        assert await window.act(ws.actions.add_note, incident_id, note)
        await close(ws, window, task)

    run(scenario())
