"""Commands that answer with a table: report, coverage, bloc, reach, sources, growth, centrality, closeness."""
from __future__ import annotations

from pathlib import Path

import click

from .options import render_with_progress, table_command


@table_command("report", short_help="Overview: the network, its hubs, one coverage, one bloc; or a briefing.",
               formats=("table", "markdown", "json", "html", "xlsx"))
@click.option("--focus", metavar="CODE", help="Administration whose coverage is listed (default: the dataset's).")
@click.option("--bloc", help="Bloc whose internal coverage is shown (default: the dataset's).")
def report_command(net, focus, bloc):
    """Overview: network size, best-connected administrations, one coverage, one bloc.

    --format html writes a briefing in one self-contained file (diagram, a section per
    administration, the bloc, a time slider, sortable tables; works offline);
    --format xlsx a workbook of the same tables (needs -o FILE).

    Example:

        mra-graph report --as-of 2024-12-31 --view signed

    A briefing to send, and its workbook:

        mra-graph report --format html -o brief.html

        mra-graph report --format xlsx -o brief.xlsx
    """
    fmt = click.get_current_context().params["fmt"]
    if fmt in ("html", "xlsx"):
        from ..briefing import briefing_html, briefing_workbook
        from ..formatting import Document

        build = briefing_html if fmt == "html" else briefing_workbook
        return Document(build(net, focus=focus, bloc=bloc), f"Briefing, {net.describe()}")
    from ..report import build_report

    return build_report(net, focus=focus, bloc=bloc)


@table_command("coverage", short_help="Who recognises CODE's AEOs: arrangements, dates, sources.")
@click.argument("code")
def coverage_command(net, code):
    """Administrations that recognise CODE's AEOs, with arrangements, dates and sources.

    CODE is an administration code (SG, US, EU, HK, TW, ...) or its name.

    Example:

        mra-graph coverage SG --as-of 2022-06-07 --view signed
    """
    from ..metrics import coverage

    return coverage(net, code)


@table_command("bloc", short_help="Who recognises whom among the members of bloc NAME.")
@click.argument("name")
def bloc_command(net, name):
    """Who recognises whom inside bloc NAME: one row per pair of members.

    Columns a, b, covered, via (arrangement ids), relation and since.
    `mra-graph list blocs` lists the blocs of the data.

    Example:

        mra-graph bloc ASEAN --as-of 2024-08-19
    """
    from ..metrics import bloc_coverage

    return bloc_coverage(net, name)


@table_command("reach", short_help="Who is within K hops of CODE (network reach, not recognition).")
@click.argument("code")
@click.option("--hops", type=click.IntRange(min=1), default=2, show_default=True,
              help="Largest graph distance to include.")
def reach_command(net, code, hops):
    """Administrations within K hops of CODE, with the intermediaries on shortest paths.

    Only hop 1 is legal recognition: MRAs are not transitive, so hops 2 and more
    show where a pathway of cooperation exists, not where CODE's AEOs get benefits.

    Example:

        mra-graph reach SG --hops 2
    """
    from ..metrics import reach

    return reach(net, code, hops=hops)


@table_command("sources", short_help="The arrangements, dates and sources behind CODE's recognitions.")
@click.argument("code")
def sources_command(net, code):
    """Cite every recognition of CODE: arrangement, both parties' dates, sources.

    One row per partner, arrangement and party (each party's own row of the
    data), with source_url, source_title, source_date and notes.

    Example:

        mra-graph sources SG --format csv -o outputs/sg-sources.csv
    """
    from ..metrics import sources

    return sources(net, code)


@table_command("growth", short_help="The network year by year since the first MRA.")
@click.option("--render", "render_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also draw every year into this folder: frames on one layout, a GIF, an HTML page.")
@click.option("--bloc", help="Bloc drawn as a box in the frames (default: the dataset's; 'none' for none).")
def growth_command(net, render_dir, bloc):
    """One row per year, each the network on 31 December (the last row: --as-of).

    Columns: year, as_of, with_recognition, signed, in_force, recognising_pairs,
    density, mean_partners, largest_component_share, hubs.

    Example:

        mra-graph growth --view signed --format csv
    """
    from ..metrics import growth, year_ends

    if render_dir:
        frames = [(f"{at.as_of_date.year} ({at.describe()})", at) for at in year_ends(net)]
        render_with_progress(frames, render_dir, "Growth of AEO mutual recognition", _bloc(net, bloc))
    return growth(net)


def _bloc(net, bloc: str | None) -> str | None:
    """A --bloc value: a name, 'none' for no bloc, or (None) the dataset's default."""
    if bloc is None:
        return net.defaults.bloc
    return None if bloc.lower() == "none" else net.bloc_name(bloc)


@table_command("centrality", short_help="Degree, betweenness (brokers) and eigenvector centrality.")
def centrality_command(net):
    """Per administration: degree, betweenness, eigenvector centrality, component.

    Example:

        mra-graph centrality --as-of 2024-12-31
    """
    from ..metrics import centrality

    return centrality(net)


@table_command("closeness", short_help="Closeness centrality: how near each administration is to all others.")
def closeness_command(net):
    """Per administration: closeness centrality within its connected group.

    Example:

        mra-graph closeness --as-of 2024-12-31
    """
    from ..metrics import closeness

    return closeness(net)
