"""Coverage: who recognises whose AEOs, and through which arrangements.

Coverage of an administration *a* at date *t* is the set of its neighbours in the
recognition graph: the administrations whose customs recognise *a*'s AEOs (and
whose AEOs *a* recognises) under some arrangement in which both are active.

share(a) = |coverage(a) ∩ U| / |U \\ {a}|, where the universe U is, by default,
every administration in the data with an AEO programme.
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd

from ..dates import SourceDate, date_fields
from ..views import VERB
from ..network import MRANetwork

__all__ = ["bloc_coverage", "bloc_density", "bloc_matrix", "coverage", "coverage_counts"]


def coverage(net: MRANetwork, code: str) -> pd.DataFrame:
    """The administrations that recognise ``code``'s AEOs, one row per partner.

    Parameters
    ----------
    net : MRANetwork
    code : str
        Administration code (or name), e.g. ``"SG"``.

    Returns
    -------
    pandas.DataFrame
        Sorted by partner code. Columns, most important first: ``partner`` (code),
        ``name``, ``via`` (list of arrangement ids), ``signed`` and ``effective`` (when
        the pair first signed / first recognised each other in force, as
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``effective`` empty if not in force at
        the date), each followed by its ``*_precision`` (``day``, ``month``, ``year``,
        ``on or before`` or ``unknown``), ``kind`` (list: bilateral or plurilateral, per
        arrangement), ``status`` (list: at the as-of date, the weaker of the two
        parties' statuses, per arrangement), ``scope`` (limits stated by the
        sources), ``sources`` (list of URLs).

    Examples
    --------
    >>> net = load(as_of="2022-06-07", view="signed")
    >>> coverage(net, "SG")["partner"].tolist()
    ['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']
    """
    code = net.check_code(code)
    graph = net.graph
    rows = []
    for partner in sorted(graph[code]):
        edge = graph.edges[code, partner]
        links = edge["arrangements"]
        rows.append({
            "partner": partner,
            "name": net.name_of(partner),
            "via": [link["arrangement"] for link in links],
            "kind": [link["kind"] for link in links],
            "status": [link["status"] for link in links],
            **date_fields("signed", _earliest(link["signed"] for link in links)),
            **date_fields("effective", _earliest(link["effective"] for link in links)),
            "scope": "; ".join(link["scope"] for link in links if link["scope"]),
            "sources": sorted({url for link in links for url in link["sources"]}),
        })
    table = pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
    verb = VERB[net.view_name]
    return net.stamp(table, f"{len(table)} administrations {verb} the AEOs of {net.name_of(code)}"
                     if net.view_name == "implemented" else f"{len(table)} administrations {verb} {net.name_of(code)}")


COVERAGE_COLUMNS = ["partner", "name", "via", "signed", "signed_precision", "effective", "effective_precision",
                    "kind", "status", "scope", "sources"]


def _earliest(dates) -> SourceDate | None:
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: d.start) if known else None


def coverage_counts(net: MRANetwork, *, universe: list[str] | None = None) -> pd.DataFrame:
    """Every administration's coverage count and share, best-connected first.

    Parameters
    ----------
    net : MRANetwork
    universe : list of str, optional
        The administrations a share is counted against. Default: every
        administration in the data with an AEO programme.

    Returns
    -------
    pandas.DataFrame
        Columns: ``administration``, ``name``, ``partners`` (count),
        ``share`` (partners in the universe / other members of the universe,
        0 to 1), ``partner_codes`` (list). Sorted by ``partners`` descending,
        then code. Administrations with no partner are included.

    Examples
    --------
    >>> table = coverage_counts(load(as_of="2022-06-07", view="signed"))
    >>> int(table.set_index("administration").loc["SG", "partners"]) >= 10
    True
    """
    graph = net.graph
    members = set(net.programme_holders if universe is None else (net.check_code(c) for c in universe))
    rows = []
    for code in graph.nodes:
        partners = sorted(graph[code])
        others = len(members - {code})
        rows.append({
            "administration": code,
            "name": net.name_of(code),
            "partners": len(partners),
            "share": round(len(members.intersection(partners)) / others, 4) if others else 0.0,
            "partner_codes": partners,
        })
    table = pd.DataFrame(rows, columns=["administration", "name", "partners", "share", "partner_codes"])
    table = table.sort_values(["partners", "administration"], ascending=[False, True]).reset_index(drop=True)
    return net.stamp(table, "Partners of every administration")


def bloc_coverage(net: MRANetwork, bloc: str) -> pd.DataFrame:
    """Who recognises whom inside a bloc, one row per pair of members.

    Parameters
    ----------
    net : MRANetwork
    bloc : str
        A bloc named in the administrations table, e.g. ``"ASEAN"``.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair ``a < b`` of members (all members, active or
        not). Columns: ``a``, ``b``, ``covered`` (bool), ``via`` (list of
        arrangement ids), ``relation`` (``bilateral``, ``plurilateral``,
        ``both`` or ``none``: the kinds of arrangement behind the pair),
        ``since`` (when the pair first recognised each other, or empty if not
        covered) and ``since_precision`` (``day``, ``month``, ``year``,
        ``on or before``; ``unknown`` if not covered).

    Examples
    --------
    >>> pairs = bloc_coverage(load(as_of="2024-08-19"), "ASEAN")
    >>> len(pairs)  # 10 members: 45 pairs
    45
    """
    graph = net.graph
    rows = []
    for a, b in combinations(net.bloc_members(bloc), 2):
        links = graph.edges[a, b]["arrangements"] if graph.has_edge(a, b) else ()
        kinds = {link["kind"] for link in links}
        rows.append({
            "a": a,
            "b": b,
            "covered": bool(links),
            "via": [link["arrangement"] for link in links],
            "relation": "both" if len(kinds) == 2 else (kinds.pop() if kinds else "none"),
            **date_fields("since", graph.edges[a, b]["since"] if links else None),
        })
    table = pd.DataFrame(rows, columns=["a", "b", "covered", "via", "relation", "since", "since_precision"])
    return net.stamp(table, f"{int(table['covered'].sum())} of {len(table)} pairs of {net.bloc_name(bloc)} members "
                            "recognise each other")


def bloc_density(net: MRANetwork, bloc: str) -> float:
    """Covered member pairs / all member pairs of a bloc (0 to 1).

    Examples
    --------
    >>> bloc_density(load(as_of="2020-01-01"), "ASEAN") < 1
    True
    """
    pairs = bloc_coverage(net, bloc)
    return float(pairs["covered"].mean()) if len(pairs) else 0.0


def bloc_matrix(net: MRANetwork, bloc: str) -> pd.DataFrame:
    """The member x member matrix of a bloc, for reading at a glance.

    Cells: ``B`` a bilateral MRA, ``P`` a plurilateral arrangement (e.g. the
    AAMRA), ``B+P`` both, ``.`` none, ``-`` the member itself.

    Returns
    -------
    pandas.DataFrame
        Indexed and columned by member code, in code order.

    Examples
    --------
    >>> bloc_matrix(load(as_of="2024-08-19"), "ASEAN").loc["SG", "MY"]
    'P'
    """
    members = net.bloc_members(bloc)
    symbol = {"bilateral": "B", "plurilateral": "P", "both": "B+P", "none": "."}
    matrix = pd.DataFrame("-", index=members, columns=members)
    for row in bloc_coverage(net, bloc).itertuples(index=False):
        matrix.loc[row.a, row.b] = matrix.loc[row.b, row.a] = symbol[row.relation]
    return matrix
