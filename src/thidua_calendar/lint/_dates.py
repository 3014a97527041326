"""Dates as plan documents print them.

``03/02/1930``, ``2/9/1945``, ``1.1``, ``01/2020``, ``ngày 26 tháng 11 năm 2021``, a bare
year ``1930``. A printed date keeps what was printed, even when it is impossible
(``31/4/2020``): the checks report it, and the JSON report gives ``null`` for it.

Examples:
    >>> d = match_date("(03/02/1930 - 03/02/2020)", 1)
    >>> d.iso(), d.text
    ('1930-02-03', '03/02/1930')
    >>> match_date("31/4/2020", 0).valid
    False
    >>> match_date("22/CT-TW", 0) is None
    True
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Final, Literal, NamedTuple

import attrs

# Every pattern is linear: bounded repetitions, no nested quantifiers.
_FULL: Final = re.compile(r"(?<![\d/.])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)")
_LONG: Final = re.compile(r"(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})(?!\d)", re.I)
FULL_DATES: Final = re.compile(r"\d[/.\-]\d\d?[/.\-]\d|\d[ \t]+tháng", re.IGNORECASE)
"""What finds the lines that may hold a date of :func:`full_dates` (to choose the lines to read).

Every such date holds a match (a digit, a separator, one or two digits, a separator and a
digit; a digit, a space and "tháng"): a superset of the lines, found by the engine's quick
search for a digit rather than by the dates' own patterns, which begin with a test behind
them at every character. A day without its year ("từ 1/3 đến 30/4") is passed over."""
_YEARLESS: Final = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})(?!\d)(?![/.\-]\d)")
_MONTH_YEAR: Final = re.compile(r"(?<![\d/.])(\d{1,2})[/.\-](\d{4})(?!\d)")
_YEAR: Final = re.compile(r"(?<![\d/.])(\d{4})(?![\d/.]?\d)")

make: Final = tuple.__new__
"""Makes a record (a ``NamedTuple``) from all its values, without the call its ``__new__`` is:
``make(PrintedDate, (1, 3, None, 0, 3, "1/3"))``. For the records a document may hold
thousands of; every value is given, in the order of the fields."""

DAY_NUMBERS: Final = {f"{n:0{width}}": n for n in range(100) for width in (1, 2)}
"""The numbers of one or two ASCII digits, by their text: ``DAY_NUMBERS.get(text) or int(text)``
reads a day or a month (``int`` of a string is a call, looking a string up is not; any other
digits, "٣" and the like, go to ``int``)."""

MIN_YEAR: Final = 1
MAX_YEAR: Final = 9999


@attrs.frozen
class DateFault:
    """Why a printed date cannot be a date.

    Attributes:
        part: The part at fault: ``year`` (outside 1–9999), ``month`` (not 1–12) or ``day``
            (beyond the month's length).
        value: The printed year or month (the month, for a day at fault).
        days: The month's length, for a day at fault.
    """

    part: Literal["year", "month", "day"]
    value: int
    days: int = 0


class PrintedDate(NamedTuple):
    """A date as printed.

    A tuple underneath (a document may print thousands of dates: small, quick to make with
    :data:`make`), immutable like the other records.

    Attributes:
        day: The day, if printed.
        month: The month, if printed.
        year: The year, if printed.
        start: Index of its first character in the (NFC) line.
        end: Index after its last character.
        text: What was printed.
    """

    day: int | None
    month: int | None
    year: int | None
    start: int
    end: int
    text: str

    @property
    def valid(self) -> bool:
        """Whether the printed parts can be a date (``31/4`` cannot, in any year).

        :meth:`fault` is ``None``, without making a fault (the common case is quick).

        Examples:
            >>> [match_date(t, 0, yearless=True).valid for t in ("29/2", "29/2/2023", "1/13")]
            [True, False, False]
        """
        year, month, day = self.year, self.month, self.day
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            return False
        if month is None:
            return True
        if not 1 <= month <= 12:
            return False
        if day is None:
            return True
        return 1 <= day <= _month_days(2000 if year is None else year, month)

    def fault(self) -> DateFault | None:
        """Why the date is impossible; ``None`` if it is possible.

        Examples:
            >>> match_date("31.4", 0, yearless=True).fault()
            DateFault(part='day', value=4, days=30)
        """
        if self.year is not None and not MIN_YEAR <= self.year <= MAX_YEAR:
            return DateFault("year", self.year)
        if self.month is not None and not 1 <= self.month <= 12:
            return DateFault("month", self.month)
        if self.day is not None and self.month is not None:
            leap_year = 2000 if self.year is None else self.year
            days = _month_days(leap_year, self.month)
            if not 1 <= self.day <= days:
                return DateFault("day", self.month, days)
        return None

    def date(self) -> dt.date | None:
        """The date, when day, month and year are printed and possible."""
        if self.day is None or self.month is None or self.year is None or not self.valid:
            return None
        return dt.date(self.year, self.month, self.day)

    def with_year(self, year: int) -> dt.date | None:
        """The date with a year supplied (for ``1.1`` or ``30/6``), if possible.

        A date that is not :attr:`valid` is not one in any year (``dt.date`` refuses it).

        Examples:
            >>> [match_date(t, 0, yearless=True).with_year(2023) for t in ("29/2", "31/4", "1/3")]
            [None, None, datetime.date(2023, 3, 1)]
        """
        if self.day is None or self.month is None:
            return None
        try:
            return dt.date(self.year if self.year is not None else year, self.month, self.day)
        except (ValueError, OverflowError):
            return None

    def iso(self) -> str | None:
        """ISO form of what was printed (``1930-02-03``, ``1930``); ``None`` if impossible."""
        if not self.valid or self.year is None:
            return None
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def match_date(
    text: str, pos: int, *, yearless: bool = False, year_only: bool = False
) -> PrintedDate | None:
    """A date starting exactly at ``pos``: ``d/m/yyyy`` (also ``.`` or ``-``) or the long form.

    Args:
        text: The line.
        pos: Where the date must start.
        yearless: Also accept ``d/m`` and ``d.m``.
        year_only: Also accept a bare four-digit year.
    """
    if not text[pos : pos + 1].isdecimal():  # every form starts with a digit (``\d``)
        return None
    if yearless:  # "1/3" is neither of the others (its month is not followed by a year)
        match = _YEARLESS.match(text, pos)
        if match:
            day, month = int(match.group(1)), int(match.group(3))
            return make(PrintedDate, (day, month, None, match.start(), match.end(), match.group()))
    match = _FULL.match(text, pos)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        return make(PrintedDate, (day, month, year, match.start(), match.end(), match.group()))
    match = _LONG.match(text, pos)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return PrintedDate(day, month, year, match.start(), match.end(), match.group())
    if year_only:
        match = _YEAR.match(text, pos)
        if match:
            year = int(match.group(1))
            return PrintedDate(None, None, year, match.start(), match.end(), match.group())
    return None


def match_month(text: str, pos: int) -> PrintedDate | None:
    """A month and year starting at ``pos``: ``01/2020``, ``1-2020``."""
    match = _MONTH_YEAR.match(text, pos)
    if match:
        month, year = int(match.group(1)), int(match.group(2))
        return PrintedDate(None, month, year, match.start(), match.end(), match.group())
    return None


def full_dates(text: str) -> list[PrintedDate]:
    """Every ``d/m/yyyy`` date and long-form date of a line (document numbers are skipped)."""
    found = [
        PrintedDate(
            int(m.group(1)), int(m.group(3)), int(m.group(4)), m.start(), m.end(), m.group()
        )
        for m in _FULL.finditer(text)
    ]
    long = [
        PrintedDate(
            int(m.group(1)), int(m.group(2)), int(m.group(3)), m.start(), m.end(), m.group()
        )
        for m in _LONG.finditer(text)
    ]
    if not long:
        return found  # in order already
    return sorted(found + long, key=lambda d: d.start)


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, _month_days(year, month))


_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    """The length of a month (``calendar.monthrange(year, month)[1]``, without the weekday).

    Examples:
        >>> _month_days(2024, 2), _month_days(1900, 2), _month_days(2023, 4)
        (29, 28, 30)
    """
    if not 1 <= month <= 12:
        return _calendar.monthrange(year, month)[1]  # raises IllegalMonthError, as before
    return 29 if month == 2 and _calendar.isleap(year) else _DAYS[month - 1]
