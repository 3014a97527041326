"""Phases (đợt thi đua): their labels and windows as printed, resolved to dates.

"Đợt 1 (Từ tháng 01/2020 đến 30/6/2020)", "Đợt 2: Từ ngày 01/7/2017 đến 31/12/2017",
"(từ ngày 1.1 - 30.6)" (the year implied), "từ khi phát động đến 31/7/2024", "từ tháng
10/2025 đến khi tổ chức thành công Đại hội XIV", "đến hết học kỳ I", "đến Ngày thành lập
Công đoàn Việt Nam" (the next occurrence of a day of the catalogue in use). A window's
start and end are read as bounds first; the plan year, the document date and the other
bound then give the dates.

Examples:
    >>> from ..commemorations import default_catalog
    >>> from ._names import names
    >>> from ._text import split_lines
    >>> lines = split_lines("Đợt 1 (Từ tháng 01/2020 đến 30/6/2020): chủ đề “Mừng Đảng”")
    >>> raw, _ = phases_in(lines[0], None, names())
    >>> (phase,), _ = build_phases(raw, lines, 2020, None, [], default_catalog())
    >>> phase.label, phase.start, phase.end, phase.start_precision, phase.theme
    ('Đợt 1', datetime.date(2020, 1, 1), datetime.date(2020, 6, 30), 'month', 'Mừng Đảng')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import islice
from typing import Final, Literal, NamedTuple

from .._milestones import next_occurrence
from .._wording.lint import until_congress, until_day, until_semester
from ..commemorations import Catalog
from ..plans import EndEvent
from ._anniversaries import Statement
from ._congresses import RawCongress, congress_at, congress_end
from ._dates import DAY_NUMBERS, PrintedDate, last_day, make, match_date, match_month
from ._model import EndPrecision, Lede, PhaseWindow, StartPrecision
from ._names import NameIndex
from ._text import SourceLine, clean_theme, iter_tokens

_S: Final = r"[ \t\u00a0]"  # a space inside a phrase (never a line break)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", _S + "+"), re.IGNORECASE)


PHASE_LABEL: Final = re.compile(
    r"(?<!\w)(?:đợt|giai[ \t]+đoạn)[ \t]+(\d{1,2}|[IVX][IVX1]{0,3}|một|hai|ba|bốn)(?!\w)",
    re.IGNORECASE,
)
"""A phase label: "Đợt 1", "đợt II", "Giai đoạn 2" (and "Đợt I1", a typo of "Đợt II")."""
_FROM: Final = re.compile(r"(?<!\w)từ[ \t\u00a0]+", re.IGNORECASE)
_LABEL_GAP: Final = re.compile(r"[ \t\u00a0,:.(*\-–]*")
_S_RANGE: Final = re.compile(
    r"tháng[ \t]+(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})[ \t]*[/.\-][ \t]*(\d{4})(?!\d)", re.IGNORECASE
)
_S_MONTH_LONG: Final = _rx(r"tháng (\d{1,2}) năm (\d{4})(?!\d)")
_MONTH_WORD: Final = _rx(r"tháng ")
_MONTH_ONLY: Final = re.compile(r"(\d{1,2})(?![\d/.\-])")
_DAY_WORD: Final = _rx(r"(?:hết )?ngày ")
_AFTER_WORD: Final = _rx(r"sau (?:ngày )?")
_DAY_ONLY: Final = _rx(r"ngày (\d{1,2})(?![\d/.\-])")
_DASHED: Final = re.compile(r"(?<![\d/.\-])(\d{1,2})-(\d{1,2})(?![\d/.\-])")
_END_WORD: Final = _rx(r"hết ")
_S_EVENT: Final = _rx(
    r"(?:(?:khi|lúc|ngày) (?:ban hành kế hoạch(?: này)?|phát động(?: phong trào)?(?: thi đua)?)"
    r"|nay|bây giờ)(?!\w)"
)
_S_YEAR_START: Final = _rx(r"đầu năm(?: (\d{4}))?(?!\w)")
_QUARTER: Final = _rx(r"(?:đầu )?quý (IV|I{1,3}|[1-4])(?:\s*[-/]\s*| năm )(\d{4})(?!\d)")
_DURATION: Final = _rx(r"(?:đợt|chiến dịch)[^.;\n]{0,40}?(?<!\d)(\d{1,3}) ngày(?: đêm)?(?!\w)")
"""A campaign of so many days after a start ("từ đầu quý IV-2019 … đợt thi đua 90 ngày đêm")."""
_CONNECT: Final = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:đến|tới)[ \t\u00a0]+|[ \t\u00a0]*[-–—_][ \t\u00a0]*", re.I
)
_E_SEMESTER: Final = _rx(r"(?:(?:hết|cuối) )?học kỳ (I{1,2}|1|2)(?!\w)")
_E_SCHOOL_YEAR: Final = _rx(r"(?:hết|cuối) năm học(?!\w)")
_E_YEAR_END: Final = _rx(r"(?:hết|cuối) năm(?: (?:nay|(\d{4})))?(?!\w)")
_E_TBA: Final = _rx(r"khi có thông báo(?: mới)?")
_E_NOW: Final = _rx(r"(?:nay|bây giờ|thời điểm (?:này|hiện tại))(?!\w)")
"""A window up to the document's date ("từ đầu năm đến nay", in a report)."""
_E_CONGRESS: Final = _rx(
    r"(?:khi )?(?:(?:tổ chức|diễn ra|kết thúc) )?(?:thành công )?(?=đại h[ộôo]i(?!\w))"
)


