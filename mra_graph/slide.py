"""Fitting a network to a page at reading size: the layout squeezed to the page, then untangled.

A slide holds a few dozen boxes at 14 pt only if each box is small: where a figure
shows more than :data:`COMPACT_ABOVE` administrations, each box holds its code and
partner count (the name is in the SVG's tooltip); fewer keep their names. Either way
the layout is scaled to the page's usable area (several proportions are tried, the one
giving the largest text kept), and boxes are then nudged apart until none overlaps; the
bloc's box is drawn around its members and no outsider is left inside it. A map's
compact boxes sit at their capitals on a smaller scale (:data:`GEO_SCALE`).
"""
from __future__ import annotations

import re

from .layout import BLOC_KEY, BLOC_SIZE_KEY, POINTS, box_width, geo_layout, layout, separate

COMPACT_ABOVE = 12  # more boxes than this on a page: codes, not names
COMPACT_WIDTH, COMPACT_HEIGHT = 0.62, 0.6  # inches: "SG" over "12"
COMPACT_FONT = 16  # points: 14 or more once the drawing is fitted to the page
TITLE_BAND = 190.0  # points at the top for the title (two lines), the legend and the notes under it
SQUEEZES = ((1.0, 1.0), (1.0, 0.85), (1.0, 0.7), (0.85, 0.7), (0.85, 0.55))  # share of the page's width, height
GEO_SCALE = 3.25  # points per degree on a map of compact boxes: the world at 14 pt, Asia still in place
GAP = 16.0  # points between boxes: room for lines to pass
BLOC_PAD, BLOC_LABEL = 16.0, 28.0  # points around the members, and above them for the bloc's name


def page_layout(graph, nodes: list[str], members: list[str], page: tuple[float, float], name_of=None) -> dict:
    """Positions (points) for boxes filling ``page`` (inches), with the bloc's box if any.

    Parameters
    ----------
    graph : networkx.Graph
    nodes, members : list of str
        The administrations drawn, and those of them inside the bloc's box.
    page : (width, height)
        In inches, as in :data:`mra_graph.render.SIZES`.
    name_of : callable, optional
        ``code -> name`` for boxes holding names; without it, compact boxes (code and count).

    Returns
    -------
    dict
        The same form as :func:`mra_graph.layout.layout`: ``code -> (x, y)`` and, with
        two or more members, ``BLOC_KEY`` (centre) and ``BLOC_SIZE_KEY`` (width, height).
    """
    members = [m for m in members if m in nodes]
    width_of = (lambda code: box_width(name_of(code))) if name_of else (lambda code: COMPACT_WIDTH)
    start = layout(graph, nodes, members, None, width_of=width_of)
    if len(nodes) < 2:
        return start
    page_width, page_height = page[0] * POINTS, page[1] * POINTS
    width, height = page_width - 2 * GAP, page_height - TITLE_BAND
    halves = {code: (width_of(code) * POINTS / 2, COMPACT_HEIGHT * POINTS / 2) for code in nodes}
    widest = max(half for half, _ in halves.values())
    best = None
    for sx, sy in SQUEEZES:  # the one whose drawing, fitted to the page, has the largest text
        boxes = _squeezed(start, nodes, width * sx - 2 * widest, height * sy - COMPACT_HEIGHT * POINTS, halves)
        bloc = _untangle(boxes, members)
        x0, y0, x1, y1 = _extent(boxes, bloc)
        scale = _fitted_scale(x1 - x0, y1 - y0, page)
        if best is None or scale > best[0]:
            best = scale, boxes, bloc, (x0, y0)
        if scale >= 1.0:
            break
    _, boxes, bloc, (x0, y0) = best
    dx, dy = GAP - x0, GAP - y0  # into positive coordinates, as Graphviz draws them (nothing is then moved)
    positions = {code: (round(x + dx, 1), round(y + dy, 1)) for code, (x, y, _, _) in boxes.items()}
    if bloc:
        (bx0, by0, bx1, by1) = bloc
        positions[BLOC_KEY] = (round((bx0 + bx1) / 2 + dx, 1), round((by0 + by1) / 2 + dy, 1))
        positions[BLOC_SIZE_KEY] = (round(bx1 - bx0, 1), round(by1 - by0, 1))
    return positions


def geo_page_layout(net, nodes: list[str]) -> dict:
    """A map of compact boxes for a page (see :func:`mra_graph.layout.geo_layout`): a smaller scale
    than the natural map's, so the world fits a slide with its text near 14 pt, and boxes far enough
    apart for every line to be routed around them."""
    return geo_layout(net, nodes, scale=GEO_SCALE, gap=GAP, width_of=lambda code: COMPACT_WIDTH)


