"""Official lists set beside the data, and the source-date rule for rows with no start date."""

import pytest

import mra_graph
from mra_graph.errors import DataValidationError
from mra_graph.official import read_official_lists, reconcile
from mra_graph.report import focus_counts
from tests.conftest import MRAS, write_dataset

LISTS = """\
administration,date,date_kind,statement,count,partners,source_url,source_title,reconciliation,notes
AA,2014-06-30,published,in_operation,2,BB;BLOCMRA,https://example.org/l1,AA list,,
AA,2012-12-31,published,signed,2,,https://example.org/l2,AA count,,
CC,2014-06-30,published,in_operation,3,,https://example.org/l3,CC count,CC counts an MRA we lack,
"""

# DD-EE: implemented, no start date, its source published 2017-05 (so in force by 2017-05-31 at the latest).
DATED = MRAS.replace("arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,notes",
                     "arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,"
                     "notes,source_date")
DATED = "\n".join(line + ("," + ("2017-05" if line.startswith("DD-EE") else "2010-01-01")
                          if i else "") for i, line in enumerate(DATED.splitlines())) + "\n"


@pytest.fixture
def lists_path(tmp_path):
    path = write_dataset(tmp_path / "listed")
    (path.parent / "official_lists.csv").write_text(LISTS, encoding="utf-8")
    return path


def test_reconcile_compares_each_list_with_the_view_at_its_date(lists_path):
    table = reconcile(mra_graph.load(lists_path)).set_index(["administration", "date"])
    in_operation = table.loc[("AA", "2014-06-30")]
    assert in_operation["our_partners"] == ["BB", "BLOCMRA"] and in_operation["agrees"]
    # At 2012-12-31 in the signed view AA has AA-BB and BLOCMRA (signed 2012): two, as the list says.
    assert table.loc[("AA", "2012-12-31"), "our_count"] == 2 and table.loc[("AA", "2012-12-31"), "agrees"]
    cc = table.loc[("CC", "2014-06-30")]
    assert cc["our_count"] == 1 and not cc["agrees"] and cc["reconciliation"] == "CC counts an MRA we lack"


def test_reconcile_names_what_is_missing_and_extra(lists_path, tmp_path):
    (lists_path.parent / "official_lists.csv").write_text(
        LISTS.replace("BB;BLOCMRA", "BB;FF"), encoding="utf-8")
    row = reconcile(mra_graph.load(lists_path), code="AA").set_index("date").loc["2014-06-30"]
    assert row["missing"] == ["FF"] and row["extra"] == ["BLOCMRA"] and not row["agrees"]


def test_bad_lists_are_refused_with_file_line_and_column(tmp_path):
    bad = LISTS.replace("2014-06-30,published,in_operation,2", "2014-13,published,in force,x", 1)
    path = tmp_path / "official_lists.csv"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataValidationError) as error:
        read_official_lists(path, known={"AA", "BB", "CC", "BLOCMRA"})
    text = str(error.value)
    for expected in ("official_lists.csv:2: column 'date'", "column 'statement': 'in force'",
                     "column 'count': 'x' is not a whole number"):
        assert expected in text


def test_a_row_without_start_counts_from_its_source_date(tmp_path):
    path = write_dataset(tmp_path / "dated", mras=DATED)
    before = mra_graph.load(path, as_of="2017-05-30")
    after = mra_graph.load(path, as_of="2017-05-31")
    assert not before.graph.has_edge("DD", "EE")
    assert after.graph.has_edge("DD", "EE")
    assert after.graph.edges["DD", "EE"]["since"].describe() == "on or before 2017-05-31"


def test_the_present_day_adds_nothing_when_every_row_has_a_source_date(tmp_path):
    """Undated rows once counted only from today: with a source date on every row, a date after the
    last event (2021-06-30) and a present-day date (2099-12-31, after today) show the same network."""
    path = write_dataset(tmp_path / "dated", mras=DATED)
    for view in mra_graph.VIEWS:
        present = mra_graph.load(path, as_of="2099-12-31", view=view)
        past = mra_graph.load(path, as_of="2021-06-30", view=view)
        assert present.is_present_day and not past.is_present_day
        assert set(map(frozenset, present.graph.edges)) == set(map(frozenset, past.graph.edges)), view


def test_focus_counts_split_dated_and_bounded(tmp_path):
    path = write_dataset(tmp_path / "dated", mras=DATED)
    counts = focus_counts(mra_graph.load(path, as_of="2018-06-30"), "DD")
    assert counts == {"signed": 2, "in_force": 1, "in_force_dated": 0, "in_force_bounded": 1,
                      "no_operation_source": 1}


def test_report_shows_the_official_count_beside_ours(lists_path):
    report = mra_graph.build_report(mra_graph.load(lists_path, as_of="2015-01-01"), focus="AA", bloc="BLOC")
    text = report.to_text()
    assert "Official count (2014-06-30): 2 in operation; the data agrees." in text
    assert "Official count (2012-12-31): 2 signed; the data agrees." in text
    assert "Alpha: 2 arrangements signed; 2 in force by a dated source" in text


def test_every_bundled_list_agrees_with_the_data_or_explains_why():
    net = mra_graph.load()
    known = set(net.administrations["code"]) | set(net.mras["arrangement"])
    table = reconcile(net, read_official_lists(known=known))
    agreeing = int(table["agrees"].sum())
    print(f"\nofficial lists: {len(table)}; agreeing with the data at their date: {agreeing}; "
          f"differences explained: {len(table) - agreeing}")
    unexplained = table[~table["agrees"] & (table["reconciliation"] == "")]
    assert unexplained.empty, unexplained[["administration", "date", "statement"]].values.tolist()
    assert agreeing >= 50  # the agreement may only grow as the data improves
