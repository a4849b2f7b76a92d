"""What the data holds: its administrations and its blocs."""
from __future__ import annotations

import pandas as pd

from ..network import MRANetwork

__all__ = ["list_administrations", "list_blocs"]


def list_administrations(net: MRANetwork) -> pd.DataFrame:
    """Every administration in the data, with its programme, blocs and partner count.

    Returns
    -------
    pandas.DataFrame
        Columns: ``code``, ``name``, ``programme``, ``blocs`` (list), ``partners``
        (count at the network's date and view). In code order.

    Examples
    --------
    >>> table = list_administrations(load(as_of="2024-08-19")).set_index("code")
    >>> table.loc["TW", "name"]
    'Chinese Taipei'
    """
    graph = net.graph
    rows = [{"code": code, "name": graph.nodes[code]["name"], "programme": graph.nodes[code]["programme"],
             "blocs": list(graph.nodes[code]["blocs"]), "partners": graph.degree(code)} for code in sorted(graph)]
    table = pd.DataFrame(rows, columns=["code", "name", "programme", "blocs", "partners"])
    return net.stamp(table, f"{len(table)} administrations")


def list_blocs(net: MRANetwork) -> pd.DataFrame:
    """Every bloc named in the administrations table, with its members.

    Returns
    -------
    pandas.DataFrame
        Columns: ``bloc``, ``members`` (count), ``member_codes`` (list),
        ``default`` (True for the dataset's default bloc).

    Examples
    --------
    >>> int(list_blocs(load(as_of="2024-08-19")).set_index("bloc").loc["ASEAN", "members"])
    10
    """
    rows = [{"bloc": bloc, "members": len(members), "member_codes": members, "default": bloc == net.defaults.bloc}
            for bloc, members in net.blocs.items()]
    table = pd.DataFrame(rows, columns=["bloc", "members", "member_codes", "default"])
    return net.stamp(table, f"{len(table)} blocs")
