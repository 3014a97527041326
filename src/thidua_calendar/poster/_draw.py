"""Drawing the poster: the SVG (written by hand, with real ``<text>``) and the HTML page.

Every position comes from :mod:`._layout`; this module only writes elements, colours and
styles, and escapes text for XML.
"""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Sequence
from typing import Final

from .._data import read_bytes
from ._layout import (
    MARGIN_MM,
    PAD,
    VIEW_H,
    VIEW_W,
    WIDTH,
    Banner,
    Cell,
    CellSizes,
    Content,
    Key,
    Label,
    Layout,
    Mark,
    Month,
    Paragraph,
    Sizes,
    badge_font,
    size_mm,
)

EMBEDDED_FONT: Final = "DejaVu Sans (thidua-calendar)"
"""The family name of the embedded subset of DejaVu Sans, the font the layout measures."""
FONT_FAMILY: Final = f"'{EMBEDDED_FONT}', 'DejaVu Sans', sans-serif"
"""The embedded font first; the installed DejaVu Sans only for a character outside it."""
_FONT_FILES: Final = (("normal", "DejaVuSans-poster.woff"), ("bold", "DejaVuSans-Bold-poster.woff"))

# Okabe–Ito colours (safe for the common colour-vision deficiencies), without the vermillion,
# which is close to the red of the ngày lễ lớn.
PHASE_COLOURS: Final = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442")
_RED: Final = "#C8102E"
_INK: Final = "#1A1A1A"
_GREY: Final = "#5A5A5A"
_DAY_OFF: Final = "#E4E4E4"  # a public-sector day off of a holiday break

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    """Escape text for XML (and drop characters XML 1.0 cannot hold).

    >>> esc('A & B <C> "D"')
    'A &amp; B &lt;C&gt; "D"'
    """
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _n(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` of the colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def _on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lum = sum(
        w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True)
    )
    return "#000000" if lum > 0.2 else "#FFFFFF"


def _colour(phase: int) -> str:
    return PHASE_COLOURS[phase % len(PHASE_COLOURS)]


def _text(
    x: float,
    y: float,
    content: str,
    cls: str,
    *,
    anchor: str | None = None,
    size: float | None = None,
    fill: str | None = None,
) -> str:
    extra = f' text-anchor="{anchor}"' if anchor else ""
    # Inline style, since the class rules would win over presentation attributes.
    style = [f"font-size:{_n(size)}px"] if size is not None else []
    style += [f"fill:{fill}"] if fill is not None else []
    if style:
        extra += f' style="{";".join(style)}"'
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}"{extra}>{esc(content)}</text>'


def _label(label: Label) -> str:
    return _text(label.x, label.y, label.text, label.cls, anchor=label.anchor)


def _lines_text(
    x: float, y: float, lines: Sequence[str], line_height: float, cls: str, grey: int = 0
) -> str:
    """One ``<text>`` of several lines (a ``<tspan>`` each): a wrapped text stays one string.

    The last ``grey`` characters (a date span, a phase window) are drawn in grey.
    """
    split = sum(map(len, lines)) - grey
    parts = []
    offset = 0
    for i, line in enumerate(lines):
        cut = min(max(split - offset, 0), len(line))
        offset += len(line)
        inner = esc(line[:cut])
        if cut < len(line):
            inner += f'<tspan class="dim">{esc(line[cut:])}</tspan>'
        position = "" if i == 0 else f' x="{_n(x)}" dy="{_n(line_height)}"'
        parts.append(f"<tspan{position}>{inner}</tspan>")
    return f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}">{"".join(parts)}</text>'


def _paragraph(p: Paragraph) -> str:
    return _lines_text(p.x, p.y, p.lines, p.line_height, p.cls, grey=p.grey)


def svg(content: Content, layout: Layout, paper: str) -> str:
    """The ``<svg>`` element of a poster (no XML declaration), ending with a newline."""
    width, height = size_mm(paper)
    out: list[str] = []
    for part in layout.header:
        out.append(_label(part) if isinstance(part, Label) else _paragraph(part))
    if layout.banner is not None:
        out += _banner(layout.banner)
    for month in layout.months:
        out += _month(month, layout)
    out += _legend(layout)
    out += _list(layout)
    lang = content.lang
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="poster" '
        f'width="{_n(width)}mm" height="{_n(height)}mm" viewBox="0 0 {VIEW_W} {VIEW_H}" '
        f'font-family="{FONT_FAMILY}" xml:lang="{lang}" lang="{lang}">\n'
        "<!-- generator: thidua-calendar -->\n"  # marks it as ours: see _files.written_here
        f"<title>{esc(content.title)}</title>\n"
        f"<style>{font_faces()}{_style(layout.sizes, layout.cell)}</style>\n"
        f'<rect x="0" y="0" width="{VIEW_W}" height="{VIEW_H}" fill="#FFFFFF"/>\n'
        f'<g transform="translate({PAD} {PAD})">\n'
    )
    return head + "\n".join(out) + "\n</g>\n</svg>\n"


def svg_document(content: Content, layout: Layout, paper: str) -> str:
    """A standalone SVG document (UTF-8, with an XML declaration)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg(content, layout, paper)


def html_document(content: Content, layout: Layout, paper: str) -> str:
    """An HTML page embedding the SVG inline, with print CSS for one landscape page."""
    width, height = size_mm(paper)
    # One millimetre to spare below, so that rounding never spills onto a second page.
    return f"""<!DOCTYPE html>
<html lang="{content.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(content.title)}</title>
<style>
@page {{ size: {paper} landscape; margin: {MARGIN_MM}mm }}
html, body {{ margin: 0; padding: 0; background: #fff; }}
svg.poster {{ display: block; width: 96vw; height: 96vh; margin: 2vh 2vw; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
@media print {{
  svg.poster {{ width: {_n(width)}mm; height: {_n(height - 1)}mm; margin: 0; }}
}}
</style>
</head>
<body>
{svg(content, layout, paper)}</body>
</html>
"""


@functools.cache
def font_faces() -> str:
    """The ``@font-face`` rules of the embedded font (data URLs of ``data/fonts/``).

    The subsets of DejaVu Sans (regular and bold; italic is slanted from the regular, with
    the same advance widths) carry every Vietnamese letter; their licence is
    ``data/fonts/LICENSE-DejaVu.txt``.
    """
    rules = []
    for weight, name in _FONT_FILES:
        data = base64.b64encode(read_bytes("fonts", name)).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{EMBEDDED_FONT}';font-weight:{weight};"
            f"font-style:normal;src:url(data:font/woff;base64,{data}) format('woff')}}"
        )
    return "".join(rules)


def _style(sizes: Sizes, cell: CellSizes) -> str:
    rules = {
        "text": f"fill:{_INK}",
        ".h1": "font-size:58px;font-weight:bold",
        ".org": "font-size:30px;font-weight:bold",
        ".sub": f"font-size:26px;fill:{_GREY}",
        ".info": "font-size:26px",
        ".warn": f"font-size:24px;fill:{_RED}",
        ".warnh": f"font-size:26px;font-weight:bold;fill:{_RED}",
        ".mt": "font-size:28px;font-weight:bold",
        ".chip": "font-size:18px;font-weight:bold",
        ".wd": f"font-size:18px;fill:{_GREY}",
        ".we": f"font-size:18px;font-weight:bold;fill:{_RED}",
        ".sol": f"font-size:{_n(cell.solar)}px",
        ".solh": f"font-size:{_n(cell.solar)}px;font-weight:bold;fill:{_RED}",
        ".solt": f"font-size:{_n(cell.solar)}px;font-weight:bold;fill:#FFFFFF",
        ".lun": f"font-size:{_n(cell.lunar)}px;fill:{_GREY}",
        ".lun1": f"font-size:{_n(cell.lunar)}px;font-weight:bold",
        ".lunt": f"font-size:{_n(cell.lunar)}px;font-weight:bold;fill:#FFE08A",
        ".bn": f"font-size:{_n(cell.badge_font)}px;font-weight:bold",
        ".bnw": f"font-size:{_n(cell.badge_font)}px;font-weight:bold;fill:#FFFFFF",
        ".lg": "font-size:22px",
        ".key": "font-size:20px",
        ".keyb": "font-size:20px;font-weight:bold",
        ".li": f"font-size:{_n(sizes.font)}px",
        ".lib": f"font-size:{_n(sizes.font)}px;font-weight:bold",
        ".lih": f"font-size:{_n(sizes.font)}px;fill:{_RED}",
        ".lihb": f"font-size:{_n(sizes.font)}px;font-weight:bold;fill:{_RED}",
        ".lid": f"font-size:{_n(sizes.font)}px;font-style:italic",
        ".dim": f"fill:{_GREY};font-weight:normal",
    }
    return "".join(f"{k}{{{v}}}" for k, v in rules.items())


def _banner(banner: Banner) -> list[str]:
    out = [
        f'<rect x="2" y="{_n(banner.y)}" width="{WIDTH - 4}" '
        f'height="{_n(banner.height)}" rx="8" fill="#FFF1F1" stroke="{_RED}" stroke-width="4"/>',
        _label(banner.heading),
    ]
    out += [_paragraph(message) for message in banner.messages]
    return out


def _month(month: Month, layout: Layout) -> list[str]:
    out = [_label(month.name)]
    y0 = month.y
    for chip in month.chips:
        colour = _colour(chip.phase)
        out.append(
            f'<rect x="{_n(chip.x)}" y="{_n(y0 + 10)}" width="{_n(chip.width)}" height="26" '
            f'rx="5" fill="{colour}"/>'
        )
        middle = chip.x + chip.width / 2
        out.append(_text(middle, y0 + 29, chip.label, "chip", anchor="middle", fill=_on(colour)))
    out += [_label(head) for head in month.heads]
    for cell in month.cells:
        out += _cell(cell, layout.sizes.cell, layout.sizes.row, layout.cell)
    return out


def _cell(cell: Cell, w: float, h: float, m: CellSizes) -> list[str]:
    x, y = cell.x, cell.y
    fill = _tint(_colour(cell.phases[0]), 0.2) if cell.phases else "#FFFFFF"
    if cell.day_off:
        fill = _DAY_OFF
    if cell.tet:
        fill = _RED
    out = [
        f'<g id="d{cell.date.isoformat()}">'
        f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(w - 2)}" height="{_n(h - 2)}" '
        f'rx="3" fill="{fill}" stroke="#D0D0D0" stroke-width="1"/>'
    ]
    if cell.note is not None:
        out.append(f"<title>{esc(cell.note)}</title>")
    band = m.band
    if cell.phases:
        stripe = band / len(cell.phases)
        for i, phase in enumerate(cell.phases):
            out.append(
                f'<rect x="{_n(x + 1)}" y="{_n(y + h - 1 - band + i * stripe)}" '
                f'width="{_n(w - 2)}" height="{_n(stripe)}" fill="{_colour(phase)}"/>'
            )
    if cell.make_up:
        out.append(
            f'<rect x="{_n(x + 2.5)}" y="{_n(y + 2.5)}" width="{_n(w - 5)}" '
            f'height="{_n(h - 5)}" rx="3" fill="none" stroke="{_INK}" stroke-width="2" '
            'stroke-dasharray="5 3"/>'
        )
    if cell.major:
        out.append(
            f'<rect x="{_n(x + 2.5)}" y="{_n(y + 2.5)}" width="{_n(w - 5)}" '
            f'height="{_n(h - 5)}" rx="3" fill="none" stroke="{_RED}" stroke-width="3"/>'
        )
    solar_cls = "solt" if cell.tet else "solh" if cell.major else "sol"
    out.append(_text(x + 5, y + m.solar + 1.5, str(cell.date.day), solar_cls))
    lunar_cls = "lunt" if cell.tet else "lun1" if cell.new_moon else "lun"
    out.append(_text(x + w - 5, y + h - band - 4, cell.lunar, lunar_cls, anchor="end"))
    if cell.number is not None and cell.mark is not None:
        r = m.badge_r
        out.append(_badge(x + w - r - 4, y + r + 3, r, cell.mark, cell.number, m.badge_font))
    out.append("</g>")
    return out


def _badge(cx: float, cy: float, r: float, mark: Mark, number: int | None, font: float) -> str:
    """The marker of a numbered day, with its number (in the default ``font`` if it fits)."""
    if mark == "tron":
        shape = f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{_INK}"/>'
    elif mark == "le5":
        shape = (
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r - 1.2)}" fill="#FFFFFF" '
            f'stroke="{_INK}" stroke-width="2.4"/>'
        )
    elif mark == "deadline":
        shape = (
            f'<rect x="{_n(cx - r)}" y="{_n(cy - r)}" width="{_n(2 * r)}" '
            f'height="{_n(2 * r)}" fill="#FFFFFF" stroke="{_GREY}" stroke-width="1.2" '
            f'stroke-dasharray="3 2"/>'
        )
    else:
        shape = (
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r - 0.6)}" fill="#FFFFFF" '
            f'stroke="#8A8A8A" stroke-width="1.2"/>'
        )
    if number is None:
        return shape
    fitted = badge_font(number, r, font)
    cls = "bnw" if mark == "tron" else "bn"
    size = None if fitted == font else fitted
    return shape + _text(cx, cy + 0.36 * fitted, str(number), cls, anchor="middle", size=size)


def _legend(layout: Layout) -> list[str]:
    out = []
    for row in layout.legend:
        colour, y = _colour(row.phase), row.y
        out.append(
            f'<rect x="0" y="{_n(y + 2)}" width="52" height="26" rx="3" '
            f'fill="{_tint(colour, 0.2)}" stroke="#D0D0D0" stroke-width="1"/>'
            f'<rect x="0" y="{_n(y + 22)}" width="52" height="6" fill="{colour}"/>'
        )
        out.append(_paragraph(row.text))
    for key in layout.keys:
        out += _key(key)
    return out


def _key(key: Key) -> list[str]:
    x, y, symbol = key.x, key.y, key.symbol
    out = []
    base = y + 22
    if symbol == "tet":
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y + 4)}" width="24" height="22" rx="3" fill="{_RED}"/>'
        )
    elif symbol == "holiday":
        out.append(
            f'<rect x="{_n(x + 1.5)}" y="{_n(y + 5.5)}" width="21" height="19" rx="3" '
            f'fill="#FFFFFF" stroke="{_RED}" stroke-width="3"/>'
        )
    elif symbol in ("tron", "le5", "other", "deadline"):
        out.append(_badge(x + 12, y + 15, 10, symbol, None, 12.0))
    if symbol == "focus":
        out.append(_text(x, base, key.label, "keyb"))
    else:
        lead = 0 if symbol in ("lunar", "leap") else 34
        out.append(_text(x + lead, base, key.label, "key"))
    return out


def _list(layout: Layout) -> list[str]:
    part = layout.list
    f = part.font
    out = []
    for row in part.rows:
        e, x, y = row.item.entry, row.x, row.y
        if row.first:
            number = row.item.number
            out.append(_badge(x + 0.7 * f, y - 0.35 * f, 0.68 * f, row.mark, number, part.badge))
            out.append(_text(x + part.date_x, y, row.date, "li"))
        if e.major_day:  # a ngày lễ lớn: red
            cls = "lihb" if e.focus else "lih"
        elif e.kind == "deadline":
            cls = "lid"
        else:
            cls = "lib" if e.focus else "li"
        out.append(_lines_text(x + part.title_x, y, row.lines, part.line_height, cls, row.grey))
    if part.more is not None:
        out.append(_label(part.more))
    return out
