"""Diagrams of the recognition network, built with pydot and drawn by Graphviz.

Every diagram is laid out once (Graphviz ``neato`` on the graph plus invisible
springs that pull each bloc's members together) and drawn with the positions
pinned (``neato -n2``), so a set of diagrams can share one layout and a viewer
sees only what changes (see :mod:`mra_graph.frames`).

Styles: node fill by coverage (more partners, darker); edge colour by kind
(grey bilateral, orange plurilateral, purple both) and line by status (solid in
force, dashed signed or pilot, dotted under negotiation; the legend lists the
styles the view can show); the bloc's members in a
``cluster_`` subgraph drawn as a shaded box; a title with the date and view; a
legend. DOT text is deterministic: nodes and edges are written in sorted order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx
import pydot

from ._io import atomic_write_bytes
from .errors import GraphvizNotFound, MRAGraphError
from .layout import (BLOC_KEY, BLOC_SIZE_KEY, POINTS, box_width, check_complete, geo_layout, graphviz, layout,
                     quote)
from .metrics.leverage import bloc_arrangement
from .network import MRANetwork

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot")
#: Page sizes in inches: a 16:9 slide (PowerPoint's default), A4 landscape, a square.
SIZES = {"slide": (13.333, 7.5), "a4": (11.69, 8.27), "square": (10.0, 10.0)}
SLIDE_PIXELS = 1920  # a slide-size PNG is this wide
FONT = "Helvetica"
KIND_COLOUR = {"bilateral": "#525252", "plurilateral": "#e6550d", "both": "#6a51a3", "bloc": "#00827f"}
STATUS_STYLE = {"implemented": "solid", "pilot": "dashed", "signed": "dashed", "negotiating": "dotted"}
FILLS = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6")  # by partner count
BLOC_FILL, BLOC_LINE = "#00827f14", "#00827f"  # the bloc and its own arrangement: one colour of their own
TEXT_DARK, TEXT_LIGHT = "#1a1a1a", "#ffffff"
NEW_COLOUR, ENDED_COLOUR = "#f0a800", "#b2182b"  # --since: a gold band for new pairs, red dashes for ended ones
MIN_CONTRAST = 4.5  # WCAG AA for text
@dataclass(frozen=True)
class Diagram:
    """A diagram: its DOT text, drawn on demand. Displays itself in Jupyter.

    Examples
    --------
    >>> d = diagram(load(as_of="2024-08-19"), focus="SG")
    >>> "Singapore" in d.to_dot() and "Thailand" in d.to_dot()  # Singapore and a partner
    True
    """

    dot: str
    title: str
    size: str | None = "slide"
    dpi: float | None = None

    def to_dot(self) -> str:
        """The DOT source, portable: ``neato -n2 -Tpng`` draws it as mra-graph does; plain ``dot`` and
        ``neato`` read its layout attribute and positions (in points) too (see the header comment)."""
        width, height = SIZES.get(self.size or "", (None, None))
        header = ("/* Made by mra-graph: positions pinned, in points (inputscale=72). Draw it with\n"
                  "   neato -n2 -Tsvg FILE.dot > FILE.svg   (as mra-graph does; -Tpng, -Tpdf alike), or plain\n"
                  "   dot -Tsvg / neato -Tsvg, which use the layout=neato attribute and re-route the lines. */\n")
        dot = self.dot.replace("{", '{\n\tgraph [layout=neato, inputscale=72, notranslate=true%s];' % (
            f', size="{width},{height}!"' if width else ""), 1)
        return header + dot

    def render(self, fmt: str = "svg") -> bytes:
        """The diagram drawn in ``fmt`` (svg, png or pdf) by Graphviz, at its ``size`` and ``dpi``.

        SVG scales to its container (a viewBox, no fixed width); PNG is 1920 px wide for a slide.
        """
        if fmt == "dot":
            return self.to_dot().encode("utf-8")
        if fmt not in DIAGRAM_FORMATS:
            raise MRAGraphError(f"unknown diagram format '{fmt}': choose one of {', '.join(DIAGRAM_FORMATS)}")
        args = ["-n2", f"-T{fmt}"]
        if self.size:
            width, height = SIZES[self.size]
            args.append(f"-Gsize={width},{height}!")
            if fmt == "png":
                args.append(f"-Gdpi={self.dpi or round(SLIDE_PIXELS / width, 2)}")
        elif fmt == "png":
            args.append(f"-Gdpi={self.dpi or 150}")
        content = check_complete(graphviz("neato", args, self.dot), fmt)
        if fmt == "svg":
            content = re.sub(rb'<svg width="[^"]*" height="[^"]*"', b'<svg width="100%"', content, count=1)
        return content

    def smallest_label(self) -> float | None:
        """The smallest label's size in points once the drawing is scaled to its ``size`` (None: natural size)."""
        found = re.search(r'bb="[-\d.]+,[-\d.]+,([\d.]+),([\d.]+)"', self.dot)
        if not self.size or not found:
            return None
        width, height = SIZES[self.size]
        scale = min(width * POINTS / float(found.group(1)), height * POINTS / float(found.group(2)))
        return round(13 * scale, 1)  # 13 pt: the legend's footnote, the smallest text drawn

    def save(self, path: str | Path) -> Path:
        """Write the diagram to ``path``; the format follows its extension (.svg .png .pdf .dot).

        The file is written atomically. If Graphviz is missing, the DOT source is
        written beside it (``.dot``) and :class:`GraphvizNotFound` says how to install it.
        """
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in DIAGRAM_FORMATS:
            raise MRAGraphError(f"cannot tell the format of '{path}': use one of .{', .'.join(DIAGRAM_FORMATS)}")
        try:
            content = self.render(fmt)
        except GraphvizNotFound as error:
            fallback = path.with_suffix(".dot")
            atomic_write_bytes(fallback, self.to_dot().encode("utf-8"))
            raise GraphvizNotFound(f"{error} The DOT source was written to {fallback}.") from None
        atomic_write_bytes(path, content)
        return path

    def _repr_svg_(self) -> str:
        return self.render("svg").decode("utf-8")


