"""The training scorecard as a PDF in Russian (reportlab, bundled DejaVu fonts): the session,
one table row per trainee, then each trainer's comment in full."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cur_desktop.models.training import SESSION_STATE_LABELS, Scorecard

from .flow import keep_with_next
from .fonts import BOLD, REGULAR, markup, register_fonts
from .scorecard_csv import COLUMNS, score_cells

TITLE = "Итоги учебного занятия"
MARGIN = 12 * mm
GRID = colors.HexColor("#c8c8c8")
HEAD = colors.HexColor("#f3e9d2")


def _esc(text: str) -> str:
    return markup(text).replace("\n", "<br/>")


def scorecard_pdf(card: Scorecard) -> bytes:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)
    title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=15, leading=19)
    heading = ParagraphStyle("heading", parent=head, fontSize=9, leading=12, keepWithNext=True)
    s = card.session
    story = [
        Paragraph(_esc(TITLE), title),
        Paragraph(_esc(f"«{s.title}»"), base),
        Paragraph(
            _esc(
                f"Состояние: {SESSION_STATE_LABELS[s.state]}; сценарного времени прошло "
                f"{s.minute:g} из {s.duration:g} мин; выпущено обращений {s.released} из "
                f"{s.total}; слушателей {len(card.rows)}."
            ),
            base,
        ),
        Spacer(1, 4 * mm),
    ]
    columns = COLUMNS[:-1]  # comments go below the table, in full
    rows = [[Paragraph(_esc(h), head) for h, _ in columns]]
    for row in card.rows:
        rows.append([Paragraph(_esc(v), cell) for v in score_cells(row)[: len(columns)]])
    if not card.rows:
        rows.append([Paragraph("Слушателей нет", cell)] + [""] * (len(columns) - 1))
    table = Table(rows, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if not card.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    story.append(table)
    commented = [r for r in card.rows if r.comment]
    if commented:
        story += [Spacer(1, 5 * mm), Paragraph("Комментарии преподавателя", heading)]
        for r in commented:
            story.append(Paragraph(f"<b>{_esc(r.full_name)}</b>: {_esc(r.comment or '')}", base))
    story += [
        Spacer(1, 5 * mm),
        Paragraph(_esc("Правила подсчёта: docs/training-scoring.md."), cell),
    ]
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=TITLE,
    ).build(keep_with_next(story))
    return buf.getvalue()
