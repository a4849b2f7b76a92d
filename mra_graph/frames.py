"""Animations: one diagram per scenario step or year, all on one pinned layout.

Positions are computed once, on the union of every frame's graph, and pinned,
so each administration sits at the same coordinates in every frame and a viewer
sees only what changes. Frames render in parallel (one Graphviz process per
core); the set is combined into an animated GIF (Pillow) and one self-contained
HTML page with a step slider that works offline.
"""
from __future__ import annotations

import html
import io
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import networkx as nx

from ._io import atomic_write_bytes, atomic_write_text
from .network import MRANetwork
from .render import SIZES, Diagram, diagram, route_lines, shown_nodes
from .slide import COMPACT_ABOVE, box_inches, page_layout

GIF_WIDTH = 1280  # pixels: enough for a slide, small enough to mail


@dataclass(frozen=True)
class Frames:
    """What :func:`render_frames` wrote: one SVG and one PNG per frame, a GIF and an HTML page."""

    svg: list[Path]
    png: list[Path]
    gif: Path
    html: Path


def frame_layout(frames: list[tuple[str, MRANetwork]], *, bloc: str | None = None):
    """What every frame shows, computed once: the administrations, their pinned positions (fitted to a
    slide), the bloc's name, and whether boxes are compact (codes, as on a slide of many boxes)."""
    union = nx.Graph()
    nodes: set[str] = set()
    for _, net in frames:
        union.add_edges_from(net.graph.edges)
        nodes |= set(shown_nodes(net, bloc=bloc, focus=None))
    first = frames[0][1]
    bloc_name = first.bloc_name(bloc) if bloc else None
    union.add_nodes_from(nodes)
    members = first.bloc_members(bloc_name) if bloc_name else []
    compact = len(nodes) > COMPACT_ABOVE
    positions = page_layout(union, sorted(nodes), members, SIZES["slide"], None if compact else first.name_of)
    return sorted(nodes), positions, bloc_name, compact


def _frame_diagram(frames, number, nodes, positions, bloc_name, compact, routes=None) -> Diagram:
    label, net = frames[number - 1]
    return diagram(net, bloc=bloc_name, positions=positions, nodes=nodes, compact=compact,
                   extent=_extent(positions, net, compact, routes), title=f"Step {number} of {len(frames)}: {label}",
                   routes=routes, route=routes is None)


def _extent(positions: dict, net: MRANetwork, compact: bool, routes: dict | None = None,
            margin: float = 48.0) -> tuple[float, float, float, float]:
    """One canvas for every frame: the boxes' extent (the bloc's box included) plus room for the lines:
    with the lines already routed, exactly what they need (and 8 points); else ``margin`` points."""
    from .layout import BLOC_KEY, BLOC_SIZE_KEY, POINTS

    spans = [(x, y, box_inches(net, code, compact) * POINTS / 2, 0.3 * POINTS)
             for code, (x, y) in positions.items() if code not in (BLOC_KEY, BLOC_SIZE_KEY)]
    if BLOC_KEY in positions:
        (x, y), (w, h) = positions[BLOC_KEY], positions[BLOC_SIZE_KEY]
        spans.append((x, y, w / 2, h / 2))
    if routes:
        margin = 8.0
        spans += [(float(x), float(y), 0.0, 0.0) for spline in routes.values()
                  for x, y in (point.split(",") for point in spline.split())]
    return (min(x - w for x, _, w, _ in spans) - margin, min(y - h for _, y, _, h in spans) - margin,
            max(x + w for x, _, w, _ in spans) + margin, max(y + h for _, y, _, h in spans) + margin)


def render_frames(frames: list[tuple[str, MRANetwork]], directory: str | Path, *, bloc: str | None = None,
                  title: str = "mra-graph", workers: int | None = None,
                  progress: Callable[[int], None] | None = None) -> Frames:
    """Render ``(label, network)`` frames into ``directory``: SVG and PNG each, a GIF, an HTML page.

    The layout is computed once; then each frame is built, drawn (SVG and PNG)
    and scaled for the GIF in its own worker, so the Graphviz processes and the
    image scaling run in parallel.

    Parameters
    ----------
    frames : list of (str, MRANetwork)
    directory : path
        Created if needed; files are named ``frame-001.svg`` ... ``animation.gif``,
        ``index.html``, each written atomically.
    bloc : str or None
    title : str
        The HTML page's title.
    workers : int, optional
        Frames drawn at once (default: the number of cores).
    progress : callable, optional
        Called with 1 after each frame is written (e.g. a progress bar's update).

    Returns
    -------
    Frames
    """
    from PIL import Image

    directory = Path(directory)
    nodes, positions, bloc_name, compact = frame_layout(frames, bloc=bloc)
    shown = set(nodes)
    pairs = {tuple(sorted(e)) for _, net in frames for e in net.graph.edges if set(e) <= shown}
    routes = route_lines(frames[0][1], nodes, positions, pairs, compact)  # once, for every frame
    digits = max(3, len(str(len(frames))))

    stop = threading.Event()  # set on Ctrl-C: no frame is drawn or written after it

    def draw(number: int):
        if stop.is_set():
            return None
        drawing = _frame_diagram(frames, number, nodes, positions, bloc_name, compact, routes)
        stem = directory / f"frame-{number:0{digits}d}"
        drawn = drawing.render_all(("svg", "png"))
        svg, png = drawn["svg"], drawn["png"]
        if stop.is_set():
            return None
        atomic_write_bytes(stem.with_suffix(".svg"), svg)
        atomic_write_bytes(stem.with_suffix(".png"), png)
        with Image.open(io.BytesIO(png)) as image:
            small = image.convert("RGB").resize((GIF_WIDTH, round(image.height * GIF_WIDTH / image.width)),
                                                Image.Resampling.LANCZOS).quantize(colors=128)  # here, in parallel
        if progress:
            progress(1)
        return stem.with_suffix(".svg"), stem.with_suffix(".png"), svg, small

    pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1)
    try:
        drawn = list(pool.map(draw, range(1, len(frames) + 1)))
    except BaseException:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    svgs, pngs, sources, images = zip(*drawn)
    gif = directory / "animation.gif"
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=True, append_images=list(images[1:]), duration=1800, loop=0)
    atomic_write_bytes(gif, buffer.getvalue())
    page = directory / "index.html"
    figures = [_figures(net) for _, net in frames]
    atomic_write_text(page, _html(title, [label for label, _ in frames], sources, figures))
    return Frames(list(svgs), list(pngs), gif, page)


