"""Dates on news pages to ISO 8601: numeric and month-name forms, times, impossible dates."""

from __future__ import annotations

import pytest

from explorer.dates import parse_date
from explorer.furniture import line_key


@pytest.mark.parametrize(
    ("date", "time", "iso"),
    [
        ("2021/09/28", "14:52", "2021-09-28T14:52"),
        ("28/09/2021", None, "2021-09-28"),
        ("28-9-2021", "2:05 م", "2021-09-28T14:05"),
        ("28.09.2021", "12:30 ص", "2021-09-28T00:30"),
        ("09/28/2021", None, "2021-09-28"),  # month first: 28 is no month
        ("27 سبتمبر/أيلول 2021", None, "2021-09-27"),
        ("٢٧ أيلول ٢٠٢١", "١٠:١٥", "2021-09-27T10:15"),
        ("3 جوان 2020", None, "2020-06-03"),
        ("1 كانون الثاني 2020", None, "2020-01-01"),
        ("September 28, 2021", "9:00 pm", "2021-09-28T21:00"),
        ("31/02/2021", None, None),
        ("2021", None, None),
    ],
)
def test_parse_date(date: str, time: str | None, iso: str | None) -> None:
    assert parse_date(line_key(date), line_key(time) if time else None) == iso
