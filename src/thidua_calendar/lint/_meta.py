r"""The document's meta data: number, date, title, plan year and the year's theme.

They are read from the header (the first lines: "Số: 31/KH-LĐLĐ", "Bắc Kạn, ngày 3 tháng 11
năm 2019"), the title block under the "KẾ HOẠCH" heading and a "Chủ đề" heading; dates with
blanks ("ngày / 3 tháng 11 năm 2019") are collected on the way.

Examples:
    >>> from ._text import split_lines
    >>> lines = split_lines("Số: 31/KH-LĐLĐ\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2020")
    >>> header(lines), title(lines), plan_year(lines)
    (('31/KH-LĐLĐ', None), 'Kế hoạch phát động phong trào thi đua năm 2020', (2020, False))
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple

from .._wording.lint import heading_title
from .._years import YEARS
from ._dates import PrintedDate
from ._model import Lede, Located
from ._phases import PHASE_LABEL
from ._text import Lines, SourceLine, clean_theme

_HEADER_LINES: Final = 15
_NUMBER: Final = re.compile(
    r"^[\s*]*Số[ \t]*[:.]?[ \t]*(\d{1,5}[ \t]*/[^\t\n]{1,40}?)[ \t*]*(?:\t|   |$)"
)
_LONG_ANY: Final = re.compile(
    r"ngày(?<!\wngày)([ \t\d/._…\-]{0,12}?)tháng([ \t\d/._…\-]{0,12}?)năm[ \t]*(\d{4})(?!\d)",
    re.IGNORECASE,
)
_BLANK_NUMERIC: Final = re.compile(
    r"ngày(?<!\wngày)[ \t]+[.…_]+[ \t]*/[ \t]*[.…_\d]{1,4}[ \t]*/[ \t]*\d{4}(?!\d)", re.IGNORECASE
)
_PLAN_HEADING: Final = re.compile(r"^[\s*#]*KẾ[ \t]+HOẠCH[\s*:.]*$", re.IGNORECASE)
_SECTION: Final = re.compile(r"^[\s*#]*(?:[IVX]{1,4}|\d{1,2})[ \t]*[.)][ \t]", re.IGNORECASE)
_BODY_START: Final = re.compile(
    r"(?:[-+•–—]\s|năm[ \t]+\d{4}[ \t]+là|căn[ \t]+cứ|thực[ \t]+hiện|để[ \t]|nhằm[ \t])",
    re.IGNORECASE,
)
_YEAR_WORD: Final = re.compile(
    r"(?<!\w)năm[ \t]+(học[ \t]+)?(\d{4})(?!\d)(?![ \t]*[-–][ \t]*\d)", re.I
)
_SCHOOL_YEAR: Final = re.compile(
    r"(?<!\w)năm[ \t]+học[ \t]+(\d{4})[ \t]*[-–][ \t]*\d{4}(?!\d)", re.I
)
_MONTH_BEFORE: Final = re.compile(r"tháng[ \t]*[\d/._…\- \t]{0,6}$", re.IGNORECASE)
_THEME_HEADING: Final = re.compile(
    r"^[\s\-+*•]*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])[ \t]*[.)][ \t]*)?[*_]*"
    r"chủ[ \t]+đề\b(.*)$",
    re.IGNORECASE,
)
_QUOTED: Final = re.compile(r"[“\"«]([^”\"»“\n]{1,400})(?:[”\"»]|$)")


def header(lines: Sequence[SourceLine]) -> tuple[str | None, dt.date | None]:
    """The document number (``31/KH-LĐLĐ``) and date (:func:`date_line`), when printed."""
    number: str | None = None
    for line in lines[:_HEADER_LINES]:
        match = _NUMBER.match(line.own_text)
        if match and re.search(r"[^\W\d_]", match.group(1)):
            number = re.sub(r"[ \t]*([/\-])[ \t]*", r"\1", match.group(1)).strip(" .")
            break
    return number, date_line(lines)


def _long_dates(line: SourceLine) -> Iterator[Located]:
    """Long-form dates; ``date`` is None when the day or month is blank or garbled."""
    for match in _LONG_ANY.finditer(line.text, 0, line.own):
        day, month = match.group(1).strip(), match.group(2).strip()
        printed = None
        if re.fullmatch(r"\d{1,2}", day) and re.fullmatch(r"\d{1,2}", month):
            printed = PrintedDate(
                int(day), int(month), int(match.group(3)), match.start(), match.end(), match.group()
            )
        yield Located(*line.where(match.start()), match.group(), printed)


def incomplete_dates(lines: Lines) -> list[Located]:
    """Dates printed with blanks: "ngày    tháng 12 năm 2024", "ngày …/3/2019"."""
    found = [
        located
        for line in lines.containing(("tháng",), dated=True)  # what _LONG_ANY reads
        for located in _long_dates(line)
        if located.date is None
    ]
    found += [
        Located(*line.where(m.start()), m.group())
        for line in lines.containing(("ngày",), dated=True)  # what _BLANK_NUMERIC reads
        for m in _BLANK_NUMERIC.finditer(line.own_text)
    ]
    return sorted(found, key=lambda x: (x.line, x.column))


def _title_lines(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """The lines of the title: after a "KẾ HOẠCH" heading, until the body starts."""
    heading = next(
        (i for i, line in enumerate(lines[:40]) if _PLAN_HEADING.match(line.own_text)), None
    )
    if heading is None:
        return []
    found: list[SourceLine] = []
    for line in lines[heading + 1 : heading + 12]:
        text = line.own_text.strip(" \t*#_")
        if not text:
            if found:
                break
            continue
        if (
            len(text) > 250
            or len(found) == 4
            or _SECTION.match(line.own_text)
            or _BODY_START.match(text)
            or PHASE_LABEL.search(text)
        ):
            break
        found.append(line)
    return found


def title(lines: Sequence[SourceLine]) -> str | None:
    """The title ("Kế hoạch phát động …"): the lines under the "KẾ HOẠCH" heading."""
    parts = [line.own_text.strip(" \t*#_") for line in _title_lines(lines)]
    if not parts:
        return None
    text = " ".join(" ".join(parts).split())[:300]
    if text.isupper():
        text = text.lower()
    return heading_title(text)


def _years_in(line: SourceLine) -> Iterator[int]:
    if not line.digits:
        return
    text = line.own_text
    for match in _YEAR_WORD.finditer(text):
        if _MONTH_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue  # "tháng 11 năm 2019" is a date, not the plan year
        yield int(match.group(2))


def plan_year(lines: Lines) -> tuple[int | None, bool]:
    """The plan year and whether it starts a school year (see :func:`plan_period`)."""
    period = plan_period(lines)
    return period.year, period.school_year


class Period(NamedTuple):
    """The period a plan covers, as the document states it.

    Attributes:
        year: The plan year (the first year of a school year or of a list of years).
        school_year: Whether the plan covers a school year (September to August).
        years: Every year the period covers ("năm học 2019 - 2020": 2019 and 2020).
        source: Where it was found: ``title`` (the title block or the first lines),
            ``date`` (the document's date line), ``stamp`` (a web page's date, a guess),
            ``body`` (a guess from the body) or ``""``.
    """

    year: int | None
    school_year: bool = False
    years: tuple[int, ...] = ()
    source: str = ""


_YEAR_RANGE: Final = re.compile(
    r"(?<!\w)(?:năm|giai[ \t]+đoạn)[ \t]+(\d{4})[ \t]*[-–][ \t]*(\d{4})(?!\d)", re.I
)
_MONTH_YEAR: Final = re.compile(r"(?<!\w)tháng[ \t]+\d{1,2}[ \t]*[/.\-][ \t]*(\d{4})(?!\d)", re.I)


def _head(lines: Sequence[SourceLine]) -> list[SourceLine]:
    head: list[SourceLine] = []
    for line in lines[:_HEADER_LINES]:
        if len(line.own_text) > 250 or _SECTION.match(line.own_text):
            break
        head.append(line)
    return head


def plan_period(lines: Lines) -> Period:
    r"""The plan's period: from the title block, else the document's date line, else the body.

    The title block and the first lines give "năm 2020", "năm học 2019 - 2020", a list of
    two years ("trong 2 năm 2017 - 2018") or a month ("tháng 10/2021"); the date line
    ("Bắc Kạn, ngày 3 tháng 11 năm 2019") gives its year; else the body's most frequent
    "năm YYYY" is a guess. A date cited in the body ("Năm 2010, tại thông báo số 382-TB/TW")
    is not the plan's year unless nothing else is found.

    Examples:
        >>> from ._text import split_lines
        >>> plan_period(split_lines("KẾ HOẠCH\nThi đua năm học 2019 - 2020"))
        Period(year=2019, school_year=True, years=(2019, 2020), source='title')
        >>> plan_period(split_lines("Kỷ niệm các ngày lễ trong 2 năm 2017 - 2018")).years
        (2017, 2018)
    """
    head = _head(lines)
    for line in _title_lines(lines) or head[:4]:
        school = _SCHOOL_YEAR.search(line.own_text)
        if school and int(school.group(1)) in YEARS:  # "Kế hoạch … năm học 2019 - 2020"
            first = int(school.group(1))
            return Period(first, True, (first, first + 1), "title")
    years = [y for line in head for y in _years_in(line) if y in YEARS]
    if years:
        counts = Counter(years)
        best = max(counts.values())
        year = next(y for y in years if counts[y] == best)
        return Period(year, False, (year,), "title")
    for line in head:
        text = line.own_text
        school = _SCHOOL_YEAR.search(text)
        if school and int(school.group(1)) in YEARS:
            first = int(school.group(1))
            return Period(first, True, (first, first + 1), "title")
        span = _YEAR_RANGE.search(text)
        if span and 0 < int(span.group(2)) - int(span.group(1)) <= 5:
            first, last = int(span.group(1)), int(span.group(2))
            if first in YEARS and last in YEARS:
                return Period(first, False, tuple(range(first, last + 1)), "title")
        month = _MONTH_YEAR.search(text)
        if month and int(month.group(1)) in YEARS:
            return Period(int(month.group(1)), False, (int(month.group(1)),), "title")
    own = dated(lines)
    if own is not None and own[0].year in YEARS:
        return Period(own[0].year, False, (own[0].year,), "stamp" if own[1] else "date")
    body = lines.containing(("năm",), dated=True)  # what _YEAR_WORD and _SCHOOL_YEAR read
    years = [y for line in body for y in _years_in(line) if y in YEARS]
    if years:
        counts = Counter(years)
        best = max(counts.values())
        year = next(y for y in years if counts[y] == best)
        return Period(year, False, (year,), "body")
    for line in body:
        match = _SCHOOL_YEAR.search(line.own_text)
        if match and int(match.group(1)) in YEARS:
            first = int(match.group(1))
            return Period(first, True, (first, first + 1), "body")
    return Period(None)


_SCOPE: Final = re.compile(
    r"(?:^|[.;:]|,[ \t]+(?=trong))[ \t*\-+•–]*(?:(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]*)?"
    r"(?:trong[ \t]+)?năm[ \t]+(\d{4})(?!\d)[ \t]*(?:[,:]|$)",
    re.IGNORECASE,
)


def scopes(line: SourceLine) -> list[tuple[int, int, bool]]:
    """Where a line opens the items of one year: "Năm 2018, tổ chức …", "2. Năm 2018:".

    Returns:
        (index in the line, year, whether it is a heading) for each opening, in order; a
        heading (nothing follows it on its line) opens the lines after it, the others only
        the rest of their line.

    Examples:
        >>> from ._text import split_lines
        >>> (line,) = split_lines("Trong năm 2017, kỷ niệm …; Năm 2018, tổ chức kỷ niệm …")
        >>> scopes(line)
        [(0, 2017, False), (25, 2018, False)]
    """
    text = line.own_text
    if "năm" not in text.casefold():
        return []
    return [
        (m.start(), int(m.group(1)), not text[m.end() :].strip(" \t*_"))
        for m in _SCOPE.finditer(text)
        if int(m.group(1)) in YEARS
    ]


_DATE_LINE_BEFORE: Final = re.compile(
    r"căn[ \t]+cứ|thực[ \t]+hiện|số[ \t:]*\d|kế[ \t]+hoạch|quyết[ \t]+định|công[ \t]+văn"
    r"|thông[ \t]+báo|chỉ[ \t]+thị|nghị[ \t]+quyết|hướng[ \t]+dẫn|ban[ \t]+hành|ngày[ \t]+\d",
    re.IGNORECASE,
)
_WEEKDAY: Final = re.compile(r"(?<!\w)(?:thứ[ \t]+(?:hai|ba|tư|năm|sáu|bảy)|chủ[ \t]+nhật)", re.I)
_CLOCK: Final = re.compile(r"[ \t,\-|]*\d{1,2}:\d{2}")
_BARE_DATE: Final = re.compile(
    r"^[\s*|]*(?:(?:thứ[ \t]+\w+|chủ[ \t]+nhật)[ \t]*[-,][ \t]*)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ \t]+\d{1,2}:\d{2})?[\s*|]*$",
    re.IGNORECASE,
)


def date_line(lines: Sequence[SourceLine]) -> dt.date | None:
    """The document's own date (see :func:`dated`)."""
    found = dated(lines)
    return found[0] if found else None


