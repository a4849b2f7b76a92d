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


@pytest.fixture(scope="module")
def aamra():
    return run_scenario(mra_graph.load(), load_scenario("aamra"))


def test_aamra_replays_the_real_roll_out_then_the_remaining_members(aamra):
    assert aamra[["date", "hypothetical"]].values.tolist()[:4] == [
        ["2024-08-01", False], ["2024-08-19", False], ["2024-10-01", False], ["2025-02-28", False]]
    assert [len(members) for members in aamra["active_members"]] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert aamra["active_members"][0] == ["BN", "MY", "SG"]
    assert aamra["hypothetical"].tolist()[4:] == [True] * 4
    assert [label.split()[0] for label in aamra["label"][4:]] == ["Cambodia", "Lao", "Myanmar", "Viet"]


def test_aamra_density_only_rises_to_one(aamra):
    densities = aamra["density"].tolist()
    assert densities == sorted(densities) and densities[-1] == 1.0


def test_aamra_new_pairs_are_the_joining_members_pairs(aamra):
    assert aamra["new_pairs"][0] == ["BN-MY", "BN-SG", "MY-SG"]
    assert aamra["new_pairs"][7] == ["BN-VN", "ID-VN", "KH-VN", "LA-VN", "MM-VN", "MY-VN", "PH-VN", "SG-VN", "TH-VN"]


def test_joins_never_reduce_coverage(aamra):
    coverage = aamra[[c for c in aamra.columns if c.startswith("coverage_")]]
    assert (coverage.diff().iloc[4:] >= 0).all().all()


def test_the_readme_example_runs(tmp_path):
    path = tmp_path / "what-if.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    net = mra_graph.load()
    table = run_scenario(net, load_scenario(path))
    assert table["label"].tolist() == ["Viet Nam joins AAMRA", "ASEAN and Japan sign as a bloc", "Singapore and Mexico"]
    assert table["new_pairs"][0] == ["BN-VN", "ID-VN", "MY-VN", "PH-VN", "SG-VN", "TH-VN"]
    members = table["active_members"][1]
    assert members == ["BN", "ID", "MY", "PH", "SG", "TH", "VN"]
    already = {"ID-JP", "JP-MY", "JP-TH"}  # bilateral MRAs with Japan in force on 2025-03-01
    assert set(table["new_pairs"][1]) | already == {"-".join(sorted((m, "JP"))) for m in members}
    assert table["new_pairs"][2] == ["MX-SG"]
    assert table["coverage_SG"][2] == table["coverage_SG"][1] + 1


def test_diff_between_steps(aamra):
    diff = diff_steps(aamra, 1, 2).set_index("measure")
    assert diff.loc["active_members", "step_2"] == ["BN", "MY", "SG", "TH"]
    assert diff.loc["pairs added", "step_2"] == ["BN-TH", "MY-TH"]
    with pytest.raises(ScenarioError, match="no step 9: steps are 1 to 8"):
        diff_steps(aamra, 1, 9)


@pytest.mark.parametrize("text, message", [
    ("name = ", "not valid TOML"),
    ('name = "x"\ncolour = "red"\n[[steps]]\nlabel = "a"\nbilateral = { parties = ["SG", "MX"] }',
     "unknown key(s) colour"),
    ('name = "x"', "expected at least one [[steps]] table"),
    ('as_of = "yesterday"\n[[steps]]\nbilateral = { parties = ["SG", "MX"] }', "key 'as_of': 'yesterday' is not a date"),
    ('[[steps]]\nlabel = "a"', "step 1 ('a'): needs exactly one of join, bloc_arrangement, bilateral"),
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
    ('join = { arrangement = "NOPE", members = ["VN"] }', "step 1 ('a'): unknown arrangement 'NOPE'"),
    ('bilateral = { parties = ["SG", "XQ"] }', "step 1 ('a'): unknown administration code 'XQ'"),
    ('bloc_arrangement = { bloc = "ASEAM", partner = "JP" }', "step 1 ('a'): unknown bloc 'ASEAM'. Did you mean: ASEAN?"),
    ('bilateral = { parties = ["SG", "US"] }', "step 1 ('a'): arrangement 'SG-US' already exists"),
])
def test_steps_that_cannot_apply(tmp_path, step, message):
    path = tmp_path / "bad.toml"
    path.write_text(f'[[steps]]\nlabel = "a"\n{step}\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        run_scenario(mra_graph.load(), load_scenario(path))


def test_missing_scenario_names_the_bundled_ones():
    with pytest.raises(ScenarioError, match="no scenario 'nope': give a bundled name \\(aamra\\) or a .toml file"):
        load_scenario("nope")


def test_cli_scenario_json_and_errors(tmp_path):
    runner = CliRunner()
    steps = json.loads(runner.invoke(main, ["scenario", "aamra", "--format", "json"]).stdout)
    assert steps[-1]["density"] == 1.0 and isinstance(steps[0]["leverage"], dict)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[steps]]\nlabel = "a"\n', encoding="utf-8")
    result = runner.invoke(main, ["scenario", str(bad)])
    assert result.exit_code == 1 and "needs exactly one of" in result.stderr and "Traceback" not in result.output
    diff = json.loads(runner.invoke(main, ["scenario", "aamra", "--diff", "4", "8", "--format", "json"]).stdout)
    assert diff[-1]["measure"] == "pairs added" and len(diff[-1]["step_8"]) == 30
