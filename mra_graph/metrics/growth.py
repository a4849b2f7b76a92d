"""How the network grew: one row per year since the first MRA."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pandas as pd

from ..dates import parse_date
from ..errors import MRAGraphError
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


def growth(net: MRANetwork, *, first_year: int | None = None, top: int = 3,
           networks: list[MRANetwork] | None = None) -> pd.DataFrame:
    """The network at the end of each year, from the first signature to the network's date.

    Each year is the network :meth:`~mra_graph.network.MRANetwork.as_of` 31 December
    of that year, in the network's view; the last row is the network's own date, so
    it agrees with :func:`~mra_graph.metrics.network_summary`.

    Parameters
    ----------
    net : MRANetwork
    first_year : int, optional
        Default: the year of the earliest signing date in the data.
    top : int
        How many hubs to name per year.
    networks : list of MRANetwork, optional
        :func:`year_ends` of ``net``, when the caller already has them (to draw them too).

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
    networks = year_ends(net, first_year=first_year) if networks is None else networks
    rows = [_year_row(at.as_of_date.year, at, top) for at in networks]
    columns = ["year", "as_of", "with_recognition", "signed", "in_force", "recognising_pairs", "density",
               "mean_partners", "largest_component_share", "hubs"]
    return net.stamp(pd.DataFrame(rows, columns=columns), "Growth of the network, each year-end")


def _year_row(year: int, net: MRANetwork, top: int) -> dict:
    graph = net.graph
    connected = [n for n, d in graph.degree() if d]
    holders = len(net.programme_holders)
    largest = max((len(c) for c in nx.connected_components(graph.subgraph(connected))), default=0)
    hubs = sorted(connected, key=lambda n: (-graph.degree(n), n))[:top]
    return {
        "year": year,
        "as_of": net.as_of_date.isoformat(),
        "with_recognition": len(connected),
        "signed": _arrangements_with_two_parties(net.view("signed")),
        "in_force": _arrangements_with_two_parties(net.view("implemented")),
        "recognising_pairs": graph.number_of_edges(),
        "density": round(2 * graph.number_of_edges() / (holders * (holders - 1)), 4) if holders > 1 else 0.0,
        "mean_partners": round(2 * graph.number_of_edges() / len(connected), 2) if connected else 0.0,
        "largest_component_share": round(largest / len(connected), 4) if connected else 0.0,
        "hubs": hubs,
    }


def _arrangements_with_two_parties(net: MRANetwork) -> int:
    counts = net.active_parties.groupby("arrangement")["party"].nunique()
    return int((counts >= 2).sum())
