"""Cross-checks against lunar_python, an independent implementation (MIT, its own astronomy).

lunar_python computes the Chinese calendar (UTC+8) from its own astronomical series, so it
checks our CHINA variant beyond lunardate's 2099 limit, and the sexagenary day cycle.
"""

from __future__ import annotations

import datetime as dt

import pytest

import thidua_calendar as tc

lunar_python = pytest.importorskip("lunar_python")

STEMS_CN = "甲乙丙丁戊己庚辛壬癸"
BRANCHES_CN = "子丑寅卯辰巳午未申酉戌亥"


def vietnamese(ganzhi: str) -> str:
    stem, branch = ganzhi
    return (
        f"{tc.lunar._canchi.STEMS[STEMS_CN.index(stem)]} "
        f"{tc.lunar._canchi.BRANCHES[BRANCHES_CN.index(branch)]}"
    )


def their_month_starts(year: int) -> dict[tuple[int, int, bool], dt.date]:
    starts = {}
    for month in lunar_python.LunarYear.fromYear(year).getMonthsInYear():
        number = month.getMonth()
        solar = lunar_python.Lunar.fromYmd(year, number, 1).getSolar()  # leap: negative
        starts[(year, abs(number), number < 0)] = dt.date(
            solar.getYear(), solar.getMonth(), solar.getDay()
        )
    return starts


# Months where the new moon falls within seconds of Beijing midnight: the day depends on the
# ΔT prediction each implementation uses. 2057 m9: new moon 2057-09-28 15:59:57 UT by our
# series, 2.5 s before midnight UTC+8; lunar_python starts the month on 29 September. Our
# table marks the month provisional.
COIN_FLIPS = {(2057, 9, False)}


def test_china_agrees_with_lunar_python_1900_2199() -> None:
    differences = {}
    for year in range(1900, 2200):
        theirs = their_month_starts(year)
        ours = {(m.year, m.month, m.leap): m.start for m in tc.lunar_months(year, tc.CHINA)}
        assert set(ours) == set(theirs), year
        differences.update(
            {label: (theirs[label], ours[label]) for label in ours if ours[label] != theirs[label]}
        )
    assert set(differences) == COIN_FLIPS, differences
    assert all(
        tc.LunarDate(y, m, 1, leap, calendar=tc.CHINA).provisional for y, m, leap in COIN_FLIPS
    )


def test_can_chi_days_and_years() -> None:
    day = dt.date(1900, 2, 1)
    while day < dt.date(2199, 12, 1):
        lunar = lunar_python.Solar.fromYmd(day.year, day.month, day.day).getLunar()
        assert tc.can_chi_day(day) == vietnamese(lunar.getDayInGanZhi()), day
        assert tc.can_chi(tc.to_lunar(day, tc.CHINA).year) == vietnamese(lunar.getYearInGanZhi()), (
            day
        )
        day += dt.timedelta(days=37)
