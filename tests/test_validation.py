"""Input that would give a wrong answer is refused or warned about, with file, line and column."""
import importlib
from datetime import datetime

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main
from mra_graph.errors import DataValidationError, MRAGraphError
from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset


def test_a_bloc_listed_twice_is_an_error(tmp_path):
    path = write_dataset(tmp_path / "d", administrations=ADMINISTRATIONS.replace(",BLOC,https://example.org/a",
                                                                                  ",BLOC;BLOC,https://example.org/a"))
    with pytest.raises(DataValidationError, match="administrations.csv:2: column 'blocs': 'BLOC' is listed twice"):
        mra_graph.read_dataset(path)


@pytest.mark.parametrize("year", ["1850", "0001", "2150"])
def test_dates_outside_a_plausible_window_are_errors(tmp_path, year):
    path = write_dataset(tmp_path / "d", mras=MRAS.replace("2011-01-01", f"{year}-01-01", 1))
    with pytest.raises(DataValidationError, match=f"{year}-01-01 is outside 2000-2099"):
        mra_graph.read_dataset(path)


def test_validate_warns_about_what_is_valid_but_probably_wrong(tmp_path):
    mras = (MRAS + "SOLO,Solo,plurilateral,AA,2012,2013,,implemented,,https://x.org,T,\n"
            "BB-AA-2,Again,bilateral,AA,2012,2013,,implemented,,https://x.org,T,\n"
            "BB-AA-2,Again,bilateral,BB,2012,2013,,implemented,,https://x.org,T,\n"
            "AA-DD,Ended,bilateral,AA,2012,2013,,terminated,,https://x.org,T,\n"
            "AA-DD,Ended,bilateral,DD,2012,2013,,terminated,,https://x.org,T,\n")
    result = CliRunner().invoke(main, ["validate", str(write_dataset(tmp_path / "d", mras=mras))])
    assert result.exit_code == 0
    assert "warning: " in result.stdout and "'SOLO' has one party" in result.stdout
    assert "the pair AA-BB appears under 2 ids: AA-BB, BB-AA-2" in result.stdout
    assert "AA-DD (AA) is terminated with no 'ended' date" in result.stdout
    header_only = write_dataset(tmp_path / "e", mras=MRAS.splitlines()[0] + "\n")
    assert "no arrangements, only a header" in CliRunner().invoke(main, ["validate", str(header_only)]).stdout


def test_encodings_and_semicolons_get_a_root_cause_and_a_remedy(tmp_path):
    utf16 = tmp_path / "u16" / "mras.csv"
    write_dataset(tmp_path / "u16")
    utf16.write_bytes(MRAS.encode("utf-16"))
    result = CliRunner().invoke(main, ["validate", str(utf16)])
    assert result.exit_code == 1 and "looks like UTF-16" in result.stdout and "CSV UTF-8" in result.stdout
    latin = write_dataset(tmp_path / "latin")
    latin.write_bytes(MRAS.replace("Alpha-Beta MRA", "Alpha–Beta MRA").encode("cp1252"))
    assert "Windows-1252" in CliRunner().invoke(main, ["validate", str(latin)]).stdout
    semicolons = write_dataset(tmp_path / "semi", mras=MRAS.replace(",", ";"))
    text = CliRunner().invoke(main, ["validate", str(semicolons)]).stdout
    assert "separated by semicolons" in text and text.count("\n") <= 3  # one root cause, not one line per cell


def test_a_broken_administrations_header_does_not_cascade(tmp_path):
    path = write_dataset(tmp_path / "d", administrations=ADMINISTRATIONS.replace("code,name", "kode,name", 1))
    with pytest.raises(DataValidationError) as raised:
        mra_graph.read_dataset(path)
    assert len(raised.value.problems) <= 2 and "unknown" not in str(raised.value).split("kode")[0]
    assert "is not a known code" not in str(raised.value)


def test_library_misuse_gets_clear_errors(tiny):
    assert mra_graph.load(as_of=datetime(2018, 6, 30, 10, 0)).as_of_date.isoformat() == "2018-06-30"
    with pytest.raises(MRAGraphError, match="must be a list of administration codes"):
        tiny.with_members("BLOCMRA", "BB")
    with pytest.raises(MRAGraphError):
        tiny.check_code(42)
    with pytest.raises(MRAGraphError, match="is not a date"):
        mra_graph.load(as_of=20180630)
    assert callable(mra_graph.export)
    importlib.import_module("mra_graph.exports")  # importing the module must not hide the function
    assert callable(mra_graph.export)


def test_markdown_output_escapes_html(tmp_path):
    admin = ADMINISTRATIONS.replace("Beta,", "<img src=x onerror=alert(1)>,", 1)
    path = write_dataset(tmp_path / "d", administrations=admin)
    text = CliRunner().invoke(main, ["coverage", "AA", "--data", str(path), "--format", "markdown"]).stdout
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def test_growth_over_an_absurd_range_is_refused(tiny_path):
    result = CliRunner().invoke(main, ["growth", "--data", str(tiny_path), "--as-of", "9999-12-31"])
    assert result.exit_code == 1 and "years (at most 100)" in result.stderr
