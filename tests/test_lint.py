"""The plan-document checker on small realistic drafts: every phrasing and every check.

Each document of tests/data/lint/ is a short Vietnamese plan written for one phrasing or one
kind of mistake; the tests assert the exact findings (line, code) and the extracted calendar.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thidua_calendar as tc
from thidua_calendar.cli import UsageError
from thidua_calendar.cli._options import Parser as _Parser
from thidua_calendar.cli.lint import add_lint_command
from thidua_calendar.errors import DataError, OutOfRangeError, ThiduaError
from thidua_calendar.lint import (
    Diagnostic,
    MissingDependencyError,
    Report,
    check_file,
    check_text,
)

LINT = Path(__file__).resolve().parent / "data" / "lint"


def lint(name: str, **options: object) -> Report:
    return check_file(LINT / name, **options)  # type: ignore[arg-type]


def codes(report: Report) -> list[tuple[int | None, str]]:
    return [(f.line, f.code) for f in report.findings]


def windows(report: Report) -> list[tuple[str | None, str | None, str | None, str]]:
    return [
        (
            p.label,
            p.start.isoformat() if p.start else None,
            p.end.isoformat() if p.end else None,
            p.start_precision,
        )
        for p in report.phases
    ]


# --- the exact findings of every test document ---------------------------------------------------

EXPECTED: dict[str, list[tuple[int | None, str]]] = {
    "windows-implied-year.txt": [],
    "window-from-launch.txt": [],
    "window-until-year-end.txt": [],
    "window-month-range.txt": [],
    "window-until-congress.txt": [],
    "school-year-semesters.txt": [],
    "phases-separate-lines.txt": [],
    "anniversary-forms.txt": [],
    "anniversary-mistakes.txt": [
        (4, "origin-mismatch"),  # 03/02/1931 for the Party (1930)
        (4, "anniversary-day-mismatch"),  # 19/6 for Hồ Chí Minh's birthday (19/5)
        (5, "ordinal-mismatch"),  # 92 năm for 1931 → 2025 (94)
        (5, "origin-mismatch"),  # 2929
        (5, "ordinal-mismatch"),  # 95 năm Công đoàn Việt Nam in 2025, no dates (96)
        (5, "anniversary-outside-year"),  # 07/5/2024 in a 2025 plan
        (6, "days-for-years"),  # 80 ngày Cách mạng Tháng Tám … và Quốc khánh: once
    ],
    "dates-and-numbers.txt": [
        (2, "incomplete-date"),  # "ngày    tháng 12 năm 2024"
        (7, "impossible-date"),  # 15/20/2010; 22/CT-TW, 34-CT/TW, 32/34, 476/Ctr-CĐVC are not dates
        (8, "impossible-date"),  # 31.4
    ],
    "tet-and-congresses.txt": [
        (4, "can-chi-mismatch"),  # Tết Nguyên đán Giáp Thìn 2025 (Ất Tỵ): error
        (4, "can-chi-mismatch"),  # Xuân Giáp Thìn in a 2025 plan: warning
        (5, "congress-year"),  # lần thứ XI - năm 2020 (2025)
        (5, "congress-plan-year"),  # tiến tới Đại hội XV của Đảng in 2025 (XIV)
        (6, "congress-term"),  # XIV … nhiệm kỳ 2023-2028 (XIII)
        (6, "congress-term"),  # XIII … nhiệm kỳ 2018-2023 (XII)
    ],
    "phases-overlap-gap.txt": [(6, "phase-overlap"), (7, "phase-gap")],
    "phases-order.txt": [(3, "phase-order"), (5, "phase-end-before-start")],
    "phases-copied-year.txt": [(6, "phase-year-typo")],
    # 92 năm … (28/7/1929 - 28/7/2020) in 2021: 92 fits the plan year, the end date does not
    # (issue 15 item 5: one finding, on the date, "28/7/2021").
    "wrapped-nfd.md": [(7, "ordinal-mismatch")],
    "ke-hoach-2022.txt": [  # the example of docs/lint.md
        (3, "incomplete-date"),
        (13, "phase-year-typo"),
        (13, "ordinal-mismatch"),  # 76 năm … (2/9/1945 - 2/9/2022): once for both events
        (13, "congress-term"),
    ],
}


def test_every_document_is_listed() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in LINT.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_findings(name: str) -> None:
    assert codes(lint(name)) == EXPECTED[name]


# --- phrasings: plan year, windows, themes -------------------------------------------------------


def test_year_from_title_and_body() -> None:
    assert check_text("KẾ HOẠCH\nPHÁT ĐỘNG THI ĐUA NĂM 2017\nNăm 2017, là năm…").year == 2017
    # The document date (2019) is not the plan year.
    header = "Bắc Kạn, ngày 3 tháng 11 năm 2019\nKẾ HOẠCH\nThi đua chào mừng các ngày lễ năm 2020"
    assert check_text(header).year == 2020
    assert check_text("Kế hoạch công tác: năm 2020, năm 2021, năm 2021.").year == 2021
    assert check_text("Không có năm nào ở đây.").year is None


def test_year_override() -> None:
    report = check_text("Đợt 1 (từ ngày 1.1 - 30.6): thi đua.", year=2030)
    assert report.year == 2030
    assert windows(report) == [("Đợt 1", "2030-01-01", "2030-06-30", "day")]
    with pytest.raises(OutOfRangeError, match="1901–2199"):
        check_text("", year=1800)
    with pytest.raises(TypeError):
        check_text("", year="2020")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang"):
        check_text("", lang="fr")  # type: ignore[arg-type]


def test_window_with_implied_year() -> None:
    report = lint("windows-implied-year.txt")
    assert windows(report) == [
        ("Đợt 1", "2024-01-01", "2024-06-30", "day"),
        ("Đợt 2", "2024-07-01", "2024-12-31", "day"),
    ]
    assert [p.focus for p in report.phases] == [
        ("thanh_lap_dang", "giai_phong_mien_nam"),
        ("thanh_lap_cong_doan_viet_nam", "nha_giao_viet_nam"),
    ]


def test_window_from_launch_starts_on_the_document_date() -> None:
    report = lint("window-from-launch.txt")
    assert report.issued == dt.date(2024, 3, 15)
    assert report.number == "08/KH-LĐLĐ"
    assert windows(report) == [(None, "2024-03-15", "2024-07-31", "event")]


def test_window_from_now_to_the_end_of_the_year() -> None:
    assert windows(lint("window-until-year-end.txt")) == [
        (None, "2023-04-10", "2023-12-31", "event")
    ]


def test_window_month_range() -> None:
    report = lint("window-month-range.txt")
    assert windows(report) == [(None, "2023-01-01", "2023-12-31", "month")]
    assert report.phases[0].end_precision == "month"


def test_window_until_a_congress() -> None:
    (phase,) = lint("window-until-congress.txt").phases
    assert (phase.start, phase.start_precision) == (dt.date(2025, 10, 1), "month")
    assert phase.end_event == tc.EndEvent(congress="party", ordinal=14)
    assert phase.end == dt.date(2026, 1, 23)  # the XIV closed on 23/1/2026
    assert phase.record()["end_event"] == {
        "congress": "party",
        "ordinal": 14,
        "commemoration": None,
        "tba": False,
    }


def test_window_until_a_congress_of_a_named_body() -> None:
    text = (
        "Kế hoạch thi đua năm 2023\n"
        "Đợt 1: từ tháng 6/2023 đến khi tổ chức thành công Đại hội XIII Công đoàn Việt Nam."
    )
    (phase,) = check_text(text).phases
    assert phase.end_event == tc.EndEvent(congress="vn_trade_union", ordinal=13)
    assert phase.end == dt.date(2023, 12, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Đợt 1: từ tháng 9/9999 đến hết học kỳ II",
        "Đợt 1: từ tháng 9/9999 đến hết năm học",
        "Đợt 1: từ đầu năm 0000 đến hết năm 9999",
        "Đợt 1: từ 01/12/9999 đến 01/01",
    ],
)
def test_windows_at_the_ends_of_the_calendar(text: str) -> None:
    report = check_text(text, year=2020)
    assert len(report.phases) == 1


def test_window_until_an_announcement() -> None:
    (phase,) = check_text("Kế hoạch năm 2024\nĐợt 1: từ 01/3/2024 đến khi có thông báo.").phases
    assert phase.end is None
    assert phase.end_event == tc.EndEvent(tba=True)


def test_school_year_and_semesters() -> None:
    report = lint("school-year-semesters.txt")
    assert report.year == 2024
    assert windows(report) == [
        ("Đợt 1", "2024-09-01", "2024-12-31", "month"),
        ("Đợt 2", "2025-01-01", "2025-05-31", "month"),
    ]
    assert [p.note for p in report.phases] == ["đến hết học kỳ I", "đến hết năm học"]
    assert report.phases[0].theme == "Dạy tốt - Học tốt"
    plan = report.plan()
    assert plan is not None
    assert (plan.start, plan.end) == (dt.date(2024, 9, 1), dt.date(2025, 8, 31))


def test_phase_labels_on_their_own_lines() -> None:
    report = lint("phases-separate-lines.txt")
    assert windows(report) == [
        ("Đợt 1", "2026-01-01", "2026-06-30", "day"),
        ("Đợt 2", "2026-07-01", "2026-12-31", "day"),
    ]
    assert [p.theme for p in report.phases] == [
        "Mừng Đảng quang vinh - Mừng Xuân Bính Ngọ",
        "Lập thành tích chào mừng 80 năm Ngày thành lập Tổng Liên đoàn Lao động Việt Nam",
    ]
    assert [(p.line, p.column) for p in report.phases] == [(6, 14), (8, 4)]  # "từ", "Đợt"
    assert [p.focus for p in report.phases] == [("thanh_lap_dang",), ("thanh_lap_tong_ldld_vn",)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Đợt 1 (Từ tháng 01/2020 đến 30/6/2020): thi đua", ("2020-01-01", "2020-06-30", "month")),
        ("Đợt 2 (Từ 01/7/2020 đến 31/12/2020): thi đua", ("2020-07-01", "2020-12-31", "day")),
        (
            "- *Đợt 1, từ tháng 11/2019 đến 31/3/2020*: thi đua",
            ("2019-11-01", "2020-03-31", "month"),
        ),
        ("+ Đợt 2: Từ ngày 01/7/2017 đến 31/12/2017, chủ đề", ("2017-07-01", "2017-12-31", "day")),
        ("Đợt 1 (từ ngày 1.1 - 30.6)", ("2020-01-01", "2020-06-30", "day")),
        ("Đợt 1: từ 01/11 đến 31/3/2021", ("2020-11-01", "2021-03-31", "day")),
        ("Đợt 1: tháng 1 đến tháng 6/2020", ("2020-01-01", "2020-06-30", "month")),
        ("Đợt 1: từ đầu năm đến hết tháng 6", ("2020-01-01", "2020-06-30", "day")),
        (
            "Giai đoạn 2: từ ngày 01 tháng 7 năm 2020 đến ngày 31 tháng 12 năm 2020",
            ("2020-07-01", "2020-12-31", "day"),
        ),
    ],
)
def test_window_phrasings(line: str, expected: tuple[str, str, str]) -> None:
    (phase,) = check_text(line, year=2020).phases
    assert phase.start is not None
    assert phase.end is not None
    assert (phase.start.isoformat(), phase.end.isoformat(), phase.start_precision) == expected


def test_windows_outside_a_campaign_context_are_not_phases() -> None:
    text = "Kế hoạch năm 2020\nCơ quan nghỉ Tết từ 23/01/2020 đến 29/01/2020.\n"
    assert check_text(text).phases == ()


def test_theme_under_a_heading_in_capitals() -> None:
    report = lint("ke-hoach-2022.txt")
    assert report.theme == "Đoàn kết, sáng tạo, vượt khó, hoàn thành xuất sắc nhiệm vụ năm 2022"
    assert report.phases[0].theme == "Mừng Đảng quang vinh - Mừng Xuân Nhâm Dần"


def test_themes_only_after_chu_de_or_a_label() -> None:
    text = (
        "KẾ HOẠCH\nThi đua năm 2020\n1. Chủ đề thi đua\n\n“Đoàn kết, sáng tạo”.\n"
        "Trọng tâm các phong trào “Lao động giỏi”, “Lao động sáng tạo”.\n"
        "Đợt 1 (từ 01/01/2020 đến 30/6/2020): với chủ đề “Mừng Đảng quang vinh”.\n"
        "Đợt 2 (từ 01/7/2020 đến 31/12/2020): chủ đề chào mừng 91 năm Ngày thành lập "
        "Công đoàn Việt Nam.\n"
    )
    report = check_text(text)
    assert report.theme == "Đoàn kết, sáng tạo"
    assert [p.theme for p in report.phases] == ["Mừng Đảng quang vinh", None]
    assert check_text("1. Chủ đề: “Tận dụng cơ hội, vượt mọi khó khăn”.").theme == (
        "Tận dụng cơ hội, vượt mọi khó khăn"
    )


# --- anniversaries -------------------------------------------------------------------------------


def test_anniversary_forms() -> None:
    report = lint("anniversary-forms.txt")
    found = [(a.line, a.ordinal, a.key, a.origin, a.date) for a in report.anniversaries]
    assert found == [
        (4, 90, "thanh_lap_dang", "1930-02-03", "2020-02-03"),
        (5, 130, "ngay_sinh_chu_tich_hcm", "1890-05-19", "2020-05-19"),  # 19.5.1890 – 19.5.2020
        (6, 45, "giai_phong_mien_nam", "1975-04-30", "2020-04-30"),  # (30-4-1975 _ 30-4-2020)
        (7, 75, "cach_mang_thang_tam", "1945-08-19", "2020-08-19"),
        (7, 75, "quoc_khanh", "1945-09-02", "2020-09-02"),
        (8, 75, "cach_mang_thang_tam", "1945-08-19", "2020-08-19"),  # derived: not printed
        (8, 75, "quoc_khanh", "1945-09-02", "2020-09-02"),
        (9, 91, "thanh_lap_cong_doan_viet_nam", "1929-07-28", "2020-07-28"),  # no dates
        (10, 72, "loi_keu_goi_thi_dua_ai_quoc", "1948-06-11", "2020-06-11"),  # wraps a line
        (12, 110, "quoc_te_phu_nu", "1910", "2020"),  # years only
        (13, 25, None, "1995-09-05", "2020-09-05"),  # not in the catalogue
    ]
    assert [a.printed for a in report.anniversaries] == [
        True, True, True, True, True, False, True, False, True, True, True
    ]  # fmt: skip
    assert report.anniversaries[-1].name == "Ngày thành lập Trường Trung học cơ sở Lê Lợi"
    assert report.anniversaries[0].name == "NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM"


def test_ordinal_mismatch_suggests_the_right_number() -> None:
    # anniversary-forms.txt prints 72 (2020 − 1948); a draft with 75 copied from elsewhere:
    text = (
        "Kế hoạch năm 2020: 75 năm Ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc "
        "(11/6/1948 - 11/6/2020)"
    )
    (finding,) = check_text(text).findings
    assert (finding.code, finding.suggestion) == ("ordinal-mismatch", "72 năm")


def test_anniversary_mistakes_messages() -> None:
    report = lint("anniversary-mistakes.txt")
    by_code = {(f.line, f.code, f.column): f for f in report.findings}
    assert by_code[(5, "ordinal-mismatch", 35)].suggestion == "94 năm"
    assert by_code[(5, "ordinal-mismatch", 170)].suggestion == "96 năm"
    assert by_code[(4, "origin-mismatch", 71)].suggestion == "sửa thành 03/02/1930"
    assert by_code[(5, "origin-mismatch", 146)].message == (
        "Ngày thành lập Công đoàn Việt Nam: mốc gốc ghi 28/7/2929, nhưng danh mục ghi 28/07/1929"
    )
    assert by_code[(4, "anniversary-day-mismatch", 227)].suggestion == "19/05/2025"
    assert by_code[(6, "days-for-years", 33)].suggestion == "80 năm"
    assert all(
        f.severity == "error" for f in report.findings if f.code != "anniversary-outside-year"
    )
    # The misprinted origin stays as printed in the extraction; the ordinal check trusts the
    # catalogue, so "96 năm" (2025 − 1929) is not reported.
    union = [a for a in report.anniversaries if a.origin == "2929-07-28"]
    assert [(a.ordinal, a.date) for a in union] == [(96, "2025-07-28")]


def test_impossible_dates_are_null_in_the_extraction() -> None:
    report = check_text(
        "Kế hoạch năm 2020: kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam "
        "(28/7/1929 - 31/4/2020)."
    )
    (anniversary,) = report.anniversaries
    assert (anniversary.origin, anniversary.date) == ("1929-07-28", None)
    assert codes(report) == [(1, "impossible-date")]
    report = lint("dates-and-numbers.txt")
    assert windows(report)[0] == ("Đợt 1", "2025-01-01", None, "day")
    assert [f.message for f in report.findings if f.code == "impossible-date"] == [
        "ngày 15/20/2010 không tồn tại: tháng 20 không tồn tại, chỉ có tháng 1–12",
        "ngày 31.4 không tồn tại: tháng 4 chỉ có 30 ngày",
    ]


def test_document_numbers_are_not_dates() -> None:
    text = (
        "Kế hoạch năm 2025. Chỉ thị 22/CT-TW, 34-CT/TW, công văn 32/34, số 476/Ctr-CĐVC, "
        "145/2013/NĐ-CP."
    )
    assert check_text(text).findings == ()


def test_days_for_years_needs_an_anniversary() -> None:
    text = "Kế hoạch năm 2025. Báo cáo trước 15 ngày kể từ ngày kết thúc đợt; nghỉ 10 ngày."
    assert check_text(text).anniversaries == ()


# --- Tết and congresses --------------------------------------------------------------------------


def test_tet_mentions() -> None:
    report = lint("tet-and-congresses.txt")
    assert [t.record() for t in report.tet] == [
        {"line": 4, "can_chi": "Giáp Thìn", "year": 2025},
        {"line": 4, "can_chi": "Giáp Thìn", "year": None},
    ]
    assert [f.severity for f in report.findings if f.code == "can-chi-mismatch"] == [
        "error",
        "warning",
    ]
    right = check_text("Chăm lo Tết Nguyên đán Canh Tý 2020 và mừng Xuân Canh Tý.", year=2020)
    assert right.findings == ()
    assert check_text("TẾT NGUYÊN ĐÁN QUÍ MẸO 2023").tet[0].can_chi == "Quý Mão"


def test_congress_mentions() -> None:
    report = lint("tet-and-congresses.txt")
    assert [c.record() for c in report.congresses] == [
        {"line": 5, "body": "patriotic_emulation", "ordinal": 11, "term": None},
        {"line": 5, "body": "party", "ordinal": 15, "term": None},
        {"line": 6, "body": "vn_trade_union", "ordinal": 14, "term": "2023-2028"},
        {"line": 6, "body": "vn_trade_union", "ordinal": 13, "term": "2018-2023"},
        {"line": 7, "body": "national_assembly", "ordinal": 16, "term": "2026-2031"},
    ]
    terms = [f for f in report.findings if f.code == "congress-term"]
    assert [f.suggestion for f in terms] == [
        "Đại hội XIII Công đoàn Việt Nam",
        "Đại hội XII Công đoàn Việt Nam",
    ]


@pytest.mark.parametrize(
    ("text", "series", "ordinal"),
    [
        ("Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "party", 13),
        ("Đại hội toàn quốc lần thứ XIII của Đảng", "party", 13),
        ("Đại hội Đảng toàn quốc lần thứ XII", "party", 12),
        ("Nghị quyết Đại hội XII của Đảng", "party", 12),
        ("Đại hội V Công đoàn Viên chức Việt Nam", "public_sector_union", 5),
        ("Đại hôi IV Công đoàn Viên chức Việt Nam", "public_sector_union", 4),
        ("Đại hội Công đoàn Việt Nam lần thứ XII (nhiệm kỳ 2018 – 2023)", "vn_trade_union", 12),
        ("Đại hội Thi đua yêu nước toàn quốc lần thứ X", "patriotic_emulation", 10),
        (
            "Đại hội thi đua yêu nước trong công nhân, viên chức, lao động (CNVCLĐ) toàn quốc "
            "lần thứ X",
            "cnvcld_emulation",
            10,
        ),
        ("Bầu cử đại biểu Quốc hội khóa XV", "national_assembly", 15),
    ],
)
def test_congress_bodies(text: str, series: str, ordinal: int) -> None:
    (mention,) = check_text(text).congresses
    assert (mention.series, mention.ordinal) == (series, ordinal)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội IX Công đoàn tỉnh Bắc Kạn",
        "Đại hội Đảng bộ tỉnh lần thứ XII",
        "Đại hội Đảng bộ tỉnh Quảng Nam lần thứ XXII",
        "Đại hội VI CĐVC tỉnh, Đại hội XVI Công đoàn Quảng Nam",
        "Đại hội thi đua yêu nước tỉnh Bắc Kạn lần thứ V",
        "Hội thi Sáng tạo kỹ thuật tỉnh Quảng Nam lần thứ VIII",
        "đại hội đảng các cấp",
    ],
)
def test_local_congresses_are_not_national_ones(text: str) -> None:
    assert check_text(text).congresses == ()


# --- phases through check_plan -------------------------------------------------------------------


def test_phase_year_typo_suggests_the_year() -> None:
    report = lint("phases-copied-year.txt")
    (typo,) = report.findings
    assert (typo.code, typo.severity, typo.line, typo.column) == ("phase-year-typo", "error", 6, 3)
    assert typo.message == "Đợt 2 ghi năm 2017 trong kế hoạch năm 2018"
    assert typo.suggestion == "có phải là năm 2018?"
    assert typo.in_lang("en").suggestion == "did you mean 2018?"


def test_phase_overlap_and_gap_messages() -> None:
    report = lint("phases-overlap-gap.txt", lang="en")
    assert [(f.code, f.severity, f.suggestion) for f in report.findings] == [
        ("phase-overlap", "error", "end Đợt 1 on 2023-04-14"),
        ("phase-gap", "warning", "start Đợt 3 on 2023-09-01"),
    ]


def test_single_phase_in_another_year_is_outside_the_period() -> None:
    text = "Kế hoạch thi đua năm 2024\nĐợt 1: từ 01/01/2023 đến 31/12/2023."
    assert codes(check_text(text)) == [(2, "phase-outside-period")]


# --- report: JSON, text, languages, columns ------------------------------------------------------


def test_json_shape() -> None:
    data = json.loads(lint("anniversary-mistakes.txt").to_json())
    assert list(data) == ["year", "findings", "extracted"]
    assert list(data["extracted"]) == ["anniversaries", "phases", "tet", "congresses"]
    assert list(data["findings"][0]) == [
        "line",
        "column",
        "severity",
        "code",
        "key",
        "message",
        "suggestion",
    ]
    assert list(data["extracted"]["anniversaries"][0]) == [
        "line",
        "ordinal",
        "name",
        "origin",
        "date",
        "key",
    ]
    phases = json.loads(lint("window-until-congress.txt").to_json())["extracted"]["phases"]
    assert list(phases[0]) == [
        "line",
        "label",
        "start",
        "end",
        "start_precision",
        "end_event",
        "theme",
    ]
    tet = json.loads(lint("tet-and-congresses.txt").to_json())["extracted"]
    assert list(tet["tet"][0]) == ["line", "can_chi", "year"]
    assert list(tet["congresses"][0]) == ["line", "body", "ordinal", "term"]


def test_json_keeps_a_misprinted_origin_and_nulls_an_impossible_date() -> None:
    data = json.loads(lint("anniversary-mistakes.txt").to_json())
    origins = [a["origin"] for a in data["extracted"]["anniversaries"]]
    assert "2929-07-28" in origins
    report = check_text(
        "Kế hoạch năm 2020: 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 32/7/2020)"
    )
    assert json.loads(report.to_json())["extracted"]["anniversaries"][0]["date"] is None


def test_text_output_and_languages() -> None:
    report = lint("phases-copied-year.txt")
    path = str(LINT / "phases-copied-year.txt")
    assert report.to_text().splitlines() == [
        f"{path}:6:3: error [phase-year-typo]: Đợt 2 ghi năm 2017 trong kế hoạch năm 2018 "
        "(có phải là năm 2018?)",
        f"{path}: kế hoạch năm 2018; 1 ngày kỷ niệm, 2 đợt thi đua, 0 lần nhắc Tết, 1 đại hội; "
        "1 lỗi, 0 cảnh báo, 0 ghi chú",
    ]
    english = report.to_text("en").splitlines()
    assert english[0].endswith("Đợt 2 is dated 2017 in a 2018 plan (did you mean 2018?)")
    assert english[1].endswith("1 error(s), 0 warning(s), 0 note(s)")
    assert json.loads(report.to_json("en"))["findings"][0]["suggestion"] == "did you mean 2018?"
    assert check_text("x", lang="en").to_text().startswith("<text>: no plan year found")


def test_report_flags() -> None:
    assert lint("phases-copied-year.txt").has_errors
    assert lint("phases-order.txt").has_errors  # a phase that ends before it starts
    assert not lint("windows-implied-year.txt").has_errors
    assert lint("window-month-range.txt").findings == ()


def test_no_year_is_a_note() -> None:
    report = check_text("Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam.")
    assert report.year is None
    assert [(f.line, f.column, f.severity, f.code) for f in report.findings] == [
        (None, None, "info", "no-year")
    ]


def test_columns_refer_to_the_original_decomposed_text() -> None:
    path = LINT / "wrapped-nfd.md"
    raw = path.read_text(encoding="utf-8").split("\n")
    assert not unicodedata.is_normalized("NFC", raw[4])
    report = check_file(path)
    first = report.anniversaries[0]
    assert (first.line, first.column) == (5, raw[4].index("91") + 1)
    # The statement starts on line 6 ("92 năm"); its wrong date, on the continuation line,
    # is reported where it is, with the date to write.
    (ordinal,) = (f for f in report.findings if f.code == "ordinal-mismatch")
    assert (ordinal.line, ordinal.column) == (7, raw[6].index("28/7/2020") + 1)
    assert ordinal.suggestion == "28/7/2021"


def test_statements_and_themes_that_wrap_onto_the_next_line() -> None:
    report = check_file(LINT / "wrapped-nfd.md")
    assert [a.key for a in report.anniversaries] == [
        "thanh_lap_dang",
        "thanh_lap_cong_doan_viet_nam",
        "ngay_sinh_chu_tich_hcm",
        "cach_mang_thang_tam",
        "quoc_khanh",
    ]
    assert report.phases[0].theme == "Mừng Đảng quang vinh - Mừng sinh nhật Bác"
    assert report.anniversaries[1].origin == "1929-07-28"


def test_finding_in_lang_and_record() -> None:
    finding = lint("phases-copied-year.txt").findings[0]
    assert isinstance(finding, Diagnostic)
    assert finding.in_lang("en").message == "Đợt 2 is dated 2017 in a 2018 plan"
    assert finding.in_lang("vi") == finding
    assert finding.as_record()["code"] == "phase-year-typo"


def test_nfc_input_and_crlf() -> None:
    text = "KẾ HOẠCH\r\nThi đua năm 2020\r\nĐợt 1 (từ 01/01/2020 đến 30/6/2020): thi đua.\r\n"
    assert windows(check_text(text)) == [("Đợt 1", "2020-01-01", "2020-06-30", "day")]
    decomposed = unicodedata.normalize("NFD", text)
    assert windows(check_text(decomposed)) == windows(check_text(text))


# --- plans from documents ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_emitted_plans_parse_and_keep_the_phases(name: str) -> None:
    report = lint(name)
    plan = report.plan()
    assert plan is not None
    parsed = tc.parse_plan(report.to_plan_toml())
    assert parsed.phases == plan.phases
    assert (parsed.year, parsed.start, parsed.end, parsed.theme) == (
        plan.year,
        plan.start,
        plan.end,
        plan.theme,
    )
    assert [p.label for p in parsed.phases] == [
        p.label or f"Đợt {i}"
        for i, p in enumerate(report.phases, 1)
        if p.start and (p.end or p.end_event) and not (p.end and p.end < p.start)
    ]
    # A window that ends before it starts cannot be a phase: the file says it was left out.
    for p in report.phases:
        if p.start and p.end and p.end < p.start:
            assert f"# Left out: line {p.line}, {p.label}" in report.to_plan_toml()


def test_emitted_plan_drives_schedule_and_feed() -> None:
    report = lint("window-until-congress.txt")
    plan = tc.parse_plan(report.to_plan_toml())
    assert plan.phases[0].end_event == tc.EndEvent(congress="party", ordinal=14)
    schedule = tc.schedule(2025, plan)
    assert [e.title() for e in schedule.of_kind("phase")] == ["Đợt 1"]
    assert tc.to_ical(schedule, name="Thi đua").startswith(b"BEGIN:VCALENDAR")


def test_emitted_plan_follows_the_celebrated_provincial_days() -> None:
    text = (
        "KẾ HOẠCH\nThi đua năm 2020\n"
        "Đợt 1 (từ 01/01/2020 đến 30/6/2020): 120 năm Ngày thành lập tỉnh Bắc Kạn "
        "(11/4/1900 - 11/4/2020)."
    )
    toml = check_text(text).to_plan_toml()
    assert 'keys = ["thanh_lap_tinh_bac_kan"]' in toml
    assert 'focus = ["thanh_lap_tinh_bac_kan"]' in toml
    assert 'title = "Kế hoạch thi đua năm 2020"' in toml


def test_no_plan_without_a_year() -> None:
    report = check_text("Đợt 1: từ 01/01 đến 30/6.")
    assert report.plan() is None
    with pytest.raises(ValueError, match="year"):
        report.to_plan_toml()


# --- files ---------------------------------------------------------------------------------------


def test_text_files_in_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    text = (LINT / "phases-copied-year.txt").read_text(encoding="utf-8")
    for name, data in [
        ("bom.txt", "\ufeff".encode() + text.encode()),
        ("utf16.txt", text.encode("utf-16")),
    ]:
        (tmp_path / name).write_bytes(data)
        assert codes(check_file(tmp_path / name)) == [(6, "phase-year-typo")]


def test_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"K\xea ho\xe1ch n\xe3m 2020")
    with pytest.raises(DataError, match="not UTF-8"):
        check_file(tmp_path / "latin1.txt")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(DataError, match=r"cannot read \.pdf files"):
        check_file(tmp_path / "plan.pdf")
    with pytest.raises(FileNotFoundError):
        check_file(tmp_path / "missing.txt")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(DataError, match=r"not a readable \.docx"):
        check_file(tmp_path / "broken.docx")


def _docx(path: Path) -> Path:
    docx = pytest.importorskip("docx", reason="python-docx (the docx extra) is not installed")
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH\nSố: 31 /KH - LĐLĐ"
    table.cell(0, 1).text = "Bắc Kạn, ngày / 3 tháng 11 năm 2019"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phát động phong trào thi đua năm 2020")
    document.add_paragraph(
        "- Đợt 1, từ tháng 11/2019 đến 31/3/2020: chào mừng 90 năm Ngày thành lập Đảng "
        "Cộng sản Việt Nam (03/02/1930 - 03/02/2020)."
    )
    document.add_paragraph(
        "- Đợt 2, từ 01/4/2021 đến 31/12/2021: chào mừng 130 năm Ngày sinh Chủ tịch "
        "Hồ Chí Minh (19/5/1890 - 19/5/2020)."
    )
    document.save(str(path))
    return path


def test_docx(tmp_path: Path) -> None:
    report = check_file(_docx(tmp_path / "ke-hoach.docx"))
    assert report.number == "31/KH-LĐLĐ"  # from the header table
    assert codes(report) == [(3, "incomplete-date"), (7, "phase-year-typo")]
    assert windows(report) == [
        ("Đợt 1", "2019-11-01", "2020-03-31", "month"),
        ("Đợt 2", "2021-04-01", "2021-12-31", "day"),
    ]


def test_docx_without_python_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx raises ImportError
    with pytest.raises(MissingDependencyError, match=r"thidua-calendar\[docx\]") as caught:
        check_file(path)
    assert isinstance(caught.value, ThiduaError)


# --- the command line ----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``thidua-calendar lint …`` through add_lint_command on a fresh parser, with the error
    handling of cli.main (one line on standard error, exit 2)."""
    parser = _Parser(prog="thidua-calendar")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    add_lint_command(sub)
    try:
        args = parser.parse_args(list(argv))
        code = args.handler(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    except (ThiduaError, UsageError, TypeError, ValueError) as exc:
        print(f"thidua-calendar: error: {exc}", file=sys.stderr)
        code = 2
    except OSError as exc:
        print(f"thidua-calendar: error: {exc.strerror}: {exc.filename}", file=sys.stderr)
        code = 2
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(LINT / "phases-copied-year.txt"))
    assert code == 1
    assert "[phase-year-typo]" in out
    code, out, _ = run(capsys, "lint", str(LINT / "phases-order.txt"))
    assert code == 1  # phase-end-before-start
    code, out, _ = run(capsys, "lint", str(LINT / "window-month-range.txt"))
    assert (code, out.count("\n")) == (0, 1)


