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
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, Literal

import attrs

from . import _render
from ._milestones import Milestone, Rank, milestones_between
from .commemorations import (
    CATEGORIES,
    Catalog,
    Lang,
    LunarDay,
    WholeMonth,
    format_en,
    format_vi,
    resolve_catalog,
)
from .lunar import can_chi, to_lunar
from .plans import Deadline, Phase, Plan

Kind = Literal["holiday", "milestone", "festival", "observance", "phase", "deadline"]
KINDS: Final = ("holiday", "milestone", "festival", "observance", "phase", "deadline")
_KIND_VI: Final = {
    "holiday": "Ngày lễ lớn",
    "milestone": "Kỷ niệm",
    "festival": "Lễ tết",
    "observance": "Ngày/tháng",
    "phase": "Đợt thi đua",
    "deadline": "Hạn báo cáo",
}
_KIND_EN: Final = {
    "holiday": "Major day",
    "milestone": "Anniversary",
    "festival": "Festival",
    "observance": "Observance",
    "phase": "Phase",
    "deadline": "Deadline",
}


@attrs.frozen
class Entry:
    """One item of a schedule.

    Attributes:
        kind: ``holiday`` (ngày lễ lớn), ``milestone``, ``festival`` (lunar festivals),
            ``observance`` (days and months without counted years), ``phase``, ``deadline``.
        uid: A stable identity (``milestone:thanh_lap_dang:2025``) for feeds.
        start: First day.
        end: Last day (inclusive).
        key: The commemoration key, for catalogue entries.
        milestone: The milestone, for catalogue entries.
        phase: The phase, for phases.
        deadline: The deadline, for deadlines.
        focus: Whether a phase of the plan is dedicated to this milestone.
        focus_milestones: For a phase, the milestones it is dedicated to (computed once, by
            :func:`schedule`; renderers read them from here).
        plan: The plan the entry comes from, if any.
    """

    kind: Kind
    uid: str
    start: dt.date
    end: dt.date
    key: str | None = None
    milestone: Milestone | None = attrs.field(default=None, repr=False)
    phase: Phase | None = attrs.field(default=None, repr=False)
    deadline: Deadline | None = attrs.field(default=None, repr=False)
    focus: bool = False
    focus_milestones: tuple[Milestone, ...] = attrs.field(default=(), repr=False)
    plan: Plan | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def rank(self) -> Rank | None:
        """The milestone's rank, if ranked."""
        return self.milestone.rank if self.milestone else None

    @property
    def ordinal(self) -> int | None:
        """The milestone's ordinal, if counted."""
        return self.milestone.ordinal if self.milestone else None

    def title(self, lang: Lang = "vi") -> str:
        """The one-line title (a feed's SUMMARY)."""
        if self.milestone is not None:
            return self.milestone.label(lang)
        if self.phase is not None:
            theme = f": “{self.phase.theme}”" if self.phase.theme else ""
            if lang == "en":
                return f"Emulation {self.phase.label.replace('Đợt', 'phase')}{theme}"
            return f"{self.phase.label}{theme}"
        assert self.deadline is not None
        return self.deadline.title(lang)

    def description(self, lang: Lang = "vi") -> str:
        """What it is, since when, ordinal and rank, legal basis; themes and focus of phases."""
        if self.milestone is not None:
            return _milestone_description(self.milestone, lang)
        if self.phase is not None:
            return _phase_description(self, lang)
        assert self.deadline is not None
        d = self.deadline
        if lang == "en":
            return (
                f"Due {format_en(d.date)}, for {format_en(d.period_start)} – "
                f"{format_en(d.period_end)}."
            )
        return (
            f"Hạn {format_vi(d.date)}, kỳ báo cáo từ {format_vi(d.period_start)} đến "
            f"{format_vi(d.period_end)}."
        )

    def as_record(self, lang: Lang = "vi") -> dict[str, object]:
        """A flat record for JSON and CSV."""
        m = self.milestone
        return {
            "kind": self.kind,
            "uid": self.uid,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "title": self.title(lang),
            "key": self.key,
            "ordinal": m.ordinal if m else None,
            "rank": m.rank.value if m and m.rank else None,
            "category": m.commemoration.category if m else None,
            "focus": self.focus,
            "phase": self.phase.label if self.phase else None,
            "theme": self.phase.theme if self.phase else None,
            "description": self.description(lang),
        }


