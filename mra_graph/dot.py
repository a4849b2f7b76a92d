"""The DOT text of a diagram: boxes, lines, the bloc's box, the title and legend, and their styles.

Styles say what an analyst needs: node fill by partner count (text colour chosen for
at least 4.5:1 contrast); line colour by kind (grey bilateral, teal the bloc's own
arrangement, orange other plurilateral, purple both) and style by status (solid in
force, dashed signed or pilot, dotted under negotiation); with ``--since``, a gold band
for pairs new since then and red dashes for pairs ended. DOT text is deterministic:
boxes and lines are written in sorted order.
"""
from __future__ import annotations

from pathlib import Path

import pydot

from .layout import BLOC_KEY, BLOC_SIZE_KEY, POINTS, box_width, quote
from .slide import COMPACT_FONT, COMPACT_HEIGHT, COMPACT_WIDTH
from .metrics.leverage import bloc_arrangement
from .network import MRANetwork

FONT = "Helvetica"
KIND_COLOUR = {"bilateral": "#525252", "plurilateral": "#e6550d", "both": "#6a51a3", "bloc": "#00827f"}
STATUS_STYLE = {"implemented": "solid", "pilot": "dashed", "signed": "dashed", "negotiating": "dotted"}
FILLS = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6")  # by partner count
BLOC_FILL, BLOC_LINE = "#00827f14", "#00827f"  # the bloc and its own arrangement: one colour of their own
TEXT_DARK, TEXT_LIGHT = "#1a1a1a", "#ffffff"
NEW_COLOUR, ENDED_COLOUR = "#f0a800", "#b2182b"  # --since: a gold band for new pairs, red dashes for ended ones
MIN_CONTRAST = 4.5  # WCAG AA for text
PAD = 0.15  # inches of margin around the drawing (a slide has its own)


def build_dot(net, nodes, positions, bloc, members, focus, title, changes=None, links=False,
              inside=None, routes=None, compact=False) -> tuple[str, str]:
    """The DOT of the diagram without its bloc box, and the box's node statement (or "")."""
    graph = net.graph
    near = set(graph[focus]) if focus else set()
    own = bloc_arrangement(net, bloc) if bloc else None  # the bloc's own arrangement gets the bloc's colour
    dot = pydot.Dot("mra", graph_type="graph", strict=False)
    dot.set("label", _title_and_legend(title, net, focus, own, changes, compact))
    for key, value in {"labelloc": "t", "fontname": FONT, "outputorder": "edgesfirst", "splines": "true", "esep": "+5",
                       "pad": str(PAD), "bgcolor": "white"}.items():
        dot.set(key, quote(value))
    dot.set_node_defaults(shape="box", style='"rounded,filled"', fontname=FONT, fontsize="15",
                          height="0.6", fixedsize="true", penwidth="1.2", color='"#4d4d4d"')
    boxed = members if len(members) >= 2 and BLOC_KEY in positions else []
    for code in nodes:
        node = _node(net, code, positions, focus, near, compact)
        if links:
            node.set("URL", quote(f"#admin-{code}"))
        dot.add_node(node)
    shown = set(nodes)
    for a, b in sorted(tuple(sorted(e)) for e in graph.edges):
        if a in shown and b in shown and (inside is None or a in inside or b in inside):
            edge = _edge(graph.edges[a, b], a, b, focus, own)
            if routes and (a, b) in routes:  # a line routed once for every frame of an animation
                edge.set("pos", quote(routes[(a, b)]))
            if changes and frozenset((a, b)) in changes["new"]:  # a gold band on both sides of the line
                colour = edge.get("color").strip('"')
                edge.set("color", quote(f"{NEW_COLOUR}:{colour}:{NEW_COLOUR}"))
                edge.set("penwidth", "2.2")
            dot.add_edge(edge)
    for a, b in (changes or {}).get("ended", []):
        dot.add_edge(pydot.Edge(quote(a), quote(b), color=quote(ENDED_COLOUR), penwidth="2.0", style="dashed",
                                tooltip=quote(f"{a}–{b}: recognised each other on {changes['since']}, no longer")))
    return dot.to_string(), (_bloc_box(bloc, positions).to_string() + "\n") if boxed else ""


