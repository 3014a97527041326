"""The lunar engine against external references, value by value.

References (copied into tests/data so the project stands on its own):

- ``vn_lunar_months_1900_2100.csv``: every Vietnamese lunar month 1900–2100 as Vietnamese
  calendars publish it (Hồ Ngọc Đức's tables, the basis of Vietnamese almanacs).
- ``vn_vs_cn_month_differences.csv``: the month starts where the Vietnamese calendar and
  ``lunardate`` (Chinese) disagree, with high-precision new-moon times and causes.
- ``lunardate`` itself (Hong Kong Observatory data) for the Chinese variant.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import thidua_calendar as tc

DATA = Path(__file__).parent / "data"

Label = tuple[int, int, bool]

# Deliberate deviation: the published table starts 1925 month 1 on 25 January; astronomy (new
# moon 1925-01-24 14:44:50 UT = 22:30 Beijing local mean time) and every Chinese source give
# 24 January. We follow astronomy (docs/lunar-calendar.md, "Deliberate deviations").
DEVIATIONS = {(1925, 1, False): (dt.date(1925, 1, 25), dt.date(1925, 1, 24))}

# Months whose new moon falls within about two minutes of Vietnamese midnight: the day depends
# on the predicted ΔT. We follow the published value and mark them provisional.
PROVISIONAL = {(2054, 4, False), (2072, 11, False), (2077, 10, False), (2085, 9, False)}


def reference_months() -> dict[Label, tuple[dt.date, int]]:
    with (DATA / "vn_lunar_months_1900_2100.csv").open(encoding="utf-8") as f:
        return {
            (int(r["lunar_year"]), int(r["month"]), r["leap"] == "1"): (
                dt.date.fromisoformat(r["start_date"]),
                int(r["days_in_month"]),
            )
            for r in csv.DictReader(f)
        }


REFERENCE = reference_months()


def months_of(calendar: tc.Calendar, years: range) -> dict[Label, dt.date]:
    return {
        (m.year, m.month, m.leap): m.start
        for year in years
        for m in tc.lunar_months(year, calendar)
    }


def test_reference_is_complete() -> None:
    assert len(REFERENCE) == 2486
    assert min(y for y, _, _ in REFERENCE) == 1900
    assert max(y for y, _, _ in REFERENCE) == 2100


def test_every_reference_month_is_reproduced() -> None:
    ours = {
        (m.year, m.month, m.leap): (m.start, m.days)
        for year in range(1900, 2101)
        for m in tc.lunar_months(year)
    }
    assert set(ours) == set(REFERENCE), "the same months, leap months included"
    mismatches = {
        label: (REFERENCE[label], ours[label])
        for label in REFERENCE
        if ours[label][0] != REFERENCE[label][0] and label not in DEVIATIONS
    }
    assert mismatches == {}
    # Month lengths follow from the starts; check them too (the month before a deviation is
    # one day shorter, the deviating month one day longer).
    affected = set(DEVIATIONS) | {(1924, 12, False)}
    lengths = {
        label: (REFERENCE[label][1], ours[label][1])
        for label in REFERENCE
        if label not in affected and REFERENCE[label][1] != ours[label][1]
    }
    assert lengths == {}


@pytest.mark.parametrize(
    ("label", "published", "ours"),
    [(label, *pair) for label, pair in DEVIATIONS.items()],
    ids=lambda v: "-".join(map(str, v[:2])) if isinstance(v, tuple) else None,
)
def test_documented_deviation(label: Label, published: dt.date, ours: dt.date) -> None:
    year, month, leap = label
    assert REFERENCE[label][0] == published
    assert tc.to_solar(year, month, 1, leap) == ours


@pytest.mark.parametrize("label", sorted(PROVISIONAL), ids=lambda lab: f"{lab[0]}-m{lab[1]}")
def test_near_midnight_months_follow_published_and_are_provisional(label: Label) -> None:
    year, month, leap = label
    start = tc.to_solar(year, month, 1, leap)
    assert start == REFERENCE[label][0]
    assert tc.LunarDate(year, month, 1, leap).provisional
    assert tc.to_lunar(start + dt.timedelta(days=10)).provisional
    month_info = next(m for m in tc.lunar_months(year) if (m.month, m.leap) == (month, leap))
    assert month_info.provisional


def test_provisional_months_are_rare_and_not_in_the_past() -> None:
    flagged = [
        (m.year, m.month, m.leap)
        for year in tc.supported_years()
        for m in tc.lunar_months(year)
        if m.provisional
    ]
    assert set(flagged) >= PROVISIONAL
    assert all(year > 2026 for year, _, _ in flagged)
    assert len(flagged) < 20
    assert not tc.LunarDate(2020, 1, 1).provisional


TET = {
    1903: dt.date(1903, 1, 29),
    1935: dt.date(1935, 2, 4),
    1965: dt.date(1965, 2, 2),
    1968: dt.date(1968, 1, 29),
    1969: dt.date(1969, 2, 16),
    1985: dt.date(1985, 1, 21),
    2007: dt.date(2007, 2, 17),
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2030: dt.date(2030, 2, 2),
    2053: dt.date(2053, 2, 18),
}


@pytest.mark.parametrize(("year", "expected"), TET.items(), ids=[f"tet-{y}" for y in TET])
def test_tet(year: int, expected: dt.date) -> None:
    assert tc.tet(year) == expected
    assert tc.to_lunar(expected) == tc.LunarDate(year, 1, 1)
    assert tc.to_lunar(expected - dt.timedelta(days=1)).year == year - 1


LEAP = [
    (1985, 2, dt.date(1985, 3, 21)),
    (1987, 7, dt.date(1987, 8, 24)),
    (2020, 4, dt.date(2020, 5, 23)),
    (2023, 2, dt.date(2023, 3, 22)),
    (2033, 11, dt.date(2033, 12, 22)),
]


@pytest.mark.parametrize(
    ("year", "month", "start"), LEAP, ids=[f"leap-{y}-{m}" for y, m, _ in LEAP]
)
def test_leap_months(year: int, month: int, start: dt.date) -> None:
    assert tc.leap_month(year) == month
    assert tc.to_solar(year, month, 1, leap=True) == start
    assert tc.to_lunar(start) == tc.LunarDate(year, month, 1, leap=True)
    assert len(tc.lunar_months(year)) == 13


GIO_TO = {2009: dt.date(2009, 4, 4), 2037: dt.date(2037, 4, 24), 2038: dt.date(2038, 4, 13)}


@pytest.mark.parametrize(("year", "expected"), GIO_TO.items(), ids=[f"gio-to-{y}" for y in GIO_TO])
def test_gio_to_hung_vuong(year: int, expected: dt.date) -> None:
    assert tc.to_solar(year, 3, 10) == expected


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (2020, "Canh Tý"),
        (2021, "Tân Sửu"),
        (2026, "Bính Ngọ"),
        (1984, "Giáp Tý"),
        (1945, "Ất Dậu"),
        (1930, "Canh Ngọ"),
    ],
)
def test_can_chi_year(year: int, name: str) -> None:
    assert tc.can_chi(year) == name


def test_eleventh_of_february_2021_is_still_canh_ty() -> None:
    lunar = tc.to_lunar(dt.date(2021, 2, 11))
    assert lunar == tc.LunarDate(2020, 12, 30)
    assert lunar.can_chi_year == "Canh Tý"


def all_days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        yield dt.date.fromordinal(ordinal)


@pytest.mark.parametrize("calendar", [tc.VIETNAM, tc.VIETNAM_UTC7, tc.CHINA], ids=repr)
def test_every_day_round_trips(calendar: tc.Calendar) -> None:
    first, last = dt.date(1900, 1, 31), dt.date(2199, 12, 31)
    previous: tc.LunarDate | None = None
    for day in all_days(first, last):
        lunar = tc.to_lunar(day, calendar)
        assert tc.to_solar(lunar.year, lunar.month, lunar.day, lunar.leap, calendar) == day
        if previous is not None:
            assert previous < lunar
            if lunar.day != 1:
                assert (lunar.year, lunar.month, lunar.leap, lunar.day - 1) == (
                    previous.year,
                    previous.month,
                    previous.leap,
                    previous.day,
                )
        previous = lunar


@pytest.mark.parametrize("calendar", [tc.VIETNAM, tc.VIETNAM_UTC7, tc.CHINA], ids=repr)
def test_bulk_iteration_matches_single_conversion(calendar: tc.Calendar) -> None:
    first, last = dt.date(1900, 1, 31), dt.date(2199, 12, 31)
    count = 0
    for day, lunar in tc.iter_lunar_dates(first, last, calendar):
        assert lunar == tc.to_lunar(day, calendar)
        count += 1
    assert count == last.toordinal() - first.toordinal() + 1


def test_structure_of_every_year() -> None:
    for calendar in (tc.VIETNAM, tc.VIETNAM_UTC7, tc.CHINA):
        for year in tc.supported_years(calendar):
            months = tc.lunar_months(year, calendar)
            assert len(months) in (12, 13)
            assert all(m.days in (29, 30) for m in months)
            assert [m.month for m in months if not m.leap] == list(range(1, 13))
            leap = tc.leap_month(year, calendar)
            assert [m.month for m in months if m.leap] == ([leap] if leap else [])
            assert dt.date(year, 1, 20) <= months[0].start <= dt.date(year, 2, 21)


# --- the Chinese variant against lunardate -------------------------------------------------

# lunardate's own errors: lunar_python, sxtwl and LunarCalendar and astronomy all disagree
# with it (vn_vs_cn_month_differences.csv).
LUNARDATE_ERRORS = {(1933, 6, False), (1954, 11, False), (1978, 8, False)}


def lunardate_months(years: range) -> dict[Label, dt.date]:
    lunardate = pytest.importorskip("lunardate")
    months: dict[Label, dt.date] = {}
    for year in years:
        leap = lunardate.LunarDate.leap_month_for_year(year)
        for month in range(1, 13):
            for is_leap in (False, True) if month == leap else (False,):
                months[(year, month, is_leap)] = lunardate.LunarDate(
                    year, month, 1, is_leap
                ).to_solar_date()
    return months


def test_china_agrees_with_lunardate() -> None:
    years = range(1900, 2100)
    theirs = lunardate_months(years)
    ours = months_of(tc.CHINA, years)
    assert set(ours) == set(theirs)
    differences = {label for label in ours if ours[label] != theirs[label]}
    # Exactly lunardate's own errors, each a real difference (this notices if it is fixed).
    assert differences == LUNARDATE_ERRORS


def difference_rows() -> list[dict[str, str]]:
    with (DATA / "vn_vs_cn_month_differences.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_vietnam_differs_from_china_exactly_where_documented() -> None:
    years = range(1900, 2100)  # the span of lunardate, against which the file was compiled
    vn, cn = months_of(tc.VIETNAM, years), months_of(tc.CHINA, years)
    ours = {label for label in set(vn) | set(cn) if vn.get(label) != cn.get(label)}
    # 1978 m8: new moon 1978-09-02 16:09 UT, 23:09 in Vietnam but 00:09 on 3 September in
    # China. lunardate wrongly gives 2 September, so the file (Vietnam vs lunardate) omits it.
    expected = {(1978, 8, False)}
    for row in difference_rows():
        label = (int(row["lunar_year"]), int(row["month"]), row["leap"] == "1")
        if label in LUNARDATE_ERRORS or label in DEVIATIONS:
            continue  # not a Vietnam/China difference: lunardate's error, or the 1925 anomaly
        expected.add(label)
        vn_start = row["vn_start_date"]
        assert vn.get(label) == (None if vn_start == "ABSENT" else dt.date.fromisoformat(vn_start))
    assert ours == expected


def test_time_zone_differences_since_1968() -> None:
    rows = [r for r in difference_rows() if r["cause"].startswith("time zone")]
    assert len({r["lunar_year"] for r in rows}) == 52
    for row in rows:
        label = (int(row["lunar_year"]), int(row["month"]), row["leap"] == "1")
        cn_start = row["cn_lunardate_start_date"]
        expected = None if cn_start == "ABSENT" else dt.date.fromisoformat(cn_start)
        assert months_of(tc.CHINA, range(label[0], label[0] + 1)).get(label) == expected


def test_vietnam_utc7_is_proleptic() -> None:
    # From 1968 the historical calendar is UTC+7, so the variants agree.
    years = range(1968, 2200)
    assert months_of(tc.VIETNAM, years) == months_of(tc.VIETNAM_UTC7, years)
    # Before, UTC+7 moves Tết 1965 (new moon 1965-02-01 16:36 UT) a day earlier.
    assert tc.tet(1965, tc.VIETNAM_UTC7) == dt.date(1965, 2, 1)
    assert tc.tet(1965) == dt.date(1965, 2, 2)


def test_count_of_differences_since_1968() -> None:
    # DESIGN.md / issue 2: "66 month labels in 55 years differ since 1968" (to 2099, lunardate's
    # range): the 65 rows of the differences file from 1968 plus 1978 m8.
    years = range(1968, 2100)
    vn, cn = months_of(tc.VIETNAM, years), months_of(tc.CHINA, years)
    labels = {label for label in set(vn) | set(cn) if vn.get(label) != cn.get(label)}
    assert len(labels) == 66
    assert len({year for year, _, _ in labels}) == 55
