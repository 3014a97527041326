"""LunarDate and the conversions between Gregorian and lunar dates (table look-ups only)."""

from __future__ import annotations

import datetime as dt
import gc
from collections import deque
from collections.abc import Callable, Iterator
from itertools import repeat
from typing import Any

import attrs

from .._validators import in_range, of_type
from ..errors import InvalidDateError, InvalidTypeError, OutOfRangeError
from ._calendars import VIETNAM, Calendar, get_calendar
from ._canchi import can_chi, can_chi_day, can_chi_month
from ._tables import LOADED, MonthTable, table

_loaded = LOADED.get


def _type_name(value: object) -> str:
    """The name of a value's type, qualified by its module unless it is a built-in.

    ``numpy.bool`` is not confused with ``bool`` in a message.
    """
    kind = type(value)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{name} must be an int, not {_type_name(value)}")
    return value


def _check_year(tab: MonthTable, year: int) -> None:
    if not tab.first_year <= year <= tab.last_year:
        from .._wording.errors import lunar_year_outside

        vi, en = lunar_year_outside(year, tab.first_year, tab.last_year)
        raise OutOfRangeError(en, vi=vi)


def _month_index(tab: MonthTable, year: int, month: int, leap: bool) -> int:
    """Index of a month in the table; validates year, month and leap."""
    _check_year(tab, year)
    if not 1 <= month <= 12:
        raise InvalidDateError(f"lunar month must be 1–12, not {month}")
    leap_month = tab.leap_months[year]
    if leap and month != leap_month:
        from .._wording.errors import no_such_leap_month

        vi, en = no_such_leap_month(year, month, leap_month)
        raise InvalidDateError(en, vi=vi)
    shift = 1 if leap_month and (month > leap_month or leap) else 0
    return tab.year_first[year] + month - 1 + shift


def _ordinal(year: int, month: int, day: int, leap: bool, calendar: Calendar) -> int:
    """Validate a lunar date and return the proleptic Gregorian ordinal of its day."""
    tab = _loaded(id(calendar)) or table(calendar)
    if (
        type(year) is int
        and type(month) is int
        and type(day) is int
        and (leap is True or leap is False)
    ):
        found = tab.months.get((year, month, leap))
        if found is not None and 0 < day <= found[1]:
            return found[0] + day - 1
    # The slow path finds out what is wrong and says so.
    for name, value in (("year", year), ("month", month), ("day", day)):
        _check_int(name, value)
        if type(value) is not int:  # an IntEnum or another subclass: not the table's key
            raise InvalidTypeError(
                f"{name} must be a plain int, not {_type_name(value)} (pass int({name}))"
            )
    if leap is not True and leap is not False:
        raise InvalidTypeError(f"leap must be True or False, not {_type_name(leap)}")
    index = _month_index(tab, year, month, leap)
    start = tab.starts[index]
    name = f"leap month {month}" if leap else f"month {month}"
    raise InvalidDateError(
        f"lunar {name} of {year} has {tab.starts[index + 1] - start} days; day {day} does not exist"
    )


_new = object.__new__


