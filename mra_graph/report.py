"""The overview report: network size, hubs, one administration's coverage, one bloc.

Every section is computed from the network at the report's date: statuses, members
implementing a bloc arrangement, leverage. The focus administration and the bloc
default to the dataset's own (its ``datapackage.json``); a dataset that names none
gets a report without those sections.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .formatting import records
from .metrics import bloc_coverage, bloc_matrix, coverage, coverage_counts, network_summary
from .metrics.leverage import active_members, bloc_arrangement, leverage
from .metrics.reach import REACH_CAVEAT
from .network import MRANetwork
from .official import arrangement_labels, list_date, official_lists_for, reconcile
from .report_text import DATE_NOTE, report_text
from .targets import targets_against_actuals
from .weights import read_weights

@dataclass(frozen=True)
class Focus:
    """One administration's part of the report."""

    code: str
    name: str
    partners: pd.DataFrame
    signed_only: pd.DataFrame
    counts: dict
    official: pd.DataFrame


@dataclass(frozen=True)
class Bloc:
    """One bloc's part of the report."""

    name: str
    pairs: pd.DataFrame
    matrix: pd.DataFrame
    arrangement: str | None
    arrangement_signed: bool
    active_members: list
    leverage: pd.DataFrame | None
    next_members: pd.DataFrame
    scenario: str | None
    targets: pd.DataFrame


@dataclass(frozen=True)
class Report:
    """The report's tables; :meth:`to_text` and :meth:`to_dict` write it. Build it with :func:`build_report`.

    Attributes
    ----------
    title : str
    summary, hubs : pandas.DataFrame
        :func:`~mra_graph.metrics.network_summary` and the best-connected rows of
        :func:`~mra_graph.metrics.coverage_counts`.
    focus : Focus or None
        The focus administration's coverage, counts and official lists.
    bloc : Bloc or None
        The bloc's matrix, gaps, arrangement roll-out and leverage.
    view : str
    """

    title: str
    view: str
    summary: pd.DataFrame
    hubs: pd.DataFrame
    focus: Focus | None
    bloc: Bloc | None

    def to_dict(self) -> dict:
        """Every section as JSON-ready records."""
        out = {"title": self.title, "summary": records(self.summary)[0], "hubs": records(self.hubs)}
        if self.focus:
            f = self.focus
            out["focus"] = {"administration": f.code, "partners": records(f.partners),
                            "signed_not_in_force": records(f.signed_only), "arrangements": f.counts,
                            "official_lists": records(f.official)}
        if self.bloc:
            b = self.bloc
            out["bloc"] = {"name": b.name, "pairs": records(b.pairs), "arrangement": b.arrangement,
                           "arrangement_signed": b.arrangement_signed, "active_members": b.active_members,
                           "leverage": records(b.leverage) if b.leverage is not None else None,
                           "next_members": records(b.next_members), "targets": records(b.targets)}
        out["notes"] = [DATE_NOTE, REACH_CAVEAT]
        return out

    def to_text(self, fmt: str = "table") -> str:
        """The report as plain text (``fmt="table"``) or Markdown (``fmt="markdown"``)."""
        return report_text(self, fmt)


def build_report(net: MRANetwork, *, focus: str | None = None, bloc: str | None = None, top: int = 10,
                 weights: pd.DataFrame | None = None) -> Report:
    """Gather the report's tables for a network.

    Parameters
    ----------
    net : MRANetwork
    focus : str, optional
        The administration whose coverage is listed. Default: the dataset's (none: no such section).
    bloc : str, optional
        The bloc whose internal coverage is shown. Default: the dataset's (none: no bloc sections).
    top : int
        How many best-connected administrations to list.
    weights : pandas.DataFrame, optional
        Weights for the bloc's leverage. Default: the dataset's own weights file, if it names one.

    Examples
    --------
    >>> report = build_report(load(as_of="2024-08-19", view="signed"))
    >>> report.bloc.matrix.loc["SG", "TH"]  # a bilateral MRA and the AAMRA
    'B+P'
    """
    focus = focus or net.defaults.focus
    bloc = bloc or net.defaults.bloc
    if weights is None and net.defaults.weights is not None:
        weights = read_weights(net.defaults.weights)
    hubs = coverage_counts(net)
    return Report(
        title=f"AEO mutual recognition {net.describe()}",
        view=net.view_name,
        summary=network_summary(net),
        hubs=hubs[hubs["partners"] > 0].head(top).reset_index(drop=True),
        focus=_focus(net, net.check_code(focus)) if focus else None,
        bloc=_bloc(net, net.bloc_name(bloc), weights) if bloc else None,
    )


