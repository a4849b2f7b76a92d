"""Read and validate the MRA data files.

Two tables make a dataset (their columns are documented in ``data/README.md``):

``mras.csv``
    One row per party per arrangement.
``administrations.csv``
    One row per customs administration: code, name, AEO programme, blocs.

Every problem found is collected before anything is raised, so one run of
:func:`read_dataset` reports them all, each as ``FILE:LINE: column 'x': problem``
(LINE is the physical line; the header is line 1). Files are read as text,
never modified, and every cell is kept as a string (Namibia's code is ``NA``).
"""
from __future__ import annotations

import csv
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from ._tables import check_source, read_table, split_list
from .defaults import Defaults, read_defaults
from .dates import parse_date
from .errors import DataValidationError, FileReadError, InvalidDateError, Problem

#: Every column of ``mras.csv``, in the order the bundled file and the table use.
MRAS_FIELDS = (
    "arrangement", "name", "kind", "party", "signed", "effective", "ended",
    "status", "scope", "source_url", "source_title", "source_date", "notes",
)
#: Optional in a user's file (empty where absent); every row of the bundled dataset has it.
MRAS_OPTIONAL = ("source_date",)
#: Columns a ``mras.csv`` must have.
MRAS_COLUMNS = tuple(name for name in MRAS_FIELDS if name not in MRAS_OPTIONAL)
ADMINISTRATIONS_REQUIRED = (
    "code", "name", "programme", "programme_since", "region", "blocs", "source_url",
)
ADMINISTRATIONS_OPTIONAL = (
    "source_title", "aliases", "members", "aeo_count", "aeo_count_year", "latitude", "longitude", "geonames_id",
    "notes",
)
KINDS = ("bilateral", "plurilateral")
#: Years a data date may fall in: AEO MRAs began in 2007; outside this window a date is a typo.
PLAUSIBLE_YEARS = (2000, 2099)
STATUSES = ("negotiating", "signed", "pilot", "implemented", "suspended", "terminated")

_CODE = re.compile(r"^[A-Z]{2}$")
_BLOC = re.compile(r"^[A-Z][A-Za-z0-9-]*$")
_ARRANGEMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Dataset:
    """The two validated tables and where they came from.

    Attributes
    ----------
    mras : pandas.DataFrame
        One row per party per arrangement, columns :data:`MRAS_FIELDS`
        (optional ones empty where the file lacks them).
    administrations : pandas.DataFrame
        One row per administration, indexed by nothing, column ``code`` unique.
    source : str
        Where the arrangements were read from (``"bundled"`` or a path).
    defaults : Defaults
        What the dataset suggests analysing (its ``datapackage.json``).
    """

    mras: pd.DataFrame
    administrations: pd.DataFrame
    source: str
    defaults: Defaults = field(default_factory=Defaults)


def bundled_file(name: str) -> Path:
    """Path of a file of the bundled dataset (``mras.csv``, ``administrations.csv``, ...).

    Installed, the dataset is the package data ``mra_graph._data``; in a source
    checkout it is the ``data/`` folder beside the package.
    """
    try:
        folder = importlib.resources.files("mra_graph._data")
    except ModuleNotFoundError:
        folder = importlib.resources.files("mra_graph").parent / "data"
    return Path(str(folder / name))


