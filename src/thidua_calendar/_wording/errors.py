"""The words of the library's errors that a clerk meets on the command line, Vietnamese first.

Each function gives the pair ``(vi, en)``: the English is the error's message
(``str(error)``, what a Python user reads and matches), the Vietnamese its
:attr:`~thidua_calendar.errors.ThiduaError.message_vi`, which the command line shows unless
``--lang en`` (:func:`in_lang`). Raising sites unpack the pair: ``vi, en = year_outside(…)``,
``raise OutOfRangeError(en, vi=vi)``.

Examples:
    >>> year_outside(1800, "1901–2199", "first year")
    ('năm 1800 nằm ngoài khoảng được hỗ trợ 1901–2199', 'first year 1800 is outside the supported range 1901–2199')
    >>> from thidua_calendar.errors import OutOfRangeError
    >>> vi, en = year_outside(1800, "1901–2199")
    >>> in_lang(OutOfRangeError(en, vi=vi), "vi")
    'năm 1800 nằm ngoài khoảng được hỗ trợ 1901–2199'
    >>> in_lang(OutOfRangeError(en, vi=vi), "en")
    'year 1800 is outside the supported range 1901–2199'
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from . import date_vi, pick

if TYPE_CHECKING:
    from .._vocabulary import LangArg
    from ..errors import ThiduaError

Pair = tuple[str, str]


def in_lang(exc: ThiduaError, lang: LangArg) -> str:
    """An error's message in a language: its Vietnamese when it has one, else its English."""
    english = str(exc)
    return pick(lang, exc.message_vi or english, english)


# --- years and dates ------------------------------------------------------------------------


def year_outside(year: int, supported: str, field: str = "year") -> Pair:
    """A year outside the tables (``field`` names it in English: ``first year``)."""
    return (
        f"năm {year} nằm ngoài khoảng được hỗ trợ {supported}",
        f"{field} {year} is outside the supported range {supported}",
    )


def date_outside(date: dt.date, first: dt.date, last: dt.date) -> Pair:
    """A day outside the lunar tables."""
    return (
        f"ngày {date_vi(date)} nằm ngoài khoảng được hỗ trợ {date_vi(first)} – {date_vi(last)}",
        f"{date.isoformat()} is outside the supported range "
        f"{first.isoformat()} to {last.isoformat()}",
    )


def date_outside_years(field: str, date: dt.date, supported: str) -> Pair:
    """A plan's date (``field``: ``start``) outside the supported years."""
    return (
        f"{field} {date_vi(date)} nằm ngoài các năm được hỗ trợ {supported}",
        f"{field} {date.isoformat()} is outside the supported years {supported}",
    )


def lunar_year_outside(year: int, first: int, last: int) -> Pair:
    """A lunar year outside the tables."""
    return (
        f"năm âm lịch {year} nằm ngoài khoảng được hỗ trợ {first}–{last}",
        f"lunar year {year} is outside the supported range {first}–{last}",
    )


def no_such_leap_month(year: int, month: int, leap_month: int) -> Pair:
    """A leap month the lunar year does not have (``leap_month``: its own, 0 for none)."""
    has_vi = (
        f"tháng nhuận của năm là tháng {leap_month}" if leap_month else "năm không có tháng nhuận"
    )
    return (
        f"năm âm lịch {year} không có tháng {month} nhuận; {has_vi}",
        f"lunar year {year} has no leap month {month}; "
        + (f"its leap month is {leap_month}" if leap_month else "it has no leap month"),
    )


# --- catalogue, days off ----------------------------------------------------------------------


def unknown_commemoration(key: str, close: Sequence[str]) -> Pair:
    """A commemoration key the catalogue does not have, with close keys if any."""
    return (
        f"không có ngày kỷ niệm nào mang khóa {key!r}"
        + (f"; có phải là {', '.join(close)}?" if close else ""),
        f"unknown commemoration {key!r}" + (f"; did you mean {', '.join(close)}?" if close else ""),
    )


