"""Sexagenary (can chi) names and the Vietnamese zodiac.

Conventions:

- **Year**: the lunar year's name; stem ``(year + 6) % 10``, branch ``(year + 8) % 12``
  (1984 is Giáp Tý). Any integer year is accepted (origins such as the year 40 have names too).
- **Month**: month 1 is always a Dần month; its stem follows the year's stem (Giáp/Kỷ years
  start with Bính Dần, Ất/Canh with Mậu Dần, …), i.e. stem ``(12 * year + month + 3) % 10``.
  A leap month takes the name of the month it repeats, as Vietnamese almanacs print it.
- **Day**: a continuous 60-day cycle; with the Julian Day Number ``jdn`` of the day, stem
  ``(jdn + 9) % 10`` and branch ``(jdn + 1) % 12`` (1 January 2000 is Mậu Ngọ).
- **Zodiac**: the Vietnamese animals: Mão is the cat (Mèo), Sửu the buffalo (Trâu), Mùi the
  goat (Dê) and Hợi the pig (Lợn).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .._vocabulary import LangArg
from .._wording import pick

STEMS: Final = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
BRANCHES: Final = (
    "Tý",
    "Sửu",
    "Dần",
    "Mão",
    "Thìn",
    "Tỵ",
    "Ngọ",
    "Mùi",
    "Thân",
    "Dậu",
    "Tuất",
    "Hợi",
)
ANIMALS_VI: Final = (
    "Chuột",
    "Trâu",
    "Hổ",
    "Mèo",
    "Rồng",
    "Rắn",
    "Ngựa",
    "Dê",
    "Khỉ",
    "Gà",
    "Chó",
    "Lợn",
)
ANIMALS_EN: Final = (
    "Rat",
    "Buffalo",
    "Tiger",
    "Cat",
    "Dragon",
    "Snake",
    "Horse",
    "Goat",
    "Monkey",
    "Rooster",
    "Dog",
    "Pig",
)

# date.toordinal() of a day + this = its Julian Day Number (JDN of 2000-01-01 is 2451545).
_ORDINAL_TO_JDN: Final = 1721425


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int, not {type(year).__name__}")
    return year


def can_chi(year: int) -> str:
    """The can-chi name of a lunar year.

    Examples:
        >>> can_chi(2020), can_chi(2021), can_chi(2026)
        ('Canh Tý', 'Tân Sửu', 'Bính Ngọ')
    """
    year = _year(year)
    return f"{STEMS[(year + 6) % 10]} {BRANCHES[(year + 8) % 12]}"


def can_chi_month(year: int, month: int) -> str:
    """The can-chi name of a lunar month (a leap month has the name of the month it repeats).

    Examples:
        >>> can_chi_month(2020, 1)
        'Mậu Dần'
    """
    year = _year(year)
    if isinstance(month, bool) or not isinstance(month, int):
        raise TypeError(f"month must be an int, not {type(month).__name__}")
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1–12, not {month}")
    return f"{STEMS[(12 * year + month + 3) % 10]} {BRANCHES[(month + 1) % 12]}"


def can_chi_day(date: dt.date) -> str:
    """The can-chi name of a day.

    Examples:
        >>> can_chi_day(dt.date(2000, 1, 1))
        'Mậu Ngọ'
    """
    if not isinstance(date, dt.date):
        raise TypeError(f"date must be a datetime.date, not {type(date).__name__}")
    jdn = date.toordinal() + _ORDINAL_TO_JDN
    return f"{STEMS[(jdn + 9) % 10]} {BRANCHES[(jdn + 1) % 12]}"


def zodiac(year: int, lang: LangArg = "vi") -> str:
    """The zodiac animal of a lunar year in the Vietnamese zodiac.

    Examples:
        >>> zodiac(2023), zodiac(2023, "en"), zodiac(2021, "en")
        ('Mèo', 'Cat', 'Buffalo')
    """
    year = _year(year)
    index = (year + 8) % 12
    return pick(lang, ANIMALS_VI[index], ANIMALS_EN[index])
