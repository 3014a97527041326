"""Recognising names in plan text: commemorations, congress bodies, can-chi years.

Names are compared word by word on a folded form (no case, no diacritics, abbreviations such
as CHXHCN expanded), so "Quốc khánh nước CHXHCN Việt Nam", "Ngày Giải phóng hoàn toàn miền
Nam, thống nhất đất nước" and "Đại hôi IV Công đoàn Viên chức Việt Nam" are all found.

Examples:
    >>> from ._text import tokens
    >>> text = "Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2020)"
    >>> names().match(text, tokens(text), 0)
    ('quoc_khanh', 11)
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from typing import Final

from ..commemorations import Catalog, default_catalog
from ..lunar._canchi import BRANCHES, STEMS
from ._text import EXPANSIONS, Token, TokenStream, tokens

_STOP: Final = frozenset({"va", "cua", "nam", "tai", "voi", "cho", "trong", "nhan", "dip"})


class _Node:
    __slots__ = ("children", "key")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.key: str | None = None


class NameIndex:
    """A catalogue's names and aliases, folded, for longest-prefix and fuzzy look-up.

    Args:
        catalog: The catalogue (the shipped one, or one with an organisation's own days).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog: Final = catalog
        """The catalogue the names come from."""
        self._names: dict[tuple[str, ...], str] = {}
        for entry in catalog.values():
            for text in (entry.name_vi, *entry.aliases):
                words = tuple(t.text for t in tokens(text))
                if not words:
                    continue
                for form in _variants(words):
                    self._names.setdefault(form, entry.key)
                    if form[0] == "ngay" and len(form) >= 4:
                        self._names.setdefault(form[1:], entry.key)
        self._root = _Node()
        for words, key in self._names.items():
            node = self._root
            for word in words:
                node = node.children.setdefault(word, _Node())
            node.key = key
        self.first_words: Final = frozenset(self._root.children)
        """The folded words a catalogued name starts with (see :meth:`starts_name`)."""
        self.digit_leads: Final = frozenset(
            word[0] for word in (*self.first_words, *EXPANSIONS) if word[0] in "0123456789"
        )
        """The digits a name's first word may start with (as folded: an abbreviation too):
        "5 năm 5 năm …" looks no name up ("23 tháng 11", "40 năm …" do)."""
        self.longest = max(len(k) for k in self._names)
        """The most words a name has."""
        self._forms = sorted((" ".join(k), len(k), v) for k, v in self._names.items())
        # The names :meth:`fuzzy` compares, each with its words and how often each occurs.
        self._fuzzy: Final = [
            (form, size, key, parts, tuple(Counter(parts).items()), frozenset(parts))
            for form, size, key in self._forms
            if size >= 4
            for parts in (form.split(),)
        ]

    def starts_name(self, word: str) -> bool:
        """Whether a catalogued name starts with the folded word (see :meth:`match`)."""
        return word in self.first_words

    def match(
        self,
        text: str,
        words: list[Token],
        index: int,
        more: TokenStream | None = None,
    ) -> tuple[str, int] | None:
        """The longest catalogued name at ``words[index:]``: (key, number of tokens used).

        ``more`` supplies further tokens on demand (they are appended to ``words``), so a
        phrase that starts with no name costs one word. A name of one or two words ("Quốc
        khánh") must end the phrase: punctuation, a number, a joining word or nothing follows.
        """
        node = self._root
        best: tuple[str, int] | None = None
        at = index  # the token looked at: words[at], read from ``more`` when not there yet
        count = len(words)
        read = more.read if more is not None else None
        while True:
            if at >= count:
                if read is None or index > count:
                    if not _available(words, at, more):  # (a start past the end: rare)
                        break
                elif not read(words):
                    break
                count = len(words)
            word = words[at]
            child = node.children.get(word.text)
            if child is None:
                break
            node = child
            at += 1
            if node.key is not None and word.last:
                if at - index > 2:
                    best = (node.key, at - index)
                    continue
                if at >= count and not _available(words, at, more):
                    best = (node.key, at - index)
                    continue
                count = len(words)
                if _ends_phrase(text, words, at):
                    best = (node.key, at - index)
        return best

    def fuzzy(self, words: Sequence[Token], index: int) -> tuple[str, int] | None:
        """The closest catalogued name at ``words[index:]``: a misspelt or reworded name.

        Names of four words or more only, at least 80 % of the words in common and 88 % of
        the letters ("Ngày thành lập Trường …" is not "Ngày thành lập Đảng").
        """
        best: tuple[float, str, int] | None = None
        # The words of each length tried, and how often each occurs: the words two lists
        # have in common (as multisets) bound the ratio of their SequenceMatcher, so a name
        # that cannot reach 80 % is passed over without one (the same result, much sooner).
        windows: dict[int, tuple[list[str], Counter[str]]] = {}
        near = {t.text for t in words[index : index + self.longest + 1]}
        for form, size, key, parts, counts, distinct in self._fuzzy:
            # First, for all three lengths at once: the words in common are at most the
            # distinct ones shared with the longest window, plus the name's repeated words.
            shared = len(near & distinct) + size - len(distinct)
            if 2.0 * shared / (2 * size - 1) < 0.8:
                continue
            for used in (size - 1, size, size + 1):
                if index + used > len(words) or not words[index + used - 1].last:
                    continue
                window = windows.get(used)
                if window is None:
                    chosen = [t.text for t in words[index : index + used]]
                    window = windows[used] = (chosen, Counter(chosen))
                chosen, have = window
                common = sum(min(n, have[w]) for w, n in counts)
                if 2.0 * common / (used + size) < 0.8:
                    continue  # SequenceMatcher.ratio() <= this bound (its quick_ratio)
                by_word = difflib.SequenceMatcher(None, chosen, parts, autojunk=False)
                if by_word.ratio() < 0.8 or not _only_slips(by_word, chosen, parts):
                    continue
                matcher = difflib.SequenceMatcher(None, " ".join(chosen), form, autojunk=False)
                ratio = matcher.ratio()
                if ratio >= 0.88 and (best is None or ratio > best[0]):
                    best = (ratio, key, used)
        return (best[1], best[2]) if best else None


_PERSON: Final = ("chu", "tich", "ho", "chi", "minh")
_UNCLE: Final = ("bac", "ho")


def _variants(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A name and the way documents also write it: "Bác Hồ" for "Chủ tịch Hồ Chí Minh".

    Examples:
        >>> _variants(("ngay", "sinh", "chu", "tich", "ho", "chi", "minh"))[1]
        ('ngay', 'sinh', 'bac', 'ho')
    """
    size = len(_PERSON)
    for i in range(len(words) - size + 1):
        if words[i : i + size] == _PERSON:
            return words, words[:i] + _UNCLE + words[i + size :]
    return (words,)


_FILLER: Final = frozenset(
    {"ngay", "cua", "va", "viet", "nam", "le", "ky", "niem", "chu", "tich", "dong", "chi"}
)
"""Words a reworded name may drop or add ("Hội Liên hiệp Phụ nữ" for "… Việt Nam")."""


def _only_slips(matcher: difflib.SequenceMatcher[str], text: list[str], name: list[str]) -> bool:
    """Whether two word lists differ only by misspellings and filler words.

    A distinguishing word may not be dropped or replaced: "Ngày giải phóng huyện Khánh Sơn" is
    not "Ngày giải phóng Huế", "Hội LHPN Việt Nam" is not "Hội NCT Việt Nam".
    """
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for a, b in zip(text[i1:i2], name[j1:j2], strict=True):
                if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() < 0.75:
                    return False
            continue
        if not set(text[i1:i2]) | set(name[j1:j2]) <= _FILLER:
            return False
    return True


def _available(words: list[Token], index: int, more: TokenStream | None) -> bool:
    """Whether ``words[index]`` exists, reading tokens from ``more`` as needed."""
    while index >= len(words):
        if more is None or not more.read(words):
            return False
    return True


def _ends_phrase(text: str, words: Sequence[Token], index: int) -> bool:
    following = words[index]
    between = text[words[index - 1].end : following.start]
    return bool(between.strip()) or following.text.isdigit() or following.text in _STOP


_INDEXES: dict[int, tuple[Catalog, NameIndex]] = {}
_KEEP: Final = 8
"""How many catalogues' indexes are kept (the shipped one and a few users' catalogues)."""


def names(catalog: Catalog | None = None) -> NameIndex:
    """The name index of a catalogue (default: the shipped one), built once per catalogue.

    Catalogues are immutable, so the indexes of the last few catalogues indexed are kept,
    by identity (the cache holds the catalogue itself, so an identity is not reused while
    its index is kept).
    """
    cat = default_catalog() if catalog is None else catalog
    kept = _INDEXES.get(id(cat))
    if kept is not None and kept[0] is cat:
        return kept[1]
    index = NameIndex(cat)
    while len(_INDEXES) >= _KEEP:
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[id(cat)] = (cat, index)
    return index


# --- congress bodies ------------------------------------------------------------------------

_AFTER_NUMERAL: Final = (
    ("cua dang cong san viet nam", "party"),
    ("cua dang", "party"),
    ("dang cong san viet nam", "party"),
    ("cong doan vien chuc viet nam", "public_sector_union"),
    ("cong doan viet nam", "vn_trade_union"),
    ("thi dua yeu nuoc toan quoc", "patriotic_emulation"),
)
_LOCAL: Final = frozenset(
    {"tinh", "huyen", "quan", "xa", "phuong", "nganh", "co", "cap", "tp", "thanh", "bo"}
)


def _starts(words: Sequence[str], phrase: str) -> bool:
    parts = phrase.split()
    return list(words[: len(parts)]) == parts


def _contains(words: Sequence[str], phrase: str) -> bool:
    # Folded words hold no space (_text._folded splits at them): the phrase's words in a row.
    return f" {phrase} " in f" {' '.join(words)} "


def series_after_numeral(words: Sequence[Token]) -> tuple[str, int] | None:
    """The body of "Đại hội XIII <body>": (series key, tokens used), if a national one."""
    folded = [t.text for t in words]
    for phrase, key in _AFTER_NUMERAL:
        if _starts(folded, phrase):
            size = len(phrase.split())
            local = len(folded) > size and folded[size] in _LOCAL
            if key in ("vn_trade_union", "public_sector_union") and local:
                return None  # "Công đoàn Việt Nam" but not "Công đoàn Việt Nam tỉnh …"
            return key, size
    return None


def series_before_numeral(
    before: Sequence[Token], after: Sequence[Token]
) -> tuple[str, int] | None:
    """The body of "Đại hội <body> lần thứ XIII [của Đảng]": (series key, tokens used after).

    Local bodies (Đảng bộ tỉnh, Công đoàn ngành, thi đua tỉnh …) are not national series.
    """
    pre = [t.text for t in before]
    post = [t.text for t in after]
    party_tail = 2 if _starts(post, "cua dang") else 0
    if party_tail and _starts(post, "cua dang cong san viet nam"):
        party_tail = 6
    if any(w in _LOCAL for w in pre):
        return None
    if "thi" in pre and _contains(pre, "thi dua"):
        if _contains(pre, "cong nhan") or _contains(pre, "cnvcld"):
            return "cnvcld_emulation", 0
        if _contains(pre, "toan quoc") or _starts(post, "toan quoc"):
            return "patriotic_emulation", 0
        return None
    if _contains(pre, "cong doan vien chuc viet nam"):
        return "public_sector_union", 0
    if _contains(pre, "cong doan viet nam") or _contains(pre, "cong doan toan quoc"):
        return "vn_trade_union", 0
    if "dang" in pre:
        return "party", party_tail
    if party_tail and all(w in {"dai", "bieu", "toan", "quoc"} for w in pre):
        return "party", party_tail
    return None


# --- can chi ----------------------------------------------------------------------------------

_VARIANTS: Final = {"kỉ": "Kỷ", "quí": "Quý", "tí": "Tý", "tị": "Tỵ", "mẹo": "Mão"}
STEM_WORDS: Final = (*STEMS, "Kỉ", "Quí")
BRANCH_WORDS: Final = (*BRANCHES, "Tí", "Tị", "Mẹo")


def canonical_can_chi(stem: str, branch: str) -> str:
    """``QUÍ MẸO`` → ``Quý Mão``: the spelling :func:`thidua_calendar.can_chi` uses."""

    def one(word: str, known: Sequence[str]) -> str:
        low = word.casefold()
        for name in known:
            if name.casefold() == low:
                return name
        return _VARIANTS.get(low, word)

    return f"{one(stem, STEMS)} {one(branch, BRANCHES)}"
