"""The year poster: valid SVG with every title as text, right lunar days, refusal and force."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar import cli as cli_module
from thidua_calendar._data import example_plans
from thidua_calendar.cli.poster import add_poster_command
from thidua_calendar.errors import InvalidTypeError, InvalidValueError
from thidua_calendar.poster import (
    PHASE_COLOURS,
    Poster,
    PosterError,
    ellipsis,
    poster_format,
    poster_schedule,
    render_poster,
    text_width,
    wrap,
)

PLANS = example_plans()  # the shipped example plans, by file name
PLAN_2020 = PLANS["2020-cdvc-viet-nam.toml"]
PLAN_2022 = PLANS["2022-cdvc-viet-nam.toml"]  # Đợt 2 is dated 2021: a phase-year-typo error
SAMPLE_2026 = PLANS["sample-2026.toml"]
SVG = "{http://www.w3.org/2000/svg}"
RED = "#C8102E"


def errors(plan: tc.Plan) -> list[tc.plans.Diagnostic]:
    """A plan's error diagnostics: what the command line passes to a forced poster."""
    return [d for d in plan.check() if d.severity == "error"]


def poster(year: int, plan: tc.Plan | Path | None = None, **options: object) -> str:
    """The poster of the schedule of a year (and plan)."""
    return render_poster(tc.schedule(year, plan), **options)  # type: ignore[arg-type]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def texts(root: ET.Element) -> list[str]:
    """The content of every <text>, its lines (tspans) joined."""
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def cell(root: ET.Element, date: dt.date) -> ET.Element:
    found = root.find(f".//{SVG}g[@id='d{date.isoformat()}']")
    assert found is not None, f"no cell for {date}"
    return found


def cell_texts(root: ET.Element, date: dt.date) -> list[str]:
    return texts(cell(root, date))


@pytest.fixture(scope="module")
def poster_2020() -> ET.Element:
    return parse(poster(2020, PLAN_2020))


# --- the document --------------------------------------------------------------------------


def test_svg_is_a_standalone_xml_document(poster_2020: ET.Element) -> None:
    svg = poster(2020, PLAN_2020)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = poster_2020
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("281mm", "194mm")  # A4 less 8 mm margins
    assert root.get("viewBox") == "0 0 2810 1940"
    assert root.get("font-family") == "'DejaVu Sans (thidua-calendar)', 'DejaVu Sans', sans-serif"
    assert len(texts(root)) > 400  # real text: numbers, lunar days, titles


def test_a3_is_the_same_drawing_larger() -> None:
    root = parse(poster(2020, PLAN_2020, paper="A3"))
    assert (root.get("width"), root.get("height")) == ("404mm", "278.9mm")
    assert root.get("viewBox") == "0 0 2810 1940"


@pytest.mark.parametrize(
    ("year", "lang", "title"),
    [
        (2026, "vi", "Lịch thi đua năm 2026 – Năm Bính Ngọ"),
        (2026, "en", "Emulation calendar 2026 – Year of Bính Ngọ (Horse)"),
        (2020, "vi", "Lịch thi đua năm 2020 – Năm Canh Tý"),
    ],
)
def test_title(year: int, lang: tc.commemorations.Lang, title: str) -> None:
    root = parse(poster(year, lang=lang))
    assert title in texts(root)
    assert root.findtext(f"{SVG}title") == title


def test_organisation_and_plan_title(poster_2020: ET.Element) -> None:
    plan = tc.load_plan(PLAN_2020)
    found = texts(poster_2020)
    assert "Công đoàn Viên chức Việt Nam" in found
    assert plan.title in found  # wrapped over lines, but one searchable text
    assert any(t.startswith("Tết Nguyên đán: Thứ Bảy, 25/01/2020") for t in found)


