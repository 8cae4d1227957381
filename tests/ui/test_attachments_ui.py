"""The card's attachments in the real window against the real server: thumbnails appear (loaded
off the UI thread), a click opens the full image scaled to fit and Esc closes it; with the
server gone the seen ones are still shown from the cache and the unseen say why."""

from __future__ import annotations

import asyncio
import io

from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.attachment_view import AttachmentViewer
from cur_server.embedded import EmbeddedServer
from tests.sync.test_attachments_client import incident_with_photos, picture
from tests.ui.screens import save_screenshot
from tests.ui.test_operator_flow import close, first_sync, open_window


def scene(width: int, height: int, hole: tuple[int, int, int]) -> bytes:
    """A drawn street photo (sky, houses, a road with a pothole), so the screenshot reads."""
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    horizon = height * 45 // 100
    for y in range(horizon):
        shade = 150 + 90 * y // horizon
        draw.line([(0, y), (width, y)], fill=(shade - 60, shade - 20, 255))
    for n, x in enumerate(range(0, width, width // 5)):
        top = horizon - height * (18 + 7 * (n % 3)) // 100
        draw.rectangle([x + 10, top, x + width // 5 - 10, horizon], fill=(190 - 15 * n, 150, 120))
        for wx in range(x + 30, x + width // 5 - 40, max(40, width // 40)):
            draw.rectangle([wx, top + 20, wx + width // 80, top + 40], fill=(240, 230, 160))
    draw.rectangle([0, horizon, width, height], fill=(95, 95, 100))
    draw.line([(width // 2, horizon), (width // 2, height)], fill=(235, 235, 235), width=8)
    cx, cy, r = hole
    draw.ellipse([cx - r * 2, cy - r, cx + r * 2, cy + r], fill=(45, 40, 38))
    draw.ellipse([cx - r, cy - r // 3, cx + r, cy + r // 3], fill=(90, 110, 140))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88)
    return out.getvalue()


def test_thumbnails_show_open_full_size_and_stay_offline(run, server_url, tmp_path, qtbot):
    photos = [scene(2400, 1600, (1300, 1200, 180)), scene(1200, 900, (500, 700, 90))]
    incident_with_photos(server_url, "5550001:903", *photos)
    # The sender's name is text: markup in it is shown as typed, never rendered.
    incident_with_photos(server_url, "5550001:904", picture(5), names=["<b>жирно.jpg"])
    server = EmbeddedServer(server_url).start()

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path)
        qtbot.addWidget(window)
        await first_sync(ws, window)
        incident_id = await _id_of(ws, "5550001:903")
        window.select_incident(incident_id)
        card, strip = window.card, window.card.attachment_strip
        await wait_until(lambda: strip.incident_id == incident_id, 20)
        await wait_until(lambda: set(strip.states.values()) == {"shown"}, 20)
        assert strip.isVisible() and len(strip.buttons) == 2
        assert not strip.buttons[0].icon().isNull()
        assert strip.buttons[0].text() == "фото-0.jpg"
        assert not card.fields["attachments"].isVisible()  # no links: only the thumbnails
        window.resize(1280, 800)
        await asyncio.sleep(0.2)
        save_screenshot(card, tmp_path, "screenshot-attachments.png")

        qtbot.mouseClick(strip.buttons[0], Qt.MouseButton.LeftButton)
        viewer = card.viewer
        assert isinstance(viewer, AttachmentViewer) and viewer.isVisible()
        await wait_until(lambda: viewer.pixmap is not None, 20)
        assert (viewer.pixmap.width(), viewer.pixmap.height()) == (2400, 1600)
        shown = viewer.image.pixmap()
        assert shown.width() <= viewer.image.width() and shown.height() <= viewer.image.height()
        assert shown.width() < 2400  # scaled to fit
        save_screenshot(viewer, tmp_path, "screenshot-attachment-viewer.png")
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
        await wait_until(lambda: not viewer.isVisible(), 5)

        # The server goes away: the seen thumbnails come from the cache, the unseen say why.
        server.stop()
        window.select_incident(await _id_of(ws, "5550001:904"))
        await wait_until(lambda: strip.incident_id != incident_id, 20)
        await wait_until(lambda: "offline" in strip.states.values(), 20)
        assert strip.buttons[0].icon().isNull()
        assert strip.buttons[0].text().startswith("Нет связи")
        assert "&lt;b&gt;жирно.jpg" in strip.buttons[0].toolTip()
        assert "<b>" not in strip.buttons[0].toolTip()  # escaped: shown as typed
        window.select_incident(incident_id)
        await wait_until(lambda: strip.incident_id == incident_id, 20)
        await wait_until(lambda: set(strip.states.values()) == {"shown"}, 20)
        qtbot.mouseClick(strip.buttons[1], Qt.MouseButton.LeftButton)
        viewer = card.viewer
        # Its thumbnail is cached, the file is not: the thumbnail, saying so.
        await wait_until(lambda: viewer.pixmap is not None, 20)
        assert viewer.pixmap.width() == 320
        assert "полный файл откроется на связи" in viewer.caption.text()
        viewer.close()
        window.select_incident(await _id_of(ws, "5550001:904"))
        await wait_until(lambda: strip.incident_id != incident_id, 20)
        qtbot.mouseClick(strip.buttons[0], Qt.MouseButton.LeftButton)
        viewer = card.viewer
        await wait_until(lambda: "сервер недоступен" in viewer.image.text(), 20)
        assert viewer.pixmap is None
        viewer.close()
        await close(ws, window, task)

    try:
        run(scenario())
    finally:
        server.stop()


async def _id_of(ws, source_id: str) -> int:
    from sqlalchemy import select

    from cur_desktop.models.cache.schema import incidents

    with ws.store.read() as conn:
        return conn.execute(
            select(incidents.c.id).where(incidents.c.source_id == source_id)
        ).scalar_one()
