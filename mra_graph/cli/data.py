"""Commands about the data itself: validate a file, list administrations and blocs."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import table_command, plain_command


@plain_command("validate", short_help="Check a data file and list every problem in it.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--administrations", "administrations_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The administrations.csv to check codes against (default: beside FILE, else bundled).")
def validate_command(file, administrations_path):
    """Check an mras.csv (or an administrations.csv) and list every problem.

    Each problem reads FILE:LINE: column 'NAME': what is wrong. Exits 1 if there is any.

    Example:

        mra-graph validate my-mras.csv
    """
    from ..data import validate_file
    from ..errors import DataValidationError

    try:
        summary = validate_file(file, administrations_path)
    except DataValidationError as error:
        click.echo(str(error))
        sys.exit(1)
    click.echo(summary)


@table_command("list", short_help="List the administrations or the blocs of the data.")
@click.argument("what", type=click.Choice(("administrations", "blocs")))
def list_command(net, what):
    """List WHAT: administrations (code, name, programme, blocs, partners) or blocs (members).

    Codes and common names both work wherever a command takes CODE
    (e.g. 'Vietnam', 'Korea', 'Hong Kong').

    Example:

        mra-graph list blocs
    """
    from ..metrics import list_administrations, list_blocs

    return list_administrations(net) if what == "administrations" else list_blocs(net)
