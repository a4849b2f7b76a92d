"""The command-line kit: shared options, one network opened per command, one writer for every result.

A *table command* is a function that takes a ready :class:`~mra_graph.network.MRANetwork`
(built from ``--data``, ``--administrations``, ``--as-of`` and ``--view``) and its own
arguments, and returns a DataFrame stamped with its caption (or a report). The kit adds
the options, opens the network, writes the result in ``--format`` to standard output or
``-o FILE`` (atomically), prints the caption to standard error in every format, and
turns library errors into a message and exit code 1. Nothing here imports pandas or
networkx at start-up, so ``--help`` stays fast.
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
from pathlib import Path

import click

from ..views import DEFAULT_VIEW, HELP as VIEW_HELP, VIEWS

TABLE_FORMATS = ("table", "csv", "json", "markdown")  # equal to formatting.TABLE_FORMATS (a test checks)
#: Every command, in the order ``--help`` lists them; ``mra_graph.cli`` registers them on the group.
COMMANDS: list[click.Command] = []


class DateParam(click.ParamType):
    """A date option: YYYY-MM-DD, or YYYY-MM / YYYY for the end of that month or year."""

    name = "date"

    def convert(self, value, param, ctx):
        if value is None or not isinstance(value, str):
            return value
        from ..dates import parse_as_of
        from ..errors import InvalidDateError

        try:
            return parse_as_of(value)
        except InvalidDateError as error:
            self.fail(str(error), param, ctx)


def _parse_as_of(ctx, param, value):
    return DateParam().convert(value, param, ctx)


NETWORK_OPTIONS = (
    click.option("--data", "data_path", type=click.Path(dir_okay=False, path_type=Path),
                 help="Your own mras.csv (default: the bundled dataset). An administrations.csv beside it is "
                      "used too, and a datapackage.json beside it gives the defaults."),
    click.option("--administrations", "administrations_path", type=click.Path(dir_okay=False, path_type=Path),
                 help="Your own administrations.csv (default: beside --data, else bundled)."),
    click.option("--as-of", "as_of", callback=_parse_as_of, metavar="DATE",
                 help="Analyse the network on this date, YYYY-MM-DD (default: today)."),
    click.option("--view", type=click.Choice(VIEWS), default=DEFAULT_VIEW, show_default=True, help=VIEW_HELP),
)


def _output_options(formats) -> tuple:
    options = [
        click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                     help=f"{formats[0]} for reading; {', '.join(formats[1:])} for other tools."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write to this file (atomically) instead of standard output."),
    ]
    if "table" in formats:
        options.append(click.option("--wide", is_flag=True,
                                    help="Table: do not wrap long columns to the terminal's width."))
    if "csv" in formats:
        options.append(click.option("--raw", is_flag=True,
                                    help="CSV: keep cells starting with = + - @ as they are (by default they get "
                                         "a leading apostrophe so spreadsheets do not run them as formulas)."))
    return tuple(options)


def _apply(options, function):
    for option in reversed(options):
        function = option(function)
    return function


def table_command(name: str, *, short_help: str, formats: tuple[str, ...] = TABLE_FORMATS):
    """Register ``function(net, **arguments) -> DataFrame | Report`` as command ``name``."""
    def decorate(function):
        @functools.wraps(function)
        def command(data_path, administrations_path, as_of, view, fmt, output, wide=False, raw=False, **arguments):
            with library_errors():
                result = function(open_network(data_path, administrations_path, as_of, view), **arguments)
                write_result(result, fmt, output, raw=raw, wide=wide)
        return _register(name, short_help, _apply(NETWORK_OPTIONS + _output_options(formats), command))
    return decorate


def network_command(name: str, *, short_help: str):
    """Register ``function(net, **arguments)``, which writes files itself (render, export)."""
    def decorate(function):
        @functools.wraps(function)
        def command(data_path, administrations_path, as_of, view, **arguments):
            with library_errors():
                function(open_network(data_path, administrations_path, as_of, view), **arguments)
        return _register(name, short_help, _apply(NETWORK_OPTIONS, command))
    return decorate


def plain_command(name: str, *, short_help: str):
    """Register a command that needs no network (validate, list)."""
    def decorate(function):
        @functools.wraps(function)
        def command(**arguments):
            with library_errors():
                function(**arguments)
        return _register(name, short_help, command)
    return decorate


def _register(name, short_help, function) -> click.Command:
    command = click.command(name, short_help=short_help)(function)
    COMMANDS.append(command)
    return command


@contextlib.contextmanager
def library_errors():
    """Turn errors into a message and exit code 1; with --debug, let the traceback through."""
    if ((click.get_current_context().find_root().obj or {}).get("debug")):
        yield
        return
    from ..errors import MRAGraphError

    try:
        yield
    except MRAGraphError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")) from None
    except KeyboardInterrupt:
        click.echo("interrupted: stopped; files already written are complete, nothing else was written",
                   err=True)
        sys.exit(130)
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise
    except Exception as error:  # a bug: say so plainly, without a traceback
        raise click.ClickException(f"unexpected error ({type(error).__name__}: {error}). "
                                   "Run again with --debug for the traceback, and please report it.") from None


def open_network(data_path, administrations_path, as_of, view):
    """The network the network options describe; a future --as-of is warned about."""
    from datetime import date

    from ..network import load

    if as_of is not None and as_of > date.today():
        click.echo(f"warning: --as-of {as_of} is in the future: the data holds what sources reported up to "
                   "today, so later figures show today's network plus anything already dated after today",
                   err=True)
    return load(data_path, administrations_path, as_of=as_of, view=view)


def terminal_width() -> int:
    """The width tables wrap to: $COLUMNS, else the terminal's, else 100."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size((100, 24)).columns


