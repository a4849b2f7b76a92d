"""Events: every dated step the data records, what changed between two dates, one history.

An *event* is an arrangement signed, in force, suspended or ended (for a
plurilateral arrangement: a member signing or implementing it). Its date keeps its
source's precision; a step the data does not date counts from its source's date,
as "on or before" (the rule of :mod:`mra_graph.network`).
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from ..dates import SourceDate, date_fields, parse_as_of, parse_date
from ..network import MRANetwork
from .summary import network_summary

__all__ = ["coverage_changes", "events", "figure_changes", "timeline"]

EVENT_COLUMNS = ["date", "date_precision", "arrangement", "name", "kind", "parties", "event", "source"]
_ENDED = {"suspended": "suspended", "terminated": "ended"}
_ORDER = {"signed": 0, "joined": 0, "in force": 1, "implemented": 1, "suspended": 2, "ended": 3}


def events(net: MRANetwork, *, start: str | date | None = None, end: str | date | None = None) -> pd.DataFrame:
    """Every dated event in the data, oldest first, optionally within ``(start, end]``.

    Parameters
    ----------
    net : MRANetwork
        Its dataset is read; its date and view do not filter (use ``start`` and ``end``).
    start, end : str or date, optional
        Keep events after ``start`` and on or before ``end`` (compared at the first day the
        date can stand for; an "on or before" date at its bound).

    Returns
    -------
    pandas.DataFrame
        Columns: ``date`` and ``date_precision`` (``day``, ``month``, ``year`` or ``on or
        before``), ``arrangement``, ``name``, ``kind``, ``parties`` (list: both parties of a
        bilateral; the member of a plurilateral), ``event`` (``signed``, ``in force``,
        ``suspended``, ``ended``; for a plurilateral member ``joined`` or ``implemented``),
        ``source`` (list of URLs).

    Examples
    --------
    >>> table = events(load(), start="2024-07-31", end="2024-08-01")
    >>> table.loc[table["arrangement"] == "AAMRA", "parties"].tolist()
    [['BN'], ['MY'], ['SG']]
    """
    found: dict[tuple, dict] = {}
    for row in net.mras.itertuples(index=False):
        for event, when in _row_events(row):
            plural = row.kind == "plurilateral"
            key = (row.arrangement, event, when.text, row.party if plural else "")
            item = found.setdefault(key, {"when": when, "arrangement": row.arrangement, "name": row.name,
                                          "kind": row.kind, "parties": [], "event": event, "source": []})
            item["parties"].append(row.party)
            if row.source_url not in item["source"]:
                item["source"].append(row.source_url)
    low = parse_as_of(start) if start is not None else None
    high = parse_as_of(end) if end is not None else None
    rows = [{**date_fields("date", item["when"]), **{k: v for k, v in item.items() if k != "when"},
             "parties": sorted(item["parties"]), "_start": item["when"].start}
            for item in found.values()
            if (low is None or item["when"].start > low) and (high is None or item["when"].start <= high)]
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS + ["_start"])
    order = table["event"].map(_ORDER.get)
    table = table.assign(_order=order).sort_values(["_start", "arrangement", "_order"], kind="stable")
    table = table.drop(columns=["_start", "_order"])
    window = f" from {low} to {high}" if low and high else ""
    return net.stamp(table.reset_index(drop=True), f"{len(table)} events{window}")


def _row_events(row) -> list[tuple[str, SourceDate]]:
    """The dated events of one party's row: signed, in force, ended."""
    plural = row.kind == "plurilateral"
    bound = parse_date(f"<={parse_date(row.source_date).end.isoformat()}") if row.source_date else None
    out = []
    if row.status != "negotiating":
        signed = parse_date(row.signed) if row.signed else (None if row.effective else bound)
        if signed:
            out.append(("joined" if plural else "signed", signed))
    if row.status in ("implemented", "suspended", "terminated"):
        started = parse_date(row.effective) if row.effective else bound
        if started:
            out.append(("implemented" if plural else "in force", started))
    if row.status in _ENDED and row.ended:
        out.append((_ENDED[row.status], parse_date(row.ended)))
    return out