@pytest.mark.parametrize(
    ("year", "plan", "lang"),
    [
        (2020, PLAN_2020, "vi"),
        (2020, PLAN_2020, "en"),
        (2026, SAMPLE_2026, "vi"),
        (2026, None, "vi"),  # every commemoration of the catalogue: the densest poster
        (2026, None, "en"),
    ],
    ids=["2020-plan-vi", "2020-plan-en", "2026-sample", "2026-all-vi", "2026-all-en"],
)
def test_every_title_of_the_schedule_is_text(
    year: int, plan: Path | None, lang: tc.commemorations.Lang
) -> None:
    schedule = tc.schedule(year, plan)
    found = "\n".join(texts(parse(render_poster(schedule, lang=lang))))
    entries = schedule.entries
    assert {e.kind for e in entries} >= {"milestone", "festival"}
    assert any(e.major_day for e in entries)  # the ngày lễ lớn
    root = parse(render_poster(schedule, lang=lang))
    for entry in entries:
        if entry.kind in ("day_off", "working_day"):
            # a day off is a shaded day (a make-up day a dashed frame) titled by its break
            day = cell(root, max(entry.start, dt.date(year, 1, 1)))
            assert [t.text for t in day.iter(f"{SVG}title")] == [entry.title(lang)], entry.uid
            continue
        assert entry.title(lang) in found, entry.uid


def test_days_off_are_shaded_and_make_up_days_framed() -> None:
    root = parse(render_poster(tc.schedule(2026)))
    fills = {r.get("fill") for r in cell(root, dt.date(2026, 2, 14)).iter(f"{SVG}rect")}
    assert "#E4E4E4" in fills
    plain = {r.get("fill") for r in cell(root, dt.date(2026, 2, 13)).iter(f"{SVG}rect")}
    assert "#E4E4E4" not in plain
    dashed = [
        r for r in cell(root, dt.date(2026, 1, 10)).iter(f"{SVG}rect") if r.get("stroke-dasharray")
    ]
    assert len(dashed) == 1
    assert not [
        r for r in cell(root, dt.date(2026, 1, 17)).iter(f"{SVG}rect") if r.get("stroke-dasharray")
    ]


def test_phases_are_bands_of_distinct_colours_with_themes(poster_2020: ET.Element) -> None:
    def fills(date: dt.date) -> set[str]:
        return {r.get("fill", "") for r in cell(poster_2020, date).iter(f"{SVG}rect")}

    first, second = PHASE_COLOURS[:2]
    assert first in fills(dt.date(2020, 3, 10))
    assert second not in fills(dt.date(2020, 3, 10))
    assert second in fills(dt.date(2020, 10, 10))
    assert first not in fills(dt.date(2020, 10, 10))
    legend = [t for t in texts(poster_2020) if t.startswith("Đợt ") and ":" in t]
    assert legend == [
        "Đợt 1: “Mừng Đảng quang vinh - Mừng sinh nhật Bác” (từ 01/01/2020 đến 30/06/2020)",
        "Đợt 2: “Chào mừng Đại hội thi đua yêu nước và Đại hội đại biểu toàn quốc lần thứ XIII "
        "của Đảng” (từ 01/07/2020 đến 31/12/2020)",
    ]


def test_days_outside_every_phase_have_no_band() -> None:
    root = parse(poster(2026))  # no plan, no phases
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert not fills & set(PHASE_COLOURS)


# --- days ----------------------------------------------------------------------------------


def test_weeks_start_on_monday(poster_2020: ET.Element) -> None:
    found = texts(poster_2020)
    start = found.index("T2")
    assert found[start : start + 7] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    english = texts(parse(poster(2020, lang="en")))
    start = english.index("Mo")
    assert english[start : start + 7] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    # 1 January 2020 was a Wednesday: the third column.
    def column_x(day: int) -> float:
        rect = cell(poster_2020, dt.date(2020, 1, day)).find(f"{SVG}rect")
        assert rect is not None
        return float(rect.get("x", "nan"))

    assert column_x(1) - column_x(6) == pytest.approx(2 * (column_x(7) - column_x(6)))