def dated(lines: Sequence[SourceLine]) -> tuple[dt.date, bool] | None:
    r"""The document's own date: "Bắc Kạn, ngày 3 tháng 11 năm 2019", or a web page's.

    A date after "Căn cứ", a document number or another document's name is that
    document's date, not this one's. A web page's date with its weekday or time ("Thứ năm -
    29/12/2016 09:52") may be the day the page was shown, not written: it is a stamp.

    Returns:
        The date, and whether it is a stamp.

    Examples:
        >>> from ._text import split_lines
        >>> dated(split_lines("Căn cứ Kế hoạch ngày 15 tháng 6 năm 2022\nHà Nội, "
        ...                   "ngày 18 tháng 10 năm 2022"))
        (datetime.date(2022, 10, 18), False)
        >>> dated(split_lines("Thứ năm - 29/12/2016 09:52"))
        (datetime.date(2016, 12, 29), True)
    """
    for line in lines[:_HEADER_LINES]:
        if not line.digits:
            continue
        for located in _long_dates(line):
            printed = located.date
            if printed is None or printed.date() is None:
                continue
            before = line.own_text[: printed.start]
            # A two-column header run into one line ("Số: 14/KH-…      Phong Sơn, ngày …"):
            # only the column the date is in speaks of it.
            gap = max(before.rfind("   "), before.rfind("\t"))
            if gap >= 0:
                before = before[gap:]
            if _DATE_LINE_BEFORE.search(before):
                continue
            when = printed.date()
            assert when is not None
            after = line.own_text[printed.end :]
            return when, bool(_WEEKDAY.search(before) or _CLOCK.match(after))
        bare = _BARE_DATE.match(line.own_text)
        if bare:
            try:
                when = dt.date(int(bare.group(3)), int(bare.group(2)), int(bare.group(1)))
            except ValueError:
                continue
            return when, True
    return None


