"""The report as words: plain text for a terminal, or Markdown."""
from __future__ import annotations

import textwrap

import pandas as pd

from .formatting import format_frame
from .metrics.reach import REACH_CAVEAT
from .views import VERB

DATE_NOTE = ("Dates carry their source's precision (2010-06 is June 2010); 'on or before' marks a date the "
             "source only establishes as an upper bound, such as a start known only from the date of a "
             "source saying the arrangement operates.")


def report_text(report, fmt: str = "table") -> str:
    """Write a :class:`~mra_graph.report.Report` as text (``table``) or ``markdown``."""
    md = fmt == "markdown"
    heading = (lambda text: f"## {text}") if md else (lambda text: f"{text}\n{'-' * len(text)}")
    s = report.summary.iloc[0]
    verb = VERB[report.view]
    parts = [
        ("# " if md else "") + report.title,
        heading("The network"),
        paragraph(
            f"{s['with_recognition']} of the {s['administrations']} administrations in the data {verb} at least "
            f"one other through {s['arrangements']} arrangements ({s['bilateral']} bilateral, "
            f"{s['plurilateral']} plurilateral) that make {s['recognising_pairs']} pairs. That is "
            f"{s['density']:.1%} of all possible pairs among administrations with an AEO programme; those with "
            f"any partner have {s['mean_partners']} on average.", fmt),
        heading("Best-connected administrations"),
        paragraph("Partners: administrations that recognise its AEOs in this view. Share: of the other "
                  "administrations in the data with an AEO programme.", fmt),
        table(report.hubs.drop(columns=["partner_codes"]).assign(share=report.hubs["share"].map("{:.0%}".format)),
              fmt),
    ]
    if report.focus:
        parts += _focus_text(report.focus, report.view, fmt, heading)
    if report.bloc:
        parts += _bloc_text(report.bloc, fmt, heading)
    parts += [
        heading("Notes"),
        paragraph(DATE_NOTE, fmt),
        paragraph(REACH_CAVEAT + " See `mra-graph reach CODE`.", fmt),
        paragraph("Every figure is sourced: `mra-graph sources CODE` lists, for each partner, the arrangement, "
                  "both parties' dates and the source behind each.", fmt),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def _focus_text(focus, view: str, fmt: str, heading) -> list[str]:
    c = focus.counts
    known = (f" ({c['in_force_dated']} from a stated date, {c['in_force_bounded']} known only to be in force by "
             "a source's date)") if c["in_force_bounded"] else ""
    counts = (f"{focus.name}: {c['signed']} arrangement{'s' * (c['signed'] != 1)} signed; {c['in_force']} in "
              f"force by a dated source{known}; {c['no_operation_source']} with no public source on operation. "
              "A plurilateral arrangement counts once.")
    date_column = "effective" if view == "implemented" else "signed"
    partners = focus.partners.assign(since=[_when(d, p) for d, p in zip(focus.partners[date_column],
                                                                       focus.partners[f"{date_column}_precision"])])
    parts = [heading(f"{focus.name} ({focus.code}): {len(focus.partners)} administrations {VERB[view]} "
                     f"{'its AEOs' if view == 'implemented' else 'it'}"),
             paragraph(counts, fmt)]
    for row in focus.official.itertuples(index=False):
        what = "signed" if row.statement == "signed" else "in operation"
        verdict = "the data agrees" if row.agrees else f"the data has {row.our_count} at that date"
        if not row.agrees and row.reconciliation:
            verdict += f" ({row.reconciliation})"
        parts.append(paragraph(f"Official count ({row.date}): {row.official_count} {what}; {verdict}. "
                               f"Source: {row.source_url}", fmt))
    parts.append(table(partners[["partner", "name", "via", "since"]], fmt))
    if not focus.signed_only.empty:
        names = ", ".join(f"{row.name} ({row.partner}, signed {_when(row.signed, row.signed_precision)})"
                          for row in focus.signed_only.itertuples(index=False))
        parts.append(paragraph(f"Signed, with no public source found that they operate by this date: {names}. "
                               "See `--view signed`.", fmt))
    return parts


def _bloc_text(bloc, fmt: str, heading) -> list[str]:
    covered = bloc.pairs[bloc.pairs["covered"]]
    parts = [
        heading(f"{bloc.name}: who recognises whom among its {len(bloc.matrix)} members"),
        paragraph(f"{len(covered)} of {len(bloc.pairs)} member pairs recognise each other "
                  f"({len(covered) / max(len(bloc.pairs), 1):.0%}). B = bilateral MRA, P = plurilateral "
                  "arrangement, B+P = both, . = none.", fmt),
        table(bloc.matrix.reset_index(names=""), fmt),
        heading(f"{bloc.name} gaps: members not yet recognising each other"),
        table(_gaps(bloc.pairs), fmt) if len(covered) < len(bloc.pairs)
        else paragraph("None: every pair of members recognises each other.", fmt),
    ]
    if bloc.arrangement is None:
        return parts
    parts.append(heading(f"{bloc.name} as a bloc"))
    if not bloc.arrangement_signed:
        return parts + [paragraph(f"The {bloc.arrangement} had not been signed by any member at this date, so "
                                  "there is no bloc arrangement to rank partners for.", fmt)]
    parts.append(paragraph(
        f"The {bloc.arrangement} is in force for {len(bloc.active_members)} of the {len(bloc.matrix)} members: "
        f"{', '.join(bloc.active_members) or 'none yet'}. Where one {bloc.name} bloc MRA would add most "
        f"(`mra-graph leverage {bloc.name}`):", fmt))
    parts.append(table(bloc.leverage[["rank", "partner", "name", "existing", "new_links"]], fmt))
    if len(bloc.targets):
        parts += [paragraph(f"Targets for the {bloc.arrangement} beside what happened (`mra-graph timeline "
                            f"{bloc.arrangement}`):", fmt),
                  table(bloc.targets[["by", "target", "wanted", "actual", "met", "first_reached"]], fmt)]
    if not bloc.next_members.empty:
        scenario = f" (`mra-graph scenario {bloc.scenario}`)" if bloc.scenario else ""
        parts += [paragraph(f"Members not yet implementing the {bloc.arrangement} at this date, their status "
                            f"then, and the member pairs each would add by joining{scenario}:", fmt),
                  table(bloc.next_members, fmt)]
    return parts


def _when(date: str, precision: str) -> str:
    if not date:
        return "date unknown"
    return f"on or before {date}" if precision == "on or before" else date


def _gaps(pairs: pd.DataFrame) -> pd.DataFrame:
    missing = pairs[~pairs["covered"]]
    rows = []
    for member in sorted(set(pairs["a"]) | set(pairs["b"])):
        others = sorted(set(missing.loc[missing["a"] == member, "b"]) | set(missing.loc[missing["b"] == member, "a"]))
        if others:
            rows.append({"member": member, "missing": len(others), "not recognising": others})
    return pd.DataFrame(rows, columns=["member", "missing", "not recognising"])


def table(frame: pd.DataFrame, fmt: str) -> str:
    text = format_frame(frame, "markdown" if fmt == "markdown" else "table", width=None if fmt == "markdown" else 98)
    return text if fmt == "markdown" else "\n".join("  " + line for line in text.splitlines())


def paragraph(text: str, fmt: str) -> str:
    return text if fmt == "markdown" else textwrap.fill(text, width=88, break_long_words=False, break_on_hyphens=False)
