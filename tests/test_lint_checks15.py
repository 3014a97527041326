"""The checks of issue 15 item 4, each on phrasings real plans print (rewritten, not copied).

Each check has a case that fires and a close case that must not: precision comes first.
"""

from __future__ import annotations

from thidua_calendar.lint import check_text


def found(text: str, year: int | None = None) -> list[tuple[int | None, str, str | None]]:
    return [(f.line, f.code, f.suggestion) for f in check_text(text, year=year).findings]


def codes(text: str, year: int | None = None) -> list[str]:
    return [f.code for f in check_text(text, year=year).findings]


# --- phases --------------------------------------------------------------------------------------

THREE_PHASES = """Kế hoạch phát động thi đua năm 2020
- Đợt I: Từ 1/1/2020 đến 30/5/2020, mừng Đảng, mừng xuân.
- Đợt I1: Từ 31/5/2020 đến 30/10/2020, chào mừng Quốc khánh.
- Đợt III: Từ sau 30/10/2020 đến 31/12/2020 hoàn thành nhiệm vụ năm 2020.
"""


def test_a_typoed_label_is_flagged_with_the_label_meant() -> None:
    assert found(THREE_PHASES) == [(3, "phase-label", "Đợt II")]


def test_labels_that_count_are_fine() -> None:
    assert codes(THREE_PHASES.replace("Đợt I1", "Đợt II")) == []


def test_overlapping_windows_of_a_real_three_phase_plan() -> None:
    text = THREE_PHASES.replace("Đợt I1: Từ 31/5/2020", "Đợt II: Từ 01/5/2020")
    assert codes(text) == ["phase-overlap"]


# --- last year's text ----------------------------------------------------------------------------

STALE = """KẾ HOẠCH
Phát động phong trào thi đua năm 2024
Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024).
Chào mừng 48 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2023).
"""


def test_a_sentence_copied_from_last_year_is_an_error_with_the_corrected_sentence() -> None:
    assert found(STALE) == [
        (
            4,
            "stale-text",
            "Chào mừng 49 năm Ngày giải phóng miền Nam, thống nhất đất nước "
            "(30/4/1975 - 30/4/2024).",
        )
    ]


def test_last_year_spoken_of_as_past_is_no_copy() -> None:
    text = STALE.replace("Chào mừng 48 năm", "Năm qua đã tổ chức kỷ niệm 48 năm")
    assert "stale-text" not in codes(text)


def test_no_stale_text_without_a_confirmed_year() -> None:
    # A news page with no title and no statement dated in the year found: no error.
    text = (
        "Sáng 5-12, Hội tổ chức lễ kỷ niệm 30 năm Ngày thành lập Hội CCB Việt Nam "
        "(6-12-1989 - 6-12-2019)."
    )
    assert "stale-text" not in codes(text, year=2020)


# --- the title against the body ------------------------------------------------------------------

TITLED = """KẾ HOẠCH
Tổ chức kỷ niệm 35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024)
I. MỤC ĐÍCH
Tổ chức trọng thể lễ kỷ niệm 34 năm Ngày hội Quốc phòng toàn dân tại hội trường.
"""


def test_title_and_body_disagree_about_the_same_ceremony() -> None:
    assert (4, "title-body-mismatch", "35 năm") in found(TITLED)


def test_title_and_body_that_agree() -> None:
    assert "title-body-mismatch" not in codes(TITLED.replace("34 năm", "35 năm"))


# --- lunar days ----------------------------------------------------------------------------------


def test_tet_printed_on_the_wrong_day() -> None:
    text = "Kế hoạch năm 2026\nTổ chức cho đoàn viên đón Tết Nguyên đán Bính Ngọ (16/2/2026)."
    assert found(text) == [(2, "lunar-date", "17/02/2026")]
    assert codes(text.replace("16/2/2026", "17/2/2026")) == []


def test_gio_to_printed_on_the_wrong_day() -> None:
    text = "Kế hoạch năm 2026\nDâng hương Giỗ Tổ Hùng Vương (10/3 âm lịch, tức ngày 25/4/2026)."
    assert found(text) == [(2, "lunar-date", "26/04/2026")]
    assert codes(text.replace("25/4/2026", "26/4/2026")) == []


