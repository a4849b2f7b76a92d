"""Reading the data files' CSV: one reader for every table, problems collected, never raised here."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import FileReadError, Problem


def read_table(
    path: Path, required: tuple[str, ...], optional: tuple[str, ...], problems: list[Problem]
) -> list[tuple[int, dict]]:
    """Rows of a CSV file as (physical line, {column: stripped text}); problems are appended to ``problems``.

    Shared by every data file's reader (arrangements, administrations, weights).
    """
    label = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FileReadError(f"cannot read {path}: {error.strerror or error}") from None
    problems_before = len(problems)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(label, line, None, f"not valid UTF-8 text (byte 0x{raw[error.start]:02x}): "
                                                   f"{_encoding_hint(raw)}"))
        return []
    first = text.split("\n", 1)[0]
    if "," not in first and ";" in first and set(required) <= {f.strip() for f in first.split(";")}:
        problems.append(Problem(label, 1, None, "the columns are separated by semicolons: save the file with "
                                                "commas (in Excel: 'CSV UTF-8 (Comma delimited)')"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict]] = []
    header: list[str] | None = None
    last_line = 0
    try:
        for fields in reader:
            first_line, last_line = last_line + 1, reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if header is None:
                header = [field.strip() for field in fields]
                _check_header(header, label, first_line, required, optional, problems)
                if len(problems) > problems_before:
                    return []
                continue
            if len(fields) != len(header):
                problems.append(Problem(
                    label, first_line, None,
                    f"expected {len(header)} fields, found {len(fields)} (check commas and quotes)",
                ))
                continue
            rows.append((first_line, {name: value.strip() for name, value in zip(header, fields)}))
    except csv.Error as error:
        problems.append(Problem(label, reader.line_num, None, f"not readable as CSV: {error}"))
        return []
    if header is None:
        problems.append(Problem(label, 1, None, "the file is empty: expected a header line"))
    return rows


def _encoding_hint(raw: bytes) -> str:
    """Which encoding a file that is not UTF-8 looks like, and how to re-save it."""
    resave = "save it again as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\x00") > 20:
        return f"it looks like UTF-16; {resave}"
    return f"it looks like a single-byte encoding such as Windows-1252 or Latin-1; {resave}"


def _check_header(header, label, line, required, optional, problems) -> None:
    seen = set()
    for name in header:
        if name in seen:
            problems.append(Problem(label, line, name, "appears twice in the header"))
        elif name not in required and name not in optional:
            known = ", ".join(required + optional)
            problems.append(Problem(label, line, name, f"unknown column (known columns: {known})"))
        seen.add(name)
    for name in required:
        if name not in seen:
            problems.append(Problem(label, line, name, "required column is missing from the header"))


def check_source(row, problem, *, title_required: bool) -> None:
    """Report through ``problem(column, message)`` a missing or malformed source of ``row``."""
    url = row["source_url"]
    if not url:
        problem("source_url", "is empty: every row needs a public source")
    elif not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        problem("source_url", f"'{url}' is not a web address (http:// or https://)")
    if title_required and not row.get("source_title"):
        problem("source_title", "is empty: name the source")


def split_list(text: str) -> list[str]:
    """Split a ``;``-separated cell (``blocs``, ``members``) into its items.

    Examples
    --------
    >>> split_list("ASEAN; APEC")
    ['ASEAN', 'APEC']
    """
    return [part.strip() for part in text.split(";") if part.strip()]
