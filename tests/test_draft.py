"""``plan draft``: the plan as the Word document of Nghị định 30/2020/NĐ-CP, read back.

The document is read back with python-docx (its text, fonts, sizes, page and margins), its
bytes compared between runs, the command line's writes checked, and ``lint`` run on it. The
rendering through LibreOffice is in ``tests/test_draft_render.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm, Pt

from conftest import PLAN_WITH_A_YEAR_TYPO, Cli
from thidua_calendar import MissingDependencyError, Plan, draft_docx, load_plan, parse_plan
from thidua_calendar._data import example_plans
from thidua_calendar._files import written_here
from thidua_calendar._wording import date_vi, document_date
from thidua_calendar._wording.congresses import congress_label
from thidua_calendar._wording.milestones import milestone_label
from thidua_calendar.congresses import congress_series
from thidua_calendar.draft import ZIP_COMMENT, stamp
from thidua_calendar.lint import check_file

PLANS = example_plans()
SAMPLE = load_plan(PLANS["sample-2026.toml"])
PLAN_2020 = load_plan(PLANS["2020-cdvc-viet-nam.toml"])

WORKING_DAY_PLAN = """\
[plan]
title = "Kế hoạch phát động phong trào thi đua năm 2025"
organisation = "Liên đoàn Lao động tỉnh Bắc Ninh\\nCông đoàn cơ sở Trường Tiểu học A"
number = "7/KH-CĐCS"
date = "2025-01-06"
year = 2025

[[phase]]
label = "Đợt 1"
start = "2025-01-01"
end = "2025-06-30"
theme = "Mừng Đảng quang vinh - Mừng Xuân Ất Tỵ"

[[phase]]
label = "Đợt 2"
start = "2025-07-01"
end = "2025-12-31"
theme = ""

