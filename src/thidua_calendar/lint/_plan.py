"""From an extracted document to a :class:`~thidua_calendar.Plan` and to plan TOML.

The plan period is the plan year (September to August for a school year), widened to the
phases that reach into it ("Đợt 1, từ tháng 11/2019" in a 2020 plan); a phase wholly in
another year stays outside it, so that :func:`~thidua_calendar.plans.check_plan` reports it
(as a year typo when the other phases are in the plan year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .._years import YEARS as SUPPORTED_YEARS
from ..commemorations import default_catalog
from ..plans import DEFAULT_FOLLOW, Phase, Plan, make_plan
from ._model import Extraction, PhaseWindow


def _in_range(window: PhaseWindow) -> bool:
    return all(d is None or d.year in SUPPORTED_YEARS for d in (window.start, window.end))


def plan_phases(extraction: Extraction) -> list[tuple[PhaseWindow, Phase]]:
    """The phases that can go into a plan (a start, an end or an event, supported years)."""
    found = []
    for number, window in enumerate(extraction.phases, start=1):
        if window.start is None or not _in_range(window):
            continue
        if window.end is None and window.end_event is None:
            continue
        phase = Phase(
            label=window.label or f"Đợt {number}",
            start=window.start,
            end=window.end,
            theme=window.theme,
            focus=window.focus or None,
            start_precision="month" if window.start_precision == "month" else "day",
            end_precision=window.end_precision,
            end_event=window.end_event,
            note=window.note,
            line=window.line,
        )
        found.append((window, phase))
    return found


def _period(year: int, phases: Sequence[Phase], *, school: bool) -> tuple[dt.date, dt.date]:
    if school:
        first, last = dt.date(year, 9, 1), dt.date(year + 1, 8, 31)
    else:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start, end = first, last
    for phase in phases:
        phase_end = phase.end or phase.start
        if phase.start <= last and phase_end >= first:
            start = min(start, phase.start)
            end = max(end, phase_end)
    return start, end


def follow_keys(extraction: Extraction) -> tuple[str, ...]:
    """Commemorations the document celebrates that a plan does not follow by default."""
    catalog = default_catalog()
    keys: list[str] = []
    for anniversary in extraction.anniversaries:
        entry = catalog.get(anniversary.key) if anniversary.key else None
        if entry is None or entry.major_day or entry.category in DEFAULT_FOLLOW:
            continue
        if entry.key not in keys:
            keys.append(entry.key)
    return tuple(keys)


def default_title(year: int) -> str:
    """The title used when the document has no "KẾ HOẠCH" heading."""
    return f"Kế hoạch phát động phong trào thi đua năm {year}"


def build_plan(extraction: Extraction, path: str | None = None) -> Plan | None:
    """The plan a document describes, or ``None`` without a plan year."""
    year = extraction.year
    if year is None or year not in SUPPORTED_YEARS:
        return None
    phases = [phase for _, phase in plan_phases(extraction)]
    start, end = _period(year, phases, school=extraction.school_year)
    return make_plan(
        extraction.title or default_title(year),
        year,
        phases,
        start=start,
        end=end,
        theme=extraction.theme,
        number=extraction.number or "",
        issued=extraction.issued,
        follow_keys=follow_keys(extraction),
        path=path,
    )


def toml_string(text: str) -> str:
    """A TOML basic string (quotes, backslashes and control characters escaped).

    Examples:
        >>> toml_string("Chủ đề “A”")
        '"Chủ đề “A”"'
        >>> len(toml_string('a"b')) == len('a"b') + 3  # two quotes around, one escape inside
        True
    """
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _comment(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", " ", text)


def _month_or_day(date: dt.date, precision: str) -> str:
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def plan_toml(extraction: Extraction, path: str | None = None) -> str:
    """Plan TOML for the document (what :func:`~thidua_calendar.parse_plan` reads).

    Raises:
        ValueError: The document has no plan year (give one with ``year=``).
    """
    plan = build_plan(extraction, path)
    if plan is None:
        raise ValueError(
            "cannot write a plan: the plan year was not found (give it with --year / year=)"
        )
    source = f" from {_comment(path)}" if path else ""
    lines = [
        f"# Plan extracted{source} by `thidua-calendar lint --emit-plan`.",
        "# Review it: windows, themes and focus lists are as the document prints them.",
        "# Format: docs/plan-format.md. Check it with: thidua-calendar plan check FILE",
        "",
        "[plan]",
        f"title = {toml_string(plan.title)}",
    ]
    if plan.number:
        lines.append(f"number = {toml_string(plan.number)}")
    if plan.issued is not None:
        lines.append(f'date = "{plan.issued.isoformat()}"')
    lines += [
        f"year = {plan.year}",
        f'start = "{plan.start.isoformat()}"',
        f'end = "{plan.end.isoformat()}"',
    ]
    if plan.theme:
        lines.append(f"theme = {toml_string(plan.theme)}")
    lines += ["", "[follow]", 'categories = ["union"]   # plus every ngày lễ lớn']
    if plan.follow_keys:
        lines.append(f"keys = [{', '.join(toml_string(k) for k in plan.follow_keys)}]")
    for window, phase in plan_phases(extraction):
        lines += [
            "",
            f"[[phase]]   # line {window.line}: {_comment(window.window)}",
            f"label = {toml_string(phase.label)}",
            f'start = "{_month_or_day(phase.start, phase.start_precision)}"',
        ]
        event = phase.end_event
        if event is not None and event.congress is not None:
            lines.append(
                f"end_event = {{ congress = {toml_string(event.congress)}, "
                f"ordinal = {event.ordinal} }}"
            )
        elif event is not None and event.commemoration is not None:
            lines.append(f"end_event = {{ commemoration = {toml_string(event.commemoration)} }}")
        elif event is not None:
            lines.append("end_event = { tba = true }")
        elif phase.end is not None:
            lines.append(f'end = "{_month_or_day(phase.end, phase.end_precision)}"')
        if phase.theme:
            lines.append(f"theme = {toml_string(phase.theme)}")
        if phase.focus:
            lines.append(f"focus = [{', '.join(toml_string(k) for k in phase.focus)}]")
        if phase.note:
            lines.append(f"note = {toml_string(phase.note)}")
    return "\n".join(lines) + "\n"
