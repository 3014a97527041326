"""Phase windows as real documents print them (issue 15 item 1), and the phase-label check.

Each text is a phrasing seen on a real plan page (rewritten, not copied): a month range
"từ tháng 1-12/2023", a window starting "sau" a date, a day-only start whose month is the
end's, windows without a year placed by their neighbours, a typo'd label "Đợt I1".
"""

from __future__ import annotations

import datetime as dt

from thidua_calendar.lint import check_text


def spans(
    text: str, year: int | None = None
) -> list[tuple[str | None, dt.date | None, dt.date | None]]:
    return [(p.label, p.start, p.end) for p in check_text(text, year=year).phases]


def test_month_range_on_a_campaign_line() -> None:
    text = (
        "Kế hoạch thi đua năm 2023\n"
        "Theo đó, từ tháng 1-12/2023, các cấp công đoàn đẩy mạnh các phong trào thi đua.\n"
    )
    assert spans(text) == [(None, dt.date(2023, 1, 1), dt.date(2023, 12, 31))]


def test_month_range_without_campaign_words_is_no_phase() -> None:
    text = "Kế hoạch năm 2023\nTheo đó, từ tháng 1-12/2023, đơn vị đã tiếp nhận 40 hồ sơ.\n"
    assert spans(text) == []


def test_from_after_a_date_starts_the_next_day() -> None:
    text = (
        "Kế hoạch thi đua năm 2020\n"
        "- Đợt I: Từ 1/1/2020 đến 30/5/2020, mừng Đảng, mừng xuân.\n"
        "- Đợt II: Từ 31/5/2020 đến 30/10/2020, chào mừng Quốc khánh.\n"
        "- Đợt III: Từ sau 30/10/2020 đến 31/12/2020 hoàn thành nhiệm vụ năm 2020.\n"
    )
    assert spans(text)[2] == ("Đợt III", dt.date(2020, 10, 31), dt.date(2020, 12, 31))
    assert [f.code for f in check_text(text).findings] == []


def test_day_only_start_takes_the_end_month_and_neighbours_give_the_year() -> None:
    text = (
        "Đợt thi đua được chia làm 3 giai đoạn.\n"
        "Giai đoạn 2, từ ngày 1 đến 31-12 với chủ đề “Niềm tin của người lao động”.\n"
        "Giai đoạn 3, từ ngày 1 đến 30-1-2026 với chủ đề “Vinh quang Công đoàn Việt Nam”.\n"
    )
    assert spans(text) == [
        ("Giai đoạn 2", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        ("Giai đoạn 3", dt.date(2026, 1, 1), dt.date(2026, 1, 30)),
    ]
    # In a 2025 plan the third stage continues the second: no year typo, nothing outside.
    assert [f.code for f in check_text(text, year=2025).findings] == []


def test_a_dash_date_needs_a_day_word_at_the_start() -> None:
    # "từ 1-12" is no date (a range of months or days); "từ ngày 1-12" is not read either.
    assert spans("Thời gian thi đua: từ 1-12 đến 31-12 năm nay.", year=2025) == []


def test_day_after_a_year_end_is_a_continuation_not_a_typo() -> None:
    text = (
        "Kế hoạch thi đua năm 2025\n"
        "Đợt 1: từ 01/10/2025 đến 31/12/2025\n"
        "Đợt 2: từ 01/01/2026 đến 31/01/2026\n"
    )
    assert "phase-year-typo" not in [f.code for f in check_text(text).findings]


def test_a_copied_year_before_the_first_phase_is_still_a_typo() -> None:
    text = (
        "Kế hoạch thi đua năm 2022\n"
        "Đợt 1: từ 01/01/2022 đến 30/6/2022\n"
        "Đợt 2: từ 01/7/2021 đến 31/12/2021\n"
    )
    assert "phase-year-typo" in [f.code for f in check_text(text).findings]


def test_a_quarter_start_and_a_campaign_of_so_many_days() -> None:
    text = (
        "Kế hoạch thi đua năm 2019\n"
        "Từ đầu quý IV-2019, Tập đoàn phát động đợt thi đua cao điểm 90 ngày đêm sản xuất than.\n"
    )
    assert spans(text) == [(None, dt.date(2019, 10, 1), dt.date(2019, 12, 29))]


def test_a_report_window_up_to_its_own_date() -> None:
    text = (
        "Số: 5/BC-UBND\n"
        "Thăng Bình, ngày 20 tháng 5 năm 2015\n"
        "BÁO CÁO\n"
        "Sơ kết đợt thi đua năm 2015\n"
        "Hưởng ứng đợt thi đua, từ đầu năm đến nay, các cơ quan đã tổ chức nhiều hoạt động.\n"
    )
    assert spans(text) == [(None, dt.date(2015, 1, 1), dt.date(2015, 5, 20))]
    # Without the document's date, "đến nay" has no day: none is invented.
    undated = text.replace("Thăng Bình, ngày 20 tháng 5 năm 2015\n", "")
    assert spans(undated) == [(None, dt.date(2015, 1, 1), None)]


def test_identical_phases_are_judged_each_on_its_own_line() -> None:
    # A plan that prints the same two phases twice (a pasted block): each overlap is
    # reported on the line of the phase that starts inside another, each typo on its line.
    # (The plan checks once keyed phases by their values, so the copies shared one verdict
    # and the first copy's overlap was reported on the second copy's line.)
    text = (
        "Kế hoạch thi đua năm 2020\n"
        "Đợt 1 từ 1/1/2020 đến 30/6/2020\n"
        "Đợt 2 từ 1/6/2019 đến 31/12/2019\n"
        "Nhắc lại:\n"
        "Đợt 1 từ 1/1/2020 đến 30/6/2020\n"
        "Đợt 2 từ 1/6/2019 đến 31/12/2019\n"
    )
    found = [(f.line, f.code, f.message) for f in check_text(text, lang="en").findings]
    assert found == [
        (3, "phase-overlap", "Đợt 1 and Đợt 2 overlap (2020-06-01 is before Đợt 1 ends)"),
        (3, "phase-year-typo", found[1][2]),
        (5, "phase-overlap", "Đợt 1 and Đợt 1 overlap (2020-01-01 is before Đợt 1 ends)"),
        (6, "phase-overlap", "Đợt 2 and Đợt 2 overlap (2020-06-01 is before Đợt 2 ends)"),
        (6, "phase-year-typo", found[4][2]),
    ]
    assert "2019" in found[1][2]
    assert "2020" in found[1][2]
