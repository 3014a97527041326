"""The commemoration catalogue and the congress series: shipped data and user files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import thidua_calendar as tc
from thidua_calendar._toml import Located
from thidua_calendar.commemorations import parse_catalog
from thidua_calendar.congresses import parse_congresses


def test_shipped_catalogue() -> None:
    catalog = tc.default_catalog()
    assert len(catalog) >= 45
    assert catalog.revision
    for entry in catalog.values():
        assert entry.source, entry.key
        # Low-confidence rows are not shipped; a medium one says in its notes what is uncertain.
        assert entry.confidence in ("high", "medium"), entry.key
        if entry.confidence == "medium":
            assert len(entry.notes) >= 20, f"{entry.key}: a medium row explains its doubt"
        assert entry.name_vi
        assert entry.name_en
        assert entry.anniversary_en


def test_seed_commemorations_are_catalogued() -> None:
    catalog = tc.default_catalog()
    expected = {
        "thanh_lap_cong_doan_vien_chuc_vn": (1994, 7, 2),
        "thanh_lap_tinh_bac_kan": (1900, 4, 11),
        "loi_keu_goi_thi_dua_ai_quoc": (1948, 6, 11),
        "thanh_lap_cong_doan_viet_nam": (1929, 7, 28),
        "thanh_lap_dang": (1930, 2, 3),
        "ngay_sinh_chu_tich_hcm": (1890, 5, 19),
    }
    for key, (year, month, day) in expected.items():
        assert catalog[key].origin == tc.Origin(year, month, day), key
    assert catalog["thang_cong_nhan"].rule == tc.WholeMonth(5)
    assert catalog["thang_hanh_dong_atvsld"].rule == tc.WholeMonth(5)


def test_the_seven_major_days_of_nd_145() -> None:
    # Nghị định 145/2013/NĐ-CP, Điều 4: Tết, 3/2, Giỗ Tổ, 30/4, 7/5, 19/5, 19/8 and 2/9
    # (the last two are one item).
    holidays = {k for k, e in tc.default_catalog().items() if e.major_day}
    assert holidays == {
        "tet_nguyen_dan",
        "thanh_lap_dang",
        "gio_to_hung_vuong",
        "giai_phong_mien_nam",
        "chien_thang_dien_bien_phu",
        "ngay_sinh_chu_tich_hcm",
        "cach_mang_thang_tam",
        "quoc_khanh",
    }


def test_find_by_name_or_alias() -> None:
    catalog = tc.default_catalog()
    assert catalog.find("Ngày thành lập Đảng").key == "thanh_lap_dang"  # type: ignore[union-attr]
    assert catalog.find("  NGÀY GIẢI PHÓNG HOÀN TOÀN MIỀN NAM, THỐNG NHẤT ĐẤT NƯỚC ") is not None
    assert catalog.find("không có") is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_catalogue_adds_and_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[commemoration]]
key = "thanh_lap_truong"
name_vi = "Ngày thành lập Trường THPT Chu Văn An"
calendar = "solar"
month = 10
day = 10
origin = "1908-10-10"

[[commemoration]]
key = "thanh_lap_dang"
name_vi = "Ngày thành lập Đảng (bản của tổ chức)"
calendar = "solar"
month = 2
day = 3
origin = "1930-02-03"
category = "party"
""",
    )
    catalog = tc.load_catalog(path)
    assert len(catalog) == len(tc.default_catalog()) + 1
    school = tc.milestone("thanh_lap_truong", 2028, catalog=catalog)
    assert school.ordinal == 120
    assert school.rank is tc.Rank.TRON
    assert school.label() == (
        "Kỷ niệm 120 năm Ngày thành lập Trường THPT Chu Văn An (10/10/1908 - 10/10/2028)"
    )
    assert catalog["thanh_lap_dang"].name_vi.endswith("(bản của tổ chức)")
    # The path form merges over the shipped catalogue too.
    assert tc.milestones(2028, catalog=path, keys=["thanh_lap_truong"])[0].ordinal == 120


