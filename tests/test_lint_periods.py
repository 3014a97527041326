"""The checks of the periods a document speaks of (lint/_checks_periods.py, issue 15).

Each check has a case that fires, with the text a clerk can paste, and close cases that must
not: a sentence that looks back on purpose, a page whose period is only guessed, a review
whose awards agree with its name. The phrasings are rewritten from real pages, not copied.
"""

from __future__ import annotations

from thidua_calendar.lint import check_text


def found(text: str, year: int | None = None) -> list[tuple[int | None, str, str | None]]:
    return [(f.line, f.code, f.suggestion) for f in check_text(text, year=year).findings]


def codes(text: str, year: int | None = None) -> list[str]:
    return [f.code for f in check_text(text, year=year).findings]


# --- last school year's text ---------------------------------------------------------------------

SCHOOL = """TRƯỜNG TIỂU HỌC AN PHÚ                 Độc lập – Tự do – Hạnh phúc
Số: 21/KH-THAP                          An Phú, ngày 25 tháng 9 năm 2024
KẾ HOẠCH HOẠT ĐỘNG CHUYÊN MÔN
NĂM HỌC 2024 – 2025

Căn cứ Kế hoạch số 15/KH-THAP ngày 12/9/2024 về thực hiện nhiệm vụ năm học 2023 - 2024.
Căn cứ kết quả thực hiện nhiệm vụ năm học 2023 - 2024 của nhà trường;
Tổ chuyên môn xây dựng kế hoạch hoạt động năm học 2023-2024 như sau:
1. Phát huy thành tích năm học 2023 - 2024, thực hiện tốt nhiệm vụ năm học 2024 - 2025.
"""


def test_last_school_year_in_a_sentence_that_looks_forward_is_last_years_text() -> None:
    stale = [f for f in found(SCHOOL) if f[1] == "stale-text"]
    assert stale == [
        (
            6,
            "stale-text",
            "Căn cứ Kế hoạch số 15/KH-THAP ngày 12/9/2024 về thực hiện nhiệm vụ năm học "
            "2024 - 2025.",
        ),
        (8, "stale-text", "Tổ chuyên môn xây dựng kế hoạch hoạt động năm học 2024-2025 như sau:"),
    ]


def test_the_message_names_both_school_years_in_each_language() -> None:
    report = check_text(SCHOOL)
    finding = next(f for f in report.findings if f.code == "stale-text")
    assert "năm học 2023 - 2024" in finding.message
    assert "2024 - 2025" in finding.message
    english = check_text(SCHOOL, lang="en").findings
    assert any("last school year" in f.message for f in english if f.code == "stale-text")


def test_a_plan_without_its_school_year_in_the_heading_is_not_judged() -> None:
    text = SCHOOL.replace("NĂM HỌC 2024 – 2025", "CỦA TỔ KHỐI 3")
    assert "stale-text" not in codes(text)


def test_a_date_line_outside_the_named_school_year_leaves_it_unsure() -> None:
    text = SCHOOL.replace("ngày 25 tháng 9 năm 2024", "ngày 25 tháng 9 năm 2026")
    assert "stale-text" not in codes(text)


# --- a result compared with its own year ---------------------------------------------------------

REVIEW = """Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022
Tổng giá trị sản xuất năm 2022 ước đạt 435 tỉ đồng, tăng 17,2% so với năm 2021.
+ Ngành dịch vụ đạt 210 tỉ đồng, tăng 6,5% so với năm 2022.
"""


def test_a_result_compared_with_its_own_year() -> None:
    assert found(REVIEW) == [
        (3, "same-year-comparison", "+ Ngành dịch vụ đạt 210 tỉ đồng, tăng 6,5% so với năm 2021.")
    ]


def test_a_target_for_the_next_year_may_compare_with_this_one() -> None:
    text = REVIEW.replace("+ Ngành dịch vụ đạt", "Phấn đấu ngành dịch vụ đạt")
    assert codes(text) == []
    text = REVIEW.replace("tăng 6,5% so với năm 2022.", "năm 2023 tăng 6,5% so với năm 2022.")
    assert codes(text) == []


def test_a_period_of_two_years_is_no_ground_for_the_comparison() -> None:
    # A school year runs over two calendar years: 2022 is a year before its end.
    text = REVIEW.replace("công tác thi đua, khen thưởng năm 2022", "năm học 2021 - 2022")
    assert codes(text) == []


# --- a review voting on the year before ----------------------------------------------------------

