"""Commands on negotiating as a bloc: leverage, power and scenario."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import (emit_frame, library_errors, main, network_options, open_network, output_options,
                  render_frames_with_progress)


def _weights(path: str | None, net):
    if path is None:
        return None
    from .weights import read_weights

    known = set(net.administrations["code"]) | {bloc.upper() for bloc in net.blocs}
    return read_weights(None if path == "bundled" else path, known=known)


WEIGHTS_HELP = ("Weights file (reporter,partner,value,year,source_url), or 'bundled' for the bundled "
                "trade table (data/weights.csv).")


@main.command("leverage", short_help="What a bloc gains by negotiating MRAs as one.")
@click.argument("bloc")
@click.option("--partner", "partners", multiple=True, help="Only this partner (repeatable). Default: all outside.")
@click.option("--weights", "weights_path", metavar="FILE|bundled", help=WEIGHTS_HELP)
@network_options
@output_options()
@library_errors
def leverage_command(bloc, partners, weights_path, data_path, administrations_path, as_of, view, fmt, output,
                     raw):
    """Leverage of BLOC toward each outside partner, best opportunity first.

    existing: active members already recognising the partner; new_links: pairs a
    bloc MRA would add; negotiations_saved = new_links - 1; multiplier: the bloc's
    weight over its largest member's (heuristics: see the documentation).

    Example:

        mra-graph leverage ASEAN --as-of 2025-03-01 --weights bundled
    """
    from .metrics.leverage import active_members, leverage

    net = open_network(data_path, administrations_path, as_of, view)
    table = leverage(net, bloc, partners=list(partners) or None, weights=_weights(weights_path, net))
    members = active_members(net, bloc)
    caption = (f"Leverage of {bloc} ({len(members)} active members: {', '.join(members)}), {net.describe()}. "
               "negotiations_saved and multiplier are heuristics.")
    emit_frame(table, fmt, output, caption)


@main.command("power", short_help="Members' power (Banzhaf, Shapley-Shubik) toward a partner.")
@click.argument("bloc")
@click.option("--partner", required=True, help="The outside partner of the bloc MRA.")
@click.option("--weights", "weights_path", metavar="FILE|bundled", help=WEIGHTS_HELP + " Default: equal weights.")
@click.option("--quota", type=click.FloatRange(min=0, max=1, min_open=True), default=0.5, show_default=True,
              help="Share of the bloc's total weight a coalition needs to close the MRA.")
@network_options
@output_options()
@library_errors
def power_command(bloc, partner, weights_path, quota, data_path, administrations_path, as_of, view, fmt, output,
                  raw):
    """Power of each active member of BLOC in closing a bloc MRA with --partner.

    A coalition wins when its weight is at least QUOTA times the bloc's total;
    both indices are computed exactly over every coalition.

    Example:

        mra-graph power ASEAN --partner KR --weights bundled
    """
    from .metrics.leverage import member_power

    net = open_network(data_path, administrations_path, as_of, view)
    table = member_power(net, bloc, partner, weights=_weights(weights_path, net), quota=quota)
    caption = f"Member power in {bloc} toward {net.name_of(net.check_code(partner))}, quota {quota:g}, {net.describe()}"
    emit_frame(table, fmt, output, caption)


@main.command("scenario", short_help="Step through the AAMRA roll-out or a what-if TOML file.")
@click.argument("name")
@click.option("--diff", nargs=2, type=int, metavar="A B", help="Show what changed between steps A and B.")
@click.option("--render", "render_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also draw every step into this folder: SVG and PNG frames on one layout, a GIF, an HTML page.")
@network_options
@output_options()
@library_errors
def scenario_command(name, diff, render_dir, data_path, administrations_path, as_of, view, fmt, output, raw):
    """Run scenario NAME (the bundled 'aamra') or a scenario FILE.toml.

    One row per step: date, label, hypothetical, active_members, density,
    new_pairs, each member's coverage, and leverage toward the top partners.

    Example:

        mra-graph scenario aamra
    """
    from .scenarios import diff_steps, load_scenario, run_scenario, scenario_networks

    net = open_network(data_path, administrations_path, as_of, view)
    scenario = load_scenario(name)
    table = run_scenario(net, scenario)
    if render_dir:
        frames = [(f"{step.label} ({step.date.isoformat() if step.date else 'hypothetical'})", after)
                  for step, _, after in scenario_networks(net, scenario)]
        render_frames_with_progress(frames, render_dir, f"Scenario {scenario.name}", scenario.bloc)
    if diff:
        table = diff_steps(table, *diff)
    emit_frame(table, fmt, output, f"Scenario {scenario.name}, view: {net.view_name}")
