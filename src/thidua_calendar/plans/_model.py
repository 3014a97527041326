"""The plan model: end events, phases (đợt thi đua), reporting rules, deadlines, the plan.

Every type validates at construction: a bad value raises
:class:`~thidua_calendar.errors.InvalidValueError` or
:class:`~thidua_calendar.errors.InvalidTypeError` naming the field (and the allowed values), a
date outside the supported years :class:`~thidua_calendar.errors.OutOfRangeError`. The types
hold data; their words (windows, titles) are made by :mod:`thidua_calendar._wording.plans`.

Examples:
    >>> Phase("Đợt 1", dt.date(2026, 7, 1), dt.date(2026, 6, 30))
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.InvalidValueError: end 2026-06-30 is before start 2026-07-01
    >>> Deadline("monthly", dt.date(2026, 2, 15), dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.InvalidValueError: kind must be one of phase_review, quarterly, half_year, yearly, not 'monthly'
"""  # noqa: E501

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from .._diagnostics import Diagnostic
from .._milestones import Milestone, milestones_between
from .._validators import in_range, not_empty, of_type, texts
from .._vocabulary import (
    Category,
    Cutoff,
    DeadlineKind,
    LangArg,
    Precision,
    Severity,
    to_category,
    to_cutoff,
    to_deadline_kind,
    to_precision,
)
from .._years import YEARS, check_year, range_text
from ..commemorations import Catalog, UnknownKeyError, default_catalog
from ..errors import InvalidTypeError, InvalidValueError, OutOfRangeError

if TYPE_CHECKING:
    from ..congresses import Congress, CongressSeries

SEVERITIES: Final = tuple(Severity)
"""The severities, most serious first (diagnostics are sorted by it)."""

DEFAULT_FOLLOW: Final = (Category.UNION,)
"""Categories a plan follows when it says nothing: the union days (plus every ngày lễ lớn)."""

DAYS: Final = range(1, 32)
"""The days a report rule may name (clamped to the month's length)."""
MONTHS_AFTER: Final = range(-12, 25)
"""How many months after a period's last month a report may be due: a year before to two after."""
DAYS_AFTER: Final = range(0, 367)
"""How many days after a period a report may be due: the same day to a year after."""


def _in(values: range) -> Any:
    return in_range(values.start, values.stop - 1)


def _supported(date: dt.date, field: str) -> None:
    if date.year not in YEARS:
        from .._wording.errors import date_outside_years

        vi, en = date_outside_years(field, date, range_text())
        raise OutOfRangeError(en, vi=vi)


def year_span(year: int, *, school_year: bool = False) -> tuple[dt.date, dt.date]:
    """The first and last day of a plan year: the calendar year, or the school year.

    A school year (năm học) runs from 1 September to 31 August of the next year: the
    Ministry of Education's school years start in early September, teaching ends by 31 May,
    and the summer belongs to the school year until 31 August.

    Examples:
        >>> year_span(2026)
        (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
        >>> year_span(2025, school_year=True)
        (datetime.date(2025, 9, 1), datetime.date(2026, 8, 31))
    """
    if school_year:
        return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# --- end events ----------------------------------------------------------------------------


@attrs.frozen
class EndEvent:
    """A phase end anchored to an event rather than a date.

    Exactly one of ``congress`` (with ``ordinal``), ``commemoration`` or ``tba`` is set.

    Attributes:
        congress: A congress series key (``party``) — the phase ends when that congress closes.
        ordinal: The congress's number.
        commemoration: A catalogue key — the phase ends on its next day.
        tba: "đến khi có thông báo": the end is not known yet.
        expected: For ``tba``, an expected end to plan with.

    Examples:
        >>> EndEvent(congress="party", ordinal=14).describe()
        'Đại hội XIV của Đảng'
        >>> EndEvent(commemoration="quoc_khanh", tba=True)
        Traceback (most recent call last):
        ...
        thidua_calendar.errors.InvalidValueError: an end event is exactly one of congress (with ordinal), commemoration or tba
    """  # noqa: E501

    congress: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    ordinal: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    commemoration: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    tba: bool = attrs.field(default=False, validator=of_type(bool))
    expected: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))

    def __attrs_post_init__(self) -> None:
        kinds = (
            self.congress is not None or self.ordinal is not None,
            self.commemoration is not None,
            self.tba,
        )
        if sum(kinds) != 1:
            raise InvalidValueError(
                "an end event is exactly one of congress (with ordinal), commemoration or tba"
            )
        if kinds[0] and (not self.congress or self.ordinal is None or self.ordinal < 1):
            raise InvalidValueError(
                "a congress end event needs congress (a series key) and ordinal (1 or more)"
            )
        if self.commemoration is not None and not self.commemoration:
            raise InvalidValueError("commemoration must not be empty")
        if self.expected is not None and not self.tba:
            raise InvalidValueError("expected applies to a tba end event only")

    def describe(self, lang: LangArg = "vi", catalog: Catalog | None = None) -> str:
        """``Đại hội XIV của Đảng`` / ``the 14th National Congress …`` / ``khi có thông báo``.

        Args:
            lang: The language.
            catalog: The catalogue a commemoration is named from (the plan's; default: the
                shipped one). :meth:`Plan.window` passes the plan's own.
        """
        from .._wording.plans import end_event_text

        cat = default_catalog() if catalog is None else catalog
        return end_event_text(self, cat, lang, series=_series(self))


