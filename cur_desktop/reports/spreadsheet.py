"""The one place where the workstation writes a spreadsheet cell, XLSX or CSV.

Spreadsheets run what looks like a formula. Citizens' messages, trainees' chosen names and
trainers' comments are outside text, so no cell written here may become a formula:

- XLSX: text cells are written as string cells (`data_type` «s»), whatever the text starts
  with; numbers and dates stay numbers and dates with their number formats.
- CSV has no cell types, so a text cell that starts with «=», «+», «-», «@», a tab or a carriage
  return gets a leading apostrophe (the OWASP «CSV injection» advice); Excel and LibreOffice show
  the text after it. A cell that is just a number («-3», «12,5») cannot be a formula and is left
  alone. Separators and quotes inside a cell are quoted by the `csv` module.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime

from openpyxl.cell.cell import TYPE_STRING
from openpyxl.worksheet.worksheet import Worksheet

from . import format as f

#: What a spreadsheet may read as the start of a formula (or of a DDE call).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
MOMENT = "DD.MM.YYYY HH:MM"
DAY = "DD.MM.YYYY"


def put_cell(ws: Worksheet, row: int, col: int, value, fmt: str | None = None) -> None:
    """Writes one XLSX cell: text as a string cell, never a formula; datetimes as local time."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = f.printable(value)
        cell.data_type = TYPE_STRING
        return
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)  # local time already; Excel has no time zones
        fmt = fmt or MOMENT
    elif isinstance(value, date):
        fmt = fmt or DAY
    cell.value = value
    if fmt:
        cell.number_format = fmt


def csv_cell(value) -> str:
    """One CSV cell as text a spreadsheet shows and never runs."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Iterable], delimiter: str = ";") -> bytes:
    """Rows as CSV for Excel: UTF-8 with a BOM (else Excel misreads Cyrillic), CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
