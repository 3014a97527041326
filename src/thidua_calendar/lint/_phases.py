"""Extraction of a plan document's calendar: year, anniversaries, phases, Tết, congresses.

Everything is found line by line with linear regular expressions (bounded repetitions, no
nested quantifiers), so a megabyte of text takes well under a second.

Examples:
    >>> doc = extract('''KẾ HOẠCH
    ... Phát động phong trào thi đua năm 2020
    ... Đợt 1 (Từ tháng 01/2020 đến 30/6/2020): Với chủ đề “Mừng Đảng quang vinh”. Kỷ niệm
    ... 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020).''')
    >>> doc.year, doc.phases[0].start, doc.phases[0].theme
    (2020, datetime.date(2020, 1, 1), 'Mừng Đảng quang vinh')
    >>> a = doc.anniversaries[0]
    >>> a.ordinal, a.key, a.origin, a.date
    (90, 'thanh_lap_dang', '1930-02-03', '2020-02-03')
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Final, Literal

import attrs

from ..commemorations import SolarDay, default_catalog
from ..congresses import (
    CongressSeries,
    all_congress_series,
    congress_series,
    from_roman,
    to_roman,
)
from ..plans import EndEvent
from ._dates import PrintedDate, full_dates, last_day, match_date, match_month
from ._names import (
    BRANCH_WORDS,
    STEM_WORDS,
    canonical_can_chi,
    names,
    series_after_numeral,
    series_before_numeral,
)
from ._text import SourceLine, iter_tokens, split_lines, tokens

StartPrecision = Literal["day", "month", "event"]
EndPrecision = Literal["day", "month", "event"]

SUPPORTED_YEARS: Final = range(1901, 2200)
"""Plan and phase years the checks handle (those of the commemoration tables)."""

_S: Final = r"[ \t\u00a0]"  # a space inside a phrase (never a line break)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", _S + "+"), re.IGNORECASE)


# --- extracted items ------------------------------------------------------------------------


@attrs.frozen
class Anniversary:
    """An anniversary statement: "90 năm Ngày thành lập Đảng … (03/02/1930 - 03/02/2020)".

    Attributes:
        line: Line of the ordinal.
        column: Column (1-based, original text) of the ordinal.
        ordinal: The number printed.
        name: The event as printed.
        key: The catalogue key, when recognised.
        origin: The origin date, ISO, as printed (``None`` if impossible); derived from the
            catalogue when the text prints no dates.
        date: The anniversary date, likewise (derived from the plan year when not printed).
        printed: Whether the dates are printed in the text.
        unit: The word after the number: ``năm`` (years) or ``ngày`` (days, a mistake).
        unit_column: Column of that word.
        origin_printed: The printed origin.
        date_printed: The printed anniversary date.
        index: Position of the ordinal in the NFC line (for ordering).
    """

    line: int
    column: int
    ordinal: int
    name: str
    key: str | None
    origin: str | None
    date: str | None
    printed: bool = False
    unit: str = "năm"
    unit_column: int = attrs.field(default=0, eq=False, repr=False)
    origin_printed: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)
    date_printed: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)
    index: int = attrs.field(default=0, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record: line, ordinal, name, origin, date, key."""
        return {
            "line": self.line,
            "ordinal": self.ordinal,
            "name": self.name,
            "origin": self.origin,
            "date": self.date,
            "key": self.key,
        }