def _figures(net: MRANetwork) -> str:
    """A step's key numbers, for the page beside its figure."""
    graph = net.graph
    partners = sum(1 for _, degree in graph.degree() if degree)
    best = max(graph.degree(), key=lambda item: (item[1], item[0]), default=("", 0))
    return (f"{graph.number_of_edges()} recognising pairs among {partners} administrations; "
            f"most partners: {net.name_of(best[0])} ({best[1]}). {net.describe()}")


def _html(title: str, labels: list[str], svgs, figures: list[str] | None = None) -> str:
    """One offline page: every frame inline, a slider opening on the last step, play/pause, each step's figures."""
    figures = figures or [""] * len(labels)
    last = len(labels) - 1
    frames = "\n".join(
        f'<figure class="frame" data-label="{html.escape(label)}" data-figures="{html.escape(numbers)}"'
        f'{"" if i == last else " hidden"}>{_inline(svg)}</figure>'
        for i, (label, svg, numbers) in enumerate(zip(labels, svgs, figures)))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 1.5rem; color: #222; font-size: 18px; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .8rem; }}
.controls {{ display: flex; gap: 1rem; align-items: center; margin-bottom: .6rem; flex-wrap: wrap; }}
.controls button {{ font-size: 1.1rem; min-width: 2.6rem; }}
input[type=range] {{ width: 40rem; max-width: 90vw; }}
#label {{ font-weight: bold; }} #figures {{ color: #444; margin-bottom: .6rem; }}
figure {{ margin: 0; }} figure svg {{ width: 100%; height: auto; max-height: 80vh; }}
</style></head>
<body>
<h1>{html.escape(title)}</h1>
<div class="controls">
<button id="play" aria-label="play">&#9654; Play</button>
<button id="previous" aria-label="previous step">&#9664;</button>
<input id="step" type="range" min="1" max="{len(labels)}" value="{len(labels)}" aria-label="step">
<button id="next" aria-label="next step">&#9654;</button>
<output id="label"></output>
</div>
<div id="figures"></div>
{frames}
<script>
const frames = Array.from(document.querySelectorAll(".frame"));
const slider = document.getElementById("step"), label = document.getElementById("label");
const figures = document.getElementById("figures"), play = document.getElementById("play");
let timer = null;
function show(step) {{
  step = Math.min(Math.max(step, 1), frames.length);
  slider.value = step;
  frames.forEach((frame, i) => frame.hidden = i !== step - 1);
  label.textContent = "Step " + step + " of " + frames.length + ": " + frames[step - 1].dataset.label;
  figures.textContent = frames[step - 1].dataset.figures;
}}
function stop() {{ clearInterval(timer); timer = null; play.innerHTML = "&#9654; Play"; }}
play.addEventListener("click", () => {{
  if (timer) {{ stop(); return; }}
  if (Number(slider.value) === frames.length) show(1);
  play.innerHTML = "&#10074;&#10074; Pause";
  timer = setInterval(() => {{
    if (Number(slider.value) >= frames.length) {{ stop(); return; }}
    show(Number(slider.value) + 1);
  }}, 1500);
}});
slider.addEventListener("input", () => {{ stop(); show(Number(slider.value)); }});
document.getElementById("previous").addEventListener("click", () => {{ stop(); show(Number(slider.value) - 1); }});
document.getElementById("next").addEventListener("click", () => {{ stop(); show(Number(slider.value) + 1); }});
document.addEventListener("keydown", e => {{
  if (e.key === "ArrowLeft") {{ stop(); show(Number(slider.value) - 1); }}
  if (e.key === "ArrowRight") {{ stop(); show(Number(slider.value) + 1); }}
}});
show(frames.length);
</script>
</body></html>
"""


def _inline(svg: bytes) -> str:
    text = svg.decode("utf-8")
    return text[text.index("<svg"):]
