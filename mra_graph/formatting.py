"""Turn result DataFrames into text: an aligned table, CSV, JSON or Markdown.

Every format carries the same records and column names. List cells (``via``,
``sources``, ...) stay lists in JSON and are joined with ``"; "`` elsewhere.
In CSV, a cell that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``) gets a leading apostrophe unless ``raw`` is set; numbers
are left alone.
"""
from __future__ import annotations

import html
import json
import textwrap

import pandas as pd

TABLE_FORMATS = ("table", "csv", "json", "markdown")
#: A wrapped column is never made narrower than this.
MIN_WRAPPED_WIDTH = 12
#: Where a table does not fit, columns with cells longer than this are left out first.
LONG_TEXT = 40


def format_frame(frame: pd.DataFrame, fmt: str, *, raw: bool = False, width: int | None = None) -> str:
    """Render ``frame`` in one of :data:`TABLE_FORMATS`; the text ends with a newline.

    Parameters
    ----------
    frame : pandas.DataFrame
    fmt : {"table", "csv", "json", "markdown"}
    raw : bool
        CSV: keep cells a spreadsheet would run as formulas as they are.
    width : int, optional
        Table: wrap the widest text columns so that lines fit in ``width`` characters.

    Examples
    --------
    >>> import pandas as pd
    >>> print(format_frame(pd.DataFrame({"partner": ["JP"], "via": [["JP-SG"]]}), "json"), end="")
    [
      {
        "partner": "JP",
        "via": [
          "JP-SG"
        ]
      }
    ]
    """
    if fmt == "json":
        return json.dumps(records(frame), indent=2, ensure_ascii=False) + "\n"
    if fmt == "table":
        frame = _readable_dates(frame)
    flat = frame.apply(lambda column: column.map(_cell_text)) if len(frame) else frame.astype(str)
    if fmt == "csv":
        if not raw:
            from .exports import defuse

            text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
            flat[text_columns] = flat[text_columns].apply(lambda column: column.map(defuse))
        return flat.to_csv(index=False, lineterminator="\n")
    if fmt == "markdown":
        return _markdown(flat)
    if fmt == "table":
        numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
        for column in numeric:  # large figures (trade in USD) with thousands separators, for reading
            if len(frame) and frame[column].abs().max() >= 100_000:
                flat[column] = frame[column].map(lambda v: "" if v != v else f"{v:,.0f}")
        return _aligned(flat, numeric, width)
    raise ValueError(f"unknown format '{fmt}': choose one of {', '.join(TABLE_FORMATS)}")


def _readable_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """For reading: each date column with a ``<name>_precision`` sibling shows "on or before D" where
    the date is a bound, and the sibling is dropped (CSV, JSON and Markdown keep both)."""
    pairs = [c for c in frame.columns if f"{c}_precision" in frame.columns]
    if not pairs or frame.empty:
        return frame.drop(columns=[f"{c}_precision" for c in pairs])
    frame = frame.copy()
    for column in pairs:
        bound = frame[f"{column}_precision"] == "on or before"
        frame[column] = frame[column].where(~bound, "on or before " + frame[column].astype(str))
    return frame.drop(columns=[f"{c}_precision" for c in pairs])


def records(frame: pd.DataFrame) -> list[dict]:
    """The frame as JSON-ready records: numpy scalars become Python values, lists stay lists."""
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def _cell_text(value) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:  # NaN: not computable, shown empty (null in JSON)
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _aligned(frame: pd.DataFrame, numeric: list[str], width: int | None = None) -> str:
    if frame.empty:
        return "(no rows)\n"
    hidden = _hide_to_fit(frame, numeric, width) if width else []
    frame = frame.drop(columns=hidden)
    columns = list(frame.columns)
    widths = {c: max(len(str(c)), *(len(v) for v in frame[c])) for c in columns}
    if width:
        _narrow(widths, [c for c in columns if c not in numeric], width)

    def lines(values: dict) -> list[str]:
        wrapped = {c: textwrap.wrap(values[c], widths[c], break_on_hyphens=False) or [""] for c in columns}
        height = max(map(len, wrapped.values()))
        out = []
        for i in range(height):
            cells = [(wrapped[c][i] if i < len(wrapped[c]) else "") for c in columns]
            out.append("  ".join(cell.rjust(widths[c]) if c in numeric else cell.ljust(widths[c])
                                 for c, cell in zip(columns, cells)).rstrip())
        return out

    out = lines({c: str(c) for c in columns}) + ["  ".join("-" * widths[c] for c in columns)]
    for row in frame.itertuples(index=False):
        out += lines(dict(zip(columns, row)))
    if hidden:
        out += textwrap.wrap(f"(not shown to fit {width} columns: {', '.join(hidden)}; --wide or --format "
                             "csv/json show every column)", width)
    return "\n".join(out) + "\n"


