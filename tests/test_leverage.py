"""Leverage and power indices, against hand-computed values."""
import pytest

from mra_graph.errors import DataValidationError, MRAGraphError
from mra_graph.metrics.leverage import active_members, bloc_arrangement, leverage, member_power, power_indices
from mra_graph.weights import read_weights

WEIGHTS = """\
reporter,partner,value,year,source_url
AA,DD,4,2020,https://x.org/w
CC,DD,1,2020,https://x.org/w
AA,FF,3,2020,https://x.org/w
CC,FF,1,2019,https://x.org/w
CC,FF,2,2018,https://x.org/w
BLOC,DD,10,2020,https://x.org/w
"""


@pytest.fixture
def weights(tmp_path):
    path = tmp_path / "weights.csv"
    path.write_text(WEIGHTS, encoding="utf-8")
    return read_weights(path, known={"AA", "BB", "CC", "DD", "EE", "FF", "BLOC"})


def test_bloc_arrangement_and_active_members(tiny):
    assert bloc_arrangement(tiny, "BLOC") == "BLOCMRA"
    assert active_members(tiny, "BLOC") == ["AA", "CC"]          # BB has only signed
    assert active_members(tiny.view("signed"), "BLOC") == ["AA", "BB", "CC"]


def test_leverage_counts(tiny):
    table = leverage(tiny, "BLOC")
    assert table[["rank", "partner", "existing", "existing_count", "new_links", "negotiations_saved",
                  "multiplier"]].values.tolist() == [
        [1, "DD", [], 0, 2, 1, 2.0],       # neither AA nor CC recognises DD (BB-DD is only signed)
        [2, "FF", ["CC"], 1, 1, 0, 2.0],   # CC-FF in force until 2019-12-31
    ]
    for row in table.itertuples():
        assert row.existing_count + row.new_links == row.active_members


def test_leverage_with_weights(tiny, weights):
    table = leverage(tiny, "BLOC", weights=weights).set_index("partner")
    assert table.loc["DD", "multiplier"] == 1.25          # (4 + 1) / 4
    assert table.loc["DD", "bloc_weight"] == 10           # the bloc's own row
    assert table.loc["DD", "weighted_new_links"] == 5     # AA 4 + CC 1
    assert table.loc["FF", "multiplier"] == 1.33          # (3 + 1) / 3: CC's latest year (2019) counts
    assert table.loc["FF", "weighted_new_links"] == 3     # only AA is missing
    assert table.index.tolist() == ["DD", "FF"]


def test_leverage_for_chosen_partners(tiny):
    assert leverage(tiny, "BLOC", partners=["ff"])["partner"].tolist() == ["FF"]


def test_banzhaf_and_shapley_shubik_by_hand():
    table = power_indices({"A": 4, "B": 2, "C": 1, "D": 1}, quota=5 / 8)
    assert table["banzhaf"].tolist() == [0.7, 0.1, 0.1, 0.1]
    # A is pivotal whenever it is not first in the ordering: 18 of 24 orderings.
    assert table["shapley_shubik"].tolist() == pytest.approx([0.75, 1 / 12, 1 / 12, 1 / 12], abs=1e-6)


def test_power_indices_properties():
    table = power_indices({"A": 3, "B": 2, "C": 2, "D": 0})
    assert table["banzhaf"].sum() == pytest.approx(1, abs=1e-5)
    assert table["shapley_shubik"].sum() == pytest.approx(1, abs=1e-5)
    assert table.set_index("member").loc["D", ["banzhaf", "shapley_shubik"]].tolist() == [0, 0]  # null player
    equal = power_indices(dict.fromkeys("ABCDE", 1.0))
    assert set(equal["banzhaf"]) == {0.2} and set(equal["shapley_shubik"]) == {0.2}


def test_power_quota_must_be_a_fraction():
    with pytest.raises(MRAGraphError, match="quota must be a fraction"):
        power_indices({"A": 1}, quota=1.5)


def test_member_power_with_and_without_weights(tiny, weights):
    assert member_power(tiny, "BLOC", "DD")["banzhaf"].tolist() == [0.5, 0.5]
    weighted = member_power(tiny, "BLOC", "DD", weights=weights)
    assert weighted[["member", "weight", "banzhaf"]].values.tolist() == [["AA", 4.0, 1.0], ["CC", 1.0, 0.0]]


