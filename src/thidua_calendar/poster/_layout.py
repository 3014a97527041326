"""Laying out the poster: what is shown (:class:`Content`) and where it goes (:class:`Layout`).

The drawing is laid out in tenths of a millimetre of the printable area of A4 landscape
(297 × 210 mm less 8 mm margins); A3 prints the same drawing scaled up. :func:`lay_out`
places the header, the warning banner, twelve month grids, the legend and the numbered list:
it chooses the largest sizes that fit (the list font first, then the week rows), wraps every
text with the measures of :mod:`._measure`, and returns the positions as plain values that
:mod:`._draw` writes out. Nothing here writes SVG.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, Literal

import attrs

from .._vocabulary import Lang, LangArg, Rank
from .._wording import phase_label, short_date
from .._wording.poster import (
    KeySymbol,
    dates_line,
    key_label,
    lunar_label,
    month_heading,
    more_entries,
    more_errors,
    school_year_title,
    span_tail,
    title,
    warning_heading,
    weekday_heads,
    window_tail,
)
from .._wording.schedule import phase_window
from ..lunar import can_chi, iter_lunar_dates, tet, zodiac
from ._measure import ellipsis, text_width, wrap

if TYPE_CHECKING:
    from .._schedule import Entry, Schedule
    from ..plans import Plan

PAPERS: Final[dict[str, tuple[int, int]]] = {"A4": (297, 210), "A3": (420, 297)}
"""Paper sizes in millimetres, portrait (width, height); the poster is printed landscape."""
MARGIN_MM: Final = 8

VIEW_W: Final = 2810
VIEW_H: Final = 1940
PAD: Final = 8  # glyphs may overshoot their advance a little: keep them inside the view
WIDTH: Final = VIEW_W - 2 * PAD
"""The width of the drawing inside its padding."""
_W: Final = WIDTH
_H: Final = VIEW_H - 2 * PAD

_MONTH_TITLE: Final = 42
_WEEKDAY_ROW: Final = 26
_GAP: Final = 26
_BANNER_LINES: Final = 6  # diagnostics shown in the warning banner; the rest are counted
_LIST_FONTS: Final = (24, 23, 22, 21, 20, 19, 18, 17, 16, 15)
# Month arrangements, best first: months per band, the smallest list font, the week row
# heights to try (comfortable, then tight) and the largest.
_ARRANGEMENTS: Final = ((4, 20, (54, 48), 70), (6, 15, (52, 44), 62))

Mark = Literal["tron", "le5", "deadline", "other"]
"""The marker of a numbered day: the highest rank of its entries, else deadline or other."""


def size_mm(paper: str) -> tuple[float, float]:
    """The printed size of the drawing in millimetres (the page less its margins).

    >>> size_mm("A4"), size_mm("A3")
    ((281, 194.0), (404, 278.9))
    """
    width = PAPERS[paper][0] - 2 * MARGIN_MM
    return width, round(width * VIEW_H / VIEW_W, 1)


def poster_title(year: int, lang: LangArg = "vi", *, school_year: bool = False) -> str:
    """The poster's title: of a calendar year, or of the school year that starts in ``year``.

    >>> poster_title(2026)
    'Lịch thi đua năm 2026 – Năm Bính Ngọ'
    >>> poster_title(2026, "en")
    'Emulation calendar 2026 – Year of Bính Ngọ (Horse)'
    >>> poster_title(2025, school_year=True)
    'Lịch thi đua năm học 2025 - 2026'
    """
    if school_year:
        return school_year_title(year, lang)
    return title(year, can_chi(year), zodiac(year, "en"), lang)


def poster_months(start: dt.date) -> tuple[tuple[int, int], ...]:
    """The twelve (year, month) of a poster that starts on ``start`` (1 January or 1 September).

    >>> poster_months(dt.date(2025, 9, 1))[3:5]
    ((2025, 12), (2026, 1))
    """
    return tuple(
        (start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1)
        for i in range(12)
    )


# --- what is shown -------------------------------------------------------------------------


@attrs.frozen
class Item:
    """One row of the numbered list: an entry of the schedule other than a phase."""

    number: int  # the number of its day
    entry: Entry
    first: bool  # the first row of its day (shows the number and the date)


def _mark(entries: Iterable[Entry]) -> Mark:
    """The marker of a day: the highest rank of its entries, else deadline or other."""
    found = list(entries)
    ranks: set[Rank | None] = {e.rank for e in found}
    if Rank.TRON in ranks:
        return "tron"
    if Rank.LE5 in ranks:
        return "le5"
    if all(e.kind == "deadline" for e in found):
        return "deadline"
    return "other"


class Content:
    """What a poster shows, read from a schedule (and the lunar engine for every day).

    Attributes:
        year: The year shown (the first year of a school year).
        school_year: Whether the poster shows a school year (September to August).
        first: The first day shown.
        last: The last day shown.
        months: The twelve (year, month) shown, in order.
        lang: The language of every text.
        title: The poster's title.
        plan: The schedule's plan, if any.
        warnings: The lines of the warning banner (a forced plan's errors).
        lunar: The lunar date of every day of the year.
        phases: The phase entries that touch the year.
        phase_index: The position of each phase (by uid) in its plan: it picks the colour.
        items: The rows of the numbered list.
        day_number: The number of each numbered day.
        day_mark: The marker of each numbered day.
        major_days: The days of the ngày lễ lớn other than Tết (a red frame).
        tet_days: The days of Tết (a red day).
        days_off: The public-sector days off of the year's holiday breaks (a shaded day).
        make_up_days: The Saturdays and Sundays worked instead (a dashed frame).
        day_notes: The title of the break or make-up day of each such day (its tooltip).
        dates_line: The header's line of the dates of Tết and Giỗ Tổ Hùng Vương.
        has_leap: Whether the year has days of a leap lunar month.
    """

    def __init__(self, schedule: Schedule, lang: Lang, warnings: Sequence[str] = ()) -> None:
        self.year = year = schedule.start.year
        self.first = first = schedule.start
        self.last = last = schedule.end
        self.school_year = school = first.month != 1
        self.months = poster_months(first)
        self.lang = lang
        self.title = poster_title(year, lang, school_year=school)
        self.plan: Plan | None = schedule.plan
        self.warnings = tuple(warnings)
        self.lunar = dict(iter_lunar_dates(first, last))
        entries = [e for e in schedule.entries if e.end >= first and e.start <= last]
        self.phases = [e for e in entries if e.kind == "phase"]
        self.phase_index: dict[str, int] = {}
        for entry in self.phases:
            index = len(self.phase_index)
            if self.plan is not None:
                phases = self.plan.phases
                index = next((i for i, p in enumerate(phases) if p is entry.phase), index)
            self.phase_index[entry.uid] = index
        self.items: list[Item] = []
        self.day_number: dict[dt.date, int] = {}
        by_day: dict[dt.date, list[Entry]] = {}
        self.days_off: set[dt.date] = set()
        self.make_up_days: set[dt.date] = set()
        self.day_notes: dict[dt.date, str] = {}
        for entry in entries:
            if entry.day_off is not None:
                span = (entry.end - entry.start).days + 1
                days = {entry.start + dt.timedelta(days=i) for i in range(span)}
                self.days_off |= days
                self.day_notes |= dict.fromkeys(days, entry.title(lang))
            elif entry.working_day is not None:
                self.make_up_days.add(entry.start)
                self.day_notes[entry.start] = entry.title(lang)
        for entry in entries:
            if entry.kind in ("phase", "day_off", "working_day"):
                continue
            day = max(entry.start, first)
            first_of_day = day not in by_day
            by_day.setdefault(day, []).append(entry)
            if first_of_day:
                self.day_number[day] = len(self.day_number) + 1
            self.items.append(Item(self.day_number[day], entry, first_of_day))
        self.day_mark = {day: _mark(found) for day, found in by_day.items()}
        self.major_days = {e.start for e in entries if e.major_day and e.key != "tet_nguyen_dan"}
        self.tet_days = {e.start for e in entries if e.key == "tet_nguyen_dan"}
        gio_to = [e.start for e in schedule.entries if e.key == "gio_to_hung_vuong"]
        tet_day = tet(year + 1) if school else tet(year)
        self.dates_line = dates_line(tet_day, gio_to[0] if gio_to else None, lang)
        self.has_leap = any(lunar.leap for lunar in self.lunar.values())

    def phases_on(self, date: dt.date) -> list[Entry]:
        """The phases a day belongs to."""
        return [e for e in self.phases if e.start <= date <= e.end]


# --- where it goes -------------------------------------------------------------------------


@attrs.frozen
class Label:
    """One line of text: ``x`` and ``y`` are its anchor and baseline."""

    x: float
    y: float
    text: str
    cls: str
    anchor: str | None = None


@attrs.frozen
class Paragraph:
    """Wrapped lines drawn as one text (a wrapped title stays one searchable string).

    Attributes:
        grey: How many characters at the end are grey (a date span, a phase window).
    """

    x: float
    y: float
    lines: tuple[str, ...]
    line_height: float
    cls: str
    grey: int = 0


@attrs.frozen
class Banner:
    """The red frame listing a forced plan's errors."""

    y: float
    height: float
    heading: Label
    messages: tuple[Paragraph, ...]


@attrs.frozen
class Sizes:
    """The sizes of one layout."""

    per_band: int  # months side by side (4 in three bands, or 6 in two)
    cell: float  # width of a day cell
    row: float  # height of a week row of a month grid
    font: float  # font size of the numbered list
    columns: int  # columns of the numbered list
    height: float  # height of a column of the list


@attrs.frozen
class CellSizes:
    """Font sizes and marks of a day cell; the solar and lunar boxes never overlap."""

    band: float  # height of the phase band along the bottom
    solar: float  # font size of the solar day
    lunar: float  # font size of the lunar day
    badge_r: float  # radius of the marker of a numbered day
    badge_font: float  # font size of its number


@attrs.frozen
class Chip:
    """A phase's label beside a month's name."""

    phase: int  # the phase's index (its colour)
    label: str
    x: float
    width: float


@attrs.frozen
class Cell:
    """A day of a month grid and what it shows."""

    date: dt.date
    x: float
    y: float
    phases: tuple[int, ...]  # the indexes of its phases (a band each)
    tet: bool
    major: bool  # a ngày lễ lớn
    day_off: bool  # a public-sector day off of a holiday break (shaded)
    make_up: bool  # a Saturday or Sunday worked instead (a dashed frame)
    note: str | None  # the break or make-up day it belongs to (the cell's tooltip)
    lunar: str  # the lunar day as shown (``17``, ``1/4``, ``1/4n``)
    new_moon: bool  # the first day of a lunar month
    number: int | None  # its number in the list
    mark: Mark | None


@attrs.frozen
class Month:
    """A month grid: its name, phase chips, weekday heads and days."""

    x: float
    y: float
    name: Label
    chips: tuple[Chip, ...]  # right to left
    heads: tuple[Label, ...]
    cells: tuple[Cell, ...]


@attrs.frozen
class LegendPhase:
    """A phase in the legend: its swatch at ``y`` and its title and window."""

    phase: int
    y: float
    text: Paragraph


@attrs.frozen
class Key:
    """A symbol of the key and its label, at ``x`` on the row whose top is ``y``."""

    symbol: KeySymbol
    label: str
    x: float
    y: float


@attrs.frozen
class Row:
    """A placed row of the numbered list.

    Attributes:
        item: The entry and its number.
        x: The left of its column.
        y: The baseline of its first line.
        lines: The wrapped title (and grey tail).
        grey: How many characters at the end are grey (the span of a multi-day entry).
        first: Shows the number and the date (the day's first row, or a column's first).
        date: The date it shows (on a first row).
        mark: The marker of its day.
    """

    item: Item
    x: float
    y: float
    lines: tuple[str, ...]
    grey: int
    first: bool
    date: str  # the date shown on a first row
    mark: Mark  # the marker of its day, shown on a first row


@attrs.frozen
class ListPart:
    """The numbered list: its rows and the geometry they share."""

    font: float
    line_height: float
    badge: float  # the font size of a marker's number
    date_x: float  # the date's offset in a column
    title_x: float  # the title's offset in a column
    rows: tuple[Row, ...]
    more: Label | None  # "… and N more" when rows were left out


@attrs.frozen
class Layout:
    """Where everything goes."""

    sizes: Sizes
    cell: CellSizes
    header: tuple[Label | Paragraph, ...]
    banner: Banner | None
    months: tuple[Month, ...]
    legend: tuple[LegendPhase, ...]
    keys: tuple[Key, ...]
    list: ListPart


def lay_out(content: Content) -> Layout:
    """Place every part of the poster."""
    return _Engine(content).lay_out()


def cell_sizes(width: float, row: float) -> CellSizes:
    """Font sizes and marks of a day cell; the solar and lunar boxes never overlap."""
    band = max(4.0, round(row * 0.1))
    solar = min(0.42 * row, 0.36 * width, 28.0)
    lunar = min(18.0, 0.32 * row)
    while 1.236 * solar + 0.928 * lunar > row - band - 6 and lunar > 11:
        lunar -= 0.5
    while 1.236 * solar + 0.928 * lunar > row - band - 6:
        solar -= 0.5
    radius = min(0.22 * row, (width - 11 - 1.392 * solar) / 2, 14.0)  # bold digits
    return CellSizes(
        band=band,
        solar=math.floor(solar * 2) / 2,
        lunar=math.floor(lunar * 2) / 2,
        badge_r=round(radius, 1),
        badge_font=round(1.25 * radius, 1),
    )


def badge_font(number: int, radius: float, font: float) -> float:
    """The font size of a marker's number: ``font``, smaller when the number is too wide."""
    text = str(number)
    if text_width(text, font, bold=True) > 1.8 * radius:
        return round(1.8 * radius / text_width(text, 1, bold=True), 1)
    return font


def key_width(symbol: KeySymbol, label: str) -> float:
    """The width a symbol of the key takes, with its label and the space after it."""
    lead = 0 if symbol in ("lunar", "leap", "focus") else 34
    return lead + text_width(label, 20, bold=symbol == "focus") + 40


def _balanced_height(heights: Sequence[float], columns: int) -> float:
    """The smallest column height (to a unit) that fits the rows, in order, into the columns."""
    if not heights:
        return 0.0
    low = max(max(heights), sum(heights) / columns)
    high = max(low, sum(heights))
    while high - low > 1:
        middle = (low + high) / 2
        if _columns_used(heights, middle) > columns:
            low = middle
        else:
            high = middle
    return math.ceil(high)


def _columns_used(heights: Sequence[float], limit: float) -> int:
    used, count = 0.0, 1
    for height in heights:
        if used and used + height > limit + 0.01:
            count, used = count + 1, 0.0
        used += height
    return count


def _days_in(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


class _Engine:
    """Lays out one poster (caching the wrapped list titles between the sizes it tries)."""

    def __init__(self, content: Content) -> None:
        self.c = content
        lang = content.lang
        self.titles = [self._item_text(item) for item in content.items]
        dates = {short_date(item.entry.start, lang) for item in content.items}
        self.date_width = max((text_width(d, 1) for d in dates), default=0.0)
        self._lines_cache: dict[tuple[float, int], list[list[str]]] = {}

    def _item_text(self, item: Item) -> tuple[str, str]:
        """The title of a list row, and its grey tail (the span of a multi-day entry)."""
        e = item.entry
        tail = span_tail(e.start, e.end, self.c.lang) if e.end != e.start else ""
        return e.title(self.c.lang), tail

    def lay_out(self) -> Layout:
        header, y = self._header()
        banner, y = self._banner(y)
        sizes, legend_top, list_top, rows, dropped = self._fit(y)
        legend, keys = self._legend(legend_top)
        return Layout(
            sizes=sizes,
            cell=cell_sizes(sizes.cell, sizes.row),
            header=header,
            banner=banner,
            months=self._months(y, sizes),
            legend=legend,
            keys=keys,
            list=self._list(list_top, sizes, rows, dropped),
        )

    # --- the parts -----------------------------------------------------------------------

    def _header(self) -> tuple[tuple[Label | Paragraph, ...], float]:
        """The title, the organisation and the dates line, the plan's title; the y below."""
        c = self.c
        # Room above the title for stacked diacritics (Ấ, Ầ …), taller than the font's ascent.
        out: list[Label | Paragraph] = [Label(0, 66, c.title, "h1")]
        title_end = text_width(c.title, 58, bold=True) + 60
        right: list[tuple[str, str, float, bool]] = []
        plan = c.plan
        if plan is not None and plan.organisation:
            right.append((plan.organisation, "org", 30, True))
        right.append((c.dates_line, "info", 26, False))
        below: list[tuple[str, str, float, bool]] = []
        baselines = (34, 70) if len(right) == 2 else (66,)
        if all(title_end + text_width(t, s, bold=b) <= _W for t, _, s, b in right):
            for (text, cls, _, _), base in zip(right, baselines, strict=True):
                out.append(Label(_W, base, text, cls, anchor="end"))
        else:
            below = right
        y = 72.0
        for text, cls, size, bold in below:
            lines = wrap(text, size, _W, bold=bold)
            out.append(Paragraph(0, y + size * 1.3, tuple(lines), size * 1.3, cls))
            y += len(lines) * size * 1.3
        if plan is not None:
            lines = wrap(plan.title, 26, _W)
            if len(lines) > 3:
                lines = [*lines[:2], ellipsis("".join(lines[2:]), 26, _W)]
            out.append(Paragraph(0, y + 40, tuple(lines), 32, "sub"))
            y += 8 + 32 * len(lines)
        return tuple(out), y + 20

    def _banner(self, y: float) -> tuple[Banner | None, float]:
        """The warning banner (when there are warnings) at ``y``; the y below."""
        warnings, lang = self.c.warnings, self.c.lang
        if not warnings:
            return None, y
        shown = list(warnings[:_BANNER_LINES])
        if len(warnings) > _BANNER_LINES:
            shown.append(more_errors(len(warnings) - _BANNER_LINES, lang))
        messages = [wrap(message, 24, _W - 40) for message in shown]
        height = 24 + 32 * (1 + sum(map(len, messages)))
        base = y + 44
        paragraphs = []
        for lines in messages:
            paragraphs.append(Paragraph(20, base + 32, tuple(lines), 32, "warn"))
            base += 32 * len(lines)
        heading = Label(20, y + 44, warning_heading(lang), "warnh")
        return Banner(y, height, heading, tuple(paragraphs)), y + height + 16

    def _months(self, top: float, sizes: Sizes) -> tuple[Month, ...]:
        per_band, cw, row = sizes.per_band, sizes.cell, sizes.row
        month_w = 7 * cw
        gap = (_W - per_band * month_w) / (per_band - 1)
        band_top = top
        months = []
        for band, rows in enumerate(self._band_rows(per_band)):
            for col in range(per_band):
                year, month = self.c.months[band * per_band + col]
                x0 = col * (month_w + gap)
                months.append(self._month(year, month, x0, band_top, cw, row))
            band_top += _MONTH_TITLE + _WEEKDAY_ROW + rows * row + _GAP
        return tuple(months)

    def _month(self, year: int, month: int, x0: float, y0: float, cw: float, row: float) -> Month:
        c = self.c
        name = month_heading(year, month, c.lang, with_year=c.school_year)
        first = dt.date(year, month, 1)
        last = dt.date(year, month, _days_in(year, month))
        labels = [
            (entry, phase_label(entry.phase.label, c.lang))
            for entry in c.phases
            if entry.phase is not None and entry.start <= last and entry.end >= first
        ]
        room = 7 * cw - text_width(name, 28, bold=True) - 16

        def chips_width(texts: Iterable[str]) -> float:
            return sum(text_width(text, 18, bold=True) + 20 for text in texts)

        if chips_width(label for _, label in labels) > room:  # many phases: their numbers only
            labels = [(e, re.sub(r"\D", "", label) or "·") for e, label in labels]
        if chips_width(label for _, label in labels) > room:  # still too many: the bands say it
            labels = []
        chips = []
        x = x0 + 7 * cw
        for entry, label in reversed(labels):
            width = text_width(label, 18, bold=True) + 14
            x -= width
            chips.append(Chip(c.phase_index[entry.uid], label, x, width))
            x -= 6
        wy = y0 + _MONTH_TITLE
        heads = tuple(
            Label(x0 + i * cw + cw / 2, wy + 18, head, "we" if i == 6 else "wd", anchor="middle")
            for i, head in enumerate(weekday_heads(c.lang))
        )
        top = wy + _WEEKDAY_ROW
        week = 0
        cells = []
        for day in range(1, last.day + 1):
            date = dt.date(year, month, day)
            column = date.weekday()
            if day > 1 and column == 0:
                week += 1
            cells.append(self._cell(date, x0 + column * cw, top + week * row))
        return Month(x0, y0, Label(x0 + 2, y0 + 30, name, "mt"), tuple(chips), heads, tuple(cells))

    def _cell(self, date: dt.date, x: float, y: float) -> Cell:
        c = self.c
        lunar = c.lunar[date]
        return Cell(
            date=date,
            x=x,
            y=y,
            phases=tuple(c.phase_index[e.uid] for e in c.phases_on(date)),
            tet=date in c.tet_days,
            major=date in c.major_days,
            day_off=date in c.days_off,
            make_up=date in c.make_up_days,
            note=c.day_notes.get(date),
            lunar=lunar_label(lunar, with_month=date.day == 1, lang=c.lang),
            new_moon=lunar.day == 1,
            number=c.day_number.get(date),
            mark=c.day_mark.get(date),
        )

    def _legend(self, top: float) -> tuple[tuple[LegendPhase, ...], tuple[Key, ...]]:
        phase_rows, key_rows = self._legend_lines()
        y = top
        phases = []
        for entry, lines, window in phase_rows:
            text = Paragraph(70, y + 22, tuple(lines), 29, "lg", grey=len(window))
            phases.append(LegendPhase(self.c.phase_index[entry.uid], y, text))
            y += len(lines) * 29 + 6
        keys = []
        for row in key_rows:
            x = 0.0
            for symbol, label in row:
                keys.append(Key(symbol, label, x, y))
                x = x + key_width(symbol, label)
            y += 30
        return tuple(phases), tuple(keys)

    def _list(self, top: float, sizes: Sizes, rows: list[Row], dropped: int) -> ListPart:
        f = sizes.font
        _, _, date_x, title_x = self._list_geometry(f, sizes.columns)
        line_height = round(1.3 * f, 1)
        more = None
        if dropped:
            x, y = 0.0, top + f
            if rows:
                last = rows[-1]
                x, y = last.x, last.y + len(last.lines) * line_height + 0.25 * f
            more = Label(
                x,
                y,
                more_entries(dropped, self.c.year, self.c.lang, school_year=self.c.school_year),
                "lid",
            )
        badge = round(0.8 * f, 1)
        return ListPart(f, line_height, badge, date_x, title_x, tuple(rows), more)

    # --- sizes ---------------------------------------------------------------------------

    def _weeks(self) -> list[int]:
        """The number of week rows each month needs (weeks start on Monday)."""
        return [
            -(-(dt.date(year, m, 1).weekday() + _days_in(year, m)) // 7)
            for year, m in self.c.months
        ]

    def _band_rows(self, per_band: int) -> list[int]:
        """The week rows of each band of months."""
        weeks = self._weeks()
        return [max(weeks[i : i + per_band]) for i in range(0, 12, per_band)]

    def _months_height(self, sizes: Sizes) -> float:
        bands = self._band_rows(sizes.per_band)
        head = _MONTH_TITLE + _WEEKDAY_ROW
        return sum(head + w * sizes.row for w in bands) + _GAP * (len(bands) - 1)

    def _legend_lines(
        self,
    ) -> tuple[list[tuple[Entry, list[str], str]], list[list[tuple[KeySymbol, str]]]]:
        """The phase rows (entry, wrapped title, window) and the key rows (symbol, label)."""
        c = self.c
        phase_rows = []
        for entry in c.phases:
            assert entry.phase is not None
            window = window_tail(phase_window(entry, c.lang))
            lines = wrap(entry.title(c.lang) + window, 22, _W - 70)
            phase_rows.append((entry, lines, window))
        symbols: list[KeySymbol] = ["tet", "holiday", "tron", "le5", "other"]
        if any(i.entry.kind == "deadline" for i in c.items):
            symbols.append("deadline")
        if any(i.entry.focus for i in c.items):
            symbols.append("focus")
        symbols.append("lunar")
        if c.has_leap:
            symbols.append("leap")
        rows: list[list[tuple[KeySymbol, str]]] = [[]]
        x = 0.0
        for symbol in symbols:
            label = key_label(symbol, c.lang)
            width = key_width(symbol, label)
            if rows[-1] and x + width > _W:
                rows.append([])
                x = 0.0
            rows[-1].append((symbol, label))
            x += width
        return phase_rows, rows

    def _legend_height(self) -> float:
        phase_rows, key_rows = self._legend_lines()
        height = sum(len(lines) * 29 + 6 for _, lines, _ in phase_rows)
        return height + len(key_rows) * 30

    def _fit(self, top: float) -> tuple[Sizes, float, float, list[Row], int]:
        """Choose the largest sizes that fit; place the list rows.

        The list font comes first (as large as possible, two columns before three), then the
        week rows take the height left, up to a maximum. When nothing fits, the smallest sizes
        are used and the list ends with "… and N more".

        Returns:
            The sizes, the top of the legend and of the list, the rows, how many were dropped.
        """
        legend = self._legend_height()
        chosen: Sizes | None = None
        for per_band, smallest, min_rows, max_row in _ARRANGEMENTS:
            bands = self._band_rows(per_band)
            cell = (_W - (per_band - 1) * 40) // (7 * per_band)
            head = _MONTH_TITLE + _WEEKDAY_ROW
            fixed = len(bands) * head + (len(bands) - 1) * _GAP + 8 + legend + 14 + 6
            budget = _H - top - fixed
            for min_row in min_rows:
                for font in (f for f in _LIST_FONTS if f >= smallest):
                    for columns in (2, 3):
                        need = _balanced_height(self._item_heights(font, columns), columns)
                        row = min(max_row, (budget - need) // sum(bands))
                        if row >= min_row:
                            chosen = Sizes(per_band, cell, row, font, columns, need)
                            break
                    if chosen:
                        break
                if chosen:
                    break
            if chosen:
                break
        if chosen is None:  # the smallest sizes, leaving the list room for a few lines at least
            per_band, smallest, min_rows, _ = _ARRANGEMENTS[-1]
            bands = self._band_rows(per_band)
            cell = (_W - (per_band - 1) * 40) // (7 * per_band)
            head = _MONTH_TITLE + _WEEKDAY_ROW
            fixed = len(bands) * head + (len(bands) - 1) * _GAP + 8 + legend + 14 + 6
            budget = _H - top - fixed
            row = max(30, min(min_rows[-1], (budget - 8 * smallest) // sum(bands)))
            chosen = Sizes(per_band, cell, row, smallest, 3, budget - row * sum(bands))
        legend_top = top + self._months_height(chosen) + 8
        list_top = legend_top + legend + 14
        rows, dropped = self._place(chosen, list_top)
        return chosen, legend_top, list_top, rows, dropped

    def _list_geometry(self, font: float, columns: int) -> tuple[float, float, float, float]:
        """Column width and gap, and the x offsets of the date and the title in a column."""
        gap = 50
        col_width = (_W - gap * (columns - 1)) / columns
        badge = 1.4 * font
        date_x = badge + 0.4 * font
        return col_width, gap, date_x, date_x + self.date_width * font + 0.5 * font

    def _item_lines(self, font: float, columns: int) -> list[list[str]]:
        """The wrapped lines of every list row (title and grey tail), for a font and columns."""
        key = (font, columns)
        if key not in self._lines_cache:
            col_width, _, _, title_x = self._list_geometry(font, columns)
            self._lines_cache[key] = [
                wrap(title + tail, font, col_width - title_x - 4, bold=item.entry.focus)
                for item, (title, tail) in zip(self.c.items, self.titles, strict=True)
            ]
        return self._lines_cache[key]

    def _item_heights(self, font: float, columns: int) -> list[float]:
        line_height = round(1.3 * font, 1)
        spacing = round(0.25 * font, 1)
        return [len(lines) * line_height + spacing for lines in self._item_lines(font, columns)]

    def _place(self, sizes: Sizes, top: float) -> tuple[list[Row], int]:
        """Place the list rows in columns of the chosen height; count those left out."""
        f, columns = sizes.font, sizes.columns
        col_width, gap, _, _ = self._list_geometry(f, columns)
        heights = self._item_heights(f, columns)
        all_lines = self._item_lines(f, columns)
        rows: list[Row] = []
        used_by_row: list[float] = []
        column, used = 0, 0.0
        for item, height, lines, (_, tail) in zip(
            self.c.items, heights, all_lines, self.titles, strict=True
        ):
            top_of_column = used == 0
            if used and used + height > sizes.height + 0.01:
                column, used, top_of_column = column + 1, 0.0, True
            if column >= columns or height > sizes.height + 0.01:
                # Make room at the end of the last column for the "and N more" line.
                room = round(1.3 * f, 1)
                while rows and rows[-1].x > 0 and used_by_row[-1] + room > sizes.height:
                    rows.pop()
                    used_by_row.pop()
                return rows, len(self.c.items) - len(rows)
            x = column * (col_width + gap)
            first = item.first or top_of_column
            day = max(item.entry.start, self.c.first)
            date, mark = short_date(item.entry.start, self.c.lang), self.c.day_mark[day]
            rows.append(Row(item, x, top + used + f, tuple(lines), len(tail), first, date, mark))
            used += height
            used_by_row.append(used)
        return rows, 0


__all__ = [
    "MARGIN_MM",
    "PAPERS",
    "Content",
    "Layout",
    "lay_out",
    "poster_title",
    "size_mm",
]
