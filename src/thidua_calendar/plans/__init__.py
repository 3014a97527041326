"""Campaign plans: phases (đợt thi đua), themes, followed commemorations, reporting duties.

The package is split by job: :mod:`._model` (the types), :mod:`._checks` (``Plan.check``),
:mod:`._load` (TOML files), :mod:`._templates` (plans built in code and starter plans).

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

from ._checks import check_plan
from ._load import load_plan, parse_plan
from ._model import (
    DEFAULT_FOLLOW,
    SEVERITIES,
    Deadline,
    Diagnostic,
    EndEvent,
    Phase,
    Plan,
    Precision,
    Reporting,
    ReportRule,
    Severity,
)
from ._templates import halves, make_plan, quarters, school_year, starter_plan_toml, until_event

__all__ = [
    "DEFAULT_FOLLOW",
    "SEVERITIES",
    "Deadline",
    "Diagnostic",
    "EndEvent",
    "Phase",
    "Plan",
    "Precision",
    "ReportRule",
    "Reporting",
    "Severity",
    "check_plan",
    "halves",
    "load_plan",
    "make_plan",
    "parse_plan",
    "quarters",
    "school_year",
    "starter_plan_toml",
    "until_event",
]
