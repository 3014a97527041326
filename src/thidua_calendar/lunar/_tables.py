"""Loading of the generated month tables (no astronomy at run time).

Each calendar variant has a text table in ``data/lunar/<key>.txt`` written by
``tools/gen_lunar.py`` (read through :mod:`thidua_calendar._data`). One line per lunar year::

    2020 2020-01-25 4 SLLSLLSLSLSLS -

- the lunar year,
- the Gregorian date of its first day (Tết),
- the leap month (``0`` when the year has none),
- the month lengths in order, the leap month right after the month it repeats
  (``L`` = 30 days, ``S`` = 29 days),
- the months whose first day is provisional (``-`` for none; ``4`` or ``leap4``, comma-separated).

Tables are parsed on first use and cached; nothing is read at import time.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from typing import Final

import attrs

from ..errors import DataError
from ._calendars import Calendar

_LENGTH: Final = {"L": 30, "S": 29}


@attrs.frozen
class MonthTable:
    """All months of one calendar variant, as parallel arrays indexed by month number.

    Attributes:
        calendar: The variant.
        starts: Proleptic Gregorian ordinal of each month's first day, plus a final sentinel
            (the day after the last month).
        labels: ``(year, month, leap)`` of each month.
        year_first: Index of month 1 of each lunar year.
        leap_months: Leap month of each lunar year (0 when none).
        provisional: Indices of months whose first day is provisional.
        first_year: First lunar year covered.
        last_year: Last lunar year covered.
        base: Ordinal of the first day covered.
        day_month: For each day from ``base``, the index of its month (a direct look-up,
            faster than a binary search on ``starts``).
        months: ``(year, month, leap)`` to ``(first-day ordinal, length)``.
    """

    calendar: Calendar
    starts: list[int]
    labels: list[tuple[int, int, bool]]
    year_first: dict[int, int]
    leap_months: dict[int, int]
    provisional: frozenset[int]
    first_year: int
    last_year: int
    base: int = attrs.field(init=False)
    day_month: array[int] = attrs.field(init=False, repr=False)
    months: dict[tuple[int, int, bool], tuple[int, int]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        starts = self.starts
        # Each month's index repeated over its days, written as bytes in one pass (a
        # repeated two-byte string is a memory copy; extending an array item by item took a
        # third of a short command's start-up).
        index: array[int] = array("H")
        order = sys.byteorder
        index.frombytes(
            b"".join(
                i.to_bytes(2, order) * (starts[i + 1] - starts[i]) for i in range(len(self.labels))
            )
        )
        object.__setattr__(self, "base", starts[0])
        object.__setattr__(self, "day_month", index)
        object.__setattr__(
            self,
            "months",
            {label: (starts[i], starts[i + 1] - starts[i]) for i, label in enumerate(self.labels)},
        )

    @property
    def first_day(self) -> dt.date:
        """The first Gregorian date covered."""
        return dt.date.fromordinal(self.starts[0])

    @property
    def last_day(self) -> dt.date:
        """The last Gregorian date covered."""
        return dt.date.fromordinal(self.starts[-1] - 1)


def parse_table(text: str, calendar: Calendar, source: str) -> MonthTable:
    """Parse a month table.

    Args:
        text: The table's text.
        calendar: The variant the table belongs to.
        source: The file name, for error messages.

    Returns:
        The parsed :class:`MonthTable`.

    Raises:
        DataError: The table is malformed (with ``source:line``).
    """
    starts: list[int] = []
    labels: list[tuple[int, int, bool]] = []
    year_first: dict[int, int] = {}
    leap_months: dict[int, int] = {}
    provisional: set[int] = set()
    expected_start: int | None = None
    previous_year = 0
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 5:
            raise DataError(f"expected 5 fields, found {len(fields)}", path=source, line=lineno)
        try:
            year = int(fields[0])
            first = dt.date.fromisoformat(fields[1]).toordinal()
            leap = int(fields[2])
            lengths = [_LENGTH[c] for c in fields[3]]
        except (ValueError, KeyError) as exc:
            raise DataError(f"malformed field ({exc})", path=source, line=lineno) from None
        if len(lengths) != (13 if leap else 12) or not 0 <= leap <= 12:
            raise DataError(
                f"leap month {leap} does not fit {len(lengths)} month lengths",
                path=source,
                line=lineno,
            )
        if expected_start is not None and first != expected_start:
            raise DataError(
                f"year {year} starts on {fields[1]}, not the day after the previous year",
                path=source,
                line=lineno,
            )
        if year_first and year != previous_year + 1:
            raise DataError(f"year {year} is out of sequence", path=source, line=lineno)
        marks = set() if fields[4] == "-" else set(fields[4].split(","))
        previous_year = year
        year_first[year] = len(starts)
        leap_months[year] = leap
        day = first
        for position, length in enumerate(lengths):
            # Months before the leap month are numbered by position; the leap month repeats
            # the number of the month before it, and the months after it shift by one.
            is_leap = bool(leap) and position == leap
            month = position + 1 if not leap or position < leap else position
            if marks:
                label = f"leap{month}" if is_leap else str(month)
                if label in marks:
                    provisional.add(len(starts))
                    marks.discard(label)
            starts.append(day)
            labels.append((year, month, is_leap))
            day += length
        if marks:
            raise DataError(
                f"provisional months {sorted(marks)} do not exist", path=source, line=lineno
            )
        expected_start = day
    if expected_start is None:
        raise DataError("the table has no rows", path=source)
    starts.append(expected_start)
    return MonthTable(
        calendar=calendar,
        starts=starts,
        labels=labels,
        year_first=year_first,
        leap_months=leap_months,
        provisional=frozenset(provisional),
        first_year=min(year_first),
        last_year=max(year_first),
    )


# Keyed by id(): hashing an attrs instance runs Python code, and this look-up is on the hot
# path of every conversion. The calendar objects are kept alive by the table itself.
LOADED: dict[int, MonthTable] = {}


def table(calendar: Calendar) -> MonthTable:
    """Return the month table of a calendar variant, loading it on first use.

    Raises:
        TypeError: ``calendar`` is not a :class:`Calendar`.
    """
    found = LOADED.get(id(calendar))
    if found is None:
        if not isinstance(calendar, Calendar):
            raise TypeError(f"calendar must be a Calendar, not {type(calendar).__name__}")
        from .. import _data

        name = f"{calendar.key}.txt"
        text = _data.read_text("lunar", name)
        found = LOADED[id(calendar)] = parse_table(text, calendar, f"data/lunar/{name}")
    return found
