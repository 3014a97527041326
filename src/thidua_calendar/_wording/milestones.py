"""Anniversary wording: labels, descriptions and the inline form of plan sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._days import LunarDay, SolarTermDay
from ..lunar import can_chi, to_lunar
from . import date_en, date_vi, english_ordinal, lang_of, pick, rank_label
from .terms import solar_term_description

if TYPE_CHECKING:
    from .._milestones import Milestone
    from .._vocabulary import LangArg


def milestone_label(m: Milestone, lang: LangArg) -> str:
    """The wording plans use for a milestone.

    Examples:
        >>> from thidua_calendar import milestone
        >>> milestone_label(milestone("thanh_lap_dang", 2020), "vi")
        'Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)'
        >>> milestone_label(milestone("tet_nguyen_dan", 2026), "vi")
        'Tết Nguyên đán Bính Ngọ 2026'
    """
    lang = lang_of(lang)
    c, year = m.commemoration, m.date.year
    if m.ordinal is not None and c.origin is not None:
        # A year-only origin gets a year-only end: "(1910 - 2020)".
        full = c.origin.date is not None
        return pick(
            lang,
            f"Kỷ niệm {m.ordinal} năm {c.name_vi} "
            f"({c.origin.vi()} - {date_vi(m.date) if full else year})",
            f"{english_ordinal(m.ordinal)} anniversary of {c.anniversary_en} "
            f"({c.origin.en()} – {date_en(m.date) if full else year})",
        )
    rule = c.rule
    if isinstance(rule, LunarDay):
        lunar_year = to_lunar(m.date).year
        if (rule.month, rule.day) == (1, 1):  # Tết: the lunar year with its can-chi name
            return pick(
                lang, f"{c.name_vi} {can_chi(lunar_year)} {lunar_year}", f"{c.name_en} {lunar_year}"
            )
        day = f"{rule.day}/{rule.month}"
        return pick(
            lang, f"{c.name_vi} năm {year} ({day} âm lịch)", f"{c.name_en} {year} (lunar {day})"
        )
    return pick(lang, f"{c.name_vi} năm {year}", f"{c.name_en} {year}")


def milestone_inline(m: Milestone, *, first: bool) -> str:
    """A milestone inside a Vietnamese plan sentence: "kỷ niệm 90 năm …" first, "45 năm …" after."""
    label = milestone_label(m, "vi")
    if label.startswith("Kỷ niệm "):
        rest = label.removeprefix("Kỷ niệm ")
        return f"kỷ niệm {rest}" if first else rest
    return label


def milestone_description(m: Milestone, lang: LangArg) -> str:
    """What it is, since when, ordinal and rank, lunar date, legal basis (a feed's DESCRIPTION)."""
    lang = lang_of(lang)
    c = m.commemoration
    parts = [f"{pick(lang, c.name_vi, c.name_en)}."]
    if m.ordinal is not None and c.origin is not None:
        rank_vi = f" ({rank_label(m.rank, 'vi')})" if m.rank else ""
        rank_en = f", {rank_label(m.rank, 'en')}" if m.rank else ""
        parts.append(
            pick(
                lang,
                f"Kỷ niệm {m.ordinal} năm{rank_vi}, từ {c.origin.vi()}.",
                f"{m.ordinal} years since {c.origin.en()}{rank_en}.",
            )
        )
    elif m.rank is not None:
        parts.append(
            pick(
                lang,
                f"Xếp hạng theo năm dương lịch: {rank_label(m.rank, 'vi')}.",
                f"Ranked by the year itself: {rank_label(m.rank, 'en')}.",
            )
        )
    rule = c.rule
    if isinstance(rule, LunarDay):
        day = f"{rule.day}/{rule.month}"
        parts.append(
            pick(
                lang,
                f"Ngày {day} âm lịch năm {can_chi(to_lunar(m.date).year)}.",
                f"Lunar date {day} (Vietnamese calendar).",
            )
        )
    if isinstance(rule, SolarTermDay):
        parts.append(solar_term_description(rule.term, lang))
    if c.legal_basis:
        parts.append(pick(lang, f"Căn cứ: {c.legal_basis}.", f"Legal basis: {c.legal_basis}."))
    return " ".join(parts)


__all__ = ["milestone_description", "milestone_inline", "milestone_label"]
