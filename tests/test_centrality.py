"""Centrality and closeness on small graphs computed by hand."""
import pytest

import mra_graph
from mra_graph.metrics import centrality, closeness
from tests.conftest import write_dataset

# A path AA - BB - CC plus an isolated DD, all in force from 2010.
PATH_MRAS = """\
arrangement,name,kind,party,signed,effective,ended,status,scope,source_url,source_title,notes
AA-BB,1,bilateral,AA,2010,2010,,implemented,,https://x.org/1,T,
AA-BB,1,bilateral,BB,2010,2010,,implemented,,https://x.org/1,T,
BB-CC,2,bilateral,BB,2010,2010,,implemented,,https://x.org/2,T,
BB-CC,2,bilateral,CC,2010,2010,,implemented,,https://x.org/2,T,
"""
PATH_ADMINISTRATIONS = """\
code,name,programme,programme_since,region,blocs,source_url
AA,Alpha,A,,Asia,,https://x.org/a
BB,Beta,B,,Asia,,https://x.org/b
CC,Gamma,C,,Asia,,https://x.org/c
DD,Delta,D,,Asia,,https://x.org/d
"""


@pytest.fixture
def path(tmp_path):
    return mra_graph.load(write_dataset(tmp_path / "path", PATH_MRAS, PATH_ADMINISTRATIONS), as_of="2012-01-01")


def test_closeness_by_hand(path):
    # BB reaches 2 others at distance 1 each: (2/2) * (2/3) = 0.6667 (Wasserman-Faust, N = 4).
    # AA reaches 2 at distances 1 and 2: (2/3) * (2/3) = 0.4444. DD reaches no one: 0.
    table = closeness(path).set_index("administration")
    assert table["closeness"].to_dict() == {"BB": 0.6667, "AA": 0.4444, "CC": 0.4444, "DD": 0.0}
    assert table["reachable"].to_dict() == {"BB": 2, "AA": 2, "CC": 2, "DD": 0}
    assert table.attrs["caption"].startswith("Closeness centrality, as of 2012-01-01")


def test_centrality_by_hand(path):
    table = centrality(path).set_index("administration")
    assert table.loc["BB", "betweenness"] == pytest.approx(1 / 3, abs=1e-4)  # AA-CC runs through BB: 1 of 3 pairs
    assert table["component"].to_dict() == {"BB": 1, "AA": 1, "CC": 1, "DD": 0}


def test_closeness_is_public_and_has_a_command(path):
    assert mra_graph.closeness is closeness
    assert "closeness" in mra_graph.__all__
