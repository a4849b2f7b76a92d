"""The command line, through click's CliRunner: exit codes and exact output."""
import json

import pytest
from click.testing import CliRunner

from mra_graph.cli import main
from tests.conftest import MRAS, write_dataset


@pytest.fixture
def run(tiny_path):
    def invoke(*args, data=True):
        extra = ["--data", str(tiny_path), "--as-of", "2018-06-30"] if data else []
        return CliRunner().invoke(main, [*args, *extra], env={"COLUMNS": "100"})
    return invoke


def test_coverage_table(run):
    result = run("coverage", "AA")
    assert result.exit_code == 0
    assert result.stdout == (
        "partner  name   via      signed   effective   kind          status       scope\n"
        "-------  -----  -------  -------  ----------  ------------  -----------  ------------\n"
        "BB       Beta   AA-BB    2010-06  2011-01-01  bilateral     implemented\n"
        "CC       Gamma  BLOCMRA  2012     2014-03-01  plurilateral  implemented  Level 2 only\n"
        "(not shown to fit 100 columns: sources; --wide or --format csv/json show every column)\n"
    )
    assert result.stderr == ("2 administrations recognise the AEOs of Alpha, "
                             "as of 2018-06-30, view: implemented (arrangements in force)\n")


def test_coverage_table_fits_a_narrow_terminal_and_wide_shows_all(run, tiny_path):
    narrow = CliRunner().invoke(main, ["coverage", "AA", "--data", str(tiny_path), "--as-of", "2018-06-30"],
                                env={"COLUMNS": "60"})
    assert max(map(len, narrow.stdout.splitlines())) <= 60
    assert "not shown to fit 60 columns: sources, scope, status" in narrow.stdout
    wide = run("coverage", "AA", "--wide")
    assert "https://example.org/3" in wide.stdout and "not shown" not in wide.stdout


def test_bound_dates_read_as_on_or_before_in_tables_and_keep_their_precision_in_json(run):
    table = run("coverage", "BB", "--view", "signed", "--wide").stdout
    assert "on or before 2015-05-05" in table
    records = json.loads(run("coverage", "BB", "--view", "signed", "--format", "json").stdout)
    dd = next(r for r in records if r["partner"] == "DD")
    assert (dd["signed"], dd["signed_precision"]) == ("2015-05-05", "on or before")


def test_coverage_json_has_the_dataframe_columns(run):
    result = run("coverage", "AA", "--format", "json")
    assert result.exit_code == 0 and result.stderr.startswith("2 administrations recognise the AEOs of Alpha, as of")
    records = json.loads(result.stdout)
    assert [r["partner"] for r in records] == ["BB", "CC"]
    assert list(records[0]) == ["partner", "name", "via", "signed", "signed_precision", "effective",
                                "effective_precision", "kind", "status", "scope", "sources"]
    assert records[1]["via"] == ["BLOCMRA"] and records[1]["kind"] == ["plurilateral"]
    assert (records[0]["signed"], records[0]["signed_precision"]) == ("2010-06", "month")