def test_cli_unreadable_input_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "lint", str(tmp_path / "missing.txt"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "No such file or directory" in err
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    code, _, err = run(capsys, "lint", str(tmp_path / "x.pdf"))
    assert code == 2
    assert err.startswith("thidua-calendar: error: ")
    assert err.count("\n") == 1


def test_cli_json_one_and_several_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(LINT / "phases-copied-year.txt"), "--format", "json")
    assert code == 1
    assert json.loads(out)["year"] == 2018
    files = [str(LINT / "window-month-range.txt"), str(LINT / "phases-copied-year.txt")]
    code, out, _ = run(capsys, "lint", *files, "--format", "json", "--lang", "en")
    records = json.loads(out)
    assert [r["year"] for r in records] == [2023, 2018]
    assert records[1]["findings"][0]["suggestion"] == "did you mean 2018?"


def test_cli_year_and_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Đợt 1 (từ ngày 1.1 - 30.6): thi đua.\nĐợt 2 (từ ngày 1.7 - 31.12): thi đua.\n"
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "lint", "-", "--year", "2026", "--format", "json")
    assert code == 0
    assert [p["start"] for p in json.loads(out)["extracted"]["phases"]] == [
        "2026-01-01",
        "2026-07-01",
    ]


@pytest.mark.usefixtures("english")
def test_cli_emit_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "plan.toml"
    code, _, err = run(
        capsys, "lint", str(LINT / "school-year-semesters.txt"), "--emit-plan", str(out_file)
    )
    assert code == 0
    assert err == f"wrote {out_file}\n"
    plan = tc.load_plan(out_file)
    assert [p.label for p in plan.phases] == ["Đợt 1", "Đợt 2"]
    assert plan.check() == [d for d in plan.check() if d.severity != "error"]
    code, _, err = run(capsys, "lint", "a.txt", "b.txt", "--emit-plan", str(out_file))
    assert code == 2
    assert "exactly one FILE" in err
    (tmp_path / "no-year.txt").write_text("Đợt 1: từ 01/01 đến 30/6.", encoding="utf-8")
    code, _, err = run(capsys, "lint", str(tmp_path / "no-year.txt"), "--emit-plan", str(out_file))
    assert code == 2
    assert "give --year" in err


