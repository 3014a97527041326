r"""The words of the plan-document checker: its findings, its report and the notes it writes.

Each finding's phrase is one function that returns the message and the suggestion in both
languages (:class:`Texts`), Vietnamese first; the checker picks nothing itself. Suggestions
say what to write in the document, so in English they quote the Vietnamese to write
("write 94 năm").

Examples:
    >>> texts = ordinal_by_dates(92, "Ngày thành lập Đoàn TNCS Hồ Chí Minh", 2025, 1931, 94)
    >>> print(texts.vi[0])
    “92 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh” không khớp với ngày tháng: 2025 − 1931 = 94
    >>> texts.vi[1], texts.en[1]
    ('94 năm', 'write 94 năm')
    >>> counts = {"error": 1, "warning": 0, "info": 0}
    >>> print(summary("plan.txt", 2025, (1, 2, 0, 1), counts, "en").replace("; ", ";\n"))
    plan.txt: plan year 2025;
    1 anniversary, 2 phases, 0 Tết mentions, 1 congress;
    1 error(s), 0 warning(s), 0 note(s)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from .._diagnostics import Texts
from .._roman import to_roman
from . import date_text, date_vi, english_ordinal, pick
from .congresses import congress_label
from .plans import organisation_ended

if TYPE_CHECKING:
    from .._diagnostics import Said
    from .._vocabulary import LangArg
    from ..commemorations import Commemoration, Origin
    from ..congresses import CongressSeries
    from ..lint._dates import DateFault


def _rewrite(vi: str, en: str, fixed: str) -> Texts:
    """A message whose suggestion is the corrected text (in English: "write …")."""
    return Texts((vi, fixed), (en, f"write {fixed}"))


def _origin(origin: Origin, lang: LangArg) -> str:
    """``03/02/1930`` / ``3 February 1930``, or the year alone when only it is known."""
    date = origin.date
    return date_text(date, lang) if date else str(origin.year)


def _statement(ordinal: int, unit: str, name: str) -> str:
    """The statement as printed: "80 ngày Cách mạng Tháng Tám" (the unit is said once)."""
    if unit == "ngày" and name.casefold().startswith("ngày"):
        return f"{ordinal} {name}"
    return f"{ordinal} {unit} {name}"


# --- the document as a whole ----------------------------------------------------------------------


def no_year() -> Texts:
    """The plan year was not found."""
    return Texts(
        (
            "không tìm thấy năm của kế hoạch; bỏ qua các kiểm tra cần đến năm",
            "ghi năm trong tên văn bản hoặc dùng --year",
        ),
        (
            "the plan year was not found; the checks that need it were skipped",
            "print the year in the title or give --year",
        ),
    )


def heading_title(rest: str) -> str:
    """The title of a plan whose "KẾ HOẠCH" heading is followed by ``rest``.

    Examples:
        >>> heading_title("Phát động phong trào thi đua năm 2020")
        'Kế hoạch phát động phong trào thi đua năm 2020'
    """
    return f"Kế hoạch {rest[:1].lower()}{rest[1:]}"


# --- dates ----------------------------------------------------------------------------------------


def incomplete_date(text: str) -> Texts:
    """A date printed with blanks: "ngày / 3 tháng 11 năm 2019"."""
    return Texts(
        (f"ngày tháng chưa đầy đủ: “{text}”", "điền đủ ngày, tháng, năm"),
        (f"incomplete date “{text}”", "fill in the day, month and year"),
    )


def _fault(fault: DateFault | None) -> Said:
    """Why a date is impossible, in Vietnamese and in English."""
    if fault is None:
        return "", ""
    if fault.part == "year":
        return f"năm {fault.value} không hợp lệ", f"year {fault.value} is not valid"
    if fault.part == "month":
        return (
            f"tháng {fault.value} không tồn tại, chỉ có tháng 1–12",
            f"there is no month {fault.value}; months are 1–12",
        )
    return (
        f"tháng {fault.value} chỉ có {fault.days} ngày",
        f"month {fault.value} has {fault.days} days",
    )


def impossible_date(text: str, fault: DateFault | None) -> Texts:
    """A date that does not exist: "15/20/2010", "31.4"."""
    vi, en = _fault(fault)
    return Texts(
        (f"ngày {text} không tồn tại: {vi}", "kiểm tra lại ngày tháng"),
        (f"{text} is not a date: {en}", "check the date"),
    )


def phase_out_of_range(text: str, years: str) -> Texts:
    """A phase dated outside the supported years (``years``: ``1901–2199``)."""
    return Texts(
        (f"“{text}”: năm nằm ngoài phạm vi kiểm tra {years}", "kiểm tra lại năm"),
        (f"“{text}”: a year outside the range {years}", "check the year"),
    )


# --- anniversaries --------------------------------------------------------------------------------


def days_for_years(ordinal: int, unit: str, name: str) -> Texts:
    """A number of days where years are meant: "80 ngày Cách mạng Tháng Tám"."""
    label = _statement(ordinal, unit, name)
    return Texts(
        (
            f"“{label}”: số năm kỷ niệm phải là “{ordinal} năm”, không phải “ngày”",
            f"{ordinal} năm",
        ),
        (
            f"“{label}”: “{ordinal} ngày” means {ordinal} days; an anniversary counts "
            f"years (“{ordinal} năm”)",
            f"write {ordinal} năm",
        ),
    )


def ordinal_by_year(
    ordinal: int, unit: str, name: str, year: int, expected: int, origin: Origin
) -> Texts:
    """A number printed without dates that the year and the catalogue's origin contradict."""
    label = _statement(ordinal, unit, name)
    return Texts(
        (
            f"“{label}”: năm {year} là {expected} năm kể từ {_origin(origin, 'vi')}",
            f"{expected} năm",
        ),
        (
            f"“{label}”: {year} is the {english_ordinal(expected)} anniversary "
            f"(since {_origin(origin, 'en')})",
            f"write {expected} năm",
        ),
    )


