"""The 24 solar terms (tiết khí): the day each begins, read from a generated table.

``tools/gen_terms.py`` computes, from the same astronomy as the lunar month tables, the
Vietnamese civil date (UTC+7) on which the Sun's apparent longitude reaches each multiple of
15°, and writes them to ``data/lunar/solar-terms.txt``, one line per Gregorian year::

    2026 0105 0120 0204 0218 0305 0320 0405 0420 0505 0521 0605 0621 0707 ... 1222 -

- the Gregorian year,
- the ``MMDD`` on which each term begins, in the order of :class:`SolarTerm` (Tiểu hàn in
  January first, Đông chí in December last),
- the terms whose day is provisional (the instant within seconds of local midnight), or ``-``.

The table is parsed on first use and cached; nothing is read at import time.

Examples:
    >>> solar_term_date(2026, SolarTerm.THANH_MINH)
    datetime.date(2026, 4, 5)
    >>> solar_term_date(2025, "dong_chi")
    datetime.date(2025, 12, 21)
    >>> SolarTerm.THANH_MINH.longitude, SolarTerm.THANH_MINH.name_in("en")
    (15, 'Pure Brightness')
"""

from __future__ import annotations

import datetime as dt
import itertools
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs

from .._vocabulary import parse
from ..errors import DataError, InvalidTypeError, OutOfRangeError

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_TABLE: Final = "solar-terms.txt"


class SolarTerm(StrEnum):
    """The 24 solar terms (tiết khí), in the order they begin in a Gregorian year.

    The value is the key used in data files (``term = "thanh_minh"``); :attr:`longitude` is
    the Sun's apparent longitude at which the term begins.
    """

    TIEU_HAN = "tieu_han"
    """Tiểu hàn (Minor Cold), 285°, early January."""
    DAI_HAN = "dai_han"
    """Đại hàn (Major Cold), 300°."""
    LAP_XUAN = "lap_xuan"
    """Lập xuân (Start of Spring), 315°, early February."""
    VU_THUY = "vu_thuy"
    """Vũ thủy (Rain Water), 330°."""
    KINH_TRAP = "kinh_trap"
    """Kinh trập (Awakening of Insects), 345°."""
    XUAN_PHAN = "xuan_phan"
    """Xuân phân (Spring Equinox), 0°."""
    THANH_MINH = "thanh_minh"
    """Thanh minh (Pure Brightness), 15°, early April: Tết Thanh minh."""
    COC_VU = "coc_vu"
    """Cốc vũ (Grain Rain), 30°."""
    LAP_HA = "lap_ha"
    """Lập hạ (Start of Summer), 45°."""
    TIEU_MAN = "tieu_man"
    """Tiểu mãn (Grain Buds), 60°."""
    MANG_CHUNG = "mang_chung"
    """Mang chủng (Grain in Ear), 75°."""
    HA_CHI = "ha_chi"
    """Hạ chí (Summer Solstice), 90°."""
    TIEU_THU = "tieu_thu"
    """Tiểu thử (Minor Heat), 105°."""
    DAI_THU = "dai_thu"
    """Đại thử (Major Heat), 120°."""
    LAP_THU = "lap_thu"
    """Lập thu (Start of Autumn), 135°."""
    XU_THU = "xu_thu"
    """Xử thử (End of Heat), 150°."""
    BACH_LO = "bach_lo"
    """Bạch lộ (White Dew), 165°."""
    THU_PHAN = "thu_phan"
    """Thu phân (Autumn Equinox), 180°."""
    HAN_LO = "han_lo"
    """Hàn lộ (Cold Dew), 195°."""
    SUONG_GIANG = "suong_giang"
    """Sương giáng (Frost's Descent), 210°."""
    LAP_DONG = "lap_dong"
    """Lập đông (Start of Winter), 225°."""
    TIEU_TUYET = "tieu_tuyet"
    """Tiểu tuyết (Minor Snow), 240°."""
    DAI_TUYET = "dai_tuyet"
    """Đại tuyết (Major Snow), 255°."""
    DONG_CHI = "dong_chi"
    """Đông chí (Winter Solstice), 270°, December."""

    @property
    def position(self) -> int:
        """Its position in the year, 0 (Tiểu hàn) to 23 (Đông chí)."""
        return _ORDER[self]

    @property
    def longitude(self) -> int:
        """The Sun's apparent longitude in degrees at which it begins (a multiple of 15)."""
        return (285 + 15 * self.position) % 360

    @property
    def month(self) -> int:
        """The Gregorian month in which it always begins (1900-2199)."""
        return self.position // 2 + 1

    def name_in(self, lang: LangArg = "vi") -> str:
        """Its name: ``"Thanh minh"`` in Vietnamese, ``"Pure Brightness"`` in English."""
        from .._wording.terms import solar_term_name

        return solar_term_name(self, lang)


_ORDER: Final[dict[SolarTerm, int]] = {term: i for i, term in enumerate(SolarTerm)}
_KEYS: Final = frozenset(term.value for term in SolarTerm)


