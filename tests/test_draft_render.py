"""The plan document as LibreOffice prints it: A4 pages, every date and anniversary, in margins.

These tests need LibreOffice Writer (headless), poppler's ``pdfinfo`` and ``pdftotext``, and a
font with the metrics of Times New Roman (Times New Roman itself, or Liberation Serif): on
Debian ``apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation`` (``make
test`` does this when run as root), or set ``THIDUA_SOFFICE`` to a LibreOffice binary. Without
them they fail, saying so; they are never skipped (as the poster's Chromium tests).

The document is converted with ``soffice --headless --convert-to pdf`` in a profile of its
own; ``pdfinfo`` gives each page's size, ``pdftotext -bbox`` every word with its box, so
"nothing outside the margins" is measured on what would be printed.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

from thidua_calendar import draft_docx, load_plan
from thidua_calendar._data import example_plans
from thidua_calendar._wording import date_vi
from thidua_calendar._wording.milestones import milestone_label
from thidua_calendar.draft import MARGINS_MM, PAGE_MM

SAMPLE = load_plan(example_plans()["sample-2026.toml"])
PT_PER_MM = 72 / 25.4

INSTALL_HINT = (
    "LibreOffice Writer, poppler-utils and a Times New Roman-compatible font are needed to "
    "test how the plan document prints, and {missing} was not found: install them (Debian/"
    "Ubuntu, as root: `apt-get install libreoffice-writer-nogui poppler-utils "
    "fonts-liberation`; `make test` does this when run as root), or set THIDUA_SOFFICE to a "
    "LibreOffice binary"
)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(INSTALL_HINT.format(missing=name))
    return found


def soffice() -> str:
    explicit = os.environ.get("THIDUA_SOFFICE")
    if explicit:
        return explicit
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(INSTALL_HINT.format(missing="soffice"))


def times_compatible() -> None:
    """Fail unless Times New Roman resolves to itself or to its metric twin."""
    match = subprocess.run(
        [tool("fc-match"), "Times New Roman"], capture_output=True, text=True, check=True
    ).stdout
    if "Times New Roman" not in match and "Liberation Serif" not in match:
        pytest.fail(INSTALL_HINT.format(missing=f"a Times New Roman font (fc-match: {match})"))


@attrs.frozen
class Word:
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


@attrs.frozen
class Printed:
    sizes: list[tuple[float, float]]
    words: list[Word]
    layout: str

    @property
    def squeezed(self) -> str:
        """The text without any white space (justification spreads letters apart)."""
        return re.sub(r"\s+", "", self.layout)


def render(tmp_path: Path, data: bytes) -> Printed:
    times_compatible()
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = tmp_path / "ke-hoach.pdf"
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    info = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", "1000", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    ]
    boxes = subprocess.run(
        [tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for number, page in enumerate(boxes.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            words.append(Word(number, x0, y0, x1, y1, html.unescape(m[5])))
    layout = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Printed(sizes, words, layout)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    plan = attrs.evolve(SAMPLE, number="5/KH-CĐCS", issued=SAMPLE.start.replace(month=1, day=5))
    return render(tmp_path_factory.mktemp("draft"), draft_docx(plan, place="Hà Nội"))


def test_three_a4_pages(printed: Printed) -> None:
    assert len(printed.sizes) == 3  # with the metrics of Times New Roman
    for width, height in printed.sizes:
        assert abs(width - 595.28) < 1  # 210 mm
        assert abs(height - 841.89) < 1  # 297 mm


def test_the_header_prints_as_the_decree_has_it(printed: Printed) -> None:
    lines = [" ".join(line.split()) for line in printed.layout.splitlines()]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines)  # on one line
    assert any("Độc lập - Tự do - Hạnh phúc" in line for line in lines)
    assert any("Số: 05/KH-CĐCS" in line for line in lines)
    assert "HàNội,ngày05tháng01năm2026" in printed.squeezed


def test_every_date_anniversary_and_deadline_is_printed(printed: Printed) -> None:
    text = printed.squeezed
    wanted = ["KẾHOẠCH", "I.MỤCĐÍCH,YÊUCẦU", "II.NỘIDUNG", "III.THỜIGIAN", "Nơinhận:"]
    wanted.append("IV.TỔCHỨCTHỰCHIỆN")
    for phase in SAMPLE.phases:
        wanted.append(SAMPLE.window(phase))
        wanted += [milestone_label(m, "vi") for m in SAMPLE.milestones_in(phase)]
        wanted.append(f"“{phase.theme}”")
    wanted += [f"{d.title('vi')}: hạn {date_vi(d.date)}" for d in SAMPLE.deadlines()]
    wanted += ["ĐạihộiXIVcủaĐảng(19/01/2026-23/01/2026)", "BầucửđạibiểuQuốchộikhóaXVI"]
    missing = [w for w in wanted if re.sub(r"\s+", "", w) not in text]
    assert not missing


def test_no_text_outside_the_margins(printed: Printed) -> None:
    left = MARGINS_MM["left"] * PT_PER_MM
    right = (PAGE_MM[0] - MARGINS_MM["right"]) * PT_PER_MM
    bottom = (PAGE_MM[1] - MARGINS_MM["bottom"]) * PT_PER_MM
    header = 10 * PT_PER_MM  # the page numbers sit 10 mm from the top
    assert len(printed.words) > 300
    outside = [
        w
        for w in printed.words
        if w.x_min < left - 1 or w.x_max > right + 1 or w.y_min < header - 1 or w.y_max > bottom + 1
    ]
    assert not outside


def test_page_numbers_from_the_second_page(printed: Printed) -> None:
    top = MARGINS_MM["top"] * PT_PER_MM
    numbers = {w.page: w.text for w in printed.words if w.y_max < top}
    assert numbers == {2: "2", 3: "3"}
