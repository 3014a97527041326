r"""The checks of the periods a document speaks of: school years, years compared, reviews.

| Code | Severity | What |
|---|---|---|
| ``stale-text`` | error | "năm học 2023 - 2024" in the plan for năm học 2024 – 2025 |
| ``same-year-comparison`` | warning | a result of 2022 "tăng 8,8% so với năm 2022" |
| ``review-year`` | warning | the review of 2021 votes on "thành tích … năm 2020" |
| ``year-range`` | warning | "năm học 2025-2025": a range from a year to itself |
| ``review-date`` | warning | "ngày 14/8/2023 … về báo cáo tổng kết năm học 2023 – 2024" |
| ``plan-period`` | warning | "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026-2031" |
| ``incomplete-date`` | warning | "(30/4/1975 - 30/4/202)": the year lost a digit |

Each rule needs the document to say what it is measured against — the school year in its
title, the year a result is of, the year a review closes, the period its awards are for — so
a page whose period is guessed is not flagged.

Examples:
    >>> from thidua_calendar.lint import check_text
    >>> report = check_text("KẾ HOẠCH\nNĂM HỌC 2024 - 2025\n\n"
    ...     "Xây dựng kế hoạch hoạt động chuyên môn năm học 2023 - 2024 như sau:")
    >>> [(f.code, f.suggestion) for f in report.findings]
    [('stale-text', 'Xây dựng kế hoạch hoạt động chuyên môn năm học 2024 - 2025 như sau:')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final, NamedTuple

from .._vocabulary import Severity
from .._wording import lint as words
from ._checks_events import HEAD_LINES
from ._dates import full_dates
from ._model import SURE_SOURCES, AddFinding, Anniversary, Extraction

_SEP: Final = r"[ \t]*([-–—])[ \t]*"
_SCHOOL_YEAR: Final = re.compile(
    rf"(?<!\w)(năm[ \t]+học[ \t]+)(\d{{4}}){_SEP}(\d{{4}})(?!\d)", re.I
)
_HEADING_SCHOOL_YEAR: Final = re.compile(
    r"[\W_]*(?:(?:kế[ \t]+hoạch|báo[ \t]+cáo|tổng[ \t]+kết)\b[^\n]{0,80}?)?"
    rf"năm[ \t]+học[ \t]+(\d{{4}}){_SEP}(\d{{4}})[\W_]*",
    re.I,
)
_REVIEW_HEADING: Final = re.compile(
    r"[\W_]*(?:báo[ \t]+cáo[ \t]+)?tổng[ \t]+kết[ \t]+năm[ \t]+học", re.I
)
_BASIS: Final = re.compile(r"[\s*+•\-–]*(?:căn[ \t]+cứ|thực[ \t]+hiện)(?!\w)", re.I)
"""A sentence that names the guidance a document follows."""
_LOOKS_BACK: Final = re.compile(
    r"(?<!\w)(?:đã|vừa|kết[ \t]+quả|tổng[ \t]+kết|sơ[ \t]+kết|năm[ \t]+học[ \t]+trước|"
    r"năm[ \t]+qua|thành[ \t]+tích|đạt|so[ \t]+với|cùng[ \t]+kỳ|đánh[ \t]+giá|báo[ \t]+cáo|"
    r"nhìn[ \t]+lại|phát[ \t]+huy|tiếp[ \t]+nối|kế[ \t]+thừa)(?!\w)",
    re.I,
)
"""Words of a sentence that looks back at last (school) year on purpose."""
_LOOKS_BACK_IN_REVIEW: Final = re.compile(
    r"(?<!\w)(?:đã|vừa|kết[ \t]+quả|năm[ \t]+học[ \t]+trước|thành[ \t]+tích|đạt|so[ \t]+với|"
    r"cùng[ \t]+kỳ|phát[ \t]+huy)(?!\w)",
    re.I,
)
"""In a review's guidance sentence "tổng kết", "báo cáo" are the review itself."""
_SENTENCE: Final = re.compile(r"[^.!?;]*(?:[.!?;](?=\s|$)|$)")


def check_periods(ex: Extraction, add: AddFinding) -> set[int]:
    """Run the checks of this module; the lines found to be last year's text."""
    school = school_year_of(ex)  # worked out once for the two checks that need it
    stale = _check_school_year(ex, school, add)
    _check_year_ranges(ex, school, add)
    _check_review_dates(ex, add)
    _check_same_year(ex, add)
    _check_review_year(ex, add)
    _check_plan_period(ex, add)
    _check_truncated_years(ex, add)
    return stale


