"""The analytics tables: one small read-only model for every table of the window, holding the
server's raw figures (so a test or the XLSX export reads numbers, not display text) and
formatting them only for display; and the XLSX writer of those tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from . import formats
from .i18n import tr
from .plain_text import shown, tooltip

#: How a column's raw value is shown: text, a count, a count with its change against the
#: previous period ((count, previous) pairs), a share 0..1, minutes, a date, a ratio.
KINDS = ("text", "int", "delta", "share", "minutes", "day", "ratio", "float")
_NUMERIC = {"int", "delta", "share", "minutes", "ratio", "float"}


@dataclass(frozen=True)
class Column:
    caption: str
    kind: str = "text"
    short: str | None = None  # shown in the header (the full caption as its tooltip and in XLSX)


def header_lines(caption: str) -> str:
    """A long caption on two lines, broken at the space nearest its middle: a figure's column
    stays about as narrow as its figures, and the names beside it keep room (no «…»)."""
    if len(caption) <= 12 or " " not in caption:
        return caption
    spaces = [i for i, ch in enumerate(caption) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(caption) / 2))
    return caption[:cut] + "\n" + caption[cut + 1 :]


def show(kind: str, value: Any) -> str:
    if value is None:
        return "—"
    if kind == "int":
        return formats.number(value)
    if kind == "delta":
        count, previous = value
        if count == previous:
            return formats.number(count)
        return f"{formats.number(count)} ({formats.signed(count - previous)})"
    if kind == "share":
        return formats.percent(value)
    if kind == "minutes":
        return formats.minutes(value)
    if kind == "day":
        return formats.day(value)
    if kind == "ratio":
        return "×" + formats.decimal(value, 1)
    if kind == "float":
        return formats.decimal(value, 1)
    return str(value)


class FigureTable(QAbstractTableModel):
    """Rows of raw values under typed columns; `key(row)` is what a row stands for (an
    incident, a cluster), for views that act on the selected row."""

    def __init__(self, title: str, columns: list[Column], parent=None):
        super().__init__(parent)
        self.title = title
        self.columns = columns
        self.rows: list[list[Any]] = []
        self.keys: list[Any] = []

    def set_rows(self, rows: list[list[Any]], keys: list[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.keys = keys if keys is not None else [None] * len(rows)
        self.endResetModel()

    def set_columns(self, columns: list[Column], rows: list[list[Any]]) -> None:
        self.beginResetModel()
        self.columns, self.rows, self.keys = columns, rows, [None] * len(rows)
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def value(self, row: int, column: int) -> Any:
        return self.rows[row][column]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = show(col.kind, value)
            return text if col.kind != "text" else shown(" ".join(text.split())[:300])
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "text" and value:
            return tooltip(str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_lines(col.short or col.caption)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.caption
        return None

    def sheet(self) -> tuple[str, list[str], list[list[Any]]]:
        """The table for a spreadsheet: numbers stay numbers; a count with its change becomes
        two columns (the count, and the change against the previous period)."""
        headers: list[str] = []
        for col in self.columns:
            headers.append(col.caption)
            if col.kind == "delta":
                headers.append(f"{col.caption}: {tr('изменение')}")
        rows = []
        for raw in self.rows:
            out: list[Any] = []
            for col, value in zip(self.columns, raw, strict=True):
                if col.kind == "delta":
                    out += [value[0], value[0] - value[1]] if value else [None, None]
                elif col.kind == "share" and value is not None:
                    out.append(round(value, 4))
                elif col.kind in ("minutes", "ratio", "float") and value is not None:
                    out.append(round(value, 1))
                else:
                    out.append(value)
            rows.append(out)
        return self.title, headers, rows


def write_xlsx(path: Path | str, sheets: list[tuple[str, list[str], list[list[Any]]]]) -> None:
    """One worksheet per table, bold header, frozen first row; every cell through `put_cell`,
    so a citizen's text in a cluster key stays text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cur_desktop.reports.spreadsheet import put_cell

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for title, headers, rows in sheets:
        name = _sheet_name(title, used)
        ws = wb.create_sheet(name)
        for c, header in enumerate(headers, start=1):
            put_cell(ws, 1, c, header)
            ws.cell(1, c).font = Font(bold=True)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    put_cell(ws, r, c, value)
        ws.freeze_panes = "A2"
        for i, header in enumerate(headers, start=1):
            width = max([len(str(header)), *(len(str(r[i - 1] or "")) for r in rows[:200])])
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(8, width + 2))
    wb.save(path)


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)[:31] or "Лист"
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name
