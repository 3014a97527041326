"""The plan-document checker on the catalogue in use: an organisation's own days, keys as data.

A user catalogue (docs/organisation-days.md) adds a school's founding day; a document that
celebrates it is checked like one that celebrates a national day, but only when the
catalogue is given: without it the day is unknown and its mistakes go unnoticed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import thidua_calendar as tc
from thidua_calendar.commemorations import Catalog, default_catalog, load_catalog
from thidua_calendar.lint import Report, check_file, check_text
from thidua_calendar.lint._names import names

LINT = Path(__file__).resolve().parent / "data" / "lint"
SRC = Path(__file__).resolve().parents[1] / "src" / "thidua_calendar"

SCHOOL = """\
[meta]
revision = "2026-01-01"

[[commemoration]]
key = "thanh_lap_truong_x"
name_vi = "Ngày thành lập Trường THPT X"
name_en = "Founding of X High School"
calendar = "solar"
month = 10
day = 10
origin = "1996-10-10"
category = "sector"
"""
KEY = "thanh_lap_truong_x"
PLAN = "Kế hoạch thi đua năm 2026\n"


@pytest.fixture(scope="module")
def school_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalog") / "truong-x.toml"
    path.write_text(SCHOOL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def school(school_file: Path) -> Catalog:
    return load_catalog(school_file)


def found(report: Report) -> list[tuple[int | None, str, str | None, str]]:
    return [(f.line, f.code, f.key, f.suggestion) for f in report.findings]


# --- the user's day, recognised and checked only with the catalogue -------------------------


def test_the_users_day_is_recognised_with_its_catalogue(school: Catalog) -> None:
    text = PLAN + "Kỷ niệm 30 năm Ngày thành lập Trường THPT X (10/10/1996 - 10/10/2026)."
    with_catalog = check_text(text, catalog=school)
    (anniversary,) = with_catalog.anniversaries
    assert (anniversary.key, anniversary.origin, anniversary.date) == (
        KEY,
        "1996-10-10",
        "2026-10-10",
    )
    assert with_catalog.findings == ()
    assert [a.key for a in check_text(text).anniversaries] == [None]  # a day by its dates only


def test_an_ordinal_mistake_about_the_users_day_needs_the_catalogue(school: Catalog) -> None:
    text = PLAN + "Kỷ niệm 31 năm Ngày thành lập Trường THPT X."  # 2026 − 1996 = 30
    report = check_text(text, catalog=school)
    assert found(report) == [(2, "ordinal-mismatch", KEY, "30 năm")]
    assert report.findings[0].message == (
        "“31 năm Ngày thành lập Trường THPT X”: năm 2026 là 30 năm kể từ 10/10/1996"
    )
    assert report.findings[0].in_lang("en").message == (
        "“31 năm Ngày thành lập Trường THPT X”: 2026 is the 30th anniversary "
        "(since 10 October 1996)"
    )
    without = check_text(text)
    # Without the catalogue the statement is read (issue 15) but not recognised: no finding.
    assert ([a.key for a in without.anniversaries], without.findings) == ([None], ())


def test_a_misprinted_origin_of_the_users_day_needs_the_catalogue(school: Catalog) -> None:
    # Consistent with itself (2026 − 1995 = 31), wrong against the catalogue (1996).
    text = PLAN + "Kỷ niệm 31 năm Ngày thành lập Trường THPT X (10/10/1995 - 10/10/2026)."
    assert found(check_text(text, catalog=school)) == [
        (2, "ordinal-mismatch", KEY, "30 năm"),
        (2, "origin-mismatch", KEY, "sửa thành 10/10/1996"),
    ]
    assert check_text(text).findings == ()


def test_a_phase_ending_on_the_users_day(school: Catalog) -> None:
    text = PLAN + "Đợt 1: từ 01/9/2026 đến Ngày thành lập Trường THPT X."
    (phase,) = check_text(text, catalog=school).phases
    assert (phase.start, phase.end) == (dt.date(2026, 9, 1), dt.date(2026, 10, 10))
    assert phase.end_event == tc.EndEvent(commemoration=KEY)
    assert check_text(text).phases == ()  # the window's end is no day without the catalogue


def test_the_users_day_outside_its_phase(school: Catalog) -> None:
    text = PLAN + (
        "Đợt 1 (từ 01/01/2026 đến 30/6/2026): chào mừng 30 năm Ngày thành lập Trường THPT X "
        "(10/10/1996 - 10/10/2026).\nĐợt 2 (từ 01/7/2026 đến 31/12/2026): thi đua."
    )
    report = check_text(text, catalog=school, lang="en")
    assert report.phases[0].focus == (KEY,)
    (finding,) = report.findings
    assert (finding.line, finding.column, finding.code, finding.key) == (
        2,
        48,
        "focus-outside-phase",
        KEY,
    )
    assert "dedicated to Founding of X High School" in finding.message
    assert check_text(text).findings == ()


def test_the_plan_of_a_document_has_its_catalogue(school: Catalog) -> None:
    text = PLAN + (
        "Đợt 1 (từ 01/7/2026 đến 31/12/2026): chào mừng 30 năm Ngày thành lập Trường THPT X "
        "(10/10/1996 - 10/10/2026)."
    )
    plan = check_text(text, catalog=school).plan()
    assert plan is not None
    assert plan.catalog is school
    (milestone,) = plan.milestones_in(plan.phases[0])
    assert (milestone.key, milestone.date, milestone.ordinal) == (KEY, dt.date(2026, 10, 10), 30)


def test_a_catalogue_path_is_merged_over_the_shipped_one(school_file: Path) -> None:
    text = PLAN + (
        "Kỷ niệm 31 năm Ngày thành lập Trường THPT X; 95 năm Ngày thành lập Đảng Cộng sản "
        "Việt Nam (03/02/1930 - 03/02/2026)."
    )
    for catalog in (school_file, str(school_file)):
        assert found(check_text(text, catalog=catalog)) == [
            (2, "ordinal-mismatch", KEY, "30 năm"),
            (2, "ordinal-mismatch", "thanh_lap_dang", "96 năm"),
        ]


def test_check_file_takes_the_catalogue(school: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN + "Kỷ niệm 31 năm Ngày thành lập Trường THPT X.", encoding="utf-8")
    assert found(check_file(path, catalog=school)) == [(2, "ordinal-mismatch", KEY, "30 năm")]
    assert check_file(path).findings == ()


# --- the default is unchanged -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in LINT.iterdir()))
def test_the_shipped_catalogue_is_the_default(name: str, school: Catalog) -> None:
    default = check_file(LINT / name)
    assert check_file(LINT / name, catalog=default_catalog()).to_json() == default.to_json()
    # The user's catalogue adds a day these documents do not name: nothing else changes.
    assert check_file(LINT / name, catalog=school).to_json() == default.to_json()


def test_name_indexes_are_kept_per_catalogue(school: Catalog) -> None:
    shipped = names()
    assert names(default_catalog()) is shipped
    assert names(school) is names(school)
    assert names(school) is not shipped
    assert names(school).catalog is school
    assert names() is shipped  # the shipped index survives a user catalogue


# --- keys as data, wording in one place ---------------------------------------------------------


def test_findings_about_a_commemoration_carry_its_key() -> None:
    report = check_file(LINT / "anniversary-mistakes.txt")
    assert [(f.line, f.code, f.key) for f in report.findings] == [
        (4, "origin-mismatch", "thanh_lap_dang"),
        (4, "anniversary-day-mismatch", "ngay_sinh_chu_tich_hcm"),
        (5, "ordinal-mismatch", "thanh_lap_doan_tncs"),
        (5, "origin-mismatch", "thanh_lap_cong_doan_viet_nam"),
        (5, "ordinal-mismatch", "thanh_lap_cong_doan_viet_nam"),
        (5, "anniversary-outside-year", "chien_thang_dien_bien_phu"),
        (6, "days-for-years", "cach_mang_thang_tam"),
    ]
    data = report.to_dict()["findings"]
    assert isinstance(data, list)
    assert [record["key"] for record in data] == [f.key for f in report.findings]


def test_findings_about_a_congress_carry_its_series() -> None:
    report = check_file(LINT / "tet-and-congresses.txt")
    assert [(f.code, f.key) for f in report.findings] == [
        ("can-chi-mismatch", None),
        ("can-chi-mismatch", None),
        ("congress-year", "patriotic_emulation"),
        ("congress-plan-year", "party"),
        ("congress-term", "vn_trade_union"),
        ("congress-term", "vn_trade_union"),
    ]


def test_the_report_shows_its_findings_in_its_language() -> None:
    report = check_file(LINT / "phases-copied-year.txt", lang="en")
    assert report.lang == "en"
    assert all(f.lang == "en" for f in report.findings)
    assert report.findings[0].suggestion == "did you mean 2018?"
    assert report.to_text("vi").splitlines()[0].endswith("(có phải là năm 2018?)")
    shown = Report(report.findings, report.extraction, report.path, lang="vi")
    assert [f.suggestion for f in shown.findings] == ["có phải là năm 2018?"]


def test_no_language_branch_is_left_in_lint() -> None:
    for path in sorted((SRC / "lint").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\blang\s*[!=]=|[!=]=\s*\"en\"|\"en\"\s*if\b", text), path.name


def test_the_command_line_takes_the_catalogue(school_file: Path, tmp_path: Path) -> None:
    from thidua_calendar.cli import main

    document = tmp_path / "ke-hoach.txt"
    document.write_text(PLAN + "Kỷ niệm 31 năm Ngày thành lập Trường THPT X.\n", encoding="utf-8")
    import contextlib
    import io

    def run(*extra: str) -> tuple[int, str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["lint", str(document), "--format", "json", *extra])
        return code, out.getvalue()

    code, text = run("--catalog", str(school_file))
    assert code == 1
    assert '"code": "ordinal-mismatch"' in text
    assert f'"key": "{KEY}"' in text
    code, text = run()  # without it the school's day is not known: no finding
    assert code == 0
    assert '"ordinal-mismatch"' not in text