class _Bound(NamedTuple):
    """One end of a printed window, before the year is known.

    A tuple underneath (one or two per window printed, and a document may print many),
    immutable like the records.
    """

    kind: Literal[
        "date",
        "month",
        "day",
        "days",
        "event",
        "year_start",
        "year_end",
        "semester",
        "tba",
        "now",
        "congress",
    ]
    start: int
    end: int
    date: PrintedDate | None = None
    year: int | None = None
    number: int | None = None
    congress: RawCongress | None = None
    commemoration: str | None = None
    after: bool = False


def _month_bound(text: str, pos: int, begin: int | None = None) -> _Bound | None:
    """A month at ``pos`` ("tháng 01/2020", "01/2020", "tháng 6"); its bound starts at ``begin``."""
    begin = pos if begin is None else begin
    match = _S_MONTH_LONG.match(text, pos)
    if match:
        date = PrintedDate(
            None, int(match.group(1)), int(match.group(2)), pos, match.end(), match.group()
        )
        return _Bound("month", begin, match.end(), date)
    word = _MONTH_WORD.match(text, pos)
    at = word.end() if word else pos
    month = match_month(text, at)
    if month is not None:
        return _Bound("month", begin, month.end, month)
    if word:
        only = _MONTH_ONLY.match(text, at)
        if only:
            date = PrintedDate(None, int(only.group(1)), None, at, only.end(), only.group())
            return _Bound("month", begin, only.end(), date)
    return None


def _date_bound(
    text: str, pos: int, *, end: bool = False, begin: int | None = None
) -> _Bound | None:
    """A day at ``pos`` ("ngày 1/3", "30/6", "hết ngày 31-12"); its bound starts at ``begin``."""
    word = _DAY_WORD.match(text, pos)
    at = word.end() if word else pos
    date = match_date(text, at, yearless=True)
    if date is None and (word or end):  # "ngày 30-11", "đến 31-12" (never "từ 1-12")
        dashed = _DASHED.match(text, at)
        if dashed and int(dashed.group(2)) <= 12:
            day, month = int(dashed.group(1)), int(dashed.group(2))
            date = PrintedDate(day, month, None, at, dashed.end(), dashed.group())
    if date is None:
        return None
    return _Bound("date", pos if begin is None else begin, date.end, date)


def _start_bound(text: str, pos: int) -> tuple[_Bound, _Bound | None] | None:
    """A window's start (and, for "tháng 1-12/2023", its end as well).

    Every start begins with a digit or a letter; one that begins with a digit is a date or
    a month ("1/3", "01/2020"), the words ("tháng", "sau", "đầu quý" …) are not tried.
    """
    first = text[pos : pos + 1]
    if first.isdecimal():  # what ``\d`` matches: the patterns of words start with a letter
        bound = _date_bound(text, pos) or _month_bound(text, pos)
        return (bound, None) if bound is not None else None
    if not first.isalpha():
        return None
    match = _S_RANGE.match(text, pos)
    if match:
        year = int(match.group(3))
        start = PrintedDate(None, int(match.group(1)), year, pos, match.end(), match.group())
        last = PrintedDate(None, int(match.group(2)), year, pos, match.end(), match.group())
        return _Bound("month", pos, match.end(), start), _Bound("month", pos, match.end(), last)
    after = _AFTER_WORD.match(text, pos)  # "Từ sau 30/10/2020": from the day after
    if after:
        bound = _date_bound(text, after.end(), begin=pos)
        if bound is not None and bound.date is not None and bound.date.day is not None:
            return bound._replace(after=True), None
    bound = _date_bound(text, pos) or _month_bound(text, pos)
    if bound is not None:
        return bound, None
    match = _DAY_ONLY.match(text, pos)  # "từ ngày 1 đến 31-12": the month is the end's
    if match and _CONNECT.match(text, match.end()):
        date = PrintedDate(int(match.group(1)), None, None, pos, match.end(), match.group())
        return _Bound("day", pos, match.end(), date), None
    match = _QUARTER.match(text, pos)  # "từ đầu quý IV-2019": its first month
    if match:
        quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(match.group(1).upper())
        number = quarter or int(match.group(1))
        month = 3 * (number - 1) + 1
        date = PrintedDate(None, month, int(match.group(2)), pos, match.end(), match.group())
        return _Bound("month", pos, match.end(), date), None
    match = _S_EVENT.match(text, pos)
    if match:
        return _Bound("event", pos, match.end()), None
    match = _S_YEAR_START.match(text, pos)
    if match:
        printed = int(match.group(1)) if match.group(1) else None
        return _Bound("year_start", pos, match.end(), year=printed), None
    return None


