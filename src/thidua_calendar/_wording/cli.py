"""The command line's words: listings, errors, warnings and status lines, Vietnamese first.

The help is in :mod:`.cli_help`, argparse's own messages in :mod:`.cli_argparse`.
"""

from __future__ import annotations

import datetime as dt
import errno
from typing import TYPE_CHECKING, Final

from . import EN, date_vi, lang_of, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg
    from ..errors import DataError


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


# --- the frame of every message ----------------------------------------------------------


def error_line(prog: str, message: str, lang: LangArg) -> str:
    """The one-line error: ``thidua-calendar: lỗi: …`` / ``thidua-calendar: error: …``."""
    return f"{prog}: {pick(lang, 'lỗi', 'error')}: {message}"


def warning_line(prog: str, message: str, lang: LangArg) -> str:
    """A warning: ``thidua-calendar: cảnh báo: …`` / ``thidua-calendar: warning: …``."""
    return f"{prog}: {pick(lang, 'cảnh báo', 'warning')}: {message}"


def usage_error(prog: str, message: str, lang: LangArg) -> str:
    """A usage error of argparse, pointing at the help."""
    return error_line(prog, message, lang) + pick(lang, " (xem --help)", " (see --help)")


def data_error(exc: DataError, lang: LangArg) -> str:
    """A file's error at ``file:line`` in a language (Vietnamese when it has Vietnamese)."""
    return exc.located(pick(lang, exc.reason_vi or exc.reason, exc.reason))


def bad_lang_variable(value: str) -> str:
    """A ``THIDUA_LANG`` naming no language: in both, as the language is what is unknown."""
    return (
        f"biến THIDUA_LANG phải là vi hoặc en, không phải {value!r} (THIDUA_LANG must be vi or en)"
    )


# --- files --------------------------------------------------------------------------------

_OS_ERRORS: Final = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOTDIR: "không phải là thư mục",
    errno.EEXIST: "tệp đã có",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.EPIPE: "đường ống đã đóng",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "quá nhiều liên kết tượng trưng",
}


def os_error(exc: OSError, lang: LangArg) -> str:
    """An unreadable or unwritable file: ``không có tệp hoặc thư mục này: x.toml``.

    In English the system's own words (``No such file or directory``); in Vietnamese those
    of the common errors, else the system's.
    """
    reason = exc.strerror or str(exc)
    if lang_of(lang) is not EN and exc.errno in _OS_ERRORS:
        reason = _OS_ERRORS[exc.errno]
    return f"{reason}: {exc.filename or ''}".rstrip(": ")


def wrote(path: object, detail: str, lang: LangArg) -> str:
    """The status line of a written file: ``đã ghi demo.ics (…)`` / ``wrote demo.ics (…)``."""
    return pick(lang, "đã ghi", "wrote") + f" {path}" + (f" ({detail})" if detail else "")


def unchanged(path: object, detail: str, lang: LangArg) -> str:
    """A feed that is already up to date."""
    return f"{path}: " + pick(lang, "không đổi", "unchanged") + f" ({detail})"


def feed_detail(events: int, first: int, last: int, lang: LangArg) -> str:
    """``12 sự kiện, 2025–2031`` / ``12 events, 2025–2031``."""
    return pick(lang, f"{events} sự kiện", f"{events} events") + f", {first}–{last}"


def poster_detail(fmt: str, paper: str, lang: LangArg) -> str:
    """``SVG, A4 khổ ngang`` / ``SVG, A4 landscape``."""
    return pick(lang, f"{fmt}, {paper} khổ ngang", f"{fmt}, {paper} landscape")


def file_exists(path: object, lang: LangArg) -> str:
    """``plan new`` refusing to replace a plan (it may have been filled in)."""
    return pick(
        lang,
        f"{path} đã có; dùng --force để ghi đè",
        f"{path} exists; use --force to overwrite it",
    )


