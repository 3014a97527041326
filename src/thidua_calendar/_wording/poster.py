"""The poster's own phrases: its title, header line, legend, list notes and warning banner.

Shared forms (month names, weekday names, short dates, phase labels) come from the package;
this module holds what only the poster says, each phrase in Vietnamese and English side by
side.

Examples:
    >>> import datetime as dt
    >>> title(2026, "Bính Ngọ", "Horse", "vi"), title(2026, "Bính Ngọ", "Horse", "en")
    ('Lịch thi đua năm 2026 – Năm Bính Ngọ', 'Emulation calendar 2026 – Year of Bính Ngọ (Horse)')
    >>> dates_line(dt.date(2026, 2, 17), dt.date(2026, 4, 26), "vi")
    'Tết Nguyên đán: Thứ Ba, 17/02/2026 · Giỗ Tổ Hùng Vương: Chủ Nhật, 26/04/2026'
    >>> dates_line(dt.date(2026, 2, 17), None, "en")
    'Tết (lunar new year): Tuesday 17 February'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, Literal

from . import EN, MONTHS_EN, date_vi, lang_of, month_name, pick, short_date, weekday

if TYPE_CHECKING:
    from .._vocabulary import LangArg
    from ..lunar import LunarDate

KeySymbol = Literal["tet", "holiday", "tron", "le5", "other", "deadline", "focus", "lunar", "leap"]
"""The symbols of the poster's key (legend), in the order they are shown."""

_WEEKDAY_HEADS_VI: Final = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
_WEEKDAY_HEADS_EN: Final = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_KEYS: Final[dict[KeySymbol, tuple[str, str]]] = {
    "tet": ("Tết Nguyên đán", "Tết (lunar new year)"),
    "holiday": ("Ngày lễ lớn", "Major day (ngày lễ lớn)"),
    "tron": ("Năm tròn", "Round anniversary (×10)"),
    "le5": ("Năm lẻ 5", "Ends in 5 (năm lẻ 5)"),
    "other": ("Ngày kỷ niệm khác, lễ tết", "Other anniversary or festival"),
    "deadline": ("Hạn báo cáo", "Report due"),
    "focus": ("Chữ đậm: đợt thi đua hướng về", "Bold: a phase is dedicated to it"),
    "lunar": (
        "Số nhỏ: ngày âm lịch (1/4: mùng 1 tháng 4)",
        "Small numbers: lunar day (1/4: first day of the 4th month)",
    ),
    "leap": ("1/4n: tháng 4 nhuận", "1/4L: leap 4th month"),
}


def title(year: int, year_name: str, animal_en: str, lang: LangArg) -> str:
    """The poster's title: ``Lịch thi đua năm 2026 – Năm Bính Ngọ``.

    Args:
        year: The year shown.
        year_name: The can-chi name of its lunar year (``Bính Ngọ``).
        animal_en: The English name of its zodiac animal (only the English title names it).
        lang: ``vi`` or ``en``.
    """
    return pick(
        lang,
        f"Lịch thi đua năm {year} – Năm {year_name}",
        f"Emulation calendar {year} – Year of {year_name} ({animal_en})",
    )


def school_year_title(first_year: int, lang: LangArg) -> str:
    """The title of a school-year poster (September to August).

    >>> school_year_title(2025, "vi"), school_year_title(2025, "en")
    ('Lịch thi đua năm học 2025 - 2026', 'Emulation calendar, school year 2025–2026')
    """
    return pick(
        lang,
        f"Lịch thi đua năm học {first_year} - {first_year + 1}",
        f"Emulation calendar, school year {first_year}–{first_year + 1}",
    )


def weekday_heads(lang: LangArg) -> tuple[str, ...]:
    """The seven column heads of a month grid, from Monday: ``T2`` … ``CN`` / ``Mo`` … ``Su``."""
    return _WEEKDAY_HEADS_EN if lang_of(lang) is EN else _WEEKDAY_HEADS_VI


def long_date(date: dt.date, lang: LangArg) -> str:
    """A day of the year with its weekday: ``Thứ Ba, 17/02/2026`` / ``Tuesday 17 February``."""
    name = weekday(date, lang)
    return pick(lang, f"{name}, {date_vi(date)}", f"{name} {date.day} {MONTHS_EN[date.month - 1]}")


