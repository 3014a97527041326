"""One chronological view of a year: milestones, ngày lễ lớn, festivals, phases, deadlines.

Examples:
    >>> s = schedule(2026)
    >>> [e.title() for e in s.entries if e.kind == "festival" and e.key == "tet_trung_thu"]
    ['Tết Trung thu năm 2026 (15/8 âm lịch)']
    >>> next(e for e in s.entries if e.key == "tet_nguyen_dan").start
    datetime.date(2026, 2, 17)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Final, Literal

import attrs

from . import _render
from ._milestones import Milestone, milestones_between, selected_categories
from ._validators import of_type
from ._vocabulary import Category, EntryKind, LangArg, Rank, parse, to_entry_kind
from ._wording import lang_of
from ._years import FIRST_YEAR, LAST_YEAR, check_year
from .commemorations import Catalog, resolve_catalog
from .congresses import Congress, CongressSeries, congress_series, held_between
from .errors import InvalidTypeError, InvalidValueError
from .plans import Deadline, Phase, Plan, slug
from .workdays import HolidayBreak, MakeUpDay, breaks_between


@attrs.frozen
class Entry:
    """One item of a schedule.

    What an entry is (:attr:`kind`) and how it ranks (:attr:`rank`, :attr:`major_day`) are
    separate: the anniversaries of the ngày lễ lớn are milestones like any other, marked
    ``major_day``.

    Attributes:
        kind: An :class:`EntryKind`: ``milestone`` (an anniversary with a counted or ranked
            year), ``festival`` (lunar festivals), ``observance`` (days and months without
            counted years), ``event`` (a congress or an election), ``phase``, ``deadline``,
            ``day_off`` (a public-sector holiday break, weekends included) and
            ``working_day`` (a make-up Saturday).
        uid: A stable identity (``milestone:thanh_lap_dang:2025``) for feeds.
        start: First day.
        end: Last day (inclusive).
        key: The commemoration key, for catalogue entries.
        milestone: The milestone, for catalogue entries.
        phase: The phase, for phases.
        deadline: The deadline, for deadlines.
        congress: The congress or election, for events.
        day_off: The holiday break, for days off.
        working_day: The make-up day, for make-up working days.
        focus: Whether a phase of the plan is dedicated to this milestone.
        focus_milestones: For a phase, the milestones it is dedicated to (computed once, by
            :func:`schedule`; renderers read them from here).
        focus_events: For a phase, the congresses and elections of its window that the plan
            follows (``chào mừng thành công Đại hội …``).
        plan: The plan the entry comes from, if any.

    Raises:
        InvalidValueError: A bad kind, an end before the start, or not exactly one of
            milestone, phase, deadline and congress (the one its kind names).
    """

    kind: EntryKind = attrs.field(converter=to_entry_kind)
    uid: str = attrs.field(validator=of_type(str))
    start: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date = attrs.field(validator=of_type(dt.date))
    key: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    milestone: Milestone | None = attrs.field(
        default=None, repr=False, validator=of_type(Milestone, optional=True)
    )
    phase: Phase | None = attrs.field(
        default=None, repr=False, validator=of_type(Phase, optional=True)
    )
    deadline: Deadline | None = attrs.field(
        default=None, repr=False, validator=of_type(Deadline, optional=True)
    )
    congress: Congress | None = attrs.field(
        default=None, repr=False, validator=of_type(Congress, optional=True)
    )
    day_off: HolidayBreak | None = attrs.field(
        default=None, repr=False, validator=of_type(HolidayBreak, optional=True)
    )
    working_day: MakeUpDay | None = attrs.field(
        default=None, repr=False, validator=of_type(MakeUpDay, optional=True)
    )
    focus: bool = attrs.field(default=False, validator=of_type(bool))
    focus_milestones: tuple[Milestone, ...] = attrs.field(default=(), repr=False)
    focus_events: tuple[Congress, ...] = attrs.field(default=(), repr=False)
    plan: Plan | None = attrs.field(
        default=None, repr=False, eq=False, validator=of_type(Plan, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(f"{self.uid}: the entry ends before it starts")
        what = {
            EntryKind.PHASE: "phase",
            EntryKind.DEADLINE: "deadline",
            EntryKind.EVENT: "congress",
            EntryKind.DAY_OFF: "day_off",
            EntryKind.WORKING_DAY: "working_day",
        }.get(self.kind, "milestone")
        carried = {
            "phase": self.phase,
            "deadline": self.deadline,
            "milestone": self.milestone,
            "congress": self.congress,
            "day_off": self.day_off,
            "working_day": self.working_day,
        }
        if carried[what] is None or sum(x is not None for x in carried.values()) != 1:
            raise InvalidValueError(f"{self.uid}: a {self.kind} entry carries its {what} only")

    @property
    def rank(self) -> Rank | None:
        """The milestone's rank, if ranked."""
        return self.milestone.rank if self.milestone else None

    @property
    def ordinal(self) -> int | None:
        """The milestone's ordinal, if counted."""
        return self.milestone.ordinal if self.milestone else None

    @property
    def major_day(self) -> bool:
        """Whether it is one of the ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4)."""
        return self.milestone is not None and self.milestone.major_day

    @property
    def series(self) -> CongressSeries | None:
        """The congress series of an event."""
        return congress_series(self.congress.series) if self.congress else None

    def title(self, lang: LangArg = "vi") -> str:
        """The one-line title (a feed's SUMMARY)."""
        from ._wording.schedule import entry_title

        return entry_title(self, lang)

    def description(self, lang: LangArg = "vi") -> str:
        """What it is, since when, ordinal and rank, legal basis; themes and focus of phases."""
        from ._wording.schedule import entry_description

        return entry_description(self, lang)

    def as_record(self, lang: LangArg = "vi") -> dict[str, object]:
        """A flat record for JSON and CSV."""
        m = self.milestone
        return {
            "kind": str(self.kind),
            "uid": self.uid,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "title": self.title(lang),
            "key": self.key,
            "ordinal": m.ordinal if m else None,
            "rank": str(m.rank) if m and m.rank else None,
            "category": (
                str(m.commemoration.category)
                if m
                else str(self.series.category)
                if self.series
                else None
            ),
            "major_day": self.major_day,
            "focus": self.focus,
            "phase": self.phase.label if self.phase else None,
            "theme": self.phase.theme if self.phase else None,
            "description": self.description(lang),
        }


