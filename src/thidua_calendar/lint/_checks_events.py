r"""The checks of what a plan says of its year: last year's text, lunar days, congresses.

Also terms, the title against the body, and the document's form (issue 15).

| Code | Severity | What |
|---|---|---|
| ``stale-text`` | error | a sentence copied from last year: ordinals and dates a year behind |
| ``title-body-mismatch`` | error | the title counts 35 năm, the body 34 năm, for one event |
| ``lunar-date`` | error | "Tết Bính Ngọ (16/2/2026)": Tết 2026 is 17/02/2026 |
| ``congress-already-met`` | warning | "tiến tới Đại hội XIII của Đảng" in a 2025 plan |
| ``term-length`` | warning | "khóa 2023 - 2024": a body with five-year terms |
| ``document-form`` | info | Nghị định 30/2020: header, "Số:", the date line's zeros |

Examples:
    >>> from thidua_calendar.lint import check_text
    >>> report = check_text("Kế hoạch năm 2026\\nĐón Tết Nguyên đán Bính Ngọ (16/2/2026).")
    >>> [(f.code, f.suggestion) for f in report.findings]
    [('lunar-date', '17/02/2026')]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from .._diagnostics import Diagnostic
from .._vocabulary import Severity
from .._wording import lint as words
from ..congresses import congress_series
from ..errors import ThiduaError
from ..lunar import tet, to_solar
from ..plans import year_span
from ._model import AddFinding, Anniversary, Extraction
from ._tet import lunar_day_dates, tet_day_dates
from ._text import SourceLine


def check_events(ex: Extraction, add: AddFinding, found: Sequence[Diagnostic]) -> set[int]:
    """Run the checks of this module; the lines found to be last year's text.

    Args:
        ex: The document.
        add: Where findings go.
        found: The findings so far (a line already in error gets no second finding for the
            same statement).
    """
    stale = _check_stale(ex, add)
    _check_title_body(ex, add, found, stale)
    _check_lunar_dates(ex, add)
    _check_congresses_met(ex, add, found)
    _check_terms(ex, add)
    _check_form(ex, add)
    return stale


# --- last year's text ---------------------------------------------------------------------------

_SENTENCE_END: Final = re.compile(r"[.!?](?=\s|$)")
_LIST_MARK: Final = re.compile(r"[\s*+•\-–]*(?:(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]+)?", re.I)
"""A list item's mark ("1. ", "a) ", "- "): not a sentence of its own."""
_PAST: Final = re.compile(
    r"(?<!\w)(?:đã|vừa|năm[ \t]+qua|năm[ \t]+trước|năm[ \t]+ngoái|kết[ \t]+quả|tổng[ \t]+kết|"
    r"sơ[ \t]+kết)(?!\w)",
    re.IGNORECASE,
)


def _period(ex: Extraction) -> tuple[dt.date, dt.date] | None:
    if ex.year is None or not 1 < ex.year < 9999:
        return None
    return year_span(ex.year, school_year=ex.school_year)


def self_consistent(a: Anniversary) -> tuple[int, int] | None:
    """(origin year, date year) printed with a statement whose ordinal they make."""
    o, d = a.origin_printed, a.date_printed
    if not (a.printed and o is not None and d is not None and o.valid and d.valid):
        return None
    if o.year is None or d.year is None or d.year - o.year != a.ordinal:
        return None
    return o.year, d.year


def _shift(date: dt.date) -> dt.date | None:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:
        return None


def _year_confirmed(ex: Extraction, first: dt.date, last: dt.date) -> bool:
    """Whether the plan's period is sure: its year in the title, or a statement dated in it.

    A sentence a year behind is last year's only against a period the document confirms
    elsewhere; a news page whose year was guessed wrong is not last year's text.
    """
    if ex.title and ex.year is not None and str(ex.year) in ex.title:
        return True
    for a in ex.anniversaries:
        dated = self_consistent(a) is not None and a.date is not None and len(a.date) == 10
        if dated and a.date is not None and first <= dt.date.fromisoformat(a.date) <= last:
            return True
    return False