def _end_bound(text: str, pos: int, index: NameIndex) -> _Bound | None:
    """A window's end; the words ("hết học kỳ I", "khi tổ chức …") only where a letter is."""
    worded = text[pos : pos + 1].isalpha()  # every pattern of words starts with a letter
    at = pos
    if worded:
        match = _E_SEMESTER.match(text, pos)
        if match:
            number = 2 if match.group(1).upper() in ("II", "2") else 1
            return _Bound("semester", pos, match.end(), number=number)
        match = _E_SCHOOL_YEAR.match(text, pos)
        if match:
            return _Bound("semester", pos, match.end(), number=3)
        match = _E_YEAR_END.match(text, pos)
        if match:
            year = int(match.group(1)) if match.group(1) else None
            return _Bound("year_end", pos, match.end(), year=year)
        match = _E_TBA.match(text, pos)
        if match:
            return _Bound("tba", pos, match.end())
        match = _E_NOW.match(text, pos)
        if match:
            return _Bound("now", pos, match.end())
        match = _E_CONGRESS.match(text, pos)
        if match:
            raw = congress_at(text, match.end())
            if raw is not None:
                return _Bound("congress", pos, raw.end, congress=raw)
        word = _END_WORD.match(text, pos)
        at = word.end() if word else pos
    bound = _date_bound(text, at, end=True, begin=pos) or _month_bound(text, at, pos)
    if bound is not None:
        return bound
    day = _DAY_WORD.match(text, pos) if worded else None
    stream = iter_tokens(text, day.end() if day else pos, min(len(text), pos + 200))
    words = list(islice(stream, 1))
    hit = index.match(text, words, 0, stream) if words else None
    if hit is not None:
        return _Bound("date", pos, words[hit[1] - 1].end, commemoration=hit[0])
    return None


class _Window(NamedTuple):
    """A printed window: its bounds and where it is printed (a tuple, like its bounds)."""

    start: _Bound
    end: _Bound
    span: tuple[int, int]


def _day(sep: int) -> str:
    """The pattern of a printed day whose separator is group ``sep``.

    ``._dates._YEARLESS``, else ``._dates._FULL`` with "/" or "." (four groups: day,
    separator, month, year).
    """
    return rf"(?<![\d/.])(\d{{1,2}})([/.])(\d{{1,2}})(?:(?!\d)(?![/.\-]\d)|\{sep}(\d{{4}})(?!\d))"


_DAY_TO_DAY: Final = re.compile(
    rf"(?:ngày{_S}+)?{_day(2)}(?:{_CONNECT.pattern})(?P<to>(?:ngày{_S}+)?{_day(7)})",
    re.IGNORECASE,
)
"""The commonest window, two days ("1/1 đến 2/2", "ngày 01/7/2020 - ngày 31/12/2020"), in one
match: what :func:`_start_bound`, :data:`_CONNECT` and :func:`_end_bound` find in it, found at
once. Any other window is read bound by bound (a test holds that both read alike)."""


def _window_at(
    text: str, pos: int, index: NameIndex, *, after_from: bool, begin: int | None = None
) -> _Window | None:
    """The window printed at ``pos``; its span starts at ``begin`` (the "từ" before it)."""
    window = _two_days(text, pos, begin)
    if window is None:
        return _window_by_bounds(text, pos, index, after_from=after_from, begin=begin)
    return window


def _two_days(text: str, pos: int, begin: int | None) -> _Window | None:
    """The window of two days printed at ``pos`` (:data:`_DAY_TO_DAY`), or ``None``."""
    quick = _DAY_TO_DAY.match(text, pos)
    if quick is None:
        return None
    day, month, year, day2, month2, year2 = quick.group(1, 3, 4, 6, 8, 9)
    a, b = quick.start(1), quick.end(3) if year is None else quick.end(4)
    c, d = quick.start(6), quick.end()
    start = _printed_day(text, day, month, year, a, b)
    end = _printed_day(text, day2, month2, year2, c, d)
    # Made as tuples (``make``): thousands of windows, and each record's ``__new__`` is a call.
    return make(
        _Window,
        (
            make(_Bound, ("date", pos, b, start, None, None, None, None, False)),
            make(_Bound, ("date", quick.start("to"), d, end, None, None, None, None, False)),
            (pos if begin is None else begin, d),
        ),
    )