def _sentences(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each sentence of a line's own text (up to ``end``)."""
    for match in _SENTENCE.finditer(text, 0, end):
        if match.end() > match.start():
            yield match.start(), match.end()


def _sentence_at(text: str, index: int, end: int) -> tuple[int, int]:
    for start, stop in _sentences(text, end):
        if start <= index < stop:
            return start, stop
    return 0, end


# --- last school year's text ---------------------------------------------------------------------


class SchoolYear(NamedTuple):
    """The school year a document is for, as its heading prints it."""

    first: int
    """The year it starts in (2024 for 2024 – 2025)."""
    heads: frozenset[int]
    """The lines of the heading that print it."""
    review: bool
    """Whether the document reviews that year ("Tổng kết năm học …")."""


def school_year_of(ex: Extraction) -> SchoolYear | None:
    r"""The school year a document is for, from its title or a heading line.

    Examples:
        >>> from thidua_calendar.lint._extract import extract
        >>> school_year_of(extract("KẾ HOẠCH CHỈ ĐẠO CHUYÊN MÔN\nNĂM HỌC 2024 – 2025\n"))
        SchoolYear(first=2024, heads=frozenset({2}), review=False)
    """
    heads: dict[int, int] = {}
    review = False
    for line in ex.lines[:HEAD_LINES]:
        if len(line.own_text) >= 120 or not line.digits:
            continue
        match = _HEADING_SCHOOL_YEAR.fullmatch(line.own_text)
        if match is None or int(match.group(3)) != int(match.group(1)) + 1:
            continue
        heads[line.number] = int(match.group(1))
        review = review or bool(_REVIEW_HEADING.match(line.own_text))
    years = set(heads.values())
    if ex.title:
        years |= {
            int(m.group(2))
            for m in _SCHOOL_YEAR.finditer(ex.title)
            if int(m.group(4)) == int(m.group(2)) + 1
        }
    if len(years) != 1:
        return None
    first = years.pop()
    # A plan is dated from the summer before its year; a review near its end.
    earliest, latest = ((first, 12), (first + 1, 12)) if review else ((first, 6), (first + 1, 5))
    if ex.issued is not None and not (earliest <= (ex.issued.year, ex.issued.month) <= latest):
        return None  # dated outside the school year it names: not sure which it is
    return SchoolYear(first, frozenset(heads), review)


def _check_school_year(ex: Extraction, found: SchoolYear | None, add: AddFinding) -> set[int]:
    """``stale-text``: last school year in a school-year plan's sentence that looks forward.

    The plan's school year is printed in its title or heading (:func:`school_year_of`); a
    sentence naming the school year before it, with no word that looks back on purpose
    ("kết quả", "tổng kết", "đã", "so với", "thành tích" …), is last year's text. In a
    review of the year ("Tổng kết năm học 2021 - 2022"), the guidance it follows ("Thực
    hiện công văn … báo cáo tổng kết năm học 2020-2021") is last year's too. The suggestion
    is the sentence with the school year of the plan.
    """
    if found is None:
        return set()
    first = found.first
    stale: set[int] = set()
    # Each loop reads only the lines with a digit and the word it tests (one scan each).
    for line in ex.lines.having("học", dated=True):
        if line.number in found.heads:
            continue
        text = line.own_text
        for match in _SCHOOL_YEAR.finditer(text):
            if int(match.group(2)) != first - 1 or int(match.group(4)) != first:
                continue
            start, stop = _sentence_at(text, match.start(), len(text))
            looks_back = _LOOKS_BACK
            if found.review and _BASIS.match(text, start):
                looks_back = _LOOKS_BACK_IN_REVIEW
            if looks_back.search(text, start, stop):
                continue
            fixed = (
                text[start : match.start(2)]
                + f"{first}{text[match.end(2) : match.start(4)]}{first + 1}"
                + text[match.end(4) : stop]
            )
            printed = " ".join(match.group().split())
            texts = words.stale_school_year(
                printed, f"{first} - {first + 1}", " ".join(fixed.split())
            )
            add(Severity.ERROR, "stale-text", *line.where(match.start()), *texts)
            stale.add(line.number)
    return stale


# --- a year range of one year --------------------------------------------------------------------

_ONE_YEAR_RANGE: Final = re.compile(
    r"(?<!\w)(năm(?:[ \t]+học)?[ \t]+)(\d{4})([ \t]*[-–—][ \t]*)(\d{4})(?!\d)", re.I
)


def _check_year_ranges(ex: Extraction, school: SchoolYear | None, add: AddFinding) -> None:
    """``year-range``: "năm học 2025-2025", a range from a year to itself.

    In a school-year document the suggestion is its school year, or the one before it in a
    sentence that looks back ("Căn cứ kết quả … năm học 2025-2025" in 2024 – 2025: 2023-2024).
    """
    for line in ex.lines.containing(("năm",), dated=True):
        text = line.own_text
        for match in _ONE_YEAR_RANGE.finditer(text):
            if match.group(2) != match.group(4):
                continue
            start, stop = _sentence_at(text, match.start(), len(text))
            fixed = None
            if school is not None:
                first = school.first
                if _LOOKS_BACK.search(text, start, stop):
                    first -= 1
                fixed = " ".join(
                    (
                        text[start : match.start(2)]
                        + f"{first}{match.group(3)}{first + 1}"
                        + text[match.end(4) : stop]
                    ).split()
                )
            texts = words.year_range(" ".join(match.group().split()), fixed)
            add(Severity.WARNING, "year-range", *line.where(match.start(2)), *texts)


# --- a review dated before its year ended -------------------------------------------------------

_DATED_REVIEW: Final = re.compile(
    r"(?<!\w)ngày[ \t]+(\d{1,2}[ \t]*[/.\-][ \t]*\d{1,2}[ \t]*[/.\-][ \t]*\d{4})(?!\d)"
    r"[^.;\n]{0,80}?về[ \t]+(?:việc[ \t]+)?(?:báo[ \t]+cáo[ \t]+)?tổng[ \t]+kết[ \t]+năm[ \t]+học"
    rf"[ \t]+(\d{{4}}){_SEP}(\d{{4}})(?!\d)",
    re.I,
)


def _check_review_dates(ex: Extraction, add: AddFinding) -> None:
    """``review-date``: "Công văn … ngày 14/8/2023 … về báo cáo tổng kết năm học 2023 – 2024".

    A document that reviews a school year cannot be dated before that year's second
    calendar year begins; the suggestion is the same day in that year.
    """
    for line in ex.lines.containing(("tổng",), dated=True):
        text = line.own_text
        for match in _DATED_REVIEW.finditer(text):
            last = int(match.group(4))
            if last != int(match.group(2)) + 1:
                continue
            dates = full_dates(match.group(1))
            if not dates or dates[0].year is None or dates[0].year >= last:
                continue
            printed = dates[0]
            fixed = printed.text[: printed.text.rfind(str(printed.year))] + str(last)
            texts = words.review_date(printed.text, match.group(2), last, fixed)
            add(Severity.WARNING, "review-date", *line.where(match.start(1)), *texts)


# --- a result compared with its own year ---------------------------------------------------------

_COMPARED: Final = re.compile(
    r"(?<!\w)so[ \t]+với[ \t]+(?:cùng[ \t]+kỳ[ \t]+)?năm[ \t]+(\d{4})(?![\d/\-–]|\.\d)", re.I
)
_RESULT: Final = re.compile(r"(?<!\w)(?:đạt|tăng|giảm)(?!\w)", re.I)
_TARGET: Final = re.compile(
    r"(?<!\w)(?:phấn[ \t]+đấu|chỉ[ \t]+tiêu|mục[ \t]+tiêu|dự[ \t]+kiến|phương[ \t]+hướng|"
    r"đến[ \t]+năm|dự[ \t]+báo|kế[ \t]+hoạch[ \t]+năm[ \t]+\d|giai[ \t]+đoạn|bình[ \t]+quân)(?!\w)",
    re.I,
)
_YEAR4: Final = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _check_same_year(ex: Extraction, add: AddFinding) -> None:
    """``same-year-comparison``: "tăng 8,8% so với năm 2022" in the results of 2022.

    Only in a document of one calendar year known from its title, date line or the caller,
    and only in a sentence that reports a result ("đạt", "tăng", "giảm") and sets no target
    (a plan's "phấn đấu tăng 5% so với năm 2022" for 2023 looks at a year before its own).
    """
    year = ex.year
    if year is None or ex.school_year or ex.year_source not in SURE_SOURCES or len(ex.years) > 1:
        return
    wanted = str(year)
    for line in ex.lines.having("so v", dated=True):
        text = line.own_text
        if wanted not in text:
            continue
        for match in _COMPARED.finditer(text):
            if match.group(1) != wanted:
                continue
            start, stop = _sentence_at(text, match.start(), len(text))
            if not _RESULT.search(text, start, match.start()) or _TARGET.search(text, start, stop):
                continue
            if any(int(y) > year for y in _YEAR4.findall(text, start, stop)):
                continue
            fixed = text[start : match.start(1)] + str(year - 1) + text[match.end(1) : stop]
            printed = " ".join(match.group().split())
            texts = words.same_year_comparison(printed, year, " ".join(fixed.split()))
            add(Severity.WARNING, "same-year-comparison", *line.where(match.start()), *texts)


# --- a review voting on the year before ----------------------------------------------------------

_REVIEW_OF: Final = re.compile(
    r"(?<!\w)tổng[ \t]+kết(?:[ \t]+công[ \t]+tác|[ \t]+phong[ \t]+trào)?[^.;:\n\d]{0,60}?"
    r"năm[ \t]+(\d{4})(?![\d/\-–]|\.\d)",
    re.I,
)
_VOTES: Final = re.compile(
    r"(?<!\w)hội[ \t]+nghị\b[^.;\n]{0,40}?(?:bình[ \t]+xét|suy[ \t]+tôn|bình[ \t]+chọn|"
    r"biểu[ \t]+quyết)(?!\w)",
    re.I,
)
_YEAR_WORD: Final = re.compile(r"(?<!\w)năm[ \t]+(\d{4})(?![\d/\-–]|\.\d)", re.I)


def _reviewed_year(ex: Extraction) -> int | None:
    """The year a review document closes: the first "tổng kết … năm 2021" of its opening."""
    for line in ex.lines[:HEAD_LINES]:
        if line.digits:
            match = _REVIEW_OF.search(line.own_text)
            if match:
                return int(match.group(1))
    return None


def _check_review_year(ex: Extraction, add: AddFinding) -> None:
    """``review-year``: "Hội nghị đã bình xét … thành tích … năm 2020" at the review of 2021.

    The conference that closes a year votes on that year's achievements; a sentence in which
    the conference itself votes ("Hội nghị … bình xét", "suy tôn", "bình chọn") on the year
    before is last year's sentence. Awards others gave for the year before are not looked at.
    """
    reviewed = _reviewed_year(ex)
    if reviewed is None:
        return
    behind = str(reviewed - 1)
    for line in ex.lines.having(re.escape(behind), dated=True):
        text = line.own_text
        for vote in _VOTES.finditer(text):
            start, stop = _sentence_at(text, vote.start(), len(text))
            if re.search(r"so[ \t]+với|cùng[ \t]+kỳ", text[start:stop], re.I):
                continue
            for match in _YEAR_WORD.finditer(text, vote.end(), stop):
                if match.group(1) != behind:
                    continue
                fixed = text[start : match.start(1)] + str(reviewed) + text[match.end(1) : stop]
                texts = words.review_year(match.group(), reviewed, " ".join(fixed.split()))
                add(Severity.WARNING, "review-year", *line.where(match.start()), *texts)
                break


# --- the national plans' periods -----------------------------------------------------------------

_DEV_PLAN: Final = re.compile(
    r"(?<!\w)kế[ \t]+hoạch[ \t]+(?:phát[ \t]+triển[ \t]+(?:kinh[ \t]+tế[ \t]*[-–][ \t]*xã[ \t]+hội"
    r"|KT[ \t]*-[ \t]*XH)|đầu[ \t]+tư[ \t]+công[ \t]+trung[ \t]+hạn)(?:[ \t]*\([^()\n]{1,12}\))?"
    r"(?:[ \t]+5[ \t]+năm)?"
    rf"(?:[ \t]+giai[ \t]+đoạn)?[ \t]+(\d{{4}}){_SEP}(\d{{4}})(?!\d)",
    re.I,
)


def _check_plan_period(ex: Extraction, add: AddFinding) -> None:
    """``plan-period``: a five-year plan whose period is not one of the national cycle.

    The socio-economic development plans and the medium-term public investment plans run
    for five years, 2016 - 2020, 2021 - 2025, 2026 - 2030 (a start year ending in 1 or 6).
    The suggestion keeps the printed end that fits the cycle, else the start.
    """
    for line in ex.lines.having("hoạch", dated=True):
        text = line.own_text
        for match in _DEV_PLAN.finditer(text):
            start, end = int(match.group(1)), int(match.group(3))
            if start % 5 == 1 and end == start + 4:
                _check_plan_citation(line.where, text, match, add)
                continue
            if start % 5 == 1:
                right = (start, start + 4)
            elif end % 5 == 0:
                right = (end - 4, end)
            else:
                continue
            sep = text[match.end(1) : match.start(3)]
            fixed = text[match.start() : match.start(1)] + f"{right[0]}{sep}{right[1]}"
            printed = " ".join(match.group().split())
            texts = words.plan_period(printed, 5, " ".join(fixed.split()))
            add(Severity.WARNING, "plan-period", *line.where(match.start(1)), *texts)


_CITED: Final = re.compile(r"(?<!\w)số[ \t]*\d{1,4}/(\d{4})/[^\s,;]*", re.I)


def _check_plan_citation(
    where: Callable[[int], tuple[int, int]], text: str, plan: re.Match[str], add: AddFinding
) -> None:
    """``plan-period``: "Nghị quyết số 142/2016/QH13 … về Kế hoạch … 5 năm 2021 - 2025".

    A five-year plan's resolution is passed in the plan's first year or the one before it; a
    document numbered in an earlier cycle concerns that cycle's plan (2016 → 2016 - 2020).
    """
    start = int(plan.group(1))
    sentence = _sentence_at(text, plan.start(), len(text))[0]
    cited = list(_CITED.finditer(text, sentence, plan.start()))
    if not cited or plan.start() - cited[-1].end() > 120:
        return
    issued = int(cited[-1].group(1))
    if not 1900 < issued < start - 1:
        return
    first = (issued - 1) // 5 * 5 + 1
    sep = text[plan.end(1) : plan.start(3)]
    fixed = " ".join((text[cited[-1].start() : plan.start(1)] + f"{first}{sep}{first + 4}").split())
    texts = words.plan_citation(cited[-1].group(), issued, fixed)
    add(Severity.WARNING, "plan-period", *where(plan.start(1)), *texts)


# --- a year that lost a digit --------------------------------------------------------------------

_TRUNCATED: Final = re.compile(
    r"(?<![\d/.])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d)(?![\d/.]?\d)(?![/.\-]\d)"
)
_TRUNCATED_LINES: Final = re.compile(r"\d[/.\-]\d\d?[/.\-](?:19|20)\d")
"""In every match of ``_TRUNCATED``: found much faster (it starts with a digit, not a test),
and only on the lines with a day, a month and a year's first digits ("1/1" is not enough)."""


def _check_truncated_years(ex: Extraction, add: AddFinding) -> None:
    """``incomplete-date``: "30/4/202" — a date whose year has three digits.

    When the line's anniversary statement has its origin and ordinal, the suggestion is the
    anniversary date they make; else the plan year when its digits begin with those printed.
    """
    lines = ex.lines.having(_TRUNCATED_LINES, dated=True)  # the lines that may hold one
    if not lines:
        return
    last = next((i + 1 for i in reversed(range(len(ex.lines))) if ex.lines.has_text(i)), 0)
    by_line: dict[int, list[Anniversary]] = {}
    for a in ex.anniversaries:
        by_line.setdefault(a.line, []).append(a)
    for line in lines:
        for match in _TRUNCATED.finditer(line.own_text):
            if line.number == last and not line.own_text[match.end() :].strip():
                continue  # a page cut off inside its last date: not the document's mistake
            year: int | None = None
            for a in by_line.get(line.number, ()):
                origin = a.origin_printed
                if (
                    a.index < match.start()
                    and origin is not None
                    and origin.year is not None
                    and str(origin.year + a.ordinal).startswith(match.group(4))
                ):
                    year = origin.year + a.ordinal
            if year is None and ex.year is not None and str(ex.year).startswith(match.group(4)):
                year = ex.year
            fixed = None
            if year is not None:
                fixed = f"{match.group(1)}{match.group(2)}{match.group(3)}{match.group(2)}{year}"
            texts = words.truncated_year(match.group(), fixed)
            add(Severity.WARNING, "incomplete-date", *line.where(match.start()), *texts)
