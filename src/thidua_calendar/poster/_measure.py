"""Measuring text for the poster: advance widths, line widths, wrapping and fitting.

The poster is laid out before any font is known, so widths are estimated from the advance
widths of DejaVu Sans, the widest font of the stack the poster asks for: a text measured here
is never wider when printed. Every function is linear in the length of its text.

Examples:
    >>> round(text_width("Tháng 12", 10), 1)
    47.2
    >>> ellipsis("Kế hoạch thi đua năm 2026", 10, 60)
    'Kế hoạch…'
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from typing import Final

# Advance widths (thousandths of an em) of DejaVu Sans, the widest font of the stack, for the
# printable ASCII characters 32–126; Vietnamese letters take their base letter's width.
_REGULAR: Final = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838,
)  # fmt: skip
_BOLD: Final = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
    830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
    774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
    582, 712, 365, 712, 838,
)  # fmt: skip
_OTHER: Final = {
    "“": (518, 657),
    "”": (518, 657),
    "‘": (318, 380),
    "’": (318, 380),
    "–": (500, 500),
    "—": (1000, 1000),
    "…": (1000, 1000),
    "·": (318, 380),
    "Ơ": (913, 874),
    "Ư": (858, 835),
    "Đ": (770, 830),
    "đ": (635, 716),
}

ELLIPSIS: Final = "…"
_DASHES: Final = ("-", "–", "—")


@functools.cache
def char_width(char: str, bold: bool = False) -> int:
    """The advance width of one character, in thousandths of an em.

    >>> char_width("ố"), char_width("o"), char_width("o", bold=True)
    (612, 612, 687)
    """
    special = _OTHER.get(char)
    if special is not None:
        return special[bold]
    base = unicodedata.normalize("NFD", char)[:1] or char
    code = ord(base)
    if 32 <= code <= 126:
        return (_BOLD if bold else _REGULAR)[code - 32]
    return 1000


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The estimated width of a line of text (DejaVu Sans metrics, the widest of the stack).

    >>> round(text_width("Tháng 12", 10), 1)
    47.2
    """
    return sum(char_width(c, bold) for c in text) * size / 1000


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Break text into lines no wider than ``width``; every line but the last keeps its space.

    Joining the lines gives the text back, so a wrapped title stays one searchable string.

    >>> wrap("Kỷ niệm 45 năm Ngày Giải phóng (30/04/1975 - 30/04/2020)", 10, 200)
    ['Kỷ niệm 45 năm Ngày Giải phóng ', '(30/04/1975 - 30/04/2020)']
    """
    words: list[str] = []
    for word in re.findall(r"\S+\s*", text) or [""]:
        # Keep "1975 - 2020" and "Đảng quang vinh - Mừng" together around their dash.
        if words and (word.strip() in _DASHES or words[-1].split()[-1] in _DASHES):
            words[-1] += word
        else:
            words.append(word)
    lines: list[str] = []
    line, used = "", 0.0  # the line so far and its width, trailing space included
    for word in words:
        stripped = word.rstrip()
        word_width = text_width(stripped, size, bold=bold)
        if line and used + word_width > width:
            lines.append(line)
            line, used = "", 0.0
        if not line and word_width > width:  # longer than a line: break the word itself
            for char in stripped:
                char_width_ = text_width(char, size, bold=bold)
                if line and used + char_width_ > width:
                    lines.append(line)
                    line, used = "", 0.0
                line += char
                used += char_width_
            line += word[len(stripped) :]
            used += text_width(word[len(stripped) :], size, bold=bold)
            continue
        line += word
        used += text_width(word, size, bold=bold)
    lines.append(line)
    return lines


def ellipsis(text: str, size: float, width: float) -> str:
    """The longest start of ``text`` that fits in ``width`` followed by "…" (regular weight).

    Trailing spaces of the kept start are dropped; the mark is added even when the whole text
    would fit (the caller cuts a text that is known to be too long), and stands alone when not
    even one character fits. The widths of the starts are prefix sums of the character widths
    and the cut is found by bisection, so a text of any length is measured once.

    >>> ellipsis("Kế hoạch thi đua năm 2026", 10, 60)
    'Kế hoạch…'
    >>> ellipsis("abc", 10, 5)
    '…'
    """
    mark = char_width(ELLIPSIS)
    starts = list(itertools.accumulate((char_width(c) for c in text), initial=0))
    # starts[k] is the width of text[:k] in thousandths of an em, never decreasing with k, so
    # "text[:k] + '…' is too wide" is false, then true: find the first k where it is true.
    too_wide = bisect.bisect_left(
        range(len(starts)), True, key=lambda k: (starts[k] + mark) * size / 1000 > width
    )
    return text[: max(too_wide - 1, 0)].rstrip() + ELLIPSIS


__all__ = ["ELLIPSIS", "char_width", "ellipsis", "text_width", "wrap"]
