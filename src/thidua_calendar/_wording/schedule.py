"""Schedule wording: entry titles and descriptions, the text table and the plan-form text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._vocabulary import EntryKind
from . import date_text, date_vi, kind_label, lang_of, phase_label, pick, quoted, rank_mark
from .congresses import event_description, event_inline, event_title
from .milestones import milestone_description, milestone_inline, milestone_label

if TYPE_CHECKING:
    from .._schedule import Entry, Schedule
    from .._vocabulary import LangArg


def phase_window(entry: Entry, lang: LangArg) -> str:
    """A phase entry's window, its end named with the plan's own catalogue.

    ``từ 01/09/2025 đến Ngày thành lập Trường …`` names the school's day, not its key.
    """
    assert entry.phase is not None
    if entry.plan is not None:
        return entry.plan.window(entry.phase, lang)
    return entry.phase.window(lang)


def entry_title(entry: Entry, lang: LangArg) -> str:
    """The one-line title of an entry (a feed's SUMMARY)."""
    lang = lang_of(lang)
    if entry.milestone is not None:
        return milestone_label(entry.milestone, lang)
    if entry.congress is not None:
        return event_title(entry.congress, lang)
    if entry.day_off is not None:
        return entry.day_off.title(lang)
    if entry.working_day is not None:
        return entry.working_day.title(lang)
    if entry.phase is not None:
        theme = f": {quoted(entry.phase.theme)}" if entry.phase.theme else ""
        label = entry.phase.label
        english = phase_label(label, "en")
        if english.startswith("Phase"):
            english = "phase" + english.removeprefix("Phase")
        return pick(lang, f"{label}{theme}", f"Emulation {english}{theme}")
    assert entry.deadline is not None  # an Entry has exactly one of the three
    return entry.deadline.title(lang)


def entry_description(entry: Entry, lang: LangArg) -> str:
    """What an entry is: the milestone's facts, a phase's window, theme and focus, a deadline."""
    lang = lang_of(lang)
    if entry.milestone is not None:
        return milestone_description(entry.milestone, lang)
    if entry.congress is not None:
        return event_description(entry.congress, lang)
    if entry.day_off is not None:
        return entry.day_off.description(lang)
    if entry.working_day is not None:
        w = entry.working_day
        return pick(
            lang, f"{w.name(lang)}. Căn cứ: {w.source}", f"{w.name(lang)}. Source: {w.source}"
        )
    plan = entry.plan
    if entry.phase is not None:
        phase = entry.phase
        window = phase_window(entry, lang)
        parts = [pick(lang, f"{phase.label} ({window}).", f"{phase.label}, {window}.")]
        if phase.theme:
            parts.append(
                pick(lang, f"Chủ đề: {quoted(phase.theme)}.", f"Theme: {quoted(phase.theme)}.")
            )
        if entry.focus_milestones:
            focus = "; ".join(milestone_label(m, lang) for m in entry.focus_milestones)
            parts.append(pick(lang, f"Hướng về: {focus}.", f"Dedicated to: {focus}."))
        if entry.focus_events:
            events = event_inline(entry.focus_events, lang)
            parts.append(pick(lang, f"Chào mừng thành công {events}.", f"In honour of {events}."))
        if plan:
            parts.append(pick(lang, f"Kế hoạch: {plan.title}.", f"Plan: {plan.title}."))
        return " ".join(parts)
    d = entry.deadline
    assert d is not None
    due, first, last = (date_text(x, lang) for x in (d.date, d.period_start, d.period_end))
    return pick(
        lang,
        f"Hạn {due}, kỳ báo cáo từ {first} đến {last}.",
        f"Due {due}, for {first} – {last}.",
    )


def schedule_rows(entries: Sequence[Entry], lang: LangArg) -> tuple[list[str], list[list[str]]]:
    """The header and rows of the text table: dates, kind, title with its rank mark."""
    lang = lang_of(lang)
    rows = []
    for e in entries:
        when = (
            _day(e.start, lang)
            if e.start == e.end
            else f"{_day(e.start, lang)} – {_day(e.end, lang)}"
        )
        mark = rank_mark(e.rank) if e.kind is EntryKind.MILESTONE else ""
        title = entry_title(e, lang) + (f" {mark}" if mark else "")
        rows.append([when, kind_label(e.kind, lang, major_day=e.major_day), title])
    header = pick(lang, "Ngày|Loại|Nội dung", "Date|Kind|Title").split("|")
    return header, rows


def schedule_legend(lang: LangArg) -> str:
    """The line under the text table that explains the marks."""
    return pick(
        lang, "★ năm tròn, ☆ năm lẻ 5", "★ round anniversary (năm tròn), ☆ ends in 5 (năm lẻ 5)"
    )


def _day(date: dt.date, lang: LangArg) -> str:
    return pick(lang, date_vi(date), date.isoformat())


def plan_text(schedule: Schedule, lang: LangArg) -> str:
    """A plan's phases and reporting duties, read from a schedule's entries, in plan wording."""
    lang = lang_of(lang)
    plan = schedule.plan
    assert plan is not None  # the caller checks
    lines = [pick(lang, plan.title.upper(), plan.title), plan.organisation]
    if plan.theme:
        lines.append(
            pick(
                lang,
                f"Chủ đề năm {plan.year}: {quoted(plan.theme)}.",
                f"Theme of {plan.year}: {quoted(plan.theme)}.",
            )
        )
    for entry in schedule.entries:
        if entry.kind is not EntryKind.PHASE or entry.phase is None:
            continue
        phase, focus = entry.phase, entry.focus_milestones
        window = phase_window(entry, lang)
        text = f"{phase_label(phase.label, lang)} ({window})"
        if phase.theme:
            text += pick(
                lang, f": chủ đề {quoted(phase.theme)}.", f": theme {quoted(phase.theme)}."
            )
        else:
            text += "."
        greeted = []
        if focus:
            vi = "; ".join(milestone_inline(m, first=i == 0) for i, m in enumerate(focus))
            en = "; the ".join(milestone_label(m, lang) for m in focus)
            greeted.append(pick(lang, vi, f"the {en}"))
        if entry.focus_events:
            greeted.append(
                pick(lang, "thành công ", "the success of ")
                + event_inline(entry.focus_events, lang)
            )
        if greeted:
            text += pick(
                lang,
                f" Thi đua lập thành tích chào mừng {'; chào mừng '.join(greeted)}.",
                f" Emulation in honour of {'; in honour of '.join(greeted)}.",
            )
        lines.append(text)
    deadlines = [e.deadline for e in schedule.entries if e.deadline is not None]
    if deadlines:
        lines.append(pick(lang, "Chế độ báo cáo:", "Reporting:"))
        for d in deadlines:
            due = date_text(d.date, lang)
            lines.append(f"- {d.title(lang)}: {pick(lang, 'hạn', 'due')} {due}")
    return "\n".join(lines) + "\n"


__all__ = [
    "entry_description",
    "entry_title",
    "phase_window",
    "plan_text",
    "schedule_legend",
    "schedule_rows",
]