class LunarDate:
    """A date of the Vietnamese (or Chinese) lunisolar calendar.

    Immutable and validated on construction against the calendar's tables: the month must
    exist (a leap month only in the year that has it) and the day must fit the month's 29 or
    30 days. Ordered chronologically (a leap month follows the month it repeats); dates of
    different calendar variants are not comparable. Hashable; equal only to a ``LunarDate``
    of the same calendar.

    Attributes:
        year: Lunar year (the year of the Tết that begins it), 1900–2199.
        month: Lunar month, 1–12.
        day: Day of the month, 1–29 or 1–30.
        leap: ``True`` for a leap month (tháng nhuận).
        calendar: The calendar variant (default :data:`VIETNAM`).

    It is a hand-written slotted class rather than an ``attrs`` class so that the table
    look-ups can build one in about 0.1 µs (see ``benchmarks/bench_lunar.py``); it behaves
    like a frozen attrs class, with :meth:`replace` in place of ``attrs.evolve``.

    Examples:
        >>> LunarDate(2020, 4, 1, leap=True).to_solar()
        datetime.date(2020, 5, 23)
        >>> LunarDate.from_solar(dt.date(2030, 2, 2))
        LunarDate(2030, 1, 1, leap=False)
    """

    __slots__ = ("_v",)
    __match_args__ = ("year", "month", "day", "leap")
    _v: tuple[int, int, int, bool, Calendar, int]  # the fields, and the day's ordinal

    def __init__(
        self,
        year: int,
        month: int,
        day: int,
        leap: bool = False,
        *,
        calendar: Calendar = VIETNAM,
    ) -> None:
        _set_value(
            self, (year, month, day, leap, calendar, _ordinal(year, month, day, leap, calendar))
        )

    @property
    def year(self) -> int:
        """Lunar year."""
        return self._v[0]

    @property
    def month(self) -> int:
        """Lunar month, 1–12."""
        return self._v[1]

    @property
    def day(self) -> int:
        """Day of the month."""
        return self._v[2]

    @property
    def leap(self) -> bool:
        """Whether the month is the leap month."""
        return self._v[3]

    @property
    def calendar(self) -> Calendar:
        """The calendar variant."""
        return self._v[4]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LunarDate is immutable; use replace() to change {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("LunarDate is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        year, month, day, leap, calendar, _ = self._v
        return (_restore, (year, month, day, leap, calendar.key))

    def replace(
        self,
        *,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        leap: bool | None = None,
        calendar: Calendar | None = None,
    ) -> LunarDate:
        """A copy with some fields changed (validated like a new date).

        Examples:
            >>> LunarDate(2020, 4, 15).replace(leap=True)
            LunarDate(2020, 4, 15, leap=True)
        """
        y, m, d, lp, cal, _ = self._v
        return LunarDate(
            y if year is None else year,
            m if month is None else month,
            d if day is None else day,
            lp if leap is None else leap,
            calendar=cal if calendar is None else calendar,
        )

    @classmethod
    def from_solar(cls, date: dt.date, calendar: Calendar = VIETNAM) -> LunarDate:
        """Convert a Gregorian date (same as :func:`to_lunar`)."""
        return to_lunar(date, calendar=calendar)

    def to_solar(self) -> dt.date:
        """The Gregorian date of this lunar date."""
        # Validated when it was made, which kept the day's ordinal: no second look-up.
        return dt.date.fromordinal(self._v[5])

    @property
    def provisional(self) -> bool:
        """Whether the start of this date's month is provisional.

        True for months whose new moon falls within about two minutes of the deciding local
        midnight: the day depends on the predicted ΔT, and a later almanac may move it.
        """
        year, month, _, leap, calendar, _ = self._v
        tab = table(calendar)
        return _month_index(tab, year, month, leap) in tab.provisional

    @property
    def can_chi_year(self) -> str:
        """Sexagenary name of the lunar year (``"Canh Tý"``)."""
        return can_chi(self.year)

    @property
    def can_chi_month(self) -> str:
        """Sexagenary name of the lunar month (a leap month shares its month's name)."""
        return can_chi_month(self.year, self.month)

    @property
    def can_chi_day(self) -> str:
        """Sexagenary name of the day."""
        return can_chi_day(self.to_solar())

    def to_lunardate(self) -> Any:
        """Convert to a ``lunardate.LunarDate`` (requires the ``lunardate`` extra).

        The result is the same lunar label in lunardate's (Chinese) calendar; convert with
        ``calendar=CHINA`` first if you need the same *day*.

        Raises:
            ImportError: lunardate is not installed (``pip install thidua-calendar[lunardate]``).
        """
        module = _import_lunardate()
        return module.LunarDate(self.year, self.month, self.day, self.leap)

    @classmethod
    def from_lunardate(cls, value: Any, calendar: Calendar | None = None) -> LunarDate:
        """Build from a ``lunardate.LunarDate`` (label for label, validated).

        Args:
            value: A lunardate object.
            calendar: The calendar to validate the label in (default :data:`VIETNAM`).
        """
        module = _import_lunardate()
        if not isinstance(value, module.LunarDate):
            raise TypeError(f"expected a lunardate.LunarDate, not {type(value).__name__}")
        return cls(
            value.year,
            value.month,
            value.day,
            bool(value.is_leap_month),
            calendar=calendar if calendar is not None else VIETNAM,
        )

    def _keys(self, other: LunarDate) -> tuple[tuple[int, int, bool, int], ...]:
        """Chronological sort keys of both dates (a leap month sorts after its month)."""
        if other._v[4] != self._v[4]:
            raise TypeError(
                f"cannot compare dates of different calendars ({self.calendar.key} and "
                f"{other.calendar.key})"
            )
        (y, m, d, lp, _, _), (oy, om, od, olp, _, _) = self._v, other._v
        return (y, m, lp, d), (oy, om, olp, od)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._v == other._v

    def __hash__(self) -> int:
        year, month, day, leap, calendar, _ = self._v
        return hash((year, month, day, leap, calendar.key))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        a, b = self._keys(other)
        return a < b

    def __le__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        a, b = self._keys(other)
        return a <= b

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        a, b = self._keys(other)
        return a > b

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        a, b = self._keys(other)
        return a >= b

    def __repr__(self) -> str:
        year, month, day, leap, calendar, _ = self._v
        cal = "" if calendar == VIETNAM else f", calendar={calendar!r}"
        return f"LunarDate({year}, {month}, {day}, leap={leap}{cal})"

    def __str__(self) -> str:
        year, month, day, leap, _, _ = self._v
        return f"{day:02d}/{month:02d}{' nhuận' if leap else ''}/{year}"


# The slot's own descriptor: sets the value without going through the blocking __setattr__.
_set_value: Callable[[LunarDate, tuple[int, int, int, bool, Calendar, int]], None] = (
    LunarDate.__dict__["_v"].__set__
)


def _restore(year: int, month: int, day: int, leap: bool, calendar_key: str) -> LunarDate:
    """Unpickle (by calendar key, so the module constants are reused)."""
    return LunarDate(year, month, day, leap, calendar=get_calendar(calendar_key))


def _import_lunardate() -> Any:
    try:
        import lunardate
    except ImportError:
        raise ImportError(
            "lunardate is not installed; install the extra: "
            "pip install 'thidua-calendar[lunardate]'"
        ) from None
    return lunardate


@attrs.frozen
class LunarMonth:
    """One month of a lunar year.

    Attributes:
        year: Lunar year.
        month: Month number, 1–12.
        leap: Whether it is the leap month.
        start: Gregorian date of its first day.
        days: Its length, 29 or 30.
        provisional: Whether its first day is provisional (new moon within about two
            minutes of the deciding local midnight).
        calendar: The calendar variant.
    """

    year: int = attrs.field(validator=of_type(int))
    month: int = attrs.field(validator=in_range(1, 12))
    leap: bool = attrs.field(validator=of_type(bool))
    start: dt.date = attrs.field(validator=of_type(dt.date))
    days: int = attrs.field(validator=in_range(29, 30))
    provisional: bool = attrs.field(validator=of_type(bool))
    calendar: Calendar = attrs.field(default=VIETNAM, repr=False, validator=of_type(Calendar))

    @property
    def end(self) -> dt.date:
        """Gregorian date of its last day."""
        return self.start + dt.timedelta(days=self.days - 1)

    @property
    def can_chi(self) -> str:
        """Sexagenary name of the month."""
        return can_chi_month(self.year, self.month)


def _table_for(calendar: Calendar) -> MonthTable:
    return LOADED.get(id(calendar)) or table(calendar)


def to_lunar(date: dt.date, calendar: Calendar = VIETNAM) -> LunarDate:
    """Convert a Gregorian date to a lunar date.

    Args:
        date: A ``datetime.date`` (a ``datetime`` is taken as its date).
        calendar: The calendar variant (:data:`VIETNAM`, :data:`VIETNAM_UTC7` or :data:`CHINA`).

    Returns:
        The :class:`LunarDate`.

    Raises:
        TypeError: ``date`` is not a date.
        OutOfRangeError: The date is outside the tables (1900-01-31 to the end of lunar 2199).

    Examples:
        >>> to_lunar(dt.date(2021, 2, 11))
        LunarDate(2020, 12, 30, leap=False)
    """
    if not isinstance(date, dt.date):
        raise TypeError(f"date must be a datetime.date, not {type(date).__name__}")
    tab = _loaded(id(calendar)) or table(calendar)
    offset = date.toordinal() - tab.base
    if not 0 <= offset < len(tab.day_month):
        from .._wording.errors import date_outside

        vi, en = date_outside(date, tab.first_day, tab.last_day)
        raise OutOfRangeError(en, vi=vi)
    index = tab.day_month[offset]
    year, month, leap = tab.labels[index]
    self = _new(LunarDate)
    ordinal = offset + tab.base
    _set_value(self, (year, month, ordinal - tab.starts[index] + 1, leap, calendar, ordinal))
    return self


def to_solar(
    year: int, month: int, day: int, leap: bool = False, calendar: Calendar = VIETNAM
) -> dt.date:
    """Convert a lunar date to its Gregorian date (validating it).

    Examples:
        >>> to_solar(2023, 2, 1, leap=True)
        datetime.date(2023, 3, 22)
    """
    return dt.date.fromordinal(_ordinal(year, month, day, leap, calendar))


def tet(year: int, calendar: Calendar = VIETNAM) -> dt.date:
    """The Gregorian date of Tết Nguyên đán (day 1 of month 1) of a lunar year.

    Examples:
        >>> tet(2030)
        datetime.date(2030, 2, 2)
    """
    _check_int("year", year)
    tab = _table_for(calendar)
    _check_year(tab, year)
    return dt.date.fromordinal(tab.starts[tab.year_first[year]])


def leap_month(year: int, calendar: Calendar = VIETNAM) -> int | None:
    """The leap month of a lunar year, or ``None`` when it has none.

    Examples:
        >>> leap_month(2023), leap_month(2024)
        (2, None)
    """
    _check_int("year", year)
    tab = _table_for(calendar)
    _check_year(tab, year)
    return tab.leap_months[year] or None


def lunar_months(year: int, calendar: Calendar = VIETNAM) -> tuple[LunarMonth, ...]:
    """The 12 or 13 months of a lunar year, in order, with their first days and lengths.

    Examples:
        >>> [(m.month, m.leap, m.days) for m in lunar_months(2023)][:3]
        [(1, False, 29), (2, False, 30), (2, True, 29)]
    """
    _check_int("year", year)
    tab = _table_for(calendar)
    _check_year(tab, year)
    first = tab.year_first[year]
    count = 13 if tab.leap_months[year] else 12
    return tuple(
        LunarMonth(
            year=year,
            month=tab.labels[i][1],
            leap=tab.labels[i][2],
            start=dt.date.fromordinal(tab.starts[i]),
            days=tab.starts[i + 1] - tab.starts[i],
            provisional=i in tab.provisional,
            calendar=tab.calendar,
        )
        for i in range(first, first + count)
    )


def iter_lunar_dates(
    start: dt.date, end: dt.date, calendar: Calendar = VIETNAM
) -> Iterator[tuple[dt.date, LunarDate]]:
    """Every day from ``start`` to ``end`` inclusive with its lunar date, in order.

    Examples:
        >>> span = iter_lunar_dates(dt.date(2021, 2, 11), dt.date(2021, 2, 12))
        >>> [f"{day:%d/%m} = {lunar}" for day, lunar in span]
        ['11/02 = 30/12/2020', '12/02 = 01/01/2021']
    """
    lunar = lunar_dates(start, end, calendar)
    first = start.toordinal()
    return zip(map(dt.date.fromordinal, range(first, first + len(lunar))), lunar, strict=True)


def lunar_dates(start: dt.date, end: dt.date, calendar: Calendar = VIETNAM) -> list[LunarDate]:
    """The lunar dates of every day from ``start`` to ``end`` inclusive (empty if reversed).

    Walks the months once instead of looking up each day: the fast way to convert a span.
    Day ``i`` of the result is ``start + timedelta(days=i)``.

    Examples:
        >>> [str(d) for d in lunar_dates(dt.date(2020, 5, 22), dt.date(2020, 5, 23))]
        ['30/04/2020', '01/04 nhuận/2020']
    """
    first = to_lunar(start, calendar)
    if end < start:
        return []
    to_lunar(end, calendar)  # validates the end of the span up front
    tab = table(calendar)
    starts, labels = tab.starts, tab.labels
    first_ordinal, last = start.toordinal(), end.toordinal()
    first_index = tab.day_month[first_ordinal - tab.base]
    last_index = tab.day_month[last - tab.base]

    def columns() -> Iterator[tuple[int, int, int, bool, Calendar, int]]:
        """The field tuples of every day, month by month, built by C iterators."""
        for index in range(first_index, last_index + 1):
            year, month, leap = labels[index]
            day = first.day if index == first_index else 1
            ordinal = max(starts[index], first_ordinal)
            count = min(starts[index + 1] - 1, last) - ordinal + 1
            yield from zip(
                repeat(year, count),
                repeat(month, count),
                range(day, day + count),
                repeat(leap, count),
                repeat(calendar, count),
                range(ordinal, ordinal + count),
                strict=False,
            )

    total = last - first_ordinal + 1
    # The objects made here hold no reference cycles: pausing the cyclic garbage collector
    # while they are made saves the collections their number would trigger (measured by
    # `make bench`, which runs with the collector on, as users do).
    paused = gc.isenabled()
    gc.disable()
    try:
        out: list[LunarDate] = list(map(_new, repeat(LunarDate, total)))
        deque(map(_set_value, out, columns()), maxlen=0)  # consume: set every object's fields
    finally:
        if paused:
            gc.enable()
    return out


def supported_years(calendar: Calendar = VIETNAM) -> range:
    """The lunar years the tables cover (``range(1900, 2200)``)."""
    tab = _table_for(calendar)
    return range(tab.first_year, tab.last_year + 1)