def shown_nodes(net: MRANetwork, *, bloc: str | None, focus: str | None, bloc_only: bool = False) -> list[str]:
    """The administrations a diagram shows: with any partner, plus the bloc's members; or the focus's 2 hops;
    or (``bloc_only``) the bloc's members and their direct partners."""
    graph = net.graph
    if focus:
        return sorted(nx.single_source_shortest_path_length(graph, focus, cutoff=2))
    members = set(net.bloc_members(bloc)) if bloc else set()
    if bloc_only:
        return sorted(members | {p for m in members for p in graph[m]})
    return sorted({n for n, d in graph.degree() if d} | members)


def diagram(net: MRANetwork, *, bloc: str | None = None, focus: str | None = None,
            positions: dict[str, tuple[float, float]] | None = None, nodes: list[str] | None = None,
            title: str | None = None, route: bool = True,
            extent: tuple[float, float, float, float] | None = None, size: str | None = "slide",
            dpi: float | None = None, since: str | date | None = None, links: bool = False,
            bloc_only: bool = False, geo: bool = False) -> Diagram:
    """The recognition network drawn as a diagram.

    Parameters
    ----------
    net : MRANetwork
    bloc : str or None
        Bloc whose members are grouped in a box; None for none.
    focus : str, optional
        Show one administration, its partners (1 hop, bold) and their partners
        (2 hops, faded): its coverage and network reach.
    positions : dict, optional
        Pinned positions (points) from :func:`~mra_graph.layout.layout`; computed if not given
        (without Graphviz: none, and the diagram is DOT only until Graphviz is installed).
    nodes : list of str, optional
        Administrations to draw (default: see :func:`shown_nodes`); with
        ``positions``, every frame of an animation draws the same set.
    title : str, optional
        Default: "AEO mutual recognition" with the date and view.
    route : bool
        Route the lines around the boxes with Graphviz (default). ``False`` keeps the
        DOT as built (pure text, deterministic across Graphviz versions).
    extent : (x0, y0, x1, y1), optional
        The canvas in points, shared by every frame of an animation (default: the drawing's own).
    size : {"slide", "a4", "square"} or None
        Where the figure goes: a 16:9 slide (default; a PNG 1920 px wide), A4 landscape, a
        square; the layout is spread to the page's proportions. None: the natural size.
    dpi : float, optional
        PNG resolution (default: 1920 px across for the page's width).
    geo : bool
        A map: each administration at its capital (the data's latitude and longitude),
        nudged apart where boxes would overlap; no bloc box (members are where they are).
    bloc_only : bool
        Only the bloc: its members, their arrangements and their direct outside partners
        (lines between two outsiders are left out).
    links : bool
        Make each box a link to ``#admin-CODE`` (for a page that has a section per administration).
    since : str or date, optional
        Highlight the pairs that came to recognise each other after this date (a gold band)
        and draw those that recognised each other then and no longer do (red, dashed).

    Returns
    -------
    Diagram
    """
    if size is not None and size not in SIZES:
        raise MRAGraphError(f"unknown size '{size}': choose one of {', '.join(SIZES)}")
    focus = net.check_code(focus) if focus else None
    bloc_name = net.bloc_name(bloc) if bloc else None
    changes = _changes(net, since) if since is not None else None
    if nodes is None:  # what is drawn: see shown_nodes, and both ends of a pair ended since --since
        ended = {code for pair in (changes or {}).get("ended", []) for code in pair}
        nodes = sorted(set(shown_nodes(net, bloc=bloc_name, focus=focus, bloc_only=bloc_only)) |
                       (ended if not focus else set()))
    nodes = sorted(nodes)
    members = [m for m in net.bloc_members(bloc_name) if m in nodes] if bloc_name else []
    if positions is None and geo:
        positions = geo_layout(net, nodes)
        nodes = [n for n in nodes if n in positions]
        members = []
    if positions is None:
        try:
            positions = _fill(layout(net.graph, nodes, members, net.name_of), SIZES.get(size or ""))
        except GraphvizNotFound:  # still a diagram: DOT without pinned positions, which save() writes
            positions = {}
    title = title or f"AEO mutual recognition {net.describe()}"
    if changes:
        changes["ended"] = [pair for pair in changes["ended"] if set(pair) <= set(nodes)]
    if bloc_only and not bloc_name:
        raise MRAGraphError("a bloc-only diagram needs a bloc (the dataset names none: give one)")
    inside = set(members) if bloc_only else None
    dot, box = _dot(net, nodes, positions, bloc_name, members, focus, title, changes, links, inside)
    if route and positions:
        try:  # splines routed around every box, so no line crosses a box it does not end at
            dot = graphviz("neato", ["-n2", "-Tdot"], dot).decode("utf-8")
        except GraphvizNotFound:
            pass
        else:
            if extent:  # frames of an animation share one canvas, so nothing moves between them
                dot = re.sub(r'bb="[^"]*"', 'bb="%.1f,%.1f,%.1f,%.1f"' % extent, dot, count=1)
            dot = re.sub(r'\n\t\tl(?:p="[^"]*"|height=[^,\]]*|width=[^,\]]*),?', "", dot)  # the title, placed anew
    if box:  # added after routing: the bloc's box is background, not an obstacle
        dot = dot.replace("{", "{\n\t" + box, 1)
    return Diagram(dot, title, size, dpi)