def _series(event: EndEvent | None) -> CongressSeries | None:
    if event is None or event.congress is None:
        return None
    from ..congresses import congress_series

    return congress_series(event.congress)


# --- phases --------------------------------------------------------------------------------


def _focus(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        texts()(_instance, attribute, value)


@attrs.frozen
class Phase:
    """One đợt thi đua.

    Attributes:
        label: ``Đợt 1`` (not empty).
        start: First day.
        end: Last day (inclusive, not before ``start``); ``None`` only for a phase anchored to
            an event with no known date.
        theme: The chủ đề, if any (``""``: one still to be written).
        focus: Commemoration keys the phase is dedicated to ("hướng về"); ``None`` means every
            followed anniversary inside the window.
        start_precision: ``day``, or ``month`` (written as a month: "từ tháng 01/2020"; the
            start is then the month's first day).
        end_precision: ``day``, ``month`` (the end is the month's last day) or ``event`` (with
            ``end_event``).
        end_event: The event the end is anchored to, if any.
        note: Free text.
        line: Line of the ``[[phase]]`` table in its file (for diagnostics).
    """

    label: str = attrs.field(validator=not_empty)
    start: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date | None = attrs.field(validator=of_type(dt.date, optional=True))
    theme: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    focus: tuple[str, ...] | None = attrs.field(default=None, validator=_focus)
    start_precision: Precision = attrs.field(default=Precision.DAY, converter=to_precision)
    end_precision: Precision = attrs.field(default=Precision.DAY, converter=to_precision)
    end_event: EndEvent | None = attrs.field(
        default=None, validator=of_type(EndEvent, optional=True)
    )
    note: str = attrs.field(default="", validator=of_type(str))
    line: int | None = attrs.field(default=None, eq=False, validator=of_type(int, optional=True))

    def __attrs_post_init__(self) -> None:
        _supported(self.start, "start")
        if self.end is not None:
            _supported(self.end, "end")
            if self.end < self.start:
                raise InvalidValueError(f"end {self.end} is before start {self.start}")
        if self.start_precision is Precision.EVENT:
            raise InvalidValueError("start_precision must be one of day, month, not 'event'")
        if self.start_precision is Precision.MONTH and self.start.day != 1:
            raise InvalidValueError(
                f"start {self.start} is not the first day of its month (start_precision month)"
            )
        if (self.end_precision is Precision.EVENT) != (self.end_event is not None):
            raise InvalidValueError("end_precision is 'event' exactly when end_event is given")
        if self.end is None and self.end_event is None:
            raise InvalidValueError("end may be None only for a phase with an end_event")
        if self.end_precision is Precision.MONTH and self.end is not None:
            last = _calendar.monthrange(self.end.year, self.end.month)[1]
            if self.end.day != last:
                raise InvalidValueError(
                    f"end {self.end} is not the last day of its month (end_precision month)"
                )
        event = self.end_event
        if event is not None and event.tba and self.end != event.expected:
            raise InvalidValueError("the end of a tba phase is its expected end")

    def contains(self, date: dt.date) -> bool:
        """Whether a date is inside the window (an open end counts as open)."""
        return self.start <= date and (self.end is None or date <= self.end)

    def window(self, lang: LangArg = "vi", catalog: Catalog | None = None) -> str:
        """``từ 01/01/2020 đến 30/06/2020`` / ``1 January 2020 – 30 June 2020``.

        Args:
            lang: The language.
            catalog: The catalogue that names a commemoration the phase ends on (default: the
                shipped one); :meth:`Plan.window` passes the plan's own.
        """
        from .._wording.plans import phase_window

        cat = default_catalog() if catalog is None else catalog
        return phase_window(self, cat, lang, series=_series(self.end_event))


# --- reporting -----------------------------------------------------------------------------


@attrs.frozen
class ReportRule:
    """When a periodic report is due, relative to the end of its period.

    Either a day rule — due on ``day`` of the month ``months_after`` months after the period's
    last month (clamped to the month's length; ``day=None``: the month's last day) — or
    ``days_after`` days after the period ends.

    Attributes:
        day: 1–31, or ``None`` for the last day of the month.
        months_after: −12 to 24 (0: the period's own last month; −1: the month before it).
        days_after: 0 to 366; with it, neither ``day`` nor ``months_after`` is given.
        working_day: Move a due date that is not a public-sector working day forward to the
            next working day (:func:`thidua_calendar.next_working_day`: weekends, holiday
            breaks and nghỉ bù are skipped, a make-up Saturday counts). A due date outside the
            years with days-off data raises :class:`~thidua_calendar.WorkdayError`.

    Examples:
        >>> ReportRule(day=31, months_after=1).due(dt.date(2026, 1, 31))
        datetime.date(2026, 2, 28)
        >>> ReportRule(days_after=15).due(dt.date(2026, 6, 30))
        datetime.date(2026, 7, 15)
        >>> ReportRule(day=21, months_after=1, working_day=True).due(dt.date(2026, 1, 31))
        datetime.date(2026, 2, 23)
    """

    day: int | None = attrs.field(default=None, validator=attrs.validators.optional(_in(DAYS)))
    months_after: int = attrs.field(default=1, validator=_in(MONTHS_AFTER))
    days_after: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(_in(DAYS_AFTER))
    )
    working_day: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        if self.days_after is not None and (self.day is not None or self.months_after != 1):
            raise InvalidValueError(
                "a report rule gives day (with months_after) or days_after, not both"
            )

    def due(self, period_end: dt.date) -> dt.date:
        """The due date for a period ending on ``period_end``.

        Raises:
            WorkdayError: ``working_day`` and a due date without days-off data.
        """
        if self.days_after is not None:
            due = period_end + dt.timedelta(days=self.days_after)
        else:
            due = period_end + relativedelta(months=self.months_after, day=self.day or 31)
        if self.working_day:
            from ..workdays import next_working_day

            return next_working_day(due)
        return due


