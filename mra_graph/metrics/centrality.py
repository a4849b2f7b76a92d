"""Centrality: who holds the network together (brokers) and who is near everyone."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from ..network import MRANetwork

__all__ = ["centrality", "closeness"]


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
    table = table.sort_values(["degree", "administration"], ascending=[False, True]).reset_index(drop=True)
    return net.stamp(table, "Centrality")


def closeness(net: MRANetwork) -> pd.DataFrame:
    """Closeness centrality of every administration within its connected group.

    closeness(a) = (n_a - 1) / sum of distances from a to the n_a - 1 others it
    can reach, scaled by (n_a - 1) / (N - 1) where N is every administration
    (networkx's Wasserman-Faust form, so that small groups do not look central).
    1 means one hop from everyone; 0 means no partner.

    Returns
    -------
    pandas.DataFrame
        Columns: ``administration``, ``name``, ``closeness`` (0 to 1, 4 decimals),
        ``reachable`` (administrations it has a path to). Sorted by closeness
        descending, then code.

    Examples
    --------
    >>> table = closeness(load(as_of="2024-12-31")).set_index("administration")
    >>> float(table.loc["KH", "closeness"])  # no partner in force at that date
    0.0
    """
    graph = net.graph
    scores = nx.closeness_centrality(graph, wf_improved=True)
    rows = [{
        "administration": node,
        "name": net.name_of(node),
        "closeness": round(scores[node], 4),
        "reachable": len(nx.node_connected_component(graph, node)) - 1,
    } for node in graph]
    table = pd.DataFrame(rows, columns=["administration", "name", "closeness", "reachable"])
    table = table.sort_values(["closeness", "administration"], ascending=[False, True]).reset_index(drop=True)
    return net.stamp(table, "Closeness centrality")
