"""The wording layer: every Vietnamese and English text the library writes is made here.

Domain types hold data; the functions of this package turn them into the words plans use.
Vietnamese is the source language and comes first; English stands beside it in the same
function, so a translator reads each phrase in both languages at once. Nothing here depends
on the process locale (English month and weekday names are spelled out, not read from
:mod:`calendar`). The language is checked once, by :func:`lang_of`, with one error type.

This module holds the shared vocabulary (dates, months, weekdays, ordinals, ranks, kinds,
categories, phase labels); the submodules hold the phrases of one subject each:
:mod:`.milestones` (anniversary labels and descriptions), :mod:`.plans` (phase windows,
deadlines, plan text) and so on.

Why functions and not ``gettext`` catalogues: the texts are compositions with grammar of
their own on each side (Vietnamese "kỷ niệm 90 năm …" inline, English ordinals "90th"),
not fixed sentences; the functions are typed and checked by mypy, need no compiled ``.mo``
files in the wheel, and cannot pick a language from the environment by accident.

Examples:
    >>> import datetime as dt
    >>> date_text(dt.date(2020, 2, 3), "vi"), date_text(dt.date(2020, 2, 3), "en")
    ('03/02/2020', '3 February 2020')
    >>> phase_label("Đợt 2", "en")
    'Phase 2'
    >>> lang_of("fr")
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.InvalidValueError: lang must be one of vi, en, not 'fr'
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .._vocabulary import Category, EntryKind, Lang, LangArg, Rank, to_lang

VI: Final = Lang.VI
EN: Final = Lang.EN

MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_VI: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
WEEKDAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def lang_of(value: object) -> Lang:
    """The language a value names (``"vi"``, ``"en"`` or a :class:`Lang`): the one check.

    Raises:
        InvalidValueError: Another string.
        InvalidTypeError: Not a string.
    """
    return to_lang(value)  # type: ignore[arg-type]  # to_lang reports non-strings


def pick(lang: LangArg, vi: str, en: str) -> str:
    """The Vietnamese or the English form of a phrase (checking ``lang`` with :func:`lang_of`).

    Every text of this package is chosen here, so a bad language fails the same way anywhere.
    """
    if lang is VI:
        return vi
    if lang is EN:
        return en
    return en if lang_of(lang) is EN else vi


def date_vi(date: dt.date) -> str:
    """A date as Vietnamese documents write it: ``03/02/2020``."""
    return "%02d/%02d/%d" % (date.day, date.month, date.year)  # noqa: UP031 (quicker)


def document_date(date: dt.date) -> str:
    """A date as the date line of a document writes it (Nghị định 30/2020/NĐ-CP, Phụ lục I).

    A day below 10 and the months 1 and 2 take a leading zero; the other months do not.

    Examples:
        >>> document_date(dt.date(2026, 2, 5))
        'ngày 05 tháng 02 năm 2026'
        >>> document_date(dt.date(2026, 3, 15))
        'ngày 15 tháng 3 năm 2026'
        >>> document_date(dt.date(2025, 12, 1))
        'ngày 01 tháng 12 năm 2025'
    """
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def date_en(date: dt.date) -> str:
    """A date in English prose: ``3 February 2020``."""
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def date_text(date: dt.date, lang: LangArg) -> str:
    """:func:`date_vi` or :func:`date_en`."""
    return pick(lang, date_vi(date), date_en(date))


def short_date(date: dt.date, lang: LangArg) -> str:
    """A day and month: ``03/02`` / ``3 Feb``."""
    return pick(
        lang, f"{date.day:02d}/{date.month:02d}", f"{date.day} {MONTHS_EN[date.month - 1][:3]}"
    )


def month_name(month: int, lang: LangArg) -> str:
    """``Tháng 2`` / ``February``."""
    return pick(lang, f"Tháng {month}", MONTHS_EN[month - 1])


def weekday(date: dt.date, lang: LangArg) -> str:
    """``Thứ Hai`` / ``Monday``."""
    return weekday_names(lang)[date.weekday()]


def weekday_names(lang: LangArg) -> tuple[str, ...]:
    """The seven weekday names from Monday."""
    return WEEKDAYS_EN if lang_of(lang) is EN else WEEKDAYS_VI


def english_ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``21st``, ``112th``.

    Examples:
        >>> " ".join(english_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111))
        '1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 111th'
    """
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_RANKS: Final = {
    Rank.TRON: ("năm tròn", "round anniversary (multiple of 10)"),
    Rank.LE5: ("năm lẻ 5", "half-round anniversary (ends in 5)"),
    Rank.KHAC: ("năm khác", "other anniversary"),
}


