"""Layout and Graphviz: positions computed once by ``neato``, and the programs run safely.

The only module that runs Graphviz to place boxes; a missing Graphviz raises
:class:`~mra_graph.errors.GraphvizNotFound` with how to install it.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import networkx as nx

from .errors import GraphvizError, GraphvizNotFound

POINTS = 72.0


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string that Graphviz shows as it is.

    Backslashes, quotes and newlines are escaped, and ``&`` too (Graphviz would
    otherwise read ``&amp;`` in a label as an entity). Other control characters are
    dropped: XML (so SVG) cannot hold them.

    Examples
    --------
    >>> print(quote('Say "hi" & <b>'))
    "Say \\"hi\\" &amp; <b>"
    """
    text = text.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    text = re.sub(r"\r\n|\r|\n", r"\\n", text)
    return '"' + _CONTROL.sub("", text) + '"'


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def graphviz(engine: str, args: list[str], source: str) -> bytes:
    """Run a Graphviz program on DOT ``source`` and return its output."""
    program = shutil.which(engine)
    if program is None:
        raise GraphvizNotFound()
    # Its own session: Ctrl-C reaches this process only, which stops Graphviz (Graphviz 2.43 would otherwise
    # start again on SIGINT and exit 0 with a partial image).
    result = subprocess.run([program, *args], input=source.encode("utf-8"), capture_output=True, timeout=300,
                            start_new_session=True)
    if result.returncode != 0:
        raise GraphvizError(f"{engine} failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def check_complete(content: bytes, fmt: str) -> bytes:
    """``content`` if it is a whole file of ``fmt`` (PNG to its IEND chunk, SVG parseable, PDF to %%EOF).

    Raises
    ------
    GraphvizError
        For a truncated or broken drawing, which is then never written under its name.
    """
    import xml.etree.ElementTree as ET

    if fmt == "png":
        whole = content.startswith(b"\x89PNG\r\n\x1a\n") and content[-12:-8] == b"\x00\x00\x00\x00" \
            and content[-8:-4] == b"IEND"
    elif fmt == "pdf":
        whole = content.startswith(b"%PDF") and b"%%EOF" in content[-1024:]
    elif fmt == "svg":
        try:
            whole = ET.fromstring(content).tag.endswith("svg")
        except ET.ParseError:
            whole = False
    else:
        whole = True
    if not whole:
        raise GraphvizError(f"Graphviz returned an incomplete {fmt.upper()} ({len(content)} bytes); nothing written")
    return content


def box_width(name: str) -> float:
    """Width in inches of an administration's box, from its name (15 pt Helvetica)."""
    return round(max(1.3, 0.118 * len(name) + 0.4), 2)


BLOC_MARGIN = (24.0, 60.0)  # points around the members, room for the bloc's label on top


def layout(graph: nx.Graph, nodes: list[str], members: list[str], name_of,
           width_of=None) -> dict[str, tuple[float, float]]:
    """Positions in points for ``nodes`` of ``graph``, computed by Graphviz neato (deterministic).

    ``name_of(code)`` gives the label whose length sets each box's width (``width_of(code)``,
    in inches, overrides it: compact boxes for a slide).

    The bloc's ``members`` are laid out first, among themselves; the rest is then
    laid out with the bloc as one large box, so no outsider lands inside it. The
    box itself is returned under the key ``BLOC_KEY`` as (centre x, centre y) and
    its size under ``BLOC_SIZE_KEY``.
    """
    width_of = width_of or (lambda code: box_width(name_of(code)))
    members = [m for m in members if m in nodes]
    if len(members) < 2:
        return _neato(width_of, nodes, graph.subgraph(nodes).edges, {})
    inner = _neato(width_of, members, graph.subgraph(members).edges, {}, springs=members)
    xs, ys = [inner[m][0] for m in members], [inner[m][1] for m in members]
    half_width = max(width_of(m) for m in members) * POINTS / 2
    width = max(xs) - min(xs) + 2 * (half_width + BLOC_MARGIN[0])
    height = max(ys) - min(ys) + 0.6 * POINTS + 2 * BLOC_MARGIN[0] + BLOC_MARGIN[1]
    outside = [n for n in nodes if n not in members]
    inside = set(members)
    edges = set()
    for a, b in graph.subgraph(nodes).edges:
        a, b = (BLOC_KEY if a in inside else a), (BLOC_KEY if b in inside else b)
        if a != b:
            edges.add(tuple(sorted((a, b))))
    outer = _neato(width_of, outside + [BLOC_KEY], sorted(edges), {BLOC_KEY: (width / POINTS, height / POINTS)})
    cx, cy = outer[BLOC_KEY]
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2 + BLOC_MARGIN[1] / 2
    positions = {n: outer[n] for n in outside}
    positions.update({m: (round(cx + inner[m][0] - mx, 1), round(cy + inner[m][1] - my, 1)) for m in members})
    positions[BLOC_KEY] = (cx, cy)
    positions[BLOC_SIZE_KEY] = (round(width, 1), round(height, 1))
    return positions


BLOC_KEY, BLOC_SIZE_KEY = "__bloc__", "__bloc_size__"  # never administration codes


def _neato(width_of, nodes, edges, sizes, springs=()) -> dict[str, tuple[float, float]]:
    lines = ["graph layout {", 'graph [overlap="prism", overlap_scaling="-4", sep="+18", start="7", '
             'splines="false", mode="major"];', 'node [shape="box", height="0.6", fixedsize="true"];']
    for n in nodes:
        width, height = sizes.get(n, (width_of(n), 0.6))
        lines.append(f'{quote(n)} [width="{width:.2f}", height="{height:.2f}"];')
    lines += [f'{quote(a)} -- {quote(b)} [len="2.2"];' for a, b in sorted(tuple(sorted(e)) for e in edges)]
    for i, a in enumerate(springs):
        lines += [f'{quote(a)} -- {quote(b)} [len="1.4", weight="4"];' for b in springs[i + 1:]]
    lines.append("}")
    plain = graphviz("neato", ["-Tplain"], "\n".join(lines)).decode("utf-8")
    positions = {}
    for line in plain.splitlines():
        parts = _split_plain(line)
        if parts and parts[0] == "node":
            positions[parts[1]] = (round(float(parts[2]) * POINTS, 1), round(float(parts[3]) * POINTS, 1))
    return positions


def _split_plain(line: str) -> list[str]:
    """Split a line of Graphviz 'plain' output, honouring double-quoted names."""
    return [token[1:-1].replace('\\"', '"') if token.startswith('"') else token
            for token in re.findall(r'"(?:[^"\\]|\\.)*"|\S+', line)]


def geo_layout(net, nodes: list[str], *, scale: float = 9.0, gap: float = 6.0,
               width_of=None) -> dict[str, tuple[float, float]]:
    """Positions in points from each administration's capital (``latitude``, ``longitude`` in the data).

    An equirectangular projection (``scale`` points per degree), then boxes nudged apart
    until none overlaps (``gap`` points between them), so a map stays readable where
    capitals are close (Europe, South-East Asia). Administrations without coordinates
    are left out. ``width_of(code)`` gives each box's width in inches (default: from its name).

    Raises
    ------
    MRAGraphError
        If the data has no coordinates for any of ``nodes``.
    """
    from .errors import MRAGraphError

    width_of = width_of or (lambda code: box_width(net.name_of(code)))
    table = net.administrations.set_index("code")
    if "latitude" not in table.columns:
        raise MRAGraphError("the administrations table has no latitude/longitude columns: no map can be drawn")
    boxes = {}
    for code in nodes:
        lat, lon = table.at[code, "latitude"], table.at[code, "longitude"]
        if lat and lon:
            boxes[code] = [float(lon) * scale, float(lat) * scale, width_of(code) * POINTS / 2,
                           0.6 * POINTS / 2]
    if not boxes:
        raise MRAGraphError("no administration shown has coordinates (latitude, longitude): no map can be drawn")
    separate(boxes, gap)
    return {code: (round(x, 1), round(y, 1)) for code, (x, y, _, _) in boxes.items()}


def separate(boxes: dict[str, list[float]], gap: float, *, fixed=frozenset(), rounds: int = 300) -> None:
    """Nudge ``boxes`` (code -> [x, y, half width, half height], points) apart until none overlaps.

    Every round, each overlapping pair moves apart along the axis where it overlaps
    least, half each (the whole way for a box whose partner is in ``fixed``, which
    never moves); all pairs at once, with numpy.
    """
    import numpy as np

    codes = sorted(boxes)
    if len(codes) < 2:
        return
    box = np.array([boxes[c] for c in codes], dtype=float)
    movable = np.array([c not in fixed for c in codes])
    order = np.arange(len(codes))
    tie = np.where(order[:, None] > order[None, :], 1.0, -1.0)  # same centre: the later code goes right/up
    for _ in range(rounds):
        dx = box[:, None, 0] - box[None, :, 0]
        dy = box[:, None, 1] - box[None, :, 1]
        over_x = box[:, None, 2] + box[None, :, 2] + gap - np.abs(dx)
        over_y = box[:, None, 3] + box[None, :, 3] + gap - np.abs(dy)
        clash = (over_x > 1e-6) & (over_y > 1e-6) & (movable[:, None] | movable[None, :])
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        share = np.where(movable[None, :], 0.5, 1.0)  # how much of the overlap box i takes on
        along_x = clash & (over_x < over_y)
        along_y = clash & ~(over_x < over_y)
        sign_x, sign_y = np.where(dx != 0, np.sign(dx), tie), np.where(dy != 0, np.sign(dy), tie)
        box[:, 0] += np.where(movable, (np.where(along_x, sign_x * over_x, 0) * share).sum(axis=1), 0)
        box[:, 1] += np.where(movable, (np.where(along_y, sign_y * over_y, 0) * share).sum(axis=1), 0)
    for code, row in zip(codes, box):
        boxes[code][0], boxes[code][1] = float(row[0]), float(row[1])
