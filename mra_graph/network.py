"""MRANetwork: the arrangements table turned into a dated recognition graph.

A party is *active* in an arrangement at date t, in a view:

``implemented`` (default)
    its status is implemented, or suspended/terminated with ``ended`` after t,
    and its ``effective`` date is on or before t;
``signed``
    as above, and also parties that signed or run a pilot: the date compared is
    ``signed`` (or ``effective`` where no signing date is known);
``pipeline``
    as ``signed``, and also parties still negotiating.

A row with no date to compare counts from its source's date as an upper bound
(``source_date``: the source says it had happened by then), so yesterday and
today agree unless something is dated today. Only a row with neither (a user's
file without ``source_date``) counts in the present-day view alone, flagged
``date unknown``.
Two administrations *recognise each other* at t when some arrangement has both
active at t. MRAs are not transitive: a path A-B-C is not recognition of A by C.
"""
from __future__ import annotations

from datetime import date
from functools import cached_property
from itertools import combinations, groupby
from operator import attrgetter

import networkx as nx
import pandas as pd

from .data import Dataset, Defaults, read_dataset, split_list
from .dates import SourceDate, parse_as_of, parse_date
from .directory import Directory
from .whatif import WhatIf
from .errors import MRAGraphError
from .views import MEANING, STATUSES_IN_VIEW, VIEWS

__all__ = ["MRANetwork", "VIEWS", "load"]

_PROGRESS = ("negotiating", "signed", "pilot", "implemented")


