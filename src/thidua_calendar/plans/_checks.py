"""The checks of a plan (the mistakes of hand-drafted plans), and refusing a plan with errors.

A :class:`~thidua_calendar.plans.Plan` is valid by construction (a phase never ends before it
starts, every key it names is in its catalogue); these checks find what a valid plan can still
get wrong. Each finding is a :class:`~thidua_calendar._diagnostics.Diagnostic` with its
message in Vietnamese and English (Vietnamese shown by default) and, when it is about a
commemoration, its key as data.

Examples:
    >>> from thidua_calendar.plans import halves, make_plan
    >>> plan = make_plan("KH", 2026, halves(2026, themes=("A", "B")))
    >>> plan.check()
    []
    >>> require_no_errors(plan)
    ()
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol

from .._diagnostics import Diagnostic, Texts
from .._milestones import milestones_between
from .._vocabulary import Precision, Severity
from .._wording import plans as words
from .._years import YEARS
from ..errors import ThiduaError

if TYPE_CHECKING:
    from ..commemorations import Catalog
    from ..organisations import Organisation
    from ._model import Plan

_START: Final = attrgetter("start")
_RANK: Final = {severity: rank for rank, severity in enumerate(Severity)}


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Every problem of a plan, in line order.

    Codes: ``phase-year-typo`` (a phase dated in another year while the others match the plan
    year: the corrected year is suggested), ``phase-overlap``, ``phase-gap``,
    ``phase-outside-period``, ``phase-order``, ``focus-outside-phase`` (with the
    commemoration's key as :attr:`~thidua_calendar._diagnostics.Diagnostic.key`),
    ``missing-theme`` (info), ``no-phases``, ``organisation-ended`` (the plan follows or
    focuses on a day of a body that had ended before the plan year, or its title,
    organisation, theme or a phase names one; the body's key as
    :attr:`~thidua_calendar._diagnostics.Diagnostic.key`).
    """
    path = plan.path
    return [
        Diagnostic(severity, code, vi, en, line=line, path=path, key=key)
        for severity, code, line, (vi, en), key in plan_findings(plan)
    ]


Finding = tuple[Severity, str, int | None, Texts, str | None]
"""A finding of :func:`plan_findings`: severity, code, line, texts and key."""


