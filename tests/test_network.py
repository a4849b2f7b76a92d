"""MRANetwork semantics on the hand-made network of conftest.py."""
from datetime import date, timedelta

import networkx as nx
import pytest

import mra_graph
from mra_graph.errors import MRAGraphError, UnknownCodeError


def edges(net):
    return sorted(tuple(sorted(edge)) for edge in net.graph.edges)


def test_implemented_view_at_a_past_date(tiny):
    # BB-DD is only signed; DD-EE has no date; CC-FF was in force until 2019-12-31.
    assert edges(tiny) == [("AA", "BB"), ("AA", "CC"), ("CC", "FF")]


def test_signed_view_counts_signed_parties_from_their_signing_date(tiny):
    signed = tiny.view("signed")
    assert edges(signed) == [("AA", "BB"), ("AA", "CC"), ("BB", "CC"), ("BB", "DD"), ("CC", "FF")]
    links = signed.graph.edges["AA", "BB"]["arrangements"]
    assert [link["arrangement"] for link in links] == ["AA-BB", "BLOCMRA"]
    assert [link["status"] for link in links] == ["implemented", "signed"]


def test_status_is_the_status_at_the_date(tiny_path):
    # AA-BB was signed 2010-06 and took effect 2011-01-01.
    before = mra_graph.load(tiny_path, as_of="2010-12-31", view="signed")
    after = before.as_of("2011-01-01")
    assert before.graph.edges["AA", "BB"]["arrangements"][0]["status"] == "signed"
    assert after.graph.edges["AA", "BB"]["arrangements"][0]["status"] == "implemented"


def test_upper_bound_counts_only_from_the_bound(tiny_path):
    before = mra_graph.load(tiny_path, as_of="2015-05-04", view="signed")
    on = mra_graph.load(tiny_path, as_of="2015-05-05", view="signed")
    assert not before.graph.has_edge("BB", "DD")
    assert on.graph.edges["BB", "DD"]["since"].describe() == "on or before 2015-05-05"


def test_period_dates_count_from_the_start_of_the_period(tiny_path):
    # BLOCMRA was signed "2012": it counts from 2012-01-01 in the signed view.
    assert not mra_graph.load(tiny_path, as_of="2011-12-31", view="signed").graph.has_edge("AA", "CC")
    assert mra_graph.load(tiny_path, as_of="2012-01-01", view="signed").graph.has_edge("AA", "CC")


def test_edge_since_is_the_later_of_the_two_parties_dates(tiny):
    assert tiny.graph.edges["AA", "CC"]["since"].text == "2014-03-01"


def test_terminated_counts_until_it_ended(tiny_path):
    assert mra_graph.load(tiny_path, as_of="2019-12-30").graph.has_edge("CC", "FF")
    assert not mra_graph.load(tiny_path, as_of="2019-12-31").graph.has_edge("CC", "FF")


def test_undated_rows_count_only_in_the_present_day_view(tiny_path):
    today = mra_graph.load(tiny_path)
    assert today.is_present_day
    assert today.graph.has_edge("DD", "EE") and today.graph.edges["DD", "EE"]["since"] is None
    yesterday = today.as_of(date.today() - timedelta(days=1))
    assert not yesterday.graph.has_edge("DD", "EE")


def test_pipeline_view_adds_negotiating_parties(tmp_path):
    from tests.conftest import MRAS, write_dataset

    path = write_dataset(tmp_path, MRAS + "AA-FF,A-F,bilateral,AA,,,,negotiating,,https://x.org,T,\n"
                                          "AA-FF,A-F,bilateral,FF,,,,negotiating,,https://x.org,T,\n")
    net = mra_graph.load(path)
    assert not net.view("signed").graph.has_edge("AA", "FF")
    assert net.view("pipeline").graph.edges["AA", "FF"]["arrangements"][0]["status"] == "negotiating"


def test_network_is_immutable(tiny):
    later = tiny.as_of("2030-01-01")
    assert tiny.as_of_date == date(2018, 6, 30) and later.as_of_date == date(2030, 1, 1)
    assert tiny.view("signed").view_name == "signed" and tiny.view_name == "implemented"
    assert nx.is_frozen(tiny.graph)
    with pytest.raises(nx.NetworkXError):
        tiny.graph.add_edge("AA", "DD")
    table = tiny.mras
    table.loc[0, "party"] = "ZZ"
    assert tiny.mras.loc[0, "party"] == "AA"


def test_graph_records_provenance(tiny):
    assert tiny.graph.graph == {"as_of": "2018-06-30", "view": "implemented",
                                "source": tiny.source, "created_with": "mra_graph"}
    assert tiny.graph.nodes["AA"]["name"] == "Alpha"
    assert tiny.graph.edges["AA", "BB"]["arrangements"][0]["sources"] == ("https://example.org/1",)


def test_codes_and_blocs_are_checked_with_suggestions(tiny):
    assert tiny.check_code("aa") == "AA"
    assert tiny.check_code("Gamma") == "CC"
    with pytest.raises(UnknownCodeError, match=r"unknown administration code 'AB'. Did you mean: .*AA"):
        tiny.check_code("AB")
    assert tiny.bloc_members("bloc") == ["AA", "BB", "CC"]
    with pytest.raises(UnknownCodeError, match="unknown bloc 'BLOCK'. Did you mean: BLOC?"):
        tiny.bloc_members("BLOCK")


def test_unknown_view_is_refused(tiny):
    with pytest.raises(MRAGraphError, match="unknown view 'draft'"):
        tiny.view("draft")


def test_describe_states_date_and_view(tiny):
    assert tiny.describe() == "as of 2018-06-30, view: implemented (arrangements in force)"
    assert tiny.view("signed").describe() == "as of 2018-06-30, view: signed (also signed, not yet in force)"