def ordinal_by_dates(ordinal: int, name: str, year: int, base: int, expected: int) -> Texts:
    """A number that the printed dates (or the catalogue's origin year) contradict."""
    return Texts(
        (
            f"“{ordinal} năm {name}” không khớp với ngày tháng: {year} − {base} = {expected}",
            f"{expected} năm" if expected > 0 else "kiểm tra lại các năm",
        ),
        (
            f"“{ordinal} năm” ({ordinal} years) does not match the dates: "
            f"{year} − {base} = {expected}",
            f"write {expected} năm" if expected > 0 else "check the years",
        ),
    )


def anniversary_year_wrong(
    ordinal: int, name: str, printed: str, right: str, base: int, year: int
) -> Texts:
    """An anniversary date whose year the ordinal and the plan's period contradict.

    Examples:
        >>> texts = anniversary_year_wrong(136, "Ngày sinh Chủ tịch Hồ Chí Minh", "19/5/2025",
        ...                                "19/5/2026", 1890, 2026)
        >>> texts.vi[1], texts.en[1]
        ('19/5/2026', 'write 19/5/2026')
    """
    return _rewrite(
        f"“{ordinal} năm {name}”: {ordinal} năm kể từ {base} là năm {year}, đúng với kỳ kế "
        f"hoạch; ngày kỷ niệm ghi {printed} là sai năm",
        f"“{ordinal} năm {name}”: {ordinal} years from {base} is {year}, the plan's year; "
        f"the anniversary date {printed} has the wrong year",
        right,
    )


def origin_mismatch(name: str, printed: str, origin: Origin) -> Texts:
    """An origin printed otherwise than the catalogue has it."""
    right = _origin(origin, "vi")
    return Texts(
        (f"{name}: mốc gốc ghi {printed}, nhưng danh mục ghi {right}", f"sửa thành {right}"),
        (
            f"{name}: the origin is printed {printed}; the catalogue has {_origin(origin, 'en')}",
            f"correct it to {right}",
        ),
    )


def anniversary_day_mismatch(name: str, printed: str, month: int, day: int, year: int) -> Texts:
    """An anniversary printed on another day than its origin's."""
    right = f"{day:02d}/{month:02d}"
    return Texts(
        (
            f"{name}: ngày kỷ niệm ghi {printed}, nhưng ngày kỷ niệm là {right}",
            f"{right}/{year}",
        ),
        (
            f"{name}: the anniversary is printed {printed}; it falls on {right}",
            f"write {right}/{year}",
        ),
    )


