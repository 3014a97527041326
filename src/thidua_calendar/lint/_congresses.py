"""Congress mentions: "Đại hội XIII Công đoàn Việt Nam nhiệm kỳ 2018-2023", "Quốc hội khóa XV".

A congress is named by its numeral after "Đại hội" ("Đại hội XIII của Đảng"), by "lần thứ"
after the body ("Đại hội Công đoàn Việt Nam lần thứ XII"), or as a National Assembly term
("khóa XV"); only the national series of the congress data are mentions (local congresses
are left alone). Phases that last until a congress find it here too.

Examples:
    >>> from ._text import split_lines
    >>> (line,) = split_lines("Đại hội XIII Công đoàn Việt Nam nhiệm kỳ 2018-2023")
    >>> (raw,) = raw_congresses(line.text)
    >>> m = mention(line, raw, raw.series)
    >>> m.series, m.ordinal, m.term
    ('vn_trade_union', 13, (2018, 2023))
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Final

import attrs

from .._roman import from_roman
from ..congresses import CongressSeries, all_congress_series, congress_series
from ..plans import EndEvent
from ._model import CongressMention
from ._names import series_after_numeral, series_before_numeral
from ._text import SourceLine, tokens

_NUMERAL: Final = r"(?-i:([IVXLC]{1,7}|\d{1,2}))(?!\w)"
_CONGRESS_R: Final = re.compile(r"(?<!\w)đại[ \t]+h[ộôo]i[ \t]+" + _NUMERAL, re.IGNORECASE)
_LAN_THU: Final = re.compile(r"(?<!\w)lần[ \t]+thứ[ \t]+" + _NUMERAL, re.IGNORECASE)
_DAI_HOI: Final = re.compile(r"(?<!\w)đại[ \t]+h[ộôo]i(?!\w)", re.IGNORECASE)
_KHOA: Final = re.compile(r"(?<!\w)quốc[ \t]+hội[ \t]+kh(?:óa|oá)[ \t]+" + _NUMERAL, re.IGNORECASE)
_TERM: Final = re.compile(
    r"[ \t]*[,(]?[ \t]*(?:nhiệm[ \t]+kỳ|khóa|khoá)[ \t]+(\d{4})[ \t]*[-–][ \t]*(\d{4})(?!\d)",
    re.IGNORECASE,
)
_HELD: Final = re.compile(r"[ \t]*[-–(,][ \t]*năm[ \t]+(\d{4})(?!\d)", re.IGNORECASE)
_AHEAD: Final = re.compile(
    r"(?:tiến[ \t]+tới|hướng[ \t]+tới|chào[ \t]+mừng|chuẩn[ \t]+bị)[^;.]{0,40}$", re.IGNORECASE
)
_UPCOMING: Final = re.compile(
    r"(?:tiến[ \t]+tới|hướng[ \t]+tới|chuẩn[ \t]+bị[ \t]+cho|(?<!quả[ \t])(?<!công[ \t])bầu[ \t]+cử"
    r"(?:[ \t]+đại[ \t]+biểu)?)(?:[ \t]+tổ[ \t]+chức)?(?:[ \t]+thành[ \t]+công)?[ \t]+$",
    re.IGNORECASE,
)
"""Words that name a congress still to come, right before it ("tiến tới Đại hội XIII",
"bầu cử đại biểu Quốc hội khóa XVI"; not "kết quả bầu cử")."""
_UNION_TERM: Final = re.compile(
    r"(?<!\w)(?:tổng[ \t]+liên[ \t]+đoàn[ \t]+lao[ \t]+động|tổng[ \t]+lđlđ|ban[ \t]+chấp[ \t]+hành"
    r"[ \t]+công[ \t]+đoàn)[ \t]+việt[ \t]+nam(?:[ \t]+lần[ \t]+thứ[ \t]+\w{1,5})?[ \t]*[,(]?[ \t]*"
    r"kh(?:óa|oá)[ \t]+" + _NUMERAL,
    re.IGNORECASE,
)
"""The Trade Union's executive named by its khóa: "Tổng Liên đoàn Lao động Việt Nam khóa XIII"."""
_COUNCILS: Final = re.compile(
    r"[ \t]*(?:,|và)[ \t]+(?:bầu[ \t]+cử[ \t]+)?(?:đại[ \t]+biểu[ \t]+)?(?:hđnd|hội[ \t]+đồng"
    r"[ \t]+nhân[ \t]+dân)(?:[ \t]+các[ \t]+cấp)?",
    re.IGNORECASE,
)
"""The people's councils elected with the National Assembly: their term is its term."""