def _rule(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    of_type(ReportRule, optional=True)(_instance, attribute, value)


@attrs.frozen
class Reporting:
    """The plan's reporting duties (sơ kết, periodic reports, tổng kết).

    Attributes:
        phase_review: When the sơ kết of each phase is due.
        quarterly: When quarterly reports are due.
        half_year: When the 6-month report is due.
        yearly: When the yearly report (tổng kết) is due.
        cutoff: What the periodic reports cover: ``calendar`` (the quarter, half or year
            itself) or ``nd09`` (the data cut-off of Nghị định 09/2019/NĐ-CP, Điều 12; see
            :meth:`period`). A rule's due date counts from the period's end either way.
    """

    phase_review: ReportRule | None = attrs.field(default=None, validator=_rule)
    quarterly: ReportRule | None = attrs.field(default=None, validator=_rule)
    half_year: ReportRule | None = attrs.field(default=None, validator=_rule)
    yearly: ReportRule | None = attrs.field(default=None, validator=_rule)
    cutoff: Cutoff = attrs.field(default=Cutoff.CALENDAR, converter=to_cutoff)

    def period(self, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """The days a periodic report covers, for the calendar period ``start``–``end``.

        With ``cutoff = "nd09"`` (Nghị định 09/2019/NĐ-CP, Điều 12): from the 15th of the
        month before the period to the 14th of its last month — a quarter's report from
        15/12 to 14/3, the 6-month one from 15/12 to 14/6, the year's from 15/12 to 14/12.

        Examples:
            >>> Reporting(cutoff="nd09").period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
            (datetime.date(2025, 12, 15), datetime.date(2026, 3, 14))
        """
        if self.cutoff is Cutoff.CALENDAR:
            return start, end
        return (start - relativedelta(months=1)).replace(day=15), end.replace(day=14)


@attrs.frozen
class Deadline:
    """A report due date.

    Attributes:
        kind: The duty (:class:`~thidua_calendar._vocabulary.DeadlineKind`).
        date: The due date.
        period_start: First day of the period reported on.
        period_end: Last day of the period reported on (not before its start).
        phase: The phase label, for a phase review (and only then).
        school_year: For a periodic report of a school-year plan, the school year's first year.
    """

    kind: DeadlineKind = attrs.field(converter=to_deadline_kind)
    date: dt.date = attrs.field(validator=of_type(dt.date))
    period_start: dt.date = attrs.field(validator=of_type(dt.date))
    period_end: dt.date = attrs.field(validator=of_type(dt.date))
    phase: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    school_year: int | None = attrs.field(default=None, validator=of_type(int, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise InvalidValueError(
                f"period_end {self.period_end} is before period_start {self.period_start}"
            )
        if (self.kind is DeadlineKind.PHASE_REVIEW) != (self.phase is not None):
            raise InvalidValueError("phase is given for a phase_review deadline, and only then")
        if self.school_year is not None and self.kind is DeadlineKind.PHASE_REVIEW:
            raise InvalidValueError("school_year applies to periodic reports, not phase reviews")

    def title(self, lang: LangArg = "vi") -> str:
        """The title of the duty: ``Sơ kết Đợt 1``, ``Báo cáo quý I/2025`` and so on."""
        from .._wording.plans import deadline_title

        return deadline_title(self, lang)


# --- the plan ------------------------------------------------------------------------------


@cache
def _periods(
    first: dt.date, last: dt.date, months: int, count: int | None
) -> tuple[tuple[dt.date, dt.date], ...]:
    """The report periods of ``months`` months from ``first``, each cut at ``last``.

    An RFC 5545 recurrence every ``months`` months: ``count`` of them, or until ``last``.
    """
    recurrence = (
        rrule(MONTHLY, interval=months, count=count, dtstart=first)
        if count is not None
        else rrule(MONTHLY, interval=months, dtstart=first, until=last)
    )
    found = []
    for occurrence in recurrence:
        start = occurrence.date()
        found.append((start, min(start + relativedelta(months=months, days=-1), last)))
    return tuple(found)


def to_categories(value: Iterable[Category | str]) -> tuple[Category, ...]:
    """Convert to a tuple of :class:`~thidua_calendar._vocabulary.Category` members.

    Raises:
        InvalidTypeError: A single string rather than a sequence of them.
        InvalidValueError: A name that is not a category.
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"follow_categories must be a sequence of categories, not {type(value).__name__}"
        )
    return tuple(to_category(v) for v in value)


def _phases(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(p, Phase) for p in value):
        raise InvalidTypeError(f"{attribute.name} must be a tuple of Phase")


def _year(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_year(value, attribute.name)


def _known(catalog: Catalog, key: str, field: str) -> None:
    try:
        catalog[key]
    except UnknownKeyError as exc:
        raise InvalidValueError(f"{field}: {exc}") from None


_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug(text: str) -> str:
    """Lowercase ASCII words joined by ``-`` (``Công đoàn Trường A`` → ``cong-doan-truong-a``).

    Examples:
        >>> slug("Kế hoạch năm 2026 — Đợt 1")
        'ke-hoach-nam-2026-dot-1'
    """
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "ke-hoach"


def _plan_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(f"{attribute.name} must be str or None, not {type(value).__name__}")
    if not _ID.fullmatch(value) or len(value) > 80:
        raise InvalidValueError(
            f"{attribute.name} must be lowercase ASCII letters and digits in words joined by "
            f"'-' (at most 80 characters), such as 'cdcs-truong-a-2026', not {value!r}"
        )


@attrs.frozen
class Plan:
    """A campaign plan.

    Attributes:
        title: The plan's title.
        year: The plan year (a supported year; for a school year, its first year).
        start: First day of the plan period.
        end: Last day of the plan period (not before ``start``).
        phases: The phases, in document order.
        organisation: Who issues it.
        theme: The year's theme (chủ đề năm), if any.
        number: Document number (``31/KH-LĐLĐ``).
        id: The plan's identity (``cdcs-truong-a-2026``): feed names and the UIDs of its phases
            and deadlines come from it, so renaming the file changes none of them. ``None``
            means "derived from the organisation and the year" (:attr:`identity`).
        issued: Document date.
        follow_categories: Categories of commemorations the plan follows.
        follow_keys: Further commemorations it follows.
        catalog: The catalogue (shipped, or with the plan's own file merged). Every key the
            plan names (followed, focus, end events) is in it.
        reporting: Reporting duties.
        revision: The plan's revision date (used for feed timestamps).
        path: The file it was read from.
        catalog_file: The plan's own catalogue file, as its ``[follow] catalog`` names it
            (relative to the plan file).
        school_year: Whether the plan year is a school year (năm học ``year`` - ``year + 1``,
            see :func:`year_span`): its default period and its periodic reports follow it.
    """

    title: str = attrs.field(validator=of_type(str))
    year: int = attrs.field(validator=_year)
    start: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date = attrs.field(validator=of_type(dt.date))
    phases: tuple[Phase, ...] = attrs.field(validator=_phases)
    organisation: str = attrs.field(default="", validator=of_type(str))
    theme: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    number: str = attrs.field(default="", validator=of_type(str))
    id: str | None = attrs.field(default=None, validator=_plan_id)
    issued: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    follow_categories: tuple[Category, ...] = attrs.field(
        default=DEFAULT_FOLLOW, converter=to_categories
    )
    follow_keys: tuple[str, ...] = attrs.field(default=(), validator=texts())
    catalog: Catalog = attrs.field(
        factory=default_catalog, eq=False, repr=False, validator=of_type(Catalog)
    )
    reporting: Reporting = attrs.field(factory=Reporting, validator=of_type(Reporting))
    revision: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    path: str | None = attrs.field(default=None, eq=False, validator=of_type(str, optional=True))
    catalog_file: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    school_year: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        if self.school_year and self.year + 1 not in YEARS:
            raise OutOfRangeError(
                f"the school year {self.year} - {self.year + 1} ends outside the supported "
                f"years {range_text()}"
            )
        _supported(self.start, "start")
        _supported(self.end, "end")
        if self.end < self.start:
            raise InvalidValueError(f"end {self.end} is before start {self.start}")
        for key in self.follow_keys:
            _known(self.catalog, key, "follow_keys")
        for phase in self.phases:
            for key in phase.focus or ():
                _known(self.catalog, key, f"focus of {phase.label}")
            if phase.end_event is not None and phase.end_event.commemoration is not None:
                _known(self.catalog, phase.end_event.commemoration, f"end_event of {phase.label}")

    @property
    def year_span(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the plan year (see :func:`year_span`)."""
        return year_span(self.year, school_year=self.school_year)

    @property
    def identity(self) -> str:
        """The plan's identity: its ``id``, else a slug of its organisation and year.

        Never its file name: a plan keeps its identity when the file is renamed or moved.

        Examples:
            >>> year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
            >>> Plan("KH", 2026, *year, (), organisation="Công đoàn Trường A").identity
            'cong-doan-truong-a-2026'
            >>> Plan("KH", 2026, *year, (), id="cdcs-truong-a").identity
            'cdcs-truong-a'
        """
        if self.id is not None:
            return self.id
        return slug(f"{self.organisation or 'ke-hoach'}-{self.year}")

    def phase_on(self, date: dt.date) -> Phase | None:
        """The phase running on a date (the first, if a faulty plan overlaps)."""
        return next((p for p in self.phases if p.contains(date)), None)

    def theme_on(self, date: dt.date) -> str | None:
        """The theme of the phase running on a date."""
        phase = self.phase_on(date)
        return phase.theme if phase else None

    def window(self, phase: Phase, lang: LangArg = "vi") -> str:
        """A phase's window in the plan's words: its own commemorations by their names.

        Examples:
            >>> phase = Phase(
            ...     "Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 4, 30), end_precision="event",
            ...     end_event=EndEvent(commemoration="giai_phong_mien_nam"),
            ... )
            >>> plan = Plan("KH", 2026, dt.date(2026, 1, 1), dt.date(2026, 12, 31), (phase,))
            >>> plan.window(plan.phases[0])
            'từ 01/01/2026 đến Ngày Giải phóng miền Nam, thống nhất đất nước'
        """
        return phase.window(lang, self.catalog)

    def follows(self, milestone: Milestone) -> bool:
        """Whether the plan follows a milestone's commemoration."""
        c = milestone.commemoration
        return c.major_day or c.category in self.follow_categories or c.key in self.follow_keys

    def events_in(self, phase: Phase) -> tuple[Congress, ...]:
        """The congresses and elections a phase greets ("chào mừng thành công …").

        Those the plan follows (:meth:`follows_events_of`) that open inside the phase's window.
        """
        from ..congresses import congress_series, held_between

        end = phase.end or self.end
        return tuple(
            c
            for c in held_between(phase.start, end)
            if c.days is not None
            and phase.start <= c.days[0]
            and self.follows_events_of(congress_series(c.series).category)
        )

    def follows_events_of(self, category: Category) -> bool:
        """Whether the plan follows the congresses and elections of a category.

        Every plan follows the Party's congresses and the national events (the elections of
        Quốc hội and HĐND, the national emulation congress), as it follows the ngày lễ lớn;
        a body's congresses when it follows that body's category (``union`` …).
        """
        return category in (Category.PARTY, Category.NATIONAL) or (
            category in self.follow_categories
        )

    def followed_milestones(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[Milestone]:
        """The followed milestones within the plan period (or a given span)."""
        span_start, span_end = start or self.start, end or self.end
        return [
            m
            for m in milestones_between(
                span_start, span_end, catalog=self.catalog, categories="all"
            )
            if self.follows(m)
        ]

    def milestones_in(self, phase: Phase) -> list[Milestone]:
        """The milestones a phase is dedicated to.

        Its explicit ``focus`` keys (their occurrences in the plan period, inside the window or
        not, as the document says), or else every followed anniversary (a milestone with an
        ordinal) inside the window.
        """
        if phase.focus is not None:
            if not phase.focus:
                return []
            # As the document says, even when it falls outside the window (check() warns).
            keys = list(phase.focus)
            start, end = min(phase.start, self.start), max(phase.end or self.end, self.end)
            return milestones_between(start, end, catalog=self.catalog, keys=keys)
        end = phase.end or self.end
        inside = milestones_between(phase.start, end, catalog=self.catalog, categories="all")
        return [m for m in inside if self.follows(m) and m.ordinal is not None]

    def deadlines(self) -> list[Deadline]:
        """Every report due date of the plan, in date order.

        A sơ kết after each phase with an end; the periodic reports of the plan year (see
        :attr:`year_span`) whose period meets the plan period: quarters and the year counted
        from the plan year's first month (``rrule`` every 3 and 12 months), and the first
        half of it (every 6 months, the first only: the year's report covers the rest).
        """
        found: list[Deadline] = []
        rules = self.reporting
        if rules.phase_review:
            for phase in self.phases:
                if phase.end is not None:
                    found.append(
                        Deadline(
                            DeadlineKind.PHASE_REVIEW,
                            rules.phase_review.due(phase.end),
                            phase.start,
                            phase.end,
                            phase.label,
                        )
                    )
        first, last = self.year_span
        school = self.year if self.school_year else None
        periodic: tuple[tuple[DeadlineKind, ReportRule | None, int, int | None], ...] = (
            (DeadlineKind.QUARTERLY, rules.quarterly, 3, None),
            (DeadlineKind.HALF_YEAR, rules.half_year, 6, 1),
            (DeadlineKind.YEARLY, rules.yearly, 12, None),
        )
        for kind, rule, months, count in periodic:
            if rule is None:
                continue
            for start, end in _periods(first, last, months, count):
                if start <= self.end and end >= self.start:
                    start, end = rules.period(start, end)
                    found.append(Deadline(kind, rule.due(end), start, end, school_year=school))
        return sorted(found, key=lambda d: (d.date, d.kind))

    def check(self) -> list[Diagnostic]:
        """Validate the plan; see :func:`~thidua_calendar.plans.check_plan`."""
        from ._checks import check_plan

        return check_plan(self)


__all__ = [
    "DAYS",
    "DAYS_AFTER",
    "DEFAULT_FOLLOW",
    "MONTHS_AFTER",
    "SEVERITIES",
    "Deadline",
    "Diagnostic",
    "EndEvent",
    "Phase",
    "Plan",
    "ReportRule",
    "Reporting",
    "to_categories",
    "year_span",
]