def _check_stale(ex: Extraction, add: AddFinding) -> set[int]:
    """``stale-text``: a sentence whose every dated anniversary is one year behind the plan.

    A sentence (of one line) is last year's when it has at least one anniversary statement
    with printed dates that agree with its ordinal, every such statement is dated in the year
    before the plan's period and would fall inside it a year later, no statement of the
    sentence is dated in the period, and the sentence does not speak of the past ("đã",
    "năm qua", "kết quả" …); the period must be confirmed (:func:`_year_confirmed`). The
    suggestion is the sentence with each ordinal and each
    anniversary year one more.
    """
    period = _period(ex)
    if period is None:
        return set()
    first, last = period
    if not _year_confirmed(ex, first, last):
        return set()
    by_line: dict[int, list[Anniversary]] = {}
    for a in ex.anniversaries:
        by_line.setdefault(a.line, []).append(a)
    stale: set[int] = set()
    for number, statements in by_line.items():
        line = ex.lines[number - 1]
        text = line.text
        mark = _LIST_MARK.match(text)
        begin = mark.end() if mark else 0
        pending = sorted(statements, key=lambda a: a.index)
        taken = 0
        while taken < len(pending) and pending[taken].index < begin:
            taken += 1
        for end_match in [*_SENTENCE_END.finditer(text, begin, line.own), None]:
            end = end_match.end() if end_match else line.own
            first_of = taken
            while taken < len(pending) and pending[taken].index < end:
                taken += 1
            sentence = pending[first_of:taken]
            span = (begin, end)
            begin = end
            if not sentence or _PAST.search(text, span[0], span[1]):
                continue
            edits: list[tuple[int, int, str]] = []
            ok = True
            for a in sentence:
                dated = self_consistent(a)
                if dated is None or a.date is None or a.date_printed is None or len(a.date) != 10:
                    ok = False
                    break
                when = dt.date.fromisoformat(a.date)
                moved = _shift(when)
                if not (when < first and moved is not None and first <= moved <= last):
                    ok = False
                    break
                digits = re.match(r"\d+", text[a.index :])
                printed = a.date_printed
                year_at = text.rfind(str(dated[1]), printed.start, printed.end)
                if digits is None or year_at < 0:
                    ok = False
                    break
                edits.append((a.index, a.index + digits.end(), str(a.ordinal + 1)))
                edits.append((year_at, year_at + 4, str(dated[1] + 1)))
            if not ok or not edits:
                continue
            fixed = text[span[0] : span[1]]
            for start, stop, new in sorted(edits, reverse=True):
                fixed = fixed[: start - span[0]] + new + fixed[stop - span[0] :]
            assert ex.year is not None
            column = line.where(sentence[0].index)[1]
            texts = words.stale_text(ex.year, first.year - 1, " ".join(fixed.split()))
            add(Severity.ERROR, "stale-text", number, column, *texts)
            stale.add(number)
    return stale


# --- the title against the body ------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _title_lines(ex: Extraction) -> set[int]:
    if not ex.title:
        return set()
    title = _fold(ex.title)
    return {
        line.number
        for line in ex.lines[:20]
        if len(_fold(line.own_text)) > 8 and _fold(line.own_text).strip(" *#_") in title
    }


def _check_title_body(
    ex: Extraction, add: AddFinding, found: Sequence[Diagnostic], stale: set[int]
) -> None:
    """``title-body-mismatch``: the title and the body count the same event differently.

    The statement that is wrong is the one whose ordinal its own printed dates contradict, or
    else the one the other's printed dates contradict (a body statement dated so that its
    ordinal is the title's). Nothing is said when neither can be told, or when the line is
    already in error.
    """
    heads = _title_lines(ex)
    if not heads:
        return
    titled = [a for a in ex.anniversaries if a.line in heads]
    body = [a for a in ex.anniversaries if a.line not in heads]
    flagged = {d.line for d in found if d.severity is Severity.ERROR} | stale
    for t in titled:
        for b in body:
            same = (t.key is not None and t.key == b.key) or _fold(t.name) == _fold(b.name)
            if not same or t.ordinal == b.ordinal:
                continue
            t_ok, b_ok = self_consistent(t), self_consistent(b)
            wrong, right = (
                (b, t) if t_ok and not b_ok else (t, b) if b_ok and not t_ok else (None, None)
            )
            if wrong is None or right is None or wrong.line in flagged:
                continue
            texts = words.title_body_ordinal(t.name, t.ordinal, b.ordinal, right.ordinal)
            add(Severity.ERROR, "title-body-mismatch", wrong.line, wrong.column, *texts, key=t.key)
            flagged.add(wrong.line)


