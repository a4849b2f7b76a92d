"""Scenarios: a bloc's roll-out replayed step by step, and what-ifs beyond it.

A scenario is a name, a starting date, a bloc, and steps. Step 0 is always the
baseline: the real network on the start date. Each later step changes only what
it says, on that same network, so every row stands on the network of the start
date (its ``network_date``) plus the steps before it. A step's ``date`` records
when it happened (real events) or is empty (what-ifs). Events:

- ``rollout``: the real roll-out of a plurilateral arrangement from the data,
  one step per date on which members began implementing it after the start,
  then one hypothetical step per member still not implementing it;
- ``join``: members become implemented parties of an arrangement;
- ``bloc_arrangement``: the bloc's active members and a partner sign as one;
- ``bilateral``: two administrations sign a bilateral MRA.

Scenarios are TOML files (read with the standard library's ``tomllib``); a
dataset names its own in ``datapackage.json`` (the bundled data: ``aamra``)::

    name = "what-if"
    as_of = "2025-03-01"          # the start; default: --as-of, else today
    bloc = "ASEAN"                # default: the dataset's bloc
    [[steps]]
    label = "Viet Nam joins AAMRA"
    join = { arrangement = "AAMRA", members = ["VN"] }
    [[steps]]
    label = "ASEAN and Japan sign as a bloc"
    bloc_arrangement = { bloc = "ASEAN", partner = "JP" }
    [[steps]]
    label = "Singapore and Mexico"
    bilateral = { parties = ["SG", "MX"] }

The file's ``as_of`` is the start. Giving another date as well (``--as-of``) is
an error rather than a silent choice.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from .dates import parse_date
from .errors import MRAGraphError, ScenarioError
from .metrics.coverage import bloc_density
from .metrics.leverage import active_members, leverage
from .network import MRANetwork
from .targets import describe_targets, targets_against_actuals
from .scenario_files import EVENTS, STEP_KINDS, Scenario, Step, load_scenario

__all__ = ["EVENTS", "STEP_KINDS", "Scenario", "ScenarioError", "Step", "diff_steps", "load_scenario",
           "rollout_steps", "run_scenario", "scenario_networks"]


def rollout_steps(net: MRANetwork, arrangement: str) -> list[Step]:
    """The real roll-out of ``arrangement`` after ``net``'s date, then each member still outside.

    One ``real`` step per date on which members began implementing it (dates
    after the network's, as the data records them); then one ``hypothetical``
    step per party not implementing it by the last of those dates, in code order.
    """
    rows = net.mras[net.mras["arrangement"] == arrangement]
    if rows.empty:
        raise ScenarioError(f"unknown arrangement '{arrangement}'")
    present = net.as_of(max(date.today(), net.as_of_date))
    latest = present.statuses(arrangement)
    already = {p for p, status in net.statuses(arrangement).items() if status == "implemented"}
    dated: dict[date, list[str]] = {}
    for party, text in zip(rows["party"], rows["effective"]):
        if latest[party] == "implemented" and party not in already and text:
            dated.setdefault(parse_date(text).start, []).append(party)
    steps = [Step(f"{' + '.join(sorted(members))} implement{'s' * (len(members) == 1)} the {arrangement}",
                  when, "join", {"arrangement": arrangement, "members": sorted(members)}, "real")
             for when, members in sorted(dated.items())]
    outside = sorted(p for p in latest if latest[p] != "implemented")
    steps += [Step(f"{net.name_of(p)} joins the {arrangement}", None, "join",
                   {"arrangement": arrangement, "members": [p]}) for p in outside]
    return steps


def scenario_networks(net: MRANetwork, scenario: Scenario) -> list[tuple[Step, MRANetwork, MRANetwork]]:
    """(step, network before, network after) for step 0 (the baseline) and each step, in order.

    Every step stands on the network of the start date (``scenario.as_of``, else
    ``net``'s date) and changes only what it says.
    """
    start = net if scenario.as_of is None else net.as_of(scenario.as_of)
    steps = [Step(f"baseline: the network on {start.as_of_date.isoformat()}", start.as_of_date, "baseline", {},
                  "baseline")]
    for step in scenario.steps:
        steps += rollout_steps(start, step.detail["arrangement"]) if step.event == "rollout" else [step]
    results, current = [], start
    for number, step in enumerate(steps):
        try:
            after = current if step.kind == "baseline" else _apply(current, step, f"{scenario.name}: {step.label}",
                                                                   scenario.bloc)
        except MRAGraphError as error:
            where = scenario.source or f"scenario {scenario.name}"
            key = f", key '{step.event}'" if step.event in EVENTS else ""
            raise ScenarioError(f"{where}: step {number} ('{step.label}'){key}: {error}") from None
        results.append((step, current, after))
        current = after
    return results


def _apply(net: MRANetwork, step: Step, label: str, bloc: str | None) -> MRANetwork:
    detail = step.detail
    if step.event == "join":
        return net.with_members(detail["arrangement"], detail["members"], label=label)
    if step.event == "bilateral":
        parties = sorted(net.check_code(code) for code in detail["parties"])
        return net.with_arrangement("-".join(parties), parties, label=label)
    name = net.bloc_name(detail["bloc"])
    members = active_members(net, name)
    partner = net.check_code(detail["partner"])
    return net.with_arrangement(f"{name}-{partner}", members + [partner], label=label,
                                name=f"{name} – {net.name_of(partner)} bloc AEO MRA (hypothetical)")


def run_scenario(net: MRANetwork, scenario: Scenario, *, top: int = 3,
                 steps: list[tuple[Step, MRANetwork, MRANetwork]] | None = None) -> pd.DataFrame:
    """One row per step, step 0 the baseline: the bloc's members, density, pairs, coverage, leverage.

    Parameters
    ----------
    net : MRANetwork
        The starting network (its date is the start unless the scenario names one; its view is kept).
    scenario : Scenario
        From :func:`load_scenario`.
    top : int
        How many partners to list with their leverage.
    steps : list, optional
        :func:`scenario_networks` of the same arguments, if the caller has them already.

    Returns
    -------
    pandas.DataFrame
        Columns: ``step`` (0 for the baseline, 1, 2, ...), ``kind`` (baseline, real
        or hypothetical), ``date`` (when the step happened, ISO; empty for a
        what-if), ``label``, ``density`` (share of the bloc's member pairs that
        recognise each other), ``active_members`` (list: the bloc's members active
        in its arrangement), ``new_pairs`` and ``removed_pairs`` (lists of "AA-BB"
        against the step before), ``coverage_XX`` (partner count of each member XX),
        ``leverage`` (dict: the ``top`` partners by new links a bloc MRA would add
        -> those new links), ``network_date`` (the date of the real network every
        step stands on). ``attrs["pairs"]`` maps each step to all its pairs.

    Examples
    --------
    >>> table = run_scenario(load(as_of="2025-03-01"), load_scenario("aamra"))
    >>> table["step"].tolist()[0], table["density"].tolist()[-1]
    (0, 1.0)
    """
    bloc = scenario.bloc
    if bloc is None:
        raise ScenarioError(f"scenario {scenario.name} names no bloc and the dataset has no default bloc")
    members = net.bloc_members(bloc)
    rows, pairs = [], {}
    for number, (step, before, at) in enumerate(steps or scenario_networks(net, scenario)):
        table = leverage(at, bloc).head(top)
        pairs[number] = _pairs(at)
        row = {
            "step": number, "kind": step.kind,
            "date": step.date.isoformat() if step.date else "",
            "label": step.label,
            "density": round(bloc_density(at, bloc), 4),
            "active_members": active_members(at, bloc),
            "new_pairs": sorted(set(pairs[number]) - set(_pairs(before))),
            "removed_pairs": sorted(set(_pairs(before)) - set(pairs[number])),
        }
        row.update({f"coverage_{m}": at.graph.degree(m) for m in members})
        row["leverage"] = dict(zip(table["partner"], table["new_links"].astype(int)))
        row["network_date"] = at.as_of_date.isoformat()
        rows.append(row)
    caption = f"Scenario {scenario.name}, every step on the network of {rows[0]['network_date']}"
    arrangements = [s.detail["arrangement"] for s in scenario.steps if s.event == "rollout"]
    if arrangements:
        targets = describe_targets(targets_against_actuals(net.as_of(max(date.today(), net.as_of_date)),
                                                           arrangements[0]))
        caption += f". Targets, against the data up to today: {targets}" if targets else ""
    result = net.stamp(pd.DataFrame(rows), caption)
    result.attrs["pairs"] = pairs
    return result


def _pairs(net: MRANetwork) -> list[str]:
    return sorted("-".join(sorted(edge)) for edge in net.graph.edges)


def diff_steps(table: pd.DataFrame, first: int, second: int) -> pd.DataFrame:
    """What changed from step ``first`` to step ``second`` of :func:`run_scenario`'s table (either order).

    Returns
    -------
    pandas.DataFrame
        One row per measure that differs: ``measure``, ``step_<first>``, ``step_<second>``;
        then ``pairs added`` and ``pairs removed`` (pairs recognising each other at one
        step and not the other), always present.

    Raises
    ------
    ScenarioError
        For a step the table does not have, or the same step twice.
    """
    steps = table.set_index("step")
    for number in (first, second):
        if number not in steps.index:
            raise ScenarioError(f"no step {number}: steps are 0 to {len(steps) - 1}")
    if first == second:
        raise ScenarioError(f"--diff needs two different steps, not {first} twice")
    a, b = steps.loc[first], steps.loc[second]
    skip = {"new_pairs", "removed_pairs", "label", "kind"}
    rows = [{"measure": column, f"step_{first}": a[column], f"step_{second}": b[column]}
            for column in steps.columns if column not in skip and str(a[column]) != str(b[column])]
    before, after = set(table.attrs["pairs"][first]), set(table.attrs["pairs"][second])
    rows.append({"measure": "pairs added", f"step_{first}": "", f"step_{second}": sorted(after - before)})
    rows.append({"measure": "pairs removed", f"step_{first}": sorted(before - after), f"step_{second}": ""})
    result = pd.DataFrame(rows, columns=["measure", f"step_{first}", f"step_{second}"])
    result.attrs.update(table.attrs)
    result.attrs["caption"] = f"From step {first} to step {second}: {table.attrs.get('caption', '')}"
    return result
