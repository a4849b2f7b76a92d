"""Diagrams of the recognition network: laid out once, lines routed around the boxes, drawn by Graphviz.

Every diagram is laid out once (Graphviz ``neato`` on the graph plus invisible
springs that pull each bloc's members together, or the capitals' coordinates for a
map), its lines routed around every box (``neato -n2`` splines), and drawn with the
positions pinned, so a set of diagrams can share one layout and a viewer sees only
what changes (see :mod:`mra_graph.frames`). Sizes follow where the figure goes (a
slide, A4, a square). The DOT itself and its styles are built in :mod:`mra_graph.dot`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from ._io import atomic_write_bytes
from .errors import GraphvizNotFound, MRAGraphError
from .dot import PAD, build_dot
from .slide import COMPACT_ABOVE, COMPACT_FONT, box_inches, geo_page_layout, pad_to_page, page_layout
from .layout import POINTS, check_complete, geo_layout, graphviz, layout, quote
from .network import MRANetwork

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot")
#: Page sizes in inches: a 16:9 slide (PowerPoint's default), A4 landscape, a square.
SIZES = {"slide": (13.333, 7.5), "a4": (11.69, 8.27), "square": (10.0, 10.0)}
SLIDE_PIXELS = 1920  # a slide-size PNG is this wide
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
    smallest_text: float = 15.0  # points, before the drawing is fitted to its page

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
        return self.render_all((fmt,))[fmt]

    def render_all(self, formats: tuple[str, ...]) -> dict[str, bytes]:
        """The diagram in several formats from one Graphviz run (frames: SVG and PNG at once)."""
        import tempfile

        args, dpi = ["-n2"], None
        if self.size:
            width, height = SIZES[self.size]
            args.append(f"-Gsize={width},{height}!")
            if "png" in formats:
                dpi = self.dpi or round(SLIDE_PIXELS / width, 2)
        elif "png" in formats:
            dpi = self.dpi or 150
        if dpi:
            args.append(f"-Gdpi={dpi}")
        with tempfile.TemporaryDirectory(prefix="mra-graph-") as folder:
            paths = {fmt: Path(folder) / f"drawing.{fmt}" for fmt in formats}
            for fmt, path in paths.items():
                args += [f"-T{fmt}", "-o", str(path)]
            graphviz("neato", args, self.dot)
            drawn = {fmt: check_complete(path.read_bytes() if path.exists() else b"", fmt)
                     for fmt, path in paths.items()}
        if "svg" in drawn:  # scales to its container: the viewBox stays, the fixed size goes
            drawn["svg"] = re.sub(rb'<svg width="[^"]*" height="[^"]*"', b'<svg width="100%"', drawn["svg"], count=1)
            if dpi:  # drawn with the PNG's dpi, the SVG's content is scaled by dpi/72 but its viewBox is not
                drawn["svg"] = _scale_view_box(drawn["svg"], dpi / POINTS)
        return drawn

    def smallest_label(self) -> float | None:
        """The smallest label's size in points once the drawing, with its margin, is scaled to its ``size``
        (None: natural size)."""
        found = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', self.dot)
        if not self.size or not found:
            return None
        x0, y0, x1, y1 = map(float, found.groups())
        width, height = SIZES[self.size]
        margin = 2 * PAD * POINTS
        scale = min(width * POINTS / (x1 - x0 + margin), height * POINTS / (y1 - y0 + margin))
        return round(self.smallest_text * scale, 1)

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
            bloc_only: bool = False, geo: bool = False, routes: dict | None = None,
            compact: bool | None = None) -> Diagram:
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
        square; the layout is fitted to the page. None: the natural size.
    dpi : float, optional
        PNG resolution (default: 1920 px across for the page's width).
    routes : dict, optional
        ``(a, b) -> spline`` lines already routed (by :func:`route_lines`), used as they are.
    geo : bool
        A map: each administration at its capital (the data's latitude and longitude),
        nudged apart where boxes would overlap; no bloc box (members are where they are).
    bloc_only : bool
        Only the bloc: its members, their arrangements and their direct outside partners
        (lines between two outsiders are left out).
    compact : bool, optional
        Boxes of code and partner count (names on hover) rather than names. Default: when a
        sized figure lays out more than a dozen administrations itself.
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
    if compact is None:
        compact = positions is None and size is not None and len(nodes) > COMPACT_ABOVE
    if positions is None and geo:
        positions = geo_page_layout(net, nodes) if compact else geo_layout(net, nodes)
        nodes = [n for n in nodes if n in positions]
        members = []
    if positions is None and size:  # fitted to the page: compact boxes if many, else names
        try:
            positions = page_layout(net.graph, nodes, members, SIZES[size], None if compact else net.name_of)
        except GraphvizNotFound:
            positions = {}
    if positions is None:
        try:
            positions = layout(net.graph, nodes, members, net.name_of)
        except GraphvizNotFound:  # still a diagram: DOT without pinned positions, which save() writes
            positions = {}
    title = title or f"AEO mutual recognition {net.describe()}"
    if changes:
        changes["ended"] = [pair for pair in changes["ended"] if set(pair) <= set(nodes)]
    if bloc_only and not bloc_name:
        raise MRAGraphError("a bloc-only diagram needs a bloc (the dataset names none: give one)")
    inside = set(members) if bloc_only else None
    dot, box = build_dot(net, nodes, positions, bloc_name, members, focus, title, changes, links, inside, routes,
                         compact)
    if routes is not None and extent:  # lines routed already; two invisible corners give every frame one canvas
        corners = "".join(f'\t"corner {i}" [shape=point, style=invis, width=0.01, pos="{x:.1f},{y:.1f}!"];\n'
                          for i, (x, y) in enumerate(((extent[0], extent[1]), (extent[2], extent[3]))))
        dot = dot.replace("{", "{\n" + corners, 1)
    elif route and positions:
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
    if size and routes is None:
        dot = pad_to_page(dot, SIZES[size])
    return Diagram(dot, title, size, dpi, COMPACT_FONT if compact else 15.0)


def _scale_view_box(svg: bytes, factor: float) -> bytes:
    """``svg`` with its viewBox enlarged by ``factor`` (to match content drawn at a PNG's dpi)."""
    def scaled(found: re.Match) -> bytes:
        numbers = [float(n) * factor for n in found.group(1).split()]
        return b'viewBox="%s"' % " ".join(f"{n:.2f}" for n in numbers).encode()

    return re.sub(rb'viewBox="([^"]*)"', scaled, svg, count=1)


def route_lines(net: MRANetwork, nodes: list[str], positions: dict, pairs, compact: bool = False) -> dict:
    """Route every line of ``pairs`` around the boxes of ``nodes`` once: ``(a, b) -> spline``.

    For animations: the union of every frame's lines is routed in one Graphviz run, and
    each frame draws its own lines along those routes.
    """
    lines = ['graph routes {', 'graph [splines=true, esep="+5"];', 'node [shape=box, fixedsize=true, height=0.6];']
    lines += [f'{quote(n)} [width={box_inches(net, n, compact):.2f}, pos="{positions[n][0]},{positions[n][1]}!"];'
              for n in nodes]
    lines += [f"{quote(a)} -- {quote(b)};" for a, b in sorted(pairs)]
    routed = graphviz("neato", ["-n2", "-Tdot"], "\n".join(lines + ["}"])).decode("utf-8")
    found = re.findall(r'"?([^"\s]+)"?\s+--\s+"?([^"\s]+)"?\s*\[[^\]]*?pos="([^"]+)"', routed, flags=re.S)
    # Graphviz moves the drawing so its corner is at 0,0: move the lines back to the boxes' own coordinates.
    first = nodes[0]
    at = re.search(r'(?:^|\s)"?%s"?\s*\[[^\]]*?pos="([-\d.]+),([-\d.]+)' % re.escape(first), routed, flags=re.S)
    dx, dy = (positions[first][0] - float(at.group(1)), positions[first][1] - float(at.group(2))) if at else (0, 0)

    def moved(spline: str) -> str:
        points = spline.replace("\\\n", "").split()
        return " ".join(f"{float(x) + dx:.1f},{float(y) + dy:.1f}" for x, y in (p.split(",")[-2:] for p in points))

    return {tuple(sorted((a, b))): moved(spline) for a, b, spline in found}


def _changes(net: MRANetwork, since) -> dict:
    """Pairs new since ``since`` and pairs that recognised each other then and no longer do."""
    then = net.as_of(since)
    before = {frozenset(e) for e in then.graph.edges}
    now = {frozenset(e) for e in net.graph.edges}
    return {"since": then.as_of_date.isoformat(), "new": now - before,
            "ended": sorted(tuple(sorted(e)) for e in before - now)}
