"""Kernels the benchmarks measure: fast whole-network counts no command uses (yet).

They live here, not in the library, until a command needs them; ``tests/test_kernels.py``
checks them against the library's own functions.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from mra_graph.network import MRANetwork


def reach_counts(net: MRANetwork, *, hops: int = 2) -> pd.DataFrame:
    """For every administration, its partner count and how many it reaches within ``hops`` hops.

    Built for large what-if networks: each neighbourhood is an integer bitset,
    so one level of the search is an OR of the frontier's neighbour sets.

    Returns
    -------
    pandas.DataFrame
        Columns ``administration``, ``partners`` (coverage count), ``within``
        (administrations at distance 1 to ``hops``), in code order.

    """
    if hops < 1:
        raise ValueError(f"hops must be at least 1, not {hops}")
    graph = net.graph
    nodes = sorted(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [[index[v] for v in graph[u]] for u in nodes]
    bits = _bitsets(neighbours, len(nodes))
    nbytes = (len(nodes) + 7) // 8
    within = []
    for i, frontier in enumerate(neighbours):
        seen = bits[i] | 1 << i
        for level in range(2, hops + 1):
            reached = 0
            for v in frontier:
                reached |= bits[v]
            new = reached & ~seen
            if not new:
                break
            seen |= new
            if level < hops:
                frontier = np.flatnonzero(np.unpackbits(np.frombuffer(new.to_bytes(nbytes, "little"), np.uint8),
                                                        bitorder="little"))
        within.append(seen.bit_count() - 1)
    partners = [len(n) for n in neighbours]
    return pd.DataFrame({"administration": nodes, "partners": partners, "within": within})


def _bitsets(neighbours: list[list[int]], size: int, chunk: int = 1024) -> list[int]:
    """Each node's neighbour set as a Python integer (bit j set for neighbour j), built with numpy."""
    bits = []
    for start in range(0, size, chunk):
        rows = neighbours[start:start + chunk]
        dense = np.zeros((len(rows), size), dtype=bool)
        dense[np.repeat(np.arange(len(rows)), [len(r) for r in rows]), np.concatenate(rows or [[]]).astype(int)] = True
        packed = np.packbits(dense, axis=1, bitorder="little")
        bits.extend(int.from_bytes(row.tobytes(), "little") for row in packed)
    return bits


def coalition_new_links(net: MRANetwork, bloc: str, *, partners: list[str] | None = None) -> pd.DataFrame:
    """New links a bloc MRA would add, for every coalition of the bloc's members and every partner.

    For "which members should go first" questions: each of the 2^n coalitions
    of the bloc's n members (all members, active or not) toward each outside
    partner, computed with bitmasks (member i is bit i).

    Returns
    -------
    pandas.DataFrame
        Columns ``coalition`` (bitmask), ``members`` (``;``-joined codes,
        categorical), ``partner`` (categorical), ``existing_count`` and
        ``new_links``; 2^n x partners rows.

    """
    members = net.bloc_members(bloc)
    inside = set(members)
    graph = net.graph
    if partners is None:
        partners = [code for code in net.programme_holders if code not in inside]
    partners = sorted({net.check_code(code) for code in partners})
    coalitions = np.arange(1 << len(members), dtype=np.int64)
    bits = (coalitions[:, None] >> np.arange(len(members))) & 1
    recognised = np.array([[graph.has_edge(m, p) for m in members] for p in partners], dtype=np.int64)
    existing = bits @ recognised.T                      # coalitions x partners
    sizes = bits.sum(axis=1)[:, None]
    labels = [";".join(m for i, m in enumerate(members) if c >> i & 1) for c in range(1 << len(members))]
    return pd.DataFrame({  # categorical text columns: 2^n x partners rows stay cheap
        "coalition": np.repeat(coalitions, len(partners)),
        "members": pd.Categorical.from_codes(np.repeat(coalitions, len(partners)), categories=labels),
        "partner": pd.Categorical.from_codes(np.tile(np.arange(len(partners)), len(coalitions)),
                                             categories=partners),
        "existing_count": existing.ravel(),
        "new_links": (sizes - existing).ravel(),
    })
