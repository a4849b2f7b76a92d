"""Weights: figures such as trade flows that weight coverage and leverage.

A weights file is a CSV with one row per reporter, partner and year::

    reporter,partner,value,year,source_url[,unit,source_title,notes]

``value`` is a non-negative number (e.g. the reporter's total merchandise trade
with the partner, in US dollars). Codes are administration codes or bloc names.
Files are validated like the other data files: every problem is reported as
``FILE:LINE: column 'x': problem``. Weights are loaded only when asked for.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from .data import check_source, read_table, bundled_file
from .errors import DataValidationError, MRAGraphError, Problem

REQUIRED = ("reporter", "partner", "value", "year", "source_url")
#: Larger than any trade figure in US dollars (world trade is about 3e13); beyond it a value is a typo.
MAX_WEIGHT = 1e15
_NUMBER = re.compile(r"^\d+(\.\d+)?([eE][+-]?\d+)?$")
OPTIONAL = ("unit", "source_title", "notes")


def read_weights(path: str | Path | None = None, *, known: set[str] | None = None) -> pd.DataFrame:
    """Read and validate a weights file (default: the bundled ``weights.csv``).

    Parameters
    ----------
    path : path, optional
    known : set of str, optional
        Codes and bloc names the reporter and partner must be among.

    Returns
    -------
    pandas.DataFrame
        Columns ``reporter``, ``partner``, ``value`` (float), ``year`` (int),
        ``source_url``, ``source_title``, ``notes``.

    Raises
    ------
    DataValidationError

    Examples
    --------
    >>> table = read_weights()
    >>> sorted(set(table.columns) & {"reporter", "partner", "value"})
    ['partner', 'reporter', 'value']
    """
    bundled = path is None
    path = bundled_file("weights.csv") if bundled else Path(path)
    label = "data/weights.csv" if bundled else str(path)
    problems: list[Problem] = []
    rows = read_table(path, REQUIRED, OPTIONAL, problems)
    seen: dict[tuple, int] = {}
    for line, row in rows:
        def problem(column, message):
            problems.append(Problem(label, line, column, message))

        for column in ("reporter", "partner"):
            if not row[column]:
                problem(column, "is empty")
            elif known is not None and row[column] not in known:
                problem(column, f"'{row[column]}' is not a known code or bloc")
        if not _NUMBER.match(row["value"]):
            problem("value", f"'{row['value']}' is not a non-negative number (digits, one '.', no separators)")
        elif not math.isfinite(float(row["value"])) or float(row["value"]) > MAX_WEIGHT:
            problem("value", f"'{row['value']}' is too large to be a weight (at most {MAX_WEIGHT:.0e})")
        if not (row["year"].isdigit() and len(row["year"]) == 4):
            problem("year", f"'{row['year']}' is not a year (YYYY)")
        key = (row["reporter"], row["partner"], row["year"])
        if key in seen:
            problem("partner", f"{key[0]}-{key[1]} {key[2]} is listed twice (first on line {seen[key]})")
        seen.setdefault(key, line)
        check_source(row, problem, title_required=False)
    if problems:
        raise DataValidationError(problems)
    columns = list(REQUIRED + OPTIONAL)
    table = pd.DataFrame([{c: row.get(c, "") for c in columns} for _, row in rows], columns=columns)
    return table.astype({"value": float, "year": int})


def weights_unit(weights: pd.DataFrame) -> str:
    """The unit of a weights table's values ("USD"), or "the file's units" when it names none or several.

    Examples
    --------
    >>> weights_unit(read_weights())
    'USD'
    """
    units = set(weights["unit"]) - {""}
    return units.pop() if len(units) == 1 else "the file's units"


def weights_for(net, path: str | None) -> pd.DataFrame | None:
    """The weights a user asked for: None (none), "bundled" (the dataset's own), or a file.

    Codes are checked against the network's administrations and blocs.

    Raises
    ------
    MRAGraphError
        "bundled" with a dataset that names no weights file.
    """
    if path is None:
        return None
    known = set(net.administrations["code"]) | set(net.blocs)
    if path == "bundled":
        if net.defaults.weights is None:
            raise MRAGraphError("this dataset names no weights file (datapackage.json, key mra_graph.weights): "
                                "give --weights FILE")
        return read_weights(net.defaults.weights, known=known)
    return read_weights(path, known=known)


def weight_lookup(weights: pd.DataFrame | None):
    """A function ``(reporter, partner) -> value``, from the latest year of each pair; None -> None.

    Where a reporter has no row for a partner, the partner's own row for the
    reporter is used (mirror data); missing pairs weigh 0.
    """
    if weights is None:
        return None
    latest = weights.sort_values("year").drop_duplicates(["reporter", "partner"], keep="last")
    values = {(r, p): v for r, p, v in zip(latest["reporter"], latest["partner"], latest["value"])}
    return lambda reporter, partner: values.get((reporter, partner), values.get((partner, reporter), 0.0))
