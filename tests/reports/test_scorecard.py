"""The scorecard writers on a constructed scorecard: every figure lands in the CSV and the PDF,
and a trainer's comment comes out as written."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from pypdf import PdfReader

from cur_desktop.models.training import Scorecard, ScoreRow, SessionOut
from cur_desktop.reports.scorecard_csv import scorecard_csv
from cur_desktop.reports.scorecard_pdf import scorecard_pdf

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)


def _row(user_id: int, name: str, **kw) -> ScoreRow:
    base = dict(
        user_id=user_id,
        username=f"trainee{user_id}",
        full_name=name,
        handled=7,
        sla_met=5,
        sla_due=6,
        median_first_answer_minutes=12.5,
        routing_correct=4,
        routing_checked=7,
        reply_kind_correct=6,
        reply_kind_checked=7,
        facts_present=9,
        facts_expected=14,
        forbidden_used=2,
        replies=8,
        replies_failed_checks=3,
        comment=None,
    )
    return ScoreRow(**{**base, **kw})


def _card(*rows: ScoreRow) -> Scorecard:
    session = SessionOut(
        id=3,
        title="Обычная смена",
        scenario_name="ordinary_shift",
        state="stopped",
        speed=2,
        trainer_id=6,
        minute=60,
        duration=60,
        released=25,
        total=25,
        trainees=[],
        created_at=NOW,
        started_at=NOW,
        stopped_at=NOW,
    )
    return Scorecard(session=session, rows=list(rows))


def test_csv_has_every_figure_in_russian_for_excel():
    card = _card(
        _row(1, "Иванова Мария", comment="Хорошо; но «спасибо» — не ответ"),
        _row(2, "Петров Пётр", median_first_answer_minutes=None, handled=0),
    )
    raw = scorecard_csv(card)
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Слушатель", "Учётная запись", "Обработано обращений"]
    assert table[1] == [
        "Иванова Мария",
        "trainee1",
        "7",
        "5 из 6",
        "12,5",
        "4 из 7",
        "6 из 7",
        "9 из 14",
        "2",
        "8",
        "3",
        "Хорошо; но «спасибо» — не ответ",
    ]
    assert table[2][2] == "0" and table[2][4] == ""


def test_pdf_reads_back_with_figures_and_comments_as_written():
    card = _card(
        _row(1, "Иванова Мария", comment="Проверьте <b>тон</b> & сроки"),
        _row(2, "Петров Пётр", sla_met=1, sla_due=4),
    )
    pdf = scorecard_pdf(card)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Итоги учебного занятия" in text and "Обычная смена" in text
    assert "Иванова Мария" in text and "Петров Пётр" in text
    assert "5 из 6" in text and "1 из 4" in text and "9 из 14" in text
    assert "Проверьте <b>тон</b> & сроки" in text
    assert "выпущено обращений 25 из 25" in text


def test_pdf_of_a_session_without_trainees():
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(scorecard_pdf(_card()))).pages)
    assert "Слушателей нет" in text


def test_pdf_keeps_emoji_in_comments_and_the_comments_heading_with_them(caplog):
    comment = "Отлично 👍 но тон 😡 — мягче 🙏; «Дом 🏠» 👨‍👩‍👧"
    rows = [_row(i, f"Слушатель {i}") for i in range(1, 40)]
    rows.append(_row(40, "Иванова Мария", comment=comment))
    with caplog.at_level("WARNING"):
        pdf = scorecard_pdf(_card(*rows))
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert [r.getMessage() for r in caplog.records] == []
    assert comment in " ".join("\n".join(pages).split())
    page = next(t for t in pages if "Комментарии преподавателя" in t)
    assert "Иванова Мария: Отлично" in " ".join(page.split())