HEADER = '[[commemoration]]\nkey = "x"\nname_vi = "X"\n'


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('[[commemoration]\nkey = "x"\n', ":1:", "invalid TOML"),
        (HEADER + 'calendar = "solar"\nmonth = 4\nday = 31\n', ":6:", "31/4 does not exist"),
        (HEADER + 'calendar = "weekly"\nmonth = 4\nday = 1\n', ":4:", "calendar must be one of"),
        (HEADER + 'calendar = "solar"\nmonth = 13\nday = 1\n', ":5:", "month must be 1–12"),
        (
            HEADER + 'calendar = "solar"\nmonth = 4\nday = 1\ncolour = "red"\n',
            ":7:",
            "unknown field 'colour'",
        ),
        (
            HEADER + 'calendar = "solar"\nmonth = 4\nday = 1\norigin = "1930-04-31"\n',
            ":7:",
            "impossible origin",
        ),
        (
            HEADER + 'calendar = "solar"\nmonth = 4\nday = 1\norigin = "1930-05-01"\n',
            ":7:",
            "is not on 1/4",
        ),
        (
            HEADER + 'calendar = "solar"\nmonth = 4\nday = 1\nrank_by = "origin"\n',
            ":7:",
            "needs an origin",
        ),
        (HEADER + 'calendar = "lunar"\nmonth = 4\nday = 31\n', ":6:", "day must be 1–30"),
        (HEADER + 'calendar = "month"\nmonth = 5\nday = 1\n', ":6:", "has no day"),
        (HEADER + 'calendar = "solar"\nmonth = "tư"\nday = 1\n', ":5:", "must be an integer"),
        (
            HEADER
            + 'calendar = "solar"\nmonth = 4\nday = 1\n\n'
            + HEADER
            + 'calendar = "solar"\nmonth = 4\nday = 2\n',
            ":9:",
            "duplicate key 'x' (first at line 1)",
        ),
        (
            '[[commemoration]]\nkey = "Có dấu"\nname_vi = "X"\ncalendar = "solar"\n'
            "month = 1\nday = 1\n",
            ":2:",
            "key must be lowercase ASCII",
        ),
        (
            '[[commemoration]]\nname_vi = "X"\ncalendar = "solar"\nmonth = 1\nday = 1\n',
            ":1:",
            "missing field 'key'",
        ),
    ],
)
def test_user_catalogue_errors_are_located(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(tc.DataError) as info:
        tc.load_catalog(path)
    assert str(info.value).startswith(str(path) + where), str(info.value)
    assert message in str(info.value)


def test_unreadable_catalogue(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file"):
        tc.load_catalog(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("name = 'Ng\xe0y'".encode("latin-1"))
    with pytest.raises(tc.DataError, match="not UTF-8"):
        tc.load_catalog(bad)


def test_shipped_catalogue_is_parsed_strictly() -> None:
    text = (
        '[meta]\nrevision = "2026-11-23"\n\n' + HEADER + 'calendar = "solar"\nmonth = 4\nday = 1\n'
    )
    with pytest.raises(tc.DataError, match="missing field 'name_en'"):
        parse_catalog(Located(text, "t.toml"), strict=True)


# --- congresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "roman"),
    [
        (1, "I"),
        (4, "IV"),
        (9, "IX"),
        (12, "XII"),
        (13, "XIII"),
        (14, "XIV"),
        (40, "XL"),
        (1994, "MCMXCIV"),
    ],
)
def test_roman_numerals_both_ways(number: int, roman: str) -> None:
    assert tc.to_roman(number) == roman
    assert tc.from_roman(roman) == number
    assert tc.from_roman(roman.lower()) == number


@pytest.mark.parametrize("text", ["IIII", "IC", "", "XIIII", "ABC", "VX"])
def test_malformed_roman_numerals(text: str) -> None:
    with pytest.raises(ValueError, match="Roman numeral"):
        tc.from_roman(text)


def test_roman_range() -> None:
    with pytest.raises(ValueError, match="1–3999"):
        tc.to_roman(0)
    with pytest.raises(TypeError):
        tc.to_roman("4")  # type: ignore[arg-type]


def test_congress_series() -> None:
    party = tc.congress_series("party")
    assert [c.roman for c in party.congresses][-3:] == ["XII", "XIII", "XIV"]
    assert party.by_ordinal("XIII").start == dt.date(2021, 1, 25)
    assert party.by_ordinal(14).term == (2026, 2031)
    assert party.label(13) == "Đại hội XIII của Đảng (nhiệm kỳ 2021-2026)"
    union = tc.congress_series("vn_trade_union")
    assert len(union.congresses) == 14
    assert union.by_ordinal(14).term == (2026, 2031)
    # Seed 003 calls the 2018–2023 congress "XIII": the data says XII.
    assert union.for_term(2018, 2023).ordinal == 12  # type: ignore[union-attr]
    assert union.by_ordinal(13).term == (2023, 2028)
    assert union.label(12) == "Đại hội XII Công đoàn Việt Nam (nhiệm kỳ 2018-2023)"
    assert union.current(dt.date(2022, 6, 1)).ordinal == 12  # type: ignore[union-attr]
    assert [c.ordinal for c in tc.congress_series("patriotic_emulation").held_in(2020)] == [10]
    assert len(tc.congress_series("patriotic_emulation").congresses) == 11


def test_congress_errors() -> None:
    with pytest.raises(tc.UnknownKeyError, match="unknown congress series 'dang'"):
        tc.congress_series("dang")
    with pytest.raises(tc.CongressError, match="no congress XX"):
        tc.congress_series("party").by_ordinal(20)


def test_congress_file_errors_are_located() -> None:
    text = (
        '[[series]]\nkey = "s"\nname_vi = "Đại hội S"\nname_en = "S"\n\n'
        '[[series.congress]]\nordinal = 1\nstart = "2020-02-30"\n'
    )
    with pytest.raises(tc.DataError, match=r"^c\.toml:8: s congress I: start must be a date"):
        parse_congresses(Located(text, "c.toml"))
    text = text.replace('"2020-02-30"', '"2020-02-01"\nterm = "2025-2020"')
    with pytest.raises(tc.DataError, match=r"^c\.toml:9: .*term must be YYYY-YYYY"):
        parse_congresses(Located(text, "c.toml"))
