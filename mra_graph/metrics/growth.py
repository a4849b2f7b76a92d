"""How the network grew: one row per year since the first MRA."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ..dates import parse_date
from ..errors import MRAGraphError
from ..intervals import pair_intervals, party_intervals
from ..network import MRANetwork

__all__ = ["growth", "year_ends"]
#: A year-by-year table longer than this is a typo in a date, not a question (AEO MRAs began in 2007).
MAX_YEARS = 100


def year_ends(net: MRANetwork, *, first_year: int | None = None) -> list[MRANetwork]:
    """The network on 31 December of each year from the first signature, then on its own date.

    Parameters
    ----------
    net : MRANetwork
    first_year : int, optional
        Default: the year of the earliest signing date in the data.

    Examples
    --------
    >>> [n.as_of_date.isoformat() for n in year_ends(load(as_of="2008-06-30"))]
    ['2007-12-31', '2008-06-30']
    """
    if first_year is None:
        signed = [parse_date(text).start.year for text in net.mras["signed"] if text]
        first_year = min(signed, default=net.as_of_date.year)
    years = net.as_of_date.year - first_year + 1
    if years > MAX_YEARS:
        raise MRAGraphError(f"growth from {first_year} to {net.as_of_date.year} is {years} years (at most "
                            f"{MAX_YEARS}): check --as-of and the data's earliest date")
    return [net if year == net.as_of_date.year else net.as_of(date(year, 12, 31))
            for year in range(first_year, net.as_of_date.year + 1)]


def growth(net: MRANetwork, *, first_year: int | None = None, top: int = 3) -> pd.DataFrame:
    """The network at the end of each year, from the first signature to the network's date.

    Each year is the network :meth:`~mra_graph.network.MRANetwork.as_of` 31 December
    of that year, in the network's view; the last row is the network's own date, so
    it agrees with :func:`~mra_graph.metrics.network_summary`. Computed in one pass
    over the data's dates (:mod:`mra_graph.intervals`), not one network per year.

    Parameters
    ----------
    net : MRANetwork
    first_year : int, optional
        Default: the year of the earliest signing date in the data.
    top : int
        How many hubs to name per year.

    Returns
    -------
    pandas.DataFrame
        One row per year. Columns: ``year``, ``as_of``, ``with_recognition``
        (administrations with at least one partner), ``signed`` (arrangements
        with at least two parties signed by then), ``in_force`` (arrangements with
        at least two parties in force), ``recognising_pairs`` (edges in the
        network's view), ``density`` (pairs / possible pairs among administrations
        with an AEO programme), ``mean_partners`` (among those with any),
        ``largest_component_share`` (share of those with any partner that are in
        the largest connected group), ``hubs`` (list: the ``top`` administrations
        by partner count, ties by code).

    Examples
    --------
    >>> table = growth(load(as_of="2010-12-31", view="signed"))
    >>> table[["year", "signed"]].values.tolist()[0]
    [2007, 1]
    """
    days = [at.as_of_date.toordinal() for at in year_ends(net, first_year=first_year)]
    codes = sorted(net.graph.nodes)  # index order = code order, so ties in hubs go by code
    index = {code: i for i, code in enumerate(codes)}
    view = _ordinals(pair_intervals(party_intervals(net)), index)
    counted = {v: _ordinals(pair_intervals(party_intervals(net, v)), index) for v in ("signed", "implemented")}
    holders = len(net.programme_holders)
    rows = []
    for day in days:
        live = {v: (t["start"] <= day) & (t["end"] > day) for v, t in counted.items()}
        counts = {v: len(np.unique(counted[v]["arrangement"][m])) for v, m in live.items()}
        rows.append(_year_row(date.fromordinal(day), view, (view["start"] <= day) & (view["end"] > day), codes,
                              holders, top, counts))
    columns = ["year", "as_of", "with_recognition", "signed", "in_force", "recognising_pairs", "density",
               "mean_partners", "largest_component_share", "hubs"]
    return net.stamp(pd.DataFrame(rows, columns=columns), "Growth of the network, each year-end")


def _ordinals(pairs: pd.DataFrame, index: dict) -> dict:
    """Pair intervals as numpy arrays: party indices, arrangement ids, start and end as day ordinals."""
    return {"a": pairs["a"].map(index).to_numpy(dtype=np.int64), "b": pairs["b"].map(index).to_numpy(dtype=np.int64),
            "arrangement": pairs["arrangement"].to_numpy(),
            "start": np.array([d.toordinal() for d in pairs["start"]], dtype=np.int64),
            "end": np.array([d.toordinal() for d in pairs["end"]], dtype=np.int64)}


def _year_row(day, pairs: dict, live, codes: list[str], holders: int, top: int, counts: dict) -> dict:
    size = len(codes)
    keys = np.unique(pairs["a"][live] * size + pairs["b"][live])
    a, b = keys // size, keys % size
    degree = np.bincount(a, minlength=size) + np.bincount(b, minlength=size)
    connected = np.flatnonzero(degree)
    edges = len(keys)
    order = np.lexsort((np.arange(size), -degree))[:top]
    return {
        "year": day.year,
        "as_of": day.isoformat(),
        "with_recognition": len(connected),
        "signed": counts["signed"],
        "in_force": counts["implemented"],
        "recognising_pairs": edges,
        "density": round(2 * edges / (holders * (holders - 1)), 4) if holders > 1 else 0.0,
        "mean_partners": round(2 * edges / len(connected), 2) if len(connected) else 0.0,
        "largest_component_share": round(_largest_component(a, b, size) / len(connected), 4) if len(connected)
        else 0.0,
        "hubs": [codes[i] for i in order if degree[i] > 0],
    }


def _largest_component(a, b, size: int) -> int:
    """Size of the largest connected group of the graph with edges (a, b): labels spread to the minimum."""
    if not len(a):
        return 0
    label = np.arange(size)
    while True:
        low = np.minimum(label[a], label[b])
        before = label.copy()
        np.minimum.at(label, a, low)
        np.minimum.at(label, b, low)
        label = label[label]  # jump to the label's own label: halves the remaining distance
        if np.array_equal(label, before):
            break
    nodes = np.union1d(a, b)
    return int(np.bincount(label[nodes]).max())