def anniversary_outside_year(
    name: str, when: dt.date, plan_year: int, corrected: str | None = None
) -> Texts:
    """An anniversary dated before the plan year (and outside every phase).

    ``corrected`` is the statement brought to the plan year, when it can be written
    ("92 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2021)").
    """
    return Texts(
        (
            f"{name}: ngày kỷ niệm {date_vi(when)} nằm ngoài năm {plan_year} của kế hoạch",
            corrected or "kiểm tra năm của ngày kỷ niệm",
        ),
        (
            f"{name}: the anniversary ({when.isoformat()}) is outside the plan year {plan_year}",
            f"write {corrected}" if corrected else "check the anniversary's year",
        ),
    )


def focus_outside_phase(
    label: str | None, start: dt.date, end: dt.date | None, commemoration: Commemoration
) -> Texts:
    """A phase dedicated to an anniversary that falls outside its window."""
    label = label or "đợt"
    last = date_vi(end) if end else "…"
    return Texts(
        (
            f"{label} ({date_vi(start)} - {last}) hướng về {commemoration.name_vi}, nhưng ngày "
            "kỷ niệm nằm ngoài thời gian của đợt",
            "chuyển nội dung này sang đợt có chứa ngày kỷ niệm, hoặc sửa thời gian của đợt",
        ),
        (
            f"{label} ({start.isoformat()} – {end or '…'}) is dedicated to "
            f"{commemoration.name_en}, which falls outside the phase",
            "move it to the phase that contains the day, or change the phase's window",
        ),
    )


# --- Tết ------------------------------------------------------------------------------------------


def can_chi_of_year(year: int, right: str, printed: str) -> Texts:
    """A Tết printed with a year of another can-chi name: "Tết Canh Tý 2021"."""
    return Texts(
        (f"năm {year} là năm {right}, không phải {printed}", right),
        (f"{year} is the year {right}, not {printed}", f"write {right}"),
    )


def can_chi_of_plan(plan_year: int, right: str, printed: str, meant: int | None) -> Texts:
    """A can-chi name of neither the plan year nor the next: "Xuân Giáp Thìn" in 2025."""
    where_vi = f" (năm {meant})" if meant else ""
    where_en = f" ({meant})" if meant else ""
    return Texts(
        (f"kế hoạch năm {plan_year} (năm {right}) nhưng nhắc Xuân/Tết {printed}{where_vi}", right),
        (
            f"a {plan_year} plan ({right}) mentions the Tết of {printed}{where_en}",
            f"write {right}",
        ),
    )


# --- congresses -----------------------------------------------------------------------------------


def _congress(series: CongressSeries, ordinal: int, lang: LangArg) -> str:
    return congress_label(series, ordinal, lang, term=False)


def congress_term_of_another(
    series: CongressSeries, ordinal: int, term: tuple[int, int], right: int
) -> Texts:
    """A congress printed with the term of another congress of its series."""
    first, last = term
    right_vi = _congress(series, right, "vi")
    return _rewrite(
        f"{_congress(series, ordinal, 'vi')} ghi nhiệm kỳ {first}-{last}, nhưng nhiệm kỳ "
        f"{first}-{last} là của {right_vi}",
        f"{_congress(series, ordinal, 'en')} is printed with the term {first}–{last}, "
        f"which is that of {_congress(series, right, 'en')}",
        right_vi,
    )


def congress_term_wrong(
    series: CongressSeries, ordinal: int, term: tuple[int, int], printed: tuple[int, int]
) -> Texts:
    """A congress printed with a term that is no congress's."""
    right = f"{term[0]}-{term[1]}"
    wrong = f"{printed[0]}-{printed[1]}"
    return Texts(
        (
            f"{_congress(series, ordinal, 'vi')} có nhiệm kỳ {right}, không phải {wrong}",
            f"nhiệm kỳ {right}",
        ),
        (
            f"{_congress(series, ordinal, 'en')} has the term {right}, not {wrong}",
            f"write nhiệm kỳ {right}",
        ),
    )


