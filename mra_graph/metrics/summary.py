"""Network-wide figures for the report."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from ..network import MRANetwork

__all__ = ["network_summary"]


def network_summary(net: MRANetwork) -> pd.DataFrame:
    """One row of network-wide figures at the network's date and view.

    Returns
    -------
    pandas.DataFrame
        One row. Columns:

        - ``as_of``, ``view``: the date and view;
        - ``administrations``: administrations in the data;
        - ``with_recognition``: administrations with at least one partner;
        - ``arrangements``: arrangements with at least two active parties;
        - ``bilateral``, ``plurilateral``: the same, by kind;
        - ``recognising_pairs``: edges of the recognition graph;
        - ``density``: recognising pairs / possible pairs among administrations
          with an AEO programme;
        - ``mean_partners``: mean partner count among those with at least one;
        - ``components``: connected groups among those with at least one partner;
        - ``largest_component``: administrations in the largest of them;
        - ``undated``: active rows counted only because the view is present-day.

    Examples
    --------
    >>> row = network_summary(load(as_of="2024-08-19")).iloc[0]
    >>> row["as_of"], row["view"], bool(row["recognising_pairs"] > 0)
    ('2024-08-19', 'implemented', True)
    """
    graph = net.graph
    connected = graph.subgraph([n for n, d in graph.degree() if d])
    active = net.active_parties
    counts = active.groupby("arrangement").agg(kind=("kind", "first"), parties=("party", "nunique"))
    counts = counts[counts["parties"] >= 2]
    holders = len(net.programme_holders)
    possible = holders * (holders - 1) / 2
    components = list(nx.connected_components(connected))
    row = {
        "as_of": net.as_of_date.isoformat(),
        "view": net.view_name,
        "administrations": graph.number_of_nodes(),
        "with_recognition": connected.number_of_nodes(),
        "arrangements": len(counts),
        "bilateral": int((counts["kind"] == "bilateral").sum()),
        "plurilateral": int((counts["kind"] == "plurilateral").sum()),
        "recognising_pairs": graph.number_of_edges(),
        "density": round(graph.number_of_edges() / possible, 4) if possible else 0.0,
        "mean_partners": round(2 * connected.number_of_edges() / connected.number_of_nodes(), 2)
        if connected.number_of_nodes() else 0.0,
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "undated": int(active["since"].isna().sum()),
    }
    return net.stamp(pd.DataFrame([row]), "The network")
