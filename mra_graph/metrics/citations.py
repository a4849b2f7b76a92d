"""Citations: the arrangements, dates and sources behind an administration's recognitions."""
from __future__ import annotations

import pandas as pd

from ..dates import date_fields
from ..network import MRANetwork

__all__ = ["sources"]

COLUMNS = ["partner", "name", "arrangement", "arrangement_name", "kind", "status", "since", "since_precision",
           "party", "signed", "effective", "source_url", "source_title", "source_date", "notes"]


def sources(net: MRANetwork, code: str) -> pd.DataFrame:
    """Every data row behind ``code``'s recognitions at the network's date and view.

    For each partner and each arrangement through which it recognises ``code``,
    both parties' rows of ``mras.csv``, so an analyst can cite every date: who
    signed when, when it took effect for each, and which source says so.

    Parameters
    ----------
    net : MRANetwork
    code : str

    Returns
    -------
    pandas.DataFrame
        Columns: ``partner``, ``name``, ``arrangement``, ``arrangement_name``,
        ``kind``, ``status`` (of the pair, at the date), ``since`` and
        ``since_precision`` (when the pair recognised each other under this
        arrangement), ``party`` (whose row this is: ``code`` or the partner),
        ``signed``, ``effective`` (that party's dates, as in the data),
        ``source_url``, ``source_title``, ``source_date``, ``notes``.
        Sorted by partner, arrangement, then party.

    Examples
    --------
    >>> table = sources(load(as_of="2025-03-01"), "SG")
    >>> table.loc[table["partner"] == "PH", ["arrangement", "party", "effective"]].values.tolist()
    [['AAMRA', 'PH', '2025-02-28'], ['AAMRA', 'SG', '2024-08-01']]
    """
    code = net.check_code(code)
    graph = net.graph
    active = net.active_parties.set_index(["arrangement", "party"])
    rows = []
    for partner in sorted(graph[code]):
        for link in graph.edges[code, partner]["arrangements"]:
            for party in sorted((code, partner)):
                row = active.loc[(link["arrangement"], party)]
                rows.append({
                    "partner": partner,
                    "name": net.name_of(partner),
                    "arrangement": link["arrangement"],
                    "arrangement_name": link["name"],
                    "kind": link["kind"],
                    "status": link["status"],
                    **date_fields("since", link["since"]),
                    "party": party,
                    "signed": row["signed"],
                    "effective": row["effective"],
                    "source_url": row["source_url"],
                    "source_title": row["source_title"],
                    "source_date": row["source_date"],
                    "notes": row["notes"],
                })
    return net.stamp(pd.DataFrame(rows, columns=COLUMNS), f"Sources for the recognitions of {net.name_of(code)}")
