"""Subset DejaVu Sans (regular and bold) into the poster's embedded fonts, ``data/fonts/``.

The poster lays its text out with the advance widths of DejaVu Sans
(``thidua_calendar.poster._measure``); embedding that very font (as ``@font-face`` data in the
SVG) makes it draw with the metrics it was measured with on every machine, whatever fonts are
installed. The subset keeps the characters of Vietnamese and English text: Basic Latin,
Latin-1, Latin Extended-A, ơ/ư (Latin Extended-B), the combining marks of Vietnamese, Latin
Extended Additional (ạ … ỹ) and the general punctuation (– — ‘ ’ “ ” … ·), with their
hinting dropped and their kerning kept; text outside it falls back to the installed fonts.

Run ``python tools/gen_poster_font.py --write`` (needs fontTools, in the dev extra, and the
DejaVu fonts: Debian ``fonts-dejavu-core``); the licence of DejaVu (the Bitstream Vera licence,
changes in the public domain) ships beside the subsets as ``data/fonts/LICENSE-DejaVu.txt``.
The subsets are not renamed: the licence asks only that modified fonts not be called
"Bitstream" or "Vera".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset

SOURCES = {
    "DejaVuSans-poster.woff": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "DejaVuSans-Bold-poster.woff": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
RANGES = [
    (0x20, 0x7E),  # Basic Latin
    (0xA0, 0xFF),  # Latin-1 Supplement
    (0x100, 0x17F),  # Latin Extended-A (Đ đ)
    (0x1A0, 0x1A1),  # Ơ ơ
    (0x1AF, 0x1B0),  # Ư ư
    (0x300, 0x303),  # combining grave, acute, circumflex, tilde
    (0x306, 0x306),  # combining breve
    (0x309, 0x309),  # combining hook above
    (0x323, 0x323),  # combining dot below
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: the Vietnamese letters
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, angle quotes
    (0x20AB, 0x20AB),  # ₫
    (0x2116, 0x2116),  # №
    (0x2212, 0x2212),  # minus
]
OUT = Path(__file__).resolve().parent.parent / "data" / "fonts"


def build(source: Path) -> bytes:
    """The WOFF subset of one font."""
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for a, b in RANGES for c in range(a, b + 1)])
    subsetter.subset(font)
    font.flavorData = None
    path = OUT / "tmp.woff"
    subset.save_font(font, str(path), options)
    data = path.read_bytes()
    path.unlink()
    return data


def main(argv: list[str] | None = None) -> int:
    """Write (``--write``) or check (``--check``) the subsets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write data/fonts/")
    args = parser.parse_args(argv)
    for name, source in SOURCES.items():
        data = build(source)
        if args.write:
            (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
