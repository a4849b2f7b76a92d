"""Transitive reach: where a pathway of cooperation exists, k hops away.

Reach of *a* within *k* hops is every administration at graph distance
1 <= d <= k from *a* in the recognition graph. Distance 1 is coverage (legal
recognition). Distance 2 and more is **network reach, not recognition**: MRAs
are not transitive, so an AEO of *a* gets no benefit in an administration two
hops away; the intermediaries show through whom cooperation could run.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from ..network import MRANetwork

__all__ = ["REACH_CAVEAT", "reach", "reach_curve"]

REACH_CAVEAT = ("Reach beyond 1 hop is network reach, not legal recognition: "
                "MRAs are not transitive.")


def reach(net: MRANetwork, code: str, *, hops: int = 2) -> pd.DataFrame:
    """Administrations within ``hops`` hops of ``code``, with the intermediaries.

    Parameters
    ----------
    net : MRANetwork
    code : str
        Administration code, e.g. ``"SG"``.
    hops : int
        Largest distance to include (at least 1).

    Returns
    -------
    pandas.DataFrame
        Sorted by ``hops`` then code. Columns: ``administration``, ``name``,
        ``hops`` (graph distance), ``recognition`` (True only at 1 hop),
        ``shortest_paths`` (number of shortest paths), ``intermediaries``
        (list: every administration on some shortest path, endpoints excluded).

    Examples
    --------
    >>> net = load(as_of="2022-06-07", view="signed")
    >>> table = reach(net, "SG", hops=2)
    >>> sorted(table.loc[table["hops"] == 1, "administration"]) == sorted(coverage(net, "SG")["partner"])
    True
    """
    if hops < 1:
        raise ValueError(f"hops must be at least 1, not {hops}")
    code = net.check_code(code)
    graph = net.graph
    distance = nx.single_source_shortest_path_length(graph, code, cutoff=hops)
    predecessors = nx.predecessor(graph, code, cutoff=hops)
    paths = {code: 1}
    for node in sorted(distance, key=distance.get):
        if node != code:
            paths[node] = sum(paths[p] for p in predecessors[node])
    rows = []
    for node in sorted(distance, key=lambda n: (distance[n], n)):
        if node == code:
            continue
        rows.append({
            "administration": node,
            "name": net.name_of(node),
            "hops": distance[node],
            "recognition": distance[node] == 1,
            "shortest_paths": paths[node],
            "intermediaries": sorted(_on_shortest_paths(node, predecessors) - {code}),
        })
    columns = ["administration", "name", "hops", "recognition", "shortest_paths", "intermediaries"]
    within = f"{hops} hop{'s' if hops != 1 else ''}"
    return net.stamp(pd.DataFrame(rows, columns=columns),
                     f"Within {within} of {net.name_of(code)} ({REACH_CAVEAT.rstrip('.')})")


def _on_shortest_paths(target: str, predecessors: dict[str, list[str]]) -> set[str]:
    """Every node before ``target`` on a shortest path from the BFS source."""
    seen: set[str] = set()
    stack = list(predecessors[target])
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(predecessors[node])
    return seen


def reach_curve(net: MRANetwork, code: str, *, max_hops: int | None = None) -> pd.DataFrame:
    """How many administrations ``code`` reaches within k hops, for k = 1, 2, ...

    Parameters
    ----------
    net : MRANetwork
    code : str
    max_hops : int, optional
        Default: until nothing new is reached.

    Returns
    -------
    pandas.DataFrame
        Columns: ``hops``, ``new`` (at exactly that distance), ``reached``
        (within that distance), ``share`` (reached / other administrations with
        an AEO programme).

    Examples
    --------
    >>> curve = reach_curve(load(as_of="2025-03-01"), "SG")
    >>> bool(curve["reached"].is_monotonic_increasing)
    True
    """
    code = net.check_code(code)
    distance = nx.single_source_shortest_path_length(net.graph, code, cutoff=max_hops)
    others = len(set(net.programme_holders) - {code}) or 1
    deepest = max(distance.values())
    rows, reached = [], 0
    for k in range(1, (max_hops or deepest) + 1):
        new = sum(1 for d in distance.values() if d == k)
        reached += new
        rows.append({"hops": k, "new": new, "reached": reached, "share": round(reached / others, 4)})
    return net.stamp(pd.DataFrame(rows, columns=["hops", "new", "reached", "share"]),
                     f"Reach of {net.name_of(code)} by hops")
