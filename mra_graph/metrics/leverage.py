"""Bloc-negotiation leverage: what a bloc gains by negotiating an MRA as one.

For a bloc *B* whose *active members* *A* are the members in force in its
plurilateral arrangement (the AAMRA for ASEAN), toward an outside partner *P*:

- ``existing``: members of *A* that already recognise *P*;
- ``new_links`` = |A| - |existing|: member-partner pairs a bloc MRA would add;
- ``negotiations_saved`` = max(new_links - 1, 0): one bloc negotiation instead
  of one per missing member (a heuristic: it ignores that bloc talks are harder);
- ``multiplier`` = w(A, P) / max over m in A of w(m, P): the bloc's weight toward
  *P* over its largest single member's (with no weights, every member weighs 1,
  so it is |A|); a heuristic for negotiating weight.

Member power toward *P*: in the weighted game where a coalition S of *A* can close
an MRA with *P* when w(S) >= quota x w(A), the Banzhaf index (share of swings)
and the Shapley-Shubik index (share of orderings in which the member is
pivotal), computed exactly over all 2^|A| coalitions.
"""
from __future__ import annotations

from itertools import combinations
from math import factorial

import pandas as pd

from ..errors import MRAGraphError
from ..network import MRANetwork
from ..weights import weight_lookup, weights_unit
from ._ranking import competition_ranks

#: Exact indices enumerate every coalition: 2^20 is about a million, a few seconds; beyond, refuse clearly.
MAX_PLAYERS = 20

__all__ = ["active_members", "bloc_arrangement", "leverage", "member_power", "power_indices"]


def bloc_arrangement(net: MRANetwork, bloc: str) -> str | None:
    """The plurilateral arrangement whose parties are all members of ``bloc`` (e.g. AAMRA), if any.

    Examples
    --------
    >>> bloc_arrangement(load(), "ASEAN")
    'AAMRA'
    """
    members = set(net.bloc_members(bloc))
    table = net.mras
    plurilateral = table[table["kind"] == "plurilateral"]
    for arrangement, rows in plurilateral.groupby("arrangement", sort=True):
        if set(rows["party"]) <= members:
            return arrangement
    return None


def active_members(net: MRANetwork, bloc: str) -> list[str]:
    """Members active (at the date, in the view) in the bloc's arrangement; all members if it has none.

    Examples
    --------
    >>> active_members(load(as_of="2024-08-19"), "ASEAN")
    ['BN', 'MY', 'SG', 'TH']
    """
    arrangement = bloc_arrangement(net, bloc)
    if arrangement is None:
        return net.bloc_members(bloc)
    active = net.active_parties
    return sorted(active.loc[active["arrangement"] == arrangement, "party"])


