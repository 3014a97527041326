"""``poster … -o FILE.pdf``: the poster printed by headless Chromium, checked with poppler.

Like tests/test_poster_render.py these need Chromium (``apt-get install chromium`` or
``THIDUA_CHROMIUM``), and poppler's ``pdfinfo`` and ``pdftotext`` (``make test``'s
libreoffice target installs poppler-utils); without them they fail, saying so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from test_poster_render import PAGE_POINTS, SAMPLE_2026, chromium
from thidua_calendar.poster import Poster, PosterError, poster_format
from thidua_calendar.poster._pdf import find_chromium


def poppler(tool: str, *args: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(
            f"{tool} (poppler-utils) is needed to read the PDF poster: apt-get install "
            "poppler-utils (make test does this when run as root)",
            pytrace=False,
        )
    return subprocess.run(
        [found, *args], capture_output=True, text=True, check=True, timeout=60
    ).stdout


@pytest.fixture
def with_chromium(monkeypatch: pytest.MonkeyPatch) -> str:
    program = chromium()
    monkeypatch.setenv("THIDUA_CHROMIUM", program)
    return program


@pytest.mark.usefixtures("with_chromium")
@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_cli_writes_a_one_page_pdf_of_the_paper(cli: Cli, tmp_path: Path, paper: str) -> None:
    out = tmp_path / f"lich-{paper}.pdf"
    argv = ["poster", "2026", "--plan", str(SAMPLE_2026), "--paper", paper, "-o", str(out)]
    code, stdout, stderr = cli(*argv)
    assert (code, stdout) == (0, ""), stderr
    assert str(out) in stderr
    assert out.read_bytes().startswith(b"%PDF-")
    info = poppler("pdfinfo", str(out))
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size, info
    width, height = (float(v) for v in size.groups())
    assert width == pytest.approx(PAGE_POINTS[paper][0], abs=2)  # landscape
    assert height == pytest.approx(PAGE_POINTS[paper][1], abs=2)
    text = " ".join(poppler("pdftotext", "-layout", str(out), "-").split())
    plan = tc.load_plan(SAMPLE_2026)
    for words in [
        "Lịch thi đua năm 2026 – Năm Bính Ngọ",
        "Tết Nguyên đán: Thứ Ba, 17/02/2026",
        "Tháng 1",
        "Tháng 12",
        plan.organisation,
    ]:
        assert words
        assert " ".join(words.split()) in text, words
    fonts = poppler("pdffonts", str(out))
    assert "DejaVuSans" in fonts, fonts  # the embedded font, the one the layout measures
    assert "DejaVuSans-Bold" in fonts, fonts
    assert "Liberation" not in fonts, fonts
    assert "Noto" not in fonts, fonts
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


@pytest.mark.usefixtures("with_chromium")
def test_the_pdf_is_the_html_poster_printed() -> None:
    poster = Poster(tc.schedule(2025), lang="en")
    pdf = poster.pdf()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def test_pdf_is_a_format_of_the_file_name() -> None:
    assert poster_format("lich-2026.PDF") == "pdf"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PATH": ""}, "không tìm thấy Chromium để in poster ra PDF"),
        (
            {"PATH": "", "THIDUA_CHROMIUM": "/no/such/chromium"},
            "THIDUA_CHROMIUM chỉ tới '/no/such/chromium', không phải một chương trình chạy được",
        ),
    ],
)
def test_without_chromium_the_error_says_what_to_install(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(PosterError, match=re.escape(message)):
        Poster(tc.schedule(2026)).pdf(environ)
    with pytest.raises(PosterError, match=r"no Chromium found|THIDUA_CHROMIUM names"):
        Poster(tc.schedule(2026), lang="en").pdf(environ)


def test_cli_without_chromium_exits_2_with_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("THIDUA_CHROMIUM", raising=False)
    out = tmp_path / "lich.pdf"
    code, stdout, stderr = cli("poster", "2026", "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1, stderr
    assert "không tìm thấy Chromium để in poster ra PDF" in stderr
    assert "apt-get install chromium" in stderr
    assert not out.exists()


def test_chromium_is_found_on_path_and_by_the_variable(tmp_path: Path) -> None:
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    program.chmod(0o755)
    assert find_chromium({"PATH": str(tmp_path)}) == str(program)
    assert find_chromium({"PATH": "", "THIDUA_CHROMIUM": str(program)}) == str(program)


def test_a_chromium_that_fails_is_an_error(tmp_path: Path) -> None:
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n", encoding="utf-8")
    program.chmod(0o755)
    with pytest.raises(PosterError, match="Chromium không in được poster ra PDF: cannot open"):
        Poster(tc.schedule(2026)).pdf({"PATH": str(tmp_path)})
