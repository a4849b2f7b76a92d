"""Metrics against values computed by hand on the network of conftest.py."""
import pytest

import mra_graph
from mra_graph import (bloc_coverage, bloc_density, bloc_matrix, coverage, coverage_counts, network_summary,
                       reach, reach_curve)
from tests.conftest import write_dataset

SQUARE = """\
arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,notes
AA-BB,1,bilateral,AA,2010,2010,,implemented,,https://x.org/1,T,
AA-BB,1,bilateral,BB,2010,2010,,implemented,,https://x.org/1,T,
AA-CC,2,bilateral,AA,2010,2010,,implemented,,https://x.org/2,T,
AA-CC,2,bilateral,CC,2010,2010,,implemented,,https://x.org/2,T,
BB-DD,3,bilateral,BB,2010,2010,,implemented,,https://x.org/3,T,
BB-DD,3,bilateral,DD,2010,2010,,implemented,,https://x.org/3,T,
CC-DD,4,bilateral,CC,2010,2010,,implemented,,https://x.org/4,T,
CC-DD,4,bilateral,DD,2010,2010,,implemented,,https://x.org/4,T,
DD-FF,5,bilateral,DD,2010,2010,,implemented,,https://x.org/5,T,
DD-FF,5,bilateral,FF,2010,2010,,implemented,,https://x.org/5,T,
"""


def test_coverage_lists_partners_with_arrangements_dates_and_sources(tiny):
    table = coverage(tiny, "AA")
    assert table.to_dict("records") == [
        {"partner": "BB", "name": "Beta", "via": ["AA-BB"], "kind": ["bilateral"], "status": ["implemented"],
         "signed": "2010-06", "signed_precision": "month", "effective": "2011-01-01",
         "effective_precision": "day", "scope": "", "sources": ["https://example.org/1"]},
        {"partner": "CC", "name": "Gamma", "via": ["BLOCMRA"], "kind": ["plurilateral"], "status": ["implemented"],
         "signed": "2012", "signed_precision": "year", "effective": "2014-03-01", "effective_precision": "day",
         "scope": "Level 2 only", "sources": ["https://example.org/3"]},
    ]


def test_coverage_is_symmetric(tiny):
    signed = tiny.view("signed")
    for code in ["AA", "BB", "CC", "DD", "EE", "FF"]:
        for partner in coverage(signed, code)["partner"]:
            assert code in coverage(signed, partner)["partner"].tolist()


def test_coverage_of_an_isolated_administration_is_empty(tiny):
    table = coverage(tiny, "EE")
    assert table.empty and list(table.columns)[0] == "partner"


def test_coverage_counts_and_shares(tiny):
    table = coverage_counts(tiny)
    # Universe: the five administrations with a programme (EE has none): a share is out of 4 others.
    assert table[["administration", "partners", "share"]].values.tolist() == [
        ["AA", 2, 0.5], ["CC", 2, 0.5], ["BB", 1, 0.25], ["FF", 1, 0.25], ["DD", 0, 0.0], ["EE", 0, 0.0],
    ]
    bloc_only = coverage_counts(tiny, universe=["AA", "BB", "CC"]).set_index("administration")
    assert bloc_only.loc["AA", "share"] == 1.0 and bloc_only.loc["CC", "share"] == 0.5


def test_bloc_coverage_pairs(tiny):
    assert bloc_coverage(tiny, "BLOC").to_dict("records") == [
        {"a": "AA", "b": "BB", "covered": True, "via": ["AA-BB"], "relation": "bilateral", "since": "2011-01-01",
         "since_precision": "day"},
        {"a": "AA", "b": "CC", "covered": True, "via": ["BLOCMRA"], "relation": "plurilateral",
         "since": "2014-03-01", "since_precision": "day"},
        {"a": "BB", "b": "CC", "covered": False, "via": [], "relation": "none", "since": "",
         "since_precision": "unknown"},
    ]
    assert bloc_density(tiny, "BLOC") == pytest.approx(2 / 3)


def test_bloc_matrix_in_the_signed_view(tiny):
    matrix = bloc_matrix(tiny.view("signed"), "BLOC")
    assert matrix.values.tolist() == [["-", "B+P", "P"], ["B+P", "-", "P"], ["P", "P", "-"]]
    assert bloc_density(tiny.view("signed"), "BLOC") == 1.0


def test_reach_with_intermediaries(tiny):
    table = reach(tiny, "BB", hops=3)
    assert table[["administration", "hops", "recognition", "intermediaries"]].values.tolist() == [
        ["AA", 1, True, []], ["CC", 2, False, ["AA"]], ["FF", 3, False, ["AA", "CC"]],
    ]
    assert reach(tiny, "BB", hops=1)["administration"].tolist() == ["AA"]


def test_reach_counts_every_shortest_path(tmp_path):
    net = mra_graph.load(write_dataset(tmp_path, SQUARE), as_of="2020")
    table = reach(net, "AA", hops=3).set_index("administration")
    assert table.loc["DD", "shortest_paths"] == 2
    assert table.loc["DD", "intermediaries"] == ["BB", "CC"]
    assert table.loc["FF", "shortest_paths"] == 2
    assert table.loc["FF", "intermediaries"] == ["BB", "CC", "DD"]


def test_reach_hops_must_be_positive(tiny):
    with pytest.raises(ValueError, match="at least 1"):
        reach(tiny, "AA", hops=0)


def test_reach_curve(tiny):
    assert reach_curve(tiny, "BB").values.tolist() == [[1, 1, 1, 0.25], [2, 1, 2, 0.5], [3, 1, 3, 0.75]]
    assert reach_curve(tiny, "BB", max_hops=5)["reached"].tolist() == [1, 2, 3, 3, 3]


def test_network_summary(tiny):
    row = network_summary(tiny).iloc[0].to_dict()
    assert row == {
        "as_of": "2018-06-30", "view": "implemented", "administrations": 6, "with_recognition": 4,
        "arrangements": 3, "bilateral": 2, "plurilateral": 1, "recognising_pairs": 3, "density": 0.3,
        "mean_partners": 1.5, "components": 1, "largest_component": 4, "undated": 0,
    }


def test_network_summary_counts_undated_rows_today(tiny):
    row = network_summary(tiny.as_of(None)).iloc[0]
    assert row["undated"] == 2 and row["recognising_pairs"] == 3  # AA-BB, AA-CC, DD-EE


def test_reach_counts_match_reach(tiny, tmp_path):
    from benchmarks.kernels import reach_counts

    table = reach_counts(tiny.view("signed"), hops=2).set_index("administration")
    for code in ["AA", "BB", "CC", "DD", "EE", "FF"]:
        assert table.loc[code, "within"] == len(reach(tiny.view("signed"), code, hops=2))
        assert table.loc[code, "partners"] == len(coverage(tiny.view("signed"), code))
    square = mra_graph.load(write_dataset(tmp_path, SQUARE), as_of="2020")
    assert reach_counts(square, hops=3).set_index("administration").loc["AA", "within"] == 4