def _kind_of(m: Milestone) -> EntryKind:
    """What a catalogue occurrence is: ranked or counted, a lunar festival, or an observance."""
    if m.ordinal is not None or m.rank is not None:
        return EntryKind.MILESTONE
    if m.commemoration.rule.kind == "lunar":
        return EntryKind.FESTIVAL
    return EntryKind.OBSERVANCE


def plan_id(plan: Plan) -> str:
    """A plan's identity in feed names and UIDs: :attr:`Plan.identity`, never its file name."""
    return plan.identity


def _entries(_instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(e, Entry) for e in value):
        raise InvalidTypeError(f"{attribute.name} must be a tuple of Entry")


@attrs.frozen
class Schedule:
    """A chronological list of entries over a span.

    Attributes:
        start: First day covered.
        end: Last day covered.
        entries: The entries, by start date then kind.
        plan: The plan the schedule was made for, if any.
        catalog: The catalogue it was computed from (its revision dates the feed).
    """

    start: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date = attrs.field(validator=of_type(dt.date))
    entries: tuple[Entry, ...] = attrs.field(validator=_entries)
    plan: Plan | None = attrs.field(default=None, validator=of_type(Plan, optional=True))
    catalog: Catalog | None = attrs.field(
        default=None, eq=False, repr=False, validator=of_type(Catalog, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(f"the schedule ends ({self.end}) before it starts")

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def of_kind(self, *kinds: EntryKind | str) -> list[Entry]:
        """The entries of some kinds."""
        wanted = {parse(EntryKind, k, "kind") for k in kinds}
        return [e for e in self.entries if e.kind in wanted]

    def records(self, lang: LangArg = "vi") -> list[dict[str, object]]:
        """Flat records (JSON/CSV)."""
        return [e.as_record(lang) for e in self.entries]

    def to_text(self, lang: LangArg = "vi", *, width: int | None = None) -> str:
        """A text table: dates, kind, title.

        Args:
            lang: The language.
            width: The most characters a line may hold (a terminal's width): the titles are
                wrapped to fit. ``None``: no limit.
        """
        from ._wording.schedule import schedule_legend, schedule_rows

        header, rows = schedule_rows(self.entries, lang)
        return _render.to_table(rows, header, width) + schedule_legend(lang) + "\n"

    def to_plan_text(self, lang: LangArg = "vi") -> str:
        """The plan's phases and deadlines in this schedule, in the wording of a plan document.

        Raises:
            InvalidValueError: The schedule was made without a plan.
        """
        from ._wording.schedule import plan_text as render

        if self.plan is None:
            raise InvalidValueError("plan-form text needs a plan (pass plan=…)")
        return render(self, lang)


def plan_text(plan: Plan, lang: LangArg = "vi") -> str:
    """A plan's phases and reporting duties in the wording plan documents use.

    The text of the schedule of the plan's whole period (every phase and deadline).

    Examples:
        >>> from thidua_calendar.plans import halves, make_plan
        >>> plan = make_plan("Kế hoạch thi đua năm 2020", 2020, halves(2020, ("Mừng Đảng", None)))
        >>> phase_1 = plan_text(plan).splitlines()[2]
        >>> phase_1[:69]
        'Đợt 1 (từ 01/01/2020 đến 30/06/2020): chủ đề “Mừng Đảng”. Thi đua lập'
        >>> phase_1[69:]  # doctest: +ELLIPSIS
        ' thành tích chào mừng kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam ...'
    """
    lang = lang_of(lang)
    return schedule(plan_span(plan), plan).to_plan_text(lang)


def plan_span(plan: Plan) -> tuple[dt.date, dt.date]:
    """A plan's whole period: its first day to the last day of its phases and deadlines.

    The span of the plan's text and of its published feed: a phase that runs past the plan's
    end, or a report due in January of the next year, is inside it.

    Examples:
        >>> from thidua_calendar.plans import halves, make_plan
        >>> plan_span(make_plan("KH 2020", 2020, halves(2020, ("Mừng Đảng", None))))
        (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))

    Raises:
        InvalidTypeError: Not a :class:`Plan`.
    """
    if not isinstance(plan, Plan):
        raise InvalidTypeError(f"plan must be a Plan, not {type(plan).__name__}")
    starts = [plan.start, *(p.start for p in plan.phases)]
    ends = [plan.end, *(p.end for p in plan.phases if p.end is not None)]
    ends += [d.date for d in plan.deadlines()]
    return max(min(starts), dt.date(FIRST_YEAR, 1, 1)), min(max(ends), dt.date(LAST_YEAR, 12, 31))


def _span(year_or_span: object) -> tuple[dt.date, dt.date]:
    if isinstance(year_or_span, bool):
        raise InvalidTypeError("a year is an int, not a bool")
    if isinstance(year_or_span, int):
        year = check_year(year_or_span)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if isinstance(year_or_span, tuple) and len(year_or_span) == 2:
        first, last = year_or_span
        if isinstance(first, int) and isinstance(last, int):
            first_day = dt.date(check_year(first, "first year"), 1, 1)
            last_day = dt.date(check_year(last, "last year"), 12, 31)
        elif isinstance(first, dt.date) and isinstance(last, dt.date):
            check_year(first.year, "first day's year")
            check_year(last.year, "last day's year")
            first_day, last_day = first, last
        else:
            raise InvalidTypeError("a span is (first_year, last_year) or (first_date, last_date)")
        if last_day < first_day:
            raise InvalidValueError(f"the span ends ({last_day}) before it starts ({first_day})")
        return first_day, last_day
    raise InvalidTypeError(f"expected a year or a span, not {type(year_or_span).__name__}")


def catalog_for(plan: Plan | None, catalog: Catalog | str | Path | None) -> Catalog:
    """The catalogue a computation uses: the plan's, or the one given — never both.

    The one rule for every entry point that takes both a plan and a catalogue.

    Raises:
        InvalidValueError: A plan and a catalogue both given (a plan names its catalogue in
            its ``[follow]`` table).
    """
    if plan is not None and catalog is not None:
        raise InvalidValueError(
            "a plan names its catalogue in its [follow] table: give a plan or a catalogue "
            "(--plan or --catalog), not both"
        )
    return plan.catalog if plan is not None else resolve_catalog(catalog)


# Same-day entries: phases first, then the ngày lễ lớn, then the other kinds in this order.
_ORDER: Final = {
    EntryKind.PHASE: 0,
    EntryKind.EVENT: 1,
    EntryKind.MILESTONE: 2,
    EntryKind.FESTIVAL: 3,
    EntryKind.OBSERVANCE: 4,
    EntryKind.DEADLINE: 5,
    EntryKind.DAY_OFF: 6,
    EntryKind.WORKING_DAY: 7,
}


def _events(
    start: dt.date, end: dt.date, plan: Plan | None, wanted: frozenset[Category] | None
) -> list[Entry]:
    """The congresses and elections from ``start`` to ``end`` that a plan (or selection) keeps.

    A plan follows the Party's congresses and the national ones (elections, the national
    emulation congress) always, and a body's congresses when it follows that body's category.
    """
    found = []
    for congress in held_between(start, end):
        category = congress_series(congress.series).category
        if plan is not None:
            keep = plan.follows_events_of(category)
        else:
            keep = wanted is None or category in wanted
        if keep:
            days = congress.days
            assert days is not None  # held_between places congresses known to the day
            found.append(
                Entry(
                    EntryKind.EVENT,
                    f"event:{congress.series}:{congress.ordinal}",
                    days[0],
                    days[1],
                    congress=congress,
                    plan=plan,
                )
            )
    return found


def _order(e: Entry) -> tuple[dt.date, int, str]:
    return e.start, 1 if e.major_day else _ORDER[e.kind], e.uid


def _kinds(kinds: Iterable[str] | None) -> set[EntryKind] | None:
    if kinds is None:
        return None
    if isinstance(kinds, str):
        raise InvalidTypeError(f"kinds is a list of kinds, not the string {kinds!r}")
    chosen = set()
    for kind in kinds:
        if kind == "holiday":
            raise InvalidValueError(
                "the ngày lễ lớn are milestones marked major_day, not a kind: "
                "pass major_days=True (--major-days)"
            )
        chosen.add(parse(EntryKind, kind, "kind"))
    return chosen


def _days_off(start: dt.date, end: dt.date) -> list[Entry]:
    """The holiday breaks and make-up days of a span, as far as the days-off data goes."""
    found: list[Entry] = []
    for item in breaks_between(start, end):
        if isinstance(item, HolidayBreak):
            uid = f"day_off:{item.start.isoformat()}"
            found.append(Entry(EntryKind.DAY_OFF, uid, item.start, item.end, day_off=item))
        else:
            uid = f"working_day:{item.date.isoformat()}"
            found.append(Entry(EntryKind.WORKING_DAY, uid, item.date, item.date, working_day=item))
    return found


def schedule(
    year_or_span: int | tuple[int, int] | tuple[dt.date, dt.date],
    plan: Plan | str | Path | None = None,
    *,
    catalog: Catalog | str | Path | None = None,
    categories: Iterable[str] | Literal["all"] | None = None,
    kinds: Iterable[str] | None = None,
    major_days: bool = False,
    include_ended: bool = False,
) -> Schedule:
    """The schedule of a year (or span) in date order.

    Args:
        year_or_span: A year, ``(first_year, last_year)`` or ``(first_day, last_day)``.
        plan: A :class:`Plan` or a plan file: adds its phases and deadlines, and selects the
            commemorations it follows (plus its phases' focus and every ngày lễ lớn).
        catalog: A catalogue (or user catalogue file) when there is no plan.
        categories: Without a plan, keep only these categories (the ngày lễ lớn and the
            lunar festivals always stay); ``"all"`` for every one; ``None`` for the default
            selection (:data:`DEFAULT_CATEGORIES`).
        kinds: Keep only these entry kinds (:class:`EntryKind` values).
        major_days: Keep only the ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4).
        include_ended: Also the days of a body that does not exist on them (see
            :func:`~thidua_calendar.milestones`).

    Returns:
        The :class:`Schedule`.

    Raises:
        OutOfRangeError: A year outside the supported range.
        InvalidValueError: An unknown category or kind, a span that ends before it starts,
            or a plan and a catalogue both given.
        InvalidTypeError: A plan that is neither a :class:`Plan` nor a path.
    """
    start, end = _span(year_or_span)
    if isinstance(plan, str | Path):
        from .plans import load_plan

        plan = load_plan(plan)
    if plan is not None and not isinstance(plan, Plan):
        raise InvalidTypeError(f"plan must be a Plan or a path, not {type(plan).__name__}")
    cat = catalog_for(plan, catalog)
    wanted = selected_categories(categories)
    chosen_kinds = _kinds(kinds)
    if not isinstance(major_days, bool):
        raise InvalidTypeError(f"major_days must be a bool, not {type(major_days).__name__}")
    focus_of: dict[int, tuple[Milestone, ...]] = {}
    if plan is not None:
        focus_of = {i: tuple(plan.milestones_in(p)) for i, p in enumerate(plan.phases, start=1)}
    focus_keys = {(m.key, m.date) for focus in focus_of.values() for m in focus}

    entries: list[Entry] = []
    for m in milestones_between(
        start, end, catalog=cat, categories="all", include_ended=include_ended
    ):
        kind = _kind_of(m)
        is_focus = (m.key, m.date) in focus_keys
        always = m.major_day or kind is EntryKind.FESTIVAL
        if plan is not None:
            keep = always or is_focus or plan.follows(m)
        else:
            keep = always or wanted is None or m.commemoration.category in wanted
        if keep:
            entries.append(
                Entry(
                    kind,
                    f"milestone:{m.key}:{m.date.year}",
                    m.date,
                    m.end,
                    key=m.key,
                    milestone=m,
                    focus=is_focus,
                    plan=plan,
                )
            )
    events = _events(start, end, plan, wanted)
    entries.extend(events)
    if plan is not None:
        pid = plan_id(plan)
        for index, phase in enumerate(plan.phases, start=1):
            phase_end = phase.end or plan.end
            if phase.start <= end and phase_end >= start:
                entries.append(
                    Entry(
                        EntryKind.PHASE,
                        f"phase:{pid}:{index}",
                        phase.start,
                        phase_end,
                        phase=phase,
                        focus_milestones=focus_of[index],
                        focus_events=plan.events_in(phase),
                        plan=plan,
                    )
                )
        for d in plan.deadlines():
            if start <= d.date <= end:
                uid = f"deadline:{pid}:{d.kind}:{d.period_end.isoformat()}"
                if d.phase:
                    uid = f"deadline:{pid}:{d.kind}:{slug(d.phase)}"
                entries.append(
                    Entry(EntryKind.DEADLINE, uid, d.date, d.date, deadline=d, plan=plan)
                )
    entries.extend(_days_off(start, end))
    if chosen_kinds is not None:
        entries = [e for e in entries if e.kind in chosen_kinds]
    if major_days:
        entries = [e for e in entries if e.major_day]
    entries.sort(key=_order)
    return Schedule(start, end, tuple(entries), plan, cat)
