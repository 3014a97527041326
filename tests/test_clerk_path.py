"""The clerk's path end to end, on a simulated Windows console (issue 16, "Done when").

Every step runs the installed command in a subprocess whose standard streams are code page
1252, as on a Windows console: Vietnamese help, a starter plan, the plan as a Word document and
that document as a PDF (LibreOffice headless), the schedule as a CSV a spreadsheet opens and as
an Excel workbook, and the poster as a PDF (headless Chromium). `make test` installs LibreOffice
and Chromium.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from test_draft_render import render
from thidua_calendar.poster._pdf import find_chromium


def clerk(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_LANG", "COLUMNS")}
    env["PYTHONIOENCODING"] = "cp1252"  # a Windows console's code page
    result = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=180,
        check=False,
    )
    out = result.stdout.decode("utf-8")  # the command writes UTF-8 whatever the console
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    return subprocess.CompletedProcess(result.args, result.returncode, out, err)


def test_a_clerks_year_from_help_to_print(tmp_path: Path) -> None:
    helped = clerk(tmp_path, "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("cách dùng: thidua-calendar")
    assert "Lịch khung của kế hoạch phát động phong trào thi đua" in helped.stdout

    made = clerk(
        tmp_path,
        "plan",
        "new",
        "--year",
        "2026",
        "--organisation",
        "Công đoàn cơ sở",
        "-o",
        "ke-hoach.toml",
    )
    assert made.returncode == 0
    assert "đã ghi ke-hoach.toml" in made.stderr + made.stdout
    checked = clerk(tmp_path, "plan", "check", "ke-hoach.toml")
    assert checked.returncode == 0

    drafted = clerk(
        tmp_path, "plan", "draft", "ke-hoach.toml", "--place", "Hà Nội", "-o", "ke-hoach.docx"
    )
    assert drafted.returncode == 0
    document = (tmp_path / "ke-hoach.docx").read_bytes()
    assert zipfile.is_zipfile(io.BytesIO(document))
    printed = render(tmp_path, document)  # LibreOffice headless, as the draft's render tests
    assert printed.sizes
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in printed.sizes)
    assert "KẾHOẠCH" in printed.squeezed
    assert "ĐạihộiXIVcủaĐảng" in printed.squeezed  # the year's event, greeted by its phase

    listed = clerk(
        tmp_path, "schedule", "2026", "--plan", "ke-hoach.toml", "--format", "csv", "-o", "lich.csv"
    )
    assert listed.returncode == 0
    data = (tmp_path / "lich.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    titles = [row["title"] for row in rows]
    assert "Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)" in titles
    assert any(t.startswith("Đại hội XIV của Đảng") for t in titles)

    # the same schedule as an Excel workbook: opens on a double click, its dates real dates
    workbook = clerk(
        tmp_path,
        "schedule",
        "2026",
        "--plan",
        "ke-hoach.toml",
        "--format",
        "xlsx",
        "-o",
        "lich.xlsx",
    )
    assert workbook.returncode == 0
    assert f"đã ghi lich.xlsx ({len(rows)} dòng)" in workbook.stderr
    sheet = openpyxl.load_workbook(tmp_path / "lich.xlsx").active
    assert sheet.title == "Lịch 2026"
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0] == list(rows[0])
    tet = next(row for row in sheet.iter_rows(min_row=2) if row[5].value == "tet_nguyen_dan")
    assert tet[2].value == dt.datetime(2026, 2, 17)
    assert tet[2].number_format == "dd/mm/yyyy"
    assert "Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)" in [r[4] for r in cells]

    if find_chromium() is None:
        pytest.fail("the PDF poster needs headless Chromium (make test installs it)")
    poster = clerk(tmp_path, "poster", "2026", "--plan", "ke-hoach.toml", "-o", "lich.pdf")
    assert poster.returncode == 0
    assert (tmp_path / "lich.pdf").read_bytes().startswith(b"%PDF-")
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "lich.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:.*\(A4\)", info, re.M), info
