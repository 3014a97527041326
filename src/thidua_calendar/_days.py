"""Yearless days: when a commemoration falls each year, and when its event happened.

A :class:`SolarDay` or :class:`LunarDay` is a month and a day without a year (not a date of
year 0); a :class:`SolarTermDay` is the first day of a solar term (tiết Thanh minh), whose
date moves by a day between years; a :class:`WholeMonth` is a month; an :class:`Origin` is
the date (or only the year) of the commemorated event.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from enum import Enum
from typing import ClassVar

import attrs

from ._validators import of_type
from ._wording import date_en, date_vi
from ._wording.terms import solar_term_day
from .errors import InvalidDateError, OutOfRangeError
from .lunar._date import LunarDate
from .lunar._terms import SolarTerm, solar_term_date, to_solar_term


class MissingDay(Enum):
    """What to do when a commemoration's day does not exist in a year.

    Lunar day 30 in a 29-day lunar month, and 29 February in a common year.
    """

    LAST_DAY = "last_day"
    """Keep it on the last day of the month (29th lunar, 28 February) — the default, as
    Vietnamese families keep a death anniversary on the last day of a short month."""
    NEXT_DAY = "next_day"
    """Move it to the first day of the next month."""
    SKIP = "skip"
    """No occurrence that year."""


@attrs.frozen
class SolarDay:
    """A day of the Gregorian year (month, day), without a year. 29 February is allowed."""

    kind: ClassVar[str] = "solar"
    """The ``calendar`` value of the TOML files."""

    month: int = attrs.field(validator=of_type(int))
    day: int = attrs.field(validator=of_type(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"month must be 1–12, not {self.month}")
        days = _calendar.monthrange(2000, self.month)[1]  # 2000 is a leap year
        if not 1 <= self.day <= days:
            raise InvalidDateError(
                f"{self.day}/{self.month} does not exist: month {self.month} "
                f"has at most {days} days"
            )

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"

    def in_year(self, year: int, missing: MissingDay = MissingDay.LAST_DAY) -> dt.date | None:
        """The date in a Gregorian year (29 February follows ``missing``)."""
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            if missing is MissingDay.SKIP:
                return None
            return dt.date(year, 2, 28) if missing is MissingDay.LAST_DAY else dt.date(year, 3, 1)


@attrs.frozen
class LunarDay:
    """A day of the lunar year (month, day), without a year; always the regular month."""

    kind: ClassVar[str] = "lunar"
    """The ``calendar`` value of the TOML files."""

    month: int = attrs.field(validator=of_type(int))
    day: int = attrs.field(validator=of_type(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"lunar month must be 1–12, not {self.month}")
        if not 1 <= self.day <= 30:
            raise InvalidDateError(f"lunar day must be 1–30, not {self.day}")

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d} âm lịch"

    def in_lunar_year(self, year: int, missing: MissingDay = MissingDay.LAST_DAY) -> dt.date | None:
        """The Gregorian date of this day in a lunar year (Vietnamese calendar)."""
        try:
            return LunarDate(year, self.month, self.day).to_solar()
        except InvalidDateError:
            if missing is MissingDay.SKIP:
                return None
            last = LunarDate(year, self.month, 29).to_solar()  # day 30 of a 29-day month
            return last if missing is MissingDay.LAST_DAY else last + dt.timedelta(days=1)


@attrs.frozen
class WholeMonth:
    """A whole Gregorian month (Tháng Công nhân is May)."""

    kind: ClassVar[str] = "month"
    """The ``calendar`` value of the TOML files."""

    month: int = attrs.field(validator=of_type(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"month must be 1–12, not {self.month}")

    def __str__(self) -> str:
        return f"tháng {self.month}"


@attrs.frozen
class SolarTermDay:
    """The first day of a solar term each Gregorian year (Tết Thanh minh: tiết Thanh minh).

    The date comes from the solar-term table (:func:`thidua_calendar.solar_term_date`); the
    term is a :class:`~thidua_calendar.SolarTerm` or its key (``"thanh_minh"``).

    Examples:
        >>> SolarTermDay("thanh_minh").in_year(2026)
        datetime.date(2026, 4, 5)
        >>> str(SolarTermDay("dong_chi"))
        'tiết Đông chí'
    """

    kind: ClassVar[str] = "solar_term"
    """The ``calendar`` value of the TOML files."""

    term: SolarTerm = attrs.field(converter=to_solar_term)

    @property
    def month(self) -> int:
        """The Gregorian month in which the term always begins."""
        return self.term.month

    def __str__(self) -> str:
        return solar_term_day(self.term, "vi")

    def in_year(self, year: int) -> dt.date | None:
        """The date the term begins in a Gregorian year, or None outside the table's years."""
        try:
            return solar_term_date(year, self.term)
        except OutOfRangeError:
            return None


Rule = SolarDay | LunarDay | SolarTermDay | WholeMonth


@attrs.frozen
class Origin:
    """When a commemorated event happened: a full date, or only its year.

    Examples:
        >>> Origin.parse("1930-02-03").vi(), Origin.parse("1910").en()
        ('03/02/1930', '1910')
    """

    year: int = attrs.field(validator=of_type(int))
    month: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    day: int | None = attrs.field(default=None, validator=of_type(int, optional=True))

    def __attrs_post_init__(self) -> None:
        if (self.month is None) != (self.day is None):
            raise InvalidDateError("an origin has both a month and a day, or neither")
        if not 1 <= self.year <= 9999:
            raise InvalidDateError(f"an origin year is 1–9999, not {self.year}")
        if self.month is not None and self.day is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError as exc:
                raise InvalidDateError(f"impossible origin: {exc}") from None

    @classmethod
    def parse(cls, text: str) -> Origin:
        """``"1930-02-03"`` or ``"1930"`` (``"0040"`` for the year 40)."""
        text = text.strip()
        if text.isdigit():
            return cls(int(text))
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidDateError(f"an origin is YYYY-MM-DD or YYYY, not {text!r}") from None
        return cls(date.year, date.month, date.day)

    @property
    def date(self) -> dt.date | None:
        """The full date, when known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def vi(self) -> str:
        """``03/02/1930`` or ``1930``."""
        date = self.date
        return date_vi(date) if date else str(self.year)

    def en(self) -> str:
        """``3 February 1930`` or ``1930``."""
        date = self.date
        return date_en(date) if date else str(self.year)

    def iso(self) -> str:
        """``1930-02-03`` or ``1930``."""
        date = self.date
        return date.isoformat() if date else f"{self.year:04d}"


__all__ = ["LunarDay", "MissingDay", "Origin", "Rule", "SolarDay", "SolarTermDay", "WholeMonth"]
