"""Growth, centrality and citations on the hand-made network of conftest.py."""
import math

import networkx as nx

import pytest

import mra_graph
from mra_graph import centrality, growth, sources


def test_growth_year_by_year(tiny):
    table = growth(tiny)
    assert table["year"].tolist() == list(range(2010, 2019))
    columns = ["year", "with_recognition", "signed", "in_force", "recognising_pairs"]
    assert table[columns].values.tolist() == [
        [2010, 0, 1, 0, 0],   # AA-BB signed 2010-06, in force only from 2011
        [2011, 2, 1, 1, 1],
        [2012, 2, 2, 1, 1],   # BLOCMRA signed by all three in 2012
        [2013, 2, 2, 1, 1],   # ... but in force for AA alone
        [2014, 3, 2, 2, 2],   # ... and for CC from 2014-03-01
        [2015, 3, 4, 2, 2],   # BB-DD signed on or before 2015-05-05; CC-FF signed 2015
        [2016, 4, 4, 3, 3],   # CC-FF in force
        [2017, 4, 4, 3, 3],
        [2018, 4, 4, 3, 3],
    ]
    assert table["as_of"].tolist()[-2:] == ["2017-12-31", "2018-06-30"]
    last = table.iloc[-1]
    assert (last["density"], last["mean_partners"], last["largest_component_share"]) == (0.3, 1.5, 1.0)
    assert last["hubs"] == ["AA", "CC", "BB"]


def test_growth_last_row_agrees_with_the_summary(tiny):
    from mra_graph import network_summary

    last = growth(tiny.view("signed")).iloc[-1]
    summary = network_summary(tiny.view("signed")).iloc[0]
    assert last["recognising_pairs"] == summary["recognising_pairs"]
    assert last["with_recognition"] == summary["with_recognition"]


def test_centrality_of_a_path(tiny):
    # In force on 2018-06-30: the path BB - AA - CC - FF, and DD, EE alone.
    table = centrality(tiny).set_index("administration")
    assert table["degree"].to_dict() == {"AA": 2, "CC": 2, "BB": 1, "FF": 1, "DD": 0, "EE": 0}
    # Normalised betweenness with 6 nodes: pairs through the node / ((6-1)(6-2)/2).
    assert table["betweenness"].to_dict() == {"AA": 0.2, "CC": 0.2, "BB": 0.0, "FF": 0.0, "DD": 0.0, "EE": 0.0}
    golden = (1 + math.sqrt(5)) / 2  # the path's largest eigenvalue: eigenvector (1, φ, φ, 1), normalised
    norm = math.sqrt(2 + 2 * golden**2)
    assert table.loc["AA", "eigenvector"] == pytest.approx(golden / norm, abs=1e-4)
    assert table.loc["BB", "eigenvector"] == pytest.approx(1 / norm, abs=1e-4)
    assert table["component"].to_dict() == {"AA": 1, "CC": 1, "BB": 1, "FF": 1, "DD": 0, "EE": 0}


def test_sources_give_both_parties_rows(tiny):
    table = sources(tiny, "AA")
    assert table[["partner", "arrangement", "party", "signed", "effective", "source_url"]].values.tolist() == [
        ["BB", "AA-BB", "AA", "2010-06", "2011-01-01", "https://example.org/1"],
        ["BB", "AA-BB", "BB", "2010-06", "2011-01-01", "https://example.org/1"],
        ["CC", "BLOCMRA", "AA", "2012", "2013-03-01", "https://example.org/3"],
        ["CC", "BLOCMRA", "CC", "2012", "2014-03-01", "https://example.org/3"],
    ]
    assert set(table["since"]) == {"2011-01-01", "2014-03-01"}


@pytest.mark.parametrize("view", ["implemented", "signed", "pipeline"])
def test_one_pass_growth_equals_one_network_per_year(view):
    from mra_graph.metrics.growth import year_ends

    net = mra_graph.load(as_of="2025-06-30", view=view)
    table = mra_graph.growth(net).set_index("year")
    for at in year_ends(net):
        graph = at.graph
        connected = [n for n, d in graph.degree() if d]
        row = table.loc[at.as_of_date.year]
        assert row["recognising_pairs"] == graph.number_of_edges(), at.as_of_date
        assert row["with_recognition"] == len(connected), at.as_of_date
        assert row["hubs"] == sorted(connected, key=lambda n: (-graph.degree(n), n))[:3]
        largest = max((len(c) for c in nx.connected_components(graph.subgraph(connected))), default=0)
        assert row["largest_component_share"] == (round(largest / len(connected), 4) if connected else 0.0)
        active = at.view("implemented").active_parties.groupby("arrangement")["party"].nunique()
        assert row["in_force"] == int((active >= 2).sum())
