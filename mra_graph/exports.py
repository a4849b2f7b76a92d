"""Exports of the recognition graph for other tools: GraphML, GEXF (Gephi), node-link JSON, CSV.

Each edge carries ``arrangements`` (ids, ``;``-joined), ``kinds``, ``statuses``,
``since`` (the date of the earliest recognition as the data gives it, ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``, empty if unknown), ``since_precision`` (``day``, ``month``,
``year`` or ``on or before``), ``since_start`` (the first day it can stand for) and
``sources`` (URLs, space-separated); each node ``name``, ``programme``,
``region``, ``blocs`` and ``partners``. GEXF is written as a dynamic graph:
edges have a ``start`` date, so Gephi's timeline plays the network's growth.
A CSV export never carries a cell a spreadsheet would run as a formula: cells
starting with ``=``, ``+``, ``-`` or ``@`` get a leading apostrophe, unless ``raw``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx

from ._io import atomic_write_bytes
from .errors import MRAGraphError
from .network import MRANetwork

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain_graph(net: MRANetwork) -> nx.Graph:
    """The recognition graph with only text and number attributes, ready for any file format.

    Examples
    --------
    >>> graph = plain_graph(load(as_of="2024-08-19"))
    >>> graph.edges["MY", "SG"]["arrangements"]
    'AAMRA'
    """
    source = net.graph
    graph = nx.Graph(as_of=net.as_of_date.isoformat(), view=net.view_name, source=net.source)
    for node, data in source.nodes(data=True):
        graph.add_node(node, name=data["name"], programme=data["programme"], region=data["region"],
                       blocs=";".join(data["blocs"]), partners=source.degree(node))
    for a, b, data in sorted(source.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        links = data["arrangements"]
        graph.add_edge(a, b,
                       arrangements=";".join(link["arrangement"] for link in links),
                       kinds=";".join(link["kind"] for link in links),
                       statuses=";".join(link["status"] for link in links),
                       since=data["since"].iso if data["since"] else "",
                       since_precision=data["since"].qualifier if data["since"] else "unknown",
                       since_start=data["since"].start.isoformat() if data["since"] else "",
                       sources=" ".join(sorted({url for link in links for url in link["sources"]})))
    return graph


def export(net: MRANetwork, path: str | Path, fmt: str | None = None, *, raw: bool = False) -> Path:
    """Write the recognition graph to ``path`` (atomically) as graphml, gexf, json or csv.

    ``fmt`` defaults to the file's extension. ``raw`` turns off the CSV formula guard.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise MRAGraphError(f"unknown export format '{fmt}': choose one of {', '.join(EXPORT_FORMATS)}")
    atomic_write_bytes(path, export_bytes(net, fmt, raw=raw))
    return path


def export_bytes(net: MRANetwork, fmt: str, *, raw: bool = False) -> bytes:
    """The export as bytes; see :func:`export`."""
    graph = plain_graph(net)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(graph)).encode("utf-8") + b"\n"
    if fmt == "gexf":
        for _, _, data in graph.edges(data=True):
            if data["since_start"]:
                data["start"] = data["since_start"]
        graph.graph["mode"] = "dynamic"
        return ("\n".join(nx.generate_gexf(graph, version="1.2draft")) + "\n").encode("utf-8")
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = ["a", "b", "name_a", "name_b", "arrangements", "kinds", "statuses", "since", "since_precision",
               "sources"]
    writer.writerow(columns)
    for a, b, data in graph.edges(data=True):
        a, b = sorted((a, b))
        row = [a, b, graph.nodes[a]["name"], graph.nodes[b]["name"], data["arrangements"], data["kinds"],
               data["statuses"], data["since"], data["since_precision"], data["sources"]]
        writer.writerow(row if raw else [defuse(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def defuse(cell: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe.

    Examples
    --------
    >>> defuse("=HYPERLINK(1)"), defuse("Singapore")
    ("'=HYPERLINK(1)", 'Singapore')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