# --- lunar days printed with a solar date --------------------------------------------------------


def _check_lunar_dates(ex: Extraction, add: AddFinding) -> None:
    """``lunar-date``: a lunar day printed with a solar date that is not its date that year.

    The year is the printed date's (for Tết, whose day can fall in late January or February
    of it); a date more than 45 days away from the lunar day is about something else.
    """
    for line in ex.lines.containing(("tết", "giỗ", "rằm", "vu lan"), dated=True):
        for item in lunar_day_dates(line):
            if item.date is None:
                continue
            try:
                right = to_solar(item.date.year, item.month, item.day)
            except ThiduaError:  # a year the lunar tables do not have
                continue
            if right == item.date or abs((right - item.date).days) > 45:
                continue
            lunar = f"{item.day:02d}/{item.month:02d}"
            texts = words.lunar_day_date(item.name, item.date, right, lunar)
            add(Severity.ERROR, "lunar-date", line.number, item.column, *texts)
        for day in tet_day_dates(line):
            if day.date is None:
                continue
            meant = _tet_day(day.number, day.date)
            if meant is None or meant == day.date:
                continue
            lunar = f"{day.number:02d}/01"
            texts = words.lunar_day_date(f"Mồng {day.number} Tết", day.date, meant, lunar)
            add(Severity.ERROR, "lunar-date", line.number, day.column, *texts)


def _tet_day(number: int, printed: dt.date) -> dt.date | None:
    """Day ``number`` of Tết meant by a printed date: of the Tết whose day agrees best with it.

    The candidates are the days of the Tết of the printed year and of the years either side;
    the one on the same day of the month is taken first ("14/12/2019" for 14/02/2019, a digit
    typo), then the one in the same month, then the nearest.
    """
    candidates = []
    for year in (printed.year - 1, printed.year, printed.year + 1):
        try:
            candidates.append(tet(year) + dt.timedelta(days=number - 1))
        except ThiduaError:  # a year the lunar tables do not have, a day no month has
            continue
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda c: (
            c.day != printed.day,
            (c.year, c.month) != (printed.year, printed.month),
            abs((c - printed).days),
        ),
    )


# --- congresses named as still to come after they met -------------------------------------------


def _check_congresses_met(ex: Extraction, add: AddFinding, found: Sequence[Diagnostic]) -> None:
    """``congress-already-met``: "tiến tới Đại hội XIII" in a plan of a year after XIII met.

    Only a mention the words right before name as still to come ("tiến tới", "hướng tới",
    "chuẩn bị cho", "bầu cử"); a congress already flagged on its line is left alone.
    """
    if ex.year is None:
        return
    taken = {(d.line, d.key) for d in found if d.code.startswith("congress")}
    for mention in ex.congresses:
        if not mention.upcoming or (mention.line, mention.series) in taken:
            continue
        try:
            series = congress_series(mention.series)
        except LookupError:
            continue
        held = next((c for c in series.congresses if c.ordinal == mention.ordinal), None)
        if held is None or held.year >= ex.year:
            continue
        texts = words.congress_met_before(
            ex.year, series, mention.ordinal, held.year, mention.ordinal + 1
        )
        add(
            Severity.WARNING,
            "congress-already-met",
            mention.line,
            mention.numeral_column,
            *texts,
            key=series.key,
        )


# --- a term that is no term -----------------------------------------------------------------

_TERM: Final = re.compile(
    r"(?<!\w)(?:kh(?:óa|oá)|nhiệm[ \t]+kỳ)[ \t]+(\d{4})[ \t]*[-–][ \t]*(\d{4})(?!\d)", re.IGNORECASE
)
_FIVE_YEAR: Final = re.compile(
    r"(?<!\w)(?:công[ \t]+đoàn|đảng[ \t]+bộ|chi[ \t]+bộ|hđnd|hội[ \t]+đồng[ \t]+nhân[ \t]+dân|"
    r"quốc[ \t]+hội|mặt[ \t]+trận|hội[ \t]+nông[ \t]+dân|hội[ \t]+cựu[ \t]+chiến[ \t]+binh|"
    r"hội[ \t]+ccb|hội[ \t]+liên[ \t]+hiệp[ \t]+phụ[ \t]+nữ|hội[ \t]+lhpn)(?!\w)",
    re.IGNORECASE,
)
_YEARLY: Final = re.compile(
    r"(?<!\w)(?:chi[ \t]+đoàn|liên[ \t]+đội|chi[ \t]+đội|chi[ \t]+hội|lớp|học[ \t]+sinh|"
    r"sinh[ \t]+viên|câu[ \t]+lạc[ \t]+bộ|năm[ \t]+học|khóa[ \t]+học|khoá[ \t]+học|tổ)(?!\w)",
    re.IGNORECASE,
)