def _fill(positions: dict, page: tuple[float, float] | None) -> dict:
    """Positions spread (never squeezed) along one axis so the drawing takes the page's proportions."""
    points = [p for key, p in positions.items() if key != BLOC_SIZE_KEY]
    if not page or len(points) < 2:
        return positions
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    aspect = page[0] / page[1]
    sx, sy = (aspect * height / width, 1.0) if width / height < aspect else (1.0, width / aspect / height)
    spread = {key: (round(x * sx, 1), round(y * sy, 1)) for key, (x, y) in positions.items() if key != BLOC_SIZE_KEY}
    if BLOC_SIZE_KEY in positions:
        w, h = positions[BLOC_SIZE_KEY]
        spread[BLOC_SIZE_KEY] = (round(w * sx, 1), round(h * sy, 1))
    return spread


def _changes(net: MRANetwork, since) -> dict:
    """Pairs new since ``since`` and pairs that recognised each other then and no longer do."""
    then = net.as_of(since)
    before = {frozenset(e) for e in then.graph.edges}
    now = {frozenset(e) for e in net.graph.edges}
    return {"since": then.as_of_date.isoformat(), "new": now - before,
            "ended": sorted(tuple(sorted(e)) for e in before - now)}


def _dot(net, nodes, positions, bloc, members, focus, title, changes=None, links=False,
         inside=None) -> tuple[str, str]:
    """The DOT of the diagram without its bloc box, and the box's node statement (or "")."""
    graph = net.graph
    near = set(graph[focus]) if focus else set()
    own = bloc_arrangement(net, bloc) if bloc else None  # the bloc's own arrangement gets the bloc's colour
    dot = pydot.Dot("mra", graph_type="graph", strict=False)
    dot.set("label", _title_and_legend(title, net, focus, own, changes))
    for key, value in {"labelloc": "t", "fontname": FONT, "outputorder": "edgesfirst", "splines": "true",
                       "pad": "0.4", "bgcolor": "white"}.items():
        dot.set(key, quote(value))
    dot.set_node_defaults(shape="box", style='"rounded,filled"', fontname=FONT, fontsize="15",
                          height="0.6", fixedsize="true", penwidth="1.2", color='"#4d4d4d"')
    boxed = members if len(members) >= 2 and BLOC_KEY in positions else []
    for code in nodes:
        node = _node(net, code, positions, focus, near)
        if links:
            node.set("URL", quote(f"#admin-{code}"))
        dot.add_node(node)
    shown = set(nodes)
    for a, b in sorted(tuple(sorted(e)) for e in graph.edges):
        if a in shown and b in shown and (inside is None or a in inside or b in inside):
            edge = _edge(graph.edges[a, b], a, b, focus, own)
            if changes and frozenset((a, b)) in changes["new"]:  # a gold band on both sides of the line
                colour = edge.get("color").strip('"')
                edge.set("color", quote(f"{NEW_COLOUR}:{colour}:{NEW_COLOUR}"))
                edge.set("penwidth", "2.2")
            dot.add_edge(edge)
    for a, b in (changes or {}).get("ended", []):
        dot.add_edge(pydot.Edge(quote(a), quote(b), color=quote(ENDED_COLOUR), penwidth="2.0", style="dashed",
                                tooltip=quote(f"{a}–{b}: recognised each other on {changes['since']}, no longer")))
    return dot.to_string(), (_bloc_box(bloc, positions).to_string() + "\n") if boxed else ""