def _hide_to_fit(frame: pd.DataFrame, numeric: list[str], width: int) -> list[str]:
    """Columns to leave out so that the rest fit ``width``: long free text first (cells over
    :data:`LONG_TEXT` characters), then from the right (columns come in order of importance),
    always keeping the first two."""
    longest = {c: max(len(c), int(frame[c].str.len().max())) for c in frame.columns}

    def total(columns, least=False) -> int:
        return sum(min(longest[c], max(MIN_WRAPPED_WIDTH, len(c))) if least and c not in numeric and
                   _wraps(frame[c]) else longest[c] for c in columns) + 2 * (len(columns) - 1)

    shown = list(frame.columns)
    if total(shown) <= width:
        return []
    hidden = [c for c in shown[2:] if c not in numeric and longest[c] > LONG_TEXT]
    shown = [c for c in shown if c not in hidden]
    while len(shown) > 2 and total(shown, least=True) > width:
        hidden.append(shown.pop())
    return hidden


def _wraps(column: pd.Series) -> bool:
    return bool(column.str.contains(" ").any())


def _narrow(widths: dict, wrappable: list[str], width: int) -> None:
    """Narrow the widest wrappable columns, one character at a time, until a line fits ``width``."""
    def total() -> int:
        return sum(widths.values()) + 2 * (len(widths) - 1)

    while total() > width:
        candidates = [c for c in wrappable if widths[c] > max(MIN_WRAPPED_WIDTH, len(c))]
        if not candidates:
            return
        widest = max(candidates, key=lambda c: widths[c])
        widths[widest] -= 1


def _markdown(frame: pd.DataFrame) -> str:
    def escape(text: str) -> str:  # no raw HTML from the data reaches a Markdown renderer
        return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")

    columns = list(frame.columns)
    out = ["| " + " | ".join(map(escape, map(str, columns))) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(escape(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(out) + "\n"


def format_report(report, fmt: str) -> str:
    """A :class:`~mra_graph.report.Report` as text (``table``), Markdown or JSON."""
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    return report.to_text(fmt)


class Sections(tuple):
    """A result in parts: ``(title, DataFrame)`` pairs written one after the other.

    Table and Markdown show every part under its title; JSON an object of records per
    title; CSV the first part only (one table per file).
    """

    def __new__(cls, parts, caption: str = ""):
        result = super().__new__(cls, parts)
        result.title = caption
        return result

    def caption(self) -> str:
        """The result's caption: the one given, else the parts' captions."""
        return self.title or "; ".join(frame.attrs.get("caption", title) for title, frame in self)


def format_sections(sections: Sections, fmt: str, *, raw: bool = False, width: int | None = None) -> str:
    """Write :class:`Sections` in one of :data:`TABLE_FORMATS` (CSV: the first part)."""
    if fmt == "json":
        return json.dumps({title: records(frame) for title, frame in sections}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return format_frame(sections[0][1], "csv", raw=raw)
    heading = (lambda t: f"## {t}\n\n") if fmt == "markdown" else (lambda t: f"{t}\n{'-' * len(t)}\n\n")
    return "\n".join(heading(title) + format_frame(frame, fmt, width=width) for title, frame in sections)


class Document:
    """A finished file to write as it is (an HTML page, an xlsx workbook), with its caption."""

    def __init__(self, content: str | bytes, caption: str = ""):
        self.content, self.caption = content, caption