# The series of the mass organisations, as documents write them: (words before "lần thứ",
# or after the numeral, folded) → series. "Đại hội đại biểu Đoàn toàn quốc lần thứ XII",
# "Đại hội XIII Hội LHPN Việt Nam", "Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII".
_BODIES: Final = (
    (("mat tran to quoc viet nam", "mttq viet nam", "mttq vn"), "vn_fatherland_front"),
    (
        ("doan tncs ho chi minh", "doan thanh nien cong san ho chi minh", "doan toan quoc"),
        "youth_union",
    ),
    (
        (
            "hoi lien hiep phu nu viet nam",
            "hoi lhpn viet nam",
            "phu nu toan quoc",
            "phu nu viet nam",
        ),
        "womens_union",
    ),
    (("hoi nong dan viet nam",), "farmers_union"),
    (("hoi cuu chien binh viet nam", "hoi ccb viet nam"), "veterans_association"),
)
_PLACES: Final = frozenset(
    {"tinh", "huyen", "quan", "xa", "phuong", "nganh", "co", "cap", "tp", "bo", "truong", "khoi"}
)
"""Words of a local body ("Đoàn TNCS Hồ Chí Minh tỉnh …", "Hội Nông dân huyện …")."""


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text) or None
    try:
        return from_roman(text)
    except ValueError:
        return None


@attrs.frozen
class RawCongress:
    """A congress named in a line, before its mention is read further.

    Attributes:
        start: Where "Đại hội" starts (index in the NFC line).
        numeral_start: Where its numeral starts.
        end: Where the name of its body ends.
        series: The national congress series, when the body is one.
        ordinal: The number printed.
    """

    start: int
    numeral_start: int
    end: int
    series: str | None
    ordinal: int


def _local(words: list[str]) -> bool:
    return not _PLACES.isdisjoint(words) or (
        "thanh" in words and any(a == "thanh" and b == "pho" for a, b in itertools.pairwise(words))
    )


def _body_after_numeral(words: list[str]) -> tuple[str, int] | None:
    """The mass organisation of "Đại hội XIII <body>" (not a local one), and tokens used."""
    for phrases, key in _BODIES:
        for phrase in phrases:
            parts = phrase.split()
            if words[: len(parts)] == parts and not _local(words[len(parts) : len(parts) + 2]):
                return key, len(parts)
    return None


def _body_before_numeral(pre: list[str], post: list[str]) -> str | None:
    """The mass organisation of "Đại hội [đại biểu] <body> lần thứ XIII" (not a local one)."""
    if not pre or _local(pre) or _local(post[:2]) or "thi" in pre:  # "Đại hội thi đua … Hội"
        return None
    joined = f" {' '.join(pre)} "
    for phrases, key in _BODIES:
        for phrase in phrases:
            if f" {phrase} " in joined:
                return key
    return None


def _congress_r(text: str, match: re.Match[str]) -> RawCongress | None:
    ordinal = _number(match.group(1))
    if ordinal is None:
        return None
    words = tokens(text, match.end(), min(len(text), match.end() + 80), limit=10)
    hit = series_after_numeral(words) if words else None
    if hit is None and words:
        hit = _body_after_numeral([t.text for t in words])
    series, end = None, match.end()
    if hit is not None:
        series, used = hit
        end = words[used - 1].end
    return RawCongress(match.start(), match.start(1), end, series, ordinal)


def _congress_lan_thu(text: str, match: re.Match[str]) -> RawCongress | None:
    ordinal = _number(match.group(1))
    if ordinal is None:
        return None
    heads = list(_DAI_HOI.finditer(text, max(0, match.start() - 100), match.start()))
    if not heads:
        return None
    head = heads[-1]
    between = text[head.end() : match.start()]
    if ";" in between or "." in between:
        return None
    before = tokens(text, head.end(), match.start())
    # Six words after are all the body's tests read ("của Đảng Cộng sản Việt Nam").
    after = tokens(text, match.end(), min(len(text), match.end() + 60), limit=6)
    hit = series_before_numeral(before, after)
    if hit is None:
        body = _body_before_numeral([t.text for t in before], [t.text for t in after])
        hit = (body, 0) if body else None
    if hit is None:
        return None
    series, used = hit
    end = after[used - 1].end if used else match.end()
    return RawCongress(head.start(), match.start(1), end, series, ordinal)


