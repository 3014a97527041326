"""The generated lunar tables are reproducible, and the generator applies its rules."""

from __future__ import annotations

import datetime as dt

import pytest

import gen_lunar
import thidua_calendar as tc
from thidua_calendar.errors import DataError
from thidua_calendar.lunar._tables import parse_table


def test_committed_tables_equal_a_fresh_run() -> None:
    fresh = gen_lunar.render_all()
    assert set(fresh) == {"vietnam.txt", "vietnam-utc7.txt", "china.txt"}
    for name, text in fresh.items():
        committed = (gen_lunar.OUT_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run `make tables`"


def test_check_mode_reports_fresh_tables() -> None:
    assert gen_lunar.main(["--check"]) == 0


def test_every_correction_is_documented_and_applied() -> None:
    corrections = gen_lunar.load_corrections()
    assert corrections, "the corrections file is read"
    for c in corrections:
        assert c.reason
        assert c.source
        assert c.start != c.computed
        for key in c.calendars:
            calendar = tc.get_calendar(key)
            assert tc.to_solar(c.lunar_year, c.month, 1, c.leap, calendar) == c.start


def test_historical_time_bases() -> None:
    assert gen_lunar.historical_offset(1968) == 7.0
    assert gen_lunar.historical_offset(1967) == 8.0
    assert gen_lunar.historical_offset(1929) == 8.0
    assert gen_lunar.historical_offset(1928) == pytest.approx(7 + 45 / 60 + 40 / 3600)


def test_months_for_one_offset_follow_the_rules() -> None:
    months = gen_lunar.months_for_offset(7.0, 2033, 2034)
    labels = [(m.year, m.month, m.leap) for m in months if m.year == 2033]
    # 2033: the leap month comes after month 11 (the famous 2033 problem).
    assert labels[-3:] == [(2033, 11, False), (2033, 11, True), (2033, 12, False)]
    # Month 11 contains the December solstice (21 December 2033, 13:46 UT; USNO); the leap
    # month after it starts the next day and contains no major solar term.
    by_label = {(m.year, m.month, m.leap): m for m in months}
    month11, leap11 = by_label[(2033, 11, False)], by_label[(2033, 11, True)]
    assert month11.start <= dt.date(2033, 12, 21) < leap11.start == dt.date(2033, 12, 22)


def test_table_parser_locates_errors() -> None:
    good = "2020 2020-01-25 4 SLLSLLSLSLSLS -\n"
    assert parse_table(good, tc.VIETNAM, "t.txt").leap_months == {2020: 4}
    cases = {
        "2020 2020-01-25 4 SLLSLLSLSLSL -\n": "leap month 4 does not fit 12",
        "2020 2020-01-25 0 SLLSLLSLSLSX -\n": "malformed field",
        "# c\n2020 2020-01-25 0\n": "t.txt:2: expected 5 fields",
        "2020 2020-01-25 0 SLLSLLSLSLSL 13\n": "provisional months",
        "": "no rows",
        (
            "2020 2020-01-25 0 SLLSLLSLSLSL -\n2021 2021-02-13 0 SLLSLLSLSLSL -\n"
        ): "not the day after the previous year",
    }
    for text, message in cases.items():
        with pytest.raises(DataError, match=message):
            parse_table(text, tc.VIETNAM, "t.txt")
