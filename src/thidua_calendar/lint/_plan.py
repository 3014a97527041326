"""From an extracted document to a :class:`~thidua_calendar.Plan` and to plan TOML.

The plan period is the plan year (1 September to 31 August for a school year:
:func:`~thidua_calendar.plans.year_span`), widened to the phases that reach into it ("Đợt 1,
từ tháng 11/2019" in a 2020 plan); a phase wholly in another year stays outside it, so that
:func:`~thidua_calendar.plans.check_plan` reports it (as a year typo when the other phases are
in the plan year). A window that ends before it starts cannot be a phase: it is reported as
``phase-end-before-start`` and left out of the plan. The TOML is written by the one plan
writer, :func:`~thidua_calendar.plans.plan_toml`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import attrgetter
from typing import Final, NamedTuple, cast

from .._diagnostics import Diagnostic
from .._vocabulary import Precision, Severity
from .._wording.plans import phase_end_before_start, plan_title
from .._years import YEARS
from ..commemorations import Catalog
from ..plans import DEFAULT_FOLLOW, Phase, Plan, make_plan, year_span
from ..plans import plan_toml as write_plan
from ..plans._checks import CheckedPhase, Finding, plan_findings
from ._dates import make
from ._model import Extraction, PhaseWindow


def _in_range(window: PhaseWindow) -> bool:
    """Whether the window's dates (those it has) are in the supported years."""
    start, end = window.start, window.end
    return (start is None or start.year in YEARS) and (end is None or end.year in YEARS)


def _backwards(window: PhaseWindow) -> bool:
    return window.start is not None and window.end is not None and window.end < window.start


def _usable(extraction: Extraction) -> list[tuple[str, PhaseWindow]]:
    """The windows that can be phases of a plan, each with its label ("Đợt 3" when unlabelled).

    A phase needs a start, an end or an end event, and dates in the supported years; a window
    that ends before it starts is left out (see :func:`phase_diagnostics`).
    """
    found: list[tuple[str, PhaseWindow]] = []  # a list: a document may print thousands
    for number, window in enumerate(extraction.phases, start=1):
        if window.start is None or not _in_range(window) or _backwards(window):
            continue
        if window.end is None and window.end_event is None:
            continue
        found.append((window.label or f"Đợt {number}", window))
    return found


def plan_phases(extraction: Extraction) -> list[tuple[PhaseWindow, Phase]]:
    """The phases that can go into a plan (a start, an end or an event, supported years).

    A window that ends before it starts is left out (see :func:`phase_diagnostics`).
    """
    found = []
    for label, window in _usable(extraction):
        assert window.start is not None
        phase = Phase(
            label=label,
            start=window.start,
            end=window.end,
            theme=window.theme,
            focus=window.focus or None,
            start_precision=Precision.MONTH if window.start_precision == "month" else Precision.DAY,
            end_precision=_PRECISIONS[window.end_precision],
            end_event=window.end_event,
            note=window.note,
            line=window.line,
        )
        found.append((window, phase))
    return found


_PRECISIONS: Final = {p.value: p for p in Precision}


class _CheckedPhase(NamedTuple):
    """An unlabelled phase of the document as the plan checks read it ("Đợt 3").

    A labelled window is read as it is (:func:`_checked_plan`); this view gives the others
    the label a :class:`~thidua_calendar.plans.Phase` of :func:`plan_phases` has.
    """

    label: str
    start: dt.date
    end: dt.date | None
    theme: str | None
    focus: tuple[str, ...] | None
    end_precision: str
    line: int | None


class _CheckedPlan(NamedTuple):
    """The plan a document describes, as the plan checks read it (:class:`CheckedPlan`)."""

    title: str
    organisation: str
    theme: str | None
    year: int
    start: dt.date
    end: dt.date
    year_span: tuple[dt.date, dt.date]
    catalog: Catalog
    follow_keys: tuple[str, ...]
    phases: tuple[CheckedPhase, ...]


def _checked_plan(extraction: Extraction) -> _CheckedPlan | None:
    """:func:`build_plan`'s plan as the checks read it (the same values, none validated again).

    ``None`` without a plan year in the supported years, as for :func:`build_plan`.
    """
    year, school = extraction.year, extraction.school_year
    if year is None or year not in YEARS or (school and year + 1 not in YEARS):
        return None
    # A document may print thousands of windows: a labelled one is read as it is, with no
    # record made for it (the cast: :func:`_usable` gives only windows with a start), an
    # unlabelled one through a view that gives it its label.
    phases = cast(
        "tuple[CheckedPhase, ...]",
        tuple(
            [
                window
                if label is window.label
                else make(
                    _CheckedPhase,
                    (
                        label,
                        window.start,
                        window.end,
                        window.theme,
                        window.focus or None,
                        window.end_precision,
                        window.line,
                    ),
                )
                for label, window in _usable(extraction)
            ]
        ),
    )
    start, end = _period(year, phases, school=school)
    return _CheckedPlan(
        extraction.title or default_title(year, school_year=school),
        "",
        extraction.theme,
        year,
        start,
        end,
        year_span(year, school_year=school),
        extraction.catalog,
        follow_keys(extraction),
        phases,
    )


