"""The briefing: one self-contained HTML file to send (Jinja2), and the same figures as an Excel workbook.

The HTML page inlines its CSS, JavaScript and SVG and fetches nothing, so it works
from a USB stick: headline figures, the network diagram (each box a link to its
section), one section per administration (``#admin-CODE``), the bloc matrix, gaps,
leverage and roll-out, a time slider over year-end frames, sortable and filterable
tables, and print styles. Every value is escaped by Jinja2's autoescaping.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import jinja2
import pandas as pd

from .formatting import records
from .metrics import centrality, coverage, growth
from .metrics.growth import year_ends
from .network import MRANetwork
from .report import build_report
from .render import diagram

#: Year-end frames in the slider: at most this many, the latest ones.
MAX_FRAMES = 20


def briefing_html(net: MRANetwork, *, focus: str | None = None, bloc: str | None = None,
                  frames: bool = True) -> str:
    """The briefing page for ``net`` as one HTML document (a string).

    Parameters
    ----------
    net : MRANetwork
    focus, bloc : str, optional
        As in :func:`~mra_graph.report.build_report` (default: the dataset's).
    frames : bool
        Include the time slider over year-end diagrams (needs Graphviz; slower).

    Examples
    --------
    >>> page = briefing_html(load(as_of="2025-03-01"), frames=False)
    >>> 'id="admin-SG"' in page and "<script src" not in page
    True
    """
    report = build_report(net, focus=focus, bloc=bloc)
    bloc_name = report.bloc.name if report.bloc else None
    drawing = diagram(net, bloc=bloc_name, links=True).render("svg").decode("utf-8")  # slide-fitted: readable
    sections = [_section(net, code) for code in sorted(net.graph.nodes)]
    slider = _frames(net, bloc_name) if frames else []
    environment = jinja2.Environment(loader=jinja2.PackageLoader("mra_graph", "templates"),
                                     autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                                     lstrip_blocks=True)
    return environment.get_template("briefing.html").render(
        report=report, summary=records(report.summary)[0], hubs=records(report.hubs),
        diagram=_svg_body(drawing), sections=sections, frames=slider,
        matrix=report.bloc.matrix if report.bloc else None,
        bloc=report.bloc, focus=report.focus, caption=net.describe(), growth=records(growth(net)),
    )


def _section(net: MRANetwork, code: str) -> dict:
    table = coverage(net, code)
    return {"code": code, "name": net.name_of(code), "programme": net.graph.nodes[code]["programme"],
            "partners": records(table)}


def _frames(net: MRANetwork, bloc: str | None) -> list[dict]:
    """Year-end diagrams on one pinned layout (SVG only), each with its key numbers."""
    from .frames import frame_layout, _extent

    networks = year_ends(net)[-MAX_FRAMES:]
    labelled = [(str(at.as_of_date.year), at) for at in networks]
    nodes, positions, bloc_name, compact = frame_layout(labelled, bloc=bloc)

    def draw(item):
        label, at = item
        svg = diagram(at, bloc=bloc_name, positions=positions, nodes=nodes, extent=_extent(positions, at, compact),
                      size=None, compact=compact, title=f"{label}: {at.describe()}").render("svg").decode("utf-8")
        graph = at.graph
        return {"label": label, "svg": _svg_body(svg),
                "figures": f"{graph.number_of_edges()} recognising pairs among "
                           f"{sum(1 for _, d in graph.degree() if d)} administrations"}

    with ThreadPoolExecutor() as pool:
        return list(pool.map(draw, labelled))


def _svg_body(svg: str) -> str:
    """An SVG document without its XML prologue, ready to inline."""
    return svg[svg.index("<svg"):]


def briefing_workbook(net: MRANetwork, *, focus: str | None = None, bloc: str | None = None) -> bytes:
    """The briefing's tables as an Excel workbook (xlsx bytes): one sheet each, headers frozen, filters on.

    Exact dates are Excel dates; dates known only to a month, a year or as "on or before"
    are text with their qualifier. No cell is a formula: text starting with ``=``, ``+``,
    ``-`` or ``@`` is stored as text.

    Examples
    --------
    >>> from openpyxl import load_workbook
    >>> import io
    >>> book = load_workbook(io.BytesIO(briefing_workbook(load(as_of="2025-03-01"))))
    >>> book.sheetnames[:3]
    ['Summary', 'Coverage', 'Bloc matrix']
    """
    from .workbook import workbook_bytes

    report = build_report(net, focus=focus, bloc=bloc)
    every = [coverage(net, code).assign(administration=code) for code in sorted(net.graph.nodes)]
    all_coverage = pd.concat([t for t in every if len(t)], ignore_index=True) if any(len(t) for t in every) \
        else pd.DataFrame()
    if len(all_coverage):
        all_coverage = all_coverage[["administration", *[c for c in all_coverage.columns if c != "administration"]]]
    sheets = {
        "Summary": report.summary.T.reset_index().set_axis(["figure", "value"], axis=1),
        "Coverage": all_coverage,
        "Bloc matrix": report.bloc.matrix.reset_index(names="member") if report.bloc else pd.DataFrame(),
        "Growth": growth(net),
        "Centrality": centrality(net),
        "Leverage": report.bloc.leverage if report.bloc and report.bloc.leverage is not None else pd.DataFrame(),
        "Sources": net.mras,
    }
    return workbook_bytes(sheets, title=f"AEO mutual recognition {net.describe()}")