def _printed_day(
    text: str, day: str, month: str, year: str | None, start: int, end: int
) -> PrintedDate:
    """The day printed at ``text[start:end]``, from its digits as matched.

    A table reads a day or a month (:data:`._dates.DAY_NUMBERS`: ``int()`` of a string is a
    call, and a document may print thousands of windows).
    """
    number = DAY_NUMBERS.get
    return make(
        PrintedDate,
        (
            number(day) or int(day),
            number(month) or int(month),
            None if year is None else int(year),
            start,
            end,
            text[start:end],
        ),
    )


def _window_by_bounds(
    text: str, pos: int, index: NameIndex, *, after_from: bool, begin: int | None = None
) -> _Window | None:
    """:func:`_window_at`, reading the start, the connector and the end one by one."""
    begun = _start_bound(text, pos)
    if begun is None:
        return None
    start, end = begun
    if not after_from and start.kind not in ("date", "month"):
        return None
    first = pos if begin is None else begin
    if end is None:
        connector = _CONNECT.match(text, start.end)
        if connector is None:
            lasting = _DURATION.search(text, start.end, min(len(text), start.end + 200))
            if lasting is None or start.kind != "month" or not after_from:
                return None
            days = int(lasting.group(1))
            end = _Bound("days", lasting.start(), lasting.end(), number=days)
            return _Window(start, end, (first, start.end))
        end = _end_bound(text, connector.end(), index)
        if end is None:
            return None
        if start.kind == "day" and (end.kind != "date" or end.date is None or not end.date.month):
            return None
    return _Window(start, end, (first, end.end))


class RawPhase(NamedTuple):
    """A phase as printed on a line, before its window is resolved.

    A tuple underneath (one per phase printed), immutable like the records.

    Attributes:
        line: Its line.
        label: ``Đợt 1`` as printed, or ``None``.
        label_start: Where the label starts (0 without one).
        window: The window printed.
        region_end: Where the phase's text ends on its line (the next label, or the end).
        title: The label, when it was printed on a line before.
    """

    line: SourceLine
    label: str | None
    label_start: int
    window: _Window
    region_end: int
    title: Label | None = None


class Label(NamedTuple):
    """A phase label printed on a line of its own ("a) Đợt 1: “…”"), its window below.

    A tuple underneath (a document may print many labels, each looked at once).

    Attributes:
        name: The label (``Đợt 1``).
        line: Its line.
        end: Where it ends.
    """

    name: str
    line: SourceLine
    end: int


_CAMPAIGN: Final = re.compile(r"thời[ \t]+gian|thi[ \t]+đua|phong[ \t]+trào|phát[ \t]+động", re.I)


def phases_in(
    line: SourceLine, pending: Label | None, index: NameIndex
) -> tuple[list[RawPhase], Label | None]:
    """The phases of a line, and the label still waiting for its window.

    A window without a label, on a line that says nothing of the campaign's time ("thời
    gian", "thi đua" …) and with no label waiting, is not a phase: it is not looked for.

    Args:
        line: The line.
        pending: A label printed alone on a line just before.
        index: The names of the catalogue in use (a phase may end on a commemoration).
    """
    text, own = line.text, line.own
    size = len(text)
    search = PHASE_LABEL.search
    found: list[RawPhase] = []
    used_until = 0
    label = search(text, 0, size)
    if label is not None and label.start() >= own:
        label = None
    while label is not None:  # the labels that start on the line itself, in order
        label_end = label.end()
        name = label.group()
        if "\t" in name or "  " in name:  # its spaces are [ \t]: one space each
            name = " ".join(name.split())
        gap = _LABEL_GAP.match(text, label_end)
        assert gap is not None
        gap_end = gap.end()
        # A window may follow the label, at once or after a "từ" (then the first "từ" after
        # the label: only gap characters lie before it).
        start = _FROM.match(text, gap_end) if gap_end < size else None
        # The commonest, two days, is read first: the next label cannot start inside it,
        # so it is looked for after it ("Đợt 1 từ 1/1 đến 2/2": no search of the rest).
        window = None
        if start is None:
            window = _two_days(text, gap_end, None) if gap_end < size else None
        elif start.end() <= label_end + 100:  # (where a "từ" is looked for: see below)
            window = _two_days(text, start.end(), start.start())
        following = search(text, window.span[1] if window else label_end, size)
        if following is not None and following.start() >= own:
            following = None
        region_end = size if following is None else following.start()
        limit = label_end + 100
        if region_end < limit:
            limit = region_end
        if window is None and start is None and gap_end < size:  # (not two days: see above)
            window = _window_by_bounds(text, gap_end, index, after_from=False)
        if window is None and label_end < limit:
            if start is None or start.end() > limit:
                start = _FROM.search(text, label_end, limit)
            while start is not None:
                window = _window_at(text, start.end(), index, after_from=True, begin=start.start())
                if window is not None:
                    break
                start = _FROM.search(text, start.end(), limit)
        if window is not None:
            title = make(Label, (name, line, label_end))
            raw = (line, name, label.start(), window, region_end, title)
            found.append(make(RawPhase, raw))
            used_until = window.span[1]
        elif following is None and len(line.own_text.strip(" \t*-+:.")) <= len(name) + 60:
            pending = make(Label, (name, line, label_end))  # its window: on the next lines
            used_until = line.own
        label = following
    if found:
        return found, None
    start = _FROM.search(text, used_until, own + 1) if used_until < own else None
    if start is None or (pending is None and not _CAMPAIGN.search(text, 0, own)):
        return found, pending
    while start is not None:
        window = _window_at(text, start.end(), index, after_from=True, begin=start.start())
        if window is not None:
            named = pending.name if pending else None
            found.append(RawPhase(line, named, 0, window, len(text), pending))
            return found, None
        start = _FROM.search(text, start.end(), own + 1)
    return found, pending