def congress_year(series: CongressSeries, ordinal: int, year: int, printed: int) -> Texts:
    """A congress printed with another year than the one it met in."""
    return Texts(
        (
            f"{_congress(series, ordinal, 'vi')} họp năm {year}, không phải năm {printed}",
            f"năm {year}",
        ),
        (
            f"{_congress(series, ordinal, 'en')} met in {year}, not {printed}",
            f"write năm {year}",
        ),
    )


def congress_beyond_latest(
    plan_year: int,
    series: CongressSeries,
    ordinal: int,
    latest: int,
    latest_year: int,
    meant: int,
) -> Texts:
    """A plan names a congress beyond the next one of its series."""
    meant_vi = _congress(series, meant, "vi")
    return _rewrite(
        f"kế hoạch năm {plan_year} nhắc {_congress(series, ordinal, 'vi')}, nhưng đại hội "
        f"gần nhất là {_congress(series, latest, 'vi')} (năm {latest_year})",
        f"a {plan_year} plan names {_congress(series, ordinal, 'en')}, but the latest is "
        f"{_congress(series, latest, 'en')} ({latest_year})",
        meant_vi,
    )


def congress_already_met(
    plan_year: int, series: CongressSeries, ordinal: int, held: int | None, following: int
) -> Texts:
    """A plan looks ahead to a congress that has already met."""
    when_vi = f" năm {held}" if held else ""
    when_en = f" in {held}" if held else ""
    following_vi = _congress(series, following, "vi")
    return _rewrite(
        f"kế hoạch năm {plan_year} hướng tới {_congress(series, ordinal, 'vi')}, nhưng đại "
        f"hội này đã họp{when_vi}",
        f"a {plan_year} plan looks ahead to {_congress(series, ordinal, 'en')}, which met{when_en}",
        following_vi,
    )


# --- the report -----------------------------------------------------------------------------------

_PLURALS: Final = {"anniversary": "anniversaries", "congress": "congresses"}


def _count(number: int, word: str) -> str:
    """``1 phase``, ``2 phases``, ``3 anniversaries``."""
    return f"{number} {word if number == 1 else _PLURALS.get(word, word + 's')}"


def summary(
    path: str,
    year: int | None,
    sizes: tuple[int, int, int, int],
    counts: Mapping[str, int],
    lang: LangArg,
) -> str:
    """The last line of a text report: what was extracted and found.

    Args:
        path: The file checked.
        year: The plan year, if known.
        sizes: How many anniversaries, phases, Tết mentions and congresses were extracted.
        counts: How many findings of each severity (``error``, ``warning``, ``info``).
        lang: The language.
    """
    errors, warnings, notes = counts["error"], counts["warning"], counts["info"]
    anniversaries, phases, tet, congresses = sizes
    vi_year = f"kế hoạch năm {year}" if year else "không rõ năm kế hoạch"
    en_year = f"plan year {year}" if year else "no plan year found"
    found = ", ".join(
        _count(n, word)
        for n, word in zip(sizes, ("anniversary", "phase", "Tết mention", "congress"), strict=True)
    )
    return pick(
        lang,
        f"{path}: {vi_year}; {anniversaries} ngày kỷ niệm, {phases} đợt thi đua, {tet} lần nhắc "
        f"Tết, {congresses} đại hội; {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú",
        f"{path}: {en_year}; {found}; {errors} error(s), {warnings} warning(s), {notes} note(s)",
    )


# --- notes of the plan written from a document ----------------------------------------------------


def until_semester(number: int) -> str:
    """``đến hết học kỳ I`` (1), ``đến hết học kỳ II`` (2), ``đến hết năm học`` (3)."""
    return "đến hết " + {1: "học kỳ I", 2: "học kỳ II", 3: "năm học"}.get(number, "")


def until_congress(ordinal: int) -> str:
    """``đến khi tổ chức thành công Đại hội XIV``."""
    return f"đến khi tổ chức thành công Đại hội {to_roman(ordinal)}"


def until_day(name: str) -> str:
    """``đến Ngày thành lập Công đoàn Việt Nam`` (a day whose next occurrence is unknown)."""
    return f"đến {name}"


# --- issue 15: phases, events, last year's text, the document's form --------------------------


def phase_label(printed: str, expected: str) -> Texts:
    """A phase label whose numeral is no number ("Đợt I1" between "Đợt I" and "Đợt III")."""
    return Texts(
        (f"nhãn “{printed}” không phải số thứ tự đợt: có lẽ là “{expected}”", expected),
        (f"the label “{printed}” is no phase number: probably “{expected}”", f"write {expected}"),
    )


