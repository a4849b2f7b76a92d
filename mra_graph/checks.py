"""Warnings about data that is valid but probably not what its author meant.

Errors stop a file from loading (:mod:`mra_graph.data`); these do not, but
``mra-graph validate`` prints them, one line each, so nothing is accepted silently.
"""
from __future__ import annotations

from .data import Dataset


def data_warnings(dataset: Dataset, label: str = "mras.csv") -> list[str]:
    """Every warning for a validated dataset: empty file, one-party plurilateral, the same pair
    under two bilateral ids, a suspension or termination without an end date.

    Examples
    --------
    >>> data_warnings(read_dataset())
    []
    """
    table = dataset.mras
    if table.empty:
        return [f"{label}: no arrangements, only a header"]
    out = []
    for arrangement, rows in table[table["kind"] == "plurilateral"].groupby("arrangement"):
        if rows["party"].nunique() == 1:
            out.append(f"{label}: plurilateral arrangement '{arrangement}' has one party, so it links no one")
    pairs: dict[frozenset, list[str]] = {}
    for arrangement, rows in table[table["kind"] == "bilateral"].groupby("arrangement"):
        pairs.setdefault(frozenset(rows["party"]), []).append(arrangement)
    for pair, ids in sorted(pairs.items(), key=lambda item: sorted(item[1])):
        if len(ids) > 1:
            out.append(f"{label}: the pair {'-'.join(sorted(pair))} appears under {len(ids)} ids: "
                       f"{', '.join(sorted(ids))}")
    ended = table[table["status"].isin(["suspended", "terminated"]) & (table["ended"] == "")]
    for row in ended.itertuples(index=False):
        out.append(f"{label}: {row.arrangement} ({row.party}) is {row.status} with no 'ended' date, so it "
                   "counts as ended at every date")
    return out
