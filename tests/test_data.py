"""The loader and validator: every problem found, each with file, line and column."""
from pathlib import Path

import pytest

from mra_graph.data import read_dataset, validate_file
from mra_graph.errors import DataValidationError, FileReadError
from tests.conftest import ADMINISTRATIONS, MRAS, write_dataset

HEADER = MRAS.splitlines()[0]


def problems_of(folder: Path, mras: str, administrations: str = ADMINISTRATIONS) -> list[str]:
    path = write_dataset(folder, mras, administrations)
    with pytest.raises(DataValidationError) as raised:
        read_dataset(path)
    return [str(problem) for problem in raised.value.problems]


def test_tiny_dataset_loads_as_strings(tiny_path):
    data = read_dataset(tiny_path)
    assert len(data.mras) == 11
    assert data.mras["signed"].tolist()[:2] == ["2010-06", "2010-06"]
    assert data.source == str(tiny_path)


def test_every_problem_is_reported_with_line_and_column(tmp_path):
    mras = (HEADER + "\n"
            "AA-BB,Alpha-Beta MRA,bilateral,AA,2010-13-01,,,implemented,,https://example.org/1,One,\n"
            "AA-BB,Alpha-Beta MRA,bilateral,XX,2010-06,,,implemented,,https://example.org/1,One,\n")
    path = tmp_path / "bad"
    assert problems_of(path, mras) == [
        f"{path / 'mras.csv'}:2: column 'signed': '2010-13-01' is not a real date",
        f"{path / 'mras.csv'}:3: column 'party': 'XX' is not a known code (add it to administrations.csv)",
    ]


def test_line_numbers_are_physical_lines_across_quoted_newlines(tmp_path):
    mras = (HEADER + "\n"
            'AA-BB,Alpha-Beta MRA,bilateral,AA,2010,,,implemented,,https://example.org/1,One,"two\nlines"\n'
            "\n"
            "AA-BB,Alpha-Beta MRA,bilateral,BB,2010,,,finished,,https://example.org/1,One,\n")
    [problem] = problems_of(tmp_path, mras)
    assert problem.endswith(":5: column 'status': 'finished' is not one of: negotiating, signed, pilot, "
                            "implemented, suspended, terminated")


@pytest.mark.parametrize("row, expected", [
    ("AA-BB,A,bilateral,AA,2012,2011,,implemented,,https://x.org,T,",
     "column 'effective': effective 2011 is before signed 2012"),
    ("AA-BB,A,bilateral,AA,2012,,2014,implemented,,https://x.org,T,",
     "column 'ended': an end date needs status suspended or terminated, not 'implemented'"),
    ("AA-BB,A,bilateral,AA,2012,,,implemented,,,T,",
     "column 'source_url': is empty: every row needs a public source"),
    ("AA-BB,A,bilateral,AA,2012,,,implemented,,www.x.org,T,",
     "column 'source_url': 'www.x.org' is not a web address (http:// or https://)"),
    ("AA-BB,A,bilateral,AA,2012,,,implemented,,https://x.org,,",
     "column 'source_title': is empty: name the source"),
    ("AA-BB,A,trilateral,AA,2012,,,implemented,,https://x.org,T,",
     "column 'kind': 'trilateral' is not one of: bilateral, plurilateral"),
    ("AA-BB,A,bilateral,AA,2012,,,implemented,,https://x.org,T",
     "expected 12 fields, found 11 (check commas and quotes)"),
])
def test_row_problems(tmp_path, row, expected):
    other = "AA-BB,A,bilateral,BB,2012,,,implemented,,https://x.org,T,"
    problems = problems_of(tmp_path, f"{HEADER}\n{row}\n{other}\n")
    assert problems[0].endswith(":2: " + expected), problems


def test_arrangement_problems(tmp_path):
    mras = (HEADER + "\n"
            "AA-BB,A,bilateral,AA,2012,,,implemented,,https://x.org,T,\n"
            "AA-BB,A,bilateral,BB,2012,,,implemented,,https://x.org,T,\n"
            "AA-BB,A,bilateral,CC,2012,,,implemented,,https://x.org,T,\n"
            "CC-DD,C,bilateral,CC,2012,,,implemented,,https://x.org,T,\n"
            "PL,P,plurilateral,CC,2012,,,implemented,,https://x.org,T,\n"
            "PL,Q,bilateral,DD,2012,,,implemented,,https://x.org,T,\n")
    problems = problems_of(tmp_path, mras)
    assert [p.split(":", 1)[1] for p in problems] == [
        "2: column 'party': bilateral arrangement 'AA-BB' has 3 parties; it needs exactly 2",
        "5: column 'party': bilateral arrangement 'CC-DD' has 1 party; it needs exactly 2",
        "7: column 'kind': 'bilateral' differs from 'plurilateral' on line 6 of the same arrangement",
        "7: column 'name': 'Q' differs from 'P' on line 6 of the same arrangement",
    ]