class MRANetwork(Directory, WhatIf):
    """Customs AEO mutual recognition at one date, in one view. Immutable.

    Parameters
    ----------
    dataset : Dataset
        Validated tables, from :func:`mra_graph.data.read_dataset`.
    as_of : str or datetime.date, optional
        The as-of date (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` mean the end of
        that period). Default: today.
    view : {"implemented", "signed", "pipeline"}
        What counts as recognition (see the module documentation).

    Examples
    --------
    >>> net = load().as_of("2024-08-19")
    >>> net.graph.has_edge("SG", "TH")
    True
    >>> net.describe()
    'as of 2024-08-19, view: implemented (arrangements in force)'
    """

    def __init__(self, dataset: Dataset, *, as_of: str | date | None = None, view: str = "implemented"):
        if view not in VIEWS:
            raise MRAGraphError(f"unknown view '{view}': choose one of {', '.join(VIEWS)}")
        self._dataset = dataset
        self._date = parse_as_of(as_of)
        self._view = view

    # ----- identity and derived networks -------------------------------------------------
    @property
    def as_of_date(self) -> date:
        """The as-of date."""
        return self._date

    @property
    def view_name(self) -> str:
        """The view: ``implemented``, ``signed`` or ``pipeline``."""
        return self._view

    @property
    def source(self) -> str:
        """Where the arrangements came from: ``"bundled"`` or a file path."""
        return self._dataset.source

    @property
    def defaults(self) -> Defaults:
        """What the dataset suggests analysing: focus, bloc, weights, scenarios (maybe none)."""
        return self._dataset.defaults

    @property
    def is_present_day(self) -> bool:
        """True when the as-of date is today or later, so undated rows count."""
        return self._date >= date.today()

    def as_of(self, when: str | date | None) -> "MRANetwork":
        """The same data and view at another date (None: today)."""
        return MRANetwork(self._dataset, as_of=when, view=self._view)

    def view(self, name: str) -> "MRANetwork":
        """The same data and date in another view."""
        return MRANetwork(self._dataset, as_of=self._date, view=name)

    def describe(self) -> str:
        """One line stating the as-of date and the view, for titles and reports."""
        return f"as of {self._date.isoformat()}, view: {self._view} ({MEANING[self._view]})"

    def stamp(self, table: pd.DataFrame, caption: str) -> pd.DataFrame:
        """``table`` with its caption, as-of date and view in ``table.attrs``; returns ``table``.

        Every metric stamps what it returns, so a result always says which network it
        describes: ``attrs["caption"]`` ends with :meth:`describe`.
        """
        table.attrs.update(caption=f"{caption}, {self.describe()}", as_of=self._date.isoformat(),
                           view=self._view)
        return table

    def __repr__(self) -> str:
        graph = self.graph
        return (f"<MRANetwork {self.describe()}; {graph.number_of_edges()} recognising pairs "
                f"among {sum(1 for _, d in graph.degree() if d)} administrations>")

    def _repr_svg_(self) -> str | None:
        """In Jupyter, a network shows itself as its diagram (None without Graphviz: the text repr)."""
        from .errors import GraphvizNotFound
        from .render import diagram

        try:  # the one call up the layers, made lazily: drawing needs the network, not the reverse
            return diagram(self, bloc=self.defaults.bloc)._repr_svg_()
        except GraphvizNotFound:
            return None

    # ----- tables -------------------------------------------------------------------------
    @property
    def mras(self) -> pd.DataFrame:
        """A copy of the arrangements table (one row per party per arrangement)."""
        return self._dataset.mras.copy()

    @property
    def administrations(self) -> pd.DataFrame:
        """A copy of the administrations table."""
        return self._dataset.administrations.copy()

    # ----- activity -----------------------------------------------------------------------
    @cached_property
    def active_parties(self) -> pd.DataFrame:
        """Rows of the arrangements table whose party is active at the date, in the view.

        Adds ``since`` (a :class:`~mra_graph.dates.SourceDate`, or None when the
        row has no date to compare and counts only because the view is present-day)
        and ``status_then``, the party's status at the date: a row now implemented
        was only ``signed`` at dates before its ``effective`` date.
        """
        table = self._dataset.mras
        statuses = STATUSES_IN_VIEW[self._view]
        keep, since, status_then = [], [], []
        for row in table.itertuples(index=False):
            is_active, started = self._is_active(row, statuses)
            keep.append(is_active)
            if is_active:
                since.append(started)
                status_then.append(self._status_then(row))
        active = table.loc[keep].copy()
        active["since"] = since
        active["status_then"] = status_then
        return active.reset_index(drop=True)

    def _status_then(self, row) -> str:
        if row.status not in ("implemented", "suspended", "terminated"):
            return row.status
        started = _start(row.effective, row.source_date)
        if started is None:
            return "implemented" if self.is_present_day else "signed"
        return "implemented" if started.start <= self._date else "signed"

    def _is_active(self, row, statuses) -> tuple[bool, SourceDate | None]:
        if row.status not in statuses:
            return False, None
        if row.status in ("suspended", "terminated"):
            if not row.ended or parse_date(row.ended).start <= self._date:
                return False, None
        compared = row.effective if self._view == "implemented" else (row.signed or row.effective)
        started = _start(compared, row.source_date)
        if started is None:
            return self.is_present_day, None
        return started.start <= self._date, started

    def statuses(self, arrangement: str) -> dict[str, str]:
        """Each party's status in ``arrangement`` at the date, whatever the view.

        ``implemented``, ``signed``, ``pilot`` or ``negotiating`` as the data dates
        them; ``not yet signed`` for a party with no dated step by then (its row's
        status may be later); ``ended`` after a suspension or termination.

        Examples
        --------
        >>> load(as_of="2024-09-01").statuses("AAMRA")["ID"]  # ID implemented on 2024-10-01
        'signed'
        """
        rows = self._dataset.mras[self._dataset.mras["arrangement"] == arrangement]
        if rows.empty:
            raise MRAGraphError(f"unknown arrangement '{arrangement}'")
        active = self.view("pipeline").active_parties
        now = dict(zip(active.loc[active["arrangement"] == arrangement, "party"],
                       active.loc[active["arrangement"] == arrangement, "status_then"]))
        ended = {p for p, st, e in zip(rows["party"], rows["status"], rows["ended"])
                 if st in ("suspended", "terminated") and e and parse_date(e).start <= self._date}
        return {party: "ended" if party in ended else now.get(party, "not yet signed")
                for party in sorted(rows["party"])}

    @cached_property
    def graph(self) -> nx.Graph:
        """The recognition graph: one node per administration, one edge per recognising pair.

        Node attributes: ``name``, ``programme``, ``region``, ``blocs``.
        Edge attributes: ``arrangements`` (tuple of dicts: ``arrangement``, ``name``,
        ``kind``, ``status``, ``since`` (in the view), ``signed``, ``effective`` (None
        if not in force at the date), ``scope``, ``sources``) and ``since``
        (the earliest date the pair recognised each other, None if unknown).
        The graph is frozen; ``graph.graph`` records the date, view and source.
        """
        graph = nx.Graph(as_of=self._date.isoformat(), view=self._view, source=self.source,
                         created_with="mra_graph")
        for row in self._dataset.administrations.sort_values("code").itertuples(index=False):
            graph.add_node(row.code, name=row.name, programme=row.programme, region=row.region,
                           blocs=tuple(split_list(row.blocs)))
        links: dict[tuple[str, str], list[dict]] = {}
        active = self.active_parties.sort_values(["arrangement", "party"])
        rows = active.itertuples(index=False)  # one pass: per-group itertuples is slow
        for arrangement, records in groupby(rows, key=attrgetter("arrangement")):
            for first, second in combinations(list(records), 2):
                links.setdefault((first.party, second.party), []).append(_link(arrangement, first, second))
        for (a, b), arrangements in sorted(links.items()):
            dates = [link["since"] for link in arrangements]
            known = [d for d in dates if d is not None]
            graph.add_edge(a, b, arrangements=tuple(arrangements),
                           since=min(known, key=lambda d: d.start) if known else None)
        return nx.freeze(graph)


