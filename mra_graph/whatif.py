"""What-if edits of a network: members joining an arrangement, new arrangements.

:class:`WhatIf` is a mix-in of :class:`~mra_graph.network.MRANetwork`: each edit
returns a new network (the original is never changed) whose added rows are marked
hypothetical and carry no source. Scenarios (:mod:`mra_graph.scenarios`) are made of them.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from .data import Dataset
from .errors import MRAGraphError


class WhatIf:
    """Hypothetical edits (see the module documentation)."""

    def with_members(self, arrangement: str, members: list[str], *, effective: date | None = None,
                     label: str = "scenario") -> "WhatIf":
        """A network in which ``members`` are implemented parties of ``arrangement``.

        Hypothetical rows (no source; ``notes`` says so) take effect on ``effective``
        (default: this network's date). An existing row of a member is replaced.

        Examples
        --------
        >>> net = load(as_of="2025-03-01").with_members("AAMRA", ["VN"])
        >>> net.graph.has_edge("VN", "SG")
        True
        """
        _check_list(members, "members")
        table = self._dataset.mras
        known = table[table["arrangement"] == arrangement]
        if known.empty:
            raise MRAGraphError(f"unknown arrangement '{arrangement}'")
        first = known.iloc[0]
        members = [self.check_code(code) for code in members]
        return self._with_rows(arrangement, first["name"], first["kind"], members, effective, label)

    def with_arrangement(self, arrangement: str, parties: list[str], *, name: str | None = None,
                         effective: date | None = None, label: str = "scenario") -> "WhatIf":
        """A network with a new arrangement in force between ``parties`` (bilateral if two).

        Examples
        --------
        >>> load().with_arrangement("MX-SG", ["SG", "MX"]).graph.has_edge("SG", "MX")
        True
        """
        _check_list(parties, "parties")
        parties = sorted({self.check_code(code) for code in parties})
        if len(parties) < 2:
            raise MRAGraphError(f"arrangement '{arrangement}' needs at least two different parties")
        if arrangement in set(self._dataset.mras["arrangement"]):
            raise MRAGraphError(f"arrangement '{arrangement}' already exists: to add parties to it, use a 'join' "
                                "step (with_members in the library)")
        kind = "bilateral" if len(parties) == 2 else "plurilateral"
        name = name or " – ".join(self.name_of(code) for code in parties) + " AEO MRA (hypothetical)"
        return self._with_rows(arrangement, name, kind, parties, effective, label)

    def _with_rows(self, arrangement, name, kind, parties, effective, label) -> "WhatIf":
        when = (effective or self._date).isoformat()
        rows = pd.DataFrame([{
            "arrangement": arrangement, "name": name, "kind": kind, "party": party, "signed": when,
            "effective": when, "ended": "", "status": "implemented", "scope": "", "source_url": "",
            "source_title": "", "source_date": "", "notes": f"hypothetical: {label}",
        } for party in parties])
        table = self._dataset.mras
        kept = table[~((table["arrangement"] == arrangement) & table["party"].isin(parties))]
        dataset = Dataset(pd.concat([kept, rows], ignore_index=True), self._dataset.administrations,
                          self._dataset.source, self._dataset.defaults)
        return type(self)(dataset, as_of=self._date, view=self._view)


def _check_list(value, name: str) -> None:
    """A list of codes, not one string (which would be read letter by letter)."""
    if isinstance(value, str) or not all(isinstance(item, str) for item in value):
        raise MRAGraphError(f"{name} must be a list of administration codes, e.g. ['VN'], not {value!r}")
