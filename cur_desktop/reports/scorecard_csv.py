"""The training scorecard as CSV: one row per trainee, Russian headers, `;` and a BOM so that
a double click opens it in Excel or LibreOffice with the columns and Cyrillic right. Names and
comments are outside text: cells go through `spreadsheet.csv_cell`, so none becomes a formula."""

from __future__ import annotations

from cur_desktop.models.training import Scorecard, ScoreRow

from .spreadsheet import csv_bytes

#: (header, how to read the cell from a row) in the order of docs/training-scoring.md.
COLUMNS: list[tuple[str, object]] = [
    ("Слушатель", lambda r: r.full_name),
    ("Учётная запись", lambda r: r.username),
    ("Обработано обращений", lambda r: r.handled),
    ("Срок соблюдён", lambda r: f"{r.sla_met} из {r.sla_due}"),
    ("Медиана до первого ответа, мин", lambda r: _num(r.median_first_answer_minutes)),
    ("Маршрутизация верна", lambda r: f"{r.routing_correct} из {r.routing_checked}"),
    ("Вид ответа верен", lambda r: f"{r.reply_kind_correct} из {r.reply_kind_checked}"),
    ("Ключевые факты", lambda r: f"{r.facts_present} из {r.facts_expected}"),
    ("Запрещённые фразы", lambda r: r.forbidden_used),
    ("Ответов", lambda r: r.replies),
    ("Ответов с замечаниями проверки", lambda r: r.replies_failed_checks),
    ("Комментарий преподавателя", lambda r: r.comment or ""),
]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def score_cells(row: ScoreRow) -> list[str]:
    return [str(read(row)) for _, read in COLUMNS]  # type: ignore[operator]


def scorecard_csv(card: Scorecard) -> bytes:
    return csv_bytes([[h for h, _ in COLUMNS], *(score_cells(row) for row in card.rows)])