@pytest.mark.usefixtures("english")
def test_cli_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--help")
    assert code == 0
    assert "examples:" in out
    assert "thidua-calendar lint ke-hoach-2022.txt" in out
    assert "--emit-plan OUT.toml" in out


def test_the_command_module_is_light() -> None:
    # The command line imports cli.lint at start-up: the checker loads only when the command
    # runs (not even the package thidua_calendar.lint before that).
    code = (
        "import sys, thidua_calendar.cli.lint; "
        "print(sorted(m for m in sys.modules if m.startswith('thidua_calendar.lint')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_add_lint_command_returns_the_parser() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    lint_parser = add_lint_command(sub)
    args = parser.parse_args(["lint", "x.txt", "--lang", "en"])
    assert args.files == ["x.txt"]
    assert args.lang == "en"
    assert lint_parser.prog.endswith("lint")


# --- robustness: nothing raises on any text ----------------------------------------------------

CORPUS = [
    line
    for path in sorted(LINT.iterdir())
    for line in path.read_text(encoding="utf-8").split("\n")
    if line.strip()
]
NOISE = '0123456789/.-–_() “”"«»:;,\n\t\u00a0\u0301\u0302IVXđợtĐợtnămngàytháng'


def _invariants(report: Report, text: str) -> None:
    lines = text.split("\n")
    for finding in report.findings:
        assert finding.line is None or 1 <= finding.line <= len(lines)
        assert finding.column is None or finding.column >= 1
        assert finding.severity in ("error", "warning", "info")
    data = json.loads(report.to_json())
    assert list(data) == ["year", "findings", "extracted"]
    assert report.to_text("en").endswith("\n")
    plan = report.plan()
    if plan is not None:  # a document with a year always makes a plan file that parses
        assert tc.parse_plan(report.to_plan_toml()).phases == plan.phases


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.one_of(st.none(), st.integers(1901, 2199)), st.sampled_from(["vi", "en"]))
def test_arbitrary_text_never_raises(text: str, year: int | None, lang: str) -> None:
    report = check_text(text, year=year, lang=lang)  # type: ignore[arg-type]
    _invariants(report, text)


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    """Seed-like plan text, then typos: digits changed, characters dropped or inserted."""
    lines = draw(st.lists(st.sampled_from(CORPUS), min_size=1, max_size=12))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 12))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["replace", "delete", "insert", "digit", "nfd"]))
        if action == "replace":
            text = text[:at] + draw(st.sampled_from(NOISE)) + text[at + 1 :]
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        elif action == "insert":
            text = text[:at] + draw(st.text(NOISE, max_size=4)) + text[at:]
        elif action == "digit" and text[at].isdigit():
            text = text[:at] + str(draw(st.integers(0, 9))) + text[at + 1 :]
        else:
            text = text[:at] + unicodedata.normalize("NFD", text[at:])
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plans(), st.one_of(st.none(), st.integers(1901, 2199)))
def test_mutated_plans_never_raise(text: str, year: int | None) -> None:
    _invariants(check_text(text, year=year), text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Đợt 1 (từ ",
                "đến ",
                "khi tổ chức thành công Đại hội XIV",
                "tháng 1-12/2023",
                "1.1 - 30.6",
                "hết học kỳ I",
                "90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
                "(03/02/1930 - 03/02/2020)",
                " và Quốc khánh",
                "Tết Nguyên đán Canh Tý 2020",
                "lần thứ XIII của Đảng",
                "nhiệm kỳ 2018-2023",
                "ngày / 3 tháng 11 năm 2019",
                "chủ đề “",
                "”",
                "\n",
                " ",
                "năm 2020",
                "31/4",
                "29/2/2100",
                "0/0/0000",
                "9999",
                "tháng 9/9999",
                "hết học kỳ II",
                "hết năm học",
                "đầu năm 0000",
                "hết năm 9999",
                "01/12/9999",
            ]
        ),
        max_size=40,
    )
)
def test_plan_fragments_never_raise(parts: list[str]) -> None:
    text = "".join(parts)
    _invariants(check_text(text), text)


