"""thidua-calendar: the calendar skeleton of Vietnamese emulation-campaign plans.

Exact Vietnamese lunar dates with can-chi names, and (in the modules built on them)
milestone anniversaries, campaign phases, schedules and iCalendar feeds.

Examples:
    >>> import datetime as dt
    >>> import thidua_calendar as tc
    >>> tc.tet(2030)
    datetime.date(2030, 2, 2)
    >>> tc.to_lunar(dt.date(2030, 2, 2))
    LunarDate(2030, 1, 1, leap=False)
    >>> tc.can_chi(2020)
    'Canh Tý'
"""

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__
from ._vocabulary import (
    DEFAULT_CATEGORIES,
    Category,
    Confidence,
    DeadlineKind,
    EntryKind,
    Lang,
    Precision,
    Rank,
    RankBasis,
    Severity,
)
from .errors import (
    DataError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    OutOfRangeError,
    ThiduaError,
)
from .lunar import (
    CHINA,
    VIETNAM,
    VIETNAM_UTC7,
    Calendar,
    LunarDate,
    LunarMonth,
    can_chi,
    can_chi_day,
    can_chi_month,
    get_calendar,
    iter_lunar_dates,
    leap_month,
    lunar_dates,
    lunar_months,
    supported_years,
    tet,
    to_lunar,
    to_solar,
    zodiac,
)

if TYPE_CHECKING:
    from ._milestones import (
        Milestone,
        MilestoneError,
        milestone,
        milestones,
        milestones_between,
        next_occurrence,
        upcoming,
    )
    from ._publish import publish
    from ._schedule import Entry, Schedule, plan_text, schedule
    from ._wording import english_ordinal
    from .commemorations import (
        Catalog,
        Commemoration,
        LunarDay,
        MissingDay,
        Origin,
        SolarDay,
        UnknownKeyError,
        WholeMonth,
        default_catalog,
        load_catalog,
    )
    from .congresses import (
        Congress,
        CongressError,
        CongressSeries,
        all_congress_series,
        congress_series,
        from_roman,
        to_roman,
    )
    from .ical import (
        Feed,
        FeedError,
        FeedHistory,
        FeedSizeWarning,
        FeedTooLargeError,
        Reminders,
        UnrevisedEditWarning,
        build_feed,
        event_uid,
        to_ical,
    )
    from .plans import (
        Deadline,
        Diagnostic,
        EndEvent,
        Phase,
        Plan,
        Reporting,
        ReportRule,
        halves,
        load_plan,
        make_plan,
        parse_plan,
        quarters,
        school_year,
        until_event,
    )
    from .poster import PosterError, render_poster

# Names loaded on first use, so that `import thidua_calendar` stays as light as its lunar core.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "Catalog",
            "Commemoration",
            "LunarDay",
            "MissingDay",
            "Origin",
            "SolarDay",
            "UnknownKeyError",
            "WholeMonth",
            "default_catalog",
            "load_catalog",
        ),
        "commemorations",
    ),
    **dict.fromkeys(
        (
            "Congress",
            "CongressError",
            "CongressSeries",
            "all_congress_series",
            "congress_series",
            "from_roman",
            "to_roman",
        ),
        "congresses",
    ),
    **dict.fromkeys(
        (
            "Milestone",
            "MilestoneError",
            "milestone",
            "milestones",
            "milestones_between",
            "next_occurrence",
            "upcoming",
        ),
        "_milestones",
    ),
    "english_ordinal": "_wording",
    **dict.fromkeys(("Entry", "Schedule", "plan_text", "schedule"), "_schedule"),
    **dict.fromkeys(
        (
            "Feed",
            "FeedError",
            "FeedHistory",
            "FeedSizeWarning",
            "FeedTooLargeError",
            "Reminders",
            "UnrevisedEditWarning",
            "build_feed",
            "event_uid",
            "to_ical",
        ),
        "ical",
    ),
    "publish": "_publish",
    **dict.fromkeys(("PosterError", "render_poster"), "poster"),
    **dict.fromkeys(
        (
            "Deadline",
            "Diagnostic",
            "EndEvent",
            "Phase",
            "Plan",
            "ReportRule",
            "Reporting",
            "halves",
            "load_plan",
            "make_plan",
            "parse_plan",
            "quarters",
            "school_year",
            "until_event",
        ),
        "plans",
    ),
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "CHINA",
    "DEFAULT_CATEGORIES",
    "VIETNAM",
    "VIETNAM_UTC7",
    "Calendar",
    "Catalog",
    "Category",
    "Commemoration",
    "Confidence",
    "Congress",
    "CongressError",
    "CongressSeries",
    "DataError",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "EndEvent",
    "Entry",
    "EntryKind",
    "Feed",
    "FeedError",
    "FeedHistory",
    "FeedSizeWarning",
    "FeedTooLargeError",
    "InvalidDateError",
    "InvalidTypeError",
    "InvalidValueError",
    "Lang",
    "LunarDate",
    "LunarDay",
    "LunarMonth",
    "Milestone",
    "MilestoneError",
    "MissingDay",
    "Origin",
    "OutOfRangeError",
    "Phase",
    "Plan",
    "PosterError",
    "Precision",
    "Rank",
    "RankBasis",
    "Reminders",
    "ReportRule",
    "Reporting",
    "Schedule",
    "Severity",
    "SolarDay",
    "ThiduaError",
    "UnknownKeyError",
    "UnrevisedEditWarning",
    "WholeMonth",
    "__version__",
    "all_congress_series",
    "build_feed",
    "can_chi",
    "can_chi_day",
    "can_chi_month",
    "congress_series",
    "default_catalog",
    "english_ordinal",
    "event_uid",
    "from_roman",
    "get_calendar",
    "halves",
    "iter_lunar_dates",
    "leap_month",
    "load_catalog",
    "load_plan",
    "lunar_dates",
    "lunar_months",
    "make_plan",
    "milestone",
    "milestones",
    "milestones_between",
    "next_occurrence",
    "parse_plan",
    "plan_text",
    "publish",
    "quarters",
    "render_poster",
    "schedule",
    "school_year",
    "supported_years",
    "tet",
    "to_ical",
    "to_lunar",
    "to_roman",
    "to_solar",
    "until_event",
    "upcoming",
    "zodiac",
]
