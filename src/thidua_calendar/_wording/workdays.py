"""The words of days off and working days: holiday names, break titles, make-up days.

Examples:
    >>> import datetime as dt
    >>> holiday_name("tet_am_lich", 2026, "vi"), holiday_name("tet_am_lich", 2026, "en")
    ('Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết Bính Ngọ)')
    >>> span_text(dt.date(2026, 2, 14), dt.date(2026, 2, 22), "vi")
    '14/02–22/02/2026, 9 ngày'
    >>> span_text(dt.date(2022, 12, 31), dt.date(2023, 1, 2), "en")
    '31 December 2022 – 2 January 2023, 3 days'
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .._vocabulary import DayOffKind, LangArg
from . import EN, date_text, date_vi, lang_of, pick, short_date

_HOLIDAYS: Final = {
    "tet_duong_lich": ("Tết Dương lịch", "New Year's Day"),
    "tet_am_lich": ("Tết Nguyên đán {can_chi}", "Lunar New Year (Tết {can_chi})"),
    "gio_to_hung_vuong": ("Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"),
    "chien_thang": ("Ngày Chiến thắng", "Reunification Day"),
    "quoc_te_lao_dong": ("Ngày Quốc tế Lao động", "International Labour Day"),
    "quoc_khanh": ("Quốc khánh", "National Day"),
    "van_hoa_viet_nam": ("Ngày Văn hóa Việt Nam", "Vietnam Culture Day"),
}
"""The statutory holidays of Bộ luật Lao động 2019, Điều 112 khoản 1 (and since 01/7/2026
Ngày Văn hóa Việt Nam, 24/11), by key."""


def holiday_name(key: str, year: int, lang: LangArg) -> str:
    """The name of a statutory holiday; Tết carries the can-chi name of its lunar year."""
    from ..lunar import can_chi

    vi, en = _HOLIDAYS[key]
    text = pick(lang, vi, en)
    return text.format(can_chi=can_chi(year)) if "{can_chi}" in text else text


def joined(names: list[str], lang: LangArg) -> str:
    """``A, B và C`` / ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + pick(lang, " và ", " and ") + names[-1]


def break_name(keys: tuple[str, ...], year: int, lang: LangArg) -> str:
    """What a break is for: ``Giỗ Tổ Hùng Vương, Ngày Chiến thắng và Ngày Quốc tế Lao động``."""
    return joined([holiday_name(k, year, lang) for k in keys], lang)


def span_text(start: dt.date, end: dt.date, lang: LangArg) -> str:
    """``14/02–22/02/2026, 9 ngày``; one day is its date alone."""
    if start == end:
        return date_text(start, lang)
    days = (end - start).days + 1
    if lang_of(lang) is EN:
        first = date_text(start, lang) if start.year != end.year else short_date(start, lang)
        if start.year == end.year and start.month == end.month:
            first = str(start.day)
        return f"{first} – {date_text(end, lang)}, {days} days"
    first = date_vi(start) if start.year != end.year else short_date(start, lang)
    return f"{first}–{date_vi(end)}, {days} ngày"


def break_title(
    keys: tuple[str, ...], year: int, start: dt.date, end: dt.date, lang: LangArg
) -> str:
    """``Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)``."""
    name = break_name(keys, year, lang)
    span = span_text(start, end, lang)
    return pick(lang, f"Nghỉ {name} ({span})", f"{name} break ({span})")


def day_off_name(kind: DayOffKind, keys: tuple[str, ...], year: int, lang: LangArg) -> str:
    """A day off's name: the holiday's own, or the nghỉ bù / swap day of a break."""
    name = break_name(keys, year, lang)
    if kind is DayOffKind.HOLIDAY:
        return name
    if kind is DayOffKind.COMPENSATORY:
        return pick(lang, f"Nghỉ bù {name}", f"{name} (day off in lieu)")
    return pick(lang, f"Nghỉ hoán đổi dịp {name}", f"{name} (swapped day off)")


def make_up_name(replaces: dt.date, lang: LangArg) -> str:
    """``Làm bù cho ngày nghỉ 02/01/2026`` / ``Make-up working day for 2 January 2026``."""
    return pick(
        lang,
        f"Làm bù cho ngày nghỉ {date_vi(replaces)}",
        f"Make-up working day for {date_text(replaces, EN)}",
    )


def make_up_title(date: dt.date, replaces: dt.date, lang: LangArg) -> str:
    """``Ngày làm bù (thứ Bảy 10/01/2026, thay cho ngày 02/01/2026)``."""
    return pick(
        lang,
        f"Làm việc bù (thay cho ngày nghỉ {date_vi(replaces)})",
        f"Working day (in place of {date_text(replaces, EN)})",
    )


def day_off_description(source: str, kinds: list[str], lang: LangArg) -> str:
    """A break's description: its days by kind and where they come from."""
    listed = "; ".join(kinds)
    return pick(lang, f"{listed}. Căn cứ: {source}", f"{listed}. Source: {source}")


def kind_days(kind: DayOffKind, days: list[dt.date], lang: LangArg) -> str:
    """``Nghỉ bù: 02/05, 03/05`` — the days of one kind in a break."""
    label = {
        DayOffKind.HOLIDAY: ("Ngày lễ, Tết", "Holidays"),
        DayOffKind.COMPENSATORY: ("Nghỉ bù", "Days off in lieu"),
        DayOffKind.BRIDGE: ("Nghỉ hoán đổi", "Swapped days off"),
    }[kind]
    return f"{pick(lang, *label)}: {', '.join(date_text(d, lang) for d in days)}"


__all__ = [
    "break_name",
    "break_title",
    "day_off_description",
    "day_off_name",
    "holiday_name",
    "joined",
    "kind_days",
    "make_up_name",
    "make_up_title",
    "span_text",
]
