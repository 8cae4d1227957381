"""Issue 13: attachments that are not images, and the cache's settings, in the real window
against the real server. A PDF opens in the system's program (recorded here) from a private
copy under a safe name, after the dialog said what it is and warned; a program is refused and
only saved; a hostile name (path, bidi override, a second extension) ends up harmless; offline
a file never fetched says so while a fetched one still opens. «Правка → Настройки…» sets the
cache's limit, which is kept and enforced at once, and clears the cache once the operator
confirms."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from cur_desktop.models.domain import Channel
from cur_desktop.models.opened_copies import opened_folder
from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.attachment_file import AttachmentFileDialog
from cur_desktop.ui.attachment_view import CACHE_LIMIT_KEY, AttachmentViewer, cache_limit_bytes
from cur_desktop.ui.settings_dialog import SettingsDialog
from cur_server.attachments import IncomingFile
from cur_server.channels.intake import CREATED, Inbound, Intake
from cur_server.context import load_context
from cur_server.embedded import EmbeddedServer
from tests.sync.test_attachments_client import picture
from tests.ui.screens import save_screenshot
from tests.ui.test_attachments_ui import _id_of
from tests.ui.test_menus_and_keys import focused
from tests.ui.test_operator_flow import close, first_sync, open_window

MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n" + b"\x00" * 2000
PROGRAM = b"MZ\x90\x00\x03" + b"\x00" * 3000
HOSTILE = "../../evil.pdf\u202egpj.exe"
REPORT = "%PDF-1.5 отчёт".encode()


def incident_with_files(server_url: str, source_id: str, *files: IncomingFile) -> None:
    message = Inbound(
        channel=Channel.EMAIL,
        source_id=source_id,
        text="Акт осмотра и видео приложены",
        received_at=None,
        author_name="Пётр",
        municipality_code="ryazan",
        files=files,
    )
    assert Intake(load_context(server_url)).accept(message) == CREATED


class SystemOpener:
    """QDesktopServices.openUrl, recorded instead of starting a program."""

    def __init__(self, monkeypatch):
        self.urls: list[QUrl] = []
        monkeypatch.setattr(QDesktopServices, "openUrl", self)

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(QUrl(url))
        return True


def test_files_open_in_the_system_program_or_are_only_saved(
    run, server_url, tmp_path, qtbot, monkeypatch
):
    files = [
        IncomingFile("Акт осмотра.pdf", "application/pdf", PDF),
        IncomingFile("setup.exe", "application/octet-stream", PROGRAM),
        IncomingFile(HOSTILE, "application/pdf", b"%PDF-1.7 " + PROGRAM),
        IncomingFile("..\\..\\Отчёт\u202e\x07.pdf", "application/octet-stream", REPORT),
        IncomingFile("Видео.mp4", "video/mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 500),
        IncomingFile("двор.jpg", "image/jpeg", picture(7)),
    ]
    incident_with_files(server_url, "att13:1", *files)
    server = EmbeddedServer(server_url).start()
    opener = SystemOpener(monkeypatch)
    saved_to = tmp_path / "saved"
    saved_to.mkdir()
    suggested: list[str] = []

    def choose(parent, name: str) -> str:
        suggested.append(name)
        return str(saved_to / name)

    async def dialog_for(card, strip, index: int) -> AttachmentFileDialog:
        qtbot.mouseClick(strip.buttons[index], Qt.MouseButton.LeftButton)
        dialog = card.viewer
        assert isinstance(dialog, AttachmentFileDialog) and dialog.isVisible()
        await wait_until(lambda: dialog.state != "loading", 20)
        dialog.saver.choose = choose
        return dialog

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        incident_id = await _id_of(ws, "att13:1")
        window.select_incident(incident_id)
        card, strip = window.card, window.card.attachment_strip
        await wait_until(lambda: strip.incident_id == incident_id and len(strip.buttons) == 6, 20)
        assert strip.buttons[0].text().startswith("PDF\n")
        assert strip.buttons[1].text().startswith("⚠ EXE\n")
        assert strip.buttons[2].text().startswith("⚠ EXE\n")  # the name's real extension

        # A PDF: the dialog names the type and warns; the copy opened is private and safe.
        dialog = await dialog_for(card, strip, 0)
        assert dialog.state == "ready"
        assert "документ PDF (.pdf)" in dialog.details.text()
        assert "могут быть опасны" in dialog.message.text()
        assert dialog.open_button.isEnabled() and not dialog.open_button.isDefault()
        save_screenshot(dialog, tmp_path, "screenshot-attachment-file.png")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(opener.urls) == 1, 10)
        url = opener.urls[0]
        assert url.isLocalFile()
        opened = Path(url.toLocalFile())
        assert opened == dialog.opened and opened.read_bytes() == PDF
        assert opened.name == "Акт осмотра.pdf"
        assert opened.parent.parent == opened_folder()
        assert stat.S_IMODE(opened.stat().st_mode) == 0o600
        assert stat.S_IMODE(opened_folder().stat().st_mode) == 0o700
        await wait_until(lambda: not dialog.isVisible(), 5)

        # A program: never opened, whatever is clicked; it can be saved.
        dialog = await dialog_for(card, strip, 1)
        assert "программа (исполняемый файл) (.exe)" in dialog.details.text()
        assert "не открываются" in dialog.message.text()
        assert not dialog.open_button.isVisible()
        assert await dialog.open_file() is False
        assert dialog.grab().save(str(tmp_path / "attachment-file-program.png"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.saver.saved is not None, 10)
        assert suggested[-1] == "setup.exe"
        assert (saved_to / "setup.exe").read_bytes() == PROGRAM
        assert "Сохранено" in dialog.outcome.text()
        dialog.close()

        # A hostile name: «evil.pdf‮gpj.exe» reads «evil.pdfexe.jpg»; it is a program, shown
        # with the override made visible, and saved under a name without path or override.
        dialog = await dialog_for(card, strip, 2)
        assert dialog.windowTitle() == "evil.pdf\ufffdgpj.exe"
        assert dialog.kind.dangerous and not dialog.open_button.isVisible()
        assert await dialog.open_file() is False
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.saver.saved is not None, 10)
        assert suggested[-1] == "evil.pdfgpj.exe"
        assert dialog.saver.saved == saved_to / "evil.pdfgpj.exe"
        dialog.close()

        # A hostile name on a harmless file: opened, under the name with nothing hidden in it.
        dialog = await dialog_for(card, strip, 3)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(opener.urls) == 2, 10)
        opened = Path(opener.urls[1].toLocalFile())
        assert opened.name == "Отчёт.pdf" and opened.parent.parent == opened_folder()
        assert opened.read_bytes() == REPORT
        assert len(opener.urls) == 2

        # An image opens in the viewer, which saves it too.
        qtbot.mouseClick(strip.buttons[5], Qt.MouseButton.LeftButton)
        viewer = card.viewer
        assert isinstance(viewer, AttachmentViewer)
        await wait_until(lambda: viewer.save_button.isEnabled(), 20)
        assert not viewer.outcome.isVisible()
        viewer.saver.choose = lambda parent, name: str(tmp_path / "no such folder" / name)
        qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: viewer.outcome.isVisible(), 10)
        assert viewer.outcome.text().startswith("Не удалось сохранить файл: ")
        assert viewer.saver.saved is None
        viewer.saver.choose = choose
        qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: viewer.saver.saved is not None, 10)
        assert (saved_to / "двор.jpg").read_bytes() == picture(7)
        viewer.close()

        # Offline: a file never fetched says why; one fetched before opens from the cache.
        server.stop()
        dialog = await dialog_for(card, strip, 4)
        assert dialog.state == "offline"
        assert "сервер недоступен" in dialog.message.text()
        assert not dialog.open_button.isEnabled() and not dialog.save_button.isEnabled()
        assert dialog.grab().save(str(tmp_path / "attachment-file-offline.png"))
        dialog.close()
        dialog = await dialog_for(card, strip, 0)
        assert dialog.state == "ready"
        assert await dialog.open_file() is True
        assert Path(opener.urls[-1].toLocalFile()).read_bytes() == PDF
        await close(ws, window, task)

    try:
        run(scenario())
    finally:
        server.stop()


def test_settings_set_the_cache_limit_keep_it_evict_and_clear(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        cache = window.card.attachment_strip.source.cache
        assert cache.limit_bytes == 200 * MB  # the default
        ticks = iter(range(100))
        cache.now = lambda: float(next(ticks))
        cache.put("1:file", b"a" * (15 * MB))  # used first: goes first
        cache.put("2:file", b"b" * (10 * MB))
        cache.put("3:thumbnail", b"c" * (MB // 2))

        # In «Правка», and on Ctrl+, from anywhere in the window.
        edit = window.menuBar().findChild(QMenu, "menu_edit")
        action = window.actions_by_name["settings"]
        assert action in edit.actions() and action.text() == "Настройки…"
        await focused(window)
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: isinstance(window.settings_dialog, SettingsDialog), 5)
        dialog = window.settings_dialog
        await wait_until(lambda: dialog.usage is not None, 10)
        assert dialog.limit.value() == 200
        assert (dialog.limit.minimum(), dialog.limit.maximum()) == (20, 5000)
        assert dialog.used.text() == "25.5 МБ, файлов: 3"
        assert dialog.limit.hasFocus()
        save_screenshot(dialog, tmp_path, "screenshot-settings.png")

        # A lower limit is kept and enforced at once: the least recently used goes.
        dialog.limit.selectAll()
        qtbot.keyClicks(dialog.limit, "20")
        assert dialog.limit.value() == 20
        dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
        await wait_until(lambda: dialog.usage == (2, 10 * MB + MB // 2), 10)
        assert cache.keys() == {"2:file", "3:thumbnail"}
        assert cache.limit_bytes == 20 * MB == cache_limit_bytes()
        assert int(QSettings("cur-workstation", "workstation").value(CACHE_LIMIT_KEY)) == 20
        assert dialog.used.text() == "10.5 МБ, файлов: 2"

        # Clearing asks first, saying what it frees; Enter answers «Отмена»: nothing goes.
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.clear_box is not None, 10)
        box = dialog.clear_box
        assert box.isVisible() and box.windowTitle() == "Очистить кэш вложений"
        assert "Освободится 10.5 МБ (файлов: 2)" in box.text()
        assert box.defaultButton().text() == "Отмена"
        qtbot.keyClick(box, Qt.Key.Key_Return)
        await wait_until(lambda: dialog.clear_box is None, 5)
        await asyncio.sleep(0.3)
        assert cache.keys() == {"2:file", "3:thumbnail"}
        assert dialog.usage == (2, 10 * MB + MB // 2)

        # «Очистить»: nothing kept, and nothing left to clear; OK closes.
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.clear_box is not None, 10)
        box = dialog.clear_box
        clear = next(b for b in box.buttons() if b.text() == "Очистить")
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.usage == (0, 0), 10)
        assert cache.keys() == set() and dialog.used.text() == "ничего"
        assert dialog.clear_box is None and not dialog.clear_button.isEnabled()
        dialog.limit.setValue(40)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        await wait_until(lambda: window.settings_dialog is None, 10)
        assert cache.limit_bytes == 40 * MB
        await close(ws, window, task)

        # The next session starts with the limit set.
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        assert window.card.attachment_strip.source.cache.limit_bytes == 40 * MB
        window.actions_by_name["settings"].trigger()
        await wait_until(lambda: isinstance(window.settings_dialog, SettingsDialog), 5)
        assert window.settings_dialog.limit.value() == 40
        window.settings_dialog.reject()
        assert window.settings_dialog is None
        await close(ws, window, task)

    run(scenario())