def _start(text: str, source_date: str) -> SourceDate | None:
    """The date a row's event counts from: its own date, else "on or before" its source's date."""
    if text:
        return parse_date(text)
    if source_date:  # a source of 2019-05 establishes it by 2019-05-31 at the latest
        return parse_date(f"<={parse_date(source_date).end.isoformat()}")
    return None


def _link(arrangement: str, first, second) -> dict:
    """What one arrangement contributes to the edge between two of its active parties."""
    dates = [first.since, second.since]
    since = None if None in dates else max(dates, key=lambda d: d.start)
    status = min(first.status_then, second.status_then, key=_PROGRESS.index)
    return {
        "arrangement": arrangement,
        "name": first.name,
        "kind": first.kind,
        "status": status,
        "since": since,
        "signed": _later(_start(row.signed or row.effective, row.source_date) for row in (first, second)),
        "effective": _later(_start(row.effective, row.source_date) if row.status_then == "implemented" else None
                            for row in (first, second)),
        "scope": "; ".join(dict.fromkeys(s for s in (first.scope, second.scope) if s)),
        "sources": tuple(sorted({first.source_url, second.source_url})),
    }


def _later(dates) -> SourceDate | None:
    """The later of two parties' dates (the pair counts once both have acted); None if either is unknown."""
    dates = list(dates)
    return None if None in dates else max(dates, key=lambda d: d.start)


def load(mras: str | None = None, administrations: str | None = None, *,
         as_of: str | date | None = None, view: str = "implemented") -> MRANetwork:
    """Load a dataset (the bundled one by default) as an :class:`MRANetwork`.

    Parameters
    ----------
    mras, administrations : path, optional
        A user's files; see :func:`mra_graph.data.read_dataset`.
    as_of : str or date, optional
        The as-of date; default today.
    view : {"implemented", "signed", "pipeline"}

    Examples
    --------
    >>> net = load(as_of="2022-06-07", view="signed")
    >>> sorted(net.graph["SG"])
    ['AU', 'CA', 'CN', 'HK', 'JP', 'KR', 'NZ', 'TH', 'TW', 'US']
    """
    return MRANetwork(read_dataset(mras, administrations), as_of=as_of, view=view)
