"""Wording of a published feed set: feed names and descriptions, and the index page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._vocabulary import Lang
from . import lang_of, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_FEEDS: Final = {
    "ngay-le-lon": (
        ("Ngày lễ lớn", "Các ngày lễ lớn theo Nghị định 145/2013/NĐ-CP"),
        ("Major national days", "The major national days of Decree 145/2013/ND-CP"),
    ),
    "cong-doan": (
        (
            "Ngày truyền thống Công đoàn",
            "Ngày thành lập Công đoàn Việt Nam, Tổng Liên đoàn, Công đoàn Viên chức và các "
            "tháng hành động",
        ),
        ("Trade union days", "Trade union founding days and action months"),
    ),
    "tat-ca": (
        ("Ngày kỷ niệm", "Tất cả ngày lễ, ngày kỷ niệm và lễ tết âm lịch"),
        ("All commemorations", "Every commemoration and lunar festival"),
    ),
}


def feed_name(feed: str, lang: LangArg) -> tuple[str, str]:
    """The name and description of one of the shared feeds (``ngay-le-lon`` …)."""
    vi, en = _FEEDS[feed]
    return en if lang_of(lang) is Lang.EN else vi


def index_words(lang: LangArg) -> dict[str, str]:
    """The fixed words of the index page."""
    lang = lang_of(lang)
    return {
        "title": pick(lang, "Lịch thi đua — đăng ký lịch", "Emulation calendars — subscribe"),
        "download": pick(lang, "Tải về", "Download"),
        "subscribe": pick(lang, "Đăng ký (webcal)", "Subscribe"),
        "hint": pick(
            lang,
            "Chạy lại với --base-url để có liên kết đăng ký webcal://.",
            "Run again with --base-url for webcal:// subscribe links.",
        ),
        "calendar": pick(lang, "Lịch", "Calendar"),
        "events_head": pick(lang, "Số sự kiện", "Events"),
        "span": pick(lang, "Thời gian", "Span"),
        "links": pick(lang, "Liên kết", "Links"),
    }


def event_count(count: int, lang: LangArg) -> str:
    """``12 sự kiện`` / ``12 events``."""
    return pick(lang, f"{count} sự kiện", f"{count} events")


def years_line(first: int, last: int, lang: LangArg) -> str:
    """``Các năm 2025–2027.`` / ``Years 2025–2027.``."""
    return pick(lang, f"Các năm {first}–{last}.", f"Years {first}–{last}.")


__all__ = ["event_count", "feed_name", "index_words", "years_line"]
