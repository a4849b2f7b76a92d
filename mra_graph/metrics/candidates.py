"""Candidates: which MRA an administration could negotiate next, and what each would bring."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from ..network import MRANetwork
from ..weights import weight_lookup, weights_unit
from ._ranking import competition_ranks

__all__ = ["candidates"]


def candidates(net: MRANetwork, code: str, *, weights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Administrations ``code`` has no MRA with (signed or in force), ranked by what one would bring.

    For a candidate *c* of administration *a*, at the network's date and view:

    - ``shared_partners``: partners of *a* that already recognise *c*: the triangles an
      *a*–*c* MRA would close (common neighbours);
    - ``aeo_programme``: whether *c* runs an AEO programme (an MRA needs one);
    - ``new_reach``: administrations *a* would newly reach within two hops (network reach,
      not recognition) once *a* and *c* recognise each other;
    - ``weight``: *a*'s weight toward *c* in ``weights`` (e.g. trade), where given;
    - ``status``: ``negotiating`` where the data records talks, else empty.

    Ranked by shared partners, then programme, new reach, weight, and code; equal
    values share a rank.

    Examples
    --------
    >>> table = candidates(load(as_of="2025-03-01"), "SG")
    >>> "JP" in set(table["candidate"]) or "MY" in set(table["candidate"])  # existing partners never appear
    False
    """
    code = net.check_code(code)
    graph = net.graph
    signed = net.view("signed").graph if net.view_name == "implemented" else graph
    talks = _negotiating(net, code)
    holders = set(net.programme_holders)
    weight = weight_lookup(weights)
    before = set(nx.single_source_shortest_path_length(graph, code, cutoff=2)) - {code}
    partners = set(graph[code])
    rows = []
    for other in sorted(graph.nodes):
        if other == code or signed.has_edge(code, other):
            continue
        shared = sorted(partners & set(graph[other]))
        after = partners | {other} | set(graph[other])
        row = {"candidate": other, "name": net.name_of(other), "shared_partners": len(shared),
               "shared": shared, "aeo_programme": other in holders, "new_reach": len(after - before - {code}),
               "status": "negotiating" if other in talks else ""}
        if weight is not None:
            row["weight"] = weight(code, other)
        rows.append(row)
    keys = ["shared_partners", "aeo_programme", "new_reach"] + (["weight"] if weight is not None else [])
    columns = ["rank", "candidate", "name", *keys[:1], "shared", *keys[1:], "status"]
    table = pd.DataFrame(rows, columns=[c for c in columns if c != "rank"])
    table = table.sort_values(keys + ["candidate"], ascending=[False] * len(keys) + [True]).reset_index(drop=True)
    table.insert(0, "rank", competition_ranks(table, keys))
    unit = f"; weight in {weights_unit(weights)}" if weight is not None else ""
    return net.stamp(table, f"Candidates for {net.name_of(code)}'s next MRA: shared_partners = triangles closed, "
                            f"new_reach = administrations newly within 2 hops (reach, not recognition){unit}")


def _negotiating(net: MRANetwork, code: str) -> set[str]:
    table = net.mras
    mine = set(table.loc[(table["party"] == code) & (table["status"] == "negotiating"), "arrangement"])
    rows = table[table["arrangement"].isin(mine) & (table["party"] != code)]
    return set(rows["party"])
