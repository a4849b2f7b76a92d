"""Turn result DataFrames into text: an aligned table, CSV, JSON or Markdown.

Every format carries the same records and column names. List cells (``via``,
``sources``, ...) stay lists in JSON and are joined with ``"; "`` elsewhere.
In CSV, a cell that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``) gets a leading apostrophe unless ``raw`` is set; numbers
are left alone.
"""
from __future__ import annotations

import json

import pandas as pd

FORMATS = ("table", "csv", "json", "markdown")


def format_frame(frame: pd.DataFrame, fmt: str, *, raw: bool = False) -> str:
    """Render ``frame`` in one of :data:`FORMATS`; the text ends with a newline.

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
    flat = frame.apply(lambda column: column.map(_cell_text)) if len(frame) else frame.astype(str)
    if fmt == "csv":
        if not raw:
            from .export import defuse

            text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
            flat[text_columns] = flat[text_columns].apply(lambda column: column.map(defuse))
        return flat.to_csv(index=False, lineterminator="\n")
    if fmt == "markdown":
        return _markdown(flat)
    if fmt == "table":
        return _aligned(flat, numeric=[c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])])
    raise ValueError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")


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


def _aligned(frame: pd.DataFrame, numeric: list[str]) -> str:
    if frame.empty:
        return "(no rows)\n"
    columns = list(frame.columns)
    widths = {c: max(len(str(c)), *(len(v) for v in frame[c])) for c in columns}

    def line(values: dict) -> str:
        cells = [values[c].rjust(widths[c]) if c in numeric else values[c].ljust(widths[c]) for c in columns]
        return "  ".join(cells).rstrip()

    out = [line({c: str(c) for c in columns}), "  ".join("-" * widths[c] for c in columns)]
    out += [line(dict(zip(columns, row))) for row in frame.itertuples(index=False)]
    return "\n".join(out) + "\n"


def _markdown(frame: pd.DataFrame) -> str:
    def escape(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    columns = list(frame.columns)
    out = ["| " + " | ".join(map(escape, map(str, columns))) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(escape(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(out) + "\n"