def _milestone_description(m: Milestone, lang: Lang) -> str:
    c = m.commemoration
    parts = []
    if lang == "en":
        parts.append(f"{c.name_en}.")
        if m.ordinal is not None and c.origin is not None:
            rank = f", {m.rank.label('en')}" if m.rank else ""
            parts.append(f"{m.ordinal} years since {c.origin.en()}{rank}.")
        elif m.rank is not None:
            parts.append(f"Ranked by the year itself: {m.rank.label('en')}.")
        if isinstance(c.rule, LunarDay):
            parts.append(f"Lunar date {c.rule.day}/{c.rule.month} (Vietnamese calendar).")
        if c.legal_basis:
            parts.append(f"Legal basis: {c.legal_basis}.")
        return " ".join(parts)
    parts.append(f"{c.name_vi}.")
    if m.ordinal is not None and c.origin is not None:
        rank = f" ({m.rank.label('vi')})" if m.rank else ""
        parts.append(f"Kỷ niệm {m.ordinal} năm{rank}, từ {c.origin.vi()}.")
    elif m.rank is not None:
        parts.append(f"Xếp hạng theo năm dương lịch: {m.rank.label('vi')}.")
    if isinstance(c.rule, LunarDay):
        lunar = to_lunar(m.date)
        parts.append(f"Ngày {c.rule.day}/{c.rule.month} âm lịch năm {can_chi(lunar.year)}.")
    if c.legal_basis:
        parts.append(f"Căn cứ: {c.legal_basis}.")
    return " ".join(parts)


def _phase_description(entry: Entry, lang: Lang) -> str:
    phase, plan = entry.phase, entry.plan
    assert phase is not None
    focus = entry.focus_milestones
    if lang == "en":
        parts = [f"{phase.label}, {phase.window('en')}."]
        if phase.theme:
            parts.append(f"Theme: “{phase.theme}”.")
        if focus:
            parts.append("Dedicated to: " + "; ".join(m.label("en") for m in focus) + ".")
        if plan:
            parts.append(f"Plan: {plan.title}.")
        return " ".join(parts)
    parts = [f"{phase.label} ({phase.window('vi')})."]
    if phase.theme:
        parts.append(f"Chủ đề: “{phase.theme}”.")
    if focus:
        parts.append("Hướng về: " + "; ".join(m.label("vi") for m in focus) + ".")
    if plan:
        parts.append(f"Kế hoạch: {plan.title}.")
    return " ".join(parts)


def _kind_of(m: Milestone) -> Kind:
    c = m.commemoration
    if c.holiday:
        return "holiday"
    if m.ordinal is not None:
        return "milestone"
    if isinstance(c.rule, LunarDay):
        return "festival"
    return "observance"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "plan"


def plan_id(plan: Plan) -> str:
    """A stable identifier of a plan for feed UIDs: its file name, else organisation and year."""
    if plan.path and plan.path != "<string>":
        return _slug(Path(plan.path).stem)
    return _slug(f"{plan.organisation or 'plan'}-{plan.year}")


