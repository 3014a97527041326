"""The poster in a real browser: headless Chromium prints it on one page, draws it, and no text
is clipped or overlaps another.

These tests need Chromium: on Debian ``apt-get install chromium`` (``make test`` installs it
when run as root), or set ``THIDUA_CHROMIUM`` to a Chrome or Chromium binary. Without one they
fail, saying so; they are never skipped.

How "one page, no overflow" is checked, from the strongest evidence down:

- printing the HTML with ``--print-to-pdf`` must give exactly one page, of the paper's
  landscape size: this is what a user gets from the browser's Print dialog, and a poster that
  spilled over by a millimetre would make a second page;
- in the page, every ``<text>`` box (measured by the browser with the real fonts) must lie
  inside the drawing and overlap no other ``<text>``, and the page must not scroll: a script
  added to a copy of the page reports these, and ``--dump-dom`` returns its report;
- a screenshot must not be blank: a small PNG decoder (zlib only) counts its pixels.
"""

from __future__ import annotations

import html
import json
import re
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from thidua_calendar import Plan, load_plan, parse_plan, schedule
from thidua_calendar._data import example_plans
from thidua_calendar.plans import starter_plan
from thidua_calendar.poster import PHASE_COLOURS, poster_schedule, render_poster, text_width
from thidua_calendar.poster._draw import EMBEDDED_FONT
from thidua_calendar.poster._pdf import HEADLESS, ChromiumNotFoundError, find_chromium

PLANS = example_plans()  # the shipped example plans, by file name
PLAN_2020 = PLANS["2020-cdvc-viet-nam.toml"]
PLAN_2022 = PLANS["2022-cdvc-viet-nam.toml"]
SAMPLE_2026 = PLANS["sample-2026.toml"]

INSTALL_HINT = (
    "headless Chromium is needed to test how the poster renders and prints, and none was "
    "found: install it (Debian/Ubuntu, as root: `apt-get install chromium`; `make test` does "
    "this when run as root), or set THIDUA_CHROMIUM to a Chrome or Chromium binary"
)


def crowded_plan() -> str:
    """Twelve monthly phases, each overlapping the next (eleven errors), long names."""
    lines = [
        "[plan]",
        'title = "Kế hoạch thi đua theo tháng năm 2024 (thử nghiệm nhiều đợt thi đua chồng nhau)"',
        'organisation = "Liên đoàn Lao động tỉnh Quảng Ngãi – Ban Tuyên giáo và Ban Chính sách"',
        "year = 2024",
    ]
    for month in range(1, 13):
        end = f"2024-{month + 1:02d}-05" if month < 12 else "2024-12-31"
        lines += [
            "[[phase]]",
            f'label = "Đợt {month}"',
            f'start = "2024-{month:02d}-01"',
            f'end = "{end}"',
            'theme = "Thi đua lập thành tích chào mừng các ngày lễ lớn và sự kiện quan trọng '
            f'của đất nước trong tháng {month}"',
        ]
    return "\n".join(lines)


def forced(year: int, plan: Plan, lang: str = "vi") -> str:
    """The HTML poster of a plan drawn with its errors (``--force``): a warning banner."""
    problems = [d for d in plan.check() if d.severity == "error"]
    return render_poster(schedule(year, plan), lang=lang, fmt="html", problems=problems)


POSTERS: dict[str, Callable[[], str]] = {
    "2020-plan-A4": lambda: render_poster(schedule(2020, PLAN_2020), fmt="html"),
    # Every commemoration of the catalogue (the densest poster), and Ất in the title: stacked
    # diacritics rise above the font's ascent.
    "2025-all-commemorations": lambda: render_poster(schedule(2025), fmt="html"),
    "2022-forced-en": lambda: forced(2022, load_plan(PLAN_2022), lang="en"),
    "2026-sample-A3": lambda: render_poster(schedule(2026, SAMPLE_2026), paper="A3", fmt="html"),
    "2024-crowded-forced": lambda: forced(2024, parse_plan(crowded_plan())),
    # A school year, September 2025 to August 2026, of the school-year starter plan.
    "2025-school-year": lambda: render_poster(
        poster_schedule(2025, starter_plan(2025, "school-year")), fmt="html"
    ),
}
# Page sizes in PostScript points (1/72 inch), landscape.
PAGE_POINTS = {"A4": (841.89, 595.28), "A3": (1190.55, 841.89)}


def chromium() -> str:
    """The Chromium binary (found as ``poster -o FILE.pdf`` finds it), or a failed test that
    says what to install."""
    try:
        found = find_chromium()
    except ChromiumNotFoundError:
        found = None
    if found is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    return found


