"""A dataset's defaults: what to analyse when the user names nothing, kept as data.

They live in the ``"mra_graph"`` property of the ``datapackage.json`` beside a
``mras.csv`` (the bundled one names Singapore, ASEAN, its weights and the ``aamra``
scenario), so the library itself names no country or bloc.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FileReadError


@dataclass(frozen=True)
class Defaults:
    """What a dataset suggests analysing when the user names nothing.

    Read from the ``"mra_graph"`` property of a ``datapackage.json`` beside the
    ``mras.csv``; a dataset without one has no defaults (every field None or empty),
    and the library then leaves out what would need them.

    Attributes
    ----------
    focus : str or None
        Administration the report lists coverage for.
    bloc : str or None
        Bloc the report and diagrams group.
    weights : Path or None
        The dataset's weights file (e.g. trade flows).
    scenarios : dict
        Scenario name -> TOML file of the dataset (e.g. ``{"aamra": .../aamra.toml}``).
    """

    focus: str | None = None
    bloc: str | None = None
    weights: Path | None = None
    scenarios: dict = field(default_factory=dict)


def read_defaults(folder: Path) -> Defaults:
    """The defaults of the dataset in ``folder`` (its ``datapackage.json``), or none.

    Examples
    --------
    >>> from mra_graph.data import bundled_file
    >>> read_defaults(bundled_file("mras.csv").parent).bloc
    'ASEAN'
    """
    path = folder / "datapackage.json"
    if not path.is_file():
        return Defaults()
    try:
        settings = json.loads(path.read_text(encoding="utf-8")).get("mra_graph", {})
    except (OSError, ValueError) as error:
        raise FileReadError(f"cannot read {path}: {error}") from None
    if not isinstance(settings, dict):
        raise FileReadError(f"{path}: key 'mra_graph' must be an object")
    weights = settings.get("weights")
    return Defaults(
        focus=settings.get("focus"), bloc=settings.get("bloc"),
        weights=folder / weights if weights else None,
        scenarios={name: folder / file for name, file in settings.get("scenarios", {}).items()},
    )
