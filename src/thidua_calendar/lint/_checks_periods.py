r"""The checks of the periods a document speaks of: school years, years compared, reviews.

| Code | Severity | What |
|---|---|---|
| ``stale-text`` | error | "năm học 2023 - 2024" in the plan for năm học 2024 – 2025 |
| ``same-year-comparison`` | warning | a result of 2022 "tăng 8,8% so với năm 2022" |
| ``review-year`` | warning | the review of 2021 votes on "thành tích … năm 2020" |
| ``review-period`` | warning | "Hội nghị điển hình tiên tiến giai đoạn 2020-2025" (for 2016-2020) |
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
from collections.abc import Iterator
from typing import Final

from .._vocabulary import Severity
from .._wording import lint as words
from ._model import AddFinding, Extraction
from ._text import SourceLine

_SEP: Final = r"[ \t]*([-–—])[ \t]*"
_SCHOOL_YEAR: Final = re.compile(
    rf"(?<!\w)(năm[ \t]+học[ \t]+)(\d{{4}}){_SEP}(\d{{4}})(?!\d)", re.I
)
_HEADING_SCHOOL_YEAR: Final = re.compile(
    rf"[\W_]*(?:kế[ \t]+hoạch\b[^\n]{{0,80}}?)?năm[ \t]+học[ \t]+(\d{{4}}){_SEP}(\d{{4}})[\W_]*",
    re.I,
)
_HEAD: Final = 25
_LOOKS_BACK: Final = re.compile(
    r"(?<!\w)(?:đã|vừa|kết[ \t]+quả|tổng[ \t]+kết|sơ[ \t]+kết|năm[ \t]+học[ \t]+trước|"
    r"năm[ \t]+qua|thành[ \t]+tích|đạt|so[ \t]+với|cùng[ \t]+kỳ|đánh[ \t]+giá|báo[ \t]+cáo|"
    r"nhìn[ \t]+lại|phát[ \t]+huy|tiếp[ \t]+nối|kế[ \t]+thừa)(?!\w)",
    re.I,
)
"""Words of a sentence that looks back at last (school) year on purpose."""
_SENTENCE: Final = re.compile(r"[^.!?;]*(?:[.!?;](?=\s|$)|$)")


def check_periods(ex: Extraction, add: AddFinding) -> set[int]:
    """Run the checks of this module; the lines found to be last year's text."""
    stale = _check_school_year(ex, add)
    _check_same_year(ex, add)
    _check_review_year(ex, add)
    _check_review_period(ex, add)
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


def school_year_of(ex: Extraction) -> tuple[int, set[int]] | None:
    r"""The school year a plan is for, from its title or a heading line; with those lines.

    Examples:
        >>> from thidua_calendar.lint._extract import extract
        >>> school_year_of(extract("KẾ HOẠCH CHỈ ĐẠO CHUYÊN MÔN\nNĂM HỌC 2024 – 2025\n"))
        (2024, {2})
    """
    heads = {
        line.number: int(m.group(1))
        for line in ex.lines[:_HEAD]
        if len(line.own_text) < 120
        and (m := _HEADING_SCHOOL_YEAR.fullmatch(line.own_text)) is not None
        and int(m.group(3)) == int(m.group(1)) + 1
    }
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
    if ex.issued is not None and not (
        (first, 6) <= (ex.issued.year, ex.issued.month) <= (first + 1, 5)
    ):
        return None  # dated outside the school year it names: not sure which it is
    return first, set(heads)


def _check_school_year(ex: Extraction, add: AddFinding) -> set[int]:
    """``stale-text``: last school year in a school-year plan's sentence that looks forward.

    The plan's school year is printed in its title or heading (:func:`school_year_of`); a
    sentence naming the school year before it, with no word that looks back on purpose
    ("kết quả", "tổng kết", "đã", "so với", "thành tích" …), is last year's text. The
    suggestion is the sentence with the school year of the plan.
    """
    found = school_year_of(ex)
    if found is None:
        return set()
    first, heads = found
    stale: set[int] = set()
    for line in ex.lines:
        if line.number in heads or not line.digits:
            continue
        text = line.own_text
        if "học" not in text:
            continue
        for match in _SCHOOL_YEAR.finditer(text):
            if int(match.group(2)) != first - 1 or int(match.group(4)) != first:
                continue
            start, stop = _sentence_at(text, match.start(), len(text))
            if _LOOKS_BACK.search(text, start, stop):
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
_SURE: Final = frozenset({"given", "title", "date"})


def _check_same_year(ex: Extraction, add: AddFinding) -> None:
    """``same-year-comparison``: "tăng 8,8% so với năm 2022" in the results of 2022.

    Only in a document of one calendar year known from its title, date line or the caller,
    and only in a sentence that reports a result ("đạt", "tăng", "giảm") and sets no target
    (a plan's "phấn đấu tăng 5% so với năm 2022" for 2023 looks at a year before its own).
    """
    year = ex.year
    if year is None or ex.school_year or ex.year_source not in _SURE or len(ex.years) > 1:
        return
    wanted = str(year)
    for line in ex.lines:
        text = line.own_text
        if not line.digits or wanted not in text or "so v" not in text:
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
    for line in ex.lines[:_HEAD]:
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
    for line in ex.lines:
        text = line.own_text
        if not line.digits or behind not in text:
            continue
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


