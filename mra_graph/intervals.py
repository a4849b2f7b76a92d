"""When each party, and each pair, counts as active: the network's rule worked out once for all dates.

:class:`~mra_graph.network.MRANetwork` answers for one date. For figures over many dates
(growth year by year) the same rule is applied once per row: a party counts from its
start (its own date, else "on or before" its source's date) until its ``ended`` date,
in the statuses its view admits. Tests check that both give the same answers.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations

import pandas as pd

from .dates import parse_date
from .network import MRANetwork, _start
from .views import STATUSES_IN_VIEW

NEVER = date.max


def party_intervals(net: MRANetwork, view: str | None = None) -> pd.DataFrame:
    """Each party row that can be active in ``view`` (default: the network's), with ``start`` and ``end``.

    A row is active at *t* when ``start <= t < end``. A row with no date to compare
    starts today (the present-day rule of the network).

    Returns
    -------
    pandas.DataFrame
        Columns ``arrangement``, ``kind``, ``party``, ``start``, ``end`` (datetime.date).
    """
    view = view or net.view_name
    statuses = STATUSES_IN_VIEW[view]
    rows = []
    for row in net.mras.itertuples(index=False):
        if row.status not in statuses:
            continue
        end = NEVER
        if row.status in ("suspended", "terminated"):
            if not row.ended:
                continue
            end = parse_date(row.ended).start
        compared = row.effective if view == "implemented" else (row.signed or row.effective)
        started = _start(compared, row.source_date)
        rows.append((row.arrangement, row.kind, row.party, started.start if started else date.today(), end))
    return pd.DataFrame(rows, columns=["arrangement", "kind", "party", "start", "end"])


def pair_intervals(parties: pd.DataFrame) -> pd.DataFrame:
    """Every pair of parties of each arrangement, active from the later start to the earlier end.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (a < b), ``arrangement``, ``start``, ``end``; pairs that are never
        active together are left out.
    """
    columns = ["a", "b", "arrangement", "start", "end"]
    sizes = parties.groupby("arrangement")["party"].transform("size")
    two = parties[sizes == 2].sort_values(["arrangement", "party"], kind="stable")
    first, second = two.iloc[0::2].reset_index(drop=True), two.iloc[1::2].reset_index(drop=True)
    pairs = pd.DataFrame({"a": first["party"], "b": second["party"], "arrangement": first["arrangement"],
                          "start": [max(x, y) for x, y in zip(first["start"], second["start"])],
                          "end": [min(x, y) for x, y in zip(first["end"], second["end"])]}, columns=columns)
    rows = []
    for arrangement, group in parties[sizes > 2].groupby("arrangement", sort=False):
        for one, other in combinations(list(group.itertuples(index=False)), 2):
            a, b = sorted((one.party, other.party))
            rows.append((a, b, arrangement, max(one.start, other.start), min(one.end, other.end)))
    pairs = pd.concat([pairs, pd.DataFrame(rows, columns=columns)], ignore_index=True)
    return pairs[pairs["start"] < pairs["end"]].reset_index(drop=True)
