"""The checks of a plan: the mistakes of hand-drafted plans, as diagnostics."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import attrs

from .._milestones import milestones_between
from ..commemorations import format_vi
from ._model import SEVERITIES, Diagnostic, Phase, Plan, Severity


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Every problem of a plan, in line order.

    Codes: ``phase-end-before-start``, ``phase-year-typo`` (a phase dated in another year
    while the others match the plan year: the corrected year is suggested),
    ``phase-overlap``, ``phase-gap``, ``phase-outside-period``, ``phase-order``,
    ``focus-outside-phase``, ``missing-theme`` (info), ``no-phases``.
    """
    found: list[Diagnostic] = []

    def add(
        severity: Severity, code: str, line: int | None, en: str, vi: str, fix_en: str, fix_vi: str
    ) -> None:
        found.append(Diagnostic(severity, code, en, fix_en, line, plan.path, vi, fix_vi))

    if not plan.phases:
        add(
            "warning",
            "no-phases",
            None,
            "the plan has no phases",
            "kế hoạch không có đợt thi đua nào",
            "add [[phase]] tables",
            "thêm các bảng [[phase]]",
        )
    typos = _year_typos(plan)
    for phase in plan.phases:
        label, line = phase.label, phase.line
        if phase in typos:
            wrong, right = typos[phase]
            add(
                "error",
                "phase-year-typo",
                line,
                f"{label} is dated {wrong} in a {plan.year} plan",
                f"{label} ghi năm {wrong} trong kế hoạch năm {plan.year}",
                f"did you mean {right}?",
                f"có phải là năm {right}?",
            )
            continue
        if phase.end is not None and phase.end < phase.start:
            add(
                "error",
                "phase-end-before-start",
                line,
                f"{label} ends ({phase.end}) before it starts ({phase.start})",
                f"{label} kết thúc ({format_vi(phase.end)}) trước khi bắt đầu "
                f"({format_vi(phase.start)})",
                "swap the dates or correct the typo",
                "đổi lại hai ngày hoặc sửa lỗi gõ",
            )
        elif phase.start < plan.start or (phase.end or phase.start) > plan.end:
            add(
                "warning",
                "phase-outside-period",
                line,
                f"{label} ({phase.start} – {phase.end or '…'}) is outside the plan period "
                f"{plan.start} – {plan.end}",
                f"{label} nằm ngoài thời gian của kế hoạch ({format_vi(plan.start)} - "
                f"{format_vi(plan.end)})",
                "adjust the phase or the plan's start/end",
                "sửa thời gian của đợt hoặc của kế hoạch",
            )
        if not phase.theme:
            add(
                "info",
                "missing-theme",
                line,
                f"{label} has no theme",
                f"{label} chưa có chủ đề",
                'add theme = "…" if the document gives one',
                'thêm theme = "…" nếu văn bản có chủ đề',
            )
        window_end = max(phase.end or plan.end, phase.start)
        for key in phase.focus or ():
            if not milestones_between(phase.start, window_end, catalog=plan.catalog, keys=[key]):
                add(
                    "warning",
                    "focus-outside-phase",
                    line,
                    f"{label} focuses on {key}, which does not fall inside its window",
                    f"{label} hướng về {key} nhưng ngày này không nằm trong thời gian của đợt",
                    "move it to the phase that contains it",
                    "chuyển sang đợt có chứa ngày đó",
                )
    # Overlaps and gaps are judged with the typo phases at their corrected year.
    valid = [_corrected(p, plan.year) if p in typos else p for p in plan.phases]
    valid = [p for p in valid if p.end is None or p.end >= p.start]
    ordered = sorted(valid, key=lambda p: p.start)
    for a, b in itertools.pairwise(ordered):
        if b.start <= (a.end if a.end is not None else dt.date.max):
            add(
                "error",
                "phase-overlap",
                b.line,
                f"{a.label} and {b.label} overlap ({b.start} is before {a.label} ends)",
                f"{a.label} và {b.label} chồng lên nhau",
                f"end {a.label} on {b.start - dt.timedelta(days=1)}",
                f"kết thúc {a.label} vào {format_vi(b.start - dt.timedelta(days=1))}",
            )
        elif a.end is not None and (b.start - a.end).days > 1:
            days = (b.start - a.end).days - 1
            add(
                "warning",
                "phase-gap",
                b.line,
                f"{days} days between {a.label} and {b.label} belong to no phase",
                f"có {days} ngày giữa {a.label} và {b.label} không thuộc đợt nào",
                f"start {b.label} on {a.end + dt.timedelta(days=1)}",
                f"bắt đầu {b.label} từ {format_vi(a.end + dt.timedelta(days=1))}",
            )
    numbers = [_label_number(p.label) for p in ordered]
    known = [n for n in numbers if n is not None]
    if len(known) == len(numbers) and known != sorted(known):
        labels = ", ".join(p.label for p in ordered)
        add(
            "warning",
            "phase-order",
            ordered[0].line,
            f"phase labels are out of date order ({labels})",
            f"thứ tự đánh số các đợt không khớp với thời gian ({labels})",
            "renumber the phases in date order",
            "đánh số lại các đợt theo thời gian",
        )
    return sorted(found, key=lambda d: (d.line or 0, SEVERITIES.index(d.severity)))


def _corrected(phase: Phase, year: int) -> Phase:
    """A typo phase moved to the plan year (``_year_typos`` checked that this is possible)."""
    end = phase.end.replace(year=year) if phase.end else None
    return attrs.evolve(phase, start=phase.start.replace(year=year), end=end)


def _label_number(label: str) -> int | None:
    match = re.search(r"(\d+)", label)
    return int(match.group(1)) if match else None


def _year_typos(plan: Plan) -> dict[Phase, tuple[int, int]]:
    """Phases dated in another year while the other phases match the plan year."""

    def years(p: Phase) -> set[int]:
        return {p.start.year} | ({p.end.year} if p.end else set())

    in_year = [p for p in plan.phases if plan.year in years(p)]
    found: dict[Phase, tuple[int, int]] = {}
    if not in_year:
        return found
    for phase in plan.phases:
        ys = years(phase)
        if plan.year in ys or len(ys) != 1:
            continue
        wrong = ys.pop()
        # Only a plausible typo: the phase would fit the plan period with the year corrected.
        try:
            start = phase.start.replace(year=plan.year)
            end = phase.end.replace(year=plan.year) if phase.end else None
        except ValueError:
            continue
        if plan.start <= start and (end is None or end <= plan.end):
            found[phase] = (wrong, plan.year)
    return found