@attrs.frozen
class Schedule:
    """A chronological list of entries over a span.

    Attributes:
        start: First day covered.
        end: Last day covered.
        entries: The entries, by start date then kind.
        plan: The plan the schedule was made for, if any.
    """

    start: dt.date
    end: dt.date
    entries: tuple[Entry, ...]
    plan: Plan | None = None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def of_kind(self, *kinds: Kind) -> list[Entry]:
        """The entries of some kinds."""
        return [e for e in self.entries if e.kind in kinds]

    def records(self, lang: Lang = "vi") -> list[dict[str, object]]:
        """Flat records (JSON/CSV)."""
        return [e.as_record(lang) for e in self.entries]

    def to_text(self, lang: Lang = "vi") -> str:
        """A text table: dates, kind, title."""
        names = _KIND_EN if lang == "en" else _KIND_VI
        fmt = (lambda d: d.isoformat()) if lang == "en" else format_vi
        rows = []
        for e in self.entries:
            when = fmt(e.start) if e.start == e.end else f"{fmt(e.start)} – {fmt(e.end)}"
            mark = " ★" if e.rank is Rank.TRON else (" ☆" if e.rank is Rank.LE5 else "")
            rows.append([when, names[e.kind], e.title(lang) + mark])
        header = ["Date", "Kind", "Title"] if lang == "en" else ["Ngày", "Loại", "Nội dung"]
        legend = (
            "★ round anniversary (năm tròn), ☆ ends in 5 (năm lẻ 5)\n"
            if lang == "en"
            else "★ năm tròn, ☆ năm lẻ 5\n"
        )
        return _render.to_table(rows, header) + legend

    def to_plan_text(self, lang: Lang = "vi") -> str:
        """The phases in the wording of a plan document (requires a plan)."""
        if self.plan is None:
            raise ValueError("plan-form text needs a plan (pass plan=…)")
        return plan_text(self.plan, lang)


def plan_text(plan: Plan, lang: Lang = "vi") -> str:
    """A plan's phases and reporting duties in the wording plan documents use.

    Examples:
        >>> from thidua_calendar.plans import halves, make_plan
        >>> plan = make_plan("Kế hoạch thi đua năm 2020", 2020, halves(2020, ("Mừng Đảng", None)))
        >>> phase_1 = plan_text(plan).splitlines()[2]
        >>> phase_1[:69]
        'Đợt 1 (từ 01/01/2020 đến 30/06/2020): chủ đề “Mừng Đảng”. Thi đua lập'
        >>> phase_1[69:]  # doctest: +ELLIPSIS
        ' thành tích chào mừng kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam ...'
    """
    lines = [plan.title.upper() if lang == "vi" else plan.title]
    if plan.organisation:
        lines.append(plan.organisation)
    else:
        lines.append("")
    if plan.theme:
        lines.insert(
            2,
            (
                f"Chủ đề năm {plan.year}: “{plan.theme}”."
                if lang == "vi"
                else f"Theme of {plan.year}: “{plan.theme}”."
            ),
        )
    for phase in plan.phases:
        focus = plan.milestones_in(phase)
        if lang == "en":
            text = f"{phase.label.replace('Đợt', 'Phase')} ({phase.window('en')})"
            text += f": theme “{phase.theme}”." if phase.theme else "."
            if focus:
                text += (
                    " Emulation in honour of the "
                    + "; the ".join(m.label("en") for m in focus)
                    + "."
                )
        else:
            text = f"{phase.label} ({phase.window('vi')})"
            text += f": chủ đề “{phase.theme}”." if phase.theme else "."
            if focus:
                items = [_inline_vi(m, first=i == 0) for i, m in enumerate(focus)]
                text += " Thi đua lập thành tích chào mừng " + "; ".join(items) + "."
        lines.append(text)
    deadlines = plan.deadlines()
    if deadlines:
        lines.append("Reporting:" if lang == "en" else "Chế độ báo cáo:")
        for d in deadlines:
            when = format_en(d.date) if lang == "en" else format_vi(d.date)
            lines.append(f"- {d.title(lang)}: {'due' if lang == 'en' else 'hạn'} {when}")
    return "\n".join(lines) + "\n"


def _inline_vi(m: Milestone, *, first: bool) -> str:
    """A milestone inside a sentence: "kỷ niệm 90 năm …" first, then "45 năm …"."""
    label = m.label("vi")
    if label.startswith("Kỷ niệm "):
        rest = label.removeprefix("Kỷ niệm ")
        return f"kỷ niệm {rest}" if first else rest
    return label