def _node(net, code, positions, focus, near) -> pydot.Node:
    degree = net.graph.degree(code)
    fill = FILLS[min(degree // 3 + (degree > 0), len(FILLS) - 1)]
    attributes = {"label": quote(f"{net.name_of(code)}\n{code} · {degree}"), "width": str(box_width(net.name_of(code))),
                  "fillcolor": quote(fill),
                  "tooltip": quote(f"{net.name_of(code)} ({code}): {degree} partner{'' if degree == 1 else 's'}")}
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
                      changes: dict | None = None) -> str:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    def key(colour: str, dash: str, text: str) -> str:
        return (f'<TD ALIGN="RIGHT"><FONT COLOR="{colour}" POINT-SIZE="22"><B>{dash}</B></FONT></TD>'
                f'<TD ALIGN="LEFT"><FONT POINT-SIZE="15">{esc(text)}</FONT></TD>')

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
    span = f'COLSPAN="{2 * len(keys)}"'
    rows = (f'<TR><TD {span}><FONT POINT-SIZE="26"><B>{esc(title)}</B></FONT></TD></TR>'
            f'<TR><TD {span}><FONT POINT-SIZE="15">{subtitle}</FONT></TD></TR>'
            f"<TR>{''.join(keys)}</TR>"
            f'<TR><TD {span}><FONT POINT-SIZE="13">Box: name, code · number of partners; darker = more '
            f"partners. {source}</FONT></TD></TR>")
    return f'<<TABLE BORDER="0" CELLSPACING="4">{rows}</TABLE>>'
