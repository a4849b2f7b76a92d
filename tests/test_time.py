"""Time: every section at its date, what changed between dates, histories, candidates and targets."""
import json

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main
from mra_graph.metrics import candidates, coverage_changes, events, figure_changes, timeline
from mra_graph.targets import targets_against_actuals


def run(*args):
    return CliRunner().invoke(main, [*args], env={"COLUMNS": "200"})


# ----- the tiny network (tests/conftest.py): facts computed by hand ---------------------------------------
def test_events_of_the_tiny_network(tiny):
    table = events(tiny)
    rows = table[["date", "date_precision", "arrangement", "event"]].values.tolist()
    assert ["2010-06", "month", "AA-BB", "signed"] in rows and ["2011-01-01", "day", "AA-BB", "in force"] in rows
    assert ["2015-05-05", "on or before", "BB-DD", "signed"] in rows
    assert ["2019-12-31", "day", "CC-FF", "ended"] in rows
    blocmra = table[table["arrangement"] == "BLOCMRA"]
    assert blocmra[["parties", "event"]].values.tolist() == [
        [["AA"], "joined"], [["BB"], "joined"], [["CC"], "joined"], [["AA"], "implemented"], [["CC"], "implemented"]]
    dates = [parse for parse in table["date"]]
    assert dates == sorted(dates, key=lambda d: mra_graph.dates.parse_date(d).start)  # oldest first


def test_events_in_a_window_exclude_the_start_and_include_the_end(tiny):
    assert events(tiny, start="2010-12-31", end="2011-01-01")["arrangement"].tolist() == ["AA-BB"]
    assert events(tiny, start="2011-01-01", end="2011-12-31").empty


def test_coverage_and_figure_changes(tiny):
    changes = coverage_changes(tiny, "2013-12-31", "2020-06-30").set_index("administration")
    # CC joined BLOCMRA in force 2014-03-01 (AA partner); CC-FF ran from 2016 to 2019-12-31, so it is gone.
    assert changes.loc["CC", "gained"] == ["AA"] and changes.loc["CC", "lost"] == []
    assert "FF" not in changes.index  # no partner on either date
    figures = figure_changes(tiny, "2013-12-31", "2020-06-30").set_index("figure")
    # 2013-12-31: AA-BB only (DD-EE has no date and no source date); 2020-06-30: AA-BB and AA-CC.
    assert (figures.loc["recognising_pairs", "before"], figures.loc["recognising_pairs", "after"]) == (1, 2)


def test_timeline_of_an_administration_and_of_an_arrangement(tiny):
    cc = timeline(tiny, "Gamma")  # by name; up to 2018-06-30, so CC-FF's end (2019) is not there yet
    assert list(zip(cc["arrangement"], cc["parties"].map(tuple), cc["event"])) == [
        ("BLOCMRA", ("CC",), "joined"), ("BLOCMRA", ("AA",), "implemented"), ("BLOCMRA", ("CC",), "implemented"),
        ("CC-FF", ("CC", "FF"), "signed"), ("CC-FF", ("CC", "FF"), "in force")]
    assert timeline(tiny, "BLOCMRA")["parties"].map(len).eq(1).all()


def test_candidates_close_triangles(tiny):
    table = candidates(tiny.as_of("2017-06-30"), "FF").set_index("candidate")
    # FF's one partner, CC, recognises AA: an FF-AA MRA closes one triangle; CC is already FF's partner.
    assert table.loc["AA", "shared_partners"] == 1 and table.loc["AA", "shared"] == ["CC"]
    assert table.loc["AA", "rank"] == 1 and "CC" not in table.index
    assert table.loc["BB", "shared_partners"] == 0 and not table.loc["EE", "aeo_programme"]
    assert table.loc["AA", "new_reach"] == 1  # AA's other partner BB: FF already reached AA through CC


# ----- the bundled data, at pinned dates ---------------------------------------------------------------
def test_report_at_2024_09_01_lists_indonesia_and_the_philippines_as_not_yet_implementing():
    report = mra_graph.build_report(mra_graph.load(as_of="2024-09-01"))
    waiting = report.bloc.next_members.set_index("member")["status"].to_dict()
    assert waiting["ID"] == "signed" and waiting["PH"] == "signed"
    assert "TH" not in waiting and "SG" not in waiting


def test_report_before_the_aamra_existed_does_not_rank_a_bloc_mra():
    text = run("report", "--as-of", "2016-12-31").stdout
    assert "had not been signed by any member at this date" in text
    assert "Where one ASEAN bloc MRA would add most" not in text
    assert "implemented" not in text.split("ASEAN as a bloc")[1].split("Notes")[0]


def test_report_shows_the_joint_action_plan_beside_the_roll_out():
    text = run("report", "--as-of", "2026-01-01").stdout
    assert "Targets for the AAMRA beside what happened" in text
    assert "At least three AAMRA-ready AMS" in text and "2024-08-01" in text


def test_targets_against_actuals_at_pinned_dates():
    late = targets_against_actuals(mra_graph.load(as_of="2026-01-01"), "AAMRA").set_index("by")
    assert late.loc["2022-12-31", "actual"] == 0 and late.loc["2022-12-31", "first_reached"] == "2024-08-01"
    assert late.loc["2025-12-31", "wanted"] == 10 and not late.loc["2025-12-31", "met"]
    early = targets_against_actuals(mra_graph.load(as_of="2023-06-30"), "AAMRA").set_index("by")
    assert early.loc["2025-12-31", "met"] is None and early.loc["2022-12-31", "first_reached"] == ""


def test_changes_from_june_2022_to_end_2025_list_india_singapore_and_the_aamra():
    result = run("changes", "--from", "2022-06-07", "--to", "2025-12-31", "--format", "json")
    assert result.exit_code == 0, result.output
    parts = json.loads(result.stdout)
    assert list(parts) == ["Events", "Coverage gained and lost", "Network figures"]
    happened = {(e["arrangement"], e["event"]) for e in parts["Events"]}
    assert {("IN-SG", "signed"), ("AAMRA", "implemented")} <= happened
    sg = next(r for r in parts["Coverage gained and lost"] if r["administration"] == "SG")
    assert {"BN", "IN", "MY"} <= set(sg["gained"])


def test_changes_csv_holds_the_events_and_says_so():
    result = run("changes", "--from", "2024-07-31", "--to", "2024-08-01", "--format", "csv")
    assert result.stdout.splitlines()[0] == "date,date_precision,arrangement,name,kind,parties,event,source"
    assert "--format json holds every part" in result.stderr


def test_timeline_of_singapore_reads_as_its_history():
    table = timeline(mra_graph.load(as_of="2025-12-31"), "SG")
    first = table.iloc[0]
    assert (first["date"], first["arrangement"], first["event"]) == ("2010-06-25", "CA-SG", "signed")
    assert ("IN-SG", "in force") in set(zip(table["arrangement"], table["event"]))
    assert not (table["date"] > "2025-12-31").any()


def test_a_future_as_of_is_warned_about():
    result = run("coverage", "SG", "--as-of", "2099-01-01")
    assert result.exit_code == 0 and "warning: --as-of 2099-01-01 is in the future" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_new_commands_write_every_format(fmt):
    for args in (["timeline", "AAMRA", "--as-of", "2025-12-31"], ["candidates", "SG", "--as-of", "2025-03-01"]):
        result = run(*args, "--format", fmt)
        assert result.exit_code == 0 and result.stdout.strip(), (args, fmt, result.output)
