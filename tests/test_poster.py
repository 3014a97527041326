"""The year poster: valid SVG with every title as text, right lunar days, refusal and force."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar import cli as cli_module
from thidua_calendar.cli.poster import add_poster_command
from thidua_calendar.poster import (
    PHASE_COLOURS,
    PosterError,
    PosterPlanError,
    make_poster,
    poster_format,
    render_poster,
    text_width,
    wrap,
)

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "src" / "thidua_calendar" / "data" / "plans"
PLAN_2020 = PLANS / "2020-cdvc-viet-nam.toml"
PLAN_2022 = PLANS / "2022-cdvc-viet-nam.toml"  # Đợt 2 is dated 2021: a phase-year-typo error
SAMPLE_2026 = PLANS / "sample-2026.toml"
SVG = "{http://www.w3.org/2000/svg}"
RED = "#C8102E"


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
    return parse(render_poster(2020, plan=PLAN_2020))


# --- the document --------------------------------------------------------------------------


def test_svg_is_a_standalone_xml_document(poster_2020: ET.Element) -> None:
    svg = render_poster(2020, plan=PLAN_2020)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = poster_2020
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("281mm", "194mm")  # A4 less 8 mm margins
    assert root.get("viewBox") == "0 0 2810 1940"
    assert root.get("font-family") == "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
    assert len(texts(root)) > 400  # real text: numbers, lunar days, titles


def test_a3_is_the_same_drawing_larger() -> None:
    root = parse(render_poster(2020, plan=PLAN_2020, paper="A3"))
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
    root = parse(render_poster(year, lang=lang))
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
    found = "\n".join(texts(parse(render_poster(year, plan=plan, lang=lang))))
    entries = tc.schedule(year, plan).entries
    assert {e.kind for e in entries} >= {"holiday", "milestone", "festival"}
    for entry in entries:
        assert entry.title(lang) in found, entry.uid


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
    root = parse(render_poster(2026))  # no plan, no phases
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert not fills & set(PHASE_COLOURS)


# --- days ----------------------------------------------------------------------------------


def test_weeks_start_on_monday(poster_2020: ET.Element) -> None:
    found = texts(poster_2020)
    start = found.index("T2")
    assert found[start : start + 7] == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    english = texts(parse(render_poster(2020, lang="en")))
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
    found = cell_texts(parse(render_poster(year)), day)
    assert found[:2] == [solar, lunar]


def test_leap_month_in_english() -> None:
    assert cell_texts(parse(render_poster(2020, lang="en")), dt.date(2020, 5, 23))[1] == "1/4L"


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
    assert texts(cell(poster_2020, dt.date(2020, 2, 3)))[-1] == "2"  # its number in the list


def test_list_numbers_days_in_order(poster_2020: ET.Element) -> None:
    found = texts(poster_2020)
    first = found.index("Tết Nguyên đán Canh Tý 2020")
    assert found[first - 2 : first] == ["1", "25/01"]
    second = found.index(
        "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)"
    )
    assert found[second - 2 : second] == ["2", "03/02"]
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
    found = texts(parse(render_poster(2026, catalog=catalog)))
    more = [t for t in found if t.startswith("… và ")]
    assert len(more) == 1
    assert re.fullmatch(r"… và \d+ mục khác \(xem: thidua-calendar schedule 2026\)", more[0])


# --- refusal, force, errors ----------------------------------------------------------------


def test_a_plan_with_errors_is_refused_with_its_diagnostics() -> None:
    with pytest.raises(PosterPlanError) as caught:
        render_poster(2022, plan=PLAN_2022)
    assert [d.code for d in caught.value.diagnostics] == ["phase-year-typo"]
    assert "phase-year-typo" in str(caught.value)
    assert isinstance(caught.value, tc.ThiduaError)


def test_force_draws_a_warning_banner() -> None:
    root = parse(render_poster(2022, plan=PLAN_2022, force=True))
    found = texts(root)
    assert "CẢNH BÁO: kế hoạch có lỗi, lịch này được in khi chưa sửa" in found
    (diagnostic,) = [t for t in found if "[phase-year-typo]" in t]
    assert "Đợt 2 ghi năm 2021 trong kế hoạch năm 2022" in diagnostic
    assert any(
        r.get("stroke") == RED and r.get("fill") == "#FFF1F1" for r in root.iter(f"{SVG}rect")
    )
    clean = texts(parse(render_poster(2020, plan=PLAN_2020, force=True)))
    assert not any(t.startswith("CẢNH BÁO") for t in clean)  # no banner without errors


def test_a_long_banner_counts_the_errors_it_leaves_out() -> None:
    phases = "".join(
        f'[[phase]]\nlabel = "Đợt {m}"\nstart = "2024-{m:02d}-01"\nend = "2024-{m + 1:02d}-05"\n'
        for m in range(1, 12)
    )
    plan = tc.parse_plan(f'[plan]\ntitle = "Kế hoạch"\nyear = 2024\n{phases}')
    assert sum(d.severity == "error" for d in plan.check()) == 10  # each overlaps the next
    found = texts(parse(render_poster(2024, plan=plan, force=True)))
    assert sum("[phase-overlap]" in t for t in found) == 6
    assert "… và 4 lỗi khác (xem: thidua-calendar plan check)" in found


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "pdf"}, "unsupported poster format 'pdf'; choose one of: svg, html"),
        ({"paper": "A5"}, "unsupported paper 'A5'; choose one of: A4, A3"),
        ({"lang": "fr"}, "unsupported language 'fr'; choose one of: vi, en"),
        ({"plan": PLAN_2020, "catalog": PLAN_2020}, "not both"),
    ],
)
def test_bad_options_are_clear_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(PosterError, match=re.escape(message)):
        render_poster(2020, **options)  # type: ignore[arg-type]


def test_a_plan_of_another_year_is_an_error() -> None:
    with pytest.raises(PosterError, match="covers 2020-01-01 – 2020-12-31, not the year 2026"):
        render_poster(2026, plan=PLAN_2020)


@pytest.mark.parametrize(("name", "fmt"), [("a.svg", "svg"), ("a.html", "html"), ("a.HTM", "html")])
def test_format_from_the_extension(name: str, fmt: str) -> None:
    assert poster_format(name) == fmt


@pytest.mark.parametrize("name", ["poster.pdf", "poster.png", "poster"])
def test_unsupported_extensions(name: str) -> None:
    with pytest.raises(PosterError, match=r"name the file \.svg or \.html"):
        poster_format(name)


# --- escaping, determinism, HTML -----------------------------------------------------------


def test_all_text_is_escaped() -> None:
    text = """