@pytest.mark.parametrize(
    ("year", "day", "solar", "lunar"),
    [
        pytest.param(2026, dt.date(2026, 2, 17), "17", "1/1", id="tet-2026"),
        pytest.param(2026, dt.date(2026, 2, 16), "16", "29", id="eve-of-tet-2026"),
        pytest.param(2020, dt.date(2020, 1, 25), "25", "1/1", id="tet-2020"),
        pytest.param(2020, dt.date(2020, 4, 23), "23", "1/4", id="2020-month-4"),
        pytest.param(2020, dt.date(2020, 5, 22), "22", "30", id="2020-end-of-month-4"),
        pytest.param(2020, dt.date(2020, 5, 23), "23", "1/4n", id="2020-leap-month-4"),
        pytest.param(2020, dt.date(2020, 5, 24), "24", "2", id="2020-leap-day-2"),
        pytest.param(2020, dt.date(2020, 6, 21), "21", "1/5", id="2020-month-5"),
        pytest.param(2020, dt.date(2020, 6, 1), "1", "10/4n", id="2020-solar-month-start"),
        pytest.param(2030, dt.date(2030, 2, 2), "2", "1/1", id="tet-2030-not-chinese"),
    ],
)
def test_lunar_days(year: int, day: dt.date, solar: str, lunar: str) -> None:
    found = cell_texts(parse(poster(year)), day)
    assert found[:2] == [solar, lunar]


def test_leap_month_in_english() -> None:
    assert cell_texts(parse(poster(2020, lang="en")), dt.date(2020, 5, 23))[1] == "1/4L"


def test_tet_gio_to_and_ngay_le_lon_are_highlighted(poster_2020: ET.Element) -> None:
    tet_rects = list(cell(poster_2020, dt.date(2020, 1, 25)).iter(f"{SVG}rect"))
    assert tet_rects[0].get("fill") == RED  # Tết: a red day
    for day in (dt.date(2020, 4, 2), dt.date(2020, 9, 2), dt.date(2020, 5, 19)):
        frames = [
            r
            for r in cell(poster_2020, day).iter(f"{SVG}rect")
            if r.get("stroke") == RED and r.get("fill") == "none"
        ]
        assert len(frames) == 1, day  # Giỗ Tổ and the ngày lễ lớn: a red frame
    plain = cell(poster_2020, dt.date(2020, 3, 10)).iter(f"{SVG}rect")
    assert all(r.get("stroke") != RED for r in plain)


def test_round_anniversaries_stand_out_more_than_le5(poster_2020: ET.Element) -> None:
    def badge(day: dt.date) -> ET.Element:
        (circle,) = cell(poster_2020, day).iter(f"{SVG}circle")
        return circle

    tron = badge(dt.date(2020, 2, 3))  # 90 năm thành lập Đảng
    le5 = badge(dt.date(2020, 4, 30))  # 45 năm Giải phóng miền Nam
    other = badge(dt.date(2020, 7, 28))  # 91 năm Công đoàn Việt Nam
    assert tron.get("fill") not in ("#FFFFFF", "none")  # filled
    assert le5.get("fill") == "#FFFFFF"  # a heavy ring
    assert other.get("fill") == "#FFFFFF"  # a light ring
    assert float(le5.get("stroke-width", 0)) > float(other.get("stroke-width", 0))
    # its number in the list (Tết ông Công ông Táo, 17/1, and Tết Nguyên đán come first)
    assert texts(cell(poster_2020, dt.date(2020, 2, 3)))[-1] == "3"


def test_list_numbers_days_in_order(poster_2020: ET.Element) -> None:
    found = texts(poster_2020)
    kitchen_gods = found.index("Tết ông Công ông Táo năm 2020 (23/12 âm lịch)")
    assert found[kitchen_gods - 2 : kitchen_gods] == ["1", "17/01"]
    first = found.index("Tết Nguyên đán Canh Tý 2020")
    assert found[first - 2 : first] == ["2", "25/01"]
    second = found.index(
        "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)"
    )
    assert found[second - 2 : second] == ["3", "03/02"]
    assert "Tháng Công nhân năm 2020 (01/05 – 31/05)" in found  # a month, with its span


