"""Source text: NFC-normalised lines that remember the columns of the original text.

Plan documents come from word processors, e-mail and web pages; some carry decomposed
Vietnamese letters (``e`` + U+0302 + U+0301 instead of ``ế``). Matching runs on the NFC form,
while findings point at columns of the text as the user has it.

>>> line = split_lines("Ca\\u0301c ngày")[0]
>>> line.text, line.column(2), line.column(4)
('Các ngày', 3, 5)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import attrs


@attrs.frozen
class SourceLine:
    """One line of a document, normalised to NFC.

    Attributes:
        number: The 1-based line number.
        text: The line in NFC (without its line break).
        columns: For each character of ``text``, its 0-based column in the original line;
            ``None`` when the line was already in NFC (the columns are the same).
    """

    number: int
    text: str
    columns: tuple[int, ...] | None = attrs.field(default=None, repr=False)

    def column(self, index: int) -> int:
        """The 1-based column, in the original line, of the character at ``index`` of ``text``."""
        if self.columns is None:
            return max(index, 0) + 1
        if not self.columns:
            return 1
        return self.columns[min(max(index, 0), len(self.columns) - 1)] + 1


def _normalise(raw: str) -> tuple[str, tuple[int, ...] | None]:
    if unicodedata.is_normalized("NFC", raw):
        return raw, None
    pieces: list[str] = []
    columns: list[int] = []
    start = 0
    for index in range(1, len(raw) + 1):
        if index == len(raw) or unicodedata.combining(raw[index]) == 0:
            cluster = unicodedata.normalize("NFC", raw[start:index])
            pieces.append(cluster)
            columns.extend([start] * len(cluster))
            start = index
    text = "".join(pieces)
    whole = unicodedata.normalize("NFC", raw)
    if text != whole:  # composition across clusters (Hangul and the like): approximate columns
        last = max(len(raw) - 1, 0)
        return whole, tuple(min(i, last) for i in range(len(whole)))
    return text, tuple(columns)


def split_lines(text: str) -> list[SourceLine]:
    """The lines of a text (split at ``\\n``; a ``\\r`` before it is dropped), in NFC."""
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        normal, columns = _normalise(raw)
        lines.append(SourceLine(number, normal, columns))
    return lines


_MARKS: Final = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for matching names: ``Đảng`` → ``dang``.

    >>> fold("Quốc khánh nước CHXHCN Việt Nam")
    'quoc khanh nuoc chxhcn viet nam'
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return _MARKS.sub("", decomposed).replace("đ", "d")


@attrs.frozen
class Token:
    """A word of a line, folded, with where it is (indices into the NFC line).

    Attributes:
        text: The folded word (an abbreviation expands to several tokens sharing a span).
        start: Index of its first character.
        end: Index after its last character.
        last: Whether it ends the original word (the last token of an expansion).
    """

    text: str
    start: int
    end: int
    last: bool = True


_WORD: Final = re.compile(r"\w+")

EXPANSIONS: Final = {
    "chxhcn": "cong hoa xa hoi chu nghia",
    "csvn": "cong san viet nam",
    "vn": "viet nam",
    "hcm": "ho chi minh",
    "cdvc": "cong doan vien chuc",
    "cdvcvn": "cong doan vien chuc viet nam",
    "cdvn": "cong doan viet nam",
    "tncs": "thanh nien cong san",
    "tntp": "thieu nien tien phong",
    "qdnd": "quan doi nhan dan",
    "cand": "cong an nhan dan",
    "atvsld": "an toan ve sinh lao dong",
    "cnvcld": "cong nhan vien chuc lao dong",
    "tld": "tong lien doan",
    "ldld": "lien doan lao dong",
}


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The folded words of ``text[start:end]``, abbreviations expanded (CHXHCN, CSVN …)."""
    found: list[Token] = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = fold(match.group())
        expanded = EXPANSIONS.get(word, word).split()
        for i, part in enumerate(expanded):
            found.append(Token(part, match.start(), match.end(), i == len(expanded) - 1))
    return found
