"""Milestones: seed-plan truth, labels, ranks, policies, planning and bad input."""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import thidua_calendar as tc
from thidua_calendar.commemorations import MissingDay
from thidua_calendar.organisations import organisation

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def seed_rows() -> list[dict[str, str]]:
    with (DATA / "seed_anniversaries.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


ROWS = seed_rows()


def test_seed_rows_cover_every_seed() -> None:
    assert len(ROWS) == 32
    assert {r["seed"][:3] for r in ROWS} == {"000", "001", "002", "003", "004"}


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['seed'][:3]}-l{r['line']}-{r['key']}" for r in ROWS]
)
def test_every_seed_anniversary_is_reproduced(row: dict[str, str]) -> None:
    date = dt.date.fromisoformat(row["date"])
    m = tc.milestone(row["key"], date.year)
    assert m.ordinal == int(row["ordinal"])
    assert m.date == date
    assert m.origin is not None
    assert m.origin.iso() == row["origin"]
    # The plans' wording: "N năm <name> (d/m/Y - d/m/Y)" with our dd/mm/yyyy.
    assert m.label().startswith(f"Kỷ niệm {row['ordinal']} năm ")


@pytest.mark.parametrize(
    "row",
    ROWS[:1] + [r for r in ROWS if r["seed"].startswith("003")],
    ids=lambda r: f"{r['seed'][:3]}-l{r['line']}",
)
def test_seed_rows_quote_the_documents(row: dict[str, str]) -> None:
    if not SEEDS.is_dir():
        pytest.skip(
            f"the seed plans are not here ({SEEDS}): they live beside the project in "
            "the development workspace, not in a clone"
        )
    lines = (SEEDS / row["seed"]).read_text(encoding="utf-8").splitlines()
    line = unicodedata.normalize("NFC", lines[int(row["line"]) - 1])
    assert row["text"] in line


def test_all_seed_rows_quote_the_documents() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed plans are not here ({SEEDS})")
    for row in ROWS:
        lines = (SEEDS / row["seed"]).read_text(encoding="utf-8").splitlines()
        assert row["text"] in unicodedata.normalize("NFC", lines[int(row["line"]) - 1]), row


def test_label_forms() -> None:
    m = tc.milestone("thanh_lap_dang", 2020)
    assert m.label("vi") == (
        "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)"
    )
    assert m.label("en") == (
        "90th anniversary of the founding of the Communist Party of "
        "Vietnam (3 February 1930 – 3 February 2020)"
    )
    assert tc.milestone("ngay_sinh_chu_tich_hcm", 2020).label() == (
        "Kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/05/1890 - 19/05/2020)"
    )
    assert tc.milestone("thanh_lap_cong_doan_viet_nam", 2021).label("en").startswith("92nd ")
    assert tc.milestone("thanh_lap_dang", 2031).label("en").startswith("101st ")
    assert tc.milestone("thanh_lap_dang", 2041).label("en").startswith("111th ")
    # Year-only origin: year-only on both sides.
    assert tc.milestone("quoc_te_phu_nu", 2025).label().endswith("(1910 - 2025)")
    assert tc.milestone("tet_nguyen_dan", 2026).label() == "Tết Nguyên đán Bính Ngọ 2026"
    with pytest.raises(ValueError, match="lang"):
        m.label("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "rank"),
    [(90, "tron"), (100, "tron"), (75, "le5"), (5, "le5"), (91, "khac"), (1, "khac")],
)
def test_rank_of_ordinal(number: int, rank: str) -> None:
    assert tc.Rank.of(number) is tc.Rank(rank)


def test_gio_to_ranks_by_gregorian_year() -> None:
    # ND 145/2013 Điều 3: Giỗ Tổ has no origin; the Gregorian year itself is ranked.
    assert tc.milestone("gio_to_hung_vuong", 2020).rank is tc.Rank.TRON
    assert tc.milestone("gio_to_hung_vuong", 2025).rank is tc.Rank.LE5
    assert tc.milestone("gio_to_hung_vuong", 2026).rank is tc.Rank.KHAC
    assert tc.milestone("gio_to_hung_vuong", 2025).ordinal is None
    # Its dates resolve through the lunar engine (10/3 âm lịch; reference file notes).
    expected = {
        2020: dt.date(2020, 4, 2),
        2021: dt.date(2021, 4, 21),
        2024: dt.date(2024, 4, 18),
        2025: dt.date(2025, 4, 7),
        2026: dt.date(2026, 4, 26),
    }
    for year, date in expected.items():
        assert tc.milestone("gio_to_hung_vuong", year).date == date


