"""Plans built in code: the usual phase shapes, and the starter plans of ``plan new``.

Every starter plan passes its own ``plan check`` with no error or warning (only a
``missing-theme`` note for each theme left to write):

- ``halves``: Đợt 1 January–June, Đợt 2 July–December;
- ``quarters``: one đợt a quarter;
- ``school-year``: a school year (năm học ``year`` - ``year + 1``, 1 September to 31 August,
  see :func:`~thidua_calendar.plans.year_span`) in its two semesters, Học kỳ I September–
  December and Học kỳ II January–May, following Ngày Nhà giáo Việt Nam; the sơ kết of each
  semester is due 10 days after it, the tổng kết năm học on 30 June, after teaching ends.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._years import LAST_YEAR, check_date, check_year
from ..commemorations import Catalog
from ..errors import InvalidTypeError, InvalidValueError, OutOfRangeError
from ._model import EndEvent, Phase, Plan, Reporting, ReportRule, year_span
from ._write import plan_toml

if TYPE_CHECKING:
    from .._vocabulary import LangArg


def halves(year: int, themes: Sequence[str | None] = (None, None)) -> tuple[Phase, ...]:
    """Two phases: January–June and July–December.

    Examples:
        >>> [p.window() for p in halves(2026)]
        ['từ 01/01/2026 đến 30/06/2026', 'từ 01/07/2026 đến 31/12/2026']
    """
    year = check_year(year)
    if isinstance(themes, str) or not isinstance(themes, Sequence) or len(themes) != 2:
        raise InvalidTypeError(f"themes must be a pair of themes (or None), not {themes!r}")
    return (
        Phase("Đợt 1", dt.date(year, 1, 1), dt.date(year, 6, 30), themes[0]),
        Phase("Đợt 2", dt.date(year, 7, 1), dt.date(year, 12, 31), themes[1]),
    )


def quarters(year: int) -> tuple[Phase, ...]:
    """Four phases, one per quarter."""
    year = check_year(year)
    return tuple(
        Phase(
            f"Đợt {q + 1}",
            dt.date(year, 3 * q + 1, 1),
            dt.date(year, 3 * q + 3, _calendar.monthrange(year, 3 * q + 3)[1]),
        )
        for q in range(4)
    )


def school_year(first_year: int) -> tuple[Phase, ...]:
    """A school year in two semesters: September–December and January–May.

    Examples:
        >>> [p.window() for p in school_year(2025)]
        ['từ 01/09/2025 đến 31/12/2025', 'từ 01/01/2026 đến 31/05/2026']
    """
    first_year = check_year(first_year, "first_year")
    check_year(first_year + 1, "first_year + 1")
    return (
        Phase("Học kỳ I", dt.date(first_year, 9, 1), dt.date(first_year, 12, 31)),
        Phase("Học kỳ II", dt.date(first_year + 1, 1, 1), dt.date(first_year + 1, 5, 31)),
    )


def until_event(
    label: str, start: dt.date, event: EndEvent, *, catalog: Catalog | None = None
) -> Phase:
    """A phase from a date until an event ("đến khi tổ chức thành công Đại hội XIV").

    Args:
        label: The label.
        start: The first day.
        event: The end event.
        catalog: The catalogue of a commemoration event (the plan's; default: the shipped one).

    Raises:
        InvalidTypeError: ``start`` is not a date or ``event`` not an :class:`EndEvent`.
        InvalidValueError: The commemoration of the event does not occur within a year of
            ``start``.

    Examples:
        >>> p = until_event("Đợt 1", dt.date(2025, 10, 1), EndEvent(congress="party", ordinal=14))
        >>> p.end
        datetime.date(2026, 1, 23)
        >>> p.window()
        'từ 01/10/2025 đến khi tổ chức thành công Đại hội XIV của Đảng'
    """
    start = check_date(start, "start")
    if not isinstance(event, EndEvent):
        raise InvalidTypeError(f"event must be an EndEvent, not {type(event).__name__}")
    end: dt.date | None = event.expected
    if event.congress is not None and event.ordinal is not None:
        from ..congresses import congress_series

        congress = congress_series(event.congress).by_ordinal(event.ordinal)
        end = congress.end or congress.start
    elif event.commemoration is not None:
        from .._milestones import next_occurrence

        found = next_occurrence(event.commemoration, start, catalog=catalog)
        if found is None:
            raise InvalidValueError(
                f"{event.commemoration} does not occur on or after {start} (the phase's start)"
            )
        end = found.date
    return Phase(label, start, end, end_precision="event", end_event=event)


def make_plan(title: str, year: int, phases: Iterable[Phase], **fields: Any) -> Plan:
    """A plan built in code (the period defaults to the span of the phases and the plan year).

    Args:
        title: The title.
        year: The plan year.
        phases: The phases.
        **fields: Other :class:`~thidua_calendar.plans.Plan` fields (``school_year=True``
            for a school year: the plan year is then its :func:`year_span`).
    """
    phases = tuple(phases)
    first, last = year_span(year, school_year=bool(fields.get("school_year", False)))
    fields.setdefault("start", min([p.start for p in phases] + [first]))
    fields.setdefault("end", max([p.end for p in phases if p.end] + [last]))
    return Plan(title=title, year=year, phases=phases, **fields)


TEMPLATES: Final = ("halves", "quarters", "school-year")
"""The starter plans of ``plan new``."""

_TEACHERS_DAY: Final = "nha_giao_viet_nam"


def starter_plan(
    year: int,
    template: str = "halves",
    *,
    organisation: str = "",
    categories: Iterable[str] | None = None,
) -> Plan:
    """The starter plan of a template: its phases, each with its round anniversaries as focus.

    Round anniversaries are the năm tròn and năm lẻ 5 of the followed days (the ngày lễ lớn
    and the days of ``categories``; a school year also Ngày Nhà giáo Việt Nam) that fall
    inside each phase. The year's events (the Party's congress, the elections, the congresses
    of the followed bodies) are greeted by the phase they fall in (see
    :func:`starter_plan_toml`, which names them per phase). Themes are left to write (``""``).

    Args:
        year: The plan year (the first year of a school year).
        template: One of :data:`TEMPLATES`.
        organisation: Who issues the plan.
        categories: The categories of commemorations the plan follows (default: the union
            days, :data:`~thidua_calendar.plans.DEFAULT_FOLLOW`).

    Raises:
        InvalidValueError: An unknown template or category.
        OutOfRangeError: A year outside the supported range (a school year must end in it).

    Examples:
        >>> plan = starter_plan(2025, "school-year")
        >>> plan.title, plan.start, plan.end
        ('Kế hoạch phát động phong trào thi đua năm học 2025 - 2026', datetime.date(2025, 9, 1), datetime.date(2026, 8, 31))
        >>> [(d.title(), d.date.isoformat()) for d in plan.deadlines()]
        [('Sơ kết Học kỳ I', '2026-01-10'), ('Sơ kết Học kỳ II', '2026-06-10'), ('Báo cáo tổng kết năm học 2025 - 2026', '2026-06-30')]
    """  # noqa: E501
    from .._vocabulary import Rank
    from .._wording.plans import plan_title

    if template not in TEMPLATES:
        raise InvalidValueError(f"template must be one of {', '.join(TEMPLATES)}, not {template!r}")
    check_year(year)
    school = template == "school-year"
    if school and year >= LAST_YEAR:
        raise OutOfRangeError(
            f"the school year {year} - {year + 1} ends outside the supported years "
            f"(its first year must be at most {LAST_YEAR - 1})"
        )
    shapes = {"halves": halves, "quarters": quarters, "school-year": school_year}
    phases = tuple(attrs.evolve(p, theme="") for p in shapes[template](year))
    if school:
        follow_keys: tuple[str, ...] = (_TEACHERS_DAY,)
        reporting = Reporting(
            phase_review=ReportRule(days_after=10),
            yearly=ReportRule(day=30, months_after=-2),
        )
    else:
        follow_keys = ()
        reporting = Reporting(
            phase_review=ReportRule(days_after=15),
            quarterly=ReportRule(day=15, months_after=1),
            yearly=ReportRule(day=30, months_after=-1),
        )
    follow: dict[str, Any] = {}
    if categories is not None:
        if isinstance(categories, str):
            raise InvalidTypeError(f"categories is a list of categories, not {categories!r}")
        follow["follow_categories"] = tuple(categories)
    draft = make_plan(
        plan_title(year, school_year=school),
        year,
        phases,
        organisation=organisation,
        follow_keys=follow_keys,
        reporting=reporting,
        school_year=school,
        **follow,
    )
    focused = []
    for phase in phases:
        keys = tuple(
            dict.fromkeys(
                m.key
                for m in draft.milestones_in(phase)
                if m.rank is not None and m.rank.at_least(Rank.LE5)
            )
        )
        focused.append(attrs.evolve(phase, focus=keys or None))
    # The identity is written into the file, so the plan keeps it when it is renamed or its
    # organisation is spelt differently later (feed names and UIDs come from it).
    return attrs.evolve(draft, phases=tuple(focused), id=draft.identity)


def starter_plan_toml(
    year: int,
    template: str = "halves",
    *,
    organisation: str = "",
    categories: Iterable[str] | None = None,
    lang: LangArg = "vi",
) -> str:
    """A starter plan file (``plan new``): :func:`starter_plan` written by the one writer.

    Each phase's comment names the events it greets (``Chào mừng thành công: Đại hội XIV của
    Đảng (19/01/2026 - 23/01/2026)``), as its focus list names its anniversaries.

    Args:
        year: The plan year (the first year of a school year).
        template: One of :data:`TEMPLATES`.
        organisation: Who issues the plan.
        categories: The categories of commemorations the plan follows.
        lang: The language of the comments (the TOML is the same in both).

    Raises:
        InvalidValueError: An unknown template, category or language.
        OutOfRangeError: A year outside the supported range.
    """
    from .._wording import lang_of
    from .._wording.plans import no_focus_comment, phase_events_comment, starter_header

    lang = lang_of(lang)
    plan = starter_plan(year, template, organisation=organisation, categories=categories)
    notes = []
    for p in plan.phases:
        lines = [] if p.focus else [no_focus_comment(lang)]
        events = plan.events_in(p)
        if events:
            lines.append(phase_events_comment(events, lang))
        notes.append("\n".join(lines))
    return plan_toml(
        plan, header=starter_header(year, template, lang), phase_comments=notes, lang=lang
    )


__all__ = [
    "TEMPLATES",
    "halves",
    "make_plan",
    "quarters",
    "school_year",
    "starter_plan",
    "starter_plan_toml",
    "until_event",
]