# --- resolution -------------------------------------------------------------------------------


class _Resolved(NamedTuple):
    """A window resolved to dates (a tuple: one per phase, dropped once its phase is made)."""

    start: dt.date | None
    end: dt.date | None
    start_precision: StartPrecision
    end_precision: EndPrecision
    end_event: EndEvent | None
    note: str
    dates: tuple[PrintedDate, ...]


def _bound_date(bound: _Bound, year: int | None, *, end: bool) -> dt.date | None:
    date = bound.date
    if date is None:
        return None
    if bound.kind == "month":
        if date.month is None or not 1 <= date.month <= 12:
            return None
        y = date.year if date.year is not None else year
        if y is None or not 1 <= y <= 9999:
            return None
        return last_day(y, date.month) if end else dt.date(y, date.month, 1)
    return _day_of(date, year)


def _year_of(bound: _Bound) -> int | None:
    return bound.date.year if bound.date is not None else bound.year


def _resolve(
    window: _Window,
    year: int | None,
    issued: dt.date | None,
    catalog: Catalog,
    lede: Lede | None = None,
) -> _Resolved:
    start_b, end_b = window.start, window.end
    if start_b.kind == end_b.kind == "date" and not start_b.after and end_b.commemoration is None:
        return _resolve_days(start_b, end_b, year)
    return _resolve_bounds(window, year, issued, catalog, lede)


def _resolve_bounds(
    window: _Window,
    year: int | None,
    issued: dt.date | None,
    catalog: Catalog,
    lede: Lede | None = None,
) -> _Resolved:
    """:func:`_resolve` of any window, bound by bound (a day to a day included)."""
    start_b, end_b = window.start, window.end
    notes: list[str] = []
    # The year of a bound printed without one: from the other bound, else the plan year.
    start_year = _year_of(start_b)
    end_year = _year_of(end_b)
    base_year = start_year or end_year or year
    start: dt.date | None = None
    precision: StartPrecision = "day"
    if start_b.kind in ("date", "month"):
        precision = "month" if start_b.kind == "month" else "day"
        start = _bound_date(start_b, base_year, end=False)
        if start is not None and start_year is None and end_year is not None:
            probe = _bound_date(end_b, end_year, end=True)
            if probe is not None and start > probe:
                start = _bound_date(start_b, end_year - 1, end=False)
        if start is not None and start_b.after:
            start = start + dt.timedelta(days=1) if start < dt.date.max else None
    elif start_b.kind == "event":
        precision = "event"
        if issued is not None:
            start = issued
        elif lede is not None and (lede[2] or end_year or year):
            start = _date(lede[2] or end_year or year or 1, lede[1], lede[0])
        else:
            start = dt.date(year, 1, 1) if year else None
    elif start_b.kind == "year_start":
        y = start_b.year or year
        start = _date(y, 1, 1) if y else None
    end: dt.date | None = None
    end_precision: EndPrecision = "day"
    event: EndEvent | None = None
    after = start.year if start else base_year
    if end_b.kind == "date" and end_b.commemoration is not None:
        end_precision = "event"
        event = EndEvent(commemoration=end_b.commemoration)
        following = next_occurrence(end_b.commemoration, start, catalog=catalog) if start else None
        end = following.date if following else None
        if end is None:
            event = EndEvent(tba=True)
            notes.append(until_day(catalog[end_b.commemoration].name_vi))
    elif end_b.kind in ("date", "month"):
        end_precision = "month" if end_b.kind == "month" else "day"
        end = _bound_date(end_b, end_year or after, end=True)
        if end is not None and end_year is None and start is not None and end < start:
            end = _bound_date(end_b, end.year + 1, end=True)
    elif end_b.kind == "year_end":
        y = end_b.year or after
        end = _date(y, 12, 31) if y else None
    elif end_b.kind == "semester":
        end_precision = "month"
        reference = start or (dt.date(year, 9, 1) if year else None)
        if reference is not None:
            first = reference.year if reference.month >= 8 else reference.year - 1
            end = _date(first, 12, 31) if end_b.number == 1 else _date(first + 1, 5, 31)
        notes.append(until_semester(end_b.number or 1))
    elif end_b.kind == "now":
        now = issued
        if now is None and lede is not None and (lede[2] or after):
            now = _date(lede[2] or after or 1, lede[1], lede[0])
        end = now if now is not None and (start is None or now >= start) else None
    elif end_b.kind == "days" and start is not None and end_b.number:
        end = _date_after(start, end_b.number - 1)
    elif end_b.kind == "tba":
        end_precision = "event"
        event = EndEvent(tba=True)
    elif end_b.kind == "congress" and end_b.congress is not None:
        end_precision = "event"
        event, end = congress_end(end_b.congress, start, year)
        if event.tba:
            notes.append(until_congress(end_b.congress.ordinal))
    if start_b.kind == "day" and start_b.date is not None and end is not None:
        # "từ ngày 1 đến 31-12": the end's month (or the one before, "từ ngày 25 đến 5-1").
        day = start_b.date.day or 1
        start = _date(end.year, end.month, day)
        if start is None or start > end:
            before = _month_before(end)
            start = _date(before.year, before.month, day) if before else None
    dates: tuple[PrintedDate, ...] = ()  # the printed days of the bounds, without a generator
    if end_b.kind == "date" and end_b.date is not None:
        dates = (end_b.date,)
    if start_b.kind == "date" and start_b.date is not None:
        dates = (start_b.date, *dates)
    return _Resolved(start, end, precision, end_precision, event, "; ".join(notes), dates)