def write_result(result, fmt: str, output: Path | None, *, raw: bool = False, wide: bool = False) -> None:
    """Write a stamped DataFrame or a report in ``fmt``; the caption goes to standard error."""
    from ..formatting import Document, Sections, format_frame, format_report, format_sections

    width = None if wide or output else terminal_width()
    if isinstance(result, Document):
        if isinstance(result.content, bytes) and (output is None or str(output) == "-"):
            raise click.UsageError(f"--format {fmt} writes a binary file: give -o FILE")
        if result.caption:
            click.echo(result.caption, err=True)
        write_bytes(result.content, output) if isinstance(result.content, bytes) else write_text(result.content,
                                                                                                output)
        return
    if isinstance(result, Sections):
        caption, text = result.caption(), format_sections(result, fmt, raw=raw, width=width)
        if fmt == "csv" and len(result) > 1:
            caption += f". CSV holds the first part ({result[0][0]}); --format json holds every part"
    elif hasattr(result, "attrs"):
        caption = result.attrs.get("caption")
        text = format_frame(result, fmt, raw=raw, width=width)
    else:
        caption, text = None, format_report(result, fmt)
    if caption:
        click.echo(caption, err=True)
    write_text(text, output)


def write_text(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` atomically and say so on standard error."""
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from .._io import atomic_write_text

    atomic_write_text(output, text)
    click.echo(f"Wrote {output}", err=True)


def write_bytes(content: bytes, output: Path) -> None:
    """Write ``content`` to ``output`` atomically and say so on standard error."""
    from .._io import atomic_write_bytes

    atomic_write_bytes(output, content)
    click.echo(f"Wrote {output}", err=True)


def render_with_progress(frames, directory: Path, title: str, bloc: str | None) -> None:
    """Render animation frames into ``directory`` with a progress bar on standard error."""
    from ..frames import render_frames

    if sys.stderr.isatty():
        with click.progressbar(length=len(frames), label="Rendering frames", file=sys.stderr) as bar:
            written = render_frames(frames, directory, bloc=bloc, title=title, progress=bar.update)
    else:  # a log or a pipe: one line per frame, which a bar cannot give
        done = iter(range(1, len(frames) + 1))
        written = render_frames(frames, directory, bloc=bloc, title=title,
                                progress=lambda _: click.echo(f"frame {next(done)} of {len(frames)} written",
                                                              err=True))
    click.echo(f"Wrote {len(written.svg)} frames (SVG and PNG), {written.gif} and {written.html}", err=True)
