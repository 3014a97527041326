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
    >>> ((_, ordinal, _, (event,)),) = statements(line, names())
    >>> ordinal, event.key, event.origin.text, event.date.text
    (90, 'thanh_lap_dang', '03/02/1930', '03/02/2020')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import islice
from typing import Final, TypeAlias

import attrs

from ..commemorations import Catalog, SolarDay
from ._dates import PrintedDate, last_day, match_date
from ._model import Anniversary, PhaseWindow
from ._names import NameIndex
from ._text import SourceLine, iter_tokens, tokens

_ORDINAL: Final = re.compile(r"(?<![\w/.,\-])(\d{1,4})[ \t\u00a0]+(năm|ngày)(?!\w)", re.I)
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
)
_CELEBRATE: Final = re.compile(
    r"(?:kỷ niệm|kỉ niệm|chào mừng|mừng|hướng tới|hướng về)[ \t\u00a0]*$"
    r"|(?:^|[;,:(])[ \t\u00a0*\-+]*$",
    re.IGNORECASE,
)


@attrs.frozen
class Event:
    """A commemorated event named in a statement, with the dates printed after it.

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


Statement: TypeAlias = "tuple[SourceLine, int, re.Match[str], list[Event]]"
"""A statement: its line, the number printed, the match of the number, and the events."""


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


def _catalogue_event(text: str, pos: int, index: NameIndex, *, skip_day: bool) -> Event | None:
    stream = iter_tokens(text, pos, min(len(text), pos + 200))
    words = list(islice(stream, 1))
    if not words or words[0].start != _skip_spaces(text, pos):
        return None
    hit = index.match(text, words, 0, stream)
    if hit is None and skip_day and words[0].text == "ngay":
        hit = index.match(text, words, 1, stream)
        if hit is not None:
            hit = (hit[0], hit[1] + 1)
    if hit is None:
        return None
    key, used = hit
    name_end = words[used - 1].end
    pair = _dates_after(text, name_end)
    if pair is None:
        return Event(key, words[0].start, name_end, end=name_end)
    return Event(key, words[0].start, name_end, pair[0], pair[1], pair[2])


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _generic_event(text: str, pos: int, ordinal: int, unit: str, index: NameIndex) -> Event | None:
    """An event not in the catalogue, recognised by its date pair."""
    pos = _skip_spaces(text, pos)
    if pos >= len(text) or not text[pos].isalpha():
        return None
    stop = _GENERIC_END.search(text, pos, min(len(text), pos + 160))
    if stop is None or text[stop.start()] == ";":
        return None
    name_end = stop.start()
    while name_end > pos and text[name_end - 1] in " \t\u00a0(,:":
        name_end -= 1
    if name_end <= pos:
        return None
    pair = _date_pair(text, name_end)
    if pair is None:
        return None
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
    if unit == "ngày" and (
        origin.year is None or date.year is None or date.year - origin.year != ordinal
    ):
        return None
    return Event(key, pos, name_end, origin, date, end)


def statements(line: SourceLine, index: NameIndex) -> list[Statement]:
    """The anniversary statements of a line: "90 năm Ngày thành lập Đảng (…)".

    Args:
        line: The line.
        index: The names of the catalogue in use.
    """
    text = line.text
    found: list[Statement] = []
    done = 0
    for match in _ORDINAL.finditer(text):
        if match.start() >= line.own:
            break
        if match.start() < done:
            continue
        ordinal = int(match.group(1))
        unit = match.group(2).casefold()
        if ordinal == 0:
            continue
        if unit == "năm":
            first = _catalogue_event(text, match.end(), index, skip_day=True)
        else:
            first = _catalogue_event(text, match.start(2), index, skip_day=False)
            if first is not None and first.origin is None:
                before = text[max(0, match.start() - 24) : match.start()]
                if not _CELEBRATE.search(before):
                    first = None
        if first is None:
            first = _generic_event(text, match.end(), ordinal, unit, index)
        if first is None:
            continue
        events = [first]
        if first.key is not None:
            joined = _AND.match(text, first.end)
            if joined:
                second = _catalogue_event(text, joined.end(), index, skip_day=True)
                if second is not None:
                    events.append(second)
        if len(events) == 2 and events[0].origin is None and events[1].origin is not None:
            events = _share_dates(events[0], events[1], index.catalog)
        done = max(e.end for e in events)
        found.append((line, ordinal, match, events))
    return found


def _share_dates(first: Event, second: Event, catalog: Catalog) -> list[Event]:
    """Whose are the dates of "75 năm CM tháng Tám và Quốc khánh (2/9/1945 - 2/9/2020)"?"""
    origin = second.origin
    assert origin is not None

    def same_day(key: str | None) -> bool:
        entry = catalog.get(key) if key else None
        rule = entry.rule if entry else None
        return isinstance(rule, SolarDay) and (rule.month, rule.day) == (origin.month, origin.day)

    if same_day(first.key) and not same_day(second.key):
        moved = attrs.evolve(first, origin=second.origin, date=second.date)
        return [moved, attrs.evolve(second, origin=None, date=None)]
    return [first, second]


def anniversaries(
    found_statements: Sequence[Statement],
    year: int | None,
    phases: Sequence[PhaseWindow],
    catalog: Catalog,
) -> list[Anniversary]:
    """The anniversary records of the statements found.

    Dates the text does not print come from the catalogue's origin, in the year the ordinal
    points to among the plan year and the years of the phase the statement is in.

    Args:
        found_statements: The statements of every line, in text order.
        year: The plan year.
        phases: The phases (a statement inside one may be dated in its years).
        catalog: The catalogue in use.
    """
    found: list[Anniversary] = []
    phase_of: dict[int, PhaseWindow] = {}
    for p in phases:
        if p.start is not None and p.end is not None:
            for number in (p.line, *(place[1] for place in p.places)):
                phase_of.setdefault(number, p)
    for line, ordinal, match, events in found_statements:
        phase = phase_of.get(line.number)
        for event in events:
            base = Anniversary(
                line=line.number,
                column=line.where(match.start(1))[1],
                ordinal=ordinal,
                name=" ".join(line.text[event.name_start : event.name_end].split()),
                key=event.key,
                origin=None,
                date=None,
                unit=match.group(2).casefold(),
                unit_column=line.where(match.start(2))[1],
                index=match.start(),
            )
            if event.origin is not None and event.date is not None:
                found.append(
                    attrs.evolve(
                        base,
                        origin=event.origin.iso(),
                        date=event.date.iso(),
                        printed=True,
                        origin_printed=event.origin,
                        date_printed=event.date,
                    )
                )
                continue
            entry = catalog.get(event.key) if event.key else None
            origin = entry.origin if entry else None
            if origin is None:
                found.append(base)
                continue
            # Not printed: the catalogue's origin, in the year the ordinal points to among
            # the plan year and the years of the phase the statement is in.
            candidates = [year] if year is not None else []
            if phase is not None and phase.start is not None and phase.end is not None:
                candidates += list(range(phase.start.year, phase.end.year + 1))
            when = next((y for y in candidates if y - origin.year == ordinal), None)
            if when is None:
                when = year if year is not None else origin.year + ordinal
            date: str | None = None
            if 1 <= when <= 9999:
                date = f"{when:04d}"
                if origin.month is not None and origin.day is not None:
                    day = min(origin.day, last_day(when, origin.month).day)  # 29 February
                    date = dt.date(when, origin.month, day).isoformat()
            found.append(attrs.evolve(base, origin=origin.iso(), date=date))
    return found
