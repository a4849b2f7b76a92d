"""Commands that draw or export the graph: render and export."""
from __future__ import annotations

from pathlib import Path

import click

from .options import DateParam, network_command
from .tables import _bloc


@network_command("render", short_help="Draw the network as SVG, PNG, PDF or DOT, ready for slides.")
@click.option("--focus", metavar="CODE", help="One administration, its partners and their partners.")
@click.option("--bloc", help="Bloc drawn as a box (default: the dataset's; 'none' for none).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; the format follows the extension (.svg .png .pdf .dot). "
                   "Default: outputs/network-DATE-VIEW[-CODE].svg")
@click.option("--size", type=click.Choice(("slide", "a4", "square", "natural")), default="slide", show_default=True,
              help="Page: a 16:9 slide (a PNG 1920 px wide), A4 landscape, a square, or the layout's natural size.")
@click.option("--dpi", type=click.FloatRange(min=10, max=1200), help="PNG resolution (default: 1920 px across).")
@click.option("--title", help="Title drawn at the top (default: the date and view).")
@click.option("--layout", "arrangement", type=click.Choice(("network", "geo")), default="network", show_default=True,
              help="network: placed by links; geo: a map, each administration at its capital.")
@click.option("--matrix", is_flag=True, help="The bloc as a matrix: members down, their partners across.")
@click.option("--bloc-only", is_flag=True, help="Only the bloc's members, their arrangements and direct partners.")
@click.option("--since", type=DateParam(), metavar="DATE",
              help="Highlight pairs that recognise each other since DATE (gold) and mark those ended (red).")
def render_command(net, focus, bloc, output, size, dpi, title, arrangement, matrix, bloc_only, since):
    """Draw the recognition network as a diagram ready for slides.

    Edge colour: grey bilateral, teal the bloc's own arrangement (the AAMRA), orange
    other plurilateral, purple both; dashed lines are signed but not in force.
    Darker boxes have more partners. --since DATE bands what is new in gold.

    Example:

        mra-graph render --focus SG -o outputs/singapore.png

    And what changed since June 2022, for a "before and after" slide:

        mra-graph render --since 2022-06-07 -o outputs/changes.png
    """
    page = None if size == "natural" else size
    drawing, stem = _drawing(net, _bloc(net, bloc), focus, matrix, title=title, dpi=dpi, size=page, since=since,
                             bloc_only=bloc_only, geo=arrangement == "geo")
    output = output or Path("outputs") / stem.format(f"{net.as_of_date.isoformat()}-{net.view_name}")
    click.echo(f"Wrote {drawing.save(output)}", err=True)
    smallest = drawing.smallest_label()
    if smallest is not None and smallest < 14:
        click.echo(f"note: on a {size} page the smallest text is {smallest} pt (under 14 pt): this many "
                   "administrations do not fit a page at reading size; SVG and PDF zoom without loss", err=True)


def _drawing(net, bloc: str | None, focus: str | None, matrix: bool, **options):
    """The figure asked for (a matrix, or the network) and its default file name, with {} for date and view."""
    from ..errors import MRAGraphError

    if matrix:
        from ..matrix_figure import matrix_diagram

        if not bloc:
            raise MRAGraphError("a matrix needs a bloc (the dataset names none: give --bloc NAME)")
        keep = {k: options[k] for k in ("title", "dpi", "size")}
        return matrix_diagram(net, bloc, **keep), "matrix-{}.svg"
    from ..render import diagram

    suffix = f"-{net.check_code(focus)}" if focus else ""
    return diagram(net, bloc=bloc, focus=focus, **options), "network-{}" + suffix + ".svg"


@network_command("export", short_help="Write the graph as GraphML, GEXF (Gephi), node-link JSON or CSV.")
@click.option("--format", "fmt", type=click.Choice(("graphml", "gexf", "json", "csv")),
              help="Default: from the file's extension.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (atomically).")
@click.option("--raw", is_flag=True, help="CSV: do not defuse cells starting with = + - @ (formula guard).")
def export_command(net, fmt, output, raw):
    """Export the recognition graph with its arrangements, dates and sources.

    GEXF edges carry start dates, so Gephi's timeline shows the growth.

    Example:

        mra-graph export -o outputs/mra.gexf
    """
    from ..exports import export

    click.echo(f"Wrote {export(net, output, fmt, raw=raw)}", err=True)
