"""The shipped dataset: its invariants, and facts established by public sources."""
import json
from datetime import date

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main
from mra_graph.data import read_dataset
from mra_graph.dates import parse_date

AMS = ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]


@pytest.fixture(scope="module")
def data():
    return read_dataset()


def test_bundled_data_validates(data):
    assert len(data.mras) > 150 and data.source == "bundled"


def test_bilateral_ids_are_their_sorted_party_codes(data):
    bilateral = data.mras[data.mras["kind"] == "bilateral"]
    for arrangement, rows in bilateral.groupby("arrangement"):
        assert arrangement == "-".join(sorted(rows["party"])), arrangement


def test_both_rows_of_a_bilateral_agree(data):
    bilateral = data.mras[data.mras["kind"] == "bilateral"]
    columns = ["signed", "effective", "ended", "status"]  # sources may differ: each party's own customs
    disagreeing = [a for a, rows in bilateral.groupby("arrangement") if len(rows[columns].drop_duplicates()) != 1]
    assert disagreeing == []


def test_every_row_is_sourced_with_a_web_address(data):
    for table in (data.mras, data.administrations):
        assert table["source_url"].str.match(r"^https?://\S+$").all()
    assert (data.mras["source_title"] != "").all()


def test_implemented_rows_are_not_dated_before_signing(data):
    for row in data.mras.itertuples():
        if row.signed and row.effective:
            assert parse_date(row.signed).start <= parse_date(row.effective).end, row.arrangement


def test_administrations_table(data):
    table = data.administrations.set_index("code")
    assert sorted(table.index[table["blocs"].str.contains("ASEAN")]) == AMS
    assert len(table.loc["EU", "members"].split(";")) == 27
    assert table.loc["SG", "programme"].startswith("Secure Trade Partnership")
    assert set(data.mras["party"]) <= set(table.index)


def test_the_first_mra_is_new_zealand_and_the_united_states_2007(data):
    firsts = data.mras[data.mras["signed"] != ""].assign(start=lambda t: t["signed"].map(lambda s: parse_date(s).start))
    first = firsts.sort_values("start").iloc[0]
    assert first["arrangement"] == "NZ-US" and first["signed"].startswith("2007")


def test_singapores_ten_partners_by_signature_on_2022_06_07():
    # Singapore Customs press release, 7 June 2022 (AAMRA Joint Action Plan), Annex A.
    net = mra_graph.load(as_of="2022-06-07", view="signed")
    assert mra_graph.coverage(net, "SG")["partner"].tolist() == [
        "AU", "CA", "CN", "HK", "JP", "KR", "NZ", "TH", "TW", "US"]


@pytest.mark.parametrize("as_of, members", [
    ("2024-07-31", []),
    ("2024-08-01", ["BN", "MY", "SG"]),
    ("2024-08-18", ["BN", "MY", "SG"]),
    ("2024-08-19", ["BN", "MY", "SG", "TH"]),
    ("2024-10-01", ["BN", "ID", "MY", "SG", "TH"]),
    ("2025-02-27", ["BN", "ID", "MY", "SG", "TH"]),
    ("2025-02-28", ["BN", "ID", "MY", "PH", "SG", "TH"]),
    ("2025-03-01", ["BN", "ID", "MY", "PH", "SG", "TH"]),
])
def test_aamra_roll_out(as_of, members):
    active = mra_graph.load(as_of=as_of).active_parties
    assert sorted(active.loc[active["arrangement"] == "AAMRA", "party"]) == members


def test_aamra_not_yet_implemented_by_the_last_four_today():
    # The latest sources found (October 2025) show KH, LA, MM, VN signed but not implementing.
    active = mra_graph.load().active_parties
    assert not set(active.loc[active["arrangement"] == "AAMRA", "party"]) & {"KH", "LA", "MM", "VN"}


