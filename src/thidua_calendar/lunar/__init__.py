"""The Vietnamese lunar calendar engine: table look-ups, can-chi names, variants, solar terms."""

from ._calendars import CALENDARS, CHINA, VIETNAM, VIETNAM_UTC7, Calendar, get_calendar
from ._canchi import can_chi, can_chi_day, can_chi_month, zodiac
from ._date import (
    LunarDate,
    LunarMonth,
    iter_lunar_dates,
    leap_month,
    lunar_dates,
    lunar_months,
    supported_years,
    tet,
    to_lunar,
    to_solar,
)
from ._terms import SolarTerm, solar_term_date, solar_terms

__all__ = [
    "CALENDARS",
    "CHINA",
    "VIETNAM",
    "VIETNAM_UTC7",
    "Calendar",
    "LunarDate",
    "LunarMonth",
    "SolarTerm",
    "can_chi",
    "can_chi_day",
    "can_chi_month",
    "get_calendar",
    "iter_lunar_dates",
    "leap_month",
    "lunar_dates",
    "lunar_months",
    "solar_term_date",
    "solar_terms",
    "supported_years",
    "tet",
    "to_lunar",
    "to_solar",
    "zodiac",
]
