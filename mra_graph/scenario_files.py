"""Scenario files: TOML read with the standard library, every problem named by file, step and key.

The format is documented in :mod:`mra_graph.scenarios`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from typing import TYPE_CHECKING

from .dates import parse_as_of
from .errors import InvalidDateError, ScenarioError

if TYPE_CHECKING:
    from .network import MRANetwork

EVENTS = ("rollout", "join", "bloc_arrangement", "bilateral")
STEP_KINDS = ("baseline", "real", "hypothetical")


@dataclass(frozen=True)
class Step:
    """One scenario step: a label, a date (None for what-ifs), one event, and its kind.

    ``kind`` is ``baseline`` (step 0), ``real`` (an event the data dates) or
    ``hypothetical``.
    """

    label: str
    date: date | None
    event: str
    detail: dict
    kind: str = "hypothetical"


@dataclass(frozen=True)
class Scenario:
    """A named list of steps, applied to the network on ``as_of`` (None: the caller's date) for ``bloc``."""

    name: str
    as_of: date | None
    bloc: str | None
    steps: tuple[Step, ...]
    source: str = ""  # the file it was read from, for messages


def load_scenario(source: str | Path, net: "MRANetwork | None" = None) -> Scenario:
    """One of the dataset's scenarios by name (``"aamra"`` for the bundled data) or a TOML file.

    Parameters
    ----------
    source : str or path
    net : MRANetwork, optional
        Whose dataset's scenarios and default bloc to use; default: the bundled data's.

    Raises
    ------
    ScenarioError
        For an unreadable file, or naming the file, step and key that is wrong.
    """
    defaults = net.defaults if net is not None else _bundled_defaults()
    path = defaults.scenarios.get(str(source), Path(source))
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        names = ", ".join(defaults.scenarios) or "none"
        raise ScenarioError(f"no scenario '{source}': give one of the dataset's ({names}) "
                            "or a .toml file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path}: not valid TOML: {error}") from None
    return replace(_parse(document, str(path), defaults.bloc), source=str(path))


def _bundled_defaults():
    from .data import bundled_file, read_defaults

    return read_defaults(bundled_file("mras.csv").parent)


def _parse(document: dict, label: str, default_bloc: str | None) -> Scenario:
    unknown = set(document) - {"name", "as_of", "bloc", "steps"}
    if unknown:
        raise ScenarioError(f"{label}: unknown key(s) {', '.join(sorted(unknown))} "
                            "(known: name, as_of, bloc, steps)")
    name = document.get("name", Path(label).stem)
    if not isinstance(name, str):
        raise ScenarioError(f"{label}: key 'name': expected text")
    as_of = _date(document.get("as_of"), f"{label}: key 'as_of'")
    bloc = document.get("bloc", default_bloc)
    if bloc is not None and not isinstance(bloc, str):
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
    expected = {"rollout": {"arrangement": str}, "join": {"arrangement": str, "members": list},
                "bloc_arrangement": {"bloc": str, "partner": str}, "bilateral": {"parties": list}}[event]
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
    when = _date(raw.get("date"), f"{where}: key 'date'")
    return Step(text, when, event, detail, "real" if when else "hypothetical")


def _date(value, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):  # a TOML date-time: its day
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_as_of(str(value))
    except InvalidDateError:
        raise ScenarioError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from None