def test_bloc_csv(run):
    result = run("bloc", "BLOC", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == ("a,b,covered,via,relation,since,since_precision\n"
                             "AA,BB,true,AA-BB,bilateral,2011-01-01,day\n"
                             "AA,CC,true,BLOCMRA,plurilateral,2014-03-01,day\n"
                             "BB,CC,false,,none,,unknown\n")


def test_bloc_json_covered_is_boolean(run):
    records = json.loads(run("bloc", "BLOC", "--format", "json").stdout)
    assert [(r["a"], r["b"], r["covered"], r["via"]) for r in records] == [
        ("AA", "BB", True, ["AA-BB"]), ("AA", "CC", True, ["BLOCMRA"]), ("BB", "CC", False, []),
    ]


def test_reach_markdown_and_caveat(run):
    result = run("reach", "BB", "--hops", "3", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == (
        "| administration | name | hops | recognition | shortest_paths | intermediaries |\n"
        "|---|---|---|---|---|---|\n"
        "| AA | Alpha | 1 | true | 1 |  |\n"
        "| CC | Gamma | 2 | false | 1 | AA |\n"
        "| FF | Phi | 3 | false | 1 | AA; CC |\n"
    )
    assert "not legal recognition" in run("reach", "BB").stderr


def test_report_text_states_date_view_and_caveat(run):
    result = run("report", "--focus", "AA", "--bloc", "BLOC")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("AEO mutual recognition as of 2018-06-30, view: implemented (arrangements in force)\n")
    assert "4 of the 6 administrations in the data recognise at least one other through" in text
    assert "Alpha (AA): 2 administrations recognise its AEOs" in text
    assert "Signed but not recorded as in force" not in text  # AA has no signed-only partner
    assert "not legal recognition: MRAs are not transitive" in text
    assert "2 of 3 member pairs recognise each other (67%)" in text


def test_report_json_sections(run):
    report = json.loads(run("report", "--focus", "BB", "--bloc", "BLOC", "--format", "json").stdout)
    assert list(report) == ["title", "summary", "hubs", "focus", "bloc", "notes"]
    assert [p["partner"] for p in report["focus"]["partners"]] == ["AA"]
    assert [p["partner"] for p in report["focus"]["signed_not_in_force"]] == ["CC", "DD"]


def test_report_refuses_csv(run):
    result = run("report", "--format", "csv")
    assert result.exit_code == 2 and "'csv' is not one of 'table', 'markdown', 'json'" in result.stderr


def test_output_file_is_written_and_nothing_printed(run, tmp_path):
    target = tmp_path / "out" / "coverage.json"
    result = run("coverage", "AA", "--format", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())[0]["partner"] == "BB"
    assert result.stderr.endswith(f"Wrote {target}\n")
    assert [p.name for p in target.parent.iterdir()] == ["coverage.json"]  # no temporary file left


def test_unknown_code_exits_1_with_suggestion(run):
    result = run("coverage", "AB")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown administration code 'AB'. Did you mean:")
    assert "Traceback" not in result.output


def test_bad_as_of_is_a_usage_error(tiny_path):
    result = CliRunner().invoke(main, ["coverage", "AA", "--data", str(tiny_path), "--as-of", "30/06/2018"])
    assert result.exit_code == 2
    assert "as-of date '30/06/2018' is not valid: expected YYYY-MM-DD" in result.stderr


def test_validate_names_lines_and_columns(tmp_path):
    bad = MRAS + ("XY-ZZ,Bad,bilateral,AA,2020-02-30,,,signed,,https://x.org,T,\n"
                  "XY-ZZ,Bad,bilateral,QQ,2020,,,signed,,https://x.org,T,\n")
    path = write_dataset(tmp_path, bad)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (f"2 problems found:\n"
                             f"{path}:13: column 'signed': '2020-02-30' is not a real date\n"
                             f"{path}:14: column 'party': 'QQ' is not a known code (add it to administrations.csv)\n")


def test_validate_a_good_file(tiny_path):
    result = CliRunner().invoke(main, ["validate", str(tiny_path)])
    assert result.exit_code == 0
    assert result.stdout == f"{tiny_path}: valid, 11 rows: 5 arrangements, 6 parties\n"


def test_bad_data_file_exits_1_listing_problems(tmp_path):
    path = write_dataset(tmp_path, MRAS.replace("implemented", "in force", 1))
    result = CliRunner().invoke(main, ["coverage", "AA", "--data", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: column 'status': 'in force' is not one of" in result.stderr


def test_missing_data_file(tmp_path):
    result = CliRunner().invoke(main, ["report", "--data", str(tmp_path / "none.csv")])
    assert result.exit_code == 1 and "cannot read" in result.stderr and "No such file" in result.stderr


def test_version():
    import mra_graph

    result = CliRunner().invoke(main, ["--version"])
    assert result.stdout == f"mra-graph, version {mra_graph.__version__}\n"


def test_cli_choices_match_the_library():
    # The CLI kit keeps its own copy of the table formats so that --help imports no pandas.
    from mra_graph import formatting, network, views
    from mra_graph.cli import options

    assert options.TABLE_FORMATS == formatting.TABLE_FORMATS and network.VIEWS is views.VIEWS
    view = next(p for p in main.commands["coverage"].params if p.name == "view")
    assert tuple(view.type.choices) == views.VIEWS
    from mra_graph.exports import EXPORT_FORMATS

    export_format = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert tuple(export_format.type.choices) == EXPORT_FORMATS