def to_solar_term(value: SolarTerm | str) -> SolarTerm:
    """The :class:`SolarTerm` a value names (a member or its key, ``"thanh_minh"``).

    Raises:
        InvalidValueError: A string that names no term.
        InvalidTypeError: Not a string.
    """
    return parse(SolarTerm, value, "term")


@attrs.frozen
class TermTable:
    """The parsed solar-term table.

    Attributes:
        first_year: First Gregorian year covered.
        last_year: Last Gregorian year covered.
        days: Per year, the proleptic Gregorian ordinal of each term's first day, in order.
        provisional: ``(year, term)`` of the provisional days.
    """

    first_year: int
    last_year: int
    days: dict[int, tuple[int, ...]]
    provisional: frozenset[tuple[int, SolarTerm]]


def parse_terms(text: str, source: str) -> TermTable:
    """Parse a solar-term table.

    Args:
        text: The table's text.
        source: The file name, for error messages.

    Raises:
        DataError: The table is malformed (with ``source:line``): a missing field, a day that
            does not exist, terms out of order or in another month, years out of sequence.
    """
    terms = list(SolarTerm)
    days: dict[int, tuple[int, ...]] = {}
    provisional: set[tuple[int, SolarTerm]] = set()
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 26:
            raise DataError(f"expected 26 fields, found {len(fields)}", path=source, line=lineno)
        try:
            year = int(fields[0])
            dates = [dt.date(year, int(f[:2]), int(f[2:])) for f in fields[1:25]]
        except ValueError as exc:
            raise DataError(f"malformed field ({exc})", path=source, line=lineno) from None
        if days and year != max(days) + 1:
            raise DataError(f"year {year} is out of sequence", path=source, line=lineno)
        for term, date in zip(terms, dates, strict=True):
            if date.month != term.month:
                raise DataError(
                    f"{term.value} of {year} on {date.isoformat()} is not in month {term.month}",
                    path=source,
                    line=lineno,
                )
        if any(b - a < dt.timedelta(days=13) for a, b in itertools.pairwise(dates)):
            raise DataError(f"the terms of {year} are not in order", path=source, line=lineno)
        marks = [] if fields[25] == "-" else fields[25].split(",")
        for mark in marks:
            if mark not in _KEYS:
                raise DataError(f"no solar term {mark!r}", path=source, line=lineno)
            provisional.add((year, SolarTerm(mark)))
        days[year] = tuple(d.toordinal() for d in dates)
    if not days:
        raise DataError("the table has no rows", path=source)
    return TermTable(min(days), max(days), days, frozenset(provisional))


@cache
def term_table() -> TermTable:
    """The shipped table, loaded on first use."""
    from .. import _data

    return parse_terms(_data.read_text("lunar", _TABLE), f"data/lunar/{_TABLE}")


def _year_days(year: int) -> tuple[int, ...]:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(f"year must be an int, not {type(year).__name__}")
    tab = term_table()
    found = tab.days.get(year)
    if found is None:
        raise OutOfRangeError(
            f"year {year} is outside the years of the solar-term table "
            f"{tab.first_year}–{tab.last_year}"
        )
    return found


def solar_term_date(year: int, term: SolarTerm | str) -> dt.date:
    """The Vietnamese date (UTC+7) on which a solar term begins in a Gregorian year.

    Args:
        year: The Gregorian year (1900-2199).
        term: A :class:`SolarTerm` or its key (``"thanh_minh"``).

    Returns:
        The date that contains the instant the Sun reaches the term's longitude.

    Raises:
        OutOfRangeError: A year outside the table.
        InvalidValueError: A key that names no term.
        InvalidTypeError: A year that is not an int, or a term that is not a string.

    Examples:
        >>> solar_term_date(2026, "lap_xuan")
        datetime.date(2026, 2, 4)
    """
    chosen = to_solar_term(term)
    return dt.date.fromordinal(_year_days(year)[chosen.position])


def solar_terms(year: int) -> dict[SolarTerm, dt.date]:
    """Every solar term of a Gregorian year and the date it begins, in order.

    Raises:
        OutOfRangeError: A year outside the table (1900-2199).
        InvalidTypeError: A year that is not an int.

    Examples:
        >>> terms = solar_terms(2026)
        >>> len(terms), terms[SolarTerm.DONG_CHI]
        (24, datetime.date(2026, 12, 22))
    """
    return {
        term: dt.date.fromordinal(day)
        for term, day in zip(SolarTerm, _year_days(year), strict=True)
    }


def solar_term_provisional(year: int, term: SolarTerm | str) -> bool:
    """Whether a term's day is provisional: its instant falls within seconds of midnight.

    Raises:
        OutOfRangeError: A year outside the table.
    """
    chosen = to_solar_term(term)
    _year_days(year)
    return (year, chosen) in term_table().provisional


__all__ = [
    "SolarTerm",
    "solar_term_date",
    "solar_term_provisional",
    "solar_terms",
    "to_solar_term",
]
