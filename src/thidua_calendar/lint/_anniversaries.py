"""Anniversary statements: "90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - …)".

A statement is a number followed by "năm" (or, by mistake, "ngày") and a commemorated
event: a name of the catalogue in use (matched by :mod:`._names`), or any event recognised
by the date pair printed after it. "75 năm Cách mạng tháng Tám và Quốc khánh (…)" names two
events with one number.

Examples:
    >>> from ._names import names
    >>> from ._text import split_lines
    >>> (line,) = split_lines("Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam "
    ...                       "(03/02/1930 - 03/02/2020)")
    >>> ((_, ordinal, _, (event,), unit, _, _),) = statements(line, names())
    >>> ordinal, unit, event.key, event.origin.text, event.date.text
    (90, 'năm', 'thanh_lap_dang', '03/02/1930', '03/02/2020')
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from itertools import takewhile
from typing import Final, NamedTuple, TypeAlias

from ..commemorations import Catalog, SolarDay
from ._dates import PrintedDate, last_day, make, match_date
from ._model import Anniversary, PhaseWindow
from ._names import NameIndex
from ._text import SourceLine, Token, fold, iter_tokens, tokens

_ORDINAL: Final = re.compile(
    r"(?<![\w/.,\-])(?P<n>\d{1,4})[ \t\u00a0]+(?P<u>năm|ngày)(?!\w)", re.IGNORECASE
)
_BARE: Final = re.compile(
    r"(?<!\w)k[ỷỉ][ \t\u00a0]+niệm[ \t\u00a0]+(?P<n>\d{1,4})(?P<u>)[ \t\u00a0]+"
    r"(?!(?:năm|ngày)(?!\w))(?=[^\W\d_])",
    re.IGNORECASE,
)
""""Kỷ niệm 40 Giải phóng tỉnh Bình Định (31/3/1975 – 31/3/2015)": the word "năm" left out."""
_GIO: Final = re.compile(
    r"(?<!\w)giỗ[ \t\u00a0]+(?P<u>(?:lần[ \t\u00a0]+)?thứ)[ \t\u00a0]+(?P<n>\d{1,4})(?!\d)"
    r"(?:[ \t\u00a0]+của)?",
    re.IGNORECASE,
)
""""Lễ Giỗ lần thứ 95 của cụ Phó bảng Nguyễn Sinh Sắc (27.11.1929 - 27.11.2024)"."""
_UNDATED_LEADS: Final = (
    "ngay truyen thong",
    "ngay thanh lap",
    "thanh lap",
    "truyen thong",
    "ngay sinh",
    "xay dung va phat trien",
    "xay dung va truong thanh",
    "xay dung chien dau",
    "hinh thanh va phat trien",
    "lich su",
    "thuc hien ngay",
    "ngay tai lap",
    "tai lap",
    "ngay giai phong",
    "giai phong",
    "ngay chien thang",
    "chien thang",
    "ngay bac ho",
)
"""How an anniversary of a name the catalogue does not know starts, when no dates follow
("68 năm thành lập Ngân hàng Việt Nam", "60 năm Ngày truyền thống")."""
_OPEN: Final = re.compile(r"[ \t\u00a0]*\(?[ \t\u00a0]*")
_DASH: Final = re.compile(r"[ \t\u00a0]*[-–—_][ \t\u00a0]*")
_CLOSE: Final = re.compile(r"[ \t\u00a0]*\)")
_AND: Final = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*và[ \t\u00a0]+", re.IGNORECASE)
_GAP: Final = re.compile(r"[^\d;()\n]{0,60}?(?=[ \t\u00a0]*\([ \t\u00a0]*\d)")
_GENERIC_END: Final = re.compile(r"[\d(;]")
_LEADS: Final = (
    "ngay",
    "thanh lap",
    "truyen thong",
    "khoi nghia",
    "chien thang",
    "giai phong",
    "sinh",
    "tai lap",
    "cach mang",
    "tong tuyen cu",
    "xay dung",
    "hinh thanh",
    "chien dich",
)
_CELEBRATE: Final = re.compile(
    r"(?:kỷ niệm|kỉ niệm|chào mừng|mừng|hướng tới|hướng về)[ \t\u00a0]*$"
    r"|(?:^|[;,:(])[ \t\u00a0*\-+]*$",
    re.IGNORECASE,
)


class Event(NamedTuple):
    """A commemorated event named in a statement, with the dates printed after it.

    A tuple underneath (one or two per statement, immutable like the other records).

    Attributes:
        key: The catalogue key, when the name is recognised.
        name_start: Where the name starts (index in the NFC line).
        name_end: Where it ends.
        origin: The printed origin date.
        date: The printed anniversary date.
        end: Where the statement about it ends (after the dates).
    """

    key: str | None
    name_start: int
    name_end: int
    origin: PrintedDate | None = None
    date: PrintedDate | None = None
    end: int = 0


Statement: TypeAlias = "tuple[SourceLine, int, int, tuple[Event, ...], str, int, int]"
"""A statement: its line, the number printed, where the statement starts, the events, the
unit (``năm``; ``ngày`` by mistake; ``lần thứ`` for a giỗ; ``""`` when the word is left out),
where the number starts and where the unit does (indices in the line: no match object is
kept for each statement of a document until its records are made)."""


def _date_pair(text: str, pos: int) -> tuple[PrintedDate, PrintedDate, int] | None:
    """A date pair at ``pos``: "(03/02/1930 - 03/02/2020)", "1930-2020", "(2/9/1945- 2/9/2020)"."""
    opened = _OPEN.match(text, pos)
    assert opened is not None  # the pattern matches the empty string
    first = match_date(text, opened.end(), year_only=True)
    if first is None:
        return None
    dash = _DASH.match(text, first.end)
    if dash is None:
        return None
    second = match_date(text, dash.end(), year_only=True)
    if second is None:
        return None
    end = second.end
    close = _CLOSE.match(text, end)
    return first, second, close.end() if close else end


def _dates_after(text: str, pos: int) -> tuple[PrintedDate, PrintedDate, int] | None:
    """The date pair right after a name, or after a few more words of it ("… vĩ đại (…)")."""
    pair = _date_pair(text, pos)
    if pair is not None:
        return pair
    gap = _GAP.match(text, pos)
    if gap is None or re.search(r"(?<!\w)và(?!\w)", gap.group(), re.IGNORECASE):
        return None
    return _date_pair(text, gap.end())


def _catalogue_event(
    text: str, pos: int, index: NameIndex, *, skip_day: bool, here: int | None = None
) -> Event | None:
    """A catalogued name at ``pos`` (``here``: where its first word starts, if known)."""
    end = min(len(text), pos + 200)
    # Cheap test first: the word right here must be one a catalogued name starts with
    # (most numbers are followed by no name: "5 năm", "trong 2 năm qua").
    here = _skip_spaces(text, pos) if here is None else here
    if here >= end or (text[here] in _DIGITS and text[here] not in index.digit_leads):
        return None  # "5 năm 5 năm …", "… và 75 năm …": a digit no name starts with
    # The tokens of the word at ``here`` (none if no word starts there), then the others as
    # the look-up asks for them (most end at the first two: "kỷ niệm 5", "Ngày 2/9").
    stream = iter_tokens(text, here, end)
    words: list[Token] = []
    if not stream.read(words) or words[0].start != here:
        return None
    first = words[0].text
    if not (first in index.first_words or (skip_day and first in _DAY_WORDS)):
        return None
    hit = index.match(text, words, 0, stream)
    if hit is None and skip_day and words[0].text == "ngay":
        hit = index.match(text, words, 1, stream)
        if hit is not None:
            hit = (hit[0], hit[1] + 1)
    if hit is None and skip_day and words[0].text == "nay":  # "92 năm này thành lập …"
        hit = index.match(text, words, 1, stream)
        if hit is not None and [w.text for w in words[1:3]] == ["thanh", "lap"]:
            hit = (hit[0], hit[1] + 1)
        else:
            hit = None
    if hit is None:
        return None
    key, used = hit
    name_end = words[used - 1].end
    pair = _dates_after(text, name_end)
    # Made as a tuple (``make``): a line of statements has an event for each.
    if pair is None:
        return make(Event, (key, here, name_end, None, None, name_end))
    return make(Event, (key, here, name_end, *pair))


_DIGITS: Final = frozenset("0123456789")
"""A word that starts with one of these folds to a word that starts with it."""
_DAY_WORDS: Final = frozenset({"ngay", "nay"})
"""Words a name may follow ("92 năm Ngày thành lập …", "92 năm này thành lập …")."""


def _skip_spaces(text: str, pos: int) -> int:
    if pos >= len(text) or text[pos] not in " \t\u00a0":  # no space to skip (most often)
        return pos
    spaces = _SPACES.match(text, pos)
    assert spaces is not None  # the pattern matches the empty string
    return spaces.end()


_SPACES: Final = re.compile(r"[ \t\u00a0]*")


def _generic_event(text: str, pos: int, ordinal: int, unit: str, index: NameIndex) -> Event | None:
    """An event not in the catalogue, recognised by its date pair (or by how it starts)."""
    pos = _skip_spaces(text, pos)
    if pos < len(text) and text[pos] == "(":
        return _nameless(text, pos, unit)
    if pos >= len(text) or not text[pos].isalpha():
        return None
    stop = _GENERIC_END.search(text, pos, min(len(text), pos + 160))
    if stop is None or text[stop.start()] == ";":
        return _undated(text, pos, unit)
    name_end = stop.start()
    while name_end > pos and text[name_end - 1] in " \t\u00a0(,:":
        name_end -= 1
    if name_end <= pos:
        return None
    pair = _date_pair(text, name_end)
    if pair is None:
        return _undated(text, pos, unit)
    origin, date, end = pair
    full = origin.day is not None and date.day is not None
    words = tokens(text, pos, name_end)
    folded = " ".join(t.text for t in words)
    key = None
    if full and words:
        hit = index.fuzzy(words, 0)
        key = hit[0] if hit else None
    if not full and not any(folded.startswith(lead) for lead in _LEADS):
        return None
    if unit in ("ngày", "") and (
        origin.year is None or date.year is None or date.year - origin.year != ordinal
    ):
        return None
    return Event(key, pos, name_end, origin, date, end)


def _nameless(text: str, pos: int, unit: str) -> Event | None:
    """A date pair with no name: "Trải qua 87 năm (26/03/1931 - 26/03/2019)" (same day)."""
    if unit != "năm":
        return None
    pair = _date_pair(text, pos)
    if pair is None:
        return None
    origin, date, end = pair
    if origin.day is None or (origin.day, origin.month) != (date.day, date.month):
        return None  # "5 năm (01/01/2016 - 31/12/2020)" is a span of time
    return Event(None, pos, pos, origin, date, end)


_WORDS: Final = re.compile(r"\w+")
_UNDATED_FIRST: Final = frozenset(lead.split()[0] for lead in _UNDATED_LEADS)
"""The first words of the leads of an undated name."""
_UNDATED_END: Final = re.compile(
    r"[\d(;.:)\n]|,[ \t\u00a0]|[ \t\u00a0]và[ \t\u00a0]", re.IGNORECASE
)


def _undated(text: str, pos: int, unit: str) -> Event | None:
    """A name not in the catalogue, no dates: "chào mừng 70 năm ngày truyền thống ngành"."""
    if unit != "năm":
        return None
    first = _WORDS.match(text, pos)  # cheap test first: the word a lead starts with
    if first is None or fold(first.group()) not in _UNDATED_FIRST:
        return None
    folded = " ".join(_WORDS.findall(fold(text[pos : pos + 40])))
    if not folded.startswith(_UNDATED_LEADS):
        return None
    stop = _UNDATED_END.search(text, pos, min(len(text), pos + 120))
    name_end = stop.start() if stop else min(len(text), pos + 120)
    while name_end > pos and text[name_end - 1] in " \t\u00a0(,:":
        name_end -= 1
    return Event(None, pos, name_end, end=name_end)


def _ordinals(index: NameIndex) -> re.Pattern[str]:
    """:data:`_ORDINAL`, less the "N năm" that no event can follow (once per catalogue).

    After "năm" and its spaces, an event starts with a word character (a digit only if a
    catalogued name starts with it: :attr:`NameIndex.digit_leads`), "(" or ","; a number
    followed by nothing else is not a statement ("5 năm 5 năm …", "trong 2 năm."), and is
    passed over by the pattern itself rather than one by one (the spaces taken whole: ``*+``
    gives none back). What it may match is the same as before (a number and its unit hold
    no other number's start), so are the others. The number's first digit comes before the
    test of what precedes it (the same test, as a look-behind over the digit too), so the
    engine looks for a digit before it tries a match: most of a line is passed over faster.
    """
    found = index.catalog.computed.get("lint:ordinals")
    if not isinstance(found, re.Pattern):
        skip = "".join(d for d in "0123456789" if d not in index.digit_leads)
        never = f"[{skip}]|[^\\w(,]|\\Z" if skip else "[^\\w(,]|\\Z"
        found = re.compile(
            r"(?P<n>\d(?<![\w/.,\-]\d)\d{0,3})[ \t\u00a0]+"
            rf"(?P<u>năm(?![ \t\u00a0]*+(?:{never}))|ngày)(?!\w)",
            re.IGNORECASE,
        )
        index.catalog.computed["lint:ordinals"] = found
    return found


def _matches(text: str, end: int, ordinals: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The numbers that may start a statement, in text order (before ``end``).

    Found as they are asked for: a line of many numbers keeps only those of its statements
    (a list of every match would be collected again and again by the garbage collector).
    """
    low = text.casefold()
    sources = [ordinals.finditer(text)]
    if "niệm" in low:
        sources.append(_BARE.finditer(text))
    if "giỗ" in low:
        sources.append(_GIO.finditer(text))
    if end < len(text):  # in text order: the first that starts past the line ends each
        sources = [takewhile(lambda m: m.start() < end, found) for found in sources]
    if len(sources) == 1:
        return sources[0]  # in order: each number starts its match
    # Each source is in text order, so merging them is sorting them (ties: the first).
    return heapq.merge(*sources, key=_number_start)


def _number_start(match: re.Match[str]) -> int:
    return match.start("n")


def unit_of(match: re.Match[str]) -> str:
    """The unit of a statement: ``năm``, ``ngày`` (a mistake), ``lần thứ`` (a giỗ), ``""``."""
    unit = match.group("u")
    if unit in ("năm", "ngày"):  # as most statements print it
        return unit
    unit = " ".join(unit.casefold().split())
    return "lần thứ" if unit.endswith("thứ") else unit


def _day_name(key: str, catalog: Catalog) -> bool:
    """Whether a catalogue entry's own name starts with "Ngày" ("Ngày Nhà giáo Việt Nam")."""
    entry = catalog.get(key)
    return entry is not None and entry.name_vi.casefold().startswith("ngày")


def statements(line: SourceLine, index: NameIndex) -> list[Statement]:
    """The anniversary statements of a line: "90 năm Ngày thành lập Đảng (…)".

    Args:
        line: The line.
        index: The names of the catalogue in use.
    """
    text = line.text
    found: list[Statement] = []
    done = 0
    size = len(text)
    last_year: int | None = None  # where the last four digits in a row start (once a line)
    for match in _matches(text, line.own, _ordinals(index)):
        start, stop = match.span()
        if start < done:
            continue
        number, unit = match.group("n", "u")
        ordinal = int(number)
        if ordinal == 0:
            continue
        if unit and unit not in ("năm", "ngày"):  # as most statements print it ("": none)
            unit = unit_of(match)
        if not unit:
            # "Kỷ niệm 40 Giải phóng …" counts only with its dates printed after it, and
            # every printed date with a year has four digits in a row: none after it, none.
            if last_year is None:
                last_year = _last_year_digits(text)
            if last_year + 3 < stop:
                continue
        first: Event | None = None
        after = stop  # where the name starts: after the spaces (skipped once here)
        if unit != "ngày":
            after = _skip_spaces(text, after)
            # Cheap test first: a name starts with a word character (``\w``: a letter, a
            # digit or "_"), a date pair with "(", or a comma comes first ("5 năm, …"):
            # "trong 2 năm." stops here.
            if after >= size or not (text[after].isalnum() or text[after] in "(,_"):
                continue
        if unit == "ngày":
            first = _catalogue_event(text, match.start("u"), index, skip_day=False)
            if first is not None and first.origin is None:
                before = text[max(0, start - 24) : start]
                if not _CELEBRATE.search(before):
                    first = None
            if first is not None and first.key and _day_name(first.key, index.catalog):
                unit = ""  # "40 ngày Nhà giáo Việt Nam": "40 [năm] Ngày Nhà giáo Việt Nam"
        else:
            first = _catalogue_event(text, stop, index, skip_day=True, here=after)
            if first is None and text.startswith(",", stop) and unit == "năm":
                first = _catalogue_event(text, stop + 1, index, skip_day=True)
            if first is not None and unit == "" and not _consistent(first, ordinal):
                first = None  # "kỷ niệm 40 Giải phóng …" only when the dates say 40 years
        # An event the catalogue does not name starts with a letter or "(" (after spaces).
        if first is None and (unit == "ngày" or text[after].isalpha() or text[after] == "("):
            first = _generic_event(text, after, ordinal, unit, index)
        if first is None:
            continue
        events: tuple[Event, ...] = (first,)
        done = first.end
        if first.key is not None:
            joined = _AND.match(text, first.end)
            second = _catalogue_event(text, joined.end(), index, skip_day=True) if joined else None
            if second is not None:
                events = (first, second)
                if first.origin is None and second.origin is not None:
                    events = _share_dates(first, second, index.catalog)
                done = max(e.end for e in events)
        found.append((line, ordinal, start, events, unit, match.start("n"), match.start("u")))
    return found


_FOUR_DIGITS: Final = re.compile(r"\d{4}")


def _last_year_digits(text: str) -> int:
    """Where the last run of four digits found in ``text`` starts (-1: none).

    Runs are found left to right without overlapping, so any four digits in a row start at
    most three characters before the last one found, or after it.
    """
    last = -1
    for found in _FOUR_DIGITS.finditer(text):
        last = found.start()
    return last


def _consistent(event: Event, ordinal: int) -> bool:
    """Whether an event's printed dates are ``ordinal`` years apart."""
    origin, date = event.origin, event.date
    return (
        origin is not None
        and date is not None
        and origin.year is not None
        and date.year is not None
        and date.year - origin.year == ordinal
    )


def _share_dates(first: Event, second: Event, catalog: Catalog) -> tuple[Event, Event]:
    """Whose are the dates of "75 năm CM tháng Tám và Quốc khánh (2/9/1945 - 2/9/2020)"?"""
    origin = second.origin
    assert origin is not None

    def same_day(key: str | None) -> bool:
        entry = catalog.get(key) if key else None
        rule = entry.rule if entry else None
        return isinstance(rule, SolarDay) and (rule.month, rule.day) == (origin.month, origin.day)

    if same_day(first.key) and not same_day(second.key):
        moved = first._replace(origin=second.origin, date=second.date)
        return moved, second._replace(origin=None, date=None)
    return first, second


def anniversaries(
    found_statements: Sequence[Statement],
    years: Sequence[int],
    phases: Sequence[PhaseWindow],
    catalog: Catalog,
    opened: Mapping[int, Sequence[tuple[int, int, bool]]] | None = None,
) -> list[Anniversary]:
    """The anniversary records of the statements found.

    Dates the text does not print come from the catalogue's origin, in the year the ordinal
    points to among the year the statement is listed under, the years of the plan's period
    and those of the phase the statement is in.

    Args:
        found_statements: The statements of every line, in text order.
        years: The years of the plan's period (the plan year first).
        phases: The phases (a statement inside one may be dated in its years).
        catalog: The catalogue in use.
        opened: For each line, where it opens the items of a year ("Năm 2018, tổ chức …"):
            (index, year, heading), as :func:`._meta.scopes` gives them.
    """
    found: list[Anniversary] = []
    catalogued: dict[
        tuple[str, int, int | None, tuple[int, int] | None], tuple[str | None, str | None]
    ]
    catalogued = {}  # for this document only
    phase_of: dict[int, PhaseWindow] = {}  # the phase of each line, read for a statement's dates
    for p in phases if found_statements else ():
        if p.start is not None and p.end is not None:
            for number in (p.line, *(place[1] for place in p.places)):
                phase_of.setdefault(number, p)
    opened = opened or {}
    heading: int | None = None  # a heading "2. Năm 2018:" opens the lines that follow
    headings = sorted((n, y) for n, found in opened.items() for _, y, h in found if h)
    number = 0  # the line of the statements before: what is the same for a line, once
    line_opened: Sequence[tuple[int, int, bool]] = ()
    span: tuple[int, int] | None = None
    for line, ordinal, start, events, unit, number_at, unit_at in found_statements:
        if line.number != number:
            number = line.number
            # The last heading above the line (the larger year of two on one line).
            above = bisect_left(headings, (number,))
            heading = headings[above - 1][1] if above else None
            line_opened = opened.get(number, ())
            phase = phase_of.get(number)
            span = None
            if phase is not None and phase.start is not None and phase.end is not None:
                span = (phase.start.year, phase.end.year)
        scope = heading
        if line_opened:
            here = [y for at, y, _ in line_opened if at <= start]
            scope = here[-1] if here else heading
        column = line.where(number_at)[1]
        unit_column = line.where(unit_at)[1]
        for key, name_start, name_end, printed_origin, printed_date, _ in events:
            # Built once, with its dates (no attrs.evolve per record).
            origin: str | None = None
            date: str | None = None
            printed = printed_origin is not None and printed_date is not None
            if printed_origin is not None and printed_date is not None:
                origin, date = printed_origin.iso(), printed_date.iso()
            elif key:
                # Not printed: from the catalogue (the same for the same statement, once).
                asked = (key, ordinal, scope, span)
                dates = catalogued.get(asked)
                if dates is None:
                    dates = catalogued[asked] = _catalogue_dates(catalog, *asked, years)
                origin, date = dates
            found.append(
                Anniversary(  # positional, in the order of its fields
                    line.number,
                    column,
                    ordinal,
                    " ".join(line.text[name_start:name_end].split()),  # name
                    key,
                    origin,
                    date,
                    printed,
                    unit,
                    unit_column,
                    printed_origin if printed else None,
                    printed_date if printed else None,
                    start,  # index
                    scope,
                )
            )
    return found


def _catalogue_dates(
    catalog: Catalog,
    key: str,
    ordinal: int,
    scope: int | None,
    span: tuple[int, int] | None,
    years: Sequence[int],
) -> tuple[str | None, str | None]:
    """The origin and date (ISO) of a statement that prints none, from the catalogue.

    The catalogue's origin, in the year the ordinal points to among the statement's own
    year (``scope``), else the plan's ``years``, and the years of its phase (``span``).
    """
    entry = catalog.get(key)
    origin = entry.origin if entry else None
    if origin is None:
        return None, None
    candidates = [scope] if scope is not None else list(years)
    if span is not None:
        candidates += list(range(span[0], span[1] + 1))
    when = next((y for y in candidates if y - origin.year == ordinal), None)
    if when is None:
        when = candidates[0] if candidates else origin.year + ordinal
    date: str | None = None
    if 1 <= when <= 9999:
        date = f"{when:04d}"
        if origin.month is not None and origin.day is not None:
            day = min(origin.day, last_day(when, origin.month).day)  # 29 February
            date = dt.date(when, origin.month, day).isoformat()
    return origin.iso(), date