def _span(year_or_span: int | tuple[int, int] | tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    if isinstance(year_or_span, bool):
        raise TypeError("a year is an int")
    if isinstance(year_or_span, int):
        return dt.date(year_or_span, 1, 1), dt.date(year_or_span, 12, 31)
    if isinstance(year_or_span, tuple) and len(year_or_span) == 2:
        first, last = year_or_span
        if isinstance(first, int) and isinstance(last, int):
            first_day, last_day = dt.date(first, 1, 1), dt.date(last, 12, 31)
        elif isinstance(first, dt.date) and isinstance(last, dt.date):
            first_day, last_day = first, last
        else:
            raise TypeError("a span is (first_year, last_year) or (first_date, last_date)")
        if last_day < first_day:
            raise ValueError(f"the span ends ({last_day}) before it starts ({first_day})")
        return first_day, last_day
    raise TypeError(f"expected a year or a span, not {type(year_or_span).__name__}")


def schedule(
    year_or_span: int | tuple[int, int] | tuple[dt.date, dt.date],
    plan: Plan | str | Path | None = None,
    *,
    catalog: Catalog | str | Path | None = None,
    categories: Iterable[str] | None = None,
    kinds: Sequence[str] | None = None,
) -> Schedule:
    """The schedule of a year (or span) in date order.

    Args:
        year_or_span: A year, ``(first_year, last_year)`` or ``(first_day, last_day)``.
        plan: A :class:`Plan` or a plan file: adds its phases and deadlines, and selects the
            commemorations it follows (plus its phases' focus and every ngày lễ lớn).
        catalog: A catalogue (or user catalogue file) when there is no plan.
        categories: Without a plan, keep only these categories (the ngày lễ lớn and the
            lunar festivals always stay).
        kinds: Keep only these entry kinds.

    Returns:
        The :class:`Schedule`.
    """
    start, end = _span(year_or_span)
    if isinstance(plan, str | Path):
        from .plans import load_plan

        plan = load_plan(plan)
    if plan is not None and catalog is not None:
        raise ValueError("give the catalogue in the plan's [follow] table, not both")
    cat = plan.catalog if plan is not None else resolve_catalog(catalog)
    wanted = set(categories) if categories is not None else None
    if wanted is not None and wanted - set(CATEGORIES):
        raise ValueError(f"unknown categories {', '.join(sorted(wanted - set(CATEGORIES)))}")
    if kinds is not None and set(kinds) - set(KINDS):
        raise ValueError(
            f"unknown kinds {', '.join(sorted(set(kinds) - set(KINDS)))}; "
            f"choose from {', '.join(KINDS)}"
        )
    focus_of: dict[int, tuple[Milestone, ...]] = {}
    if plan is not None:
        focus_of = {i: tuple(plan.milestones_in(p)) for i, p in enumerate(plan.phases, start=1)}
    focus_keys = {(m.key, m.date) for focus in focus_of.values() for m in focus}

    entries: list[Entry] = []
    for m in milestones_between(start, end, catalog=cat):
        kind = _kind_of(m)
        is_focus = (m.key, m.date) in focus_keys
        if plan is not None:
            keep = kind in ("holiday", "festival") or is_focus or plan.follows(m)
        else:
            keep = (
                kind in ("holiday", "festival")
                or wanted is None
                or m.commemoration.category in wanted
            )
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
    if plan is not None:
        pid = plan_id(plan)
        for index, phase in enumerate(plan.phases, start=1):
            phase_end = phase.end or plan.end
            if phase.start <= end and phase_end >= start:
                entries.append(
                    Entry(
                        "phase",
                        f"phase:{pid}:{index}",
                        phase.start,
                        phase_end,
                        phase=phase,
                        focus_milestones=focus_of[index],
                        plan=plan,
                    )
                )
        for d in plan.deadlines():
            if start <= d.date <= end:
                uid = f"deadline:{pid}:{d.kind}:{d.period_end.isoformat()}"
                if d.phase:
                    uid = f"deadline:{pid}:{d.kind}:{_slug(d.phase)}"
                entries.append(Entry("deadline", uid, d.date, d.date, deadline=d, plan=plan))
    if kinds is not None:
        entries = [e for e in entries if e.kind in kinds]
    order = {k: i for i, k in enumerate(("phase", *KINDS))}
    entries.sort(key=lambda e: (e.start, order[e.kind], e.uid))
    return Schedule(start, end, tuple(entries), plan)


_ = (WholeMonth,)
