"""Plans built in code: the usual phase shapes, and the starter plans of ``plan new``."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Final

from ._model import EndEvent, Phase, Plan


def halves(year: int, themes: Sequence[str | None] = (None, None)) -> tuple[Phase, ...]:
    """Two phases: January–June and July–December.

    Examples:
        >>> [p.window() for p in halves(2026)]
        ['từ 01/01/2026 đến 30/06/2026', 'từ 01/07/2026 đến 31/12/2026']
    """
    return (
        Phase("Đợt 1", dt.date(year, 1, 1), dt.date(year, 6, 30), themes[0]),
        Phase("Đợt 2", dt.date(year, 7, 1), dt.date(year, 12, 31), themes[1]),
    )


def quarters(year: int) -> tuple[Phase, ...]:
    """Four phases, one per quarter."""
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
    return (
        Phase("Học kỳ I", dt.date(first_year, 9, 1), dt.date(first_year, 12, 31)),
        Phase("Học kỳ II", dt.date(first_year + 1, 1, 1), dt.date(first_year + 1, 5, 31)),
    )


def until_event(label: str, start: dt.date, event: EndEvent) -> Phase:
    """A phase from a date until an event ("đến khi tổ chức thành công Đại hội XIV").

    Examples:
        >>> p = until_event("Đợt 1", dt.date(2025, 10, 1), EndEvent(congress="party", ordinal=14))
        >>> p.end
        datetime.date(2026, 1, 23)
        >>> p.window()
        'từ 01/10/2025 đến khi tổ chức thành công Đại hội XIV của Đảng'
    """
    end: dt.date | None = event.expected
    if event.congress is not None and event.ordinal is not None:
        from ..congresses import congress_series

        congress = congress_series(event.congress).by_ordinal(event.ordinal)
        end = congress.end or congress.start
    elif event.commemoration is not None:
        from .._milestones import milestones

        found = [
            m
            for y in (start.year, start.year + 1)
            for m in milestones(y, keys=[event.commemoration])
            if m.date >= start
        ]
        end = found[0].date if found else None
    return Phase(label, start, end, end_precision="event", end_event=event)


def make_plan(title: str, year: int, phases: Iterable[Phase], **fields: Any) -> Plan:
    """A plan built in code (the period defaults to the span of the phases and the year)."""
    phases = tuple(phases)
    starts = [p.start for p in phases] + [dt.date(year, 1, 1)]
    ends = [p.end for p in phases if p.end] + [dt.date(year, 12, 31)]
    fields.setdefault("start", min(starts))
    fields.setdefault("end", max(ends))
    return Plan(title=title, year=year, phases=phases, **fields)


_TEMPLATES: Final = ("halves", "quarters", "school-year")


def starter_plan_toml(year: int, template: str = "halves", *, organisation: str = "") -> str:
    """A starter plan file: phases of a template, each with its round anniversaries as focus.

    Round anniversaries are the năm tròn and năm lẻ 5 of the ngày lễ lớn and the union days
    that fall inside each phase.
    """
    from .._milestones import Rank

    if template not in _TEMPLATES:
        raise ValueError(f"unknown template {template!r}; choose from {', '.join(_TEMPLATES)}")
    if not 1901 <= year <= 2198:
        raise ValueError(f"year {year} is outside the supported range 1901–2198")
    phases = {"halves": halves, "quarters": quarters, "school-year": school_year}[template](year)
    plan = make_plan(f"Kế hoạch phát động phong trào thi đua năm {year}", year, phases)
    lines = [
        f"# Starter plan for {year} ({template}), written by `thidua-calendar plan new`.",
        "# Fill in the themes; adjust the phases and the focus lists as your plan decides.",
        "# Format: docs/plan-format.md. Check it with: thidua-calendar plan check FILE",
        "",
        "[plan]",
        f'title = "Kế hoạch phát động phong trào thi đua năm {year}"',
        f"organisation = {_toml_str(organisation)}",
        f"year = {year}",
        f'start = "{plan.start.isoformat()}"',
        f'end = "{plan.end.isoformat()}"',
        "",
        "[follow]",
        'categories = ["union"]   # plus every ngày lễ lớn',
        "",
    ]
    for phase in phases:
        focus = [
            m for m in plan.milestones_in(phase) if m.rank is not None and m.rank.at_least(Rank.LE5)
        ]
        lines += [
            "[[phase]]",
            f"label = {_toml_str(phase.label)}",
            f'start = "{phase.start.isoformat()}"',
            f'end = "{phase.end.isoformat()}"' if phase.end else "",
            'theme = ""',
        ]
        if focus:
            lines += ["focus = [", *[f'    "{m.key}",  # {m.label()}' for m in focus], "]"]
        else:
            lines += [
                "# No năm tròn or năm lẻ 5 falls in this phase. Without `focus`, the phase",
                "# is dedicated to every followed anniversary inside it.",
            ]
        lines.append("")
    lines += [
        "[reporting]",
        "phase_review = { days_after = 15 }",
        "quarterly = { day = 15, months_after = 1 }",
        "yearly = { day = 30, months_after = -1 }",
        "",
    ]
    return "\n".join(line for line in lines if line is not None)


def _toml_str(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
