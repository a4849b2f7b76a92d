"""The ``mra-graph`` command line: parse, call one library function, format.

Data goes to stdout (or ``-o FILE``), messages to stderr. Exit codes: 0 success,
1 data or runtime error, 2 usage error.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from . import __version__

FORMATS = ("table", "csv", "json", "markdown")
VIEWS = ("implemented", "signed", "pipeline")


def _check_as_of(ctx, param, value):
    if value is None:
        return None
    from .dates import parse_as_of
    from .errors import InvalidDateError

    try:
        return parse_as_of(value)
    except InvalidDateError as error:
        raise click.BadParameter(str(error)) from None


def network_options(command):
    """--data, --administrations, --as-of and --view: which network to analyse."""
    options = [
        click.option("--data", "data_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Your own mras.csv (default: the bundled dataset). An administrations.csv "
                          "beside it is used too."),
        click.option("--administrations", "administrations_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Your own administrations.csv (default: beside --data, else bundled)."),
        click.option("--as-of", "as_of", callback=_check_as_of, metavar="DATE",
                     help="Analyse the network on this date, YYYY-MM-DD (default: today)."),
        click.option("--view", type=click.Choice(VIEWS), default="implemented", show_default=True,
                     help="implemented: in force; signed: also signed, not yet in force; "
                          "pipeline: also under negotiation."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def output_options(formats=FORMATS):
    """--format, -o/--output and, with CSV, --raw: how and where to write the result."""
    options = [
        click.option("--format", "fmt", type=click.Choice(formats), default="table", show_default=True,
                     help=f"table for reading; {', '.join(formats[1:])} for other tools."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write to this file (atomically) instead of standard output."),
        click.option("--raw", is_flag=True,
                     help="CSV: keep cells starting with = + - @ as they are (by default they get a leading "
                          "apostrophe so spreadsheets do not run them as formulas)."),
    ][: 3 if "csv" in formats else 2]
    return lambda command: functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def library_errors(command):
    """Turn errors into a message and exit code 1; with --debug, show the traceback instead."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from .errors import MRAGraphError

        if (click.get_current_context().find_root().obj or {}).get("debug"):
            return command(*args, **kwargs)
        try:
            return command(*args, **kwargs)
        except MRAGraphError as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            raise click.ClickException(f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")) from None
        except Exception as error:  # a bug: say so plainly, without a traceback
            raise click.ClickException(f"unexpected error ({type(error).__name__}: {error}). "
                                       "Run again with --debug for the traceback, and please report it.") from None
    return wrapper


def open_network(data_path, administrations_path, as_of, view):
    from .network import load

    return load(data_path, administrations_path, as_of=as_of, view=view)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from ._io import atomic_write_text

    atomic_write_text(output, text)
    click.echo(f"Wrote {output}", err=True)


def render_frames_with_progress(frames, directory: Path, title: str, bloc: str | None) -> None:
    from .frames import render_frames

    with click.progressbar(length=len(frames), label="Rendering frames", file=sys.stderr) as bar:
        written = render_frames(frames, directory, bloc=bloc, title=title, progress=bar.update)
    click.echo(f"Wrote {len(written.svg)} frames (SVG and PNG), {written.gif} and {written.html}", err=True)


def emit_frame(frame, fmt: str, output: Path | None, caption: str) -> None:
    from .formatting import format_frame

    if fmt == "table":
        click.echo(caption, err=True)
    _emit(format_frame(frame, fmt, raw=click.get_current_context().params.get("raw", False)), output)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mra-graph")
@click.option("--debug", is_flag=True, help="Show Python tracebacks instead of short error messages.")
@click.pass_context
def main(ctx, debug):
    """Analyse customs AEO Mutual Recognition Arrangements (MRAs) as a network.

    Works on the bundled, sourced dataset by default; --data uses your own file.

    Example:

        mra-graph report
    """
    ctx.obj = {"debug": debug}


@main.command(short_help="Overview: the network, its hubs, one coverage, one bloc.")
@network_options
@output_options(("table", "markdown", "json"))
@click.option("--focus", default="SG", show_default=True, help="Administration whose coverage is listed.")
@click.option("--bloc", default="ASEAN", show_default=True, help="Bloc whose internal coverage is shown.")
@library_errors
def report(data_path, administrations_path, as_of, view, fmt, output, focus, bloc):
    """Overview: network size, best-connected administrations, one coverage, one bloc.

    Example:

        mra-graph report --as-of 2024-12-31 --view signed
    """
    from .report import build_report

    result = build_report(open_network(data_path, administrations_path, as_of, view), focus=focus, bloc=bloc)
    if fmt == "json":
        import json

        _emit(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", output)
    else:
        _emit(result.to_text(fmt), output)


@main.command("coverage", short_help="Who recognises CODE's AEOs: arrangements, dates, sources.")
@click.argument("code")
@network_options
@output_options()
@library_errors
def coverage_command(code, data_path, administrations_path, as_of, view, fmt, output, raw):
    """Administrations that recognise CODE's AEOs, with arrangements, dates and sources.

    CODE is an administration code (SG, US, EU, HK, TW, ...) or its name.

    Example:

        mra-graph coverage SG --as-of 2022-06-07 --view signed
    """
    from .metrics import coverage

    net = open_network(data_path, administrations_path, as_of, view)
    table = coverage(net, code)
    caption = f"{len(table)} administrations recognise the AEOs of {net.name_of(net.check_code(code))}, {net.describe()}"
    emit_frame(table, fmt, output, caption)


@main.command("bloc", short_help="Who recognises whom among the members of bloc NAME.")
@click.argument("name")
@network_options
@output_options()
@library_errors
def bloc_command(name, data_path, administrations_path, as_of, view, fmt, output, raw):
    """Who recognises whom inside bloc NAME: one row per pair of members.

    Columns a, b, covered, via (arrangement ids), relation and since.

    Example:

        mra-graph bloc ASEAN --as-of 2024-08-19
    """
    from .metrics import bloc_coverage

    net = open_network(data_path, administrations_path, as_of, view)
    table = bloc_coverage(net, name)
    caption = (f"{int(table['covered'].sum())} of {len(table)} pairs of {name} members recognise each other, "
               f"{net.describe()}")
    emit_frame(table, fmt, output, caption)


@main.command("reach", short_help="Who is within K hops of CODE (network reach, not recognition).")
@click.argument("code")
@click.option("--hops", type=click.IntRange(min=1), default=2, show_default=True,
              help="Largest graph distance to include.")
@network_options
@output_options()
@library_errors
def reach_command(code, hops, data_path, administrations_path, as_of, view, fmt, output, raw):
    """Administrations within K hops of CODE, with the intermediaries on shortest paths.

    Only hop 1 is legal recognition: MRAs are not transitive, so hops 2 and more
    show where a pathway of cooperation exists, not where CODE's AEOs get benefits.

    Example:

        mra-graph reach SG --hops 2
    """
    from .metrics import reach
    from .metrics.reach import REACH_CAVEAT

    net = open_network(data_path, administrations_path, as_of, view)
    table = reach(net, code, hops=hops)
    caption = f"Within {hops} hops of {net.name_of(net.check_code(code))}, {net.describe()}. {REACH_CAVEAT}"
    emit_frame(table, fmt, output, caption)


@main.command("sources", short_help="The arrangements, dates and sources behind CODE's recognitions.")
@click.argument("code")
@network_options
@output_options()
@library_errors
def sources_command(code, data_path, administrations_path, as_of, view, fmt, output, raw):
    """Cite every recognition of CODE: arrangement, both parties' dates, sources.

    One row per partner, arrangement and party (each party's own row of the
    data), with source_url, source_title and notes.

    Example:

        mra-graph sources SG --format csv -o outputs/sg-sources.csv
    """
    from .citations import sources

    net = open_network(data_path, administrations_path, as_of, view)
    table = sources(net, code)
    caption = f"Sources for the recognitions of {net.name_of(net.check_code(code))}, {net.describe()}"
    emit_frame(table, fmt, output, caption)


@main.command("growth", short_help="The network year by year since the first MRA (2007).")
@click.option("--render", "render_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also draw every year into this folder: frames on one layout, a GIF, an HTML page.")
@network_options
@output_options()
@library_errors
def growth_command(render_dir, data_path, administrations_path, as_of, view, fmt, output, raw):
    """One row per year, each the network on 31 December (the last row: --as-of).

    Columns: year, as_of, with_recognition, signed, in_force, recognising_pairs,
    density, mean_partners, largest_component_share, hubs.

    Example:

        mra-graph growth --view signed --format csv
    """
    from .metrics import growth

    net = open_network(data_path, administrations_path, as_of, view)
    table = growth(net)
    if render_dir:
        frames = [(f"{row.year} ({row.as_of}, view: {net.view_name})", net.as_of(row.as_of))
                  for row in table.itertuples(index=False)]
        render_frames_with_progress(frames, render_dir, "Growth of AEO mutual recognition", "ASEAN")
    emit_frame(table, fmt, output, f"Growth of the network, each year-end, view: {net.view_name}")


@main.command("centrality", short_help="Degree, betweenness (brokers) and eigenvector centrality.")
@network_options
@output_options()
@library_errors
def centrality_command(data_path, administrations_path, as_of, view, fmt, output, raw):
    """Per administration: degree, betweenness, eigenvector centrality, component.

    Example:

        mra-graph centrality --as-of 2024-12-31
    """
    from .metrics import centrality

    net = open_network(data_path, administrations_path, as_of, view)
    emit_frame(centrality(net), fmt, output, f"Centrality, {net.describe()}")


@main.command(short_help="Check a data file and list every problem in it.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--administrations", "administrations_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The administrations.csv to check codes against (default: beside FILE, else bundled).")
@library_errors
def validate(file, administrations_path):
    """Check an mras.csv (or an administrations.csv) and list every problem.

    Each problem reads FILE:LINE: column 'NAME': what is wrong. Exits 1 if there is any.

    Example:

        mra-graph validate my-mras.csv
    """
    from .data import validate_file
    from .errors import DataValidationError

    try:
        summary = validate_file(file, administrations_path)
    except DataValidationError as error:
        click.echo(str(error))
        sys.exit(1)
    click.echo(summary)


# Commands defined in their own modules register themselves on `main` when imported.
from . import cli_bloc, cli_diagrams  # noqa: E402,F401