# --- a review named for a period that has not run ------------------------------------------------

_PERIOD: Final = rf"giai[ \t]+đoạn[ \t]+(\d{{4}}){_SEP}(\d{{4}})(?!\d)"
_REVIEW_EVENT: Final = re.compile(
    r"(?<!\w)(?:hội[ \t]+nghị[ \t]+(?:biểu[ \t]+dương[ \t]+|tuyên[ \t]+dương[ \t]+)?"
    r"(?:các[ \t]+)?điển[ \t]+hình[ \t]+tiên[ \t]+tiến|đại[ \t]+hội[ \t]+thi[ \t]+đua[ \t]+"
    rf"yêu[ \t]+nước)[^.;\n]{{0,80}}?{_PERIOD}",
    re.I,
)
_AWARDED: Final = re.compile(
    r"(?<!\w)(?:thành[ \t]+tích|khen[ \t]+thưởng|giấy[ \t]+khen|bằng[ \t]+khen|"
    rf"cờ[ \t]+thi[ \t]+đua)[^.;\n]{{0,120}}?{_PERIOD}",
    re.I,
)


def _check_review_period(ex: Extraction, add: AddFinding) -> None:
    """``review-period``: a review named for a period its own awards show has not run.

    "Hội nghị điển hình tiên tiến giai đoạn 2020-2025" on a page whose awards are all for
    "thành tích … giai đoạn 2016-2020": the conference honours the period that ended, and
    a period that begins when the honoured one ends cannot be reviewed yet.
    """
    reviews: list[tuple[SourceLine, re.Match[str]]] = []
    awarded: set[tuple[int, int]] = set()
    for line in ex.lines:
        text = line.own_text
        if not line.digits or "đoạn" not in text:
            continue
        reviews += [(line, m) for m in _REVIEW_EVENT.finditer(text)]
        awarded |= {(int(m.group(1)), int(m.group(3))) for m in _AWARDED.finditer(text)}
    if len(awarded) != 1:
        return
    (first, last) = next(iter(awarded))
    for line, match in reviews:
        start, end = int(match.group(1)), int(match.group(3))
        if (start, end) == (first, last) or start < last:
            continue
        text = line.own_text
        sep = text[match.end(1) : match.start(3)]
        printed = " ".join(match.group().split())
        fixed = text[: match.start(1)] + f"{first}{sep}{last}" + text[match.end(3) :]
        texts = words.review_period(printed, f"{first}-{last}", " ".join(fixed.split()))
        add(Severity.WARNING, "review-period", *line.where(match.start(1)), *texts)


# --- the national plans' periods -----------------------------------------------------------------

_DEV_PLAN: Final = re.compile(
    r"(?<!\w)kế[ \t]+hoạch[ \t]+(?:phát[ \t]+triển[ \t]+(?:kinh[ \t]+tế[ \t]*[-–][ \t]*xã[ \t]+hội"
    r"|KT[ \t]*-[ \t]*XH)|đầu[ \t]+tư[ \t]+công[ \t]+trung[ \t]+hạn)(?:[ \t]+5[ \t]+năm)?"
    rf"(?:[ \t]+giai[ \t]+đoạn)?[ \t]+(\d{{4}}){_SEP}(\d{{4}})(?!\d)",
    re.I,
)


def _check_plan_period(ex: Extraction, add: AddFinding) -> None:
    """``plan-period``: a five-year plan whose period is not one of the national cycle.

    The socio-economic development plans and the medium-term public investment plans run
    for five years, 2016 - 2020, 2021 - 2025, 2026 - 2030 (a start year ending in 1 or 6).
    The suggestion keeps the printed end that fits the cycle, else the start.
    """
    for line in ex.lines:
        text = line.own_text
        if not line.digits or "hoạch" not in text:
            continue
        for match in _DEV_PLAN.finditer(text):
            start, end = int(match.group(1)), int(match.group(3))
            if start % 5 == 1 and end == start + 4:
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


# --- a year that lost a digit --------------------------------------------------------------------

_TRUNCATED: Final = re.compile(
    r"(?<![\d/.])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d)(?![\d/.]?\d)(?![/.\-]\d)"
)


def _check_truncated_years(ex: Extraction, add: AddFinding) -> None:
    """``incomplete-date``: "30/4/202" — a date whose year has three digits.

    When the line's anniversary statement has its origin and ordinal, the suggestion is the
    anniversary date they make; else the plan year when its digits begin with those printed.
    """
    last = max((line.number for line in ex.lines if line.own_text.strip()), default=0)
    for line in ex.lines:
        if not line.digits or ("/" not in line.own_text and "." not in line.own_text):
            continue
        for match in _TRUNCATED.finditer(line.own_text):
            if line.number == last and not line.own_text[match.end() :].strip():
                continue  # a page cut off inside its last date: not the document's mistake
            year: int | None = None
            for a in ex.anniversaries:
                origin = a.origin_printed
                if (
                    a.line == line.number
                    and a.index < match.start()
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
