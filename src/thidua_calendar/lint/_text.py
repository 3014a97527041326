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
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Final, NamedTuple, overload


class _LineFields(NamedTuple):
    number: int
    text: str
    own: int
    columns: tuple[int, ...] | None
    tail_columns: tuple[int, ...] | None
    own_text: str
    digits: bool


class SourceLine(_LineFields):
    """One line of a document in NFC, followed by the start of the line it runs on into.

    A statement that starts on a line may wrap onto the next ("… Ngày thành lập" / "Công
    đoàn Việt Nam (28/7/1929 - 28/7/2022)"), so when the next line continues the same
    paragraph, ``text`` is the line, a space and the first characters of that next line.
    Matches are taken only when they start in the line itself (``index < own``).

    A tuple underneath (:func:`split_lines` makes one per line of the document, and a
    document of many short lines is mostly that), immutable like the other records.

    Attributes:
        number: The 1-based line number.
        text: The line (NFC, without its line break), maybe with its continuation.
        own: The length of the line itself in ``text``.
        columns: For each character of the line, its 0-based column in the original line;
            ``None`` when the line was already in NFC (the columns are the same).
        tail_columns: The same for the continuation.
        own_text: The line itself, without its continuation.
        digits: Whether the line itself has a digit (no date, number or year otherwise).

    Examples:
        >>> line = SourceLine(3, "Đợt 1 từ 1/3", 5)
        >>> line, line.own_text, line.digits
        (SourceLine(number=3, text='Đợt 1 từ 1/3', own=5), 'Đợt 1', True)
    """

    __slots__ = ()

    def __new__(
        cls,
        number: int,
        text: str,
        own: int,
        columns: tuple[int, ...] | None = None,
        tail_columns: tuple[int, ...] | None = None,
    ) -> SourceLine:
        own_text = text if own == len(text) else text[:own]
        digits = _DIGIT.search(own_text) is not None
        return _make(cls, (number, text, own, columns, tail_columns, own_text, digits))

    def __repr__(self) -> str:
        return f"SourceLine(number={self.number!r}, text={self.text!r}, own={self.own!r})"

    def where(self, index: int) -> tuple[int, int]:
        """The (line, 1-based column) in the original text of the character at ``index``."""
        if self.columns is None and 0 <= index < self.own:  # a line in NFC: the common case
            return self.number, index + 1
        index = max(index, 0)
        if index < self.own or len(self.text) == self.own:
            return self.number, _column(self.columns, index)
        if index == self.own:  # the space that joins the two lines: the end of the line
            return self.number, _column(self.columns, index)
        return self.number + 1, _column(self.tail_columns, index - self.own - 1)


_make: Final = tuple.__new__
"""Makes a tuple of a given subclass from its items, without the subclass's ``__new__``."""

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


def split_lines(text: str) -> Lines:
    """The lines of a text, split at LF, CR LF, CR, U+2028 and U+2029 (see ``_LINE_BREAK``).

    Linear, and lean per line: the lines are made when asked for (:class:`Lines`).
    """
    # The engine's split tries its pattern at every character; a text of line feeds only
    # (the common case) is split by ``str.split``, which finds them all at once.
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        raws = _LINE_BREAK.split(text)
    else:
        raws = text.split("\n")
    # A line break never composes with its neighbours, so a text in NFC has every line in
    # NFC (no columns to remember); else each line is normalised on its own.
    if unicodedata.is_normalized("NFC", text):
        return Lines(raws, None)
    normal = [_normalise(raw) for raw in raws]
    return Lines([t for t, _ in normal], [c for _, c in normal])


def _opens(line: str) -> bool:
    """Whether a line starts a paragraph: blank, an item, or a heading in capitals."""
    return (
        not line.strip()
        or _NEW_ITEM.match(line) is not None
        or (line.isupper() and sum(map(str.isalpha, line)) > 3)
    )