def _focus(net: MRANetwork, code: str) -> Focus:
    partners = coverage(net, code)
    signed = coverage(net.view("signed"), code) if net.view_name == "implemented" else partners
    return Focus(code=code, name=net.name_of(code), partners=partners,
                 signed_only=signed[~signed["partner"].isin(partners["partner"])].reset_index(drop=True),
                 counts=focus_counts(net, code), official=_latest_lists(net, code))


def _bloc(net: MRANetwork, bloc: str, weights: pd.DataFrame | None) -> Bloc:
    arrangement = bloc_arrangement(net, bloc)
    statuses = net.statuses(arrangement) if arrangement else {}
    signed = any(status != "not yet signed" for status in statuses.values())
    active = active_members(net, bloc) if arrangement else []
    scenarios = [name for name in net.defaults.scenarios]
    return Bloc(
        name=bloc, pairs=bloc_coverage(net, bloc), matrix=bloc_matrix(net, bloc), arrangement=arrangement,
        arrangement_signed=signed, active_members=active,
        leverage=leverage(net, bloc, weights=weights).head(5) if signed else None,
        next_members=_next_members(net, bloc, statuses, active),
        scenario=scenarios[0] if scenarios else None,
        targets=targets_against_actuals(net, arrangement) if arrangement else pd.DataFrame(),
    )


def focus_counts(net: MRANetwork, code: str) -> dict:
    """How many of ``code``'s arrangements are signed, in force (from a stated date or a
    source's date), and signed with no public source on operation, at the network's date.

    Examples
    --------
    >>> counts = focus_counts(load(as_of="2025-03-01"), "SG")
    >>> counts["signed"] == counts["in_force"] + counts["no_operation_source"]
    True
    """
    signed = arrangement_labels(net.view("signed"), code)
    in_force = net.view("implemented")
    graph = in_force.graph
    bounded = set()
    for partner in graph[code]:
        for link in graph.edges[code, partner]["arrangements"]:
            if link["since"] is None or link["since"].upper_bound:
                bounded.add(partner if link["kind"] == "bilateral" else link["arrangement"])
    labels = arrangement_labels(in_force, code)
    return {"signed": len(signed), "in_force": len(labels), "in_force_dated": len(labels - bounded),
            "in_force_bounded": len(labels & bounded), "no_operation_source": len(signed - labels)}


def _latest_lists(net: MRANetwork, code: str) -> pd.DataFrame:
    """The latest official list of each kind published on or before the network's date."""
    lists = official_lists_for(net)
    lists = lists.loc[(lists["administration"] == code).to_numpy()]
    lists = lists.loc[[list_date(text) <= net.as_of_date for text in lists["date"]]]
    latest = lists.assign(_day=[list_date(t) for t in lists["date"]]).sort_values("_day").groupby("statement").tail(1)
    latest = latest.drop(columns="_day")
    return reconcile(net, latest)


def _next_members(net: MRANetwork, bloc: str, statuses: dict, active: list[str]) -> pd.DataFrame:
    columns = ["member", "name", "status", "new_pairs"]
    if not statuses:
        return pd.DataFrame(columns=columns)
    graph = net.graph
    table = [{"member": m, "name": net.name_of(m), "status": statuses.get(m, "not a party"),
              "new_pairs": sum(1 for a in active if not graph.has_edge(m, a))}
             for m in net.bloc_members(bloc) if m not in active]
    return pd.DataFrame(table, columns=columns).sort_values(["new_pairs", "member"], ascending=[False, True])
