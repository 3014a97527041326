"""The lunar API: validation, errors, types, ordering, can-chi, lunardate interop."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import thidua_calendar as tc

FIRST = dt.date(1900, 1, 31)
LAST = dt.date(2199, 12, 31)


def test_day_beyond_month_length_names_the_length() -> None:
    with pytest.raises(tc.InvalidDateError, match="has 29 days; day 30 does not exist"):
        tc.LunarDate(2023, 2, 30, leap=True)
    # A 29-day regular month too: month 1 of 2023 has 29 days.
    assert tc.lunar_months(2023)[0].days == 29
    with pytest.raises(tc.InvalidDateError, match="month 1 of 2023 has 29 days"):
        tc.LunarDate(2023, 1, 30)


def test_leap_flag_on_a_regular_month_names_the_leap_month() -> None:
    with pytest.raises(tc.InvalidDateError, match="its leap month is 2"):
        tc.LunarDate(2023, 5, 1, leap=True)
    with pytest.raises(tc.InvalidDateError, match="2024 has no leap month 4; it has no leap month"):
        tc.LunarDate(2024, 4, 1, leap=True)


@pytest.mark.parametrize("year", [1899, 2200, 0, -5, 10000])
def test_year_out_of_range_names_the_range(year: int) -> None:
    with pytest.raises(tc.OutOfRangeError, match="1900–2199"):
        tc.LunarDate(year, 1, 1)
    with pytest.raises(tc.OutOfRangeError, match="1900–2199"):
        tc.tet(year)


@pytest.mark.parametrize("date", [dt.date(1900, 1, 30), dt.date(1, 1, 1), dt.date(2200, 12, 31)])
def test_solar_date_out_of_range(date: dt.date) -> None:
    with pytest.raises(tc.OutOfRangeError, match="outside the supported range 1900-01-31 to 2200-"):
        tc.to_lunar(date)


@pytest.mark.parametrize(("month", "day"), [(0, 1), (13, 1), (1, 0), (1, -1)])
def test_bad_month_or_day(month: int, day: int) -> None:
    with pytest.raises(tc.InvalidDateError):
        tc.LunarDate(2020, month, day)


@pytest.mark.parametrize(
    "args",
    [("2020", 1, 1), (2020.0, 1, 1), (2020, True, 1), (2020, 1, None), (2020, 1, 1, 1)],
)
def test_wrong_types(args: tuple[object, ...]) -> None:
    with pytest.raises(TypeError):
        tc.LunarDate(*args)  # type: ignore[arg-type]


def test_wrong_types_elsewhere() -> None:
    with pytest.raises(TypeError):
        tc.to_lunar("2020-01-25")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tc.tet("2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tc.to_lunar(dt.date(2020, 1, 25), calendar="vietnam")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tc.can_chi(2020.5)  # type: ignore[arg-type]


def test_errors_are_value_errors_too() -> None:
    assert issubclass(tc.InvalidDateError, ValueError)
    assert issubclass(tc.OutOfRangeError, tc.ThiduaError)


def test_frozen_and_hashable() -> None:
    date = tc.LunarDate(2020, 1, 1)
    with pytest.raises(AttributeError):
        date.day = 2  # type: ignore[misc]
    assert {date, tc.LunarDate(2020, 1, 1)} == {date}


def test_ordering_puts_leap_month_after_its_month() -> None:
    assert tc.LunarDate(2020, 4, 29) < tc.LunarDate(2020, 4, 1, leap=True)
    assert tc.LunarDate(2020, 4, 1, leap=True) < tc.LunarDate(2020, 5, 1)
    assert tc.LunarDate(2020, 12, 30) < tc.LunarDate(2021, 1, 1)
    assert sorted([tc.LunarDate(2020, 5, 1), tc.LunarDate(2020, 4, 2, leap=True)])[0].leap


def test_comparison_with_foreign_types() -> None:
    date = tc.LunarDate(2020, 1, 1)
    assert date != (2020, 1, 1)
    assert date != dt.date(2020, 1, 25)
    with pytest.raises(TypeError):
        _ = date < dt.date(2020, 1, 25)  # type: ignore[operator]
    with pytest.raises(TypeError, match="different calendars"):
        _ = date < tc.LunarDate(2020, 1, 1, calendar=tc.CHINA)
    assert date != tc.LunarDate(2020, 1, 1, calendar=tc.CHINA)


def test_repr_is_eval_like() -> None:
    namespace = {"LunarDate": tc.LunarDate, "CHINA": tc.CHINA}
    for value in (tc.LunarDate(2020, 4, 1, leap=True), tc.LunarDate(1968, 1, 1, calendar=tc.CHINA)):
        assert eval(repr(value), namespace) == value
    assert repr(tc.LunarDate(2030, 1, 1)) == "LunarDate(2030, 1, 1, leap=False)"
    assert str(tc.LunarDate(2020, 4, 1, leap=True)) == "01/04 nhuận/2020"


def test_calendar_lookup() -> None:
    assert tc.get_calendar("vietnam-utc7") is tc.VIETNAM_UTC7
    assert tc.get_calendar("VIETNAM_UTC7") is tc.VIETNAM_UTC7
    with pytest.raises(ValueError, match="unknown calendar 'japan'; choose one of"):
        tc.get_calendar("japan")


def test_calendar_field_changes_the_day() -> None:
    assert tc.LunarDate(2030, 1, 1, calendar=tc.CHINA).to_solar() == dt.date(2030, 2, 3)
    assert tc.to_lunar(dt.date(2030, 2, 2), tc.CHINA) == tc.LunarDate(
        2029, 12, 30, calendar=tc.CHINA
    )


def test_month_and_day_can_chi() -> None:
    # Tết Canh Tý (25/01/2020): month Mậu Dần (a Canh year starts with Mậu Dần) and day
    # Đinh Mão (丁卯 in lunar_python, an independent implementation; see test_can_chi_days).
    lunar = tc.to_lunar(dt.date(2020, 1, 25))
    assert lunar.can_chi_month == "Mậu Dần"
    assert lunar.can_chi_day == "Đinh Mão"
    # A leap month shares the name of the month it repeats.
    assert tc.LunarDate(2020, 4, 1, leap=True).can_chi_month == tc.can_chi_month(2020, 4)
    assert tc.can_chi_day(dt.date(2000, 1, 1)) == "Mậu Ngọ"
    with pytest.raises(ValueError, match="1–12"):
        tc.can_chi_month(2020, 13)


def test_can_chi_cycle() -> None:
    names = [tc.can_chi(y) for y in range(1984, 2044)]
    assert len(set(names)) == 60
    assert tc.can_chi(2044) == tc.can_chi(1984) == "Giáp Tý"
    assert tc.can_chi(40) == "Canh Tý"  # origin years long before the tables have names too


def test_zodiac() -> None:
    assert tc.zodiac(2023) == "Mèo"
    assert tc.zodiac(2021) == "Trâu"
    assert tc.zodiac(2023, "en") == "Cat"
    assert tc.zodiac(2021, "en") == "Buffalo"
    with pytest.raises(ValueError, match="lang"):
        tc.zodiac(2023, "fr")  # type: ignore[arg-type]


def test_iter_lunar_dates_span() -> None:
    days = list(tc.iter_lunar_dates(dt.date(2020, 5, 21), dt.date(2020, 5, 24)))
    assert [str(lunar) for _, lunar in days] == [
        "29/04/2020",
        "30/04/2020",
        "01/04 nhuận/2020",
        "02/04 nhuận/2020",
    ]
    assert [day for day, _ in days] == [dt.date(2020, 5, d) for d in range(21, 25)]
    assert list(tc.iter_lunar_dates(dt.date(2020, 5, 24), dt.date(2020, 5, 21))) == []
    with pytest.raises(tc.OutOfRangeError):
        list(tc.iter_lunar_dates(dt.date(2199, 12, 1), dt.date(2300, 1, 1)))


def test_lunardate_interop() -> None:
    lunardate = pytest.importorskip("lunardate")
    theirs = tc.LunarDate(2020, 4, 1, leap=True).to_lunardate()
    assert isinstance(theirs, lunardate.LunarDate)
    assert theirs.to_solar_date() == dt.date(2020, 5, 23)
    assert tc.LunarDate.from_lunardate(theirs) == tc.LunarDate(2020, 4, 1, leap=True)
    # The same label is a different day in 2030: lunardate is the Chinese calendar.
    label = lunardate.LunarDate(2030, 1, 1)
    assert tc.LunarDate.from_lunardate(label).to_solar() == dt.date(2030, 2, 2)
    assert label.to_solar_date() == dt.date(2030, 2, 3)
    with pytest.raises(TypeError):
        tc.LunarDate.from_lunardate((2030, 1, 1))


@given(
    st.dates(min_value=FIRST, max_value=LAST),
    st.sampled_from([tc.VIETNAM, tc.VIETNAM_UTC7, tc.CHINA]),
)
def test_round_trip_solar_lunar_solar(date: dt.date, calendar: tc.Calendar) -> None:
    lunar = tc.to_lunar(date, calendar)
    assert lunar.to_solar() == date
    assert tc.LunarDate(lunar.year, lunar.month, lunar.day, lunar.leap, calendar=calendar) == lunar


@given(st.integers(1900, 2199), st.integers(1, 12), st.integers(1, 30), st.booleans())
def test_round_trip_lunar_solar_lunar_or_clear_error(
    year: int, month: int, day: int, leap: bool
) -> None:
    try:
        lunar = tc.LunarDate(year, month, day, leap)
    except tc.InvalidDateError as exc:
        message = str(exc)
        if leap and tc.leap_month(year) != month:
            assert "has no leap month" in message
        else:
            assert day == 30
            assert "has 29 days" in message
        return
    assert tc.to_lunar(lunar.to_solar()) == lunar


@given(st.dates(min_value=FIRST, max_value=LAST - dt.timedelta(days=1)))
def test_consecutive_days_are_consecutive_lunar_days(date: dt.date) -> None:
    a, b = tc.to_lunar(date), tc.to_lunar(date + dt.timedelta(days=1))
    assert a < b
    if b.day == 1:
        assert a.day in (29, 30)
    else:
        assert (b.year, b.month, b.leap, b.day) == (a.year, a.month, a.leap, a.day + 1)
