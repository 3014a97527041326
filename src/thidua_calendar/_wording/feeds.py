"""Feed wording: CATEGORIES values and reminder texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulary import EntryKind, Rank
from . import category_label, feed_kind_label, lang_of, pick, rank_label

if TYPE_CHECKING:
    from .._schedule import Entry
    from .._vocabulary import LangArg


def feed_categories(entry: Entry, lang: LangArg) -> list[str]:
    """An event's CATEGORIES: its kind (a ngày lễ lớn as such), category, rank if notable."""
    tags = [feed_kind_label(entry.kind, lang, major_day=entry.major_day)]
    if entry.milestone is not None:
        tags.append(str(entry.milestone.commemoration.category))
        if entry.rank in (Rank.TRON, Rank.LE5):
            assert entry.rank is not None
            tags.append(rank_label(entry.rank, lang, short=True))
    elif entry.series is not None:
        tags.append(category_label(entry.series.category, lang))
    return tags


def reminder_text(entry: Entry, summary: str, days: int, lang: LangArg) -> str:
    """``Đợt 1 — kết thúc sau 7 ngày`` / ``… — in 7 days``."""
    lang = lang_of(lang)
    phase = entry.kind is EntryKind.PHASE
    what = pick(lang, "kết thúc sau" if phase else "còn", "ends in" if phase else "in")
    return f"{summary} — {what} {days} {pick(lang, 'ngày', 'days')}"


__all__ = ["feed_categories", "reminder_text"]