def test_a_list_too_long_for_the_page_ends_with_the_count_left_out(tmp_path: Path) -> None:
    rows = [
        f'[[commemoration]]\nkey = "ngay_{i}"\nname_vi = "Ngày truyền thống đơn vị số {i} của '
        f'tổ chức công đoàn cơ sở"\ncalendar = "solar"\nmonth = {1 + i % 12}\n'
        f'day = {1 + i % 28}\norigin = "{1900 + i % 100}-{1 + i % 12:02d}-{1 + i % 28:02d}"\n'
        'category = "union"\n'
        for i in range(200)
    ]
    catalog = tmp_path / "many.toml"
    catalog.write_text("\n".join(rows), encoding="utf-8")
    found = texts(parse(render_poster(tc.schedule(2026, catalog=catalog))))
    more = [t for t in found if t.startswith("… và ")]
    assert len(more) == 1
    assert re.fullmatch(r"… và \d+ mục khác \(xem: thidua-calendar schedule 2026\)", more[0])


# --- refusal, force, errors ----------------------------------------------------------------


def test_the_poster_draws_the_schedule_it_is_given_without_checking_the_plan() -> None:
    plan = tc.load_plan(PLAN_2022)
    assert [d.code for d in errors(plan)] == ["phase-year-typo"]
    found = texts(parse(render_poster(tc.schedule(2022, plan))))
    assert "Công đoàn Viên chức Việt Nam" in found
    assert not any(t.startswith("CẢNH BÁO") for t in found)  # refusing is the caller's job
    assert not any("[phase-year-typo]" in t for t in found)


def test_problems_draw_a_warning_banner() -> None:
    plan = tc.load_plan(PLAN_2022)
    root = parse(render_poster(tc.schedule(2022, plan), problems=errors(plan)))
    found = texts(root)
    assert "CẢNH BÁO: kế hoạch có lỗi, lịch này được in khi chưa sửa" in found
    (diagnostic,) = [t for t in found if "[phase-year-typo]" in t]
    assert "Đợt 2 ghi năm 2021 trong kế hoạch năm 2022" in diagnostic
    assert any(
        r.get("stroke") == RED and r.get("fill") == "#FFF1F1" for r in root.iter(f"{SVG}rect")
    )
    clean = tc.load_plan(PLAN_2020)
    assert errors(clean) == []
    found = texts(parse(render_poster(tc.schedule(2020, clean), problems=errors(clean))))
    assert not any(t.startswith("CẢNH BÁO") for t in found)  # no banner without errors


def test_the_banner_speaks_the_poster_language() -> None:
    plan = tc.load_plan(PLAN_2022)
    found = texts(parse(render_poster(tc.schedule(2022, plan), lang="en", problems=errors(plan))))
    assert "WARNING: the plan has errors; this calendar was printed without fixing them" in found
    (diagnostic,) = [t for t in found if "[phase-year-typo]" in t]
    assert "Đợt 2 is dated 2021 in a 2022 plan" in diagnostic


def test_a_long_banner_counts_the_errors_it_leaves_out() -> None:
    phases = "".join(
        f'[[phase]]\nlabel = "Đợt {m}"\nstart = "2024-{m:02d}-01"\nend = "2024-{m + 1:02d}-05"\n'
        for m in range(1, 12)
    )
    plan = tc.parse_plan(f'[plan]\ntitle = "Kế hoạch"\nyear = 2024\n{phases}')
    assert sum(d.severity == "error" for d in plan.check()) == 10  # each overlaps the next
    found = texts(parse(render_poster(tc.schedule(2024, plan), problems=errors(plan))))
    assert sum("[phase-overlap]" in t for t in found) == 6
    assert "… và 4 lỗi khác (xem: thidua-calendar plan check)" in found


