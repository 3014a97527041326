"""Days off and working days: the shipped notices, the rules of the Code, bad data, holidays.VN."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

import thidua_calendar as tc
from thidua_calendar._toml import Located
from thidua_calendar.errors import DataError, InvalidTypeError, InvalidValueError, ThiduaError
from thidua_calendar.workdays import WorkCalendar, parse_days_off

D = dt.date


# ------------------------------------------------------------------------ the shipped notices


def test_years_and_coverage() -> None:
    assert tc.workday_years() == (2020, 2021, 2022, 2023, 2024, 2025, 2026)
    assert tc.known_until(2026) == D(2026, 12, 31)
    assert tc.known_until(2024) == D(2024, 12, 31)


def test_culture_day_is_a_day_off_from_2026() -> None:
    # Ngày Văn hóa Việt Nam, 24/11, a paid day off from 01/7/2026 (Nghị quyết 28/2026/QH16).
    assert not tc.is_working_day(D(2026, 11, 24))
    assert tc.public_holidays(2026)[D(2026, 11, 24)] == "Ngày Văn hóa Việt Nam"
    assert tc.public_holidays(2026, lang="en")[D(2026, 11, 24)] == "Vietnam Culture Day"
    assert D(2025, 11, 24) not in tc.public_holidays(2025)
    assert tc.next_working_day(D(2026, 11, 24)) == D(2026, 11, 25)
    assert tc.is_working_day(D(2026, 12, 1))


def test_tet_2026_is_nine_days() -> None:
    tet = next(b for b in tc.holiday_breaks(2026) if "tet_am_lich" in b.holidays)
    assert (tet.start, tet.end, tet.length) == (D(2026, 2, 14), D(2026, 2, 22), 9)
    assert tet.title() == "Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)"
    assert tet.title("en") == "Lunar New Year (Tết Bính Ngọ) break (14 – 22 February 2026, 9 days)"
    assert [d.date for d in tet.days] == [D(2026, 2, d) for d in range(16, 21)]
    assert all(not tc.is_working_day(D(2026, 2, d)) for d in range(14, 23))
    assert tc.is_working_day(D(2026, 2, 13))
    assert tc.is_working_day(D(2026, 2, 23))


def test_swaps_and_make_up_days() -> None:
    # 2026: Friday 2/1 off, Saturday 10/1 worked; Monday 31/8 off, Saturday 22/8 worked.
    assert not tc.is_working_day(D(2026, 1, 2))
    assert tc.is_working_day(D(2026, 1, 10))
    assert not tc.is_working_day(D(2026, 1, 17))  # an ordinary Saturday
    assert [(m.date, m.replaces) for m in tc.make_up_days(2026)] == [
        (D(2026, 1, 10), D(2026, 1, 2)),
        (D(2026, 8, 22), D(2026, 8, 31)),
    ]
    assert [(m.date, m.replaces) for m in tc.make_up_days(2024)] == [
        (D(2024, 5, 4), D(2024, 4, 29))
    ]
    assert tc.make_up_days(2025)[0].name() == "Làm bù cho ngày nghỉ 02/05/2025"
    assert tc.make_up_days(2023) == ()


def test_kinds_and_names() -> None:
    off = {d.date: d for d in tc.days_off(2023)}
    assert off[D(2023, 9, 2)].kind == "holiday"  # a Saturday holiday keeps its day
    assert off[D(2023, 9, 4)].kind == "compensatory"
    assert off[D(2023, 9, 4)].name() == "Nghỉ bù Quốc khánh"
    assert off[D(2023, 5, 2)].name_en == (
        "Hung Kings' Commemoration Day, Reunification Day and International Labour Day "
        "(day off in lieu)"
    )
    bridge = {d.date: d for d in tc.days_off(2024)}[D(2024, 4, 29)]
    assert bridge.kind == tc.DayOffKind.BRIDGE
    assert bridge.name() == "Nghỉ hoán đổi dịp Ngày Chiến thắng và Ngày Quốc tế Lao động"
    assert tc.public_holidays(2020)[D(2020, 9, 2)] == "Quốc khánh"
    assert D(2020, 9, 3) not in tc.public_holidays(2020)  # one day under the 2012 Code
    assert tc.public_holidays(2026, "en")[D(2026, 4, 27)] == (
        "Hung Kings' Commemoration Day (day off in lieu)"
    )


def test_every_year_has_the_codes_holidays() -> None:
    for year in tc.workday_years():
        kinds = [d for d in tc.days_off(year) if d.kind == "holiday"]
        # 10 days under the 2012 Code, 11 under the 2019 one, 12 with Ngày Văn hóa Việt Nam.
        expected = 12 if year >= 2026 else 11 if year >= 2021 else 10
        assert len(kinds) == expected, year


def test_working_day_arithmetic() -> None:
    assert tc.next_working_day(D(2026, 2, 21)) == D(2026, 2, 23)  # Saturday in the Tết break
    assert tc.next_working_day(D(2026, 2, 23)) == D(2026, 2, 23)  # on or after
    assert tc.next_working_day(D(2026, 1, 9)) == D(2026, 1, 9)
    assert tc.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert tc.add_working_days(D(2026, 2, 14), 0) == D(2026, 2, 23)
    assert tc.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 10)  # the make-up Saturday
    assert tc.add_working_days(D(2026, 2, 23), -1) == D(2026, 2, 13)
    assert tc.add_working_days(D(2026, 2, 21), -1) == D(2026, 2, 12)
    assert tc.working_days_between(D(2026, 2, 1), D(2026, 2, 28)) == 15
    assert tc.working_days_between(D(2026, 1, 1), D(2026, 1, 11)) == 6
    assert tc.working_days_between(D(2026, 2, 16), D(2026, 2, 16)) == 0
    assert tc.working_days_between(D(2025, 1, 1), D(2025, 12, 31)) == 250


def test_outside_the_data_is_refused() -> None:
    with pytest.raises(tc.WorkdayError, match=r"2020–2026"):
        tc.is_working_day(D(2019, 12, 31))
    with pytest.raises(tc.WorkdayError, match="2027"):
        tc.days_off(2027)
    assert tc.next_working_day(D(2026, 12, 26)) == D(2026, 12, 28)
    with pytest.raises(tc.WorkdayError):
        tc.add_working_days(D(2026, 12, 28), 5)  # the count walks past the known days
    with pytest.raises(LookupError) as error:
        tc.working_days_between(D(2026, 12, 1), D(2027, 1, 15))
    assert isinstance(error.value, ThiduaError)
    with pytest.raises(InvalidValueError):
        tc.working_days_between(D(2026, 2, 2), D(2026, 2, 1))
    with pytest.raises(InvalidTypeError):
        tc.is_working_day("2026-02-02")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        tc.add_working_days(D(2026, 2, 2), 1.5)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ bad data

GOOD = """
[meta]
revision = "2026-12-01"

