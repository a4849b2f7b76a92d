"""Commands about time: what changed between two dates, one history, what to negotiate next."""
from __future__ import annotations

import click

from .options import DateParam, table_command


@table_command("changes", short_help="What changed between two dates: events, coverage, figures.")
@click.option("--from", "start", type=DateParam(), required=True, metavar="DATE", help="Start (not included).")
@click.option("--to", "end", type=DateParam(), metavar="DATE", help="End (included; default: --as-of or today).")
def changes_command(net, start, end):
    """Every event after --from and up to --to (signed, in force, suspended, ended; members joining or
    implementing a plurilateral arrangement), then each administration's coverage gained and lost,
    then the change in the network's figures. Events keep their dates' precision.

    Example:

        mra-graph changes --from 2022-06-07 --to 2025-12-31
    """
    from ..formatting import Sections
    from ..metrics import coverage_changes, events, figure_changes

    end = end or net.as_of_date
    happened = events(net, start=start, end=end)
    return Sections([("Events", happened), ("Coverage gained and lost", coverage_changes(net, start, end)),
                     ("Network figures", figure_changes(net, start, end))],
                    f"What changed after {start} up to {end}: {len(happened)} events; coverage and figures "
                    f"in the {net.view_name} view")


@table_command("timeline", short_help="The dated history of one administration or arrangement.")
@click.argument("subject")
def timeline_command(net, subject):
    """The dated events of SUBJECT: an administration (code or name) or an arrangement id
    (e.g. AAMRA: each member's signing and implementation), oldest first, with sources;
    date_precision marks months, years and 'on or before' dates. Dated targets the data
    holds for an arrangement follow its events.

    Example:

        mra-graph timeline SG
    """
    from ..formatting import Sections
    from ..metrics import timeline
    from ..targets import targets_against_actuals

    history = timeline(net, subject)
    targets = targets_against_actuals(net, subject)
    return Sections([("Events", history)] + ([("Targets", targets)] if len(targets) else []),
                    f"{history.attrs['caption'].split(',')[0]}, up to {net.as_of_date}")


@table_command("candidates", short_help="Who CODE could sign its next MRA with, and what it would bring.")
@click.argument("code")
@click.option("--weights", "weights_path", metavar="FILE|bundled", help="Weights (e.g. trade) to add a weight column.")
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="How many to list.")
def candidates_command(net, code, weights_path, top):
    """Administrations CODE has no MRA with, ranked by what one would bring: partners of CODE that
    already recognise them (triangles it would close), whether they run an AEO programme, how
    many administrations CODE would newly reach within two hops, and weight where given.

    Example:

        mra-graph candidates SG --as-of 2025-03-01
    """
    from ..metrics import candidates
    from ..weights import weights_for

    return candidates(net, code, weights=weights_for(net, weights_path)).head(top)
