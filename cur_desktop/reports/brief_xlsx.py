"""The municipality brief's tables as an XLSX workbook (openpyxl), a sheet per section.

Numbers stay numbers (with formats), so the reader can sum and chart them. Text cells are forced
to be text (`spreadsheet.put_cell`): a citizen's message that starts with «=» must not become a
formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import format as f
from .brief import BriefData, Count, SlaLine
from .brief_pdf import TITLE
from .spreadsheet import DAY, MOMENT
from .spreadsheet import put_cell as _put

INT = "#,##0"
DEC = "0.0"
PCT = "0.0%"
SIGNED = "+#,##0;-#,##0;0"
HEAD_FILL = PatternFill("solid", fgColor="E8EEF6")


def _sheet(
    wb: Workbook, title: str, head: list[str], rows: list[list], widths: list[int], fmts=()
) -> Worksheet:
    """A sheet with a bold header row, a filter on it, and `fmts` per column (None: as is)."""
    ws = wb.create_sheet(title)
    for col, name in enumerate(head, start=1):
        _put(ws, 1, col, name)
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.cell(row=1, column=col).fill = HEAD_FILL
        ws.cell(row=1, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    fmts = list(fmts) + [None] * (len(head) - len(fmts))
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            if value is not None:
                _put(ws, r, col, value, fmts[col - 1])
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(head))}{len(rows) + 1}"
    return ws


def _counts(items: list[Count], grouped: bool) -> list[list]:
    return [
        [x.name] + ([x.group] if grouped else []) + [x.count, x.previous, x.count - x.previous]
        for x in items
    ]


def _sla(lines: list[SlaLine]) -> list[list]:
    return [
        [
            x.name,
            x.incidents,
            x.answered,
            x.answered_on_time,
            x.overdue,
            x.compliance,
            x.median_minutes,
        ]
        for x in lines
    ]


def _summary_sheet(wb: Workbook, b: BriefData) -> None:
    ws = wb.active
    ws.title = "Итоги"
    rows: list[tuple[str, object, str | None]] = [
        (TITLE, b.municipality, None),
        ("Регион", b.region, None),
        ("Начало периода", b.date_from, DAY),
        ("Конец периода", b.date_to, DAY),
        ("Сформирована", b.generated_at, MOMENT),
        ("Часовой пояс", b.timezone, None),
        *([("Источник данных", b.source_line, None)] if b.source_line else []),
        ("Обращений за период", b.total, INT),
        ("Предыдущий период: начало", b.previous_from, DAY),
        ("Предыдущий период: конец", b.previous_to, DAY),
        ("Обращений за предыдущий период", b.total_previous, INT),
        ("Изменение", b.total - b.total_previous, SIGNED),
        ("Просрочено сейчас", b.overdue_now, INT),
    ]
    if b.sla_total is not None:
        rows += [
            ("Соблюдение срока первого ответа", b.sla_total.compliance, PCT),
            ("Медианное время до первого ответа, мин", b.sla_total.median_minutes, DEC),
        ]
    if b.deliveries is not None:
        sent, queued, failed = b.deliveries
        rows += [
            ("Ответов доставлено в каналы заявителей", sent, INT),
            ("Ответов в очереди на доставку", queued, INT),
            ("Ответов не доставлено (отказ канала)", failed, INT),
        ]
    for r, (label, value, fmt) in enumerate(rows, start=1):
        _put(ws, r, 1, label)
        ws.cell(row=r, column=1).font = Font(bold=True)
        if value is not None:
            _put(ws, r, 2, value, fmt)
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 40


def write_brief_xlsx(b: BriefData, out: Path | str) -> None:
    wb = Workbook()
    _summary_sheet(wb, b)
    change = [INT, INT, SIGNED]
    _sheet(
        wb, "По дням", ["День", "Обращений"], [[d, n] for d, n in b.by_day], [14, 12], [DAY, INT]
    )
    _sheet(
        wb,
        "По неделям",
        ["Неделя с", "Обращений", "Дней недели в периоде"],
        [[w, n, days] for w, n, days in b.by_week],
        [14, 12, 12],
        [DAY, INT, INT],
    )
    topics = b.topics + ([b.other_topics] if b.other_topics else [])
    _sheet(
        wb,
        "Темы",
        ["Тема", "Отрасль", "За период", "За предыдущий период", "Изменение"],
        _counts(topics, True),
        [48, 22, 12, 14, 12],
        [None, None, *change],
    )
    _sheet(
        wb,
        "Отрасли",
        ["Отрасль", "За период", "За предыдущий период", "Изменение"],
        _counts(b.by_sector, False),
        [28, 12, 14, 12],
        [None, *change],
    )
    _sheet(
        wb,
        "Статусы",
        ["Статус", "Обращений"],
        [list(x) for x in b.by_status],
        [30, 12],
        [None, INT],
    )
    sla_head = [
        "Организация",
        "Обращений",
        "С ответом",
        "Ответ вовремя",
        "Просрочено",
        "Соблюдение срока",
        "Медиана до первого ответа, мин",
    ]
    sla_lines = ([b.sla_total] if b.sla_total else []) + b.sla_by_agency
    _sheet(
        wb,
        "Сроки",
        sla_head,
        _sla(sla_lines),
        [48, 11, 11, 11, 11, 12, 16],
        [None, INT, INT, INT, INT, PCT, DEC],
    )
    _sheet(
        wb,
        "Просрочено",
        ["Номер", "Поступило", "Тема", "Статус", "Срок ответа", "Ведомство"],
        [[x.number, x.received_at, x.topic, x.status, x.due, x.agency] for x in b.overdue],
        [18, 17, 36, 24, 17, 40],
    )
    _sheet(
        wb,
        "Всплески",
        ["Тема", "Неделя с", "Обращений", "Обычно в неделю", "Рост, раз"],
        [[x.topic, x.week_start, x.count, x.baseline, x.ratio] for x in b.spikes],
        [44, 14, 12, 14, 10],
        [None, DAY, INT, DEC, DEC],
    )
    _sheet(
        wb,
        "Повторы",
        ["Общий признак", "Адрес или текст", "Обращений", "Открыто", "Первое", "Последнее"],
        [
            [x.kind, x.key, x.count, x.open_count, x.first_received_at, x.last_received_at]
            for x in b.clusters
        ],
        [18, 60, 12, 10, 17, 17],
        [None, None, INT, INT, MOMENT, MOMENT],
    )
    ex = _sheet(
        wb,
        "Примеры",
        ["Номер", "Поступило", "Канал", "Тема", "Статус", "Почему выбрано", "Текст"],
        [
            [x.number, x.received_at, x.channel, x.topic, x.status, x.why, x.text]
            for x in b.examples
        ],
        [18, 17, 18, 30, 20, 24, 90],
    )
    for row in ex.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    wb.properties.title = f"{TITLE}: {f.plain(b.municipality)}"
    wb.properties.creator = "cur-desktop"
    wb.save(str(out))