def rank_label(rank: Rank, lang: LangArg, *, short: bool = False) -> str:
    """``năm tròn``, ``năm lẻ 5``, ``năm khác`` (or in English).

    Args:
        rank: The rank.
        lang: The language.
        short: Without the English explanation in brackets (``round anniversary``), for a
            table column or a feed's CATEGORIES.
    """
    vi, en = _RANKS[rank]
    text = pick(lang, vi, en)
    return text.split(" (")[0] if short else text


def rank_mark(rank: Rank | None) -> str:
    """``★`` for năm tròn, ``☆`` for năm lẻ 5, else nothing."""
    return {Rank.TRON: "★", Rank.LE5: "☆"}.get(rank, "") if rank else ""


_KINDS: Final = {
    EntryKind.MILESTONE: ("Kỷ niệm", "Anniversary"),
    EntryKind.FESTIVAL: ("Lễ tết", "Festival"),
    EntryKind.OBSERVANCE: ("Ngày/tháng", "Observance"),
    EntryKind.EVENT: ("Sự kiện", "Event"),
    EntryKind.PHASE: ("Đợt thi đua", "Phase"),
    EntryKind.DEADLINE: ("Hạn báo cáo", "Deadline"),
    EntryKind.DAY_OFF: ("Ngày nghỉ", "Day off"),
    EntryKind.WORKING_DAY: ("Làm bù", "Make-up day"),
}
_MAJOR_DAY: Final = ("Ngày lễ lớn", "Major day")


def kind_label(kind: EntryKind, lang: LangArg, *, major_day: bool = False) -> str:
    """The short name of an entry kind in a listing (a ngày lễ lớn is named as such)."""
    vi, en = _MAJOR_DAY if major_day else _KINDS[kind]
    return pick(lang, vi, en)


_FEED_KINDS: Final = {
    EntryKind.MILESTONE: ("Ngày kỷ niệm", "Anniversary"),
    EntryKind.FESTIVAL: ("Lễ tết âm lịch", "Lunar festival"),
    EntryKind.OBSERVANCE: ("Ngày truyền thống", "Observance"),
    EntryKind.EVENT: ("Đại hội, bầu cử", "Congress or election"),
    EntryKind.PHASE: ("Đợt thi đua", "Emulation phase"),
    EntryKind.DEADLINE: ("Hạn báo cáo", "Report deadline"),
    EntryKind.DAY_OFF: ("Ngày nghỉ lễ, Tết", "Public holiday break"),
    EntryKind.WORKING_DAY: ("Ngày làm bù", "Make-up working day"),
}
_FEED_MAJOR_DAY: Final = ("Ngày lễ lớn", "Major national day")


def feed_kind_label(kind: EntryKind, lang: LangArg, *, major_day: bool = False) -> str:
    """The longer name of an entry kind, as a feed's CATEGORIES value."""
    vi, en = _FEED_MAJOR_DAY if major_day else _FEED_KINDS[kind]
    return pick(lang, vi, en)


_CATEGORIES: Final = {
    Category.NATIONAL: ("Quốc gia", "National"),
    Category.PARTY: ("Đảng", "Party"),
    Category.UNION: ("Công đoàn", "Trade union"),
    Category.ORGANISATION: ("Đoàn thể, hội", "Mass organisations and associations"),
    Category.LEADER: ("Lãnh đạo", "Leaders"),
    Category.HISTORY: ("Sự kiện lịch sử", "Historical events"),
    Category.INTERNATIONAL: ("Quốc tế", "International"),
    Category.PROVINCIAL: ("Địa phương", "Provincial"),
    Category.SECTOR: ("Ngành", "Sector"),
    Category.OBSERVANCE: ("Ngày lễ, tết", "Festivals and observances"),
}


def category_label(category: Category, lang: LangArg) -> str:
    """The name of a commemoration category."""
    vi, en = _CATEGORIES[category]
    return pick(lang, vi, en)


def phase_label(label: str, lang: LangArg) -> str:
    """A phase's label in a language: ``Đợt 2`` is ``Phase 2`` in English.

    Labels a plan writes in another form are kept as they are.
    """
    if lang_of(lang) is EN and label.startswith("Đợt"):
        return "Phase" + label.removeprefix("Đợt")
    return label


def quoted(text: str) -> str:
    """Text in the curly quotes plans use: ``“…”``."""
    return f"“{text}”"


__all__ = [
    "EN",
    "MONTHS_EN",
    "VI",
    "category_label",
    "date_en",
    "date_text",
    "date_vi",
    "document_date",
    "english_ordinal",
    "feed_kind_label",
    "kind_label",
    "lang_of",
    "month_name",
    "phase_label",
    "pick",
    "quoted",
    "rank_label",
    "rank_mark",
    "short_date",
    "weekday",
    "weekday_names",
]