class Lines(Sequence[SourceLine]):
    r"""The lines of a document (:class:`SourceLine`), each made when first asked for.

    A document of many short lines is mostly the making of its lines, and most lines hold
    nothing an extractor looks for; so the extractors and checks ask for the lines that can
    hold what they look for (:attr:`dated`, :meth:`having`), which are found by one scan of
    the whole text, and only those are made. A line is made once (kept for the document).

    A line runs on from the one before (the same paragraph, wrapped) when neither is blank
    and it does not start a paragraph: an item, or a heading in capitals (more than three
    letters).

    Examples:
        >>> lines = split_lines("Đợt 1: từ 1/3\nđến 30/4\n\nKẾ HOẠCH")
        >>> len(lines), lines[0].text, [line.number for line in lines.dated]
        (4, 'Đợt 1: từ 1/3 đến 30/4', [1, 2])
        >>> [line.number for line in lines.having(r"k", re.IGNORECASE)]
        [4]
    """

    __slots__ = (
        "_columns",
        "_dated",
        "_dated_at",
        "_dated_folded",
        "_dated_joined",
        "_folded",
        "_joined",
        "_made",
        "_texts",
    )

    def __init__(self, texts: list[str], columns: list[tuple[int, ...] | None] | None) -> None:
        """The lines of ``texts`` (NFC), with their ``columns`` (``None``: all in NFC)."""
        self._texts = texts
        self._columns = columns
        self._made: list[SourceLine | None] = [None] * len(texts)
        self._joined: str | None = None
        self._dated: list[SourceLine] | None = None
        self._folded: str | None = None
        self._dated_at: list[int] | None = None
        self._dated_joined: str | None = None
        self._dated_folded: str | None = None

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> SourceLine: ...

    @overload
    def __getitem__(self, index: slice) -> list[SourceLine]: ...

    def __getitem__(self, index: int | slice) -> SourceLine | list[SourceLine]:
        if isinstance(index, slice):
            return [self._line(i) for i in range(*index.indices(len(self._texts)))]
        if index < 0:
            index += len(self._texts)
        if not 0 <= index < len(self._texts):
            raise IndexError("line index out of range")
        return self._line(index)

    def __iter__(self) -> Iterator[SourceLine]:
        return map(self._line, range(len(self._texts)))

    def _line(self, index: int, digits: bool | None = None) -> SourceLine:
        """The line at ``index`` (0-based), made once; ``digits``: whether it has one, if known."""
        made = self._made[index]
        if made is not None:
            return made
        texts, columns = self._texts, self._columns
        line = texts[index]
        text, tail = line, None
        if index + 1 < len(texts) and line.strip() and not _opens(texts[index + 1]):  # runs on
            text = f"{line} {texts[index + 1][:TAIL]}"
            following = columns[index + 1] if columns else None
            tail = following[:TAIL] if following else None
        own = columns[index] if columns else None
        if digits is None:
            digits = _DIGIT.search(line) is not None
        # SourceLine(index + 1, text, len(line), own, tail), without its __new__.
        made = _make(SourceLine, (index + 1, text, len(line), own, tail, line, digits))
        self._made[index] = made
        return made

    def runs_on(self, index: int) -> bool:
        """Whether the line at ``index`` (0-based) runs on into the next one."""
        texts = self._texts
        return (
            index + 1 < len(texts) and bool(texts[index].strip()) and not _opens(texts[index + 1])
        )

    def has_text(self, index: int) -> bool:
        """Whether the line at ``index`` (0-based) is not blank."""
        return bool(self._texts[index].strip())

    @property
    def dated(self) -> list[SourceLine]:
        """The lines with a digit (:attr:`SourceLine.digits`): the only ones with a date."""
        if self._dated is None:
            self._dated = self._made_lines(self._dated_indices(), digits=True)
        return self._dated

    def having(
        self,
        pattern: str | re.Pattern[str],
        flags: int = 0,
        *,
        dated: bool = False,
    ) -> list[SourceLine]:
        """The lines whose own text ``pattern`` finds a match in, in order.

        Args:
            pattern: A regular expression that never matches a line break (nor the empty
                string), or its compiled form.
            flags: Its flags (for a pattern given as text).
            dated: Only the lines with a digit (:attr:`dated`): only their text is read.

        See :meth:`dated_or_having` for the lines whose continuation has a letter.
        """
        if isinstance(pattern, re.Pattern):
            source, flags = pattern.pattern, pattern.flags
        else:
            source = pattern
        # Each match runs on to the end of its line: one match a line, the next one found
        # on a later line without leaving the regular expression engine.
        rest = re.compile(f"(?:{source})[^\n]*", flags)
        if not dated:
            return self._made_lines(self._scan(self._text(), rest))
        at = self._dated_indices()
        return self._made_lines([at[i] for i in self._scan(self._dated_text(), rest)])

    def containing(self, words: Sequence[str], *, dated: bool = False) -> list[SourceLine]:
        r"""The lines whose own text, casefolded, holds one of ``words`` (casefolded), in order.

        The same as ``any(w in line.own_text.casefold() for w in words)`` for each line,
        by a scan of the document casefolded for each word (the engine's fast search for a
        plain string; a character casefolds on its own, so the document casefolded is its
        lines casefolded, joined).

        Args:
            words: The words.
            dated: Only the lines with a digit (:attr:`dated`): only their text is read.

        Examples:
            >>> lines = split_lines("Tết\nrằm 15\nTẾT NGUYÊN ĐÁN")
            >>> [line.number for line in lines.containing(("tết", "rằm"))]
            [1, 2, 3]
            >>> [line.number for line in lines.containing(("tết", "rằm"), dated=True)]
            [2]
        """
        if dated:
            if self._dated_folded is None:
                self._dated_folded = self._dated_text().casefold()
            folded = self._dated_folded
        else:
            if self._folded is None:
                self._folded = self._text().casefold()
            folded = self._folded
        found: set[int] = set()
        for word in words:
            found.update(self._scan(folded, re.compile(f"{re.escape(word)}[^\n]*")))
        if not dated:
            return self._made_lines(sorted(found))
        at = self._dated_indices()
        return self._made_lines([at[i] for i in sorted(found)])

    def _text(self) -> str:
        """The document: its lines (NFC) joined by line feeds."""
        if self._joined is None:
            self._joined = "\n".join(self._texts)
        return self._joined

    def _dated_indices(self) -> list[int]:
        """The indices of the lines with a digit."""
        if self._dated_at is None:
            self._dated_at = self._scan(self._text(), _DIGIT_REST)
        return self._dated_at

    def _dated_text(self) -> str:
        """The lines with a digit, joined by line feeds."""
        if self._dated_joined is None:
            texts = self._texts
            self._dated_joined = "\n".join([texts[i] for i in self._dated_indices()])
        return self._dated_joined

    def _made_lines(self, indices: list[int], *, digits: bool | None = None) -> list[SourceLine]:
        """The lines at ``indices``; ``digits``: whether they all have a digit, if known."""
        made, line = self._made, self._line
        return [made[i] or line(i, digits) for i in indices]

    def _scan(
        self, joined: str, rest: re.Pattern[str], early: list[int] | None = None
    ) -> list[int]:
        """The lines of ``joined`` (lines joined by line feeds) ``rest`` finds a match in.

        Returns their indices; those whose (first) match starts in their first :data:`TAIL`
        characters are added to ``early`` when it is given (a line before may run on into
        them: see :meth:`dated_or_having`).
        """
        count, rfind = joined.count, joined.rfind
        found: list[int] = []
        number, at = 0, 0  # the line of index ``at`` in the joined text
        last = -1  # the line found last
        for match in rest.finditer(joined):
            start = match.start()
            number += count("\n", at, start)
            at = start
            if number == last:
                continue
            if early is not None and start - (rfind("\n", 0, start) + 1) < TAIL:
                early.append(number)
            found.append(number)
            last = number
        return found

    def dated_or_having(self, letters: str) -> list[SourceLine]:
        """The lines with a digit and those whose text holds one of ``letters``, in order.

        A line's text is the line and the start of the line it runs on into
        (:attr:`SourceLine.text`): a line without a letter is chosen when that start has one.
        Only the lines without a digit are scanned for the letters (a document of dated
        lines is not scanned twice); the start of a dated line is read only when the line
        before it has no digit (it may run on into it).

        Args:
            letters: A character class (one character matched, never a line break).
        """
        texts, made, line = self._texts, self._made, self._line
        dated = self._dated_indices()
        has_digit = bytearray(len(texts))
        for i in dated:
            has_digit[i] = 1
        undated = [i for i, digit in enumerate(has_digit) if not digit]
        early: list[int] = []  # (in the undated lines' numbering)
        rest = re.compile(f"{letters}[^\n]*")
        joined = "\n".join([texts[i] for i in undated])
        chosen = set(dated)
        chosen.update([undated[k] for k in self._scan(joined, rest, early)])
        # A line without a digit or a letter, whose continuation starts with a letter.
        starts = [undated[k] for k in early]
        letter = re.compile(letters).search
        starts += [i for i in dated if i and not has_digit[i - 1] and letter(texts[i], 0, TAIL)]
        chosen.update([i - 1 for i in starts if i and i - 1 not in chosen and self.runs_on(i - 1)])
        return [made[i] or line(i, has_digit[i] == 1) for i in sorted(chosen)]


