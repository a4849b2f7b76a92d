"""How the network grew: one row per year since the first MRA, and who the brokers are."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pandas as pd

from ..dates import parse_date
from ..network import MRANetwork


def growth(net: MRANetwork, *, first_year: int | None = None, top: int = 3) -> pd.DataFrame:
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
    if first_year is None:
        signed = [parse_date(text).start.year for text in net.mras["signed"] if text]
        first_year = min(signed, default=net.as_of_date.year)
    rows = []
    for year in range(first_year, net.as_of_date.year + 1):
        at = net if year == net.as_of_date.year else net.as_of(date(year, 12, 31))
        rows.append(_year_row(year, at, top))
    columns = ["year", "as_of", "with_recognition", "signed", "in_force", "recognising_pairs", "density",
               "mean_partners", "largest_component_share", "hubs"]
    return pd.DataFrame(rows, columns=columns)


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


def centrality(net: MRANetwork) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality of every administration.

    Betweenness marks *brokers*: administrations on many shortest paths between
    others (normalised, 0 to 1). Eigenvector centrality is high for
    administrations recognised by well-recognised administrations (computed on
    the whole graph: administrations outside the largest connected group score 0
    or close to it).

    Returns
    -------
    pandas.DataFrame
        Columns: ``administration``, ``name``, ``degree`` (partner count),
        ``betweenness``, ``eigenvector``, ``component`` (1 for the largest
        connected group, 2 for the next...; 0 for administrations with no partner).
        Sorted by degree descending, then code.

    Examples
    --------
    >>> table = centrality(load(as_of="2024-12-31")).set_index("administration")
    >>> int(table.loc["KH", "component"])  # no partner in force at that date
    0
    """
    graph = net.graph
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    eigenvector = (nx.eigenvector_centrality(graph, max_iter=10_000, tol=1e-10)
                   if graph.number_of_edges() else dict.fromkeys(graph, 0.0))
    groups = sorted((c for c in nx.connected_components(graph) if len(c) > 1), key=lambda c: (-len(c), min(c)))
    component = {node: number for number, group in enumerate(groups, start=1) for node in group}
    rows = [{
        "administration": node,
        "name": net.name_of(node),
        "degree": graph.degree(node),
        "betweenness": round(betweenness[node], 4),
        "eigenvector": round(eigenvector[node], 4),
        "component": component.get(node, 0),
    } for node in graph]
    table = pd.DataFrame(rows, columns=["administration", "name", "degree", "betweenness", "eigenvector", "component"])
    return table.sort_values(["degree", "administration"], ascending=[False, True]).reset_index(drop=True)