CLUSTER = """Ngày 24/12, cụm thi đua số 7 tổ chức Hội nghị tổng kết công tác thi đua năm 2021.
Hội nghị đã bình xét các đơn vị có thành tích xuất sắc năm 2020 như sau: Nhất cụm: xã A.
"""


def test_the_review_of_a_year_votes_on_that_year() -> None:
    assert found(CLUSTER) == [
        (
            2,
            "review-year",
            "Hội nghị đã bình xét các đơn vị có thành tích xuất sắc năm 2021 như sau: Nhất cụm: "
            "xã A.",
        )
    ]


def test_awards_others_gave_for_the_year_before_are_not_judged() -> None:
    text = CLUSTER.replace(
        "Hội nghị đã bình xét các đơn vị", "Xã A được UBND tỉnh tặng Cờ thi đua vì"
    )
    assert codes(text) == []
    assert codes(CLUSTER.replace("năm 2020", "năm 2021")) == []


# --- a review named for a period that has not run ------------------------------------------------

ROLL = """Sở Tư pháp: Hội nghị điển hình tiên tiến giai đoạn 2020 - 2025

Ngày 8-7, Sở Tư pháp tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020 - 2025.
Sở tặng Giấy khen cho 12 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước \
giai đoạn 2016-2020.
"""


def test_a_review_named_for_the_term_it_opens_is_the_common_practice() -> None:
    # Congresses of emulation are named by the term they open ("Đại hội Thi đua yêu nước
    # lần thứ XI, giai đoạn 2025-2030" reviews 2020-2025): not a mistake.
    assert codes(ROLL) == []


# --- the national plans' periods -----------------------------------------------------------------


def test_a_five_year_plan_that_is_not_one_of_the_cycle() -> None:
    text = "Năm 2026 là năm mở đầu Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026-2031."
    assert found(text) == [
        (1, "plan-period", "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026-2030")
    ]
    late = "thực hiện Kế hoạch đầu tư công trung hạn 2025 - 2030"
    assert found(late) == [(1, "plan-period", "Kế hoạch đầu tư công trung hạn 2026 - 2030")]


def test_the_plans_of_the_cycle_are_fine() -> None:
    for text in (
        "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025",
        "Kế hoạch phát triển KT-XH giai đoạn 2026-2030",
        "Kế hoạch phát triển kinh tế - xã hội năm 2024",
    ):
        assert codes(text) == [], text


# --- a year that lost a digit --------------------------------------------------------------------


def test_a_year_missing_a_digit_gets_the_date_its_statement_makes() -> None:
    text = (
        "Kỷ niệm 49 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/202), "
        "kỷ niệm 70 năm Ngày Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/2024)."
    )
    assert found(text, year=2024) == [(1, "incomplete-date", "30/4/2024")]


def test_a_page_cut_off_inside_its_last_date_is_not_the_documents_mistake() -> None:
    assert codes("110 năm Ngày sinh Đại tướng Võ Nguyên Giáp (25/8/191", year=2021) == []


# --- a day's name counted from its namesake ------------------------------------------------------


def test_a_days_name_counted_from_its_namesakes_origin() -> None:
    text = (
        "Chào mừng 93 năm ngày Phụ nữ Việt Nam 20/10\n"
        "Kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2023)."
    )
    assert found(text) == [
        (1, "namesake", "93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam"),
    ]


def test_each_name_with_its_own_count_is_fine() -> None:
    text = (
        "Kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2023) "
        "và 13 năm Ngày Phụ nữ Việt Nam (20/10/2010 - 20/10/2023)."
    )
    assert codes(text) == []
    # The namesake's origin printed: the count is stated, not confused.
    report = check_text("Kỷ niệm 93 năm Ngày Phụ nữ Việt Nam (20/10/1930 - 20/10/2023)")
    assert [f.code for f in report.findings if f.code != "no-year"] == []


# --- "từ nay" on a news page: the day its lede reports -------------------------------------------


def phases(text: str, year: int | None = None) -> list[tuple[str | None, str | None]]:
    report = check_text(text, year=year)
    return [
        (p.start.isoformat() if p.start else None, p.end.isoformat() if p.end else None)
        for p in report.phases
    ]


def test_from_now_on_a_news_page_is_the_day_its_lede_reports() -> None:
    text = (
        "Tại hội nghị chiều 14-11, Liên đoàn Lao động đã phát động đợt thi đua cao điểm.\n\n"
        "Giai đoạn 1 từ nay đến ngày 30-11, thi đua chào mừng đại hội.\n\n"
        "Giai đoạn 2, từ ngày 1 đến 31-12, thi đua hoàn thành nhiệm vụ.\n\n"
        "Giai đoạn 3, từ ngày 1 đến 30-1-2026, thi đua đón Tết.\n"
    )
    assert phases(text) == [
        ("2025-11-14", "2025-11-30"),
        ("2025-12-01", "2025-12-31"),
        ("2026-01-01", "2026-01-30"),
    ]