class CheckedPhase(Protocol):
    """What the checks read of a phase: a :class:`~thidua_calendar.plans.Phase` has it all."""

    @property
    def label(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date | None: ...
    @property
    def theme(self) -> str | None: ...
    @property
    def focus(self) -> tuple[str, ...] | None: ...
    @property
    def end_precision(self) -> str:
        """A :class:`~thidua_calendar.Precision` or its value (``month``: a month's last day)."""

    @property
    def line(self) -> int | None: ...


class CheckedPlan(Protocol):
    """What the checks read of a plan: a :class:`~thidua_calendar.plans.Plan` has it all.

    The plan-document checker gives its own light view of a document's phases (it may print
    thousands), valid like a plan's: a start, an end not before it (or an end event), in
    the supported years, with keys of its catalogue.
    """

    @property
    def title(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def theme(self) -> str | None: ...
    @property
    def year(self) -> int: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def year_span(self) -> tuple[dt.date, dt.date]: ...
    @property
    def catalog(self) -> Catalog: ...
    @property
    def follow_keys(self) -> tuple[str, ...]: ...
    @property
    def phases(self) -> Sequence[CheckedPhase]: ...


class _Span(NamedTuple):
    """A phase's window as the overlap and gap checks read it (a typo's at its corrected year)."""

    label: str
    start: dt.date
    end: dt.date | None
    line: int | None


def plan_findings(plan: CheckedPlan, *, themes: bool = True) -> list[Finding]:
    """The findings of :func:`check_plan` as tuples, in the same order.

    The plan-document checker reads them without making a diagnostic of each, on its own
    view of the document's phases (a document may print thousands): see :class:`CheckedPlan`.

    Args:
        plan: The plan.
        themes: Whether a phase without a theme is reported (``missing-theme``).
    """
    found: list[Finding] = []

    def add(
        severity: Severity,
        code: str,
        line: int | None,
        said: Texts,
        key: str | None = None,
    ) -> None:
        found.append((severity, code, line, said, key))

    if not plan.phases:
        add(Severity.WARNING, "no-phases", None, words.no_phases())
    typos = _year_typos(plan)
    first, last = plan.start, plan.end
    for at, phase in enumerate(plan.phases):
        label, line = phase.label, phase.line
        if typos and at in typos:
            wrong, right = typos[at][0], typos[at][1].start.year
            add(
                Severity.ERROR,
                "phase-year-typo",
                line,
                words.phase_year_typo(label, wrong, right, plan.year),
            )
            continue
        if phase.start < first or (phase.end or phase.start) > last:
            add(
                Severity.WARNING,
                "phase-outside-period",
                line,
                words.phase_outside_period(label, phase.start, phase.end, (plan.start, plan.end)),
            )
        if themes and not phase.theme:
            add(Severity.INFO, "missing-theme", line, words.missing_theme(label))
        focus = phase.focus
        if not focus:
            continue
        window_end = max(phase.end or plan.end, phase.start)
        for key in focus:
            if not milestones_between(phase.start, window_end, catalog=plan.catalog, keys=[key]):
                add(
                    Severity.WARNING,
                    "focus-outside-phase",
                    line,
                    words.focus_outside_phase(label, key),
                    key,
                )
    # Overlaps and gaps are judged with the typo phases at their corrected year.
    valid: Sequence[_Span | CheckedPhase] = (
        [typos[at][1] if at in typos else p for at, p in enumerate(plan.phases)]
        if typos
        else plan.phases
    )
    ordered = sorted(valid, key=_START)
    # The same overlap ("Đợt 1" and "Đợt 1" from 1/1) is worded once.
    overlaps: dict[tuple[str, str, dt.date], Texts] = {}
    error, latest = Severity.ERROR, dt.date.max
    for a, b in itertools.pairwise(ordered):
        if b.start <= (a.end if a.end is not None else latest):
            said = (a.label, b.label, b.start)
            overlap = overlaps.get(said)
            if overlap is None:
                overlap = overlaps[said] = words.phase_overlap(*said)
            found.append((error, "phase-overlap", b.line, overlap, None))
        elif a.end is not None and (b.start - a.end).days > 1:
            days = (b.start - a.end).days - 1
            add(
                Severity.WARNING,
                "phase-gap",
                b.line,
                words.phase_gap(a.label, b.label, a.end, days),
            )
    _ended_bodies(plan, add)
    label_numbers = {label: _label_number(label) for label in {p.label for p in ordered}}
    numbers = [label_numbers[p.label] for p in ordered]
    known = [n for n in numbers if n is not None]
    if len(known) == len(numbers) and known != sorted(known):
        labels = ", ".join(p.label for p in ordered)
        add(Severity.WARNING, "phase-order", ordered[0].line, words.phase_order(labels))
    return _in_finding_order(found)


def _in_finding_order(found: list[Finding]) -> list[Finding]:
    """Findings by line, then severity (errors first), then as found.

    Sorted by one int each (line and severity), not a tuple: a document's plan may have
    thousands of findings.
    """
    ranks = len(_RANK)
    keys = [(f[2] or 0) * ranks + _RANK[f[0]] for f in found]
    return [found[at] for at in sorted(range(len(found)), key=keys.__getitem__)]


class _Add(Protocol):
    def __call__(
        self, severity: Severity, code: str, line: int | None, said: Texts, key: str | None = None
    ) -> None: ...


def _ended_bodies(plan: CheckedPlan, add: _Add) -> None:
    """``organisation-ended``: what the plan follows or writes names a body gone by its year.

    The rule of what is gone is :func:`~thidua_calendar.organisations.gone_by` (a body with a
    recorded end before the plan period's first day); a name is matched by
    :func:`~thidua_calendar.organisations.ended_mentions`.
    """
    from ..organisations import ended_mentions, gone_by, organisation

    first_day = plan.year_span[0]
    gone = {body.key: body for body in gone_by(first_day)}
    if not gone:
        return
    year = plan.year

    def successor(key: str) -> Organisation | None:
        heir = gone[key].successor
        return organisation(heir) if heir else None

    followed: list[tuple[str, int | None]] = [(k, None) for k in plan.follow_keys]
    followed += [(k, p.line) for p in plan.phases for k in p.focus or ()]
    for key, line in followed:
        body_key = plan.catalog[key].organisation
        if body_key in gone:
            said = plan.catalog[key].name_vi
            texts = words.organisation_ended(gone[body_key], year, said, successor(body_key))
            add(Severity.WARNING, "organisation-ended", line, texts, body_key)
    fields: list[tuple[str | None, int | None]] = [
        (plan.title, None),
        (plan.organisation, None),
        (plan.theme, None),
    ]
    fields += [(text, p.line) for p in plan.phases for text in (p.label, p.theme)]
    for text, line in fields:
        for body, start, end in ended_mentions(text or "", first_day):
            said = unicodedata.normalize("NFC", text or "")[start:end]
            texts = words.organisation_ended(body, year, said, successor(body.key))
            add(Severity.WARNING, "organisation-ended", line, texts, body.key)


_NUMBER = re.compile(r"(\d+)")


def _label_number(label: str) -> int | None:
    match = _NUMBER.search(label)
    return int(match.group(1)) if match else None


def _moved(phase: CheckedPhase, year: int) -> _Span | None:
    """A phase dated in a single year moved to another year, or ``None`` if it cannot be.

    A month-precision end stays the last day of its month (February of a leap year).
    """
    if year not in YEARS:
        return None
    try:
        start = phase.start.replace(year=year)
        end = phase.end.replace(year=year) if phase.end else None
        if end is not None and phase.end_precision == Precision.MONTH:
            end = end.replace(day=_calendar.monthrange(year, end.month)[1])
    except ValueError:  # 29 February
        return None
    return _Span(phase.label, start, end, phase.line)


def _year_typos(plan: CheckedPlan) -> dict[int, tuple[int, _Span]]:
    """Phases dated in another year while the others match the plan year.

    Each is given (by its place in the plan) with its wrong year and its window moved to
    the plan year that makes it fit the plan period (for a school year, either of its two
    years).
    """
    first, last = plan.year_span
    span = range(first.year, last.year + 1)
    found: dict[int, tuple[int, _Span]] = {}
    if not any(
        p.start.year in span or (p.end is not None and p.end.year in span) for p in plan.phases
    ):
        return found
    day = dt.timedelta(days=1)
    ends_before: set[dt.date] = set()  # the ends of the phases before this one
    for at, phase in enumerate(plan.phases):
        start, end = phase.start, phase.end
        end_year = start.year if end is None else end.year
        if end is not None:
            ends_before.add(end)
        # Dated in one year, outside the plan's: a typo, unless it continues the phase before.
        if start.year in span or end_year in span or end_year != start.year:
            continue
        # A phase that starts the day after one before it ends continues it: "Giai đoạn 3,
        # từ 1/1/2026" after "Giai đoạn 2, đến 31/12" (2025) is no typo.
        if start - day in ends_before:  # (its own end is after its start)
            continue
        # Only a plausible typo: the phase would fit the plan period with the year corrected.
        for year in span:
            moved = _moved(phase, year)
            if (
                moved is not None
                and plan.start <= moved.start
                and (moved.end is None or moved.end <= plan.end)
            ):
                found[at] = (start.year, moved)
                break
    return found


class PlanHasErrorsError(ThiduaError, ValueError):
    """A plan with errors was given where only a plan without errors will do.

    Attributes:
        diagnostics: The plan's error diagnostics.
        path: The plan file, if known.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], path: str | None = None) -> None:
        self.diagnostics = tuple(diagnostics)
        self.path = path
        where = f"{path}: " if path else ""
        english = [d.in_lang("en") for d in self.diagnostics]
        details = "; ".join(
            d.message + (f" ({d.suggestion})" if d.suggestion else "") for d in english
        )
        super().__init__(f"{where}{words.plan_has_errors(len(self.diagnostics), 'en')}: {details}")


def require_no_errors(plan: Plan, *, force: bool = False) -> tuple[Diagnostic, ...]:
    """The one rule for renderers and commands: a plan with errors is refused unless forced.

    Args:
        plan: The plan.
        force: Go on with a plan that has errors (to show them, e.g. in a warning banner).

    Returns:
        The plan's error diagnostics: none, or (with ``force``) those to show.

    Raises:
        PlanHasErrorsError: The plan has errors and ``force`` is false.
    """
    errors = tuple(d for d in plan.check() if d.severity is Severity.ERROR)
    if errors and not force:
        raise PlanHasErrorsError(errors, plan.path)
    return errors


__all__ = ["Finding", "PlanHasErrorsError", "check_plan", "plan_findings", "require_no_errors"]
