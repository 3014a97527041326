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
from typing import Final

from .._wording.lint import heading_title
from .._years import YEARS
from ._dates import PrintedDate
from ._model import Located
from ._phases import PHASE_LABEL
from ._text import SourceLine, clean_theme

_HEADER_LINES: Final = 15
_NUMBER: Final = re.compile(
    r"^[\s*]*Số[ \t]*[:.]?[ \t]*(\d{1,5}[ \t]*/[^\t\n]{1,40}?)[ \t*]*(?:\t|   |$)"
)
_LONG_ANY: Final = re.compile(
    r"(?<!\w)ngày([ \t\d/._…\-]{0,12}?)tháng([ \t\d/._…\-]{0,12}?)năm[ \t]*(\d{4})(?!\d)",
    re.IGNORECASE,
)
_BLANK_NUMERIC: Final = re.compile(
    r"(?<!\w)ngày[ \t]+[.…_]+[ \t]*/[ \t]*[.…_\d]{1,4}[ \t]*/[ \t]*\d{4}(?!\d)", re.IGNORECASE
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
    """The document number (``31/KH-LĐLĐ``) and date, when the first lines print them."""
    number: str | None = None
    issued: dt.date | None = None
    for line in lines[:_HEADER_LINES]:
        if number is None:
            match = _NUMBER.match(line.own_text)
            if match and re.search(r"[^\W\d_]", match.group(1)):
                number = re.sub(r"[ \t]*([/\-])[ \t]*", r"\1", match.group(1)).strip(" .")
        if issued is None:
            for date in _long_dates(line):
                if date.date is not None and date.date.date() is not None:
                    issued = date.date.date()
                    break
    return number, issued


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


def incomplete_dates(lines: Sequence[SourceLine]) -> list[Located]:
    """Dates printed with blanks: "ngày    tháng 12 năm 2024", "ngày …/3/2019"."""
    dated = [line for line in lines if line.digits]
    found = [located for line in dated for located in _long_dates(line) if located.date is None]
    found += [
        Located(*line.where(m.start()), m.group())
        for line in dated
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


def plan_year(lines: Sequence[SourceLine]) -> tuple[int | None, bool]:
    """The plan year: the most frequent "năm YYYY" of the title block, else of the body.

    Returns:
        The year, and whether it is the first year of a school year ("năm học 2024 - 2025",
        when no other year is given).
    """
    head: list[SourceLine] = []
    for line in lines[:_HEADER_LINES]:
        if len(line.own_text) > 250 or _SECTION.match(line.own_text):
            break
        head.append(line)
    for group in (head, lines):
        years = [y for line in group for y in _years_in(line) if y in YEARS]
        if years:
            counts = Counter(years)
            best = max(counts.values())
            return next(y for y in years if counts[y] == best), False
    for line in lines:
        match = _SCHOOL_YEAR.search(line.own_text)
        if match and int(match.group(1)) in YEARS:
            return int(match.group(1)), True
    return None, False


def plan_theme(lines: Sequence[SourceLine]) -> str | None:
    """The year's theme: a "Chủ đề" heading with a quoted text on it or on the next line."""
    for i, line in enumerate(lines):
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
