"""Feed wording: CATEGORIES values, reminder texts, and the feed builder's messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._vocabulary import EntryKind, Rank
from . import category_label, feed_kind_label, lang_of, pick, rank_label

if TYPE_CHECKING:
    from .._schedule import Entry
    from .._vocabulary import LangArg


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def feed_categories(entry: Entry, lang: LangArg) -> list[str]:
    """An event's CATEGORIES: its kind (a ngày lễ lớn as such), category, rank if notable.

    Every value is in the feed's language (never an internal key such as ``party``) and in
    one case, sentence case: ``Ngày lễ lớn``, ``Đảng``, ``Năm tròn``; a value is not repeated.
    """
    tags = [feed_kind_label(entry.kind, lang, major_day=entry.major_day)]
    if entry.milestone is not None:
        tags.append(category_label(entry.milestone.commemoration.category, lang))
        if entry.rank in (Rank.TRON, Rank.LE5):
            assert entry.rank is not None
            tags.append(rank_label(entry.rank, lang, short=True))
    elif entry.series is not None:
        tags.append(category_label(entry.series.category, lang))
    unique: dict[str, str] = {}
    for tag in tags:
        unique.setdefault(tag.casefold(), _sentence_case(tag))
    return list(unique.values())


def reminder_text(entry: Entry, summary: str, days: int, lang: LangArg) -> str:
    """``Đợt 1 — kết thúc sau 7 ngày`` / ``… — in 7 days`` (``hôm nay`` / ``today``)."""
    lang = lang_of(lang)
    phase = entry.kind is EntryKind.PHASE
    if days == 0:
        what = pick(
            lang, "kết thúc hôm nay" if phase else "hôm nay", "ends today" if phase else "today"
        )
        return f"{summary} — {what}"
    what = pick(lang, "kết thúc sau" if phase else "còn", "ends in" if phase else "in")
    return f"{summary} — {what} {days} {pick(lang, 'ngày', 'days')}"


def _megabytes(size: int) -> tuple[str, str]:
    english = f"{size / 1e6:.1f}"
    return english.replace(".", ","), english


def feed_too_large(name: str, size: int, limit: int) -> tuple[str, str]:
    """Why a feed over the size limit is refused: ``(vi, en)``."""
    vi_size, en_size = _megabytes(size)
    vi_limit, en_limit = _megabytes(limit)
    return (
        f"lịch “{name}” nặng {vi_size} MB, quá {vi_limit} MB: Google Calendar bỏ sự kiện của "
        "lịch lớn hơn khoảng 1 MB; chọn khoảng năm ngắn hơn (--from/--to) hoặc thêm "
        "--allow-large",
        f"the feed “{name}” is {en_size} MB, over {en_limit} MB: Google Calendar drops events "
        "from feeds over about 1 MB; choose a shorter span (--from/--to) or add --allow-large",
    )


def feed_is_large(name: str, size: int) -> str:
    """The warning for a feed kept over the size limit (``--allow-large``)."""
    vi_size, en_size = _megabytes(size)
    return (
        f"lịch “{name}” nặng {vi_size} MB: Google Calendar có thể bỏ sự kiện của nó / "
        f"the feed “{name}” is {en_size} MB: Google Calendar may drop its events"
    )


def unrevised_edits(name: str, summaries: Sequence[str], shown: int = 3) -> str:
    """Events whose content changed while the data's revision did not, Vietnamese first.

    Args:
        name: The calendar's name.
        summaries: The SUMMARY of each such event (at least one).
        shown: How many are named; the rest are counted.
    """
    named = ", ".join(f"“{s}”" for s in summaries[:shown])
    rest = len(summaries) - shown
    vi_more = f" và {rest} sự kiện khác" if rest > 0 else ""
    en_more = f" and {rest} more" if rest > 0 else ""
    return (
        f"lịch “{name}”: {len(summaries)} sự kiện đã sửa mà ngày phiên bản (revision) của dữ "
        f"liệu không tăng: {named}{vi_more} — hãy tăng revision trong [meta] hoặc [plan] / "
        f"the feed “{name}”: {len(summaries)} events changed while the data's revision did "
        f"not: {named}{en_more} — bump the revision in [meta] or [plan]"
    )


__all__ = [
    "feed_categories",
    "feed_is_large",
    "feed_too_large",
    "reminder_text",
    "unrevised_edits",
]
