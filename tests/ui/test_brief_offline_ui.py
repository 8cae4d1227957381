"""The municipality brief from the analytics window when the server is gone: written from the
local cache (off the UI thread), marked so in the document, with the server's figures; both
when the window already counts from the cache and when the server leaves between a load and
the click."""

from __future__ import annotations

from pypdf import PdfReader

from cur_desktop.ui import analytics_window
from cur_server.embedded import EmbeddedServer
from tests.ui.test_analytics_window import DATE_FROM, DATE_TO, open_analytics
from tests.ui.test_operator_flow import close, first_sync, open_window

MARK = "Составлено по локальному кэшу рабочего места на"


def _text(path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\xa0", " ").split())


def _total_line(text: str) -> str:
    start = text.index("Обращений за период")
    return text[start : text.index("За предыдущий период", start)].strip()


def test_brief_from_the_cache_when_the_server_is_gone(
    run, server_url, tmp_path, qtbot, monkeypatch
):
    built_in: list[str] = []
    for name in ("make_brief", "make_brief_from_cache"):
        real = getattr(analytics_window, name)

        def spy(*args, _real=real, _name=name):
            built_in.append(_name)
            return _real(*args)

        monkeypatch.setattr(analytics_window, name, spy)

    async def scenario():
        srv = EmbeddedServer(server_url).start()
        try:
            ws, window, task = open_window(srv.url, tmp_path, "supervisor1")
            qtbot.addWidget(window)
            await first_sync(ws, window)
            aw = await open_analytics(window, qtbot)
            ryazan = next(m.id for m in window.reference.municipalities if m.code == "ryazan")
            aw.set_period(DATE_FROM, DATE_TO, ryazan)
            assert await aw.load() and not aw.from_cache

            online = tmp_path / "online.pdf"
            assert await aw.brief(online)
            aw.brief_box.close()
            assert built_in == ["make_brief"]
            server_text = _text(online)
            assert MARK not in server_text

            ws.engine.stop()  # no sync in between: the cache stays as the server's brief saw it
            srv.stop()
            # The window still shows the server's figures: the click finds the server gone.
            left = tmp_path / "left.pdf"
            with qtbot.waitSignal(aw.brief_written, timeout=30_000):
                assert await aw.brief(left)
            aw.brief_box.close()
            assert built_in == ["make_brief", "make_brief", "make_brief_from_cache"]
            assert "локальному кэшу" in aw.notice.text()

            # The window knows it counts from the cache: straight to the cache, no request.
            assert await aw.load() and aw.from_cache
            gone = tmp_path / "offline.xlsx"
            assert await aw.brief(gone)
            aw.brief_box.close()
            assert built_in[-1] == "make_brief_from_cache" and built_in.count("make_brief") == 2
            assert gone.read_bytes().startswith(b"PK")

            cache_text = _text(left)
            assert MARK in cache_text
            assert "только синхронизированные данные в пределах доступа пользователя" in cache_text
            assert _total_line(cache_text) == _total_line(server_text)
            assert "городской округ город Рязань" in cache_text
            aw.grab().save(str(tmp_path / "offline-brief.png"))
            aw.close()
            await close(ws, window, task)
        finally:
            srv.stop()

    run(scenario())