def _check_terms(ex: Extraction, add: AddFinding) -> None:
    """``term-length``: "khóa 2023 - 2024" for a body whose terms are five years.

    A span of at most one year (or a backward one) printed as the khóa or nhiệm kỳ of a
    union, a Party committee, a people's council or a mass organisation, on a line that names
    no body with yearly terms (chi đoàn, liên đội, chi hội, a class …).
    """
    for line in ex.lines.containing(("kh", "nhiệm"), dated=True):
        text = line.own_text
        if _YEARLY.search(text):
            continue
        for match in _TERM.finditer(text):
            first, last = int(match.group(1)), int(match.group(2))
            if last - first > 1:
                continue
            before = text[max(0, match.start() - 80) : match.start()]
            if not _FIVE_YEAR.search(before):
                continue
            suggested = f"nhiệm kỳ {first} - {first + 5}"
            texts = words.term_length(match.group(), last - first, suggested)
            add(Severity.WARNING, "term-length", *line.where(match.start()), *texts)


# --- the formal parts of a document (Nghị định 30/2020) -------------------------------------------

_HEADER: Final = re.compile(
    r"(?<!nước )cộng[ \t]+h(?:òa|oà)[ \t]+xã[ \t]+hội[ \t]+chủ[ \t]+nghĩa[ \t]+việt[ \t]+nam"
    r"|độc[ \t]+lập[ \t]*[-–][ \t]*tự[ \t]+do[ \t]*[-–][ \t]*hạnh[ \t]+phúc",
    re.I,
)
"""The national header or its motto (not "… của nước Cộng hòa xã hội chủ nghĩa Việt Nam")."""
_NUMBER: Final = re.compile(r"^[\s*_|]*số[ \t]*:?[ \t]*[\w.…]*[ \t]*/[ \t]*(?:kh|qđ|cv|tb)", re.I)
_DATE_LINE: Final = re.compile(
    r"(?:,|^)[ \t*_]*ngày[ \t]+(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})", re.I
)
HEAD_LINES: Final = 25


def _check_form(ex: Extraction, add: AddFinding) -> None:
    """``document-form`` (info): the number line and the date line's zeros.

    A numbered document without the national header is not flagged: the Party's, the
    unions' and the Đoàn's documents carry their own header instead.

    Only a document that looks formal (a "Số: …/KH-…" line or the national header in its
    first lines) is looked at: one with the national header and no number line, and a date
    line with a day below 10 or a month below 3 written without its zero ("ngày 5 tháng 1
    năm 2024" for "ngày 05 tháng 01 năm 2024").
    """
    head: list[SourceLine] = list(ex.lines[:HEAD_LINES])
    header = next((line for line in head if _HEADER.search(line.own_text)), None)
    number = next((line for line in head if _NUMBER.match(line.own_text)), None)
    if header is None and number is None:
        return
    if header is not None and number is None:
        add(Severity.INFO, "document-form", header.number, 1, *words.form_number())
    for line in head:
        match = _DATE_LINE.search(line.own_text)
        if match is None:
            continue
        day, month = match.group(1), match.group(2)
        if (int(day) < 10 and len(day) == 1) or (int(month) < 3 and len(month) == 1):
            fixed_day = day.zfill(2) if int(day) < 10 else day
            fixed_month = month.zfill(2) if int(month) < 3 else month
            printed = match.group().lstrip(", \t*_")
            fixed = f"ngày {fixed_day} tháng {fixed_month} năm {match.group(3)}"
            texts = words.form_zero(printed, fixed)
            add(Severity.INFO, "document-form", *line.where(match.start(1)), *texts)
        break
