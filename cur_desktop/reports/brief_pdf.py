"""The municipality brief as a PDF in Russian (reportlab).

Every piece of text that reaches a Paragraph goes through `_esc`: Paragraph reads a markup of
its own, and a citizen's «<b>» or «<script>» must come out as written, not as formatting or an
error.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from . import format as f
from .brief import BriefData, Count, SlaLine
from .brief_charts import day_chart, topics_chart
from .flow import keep_with_next
from .fonts import BOLD, REGULAR, markup, register_fonts

TITLE = "Справка по муниципальному образованию"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
GRID = colors.HexColor("#c8c8c8")
HEAD = colors.HexColor("#e8eef6")
#: Rows of the spike and cluster tables in the PDF; the XLSX lists them all.
SYSTEMIC_LISTED = 15


def _esc(text: str) -> str:
    """Plain text for Paragraph markup: entities escaped, line breaks kept, emoji in their font."""
    return markup(f.plain(text)).replace("\n", "<br/>")


class _Styles:
    def __init__(self):
        base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=12)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5)
        # Lines that introduce a table or a chart stay on its page, as headings do.
        self.lead = ParagraphStyle("lead", parent=self.small, keepWithNext=True)
        self.lead_body = ParagraphStyle("lead_body", parent=base, keepWithNext=True)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.head_cell = ParagraphStyle(
            "head_cell", parent=self.cell, fontName=BOLD, fontSize=7, leading=8.5
        )
        self.title = ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=16, leading=20, alignment=TA_CENTER
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=12, leading=16, alignment=TA_CENTER
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#1d3f6e"),
            keepWithNext=True,
        )
        # A brief counted from the local cache says so under the title, where it is not missed.
        self.notice = ParagraphStyle(
            "notice",
            parent=base,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            spaceBefore=3,
            textColor=colors.HexColor("#9b2c2c"),
        )
        self.quote = ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=8,
            borderPadding=(3, 4, 3, 6),
            backColor=colors.HexColor("#f4f4f4"),
            spaceAfter=8,
        )


def _table(rows: list[list], widths: list[float], s: _Styles, numeric_from: int = 1) -> Table:
    """A header row and body rows; numbers right-aligned from column `numeric_from` on."""
    cells = [[Paragraph(_esc(str(x)), s.head_cell) for x in rows[0]]]
    for row in rows[1:]:
        cells.append(
            [
                x if not isinstance(x, str) else Paragraph(_esc(x), s.cell)
                for x in row[:numeric_from]
            ]
            + [_esc_plain(x) for x in row[numeric_from:]]
        )
    t = Table(cells, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _esc_plain(value) -> str:
    """A cell drawn as a plain string (no markup is read there): only control characters go."""
    return f.plain(str(value))


def _key_figures(b: BriefData, s: _Styles) -> list:
    sla = b.sla_total
    rows = [
        ["Показатель", "Значение"],
        [f"Обращений за период ({f.period(b.date_from, b.date_to)})", f.integer(b.total)],
        [
            f"За предыдущий период ({f.period(b.previous_from, b.previous_to)})",
            f.integer(b.total_previous),
        ],
        ["Изменение", f.change(b.total, b.total_previous)],
        ["Просрочено сейчас (нет ответа в срок)", f.integer(b.overdue_now)],
    ]
    if sla is not None:
        rows += [
            ["Соблюдение срока первого ответа", f.percent(sla.compliance)],
            ["Медианное время до первого ответа", f.duration(sla.median_minutes)],
        ]
    if b.deliveries is not None:
        sent, queued, failed = b.deliveries
        rows += [
            [
                "Ответов доставлено в каналы заявителей",
                f"{f.integer(sent)} из {f.integer(sum(b.deliveries))}",
            ],
            ["Ответов в очереди на доставку", f.integer(queued)],
            ["Ответов не доставлено (отказ канала)", f.integer(failed)],
        ]
    return [_table(rows, [WIDTH * 0.7, WIDTH * 0.3], s)]


def _counts_rows(items: list[Count], first: str, group: str | None = None) -> list[list]:
    head = [first] + ([group] if group else []) + ["За период", "Ранее", "Изменение"]
    rows = [head]
    for x in items:
        rows.append(
            [x.name]
            + ([x.group] if group else [])
            + [f.integer(x.count), f.integer(x.previous), f.change(x.count, x.previous)]
        )
    return rows


def _sla_rows(lines: list[SlaLine]) -> list[list]:
    rows = [["", "Обращений", "С ответом", "Вовремя", "Просрочено", "Соблюдение", "Медиана"]]
    for x in lines:
        rows.append(
            [
                x.name,
                f.integer(x.incidents),
                f.integer(x.answered),
                f.integer(x.answered_on_time),
                f.integer(x.overdue),
                f.percent(x.compliance),
                f.duration(x.median_minutes),
            ]
        )
    return rows


def _story(b: BriefData, s: _Styles) -> list:
    story: list = [
        Paragraph(TITLE, s.title),
        Spacer(0, 3),
        Paragraph(_esc(b.municipality), s.subtitle),
        Paragraph(_esc(f"{b.region} · период {f.period(b.date_from, b.date_to)}"), s.subtitle),
        Spacer(0, 3),
        Paragraph(
            _esc(f"Сформирована {f.moment(b.generated_at)} ({b.timezone})"),
            ParagraphStyle("gen", parent=s.small, alignment=TA_CENTER),
        ),
        *([Paragraph(_esc(b.source_line), s.notice)] if b.source_line else []),
        Paragraph("Итоги и динамика", s.h2),
        *_key_figures(b, s),
        Spacer(0, 6),
        Paragraph("Обращения по дням", s.lead),
        day_chart(b.by_day, WIDTH),
    ]
    story.append(Paragraph("Основные темы обращений", s.h2))
    if b.topics:
        topics = b.topics + ([b.other_topics] if b.other_topics else [])
        story.append(topics_chart(b.topics, WIDTH))
        story.append(Spacer(0, 4))
        story.append(
            _table(
                _counts_rows(topics, "Тема", "Отрасль"),
                [WIDTH * 0.38, WIDTH * 0.2, WIDTH * 0.12, WIDTH * 0.12, WIDTH * 0.18],
                s,
                numeric_from=2,
            )
        )
    else:
        story.append(Paragraph("За период обращений нет.", s.body))
    if b.by_sector:
        story.append(Spacer(0, 6))
        story.append(
            _table(
                _counts_rows(b.by_sector, "Отрасль"),
                [WIDTH * 0.46, WIDTH * 0.16, WIDTH * 0.16, WIDTH * 0.22],
                s,
            )
        )
    story += _sla_section(b, s)
    story += _overdue_section(b, s)
    story += _systemic_section(b, s)
    story += _examples_section(b, s)
    return keep_with_next(story)


def _sla_section(b: BriefData, s: _Styles) -> list:
    out: list = [Paragraph("Соблюдение сроков первого ответа", s.h2)]
    if b.sla_total is None or b.sla_total.incidents == 0:
        return out + [Paragraph("За период обращений нет.", s.body)]
    out.append(
        Paragraph(
            "Соблюдение — доля первых ответов, данных вовремя, среди обращений с ответом и "
            "просроченных; обращения, срок по которым ещё не истёк, не оцениваются.",
            s.lead,
        )
    )
    out.append(Spacer(0, 3))
    lines = [b.sla_total, *b.sla_by_agency]
    out.append(
        _table(_sla_rows(lines), [WIDTH * w for w in (0.29, 0.12, 0.11, 0.1, 0.12, 0.13, 0.13)], s)
    )
    return out


def _overdue_section(b: BriefData, s: _Styles) -> list:
    out: list = [Paragraph("Просроченные обращения", s.h2)]
    if not b.overdue_now:
        return out + [Paragraph("Просроченных обращений нет.", s.body)]
    out.append(
        Paragraph(
            _esc(
                f"Открытых обращений с истёкшим сроком ответа: {f.integer(b.overdue_now)}"
                + (f"; ниже — {len(b.overdue)} с наибольшей просрочкой." if b.overdue else ".")
            ),
            s.lead_body if b.overdue else s.body,
        )
    )
    if b.overdue:
        rows = [["Номер", "Поступило", "Тема", "Статус", "Срок ответа", "Ведомство"]]
        for x in b.overdue:
            due = f.moment(x.due) if x.due else "—"
            rows.append([x.number, f.moment(x.received_at), x.topic, x.status, due, x.agency])
        widths = [0.165, 0.165, 0.16, 0.125, 0.165, 0.22]
        out += [Spacer(0, 3), _table(rows, [WIDTH * w for w in widths], s, numeric_from=6)]
    return out


def _systemic_section(b: BriefData, s: _Styles) -> list:
    out: list = [Paragraph("Системные проблемы", s.h2)]
    out.append(Paragraph("<b>Всплески.</b> " + _esc(b.spike_rule), s.lead))
    out.append(Spacer(0, 3))
    if b.spikes:
        rows = [["Тема", "Неделя с", "Обращений", "Обычно в неделю", "Рост"]]
        for x in b.spikes[:SYSTEMIC_LISTED]:
            ratio = f"×{x.ratio:.1f}".replace(".", ",") if x.ratio is not None else "впервые"
            baseline = f"{x.baseline:.1f}".replace(".", ",")
            rows.append([x.topic, f.day(x.week_start), f.integer(x.count), baseline, ratio])
        widths = [0.4, 0.14, 0.14, 0.18, 0.14]
        out.append(_table(rows, [WIDTH * w for w in widths], s))
        out += _more(len(b.spikes), s)
    else:
        out.append(Paragraph("Всплесков не найдено.", s.body))
    out.append(Spacer(0, 6))
    out.append(Paragraph("<b>Повторяющиеся жалобы.</b> " + _esc(b.cluster_rule), s.lead))
    out.append(Spacer(0, 3))
    if b.clusters:
        rows = [["Признак", "Адрес или текст", "Обращений", "Открыто", "Первое", "Последнее"]]
        for x in b.clusters[:SYSTEMIC_LISTED]:
            rows.append(
                [
                    x.kind,
                    f.plain(x.key, 160),
                    f.integer(x.count),
                    f.integer(x.open_count),
                    f.day(x.first_received_at),
                    f.day(x.last_received_at),
                ]
            )
        widths = [0.13, 0.405, 0.125, 0.1, 0.12, 0.12]
        out.append(_table(rows, [WIDTH * w for w in widths], s, numeric_from=2))
        out += _more(len(b.clusters), s)
    else:
        out.append(Paragraph("Повторяющихся жалоб не найдено.", s.body))
    return out


def _more(total: int, s: _Styles) -> list:
    if total <= SYSTEMIC_LISTED:
        return []
    return [Paragraph(f"Показаны {SYSTEMIC_LISTED} из {total}; полный список — в XLSX.", s.small)]


def _examples_section(b: BriefData, s: _Styles) -> list:
    out: list = [Paragraph("Примеры обращений", s.h2)]
    if not b.examples:
        return out + [Paragraph("Примеров за период нет.", s.body)]
    for x in b.examples:
        head = f"{x.number} · {f.moment(x.received_at)} · {x.channel} · {x.topic} · {x.status}"
        out.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{_esc(head)}</b>", s.small),
                    Paragraph(_esc(x.why), s.small),
                    Spacer(0, 2),
                    Paragraph(_esc(x.text), s.quote),
                ]
            )
        )
    return out


def write_brief_pdf(brief: BriefData, out: Path | str) -> None:
    register_fonts()
    styles = _Styles()
    footer = f.plain(f"{TITLE}: {brief.municipality}, {f.period(brief.date_from, brief.date_to)}")

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(colors.HexColor("#707070"))
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"стр. {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{TITLE}: {brief.municipality}",
        author="ЦУР",
        subject=f.period(brief.date_from, brief.date_to),
        creator="cur-desktop",
    )
    doc.build(_story(brief, styles), onFirstPage=on_page, onLaterPages=on_page)
