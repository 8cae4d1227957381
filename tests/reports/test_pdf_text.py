"""What the PDFs are made of, without a server: a heading never stands alone at the bottom of a
page, and a citizen's text (emoji, flags, Cyrillic) comes back out of the PDF exactly as
written, with every character drawn."""

from __future__ import annotations

import io
import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from cur_desktop.reports.brief import (
    BriefData,
    ClusterLine,
    Count,
    OverdueCase,
    SlaLine,
    SpikeLine,
)
from cur_desktop.reports.brief_pdf import write_brief_pdf
from cur_desktop.reports.examples import Example
from cur_desktop.reports.fonts import _to_unicode_cmap, missing_glyphs

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
HEADINGS = (
    "Итоги и динамика",
    "Основные темы обращений",
    "Соблюдение сроков первого ответа",
    "Просроченные обращения",
    "Системные проблемы",
    "Примеры обращений",
)


def example(n: int, text: str = "Нет отопления в доме 5 по ул. Ленина") -> Example:
    return Example(f"ИНЦ-{9000 + n:05d}", START, "ВКонтакте", "Отопление", "Новое", text, "Свежее")


def brief(
    *, overdue: int = 3, clusters: int = 3, spikes: int = 0, examples: list[Example] | None = None
):
    day = date(2026, 11, 20)
    return BriefData(
        region="Рязанская область",
        municipality="Шиловский район",
        municipality_id=1,
        date_from=day,
        date_to=day + timedelta(days=4),
        previous_from=day - timedelta(days=5),
        previous_to=day - timedelta(days=1),
        generated_at=START,
        timezone="Europe/Moscow",
        total=40,
        total_previous=30,
        by_day=[(day + timedelta(days=i), 8) for i in range(5)],
        by_week=[],
        by_sector=[Count("ЖКХ", 40, 30)],
        topics=[Count("Отопление", 40, 30, "ЖКХ")],
        other_topics=None,
        by_status=[("Новое", 40)],
        sla_total=SlaLine("Всего", 40, 30, 25, 5, 0.83, 120.0),
        sla_by_agency=[],
        overdue_now=overdue,
        overdue=[
            OverdueCase(f"ИНЦ-{i:05d}", START, "Отопление", "Новое", START, "УК «Дом»")
            for i in range(overdue)
        ],
        spike_rule="Всплеск — неделя, когда обращений вдвое больше обычного.",
        spikes=[SpikeLine(f"Тема {i}", day, 9, 3.0, 3.0) for i in range(spikes)],
        cluster_rule="Повтор — три и больше обращений об одном адресе.",
        clusters=[
            ClusterLine("Адрес", f"ул. Ленина, {i}", 3, 2, START, START) for i in range(clusters)
        ],
        examples=examples if examples is not None else [example(i) for i in range(3)],
    )


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def render(data: BriefData, tmp_path) -> bytes:
    out = tmp_path / "brief.pdf"
    write_brief_pdf(data, out)
    return out.read_bytes()


def test_no_heading_stands_alone_at_the_bottom_of_a_page(tmp_path):
    """More overdue cases push the later sections down a table row at a time, so that the
    examples' heading passes the bottom of a page: in no layout may it stay there alone."""
    heading_pages = set()
    for overdue in range(3, 15):
        text = pages(render(brief(overdue=overdue, clusters=15, spikes=15), tmp_path))
        for heading in HEADINGS:
            page = next(i for i, t in enumerate(text) if heading in t)
            after = text[page].split(heading, 1)[1].strip()
            assert after, f"«{heading}» alone at the bottom of page {page + 1}"
            if heading == "Примеры обращений":
                assert "ИНЦ-09000" in after, f"«{heading}» without its first example"
                heading_pages.add(page)
    assert len(heading_pages) == 2, "the layouts never took the heading past a page's bottom"


#: What citizens write: emoji of every kind (faces, hands, a house, a flag, a family joined by
#: ZWJ, a heart with its variation selector, a thumb with a skin tone) among Cyrillic.
CITIZEN = (
    "Опять нет горячей воды 😡😡 уже третий день! Спасибо соседям 👍 "
    "Дом 🏠 на ул. Ленина, 5 🇷🇺 семья 👨‍👩‍👧 ждёт ❤️ ответа 👍🏽 & <b>не</b> молчите"
)


def test_emoji_read_back_as_written_and_are_drawn(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        pdf = render(brief(examples=[example(0, CITIZEN)]), tmp_path)
        text = "\n".join(pages(pdf))
    assert [r.getMessage() for r in caplog.records] == []  # e.g. pypdf's "Odd-length string"
    assert CITIZEN in " ".join(text.split())
    assert missing_glyphs(CITIZEN) == set()  # every character has a glyph in some font


@pytest.mark.parametrize("code", [0x1F621, 0x1F3E0, 0x1F1F7, 0x20AC, 0x0416])
def test_to_unicode_entries_are_utf16(code):
    cmap = _to_unicode_cmap("F", [code])
    entry = cmap.split("beginbfchar\n")[1].split("\n")[0]
    hex_digits = entry.split("<")[2].rstrip(">")
    assert bytes.fromhex(hex_digits).decode("utf-16-be") == chr(code)