def leverage(net: MRANetwork, bloc: str, *, partners: list[str] | None = None,
             weights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Leverage of a bloc toward each outside partner, best opportunity first.

    Parameters
    ----------
    net : MRANetwork
    bloc : str
    partners : list of str, optional
        Default: every administration outside the bloc with an AEO programme.
    weights : pandas.DataFrame, optional
        From :func:`mra_graph.weights.read_weights`: member-partner weights (e.g.
        trade); adds ``weighted_new_links`` and ranks by it.

    Returns
    -------
    pandas.DataFrame
        One row per partner. Columns: ``rank``, ``partner``, ``name``,
        ``active_members`` (|A|), ``existing`` (list), ``existing_count``,
        ``new_links``, ``negotiations_saved``, ``multiplier``, and with weights
        ``bloc_weight`` (the bloc's own row toward the partner if the weights have
        one, else the sum of its active members' weights) and
        ``weighted_new_links`` (sum of the weights of the members a bloc MRA
        would add; where no member weight is known but the bloc's is, the
        bloc's weight x new_links / |A|, an even-split estimate; else 0). Ranked by new links
        (with weights: by weighted new links, then bloc weight, then new links),
        then by the partner's own partner count (an experienced MRA partner
        first), then code.

    Examples
    --------
    >>> table = leverage(load(as_of="2025-03-01"), "ASEAN").set_index("partner")
    >>> int(table.loc["JP", "existing_count"] + table.loc["JP", "new_links"])
    6
    """
    members = active_members(net, bloc)
    bloc_name = net.bloc_name(bloc)
    inside = set(net.bloc_members(bloc))
    graph = net.graph
    weight = weight_lookup(weights)
    if partners is None:
        partners = [code for code in net.programme_holders if code not in inside]
    rows = []
    for partner in sorted({net.check_code(code) for code in partners}):
        existing = [m for m in members if graph.has_edge(m, partner)]
        missing = [m for m in members if m not in existing]
        row = {
            "partner": partner,
            "name": net.name_of(partner),
            "active_members": len(members),
            "existing": existing,
            "existing_count": len(existing),
            "new_links": len(missing),
            "negotiations_saved": max(len(missing) - 1, 0),
            "multiplier": float(len(members)),
            "partner_degree": graph.degree(partner),
        }
        if weight is not None:
            values = [weight(m, partner) for m in members]
            row["multiplier"] = round(sum(values) / max(values), 2) if values and max(values) > 0 else float("nan")
            row["bloc_weight"] = weight(bloc_name, partner) or sum(values)
            if any(values):
                row["weighted_new_links"] = sum(weight(m, partner) for m in missing)
            else:  # only the bloc's own figure is known: share it out evenly (an estimate)
                row["weighted_new_links"] = round(row["bloc_weight"] * len(missing) / len(members)) if members else 0
        rows.append(row)
    columns = ["partner", "name", "active_members", "existing", "existing_count", "new_links",
               "negotiations_saved", "multiplier"] + (["bloc_weight", "weighted_new_links"] if weight else [])
    table = pd.DataFrame(rows, columns=columns)
    keys = ["weighted_new_links", "bloc_weight", "new_links"] if weight is not None else ["new_links"]
    degree = pd.Series([row["partner_degree"] for row in rows], index=table.index)
    order = table.assign(_degree=degree).sort_values(keys + ["_degree", "partner"],
                                                     ascending=[False] * (len(keys) + 1) + [True])
    table = order.drop(columns="_degree").reset_index(drop=True)
    table.insert(0, "rank", competition_ranks(table, keys))
    caption = (f"Leverage of {bloc_name} ({len(members)} active members: {', '.join(members) or 'none'}). "
               "negotiations_saved and multiplier are heuristics; equal values share a rank")
    if weight is not None:
        caption += (f"; weights in {weights_unit(weights)}; multiplier empty where no member has a weight "
                    "toward the partner")
    return net.stamp(table, caption)


def power_indices(weights: dict[str, float], *, quota: float = 0.5) -> pd.DataFrame:
    """Banzhaf and Shapley-Shubik indices of a weighted voting game, computed exactly.

    A coalition wins when its weight is at least ``quota`` times the total weight.

    Parameters
    ----------
    weights : dict
        Player -> non-negative weight.
    quota : float
        Fraction of the total weight a coalition needs, in (0, 1].

    Returns
    -------
    pandas.DataFrame
        Columns ``member``, ``weight``, ``banzhaf``, ``shapley_shubik``, in player order.

    Examples
    --------
    >>> power_indices({"A": 4, "B": 2, "C": 1, "D": 1}, quota=5 / 8)["banzhaf"].tolist()
    [0.7, 0.1, 0.1, 0.1]
    """
    if not 0 < quota <= 1:
        raise MRAGraphError(f"quota must be a fraction in (0, 1], not {quota}")
    bad = {p: w for p, w in weights.items() if not isinstance(w, (int, float)) or not 0 <= w < float("inf")}
    if bad:
        raise MRAGraphError(f"weights must be finite non-negative numbers: {bad}")
    if len(weights) > MAX_PLAYERS:
        raise MRAGraphError(f"{len(weights)} members: exact power indices enumerate 2^{len(weights)} coalitions; "
                            f"at most {MAX_PLAYERS} are supported (split the bloc, or group members)")
    players = list(weights)
    n = len(players)
    threshold = quota * sum(weights.values()) - 1e-12
    swings = dict.fromkeys(players, 0)
    shapley = dict.fromkeys(players, 0.0)
    for size in range(n):
        share = factorial(size) * factorial(n - size - 1) / factorial(n)
        for coalition in combinations(players, size):
            total = sum(weights[p] for p in coalition)
            if total >= threshold:
                continue
            for player in players:
                if player not in coalition and total + weights[player] >= threshold:
                    swings[player] += 1
                    shapley[player] += share
    total_swings = sum(swings.values())
    rows = [{
        "member": player,
        "weight": weights[player],
        "banzhaf": round(swings[player] / total_swings, 6) if total_swings else 0.0,
        "shapley_shubik": round(shapley[player], 6),
    } for player in players]
    return pd.DataFrame(rows, columns=["member", "weight", "banzhaf", "shapley_shubik"])


def member_power(net: MRANetwork, bloc: str, partner: str, *, weights: pd.DataFrame | None = None,
                 quota: float = 0.5) -> pd.DataFrame:
    """Power of each active member of ``bloc`` in closing a bloc MRA with ``partner``.

    Weights are each member's weight toward the partner (e.g. their trade), from
    ``weights``; with no weights every member weighs 1. See :func:`power_indices`.

    Examples
    --------
    >>> member_power(load(as_of="2024-08-19"), "ASEAN", "JP")["banzhaf"].tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    partner = net.check_code(partner)
    weight = weight_lookup(weights)
    members = active_members(net, bloc)
    if not members:
        raise MRAGraphError(f"{bloc} has no active member at {net.as_of_date.isoformat()}")
    values = {m: (weight(m, partner) if weight else 1.0) for m in members}
    if not any(values.values()):
        raise MRAGraphError(f"the weights give no active member of {net.bloc_name(bloc)} a weight toward "
                            f"{partner} ({', '.join(members)}), so every index would be 0: give weights with "
                            "member rows for that partner, or leave weights out for equal weights")
    table = power_indices(values, quota=quota)
    unit = f", weights in {weights_unit(weights)}" if weight else ", equal weights"
    return net.stamp(table, f"Member power in {net.bloc_name(bloc)} toward {net.name_of(partner)}, "
                            f"quota {quota:g}{unit}")
