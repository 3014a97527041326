"""The Gregorian years the library computes for: one rule, derived from the lunar tables.

A Gregorian year is supported when the lunar years its days and festivals fall in are all in
the tables: the lunar tables cover 1900–2199, and January of a Gregorian year belongs partly
to the previous lunar year, so the supported Gregorian years are 1901–2199.

Examples:
    >>> YEARS
    range(1901, 2200)
    >>> check_year(2300)
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.OutOfRangeError: year 2300 is outside the supported range 1901–2199
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .errors import InvalidTypeError, OutOfRangeError
from .lunar import supported_years

_LUNAR: Final = supported_years()
YEARS: Final = range(_LUNAR.start + 1, _LUNAR.stop)
"""The supported Gregorian years."""
FIRST_YEAR: Final = YEARS.start
LAST_YEAR: Final = YEARS.stop - 1


def range_text() -> str:
    """``1901–2199``."""
    return f"{FIRST_YEAR}–{LAST_YEAR}"


def check_year(year: object, field: str = "year") -> int:
    """A supported Gregorian year, or the error that says why not.

    Raises:
        InvalidTypeError: Not an int (a bool is not a year).
        OutOfRangeError: Outside :data:`YEARS`.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(f"{field} must be an int, not {type(year).__name__}")
    if year not in YEARS:
        from ._wording.errors import year_outside

        vi, en = year_outside(year, range_text(), field)
        raise OutOfRangeError(en, vi=vi)
    return int(year)


def check_date(value: object, field: str = "date") -> dt.date:
    """A ``datetime.date`` (not a ``datetime``), or the error that says what it is instead.

    Raises:
        InvalidTypeError: Not a date.
    """
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidTypeError(f"{field} must be a datetime.date, not {type(value).__name__}")
    return value


__all__ = ["FIRST_YEAR", "LAST_YEAR", "YEARS", "check_date", "check_year", "range_text"]
