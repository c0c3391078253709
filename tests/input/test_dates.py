"""Fast unit tests without a trained model: calendar dates and relative dates against the publication date."""
import pytest

from thucydides.events.coder import resolve_date
from thucydides.input.dates import parse_date, resolve_relative


# dates
@pytest.mark.parametrize("text,iso", [
    ("2025-03-14", "2025-03-14"),
    ("March 14, 2025", "2025-03-14"),
    ("14 March 2025", "2025-03-14"),
    ("Fri, 14 Mar 2025 20:30:26 GMT", "2025-03-14"),
    ("no date here", None),
    ("February 30, 2025", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("expr,iso", [
    ("on Wednesday", "2025-03-12"),  # reference Friday 2025-03-14: the Wednesday before
    ("on Friday", "2025-03-14"),  # the same day
    ("yesterday", "2025-03-13"),
    ("next Monday", "2025-03-17"),
    ("last month", "2025-02-01"),
    ("in January", "2025-01-01"),
    ("in May", "2024-05-01"),  # a later month than the reference is last year's
])
def test_resolve_relative_looks_back(expr, iso):
    assert resolve_relative(expr, "2025-03-14") == iso


def test_resolve_date_years_and_future():
    assert resolve_date("in 2022", "2025-03-14") == "2022-01-01"
    assert resolve_date("February 2022", "2025-03-14") == "2022-02-01"
    assert resolve_date("on Wednesday", "2025-03-14") == "2025-03-12"
    assert resolve_date("on Wednesday", "2025-03-14", future=True) == "2025-03-19"
    assert resolve_date("in May", "2025-03-14", future=True) == "2025-05-01"


