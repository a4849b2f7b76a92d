"""The library names no country: a dataset without ASEAN or Singapore works, and defaults come from its data."""
import json

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main


def run(*args):
    return CliRunner().invoke(main, [*args], env={"COLUMNS": "100"})


def test_report_on_a_dataset_with_no_defaults_leaves_out_focus_and_bloc(tiny_path):
    result = run("report", "--data", str(tiny_path), "--as-of", "2018-06-30")
    assert result.exit_code == 0, result.output
    assert "The network" in result.stdout and "Best-connected administrations" in result.stdout
    assert "ASEAN" not in result.stdout and "Singapore" not in result.stdout and "as a bloc" not in result.stdout


def test_defaults_come_from_the_datasets_datapackage(tiny_path):
    (tiny_path.parent / "datapackage.json").write_text(json.dumps({"mra_graph": {"focus": "CC", "bloc": "BLOC"}}))
    net = mra_graph.load(tiny_path, as_of="2018-06-30")
    assert (net.defaults.focus, net.defaults.bloc, net.defaults.scenarios) == ("CC", "BLOC", {})
    text = run("report", "--data", str(tiny_path), "--as-of", "2018-06-30").stdout
    assert "Gamma (CC): 2 administrations recognise its AEOs" in text and "BLOC: who recognises whom" in text


def test_weights_bundled_needs_a_dataset_that_names_them(tiny_path):
    result = run("leverage", "BLOC", "--data", str(tiny_path), "--weights", "bundled")
    assert result.exit_code == 1 and "this dataset names no weights file" in result.stderr


@pytest.mark.requires_graphviz
def test_render_and_growth_frames_on_a_dataset_without_asean(tiny_path, tmp_path):
    drawn = run("render", "--data", str(tiny_path), "--as-of", "2018-06-30", "-o", str(tmp_path / "n.svg"))
    assert drawn.exit_code == 0, drawn.output
    grown = run("growth", "--data", str(tiny_path), "--as-of", "2012-06-30", "--render", str(tmp_path / "g"))
    assert grown.exit_code == 0, grown.output
    assert (tmp_path / "g" / "index.html").is_file()


def test_the_bundled_dataset_names_its_defaults():
    net = mra_graph.load(as_of="2025-03-01")
    assert (net.defaults.focus, net.defaults.bloc) == ("SG", "ASEAN")
    assert set(net.defaults.scenarios) == {"aamra"} and net.defaults.weights.name == "weights.csv"


def test_common_names_find_their_codes():
    net = mra_graph.load(as_of="2025-03-01")
    assert [net.check_code(n) for n in ("Vietnam", "korea", "Hong Kong", "sg", "Chinese Taipei")] == \
        ["VN", "KR", "HK", "SG", "TW"]
    with pytest.raises(mra_graph.UnknownCodeError, match="Did you mean"):
        net.check_code("Singapur")
    with pytest.raises(mra_graph.UnknownCodeError):
        net.check_code(65)


def test_list_blocs_and_administrations(tiny_path):
    blocs = json.loads(run("list", "blocs", "--data", str(tiny_path), "--format", "json").stdout)
    assert blocs == [{"bloc": "BLOC", "members": 3, "member_codes": ["AA", "BB", "CC"], "default": False}]
    admins = run("list", "administrations", "--data", str(tiny_path), "--as-of", "2018-06-30", "--format", "csv")
    assert admins.stdout.splitlines()[1] == "AA,Alpha,Alpha AEO,BLOC,2"


def test_unknown_bloc_lists_the_known_ones(tiny_path):
    result = run("bloc", "EU", "--data", str(tiny_path))
    assert result.exit_code == 1 and "unknown bloc 'EU'. Known: BLOC." in result.stderr


def test_every_format_states_date_and_view_on_stderr(tiny_path):
    for fmt in ("table", "csv", "json", "markdown"):
        result = run("centrality", "--data", str(tiny_path), "--as-of", "2018-06-30", "--format", fmt)
        assert result.stderr == "Centrality, as of 2018-06-30, view: implemented (arrangements in force)\n", fmt


def test_signed_view_wording(tiny_path):
    result = run("coverage", "BB", "--data", str(tiny_path), "--as-of", "2018-06-30", "--view", "signed")
    assert result.stderr.startswith("3 administrations have signed with Beta, as of 2018-06-30, view: signed")