def no_days_off_data(year: int, known: str) -> Pair:
    """A year the days-off data does not cover (``known``: the years it does)."""
    return (
        f"chưa có dữ liệu ngày nghỉ năm {year}: lịch nghỉ của cơ quan nhà nước mới có cho "
        f"{known} (data/days-off.toml); một năm được thêm khi có thông báo chính thức",
        f"no days-off data for {year}: the public-sector calendar is known for {known} "
        "(data/days-off.toml); a year is added when its official notice is out",
    )


def days_off_known_until(date: dt.date, until: dt.date, notes: str) -> Pair:
    """A day after the last one the year's days-off data answers for (``notes``: why)."""
    return (
        f"ngày nghỉ năm {date.year} mới biết đến {date_vi(until)}"
        + (f" ({notes})" if notes else "")
        + f"; chưa trả lời được cho ngày {date_vi(date)}",
        f"the days off of {date.year} are known only up to {until.isoformat()} "
        f"({notes or 'no later notice found'}); {date.isoformat()} is not answered",
    )


# --- files -----------------------------------------------------------------------------------


def output_exists(path: object) -> Pair:
    """An output file the tool did not write (never replaced without ``--force``)."""
    return (
        f"{path} đã có và không do thidua-calendar ghi; dùng --force để ghi đè",
        f"{path} exists and was not written by thidua-calendar; use --force to replace it",
    )


def file_too_large(limit: str) -> Pair:
    """An input file larger than the limit (``limit``: ``1 MB``)."""
    return (
        f"tệp lớn hơn giới hạn {limit}",
        f"the file is larger than {limit}, the limit",
    )


def poster_extension(suffix: str, name: str) -> Pair:
    """A poster file name with no known extension (``suffix`` as found, ``""``: none)."""
    return (
        "không vẽ được lịch treo tường thành tệp "
        + (f"{suffix!r}" if suffix else "không có phần mở rộng")
        + f": đặt tên tệp .svg, .html hoặc .pdf ({name})",
        "cannot write a poster as "
        + (f"{suffix!r}" if suffix else "no extension")
        + f": name the file .svg, .html or .pdf ({name})",
    )


def poster_plan_elsewhere(start: dt.date, end: dt.date, year: int, *, school_year: bool) -> Pair:
    """A poster of a year (or school year) that the plan does not touch."""
    shown_vi = f"năm học {year}–{year + 1}" if school_year else f"năm {year}"
    shown_en = f"the school year {year}–{year + 1}" if school_year else f"the year {year}"
    return (
        f"kế hoạch từ {date_vi(start)} đến {date_vi(end)}, không thuộc {shown_vi}",
        f"the plan covers {start.isoformat()} – {end.isoformat()}, not {shown_en}",
    )


def xlsx_needed() -> Pair:
    """A spreadsheet asked for without openpyxl (the ``xlsx`` extra)."""
    return (
        'tạo tệp .xlsx cần gói openpyxl: pip install "thidua-calendar[xlsx]"',
        'writing an .xlsx file needs openpyxl: pip install "thidua-calendar[xlsx]"',
    )


def empty_feed() -> Pair:
    """A feed of nothing."""
    return (
        "không có mục nào được chọn để đưa vào lịch",
        "the selection is empty: no event to put in the feed",
    )


# --- fields of plan and catalogue files ----------------------------------------------------

_KINDS_VI: Final = {
    "a string": "chữ",
    "an integer": "số nguyên",
    "a number": "số",
    "a boolean": "true/false",
    "a list": "danh sách",
    "a table": "bảng",
}


def kind_vi(kind: str) -> str:
    """A TOML value's kind (``an integer``) in Vietnamese (``số nguyên``)."""
    return _KINDS_VI.get(kind, kind)