def test_until_now_in_a_conference_report_is_the_conference_day() -> None:
    text = (
        "Ngày 20/5/2015, UBND huyện tổ chức Hội nghị sơ kết đợt thi đua.\n"
        "Hưởng ứng đợt thi đua cao điểm chào mừng kỷ niệm 40 năm Ngày giải phóng quê hương "
        "(26/3/1975-26/3/2015), từ đầu năm đến nay, các cơ quan đã tổ chức nhiều hoạt động.\n"
    )
    assert phases(text) == [("2015-01-01", "2015-05-20")]


def test_a_date_line_outranks_the_lede() -> None:
    text = (
        "Hà Nội, ngày 02 tháng 12 năm 2025\n"
        "Chiều 14-11, Liên đoàn Lao động đã phát động đợt thi đua.\n"
        "Đợt 1: từ nay đến ngày 31-12-2025.\n"
    )
    assert phases(text) == [("2025-12-02", "2025-12-31")]


# --- a range from a year to itself, a review dated before its year, a cited plan's cycle ---------

SCHOOL_PLAN = """KẾ HOẠCH CHUYÊN MÔN
NĂM HỌC 2024 - 2025
Căn cứ Công văn số 12/PGDĐT ngày 6/9/2024 về việc thực hiện nhiệm vụ giáo dục năm 2025-2025;
Căn cứ kết quả thực hiện nhiệm vụ năm học 2025-2025 và tình hình thực tế của nhà trường.
"""


def test_a_range_from_a_year_to_itself_gets_the_school_year_meant() -> None:
    assert found(SCHOOL_PLAN) == [
        (
            3,
            "year-range",
            "Căn cứ Công văn số 12/PGDĐT ngày 6/9/2024 về việc thực hiện nhiệm vụ giáo dục năm "
            "2024-2025;",
        ),
        (
            4,
            "year-range",
            "Căn cứ kết quả thực hiện nhiệm vụ năm học 2023-2024 và tình hình thực tế của nhà "
            "trường.",
        ),
    ]
    assert found("Thực hiện nhiệm vụ năm 2025-2025.") == [
        (1, "year-range", "sửa năm đầu hoặc năm cuối")
    ]
    assert codes("Thực hiện nhiệm vụ năm học 2024-2025.") == []


def test_a_review_of_a_school_year_dated_before_it_ended() -> None:
    text = (
        "Căn cứ Công văn số 310/BC-UBND ngày 14/8/2023 của UBND huyện về báo cáo tổng kết "
        "năm học 2023 – 2024;"
    )
    assert found(text) == [(1, "review-date", "14/8/2024")]
    assert codes(text.replace("14/8/2023", "14/8/2024")) == []
    # A guidance of the year's start on how to review it later is not a review.
    start = (
        "Căn cứ Công văn ngày 20/8/2023 hướng dẫn thực hiện nhiệm vụ năm học 2023 - 2024 và "
        "chế độ báo cáo, tổng kết năm học 2023 - 2024;"
    )
    assert codes(start) == []


def test_the_guidance_of_last_years_review_in_this_years_review() -> None:
    text = (
        "TỔNG KẾT NĂM HỌC 2021 - 2022\n"
        "Thực hiện công văn số 618/PGDĐT ngày 29 tháng 4 năm 2021 về việc hướng dẫn báo cáo "
        "tổng kết năm học 2020-2021 đối với giáo dục mầm non.\n"
        "Căn cứ kết quả tổng kết năm học 2020-2021, nhà trường xây dựng kế hoạch.\n"
    )
    assert [f[:2] for f in found(text)] == [(2, "stale-text")]


def test_a_resolution_of_one_cycle_cited_for_the_next_cycles_plan() -> None:
    text = (
        "Nghị quyết số 142/2016/QH13 của Quốc hội về Kế hoạch phát triển kinh tế - xã hội "
        "(KTXH) 5 năm 2021 - 2025"
    )
    assert found(text) == [
        (
            1,
            "plan-period",
            "số 142/2016/QH13 của Quốc hội về Kế hoạch phát triển kinh tế - xã hội (KTXH) 5 năm "
            "2016 - 2020",
        )
    ]
    right = "Nghị quyết số 16/2021/QH15 về Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025"
    assert codes(right) == []