def internal_error(name: str, detail: str, lang: LangArg) -> str:
    """An error of the tool itself, asking for a report."""
    what = f"{name}: {detail}" if detail else name
    return pick(
        lang,
        f"lỗi nội bộ ({what}); đây là lỗi của thidua-calendar, xin báo lại kèm lệnh đã chạy",
        f"internal error ({what}); this is a bug of thidua-calendar; please report it with "
        "the command you ran",
    )


_ANYWAY: Final = {
    "": ("", ""),
    "poster": (" hoặc vẫn vẽ lịch với --force", " or draw the poster anyway with --force"),
    "draft": (" hoặc vẫn soạn văn bản với --force", " or draft it anyway with --force"),
}


def plan_refused(lang: LangArg, *, anyway: str = "") -> str:
    """A command refusing a plan with errors (the errors are listed before).

    ``anyway``: what ``--force`` makes all the same (``"poster"``, ``"draft"``), if anything.
    """
    vi, en = _ANYWAY[anyway]
    return pick(
        lang,
        "kế hoạch có lỗi; hãy sửa trước (thidua-calendar plan check)" + vi,
        "the plan has errors; fix them first (thidua-calendar plan check)" + en,
    )


# --- values on the command line -----------------------------------------------------------


def not_a_year(text: str, lang: LangArg) -> str:
    """A ``YEAR`` that is not ASCII digits."""
    return pick(
        lang,
        f"cần một năm viết bằng chữ số 0-9, không phải {text!r}",
        f"expected a year in digits 0-9, not {text!r}",
    )


def year_out_of_range(text: str, supported: str, lang: LangArg) -> str:
    """A year too long to be one."""
    return pick(
        lang,
        f"năm {text} nằm ngoài khoảng được hỗ trợ {supported}",
        f"year {text} is outside the supported range {supported}",
    )


def not_years(text: str, lang: LangArg) -> str:
    """``YEAR…`` that is neither one year nor two."""
    return pick(
        lang,
        f"cần một năm hoặc hai năm, không phải {text!r}",
        f"expected a year or two years, not {text!r}",
    )


def span_backwards(first: int, last: int, lang: LangArg) -> str:
    """A span of years that ends before it starts."""
    return pick(
        lang,
        f"khoảng {first}–{last} kết thúc trước khi bắt đầu",
        f"the span {first}–{last} ends before it starts",
    )


def span_outside(first: int, last: int, supported: str, lang: LangArg) -> str:
    """A span of years outside the tables."""
    return pick(
        lang,
        f"khoảng {first}–{last} nằm ngoài khoảng được hỗ trợ {supported}",
        f"the span {first}–{last} is outside the supported range {supported}",
    )


def not_a_date(text: str, lang: LangArg) -> str:
    """A ``DATE`` in neither form."""
    return pick(
        lang,
        f"{text!r} không phải là ngày (viết YYYY-MM-DD hoặc dd/mm/yyyy)",
        f"{text!r} is not a date (use YYYY-MM-DD or dd/mm/yyyy)",
    )


def no_such_day(text: str, lang: LangArg) -> str:
    """A ``DATE`` that does not exist (31/04)."""
    return pick(
        lang, f"{text!r} là ngày không có thật", f"{text!r} is not a valid date: no such day"
    )


def leap_without_to_solar(lang: LangArg) -> str:
    """``convert --leap`` without ``--to-solar``."""
    return pick(lang, "--leap chỉ dùng cùng --to-solar", "--leap only applies with --to-solar")


def plan_text_without_plan(lang: LangArg) -> str:
    """``schedule --format plan-text`` without a plan."""
    return pick(lang, "--format plan-text cần --plan TỆP", "--format plan-text needs --plan FILE")


def emit_plan_one_file(lang: LangArg) -> str:
    """``lint --emit-plan`` with several files."""
    return pick(lang, "--emit-plan chỉ nhận đúng một TỆP", "--emit-plan takes exactly one FILE")


def stdin_once(lang: LangArg) -> str:
    """``lint - -``."""
    return pick(
        lang,
        "chỉ đọc được đầu vào chuẩn (-) một lần",
        "standard input (-) can be read only once",
    )