def test_days_off_for_tet_are_a_range_not_the_day() -> None:
    text = "Kế hoạch năm 2026\nNghỉ Tết Nguyên đán Bính Ngọ từ 14/2/2026 đến 22/2/2026."
    assert "lunar-date" not in codes(text)


# --- congresses and elections --------------------------------------------------------------------


def test_an_election_with_the_term_of_the_next_assembly() -> None:
    text = (
        "Kế hoạch thi đua năm 2026\n"
        "Tuyên truyền bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2026-2031.\n"
    )
    assert [c for _, c, _ in found(text)] == ["congress-term"]


def test_a_congress_named_as_upcoming_after_it_met() -> None:
    text = "Kế hoạch thi đua năm 2025\nThi đua lập thành tích tiến tới Đại hội XIII của Đảng.\n"
    assert found(text) == [(2, "congress-already-met", "Đại hội XIV của Đảng")]
    assert codes(text.replace("XIII", "XIV")) == []
    # Its resolutions are carried out for five years: no finding.
    assert codes("Kế hoạch năm 2025\nThực hiện Nghị quyết Đại hội XIII của Đảng.\n") == []


def test_a_term_that_is_no_term() -> None:
    text = "Kế hoạch năm 2023\nBan Chấp hành Công đoàn cơ sở khóa 2023 - 2024 họp phiên thứ nhất.\n"
    assert found(text)[0][1:] == ("term-length", "nhiệm kỳ 2023 - 2028")
    # A chi đoàn is elected every year.
    assert "term-length" not in codes("Đại hội Chi đoàn khóa 2023 - 2024 của Công đoàn trường.")


# --- the formal parts (Nghị định 30/2020) --------------------------------------------------------

FORMAL = """CÔNG ĐOÀN TRƯỜNG
Số: 12/KH-CĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 5 tháng 1 năm 2024
KẾ HOẠCH
Phát động thi đua năm 2024
"""


def test_the_zero_rule_of_the_date_line() -> None:
    report = check_text(FORMAL)
    forms = [(f.line, f.severity, f.suggestion) for f in report.findings]
    assert forms == [(5, "info", "ngày 05 tháng 01 năm 2024")]
    assert check_text(FORMAL.replace("ngày 5 tháng 1", "ngày 05 tháng 01")).findings == ()


def test_the_header_without_a_number_line() -> None:
    text = FORMAL.replace("Số: 12/KH-CĐ\n", "").replace("ngày 5 tháng 1", "ngày 05 tháng 01")
    assert [(f.line, f.code, str(f.severity)) for f in check_text(text).findings] == [
        (2, "document-form", "info")
    ]


def test_a_union_document_keeps_its_own_header() -> None:
    # The Party's and the unions' documents carry no national header: nothing to say.
    text = FORMAL.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", "")
    text = text.replace("ngày 5 tháng 1", "ngày 05 tháng 01")
    assert check_text(text).findings == ()


def test_a_news_page_is_no_formal_document() -> None:
    text = "Kỷ niệm 79 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 - 2/9/2024)"
    assert "document-form" not in codes(text, year=2024)


def test_a_day_of_tet_equated_with_the_wrong_solar_date() -> None:
    text = "Kế hoạch năm 2023\nNgày 29/01/2023 (tức ngày mồng 6 tết Nguyên đán Quý Mão 2023)."
    assert found(text) == [(2, "lunar-date", "27/01/2023")]
    assert codes(text.replace("29/01", "27/01")) == []
    # A digit typo: the day of the month agrees, the month does not.
    text = "Kế hoạch năm 2019\nLễ phát động vào 9h00 ngày 10 tết (tức ngày 14/12/2019)."
    assert found(text) == [(2, "lunar-date", "14/02/2019")]
    # A range of days of Tết is no single day.
    assert codes("Kế hoạch năm 2019\ntừ ngày mùng 4 đến ngày 12 tết (tức ngày 8 - 16/2/2019)") == []