def run_chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium (its own profile, nothing from the network); its stdout."""
    command = [
        chromium(),
        *HEADLESS,
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stderr[-3000:]}"
    return result.stdout


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.as_uri()


# --- printing ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", POSTERS)
def test_prints_on_exactly_one_landscape_page(tmp_path: Path, name: str) -> None:
    url = write(tmp_path, "poster.html", POSTERS[name]())
    pdf = tmp_path / "poster.pdf"
    run_chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    data = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", data)
    assert len(pages) == 1, f"{name} prints on {len(pages)} pages"
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(boxes) == 1
    width, height = (float(v) for v in boxes[0])
    expected = PAGE_POINTS["A3" if name.endswith("A3") else "A4"]
    assert width == pytest.approx(expected[0], abs=2)  # landscape, the paper asked for
    assert height == pytest.approx(expected[1], abs=2)


# --- layout measured by the browser --------------------------------------------------------

CHECK_SCRIPT = """
<script>
document.fonts.ready.then(function () {
  var svg = document.querySelector("svg.poster");
  var ctm = svg.getScreenCTM();
  var vb = svg.viewBox.baseVal;
  function box(el) {
    var r = el.getBoundingClientRect();
    return {x0: (r.left - ctm.e) / ctm.a, y0: (r.top - ctm.f) / ctm.d,
            x1: (r.right - ctm.e) / ctm.a, y1: (r.bottom - ctm.f) / ctm.d,
            text: el.textContent.slice(0, 60)};
  }
  var boxes = Array.prototype.map.call(svg.querySelectorAll("text"), box);
  var tol = 0.5;
  var outside = boxes.filter(function (b) {
    return b.x0 < vb.x - tol || b.y0 < vb.y - tol ||
           b.x1 > vb.x + vb.width + tol || b.y1 > vb.y + vb.height + tol;
  }).map(function (b) { return [b.text, b.x0, b.y0, b.x1, b.y1]; });
  boxes.sort(function (a, b) { return a.x0 - b.x0; });
  var overlaps = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length && boxes[j].x0 < boxes[i].x1 - tol; j++) {
      var a = boxes[i], b = boxes[j];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tol &&
          Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tol) {
        overlaps.push([a.text, b.text]);
      }
    }
  }
  var root = document.documentElement;
  // The width the browser gives each one-line text, with its size and weight: the test
  // compares it with the layout's own measure (the font drawn is the font measured).
  var widths = Array.prototype.filter.call(svg.querySelectorAll("text"), function (el) {
    return el.querySelector("tspan") === null && el.textContent.length >= 4;
  }).map(function (el) {
    var style = getComputedStyle(el);
    return [el.textContent, el.getComputedTextLength(), parseFloat(style.fontSize),
            parseInt(style.fontWeight, 10) >= 600];
  });
  var report = {texts: boxes.length, outside: outside, overlaps: overlaps, widths: widths,
                embedded: document.fonts.check("20px '" + EMBEDDED + "'"),
                scroll: [root.scrollWidth, root.scrollHeight, innerWidth, innerHeight]};
  var pre = document.createElement("pre");
  pre.id = "poster-check";
  pre.style.display = "none";
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
});
</script>
""".replace("EMBEDDED", json.dumps(EMBEDDED_FONT))


@pytest.mark.parametrize("name", POSTERS)
def test_no_text_is_clipped_or_overlapping(tmp_path: Path, name: str) -> None:
    page = POSTERS[name]().replace("</body>", CHECK_SCRIPT + "</body>")
    url = write(tmp_path, "check.html", page)
    # The virtual time budget lets the page finish loading its fonts before the DOM is dumped.
    dom = run_chromium(
        tmp_path, "--window-size=1600,1105", "--virtual-time-budget=10000", "--dump-dom", url
    )
    found = re.search(r'<pre id="poster-check"[^>]*>(.*?)</pre>', dom, re.S)
    assert found, f"the check script did not run:\n{dom[-2000:]}"
    report = json.loads(html.unescape(found.group(1)))
    assert report["texts"] > 400
    assert report["outside"] == [], "text outside the drawing"
    assert report["overlaps"] == [], "texts drawn over each other"
    assert report["embedded"], "the embedded font is not loaded"
    widths = report["widths"]
    assert len(widths) > 30
    for text, drawn, size, bold in widths:
        measured = text_width(text, size, bold=bold)  # what the layout planned with
        assert drawn == pytest.approx(measured, rel=0.02, abs=0.5), (text, size, bold)
    scroll_width, scroll_height, width, height = report["scroll"]
    assert scroll_width <= width, "the page scrolls sideways"
    assert scroll_height <= height, "the page scrolls down"


# --- pixels --------------------------------------------------------------------------------


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0), (depth, interlace)
    assert colour in (2, 6), colour  # RGB or RGBA
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        previous = line
        rgb = line if channels == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3)
        rows.append(bytes(rgb))
    return width, height, rows


def test_screenshot_shows_the_poster(tmp_path: Path) -> None:
    url = write(tmp_path, "poster.html", POSTERS["2020-plan-A4"]())
    png = tmp_path / "poster.png"
    run_chromium(tmp_path, "--window-size=1600,1105", f"--screenshot={png}", url)
    width, height, rows = decode_png(png.read_bytes())
    assert (width, height) == (1600, 1105)

    def colour(hex_colour: str) -> tuple[int, int, int]:
        return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))

    targets = {
        "tet-red": colour("#C8102E"),
        "phase-1": colour(PHASE_COLOURS[0]),
        "phase-2": colour(PHASE_COLOURS[1]),
    }
    counts = dict.fromkeys([*targets, "non-white", "ink"], 0)
    for row in rows:
        for i in range(0, len(row), 3):
            r, g, b = row[i], row[i + 1], row[i + 2]
            if r < 245 or g < 245 or b < 245:
                counts["non-white"] += 1
            if r < 80 and g < 80 and b < 80:
                counts["ink"] += 1
            for name, (tr, tg, tb) in targets.items():
                if abs(r - tr) < 16 and abs(g - tg) < 16 and abs(b - tb) < 16:
                    counts[name] += 1
    total = width * height
    assert 0.15 < counts["non-white"] / total < 0.9, counts  # drawn, not a blank page
    assert counts["ink"] / total > 0.01, counts  # text
    assert counts["tet-red"] > 200, counts  # Tết and the ngày lễ lớn
    assert counts["phase-1"] > 1000, counts  # the bands of both phases
    assert counts["phase-2"] > 1000, counts


# --- the same poster whatever fonts are installed ------------------------------------------

# The families a machine may have: Liberation Sans has the metrics of Arial (a clerk's
# Windows machine), DejaVu Sans is the font the layout measures, Noto Sans most Linux desktops.
FAMILIES = ["Liberation Sans", "DejaVu Sans", "Noto Sans"]


def only_family(tmp_path: Path, family: str) -> Path:
    """A fontconfig configuration under which the only installed fonts are one family's."""
    listed = subprocess.run(
        ["fc-list", f":family={family}", "file"], capture_output=True, text=True, check=True
    ).stdout
    files = sorted({line.split(":")[0].strip() for line in listed.splitlines() if line.strip()})
    assert files, (
        f"{family} is not installed (Debian: fonts-noto-core, fonts-liberation, fonts-dejavu-core)"
    )
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for file in files:
        (fonts / Path(file).name).symlink_to(file)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '<include ignore_missing="yes">/etc/fonts/conf.d</include>\n'
        f"<dir>{fonts}</dir>\n<cachedir>{tmp_path / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize("family", FAMILIES)
