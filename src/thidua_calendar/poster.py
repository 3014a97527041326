"""A printable year poster (*lịch thi đua*): the campaign year at a glance, on one landscape page.

Twelve month grids (weeks from Monday) with the solar and the lunar day of every day, the
plan's phases as coloured bands with their themes in a legend, Tết, Giỗ Tổ Hùng Vương and the
ngày lễ lớn highlighted, and every anniversary, festival and report deadline marked on its
day and listed, numbered, below the grids. Output is SVG written by hand (real ``<text>``, so
it is selectable and searchable) or an HTML page that embeds it with print CSS.

Everything shown comes from the :class:`~thidua_calendar.Schedule` and the lunar engine; the
poster only lays it out. The output is a pure function of the input.

>>> svg = render_poster(2026)
>>> svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
True
>>> "Lịch thi đua năm 2026 – Năm Bính Ngọ" in svg
True
>>> "Emulation calendar 2026 – Year of Bính Ngọ (Horse)" in render_poster(2026, lang="en")
True
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, Literal

import attrs

from ._milestones import Rank
from ._schedule import Entry, Schedule, schedule
from .commemorations import Catalog, Lang, format_vi, resolve_catalog
from .errors import ThiduaError
from .lunar import LunarDate, can_chi, iter_lunar_dates, tet, zodiac
from .plans import Diagnostic, Plan, load_plan

Paper = Literal["A4", "A3"]
Format = Literal["svg", "html"]

FORMATS: Final = ("svg", "html")
PAPERS: Final[dict[str, tuple[int, int]]] = {"A4": (297, 210), "A3": (420, 297)}
"""Paper sizes in millimetres, portrait (width, height); the poster is printed landscape."""
MARGIN_MM: Final = 8
EXTENSIONS: Final[dict[str, Format]] = {".svg": "svg", ".html": "html", ".htm": "html"}

FONT_FAMILY: Final = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

# The drawing is laid out in tenths of a millimetre of the printable area of A4 landscape
# (297 × 210 mm less 8 mm margins); A3 prints the same drawing scaled up.
_VIEW_W: Final = 2810
_VIEW_H: Final = 1940
_PAD: Final = 8  # glyphs may overshoot their advance a little: keep them inside the view
_W: Final = _VIEW_W - 2 * _PAD
_H: Final = _VIEW_H - 2 * _PAD

# Okabe–Ito colours (safe for the common colour-vision deficiencies), without the vermillion,
# which is close to the red of the ngày lễ lớn.
PHASE_COLOURS: Final = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442")
_RED: Final = "#C8102E"
_INK: Final = "#1A1A1A"
_GREY: Final = "#5A5A5A"


class PosterError(ThiduaError, ValueError):
    """A poster cannot be made: unsupported format, paper or language, or a mismatched plan."""


class PosterPlanError(PosterError):
    """The plan has errors: the poster is refused unless forced.

    Attributes:
        diagnostics: The plan's error diagnostics.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], lang: Lang = "vi") -> None:
        self.diagnostics = tuple(diagnostics)
        lines = "\n".join(d.in_lang(lang).text() for d in self.diagnostics)
        super().__init__(
            f"the plan has {len(self.diagnostics)} error(s); fix them "
            f"(thidua-calendar plan check) or force the poster:\n{lines}"
        )


def poster_format(path: str | Path) -> Format:
    """The output format for a file name, from its extension.

    >>> poster_format("lich-2026.svg"), poster_format("lich-2026.HTML")
    ('svg', 'html')

    Raises:
        PosterError: The extension is neither ``.svg`` nor ``.html``/``.htm``.
    """
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        shown = f"{suffix!r}" if suffix else "no extension"
        raise PosterError(
            f"cannot write a poster as {shown}: name the file .svg or .html ({Path(path).name})"
        )
    return fmt


# --- text metrics --------------------------------------------------------------------------

# Advance widths (thousandths of an em) of DejaVu Sans, the widest font of the stack, for the
# printable ASCII characters 32–126; Vietnamese letters take their base letter's width.
_REGULAR: Final = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838,
)  # fmt: skip
_BOLD: Final = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
    830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
    774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
    582, 712, 365, 712, 838,
)  # fmt: skip
_OTHER: Final = {
    "“": (518, 657),
    "”": (518, 657),
    "‘": (318, 380),
    "’": (318, 380),
    "–": (500, 500),
    "—": (1000, 1000),
    "…": (1000, 1000),
    "·": (318, 380),
    "Ơ": (913, 874),
    "Ư": (858, 835),
    "Đ": (770, 830),
    "đ": (635, 716),
}


