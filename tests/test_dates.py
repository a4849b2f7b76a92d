from datetime import date

import pytest

from mra_graph.dates import parse_as_of, parse_date
from mra_graph.errors import InvalidDateError


@pytest.mark.parametrize("text, start, end, precision", [
    ("2010-06-25", date(2010, 6, 25), date(2010, 6, 25), "day"),
    ("2010-06", date(2010, 6, 1), date(2010, 6, 30), "month"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2010", date(2010, 1, 1), date(2010, 12, 31), "year"),
])
def test_precision_is_kept(text, start, end, precision):
    parsed = parse_date(text)
    assert (parsed.start, parsed.end, parsed.precision, parsed.upper_bound) == (start, end, precision, False)
    assert parsed.describe() == text


def test_upper_bound():
    parsed = parse_date("<=2022-06-07")
    assert parsed.upper_bound and parsed.start == date(2022, 6, 7)
    assert parsed.describe() == "on or before 2022-06-07"


@pytest.mark.parametrize("text", ["2010-13", "2010-02-30", "10/06/2010", "June 2010", "", "<=2022", "2022-6-7"])
def test_invalid_dates_are_refused(text):
    with pytest.raises(InvalidDateError):
        parse_date(text)


def test_as_of_periods_mean_their_last_day():
    assert parse_as_of("2023") == date(2023, 12, 31)
    assert parse_as_of("2023-02") == date(2023, 2, 28)
    assert parse_as_of("2023-02-14") == date(2023, 2, 14)
    assert parse_as_of(None) == date.today()


def test_as_of_error_names_the_expected_format():
    with pytest.raises(InvalidDateError, match="expected YYYY-MM-DD"):
        parse_as_of("14/02/2023")
