"""The solar-term table (data/lunar/solar-terms.txt): references, generator, reader, rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import gen_terms
import thidua_calendar as tc
from thidua_calendar._toml import Located
from thidua_calendar._wording.milestones import milestone_description
from thidua_calendar.commemorations import SolarTermDay, parse_catalog
from thidua_calendar.lunar._terms import parse_terms, solar_term_provisional, term_table

# The terms in lunar_python's Chinese names, in the order of tc.SolarTerm.
CHINESE = (
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
)  # fmt: skip

# Where lunar_python (its own astronomy, Beijing time) and our table disagree on the
# Vietnamese day: the instant falls within seconds of midnight UTC+7, and the table marks the
# day provisional. 1953 Hạ chí: 1953-06-21 17:00:02 UT by our series (2 s after midnight
# UTC+7), 23:59:53 UTC+7 on the 21st by lunar_python.
COIN_FLIPS = {(1953, tc.SolarTerm.HA_CHI)}


def test_every_value_agrees_with_lunar_python_1900_2199() -> None:
    lunar_python = pytest.importorskip("lunar_python")
    checked = 0
    differences = {}
    for year in range(1900, 2200):
        table = lunar_python.Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()
        # The table spans the lunar year: keep this Gregorian year's instants (its December
        # solstice is keyed DONG_ZHI, the previous year's 冬至).
        theirs = {
            ("冬至" if name == "DONG_ZHI" else name): solar
            for name, solar in table.items()
            if solar.getYear() == year
        }
        ours = tc.solar_terms(year)
        for term, name in zip(tc.SolarTerm, CHINESE, strict=True):
            s = theirs[name]
            beijing = dt.datetime(
                s.getYear(), s.getMonth(), s.getDay(), s.getHour(), s.getMinute(), s.getSecond()
            )
            vietnam = (beijing - dt.timedelta(hours=1)).date()  # UTC+8 to UTC+7
            checked += 1
            if ours[term] != vietnam:
                differences[(year, term)] = (ours[term], vietnam)
    assert checked == 300 * 24
    assert set(differences) == COIN_FLIPS, differences
    assert all(solar_term_provisional(year, term) for year, term in COIN_FLIPS)


# Vietnamese dates published in Vietnam (UTC+7), each with where it was printed. The ones
# marked "UTC+8 differs" fall on the next day in Beijing time, so they check the time zone.
PUBLISHED = [
    (2026, "thanh_minh", dt.date(2026, 4, 5), "VTC News, 'Tiết Thanh minh 2026 diễn ra …'"),
    (2026, "thanh_minh", dt.date(2026, 4, 5), "lawnet.vn, 'Lịch Tiết Thanh minh 2026'"),
    (2025, "thanh_minh", dt.date(2025, 4, 4), "thuonghieusanpham.vn, 'Tết Thanh minh năm 2025'"),
    (2025, "dong_chi", dt.date(2025, 12, 21), "Tiền Phong, 'Đông chí năm 2025 là ngày nào'"),
    (2025, "dong_chi", dt.date(2025, 12, 21), "Thanh Niên, 22/12/2025 (22:03 giờ TP.HCM)"),
    (2026, "tieu_han", dt.date(2026, 1, 5), "Thanh Niên, 22/12/2025: Tiểu hàn 5.1.2026"),
    (2024, "dong_chi", dt.date(2024, 12, 21), "soha.vn, 'Ngày Đông chí 2024 là ngày nào'"),
    (2021, "dong_chi", dt.date(2021, 12, 21), "vatlythienvan.com: 15:59 UTC, 22:59 VN"),
    (2016, "lap_dong", dt.date(2016, 11, 7), "lich.vutrutrongtamtay.org/lap-dong (06:48)"),
    (2017, "lap_dong", dt.date(2017, 11, 7), "lich.vutrutrongtamtay.org/lap-dong (12:38)"),
    (2018, "lap_dong", dt.date(2018, 11, 7), "lich.vutrutrongtamtay.org/lap-dong (18:32)"),
    (2019, "lap_dong", dt.date(2019, 11, 8), "lich.vutrutrongtamtay.org/lap-dong (00:24)"),
    (2022, "lap_dong", dt.date(2022, 11, 7), "giacaphe.com, 'Lập Đông năm 2022'"),
    (2025, "lap_dong", dt.date(2025, 11, 7), "VietNamNet, 'Tiết Lập đông năm 2025'"),
]


@pytest.mark.parametrize(("year", "term", "date", "source"), PUBLISHED)
def test_published_vietnamese_dates(year: int, term: str, date: dt.date, source: str) -> None:
    assert tc.solar_term_date(year, term) == date, source


def test_the_generator_reproduces_the_committed_table() -> None:
    committed = gen_terms.OUT.read_text(encoding="utf-8")
    lines = {line.split()[0]: line for line in committed.splitlines() if line[:1].isdigit()}
    assert len(lines) == 300
    for year in (1900, 1938, 1953, 1967, 1968, 2000, 2025, 2026, 2027, 2100, 2199):
        assert gen_terms.year_line(year) == lines[str(year)], year
    assert committed.startswith(gen_terms.render(1900, 1900).rsplit("\n", 2)[0])


def test_check_mode_reports_a_fresh_table() -> None:
    assert gen_terms.main(["--check"]) == 0


def test_the_generator_and_the_reader_name_the_terms_alike() -> None:
    assert tuple(t.value for t in tc.SolarTerm) == gen_terms.TERMS
    assert [gen_terms.longitude(i) for i in range(24)] == [t.longitude for t in tc.SolarTerm]


def test_the_year_in_order() -> None:
    terms = tc.solar_terms(2026)
    assert list(terms) == list(tc.SolarTerm)
    assert list(terms.values()) == sorted(terms.values())
    assert terms[tc.SolarTerm.THANH_MINH] == dt.date(2026, 4, 5)
    assert terms[tc.SolarTerm.XUAN_PHAN] == dt.date(2026, 3, 20)
    assert tc.solar_term_date(2026, tc.SolarTerm.LAP_XUAN) == dt.date(2026, 2, 4)
    assert all(date.month == term.month for term, date in terms.items())
    assert tc.SolarTerm.XUAN_PHAN.longitude == 0
    assert tc.SolarTerm.DONG_CHI.longitude == 270
    assert term_table().first_year == 1900
    assert term_table().last_year == 2199


def test_names_in_both_languages() -> None:
    assert tc.SolarTerm.THANH_MINH.name_in("vi") == "Thanh minh"
    assert tc.SolarTerm.THANH_MINH.name_in("en") == "Pure Brightness"
    assert tc.SolarTerm.SUONG_GIANG.name_in() == "Sương giáng"
    assert len({t.name_in("en") for t in tc.SolarTerm}) == 24
    with pytest.raises(tc.InvalidValueError, match="lang"):
        tc.SolarTerm.HA_CHI.name_in("fr")  # type: ignore[arg-type]


def test_bad_arguments() -> None:
    with pytest.raises(tc.OutOfRangeError, match="1900–2199"):
        tc.solar_term_date(1899, "dong_chi")
    with pytest.raises(tc.OutOfRangeError):
        tc.solar_terms(2200)
    with pytest.raises(tc.InvalidValueError, match="term must be one of tieu_han"):
        tc.solar_term_date(2026, "thanh_minh_")
    with pytest.raises(tc.InvalidTypeError, match="year must be an int"):
        tc.solar_terms("2026")  # type: ignore[arg-type]
    with pytest.raises(tc.InvalidTypeError, match="year must be an int"):
        tc.solar_terms(True)
    with pytest.raises(tc.InvalidTypeError, match="term must be a string"):
        tc.solar_term_date(2026, 15)  # type: ignore[arg-type]


GOOD_LINE = (
    "2026 0105 0120 0204 0218 0305 0320 0405 0420 0505 0521 0605 0621 0707 0723 0807 0823 "
    "0907 0923 1008 1023 1107 1122 1207 1222 -"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# only a comment\n", "t.txt: the table has no rows"),
        (GOOD_LINE.removesuffix(" -") + "\n", "t.txt:1: expected 26 fields, found 25"),
        (GOOD_LINE.replace("0218", "0230") + "\n", r"t.txt:1: malformed field"),
        (GOOD_LINE.replace("0405", "0505") + "\n", "t.txt:1: thanh_minh of 2026 on 2026-05-05"),
        (GOOD_LINE.replace("0420", "0408") + "\n", "t.txt:1: the terms of 2026 are not in order"),
        (GOOD_LINE.replace(" -", " thanhminh") + "\n", "t.txt:1: no solar term 'thanhminh'"),
        (f"{GOOD_LINE}\n{GOOD_LINE}\n", "t.txt:2: year 2026 is out of sequence"),
    ],
)
def test_malformed_tables_are_located(text: str, message: str) -> None:
    with pytest.raises(tc.DataError, match=f"^{message}"):
        parse_terms(text, "t.txt")


def test_a_good_line_parses() -> None:
    parsed = parse_terms(GOOD_LINE.replace(" -", " thanh_minh,ha_chi") + "\n", "t.txt")
    assert parsed.provisional == {(2026, tc.SolarTerm.THANH_MINH), (2026, tc.SolarTerm.HA_CHI)}
    assert dt.date.fromordinal(parsed.days[2026][6]) == dt.date(2026, 4, 5)


ENTRY = """\
[[commemoration]]
key = "thanh_minh"
name_vi = "Tết Thanh minh"
calendar = "solar_term"
"""


def test_a_solar_term_commemoration(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(ENTRY + 'term = "thanh_minh"\n', encoding="utf-8")
    catalog = tc.load_catalog(path)
    entry = catalog["thanh_minh"]
    assert entry.rule == SolarTermDay(tc.SolarTerm.THANH_MINH)
    assert str(entry.rule) == "tiết Thanh minh"
    assert entry.occurrences(2026) == [(dt.date(2026, 4, 5), dt.date(2026, 4, 5))]
    assert entry.occurrences(2025) == [(dt.date(2025, 4, 4), dt.date(2025, 4, 4))]
    assert entry.occurrences(2200) == []  # outside the table: no occurrence, no guess
    found = tc.milestones(2026, catalog=catalog, keys=["thanh_minh"])
    assert [(m.date, m.label("vi")) for m in found] == [
        (dt.date(2026, 4, 5), "Tết Thanh minh năm 2026")
    ]
    described = milestone_description(found[0], "vi")
    assert "Ngày bắt đầu tiết Thanh minh (Mặt Trời ở kinh độ 15°, giờ Việt Nam)." in described
    assert "solar term Pure Brightness" in milestone_description(found[0], "en")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("", "missing field 'term'"),
        ('term = "tet_thanh_minh"\n', "term must be one of tieu_han, dai_han"),
        ('term = "thanh_minh"\nmonth = 4\n', 'calendar = "solar_term"\\) has no month'),
        ('term = "thanh_minh"\nday = 5\n', 'calendar = "solar_term"\\) has no day'),
    ],
)
def test_solar_term_entry_errors_are_located(extra: str, message: str) -> None:
    pattern = f"^c.toml:[0-9]+: commemoration 'thanh_minh': .*{message}"
    with pytest.raises(tc.DataError, match=pattern):
        parse_catalog(Located(ENTRY + extra, "c.toml"), strict=False)


def test_a_term_on_another_calendar_is_an_error() -> None:
    text = ENTRY.replace('"solar_term"', '"solar"') + 'month = 4\nday = 5\nterm = "thanh_minh"\n'
    with pytest.raises(tc.DataError, match="term belongs to a solar-term commemoration"):
        parse_catalog(Located(text, "c.toml"), strict=False)


def test_the_rule_checks_its_term() -> None:
    assert SolarTermDay("dong_chi").month == 12
    assert SolarTermDay("dong_chi").in_year(2025) == dt.date(2025, 12, 21)
    with pytest.raises(tc.InvalidValueError):
        SolarTermDay("winter")