@attrs.frozen
class PhaseWindow:
    """A phase (đợt) as the document prints it.

    Attributes:
        line: Line of its label (or of its window, when it has no label).
        column: Column of the label.
        label: ``Đợt 1`` as printed, or ``None``.
        start: First day (``None`` when it cannot be worked out: no year anywhere).
        end: Last day (``None`` for an event with no known date).
        start_precision: ``day``, ``month`` ("từ tháng 01/2020") or ``event`` ("từ khi phát
            động", "từ nay": the document date, else 1 January of the plan year).
        end_precision: ``day``, ``month`` or ``event``.
        end_event: The event the phase ends with ("đến khi tổ chức thành công Đại hội XIV").
        theme: The chủ đề, when quoted.
        focus: Keys of the anniversaries in the phase's text.
        note: What the window says when dates were inferred ("đến hết học kỳ I").
        window: The window as printed.
        dates: The printed dates of the window (for the date checks).
        places: Where each focus key is named: (key, line, column).
        anchor: Where the congress of ``end_event`` is named: (line, column, numeral column).
    """

    line: int
    column: int
    label: str | None
    start: dt.date | None
    end: dt.date | None
    start_precision: StartPrecision = "day"
    end_precision: EndPrecision = "day"
    end_event: EndEvent | None = None
    theme: str | None = None
    focus: tuple[str, ...] = ()
    note: str = ""
    window: str = attrs.field(default="", eq=False, repr=False)
    dates: tuple[PrintedDate, ...] = attrs.field(default=(), eq=False, repr=False)
    places: tuple[tuple[str, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    anchor: tuple[int, int, int] | None = attrs.field(default=None, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        event: dict[str, object] | None = None
        if self.end_event is not None:
            event = {
                "congress": self.end_event.congress,
                "ordinal": self.end_event.ordinal,
                "commemoration": self.end_event.commemoration,
                "tba": self.end_event.tba,
            }
        return {
            "line": self.line,
            "label": self.label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "start_precision": self.start_precision,
            "end_event": event,
            "theme": self.theme,
        }


@attrs.frozen
class TetMention:
    """A Tết mention: "Tết Nguyên đán Canh Tý 2020", "Xuân Bính Ngọ".

    Attributes:
        line: Its line.
        column: Column of "Tết" / "Xuân".
        can_chi: The can-chi name printed (canonical spelling).
        year: The year printed, if any.
        can_chi_column: Column of the can-chi name.
    """

    line: int
    column: int
    can_chi: str
    year: int | None
    can_chi_column: int = attrs.field(default=0, eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        return {"line": self.line, "can_chi": self.can_chi, "year": self.year}


@attrs.frozen
class CongressMention:
    """A congress mention: "Đại hội XIII Công đoàn Việt Nam nhiệm kỳ 2018-2023".

    Attributes:
        line: Its line.
        column: Column of "Đại hội".
        series: The congress series key (``party``, ``vn_trade_union`` …).
        ordinal: The number printed.
        term: The term printed, if any.
        held: A year printed with it ("lần thứ X - năm 2020").
        ahead: Whether the text looks forward to it ("tiến tới", "chào mừng" …).
        numeral_column: Column of the numeral.
        term_column: Column of the term.
        text: The mention as printed.
    """

    line: int
    column: int
    series: str
    ordinal: int
    term: tuple[int, int] | None = None
    held: int | None = None
    ahead: bool = attrs.field(default=False, eq=False)
    numeral_column: int = attrs.field(default=0, eq=False, repr=False)
    term_column: int = attrs.field(default=0, eq=False, repr=False)
    text: str = attrs.field(default="", eq=False, repr=False)

    def record(self) -> dict[str, object]:
        """The JSON record."""
        term = f"{self.term[0]}-{self.term[1]}" if self.term else None
        return {"line": self.line, "body": self.series, "ordinal": self.ordinal, "term": term}


@attrs.frozen
class Located:
    """Something found at a place: an impossible or incomplete date.

    Attributes:
        line: Its line.
        column: Its column.
        text: What is printed.
        date: The printed date, when it is one.
    """

    line: int
    column: int
    text: str
    date: PrintedDate | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Extraction:
    """Everything extracted from one document.

    Attributes:
        year: The plan year (given, or found in the title and body).
        title: The title ("Kế hoạch …"), when found.
        theme: The year's theme (a "Chủ đề" heading), when found.
        number: The document number (``31/KH-LĐLĐ``).
        issued: The document date, when printed in full.
        anniversaries: The anniversary statements, in text order.
        phases: The phases.
        tet: The Tết mentions.
        congresses: The congress mentions of national series.
        impossible: Dates that do not exist.
        incomplete: Dates with blanks ("ngày / 3 tháng 11 năm 2019").
        out_of_range: Phase dates outside the years the checks handle.
        lines: The document's lines.
        school_year: Whether the plan covers a school year (September to August) that
            starts in ``year``.
    """

    year: int | None
    title: str | None
    theme: str | None
    number: str | None
    issued: dt.date | None
    anniversaries: tuple[Anniversary, ...]
    phases: tuple[PhaseWindow, ...]
    tet: tuple[TetMention, ...]
    congresses: tuple[CongressMention, ...]
    impossible: tuple[Located, ...]
    incomplete: tuple[Located, ...]
    out_of_range: tuple[Located, ...]
    lines: tuple[SourceLine, ...] = attrs.field(eq=False, repr=False)
    school_year: bool = False


# --- header: number, date, title, year, theme ------------------------------------------------

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
_THEME: Final = re.compile(
    r"chủ[ \t]+đề(?:[ \t]+(?:của[ \t]+)?"
    r"(?:đợt(?:[ \t]+\d{1,2})?|thi[ \t]+đua|năm(?:[ \t]+\d{4})?))?"
    r"[ \t]*[:\-–]?[ \t]*(?:là[ \t]+)?[“\"«]([^”\"»“\n]{1,400})[”\"»]",
    re.IGNORECASE,
)


def _header(lines: Sequence[SourceLine]) -> tuple[str | None, dt.date | None]:
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


def _incomplete(lines: Sequence[SourceLine]) -> list[Located]:
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
            or _LABEL.search(text)
        ):
            break
        found.append(line)
    return found


def _title(lines: Sequence[SourceLine]) -> str | None:
    parts = [line.own_text.strip(" \t*#_") for line in _title_lines(lines)]
    if not parts:
        return None
    text = " ".join(" ".join(parts).split())[:300]
    if text.isupper():
        text = text.lower()
    return f"Kế hoạch {text[0].lower()}{text[1:]}"


def _years_in(line: SourceLine) -> Iterator[int]:
    if not line.digits:
        return
    text = line.own_text
    for match in _YEAR_WORD.finditer(text):
        if _MONTH_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue  # "tháng 11 năm 2019" is a date, not the plan year
        yield int(match.group(2))


def _plan_year(lines: Sequence[SourceLine]) -> tuple[int | None, bool]:
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
        years = [y for line in group for y in _years_in(line) if y in SUPPORTED_YEARS]
        if years:
            counts = Counter(years)
            best = max(counts.values())
            return next(y for y in years if counts[y] == best), False
    for line in lines:
        match = _SCHOOL_YEAR.search(line.own_text)
        if match and int(match.group(1)) in SUPPORTED_YEARS:
            return int(match.group(1)), True
    return None, False


def _clean_theme(text: str) -> str:
    return " ".join(text.split()).strip(" .;,")


def _plan_theme(lines: Sequence[SourceLine]) -> str | None:
    """The year's theme: a "Chủ đề" heading with a quoted text on it or on the next line."""
    for i, line in enumerate(lines):
        match = _THEME_HEADING.match(line.own_text)
        if not match:
            continue
        rest = match.group(1)
        quoted = _QUOTED.search(rest)
        if quoted and not re.search(r"\w", rest[: quoted.start()].replace("thi đua", "")):
            return _clean_theme(quoted.group(1)) or None
        if rest.strip(" \t:.*_").casefold() in ("", "thi đua", "thi đua năm"):
            for following in lines[i + 1 : i + 4]:
                text = following.own_text.strip(" \t*_")
                if not text:
                    continue
                quoted = _QUOTED.match(text)
                if quoted is not None:
                    return _clean_theme(quoted.group(1)) or None
                break
    return None


# --- anniversaries ----------------------------------------------------------------------------

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
class _Event:
    key: str | None
    name_start: int
    name_end: int
    origin: PrintedDate | None = None
    date: PrintedDate | None = None
    end: int = 0


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


def _catalogue_event(text: str, pos: int, *, skip_day: bool) -> _Event | None:
    stream = iter_tokens(text, pos, min(len(text), pos + 200))
    words = list(islice(stream, 1))
    if not words or words[0].start != _skip_spaces(text, pos):
        return None
    hit = names().match(text, words, 0, stream)
    if hit is None and skip_day and words[0].text == "ngay":
        hit = names().match(text, words, 1, stream)
        if hit is not None:
            hit = (hit[0], hit[1] + 1)
    if hit is None:
        return None
    key, used = hit
    name_end = words[used - 1].end
    pair = _dates_after(text, name_end)
    if pair is None:
        return _Event(key, words[0].start, name_end, end=name_end)
    return _Event(key, words[0].start, name_end, pair[0], pair[1], pair[2])


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _generic_event(text: str, pos: int, ordinal: int, unit: str) -> _Event | None:
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
        hit = names().fuzzy(words, 0)
        key = hit[0] if hit else None
    if not full and not any(folded.startswith(lead) for lead in _LEADS):
        return None
    if unit == "ngày" and (
        origin.year is None or date.year is None or date.year - origin.year != ordinal
    ):
        return None
    return _Event(key, pos, name_end, origin, date, end)


def _statements(line: SourceLine) -> list[tuple[int, re.Match[str], list[_Event]]]:
    text = line.text
    found: list[tuple[int, re.Match[str], list[_Event]]] = []
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
            first = _catalogue_event(text, match.end(), skip_day=True)
        else:
            first = _catalogue_event(text, match.start(2), skip_day=False)
            if first is not None and first.origin is None:
                before = text[max(0, match.start() - 24) : match.start()]
                if not _CELEBRATE.search(before):
                    first = None
        if first is None:
            first = _generic_event(text, match.end(), ordinal, unit)
        if first is None:
            continue
        events = [first]
        if first.key is not None:
            joined = _AND.match(text, first.end)
            if joined:
                second = _catalogue_event(text, joined.end(), skip_day=True)
                if second is not None:
                    events.append(second)
        if len(events) == 2 and events[0].origin is None and events[1].origin is not None:
            events = _share_dates(events[0], events[1])
        done = max(e.end for e in events)
        found.append((ordinal, match, events))
    return found


def _share_dates(first: _Event, second: _Event) -> list[_Event]:
    """Whose are the dates of "75 năm CM tháng Tám và Quốc khánh (2/9/1945 - 2/9/2020)"?"""
    catalog = default_catalog()
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


# --- Tết and congresses -----------------------------------------------------------------------

_STEM_ALT: Final = "|".join(STEM_WORDS)
_BRANCH_ALT: Final = "|".join(BRANCH_WORDS)
_TET: Final = re.compile(
    rf"(?<!\w)(?:tết(?:[ \t]+nguyên[ \t]+đán)?|xuân)[ \t]+(?:năm[ \t]+)?({_STEM_ALT})[ \t]+"
    rf"({_BRANCH_ALT})(?!\w)(?:[ \t]*[-–(]?[ \t]*(?:năm[ \t]+)?(\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_NUMERAL: Final = r"(?-i:([IVXLC]{1,7}|\d{1,2}))(?!\w)"
_CONGRESS_R: Final = re.compile(r"(?<!\w)đại[ \t]+h[ộôo]i[ \t]+" + _NUMERAL, re.IGNORECASE)
_LAN_THU: Final = re.compile(r"(?<!\w)lần[ \t]+thứ[ \t]+" + _NUMERAL, re.IGNORECASE)
_DAI_HOI: Final = re.compile(r"(?<!\w)đại[ \t]+h[ộôo]i(?!\w)", re.IGNORECASE)
_KHOA: Final = re.compile(r"(?<!\w)quốc[ \t]+hội[ \t]+kh(?:óa|oá)[ \t]+" + _NUMERAL, re.IGNORECASE)
_TERM: Final = re.compile(
    r"[ \t]*[,(]?[ \t]*(?:nhiệm[ \t]+kỳ|khóa|khoá)[ \t]+(\d{4})[ \t]*[-–][ \t]*(\d{4})(?!\d)",
    re.IGNORECASE,
)
_HELD: Final = re.compile(r"[ \t]*[-–(,][ \t]*năm[ \t]+(\d{4})(?!\d)", re.IGNORECASE)
_AHEAD: Final = re.compile(
    r"(?:tiến[ \t]+tới|hướng[ \t]+tới|chào[ \t]+mừng|chuẩn[ \t]+bị)[^;.]{0,40}$", re.IGNORECASE
)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text) or None
    try:
        return from_roman(text)
    except ValueError:
        return None


def _tet(line: SourceLine) -> list[TetMention]:
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


@attrs.frozen
class _RawCongress:
    start: int
    numeral_start: int
    end: int
    series: str | None
    ordinal: int


def _congress_r(text: str, match: re.Match[str]) -> _RawCongress | None:
    ordinal = _number(match.group(1))
    if ordinal is None:
        return None
    words = tokens(text, match.end(), min(len(text), match.end() + 80), limit=10)
    hit = series_after_numeral(words) if words else None
    series, end = None, match.end()
    if hit is not None:
        series, used = hit
        end = words[used - 1].end
    return _RawCongress(match.start(), match.start(1), end, series, ordinal)


def _congress_lan_thu(text: str, match: re.Match[str]) -> _RawCongress | None:
    ordinal = _number(match.group(1))
    if ordinal is None:
        return None
    heads = list(_DAI_HOI.finditer(text, max(0, match.start() - 100), match.start()))
    if not heads:
        return None
    head = heads[-1]
    between = text[head.end() : match.start()]
    if ";" in between or "." in between:
        return None
    before = tokens(text, head.end(), match.start())
    after = tokens(text, match.end(), min(len(text), match.end() + 60), limit=10)
    hit = series_before_numeral(before, after)
    if hit is None:
        return None
    series, used = hit
    end = after[used - 1].end if used else match.end()
    return _RawCongress(head.start(), match.start(1), end, series, ordinal)


def _raw_congresses(text: str) -> list[_RawCongress]:
    found = [c for m in _CONGRESS_R.finditer(text) if (c := _congress_r(text, m))]
    found += [c for m in _LAN_THU.finditer(text) if (c := _congress_lan_thu(text, m))]
    for match in _KHOA.finditer(text):
        ordinal = _number(match.group(1))
        if ordinal is not None:
            found.append(
                _RawCongress(
                    match.start(), match.start(1), match.end(), "national_assembly", ordinal
                )
            )
    return sorted(found, key=lambda c: c.start)


def _mention(line: SourceLine, raw: _RawCongress, series: str) -> CongressMention:
    text = line.text
    term = held = None
    term_column = 0
    match = _TERM.match(text, raw.end)
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        if last > first:
            term = (first, last)
            term_column = line.where(match.start(1))[1]
    else:
        year = _HELD.match(text, raw.end)
        held = int(year.group(1)) if year else None
    ahead = bool(_AHEAD.search(text, max(0, raw.start - 60), raw.start))
    return CongressMention(
        *line.where(raw.start),
        series,
        raw.ordinal,
        term,
        held,
        ahead,
        line.where(raw.numeral_start)[1],
        term_column,
        text[raw.start : raw.end],
    )


# --- phases -------------------------------------------------------------------------------------

_LABEL: Final = re.compile(
    r"(?<!\w)(?:đợt|giai[ \t]+đoạn)[ \t]+(\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn)(?!\w)", re.IGNORECASE
)
_FROM: Final = re.compile(r"(?<!\w)từ[ \t\u00a0]+", re.IGNORECASE)
_LABEL_GAP: Final = re.compile(r"[ \t\u00a0,:.(*\-–]*")
_S_RANGE: Final = re.compile(
    r"tháng[ \t]+(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})[ \t]*[/.\-][ \t]*(\d{4})(?!\d)", re.IGNORECASE
)
_S_MONTH_LONG: Final = _rx(r"tháng (\d{1,2}) năm (\d{4})(?!\d)")
_MONTH_WORD: Final = _rx(r"tháng ")
_MONTH_ONLY: Final = re.compile(r"(\d{1,2})(?![\d/.\-])")
_DAY_WORD: Final = _rx(r"(?:hết )?ngày ")
_END_WORD: Final = _rx(r"hết ")
_S_EVENT: Final = _rx(
    r"(?:(?:khi|lúc|ngày) (?:ban hành kế hoạch(?: này)?|phát động(?: phong trào)?(?: thi đua)?)"
    r"|nay|bây giờ)(?!\w)"
)
_S_YEAR_START: Final = _rx(r"đầu năm(?: (\d{4}))?(?!\w)")
_CONNECT: Final = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:đến|tới)[ \t\u00a0]+|[ \t\u00a0]*[-–—_][ \t\u00a0]*", re.I
)
_E_SEMESTER: Final = _rx(r"(?:(?:hết|cuối) )?học kỳ (I{1,2}|1|2)(?!\w)")
_E_SCHOOL_YEAR: Final = _rx(r"(?:hết|cuối) năm học(?!\w)")
_E_YEAR_END: Final = _rx(r"(?:hết|cuối) năm(?: (?:nay|(\d{4})))?(?!\w)")
_E_TBA: Final = _rx(r"khi có thông báo(?: mới)?")
_E_CONGRESS: Final = _rx(
    r"(?:khi )?(?:(?:tổ chức|diễn ra|kết thúc) )?(?:thành công )?(?=đại h[ộôo]i(?!\w))"
)


@attrs.frozen
class _Bound:
    """One end of a printed window, before the year is known."""

    kind: Literal["date", "month", "event", "year_start", "year_end", "semester", "tba", "congress"]
    start: int
    end: int
    date: PrintedDate | None = None
    year: int | None = None
    number: int | None = None
    congress: _RawCongress | None = None
    commemoration: str | None = None


def _month_bound(text: str, pos: int) -> _Bound | None:
    match = _S_MONTH_LONG.match(text, pos)
    if match:
        date = PrintedDate(
            None, int(match.group(1)), int(match.group(2)), pos, match.end(), match.group()
        )
        return _Bound("month", pos, match.end(), date)
    word = _MONTH_WORD.match(text, pos)
    at = word.end() if word else pos
    month = match_month(text, at)
    if month is not None:
        return _Bound("month", pos, month.end, month)
    if word:
        only = _MONTH_ONLY.match(text, at)
        if only:
            date = PrintedDate(None, int(only.group(1)), None, at, only.end(), only.group())
            return _Bound("month", pos, only.end(), date)
    return None


def _date_bound(text: str, pos: int) -> _Bound | None:
    word = _DAY_WORD.match(text, pos)
    at = word.end() if word else pos
    date = match_date(text, at, yearless=True)
    if date is None:
        return None
    return _Bound("date", pos, date.end, date)


def _start_bound(text: str, pos: int) -> tuple[_Bound, _Bound | None] | None:
    """A window's start (and, for "tháng 1-12/2023", its end as well)."""
    match = _S_RANGE.match(text, pos)
    if match:
        year = int(match.group(3))
        first = PrintedDate(None, int(match.group(1)), year, pos, match.end(), match.group())
        last = PrintedDate(None, int(match.group(2)), year, pos, match.end(), match.group())
        return _Bound("month", pos, match.end(), first), _Bound("month", pos, match.end(), last)
    bound = _date_bound(text, pos) or _month_bound(text, pos)
    if bound is not None:
        return bound, None
    match = _S_EVENT.match(text, pos)
    if match:
        return _Bound("event", pos, match.end()), None
    match = _S_YEAR_START.match(text, pos)
    if match:
        printed = int(match.group(1)) if match.group(1) else None
        return _Bound("year_start", pos, match.end(), year=printed), None
    return None


def _end_bound(text: str, pos: int) -> _Bound | None:
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
    match = _E_CONGRESS.match(text, pos)
    if match:
        raw = _congress_at(text, match.end())
        if raw is not None:
            return _Bound("congress", pos, raw.end, congress=raw)
    word = _END_WORD.match(text, pos)
    at = word.end() if word else pos
    bound = _date_bound(text, at) or _month_bound(text, at)
    if bound is not None:
        return attrs.evolve(bound, start=pos)
    day = _DAY_WORD.match(text, pos)
    stream = iter_tokens(text, day.end() if day else pos, min(len(text), pos + 200))
    words = list(islice(stream, 1))
    hit = names().match(text, words, 0, stream) if words else None
    if hit is not None:
        return _Bound("date", pos, words[hit[1] - 1].end, commemoration=hit[0])
    return None


def _congress_at(text: str, pos: int) -> _RawCongress | None:
    match = _CONGRESS_R.match(text, pos)
    if match:
        return _congress_r(text, match)
    numeral = _LAN_THU.search(text, pos, min(len(text), pos + 100))
    if numeral is None:
        return None
    raw = _congress_lan_thu(text, numeral)
    return raw if raw is not None and raw.start == pos else None


@attrs.frozen
class _Window:
    start: _Bound
    end: _Bound
    span: tuple[int, int]


def _window_at(text: str, pos: int, *, after_from: bool) -> _Window | None:
    begun = _start_bound(text, pos)
    if begun is None:
        return None
    start, end = begun
    if not after_from and start.kind not in ("date", "month"):
        return None
    if end is None:
        connector = _CONNECT.match(text, start.end)
        if connector is None:
            return None
        end = _end_bound(text, connector.end())
        if end is None:
            return None
    return _Window(start, end, (pos, end.end))


@attrs.frozen
class _RawPhase:
    line: SourceLine
    label: str | None
    label_start: int
    window: _Window
    region_end: int  # end of the phase's text on its line
    context: bool  # an unlabelled window on a line about the campaign's time
    title: _Label | None = None  # the label, when it was printed on a line before


@attrs.frozen
class _Label:
    """A phase label printed on a line of its own ("a) Đợt 1: “…”"), its window below."""

    name: str
    line: SourceLine
    end: int


_CAMPAIGN: Final = re.compile(r"thời[ \t]+gian|thi[ \t]+đua|phong[ \t]+trào|phát[ \t]+động", re.I)


def _phases_in(line: SourceLine, pending: _Label | None) -> tuple[list[_RawPhase], _Label | None]:
    """Phases of a line; ``pending`` is a label printed alone on a line just before."""
    text = line.text
    labels = [m for m in _LABEL.finditer(text) if m.start() < line.own]
    found: list[_RawPhase] = []
    used_until = 0
    for i, label in enumerate(labels):
        region_end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        name = " ".join(label.group().split())
        gap = _LABEL_GAP.match(text, label.end())
        assert gap is not None
        window = _window_at(text, gap.end(), after_from=False)
        if window is None:
            limit = min(region_end, label.end() + 100)
            for start in _FROM.finditer(text, label.end(), limit):
                window = _window_at(text, start.end(), after_from=True)
                if window is not None:
                    window = attrs.evolve(window, span=(start.start(), window.span[1]))
                    break
        if window is not None:
            title = _Label(name, line, label.end())
            found.append(_RawPhase(line, name, label.start(), window, region_end, True, title))
            used_until = window.span[1]
        elif i == len(labels) - 1 and len(line.own_text.strip(" \t*-+:.")) <= len(name) + 60:
            pending = _Label(name, line, label.end())  # its window is on the next lines
            used_until = line.own
    if found:
        return found, None
    for start in _FROM.finditer(text, used_until, line.own + 1):
        window = _window_at(text, start.end(), after_from=True)
        if window is None:
            continue
        window = attrs.evolve(window, span=(start.start(), window.span[1]))
        context = bool(_CAMPAIGN.search(text, 0, start.start())) or pending is not None
        found.append(
            _RawPhase(
                line, pending.name if pending else None, 0, window, len(text), context, pending
            )
        )
        return found, None
    return found, pending


# --- resolution -------------------------------------------------------------------------------


@attrs.frozen
class _Resolved:
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
    if date.year is not None:
        return date.date()
    return date.with_year(year) if year is not None else None


def _year_of(bound: _Bound) -> int | None:
    return bound.date.year if bound.date is not None else bound.year


def _resolve(window: _Window, year: int | None, issued: dt.date | None) -> _Resolved:
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
    elif start_b.kind == "event":
        precision = "event"
        start = issued if issued is not None else (dt.date(year, 1, 1) if year else None)
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
        end = _next_occurrence(end_b.commemoration, start) if start else None
        if end is None:
            event = EndEvent(tba=True)
            notes.append(_window_note(end_b))
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
        label = {1: "học kỳ I", 2: "học kỳ II", 3: "năm học"}.get(end_b.number or 1, "")
        notes.append(f"đến hết {label}")
    elif end_b.kind == "tba":
        end_precision = "event"
        event = EndEvent(tba=True)
    elif end_b.kind == "congress" and end_b.congress is not None:
        end_precision = "event"
        event, end = _congress_end(end_b.congress, start, year)
        if event.tba:
            notes.append(_window_note(end_b))
    dates = tuple(b.date for b in (start_b, end_b) if b.date is not None and b.kind == "date")
    return _Resolved(start, end, precision, end_precision, event, "; ".join(notes), dates)


def _date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or ``None`` outside the years Python has (1–9999)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _window_note(bound: _Bound) -> str:
    """A short description of an end bound for notes."""
    if bound.congress is not None:
        return f"đến khi tổ chức thành công Đại hội {to_roman(bound.congress.ordinal)}"
    return f"đến {bound.commemoration}" if bound.commemoration else ""


def _next_occurrence(key: str, start: dt.date) -> dt.date | None:
    from .._milestones import milestones

    for year in (start.year, start.year + 1):
        if year not in SUPPORTED_YEARS:
            return None
        for m in milestones(year, keys=[key]):
            if m.date >= start:
                return m.date
    return None


def _congress_end(
    raw: _RawCongress, start: dt.date | None, year: int | None
) -> tuple[EndEvent, dt.date | None]:
    candidates: list[CongressSeries] = (
        [congress_series(raw.series)] if raw.series else list(all_congress_series())
    )
    after = start or (dt.date(year, 1, 1) if year else dt.date.min)
    best = None
    for series in candidates:
        for congress in series.congresses:
            held = congress.start or dt.date(congress.year, 1, 1)
            if congress.ordinal != raw.ordinal or (raw.series is None and held < after):
                continue
            rank = (held, 0 if series.key == "party" else 1)
            if best is None or rank < best[0]:
                best = (rank, series.key, congress.end or congress.start)
    if best is None:
        return EndEvent(tba=True), None
    return EndEvent(congress=best[1], ordinal=raw.ordinal), best[2]


# --- the whole document --------------------------------------------------------------------------

_LABEL_THEME: Final = re.compile(r"[ \t]*[:.\-–]?[ \t]*[*_]*[“\"«]([^”\"»“\n]{1,400})[”\"»]")
_BLOCK_END: Final = re.compile(r"^[\s*#]*(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[ \t]*[.)][ \t]", re.I)


def extract(text: str, year: int | None = None) -> Extraction:
    """Extract the calendar of a plan document.

    Args:
        text: The document (any text; nothing here raises on odd input).
        year: The plan year, overriding the one found in the text.
    """
    lines = split_lines(text)
    number, issued = _header(lines)
    plan_year, school_year = _plan_year(lines)
    if year is not None:
        plan_year = year
    title = _title(lines)
    theme = _plan_theme(lines)

    statements: list[tuple[SourceLine, int, re.Match[str], list[_Event]]] = []
    tet: list[TetMention] = []
    congresses: list[CongressMention] = []
    raw_phases: list[_RawPhase] = []
    pending: _Label | None = None
    pending_age = 0
    for line in lines:
        # Cheap tests first: most lines have no date, no Tết, no congress.
        low = line.text.casefold()
        if line.digits:
            statements += [(line, o, m, e) for o, m, e in _statements(line)]
        if "tết" in low or "xuân" in low:
            tet += _tet(line)
        if "đại h" in low or "quốc hội" in low:
            for raw in _raw_congresses(line.text):
                if raw.series is not None and raw.start < line.own:
                    congresses.append(_mention(line, raw, raw.series))
        found: list[_RawPhase] = []
        still = pending
        if "từ" in low or "đợt" in low or "giai đoạn" in low:
            found, still = _phases_in(line, pending)
        raw_phases += found
        if still is not None and still != pending:
            pending, pending_age = still, 0
        elif line.own_text.strip():
            pending_age += 1
            if pending_age > 3 or found:
                pending = None

    labelled = any(p.label is not None for p in raw_phases)
    raw_phases = [p for p in raw_phases if p.label is not None or (not labelled and p.context)]
    phases, bound_dates = _build_phases(raw_phases, lines, plan_year, issued, statements)
    for phase in phases:
        event, anchor = phase.end_event, phase.anchor
        if event is not None and event.congress is not None and event.ordinal and anchor:
            at_line, column, numeral = anchor
            congresses.append(
                CongressMention(
                    at_line,
                    column,
                    event.congress,
                    event.ordinal,
                    ahead=True,
                    numeral_column=numeral,
                )
            )
    anniversaries = _anniversaries(statements, plan_year, phases)

    impossible: dict[tuple[int, int], Located] = {}
    for line in lines:
        for date in full_dates(line.own_text) if line.digits else ():
            if not date.valid:
                impossible[line.where(date.start)] = Located(
                    *line.where(date.start), date.text, date
                )
    for line, date in bound_dates:
        if not date.valid:
            impossible[line.where(date.start)] = Located(*line.where(date.start), date.text, date)
    out_of_range = tuple(
        Located(p.line, p.column, p.window)
        for p in phases
        if any(d is not None and d.year not in SUPPORTED_YEARS for d in (p.start, p.end))
    )
    return Extraction(
        year=plan_year,
        title=title,
        theme=theme,
        number=number,
        issued=issued,
        anniversaries=tuple(anniversaries),
        phases=tuple(phases),
        tet=tuple(tet),
        congresses=tuple(sorted(congresses, key=lambda c: (c.line, c.column))),
        impossible=tuple(sorted(impossible.values(), key=lambda x: (x.line, x.column))),
        incomplete=tuple(_incomplete(lines)),
        out_of_range=out_of_range,
        lines=tuple(lines),
        school_year=school_year,
    )


def _build_phases(
    raw_phases: Sequence[_RawPhase],
    lines: Sequence[SourceLine],
    year: int | None,
    issued: dt.date | None,
    statements: Sequence[tuple[SourceLine, int, re.Match[str], list[_Event]]],
) -> tuple[list[PhaseWindow], list[tuple[SourceLine, PrintedDate]]]:
    phases: list[PhaseWindow] = []
    bound_dates: list[tuple[SourceLine, PrintedDate]] = []
    starts = {(p.line.number, p.label_start) for p in raw_phases}
    phase_lines = {p.line.number for p in raw_phases}
    starts_by_line: dict[int, list[int]] = {}
    for number, begin in starts:
        starts_by_line.setdefault(number, []).append(begin)
    by_line: dict[int, list[tuple[SourceLine, int, re.Match[str], list[_Event]]]] = {}
    for statement in statements:
        by_line.setdefault(statement[0].number, []).append(statement)
    for raw in raw_phases:
        line = raw.line
        resolved = _resolve(raw.window, year, issued)
        bound_dates += [(line, d) for d in resolved.dates]
        # The phase's text: the rest of its line (up to the next phase), and the lines that
        # follow until a blank line, a heading or the next phase.
        region: list[tuple[int, int, int]] = [(line.number, raw.label_start, raw.region_end)]
        later = [s for s in starts_by_line.get(line.number, ()) if s > raw.label_start]
        if not later:
            for following in lines[line.number : line.number + 5]:
                text = following.own_text
                if (
                    not text.strip()
                    or following.number in phase_lines
                    or _BLOCK_END.match(text)
                    or _LABEL.match(text.lstrip(" \t*-+"))
                ):
                    break
                region.append((following.number, 0, len(text)))
        theme = None
        title = raw.title
        quoted = _LABEL_THEME.match(title.line.text, title.end) if title else None
        if quoted:
            theme = _clean_theme(quoted.group(1)) or None
        for number, begin, finish in region if theme is None else ():
            source = lines[number - 1].text
            offset = raw.window.span[1] if number == line.number else begin
            match = _THEME.search(source, max(offset, begin), finish)
            if match:
                theme = _clean_theme(match.group(1)) or None
                break
        focus: list[str] = []
        places: list[tuple[str, int, int]] = []
        for number, begin, finish in region:
            for s_line, _, match, events in by_line.get(number, ()):
                if not begin <= match.start() < finish:
                    continue
                for event in events:
                    if event.key and event.key not in focus:
                        focus.append(event.key)
                        places.append((event.key, *s_line.where(match.start())))
        window_text = line.text[raw.window.span[0] : raw.window.span[1]]
        phases.append(
            PhaseWindow(
                line=line.number,
                column=line.where(
                    raw.label_start if raw.title and raw.title.line is line else raw.window.span[0]
                )[1],
                label=raw.label,
                start=resolved.start,
                end=resolved.end,
                start_precision=resolved.start_precision,
                end_precision=resolved.end_precision,
                end_event=resolved.end_event,
                theme=theme,
                focus=tuple(focus),
                note=resolved.note,
                window=window_text,
                dates=resolved.dates,
                places=tuple(places),
                anchor=_anchor(line, raw.window.end.congress),
            )
        )
    return phases, bound_dates


def _anchor(line: SourceLine, raw: _RawCongress | None) -> tuple[int, int, int] | None:
    if raw is None:
        return None
    number, column = line.where(raw.start)
    return number, column, line.where(raw.numeral_start)[1]


def _anniversaries(
    statements: Sequence[tuple[SourceLine, int, re.Match[str], list[_Event]]],
    year: int | None,
    phases: Sequence[PhaseWindow],
) -> list[Anniversary]:
    catalog = default_catalog()
    found: list[Anniversary] = []
    phase_of: dict[int, PhaseWindow] = {}
    for p in phases:
        if p.start is not None and p.end is not None:
            for number in (p.line, *(place[1] for place in p.places)):
                phase_of.setdefault(number, p)
    for line, ordinal, match, events in statements:
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