def test_cli_bloc_asean_on_2024_08_19():
    result = CliRunner().invoke(main, ["bloc", "ASEAN", "--as-of", "2024-08-19", "--format", "json"])
    pairs = [(r["a"], r["b"]) for r in json.loads(result.stdout) if "AAMRA" in r["via"]]
    assert sorted(pairs) == [("BN", "MY"), ("BN", "SG"), ("BN", "TH"), ("MY", "SG"), ("MY", "TH"), ("SG", "TH")]


def test_cli_coverage_singapore_signed_2022():
    result = CliRunner().invoke(main, ["coverage", "SG", "--as-of", "2022-06-07", "--view", "signed",
                                       "--format", "json"])
    assert [r["partner"] for r in json.loads(result.stdout)] == [
        "AU", "CA", "CN", "HK", "JP", "KR", "NZ", "TH", "TW", "US"]


def test_cli_reach_hop_one_is_coverage():
    runner = CliRunner()
    reach = json.loads(runner.invoke(main, ["reach", "SG", "--hops", "2", "--format", "json"]).stdout)
    coverage = json.loads(runner.invoke(main, ["coverage", "SG", "--format", "json"]).stdout)
    assert [r["administration"] for r in reach if r["hops"] == 1] == [r["partner"] for r in coverage]
    assert {r["hops"] for r in reach} == {1, 2}


def test_report_runs_on_the_bundled_data_today():
    result = CliRunner().invoke(main, ["report"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"AEO mutual recognition as of {date.today().isoformat()}, view: implemented")
    assert "Singapore (SG):" in result.stdout and "ASEAN: who recognises whom among its 10 members" in result.stdout


def test_cli_growth_runs_from_2007_to_this_year_and_agrees_with_the_report():
    runner = CliRunner()
    years = json.loads(runner.invoke(main, ["growth", "--format", "json"]).stdout)
    assert [row["year"] for row in years] == list(range(2007, date.today().year + 1))
    report = json.loads(runner.invoke(main, ["report", "--format", "json"]).stdout)
    assert years[-1]["recognising_pairs"] == report["summary"]["recognising_pairs"]
    assert years[-1]["with_recognition"] == report["summary"]["with_recognition"]
    assert years[0]["signed"] == 1  # NZ-US, June 2007


def test_cli_sources_cite_every_partner_of_singapore():
    runner = CliRunner()
    cited = json.loads(runner.invoke(main, ["sources", "SG", "--format", "json"]).stdout)
    partners = json.loads(runner.invoke(main, ["coverage", "SG", "--format", "json"]).stdout)
    assert {row["partner"] for row in cited} == {row["partner"] for row in partners}
    assert all(row["source_url"].startswith("http") for row in cited)


def test_cli_leverage_agrees_with_coverage():
    runner = CliRunner()
    rows = json.loads(runner.invoke(main, ["leverage", "ASEAN", "--as-of", "2025-03-01", "--format", "json"]).stdout)
    assert {row["active_members"] for row in rows} == {6}  # BN, ID, MY, PH, SG, TH
    for row in rows:
        assert row["existing_count"] + row["new_links"] == 6
    for row in rows[:5] + [r for r in rows if r["partner"] in ("JP", "KR", "CN")]:
        partners = json.loads(runner.invoke(main, ["coverage", row["partner"], "--as-of", "2025-03-01",
                                                   "--format", "json"]).stdout)
        members = {"BN", "ID", "MY", "PH", "SG", "TH"}
        assert row["existing"] == sorted(p["partner"] for p in partners if p["partner"] in members)


def test_report_bloc_section():
    report = json.loads(CliRunner().invoke(main, ["report", "--as-of", "2025-03-01", "--format", "json"]).stdout)
    bloc = report["bloc"]
    assert bloc["arrangement"] == "AAMRA"
    assert bloc["active_members"] == ["BN", "ID", "MY", "PH", "SG", "TH"]
    assert [row["member"] for row in bloc["next_members"]] == ["KH", "LA", "MM", "VN"]
    assert all(row["new_pairs"] == 6 for row in bloc["next_members"])
    assert bloc["leverage"][0]["partner"] == "CN"  # largest trade, five members still to link