def read_dataset(mras: str | Path | None = None, administrations: str | Path | None = None) -> Dataset:
    """Read and validate a dataset.

    Parameters
    ----------
    mras : path, optional
        A ``mras.csv`` of the user's. Default: the bundled dataset.
    administrations : path, optional
        Its ``administrations.csv``. Default: the file of that name beside
        ``mras`` if there is one, else the bundled one.

    Returns
    -------
    Dataset

    Raises
    ------
    DataValidationError
        Listing every problem in either file.
    FileReadError
        If a file cannot be opened.

    Examples
    --------
    >>> data = read_dataset()
    >>> {"SG", "MY"} <= set(data.administrations["code"])
    True
    """
    mras_path = Path(mras) if mras is not None else bundled_file("mras.csv")
    if administrations is not None:
        admin_path = Path(administrations)
    elif mras is not None and (mras_path.parent / "administrations.csv").is_file():
        admin_path = mras_path.parent / "administrations.csv"
    else:
        admin_path = bundled_file("administrations.csv")
    admin_problems: list[Problem] = []
    mras_problems: list[Problem] = []
    mras_rows = read_table(mras_path, MRAS_COLUMNS, MRAS_OPTIONAL, mras_problems)
    admin_rows = read_table(admin_path, ADMINISTRATIONS_REQUIRED, ADMINISTRATIONS_OPTIONAL, admin_problems)
    _check_administrations(admin_rows, _label(admin_path, mras is None and administrations is None), admin_problems)
    # Codes are checked only against a readable administrations table: one root cause, not one line per row.
    codes = {row["code"] for _, row in admin_rows} if admin_rows or not admin_problems else None
    _check_mras(mras_rows, _label(mras_path, mras is None), codes, mras_problems)
    problems = admin_problems + mras_problems
    if problems:
        raise DataValidationError(problems)
    return Dataset(
        mras=_frame(mras_rows, MRAS_FIELDS),
        administrations=_frame(admin_rows, ADMINISTRATIONS_REQUIRED + ADMINISTRATIONS_OPTIONAL),
        source="bundled" if mras is None else str(mras_path),
        defaults=read_defaults(mras_path.parent),
    )


def _label(path: Path, bundled: bool) -> str:
    return f"data/{path.name}" if bundled else str(path)


def _frame(rows: list[tuple[int, dict]], columns: Iterable[str]) -> pd.DataFrame:
    columns = list(columns)
    records = [{column: row.get(column, "") for column in columns} for _, row in rows]
    return pd.DataFrame.from_records(records, columns=columns).astype(str)


def _check_administrations(rows, label, problems) -> None:
    first_line_of: dict[str, int] = {}
    for line, row in rows:
        def problem(column, message):
            problems.append(Problem(label, line, column, message))

        code = row["code"]
        if not _CODE.match(code):
            problem("code", f"'{code}' is not a two-letter upper-case code (ISO 3166-1 alpha-2, or EU)")
        elif code in first_line_of:
            problem("code", f"'{code}' is listed twice (first on line {first_line_of[code]})")
        else:
            first_line_of[code] = line
        if not row["name"]:
            problem("name", "is empty")
        if row["programme_since"] and not _YEAR.match(row["programme_since"]):
            problem("programme_since", f"'{row['programme_since']}' is not a year (YYYY)")
        blocs = split_list(row["blocs"])
        for bloc in {b for b in blocs if blocs.count(b) > 1}:
            problem("blocs", f"'{bloc}' is listed twice")
        for bloc in blocs:
            if not _BLOC.match(bloc):
                problem("blocs", f"'{bloc}' is not a bloc name (letters, digits, '-'; ';' between blocs)")
        for member in split_list(row.get("members", "")):
            if not _CODE.match(member):
                problem("members", f"'{member}' is not a two-letter country code")
        if row.get("aeo_count") and not row["aeo_count"].isdigit():
            problem("aeo_count", f"'{row['aeo_count']}' is not a whole number")
        for column, limit in (("latitude", 90), ("longitude", 180)):
            if row.get(column):
                try:
                    if not -limit <= float(row[column]) <= limit:
                        raise ValueError
                except ValueError:
                    problem(column, f"'{row[column]}' is not a {column} in decimal degrees (-{limit} to {limit})")
        if row.get("aeo_count_year") and not _YEAR.match(row["aeo_count_year"]):
            problem("aeo_count_year", f"'{row['aeo_count_year']}' is not a year (YYYY)")
        check_source(row, problem, title_required=False)