def test_year_2020_round_anniversaries() -> None:
    tron = {m.key: m.ordinal for m in tc.milestones(2020, rank="tron", categories="all")}
    assert tron["thanh_lap_dang"] == 90
    assert tron["ngay_sinh_chu_tich_hcm"] == 130
    assert tron["thanh_lap_tinh_bac_kan"] == 120
    le5 = {m.key: m.ordinal for m in tc.milestones(2020, rank="le5")}
    assert le5["cach_mang_thang_tam"] == 75
    assert le5["giai_phong_mien_nam"] == 45


def test_filters() -> None:
    union = tc.milestones(2020, categories=["union"])
    assert union
    assert {m.commemoration.category for m in union} == {"union"}
    assert all(m.rank is tc.Rank.LE5 for m in tc.milestones(2020, rank=tc.Rank.LE5))
    assert [m.key for m in tc.milestones(2020, keys=["quoc_khanh"])] == ["quoc_khanh"]


def test_validity_of_merged_provinces() -> None:
    # Bắc Kạn merged into Thái Nguyên on 1/7/2025 (Nghị quyết 202/2025/QH15).
    assert tc.milestone("thanh_lap_tinh_bac_kan", 2025).ordinal == 125
    assert "thanh_lap_tinh_bac_kan" not in {m.key for m in tc.milestones(2026)}
    with pytest.raises(tc.MilestoneError, match="no occurrence in 2026"):
        tc.milestone("thanh_lap_tinh_bac_kan", 2026)


def test_origin_after_year_is_an_error_and_never_an_ordinal_zero() -> None:
    with pytest.raises(tc.MilestoneError, match="not before 1930"):
        tc.milestone("thanh_lap_dang", 1930)
    with pytest.raises(tc.MilestoneError, match="not before 1920"):
        tc.milestone("thanh_lap_dang", 1920)
    assert "thanh_lap_dang" not in {m.key for m in tc.milestones(1930)}


@given(st.integers(1901, 2199))
def test_no_ordinal_is_ever_below_one(year: int) -> None:
    for m in tc.milestones(year):
        assert m.ordinal is None or m.ordinal >= 1
        if m.origin is not None and m.origin.date is not None:
            assert m.origin.date < m.date  # never before its origin
        assert m.date.year == year
        assert m.date <= m.end


