"""The ``mra-graph`` command line: parse, call one library function, write what it returns.

Data goes to stdout (or ``-o FILE``), messages to stderr. Exit codes: 0 success,
1 data or runtime error, 2 usage error. Commands live by concern in ``tables``,
``bloc``, ``drawing`` and ``data``, built with the kit in ``options``; this module
only gathers them, so imports run one way.
"""
from __future__ import annotations

import signal
import threading

import click

from .. import __version__
from . import bloc, data, drawing, tables, time  # noqa: F401  (each module registers its commands)
from .options import COMMANDS


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
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a polite kill stops like Ctrl-C: cleanly, exit 130


def _interrupt(signum, frame):
    raise KeyboardInterrupt


for _command in COMMANDS:
    main.add_command(_command)