def dates_line(tet: dt.date, gio_to: dt.date | None, lang: LangArg) -> str:
    """The header's line of the year's dates: Tết and (when shown) Giỗ Tổ Hùng Vương."""
    parts = [pick(lang, "Tết Nguyên đán", "Tết (lunar new year)") + ": " + long_date(tet, lang)]
    if gio_to is not None:
        name = pick(lang, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration")
        parts.append(f"{name}: {long_date(gio_to, lang)}")
    return " · ".join(parts)


def lunar_label(lunar: LunarDate, *, with_month: bool = False, lang: LangArg = "vi") -> str:
    """The lunar day as a cell shows it: ``17``, or ``1/4`` on the first day of a month.

    A leap month is marked ``n`` (*nhuận*; ``L`` in English).

    >>> from thidua_calendar import LunarDate
    >>> lunar_label(LunarDate(2020, 4, 1, leap=True)), lunar_label(LunarDate(2020, 4, 2, True))
    ('1/4n', '2')
    >>> lunar_label(LunarDate(2020, 4, 9), with_month=True)
    '9/4'
    >>> lunar_label(LunarDate(2020, 4, 1, leap=True), lang="en")
    '1/4L'
    """
    if lunar.day != 1 and not with_month:
        return str(lunar.day)
    leap = pick(lang, "n", "L") if lunar.leap else ""
    return f"{lunar.day}/{lunar.month}{leap}"


def key_label(symbol: KeySymbol, lang: LangArg) -> str:
    """The label of a symbol of the key: ``Năm tròn`` / ``Round anniversary (×10)``."""
    vi, en = _KEYS[symbol]
    return pick(lang, vi, en)


def span_tail(start: dt.date, end: dt.date, lang: LangArg) -> str:
    """The span after a list row's title: `` (01/05 – 31/05)`` / `` (1 May – 31 May)``."""
    return f" ({short_date(start, lang)} – {short_date(end, lang)})"


def window_tail(window: str) -> str:
    """A phase window after its title in the legend: `` (từ 01/01/2020 đến 30/06/2020)``."""
    return f" ({window})"


def month_heading(year: int, month: int, lang: LangArg, *, with_year: bool = False) -> str:
    """A month's heading: ``Tháng 9`` / ``September``; with its year on a poster of two years.

    A school-year poster runs from September to August: its headings say the year
    (``Tháng 9/2026`` … ``Tháng 8/2027`` / ``September 2026`` … ``August 2027``).

    >>> month_heading(2026, 9, "vi", with_year=True), month_heading(2027, 8, "en", with_year=True)
    ('Tháng 9/2026', 'August 2027')
    """
    if not with_year:
        return month_name(month, lang)
    return pick(lang, f"Tháng {month}/{year}", f"{MONTHS_EN[month - 1]} {year}")


def more_entries(count: int, year: int, lang: LangArg, *, school_year: bool = False) -> str:
    """The last line of a list too long for the page (a school year: its two years).

    >>> more_entries(3, 2026, "vi", school_year=True)
    '… và 3 mục khác (xem: thidua-calendar schedule 2026 2027)'
    """
    years = f"{year} {year + 1}" if school_year else str(year)
    return pick(
        lang,
        f"… và {count} mục khác (xem: thidua-calendar schedule {years})",
        f"… and {count} more (see: thidua-calendar schedule {years})",
    )


def warning_heading(lang: LangArg) -> str:
    """The heading of the banner of a plan drawn with errors."""
    return pick(
        lang,
        "CẢNH BÁO: kế hoạch có lỗi, lịch này được in khi chưa sửa",
        "WARNING: the plan has errors; this calendar was printed without fixing them",
    )


def more_errors(count: int, lang: LangArg) -> str:
    """The last line of a banner with more errors than it shows."""
    return pick(
        lang,
        f"… và {count} lỗi khác (xem: thidua-calendar plan check)",
        f"… and {count} more errors (see: thidua-calendar plan check)",
    )


def no_chromium(override: str | None, lang: LangArg) -> str:
    """Why a PDF poster cannot be printed: no Chromium (or not the one ``THIDUA_CHROMIUM`` names).

    >>> no_chromium(None, "vi")[:60]
    'không tìm thấy Chromium để in poster ra PDF: cài Chromium (D'
    """
    if override:
        return pick(
            lang,
            f"THIDUA_CHROMIUM chỉ tới {override!r}, không phải một chương trình chạy được: "
            "đặt nó là đường dẫn tới Chrome hoặc Chromium, hoặc bỏ biến này",
            f"THIDUA_CHROMIUM names {override!r}, which is not a program that runs: set it "
            "to a Chrome or Chromium binary, or unset it",
        )
    return pick(
        lang,
        "không tìm thấy Chromium để in poster ra PDF: cài Chromium (Debian/Ubuntu: "
        "apt-get install chromium; Windows: Microsoft Edge hoặc Google Chrome), đặt "
        "THIDUA_CHROMIUM là đường dẫn tới Chrome hoặc Chromium, hoặc ghi poster ra .html "
        "rồi in từ trình duyệt",
        "no Chromium found to print the poster as PDF: install Chromium (Debian/Ubuntu: "
        "apt-get install chromium; Windows: Microsoft Edge or Google Chrome), set "
        "THIDUA_CHROMIUM to a Chrome or Chromium binary, or write the poster as .html and "
        "print it from a browser",
    )


def chromium_failed(detail: str, lang: LangArg) -> str:
    """Chromium ran but did not print the PDF: its last line of output."""
    return pick(
        lang,
        f"Chromium không in được poster ra PDF: {detail}",
        f"Chromium could not print the poster as PDF: {detail}",
    )


__all__ = [
    "KeySymbol",
    "chromium_failed",
    "dates_line",
    "key_label",
    "long_date",
    "lunar_label",
    "month_heading",
    "more_entries",
    "more_errors",
    "no_chromium",
    "school_year_title",
    "span_tail",
    "title",
    "warning_heading",
    "weekday_heads",
]
