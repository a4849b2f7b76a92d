"""Dated targets (e.g. a joint action plan's milestones) set beside what happened.

A targets file (``targets.csv``) has one row per target::

    arrangement,by,implemented_members,target,source_url,source_title,source_date,notes

``by`` is the deadline (a day, month or year: a period counts to its end) and
``implemented_members`` the number of parties the target wants implementing the
arrangement by then. The bundled file holds the AAMRA Joint Action Plan of 2022.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._tables import check_source, read_table
from .data import bundled_file
from .dates import parse_date
from .errors import DataValidationError, InvalidDateError, Problem
from .network import MRANetwork

REQUIRED = ("arrangement", "by", "implemented_members", "target", "source_url", "source_title", "source_date")
OPTIONAL = ("notes",)


def read_targets(path: str | Path) -> pd.DataFrame:
    """Read and validate a targets file; every problem as ``FILE:LINE: column 'x': problem``."""
    path = Path(path)
    problems: list[Problem] = []
    rows = read_table(path, REQUIRED, OPTIONAL, problems)
    for line, row in rows:
        def problem(column, message):
            problems.append(Problem(str(path), line, column, message))

        for column in ("by", "source_date"):
            try:
                if parse_date(row[column]).upper_bound:
                    problem(column, "give a date, not a bound")
            except InvalidDateError as error:
                problem(column, str(error))
        if not row["implemented_members"].isdigit():
            problem("implemented_members", f"'{row['implemented_members']}' is not a whole number")
        check_source(row, problem, title_required=True)
    if problems:
        raise DataValidationError(problems)
    columns = list(REQUIRED + OPTIONAL)
    return pd.DataFrame([{c: row.get(c, "") for c in columns} for _, row in rows], columns=columns)


def targets_for(net: MRANetwork) -> pd.DataFrame:
    """The targets of the network's dataset: ``targets.csv`` beside its ``mras.csv`` (bundled: the bundled one)."""
    path = bundled_file("targets.csv") if net.source == "bundled" else Path(net.source).parent / "targets.csv"
    return read_targets(path) if path.is_file() else pd.DataFrame(columns=list(REQUIRED + OPTIONAL))


def targets_against_actuals(net: MRANetwork, arrangement: str) -> pd.DataFrame:
    """Each target of ``arrangement`` beside what the data shows at its deadline.

    Returns
    -------
    pandas.DataFrame
        Columns: ``by``, ``target``, ``wanted`` (parties implementing), ``actual`` (parties
        implementing at the deadline, or at the network's date if the deadline is later),
        ``met`` (True, False, or None while the deadline is ahead), ``implemented_by_then``
        (list), ``first_reached`` (when the data first shows the wanted number, or empty),
        ``source_url``.

    Examples
    --------
    >>> table = targets_against_actuals(load(as_of="2026-01-01"), "AAMRA")
    >>> table[["by", "wanted", "met"]].values.tolist()[0]
    ['2022-12-31', 3, False]
    """
    targets = targets_for(net)
    targets = targets[targets["arrangement"] == arrangement]
    implemented = _implementation_dates(net, arrangement)
    rows = []
    for row in targets.itertuples(index=False):
        deadline = parse_date(row.by).end
        ahead = deadline > net.as_of_date
        checked = min(deadline, net.as_of_date)
        members = sorted(p for p, when in implemented.items() if when <= checked)
        wanted = int(row.implemented_members)
        reached = sorted(implemented.values())
        first = reached[wanted - 1].isoformat() if len(reached) >= wanted else ""
        rows.append({"by": row.by, "target": row.target, "wanted": wanted, "actual": len(members),
                     "met": None if ahead and len(members) < wanted else len(members) >= wanted,
                     "implemented_by_then": members, "first_reached": first if first and
                     parse_date(first).start <= net.as_of_date else "", "source_url": row.source_url})
    columns = ["by", "target", "wanted", "actual", "met", "implemented_by_then", "first_reached", "source_url"]
    return net.stamp(pd.DataFrame(rows, columns=columns), f"Targets for {arrangement} against the data")


def describe_targets(table: pd.DataFrame) -> str:
    """One sentence per target, for captions: "3 implementing by 2022-12-31: 0 then (reached 2024-08-01)"."""
    parts = []
    for row in table.itertuples(index=False):
        outcome = "met" if row.met else ("not yet due" if row.met is None else "missed")
        reached = f", reached {row.first_reached}" if row.first_reached else ""
        parts.append(f"{row.wanted} implementing by {row.by}: {row.actual} then, {outcome}{reached}")
    return "; ".join(parts)


def _implementation_dates(net: MRANetwork, arrangement: str) -> dict:
    """Party -> the first day the data shows it implementing ``arrangement``."""
    active = net.view("implemented").active_parties
    rows = active[active["arrangement"] == arrangement]
    return {party: since.start for party, since in zip(rows["party"], rows["since"]) if since is not None}