def _resolve_days(start_b: _Bound, end_b: _Bound, year: int | None) -> _Resolved:
    """:func:`_resolve` of the commonest window, a day to a day ("1/1 đến 2/2"), on its own.

    The same steps as the general case takes for two printed days: the year of a day printed
    without one is the other's, else the plan year; a start after its end is in the year
    before, an end before its start in the year after.
    """
    first, last = start_b.date, end_b.date
    assert first is not None
    assert last is not None
    start_year, end_year = first.year, last.year
    base_year = start_year or end_year or year
    start = _day_of(first, base_year)
    if start is not None and start_year is None and end_year is not None:
        probe = _day_of(last, end_year)
        if probe is not None and start > probe:
            start = _day_of(first, end_year - 1)
    end = _day_of(last, end_year or (start.year if start else base_year))
    if end is not None and end_year is None and start is not None and end < start:
        end = _day_of(last, end.year + 1)
    return make(_Resolved, (start, end, "day", "day", None, "", (first, last)))


def _day_of(date: PrintedDate, year: int | None) -> dt.date | None:
    """The date of a printed day, its year supplied when printed without one.

    ``None`` when it is no date in that year (``dt.date`` refuses it) or no year is known.
    """
    printed = date.year if date.year is not None else year
    if printed is None or date.day is None or date.month is None:
        return None
    try:
        return dt.date(printed, date.month, date.day)
    except (ValueError, OverflowError):
        return None


