"""Campaign plans: phases (đợt thi đua), themes, followed commemorations, reporting duties.

The package is split by job: :mod:`._model` (the types, validated at construction),
:mod:`._checks` (``Plan.check`` and :func:`require_no_errors`), :mod:`._load` (reading TOML),
:mod:`._write` (the one TOML writer), :mod:`._templates` (plans built in code, starter plans).
Their words (windows, report titles, check messages) are made in
:mod:`thidua_calendar._wording.plans`.

A plan is a TOML file (format: ``docs/plan-format.md``)::

    [plan]
    title = "Kế hoạch phát động phong trào thi đua năm 2020"
    organisation = "Công đoàn Viên chức Việt Nam"
    year = 2020

    [[phase]]
    label = "Đợt 1"
    start = "2020-01"          # a month means its first day here …
    end = "2020-06-30"         # … and its last day as an end
    theme = "Mừng Đảng quang vinh - Mừng sinh nhật Bác"

Examples:
    >>> import datetime as dt
    >>> plan = parse_plan('''
    ... [plan]
    ... title = "Kế hoạch thi đua năm 2026"
    ... year = 2026
    ... [[phase]]
    ... label = "Đợt 1"
    ... start = "2026-01"
    ... end = "2026-06"
    ... ''')
    >>> plan.phases[0].end
    datetime.date(2026, 6, 30)
    >>> plan.phase_on(dt.date(2026, 3, 1)).label
    'Đợt 1'
"""

from .._vocabulary import DeadlineKind, Precision, Severity
from ._checks import PlanHasErrorsError, check_plan, require_no_errors
from ._load import BOTH_CATALOGUES, load_plan, parse_plan
from ._model import (
    DAYS,
    DAYS_AFTER,
    DEFAULT_FOLLOW,
    MONTHS_AFTER,
    SEVERITIES,
    Deadline,
    Diagnostic,
    EndEvent,
    Phase,
    Plan,
    Reporting,
    ReportRule,
    slug,
    year_span,
)
from ._templates import (
    TEMPLATES,
    halves,
    make_plan,
    quarters,
    school_year,
    starter_plan,
    starter_plan_toml,
    until_event,
)
from ._write import plan_toml, toml_string

__all__ = [
    "BOTH_CATALOGUES",
    "DAYS",
    "DAYS_AFTER",
    "DEFAULT_FOLLOW",
    "MONTHS_AFTER",
    "SEVERITIES",
    "TEMPLATES",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "EndEvent",
    "Phase",
    "Plan",
    "PlanHasErrorsError",
    "Precision",
    "ReportRule",
    "Reporting",
    "Severity",
    "check_plan",
    "halves",
    "load_plan",
    "make_plan",
    "parse_plan",
    "plan_toml",
    "quarters",
    "require_no_errors",
    "school_year",
    "slug",
    "starter_plan",
    "starter_plan_toml",
    "toml_string",
    "until_event",
    "year_span",
]