def _check_mras(rows, label, codes, problems) -> None:
    arrangements: dict[str, list[tuple[int, dict]]] = {}
    for line, row in rows:
        def problem(column, message):
            problems.append(Problem(label, line, column, message))

        if not _ARRANGEMENT_ID.match(row["arrangement"]):
            problem("arrangement", f"'{row['arrangement']}' is not an arrangement id (letters, digits, '-', '_', '.')")
        if not row["name"]:
            problem("name", "is empty")
        if row["kind"] not in KINDS:
            problem("kind", f"'{row['kind']}' is not one of: {', '.join(KINDS)}")
        if row["status"] not in STATUSES:
            problem("status", f"'{row['status']}' is not one of: {', '.join(STATUSES)}")
        if codes is not None and row["party"] not in codes:
            problem("party", f"'{row['party']}' is not a known code (add it to administrations.csv)")
        dates = {}
        for column in ("signed", "effective", "ended"):
            if row[column]:
                try:
                    dates[column] = parse_date(row[column])
                except InvalidDateError as error:
                    problem(column, str(error))
                    continue
                if not PLAUSIBLE_YEARS[0] <= dates[column].start.year <= PLAUSIBLE_YEARS[1]:
                    problem(column, f"{row[column]} is outside {PLAUSIBLE_YEARS[0]}-{PLAUSIBLE_YEARS[1]}: "
                                    "AEO MRAs began in 2007 (a typo in the year?)")
        for earlier, later in (("signed", "effective"), ("effective", "ended"), ("signed", "ended")):
            if earlier in dates and later in dates and dates[earlier].start > dates[later].end:
                problem(later, f"{later} {row[later]} is before {earlier} {row[earlier]}")
        if row.get("source_date"):
            try:
                if parse_date(row["source_date"]).upper_bound:
                    problem("source_date", "give the date the source was published (or read), not a bound")
            except InvalidDateError as error:
                problem("source_date", str(error))
        if row["ended"] and row["status"] not in ("suspended", "terminated"):
            problem("ended", f"an end date needs status suspended or terminated, not '{row['status']}'")
        check_source(row, problem, title_required=True)
        arrangements.setdefault(row["arrangement"], []).append((line, row))
    for arrangement, members in arrangements.items():
        _check_arrangement(arrangement, members, label, problems)


def _check_arrangement(arrangement, members, label, problems) -> None:
    first_line, first = members[0]
    seen: dict[str, int] = {}
    for line, row in members:
        if row["party"] in seen:
            problems.append(Problem(label, line, "party", f"'{row['party']}' is listed twice in "
                                    f"arrangement '{arrangement}' (first on line {seen[row['party']]})"))
        seen.setdefault(row["party"], line)
        for column in ("kind", "name"):
            if row[column] != first[column]:
                problems.append(Problem(label, line, column, f"'{row[column]}' differs from "
                                        f"'{first[column]}' on line {first_line} of the same arrangement"))
    if first["kind"] == "bilateral" and len(seen) != 2:
        problems.append(Problem(label, first_line, "party", f"bilateral arrangement '{arrangement}' "
                                f"has {len(seen)} part{'y' if len(seen) == 1 else 'ies'}; it needs exactly 2"))


def validate_file(path: str | Path, administrations: str | Path | None = None) -> str:
    """Validate one file and describe it in a line; raise on any problem.

    ``path`` is taken as an administrations table when its header has a
    ``code`` column and no ``arrangement`` column, else as an ``mras.csv``.

    Returns
    -------
    str
        A one-line summary, e.g. ``"my.csv: valid, 4 rows: 2 arrangements, 3 parties"``, then
        one ``warning: ...`` line per thing that is valid but probably wrong (see
        :func:`mra_graph.checks.data_warnings`).

    Raises
    ------
    DataValidationError, FileReadError
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
            header = {name.strip() for name in next(csv.reader([stream.readline()]), [])}
    except OSError as error:
        raise FileReadError(f"cannot read {path}: {error.strerror or error}") from None
    if "code" in header and "arrangement" not in header:
        problems: list[Problem] = []
        rows = read_table(path, ADMINISTRATIONS_REQUIRED, ADMINISTRATIONS_OPTIONAL, problems)
        _check_administrations(rows, str(path), problems)
        if problems:
            raise DataValidationError(problems)
        return f"{path}: valid, {len(rows)} administrations"
    from .checks import data_warnings

    dataset = read_dataset(path, administrations)
    table = dataset.mras
    notes = "".join(f"\nwarning: {text}" for text in data_warnings(dataset, str(path)))
    return (f"{path}: valid, {len(table)} rows: {table['arrangement'].nunique()} arrangements, "
            f"{table['party'].nunique()} parties{notes}")
