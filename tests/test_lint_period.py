"""Issue 15 items 3 and 5: the plan's period, anniversaries as real pages write them, and
suggestions that fix the real mistake. Each phrasing is quoted from a page of the corpus
(tests/corpus/), trimmed to the statement."""

from __future__ import annotations

import pytest

from thidua_calendar.lint import Report, check_text


def found(report: Report) -> list[tuple[int | None, str, str, str]]:
    return [(f.line, str(f.severity), f.code, f.suggestion) for f in report.findings]


def statements(report: Report) -> list[tuple[int, str | None]]:
    return [(a.ordinal, a.key) for a in report.anniversaries]


# --- the period ------------------------------------------------------------------------------


def test_a_school_year_title_covers_both_halves() -> None:
    report = check_text(
        "KẾ HOẠCH\nThi đua năm học 2019 – 2020\nNăm 2020 là năm bản lề.\n"
        "Chào mừng 45 năm Ngày Giải phóng miền Nam, thống nhất đất nước."
    )
    assert (report.year, report.extraction.years, report.extraction.school_year) == (
        2019,
        (2019, 2020),
        True,
    )
    assert report.findings == ()  # 45 năm falls in the 2020 half


def test_items_listed_under_their_year() -> None:
    # anniversaries/b-001 (Phú Yên, a list for 2017 - 2018).
    text = (
        "Theo kế hoạch, trong năm 2017, một số ngày lễ lớn và sự kiện lịch sử quan trọng được "
        "tổ chức như: Kỷ niệm 100 năm Cách mạng Tháng Mười Nga (07/11/1917-07/11/2017). Năm "
        "2018, tổ chức Kỷ niệm 50 năm Cuộc Tổng tiến công và  nổi dậy Xuân Mậu Thân- 1968; Kỷ "
        "niệm 130 năm Ngày sinh Chủ tịch Tôn Đức Thắng (20/8/1888 – 20/8/2018)"
    )
    report = check_text(text)
    assert [a.scope for a in report.anniversaries] == [2017, 2018, 2018]
    assert [f for f in report.findings if str(f.severity) != "info"] == []


def test_a_cited_document_date_is_not_the_document_date() -> None:
    text = (
        "Căn cứ Kế hoạch số 662/KH-BGDĐT ngày 15 tháng 6 năm 2010\n"
        "Tràng Cát, ngày 18 tháng 10 năm 2022\nKế hoạch tổ chức các hoạt động"
    )
    report = check_text(text)
    assert (report.extraction.issued, report.year, report.extraction.year_source) == (
        __import__("datetime").date(2022, 10, 18),
        2022,
        "date",
    )


def test_a_year_guessed_from_the_body_gives_no_error() -> None:
    # lint/p-011 (a 2021 news page): a link to an older story, no dates.
    text = (
        "Mít tinh chào mừng 90 năm ngày thành lập Công đoàn Việt Nam\n"
        "Để phong trào thi đua hiệu quả, đi vào chiều sâu, ngay từ đầu năm, Ban Thường vụ Công "
        "đoàn GTVT Việt Nam đã ban hành Kế hoạch số 23/KH-CĐN ngày 19/1/2021 phát động thi đua "
        "trong cán bộ, đoàn viên, CNVCLĐ và các cấp công đoàn ngành GTVT năm 2021 với chủ đề "
        "“Đoàn kết, sáng tạo”."
    )
    report = check_text(text)
    assert report.extraction.year_source == "body"
    assert found(report) == [(1, "info", "ordinal-mismatch", "92 năm")]
    # Given the year, the same sentence is an error.
    assert [f.severity for f in check_text(text, year=2021).findings] == ["error"]


