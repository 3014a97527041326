r"""Writing plans: the one plan TOML writer (what :func:`~thidua_calendar.plans.parse_plan` reads).

``plan new`` (a starter plan) and ``lint --emit-plan`` (the plan a document describes) both
build a :class:`~thidua_calendar.plans.Plan` and write it here, so there is one escaping rule:
every string is a TOML basic string with backslashes, quotes and every control character
escaped, and comments never hold a line break.

Examples:
    >>> import datetime as dt
    >>> from thidua_calendar.plans import Phase, make_plan, parse_plan
    >>> plan = make_plan(
    ...     'KH "2026"', 2026, [Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30))],
    ...     organisation="A\nB",
    ... )
    >>> text = plan_toml(plan)
    >>> print(text.split("\n\n")[0])
    [plan]
    title = "KH \"2026\""
    organisation = "A\nB"
    year = 2026
    start = "2026-01-01"
    end = "2026-12-31"
    >>> parse_plan(text) == plan
    True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from .._milestones import Milestone
from .._vocabulary import Precision
from ..errors import InvalidValueError
from ._model import EndEvent, Phase, Plan, ReportRule

if TYPE_CHECKING:
    from .._vocabulary import LangArg

_SHORT: Final = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# Control characters (TOML refuses them raw in basic strings) and the characters Python's
# str.splitlines() breaks lines at (NEL, LS, PS): escaped, so that a plan's lines are the
# same for TOML and for the line numbers of its diagnostics.
_ESCAPED: Final = re.compile(r'["\\\x00-\x1f\x7f\x85\u2028\u2029]')
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_BREAKS: Final = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def toml_string(text: str) -> str:
    r"""A TOML basic string: quotes, backslashes and control characters escaped.

    Raises:
        InvalidValueError: The text holds a lone surrogate (not a Unicode character: no TOML
            file can hold it).

    Examples:
        >>> print(toml_string('Chủ đề “A” \\ "B"\t\x00'))
        "Chủ đề “A” \\ \"B\"\t\u0000"
    """
    if _SURROGATE.search(text):
        raise InvalidValueError(f"{text!r} holds a lone surrogate, which TOML cannot hold")

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in '"\\':
            return "\\" + char
        return _SHORT.get(char, f"\\u{ord(char):04x}")

    return '"' + _ESCAPED.sub(escape, text) + '"'


def comment(text: str) -> str:
    r"""Text safe in a TOML comment: no line breaks or control characters (they become spaces).

    Examples:
        >>> comment("line 7: A\nB")
        'line 7: A B'
    """
    return _SURROGATE.sub("?", _BREAKS.sub(" ", text))


def _bound(date: dt.date, precision: Precision) -> str:
    if precision is Precision.MONTH:
        return f'"{date.year:04d}-{date.month:02d}"'
    return f'"{date.isoformat()}"'


def _event(event: EndEvent) -> str:
    if event.congress is not None:
        return f"{{ congress = {toml_string(event.congress)}, ordinal = {event.ordinal} }}"
    if event.commemoration is not None:
        return f"{{ commemoration = {toml_string(event.commemoration)} }}"
    if event.expected is not None:
        return f'{{ tba = true, expected = "{event.expected.isoformat()}" }}'
    return "{ tba = true }"


def _rule(rule: ReportRule) -> str:
    extra = ", working_day = true" if rule.working_day else ""
    if rule.days_after is not None:
        return f"{{ days_after = {rule.days_after}{extra} }}"
    if rule.day is None:
        return f"{{ months_after = {rule.months_after}{extra} }}"
    return f"{{ day = {rule.day}, months_after = {rule.months_after}{extra} }}"


def _focus_lines(plan: Plan, phase: Phase, focus: tuple[str, ...], labels: bool) -> list[str]:
    if not focus:
        return ["focus = []"]
    if not labels:
        return [f"focus = [{', '.join(toml_string(k) for k in focus)}]"]
    found: dict[str, Milestone] = {}
    for m in plan.milestones_in(phase):
        found.setdefault(m.key, m)
    lines = ["focus = ["]
    for key in focus:
        milestone = found.get(key)
        entry = plan.catalog.get(key)
        label = milestone.label("vi") if milestone else (entry.name_vi if entry else key)
        lines.append(f"    {toml_string(key)},  # {comment(label)}")
    return [*lines, "]"]


def plan_toml(
    plan: Plan,
    *,
    header: Sequence[str] = (),
    phase_comments: Sequence[str] = (),
    labels: bool = True,
    lang: LangArg = "vi",
) -> str:
    """The TOML text of a plan: :func:`~thidua_calendar.plans.parse_plan` reads it back equal.

    Everything the format holds is written: title, organisation, number, date, year,
    school_year, start and end, theme, revision; the followed categories, keys and the plan's
    own catalogue file; each phase with its bounds in the form the plan gives them (a month as
    ``"YYYY-MM"``), its end event, theme, focus and note; the reporting rules.

    A plan given its catalogue directly (``parse_plan(…, catalog=…)``, not from a file) is
    written without one: give the same catalogue to read it back.

    Args:
        plan: The plan.
        header: Comment lines at the top (without ``#``).
        phase_comments: A comment for each phase, in order, written after its ``[[phase]]``
            (``""``: none; a line break starts another comment line under it).
        labels: Write the focus list one key a line, each with its anniversary's label as a
            comment (else on one line).
        lang: The language of the tool's own comments (``# cùng mọi ngày lễ lớn``).

    Raises:
        InvalidValueError: A text holds a lone surrogate.
    """
    from .._wording.plans import follow_comment

    lines = [f"# {comment(line)}".rstrip() for line in header]
    if lines:
        lines.append("")
    lines += [
        "[plan]",
        f"title = {toml_string(plan.title)}",
        f"organisation = {toml_string(plan.organisation)}",
    ]
    if plan.id is not None:
        lines.append(f"id = {toml_string(plan.id)}")
    if plan.number:
        lines.append(f"number = {toml_string(plan.number)}")
    if plan.issued is not None:
        lines.append(f'date = "{plan.issued.isoformat()}"')
    lines.append(f"year = {plan.year}")
    if plan.school_year:
        lines.append("school_year = true")
    lines += [f'start = "{plan.start.isoformat()}"', f'end = "{plan.end.isoformat()}"']
    if plan.theme is not None:
        lines.append(f"theme = {toml_string(plan.theme)}")
    if plan.revision is not None:
        lines.append(f'revision = "{plan.revision.isoformat()}"')
    lines += ["", "[follow]"]
    if plan.catalog_file is not None:
        lines.append(f"catalog = {toml_string(plan.catalog_file)}")
    categories = ", ".join(toml_string(c.value) for c in plan.follow_categories)
    lines.append(f"categories = [{categories}]   # {follow_comment(lang)}")
    if plan.follow_keys:
        lines.append(f"keys = [{', '.join(toml_string(k) for k in plan.follow_keys)}]")
    for index, phase in enumerate(plan.phases):
        note = phase_comments[index] if index < len(phase_comments) else ""
        first, *more = note.split("\n") if note else [""]
        lines += ["", f"[[phase]]   # {comment(first)}" if first else "[[phase]]"]
        lines += [f"# {comment(part)}".rstrip() for part in more]
        lines += [
            f"label = {toml_string(phase.label)}",
            f"start = {_bound(phase.start, phase.start_precision)}",
        ]
        if phase.end_event is not None:
            lines.append(f"end_event = {_event(phase.end_event)}")
        elif phase.end is not None:
            lines.append(f"end = {_bound(phase.end, phase.end_precision)}")
        if phase.theme is not None:
            lines.append(f"theme = {toml_string(phase.theme)}")
        if phase.focus is not None:
            lines += _focus_lines(plan, phase, phase.focus, labels)
        if phase.note:
            lines.append(f"note = {toml_string(phase.note)}")
    rules = [
        (name, getattr(plan.reporting, name))
        for name in ("phase_review", "quarterly", "half_year", "yearly")
    ]
    cutoff = plan.reporting.cutoff
    if any(rule is not None for _, rule in rules) or cutoff != "calendar":
        lines += ["", "[reporting]"]
        lines += [f"{name} = {_rule(rule)}" for name, rule in rules if rule is not None]
        if cutoff != "calendar":
            lines.append(
                f"cutoff = {toml_string(str(cutoff))}   # Nghị định 09/2019/NĐ-CP, Điều 12"
            )
    return "\n".join(lines) + "\n"


__all__ = ["comment", "plan_toml", "toml_string"]