def test_a_day_with_two_origins_is_checked_against_the_origin_it_states() -> None:
    # 20/10: the Women's Union's founding (1930) and Ngày Phụ nữ Việt Nam (2010); documents
    # name both "Ngày Phụ nữ Việt Nam" (the union's own plans count 15 năm in 2025).
    text = (
        "KẾ HOẠCH năm 2025\n"
        "Kỷ niệm 95 năm Ngày Phụ nữ Việt Nam (20/10/1930 - 20/10/2025).\n"
        "Kỷ niệm 15 năm Ngày Phụ nữ Việt Nam (20/10/2010 - 20/10/2025).\n"
        "Kỷ niệm 96 năm Ngày Phụ nữ Việt Nam (20/10/1930 - 20/10/2025).\n"
    )
    found = [(d.line, d.code) for d in check_text(text).findings if d.severity == "error"]
    assert found == [(4, "ordinal-mismatch")]


@pytest.mark.parametrize(
    ("term", "errors"),
    [("2023 - 2028", 0), ("2023 - 2026", 0), ("2023 - 2025", 1), ("2018 - 2023", 1)],
)
def test_a_term_cut_short_by_the_next_congress_is_right(term: str, errors: int) -> None:
    # The XIV congress of Công đoàn Việt Nam met in 2026 (after the 2025 reorganisation), so
    # the XIII's documented 2023-2028 ended in 2026; both wordings are right, others are not.
    text = (
        "KẾ HOẠCH năm 2026\n"
        f"Thực hiện Nghị quyết Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ {term}.\n"
    )
    found = [d for d in check_text(text).findings if d.code == "congress-term"]
    assert len(found) == errors


@pytest.mark.parametrize(
    "line",
    [
        # Real pages (tests/corpus/anniversaries: a-009, c-006): a name that differs from a
        # catalogued one by a distinguishing word is not that day misspelt.
        "Kỷ niệm 94 năm Ngày thành lập Hội LHPN Việt Nam (20/10/1930 - 20/10/2024).",
        "Kỷ niệm 60 năm Ngày giải phóng huyện Khánh Sơn (20/11/1960 – 20/11/2020).",
    ],
)
def test_a_name_one_distinguishing_word_away_is_not_a_catalogued_day(line: str) -> None:
    report = check_text(f"KẾ HOẠCH năm {line[-6:-2]}\n{line}\n")
    assert [f.code for f in report.findings if f.severity == "error"] == []


def test_a_misspelt_catalogued_name_is_still_recognised() -> None:
    report = check_text(
        "KẾ HOẠCH năm 2025\nKỷ niệm 92 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Mịnh "
        "(26/3/1931 - 26/3/2025).\n"
    )
    assert [(f.code, f.key) for f in report.findings if f.severity == "error"] == [
        ("ordinal-mismatch", "thanh_lap_doan_tncs")
    ]
