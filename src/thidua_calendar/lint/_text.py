"""Source text: NFC-normalised lines that remember the columns of the original text.

Plan documents come from word processors, e-mail and web pages; some carry decomposed
Vietnamese letters (``e`` + U+0302 + U+0301 instead of ``ế``). Matching runs on the NFC form,
while findings point at columns of the text as the user has it.

Examples:
    >>> first, second = split_lines("Ca" + chr(0x301) + "c ngày" + chr(10) + "thành lập")
    >>> first.text, first.where(2), first.where(4), first.where(9)  # "c" was column 4
    ('Các ngày thành lập', (1, 4), (1, 6), (2, 1))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Final, NamedTuple

import attrs


@attrs.frozen
class SourceLine:
    """One line of a document in NFC, followed by the start of the line it runs on into.

    A statement that starts on a line may wrap onto the next ("… Ngày thành lập" / "Công
    đoàn Việt Nam (28/7/1929 - 28/7/2022)"), so when the next line continues the same
    paragraph, ``text`` is the line, a space and the first characters of that next line.
    Matches are taken only when they start in the line itself (``index < own``).

    Attributes:
        number: The 1-based line number.
        text: The line (NFC, without its line break), maybe with its continuation.
        own: The length of the line itself in ``text``.
        columns: For each character of the line, its 0-based column in the original line;
            ``None`` when the line was already in NFC (the columns are the same).
        tail_columns: The same for the continuation.
    """

    number: int
    text: str
    own: int
    columns: tuple[int, ...] | None = attrs.field(default=None, repr=False)
    tail_columns: tuple[int, ...] | None = attrs.field(default=None, repr=False)
    own_text: str = attrs.field(init=False, repr=False, eq=False)
    """The line itself, without its continuation."""
    digits: bool = attrs.field(init=False, repr=False, eq=False)
    """Whether the line itself has a digit (no date, number or year otherwise)."""

    def __attrs_post_init__(self) -> None:
        own_text = self.text if self.own == len(self.text) else self.text[: self.own]
        object.__setattr__(self, "own_text", own_text)
        object.__setattr__(self, "digits", _DIGIT.search(own_text) is not None)

    def where(self, index: int) -> tuple[int, int]:
        """The (line, 1-based column) in the original text of the character at ``index``."""
        index = max(index, 0)
        if index < self.own or len(self.text) == self.own:
            return self.number, _column(self.columns, index)
        if index == self.own:  # the space that joins the two lines: the end of the line
            return self.number, _column(self.columns, index)
        return self.number + 1, _column(self.tail_columns, index - self.own - 1)


_DIGIT: Final = re.compile(r"\d")


def _column(columns: tuple[int, ...] | None, index: int) -> int:
    if columns is None:
        return index + 1
    if index < len(columns):
        return columns[index] + 1
    last = columns[-1] + 1 if columns else 0
    return last + index - len(columns) + 1


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


TAIL: Final = 200
"""How much of a continuation line a line carries."""

_NEW_ITEM: Final = re.compile(
    r"^[\s*_#>]*(?:[-+•–—]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,4}[.)]\s|[a-zđ][.)]\s"
    r"|(?:đợt|giai\s+đoạn)\s|kế\s+hoạch\s*$|nơi\s+nhận|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy)\b)",
    re.IGNORECASE,
)


_LINE_BREAK: Final = re.compile("\r\n|[\r\n\u2028\u2029]")
"""Where a line ends: LF, CR LF, a lone CR (old Mac files), U+2028 LINE SEPARATOR and U+2029
PARAGRAPH SEPARATOR (pasted from web pages and word processors)."""


def split_lines(text: str) -> list[SourceLine]:
    """The lines of a text, split at LF, CR LF, CR, U+2028 and U+2029 (see ``_LINE_BREAK``).

    Linear, and lean per line: a document of many short lines is mostly this loop.
    """
    raws = _LINE_BREAK.split(text)
    columns: list[tuple[int, ...] | None]
    # A line break never composes with its neighbours, so a text in NFC has every line in
    # NFC (no columns to remember); else each line is normalised on its own.
    if unicodedata.is_normalized("NFC", text):
        texts, columns = raws, [None] * len(raws)
    else:
        normal = [_normalise(raw) for raw in raws]
        texts, columns = [t for t, _ in normal], [c for _, c in normal]
    last = len(texts) - 1
    # A line runs on from the one before (the same paragraph, wrapped) when neither is
    # blank and it does not start a paragraph: an item, or a heading in capitals (more than
    # three letters). Worked out for all lines at once: a document of many short lines is
    # mostly this function.
    blank = [not line.strip() for line in texts]
    item = _NEW_ITEM.match
    opens = [
        b or item(line) is not None or (line.isupper() and sum(map(str.isalpha, line)) > 3)
        for line, b in zip(texts, blank, strict=True)
    ]
    has_digit, new, put = _DIGIT.search, _new, _set
    lines: list[SourceLine] = []
    add = lines.append
    for index, line in enumerate(texts):
        text, tail = line, None
        if index < last and not blank[index] and not opens[index + 1]:
            following, tail = texts[index + 1], columns[index + 1]
            text, tail = f"{line} {following[:TAIL]}", tail[:TAIL] if tail else None
        # SourceLine(index + 1, text, len(line), columns[index], tail), without the frozen
        # class's __init__ and __attrs_post_init__ calls (own_text and digits set here).
        made = new(SourceLine)
        put(made, "number", index + 1)
        put(made, "text", text)
        put(made, "own", len(line))
        put(made, "columns", columns[index])
        put(made, "tail_columns", tail)
        put(made, "own_text", line)
        put(made, "digits", has_digit(line) is not None)
        add(made)
    return lines


_new: Final = object.__new__
_set: Final = object.__setattr__


_MARKS: Final = re.compile(r"[\u0300-\u036f]")


def clean_theme(text: str) -> str:
    r"""A quoted theme as a plan keeps it: one space between words, no trailing punctuation.

    Examples:
        >>> clean_theme("  Mừng Đảng quang vinh -\n Mừng Xuân;")
        'Mừng Đảng quang vinh - Mừng Xuân'
    """
    return " ".join(text.split()).strip(" .;,")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for matching names: ``Đảng`` → ``dang``.

    Examples:
        >>> fold("Quốc khánh nước CHXHCN Việt Nam")
        'quoc khanh nuoc chxhcn viet nam'
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return _MARKS.sub("", decomposed).replace("đ", "d")


class Token(NamedTuple):
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
    "lhpn": "lien hiep phu nu",
    "hlhpn": "hoi lien hiep phu nu",
    "lhtn": "lien hiep thanh nien",
    "qdndvn": "quan doi nhan dan viet nam",
    "qptd": "quoc phong toan dan",
    "ccb": "cuu chien binh",
    "gtvt": "giao thong van tai",
    "mttq": "mat tran to quoc",
    "mttqvn": "mat tran to quoc viet nam",
}


@lru_cache(maxsize=16384)
def _folded(word: str) -> tuple[str, ...]:
    folded = fold(word)
    return tuple(EXPANSIONS.get(folded, folded).split())


def first_word(text: str, start: int, end: int) -> str | None:
    """The first token of the word that starts at ``start`` (before ``end``), if one does.

    Examples:
        >>> first_word("92 năm CHXHCN", 7, 13), first_word("92 năm", 2, 6)
        ('cong', None)
    """
    match = _WORD.match(text, start, end) if start < end else None
    parts = _folded(match.group()) if match else ()
    return parts[0] if parts else None


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The folded words of ``text[start:end]``, abbreviations expanded (CHXHCN, CSVN …)."""
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        expanded = _folded(match.group())
        last = len(expanded) - 1
        for i, part in enumerate(expanded):
            yield Token(part, match.start(), match.end(), i == last)


def tokens(text: str, start: int = 0, end: int | None = None, limit: int = 0) -> list[Token]:
    """The folded words of ``text[start:end]`` as a list (at most ``limit``, if not 0).

    The same as ``list(iter_tokens(text, start, end))`` (cut to ``limit``), without a
    generator: congress and name look-ups ask for many short lists.
    """
    found: list[Token] = []
    add, make, folded = found.append, _make_token, _folded
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        begin, stop = match.span()
        expanded = folded(match.group())
        if len(expanded) == 1:
            add(make(Token, (expanded[0], begin, stop, True)))
        else:
            last = len(expanded) - 1
            for i, part in enumerate(expanded):
                add(make(Token, (part, begin, stop, i == last)))
        if limit and len(found) >= limit:
            return found[:limit]
    return found


_make_token: Final = tuple.__new__