def lunar_day_date(name: str, printed: dt.date, right: dt.date, lunar: str) -> Texts:
    """A lunar day printed with a solar date that is not its date that year."""
    return Texts(
        (
            f"{name} ({lunar} âm lịch) năm {right.year} là ngày {date_vi(right)}, "
            f"không phải {date_vi(printed)}",
            date_vi(right),
        ),
        (
            f"{name} ({lunar} of the lunar calendar) falls on {date_text(right, 'en')} in "
            f"{right.year}, not {date_text(printed, 'en')}",
            f"write {date_vi(right)}",
        ),
    )


def stale_text(plan_year: int, behind: int, fixed: str) -> Texts:
    """A sentence whose every ordinal and date is one year behind the plan's period."""
    return _rewrite(
        f"câu này có lẽ chép từ kế hoạch năm {behind}: mọi số năm và ngày tháng đều chậm "
        f"một năm so với kế hoạch năm {plan_year}",
        f"this sentence looks copied from the {behind} plan: every ordinal and date is one "
        f"year behind the {plan_year} plan",
        fixed,
    )


def title_body_ordinal(name: str, title: int, body: int, right: int) -> Texts:
    """The title and the body count the same commemoration differently."""
    return Texts(
        (
            f"tiêu đề ghi {title} năm, nội dung ghi {body} năm cho cùng một sự kiện ({name})",
            f"{right} năm",
        ),
        (
            f"the title counts {title} years and the body {body} for the same event ({name})",
            f"write {right} năm",
        ),
    )


def congress_met_before(
    plan_year: int, series: CongressSeries, ordinal: int, held: int, following: int
) -> Texts:
    """A plan names as still to come a congress (or election) held in an earlier year."""
    following_vi = _congress(series, following, "vi")
    return _rewrite(
        f"kế hoạch năm {plan_year} nhắc {_congress(series, ordinal, 'vi')} như sắp diễn ra, "
        f"nhưng đã diễn ra năm {held}",
        f"a {plan_year} plan names {_congress(series, ordinal, 'en')} as still to come, but "
        f"it was held in {held}",
        following_vi,
    )


def term_length(printed: str, years: int, suggested: str) -> Texts:
    """A term (khóa, nhiệm kỳ) of a body whose terms are five years, printed as another span."""
    return _rewrite(
        f"“{printed}” không phải một nhiệm kỳ ({years} năm); nhiệm kỳ của tổ chức này là 5 năm",
        f"“{printed}” is no term ({years} year(s)); this body's terms are five years",
        suggested,
    )


def form_number() -> Texts:
    """A formal document whose number line is missing or not "Số: …/KH-…"."""
    return Texts(
        ("văn bản có quốc hiệu nhưng không có dòng “Số: …/KH-…” (Nghị định 30/2020)", "Số: …/KH-…"),
        (
            "a document with the national header but no “Số: …/KH-…” line (Decree 30/2020)",
            "add Số: …/KH-…",
        ),
    )


def form_zero(printed: str, fixed: str) -> Texts:
    """The date line writes a day below 10 or a month below 3 without its leading zero."""
    return _rewrite(
        f"“{printed}”: ngày dưới 10 và tháng dưới 3 phải ghi thêm số 0 (Nghị định 30/2020)",
        f"“{printed}”: a day below 10 and a month below 3 take a leading zero (Decree 30/2020)",
        fixed,
    )


__all__ = [
    "Texts",
    "anniversary_day_mismatch",
    "anniversary_outside_year",
    "can_chi_of_plan",
    "can_chi_of_year",
    "congress_already_met",
    "congress_beyond_latest",
    "congress_met_before",
    "congress_term_of_another",
    "congress_term_wrong",
    "congress_year",
    "days_for_years",
    "focus_outside_phase",
    "form_number",
    "form_zero",
    "heading_title",
    "impossible_date",
    "incomplete_date",
    "lunar_day_date",
    "no_year",
    "ordinal_by_dates",
    "ordinal_by_year",
    "organisation_ended",
    "origin_mismatch",
    "phase_label",
    "phase_out_of_range",
    "stale_text",
    "summary",
    "term_length",
    "title_body_ordinal",
    "until_congress",
    "until_day",
    "until_semester",
]