[[year]]
year = 2024
source = "test"

[[break]]
start = 2023-12-30
end = 2024-01-01
holidays = [2024-01-01]
source = "t"

[[break]]
start = 2024-02-08
end = 2024-02-14
holidays = [2024-02-08, 2024-02-09, 2024-02-10, 2024-02-11, 2024-02-12]
compensatory = [2024-02-13, 2024-02-14]
source = "t"

[[break]]
start = 2024-04-18
end = 2024-04-18
holidays = [2024-04-18]
source = "t"

[[break]]
start = 2024-04-27
end = 2024-05-01
holidays = [2024-04-30, 2024-05-01]
bridge = [2024-04-29]
source = "t"

[[make_up]]
date = 2024-05-04
replaces = 2024-04-29
source = "t"

[[break]]
start = 2024-08-31
end = 2024-09-03
holidays = [2024-09-02, 2024-09-03]
source = "t"
"""


def parse(text: str) -> WorkCalendar:
    return parse_days_off(Located(textwrap.dedent(text), "days.toml"), strict=True)


def bad(text: str, match: str) -> DataError:
    with pytest.raises(DataError, match=match) as info:
        parse(text)
    assert info.value.path == "days.toml"
    assert info.value.line is not None
    return info.value


def test_good_data_parses() -> None:
    cal = parse(GOOD.replace("2023-12-30", "2024-01-01"))
    assert len(cal.breaks) == 5
    assert len(cal.make_ups) == 1


def test_a_day_off_outside_the_years_with_data() -> None:
    # 2023-12-30 belongs to no year with data in this file
    error = bad(GOOD, r"2023-12-30 is outside the years with data \(2024\)")
    assert error.line == GOOD.splitlines().index("start = 2023-12-30") + 1


def test_end_before_start() -> None:
    text = GOOD.replace("2023-12-30", "2024-01-01").replace(
        "start = 2024-04-18\nend = 2024-04-18", "start = 2024-04-18\nend = 2024-04-17"
    )
    error = bad(text, "end 2024-04-17 is before start 2024-04-18")
    assert error.line == text.splitlines().index("end = 2024-04-17") + 1


def test_make_up_day_not_on_a_weekend() -> None:
    text = GOOD.replace("2023-12-30", "2024-01-01").replace(
        "date = 2024-05-04", "date = 2024-05-03"
    )
    error = bad(text, "make-up day 2024-05-03 is not a Saturday or Sunday")
    assert error.line == text.splitlines().index("date = 2024-05-03") + 1


def test_overlapping_and_duplicate_entries() -> None:
    base = GOOD.replace("2023-12-30", "2024-01-01")
    bad(base.replace("start = 2024-04-27", "start = 2024-04-18"), "overlaps")
    bad(
        base.replace(
            "compensatory = [2024-02-13, 2024-02-14]", "compensatory = [2024-02-13, 2024-02-13]"
        ),
        "lists a date twice",
    )
    bad(
        base.replace("bridge = [2024-04-29]", "bridge = [2024-04-30]"),
        "listed in both holidays and bridge",
    )
    twice = base + '\n[[make_up]]\ndate = 2024-05-11\nreplaces = 2024-04-29\nsource = "t"\n'
    bad(twice, "already made up")
    bad(base + '\n[[year]]\nyear = 2024\nsource = "again"\n', "listed twice")


def test_the_codes_rules_are_checked() -> None:
    base = GOOD.replace("2023-12-30", "2024-01-01")
    bad(
        base.replace(
            "start = 2024-04-18\nend = 2024-04-18\nholidays = [2024-04-18]",
            "start = 2024-04-17\nend = 2024-04-17\nholidays = [2024-04-17]",
        ),
        "no holiday of Bộ luật",
    )
    bad(
        base.replace("compensatory = [2024-02-13, 2024-02-14]", "compensatory = [2024-02-13]"),
        "weekday 2024-02-14",
    )
    bad(
        base.replace("end = 2024-02-14", "end = 2024-02-15").replace(
            "compensatory = [2024-02-13, 2024-02-14]",
            "compensatory = [2024-02-13, 2024-02-14, 2024-02-15]",
        ),
        "2 holiday",
    )
    bad(base.replace("start = 2024-04-27", "start = 2024-04-28"), "a day off next to it")
    bad(base.replace("replaces = 2024-04-29", "replaces = 2024-04-30"), "not a bridge")
    no_make_up = base.replace(
        '[[make_up]]\ndate = 2024-05-04\nreplaces = 2024-04-29\nsource = "t"\n', ""
    )
    bad(no_make_up, "has no \\[\\[make_up\\]\\]")
    bad(
        base.replace(
            "end = 2024-09-03\nholidays = [2024-09-02, 2024-09-03]",
            "end = 2024-09-02\nholidays = [2024-09-02]",
        ),
        "Quốc khánh must be",
    )
    bad(base.replace("holidays = [2024-04-18]\n", "holidays = []\n"), "at least one holiday")
    bad(base.replace("date = 2024-05-04", "date = 2024-04-28"), "inside a break")
    bad(
        base.replace('source = "test"', 'source = "test"\nknown_until = 2024-06-30'),
        "after 2024's known_until",
    )
    bad(
        base.replace(
            "[[break]]\nstart = 2024-04-18\nend = 2024-04-18\n"
            'holidays = [2024-04-18]\nsource = "t"\n',
            "",
        ),
        "gio_to_hung_vuong must be listed",
    )
    bad(base + "\n[[holiday]]\n", "unknown table 'holiday'")
    bad(
        base.replace(
            'source = "t"\n\n[[break]]\nstart = 2024-02-08',
            'sourc = "t"\n\n[[break]]\nstart = 2024-02-08',
        ),
        "unknown field",
    )


# ---------------------------------------------------------------------- compared with holidays

# Every date on which this library and holidays.VN disagree, with the reason. A new difference
# (or one of these gone) fails the test: read the notice, then fix the data or this table.
EXPECTED_DIFFERENCES = {
    D(2025, 2, 1): (
        "holidays.VN",
        "holidays.VN always counts giao thừa and mùng 1–4 (here 28/1–1/2, moving Saturday 1/2 to "
        "Monday 27/1); the 2025 notice (Công văn 8726/VPCP-KGVX) placed the five Tết days on "
        "27/1–31/1, so Saturday 1/2 is a plain weekend day",
    ),
    D(2026, 1, 2): (
        "ours",
        "holidays.VN lacks the 2026 Tết Dương lịch swap (Công văn 12729/VPCP-KGVX, 25/12/2025: "
        "Friday 2/1 off, Saturday 10/1 worked)",
    ),
}


def _family(name: str) -> str:
    """Which holiday (or swap) a holidays.VN name is."""
    for needle, key in (
        ("Ngày nghỉ (thay cho", "bridge"),
        ("Tết Dương lịch", "tet_duong_lich"),
        ("Tết", "tet_am_lich"),
        ("Giỗ Tổ", "gio_to_hung_vuong"),
        ("Chiến thắng", "chien_thang"),
        ("Lao động", "quoc_te_lao_dong"),
        ("Quốc khánh", "quoc_khanh"),
        ("Văn hóa", "van_hoa_viet_nam"),
    ):
        if needle in name:
            return key
    raise AssertionError(f"unknown holidays.VN name {name!r}")


def test_compared_with_holidays_vn() -> None:
    holidays = pytest.importorskip("holidays")
    found: dict[dt.date, str] = {}
    for year in tc.workday_years():
        theirs = holidays.VN(years=year, language="vi")
        ours = {d.date: d for d in tc.days_off(year)}
        worked = {m.replaces: m.date for m in tc.make_up_days(year)}
        for day in sorted(set(theirs) | set(ours)):
            if day not in ours:
                found[day] = "holidays.VN"
                continue
            if day not in theirs:
                found[day] = "ours"
                continue
            family = _family(theirs[day])
            mine = ours[day]
            if family == "bridge":
                assert mine.kind == "bridge", day
                assert f"{worked[day]:%d/%m/%Y}" in theirs[day], day
            else:
                assert family in mine.holidays, (day, theirs[day], mine.holidays)
    assert {d: side for d, (side, _reason) in EXPECTED_DIFFERENCES.items()} == found


# -------------------------------------------------------------- reports due on a working day


def test_report_rule_moves_to_a_working_day() -> None:
    from thidua_calendar.plans import ReportRule

    # 21/02/2026 is a Saturday of the Tết break: due on Monday 23/02/2026.
    rule = ReportRule(day=21, months_after=1, working_day=True)
    assert rule.due(D(2026, 1, 31)) == D(2026, 2, 23)
    assert ReportRule(day=21, months_after=1).due(D(2026, 1, 31)) == D(2026, 2, 21)
    # 15/08/2026 is a Saturday (not the make-up one): Monday 17/08; 22/08 is worked.
    assert ReportRule(day=15, months_after=2, working_day=True).due(D(2026, 6, 30)) == D(
        2026, 8, 17
    )
    assert ReportRule(day=22, months_after=2, working_day=True).due(D(2026, 6, 30)) == D(
        2026, 8, 22
    )
    with pytest.raises(tc.WorkdayError):
        ReportRule(days_after=15, working_day=True).due(D(2026, 12, 31))
    with pytest.raises(InvalidTypeError):
        ReportRule(days_after=15, working_day="yes")  # type: ignore[arg-type]


def test_working_day_in_plan_toml_round_trips() -> None:
    from thidua_calendar.plans import parse_plan
    from thidua_calendar.plans._write import plan_toml

    text = textwrap.dedent(
        """
        [plan]
        title = "Kế hoạch thi đua năm 2026"
        year = 2026

        [[phase]]
        label = "Đợt 1"
        start = "2026-01-01"
        end = "2026-06-30"

        [reporting]
        quarterly = { day = 21, months_after = -1, working_day = true }
        """
    )
    plan = parse_plan(text)
    assert plan.reporting.quarterly == tc.ReportRule(day=21, months_after=-1, working_day=True)
    due = [d.date for d in plan.deadlines() if d.kind == "quarterly"]
    assert due[0] == D(2026, 2, 23)  # 21/02/2026, in the Tết break
    again = parse_plan(plan_toml(plan))
    assert again.reporting == plan.reporting
    with pytest.raises(DataError, match="working_day must be true or false"):
        parse_plan(text.replace("working_day = true", "working_day = 1"))