def test_the_embedded_font_is_drawn_whatever_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, family: str
) -> None:
    monkeypatch.setenv("FONTCONFIG_FILE", str(only_family(tmp_path, family)))
    page = POSTERS["2025-all-commemorations"]().replace("</body>", CHECK_SCRIPT + "</body>")
    url = write(tmp_path, "check.html", page)
    dom = run_chromium(
        tmp_path, "--window-size=1600,1105", "--virtual-time-budget=10000", "--dump-dom", url
    )
    found = re.search(r'<pre id="poster-check"[^>]*>(.*?)</pre>', dom, re.S)
    assert found, f"the check script did not run:\n{dom[-2000:]}"
    report = json.loads(html.unescape(found.group(1)))
    assert report["embedded"]
    assert report["outside"] == []
    assert report["overlaps"] == []
    for text, drawn, size, bold in report["widths"]:
        assert drawn == pytest.approx(text_width(text, size, bold=bold), rel=0.02, abs=0.5), text
    pdf = tmp_path / "poster.pdf"
    run_chromium(
        tmp_path,
        "--no-pdf-header-footer",
        "--virtual-time-budget=10000",
        f"--print-to-pdf={pdf}",
        write(tmp_path, "poster.html", POSTERS["2025-all-commemorations"]()),
    )
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "DejaVuSans" in fonts, fonts
    assert family != "Liberation Sans" or "Liberation" not in fonts, fonts
