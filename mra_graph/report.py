"""The overview report: network size, hubs, one administration's coverage, one bloc."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from .formatting import format_frame, records
from .metrics import bloc_coverage, bloc_matrix, coverage, coverage_counts, network_summary
from .metrics.leverage import active_members, bloc_arrangement, leverage
from .metrics.reach import REACH_CAVEAT
from .network import MRANetwork
from .official import arrangement_labels, official_lists_for, reconcile
from .weights import read_weights

_DATE_NOTE = ("Dates carry their source's precision (2010-06 is June 2010); 'on or before' marks a "
              "date the source only establishes as an upper bound; 'date unknown' rows count only "
              "in today's view.")


@dataclass(frozen=True)
class Report:
    """The report's tables, and its text. Build it with :func:`build_report`.

    Attributes
    ----------
    title : str
    summary, hubs, focus, bloc_pairs : pandas.DataFrame
        :func:`~mra_graph.metrics.network_summary`, the ``top`` rows of
        :func:`~mra_graph.metrics.coverage_counts`, :func:`~mra_graph.metrics.coverage`
        of the focus administration, :func:`~mra_graph.metrics.bloc_coverage` of the bloc.
    focus_signed_only : pandas.DataFrame
        Partners of the focus administration in the ``signed`` view that are not in
        ``focus``: arrangements signed but not (yet) recorded as in force.
    matrix : pandas.DataFrame
        :func:`~mra_graph.metrics.bloc_matrix` of the bloc.
    """

    title: str
    focus_code: str
    focus_name: str
    bloc: str
    summary: pd.DataFrame
    hubs: pd.DataFrame
    focus: pd.DataFrame
    focus_signed_only: pd.DataFrame
    bloc_pairs: pd.DataFrame
    matrix: pd.DataFrame
    bloc_arrangement: str | None
    active_members: list
    bloc_leverage: pd.DataFrame
    next_members: pd.DataFrame
    focus_counts: dict
    focus_official: pd.DataFrame

    def to_dict(self) -> dict:
        """Every section as JSON-ready records."""
        return {
            "title": self.title,
            "summary": records(self.summary)[0],
            "hubs": records(self.hubs),
            "focus": {"administration": self.focus_code, "partners": records(self.focus),
                      "signed_not_in_force": records(self.focus_signed_only),
                      "arrangements": self.focus_counts, "official_lists": records(self.focus_official)},
            "bloc": {"name": self.bloc, "pairs": records(self.bloc_pairs), "arrangement": self.bloc_arrangement,
                     "active_members": self.active_members, "leverage": records(self.bloc_leverage),
                     "next_members": records(self.next_members)},
            "notes": [_DATE_NOTE, REACH_CAVEAT],
        }

    def to_text(self, fmt: str = "table") -> str:
        """The report as plain text (``fmt="table"``) or Markdown (``fmt="markdown"``)."""
        heading = (lambda text: f"## {text}") if fmt == "markdown" else (lambda text: f"{text}\n{'-' * len(text)}")
        s = self.summary.iloc[0]
        covered = self.bloc_pairs[self.bloc_pairs["covered"]]
        parts = [
            ("# " if fmt == "markdown" else "") + self.title,
            heading("The network"),
            _paragraph(
                f"{s['with_recognition']} of the {s['administrations']} administrations in the data "
                f"recognise at least one other's AEOs, through {s['arrangements']} arrangements "
                f"({s['bilateral']} bilateral, {s['plurilateral']} plurilateral) that make "
                f"{s['recognising_pairs']} recognising pairs. That is {s['density']:.1%} of all possible "
                f"pairs among administrations with an AEO programme; those with any partner have "
                f"{s['mean_partners']} on average.", fmt),
            heading("Best-connected administrations"),
            _paragraph("Partners: administrations that recognise its AEOs. Share: of the other "
                       "administrations in the data with an AEO programme.", fmt),
            _table(self.hubs.drop(columns=["partner_codes"]).assign(share=self.hubs["share"].map("{:.0%}".format)),
                   fmt),
            heading(f"{self.focus_name} ({self.focus_code}): {len(self.focus)} administrations recognise its AEOs"),
            _paragraph(self._counts_text(), fmt),
            *self._official_text(fmt),
            _table(self.focus[["partner", "name", "via", "since"]], fmt),
            *self._signed_only_text(fmt),
            heading(f"{self.bloc}: who recognises whom among its {len(self.matrix)} members"),
            _paragraph(f"{len(covered)} of {len(self.bloc_pairs)} member pairs recognise each other "
                       f"({len(covered) / max(len(self.bloc_pairs), 1):.0%}). "
                       "B = bilateral MRA, P = plurilateral arrangement (such as the AAMRA), B+P = both, . = none.", fmt),
            _table(self.matrix.reset_index(names=""), fmt),
            heading(f"{self.bloc} gaps: members not yet recognising each other"),
            _table(_gaps(self.bloc_pairs), fmt) if len(covered) < len(self.bloc_pairs)
            else _paragraph("None: every pair of members recognises each other.", fmt),
            *self._bloc_text(fmt, heading),
            heading("Notes"),
            _paragraph(_DATE_NOTE, fmt),
            _paragraph(REACH_CAVEAT + " See `mra-graph reach CODE`.", fmt),
            _paragraph("Every figure is sourced: `mra-graph sources CODE` lists, for each partner, the "
                       "arrangement, both parties' dates and the source behind each.", fmt),
        ]
        return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


    def _bloc_text(self, fmt: str, heading) -> list[str]:
        if self.bloc_arrangement is None:
            return []
        size = len(self.matrix)
        parts = [
            heading(f"{self.bloc} as a bloc"),
            _paragraph(f"The {self.bloc_arrangement} is in force for {len(self.active_members)} of the {size} "
                       f"members: {', '.join(self.active_members) or 'none yet'}. Where one {self.bloc} bloc MRA "
                       "would add most, weighting the member-partner links it adds by trade (the bundled "
                       f"weights; `mra-graph leverage {self.bloc} --weights bundled`):", fmt),
            _table(self.bloc_leverage[["rank", "partner", "name", "existing", "new_links"]], fmt),
        ]
        if not self.next_members.empty:
            parts += [_paragraph(f"Members not yet implementing the {self.bloc_arrangement}, and the member "
                                 f"pairs each would add by joining (`mra-graph scenario aamra`):", fmt),
                      _table(self.next_members, fmt)]
        return parts

    def _counts_text(self) -> str:
        c = self.focus_counts
        known = (f" ({c['in_force_dated']} from a stated date, {c['in_force_bounded']} known only to be in "
                 "force by a source's date)") if c["in_force_bounded"] else ""
        return (f"{self.focus_name}: {c['signed']} arrangement{'s' * (c['signed'] != 1)} signed; "
                f"{c['in_force']} in force by a dated source{known}; {c['no_operation_source']} with no public "
                "source on operation. A plurilateral arrangement counts once.")

    def _official_text(self, fmt: str) -> list[str]:
        lines = []
        for row in self.focus_official.itertuples(index=False):
            what = "signed" if row.statement == "signed" else "in operation"
            verdict = "the data agrees" if row.agrees else f"the data has {row.our_count} at that date"
            if not row.agrees and row.reconciliation:
                verdict += f" ({row.reconciliation})"
            lines.append(f"Official count ({row.date}): {row.official_count} {what}; {verdict}. "
                         f"Source: {row.source_url}")
        return [_paragraph(line, fmt) for line in lines]

    def _signed_only_text(self, fmt: str) -> list[str]:
        if self.focus_signed_only.empty:
            return []
        partners = ", ".join(f"{row.name} ({row.partner}, signed {row.since})"
                             for row in self.focus_signed_only.itertuples(index=False))
        return [_paragraph(f"Signed, with no public source found that they operate by this date: {partners}. "
                           "See `--view signed`.", fmt)]


def build_report(net: MRANetwork, *, focus: str = "SG", bloc: str = "ASEAN", top: int = 10) -> Report:
    """Gather the report's tables for a network.

    Parameters
    ----------
    net : MRANetwork
    focus : str
        The administration whose coverage is listed.
    bloc : str
        The bloc whose internal coverage is shown.
    top : int
        How many best-connected administrations to list.

    Examples
    --------
    >>> report = build_report(load(as_of="2024-08-19", view="signed"))
    >>> report.matrix.loc["SG", "TH"]  # a bilateral MRA and the AAMRA
    'B+P'
    """
    focus = net.check_code(focus)
    hubs = coverage_counts(net)
    focus_table = coverage(net, focus)
    arrangement = bloc_arrangement(net, bloc)
    active = active_members(net, bloc) if arrangement else []
    signed = coverage(net.view("signed"), focus) if net.view_name == "implemented" else focus_table
    return Report(
        title=f"AEO mutual recognition {net.describe()}",
        focus_code=focus,
        focus_name=net.name_of(focus),
        bloc=net.bloc_name(bloc),
        summary=network_summary(net),
        hubs=hubs[hubs["partners"] > 0].head(top).reset_index(drop=True),
        focus=focus_table,
        focus_signed_only=signed[~signed["partner"].isin(focus_table["partner"])].reset_index(drop=True),
        bloc_pairs=bloc_coverage(net, bloc),
        matrix=bloc_matrix(net, bloc),
        bloc_arrangement=arrangement,
        active_members=active,
        bloc_leverage=leverage(net, bloc, weights=read_weights()).head(5),
        next_members=_next_members(net, bloc, arrangement, active),
        focus_counts=focus_counts(net, focus),
        focus_official=_latest_lists(net, focus),
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
    lists = lists[(lists["administration"] == code) & (lists["date"] <= net.as_of_date.isoformat())]
    latest = lists.sort_values("date").groupby("statement").tail(1)
    return reconcile(net, latest)


def _next_members(net: MRANetwork, bloc: str, arrangement: str | None, active: list[str]) -> pd.DataFrame:
    columns = ["member", "name", "status", "new_pairs"]
    if arrangement is None:
        return pd.DataFrame(columns=columns)
    rows = net.mras[net.mras["arrangement"] == arrangement].set_index("party")["status"]
    graph = net.graph
    table = [{"member": m, "name": net.name_of(m), "status": rows.get(m, "not a party"),
              "new_pairs": sum(1 for a in active if not graph.has_edge(m, a))}
             for m in net.bloc_members(bloc) if m not in active]
    return pd.DataFrame(table, columns=columns).sort_values(["new_pairs", "member"], ascending=[False, True])


def _gaps(pairs: pd.DataFrame) -> pd.DataFrame:
    missing = pairs[~pairs["covered"]]
    rows = []
    for member in sorted(set(pairs["a"]) | set(pairs["b"])):
        others = sorted(set(missing.loc[missing["a"] == member, "b"]) | set(missing.loc[missing["b"] == member, "a"]))
        if others:
            rows.append({"member": member, "missing": len(others), "not recognising": others})
    return pd.DataFrame(rows, columns=["member", "missing", "not recognising"])


def _table(frame: pd.DataFrame, fmt: str) -> str:
    text = format_frame(frame, "markdown" if fmt == "markdown" else "table")
    return text if fmt == "markdown" else "\n".join("  " + line for line in text.splitlines())


def _paragraph(text: str, fmt: str) -> str:
    return text if fmt == "markdown" else textwrap.fill(text, width=88)