def test_the_list_shows_the_entries_of_the_schedule() -> None:
    # A schedule of the lunar festivals only: the poster lists those and computes nothing more.
    schedule = tc.schedule(2025, kinds=["festival"])
    assert {e.key for e in schedule.entries} >= {"tet_nguyen_dan", "tet_trung_thu"}
    found = "\n".join(texts(parse(render_poster(schedule))))
    for entry in schedule.entries:
        assert entry.title() in found
    liberation = "Kỷ niệm 50 năm Ngày Giải phóng miền Nam"  # a ngày lễ lớn, left out of it
    assert liberation not in found
    assert liberation in "\n".join(texts(parse(poster(2025))))


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"fmt": "pdf"}, PosterError, "unsupported poster format 'pdf'; choose one of: svg, html"),
        ({"paper": "A5"}, PosterError, "unsupported paper 'A5'; choose one of: A4, A3"),
        ({"lang": "fr"}, InvalidValueError, "lang must be one of vi, en, not 'fr'"),
        ({"problems": ["an error"]}, InvalidTypeError, "problems must be Diagnostic"),
    ],
)
def test_bad_options_are_clear_errors(
    options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        render_poster(tc.schedule(2020), **options)  # type: ignore[arg-type]


def test_the_poster_renders_a_schedule_of_one_year() -> None:
    with pytest.raises(InvalidTypeError, match="schedule must be Schedule, not int"):
        render_poster(2020)  # type: ignore[arg-type]
    with pytest.raises(PosterError, match="one calendar year, not 2025-01-01 – 2026-12-31"):
        render_poster(tc.schedule((2025, 2026)))


def test_a_plan_of_another_year_is_an_error() -> None:
    with pytest.raises(PosterError, match="covers 2020-01-01 – 2020-12-31, not the year 2026"):
        render_poster(tc.schedule(2026, PLAN_2020))


@pytest.mark.parametrize(("name", "fmt"), [("a.svg", "svg"), ("a.html", "html"), ("a.HTM", "html")])
def test_format_from_the_extension(name: str, fmt: str) -> None:
    assert poster_format(name) == fmt


@pytest.mark.parametrize("name", ["poster.docx", "poster.png", "poster"])
def test_unsupported_extensions(name: str) -> None:
    with pytest.raises(PosterError, match=r"name the file \.svg, \.html or \.pdf"):
        poster_format(name)


# --- escaping, determinism, HTML -----------------------------------------------------------


def test_all_text_is_escaped() -> None:
    text = """
[plan]
title = "Kế hoạch <thi đua> & \\"khen thưởng\\" năm 2026"
organisation = "Công đoàn A & B <C>"
year = 2026

[[phase]]
label = "Đợt 1"
start = "2026-01-01"
end = "2026-12-31"
theme = "Đoàn kết </text> & sáng tạo"
"""
    plan = tc.parse_plan(text)  # a control character is refused at load (test_parsing) ...
    # ... one in a plan built in Python is dropped by the poster:
    plan = attrs.evolve(plan, title=plan.title.replace("năm", "\x01năm"))
    for fmt in ("svg", "html"):
        document = render_poster(tc.schedule(2026, plan), fmt=fmt)
        svg = document[document.index("<svg") : document.index("</svg>") + 6]
        found = texts(parse(svg))
        assert "Công đoàn A & B <C>" in found
        assert 'Kế hoạch <thi đua> & "khen thưởng" năm 2026' in found  # control char dropped
        assert any("“Đoàn kết </text> & sáng tạo”" in t for t in found)


def test_output_is_deterministic() -> None:
    for fmt in ("svg", "html"):
        first = poster(2020, PLAN_2020, fmt=fmt)
        assert render_poster(tc.schedule(2020, str(PLAN_2020)), fmt=fmt) == first
    assert Poster(tc.schedule(2026)).svg() == Poster(tc.schedule(2026)).svg()


@pytest.mark.parametrize(("paper", "width", "height"), [("A4", 281, 193), ("A3", 404, 277.9)])
def test_html_embeds_the_svg_with_print_css(paper: str, width: float, height: float) -> None:
    html = poster(2020, PLAN_2020, fmt="html", paper=paper)
    assert html.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert f"@page {{ size: {paper} landscape; margin: 8mm }}" in html
    assert f"width: {width:g}mm; height: {height:g}mm" in html
    assert html.count("<svg") == 1
    assert "<?xml" not in html
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert "Lịch thi đua năm 2020 – Năm Canh Tý" in texts(parse(svg))
    assert "<title>Lịch thi đua năm 2020 – Năm Canh Tý</title>" in html


# --- text layout helpers -------------------------------------------------------------------


def test_wrap_keeps_the_text_and_the_width() -> None:
    title = tc.load_plan(PLAN_2020).title
    lines = wrap(title, 26, 1200)
    assert "".join(lines) == title
    assert len(lines) > 2
    assert all(text_width(line.rstrip(), 26) <= 1200 for line in lines)
    assert wrap("x" * 50, 10, 100) == ["x" * 16, "x" * 16, "x" * 16, "xx"]  # one long word
    assert text_width("Đợt", 10, bold=True) > text_width("Đợt", 10)


def ellipsis_by_dropping(text: str, size: float, width: float) -> str:
    """The fitting rule as first written (quadratic): drop the last character until it fits."""
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


TITLE_2020 = "Kế hoạch phát động phong trào thi đua năm 2020 của Công đoàn Viên chức Việt Nam"


@pytest.mark.parametrize(
    ("text", "size", "width", "expected"),
    [
        ("", 26, 2794, "…"),
        ("abc", 10, 5, "…"),  # not even one character fits: the mark alone
        ("abc", 10, 1000, "abc…"),  # all of it fits: the mark is still added
        ("abc", 10, 22.48, "ab…"),  # exactly as wide as "ab…" (2 248 thousandths): it fits
        ("abc", 10, 22.47, "a…"),
        ("Kế hoạch thi đua năm 2026", 10, 60, "Kế hoạch…"),  # the space before the cut goes
        ("Đợt 1: “Mừng Đảng quang vinh - Mừng sinh nhật Bác”", 22, 300, None),
        ("中文字符 and emoji 🎉 widths", 20, 150, None),  # unknown characters: one em each
        (TITLE_2020, 26, 700, None),
        (TITLE_2020 * 10, 26, 2794, None),
        (" " * 300, 26, 100, "…"),
    ],
)
def test_ellipsis_keeps_the_rule_of_dropping_characters(
    text: str, size: float, width: float, expected: str | None
) -> None:
    assert ellipsis(text, size, width) == ellipsis_by_dropping(text, size, width)
    if expected is not None:
        assert ellipsis(text, size, width) == expected


@given(
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộứừửữự ĐƠƯ“”–…-,.()0123456789"),
    st.sampled_from([10, 18, 22, 24, 26, 30, 58]),
    st.floats(min_value=0, max_value=1.1),
)
def test_ellipsis_matches_the_rule_on_any_text(text: str, size: int, share: float) -> None:
    width = share * text_width(text + "…", size)  # from nothing to a little more than all
    assert ellipsis(text, size, width) == ellipsis_by_dropping(text, size, width)


def test_a_long_plan_title_ends_in_an_ellipsis_on_its_third_line() -> None:
    title = " ".join([TITLE_2020] * 400)  # about 32 000 characters
    plan = tc.parse_plan(f'[plan]\ntitle = "{title}"\nyear = 2026\n')
    (sub,) = [
        t
        for t in parse(render_poster(tc.schedule(2026, plan))).iter(f"{SVG}text")
        if t.get("class") == "sub"
    ]
    lines = ["".join(span.itertext()) for span in sub]
    assert len(lines) == 3
    assert "".join(lines[:2]) + lines[2].removesuffix("…") == title[: sum(map(len, lines)) - 1]
    # The rest of the title, cut to 600 characters (more than a line holds, so the same cut:
    # the quadratic rule would take minutes on all of it).
    rest = title[len("".join(lines[:2])) :]
    assert lines[2] == ellipsis_by_dropping(rest[:600], 26, 2794) == ellipsis(rest, 26, 2794)


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def poster_cli(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Cli:
    """The command line with the ``poster`` command (added here if cli.py does not yet)."""
    build = cli_module.build_parser

    def build_with_poster() -> argparse.ArgumentParser:
        parser = build()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and "poster" not in action.choices:
                add_poster_command(action)
        return parser

    monkeypatch.setattr(cli_module, "build_parser", build_with_poster)
    return cli


@pytest.mark.parametrize("name", ["lich-2020.svg", "lich-2020.html"])
def test_cli_writes_the_poster(poster_cli: Cli, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, stdout, stderr = poster_cli("poster", "2020", "--plan", str(PLAN_2020), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert f"đã ghi {out} (" in stderr  # Vietnamese unless --lang en
    fmt = "html" if name.endswith(".html") else "svg"
    expected = poster(2020, tc.load_plan(PLAN_2020), fmt=fmt)
    assert out.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_cli_options(poster_cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "calendar.svg"
    code, _, _ = poster_cli("poster", "2026", "--lang", "en", "--paper", "A3", "-o", str(out))
    assert code == 0
    assert out.read_text(encoding="utf-8") == poster(2026, lang="en", paper="A3")


def test_cli_refuses_a_plan_with_errors(poster_cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "lich.svg"
    out.write_text("the previous poster", encoding="utf-8")
    code, stdout, stderr = poster_cli("poster", "2022", "--plan", str(PLAN_2022), "-o", str(out))
    assert (code, stdout) == (1, "")
    assert [d.code for d in errors(tc.load_plan(PLAN_2022))] == ["phase-year-typo"]
    *diagnostics, reason = stderr.splitlines()
    assert len(diagnostics) == 1  # each error of the plan, on its line
    assert "error [phase-year-typo]" in diagnostics[0]
    assert "Đợt 2 ghi năm 2021 trong kế hoạch năm 2022" in diagnostics[0]
    assert reason.startswith("thidua-calendar: lỗi: kế hoạch có lỗi")
    assert "--force" in reason
    assert out.read_text(encoding="utf-8") == "the previous poster"  # untouched
    code, _, _ = poster_cli("poster", "2022", "--plan", str(PLAN_2022), "--force", "-o", str(out))
    assert code == 0
    assert "CẢNH BÁO" in out.read_text(encoding="utf-8")
    plan = tc.load_plan(PLAN_2022)
    forced = render_poster(tc.schedule(2022, plan), problems=errors(plan))
    assert out.read_text(encoding="utf-8") == forced  # the plan's errors in the banner


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["poster", "2026", "-o", "lich.png"], "cannot write a poster as '.png'"),
        (["poster", "2026", "-o", "lich"], "cannot write a poster as no extension"),
        (
            ["poster", "2026", "--plan", str(SAMPLE_2026), "--catalog", "x.toml", "-o", "a.svg"],
            "give a plan or a catalogue (--plan or --catalog), not both",
        ),
        (["poster", "2026", "--plan", str(PLAN_2020), "-o", "a.svg"], "not the year 2026"),
        (["poster", "2026", "--plan", "no-such-plan.toml", "-o", "a.svg"], "no-such-plan.toml"),
        (["poster", "1066", "-o", "a.svg"], "1066"),
        (["poster", "2026", "-o", "no-such-dir/a.svg"], "No such file or directory"),
        (["poster", "2026", "--paper", "A5", "-o", "a.svg"], "invalid choice: 'A5'"),
        (["poster", "2026"], "the following arguments are required: -o/--output"),
    ],
)
def test_cli_bad_usage_is_one_line_with_exit_2(
    poster_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = poster_cli(*argv)
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("thidua-calendar")
    assert message in stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_help_has_examples(poster_cli: Cli) -> None:
    code, out, _ = poster_cli("poster", "--help")
    assert code == 0
    assert "thidua-calendar poster 2026 -o lich-thi-dua-2026.svg" in out
    assert "--force" in out


# --- the school year -----------------------------------------------------------------------


def school_months(year: int) -> list[str]:
    """The headings of a school-year poster: September to August, each with its year."""
    return [f"Tháng {m}/{year if m >= 9 else year + 1}" for m in (9, 10, 11, 12, *range(1, 9))]


def month_titles(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("class") == "mt"]


@pytest.fixture(scope="module")
def school_plan() -> tc.Plan:
    return tc.plans.starter_plan(2025, "school-year", organisation="Trường THCS Nguyễn Du")


def test_a_school_year_plan_gets_the_school_year_poster(school_plan: tc.Plan) -> None:
    assert school_plan.school_year
    shown = poster_schedule(2025, school_plan)
    assert (shown.start, shown.end) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    root = parse(render_poster(shown))
    assert root.findtext(f"{SVG}title") == "Lịch thi đua năm học 2025 - 2026"
    assert "Lịch thi đua năm học 2025 - 2026" in texts(root)
    assert month_titles(root) == school_months(2025)  # September to August
    assert "Tết Nguyên đán: Thứ Ba, 17/02/2026" in " ".join(texts(root))  # the Tết inside it
    day, lunar, number = cell_texts(root, dt.date(2025, 11, 20))  # Ngày Nhà giáo Việt Nam
    assert (day, lunar) == ("20", "1/10")
    assert number.isdigit()  # numbered: listed below
    assert "Ngày Nhà giáo Việt Nam" in " ".join(texts(root))
    cell(root, dt.date(2026, 8, 31))  # the last day is drawn
    assert root.find(f".//{SVG}g[@id='d2025-08-31']") is None  # the day before is not
    assert root.find(f".//{SVG}g[@id='d2026-09-01']") is None
    legend = " ".join(texts(root))
    assert "Học kỳ I" in legend
    assert "Học kỳ II" in legend
    english = parse(render_poster(shown, lang="en"))
    assert english.findtext(f"{SVG}title") == "Emulation calendar, school year 2025–2026"
    assert month_titles(english)[::11] == ["September 2025", "August 2026"]


def test_the_calendar_year_and_the_school_year_by_choice(school_plan: tc.Plan) -> None:
    plain = poster_schedule(2026)
    assert (plain.start, plain.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    school = poster_schedule(2026, school_year=True)
    assert (school.start, school.end) == (dt.date(2026, 9, 1), dt.date(2027, 8, 31))
    assert month_titles(parse(render_poster(school))) == school_months(2026)
    assert month_titles(parse(render_poster(plain)))[8] == "Tháng 9"  # one year: no year said
    calendar = poster_schedule(2026, school_plan, school_year=False)  # its second half
    assert month_titles(parse(render_poster(calendar)))[:2] == ["Tháng 1", "Tháng 2"]
    with pytest.raises(PosterError, match="not the school year 2027–2028"):
        render_poster(poster_schedule(2027, school_plan))


def test_cli_draws_the_school_year(
    poster_cli: Cli, tmp_path: Path, school_plan: tc.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan_file = tmp_path / "truong.toml"
    plan_file.write_text(tc.plans.plan_toml(school_plan), encoding="utf-8")
    plan = tc.load_plan(plan_file)
    code, _, stderr = poster_cli("poster", "2025", "--plan", str(plan_file), "-o", "nam-hoc.svg")
    assert code == 0, stderr
    expected = render_poster(poster_schedule(2025, plan))
    assert (tmp_path / "nam-hoc.svg").read_text(encoding="utf-8") == expected
    code, _, stderr = poster_cli("poster", "2025", "--school-year", "-o", "le.svg")
    assert code == 0, stderr
    drawn = parse((tmp_path / "le.svg").read_text(encoding="utf-8"))
    assert month_titles(drawn) == school_months(2025)
    assert drawn.findtext(f"{SVG}title") == "Lịch thi đua năm học 2025 - 2026"
