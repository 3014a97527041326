"""Tết mentions: "Tết Nguyên đán Canh Tý 2020", "mừng Xuân Bính Ngọ" (can-chi and year).

Examples:
    >>> from ._text import split_lines
    >>> (line,) = split_lines("Chăm lo TẾT NGUYÊN ĐÁN QUÍ MẸO 2023 cho đoàn viên")
    >>> [(t.can_chi, t.year, t.column) for t in tet_mentions(line)]
    [('Quý Mão', 2023, 9)]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from ._model import TetMention
from ._names import BRANCH_WORDS, STEM_WORDS, canonical_can_chi
from ._text import SourceLine

_STEM_ALT: Final = "|".join(STEM_WORDS)
_BRANCH_ALT: Final = "|".join(BRANCH_WORDS)
_TET: Final = re.compile(
    rf"(?<!\w)(?:tết(?:[ \t]+nguyên[ \t]+đán)?|xuân)[ \t]+(?:năm[ \t]+)?({_STEM_ALT})[ \t]+"
    rf"({_BRANCH_ALT})(?!\w)(?:[ \t]*[-–(]?[ \t]*(?:năm[ \t]+)?(\d{{4}})(?!\d))?",
    re.IGNORECASE,
)


def tet_mentions(line: SourceLine) -> list[TetMention]:
    """The Tết mentions of a line: "Tết Nguyên đán Canh Tý 2020", "Xuân Bính Ngọ"."""
    found = []
    for match in _TET.finditer(line.text):
        if match.start() >= line.own:
            break
        year = int(match.group(3)) if match.group(3) else None
        number, column = line.where(match.start())
        found.append(
            TetMention(
                number,
                column,
                canonical_can_chi(match.group(1), match.group(2)),
                year,
                line.where(match.start(1))[1],
            )
        )
    return found


_LUNAR_DAYS: Final = (
    (
        r"tết[ \t]+nguyên[ \t]+đán|tết[ \t]+cổ[ \t]+truyền|mùng[ \t]+1[ \t]+tết",
        1,
        1,
        "Tết Nguyên đán",
    ),
    (r"giỗ[ \t]+tổ[ \t]+hùng[ \t]+vương", 3, 10, "Giỗ Tổ Hùng Vương"),
    (r"rằm[ \t]+tháng[ \t]+giêng|tết[ \t]+nguyên[ \t]+tiêu", 1, 15, "Rằm tháng Giêng"),
    (r"tết[ \t]+trung[ \t]+thu|rằm[ \t]+tháng[ \t]+tám", 8, 15, "Tết Trung thu"),
    (r"tết[ \t]+đoan[ \t]+ngọ", 5, 5, "Tết Đoan ngọ"),
    (r"rằm[ \t]+tháng[ \t]+bảy|lễ[ \t]+vu[ \t]+lan", 7, 15, "Rằm tháng Bảy"),
)
_LUNAR_NAME: Final = re.compile(
    "|".join(f"(?P<d{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (p, *_) in enumerate(_LUNAR_DAYS)),
    re.IGNORECASE,
)
_SOLAR_AFTER: Final = re.compile(
    rf"(?:[ \t]+(?:âm[ \t]+lịch[ \t]+)?(?:năm[ \t]+)?(?:(?:{_STEM_ALT})[ \t]+(?:{_BRANCH_ALT})"
    r"(?!\w))?)?(?:[ \t]*(?:năm[ \t]+)?\d{4}(?!\d))?[ \t]*"
    r"(?:\((?:[^()\d\n]{0,12}\d{1,2}[/.]\d{1,2}[ \t]*(?:âm[ \t]+lịch|ÂL|AL)[ \t]*[,;-][ \t]*)?"
    r"(?:(?:tức|nhằm)[ \t]+(?:là[ \t]+)?)?(?:ngày[ \t]+)?(?=[\d][^()\n]{0,12}\))"
    r"|,?[ \t]*(?:tức|nhằm)[ \t]+(?:là[ \t]+)?(?:ngày[ \t]+)?)"
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)",
    re.IGNORECASE,
)
"""What may stand between a lunar day's name and its solar date, then that date: one day in
parentheses ("(16/2/2026)", "(10/3 âm lịch, tức ngày 26/4/2026)") or after "tức", "nhằm"
("…, tức ngày 26/4/2026"); a date after "ngày" or "vào ngày" is an event's, not the day's."""
_DAY_OFF: Final = re.compile(r"nghỉ[^.;\n]{0,20}$", re.IGNORECASE)


@attrs.frozen
class LunarDayDate:
    """A lunar day named with a solar date: "Tết Bính Ngọ (16/2/2026)", "Giỗ Tổ … 26/4/2026".

    Attributes:
        name: The day's name (canonical).
        month: Its lunar month.
        day: Its lunar day.
        date: The solar date printed (``None`` when it is impossible).
        text: The date as printed.
        column: Column of the date.
    """

    name: str
    month: int
    day: int
    date: dt.date | None
    text: str
    column: int


def lunar_day_dates(line: SourceLine) -> list[LunarDayDate]:
    """The lunar days of a line printed with one solar date each (not a holiday's range).

    Examples:
        >>> from ._text import split_lines
        >>> (line,) = split_lines("Tết Nguyên đán Bính Ngọ (16/2/2026) và Giỗ Tổ Hùng Vương "
        ...                       "(10/3 âm lịch, tức ngày 26/4/2026)")
        >>> [(d.name, d.date) for d in lunar_day_dates(line)]  # doctest: +NORMALIZE_WHITESPACE
        [('Tết Nguyên đán', datetime.date(2026, 2, 16)),
         ('Giỗ Tổ Hùng Vương', datetime.date(2026, 4, 26))]
    """
    found = []
    text = line.own_text
    for match in _LUNAR_NAME.finditer(text):
        if _DAY_OFF.search(text, max(0, match.start() - 30), match.start()):
            continue  # "nghỉ Tết Nguyên đán (từ …)": the days off, not the day
        index = next(i for i in range(len(_LUNAR_DAYS)) if match.group(f"d{i}"))
        _, month, day, name = _LUNAR_DAYS[index]
        solar = _SOLAR_AFTER.match(text, match.end())
        if solar is None:
            continue
        d, m, y = (int(g) for g in solar.group(1, 2, 3))
        try:
            date: dt.date | None = dt.date(y, m, d)
        except ValueError:
            date = None
        printed = text[solar.start(1) : solar.end(3)]
        found.append(LunarDayDate(name, month, day, date, printed, line.where(solar.start(1))[1]))
    return found


_TET_DAY: Final = r"(?:mồng|mùng|ngày)[ \t]+(\d{1,2})[ \t]+tết"
_EQUALS: Final = r"\([ \t]*(?:tức|nhằm)[ \t]+(?:là[ \t]+)?(?:ngày[ \t]+)?"
_LUNAR_FIRST: Final = re.compile(
    rf"(?<!\w){_TET_DAY}(?!\w)[^()\n]{{0,40}}?{_EQUALS}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_SOLAR_FIRST: Final = re.compile(
    rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?!\d)[ \t]*{_EQUALS}{_TET_DAY}(?!\w)",
    re.IGNORECASE,
)


@attrs.frozen
class TetDayDate:
    """A day of Tết equated with a solar date: "mồng 6 tết (tức ngày 27/01/2023)".

    Attributes:
        number: The day of the first lunar month ("mồng 6" is 6).
        date: The solar date printed (``None`` when it is impossible).
        column: Column of the solar date.
    """

    number: int
    date: dt.date | None
    column: int


def tet_day_dates(line: SourceLine) -> list[TetDayDate]:
    """The days of Tết a line equates with a solar date ("tức", "nhằm"), either way round.

    Examples:
        >>> from ._text import split_lines
        >>> (line,) = split_lines("Ngày 29/01/2023 (tức ngày mồng 6 tết Nguyên đán Quý Mão)")
        >>> tet_day_dates(line)
        [TetDayDate(number=6, date=datetime.date(2023, 1, 29), column=6)]
    """
    text = line.own_text
    found = []
    for pattern, order in ((_LUNAR_FIRST, (1, 2, 3, 4)), (_SOLAR_FIRST, (4, 1, 2, 3))):
        for match in pattern.finditer(text):
            number, d, m, y = (int(match.group(i)) for i in order)
            if not 1 <= number <= 30:
                continue
            try:
                date: dt.date | None = dt.date(y, m, d)
            except ValueError:
                date = None
            at = match.start(order[1])
            found.append(TetDayDate(number, date, line.where(at)[1]))
    return sorted(found, key=lambda t: t.column)