def phase_label(label: str | None, number: int) -> Pair:
    """How a plan's ``[[phase]]`` is named in messages: by its label, else its number."""
    if label is None:
        return f"đợt thứ {number}", f"phase #{number}"
    return f"đợt {label!r}", f"phase {label!r}"


def commemoration_label(key: str | None, number: int) -> Pair:
    """How a catalogue's ``[[commemoration]]`` is named: by its key, else its number."""
    if key is None:
        return f"ngày kỷ niệm thứ {number}", f"commemoration #{number}"
    return f"ngày kỷ niệm {key!r}", f"commemoration {key!r}"


def unknown_field(name: str, allowed: Sequence[str]) -> Pair:
    """A field the table does not have (a typo must not be ignored)."""
    return (
        f"không có trường {name!r} (các trường được dùng: {', '.join(allowed)})",
        f"unknown field {name!r} (expected one of: {', '.join(allowed)})",
    )


def missing_field(field: str) -> Pair:
    """A required field that is absent."""
    return f"thiếu trường {field!r}", f"missing field {field!r}"


def wrong_kind(field: str, wanted: str, kind: str) -> Pair:
    """A field of the wrong TOML kind (``wanted``: ``a string``, ``an integer`` …)."""
    wanted_vi = {"true or false": "true hoặc false"}.get(wanted, kind_vi(wanted))
    return (
        f"{field} phải là {wanted_vi}, không phải {kind_vi(kind)}",
        f"{field} must be {wanted}, not {kind}",
    )


def out_of_bounds(field: str, low: int | None, high: int | None, value: int) -> Pair:
    """An integer outside its bounds."""
    return (
        f"{field} phải trong khoảng {low}–{high}, không phải {value}",
        f"{field} must be {low}–{high}, not {value}",
    )


def not_strings(field: str) -> Pair:
    """A field that must be a list of strings."""
    return f"{field} phải là danh sách các chuỗi chữ", f"{field} must be a list of strings"


def not_one_of(field: str, choices: Sequence[str], value: str) -> Pair:
    """A string field with a value it does not allow."""
    return (
        f"{field} phải là một trong {', '.join(choices)}, không phải {value!r}",
        f"{field} must be one of {', '.join(choices)}, not {value!r}",
    )


def not_iso_date(field: str, shown: str) -> Pair:
    """A date field that is no ``YYYY-MM-DD`` date (``shown``: the value, quoted, or its kind)."""
    return (
        f"{field} phải là ngày dạng YYYY-MM-DD, không phải {kind_vi(shown)}",
        f"{field} must be a date YYYY-MM-DD, not {shown}",
    )


def ends_before_start(what: str, start: dt.date, end: dt.date) -> Pair:
    """A plan or a phase that ends before it starts (``what``: ``plan`` or ``phase``)."""
    what_vi = {"plan": "kế hoạch", "phase": "đợt"}[what]
    return (
        f"{what_vi} kết thúc ({date_vi(end)}) trước khi bắt đầu ({date_vi(start)})",
        f"the {what} ends ({end}) before it starts ({start})",
    )


def unknown_category(name: str, allowed: str) -> Pair:
    """A category the catalogue does not have."""
    return (
        f"không có nhóm {name!r}; chọn trong {allowed}",
        f"unknown category {name!r}; choose from {allowed}",
    )


def unknown_plan_tables(names: Sequence[str]) -> Pair:
    """Tables a plan file does not have."""
    return (
        f"không có bảng {', '.join(names)}; một kế hoạch gồm [plan], [follow], [[phase]] và "
        "[reporting]",
        f"unknown table(s) {', '.join(names)}; a plan has [plan], [follow], [[phase]] and "
        "[reporting]",
    )


def missing_plan_table() -> Pair:
    """A plan file without ``[plan]``."""
    return (
        "thiếu bảng [plan] (title, year …)",
        "missing [plan] table (title, year …)",
    )


