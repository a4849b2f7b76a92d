"""Official lists: what administrations publish about their own MRAs, set beside the data.

A lists file (``official_lists.csv``) has one row per published list or count::

    administration,date,date_kind,statement,count,partners,source_url,source_title,reconciliation,notes

``statement`` is ``signed`` (the list names arrangements signed or concluded) or
``in_operation`` (in force, implemented, in place). ``partners`` names the
partners (``;``-separated codes; a plurilateral arrangement by its id, e.g.
``AAMRA``), ``count`` the number the source states; either may be empty.
``reconciliation`` explains a known difference between the list and the data.

:func:`reconcile` compares each list with the network at the list's date, in
the view that matches its statement (``signed`` or ``implemented``).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .data import bundled_file, check_source, read_table, split_list
from .dates import parse_date
from .errors import DataValidationError, InvalidDateError, Problem
from .network import MRANetwork

REQUIRED = ("administration", "date", "date_kind", "statement", "count", "partners", "source_url", "source_title")
OPTIONAL = ("reconciliation", "notes")
STATEMENTS = {"signed": "signed", "in_operation": "implemented"}
DATE_KINDS = ("published", "read")
COLUMNS = ["administration", "date", "statement", "official_count", "our_count", "official_partners",
           "our_partners", "missing", "extra", "agrees", "reconciliation", "source_url"]


def read_official_lists(path: str | Path | None = None, *, known: set[str] | None = None) -> pd.DataFrame:
    """Read and validate an official-lists file (default: the bundled ``official_lists.csv``).

    Parameters
    ----------
    path : path, optional
    known : set of str, optional
        Administration codes and arrangement ids the ``administration`` and
        ``partners`` cells must be among.

    Returns
    -------
    pandas.DataFrame
        One row per list, every column as text (empty where absent).

    Raises
    ------
    DataValidationError
        Every problem, as ``FILE:LINE: column 'x': problem``.

    Examples
    --------
    >>> lists = read_official_lists()
    >>> set(lists["statement"]) <= {"signed", "in_operation"}
    True
    """
    bundled = path is None
    path = bundled_file("official_lists.csv") if bundled else Path(path)
    label = "data/official_lists.csv" if bundled else str(path)
    problems: list[Problem] = []
    rows = read_table(path, REQUIRED, OPTIONAL, problems)
    for line, row in rows:
        def problem(column, message):
            problems.append(Problem(label, line, column, message))

        _check_row(row, problem, known)
    if problems:
        raise DataValidationError(problems)
    columns = list(REQUIRED + OPTIONAL)
    return pd.DataFrame([{c: row.get(c, "") for c in columns} for _, row in rows], columns=columns)


def _check_row(row: dict, problem, known: set[str] | None) -> None:
    try:
        if parse_date(row["date"]).upper_bound:
            problem("date", f"'{row['date']}': give the list's date (YYYY-MM-DD, YYYY-MM or YYYY), not a bound")
    except InvalidDateError as error:
        problem("date", str(error))
    if row["date_kind"] not in DATE_KINDS:
        problem("date_kind", f"'{row['date_kind']}' is not one of: {', '.join(DATE_KINDS)}")
    if row["statement"] not in STATEMENTS:
        problem("statement", f"'{row['statement']}' is not one of: {', '.join(STATEMENTS)}")
    if row["count"] and not row["count"].isdigit():
        problem("count", f"'{row['count']}' is not a whole number")
    if not row["count"] and not row["partners"]:
        problem("partners", "give the partners the list names, its count, or both")
    if known is not None:
        for code in [row["administration"], *split_list(row["partners"])]:
            if code not in known:
                problem("partners" if code != row["administration"] else "administration",
                        f"'{code}' is not a known administration code or arrangement id")
    check_source(row, problem, title_required=True)


def list_date(text: str) -> date:
    """The day a list speaks for: its date, or the last day of its month or year.

    Examples
    --------
    >>> list_date("2024-08")
    datetime.date(2024, 8, 31)
    """
    return parse_date(text).end


def official_lists_for(net: MRANetwork) -> pd.DataFrame:
    """The official lists that go with a network's data: the bundled file for the
    bundled data, else ``official_lists.csv`` beside the user's ``mras.csv`` (empty if none)."""
    if net.source == "bundled":
        return read_official_lists()
    beside = Path(net.source).parent / "official_lists.csv"
    if beside.is_file():
        return read_official_lists(beside)
    return pd.DataFrame(columns=list(REQUIRED + OPTIONAL))


def arrangement_labels(net: MRANetwork, code: str, *, pilots: bool = True) -> set[str]:
    """What ``code``'s arrangements are called in official lists: the partner's code
    for a bilateral, the arrangement's id for a plurilateral. ``pilots=False`` leaves
    out arrangements that are only pilots at the date (lists count MRAs, not pilots).

    Examples
    --------
    >>> labels = arrangement_labels(load(as_of="2025-03-01"), "MY")
    >>> "AAMRA" in labels and "JP" in labels  # the AAMRA, and the bilateral MRA with Japan
    True
    """
    graph = net.graph
    labels = set()
    for partner in graph[code]:
        for link in graph.edges[code, partner]["arrangements"]:
            if pilots or link["status"] != "pilot":
                labels.add(partner if link["kind"] == "bilateral" else link["arrangement"])
    return labels


def reconcile(net: MRANetwork, lists: pd.DataFrame | None = None, *, code: str | None = None) -> pd.DataFrame:
    """Each official list beside the data at the list's date.

    Parameters
    ----------
    net : MRANetwork
        Any network of the dataset: each list is compared with ``net.as_of(list
        date)`` in the ``signed`` view (for ``signed`` lists) or ``implemented``
        view (for ``in_operation`` lists), whatever ``net``'s own date and view.
    lists : pandas.DataFrame, optional
        From :func:`read_official_lists`; default :func:`official_lists_for`.
    code : str, optional
        Only this administration's lists.

    Returns
    -------
    pandas.DataFrame
        One row per list. Columns: ``administration``, ``date``, ``statement``,
        ``official_count`` (the count the list states, or the number of partners
        it names), ``our_count`` (arrangements in the data at that date and view,
        a plurilateral counting once), ``official_partners``, ``our_partners``,
        ``missing`` (named by the list, not in the data), ``extra`` (in the data,
        not named by a list that names all its partners), ``agrees`` (bool: the
        counts are equal and the names match, or, for a list naming only some of
        its partners, all of those are in the data), ``reconciliation``, ``source_url``.
        Pilot arrangements are not counted.

    Examples
    --------
    >>> table = reconcile(load(), code="SG")
    >>> set(table["administration"])
    {'SG'}
    """
    lists = official_lists_for(net) if lists is None else lists
    if code is not None:
        lists = lists[lists["administration"] == net.check_code(code)]
    rows = []
    for row in lists.itertuples(index=False):
        view = net.as_of(list_date(row.date)).view(STATEMENTS[row.statement])
        ours = arrangement_labels(view, row.administration, pilots=False)
        named = set(split_list(row.partners))
        count = int(row.count) if row.count else len(named)
        partial = len(named) < count  # the list names some of its partners only
        agrees = count == len(ours) and (named <= ours if partial else named == ours)
        rows.append({
            "administration": row.administration, "date": row.date, "statement": row.statement,
            "official_count": count, "our_count": len(ours), "official_partners": sorted(named),
            "our_partners": sorted(ours), "missing": sorted(named - ours) if named else [],
            "extra": sorted(ours - named) if named and not partial else [], "agrees": agrees,
            "reconciliation": row.reconciliation, "source_url": row.source_url,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
