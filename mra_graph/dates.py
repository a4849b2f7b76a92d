"""Dates as the sources give them: a day, a month, a year, or an upper bound.

A source may say "signed on 2010-06-24", "signed in June 2010", "signed in 2010",
or only establish that an arrangement existed *by* some date ("Singapore has
signed 10 MRAs", published 2022-06-07). The data keeps that precision:
``2010-06-24``, ``2010-06``, ``2010`` or ``<=2022-06-07``.

Comparisons use the start of the period (``2010-06`` counts from 2010-06-01) and,
for a bound, the bound itself: at any date on or after it, the event is known to
have happened; before it, nothing is known and the event does not count.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import InvalidDateError

_PATTERN = re.compile(r"^(<=)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=False)
class SourceDate:
    """A date with the precision its source gives.

    Attributes
    ----------
    text : str
        The date as written in the data, e.g. ``"2010-06"`` or ``"<=2022-06-07"``.
    start : datetime.date
        The first day the date can stand for; the date compared in as-of queries.
    end : datetime.date
        The last day of the period (equal to ``start`` for a day or a bound).
    precision : str
        ``"day"``, ``"month"`` or ``"year"``.
    upper_bound : bool
        True when the source only establishes "on or before" this date.
    """

    text: str
    start: date
    end: date
    precision: str
    upper_bound: bool

    @property
    def iso(self) -> str:
        """The date without its qualifier: ``2010-06``, ``2022-06-07`` (for ``<=2022-06-07``)."""
        return self.text[2:] if self.upper_bound else self.text

    @property
    def qualifier(self) -> str:
        """How the date is known: ``day``, ``month``, ``year`` or ``on or before``."""
        return "on or before" if self.upper_bound else self.precision

    def describe(self) -> str:
        """Human-readable form: ``2010-06``, ``on or before 2022-06-07``."""
        if self.upper_bound:
            return f"on or before {self.text[2:]}"
        return self.text


UNKNOWN_DATE = "date unknown"


def describe_date(value: SourceDate | None) -> str:
    """A date for outputs: ``2010-06``, ``on or before 2022-06-07`` or ``date unknown``."""
    return UNKNOWN_DATE if value is None else value.describe()


def date_fields(name: str, value: SourceDate | None) -> dict:
    """``{name: "2022-06-07", name + "_precision": "on or before"}``: a date and how it is known, for tables.

    An absent date gives empty text and precision ``unknown``.

    Examples
    --------
    >>> date_fields("effective", parse_date("2011-06"))
    {'effective': '2011-06', 'effective_precision': 'month'}
    """
    return {name: value.iso if value else "", f"{name}_precision": value.qualifier if value else "unknown"}


@functools.lru_cache(maxsize=65536)  # pure: a dataset repeats the same few thousand dates
def parse_date(text: str) -> SourceDate:
    """Parse a data-file date.

    Parameters
    ----------
    text : str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, optionally prefixed by ``<=``.

    Returns
    -------
    SourceDate

    Raises
    ------
    InvalidDateError
        If the text is not one of those forms or names no real day.

    Examples
    --------
    >>> parse_date("2010-06").start
    datetime.date(2010, 6, 1)
    >>> parse_date("<=2022-06-07").describe()
    'on or before 2022-06-07'
    """
    match = _PATTERN.match(text.strip())
    if not match:
        raise InvalidDateError(
            f"'{text}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY, "
            "or <=YYYY-MM-DD for 'on or before'"
        )
    bound, year, month, day = match.groups()
    if bound and not day:
        raise InvalidDateError(f"'{text}': an 'on or before' bound needs a full date, <=YYYY-MM-DD")
    try:
        if day:
            start = end = date(int(year), int(month), int(day))
            precision = "day"
        elif month:
            start = date(int(year), int(month), 1)
            end = date(int(year), int(month), calendar.monthrange(int(year), int(month))[1])
            precision = "month"
        else:
            start, end = date(int(year), 1, 1), date(int(year), 12, 31)
            precision = "year"
    except ValueError:
        raise InvalidDateError(f"'{text}' is not a real date") from None
    return SourceDate(text.strip(), start, end, precision, bool(bound))


def parse_as_of(text: str | date | None) -> date:
    """Parse a user's as-of date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); None means today.

    A month or a year stands for its last day: "as of 2023" means the end of 2023.

    Examples
    --------
    >>> parse_as_of("2023")
    datetime.date(2023, 12, 31)
    """
    if text is None:
        return date.today()
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        raise InvalidDateError(f"as-of date {text!r} is not a date: give 'YYYY-MM-DD' or a datetime.date")
    try:
        parsed = parse_date(text)
    except InvalidDateError:
        raise InvalidDateError(
            f"as-of date '{text}' is not valid: expected YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2024-08-01"
        ) from None
    if parsed.upper_bound:
        raise InvalidDateError(f"as-of date '{text}': give a plain date, e.g. 2024-08-01")
    return parsed.end
