"""Scenarios: a bloc's roll-out replayed step by step, and what-ifs beyond it.

A scenario is a name, a starting date, a bloc, and steps. Each step is a date
(real steps) or a label (hypothetical steps) and one event:

- ``join``: members become implemented parties of an arrangement;
- ``bloc_arrangement``: the bloc's active members and a partner sign as one;
- ``bilateral``: two administrations sign a bilateral MRA.

User scenarios are TOML files (read with the standard library's ``tomllib``)::

    name = "what-if"
    as_of = "2025-03-01"          # start from the network on this date (default: today)
    bloc = "ASEAN"                # default ASEAN
    [[steps]]
    label = "Viet Nam joins AAMRA"
    join = { arrangement = "AAMRA", members = ["VN"] }
    [[steps]]
    label = "ASEAN and Japan sign as a bloc"
    bloc_arrangement = { bloc = "ASEAN", partner = "JP" }
    [[steps]]
    label = "Singapore and Mexico"
    bilateral = { parties = ["SG", "MX"] }

The bundled scenario ``aamra`` replays the AAMRA's real implementation dates
from the data, then adds each member not yet active, one hypothetical step each.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .dates import parse_as_of, parse_date
from .errors import InvalidDateError, MRAGraphError, ScenarioError
from .metrics.coverage import bloc_coverage
from .metrics.leverage import active_members, bloc_arrangement, leverage
from .network import MRANetwork

EVENTS = ("join", "bloc_arrangement", "bilateral")
BUNDLED = ("aamra",)


@dataclass(frozen=True)
class Step:
    """One scenario step: a label, a date (None for hypothetical steps) and one event."""

    label: str
    date: date | None
    event: str
    detail: dict


@dataclass(frozen=True)
class Scenario:
    """A named list of steps, applied to the network on ``as_of`` for ``bloc``."""

    name: str
    as_of: date | None
    bloc: str
    steps: tuple[Step, ...]


def load_scenario(source: str | Path) -> Scenario:
    """A bundled scenario by name (``"aamra"``) or a TOML file.

    Raises
    ------
    ScenarioError
        For an unreadable file, or naming the step and key that is wrong.
    """
    if str(source) in BUNDLED:
        return Scenario(name=str(source), as_of=None, bloc="ASEAN", steps=())
    path = Path(source)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(f"no scenario '{source}': give a bundled name ({', '.join(BUNDLED)}) "
                            "or a .toml file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path}: not valid TOML: {error}") from None
    return _parse(document, str(path))


def _parse(document: dict, label: str) -> Scenario:
    unknown = set(document) - {"name", "as_of", "bloc", "steps"}
    if unknown:
        raise ScenarioError(f"{label}: unknown key(s) {', '.join(sorted(unknown))} "
                            "(known: name, as_of, bloc, steps)")
    name = document.get("name", Path(label).stem)
    if not isinstance(name, str):
        raise ScenarioError(f"{label}: key 'name': expected text")
    as_of = _date(document.get("as_of"), f"{label}: key 'as_of'")
    bloc = document.get("bloc", "ASEAN")
    if not isinstance(bloc, str):
        raise ScenarioError(f"{label}: key 'bloc': expected a bloc name")
    raw_steps = document.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise ScenarioError(f"{label}: expected at least one [[steps]] table")
    return Scenario(name, as_of, bloc, tuple(_step(raw, number, label) for number, raw in enumerate(raw_steps, 1)))


def _step(raw, number: int, label: str) -> Step:
    where = f"{label}: step {number}"
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: expected a [[steps]] table")
    if isinstance(raw.get("label"), str):
        where += f" ('{raw['label']}')"
    unknown = set(raw) - {"label", "date", *EVENTS}
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                            f"(known: label, date, {', '.join(EVENTS)})")
    events = [key for key in EVENTS if key in raw]
    if len(events) != 1:
        raise ScenarioError(f"{where}: needs exactly one of {', '.join(EVENTS)}")
    event = events[0]
    detail = raw[event]
    expected = {"join": {"arrangement": str, "members": list}, "bloc_arrangement": {"bloc": str, "partner": str},
                "bilateral": {"parties": list}}[event]
    if not isinstance(detail, dict):
        raise ScenarioError(f"{where}: key '{event}': expected a table such as "
                            f"{{ {', '.join(f'{k} = ...' for k in expected)} }}")
    for key, kind in expected.items():
        value = detail.get(key)
        if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value)):
            wanted = "a list of codes" if kind is list else "text"
            raise ScenarioError(f"{where}: key '{event}.{key}': expected {wanted}")
    extra = set(detail) - set(expected)
    if extra:
        raise ScenarioError(f"{where}: key '{event}': unknown key(s) {', '.join(sorted(extra))}")
    if event == "bilateral" and len(set(detail["parties"])) != 2:
        raise ScenarioError(f"{where}: key 'bilateral.parties': expected two different codes")
    text = raw.get("label", f"step {number}")
    if not isinstance(text, str):
        raise ScenarioError(f"{where}: key 'label': expected text")
    return Step(text, _date(raw.get("date"), f"{where}: key 'date'"), event, detail)


def _date(value, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return parse_as_of(str(value))
    except InvalidDateError:
        raise ScenarioError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from None


def aamra_steps(net: MRANetwork, bloc: str = "ASEAN") -> list[tuple[Step, MRANetwork, MRANetwork]]:
    """The bloc arrangement's real roll-out (one step per implementation date), then each missing member.

    Returns (step, network before, network after) triples. Real steps are the
    network on each date on which members began implementing, against the day
    before; hypothetical steps add the members not active on the network's own
    date, one at a time in code order, each against the previous network.
    """
    arrangement = bloc_arrangement(net, bloc)
    if arrangement is None:
        raise ScenarioError(f"{bloc} has no plurilateral arrangement to replay")
    rows = net.mras[(net.mras["arrangement"] == arrangement) & (net.mras["effective"] != "")]
    dates = sorted({parse_date(text).start for text in rows["effective"] if not text.startswith("<=")})
    dates = [d for d in dates if d <= net.as_of_date]
    steps, joined = [], []
    for when in dates:
        at = net.as_of(when)
        new = [m for m in active_members(at, bloc) if m not in joined]
        joined += new
        steps.append((Step(f"{' + '.join(new)} implement{'s' if len(new) == 1 else ''} the {arrangement}",
                           when, "real", {}), net.as_of(date.fromordinal(when.toordinal() - 1)), at))
    current = net
    for member in [m for m in net.bloc_members(bloc) if m not in active_members(net, bloc)]:
        after = current.with_members(arrangement, [member], label=f"{member} joins {arrangement}")
        steps.append((Step(f"{net.name_of(member)} joins the {arrangement}", None, "join",
                           {"arrangement": arrangement, "members": [member]}), current, after))
        current = after
    return steps


def scenario_networks(net: MRANetwork, scenario: Scenario) -> list[tuple[Step, MRANetwork, MRANetwork]]:
    """(step, network before, network after) for each step of ``scenario``, applied in order.

    User scenarios start from ``net`` on ``scenario.as_of`` (default: ``net``'s date).
    """
    if scenario.name in BUNDLED and not scenario.steps:
        return aamra_steps(net, scenario.bloc)
    current = net if scenario.as_of is None else net.as_of(scenario.as_of)
    results = []
    for number, step in enumerate(scenario.steps, 1):
        label = f"{scenario.name}: {step.label}"
        try:
            after = _apply(current, step, label, scenario.bloc)
        except MRAGraphError as error:
            raise ScenarioError(f"step {number} ('{step.label}'): {error}") from None
        results.append((step, current, after))
        current = after
    return results


def _apply(net: MRANetwork, step: Step, label: str, bloc: str) -> MRANetwork:
    detail = step.detail
    if step.event == "join":
        return net.with_members(detail["arrangement"], detail["members"], effective=step.date, label=label)
    if step.event == "bilateral":
        parties = sorted(net.check_code(code) for code in detail["parties"])
        return net.with_arrangement("-".join(parties), parties, effective=step.date, label=label)
    members = active_members(net, detail["bloc"])
    partner = net.check_code(detail["partner"])
    arrangement = f"{detail['bloc'].upper()}-{partner}"
    return net.with_arrangement(arrangement, members + [partner], effective=step.date, label=label,
                                name=f"{detail['bloc']} – {net.name_of(partner)} bloc AEO MRA (hypothetical)")


def run_scenario(net: MRANetwork, scenario: Scenario, *, top: int = 3) -> pd.DataFrame:
    """One row per step: the bloc's members, density, new pairs, coverage and leverage.

    Parameters
    ----------
    net : MRANetwork
        The starting network (its date is the default start; its view is kept).
    scenario : Scenario
        From :func:`load_scenario`.
    top : int
        How many partners to list with their leverage.

    Returns
    -------
    pandas.DataFrame
        Columns: ``step`` (1, 2, ...), ``date`` (ISO, or empty for a hypothetical
        step), ``label``, ``hypothetical`` (bool), ``active_members`` (list: the
        bloc's members active in its arrangement), ``density`` (share of the
        bloc's member pairs that recognise each other, through any arrangement),
        ``new_pairs`` (list of "AA-BB": pairs anywhere in the network newly
        recognising each other at this step), ``coverage_XX`` (partner count of
        each member XX), ``leverage`` (dict: the ``top`` partners by new links a
        bloc MRA would add -> those new links).

    Examples
    --------
    >>> table = run_scenario(load(as_of="2025-03-01"), load_scenario("aamra"))
    >>> table["density"].tolist()[-1]
    1.0
    """
    bloc = scenario.bloc
    members = net.bloc_members(bloc)
    rows = []
    for number, (step, before, at) in enumerate(scenario_networks(net, scenario), 1):
        table = leverage(at, bloc).head(top)
        row = {
            "step": number,
            "date": step.date.isoformat() if step.date else "",
            "label": step.label,
            "hypothetical": step.event != "real",
            "active_members": active_members(at, bloc),
            "density": round(float(bloc_coverage(at, bloc)["covered"].mean()), 4),
            "new_pairs": sorted(set(_pairs(at)) - set(_pairs(before))),
        }
        row.update({f"coverage_{m}": at.graph.degree(m) for m in members})
        row["leverage"] = dict(zip(table["partner"], table["new_links"].astype(int)))
        rows.append(row)
    return pd.DataFrame(rows)


def _pairs(net: MRANetwork) -> list[str]:
    return ["-".join(sorted(edge)) for edge in net.graph.edges]


def diff_steps(table: pd.DataFrame, first: int, second: int) -> pd.DataFrame:
    """What changed between two steps of :func:`run_scenario`'s table.

    Returns
    -------
    pandas.DataFrame
        One row per measure that differs: ``measure``, ``step_<first>``, ``step_<second>``;
        plus ``pairs added`` (pairs recognising each other at the second step and not the first).
    """
    steps = table.set_index("step")
    for number in (first, second):
        if number not in steps.index:
            raise ScenarioError(f"no step {number}: steps are 1 to {len(steps)}")
    a, b = steps.loc[first], steps.loc[second]
    rows = [{"measure": column, f"step_{first}": a[column], f"step_{second}": b[column]}
            for column in steps.columns if column != "new_pairs" and str(a[column]) != str(b[column])]
    added = sorted(set().union(*steps.loc[first + 1: second, "new_pairs"])) if second > first else []
    rows.append({"measure": "pairs added", f"step_{first}": "", f"step_{second}": added})
    return pd.DataFrame(rows, columns=["measure", f"step_{first}", f"step_{second}"])