def timeline(net: MRANetwork, subject: str) -> pd.DataFrame:
    """The dated events of one administration (its code or name) or of one arrangement (its id),
    up to the network's date.

    For an administration: its own events, and other members implementing a plurilateral
    arrangement it belongs to (each adds a partner).

    Examples
    --------
    >>> table = timeline(load(as_of="2024-08-01"), "AAMRA")
    >>> table.iloc[-1][["date", "event"]].tolist()
    ['2024-08-01', 'implemented']
    """
    table = events(net, end=net.as_of_date)
    if subject in set(net.mras["arrangement"]):
        chosen, who = table[table["arrangement"] == subject], subject
    else:
        code = net.check_code(subject)
        own = table["parties"].map(lambda p: code in p)
        joined = table["arrangement"].isin(_plurilaterals_of(net, code)) & (table["event"] == "implemented")
        chosen, who = table[own | joined], net.name_of(code)
    return net.stamp(chosen.reset_index(drop=True), f"Timeline of {who}: {len(chosen)} events")


def _plurilaterals_of(net: MRANetwork, code: str) -> set[str]:
    table = net.mras
    return set(table.loc[(table["party"] == code) & (table["kind"] == "plurilateral"), "arrangement"])


def coverage_changes(net: MRANetwork, start: str | date, end: str | date) -> pd.DataFrame:
    """Who each administration gained and lost as a partner between two dates, in ``net``'s view.

    Returns
    -------
    pandas.DataFrame
        One row per administration whose partners changed: ``administration``, ``name``,
        ``partners_before``, ``partners_after``, ``gained`` (list), ``lost`` (list).
        Sorted by the number gained, then code.
    """
    before, after = net.as_of(start).graph, net.as_of(end).graph
    rows = []
    for code in sorted(after.nodes):
        was, now = set(before[code]), set(after[code])
        if was != now:
            rows.append({"administration": code, "name": net.name_of(code), "partners_before": len(was),
                         "partners_after": len(now), "gained": sorted(now - was), "lost": sorted(was - now)})
    table = pd.DataFrame(rows, columns=["administration", "name", "partners_before", "partners_after", "gained",
                                        "lost"])
    table = table.sort_values(["partners_after", "administration"], ascending=[False, True]).reset_index(drop=True)
    return net.stamp(table, f"Coverage gained and lost from {parse_as_of(start)} to {parse_as_of(end)}")


def figure_changes(net: MRANetwork, start: str | date, end: str | date) -> pd.DataFrame:
    """The network's figures at two dates, and the change (see :func:`network_summary`).

    Returns
    -------
    pandas.DataFrame
        One row per figure: ``figure``, ``before``, ``after``, ``change``; and the hubs
        (the three best-connected administrations) at both dates.
    """
    a, b = net.as_of(start), net.as_of(end)
    first, second = network_summary(a).iloc[0], network_summary(b).iloc[0]
    figures = ["with_recognition", "arrangements", "bilateral", "plurilateral", "recognising_pairs", "density",
               "mean_partners", "largest_component"]
    rows = [{"figure": f, "before": first[f], "after": second[f], "change": round(second[f] - first[f], 4)}
            for f in figures]
    rows.append({"figure": "hubs", "before": _hubs(a), "after": _hubs(b), "change": ""})
    return net.stamp(pd.DataFrame(rows, columns=["figure", "before", "after", "change"]),
                     f"Network figures on {a.as_of_date} and {b.as_of_date}")


def _hubs(net: MRANetwork, top: int = 3) -> str:
    graph = net.graph
    best = sorted(graph, key=lambda n: (-graph.degree(n), n))[:top]
    return ", ".join(f"{n} ({graph.degree(n)})" for n in best)