def test_a_web_page_stamp_is_a_guess() -> None:
    # lint/p-007: the page shows the day it was served.
    text = (
        "THỨ SÁU, NGÀY 22 THÁNG 11 NĂM 2024 04:16\n\nNhớ lại những ngày “tổng lực” cho Lễ kỷ "
        "niệm 70 năm ngày Thương binh liệt sĩ (27/7/1947- 27/7/2017), ông không giấu nổi niềm vui"
    )
    report = check_text(text)
    assert (report.year, report.extraction.year_source) == (2017, "stamp")
    assert report.findings == ()


def test_a_plan_may_look_ahead_to_next_years_anniversary() -> None:
    # lint/q-010 (Thành Đoàn TP HCM, summer 2024).
    text = (
        "Thông tin báo chí các chương trình, chiến dịch tình nguyện hè năm 2024\n\nhướng đến "
        "kỷ niệm 25 năm chiến dịch thanh niên tình nguyện hè (2000 - 2024), 50 năm Ngày Giải "
        "phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)"
    )
    report = check_text(text)
    assert statements(report) == [(25, None), (50, "giai_phong_mien_nam")]
    assert report.findings == ()  # 25 summers 2000…2024 counted inclusively


# --- anniversaries as real pages write them ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # anniversaries/b-003: a giỗ counted "lần thứ N".
        (
            "tổ chức Lễ Giỗ lần thứ 95 của cụ Phó bảng Nguyễn Sinh Sắc (27.11.1929 - 27.11.2024)",
            [(95, None)],
        ),
        # anniversaries/b-012, c-020, b-028, lint/q-008, q-018: abbreviations.
        (
            "Lễ kỷ niệm 95 năm Ngày thành lập Hội LHPN Việt Nam",
            [(95, "phu_nu_viet_nam")],
        ),
        ("kỷ niệm 71 năm Ngày thành lập QĐNDVN", [(71, "quan_doi_nhan_dan")]),
        ("36 năm Ngày Hội QPTD", [(36, "hoi_quoc_phong_toan_dan")]),
        (
            "CHÀO MỪNG KỶ NIỆM 64 NĂM NGÀY THÀNH LẬP HỘI LHTN VIỆT NAM (15/10/1956 -15/10/2020)",
            [(64, "truyen_thong_hoi_lhtn")],
        ),
        ("tổ chức lễ kỷ niệm 30 năm Ngày thành lập Hội CCB Việt Nam", [(30, "thanh_lap_hoi_ccb")]),
        # lint/q-006: "Bác Hồ".
        ("chào mừng 135 năm ngày sinh Bác Hồ kính yêu", [(135, "ngay_sinh_chu_tich_hcm")]),
        # anniversaries/b-021: the word "năm" left out, the dates say 40 years.
        (
            "Lễ hội kỷ niệm 40 Giải phóng tỉnh Bình Định ( 31/3/1975 – 31/3/2015)",
            [(40, "giai_phong_tinh_binh_dinh")],
        ),
        # lint/p-010: a comma after "năm".
        (
            "kỷ niệm 91 năm, ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)",
            [(91, "thanh_lap_cong_doan_viet_nam")],
        ),
        # anniversaries/c-016: "này" for "ngày".
        (
            "kỷ niệm 92 năm này thành lập Mặt trận Dân tộc thống nhất Việt Nam",
            [(92, "mat_tran_to_quoc")],
        ),
        # lint/p-003, p-008, p-006: names the catalogue does not know, no dates.
        ("chào mừng 70 năm ngày truyền thống ngành", [(70, None)]),
        ("chào mừng 68 năm thành lập Ngân hàng Việt Nam", [(68, None)]),
        ("50 năm xây dựng và phát triển của Công đoàn GTVT Việt Nam", [(50, None)]),
        # lint/r-032, r-011: a district's re-establishment and liberation, no dates.
        (
            "Sẵn sàng cho Lễ kỷ niệm 40 năm tái lập huyện và 48 năm Ngày giải phóng",
            [(40, None), (48, None)],
        ),
        # anniversaries/c-011: "hình thành", years only.
        ("kỷ niệm 420 năm hình thành tỉnh Quảng Bình (1604-2024)", [(420, None)]),
    ],
)
def test_real_phrasings_are_read(text: str, expected: list[tuple[int, str | None]]) -> None:
    assert statements(check_text(text, year=2024)) == expected


