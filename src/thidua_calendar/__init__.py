"""thidua-calendar: the calendar skeleton of Vietnamese emulation-campaign plans.

Exact Vietnamese lunar dates with can-chi names, and (in the modules built on them)
milestone anniversaries, campaign phases, schedules and iCalendar feeds.

>>> import datetime as dt
>>> import thidua_calendar as tc
>>> tc.tet(2030)
datetime.date(2030, 2, 2)
>>> tc.to_lunar(dt.date(2030, 2, 2))
LunarDate(2030, 1, 1, leap=False)
>>> tc.can_chi(2020)
'Canh Tý'
"""

from ._version import __version__
from .errors import DataError, InvalidDateError, OutOfRangeError, ThiduaError
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
    lunar_months,
    supported_years,
    tet,
    to_lunar,
    to_solar,
    zodiac,
)

__all__ = [
    "CHINA",
    "VIETNAM",
    "VIETNAM_UTC7",
    "Calendar",
    "DataError",
    "InvalidDateError",
    "LunarDate",
    "LunarMonth",
    "OutOfRangeError",
    "ThiduaError",
    "__version__",
    "can_chi",
    "can_chi_day",
    "can_chi_month",
    "get_calendar",
    "iter_lunar_dates",
    "leap_month",
    "lunar_months",
    "supported_years",
    "tet",
    "to_lunar",
    "to_solar",
    "zodiac",
]