_DIGIT_REST: Final = re.compile(r"\d[^\n]*")
"""A digit and the rest of its line (to find the lines with a digit)."""

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


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> TokenStream:
    """The folded words of ``text[start:end]``, abbreviations expanded (CHXHCN, CSVN …)."""
    return TokenStream(text, start, len(text) if end is None else end)


class TokenStream(Iterator[Token]):
    """The tokens of ``text[start:end]``, read a word at a time (see :func:`iter_tokens`).

    Not a generator: a name look-up (:meth:`._names.NameIndex.match`) reads the words it
    needs with :meth:`read`, each a search of the pattern (no scanner object, no frame to
    resume); iterating gives the same tokens one by one.
    """

    __slots__ = ("_end", "_pending", "_pos", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._pos = start
        self._end = end
        self._pending: list[Token] | None = None  # the rest of an expansion, last first

    def read(self, words: list[Token]) -> bool:
        """Appends the tokens of the next word to ``words`` (False when none is left)."""
        if self._pending:  # (only when iterated: a word's tokens are read together)
            words.append(self._pending.pop())
            return True
        expanded: tuple[str, ...] = ()
        while not expanded:  # (a word that folds to nothing has no token)
            found = _WORD.search(self._text, self._pos, self._end)
            if found is None:
                return False
            begin, stop = found.span()
            self._pos = stop
            expanded = _folded(found.group())
        if len(expanded) == 1:  # Token(…), without its __new__
            words.append(_make_token(Token, (expanded[0], begin, stop, True)))
            return True
        last = len(expanded) - 1
        words += [_make_token(Token, (p, begin, stop, i == last)) for i, p in enumerate(expanded)]
        return True

    def __next__(self) -> Token:
        pending = self._pending
        if not pending:
            pending = self._pending = []
            if not self.read(pending):
                raise StopIteration
            pending.reverse()
        return pending.pop()


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


_make_token: Final = _make