@functools.cache
def _char_width(char: str, bold: bool) -> int:
    special = _OTHER.get(char)
    if special is not None:
        return special[bold]
    base = unicodedata.normalize("NFD", char)[:1] or char
    code = ord(base)
    if 32 <= code <= 126:
        return (_BOLD if bold else _REGULAR)[code - 32]
    return 1000


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The estimated width of a line of text (DejaVu Sans metrics, the widest of the stack).

    >>> round(text_width("Tháng 12", 10), 1)
    47.2
    """
    return sum(_char_width(c, bold) for c in text) * size / 1000


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Break text into lines no wider than ``width``; every line but the last keeps its space.

    Joining the lines gives the text back, so a wrapped title stays one searchable string.

    >>> wrap("Kỷ niệm 45 năm Ngày Giải phóng (30/04/1975 - 30/04/2020)", 10, 200)
    ['Kỷ niệm 45 năm Ngày Giải phóng ', '(30/04/1975 - 30/04/2020)']
    """
    words: list[str] = []
    for word in re.findall(r"\S+\s*", text) or [""]:
        # Keep "1975 - 2020" and "Đảng quang vinh - Mừng" together around their dash.
        if words and (word.strip() in _DASHES or words[-1].split()[-1] in _DASHES):
            words[-1] += word
        else:
            words.append(word)
    lines: list[str] = []
    line, used = "", 0.0  # the line so far and its width, trailing space included
    for word in words:
        stripped = word.rstrip()
        word_width = text_width(stripped, size, bold=bold)
        if line and used + word_width > width:
            lines.append(line)
            line, used = "", 0.0
        if not line and word_width > width:  # longer than a line: break the word itself
            for char in stripped:
                char_width = text_width(char, size, bold=bold)
                if line and used + char_width > width:
                    lines.append(line)
                    line, used = "", 0.0
                line += char
                used += char_width
            line += word[len(stripped) :]
            used += text_width(word[len(stripped) :], size, bold=bold)
            continue
        line += word
        used += text_width(word, size, bold=bold)
    lines.append(line)
    return lines


_DASHES: Final = ("-", "–", "—")


# --- SVG helpers ---------------------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: str) -> str:
    """Escape text for XML (and drop characters XML 1.0 cannot hold)."""
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return '"' + _esc(text).replace('"', "&quot;") + '"'