def emit_plan_without_year(lang: LangArg) -> str:
    """``lint --emit-plan`` when the document gives no year."""
    return pick(
        lang,
        "không ghi được kế hoạch: không tìm thấy năm kế hoạch; hãy thêm --year",
        "cannot write a plan: the plan year was not found; give --year",
    )


def bad_source_date_epoch(value: str, lang: LangArg) -> str:
    """A ``SOURCE_DATE_EPOCH`` that is not a Unix time."""
    return pick(
        lang,
        f"SOURCE_DATE_EPOCH phải là thời điểm Unix, không phải {value!r}",
        f"SOURCE_DATE_EPOCH must be a Unix time, not {value!r}",
    )


def bom_needs_csv(lang: LangArg) -> str:
    """``--bom`` with another format than CSV."""
    return pick(lang, "--bom chỉ dùng cùng --format csv", "--bom applies to --format csv only")


def xlsx_needs_file(lang: LangArg) -> str:
    """``--format xlsx`` without ``-o FILE`` (a workbook is no text for a terminal or a pipe)."""
    return pick(
        lang,
        "--format xlsx ghi ra tệp: thêm -o TỆP.xlsx (không in tệp Excel ra màn hình hay đường ống)",
        "--format xlsx writes a file: add -o FILE.xlsx (an Excel workbook is not printed on "
        "a terminal or a pipe)",
    )


_SHEETS: Final = {
    "schedule": ("Lịch", "Schedule"),
    "milestones": ("Ngày kỷ niệm", "Milestones"),
    "tet": ("Tết", "Tết"),
    "convert": ("Đổi ngày âm dương", "Date conversion"),
    "plan check": ("Kiểm tra kế hoạch", "Plan check"),
}


def sheet_title(command: str, lang: LangArg, years: range | None = None) -> str:
    """The title of a listing's worksheet: ``Lịch 2026``, ``Tết 2020–2030``, ``Đổi ngày âm dương``.

    ``years``: the listing's years (``None``: none said).

    Examples:
        >>> sheet_title("tet", "vi", range(2020, 2031)), sheet_title("schedule", "en", range(2026, 2027))
        ('Tết 2020–2030', 'Schedule 2026')
    """  # noqa: E501
    vi, en = _SHEETS[command]
    name = pick(lang, vi, en)
    if years is None:
        return name
    first, last = years.start, years.stop - 1
    return f"{name} {first}" if first == last else f"{name} {first}–{last}"


def bad_width(value: str, lang: LangArg) -> str:
    """A ``--width`` that is no number of columns from 40."""
    return pick(
        lang,
        f"cần số cột từ 40 trở lên, không phải {value!r}",
        f"expected a number of columns from 40, not {value!r}",
    )


def rows_detail(rows: int, lang: LangArg) -> str:
    """``12 dòng`` / ``12 rows``."""
    return pick(lang, f"{rows} dòng", f"{rows} rows")


__all__ = [
    "bad_lang_variable",
    "bad_source_date_epoch",
    "bad_width",
    "bom_needs_csv",
    "check_summary",
    "convert_line",
    "data_error",
    "default_feed_name",
    "emit_plan_one_file",
    "emit_plan_without_year",
    "error_line",
    "feed_detail",
    "file_exists",
    "internal_error",
    "leap_without_to_solar",
    "listing_date",
    "milestone_header",
    "no_milestones",
    "no_such_day",
    "not_a_date",
    "not_a_year",
    "not_years",
    "os_error",
    "plan_refused",
    "plan_text_without_plan",
    "poster_detail",
    "rows_detail",
    "sheet_title",
    "span_backwards",
    "span_outside",
    "stdin_once",
    "tet_header",
    "unchanged",
    "usage_error",
    "warning_line",
    "weekday_and_date",
    "wrote",
    "xlsx_needs_file",
    "year_out_of_range",
]
