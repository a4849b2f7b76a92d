"""Commands on negotiating as a bloc: leverage, power and scenario."""
from __future__ import annotations

from pathlib import Path

import click

from .options import render_with_progress, table_command

WEIGHTS_OPTION = click.option(
    "--weights", "weights_path", metavar="FILE|bundled",
    help="Weights file (reporter,partner,value,year,source_url[,unit]), or 'bundled' for the dataset's own "
         "weights (the bundled data: ASEAN trade, data/weights.csv).")


@table_command("leverage", short_help="What a bloc gains by negotiating MRAs as one.")
@click.argument("bloc")
@click.option("--partner", "partners", multiple=True, help="Only this partner (repeatable). Default: all outside.")
@WEIGHTS_OPTION
def leverage_command(net, bloc, partners, weights_path):
    """Leverage of BLOC toward each outside partner, best opportunity first.

    existing: active members already recognising the partner; new_links: pairs a
    bloc MRA would add; negotiations_saved = new_links - 1; multiplier: the bloc's
    weight over its largest member's (heuristics: see the documentation).

    Example:

        mra-graph leverage ASEAN --as-of 2025-03-01 --weights bundled
    """
    from ..metrics.leverage import leverage
    from ..weights import weights_for

    return leverage(net, bloc, partners=list(partners) or None, weights=weights_for(net, weights_path))


@table_command("power", short_help="Members' power (Banzhaf, Shapley-Shubik) toward a partner.")
@click.argument("bloc")
@click.option("--partner", required=True, help="The outside partner of the bloc MRA.")
@WEIGHTS_OPTION
@click.option("--quota", type=click.FloatRange(min=0, max=1, min_open=True), default=0.5, show_default=True,
              help="Share of the bloc's total weight a coalition needs to close the MRA.")
def power_command(net, bloc, partner, weights_path, quota):
    """Power of each active member of BLOC in closing a bloc MRA with --partner.

    A coalition wins when its weight is at least QUOTA times the bloc's total;
    both indices are computed exactly over every coalition. Without --weights,
    every member weighs the same.

    Example:

        mra-graph power ASEAN --partner KR --weights bundled
    """
    from ..metrics.leverage import member_power
    from ..weights import weights_for

    return member_power(net, bloc, partner, weights=weights_for(net, weights_path), quota=quota)


@table_command("scenario", short_help="Step through a bloc's roll-out or a what-if TOML file.")
@click.argument("name")
@click.option("--diff", nargs=2, type=int, metavar="A B", help="Show what changed between steps A and B.")
@click.option("--render", "render_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also draw every step into this folder: SVG and PNG frames on one layout, a GIF, an HTML page.")
def scenario_command(net, name, diff, render_dir):
    """Run scenario NAME (one of the dataset's, e.g. 'aamra') or a scenario FILE.toml.

    Step 0 is the real network at the start (--as-of, or the file's as_of; not
    both); each step changes only what it says. One row per step: kind, date,
    network_date, label, active_members, density, new and removed pairs, each
    member's coverage, and leverage toward the top partners.

    Example:

        mra-graph scenario aamra --as-of 2022-06-07
    """
    from ..errors import ScenarioError
    from ..scenarios import diff_steps, load_scenario, run_scenario, scenario_networks

    scenario = load_scenario(name, net)
    given = click.get_current_context().params.get("as_of")
    if scenario.as_of and given and scenario.as_of != given:
        raise ScenarioError(f"scenario {scenario.name} starts on {scenario.as_of} (its as_of) but --as-of says "
                            f"{given}: give one of them")
    steps = scenario_networks(net, scenario)
    if render_dir:
        frames = [(f"{step.label} ({step.date.isoformat() if step.date else 'hypothetical'})", after)
                  for step, _, after in steps]
        render_with_progress(frames, render_dir, f"Scenario {scenario.name}", scenario.bloc)
    table = run_scenario(net, scenario, steps=steps)
    return diff_steps(table, *diff) if diff else table