def missing_phase_end() -> Pair:
    """A phase without an end."""
    return (
        "thiếu end (một ngày, một tháng, hoặc end_event = {…})",
        "missing end (a date, a month, or end_event = {…})",
    )


def empty_label() -> Pair:
    """A phase whose label is empty."""
    return "label không được để trống", "label must not be empty"


__all__ = [
    "Pair",
    "commemoration_label",
    "date_outside",
    "date_outside_years",
    "days_off_known_until",
    "empty_feed",
    "empty_label",
    "ends_before_start",
    "file_too_large",
    "in_lang",
    "kind_vi",
    "lunar_year_outside",
    "missing_field",
    "missing_phase_end",
    "missing_plan_table",
    "no_days_off_data",
    "no_such_leap_month",
    "not_iso_date",
    "not_one_of",
    "not_strings",
    "out_of_bounds",
    "output_exists",
    "phase_label",
    "poster_extension",
    "poster_plan_elsewhere",
    "unknown_category",
    "unknown_commemoration",
    "unknown_field",
    "unknown_plan_tables",
    "wrong_kind",
    "xlsx_needed",
    "year_outside",
]


# --- [reporting] and end_event of a plan file ----------------------------------------------------


def rule_shape(name: str) -> Pair:
    """A reporting rule that is not a table of the rule's fields."""
    return (
        f"{name} phải là một bảng như {{ day = 15, months_after = 1 }} hoặc {{ days_after = 10 }}",
        f"{name} must be a table such as {{ day = 15, months_after = 1 }} or {{ days_after = 10 }}",
    )


def rule_flag(name: str, field: str) -> Pair:
    """A reporting rule's true/false field given something else."""
    return (f"{name}.{field} phải là true hoặc false", f"{name}.{field} must be true or false")


def rule_integer(name: str, field: str) -> Pair:
    """A reporting rule's number given something else."""
    return (f"{name}.{field} phải là một số nguyên", f"{name}.{field} must be an integer")


def rule_bounds(name: str, field: str, low: int, high: int, value: int) -> Pair:
    """A reporting rule's number out of its range."""
    return (
        f"{name}.{field} phải từ {low} đến {high}, không phải {value}",
        f"{name}.{field} must be {low}–{high}, not {value}",
    )


def rule_both(name: str) -> Pair:
    """A reporting rule with a day of a month and a count of days."""
    return (
        f"{name} ghi day và months_after, hoặc days_after, không ghi cả hai",
        f"{name} gives day and months_after, or days_after, not both",
    )


def rule_empty(name: str) -> Pair:
    """A reporting rule with none of its fields."""
    return (
        f"{name} cần day (cùng months_after), months_after hoặc days_after",
        f"{name} needs day (with months_after), months_after or days_after",
    )


def end_event_unknown(detail: str) -> Pair:
    """A phase anchored to an event the catalogue does not have."""
    return (f"gắn với một sự kiện không có: {detail}", f"anchor to an unknown event: {detail}")


def end_event_not_after(key: str) -> Pair:
    """A phase anchored to a day that does not come after it starts."""
    return (
        f"{key} không rơi vào sau ngày bắt đầu đợt",
        f"{key} does not occur after the phase starts",
    )


def end_event_tba() -> Pair:
    """An end event that is neither a congress, a day nor "to be announced"."""
    return ("tba phải là true", "tba must be true")


def end_event_expected(shown: str) -> Pair:
    """An expected end that is not a date."""
    return (
        f'expected phải là một ngày "YYYY-MM-DD", không phải {shown}',
        f'expected must be a date "YYYY-MM-DD", not {shown}',
    )


def end_event_expected_early(expected: dt.date) -> Pair:
    """An expected end before the phase starts."""
    return (
        f"đợt dự kiến kết thúc ({date_vi(expected)}) trước khi bắt đầu",
        f"the phase is expected to end ({expected}) before it starts",
    )