_LEDE_TIME: Final = re.compile(
    r"(?<!\w)(?:sáng|chiều|tối|trưa)[ \t]+(?:ngày[ \t]+)?(\d{1,2})[-/.](\d{1,2})"
    r"(?:[-/.](\d{4}))?(?![\d/.\-])",
    re.IGNORECASE,
)
_LEDE_DAY: Final = re.compile(
    r"[\s*_]*(?:(?:sáng|chiều|tối|trưa)[ \t]+)?ngày[ \t]+(\d{1,2})[-/.](\d{1,2})"
    r"(?:[-/.](\d{4}))?[ \t]*,",
    re.IGNORECASE,
)
_LEDE_LINES: Final = 12


def reported_on(lines: Sequence[SourceLine]) -> Lede | None:
    r"""The day a news page's lede reports ("Ngày 20/5/2015, UBND …", "… chiều 14-11, …").

    A page without a date line writes "từ nay", "đến nay" for the day of the event it
    reports; the first paragraph's day says which. The year may be left out.

    Examples:
        >>> from ._text import split_lines
        >>> reported_on(split_lines("Tin tức\nNgày 20/5/2015, UBND huyện tổ chức hội nghị."))
        (20, 5, 2015)
        >>> reported_on(split_lines("Tại hội nghị chiều 14-11, LĐLĐ đã phát động thi đua."))
        (14, 11, None)
    """
    for line in lines[:_LEDE_LINES]:
        if not line.digits:
            continue
        match = _LEDE_DAY.match(line.own_text) or _LEDE_TIME.search(line.own_text)
        if match is None:
            continue
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
        try:
            dt.date(year or 2000, month, day)  # 2000: a leap year, 29/2 is a day
        except ValueError:
            continue
        return day, month, year
    return None


def plan_theme(lines: Lines) -> str | None:
    """The year's theme: a "Chủ đề" heading with a quoted text on it or on the next line."""
    for line in lines.containing(("chủ",)):  # every theme heading's line holds "chủ đề"
        i = line.number - 1
        match = _THEME_HEADING.match(line.own_text)
        if not match:
            continue
        rest = match.group(1)
        quoted = _QUOTED.search(rest)
        if quoted and not re.search(r"\w", rest[: quoted.start()].replace("thi đua", "")):
            return clean_theme(quoted.group(1)) or None
        if rest.strip(" \t:.*_").casefold() in ("", "thi đua", "thi đua năm"):
            for following in lines[i + 1 : i + 4]:
                text = following.own_text.strip(" \t*_")
                if not text:
                    continue
                quoted = _QUOTED.match(text)
                if quoted is not None:
                    return clean_theme(quoted.group(1)) or None
                break
    return None
