"""Excel workbooks with openpyxl: frozen headers, filters, column widths, dates as dates, no formulas."""
from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd

from .exports import FORMULA_STARTS

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_WIDTH = 60  # characters: wider columns wrap in Excel rather than run off the screen


def workbook_bytes(sheets: dict[str, pd.DataFrame], *, title: str = "") -> bytes:
    """Write ``{sheet name: table}`` as an xlsx workbook and return its bytes.

    Each sheet: a bold, frozen header row, an autofilter, widths fitted to the text
    (at most :data:`MAX_WIDTH` characters). A cell is an Excel date only where it is
    an exact day (a date column whose precision is ``day``, or a plain ``YYYY-MM-DD``
    text); lists are joined with ``; ``; text that a spreadsheet would run as a
    formula is stored as text.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    for name, table in sheets.items():
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in table.columns]
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.itertuples(index=False):
            values = dict(zip(columns, row))
            sheet.append([_cell(column, value, values) for column, value in values.items()])
        for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"  # text, never a formula
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        if columns and len(table):
            sheet.auto_filter.ref = sheet.dimensions
        for index, column in enumerate(columns, start=1):
            longest = max([len(column)] + [len(str(v)) for v in table.iloc[:, index - 1].head(500)]) if len(table) \
                else len(column)
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(longest + 2, MAX_WIDTH)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(column: str, value, row: dict):
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, str) and _DAY.match(value):
        precision = row.get(f"{column}_precision", "day")
        if precision == "day":
            return date.fromisoformat(value)
        return f"on or before {value}" if precision == "on or before" else value
    if isinstance(value, str) and value.startswith("<="):
        return f"on or before {value[2:]}"
    return value