def test_bad_weights_file(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("reporter,partner,value,year,source_url\n"
                    "AA,ZZ,-3,20x,https://x.org\n"
                    "AA,DD,nan,2020,\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as raised:
        read_weights(path, known={"AA", "DD"})
    assert [str(p).split(":", 1)[1] for p in raised.value.problems] == [
        "2: column 'partner': 'ZZ' is not a known code or bloc",
        "2: column 'value': '-3' is not a non-negative number (digits, one '.', no separators)",
        "2: column 'year': '20x' is not a year (YYYY)",
        "3: column 'value': 'nan' is not a non-negative number (digits, one '.', no separators)",
        "3: column 'source_url': is empty: every row needs a public source",
    ]


@pytest.mark.parametrize("value, message", [
    ("1e309", "too large to be a weight"), ("1_000", "no separators"), ("1,000", "no separators"),
    ("inf", "not a non-negative number"), ("2e15", "too large to be a weight"),
])
def test_weights_that_would_give_a_wrong_answer_are_refused(tmp_path, value, message):
    path = tmp_path / "w.csv"
    path.write_text(f'reporter,partner,value,year,source_url\nAA,DD,"{value}",2020,https://x.org\n', encoding="utf-8")
    with pytest.raises(DataValidationError, match=message):
        read_weights(path)


def test_power_indices_refuse_negative_weights_and_too_many_members():
    with pytest.raises(MRAGraphError, match="finite non-negative"):
        power_indices({"A": -1.0, "B": 2.0})
    with pytest.raises(MRAGraphError, match="at most 20 are supported"):
        power_indices({f"M{i}": 1.0 for i in range(21)})


def test_bundled_weights_are_sourced():
    table = read_weights()
    assert (table["source_url"].str.startswith("http")).all()
    assert sorted(table.loc[table["reporter"] == "KR", "partner"]) == [
        "BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]


def test_bloc_only_weight_is_shared_out_evenly(tiny, tmp_path):
    path = tmp_path / "bloc-only.csv"
    path.write_text("reporter,partner,value,year,source_url\nBLOC,DD,10,2020,https://x.org\n", encoding="utf-8")
    table = leverage(tiny, "BLOC", weights=read_weights(path)).set_index("partner")
    assert table.loc["DD", "bloc_weight"] == 10
    assert table.loc["DD", "weighted_new_links"] == 10   # both active members missing: 10 x 2 / 2
    assert table.loc["FF", "weighted_new_links"] == 0


def test_coalition_new_links_by_hand(tiny):
    from benchmarks.kernels import coalition_new_links

    table = coalition_new_links(tiny, "BLOC", partners=["FF"])  # members AA=bit 0, BB=bit 1, CC=bit 2
    assert table[["coalition", "members", "existing_count", "new_links"]].values.tolist() == [
        [0, "", 0, 0], [1, "AA", 0, 1], [2, "BB", 0, 1], [3, "AA;BB", 0, 2],
        [4, "CC", 1, 0], [5, "AA;CC", 1, 1], [6, "BB;CC", 1, 1], [7, "AA;BB;CC", 1, 2]]


def test_tied_partners_share_a_rank(tiny):
    from mra_graph.metrics.leverage import leverage

    table = leverage(tiny, "BLOC", partners=["DD", "EE", "FF"])
    assert dict(zip(table["partner"], table["rank"])) == {"DD": 1, "EE": 1, "FF": 3}  # 2, 2 and 1 new links
    assert "equal values share a rank" in table.attrs["caption"]


def test_power_without_member_weights_toward_the_partner_is_an_error(tiny):
    import pandas as pd

    from mra_graph.metrics.leverage import member_power

    weights = pd.DataFrame({"reporter": ["BLOC"], "partner": ["DD"], "value": [5.0], "year": [2020],
                            "unit": ["USD"], "source_url": ["https://x.org"], "source_title": [""], "notes": [""]})
    with pytest.raises(MRAGraphError, match="no active member of BLOC a weight toward DD"):
        member_power(tiny, "BLOC", "DD", weights=weights)
    weights.loc[0, "reporter"] = "AA"
    table = member_power(tiny, "BLOC", "DD", weights=weights)
    assert table.set_index("member")["banzhaf"].to_dict() == {"AA": 1.0, "CC": 0.0}
    assert "weights in USD" in table.attrs["caption"]
