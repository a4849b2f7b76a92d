"""A bloc as a matrix figure: its members down, their partners across, each cell coloured by relation.

Where a network is too dense to read on a slide, the matrix is: one row per member,
one column per administration that recognises any member (members first), a cell
per pair in the colour of what links them (the bloc's own arrangement, a bilateral
MRA, both, another plurilateral, or, in the signed view, signed but not in force).
"""
from __future__ import annotations

import html

from .dot import KIND_COLOUR, text_colour
from .metrics.leverage import bloc_arrangement
from .network import MRANetwork
from .render import Diagram, SIZES

SIGNED_FILL = "#fde0c5"  # signed, not in force (signed view)
CELL = {"bloc": KIND_COLOUR["bloc"], "bilateral": "#7a7a7a", "both": KIND_COLOUR["both"],
        "plurilateral": KIND_COLOUR["plurilateral"], "signed": SIGNED_FILL, "none": "#ffffff"}
SYMBOL = {"bloc": "P", "bilateral": "B", "both": "B+P", "plurilateral": "O", "signed": "s", "none": ""}


def relation(net: MRANetwork, a: str, b: str, own: str | None) -> str:
    """What links ``a`` and ``b`` at the network's date: bloc, bilateral, both, plurilateral, signed or none."""
    graph = net.graph
    if not graph.has_edge(a, b):
        return "none"
    links = graph.edges[a, b]["arrangements"]
    if all(link["status"] in ("signed", "pilot", "negotiating") for link in links):
        return "signed"
    kinds = {"bloc" if link["arrangement"] == own else link["kind"] for link in links}
    if "bilateral" in kinds and len(kinds) > 1:
        return "both"
    return "bloc" if "bloc" in kinds else kinds.pop()


def matrix_diagram(net: MRANetwork, bloc: str, *, title: str | None = None, size: str | None = "slide",
                   dpi: float | None = None) -> Diagram:
    """The bloc's members against every administration that recognises one of them, as a figure.

    Examples
    --------
    >>> figure = matrix_diagram(load(as_of="2025-03-01"), "ASEAN")
    >>> "Singapore" in figure.to_dot() and ">B+P<" in figure.to_dot()  # SG and TH: both kinds
    True
    """
    name = net.bloc_name(bloc)
    members = net.bloc_members(name)
    own = bloc_arrangement(net, name)
    graph = net.graph
    outside = sorted({p for m in members for p in graph[m]} - set(members),
                     key=lambda p: (-sum(graph.has_edge(m, p) for m in members), p))
    columns = members + outside
    esc = html.escape
    head = "".join(f'<TD><B>{esc(c)}</B></TD>' for c in columns)
    rows = [f'<TR><TD></TD>{head}</TR>']
    for member in members:
        cells = []
        for other in columns:
            kind = "self" if other == member else relation(net, member, other, own)
            fill = "#eeeeee" if kind == "self" else CELL[kind]
            text = "" if kind == "self" else SYMBOL[kind]
            body = f'<FONT COLOR="{text_colour(fill)}">{text}</FONT>' if text else " "
            cells.append(f'<TD BGCOLOR="{fill}" WIDTH="40" HEIGHT="32">{body}</TD>')
        rows.append(f'<TR><TD ALIGN="LEFT"><B>{esc(net.name_of(member))} ({member})</B></TD>{"".join(cells)}</TR>')
    key = " · ".join(f'<FONT COLOR="{CELL[k] if k not in ("signed", "none") else "#a05a00"}"><B>{SYMBOL[k] or "blank"}'
                     f'</B></FONT> {label}' for k, label in (
                         ("bloc", esc(own or "bloc arrangement")), ("bilateral", "bilateral MRA"),
                         ("both", "both"), ("plurilateral", "other plurilateral"),
                         ("signed", "signed, not in force"), ("none", "none")))
    title = title or f"{name} members and their partners, {net.describe()}"
    table = (f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">{"".join(rows)}</TABLE>>')
    heading = (f'<<FONT POINT-SIZE="24"><B>{esc(title)}</B></FONT><BR/><BR/>{key}<BR/> >')
    dot = (f'graph matrix {{\n\tgraph [pad="0.3", bgcolor="white", labelloc=t, fontname="Helvetica", fontsize=16, '
           f'label={heading}];\n\tnode [shape=plaintext, fontname="Helvetica", fontsize=16];\n'
           f'\tm [label={table}, pos="0,0!"];\n}}\n')
    return Diagram(dot, title, size if size in SIZES else None, dpi)
