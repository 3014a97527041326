"""The words of plans: phase windows, end events, report titles and the plan checks' messages.

Every function takes the data it describes and the language; what a plan's text names (a
commemoration of the organisation's own catalogue, a congress) is looked up in what the caller
passes — the plan's catalogue, the congress series — never in a default.

Examples:
    >>> import datetime as dt
    >>> from thidua_calendar.commemorations import default_catalog
    >>> from thidua_calendar.plans import EndEvent, Phase
    >>> phase = Phase(
    ...     "Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 9, 2), end_precision="event",
    ...     end_event=EndEvent(commemoration="quoc_khanh"),
    ... )
    >>> phase_window(phase, default_catalog(), "vi")
    'từ 01/01/2026 đến Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> phase_window(phase, default_catalog(), "en")
    '1 January 2026 – National Day (2 September 2026)'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from .._diagnostics import Texts
from .._roman import to_roman
from . import EN, date_en, date_vi, lang_of, pick
from .congresses import congress_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._vocabulary import LangArg
    from ..commemorations import Catalog
    from ..congresses import Congress, CongressSeries
    from ..organisations import Organisation
    from ..plans import Deadline, EndEvent, Phase


# --- windows and end events --------------------------------------------------------------------


def end_event_text(
    event: EndEvent, catalog: Catalog, lang: LangArg, *, series: CongressSeries | None = None
) -> str:
    """What a phase ends with: ``Đại hội XIV của Đảng``, a day's name, ``khi có thông báo``.

    Args:
        event: The end event.
        catalog: The plan's catalogue (a commemoration is named from it, so an organisation's
            own day is named as its catalogue names it).
        lang: The language.
        series: The congress series of a congress event.

    Raises:
        InvalidValueError: A congress event without its series.
    """
    lang = lang_of(lang)
    if event.congress is not None and event.ordinal is not None:
        if series is None or series.key != event.congress:
            from ..errors import InvalidValueError

            raise InvalidValueError(f"the congress series {event.congress!r} is needed")
        return congress_label(series, event.ordinal, lang, term=False)
    if event.commemoration is not None:
        entry = catalog.get(event.commemoration)
        if entry is None:
            return event.commemoration
        return pick(lang, entry.name_vi, entry.name_en)
    return pick(lang, "khi có thông báo", "to be announced")


def phase_window(
    phase: Phase, catalog: Catalog, lang: LangArg, *, series: CongressSeries | None = None
) -> str:
    """A phase's window as plans write it.

    ``từ 01/10/2025 đến khi tổ chức thành công Đại hội XIV của Đảng`` /
    ``1 October 2025 – the 14th National Congress … (23 January 2026)``.

    Args:
        phase: The phase.
        catalog: The plan's catalogue (for a phase that ends on a commemoration).
        lang: The language.
        series: The congress series, for a phase that ends with a congress.
    """
    lang = lang_of(lang)
    event = phase.end_event
    described = end_event_text(event, catalog, lang, series=series) if event else ""
    if lang is EN:
        end = date_en(phase.end) if phase.end else ""
        if event is not None:
            end = f"{described} ({end})" if phase.end and not event.tba else described
        return f"{date_en(phase.start)} – {end}"
    end = date_vi(phase.end) if phase.end else ""
    if event is not None:
        end = f"khi tổ chức thành công {described}" if event.congress else described
    return f"từ {date_vi(phase.start)} đến {end}"


# --- report titles -----------------------------------------------------------------------------


def _school_year(first: int, lang: LangArg) -> str:
    return pick(lang, f"năm học {first} - {first + 1}", f"school year {first}–{first + 1}")


def deadline_title(deadline: Deadline, lang: LangArg) -> str:
    """The title of a reporting duty: ``Sơ kết Đợt 1``, ``Báo cáo quý I/2025`` and so on.

    A school-year plan's reports are named after its school year: ``Báo cáo tổng kết năm học
    2025 - 2026``.

    Examples:
        >>> import datetime as dt
        >>> from thidua_calendar.plans import Deadline
        >>> q = Deadline(
        ...     "quarterly", dt.date(2025, 4, 15), dt.date(2025, 1, 1), dt.date(2025, 3, 31)
        ... )
        >>> deadline_title(q, "vi"), deadline_title(q, "en")
        ('Báo cáo quý I/2025', 'Report for Q1 2025')
        >>> y = Deadline(
        ...     "yearly", dt.date(2026, 6, 30), dt.date(2025, 9, 1), dt.date(2026, 8, 31),
        ...     school_year=2025,
        ... )
        >>> deadline_title(y, "vi"), deadline_title(y, "en")
        ('Báo cáo tổng kết năm học 2025 - 2026', 'Yearly report, school year 2025–2026')
    """
    lang = lang_of(lang)
    kind, end, first = deadline.kind.value, deadline.period_end, deadline.school_year
    if kind == "phase_review":
        return pick(lang, f"Sơ kết {deadline.phase}", f"Review of {deadline.phase}")
    if first is not None:
        year = _school_year(first, lang)
        if kind == "quarterly":
            number = (deadline.period_start.month - 9) % 12 // 3 + 1
            return pick(
                lang, f"Báo cáo quý {to_roman(number)} {year}", f"Report for Q{number}, {year}"
            )
        if kind == "half_year":
            return pick(lang, f"Báo cáo 6 tháng đầu {year}", f"Six-month report, {year}")
        return pick(lang, f"Báo cáo tổng kết {year}", f"Yearly report, {year}")
    if kind == "quarterly":
        number = (end.month - 1) // 3 + 1
        return pick(
            lang, f"Báo cáo quý {to_roman(number)}/{end.year}", f"Report for Q{number} {end.year}"
        )
    if kind == "half_year":
        return pick(lang, f"Báo cáo 6 tháng đầu năm {end.year}", f"Six-month report {end.year}")
    return pick(lang, f"Báo cáo tổng kết năm {end.year}", f"Yearly report {end.year}")


# --- titles of plans ---------------------------------------------------------------------------


def plan_title(year: int, *, school_year: bool = False) -> str:
    """The usual title of a plan (always Vietnamese: it is the document's own title).

    Examples:
        >>> plan_title(2026)
        'Kế hoạch phát động phong trào thi đua năm 2026'
        >>> plan_title(2025, school_year=True)
        'Kế hoạch phát động phong trào thi đua năm học 2025 - 2026'
    """
    if school_year:
        return f"Kế hoạch phát động phong trào thi đua năm học {year} - {year + 1}"
    return f"Kế hoạch phát động phong trào thi đua năm {year}"


# --- the messages of Plan.check() --------------------------------------------------------------


def no_phases() -> Texts:
    """``no-phases``."""
    return Texts(
        ("kế hoạch không có đợt thi đua nào", "thêm các bảng [[phase]]"),
        ("the plan has no phases", "add [[phase]] tables"),
    )


def phase_year_typo(label: str, wrong: int, right: int, year: int) -> Texts:
    """``phase-year-typo``: a phase dated ``wrong`` in a plan of ``year``."""
    return Texts(
        (f"{label} ghi năm {wrong} trong kế hoạch năm {year}", f"có phải là năm {right}?"),
        (f"{label} is dated {wrong} in a {year} plan", f"did you mean {right}?"),
    )


def phase_end_before_start(label: str, start: dt.date, end: dt.date) -> Texts:
    """``phase-end-before-start`` (of a document's window: a :class:`Phase` cannot be so)."""
    return Texts(
        (
            f"{label} kết thúc ({date_vi(end)}) trước khi bắt đầu ({date_vi(start)})",
            "đổi lại hai ngày hoặc sửa lỗi gõ",
        ),
        (f"{label} ends ({end}) before it starts ({start})", "swap the dates or correct the typo"),
    )


def phase_outside_period(
    label: str, start: dt.date, end: dt.date | None, period: tuple[dt.date, dt.date]
) -> Texts:
    """``phase-outside-period``."""
    first, last = period
    return Texts(
        (
            f"{label} nằm ngoài thời gian của kế hoạch ({date_vi(first)} - {date_vi(last)})",
            "sửa thời gian của đợt hoặc của kế hoạch",
        ),
        (
            f"{label} ({start} – {end or '…'}) is outside the plan period {first} – {last}",
            "adjust the phase or the plan's start/end",
        ),
    )


def missing_theme(label: str) -> Texts:
    """``missing-theme``."""
    return Texts(
        (f"{label} chưa có chủ đề", 'thêm theme = "…" nếu văn bản có chủ đề'),
        (f"{label} has no theme", 'add theme = "…" if the document gives one'),
    )


def focus_outside_phase(label: str, key: str) -> Texts:
    """``focus-outside-phase``: the phase is dedicated to ``key``, whose day is outside it."""
    return Texts(
        (
            f"{label} hướng về {key} nhưng ngày này không nằm trong thời gian của đợt",
            "chuyển sang đợt có chứa ngày đó",
        ),
        (
            f"{label} focuses on {key}, which does not fall inside its window",
            "move it to the phase that contains it",
        ),
    )


def organisation_ended(
    body: Organisation, year: int, said: str, successor: Organisation | None = None
) -> Texts:
    r"""``organisation-ended``: a plan of ``year`` names (``said``) a body that no longer exists.

    One phrase for ``plan check`` and ``lint``. ``said`` is what the plan writes: the body's
    name, or the anniversary it celebrates ("Kỷ niệm 32 năm Ngày thành lập …").

    Examples:
        >>> from thidua_calendar.organisations import organisation
        >>> body = organisation("cong_doan_vien_chuc_viet_nam")
        >>> print(organisation_ended(body, 2026, body.name_vi).vi[0].replace("; ", ";\n"))
        Công đoàn Viên chức Việt Nam đã kết thúc hoạt động từ 15/06/2025;
        kế hoạch năm 2026 nhắc đến “Công đoàn Viên chức Việt Nam”
    """
    since = body.end + dt.timedelta(days=1) if body.end else None  # "từ": the first day gone
    when_vi = f" từ {date_vi(since)}" if since else ""
    when_en = f" after {date_en(body.end)}" if body.end else ""
    if successor is not None:
        hint_vi = f"bỏ nội dung này, hoặc ghi tổ chức tiếp nhận: {successor.name_vi}"
        hint_en = f"remove it, or name the body that took over: {successor.name_vi}"
    else:
        hint_vi = "bỏ nội dung này, hoặc ghi rõ là nhắc lại sự kiện trước khi tổ chức kết thúc"
        hint_en = "remove it, or make clear it recalls an event before the body ended"
    return Texts(
        (
            f"{body.name_vi} đã kết thúc hoạt động{when_vi}; kế hoạch năm {year} nhắc đến “{said}”",
            hint_vi,
        ),
        (
            f"{body.name_vi} ({body.name_en}) ceased to exist{when_en}; this {year} plan "
            f"names “{said}”",
            hint_en,
        ),
    )


def phase_overlap(first: str, second: str, second_start: dt.date) -> Texts:
    """``phase-overlap``: ``second`` starts before ``first`` ends."""
    day_before = second_start - _DAY
    return Texts(
        (f"{first} và {second} chồng lên nhau", f"kết thúc {first} vào {date_vi(day_before)}"),
        (
            f"{first} and {second} overlap ({second_start.isoformat()} is before {first} ends)",
            f"end {first} on {day_before.isoformat()}",
        ),
    )


_DAY: Final = dt.timedelta(days=1)


def phase_gap(first: str, second: str, first_end: dt.date, days: int) -> Texts:
    """``phase-gap``: ``days`` days between two phases belong to none."""
    day_after = first_end + dt.timedelta(days=1)
    return Texts(
        (
            f"có {days} ngày giữa {first} và {second} không thuộc đợt nào",
            f"bắt đầu {second} từ {date_vi(day_after)}",
        ),
        (
            f"{days} days between {first} and {second} belong to no phase",
            f"start {second} on {day_after}",
        ),
    )


def phase_order(labels: str) -> Texts:
    """``phase-order``: the labels (listed in date order) are numbered out of order."""
    return Texts(
        (
            f"thứ tự đánh số các đợt không khớp với thời gian ({labels})",
            "đánh số lại các đợt theo thời gian",
        ),
        (f"phase labels are out of date order ({labels})", "renumber the phases in date order"),
    )


_PLAN_ERRORS: Final = (
    "kế hoạch có {n} lỗi; hãy sửa trước (thidua-calendar plan check)",
    "the plan has {n} error(s); fix them first (thidua-calendar plan check)",
)


def plan_has_errors(count: int, lang: LangArg) -> str:
    """Why a plan with errors is refused."""
    return pick(lang, *_PLAN_ERRORS).format(n=count)


def phase_events_comment(congresses: Sequence[Congress], lang: LangArg = "vi") -> str:
    """The comment under a starter plan's phase naming the events it greets."""
    parts = []
    for c in congresses:
        days = c.days
        when = ""
        if days is not None:
            first, last = date_vi(days[0]), date_vi(days[1])
            when = first if days[0] == days[1] else f"{first} - {last}"
        label = c.label(lang, term=False)
        parts.append(f"{label} ({when})" if when else label)
    return pick(lang, "Chào mừng thành công: ", "In honour of: ") + "; ".join(parts) + "."


def starter_header(year: int, template: str, lang: LangArg = "vi") -> tuple[str, ...]:
    """The comment lines opening a starter plan (``plan new``).

    The first line names the command as ``… `thidua-calendar plan new`.`` in both
    languages: it is what marks the file as the tool's (:data:`thidua_calendar._files.PLAN_HEADER`).
    """
    return (
        pick(
            lang,
            f"Kế hoạch mẫu năm {year} ({template}), viết bởi `thidua-calendar plan new`.",
            f"Starter plan for {year} ({template}), written by `thidua-calendar plan new`.",
        ),
        pick(
            lang,
            "Hãy điền chủ đề; chỉnh các đợt và danh sách ngày trọng tâm (focus) theo kế hoạch.",
            "Fill in the themes; adjust the phases and the focus lists as your plan decides.",
        ),
        pick(
            lang,
            "Định dạng: docs/plan-format.md. Kiểm tra bằng: thidua-calendar plan check TỆP",
            "Format: docs/plan-format.md. Check it with: thidua-calendar plan check FILE",
        ),
    )


def no_focus_comment(lang: LangArg = "vi") -> str:
    """The comment of a starter plan's phase in which no round anniversary falls."""
    return pick(
        lang,
        "Không có năm tròn hay năm lẻ 5 nào trong đợt này. Không có `focus` thì đợt\n"
        "hướng tới mọi ngày kỷ niệm được theo dõi trong đợt.",
        "No năm tròn or năm lẻ 5 falls in this phase. Without `focus`, the phase\n"
        "is dedicated to every followed anniversary inside it.",
    )


def follow_comment(lang: LangArg = "vi") -> str:
    """The comment after a plan file's followed categories."""
    return pick(lang, "cùng mọi ngày lễ lớn", "plus every ngày lễ lớn")


__all__ = [
    "deadline_title",
    "end_event_text",
    "focus_outside_phase",
    "follow_comment",
    "missing_theme",
    "no_focus_comment",
    "no_phases",
    "phase_end_before_start",
    "phase_events_comment",
    "phase_gap",
    "phase_order",
    "phase_outside_period",
    "phase_overlap",
    "phase_window",
    "phase_year_typo",
    "plan_has_errors",
    "plan_title",
    "starter_header",
]