[plan]
title = "Kế hoạch <thi đua> & \\"khen thưởng\\" \\u0001năm 2026"
organisation = "Công đoàn A & B <C>"
year = 2026

[[phase]]
label = "Đợt 1"
start = "2026-01-01"
end = "2026-12-31"
theme = "Đoàn kết </text> & sáng tạo"
"""
    plan = tc.parse_plan(text)
    for fmt in ("svg", "html"):
        document = render_poster(2026, plan=plan, fmt=fmt)
        svg = document[document.index("<svg") : document.index("</svg>") + 6]
        found = texts(parse(svg))
        assert "Công đoàn A & B <C>" in found
        assert 'Kế hoạch <thi đua> & "khen thưởng" năm 2026' in found  # control char dropped
        assert any("“Đoàn kết </text> & sáng tạo”" in t for t in found)


def test_output_is_deterministic() -> None:
    for fmt in ("svg", "html"):
        first = render_poster(2020, plan=PLAN_2020, fmt=fmt)
        assert render_poster(2020, plan=str(PLAN_2020), fmt=fmt) == first
    assert make_poster(2026).svg() == make_poster(2026).svg()


@pytest.mark.parametrize(("paper", "width", "height"), [("A4", 281, 193), ("A3", 404, 277.9)])
def test_html_embeds_the_svg_with_print_css(paper: str, width: float, height: float) -> None:
    html = render_poster(2020, plan=PLAN_2020, fmt="html", paper=paper)  # type: ignore[arg-type]
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
    assert f"wrote {out}" in stderr
    fmt = "html" if name.endswith(".html") else "svg"
    expected = render_poster(2020, plan=PLAN_2020, fmt=fmt)  # type: ignore[arg-type]
    assert out.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_cli_options(poster_cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "calendar.svg"
    code, _, _ = poster_cli("poster", "2026", "--lang", "en", "--paper", "A3", "-o", str(out))
    assert code == 0
    assert out.read_text(encoding="utf-8") == render_poster(2026, lang="en", paper="A3")


def test_cli_refuses_a_plan_with_errors(poster_cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "lich.svg"
    out.write_text("the previous poster", encoding="utf-8")
    code, stdout, stderr = poster_cli("poster", "2022", "--plan", str(PLAN_2022), "-o", str(out))
    assert (code, stdout) == (1, "")
    assert "error [phase-year-typo]" in stderr
    assert "--force" in stderr
    assert out.read_text(encoding="utf-8") == "the previous poster"  # untouched
    code, _, _ = poster_cli("poster", "2022", "--plan", str(PLAN_2022), "--force", "-o", str(out))
    assert code == 0
    assert "CẢNH BÁO" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["poster", "2026", "-o", "lich.pdf"], "cannot write a poster as '.pdf'"),
        (["poster", "2026", "-o", "lich"], "cannot write a poster as no extension"),
        (
            ["poster", "2026", "--plan", str(SAMPLE_2026), "--catalog", "x.toml", "-o", "a.svg"],
            "--catalog goes in the plan's [follow] table",
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
