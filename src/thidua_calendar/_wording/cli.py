"""The command line's listings: table headers, result lines and summaries.

The command line's own messages (help, errors, status lines) will come here too, Vietnamese
first; for now they are English.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import date_vi, lang_of, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg


def listing_date(date: dt.date, lang: LangArg) -> str:
    """A date in a listing: ``03/02/2025`` / ``2025-02-03``."""
    return pick(lang, date_vi(date), date.isoformat())


def milestone_header(lang: LangArg) -> list[str]:
    """The columns of ``milestones``."""
    return pick(lang, "Ngày|Số năm|Hạng|Ngày kỷ niệm", "Date|N|Rank|Milestone").split("|")


def no_milestones(lang: LangArg) -> str:
    """The line ``milestones`` prints when nothing is selected."""
    return pick(lang, "Không có ngày kỷ niệm nào.", "No milestones.")


def tet_header(lang: LangArg) -> list[str]:
    """The columns of ``tet``."""
    return pick(
        lang, "Năm|Tết Nguyên đán|Can chi|Con giáp", "Year|Tết (lunar new year)|Can chi|Zodiac"
    ).split("|")


def weekday_and_date(weekday: str, date: dt.date, lang: LangArg) -> str:
    """``Thứ Tư, 29/01/2025`` / ``Wednesday 2025-01-29``."""
    return pick(lang, f"{weekday}, {date_vi(date)}", f"{weekday} {date.isoformat()}")


def convert_line(r: dict[str, object], lang: LangArg) -> str:
    """One line of ``convert`` from its record."""
    lang = lang_of(lang)
    solar = dt.date.fromisoformat(str(r["solar"]))
    if lang == "en":
        leap = " (leap month)" if r["leap"] else ""
        line = (
            f"{r['weekday']} {r['solar']} = lunar {r['lunar_year']}-{r['lunar_month']:02}-"
            f"{r['lunar_day']:02}{leap}: day {r['can_chi_day']}, month {r['can_chi_month']}, "
            f"year {r['can_chi_year']} ({r['zodiac']})"
        )
        return line + (" [provisional]" if r["provisional"] else "")
    line = (
        f"{r['weekday']}, {date_vi(solar)} = {r['lunar']} âm lịch (ngày {r['can_chi_day']}, "
        f"tháng {r['can_chi_month']}, năm {r['can_chi_year']} – con {r['zodiac']})"
    )
    return line + (" [tạm tính]" if r["provisional"] else "")


def check_summary(file: str, errors: int, others: int, lang: LangArg) -> str:
    """The last line of ``plan check``."""
    return pick(
        lang,
        f"{file}: {errors} lỗi, {others} lưu ý khác",
        f"{file}: {errors} error(s), {others} other finding(s)",
    )


def default_feed_name(lang: LangArg) -> str:
    """The name of a feed without a plan."""
    return pick(lang, "Lịch thi đua", "Emulation calendar")


__all__ = [
    "check_summary",
    "convert_line",
    "default_feed_name",
    "listing_date",
    "milestone_header",
    "no_milestones",
    "tet_header",
    "weekday_and_date",
]
