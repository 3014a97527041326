"""The lines of a document, made when asked for (lint._text.Lines), and the scans that choose them.

The checker looks only at the lines a scan of the whole text chooses (a digit, a letter of
the words a test reads); these tests hold the choice to the per-line tests it replaces, so
that choosing never loses a line.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.lint._anniversaries import statements
from thidua_calendar.lint._extract import _KEY_LETTERS
from thidua_calendar.lint._names import names
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
        "\u2029",
        "\r",
        "\u0085",  # NEXT LINE: no line break for the checker (nor for str.split("\n"))
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
    # The lines with a digit, made first by the scan that finds them (told they have one).
    fresh = split_lines(text)
    assert [(x.number, x.text, x.own, x.own_text, x.digits) for x in fresh.dated] == [
        (x.number, x.text, x.own, x.own_text, x.digits) for x in eager if x.digits
    ]


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_scans_choose_the_lines_the_per_line_tests_choose(text: str) -> None:
    lines = split_lines(text)
    assert lines.dated == [x for x in lines if x.digits]
    assert lines.having(r"chủ[ \t]+đề", re.IGNORECASE) == [
        x for x in lines if re.search(r"chủ[ \t]+đề", x.own_text, re.IGNORECASE)
    ]
    words = ("tết", "xuân", "đại h", "quốc hội", "khóa", "khoá", "từ", "đợt", "giai đoạn")
    # What the extractor reads: the lines with a digit, and those with a letter (on a fresh
    # document, so that the lines are made by the scan: with their digit flag as it finds it).
    fresh = split_lines(text)
    both = [(x.number, x.text, x.digits) for x in fresh.dated_or_having(_KEY_LETTERS)]
    assert both == [
        (x.number, x.text, x.digits) for x in lines if x.digits or re.search(_KEY_LETTERS, x.text)
    ]
    # The lines chosen for a letter (not a digit): those whose text holds one.
    chosen = [x for x in fresh.dated_or_having(_KEY_LETTERS) if not x.digits]
    assert chosen == [x for x in lines if not x.digits and re.search(_KEY_LETTERS, x.text)]
    chosen = fresh.dated_or_having(_KEY_LETTERS)
    assert {x.number for x in lines if any(w in x.text.casefold() for w in words)} <= {
        x.number for x in chosen
    }


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("a\nxuân", [1, 2]),  # a line without a digit runs on into one with a letter
        ("a\n7 xuân", [1, 2]),  # … into a line with a digit
        ("a\n7 " + "b" * TAIL + "x", [2]),  # the letter is past the start it carries
        ("a\n" + "b" * TAIL + "x", [2]),
        ("a\n\nxuân", [3]),  # a blank line: no running on
        ("a\n- xuân", [2]),  # an item starts a paragraph
        ("7\nb", [1]),
        ("b\nc", []),
    ],
)
def test_the_lines_read_are_those_with_a_digit_or_a_letter(text: str, numbers: list[int]) -> None:
    lines = split_lines(text)
    assert [x.number for x in lines.dated_or_having(_KEY_LETTERS)] == numbers
    assert numbers == [x.number for x in lines if x.digits or re.search(_KEY_LETTERS, x.text)]


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


@given(
    st.lists(
        _PIECES | st.sampled_from(["NĂM ", "năm 2020", "Ngày 5", "tháng", "rằm 15"]), max_size=40
    ).map("".join)
)
def test_the_scans_of_words_choose_the_lines_the_per_line_tests_choose(text: str) -> None:
    lines = split_lines(text)
    for words in (("năm",), ("tết", "giỗ", "rằm", "vu lan"), ("kh", "nhiệm"), ()):
        every = [x for x in lines if any(w in x.own_text.casefold() for w in words)]
        assert lines.containing(words) == every
        assert lines.containing(words, dated=True) == [x for x in every if x.digits]
    pattern = re.compile(r"(?<!\w)năm[ \t]+(\d{4})(?!\d)", re.IGNORECASE)
    assert lines.having(pattern, dated=True) == [
        x for x in lines if x.digits and pattern.search(x.own_text)
    ]


def test_the_letters_of_the_words_scanned_for_casefold_to_themselves() -> None:
    """A line a pattern of words (re.IGNORECASE) matches holds its words casefolded.

    Some extractors and checks choose their lines by a word of their pattern, found in the
    document casefolded (Lines.containing): "năm" (a statement's unit, the body's years,
    the scopes), "ngày" (a statement's unit, blank dates), "tháng" (long dates), "chủ" (the
    theme heading). So every character such a pattern matches for a letter of those words
    must casefold to that letter (not so for "i": İ and ı match it; the words with an "i",
    "niệm", "giỗ", "nhiệm", were casefolded tests already), and only a line feed may
    casefold to one (the lines casefolded are the document casefolded, split).
    """
    letters = sorted(set("nămngàythángchủ"))
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1))
    odd = [
        (letter, hex(ord(c)))
        for letter in letters
        for c in re.findall(re.escape(letter), everything, re.IGNORECASE)
        if c.casefold() != letter
    ]
    assert odd == []
    assert [hex(ord(c)) for c in re.findall("i", everything, re.IGNORECASE)] == [
        "0x49",
        "0x69",
        "0x130",
        "0x131",
    ]
    assert [hex(ord(c)) for c in everything if "\n" in c.casefold()] == ["0xa"]


@given(
    st.lists(
        _PIECES
        | st.sampled_from(["NĂM ", " ngày ", "Kỷ niệm 40 ", "giỗ lần thứ 9 ", "(1/1/2000)"]),
        max_size=30,
    ).map("".join)
)
def test_statements_are_only_on_the_lines_with_their_words(text: str) -> None:
    """The extractor reads statements only on lines with "năm", "ngày", "niệm" or "giỗ"."""
    index = names()
    for line in split_lines(text):
        low = line.text.casefold()
        if not any(w in low for w in ("năm", "ngày", "niệm", "giỗ")):
            assert statements(line, index) == []


@given(
    st.lists(
        st.sampled_from(
            ["ngày", "NGÀY", "aNgày", "1", "12", " ", "/", ".", "…", "_", "tháng", "năm", "2020"]
        ),
        max_size=14,
    ).map("".join)
)
def test_date_patterns_that_start_with_their_word_match_as_with_the_test_first(text: str) -> None:
    """``ngày(?<!\\wngày)`` is ``(?<!\\w)ngày``, found by the engine's fast search for a word."""
    from thidua_calendar.lint._meta import _BLANK_NUMERIC, _LONG_ANY

    for pattern in (_LONG_ANY, _BLANK_NUMERIC):
        before = re.compile(
            pattern.pattern.replace(r"ngày(?<!\wngày)", r"(?<!\w)ngày"), pattern.flags
        )
        assert before.pattern != pattern.pattern
        found = [m.span() + m.groups() for m in pattern.finditer(text)]
        assert found == [m.span() + m.groups() for m in before.finditer(text)]