def _n(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` of the colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def _on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lum = sum(
        w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True)
    )
    return "#000000" if lum > 0.2 else "#FFFFFF"


def _text(
    x: float,
    y: float,
    content: str,
    cls: str,
    *,
    anchor: str | None = None,
    size: float | None = None,
    fill: str | None = None,
) -> str:
    extra = f' text-anchor="{anchor}"' if anchor else ""
    # Inline style, since the class rules would win over presentation attributes.
    style = [f"font-size:{_n(size)}px"] if size is not None else []
    style += [f"fill:{fill}"] if fill is not None else []
    if style:
        extra += f' style="{";".join(style)}"'
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}"{extra}>{_esc(content)}</text>'


def _lines_text(
    x: float, y: float, lines: Sequence[str], line_height: float, cls: str, grey: int = 0
) -> str:
    """One ``<text>`` of several lines (a ``<tspan>`` each): a wrapped text stays one string.

    The last ``grey`` characters (a date span, a phase window) are drawn in grey.
    """
    split = sum(map(len, lines)) - grey
    parts = []
    offset = 0
    for i, line in enumerate(lines):
        cut = min(max(split - offset, 0), len(line))
        offset += len(line)
        inner = _esc(line[:cut])
        if cut < len(line):
            inner += f'<tspan class="dim">{_esc(line[cut:])}</tspan>'
        position = "" if i == 0 else f' x="{_n(x)}" dy="{_n(line_height)}"'
        parts.append(f"<tspan{position}>{inner}</tspan>")
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}">{"".join(parts)}</text>'


# --- words ---------------------------------------------------------------------------------

_MONTHS_EN: Final = tuple(_calendar.month_name[1:])  # the C locale's names, fixed in Python
_WEEKDAYS: Final = {
    "vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
    "en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),
}
_WEEKDAY_NAMES: Final = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_WORDS: Final = {
    "vi": {
        "tet": "Tết Nguyên đán",
        "gio_to": "Giỗ Tổ Hùng Vương",
        "key_tet": "Tết Nguyên đán",
        "key_holiday": "Ngày lễ lớn",
        "key_tron": "Năm tròn",
        "key_le5": "Năm lẻ 5",
        "key_other": "Ngày kỷ niệm khác, lễ tết",
        "key_deadline": "Hạn báo cáo",
        "key_lunar": "Số nhỏ: ngày âm lịch (1/4: mùng 1 tháng 4)",
        "key_leap": "1/4n: tháng 4 nhuận",
        "key_focus": "Chữ đậm: đợt thi đua hướng về",
        "warning": "CẢNH BÁO: kế hoạch có lỗi, lịch này được in khi chưa sửa",
        "more": "… và {n} mục khác (xem: thidua-calendar schedule {year})",
        "more_errors": "… và {n} lỗi khác (xem: thidua-calendar plan check)",
        "leap": "n",
    },
    "en": {
        "tet": "Tết (lunar new year)",
        "gio_to": "Hùng Kings' Commemoration",
        "key_tet": "Tết (lunar new year)",
        "key_holiday": "Major day (ngày lễ lớn)",
        "key_tron": "Round anniversary (×10)",
        "key_le5": "Ends in 5 (năm lẻ 5)",
        "key_other": "Other anniversary or festival",
        "key_deadline": "Report due",
        "key_lunar": "Small numbers: lunar day (1/4: first day of the 4th month)",
        "key_leap": "1/4L: leap 4th month",
        "key_focus": "Bold: a phase is dedicated to it",
        "warning": "WARNING: the plan has errors; this calendar was printed without fixing them",
        "more": "… and {n} more (see: thidua-calendar schedule {year})",
        "more_errors": "… and {n} more errors (see: thidua-calendar plan check)",
        "leap": "L",
    },
}


def poster_title(year: int, lang: Lang = "vi") -> str:
    """The poster's title.

    >>> poster_title(2026)
    'Lịch thi đua năm 2026 – Năm Bính Ngọ'
    >>> poster_title(2026, "en")
    'Emulation calendar 2026 – Year of Bính Ngọ (Horse)'
    """
    if lang == "en":
        return f"Emulation calendar {year} – Year of {can_chi(year)} ({zodiac(year, 'en')})"
    return f"Lịch thi đua năm {year} – Năm {can_chi(year)}"


def _month_name(month: int, lang: Lang) -> str:
    return _MONTHS_EN[month - 1] if lang == "en" else f"Tháng {month}"


def _short_date(date: dt.date, lang: Lang) -> str:
    if lang == "en":
        return f"{date.day} {_MONTHS_EN[date.month - 1][:3]}"
    return f"{date.day:02d}/{date.month:02d}"


def _long_date(date: dt.date, lang: Lang) -> str:
    weekday = _WEEKDAY_NAMES[lang][date.weekday()]
    if lang == "en":
        return f"{weekday} {date.day} {_MONTHS_EN[date.month - 1]}"
    return f"{weekday}, {format_vi(date)}"


def _phase_label(entry: Entry, lang: Lang) -> str:
    assert entry.phase is not None
    label = entry.phase.label
    return label.replace("Đợt", "Phase") if lang == "en" else label


def lunar_label(lunar: LunarDate, *, with_month: bool = False, lang: Lang = "vi") -> str:
    """The lunar day as a cell shows it: ``17``, or ``1/4`` on the first day of a month.

    A leap month is marked ``n`` (*nhuận*; ``L`` in English).

    >>> from thidua_calendar import LunarDate
    >>> lunar_label(LunarDate(2020, 4, 1, leap=True)), lunar_label(LunarDate(2020, 4, 2, True))
    ('1/4n', '2')
    >>> lunar_label(LunarDate(2020, 4, 9), with_month=True)
    '9/4'
    """
    if lunar.day != 1 and not with_month:
        return str(lunar.day)
    leap = _WORDS[lang]["leap"] if lunar.leap else ""
    return f"{lunar.day}/{lunar.month}{leap}"


# --- the model of what is drawn ------------------------------------------------------------


@attrs.frozen
class _Item:
    """One row of the numbered list."""

    number: int
    entry: Entry
    first: bool  # the first row of its day (shows the number and the date)


def _mark(entries: Iterable[Entry]) -> str:
    """The marker style of a day: the highest rank of its entries, else deadline or other."""
    found = list(entries)
    ranks = {e.rank for e in found}
    if Rank.TRON in ranks:
        return "tron"
    if Rank.LE5 in ranks:
        return "le5"
    if all(e.kind == "deadline" for e in found):
        return "deadline"
    return "other"


@attrs.frozen
class _Config:
    """The sizes of one layout."""

    per_band: int  # months side by side (4 in three bands, or 6 in two)
    cell: float  # width of a day cell
    row: float  # height of a week row of a month grid
    font: float  # font size of the numbered list
    columns: int  # columns of the numbered list
    height: float  # height of a column of the list


@attrs.frozen
class _Row:
    """A placed row of the numbered list."""

    item: _Item
    x: float
    y: float  # baseline of the first line
    lines: tuple[str, ...]
    grey: int  # how many characters at the end are grey (the span of a multi-day entry)
    first: bool  # shows the number and the date (the day's first row, or a column's first)


_BANNER_LINES: Final = 6  # diagnostics shown in the warning banner; the rest are counted

_LIST_FONTS: Final = (24, 23, 22, 21, 20, 19, 18, 17, 16, 15)
# Month arrangements, best first: months per band, the smallest list font, the week row
# heights to try (comfortable, then tight) and the largest.
_ARRANGEMENTS: Final = ((4, 20, (54, 48), 70), (6, 15, (52, 44), 62))


@attrs.frozen
class Poster:
    """A year poster, ready to be written as SVG or HTML.

    Attributes:
        year: The year shown.
        schedule: The schedule of the year (with its plan, if any).
        lang: ``vi`` or ``en``.
        paper: ``A4`` or ``A3`` (landscape).
        warnings: Diagnostic lines shown in a warning banner (a forced plan's errors).
    """

    year: int
    schedule: Schedule
    lang: Lang = "vi"
    paper: Paper = "A4"
    warnings: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """``Lịch thi đua năm 2026 – Năm Bính Ngọ``."""
        return poster_title(self.year, self.lang)

    def size_mm(self) -> tuple[float, float]:
        """The printed size of the drawing in millimetres (the page less its margins)."""
        width = PAPERS[self.paper][0] - 2 * MARGIN_MM
        return width, round(width * _VIEW_H / _VIEW_W, 1)

    def render(self, fmt: Format = "svg") -> str:
        """The poster as ``svg`` or ``html`` text."""
        if fmt == "svg":
            return self.svg()
        if fmt == "html":
            return self.html()
        raise PosterError(f"unsupported poster format {fmt!r}; choose one of: svg, html")

    def svg(self) -> str:
        """A standalone SVG document (UTF-8, with an XML declaration)."""
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + _Drawing(self).svg()

    def html(self) -> str:
        """An HTML page embedding the SVG inline, with print CSS for one landscape page."""
        width, height = self.size_mm()
        # One millimetre to spare below, so that rounding never spills onto a second page.
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(self.title)}</title>
<style>
@page {{ size: {self.paper} landscape; margin: {MARGIN_MM}mm }}
html, body {{ margin: 0; padding: 0; background: #fff; }}
svg.poster {{ display: block; width: 96vw; height: 96vh; margin: 2vh 2vw; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
@media print {{
  svg.poster {{ width: {_n(width)}mm; height: {_n(height - 1)}mm; margin: 0; }}
}}
</style>
</head>
<body>
{_Drawing(self).svg()}</body>
</html>
"""


# --- drawing -------------------------------------------------------------------------------


class _Drawing:
    """Lays out and writes the SVG of a :class:`Poster`."""

    def __init__(self, poster: Poster) -> None:
        self.p = poster
        self.lang: Lang = poster.lang
        self.words = _WORDS[poster.lang]
        self.year = poster.year
        first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        self.lunar = dict(iter_lunar_dates(first, last))
        entries = [e for e in poster.schedule.entries if e.end >= first and e.start <= last]
        self.phases = [e for e in entries if e.kind == "phase"]
        plan = poster.schedule.plan
        self.plan = plan
        self.phase_colour: dict[str, str] = {}
        for entry in self.phases:
            index = len(self.phase_colour)
            if plan is not None:
                index = next((i for i, p in enumerate(plan.phases) if p is entry.phase), index)
            self.phase_colour[entry.uid] = PHASE_COLOURS[index % len(PHASE_COLOURS)]
        self.items: list[_Item] = []
        self.day_number: dict[dt.date, int] = {}
        by_day: dict[dt.date, list[Entry]] = {}
        for entry in entries:
            if entry.kind == "phase":
                continue
            day = max(entry.start, first)
            first_of_day = day not in by_day
            by_day.setdefault(day, []).append(entry)
            if first_of_day:
                self.day_number[day] = len(self.day_number) + 1
            self.items.append(_Item(self.day_number[day], entry, first_of_day))
        self.day_mark = {day: _mark(found) for day, found in by_day.items()}
        self.holidays = {
            e.start for e in entries if e.kind == "holiday" and e.key != "tet_nguyen_dan"
        }
        self.tet_days = {e.start for e in entries if e.key == "tet_nguyen_dan"}
        self.has_leap = any(lunar.leap for lunar in self.lunar.values())
        self.titles = [self._item_text(item) for item in self.items]
        dates = {_short_date(item.entry.start, self.lang) for item in self.items}
        self.date_width = max((text_width(d, 1) for d in dates), default=0.0)
        self._lines_cache: dict[tuple[float, int], list[list[str]]] = {}
        self.out: list[str] = []

    def _item_text(self, item: _Item) -> tuple[str, str]:
        """The title of a list row, and its grey tail (the span of a multi-day entry)."""
        e = item.entry
        tail = ""
        if e.end != e.start:
            tail = f" ({_short_date(e.start, self.lang)} – {_short_date(e.end, self.lang)})"
        return e.title(self.lang), tail

    # --- layout --------------------------------------------------------------------------

    def svg(self) -> str:
        width, height = self.p.size_mm()
        self.out = []
        y = self._banner(self._header())
        config, legend_top, list_top, rows, dropped = self._fit(y)
        self._months(y, config)
        self._legend(legend_top)
        self._list(list_top, config, rows, dropped)
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="poster" '
            f'width="{_n(width)}mm" height="{_n(height)}mm" viewBox="0 0 {_VIEW_W} {_VIEW_H}" '
            f'font-family="{FONT_FAMILY}" xml:lang="{self.lang}" lang="{self.lang}">\n'
            f"<title>{_esc(self.p.title)}</title>\n"
            f"<style>{self._style(config)}</style>\n"
            f'<rect x="0" y="0" width="{_VIEW_W}" height="{_VIEW_H}" fill="#FFFFFF"/>\n'
            f'<g transform="translate({_PAD} {_PAD})">\n'
        )
        return head + "\n".join(self.out) + "\n</g>\n</svg>\n"

    def _style(self, config: _Config) -> str:
        cell = self._cell_metrics(config.cell, config.row)
        rules = {
            "text": f"fill:{_INK}",
            ".h1": "font-size:58px;font-weight:bold",
            ".org": "font-size:30px;font-weight:bold",
            ".sub": f"font-size:26px;fill:{_GREY}",
            ".info": "font-size:26px",
            ".warn": f"font-size:24px;fill:{_RED}",
            ".warnh": f"font-size:26px;font-weight:bold;fill:{_RED}",
            ".mt": "font-size:28px;font-weight:bold",
            ".chip": "font-size:18px;font-weight:bold",
            ".wd": f"font-size:18px;fill:{_GREY}",
            ".we": f"font-size:18px;font-weight:bold;fill:{_RED}",
            ".sol": f"font-size:{_n(cell['solar'])}px",
            ".solh": f"font-size:{_n(cell['solar'])}px;font-weight:bold;fill:{_RED}",
            ".solt": f"font-size:{_n(cell['solar'])}px;font-weight:bold;fill:#FFFFFF",
            ".lun": f"font-size:{_n(cell['lunar'])}px;fill:{_GREY}",
            ".lun1": f"font-size:{_n(cell['lunar'])}px;font-weight:bold",
            ".lunt": f"font-size:{_n(cell['lunar'])}px;font-weight:bold;fill:#FFE08A",
            ".bn": f"font-size:{_n(cell['badge_font'])}px;font-weight:bold",
            ".bnw": f"font-size:{_n(cell['badge_font'])}px;font-weight:bold;fill:#FFFFFF",
            ".lg": "font-size:22px",
            ".key": "font-size:20px",
            ".keyb": "font-size:20px;font-weight:bold",
            ".li": f"font-size:{_n(config.font)}px",
            ".lib": f"font-size:{_n(config.font)}px;font-weight:bold",
            ".lih": f"font-size:{_n(config.font)}px;fill:{_RED}",
            ".lihb": f"font-size:{_n(config.font)}px;font-weight:bold;fill:{_RED}",
            ".lid": f"font-size:{_n(config.font)}px;font-style:italic",
            ".dim": f"fill:{_GREY};font-weight:normal",
        }
        return "".join(f"{k}{{{v}}}" for k, v in rules.items())

    @staticmethod
    def _cell_metrics(width: float, row: float) -> dict[str, float]:
        """Font sizes and marks of a day cell; the solar and lunar boxes never overlap."""
        band = max(4.0, round(row * 0.1))
        solar = min(0.42 * row, 0.36 * width, 28.0)
        lunar = min(18.0, 0.32 * row)
        while 1.236 * solar + 0.928 * lunar > row - band - 6 and lunar > 11:
            lunar -= 0.5
        while 1.236 * solar + 0.928 * lunar > row - band - 6:
            solar -= 0.5
        radius = min(0.22 * row, (width - 11 - 1.392 * solar) / 2, 14.0)  # bold digits
        return {
            "band": band,
            "solar": math.floor(solar * 2) / 2,
            "lunar": math.floor(lunar * 2) / 2,
            "badge_r": round(radius, 1),
            "badge_font": round(1.25 * radius, 1),
        }

    def _weeks(self) -> list[int]:
        """The number of week rows each month needs (weeks start on Monday)."""
        cal = _calendar.Calendar(firstweekday=0)
        return [len(cal.monthdayscalendar(self.year, m)) for m in range(1, 13)]

    _MONTH_TITLE: Final = 42
    _WEEKDAY_ROW: Final = 26
    _GAP: Final = 26

    def _band_rows(self, per_band: int) -> list[int]:
        """The week rows of each band of months."""
        weeks = self._weeks()
        return [max(weeks[i : i + per_band]) for i in range(0, 12, per_band)]

    def _months_height(self, config: _Config) -> float:
        bands = self._band_rows(config.per_band)
        head = self._MONTH_TITLE + self._WEEKDAY_ROW
        return sum(head + w * config.row for w in bands) + self._GAP * (len(bands) - 1)

    def _legend_lines(
        self,
    ) -> tuple[list[tuple[Entry, list[str], str]], list[list[tuple[str, str]]]]:
        """The phase rows (entry, wrapped title, window) and the key rows (symbol, label)."""
        phase_rows = []
        for entry in self.phases:
            assert entry.phase is not None
            window = f" ({entry.phase.window(self.lang)})"
            lines = wrap(entry.title(self.lang) + window, 22, _W - 70)
            phase_rows.append((entry, lines, window))
        keys = [("tet", self.words["key_tet"]), ("holiday", self.words["key_holiday"])]
        keys += [("tron", self.words["key_tron"]), ("le5", self.words["key_le5"])]
        keys.append(("other", self.words["key_other"]))
        if any(i.entry.kind == "deadline" for i in self.items):
            keys.append(("deadline", self.words["key_deadline"]))
        if any(i.entry.focus for i in self.items):
            keys.append(("focus", self.words["key_focus"]))
        keys.append(("lunar", self.words["key_lunar"]))
        if self.has_leap:
            keys.append(("leap", self.words["key_leap"]))
        rows: list[list[tuple[str, str]]] = [[]]
        x = 0.0
        for symbol, label in keys:
            width = self._key_width(symbol, label)
            if rows[-1] and x + width > _W:
                rows.append([])
                x = 0.0
            rows[-1].append((symbol, label))
            x += width
        return phase_rows, rows

    @staticmethod
    def _key_width(symbol: str, label: str) -> float:
        lead = 0 if symbol in ("lunar", "leap", "focus") else 34
        return lead + text_width(label, 20, bold=symbol == "focus") + 40

    def _legend_height(self) -> float:
        phase_rows, key_rows = self._legend_lines()
        height = sum(len(lines) * 29 + 6 for _, lines, _ in phase_rows)
        return height + len(key_rows) * 30

    def _fit(self, top: float) -> tuple[_Config, float, float, list[_Row], int]:
        """Choose the largest sizes that fit; place the list rows.

        The list font comes first (as large as possible, two columns before three), then the
        week rows take the height left, up to a maximum. When nothing fits, the smallest sizes
        are used and the list ends with "… and N more".

        Returns:
            The sizes, the top of the legend and of the list, the rows, how many were dropped.
        """
        legend = self._legend_height()
        chosen: _Config | None = None
        for per_band, smallest, min_rows, max_row in _ARRANGEMENTS:
            bands = self._band_rows(per_band)
            cell = (_W - (per_band - 1) * 40) // (7 * per_band)
            head = self._MONTH_TITLE + self._WEEKDAY_ROW
            fixed = len(bands) * head + (len(bands) - 1) * self._GAP + 8 + legend + 14 + 6
            budget = _H - top - fixed
            for min_row in min_rows:
                for font in (f for f in _LIST_FONTS if f >= smallest):
                    for columns in (2, 3):
                        need = _balanced_height(self._item_heights(font, columns), columns)
                        row = min(max_row, (budget - need) // sum(bands))
                        if row >= min_row:
                            chosen = _Config(per_band, cell, row, font, columns, need)
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
            head = self._MONTH_TITLE + self._WEEKDAY_ROW
            fixed = len(bands) * head + (len(bands) - 1) * self._GAP + 8 + legend + 14 + 6
            budget = _H - top - fixed
            row = max(30, min(min_rows[-1], (budget - 8 * smallest) // sum(bands)))
            chosen = _Config(per_band, cell, row, smallest, 3, budget - row * sum(bands))
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
                for item, (title, tail) in zip(self.items, self.titles, strict=True)
            ]
        return self._lines_cache[key]

    def _item_heights(self, font: float, columns: int) -> list[float]:
        line_height = round(1.3 * font, 1)
        spacing = round(0.25 * font, 1)
        return [len(lines) * line_height + spacing for lines in self._item_lines(font, columns)]

    def _place(self, config: _Config, top: float) -> tuple[list[_Row], int]:
        """Place the list rows in columns of the configured height; count those left out."""
        f, columns = config.font, config.columns
        col_width, gap, _, _ = self._list_geometry(f, columns)
        heights = self._item_heights(f, columns)
        all_lines = self._item_lines(f, columns)
        rows: list[_Row] = []
        used_by_row: list[float] = []
        column, used = 0, 0.0
        for item, height, lines, (_, tail) in zip(
            self.items, heights, all_lines, self.titles, strict=True
        ):
            top_of_column = used == 0
            if used and used + height > config.height + 0.01:
                column, used, top_of_column = column + 1, 0.0, True
            if column >= columns or height > config.height + 0.01:
                # Make room at the end of the last column for the "and N more" line.
                room = round(1.3 * f, 1)
                while rows and rows[-1].x > 0 and used_by_row[-1] + room > config.height:
                    rows.pop()
                    used_by_row.pop()
                return rows, len(self.items) - len(rows)
            x = column * (col_width + gap)
            first = item.first or top_of_column
            rows.append(_Row(item, x, top + used + f, tuple(lines), len(tail), first))
            used += height
            used_by_row.append(used)
        return rows, 0

    # --- parts ---------------------------------------------------------------------------

    def _header(self) -> float:
        out = self.out
        title = self.p.title
        # Room above the title for stacked diacritics (Ấ, Ầ …), taller than the font's ascent.
        out.append(_text(0, 66, title, "h1"))
        title_end = text_width(title, 58, bold=True) + 60
        right: list[tuple[str, str, float, bool]] = []
        plan = self.plan
        if plan is not None and plan.organisation:
            right.append((plan.organisation, "org", 30, True))
        info = self._dates_line()
        right.append((info, "info", 26, False))
        below: list[tuple[str, str, float, bool]] = []
        baselines = (34, 70) if len(right) == 2 else (66,)
        if all(title_end + text_width(t, s, bold=b) <= _W for t, _, s, b in right):
            for (text, cls, _, _), base in zip(right, baselines, strict=True):
                out.append(_text(_W, base, text, cls, anchor="end"))
        else:
            below = right
        y = 72.0
        for text, cls, size, bold in below:
            lines = wrap(text, size, _W, bold=bold)
            out.append(_lines_text(0, y + size * 1.3, lines, size * 1.3, cls))
            y += len(lines) * size * 1.3
        if plan is not None:
            lines = wrap(plan.title, 26, _W)
            if len(lines) > 3:
                lines = [*lines[:2], _ellipsis("".join(lines[2:]), 26, _W)]
            out.append(_lines_text(0, y + 40, lines, 32, "sub"))
            y += 8 + 32 * len(lines)
        return y + 20

    def _dates_line(self) -> str:
        """``Tết Nguyên đán: Thứ Ba, 17/02/2026 · Giỗ Tổ Hùng Vương: Chủ Nhật, 26/04/2026``."""
        parts = [f"{self.words['tet']}: {_long_date(tet(self.year), self.lang)}"]
        gio_to = [e for e in self.p.schedule.entries if e.key == "gio_to_hung_vuong"]
        if gio_to:
            parts.append(f"{self.words['gio_to']}: {_long_date(gio_to[0].start, self.lang)}")
        return " · ".join(parts)

    def _banner(self, y: float) -> float:
        if not self.p.warnings:
            return y
        shown = list(self.p.warnings[:_BANNER_LINES])
        if len(self.p.warnings) > _BANNER_LINES:
            left = len(self.p.warnings) - _BANNER_LINES
            shown.append(self.words["more_errors"].format(n=left))
        messages = [wrap(message, 24, _W - 40) for message in shown]
        height = 24 + 32 * (1 + sum(map(len, messages)))
        self.out.append(
            f'<rect x="2" y="{_n(y)}" width="{_W - 4}" height="{_n(height)}" rx="8" '
            f'fill="#FFF1F1" stroke="{_RED}" stroke-width="4"/>'
        )
        base = y + 44
        self.out.append(_text(20, base, self.words["warning"], "warnh"))
        for lines in messages:
            self.out.append(_lines_text(20, base + 32, lines, 32, "warn"))
            base += 32 * len(lines)
        return y + height + 16

    def _months(self, top: float, config: _Config) -> None:
        per_band, cw, row = config.per_band, config.cell, config.row
        month_w = 7 * cw
        gap = (_W - per_band * month_w) / (per_band - 1)
        band_top = top
        for band, rows in enumerate(self._band_rows(per_band)):
            for col in range(per_band):
                month = band * per_band + col + 1
                self._month(month, col * (month_w + gap), band_top, cw, row)
            band_top += self._MONTH_TITLE + self._WEEKDAY_ROW + rows * row + self._GAP

    def _month(self, month: int, x0: float, y0: float, cw: float, row: float) -> None:
        out = self.out
        out.append(_text(x0 + 2, y0 + 30, _month_name(month, self.lang), "mt"))
        first = dt.date(self.year, month, 1)
        last = dt.date(self.year, month, _calendar.monthrange(self.year, month)[1])
        chips = [
            (entry, _phase_label(entry, self.lang))
            for entry in self.phases
            if entry.start <= last and entry.end >= first
        ]
        room = 7 * cw - text_width(_month_name(month, self.lang), 28, bold=True) - 16

        def chips_width(labels: Iterable[str]) -> float:
            return sum(text_width(label, 18, bold=True) + 20 for label in labels)

        if chips_width(label for _, label in chips) > room:  # many phases: their numbers only
            chips = [(e, re.sub(r"\D", "", label) or "·") for e, label in chips]
        if chips_width(label for _, label in chips) > room:  # still too many: the bands say it
            chips = []
        x = x0 + 7 * cw
        for entry, label in reversed(chips):
            colour = self.phase_colour[entry.uid]
            width = text_width(label, 18, bold=True) + 14
            x -= width
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y0 + 10)}" width="{_n(width)}" height="26" rx="5" '
                f'fill="{colour}"/>'
            )
            out.append(
                _text(x + width / 2, y0 + 29, label, "chip", anchor="middle", fill=_on(colour))
            )
            x -= 6
        wy = y0 + self._MONTH_TITLE
        for i, name in enumerate(_WEEKDAYS[self.lang]):
            out.append(
                _text(
                    x0 + i * cw + cw / 2, wy + 18, name, "we" if i == 6 else "wd", anchor="middle"
                )
            )
        top = wy + self._WEEKDAY_ROW
        week = 0
        for day in range(1, last.day + 1):
            date = dt.date(self.year, month, day)
            column = date.weekday()
            if day > 1 and column == 0:
                week += 1
            self._cell(date, x0 + column * cw, top + week * row, cw, row)

    def _cell(self, date: dt.date, x: float, y: float, w: float, h: float) -> None:
        out = self.out
        m = self._cell_metrics(w, h)
        phases = [e for e in self.phases if e.start <= date <= e.end]
        fill = _tint(self.phase_colour[phases[0].uid], 0.2) if phases else "#FFFFFF"
        is_tet, is_holiday = date in self.tet_days, date in self.holidays
        if is_tet:
            fill = _RED
        out.append(
            f'<g id="d{date.isoformat()}">'
            f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(w - 2)}" height="{_n(h - 2)}" '
            f'rx="3" fill="{fill}" stroke="#D0D0D0" stroke-width="1"/>'
        )
        band = m["band"]
        if phases:
            stripe = band / len(phases)
            for i, entry in enumerate(phases):
                out.append(
                    f'<rect x="{_n(x + 1)}" y="{_n(y + h - 1 - band + i * stripe)}" '
                    f'width="{_n(w - 2)}" height="{_n(stripe)}" '
                    f'fill="{self.phase_colour[entry.uid]}"/>'
                )
        if is_holiday:
            out.append(
                f'<rect x="{_n(x + 2.5)}" y="{_n(y + 2.5)}" width="{_n(w - 5)}" '
                f'height="{_n(h - 5)}" rx="3" fill="none" stroke="{_RED}" stroke-width="3"/>'
            )
        solar_cls = "solt" if is_tet else "solh" if is_holiday else "sol"
        out.append(_text(x + 5, y + m["solar"] + 1.5, str(date.day), solar_cls))
        lunar = self.lunar[date]
        label = lunar_label(lunar, with_month=date.day == 1, lang=self.lang)
        lunar_cls = "lunt" if is_tet else "lun1" if lunar.day == 1 else "lun"
        out.append(_text(x + w - 5, y + h - band - 4, label, lunar_cls, anchor="end"))
        number = self.day_number.get(date)
        if number is not None:
            r = m["badge_r"]
            out.append(self._badge(x + w - r - 4, y + r + 3, r, self.day_mark[date], number, m))
        out.append("</g>")

    @staticmethod
    def _badge(
        cx: float, cy: float, r: float, mark: str, number: int | None, m: dict[str, float]
    ) -> str:
        if mark == "tron":
            shape = f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{_INK}"/>'
        elif mark == "le5":
            shape = (
                f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r - 1.2)}" fill="#FFFFFF" '
                f'stroke="{_INK}" stroke-width="2.4"/>'
            )
        elif mark == "deadline":
            shape = (
                f'<rect x="{_n(cx - r)}" y="{_n(cy - r)}" width="{_n(2 * r)}" '
                f'height="{_n(2 * r)}" fill="#FFFFFF" stroke="{_GREY}" stroke-width="1.2" '
                f'stroke-dasharray="3 2"/>'
            )
        else:
            shape = (
                f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r - 0.6)}" fill="#FFFFFF" '
                f'stroke="#8A8A8A" stroke-width="1.2"/>'
            )
        if number is None:
            return shape
        font = m["badge_font"]
        text = str(number)
        if text_width(text, font, bold=True) > 1.8 * r:
            font = round(1.8 * r / text_width(text, 1, bold=True), 1)
        cls = "bnw" if mark == "tron" else "bn"
        size = None if font == m["badge_font"] else font
        return shape + _text(cx, cy + 0.36 * font, text, cls, anchor="middle", size=size)

    def _legend(self, top: float) -> None:
        out = self.out
        phase_rows, key_rows = self._legend_lines()
        y = top
        for entry, lines, window in phase_rows:
            colour = self.phase_colour[entry.uid]
            out.append(
                f'<rect x="0" y="{_n(y + 2)}" width="52" height="26" rx="3" '
                f'fill="{_tint(colour, 0.2)}" stroke="#D0D0D0" stroke-width="1"/>'
                f'<rect x="0" y="{_n(y + 22)}" width="52" height="6" fill="{colour}"/>'
            )
            out.append(_lines_text(70, y + 22, lines, 29, "lg", grey=len(window)))
            y += len(lines) * 29 + 6
        for row in key_rows:
            x = 0.0
            for symbol, label in row:
                x = self._key(symbol, label, x, y)
            y += 30

    def _key(self, symbol: str, label: str, x: float, y: float) -> float:
        out = self.out
        base = y + 22
        if symbol == "tet":
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y + 4)}" width="24" height="22" rx="3" fill="{_RED}"/>'
            )
        elif symbol == "holiday":
            out.append(
                f'<rect x="{_n(x + 1.5)}" y="{_n(y + 5.5)}" width="21" height="19" rx="3" '
                f'fill="#FFFFFF" stroke="{_RED}" stroke-width="3"/>'
            )
        elif symbol in ("tron", "le5", "other", "deadline"):
            metrics = {"badge_font": 12.0}
            out.append(self._badge(x + 12, y + 15, 10, symbol, None, metrics))
        if symbol == "focus":
            out.append(_text(x, base, label, "keyb"))
        else:
            lead = 0 if symbol in ("lunar", "leap") else 34
            out.append(_text(x + lead, base, label, "key"))
        return x + self._key_width(symbol, label)

    def _list(self, top: float, config: _Config, rows: list[_Row], dropped: int) -> None:
        out = self.out
        f = config.font
        _, _, date_x, title_x = self._list_geometry(f, config.columns)
        line_height = round(1.3 * f, 1)
        m = {"badge_font": round(0.8 * f, 1)}
        first_day = dt.date(self.year, 1, 1)
        for row in rows:
            e, x, y = row.item.entry, row.x, row.y
            if row.first:
                mark = self.day_mark[max(e.start, first_day)]
                out.append(
                    self._badge(x + 0.7 * f, y - 0.35 * f, 0.68 * f, mark, row.item.number, m)
                )
                out.append(_text(x + date_x, y, _short_date(e.start, self.lang), "li"))
            if e.kind == "holiday":
                cls = "lihb" if e.focus else "lih"
            elif e.kind == "deadline":
                cls = "lid"
            else:
                cls = "lib" if e.focus else "li"
            out.append(_lines_text(x + title_x, y, row.lines, line_height, cls, grey=row.grey))
        if dropped:
            more = self.words["more"].format(n=dropped, year=self.year)
            x, y = 0.0, top + f
            if rows:
                last = rows[-1]
                x, y = last.x, last.y + len(last.lines) * line_height + 0.25 * f
            out.append(_text(x, y, more, "lid"))


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


def _ellipsis(text: str, size: float, width: float) -> str:
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        raise PosterError(f"unsupported {name} {value!r}; choose one of: {', '.join(choices)}")


def render_poster(
    year: int,
    *,
    plan: Plan | str | Path | None = None,
    catalog: Catalog | str | Path | None = None,
    lang: Lang = "vi",
    fmt: Format = "svg",
    paper: Paper = "A4",
    force: bool = False,
) -> str:
    """The year poster of a year (and plan) as SVG or HTML text.

    Args:
        year: The year shown.
        plan: A plan (or plan file): its phases, organisation, title and followed days.
        catalog: A catalogue (or user catalogue file) when there is no plan.
        lang: ``vi`` or ``en``.
        fmt: ``svg`` (a standalone SVG document) or ``html`` (a page embedding it, with
            print CSS for one landscape page).
        paper: ``A4`` or ``A3``, landscape.
        force: Draw the poster of a plan with errors, with a warning banner listing them.

    Returns:
        The document text (UTF-8 when written; deterministic).

    Raises:
        PosterPlanError: The plan has errors and ``force`` is false.
        PosterError: An unsupported format, paper or language; a plan and a catalogue both
            given; or a plan whose period does not touch the year.
    """
    return make_poster(
        year, plan=plan, catalog=catalog, lang=lang, paper=paper, force=force
    ).render(_format(fmt))


def _format(fmt: object) -> Format:
    _check_choice("poster format", fmt, FORMATS)
    return "html" if fmt == "html" else "svg"


def make_poster(
    year: int,
    *,
    plan: Plan | str | Path | None = None,
    catalog: Catalog | str | Path | None = None,
    lang: Lang = "vi",
    paper: Paper = "A4",
    force: bool = False,
) -> Poster:
    """The :class:`Poster` of a year; see :func:`render_poster` for the arguments and errors."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"a year is an int, not {type(year).__name__}")
    _check_choice("language", lang, ("vi", "en"))
    _check_choice("paper", paper, tuple(PAPERS))
    if plan is not None and catalog is not None:
        raise PosterError("give the catalogue in the plan's [follow] table, not both")
    if isinstance(plan, str | Path):
        plan = load_plan(plan)
    warnings: tuple[str, ...] = ()
    if plan is not None:
        errors = [d for d in plan.check() if d.severity == "error"]
        if errors and not force:
            raise PosterPlanError(errors, lang)
        warnings = tuple(d.in_lang(lang).text() for d in errors)
        if plan.end < dt.date(year, 1, 1) or plan.start > dt.date(year, 12, 31):
            raise PosterError(
                f"the plan covers {plan.start.isoformat()} – {plan.end.isoformat()}, "
                f"not the year {year}"
            )
        result = schedule(year, plan)
    else:
        result = schedule(year, catalog=resolve_catalog(catalog))
    return Poster(year, result, lang, paper, warnings)