def test_a_span_of_years_is_not_an_anniversary() -> None:
    assert statements(check_text("Giai đoạn 5 năm (01/01/2016 - 31/12/2020)", year=2020)) == []
    assert statements(check_text("trong 10 năm qua, (2011 - 2020)", year=2020)) == []


def test_a_nameless_date_pair_is_checked() -> None:
    # anniversaries/c-010: 2019 − 1931 = 88.
    report = check_text("Trải qua 87 năm (26/03/1931 - 26/03/2019), cùng sự phát triển", year=2019)
    assert found(report) == [(1, "error", "ordinal-mismatch", "88 năm")]


@pytest.mark.parametrize(
    "text",
    [
        # lint/q-003: "40 [năm] Ngày Nhà giáo Việt Nam", cited from another plan.
        "Thực hiện Kế hoạch số 662/KH-BGDĐT về “Tổ chức các hoạt động, sự kiện kỷ niệm 40 ngày "
        "Nhà giáo Việt Nam (20/11/1982 - 20/11/2022);",
        # lint/q-012.
        "Qua đợt tổ chức kỷ niệm 93 Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam, Ban chấp hành",
    ],
)
def test_a_day_named_ngay_counts_years(text: str) -> None:
    report = check_text(text, year=2022 if "40" in text else 2023)
    assert [a.unit for a in report.anniversaries] == [""]
    assert report.findings == ()


def test_a_number_of_days_before_an_event_is_still_a_mistake() -> None:
    report = check_text("Kế hoạch năm 2025: 80 ngày Cách mạng Tháng Tám (19/8/1945 - 19/8/2025)")
    assert [f.code for f in report.findings] == ["days-for-years"]


# --- suggestions that fix the real mistake ---------------------------------------------------


def test_the_end_date_is_fixed_when_the_ordinal_fits_the_plan_year() -> None:
    # issue 15: "136 năm … (19/5/1890 - 19/5/2025)" in a 2026 plan.
    text = (
        "KẾ HOẠCH\nThi đua năm 2026\n"
        "Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)."
    )
    (finding,) = check_text(text).findings
    assert (finding.code, finding.line, finding.column, finding.suggestion) == (
        "ordinal-mismatch",
        3,
        text.splitlines()[2].index("19/5/2025") + 1,
        "19/5/2026",
    )
    # The ordinal is fixed when the date fits: 2026 − 1890 = 136.
    text = text.replace("136 năm", "135 năm").replace("19/5/2025", "19/5/2026")
    assert [f.suggestion for f in check_text(text).findings] == ["136 năm"]


def test_last_years_statement_gets_this_years_text() -> None:
    # lint/q-008 (Tỉnh đoàn Khánh Hòa, material for October 2021).
    text = (
        "TÀI LIỆU SINH HOẠT CHI ĐOÀN THÁNG 10/2021\n\n"
        "CHÀO MỪNG KỶ NIỆM 64 NĂM NGÀY THÀNH LẬP HỘI LHTN VIỆT NAM (15/10/1956 -15/10/2020)"
    )
    (finding,) = check_text(text).findings
    assert (finding.code, str(finding.severity), finding.suggestion) == (
        "anniversary-outside-year",
        "warning",
        "65 năm NGÀY THÀNH LẬP HỘI LHTN VIỆT NAM (15/10/1956 - 15/10/2021)",
    )


def test_a_self_consistent_statement_about_an_unknown_name_is_no_error() -> None:
    text = (
        "KẾ HOẠCH\nThi đua năm 2025\n"
        "Kỷ niệm 18 năm Ngày thành lập Công đoàn ngành Giáo dục (26/3/2007 - 26/3/2025)."
    )
    assert check_text(text).findings == ()