def stale_school_year(printed: str, school_year: str, fixed: str) -> Texts:
    """Last school year's text in a school-year plan: "năm học 2023 - 2024" in 2024 – 2025."""
    return _rewrite(
        f"“{printed}” trong kế hoạch năm học {school_year}: câu này có lẽ chép từ kế hoạch "
        "năm học trước",
        f"“{printed}” in the plan for the school year {school_year}: this sentence looks "
        "copied from last school year's plan",
        fixed,
    )


def same_year_comparison(printed: str, year: int, fixed: str) -> Texts:
    """A result of a year compared with that same year ("… năm 2022 … so với năm 2022")."""
    return _rewrite(
        f"“{printed}”: kết quả năm {year} không thể so với chính năm {year}; có lẽ là "
        f"năm {year - 1}",
        f"“{printed}”: a result of {year} cannot be compared with {year} itself; "
        f"{year - 1} is probably meant",
        fixed,
    )


def review_year(printed: str, reviewed: int, fixed: str) -> Texts:
    """A review conference of one year voting on the achievements of the year before."""
    return _rewrite(
        f"hội nghị tổng kết năm {reviewed} bình xét thành tích “{printed}”: có lẽ câu này "
        "chép từ năm trước",
        f"the review of {reviewed} votes on the achievements of “{printed}”: this "
        "sentence looks copied from last year",
        fixed,
    )


def plan_period(printed: str, span: int, fixed: str) -> Texts:
    """A five-year socio-economic plan printed with a period that is not one."""
    return _rewrite(
        f"“{printed}”: các kế hoạch {span} năm theo giai đoạn 2016 - 2020, 2021 - 2025, "
        "2026 - 2030",
        f"“{printed}”: the {span}-year plans run 2016 - 2020, 2021 - 2025, 2026 - 2030",
        fixed,
    )


def truncated_year(printed: str, fixed: str | None) -> Texts:
    """A date whose year lost a digit: "30/4/202"."""
    return Texts(
        (f"năm của ngày “{printed}” thiếu chữ số", fixed or "viết đủ bốn chữ số của năm"),
        (
            f"the year of “{printed}” is missing a digit",
            f"write {fixed}" if fixed else "write the year's four digits",
        ),
    )


def namesake(name: str, ordinal: int, meant: str, own_origin: int, own_ordinal: int) -> Texts:
    """A day's name counted from its namesake's origin ("93 năm Ngày Phụ nữ Việt Nam")."""
    return Texts(
        (
            f"{ordinal} năm là tính từ {meant}; “{name}” có từ năm {own_origin} "
            f"({own_ordinal} năm)",
            f"{ordinal} năm {meant}",
        ),
        (
            f"{ordinal} years count from {meant}; “{name}” dates from {own_origin} "
            f"({own_ordinal} years)",
            f"write {ordinal} năm {meant}",
        ),
    )


def year_range(printed: str, fixed: str | None) -> Texts:
    """A range from a year to itself: "năm học 2025-2025"."""
    return Texts(
        (f"“{printed}” không phải một khoảng năm", fixed or "sửa năm đầu hoặc năm cuối"),
        (
            f"“{printed}” is no range of years",
            f"write {fixed}" if fixed else "correct the first or the last year",
        ),
    )


def review_date(printed: str, first: str, last: int, fixed: str) -> Texts:
    """A review of a school year dated before the year's second half began."""
    return _rewrite(
        f"văn bản tổng kết năm học {first} - {last} không thể đề ngày {printed}, khi năm "
        "học chưa kết thúc",
        f"a review of the school year {first} - {last} cannot be dated {printed}, before "
        "the year ended",
        fixed,
    )


def plan_citation(printed: str, issued: int, fixed: str) -> Texts:
    """A document of one five-year cycle cited as the resolution on the next one's plan."""
    return _rewrite(
        f"“{printed}” ban hành năm {issued}, là văn bản về kế hoạch 5 năm của giai đoạn đó",
        f"“{printed}” was issued in {issued}: it concerns that cycle's five-year plan",
        fixed,
    )