def _period(
    year: int, phases: Sequence[Phase | CheckedPhase], *, school: bool
) -> tuple[dt.date, dt.date]:
    """The plan year, widened to the phases that reach into it and those that continue them.

    A phase that starts the day after a phase of the period ends continues it ("Giai đoạn 3,
    từ ngày 1 đến 30-1-2026" after "Giai đoạn 2, từ ngày 1 đến 31-12" in a 2025 plan).
    """
    first, last = year_span(year, school_year=school)
    start, end = first, last
    for phase in phases:
        phase_start = phase.start
        phase_end = phase.end or phase_start
        if phase_start <= last and phase_end >= first:
            if phase_start < start:
                start = phase_start
            if phase_end > end:
                end = phase_end
    day = dt.timedelta(days=1)
    following = end + day
    # Only a phase that starts after the period can continue it (``following`` only grows).
    for phase in sorted([p for p in phases if p.start > end], key=_START):
        if phase.start == following and phase.end is not None:
            end = phase.end
            following = end + day
    return start, end


_START: Final = attrgetter("start")


def follow_keys(extraction: Extraction) -> tuple[str, ...]:
    """Commemorations the document celebrates that a plan does not follow by default."""
    catalog = extraction.catalog
    keys: list[str] = []
    # Each key once, in the order first named (a document may name one thousands of times).
    for key in dict.fromkeys(a.key for a in extraction.anniversaries):
        entry = catalog.get(key) if key else None
        if entry is None or entry.major_day or entry.category in DEFAULT_FOLLOW:
            continue
        if entry.key not in keys:
            keys.append(entry.key)
    return tuple(keys)


def default_title(year: int, *, school_year: bool = False) -> str:
    """The title used when the document has no "KẾ HOẠCH" heading."""
    return plan_title(year, school_year=school_year)


def build_plan(extraction: Extraction, path: str | None = None) -> Plan | None:
    """The plan a document describes, or ``None`` without a plan year (in the supported years).

    A school year must end in the supported years too.
    """
    year, school = extraction.year, extraction.school_year
    if year is None or year not in YEARS or (school and year + 1 not in YEARS):
        return None
    phases = [phase for _, phase in plan_phases(extraction)]
    start, end = _period(year, phases, school=school)
    return make_plan(
        extraction.title or default_title(year, school_year=school),
        year,
        phases,
        start=start,
        end=end,
        theme=extraction.theme,
        number=extraction.number or "",
        issued=extraction.issued,
        follow_keys=follow_keys(extraction),
        catalog=extraction.catalog,
        path=path,
        school_year=school,
    )


def phase_diagnostics(extraction: Extraction) -> list[Diagnostic]:
    """The phase checks of a document.

    :func:`~thidua_calendar.plans.check_plan` on the plan it describes, and
    ``phase-end-before-start`` for each window that ends before it starts.
    """
    return [
        Diagnostic(severity, code, vi, en, line=line, key=key)
        for severity, code, line, (vi, en), key in phase_findings(extraction)
    ]


def phase_findings(extraction: Extraction, *, themes: bool = True) -> list[Finding]:
    """:func:`phase_diagnostics` as tuples (severity, code, line, texts, key), in its order.

    Args:
        extraction: The document.
        themes: Whether a phase without a theme is reported (``missing-theme``).
    """
    plan = _checked_plan(extraction)
    if plan is None:
        return []
    found = plan_findings(plan, themes=themes) if plan.phases else []
    if len(plan.phases) == len(extraction.phases):
        return found  # every window is a phase: none ends before it starts
    for number, window in enumerate(extraction.phases, start=1):
        if _backwards(window) and _in_range(window):
            assert window.start is not None
            assert window.end is not None
            said = phase_end_before_start(window.label or f"Đợt {number}", window.start, window.end)
            found.append((Severity.ERROR, "phase-end-before-start", window.line, said, None))
    return found


def _header(path: str | None, skipped: Sequence[PhaseWindow]) -> list[str]:
    source = f" from {path}" if path else ""
    lines = [
        f"Plan extracted{source} by `thidua-calendar lint --emit-plan`.",
        "Review it: windows, themes and focus lists are as the document prints them.",
        "Format: docs/plan-format.md. Check it with: thidua-calendar plan check FILE",
    ]
    lines += [
        f"Left out: line {w.line}, {w.label or 'a phase'} ({w.window}) ends before it starts."
        for w in skipped
    ]
    return lines


def plan_toml(extraction: Extraction, path: str | None = None) -> str:
    """Plan TOML for the document (what :func:`~thidua_calendar.parse_plan` reads).

    Raises:
        ValueError: The document has no plan year (give one with ``year=``).
    """
    plan = build_plan(extraction, path)
    if plan is None:
        raise ValueError(
            "cannot write a plan: the plan year was not found or is outside the supported "
            "years (give it with --year / year=)"
        )
    skipped = [w for w in extraction.phases if _backwards(w) and _in_range(w)]
    comments = [f"line {w.line}: {w.window}" for w, _ in plan_phases(extraction)]
    return write_plan(plan, header=_header(path, skipped), phase_comments=comments, labels=False)


__all__ = [
    "build_plan",
    "default_title",
    "follow_keys",
    "phase_diagnostics",
    "phase_findings",
    "plan_phases",
    "plan_toml",
]
