"""Scenarios: the bundled AAMRA replay, user TOML files and every error path."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main
from mra_graph.scenarios import ScenarioError, diff_steps, load_scenario, run_scenario

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLE = re.search(r"```toml\n(.*?)```", README, flags=re.S).group(1)  # the README's own example


AMS = ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]


@pytest.fixture(scope="module")
def aamra():
    """The bundled scenario from 2024-07-31, the day before the first members implemented the AAMRA."""
    return run_scenario(mra_graph.load(as_of="2024-07-31"), load_scenario("aamra"))


def test_step_0_is_the_real_network_at_the_start(aamra):
    first = aamra.iloc[0]
    assert (first["step"], first["kind"], first["date"], first["active_members"]) == (0, "baseline", "2024-07-31", [])
    assert set(aamra["network_date"]) == {"2024-07-31"}  # every step stands on the same real network


def test_step_0_equals_coverage_at_the_start_date():
    table = run_scenario(mra_graph.load(as_of="2022-06-07"), load_scenario("aamra"))
    net = mra_graph.load(as_of="2022-06-07")
    for member in AMS:
        assert table.loc[0, f"coverage_{member}"] == len(mra_graph.coverage(net, member)), member


def test_aamra_replays_the_real_roll_out_then_the_remaining_members(aamra):
    real = aamra[aamra["kind"] == "real"]
    assert real[["date", "active_members"]].values.tolist()[:4] == [
        ["2024-08-01", ["BN", "MY", "SG"]], ["2024-08-19", ["BN", "MY", "SG", "TH"]],
        ["2024-10-01", ["BN", "ID", "MY", "SG", "TH"]], ["2025-02-28", ["BN", "ID", "MY", "PH", "SG", "TH"]]]
    hypothetical = aamra[aamra["kind"] == "hypothetical"]
    assert (hypothetical["date"] == "").all()
    assert aamra["active_members"].iloc[-1] == AMS  # everyone in at the end


def test_aamra_density_only_rises_to_one(aamra):
    densities = aamra["density"].tolist()
    assert densities == sorted(densities) and densities[-1] == 1.0


def test_aamra_new_pairs_are_the_joining_members_pairs(aamra):
    assert aamra["new_pairs"][1] == ["BN-MY", "BN-SG", "MY-SG"]
    assert all(not removed for removed in aamra["removed_pairs"])
    last = aamra.iloc[-1]
    joined = [m for m in last["active_members"] if m not in aamra["active_members"].iloc[-2]]
    assert all(joined[0] in pair for pair in last["new_pairs"])


def test_no_step_lowers_a_members_coverage():
    for start in ("2022-06-07", "2024-07-31", "2025-03-01"):
        table = run_scenario(mra_graph.load(as_of=start), load_scenario("aamra"))
        coverage = table[[c for c in table.columns if c.startswith("coverage_")]]
        assert (coverage.diff().iloc[1:] >= 0).all().all(), start


def test_the_readme_example_runs(tmp_path):
    path = tmp_path / "what-if.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    net = mra_graph.load()  # the file's as_of (2025-03-01) is the start
    table = run_scenario(net, load_scenario(path))
    assert table["network_date"].tolist() == ["2025-03-01"] * 4
    assert table["label"].tolist()[1:] == ["Viet Nam joins AAMRA", "ASEAN and Japan sign as a bloc",
                                           "Singapore and Mexico"]
    assert table["new_pairs"][1] == ["BN-VN", "ID-VN", "MY-VN", "PH-VN", "SG-VN", "TH-VN"]
    members = table["active_members"][2]
    assert members == ["BN", "ID", "MY", "PH", "SG", "TH", "VN"]
    japan = mra_graph.coverage(mra_graph.load(as_of="2025-03-01"), "JP")["partner"]
    already = {"-".join(sorted((m, "JP"))) for m in members if m in set(japan)}
    assert set(table["new_pairs"][2]) | already == {"-".join(sorted((m, "JP"))) for m in members}
    assert table["new_pairs"][3] == ["MX-SG"]
    assert table["coverage_SG"][3] == table["coverage_SG"][2] + 1


def test_diff_between_steps_both_ways(aamra):
    diff = diff_steps(aamra, 1, 2).set_index("measure")
    assert diff.loc["active_members", "step_2"] == ["BN", "MY", "SG", "TH"]
    assert diff.loc["pairs added", "step_2"] == ["BN-TH", "MY-TH"] and diff.loc["pairs removed", "step_1"] == []
    back = diff_steps(aamra, 2, 1).set_index("measure")
    assert back.loc["pairs removed", "step_2"] == ["BN-TH", "MY-TH"] and back.loc["pairs added", "step_1"] == []
    last = len(aamra) - 1
    with pytest.raises(ScenarioError, match=f"no step {last + 1}: steps are 0 to {last}"):
        diff_steps(aamra, 1, last + 1)
    with pytest.raises(ScenarioError, match="two different steps"):
        diff_steps(aamra, 1, 1)


def test_a_dated_step_after_the_start_still_applies(tmp_path):
    path = tmp_path / "later.toml"
    path.write_text('as_of = "2025-03-01"\n[[steps]]\nlabel = "VN joins"\ndate = "2026-06-01"\n'
                    'join = { arrangement = "AAMRA", members = ["VN"] }\n', encoding="utf-8")
    table = run_scenario(mra_graph.load(), load_scenario(path))
    assert table.loc[1, "date"] == "2026-06-01" and table.loc[1, "network_date"] == "2025-03-01"
    assert "SG-VN" in table.loc[1, "new_pairs"]


def test_a_toml_date_time_is_read_as_its_day(tmp_path):
    path = tmp_path / "dt.toml"
    path.write_text('as_of = 2025-03-01T10:00:00\n[[steps]]\nbilateral = { parties = ["SG", "MX"] }\n',
                    encoding="utf-8")
    assert str(load_scenario(path).as_of) == "2025-03-01"


@pytest.mark.parametrize("text, message", [
    ("name = ", "not valid TOML"),
    ('name = "x"\ncolour = "red"\n[[steps]]\nlabel = "a"\nbilateral = { parties = ["SG", "MX"] }',
     "unknown key(s) colour"),
    ('name = "x"', "expected at least one [[steps]] table"),
    ('as_of = "yesterday"\n[[steps]]\nbilateral = { parties = ["SG", "MX"] }', "key 'as_of': 'yesterday' is not a date"),
    ('[[steps]]\nlabel = "a"', "step 1 ('a'): needs exactly one of rollout, join, bloc_arrangement, bilateral"),
    ('[[steps]]\nlabel = "a"\nbilateral = { parties = ["SG", "MX"] }\njoin = { arrangement = "AAMRA", members = ["VN"] }',
     "step 1 ('a'): needs exactly one of"),
    ('[[steps]]\nlabel = "a"\nwhen = 3\nbilateral = { parties = ["SG", "MX"] }', "step 1 ('a'): unknown key(s) when"),
    ('[[steps]]\nlabel = "a"\nbilateral = "SG-MX"', "step 1 ('a'): key 'bilateral': expected a table"),
    ('[[steps]]\nlabel = "a"\njoin = { arrangement = "AAMRA", members = "VN" }',
     "step 1 ('a'): key 'join.members': expected a list of codes"),
    ('[[steps]]\nlabel = "a"\njoin = { arrangement = "AAMRA", members = ["VN"], when = 1 }',
     "step 1 ('a'): key 'join': unknown key(s) when"),
    ('[[steps]]\nlabel = "a"\nbilateral = { parties = ["SG", "SG"] }',
     "step 1 ('a'): key 'bilateral.parties': expected two different codes"),
    ('[[steps]]\nlabel = "a"\ndate = "2025-13-01"\nbilateral = { parties = ["SG", "MX"] }',
     "step 1 ('a'): key 'date': '2025-13-01' is not a date"),
    ('[[steps]]\nlabel = "a"\nbloc_arrangement = { bloc = "ASEAN" }',
     "step 1 ('a'): key 'bloc_arrangement.partner': expected text"),
])
def test_scenario_file_errors_name_the_step_and_key(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    assert message in str(raised.value)


@pytest.mark.parametrize("step, message", [
    ('join = { arrangement = "NOPE", members = ["VN"] }', "step 1 ('a'), key 'join': unknown arrangement 'NOPE'"),
    ('bilateral = { parties = ["SG", "XQ"] }', "step 1 ('a'), key 'bilateral': unknown administration code 'XQ'"),
    ('bloc_arrangement = { bloc = "ASEAM", partner = "JP" }',
     "step 1 ('a'), key 'bloc_arrangement': unknown bloc 'ASEAM'. Did you mean: ASEAN?"),
    ('bilateral = { parties = ["SG", "US"] }',
     "step 1 ('a'), key 'bilateral': arrangement 'SG-US' already exists: to add parties to it, use a 'join' step"),
])
def test_steps_that_cannot_apply(tmp_path, step, message):
    path = tmp_path / "bad.toml"
    path.write_text(f'[[steps]]\nlabel = "a"\n{step}\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        run_scenario(mra_graph.load(as_of="2025-03-01"), load_scenario(path))
    assert message in str(raised.value) and str(path) in str(raised.value)


def test_missing_scenario_names_the_datasets_own():
    with pytest.raises(ScenarioError, match="no scenario 'nope': give one of the dataset's \\(aamra\\) or a .toml file"):
        load_scenario("nope")


def test_cli_scenario_json_and_errors(tmp_path):
    runner = CliRunner()
    steps = json.loads(runner.invoke(main, ["scenario", "aamra", "--as-of", "2024-07-31", "--format", "json"]).stdout)
    assert steps[0]["kind"] == "baseline" and steps[-1]["density"] == 1.0 and isinstance(steps[0]["leverage"], dict)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[steps]]\nlabel = "a"\n', encoding="utf-8")
    result = runner.invoke(main, ["scenario", str(bad)])
    assert result.exit_code == 1 and "needs exactly one of" in result.stderr and "Traceback" not in result.output
    diff = json.loads(runner.invoke(main, ["scenario", "aamra", "--as-of", "2024-07-31", "--diff", "4", "1",
                                           "--format", "json"]).stdout)
    removed = next(row for row in diff if row["measure"] == "pairs removed")
    assert "ID-SG" in removed["step_4"]  # going back from step 4 to step 1 removes Indonesia's AAMRA pairs
    for fmt in ("csv", "json", "table"):
        same = runner.invoke(main, ["scenario", "aamra", "--diff", "1", "1", "--format", fmt])
        assert same.exit_code == 1 and "two different steps" in same.stderr


def test_cli_refuses_two_different_start_dates(tmp_path):
    path = tmp_path / "dated.toml"
    path.write_text('as_of = "2025-03-01"\n[[steps]]\nbilateral = { parties = ["SG", "MX"] }\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["scenario", str(path), "--as-of", "2024-01-01"])
    assert result.exit_code == 1 and "starts on 2025-03-01 (its as_of) but --as-of says 2024-01-01" in result.stderr
    assert CliRunner().invoke(main, ["scenario", str(path), "--as-of", "2025-03-01"]).exit_code == 0