def test_unknown_key_suggests_close_keys() -> None:
    with pytest.raises(tc.UnknownKeyError, match="did you mean thanh_lap_dang"):
        tc.milestone("thanh_lap_dan", 2020)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"rank": "chan"}, ValueError, "unknown rank 'chan'"),
        ({"categories": ["sports"]}, ValueError, "category must be one of .*, not 'sports'"),
        ({"keys": ["nope"]}, tc.UnknownKeyError, "unknown commemoration 'nope'"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tc.milestones(2020, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [1800, 2200])
def test_year_out_of_range(year: int) -> None:
    with pytest.raises(tc.OutOfRangeError, match="1901–2199"):
        tc.milestones(year)
    with pytest.raises(TypeError):
        tc.milestones("2020")  # type: ignore[arg-type]


def test_milestones_between_and_upcoming() -> None:
    span = tc.milestones_between(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert [m.key for m in span] == [m.key for m in tc.milestones(2020)]
    cross = tc.milestones_between(dt.date(2025, 12, 20), dt.date(2026, 1, 10))
    assert [m.date.year for m in cross] == sorted(m.date.year for m in cross)
    assert {2025, 2026} == {m.date.year for m in cross}
    ahead = tc.upcoming(dt.date(2026, 1, 1), years=5, min_rank="tron")
    assert all(m.rank is tc.Rank.TRON for m in ahead)
    assert ("thanh_lap_dang", 100) in {(m.key, m.ordinal) for m in ahead}
    assert all(dt.date(2026, 1, 1) <= m.date <= dt.date(2030, 12, 31) for m in ahead)
    le5 = tc.upcoming(dt.date(2026, 1, 1), years=1)
    assert {m.rank for m in le5} <= {tc.Rank.TRON, tc.Rank.LE5}
    with pytest.raises(ValueError, match="ends"):
        tc.milestones_between(dt.date(2020, 2, 1), dt.date(2020, 1, 1))


def test_missing_day_policies(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(
        '[[commemoration]]\nkey = "gio_30"\nname_vi = "Giỗ ngày 30"\ncalendar = "lunar"\n'
        "month = 12\nday = 30\n\n"
        '[[commemoration]]\nkey = "sinh_29_2"\nname_vi = "Ngày 29/2"\ncalendar = "solar"\n'
        'month = 2\nday = 29\norigin = "2000-02-29"\n',
        encoding="utf-8",
    )
    catalog = tc.load_catalog(path)
    # Published table: lunar 2024 month 12 starts 31/12/2024 and has 29 days (Tết Ất Tỵ is
    # 29/01/2025), so its "day 30" falls in Gregorian 2025.
    assert tc.lunar_months(2024)[-1].start == dt.date(2024, 12, 31)
    assert tc.lunar_months(2024)[-1].days == 29
    last = tc.milestone("gio_30", 2025, catalog=catalog)
    assert last.date == dt.date(2025, 1, 28)
    nxt = tc.milestone("gio_30", 2025, catalog=catalog, missing_day=MissingDay.NEXT_DAY)
    assert nxt.date == dt.date(2025, 1, 29)
    assert "gio_30" not in {
        m.key for m in tc.milestones(2025, catalog=catalog, missing_day=MissingDay.SKIP)
    }
    assert tc.milestone("sinh_29_2", 2025, catalog=catalog).date == dt.date(2025, 2, 28)
    assert tc.milestone(
        "sinh_29_2", 2025, catalog=catalog, missing_day=MissingDay.NEXT_DAY
    ).date == dt.date(2025, 3, 1)
    assert tc.milestone("sinh_29_2", 2024, catalog=catalog).date == dt.date(2024, 2, 29)


def test_lunar_day_can_fall_twice_in_a_gregorian_year(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(
        '[[commemoration]]\nkey = "ong_tao"\nname_vi = "Ông Công Ông Táo"\n'
        'calendar = "lunar"\nmonth = 12\nday = 23\n',
        encoding="utf-8",
    )
    catalog = tc.load_catalog(path)
    # Lunar 2022's 23/12 fell on 14/01/2023, lunar 2023's on 02/02/2024: none in 2023 twice,
    # but 2023 has one and 2025 has one (22/01/2025) — check against to_solar directly.
    for year in range(2020, 2031):
        expected = sorted(
            d for d in (tc.to_solar(year - 1, 12, 23), tc.to_solar(year, 12, 23)) if d.year == year
        )
        assert [m.date for m in tc.milestones(year, catalog=catalog, keys=["ong_tao"])] == expected


def test_english_ordinals() -> None:
    got = [tc.english_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)]
    assert got == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "101st",
        "111th",
        "112th",
    ]


def test_the_default_selection_leaves_out_leaders_provinces_and_sectors() -> None:
    default = {m.commemoration.category for m in tc.milestones(2020)}
    every = {m.commemoration.category for m in tc.milestones(2020, categories="all")}
    assert tc.Category.LEADER not in default
    assert tc.Category.PROVINCIAL not in default
    assert tc.Category.SECTOR not in default
    assert {tc.Category.LEADER, tc.Category.PROVINCIAL, tc.Category.SECTOR} <= every
    assert default == set(tc.DEFAULT_CATEGORIES) & every
    # Named, each left-out category is reachable; named keys are never filtered.
    # 2020: 70 năm Vĩnh Phúc (1950), 90 năm Đảng bộ Hà Nội (17/3/1930), 130 năm Thái Bình
    # (1890), 90 năm Đảng bộ Thừa Thiên Huế (4/1930), 30 năm Hội CCB tỉnh Hưng Yên (1990),
    # 120 năm Bắc Kạn (1900).
    assert [m.key for m in tc.milestones(2020, categories=["provincial"], rank="tron")] == [
        "thanh_lap_tinh_vinh_phuc",
        "thanh_lap_dang_bo_ha_noi",
        "thanh_lap_tinh_thai_binh",
        "thanh_lap_dang_bo_thua_thien_hue",
        "thanh_lap_hoi_ccb_tinh_hung_yen",
        "thanh_lap_tinh_bac_kan",
    ]
    assert [m.ordinal for m in tc.milestones(2024, keys=["tran_phu_ngay_sinh"])] == [120]
    assert tc.next_occurrence("tran_phu_ngay_sinh", dt.date(2026, 1, 1)) is not None


def test_every_catalogue_entry_is_reachable_by_its_category() -> None:
    catalog = tc.default_catalog()
    for category in tc.Category:
        keys = {m.key for year in (2025, 2026) for m in tc.milestones(year, categories=[category])}
        expected = {k for k, c in catalog.items() if c.category is category}
        # Every entry occurs in 2025 or 2026 unless its validity, its body's life or its
        # origin excludes it (a day of a province merged on 1/7/2025 that falls after 30/6
        # last occurred in 2024; Công đoàn Viên chức Việt Nam ended in June 2025).
        for key in expected - keys:
            c = catalog[key]
            body = organisation(c.organisation) if c.organisation else None
            valid = [
                first
                for year in (2025, 2026)
                for first, _ in c.occurrences(year)
                if c.is_valid_on(first) and (body is None or body.exists_on(first))
            ]
            assert not valid or (c.origin and c.origin.year >= 2026), (
                f"{key} ({category}) is not reachable by naming its category"
            )


@pytest.mark.parametrize("bad", ["national", "everything"])
def test_categories_as_a_string_is_all_or_an_error(bad: str) -> None:
    with pytest.raises(tc.InvalidValueError, match='"all"'):
        tc.milestones(2020, categories=bad)