def box_inches(net, code: str, compact: bool) -> float:
    """The width in inches of ``code``'s box: compact (code and count) or holding its name."""
    return COMPACT_WIDTH if compact else box_width(net.name_of(code))


def _fitted_scale(width: float, height: float, page: tuple[float, float]) -> float:
    """How much a drawing of ``width`` x ``height`` points (boxes only) is scaled to fit ``page``, at most 1."""
    return min(1.0, page[0] * POINTS / (width + 2 * GAP), page[1] * POINTS / (height + TITLE_BAND))


def _squeezed(start: dict, nodes: list[str], width: float, height: float, halves: dict) -> dict:
    """Box centres scaled (each axis on its own) so that they span ``width`` x ``height``."""
    xs, ys = [start[n][0] for n in nodes], [start[n][1] for n in nodes]
    sx = width / ((max(xs) - min(xs)) or 1.0)
    sy = height / ((max(ys) - min(ys)) or 1.0)
    return {n: [(start[n][0] - min(xs)) * sx, (start[n][1] - min(ys)) * sy, *halves[n]] for n in nodes}


def _untangle(boxes: dict, members: list[str]) -> tuple[float, float, float, float] | None:
    """Separate the boxes; then keep outsiders out of the bloc's box (drawn around the members)."""
    separate(boxes, GAP)
    if len(members) < 2:
        return None
    for _ in range(20):
        bloc = _bloc_rectangle(boxes, members)
        inside = [code for code in boxes if code not in members and _overlaps(boxes[code], bloc)]
        if not inside:
            return bloc
        for code in inside:  # out through the nearest side
            x, y, w, h = boxes[code]
            moves = [(bloc[0] - GAP - w - x, 0), (bloc[2] + GAP + w - x, 0), (0, bloc[1] - GAP - h - y),
                     (0, bloc[3] + GAP + h - y)]
            dx, dy = min(moves, key=lambda m: abs(m[0]) + abs(m[1]) + (0.1 if (m[0] or m[1]) == 0 else 0))
            boxes[code][0] += dx
            boxes[code][1] += dy
        separate(boxes, GAP, fixed=set(members))
    return _bloc_rectangle(boxes, members)


def _bloc_rectangle(boxes: dict, members: list[str]) -> tuple[float, float, float, float]:
    x0 = min(boxes[m][0] - boxes[m][2] for m in members) - BLOC_PAD
    x1 = max(boxes[m][0] + boxes[m][2] for m in members) + BLOC_PAD
    y0 = min(boxes[m][1] - boxes[m][3] for m in members) - BLOC_PAD
    y1 = max(boxes[m][1] + boxes[m][3] for m in members) + BLOC_PAD + BLOC_LABEL
    return x0, y0, x1, y1


def _overlaps(box, rectangle) -> bool:
    x, y, w, h = box
    return x + w + GAP > rectangle[0] and x - w - GAP < rectangle[2] and \
        y + h + GAP > rectangle[1] and y - h - GAP < rectangle[3]


def _extent(boxes: dict, bloc) -> tuple[float, float, float, float]:
    x0 = min(x - w for x, _, w, _ in boxes.values())
    x1 = max(x + w for x, _, w, _ in boxes.values())
    y0 = min(y - h for _, y, _, h in boxes.values())
    y1 = max(y + h for _, y, _, h in boxes.values())
    if bloc:
        x0, y0, x1, y1 = min(x0, bloc[0]), min(y0, bloc[1]), max(x1, bloc[2]), max(y1, bloc[3])
    return x0, y0, x1, y1


def pad_to_page(dot: str, page: tuple[float, float]) -> str:
    """Two invisible points widen (or heighten) the drawing to the page's proportions, so a slide-size PNG
    is a full slide; nothing moves or shrinks, the margins grow."""
    found = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', dot)
    if not found:
        return dot
    x0, y0, x1, y1 = map(float, found.groups())
    width, height, target = x1 - x0, y1 - y0, page[0] / page[1]
    if width / height < target:
        grow = (target * height - width) / 2
        corners = ((x0 - grow, y0), (x1 + grow, y0))
    else:
        grow = width / target - height
        corners = ((x0, y0 - grow), (x1, y0 - grow))
    points = "".join(f'\t"page corner {i}" [shape=point, style=invis, width=0.01, pos="{x:.1f},{y:.1f}!"];\n'
                     for i, (x, y) in enumerate(corners))
    return dot.replace("{", "{\n" + points, 1)