def test_duplicate_party_rows(tmp_path):
    row = "AA-BB,A,bilateral,{},2012,,,implemented,,https://x.org,T,\n"
    problems = problems_of(tmp_path, HEADER + "\n" + row.format("AA") + row.format("BB") + row.format("AA"))
    assert [p.split(":", 1)[1] for p in problems] == [
        "4: column 'party': 'AA' is listed twice in arrangement 'AA-BB' (first on line 2)",
    ]


def test_header_problems(tmp_path):
    mras = HEADER.replace("notes", "comments").replace("scope", "scope,scope") + "\n"
    problems = problems_of(tmp_path, mras)
    assert [p.split(":", 1)[1] for p in problems] == [
        "1: column 'scope': appears twice in the header",
        "1: column 'comments': unknown column (known columns: arrangement, name, kind, party, signed, "
        "effective, ended, status, scope, source_url, source_title, notes, source_date)",
        "1: column 'notes': required column is missing from the header",
    ]


def test_administration_problems(tmp_path):
    administrations = ADMINISTRATIONS + "aa,Lower,,,,,https://x.org\nAA,Again,,20x,,BAD BLOC,\n"
    problems = problems_of(tmp_path, MRAS, administrations)
    label = str(tmp_path / "administrations.csv")
    assert problems == [
        f"{label}:8: column 'code': 'aa' is not a two-letter upper-case code (ISO 3166-1 alpha-2, or EU)",
        f"{label}:9: column 'code': 'AA' is listed twice (first on line 2)",
        f"{label}:9: column 'programme_since': '20x' is not a year (YYYY)",
        f"{label}:9: column 'blocs': 'BAD BLOC' is not a bloc name (letters, digits, '-'; ';' between blocs)",
        f"{label}:9: column 'source_url': is empty: every row needs a public source",
    ]


def test_namibia_is_not_missing(tmp_path):
    administrations = ADMINISTRATIONS + "NA,Namibia,,,Africa,SACU,https://x.org\n"
    mras = MRAS + ("NA-ZZ,N,bilateral,NA,2020,,,signed,,https://x.org,T,\n"
                   "NA-ZZ,N,bilateral,AA,2020,,,signed,,https://x.org,T,\n")
    data = read_dataset(write_dataset(tmp_path, mras, administrations))
    assert "NA" in data.administrations["code"].tolist()
    assert data.mras["party"].tolist()[-2] == "NA"


@pytest.mark.parametrize("content, expected", [
    (b"", ":1: the file is empty: expected a header line"),
    (HEADER.encode() + b"\nAA-BB,\xff\xfe,bilateral\n", ":2: not valid UTF-8 text (byte 0xff)"),
    (HEADER.encode() + b'\nAA-BB,"unclosed,bilateral\n', "not readable as CSV"),
])
def test_unreadable_files(tmp_path, content, expected):
    path = tmp_path / "mras.csv"
    write_dataset(tmp_path)
    path.write_bytes(content)
    with pytest.raises(DataValidationError) as raised:
        read_dataset(path)
    assert expected in str(raised.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileReadError, match="cannot read .*nowhere.csv: No such file"):
        read_dataset(tmp_path / "nowhere.csv")


def test_input_files_are_never_modified(tiny_path):
    before = tiny_path.read_bytes(), (tiny_path.parent / "administrations.csv").read_bytes()
    read_dataset(tiny_path)
    assert (tiny_path.read_bytes(), (tiny_path.parent / "administrations.csv").read_bytes()) == before


def test_validate_file_summaries(tiny_path):
    assert validate_file(tiny_path) == f"{tiny_path}: valid, 11 rows: 5 arrangements, 6 parties"
    admin = tiny_path.parent / "administrations.csv"
    assert validate_file(admin) == f"{admin}: valid, 6 administrations"