[reporting]
quarterly = { day = 20, months_after = 1, working_day = true }
phase_review = { days_after = 15 }
"""


def document(plan: Plan, **kwargs: Any) -> Any:
    return docx.Document(io.BytesIO(draft_docx(plan, **kwargs)))


def paragraphs(doc: Any) -> Iterator[Any]:
    """Every paragraph: the body's and the tables' (header and signature), in order."""
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            yield docx.text.paragraph.Paragraph(child, doc)
        elif child.tag.endswith("}tbl"):
            table = docx.table.Table(child, doc)
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def texts(doc: Any) -> list[str]:
    return [p.text for p in paragraphs(doc)]


def full_text(doc: Any) -> str:
    return "\n".join(texts(doc))


def header_cells(doc: Any) -> tuple[list[str], list[str]]:
    left, right = doc.tables[0].rows[0].cells
    return [p.text for p in left.paragraphs], [p.text for p in right.paragraphs]


def test_the_header_has_both_columns_of_the_decree() -> None:
    doc = document(SAMPLE, place="Hà Nội")
    left, right = header_cells(doc)
    assert left[0] == "CÔNG ĐOÀN CƠ SỞ (MẪU)"
    assert "Số: …/KH-…" in left
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[2] == "Hà Nội, ngày … tháng … năm …"  # the plan has no date: the clerk's
    cell = doc.tables[0].rows[0].cells[1]
    name, motto, date_line = cell.paragraphs
    assert all(r.bold for r in name.runs)
    assert all(r.bold for r in motto.runs)
    assert all(r.underline for r in motto.runs)  # the line under the motto, its whole length
    assert all(r.italic for r in date_line.runs)
    issuer = doc.tables[0].rows[0].cells[0].paragraphs[0]
    assert all(r.bold for r in issuer.runs)


def test_a_two_line_organisation_is_the_governing_and_the_issuing_body() -> None:
    doc = document(parse_plan(WORKING_DAY_PLAN))
    left, right = header_cells(doc)
    assert left[:2] == ["LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH", "CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC A"]
    cell = doc.tables[0].rows[0].cells[0]
    assert not any(r.bold for r in cell.paragraphs[0].runs)  # the governing body: not bold
    assert all(r.bold for r in cell.paragraphs[1].runs)
    assert "Số: 07/KH-CĐCS" in left  # a number below 10 takes a leading zero
    assert right[2] == "[Địa danh], ngày 06 tháng 01 năm 2025"


@pytest.mark.parametrize(
    ("date", "line"),
    [
        (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (dt.date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (dt.date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
        (dt.date(2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
        (dt.date(2026, 10, 9), "ngày 09 tháng 10 năm 2026"),
        (dt.date(2026, 9, 10), "ngày 10 tháng 9 năm 2026"),
    ],
)
def test_the_date_line_has_the_zero_rule(date: dt.date, line: str) -> None:
    assert document_date(date) == line
    doc = document(attrs.evolve(SAMPLE, issued=date), place="Hà Nội")
    assert header_cells(doc)[1][2] == f"Hà Nội, {line}"


def test_every_section_is_there_in_order() -> None:
    found = texts(document(SAMPLE))
    wanted = [
        "KẾ HOẠCH",
        "Phát động phong trào thi đua năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "III. THỜI GIAN",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Chế độ báo cáo",
        "2. Phân công thực hiện",
        "Nơi nhận:",
        "- Lưu: VT.",
    ]
    positions = [found.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_purpose_and_content_are_placeholders_marked_for_the_clerk() -> None:
    doc = document(SAMPLE)
    found = list(paragraphs(doc))
    names = [p.text for p in found]
    for heading in ("1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG", "2. Phân công thực hiện"):
        following = found[names.index(heading) + 1]
        assert following.text.startswith("[")
        assert following.text.endswith("]")
        assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in following.runs)
    filled = found[names.index("III. THỜI GIAN") + 1]
    assert not any(r.font.highlight_color for r in filled.runs)


def test_the_phases_with_windows_themes_anniversaries_and_events() -> None:
    doc = document(SAMPLE)
    text = full_text(doc)
    found = texts(doc)
    assert (
        "Phong trào thi đua được tổ chức từ 01/01/2026 đến 31/12/2026, chia thành 2 đợt:" in found
    )
    assert "1. Đợt 1: từ 01/01/2026 đến 30/06/2026" in found
    assert "2. Đợt 2: từ 01/07/2026 đến 31/12/2026" in found
    for phase in SAMPLE.phases:
        assert f"Chủ đề: “{phase.theme}”." in found
        for m in SAMPLE.milestones_in(phase):
            assert milestone_label(m, "vi") in text
    assert "- Kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026);" in (
        found
    )
    # The events of phase 1, in the order of their days, the last ending the list.
    first = found.index("1. Đợt 1: từ 01/01/2026 đến 30/06/2026")
    greeting = found.index("Thi đua chào mừng thành công:", first)
    assert found[greeting + 1] == "- Đại hội XIV của Đảng (19/01/2026 - 23/01/2026);"
    assert found[greeting + 2] == "- Bầu cử đại biểu Quốc hội khóa XVI (15/03/2026)."
    assert greeting < found.index("2. Đợt 2: từ 01/07/2026 đến 31/12/2026")


def test_a_plans_events_come_from_its_schedule() -> None:
    text = full_text(document(PLAN_2020))
    label = congress_label(congress_series("patriotic_emulation"), 10, "vi", term=False)
    assert f"- {label[:1].upper()}{label[1:]} (" in text
    for phase in PLAN_2020.phases:
        for m in PLAN_2020.milestones_in(phase):
            assert milestone_label(m, "vi") in text


def test_the_reporting_schedule_with_every_due_date() -> None:
    found = texts(document(SAMPLE))
    deadlines = SAMPLE.deadlines()
    assert len(deadlines) == 8
    lines = [f"{d.title('vi')}: hạn {date_vi(d.date)}" for d in deadlines]
    start = found.index("1. Chế độ báo cáo") + 2
    listed = found[start : start + len(lines)]
    assert listed == [f"- {line};" for line in lines[:-1]] + [f"- {lines[-1]}."]
    assert "- Báo cáo quý IV/2026: hạn 15/01/2027." in listed  # after the plan's end


def test_due_dates_follow_the_working_day_rule() -> None:
    plan = parse_plan(WORKING_DAY_PLAN)
    found = texts(document(plan))
    # Due on the 20th: 20/04/2025 and 20/07/2025 are Sundays, so Monday the 21st.
    assert "- Báo cáo quý I/2025: hạn 21/04/2025;" in found
    assert "- Báo cáo quý II/2025: hạn 21/07/2025;" in found
    assert "- Báo cáo quý III/2025: hạn 20/10/2025;" in found  # a Monday: not moved
    assert any(t.startswith("Hạn báo cáo trùng ngày nghỉ") for t in found)
    assert "[Chủ đề của đợt thi đua]" in found  # theme = "": still to be written
    assert not any(t.startswith("Hạn báo cáo trùng ngày nghỉ") for t in texts(document(SAMPLE)))


def test_a_due_date_on_a_day_off_is_moved() -> None:
    plan = parse_plan(
        WORKING_DAY_PLAN.replace(
            "quarterly = { day = 20, months_after = 1, working_day = true }",
            "yearly = { day = 31, months_after = 1, working_day = true }",
        )
    )
    # 31/01/2026 is a Saturday: the report is due on Monday 02/02/2026.
    assert "- Báo cáo tổng kết năm 2025: hạn 02/02/2026." in texts(document(plan))


def test_a_plan_without_phases_or_reports_still_has_every_section() -> None:
    plan = parse_plan('[plan]\ntitle = "Kế hoạch thi đua năm 2027"\nyear = 2027\n')
    found = texts(document(plan))
    assert "Phong trào thi đua được tổ chức từ 01/01/2027 đến 31/12/2027." in found
    assert "Thi đua năm 2027" in found  # the subject, capitalised
    assert "[Thời hạn gửi báo cáo sơ kết, tổng kết: đơn vị soạn thảo.]" in found
    assert "[TÊN CƠ QUAN, TỔ CHỨC]" in header_cells(document(plan))[0]


def test_times_new_roman_13_to_14_and_the_decrees_page() -> None:
    doc = document(SAMPLE)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("eastAsia", "cs")} == {
        "Times New Roman"
    }
    found = list(paragraphs(doc))
    runs = [r for p in found for r in p.runs if r.text.strip()]
    assert runs
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size for r in runs} <= {Pt(11), Pt(12), Pt(13), Pt(14)}
    names = [p.text for p in found]
    body = found[names.index("I. MỤC ĐÍCH, YÊU CẦU") : names.index("Nơi nhận:")]
    assert {r.font.size for p in body for r in p.runs} == {Pt(14)}
    assert {p.paragraph_format.first_line_indent for p in body} == {Mm(12.7)}
    assert section.different_first_page_header_footer  # no page number on page 1
    assert "PAGE" in section.header._element.xml


def test_the_same_plan_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    first = draft_docx(SAMPLE, place="Hà Nội")
    later = time.time() + 3 * 86400 + 3661
    monkeypatch.setattr(time, "time", lambda: later)
    assert draft_docx(SAMPLE, place="Hà Nội") == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(2026, 11, 23, 0, 0, 0)}
    assert archive.comment == ZIP_COMMENT
    assert "docProps/thumbnail.jpeg" not in archive.namelist()
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created == props.modified == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    assert stamp(SAMPLE) == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    assert props.author == "Công đoàn cơ sở (mẫu)"
    assert props.title == SAMPLE.title
    assert props.last_modified_by == "thidua-calendar"
    # No revision: the document date, else the plan's first day.
    assert stamp(attrs.evolve(SAMPLE, revision=None)) == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    dated = attrs.evolve(SAMPLE, revision=None, issued=dt.date(2025, 12, 20))
    assert stamp(dated) == dt.datetime(2025, 12, 20, tzinfo=dt.UTC)


def test_lint_reads_the_draft_back_with_no_finding(tmp_path: Path) -> None:
    for plan in (SAMPLE, PLAN_2020, parse_plan(WORKING_DAY_PLAN)):
        path = tmp_path / f"{plan.identity}.docx"
        path.write_bytes(draft_docx(plan, place="Hà Nội"))
        report = check_file(path)
        assert report.findings == (), [f.text() for f in report.findings]
        assert report.year == plan.year
        assert [p.label for p in report.phases] == [p.label for p in plan.phases]


# --- the command line -----------------------------------------------------------------------


def test_cli_writes_the_document(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    code, stdout, err = cli(
        "plan", "draft", str(PLANS["sample-2026.toml"]), "-o", str(out), "--place", "Hà Nội"
    )
    assert (code, stdout) == (0, "")
    assert err == f"đã ghi {out} (Nghị định 30/2020, A4, 2 đợt, 8 hạn báo cáo)\n"
    assert out.read_bytes() == draft_docx(SAMPLE, place="Hà Nội")
    assert written_here(out)
    code, _, err = cli("plan", "draft", str(PLANS["sample-2026.toml"]), "-o", str(out))
    assert code == 0  # its own file is replaced
    assert header_cells(docx.Document(str(out)))[1][2] == "[Địa danh], ngày … tháng … năm …"


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
def test_cli_refuses_a_file_it_did_not_write(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    edited = docx.Document(io.BytesIO(draft_docx(SAMPLE)))
    edited.add_paragraph("Sửa tay")
    edited.save(str(out))  # as Word saves a file: the archive comment is gone
    before = out.read_bytes()
    assert not written_here(out)
    code, stdout, err = cli("plan", "draft", str(PLANS["sample-2026.toml"]), "-o", str(out))
    assert (code, stdout) == (2, "")
    assert "was not written by thidua-calendar; use --force" in err
    assert len(err.splitlines()) == 1
    assert out.read_bytes() == before
    code, _, _ = cli("plan", "draft", str(PLANS["sample-2026.toml"]), "-o", str(out), "--force")
    assert code == 0
    assert out.read_bytes() == draft_docx(SAMPLE)


def test_cli_refuses_a_plan_with_errors(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN_WITH_A_YEAR_TYPO, encoding="utf-8")
    out = tmp_path / "ke-hoach.docx"
    code, _, err = cli("plan", "draft", str(plan), "-o", str(out))
    assert code == 1
    assert "phase-year-typo" in err
    assert "--force" in err
    assert not out.exists()
    code, _, _ = cli("plan", "draft", str(plan), "-o", str(out), "--force")
    assert code == 0
    assert out.exists()


def test_cli_requires_an_output(cli: Cli) -> None:
    code, _, err = cli("plan", "draft", str(PLANS["sample-2026.toml"]))
    assert code == 2
    assert "-o/--output" in err


def test_without_python_docx_a_clear_error_names_the_extra(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # `import docx` raises ImportError
    with pytest.raises(MissingDependencyError) as caught:
        draft_docx(SAMPLE)
    message = caught.value.message_vi or ""
    assert message.startswith("tạo tệp .docx cần gói python-docx")
    assert "pip install 'thidua-calendar[docx]'" in message
    assert str(caught.value).startswith("writing a .docx file needs python-docx")
    assert isinstance(caught.value, ImportError)
    out = tmp_path / "ke-hoach.docx"
    code, _, err = cli("plan", "draft", str(PLANS["sample-2026.toml"]), "-o", str(out))
    assert code == 2
    assert err == f"thidua-calendar: lỗi: {message}\n"
    assert not out.exists()