def raw_congresses(text: str) -> list[RawCongress]:
    """The congresses a line names: "Đại hội XIII …", "Đại hội … lần thứ XIII", "khóa XV"."""
    found = [c for m in _CONGRESS_R.finditer(text) if (c := _congress_r(text, m))]
    found += [c for m in _LAN_THU.finditer(text) if (c := _congress_lan_thu(text, m))]
    for pattern, key in ((_KHOA, "national_assembly"), (_UNION_TERM, "vn_trade_union")):
        for match in pattern.finditer(text):
            ordinal = _number(match.group(1))
            if ordinal is not None:
                found.append(RawCongress(match.start(), match.start(1), match.end(), key, ordinal))
    return sorted(found, key=lambda c: c.start)


def mention(line: SourceLine, raw: RawCongress, series: str) -> CongressMention:
    """A congress of a national series as the line mentions it, with its term or year."""
    text = line.text
    term = held = None
    term_column = 0
    match = _TERM.match(text, raw.end)
    if match is None and series == "national_assembly":  # "khóa XVI và HĐND các cấp nhiệm kỳ"
        councils = _COUNCILS.match(text, raw.end)
        match = _TERM.match(text, councils.end()) if councils else None
    if match:
        first, last = int(match.group(1)), int(match.group(2))
        if last > first:
            term = (first, last)
            term_column = line.where(match.start(1))[1]
    else:
        year = _HELD.match(text, raw.end)
        held = int(year.group(1)) if year else None
    ahead = bool(_AHEAD.search(text, max(0, raw.start - 60), raw.start))
    upcoming = bool(_UPCOMING.search(text, max(0, raw.start - 40), raw.start))
    return CongressMention(
        *line.where(raw.start),
        series,
        raw.ordinal,
        term,
        held,
        ahead,
        line.where(raw.numeral_start)[1],
        term_column,
        text[raw.start : raw.end],
        upcoming,
    )


def congress_at(text: str, pos: int) -> RawCongress | None:
    """The congress named right at ``pos`` ("… đến khi tổ chức thành công Đại hội XIV")."""
    match = _CONGRESS_R.match(text, pos)
    if match:
        return _congress_r(text, match)
    numeral = _LAN_THU.search(text, pos, min(len(text), pos + 100))
    if numeral is None:
        return None
    raw = _congress_lan_thu(text, numeral)
    return raw if raw is not None and raw.start == pos else None


def congress_end(
    raw: RawCongress, start: dt.date | None, year: int | None
) -> tuple[EndEvent, dt.date | None]:
    """The end event of a phase that lasts until a congress, and the day that congress ends.

    A congress printed without its body ("đến Đại hội XIV") is the first of that number
    held on or after the phase's start, the Party's first when two are held together; a
    congress known only by its year ranks after those of that year with a date.

    Args:
        raw: The congress named.
        start: The phase's first day.
        year: The plan year (when the start is unknown).

    Returns:
        The end event (``tba`` when no such congress is known) and its last day.
    """
    candidates: list[CongressSeries] = (
        [congress_series(raw.series)] if raw.series else list(all_congress_series())
    )
    after = start or (dt.date(year, 1, 1) if year else dt.date.min)
    best = None
    for series in candidates:
        for congress in series.congresses:
            held = congress.start or dt.date(congress.year, 1, 1)
            if congress.ordinal != raw.ordinal or (raw.series is None and held < after):
                continue
            ranked = congress.start or dt.date(congress.year, 12, 31)
            rank = (ranked, 0 if series.key == "party" else 1)
            if best is None or rank < best[0]:
                best = (rank, series.key, congress.end or congress.start)
    if best is None:
        return EndEvent(tba=True), None
    return EndEvent(congress=best[1], ordinal=raw.ordinal), best[2]