def _date_after(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _month_before(day: dt.date) -> dt.date | None:
    """The last day of the month before ``day``'s (``None`` before year 1)."""
    first = day.replace(day=1)
    return first - dt.timedelta(days=1) if first > dt.date.min else None


def _printed_year(window: _Window) -> bool:
    return any(_year_of(b) is not None for b in (window.start, window.end))


def _neighbour_years(
    raws: Sequence[RawPhase],
    resolved: list[_Resolved],
    issued: dt.date | None,
    catalog: Catalog,
    lede: Lede | None = None,
) -> None:
    """Windows printed without a year, in a document without a plan year: from their neighbours.

    "Giai đoạn 2, từ ngày 1 đến 31-12" before "Giai đoạn 3, từ ngày 1 đến 30-1-2026" is
    December 2025: the year that puts it just before the next window (or just after the one
    before). Only windows that start on a printed date are placed so.
    """

    def fits(i: int, year: int, before: _Resolved | None, after: _Resolved | None) -> bool:
        trial = _resolve(raws[i].window, year, issued, catalog, lede)
        if trial.start is None or trial.end is None:
            return False
        if after is not None and after.start is not None and trial.end >= after.start:
            return False
        if before is not None and before.end is not None and trial.start <= before.end:
            return False
        resolved[i] = trial
        return True

    for order in (range(len(raws) - 1, -1, -1), range(len(raws))):
        for i in order:
            window = raws[i].window
            if resolved[i].start is not None or _printed_year(window):
                continue
            if window.start.kind not in ("date", "month", "day") and not (
                window.start.kind == "event" and lede is not None and issued is None
            ):
                continue
            after = resolved[i + 1] if i + 1 < len(raws) else None
            before = resolved[i - 1] if i > 0 else None
            if after is not None and after.start is not None:
                year = after.start.year
                _ = fits(i, year, None, after) or fits(i, year - 1, None, after)
            elif before is not None and before.end is not None:
                year = before.end.year
                _ = fits(i, year, before, None) or fits(i, year + 1, before, None)


def _date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or ``None`` outside the years Python has (1–9999)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- phases with their text ---------------------------------------------------------------------

_LABEL_THEME: Final = re.compile(r"[ \t]*[:.\-–]?[ \t]*[*_]*[“\"«]([^”\"»“\n]{1,400})[”\"»]")
_THEME: Final = re.compile(
    r"chủ[ \t]+đề(?:[ \t]+(?:của[ \t]+)?"
    r"(?:đợt(?:[ \t]+\d{1,2})?|thi[ \t]+đua|năm(?:[ \t]+\d{4})?))?"
    r"[ \t]*[:\-–]?[ \t]*(?:là[ \t]+)?[“\"«]([^”\"»“\n]{1,400})[”\"»]",
    re.IGNORECASE,
)
_BLOCK_END: Final = re.compile(r"^[\s*#]*(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[ \t]*[.)][ \t]", re.I)


def build_phases(
    raw_phases: Sequence[RawPhase],
    lines: Sequence[SourceLine],
    year: int | None,
    issued: dt.date | None,
    statements: Sequence[Statement],
    catalog: Catalog,
    lede: Lede | None = None,
) -> tuple[list[PhaseWindow], list[tuple[SourceLine, PrintedDate]]]:
    """The phases of the document, their windows resolved, with their themes and focus.

    A phase's text is the rest of its line (up to the next phase) and the lines that follow
    until a blank line, a heading or the next phase; its theme is the quoted text after its
    label or after "chủ đề" in that text, its focus the commemorations its statements name.
    (:class:`PhaseBuilder` does the same while the document is read.)

    Args:
        raw_phases: The phases as printed (those of the plan: see :class:`PhaseBuilder`).
        lines: The document's lines.
        year: The plan year (for windows printed without one).
        issued: The document date ("từ khi phát động" starts on it).
        statements: The anniversary statements of the document.
        catalog: The catalogue in use (a phase may end on one of its days).
        lede: A news page's day of the event it reports ("chiều 14-11, … đã phát động"):
            "từ nay", "đến nay" in a page without a date line mean that day.

    Returns:
        The phases, and the impossible dates printed in their windows (for the date checks).
    """
    builder = PhaseBuilder(lines, issued, catalog, lede)
    builder.add_statements(statements)
    builder.add(raw_phases)
    return builder.finish(year)


class PhaseBuilder:
    """The phases of a document, built from its raw phases as its lines are read.

    A phase is built once the lines its text may run on to have been read (its own and the
    five after it: :data:`_BELOW`), when the plan year is known before the body is read
    (:meth:`build_before`); so its printed window, bounds and label are dropped a few lines
    after they are found, not kept for the whole document (a document may print thousands
    of phases, and every record kept alive is walked by each run of the garbage collector).
    Without a plan year, a window may take its year from its neighbours: all are kept and
    built at the end (:meth:`finish`).

    The phases of the plan are the labelled ones ("Đợt 1 …") when there are any, else the
    windows printed on lines about the campaign's time.

    Args:
        lines: The document's lines.
        issued: The document date ("từ khi phát động" starts on it).
        catalog: The catalogue in use (a phase may end on one of its days).
        lede: A news page's day of the event it reports (see :func:`build_phases`).
    """

    def __init__(
        self,
        lines: Sequence[SourceLine],
        issued: dt.date | None,
        catalog: Catalog,
        lede: Lede | None = None,
    ) -> None:
        self._lines, self._issued, self._catalog, self._lede = lines, issued, catalog, lede
        self._labelled: list[RawPhase] = []  # read, not built yet
        self._unlabelled: list[RawPhase] = []  # built only if no phase has a label
        self._any_label = False  # whether a labelled phase has been read
        self._phase_lines: set[int] = set()  # the lines with a labelled phase
        self._last_start: dict[int, int] = {}  # the last label of each of those lines
        self._by_line: dict[int, list[Statement]] = {}
        self._phases: list[PhaseWindow] = []
        self._bound_dates: list[tuple[SourceLine, PrintedDate]] = []

    def add_statements(self, statements: Sequence[Statement]) -> None:
        """Anniversary statements read (a phase's focus is those in its text)."""
        by_line = self._by_line
        for statement in statements:
            by_line.setdefault(statement[0].number, []).append(statement)

    def add(self, raw_phases: Sequence[RawPhase]) -> None:
        """Raw phases read (in text order, a line's all at once)."""
        for raw in raw_phases:
            if raw.label is None:  # (on a line about the campaign's time: see phases_in)
                self._unlabelled.append(raw)
            else:
                self._any_label = True
                self._labelled.append(raw)
                self._place(raw)

    def _place(self, raw: RawPhase) -> None:
        """Note the line of a phase of the plan, and its last label."""
        number = raw.line.number
        self._phase_lines.add(number)
        last = self._last_start.get(number, raw.label_start)
        self._last_start[number] = raw.label_start if raw.label_start > last else last

    def build_before(self, number: int, year: int | None) -> None:
        """Build the labelled phases whose text cannot reach line ``number`` (1-based).

        Every line before ``number`` has been read (its phases and statements added).

        Args:
            number: The next line to be read.
            year: The plan year, known before the body is read.
        """
        waiting = self._labelled
        if not waiting or waiting[0].line.number + _BELOW >= number:
            return
        ready = 0
        while ready < len(waiting) and waiting[ready].line.number + _BELOW < number:
            ready += 1
        self._build(waiting[:ready], year, None)
        del waiting[:ready]

    def finish(
        self, year: int | None
    ) -> tuple[list[PhaseWindow], list[tuple[SourceLine, PrintedDate]]]:
        """The phases, and the impossible dates printed in their windows.

        Args:
            year: The plan year (for windows printed without one).
        """
        if self._any_label:
            raws = self._labelled
        else:  # no labelled phase: the windows about the campaign's time are the phases
            raws = self._unlabelled
            for raw in raws:
                self._place(raw)
        # Without the plan year, a window may take its year from its neighbours: none has
        # been built yet, so all are resolved first.
        resolved: list[_Resolved] | None = None
        if year is None:
            issued, catalog, lede = self._issued, self._catalog, self._lede
            resolved = [_resolve(raw.window, year, issued, catalog, lede) for raw in raws]
            _neighbour_years(raws, resolved, issued, catalog, lede)
        self._build(raws, year, resolved)
        self._labelled, self._unlabelled = [], []
        return self._phases, self._bound_dates

    def _build(
        self, raws: Sequence[RawPhase], year: int | None, resolved: list[_Resolved] | None
    ) -> None:
        lines, phase_lines, last_start = self._lines, self._phase_lines, self._last_start
        issued, catalog, lede = self._issued, self._catalog, self._lede
        by_line, phases = self._by_line, self._phases
        for at_phase, raw in enumerate(raws):
            done = (
                resolved[at_phase]
                if resolved is not None
                else _resolve(raw.window, year, issued, catalog, lede)
            )
            line = raw.line
            # A printed day that is no date never resolves: with both ends resolved, none is.
            if done.start is None or done.end is None:
                self._bound_dates += [(line, d) for d in done.dates if not d.valid]
            # The phase's text: the rest of its line (up to the next phase), and the lines
            # that follow until a blank line, a heading or the next phase.
            region: list[tuple[int, int, int]] = [(line.number, raw.label_start, raw.region_end)]
            # No phase after it on its line, nor on the next line: its text may go on below.
            if last_start[line.number] <= raw.label_start and line.number + 1 not in phase_lines:
                for at in range(line.number, min(line.number + _BELOW, len(lines))):
                    if at + 1 in phase_lines:  # the next phase (its line made elsewhere)
                        break
                    following = lines[at]
                    text = following.own_text
                    if (
                        not text.strip()
                        or following.number in phase_lines
                        or _BLOCK_END.match(text)
                        or PHASE_LABEL.match(text.lstrip(" \t*-+"))
                    ):
                        break
                    region.append((following.number, 0, len(text)))
            theme = None
            title = raw.title
            quoted = _LABEL_THEME.match(title.line.text, title.end) if title else None
            if quoted:
                theme = clean_theme(quoted.group(1)) or None
            for number, begin, finish in region if theme is None else ():
                source = line.text if number == line.number else lines[number - 1].text
                offset = raw.window.span[1] if number == line.number else begin
                match = _THEME.search(source, max(offset, begin), finish)
                if match:
                    theme = clean_theme(match.group(1)) or None
                    break
            focus: list[str] = []
            places: list[tuple[str, int, int]] = []
            for number, begin, finish in region:
                for s_line, _, start, events, *_ in by_line.get(number, ()):
                    if not begin <= start < finish:
                        continue
                    for event in events:
                        if event.key and event.key not in focus:
                            focus.append(event.key)
                            places.append((event.key, *s_line.where(start)))
            span = raw.window.span
            congress = raw.window.end.congress
            at_label = raw.title is not None and raw.title.line is line
            phases.append(
                PhaseWindow(  # positional, in the order of its fields
                    line.number,
                    line.where(raw.label_start if at_label else span[0])[1],
                    raw.label,
                    done.start,
                    done.end,
                    done.start_precision,
                    done.end_precision,
                    done.end_event,
                    theme,
                    tuple(focus) if focus else (),
                    done.note,
                    line.text[span[0] : span[1]],
                    done.dates,
                    tuple(places) if places else (),
                    None if congress is None else _anchor(line, congress),
                )
            )


_BELOW: Final = 5
"""How many lines below its own a phase's text may run on to."""


def _anchor(line: SourceLine, raw: RawCongress) -> tuple[int, int, int]:
    number, column = line.where(raw.start)
    return number, column, line.where(raw.numeral_start)[1]
