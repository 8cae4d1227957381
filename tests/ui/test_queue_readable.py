"""The queue shows what the citizen wrote: the «Текст» column right after the deadline, taking
the width the others leave; every status in full; emoji drawn, not boxes; attachments as named
links that open on a click. The real window against the real server."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from cur_desktop.ui.aio import wait_until
from cur_desktop.ui.emoji_font import install_emoji_fallback
from cur_desktop.ui.incident_card import attachments_html
from cur_desktop.ui.plain_text import tooltip
from cur_desktop.ui.queue_model import COLUMN_INDEX
from cur_desktop.ui.queue_table import TEXT_MIN_WIDTH
from tests.server.api import Api
from tests.ui.test_operator_flow import close, first_sync, open_window

EMOJI = "😀"
ATTACHED = [
    "https://sun9-12.userapi.com/impg/3f2a0c9b1d4e5a6f.jpg",
    "https://cur62.example/attachments/%D0%B0%D0%BA%D1%82_%D0%BE%D1%81%D0%BC%D0%BE%D1%82%D1%80%D0%B0.pdf",
]


def ingest(url: str, source_id: str, text: str, attachments: list[str] | None = None) -> int:
    res = Api(url, "collector").post(
        "/api/v1/ingest",
        json={
            "items": [
                {
                    "channel": "vk",
                    "source_id": source_id,
                    "author_name": "Житель",
                    "text": text,
                    "attachments": attachments or [],
                    "received_at": datetime.now(UTC).isoformat(),
                    "municipality_code": "ryazan",
                    "sector": "roads",
                }
            ]
        },
    )
    assert res.status_code == 200, res.text
    return res.json()["results"][0]["incident_id"]


def test_text_follows_the_deadline_and_fills_the_width(run, server, tmp_path, qtbot):
    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        window.resize(1400, 860)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(4)  # «все»: every status is there
        await wait_until(lambda: window.model.settled and window.model.rowCount() > 0, 10)
        table = window.table
        header = table.horizontalHeader()
        text = COLUMN_INDEX["excerpt"]
        assert header.visualIndex(text) == header.visualIndex(COLUMN_INDEX["sla"]) + 1
        # On screen, without scrolling, and wide: not 100 px at the far right.
        left = header.sectionViewportPosition(text)
        width = header.sectionSize(text)
        assert left >= 0 and left + width <= table.viewport().width() + 1
        assert width >= TEXT_MIN_WIDTH
        # It takes what the others leave: a wider window gives the text, not the others, more.
        others = {i: header.sectionSize(i) for i in range(header.count()) if i != text}
        table_width = table.width()
        window.resize(2800, 860)
        await wait_until(lambda: table.width() != table_width, 5)
        await wait_until(lambda: header.sectionSize(text) > width, 5)
        assert {i: header.sectionSize(i) for i in others} == others
        window.resize(1400, 860)
        window.grab().save(str(tmp_path / "queue-1400.png"))
        table.grab().save("/tmp/queue-table-1400.png")

        # Every status label in full, even in bold (a changed row), inside the cell's margins.
        status = COLUMN_INDEX["status"]
        bold = QFont(table.font())
        bold.setBold(True)
        room = header.sectionSize(status) - 2 * table.text_margin()
        labels = window.labels.statuses.values()
        assert labels
        for label in labels:
            assert QFontMetrics(bold).horizontalAdvance(label) <= room, label
        # …and the whole text of a cut cell as its tooltip.
        index = window.model.index(0, text)
        tip = window.model.data(index, 3)  # ToolTipRole
        assert tip and tip == tooltip(window.model.data(index))
        await close(ws, window, task)

    run(scenario())


def _ink(text: str, font: QFont) -> QImage:
    metrics = QFontMetrics(font)
    image = QImage(metrics.horizontalAdvance(text) + 8, metrics.height() + 8, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 4 + metrics.ascent(), text)
    painter.end()
    return image


def test_emoji_in_a_citizens_text_are_drawn(run, server, tmp_path, qtbot, qapp):
    plain = QFont(qapp.font())
    families = install_emoji_fallback(qapp)
    assert len(families) >= 2  # the face and at least one emoji face after it
    incident_id = ingest(server.url, "emoji-1", f"Спасибо за дорогу {EMOJI} очень рады")

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(4)
        window.search.setText("очень рады")
        await wait_until(lambda: window.model.settled and window.model.rowCount() == 1, 10)
        index = window.model.index(0, COLUMN_INDEX["excerpt"])
        assert EMOJI in window.model.data(index)
        window.table.selectRow(0)
        await wait_until(
            lambda: window.card.incident and window.card.incident["id"] == incident_id, 10
        )
        table_font = window.table.font()
        assert any(f in table_font.families() for f in families[1:])
        # One of the fallbacks has the glyph; drawn, it is not the empty box of a character no
        # font has (U+10FFFD, private use).
        assert any(QFontMetrics(QFont(f)).inFontUcs4(ord(EMOJI)) for f in families[1:])
        drawn, tofu = _ink(EMOJI, table_font), _ink(chr(0x10FFFD), table_font)
        assert drawn != tofu
        assert drawn != _ink(" ", table_font)
        # Everything else is drawn as before: the emoji face lends emoji, not digits or spaces.
        sample = "ЦУР-2026-000123 ● 1 р.д. 0 ч"
        assert _ink(sample, table_font) == _ink(sample, plain)
        window.table.grab().save("/tmp/queue-emoji.png")
        await close(ws, window, task)

    try:
        run(scenario())
    finally:
        font = QApplication.font()
        font.setFamilies(families[:1])
        QApplication.setFont(font)


def test_attachments_are_named_links_that_open_on_a_click(
    run, server, tmp_path, qtbot, monkeypatch
):
    incident_id = ingest(server.url, "attach-1", "Яма у подъезда, фото приложено", ATTACHED)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True)
    )

    async def scenario():
        ws, window, task = open_window(server.url, tmp_path, "supervisor1")
        qtbot.addWidget(window)
        await first_sync(ws, window)
        window.tabs.setCurrentIndex(4)
        window.search.setText("Яма у подъезда")
        await wait_until(lambda: window.model.settled and window.model.rowCount() == 1, 10)
        window.table.selectRow(0)
        await wait_until(
            lambda: window.card.incident and window.card.incident["id"] == incident_id, 10
        )
        label = window.card.fields["attachments"]
        shown = label.text()
        # Named: the file and its site, as a link; not the bare URL.
        assert "3f2a0c9b1d4e5a6f.jpg (sun9-12.userapi.com)" in shown
        assert '<a href="attachment:0">' in shown
        assert ATTACHED[0] not in shown
        assert "акт_осмотра.pdf (cur62.example)" in shown
        # What is not an http(s) address (an e-mail's file name, a script) is text, no link.
        assert attachments_html(["javascript:alert(1)", "<b>a.pdf</b>"]) == (
            "javascript:alert(1) · &lt;b&gt;a.pdf&lt;/b&gt;"
        )
        window.card.grab().save("/tmp/queue-card-attachments.png")

        label.linkActivated.emit("attachment:1")
        assert opened == [QUrl(ATTACHED[1]).toString()]
        window.card.attachment_urls[0] = "javascript:alert(1)"
        assert window.card.open_attachment("attachment:0") is False  # never a script
        assert window.card.open_attachment("attachment:9") is False
        assert opened == [QUrl(ATTACHED[1]).toString()]
        await close(ws, window, task)

    run(scenario())