def _node(net, code, positions, focus, near, compact=False) -> pydot.Node:
    degree = net.graph.degree(code)
    fill = FILLS[min(degree // 3 + (degree > 0), len(FILLS) - 1)]
    label, width = (f"{code}\n{degree}", COMPACT_WIDTH) if compact else \
        (f"{net.name_of(code)}\n{code} · {degree}", box_width(net.name_of(code)))
    attributes = {"label": quote(label), "width": str(width), "fillcolor": quote(fill),
                  "tooltip": quote(f"{net.name_of(code)} ({code}): {degree} partner{'' if degree == 1 else 's'}")}
    if compact:
        attributes.update(height=str(COMPACT_HEIGHT), fontsize=str(COMPACT_FONT))
    if code in positions:
        attributes["pos"] = quote("%s,%s!" % positions[code])
    if degree == 0:
        attributes.update(fontcolor=quote("#595959"), color=quote("#bdbdbd"))
    if focus:
        if code == focus:
            attributes.update(penwidth="3.5", color=quote("#a50f15"), fontsize="17")
        elif code not in near:
            fill = "#f0f0f0"
            attributes.update(style=quote("rounded,filled,dashed"), fontcolor=quote("#595959"), fillcolor=quote(fill))
    if degree and not (focus and code not in near):
        attributes["fontcolor"] = quote(text_colour(fill))
    return pydot.Node(quote(code), **attributes)


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21).

    Examples
    --------
    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    """
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(fill: str) -> str:
    """Dark or white text, whichever reads better on ``fill``."""
    return max((TEXT_DARK, TEXT_LIGHT), key=lambda text: contrast(text, fill))


def _edge(data, a, b, focus, bloc_arrangement: str | None = None) -> pydot.Edge:
    links = data["arrangements"]
    kinds = {"bloc" if link["arrangement"] == bloc_arrangement else link["kind"] for link in links}
    kind = "both" if "bilateral" in kinds and len(kinds) > 1 else ("bloc" if "bloc" in kinds else kinds.pop())
    statuses = {link["status"] for link in links}
    style = next(STATUS_STYLE[status] for status in STATUS_STYLE if status in statuses)  # the most advanced
    width = "2.4" if kind == "both" else "1.6"
    colour = KIND_COLOUR[kind]
    if focus and focus not in (a, b):
        colour, width = "#c9c9c9", "1.0"
    elif focus:
        width = "3.0"
    tooltip = "; ".join(f"{link['arrangement']} ({link['status']})" for link in links)
    return pydot.Edge(quote(a), quote(b), color=quote(colour), penwidth=width, style=style,
                      tooltip=quote(f"{a}–{b}: {tooltip}"))


def _bloc_box(bloc, positions) -> pydot.Node:
    (cx, cy), (width, height) = positions[BLOC_KEY], positions[BLOC_SIZE_KEY]
    return pydot.Node(quote(f"{bloc} (bloc)"), label=quote(bloc), shape="box", style=quote("rounded,filled,dashed"),
                      fontname=quote(FONT),
                      fillcolor=quote(BLOC_FILL), color=quote(BLOC_LINE), fontcolor=quote(BLOC_LINE),
                      fontsize="22", labelloc="t", fixedsize="true", width=f"{width / POINTS:.2f}",
                      height=f"{height / POINTS:.2f}", pos=quote("%.1f,%.1f!" % (cx, cy)), penwidth="1.5")


def _title_and_legend(title: str, net: MRANetwork, focus: str | None, own: str | None = None,
                      changes: dict | None = None, compact: bool = False) -> str:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    def key(colour: str, dash: str, text: str) -> str:
        return (f'<TD ALIGN="RIGHT"><FONT COLOR="{colour}" POINT-SIZE="22"><B>{dash}</B></FONT></TD>'
                f'<TD ALIGN="LEFT"><FONT POINT-SIZE="16">{esc(text)}</FONT></TD>')

    subtitle = (f"{esc(net.name_of(focus))} ({focus}): its partners (bold) and their partners (dashed boxes). "
                "Two hops is network reach, not recognition."
                if focus else "Each line: two customs administrations recognising each other's AEOs.")
    source = "Data: mra-graph bundled dataset, every arrangement sourced." if net.source == "bundled" \
        else f"Data: {esc(Path(net.source).name)}"
    keys = [key(KIND_COLOUR["bilateral"], "━━━", "bilateral MRA")]
    if own:
        keys.append(key(KIND_COLOUR["bloc"], "━━━", own))
    keys += [key(KIND_COLOUR["plurilateral"], "━━━", "other plurilateral" if own else "plurilateral"),
             key(KIND_COLOUR["both"], "━━━", "bilateral and plurilateral")]
    if net.view_name in ("signed", "pipeline"):  # only these views draw arrangements not in force
        keys.append(key("#525252", "- - -", "signed or pilot, not in force"))
    if net.view_name == "pipeline":
        keys.append(key("#525252", "· · ·", "under negotiation"))
    if changes:
        keys.append(key(NEW_COLOUR, "━━━", f"new since {changes['since']}"))
        if changes["ended"]:
            keys.append(key(ENDED_COLOUR, "- - -", f"ended since {changes['since']}"))
    box_key = "Box: code and number of partners (the name shows on hover)" if compact \
        else "Box: name, code · number of partners"
    rows_of_keys = [keys[i:i + 4] for i in range(0, len(keys), 4)]  # four to a row: the legend stays narrow
    span = f'COLSPAN="{2 * max(len(row) for row in rows_of_keys)}"'
    head, _, tail = title.partition(", view: ")  # the date on one line, the view under it
    rows = (f'<TR><TD {span}><FONT POINT-SIZE="26"><B>{esc(head)}</B></FONT></TD></TR>'
            + (f'<TR><TD {span}><FONT POINT-SIZE="18">view: {esc(tail)}</FONT></TD></TR>' if tail else "")
            + f'<TR><TD {span}><FONT POINT-SIZE="16">{subtitle}</FONT></TD></TR>'
            + "".join(f"<TR>{''.join(row)}</TR>" for row in rows_of_keys)
            + f'<TR><TD {span}><FONT POINT-SIZE="16">{box_key}; darker = more partners.</FONT></TD></TR>'
            + f'<TR><TD {span}><FONT POINT-SIZE="16">{source}</FONT></TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="2">{rows}</TABLE>>'
