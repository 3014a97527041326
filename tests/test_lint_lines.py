"""The lines of a document, made when asked for (lint._text.Lines), and the scans that choose them.

The checker looks only at the lines a scan of the whole text chooses (a digit, a letter of
the words a test reads); these tests hold the choice to the per-line tests it replaces, so
that choosing never loses a line.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.lint._extract import _KEY_LETTERS
from thidua_calendar.lint._text import TAIL, SourceLine, _opens, split_lines


def _eager(text: str) -> list[SourceLine]:
    """Every line made one by one, as split_lines did before its lines were made lazily."""
    raws = re.split("\r\n|[\r\n\u2028\u2029]", text)
    texts = [unicodedata.normalize("NFC", raw) for raw in raws]
    normal = unicodedata.is_normalized("NFC", text)
    lines = []
    for i, line in enumerate(texts):
        run = i + 1 < len(texts) and bool(line.strip()) and not _opens(texts[i + 1])
        full = f"{line} {texts[i + 1][:TAIL]}" if run else line
        made = SourceLine(i + 1, full, len(line))
        if normal:
            assert made.columns is None
        lines.append(made)
    return lines


_PIECES = st.sampled_from(
    [
        "a",
        " ",
        "\n",
        "\r\n",
        "\u2028",
        "5 năm",
        "Đợt 1",
        "- ",
        "1. ",
        "KẾ HOẠCH",
        "Tết",
        "TẾT",
        "xuân",
        "Đại hội",
        "khóa",
        "\u212a",  # KELVIN SIGN: casefolds to k
        "từ",
        "chủ đề",
        "Chủ  Đề",
        "e\u0302\u0301",  # ế decomposed
        "x" * TAIL,
        "7",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_lines_are_the_lines_made_one_by_one(text: str) -> None:
    lines = split_lines(text)
    eager = _eager(text)
    assert len(lines) == len(eager)
    assert [(x.number, x.text, x.own, x.own_text, x.digits) for x in lines] == [
        (x.number, x.text, x.own, x.own_text, x.digits) for x in eager
    ]
    assert lines[1:3] == list(lines)[1:3]
    assert lines[-1] is lines[len(lines) - 1]  # made once


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_scans_choose_the_lines_the_per_line_tests_choose(text: str) -> None:
    lines = split_lines(text)
    assert lines.dated == [x for x in lines if x.digits]
    assert lines.having(r"chủ[ \t]+đề", re.IGNORECASE) == [
        x for x in lines if re.search(r"chủ[ \t]+đề", x.own_text, re.IGNORECASE)
    ]
    words = ("tết", "xuân", "đại h", "quốc hội", "khóa", "khoá", "từ", "đợt", "giai đoạn")
    chosen = lines.having(_KEY_LETTERS, tail=True)
    assert chosen == [x for x in lines if re.search(_KEY_LETTERS, x.text)]
    assert {x.number for x in lines if any(w in x.text.casefold() for w in words)} <= {
        x.number for x in chosen
    }


def test_key_letters_are_every_character_that_casefolds_to_one() -> None:
    """The extractor's words are found in casefolded text: no letter may be missed."""
    letters = re.compile(_KEY_LETTERS)
    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if any(k in chr(code).casefold() for k in "ếxđqkừ") and not letters.fullmatch(chr(code))
    ]
    assert missed == []
    assert letters.fullmatch("\u212a")  # KELVIN SIGN
