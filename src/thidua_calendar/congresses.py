"""Congress series (Đại hội) with ordinals, dates and terms, and Roman numerals.

Examples:
    >>> party = congress_series("party")
    >>> party.by_ordinal(13).term
    (2021, 2026)
    >>> congress_series("vn_trade_union").for_term(2018, 2023).roman
    'XII'
    >>> to_roman(14), from_roman("XIV")
    ('XIV', 14)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Final

import attrs

from ._toml import Fields, Located, meta_revision
from .commemorations import Lang, UnknownKeyError
from .errors import DataError, ThiduaError

_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(number: int) -> str:
    """A positive integer in Roman numerals (1–3999)."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"number must be an int, not {type(number).__name__}")
    if not 1 <= number <= 3999:
        raise ValueError(f"Roman numerals cover 1–3999, not {number}")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int:
    """The value of a Roman numeral (strict: ``IIII`` and ``IC`` are rejected).

    Raises:
        ValueError: Not a well-formed Roman numeral.
    """
    cleaned = text.strip().upper()
    if not cleaned or not re.fullmatch(r"[MDCLXVI]+", cleaned):
        raise ValueError(f"{text!r} is not a Roman numeral")
    total, rest = 0, cleaned
    for value, letters in _ROMAN:
        while rest.startswith(letters):
            total += value
            rest = rest[len(letters) :]
    if rest or to_roman(total) != cleaned:
        raise ValueError(f"{text!r} is not a well-formed Roman numeral")
    return total


class CongressError(ThiduaError, LookupError):
    """No congress matches (unknown ordinal, series or term)."""


@attrs.frozen
class Congress:
    """One congress of a series.

    Attributes:
        series: The series key (``party``, ``vn_trade_union`` …).
        ordinal: Its number (XIII = 13).
        year: The year it opened.
        start: The opening day, when known.
        end: The closing day, when known.
        term: The term (nhiệm kỳ) as (first year, last year), when the series has terms.
        location: Where it was held.
        source: Where the facts come from.
        confidence: ``high``, ``medium`` or ``low``.
    """

    series: str
    ordinal: int
    year: int
    start: dt.date | None = None
    end: dt.date | None = None
    term: tuple[int, int] | None = None
    location: str = ""
    source: str = ""
    confidence: str = "high"

    @property
    def roman(self) -> str:
        """The ordinal in Roman numerals, as documents write it."""
        return to_roman(self.ordinal)


@attrs.frozen
class CongressSeries:
    """A series of congresses of one body.

    Attributes:
        key: Stable identifier.
        name_vi: Vietnamese name (``Đại hội Công đoàn Việt Nam``).
        name_en: English name.
        aliases: Ways plans name it.
        label_vi: How documents name one congress, with ``{roman}`` for its numeral.
        label_en: The English form, with ``{ordinal}`` for "13th".
        term_years: The usual term length, when the series has terms.
        congresses: The congresses known, by ordinal.
    """

    key: str
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]
    term_years: int | None
    congresses: tuple[Congress, ...]
    label_vi: str = "Đại hội {roman} {body}"
    label_en: str = "the {ordinal} {name_en}"

    def by_ordinal(self, ordinal: int | str) -> Congress:
        """The congress with this ordinal (an int or a Roman numeral)."""
        number = from_roman(ordinal) if isinstance(ordinal, str) else ordinal
        for congress in self.congresses:
            if congress.ordinal == number:
                return congress
        known = ", ".join(c.roman for c in self.congresses)
        raise CongressError(
            f"{self.name_vi}: no congress {to_roman(number)} in the data (known: {known})"
        )

    def for_term(self, first: int, last: int) -> Congress | None:
        """The congress whose term is ``first``–``last``."""
        return next((c for c in self.congresses if c.term == (first, last)), None)

    def held_in(self, year: int) -> list[Congress]:
        """The congresses that opened in a year."""
        return [c for c in self.congresses if c.year == year]

    def current(self, date: dt.date) -> Congress | None:
        """The latest congress held on or before a date (its term is running)."""
        held = [c for c in self.congresses if (c.start or dt.date(c.year, 1, 1)) <= date]
        return held[-1] if held else None

    def label(self, ordinal: int, lang: Lang = "vi") -> str:
        """``Đại hội XIII Công đoàn Việt Nam (nhiệm kỳ 2023-2028)`` or the English form.

        Examples:
            >>> congress_series("party").label(13, "en")
            'the 13th National Congress of the Communist Party of Vietnam (term 2021–2026)'
        """
        from ._milestones import english_ordinal

        congress = self.by_ordinal(ordinal)
        term = congress.term
        values = {
            "roman": congress.roman,
            "ordinal": english_ordinal(congress.ordinal),
            "body": self.name_vi.removeprefix("Đại hội ").strip(),
            "name_en": self.name_en,
        }
        if lang == "en":
            text = self.label_en.format(**values)
            return f"{text} (term {term[0]}–{term[1]})" if term else text
        text = self.label_vi.format(**values)
        return f"{text} (nhiệm kỳ {term[0]}-{term[1]})" if term else text


_SERIES_FIELDS: Final = {
    "key",
    "name_vi",
    "name_en",
    "aliases",
    "term_years",
    "notes",
    "founded",
    "congress",
    "label_vi",
    "label_en",
}
_CONGRESS_FIELDS: Final = {
    "ordinal",
    "start",
    "end",
    "term",
    "location",
    "source",
    "confidence",
    "notes",
}


def parse_congresses(doc: Located, *, strict: bool = False) -> dict[str, CongressSeries]:
    """Build the series from a parsed TOML document (errors located at ``file:line``).

    Args:
        doc: The document.
        strict: Require the ``[meta] revision`` (the shipped file has one); a revision that is
            given must be a date in any case.
    """
    meta_revision(doc, required=strict)
    series_tables = doc.data.get("series", [])
    if not isinstance(series_tables, list):
        raise DataError("series must be an array of tables: [[series]]", path=doc.path)
    result: dict[str, CongressSeries] = {}
    congress_index = 0
    for index, table in enumerate(series_tables):
        f = Fields(doc, "series", index, table, f"series #{index + 1}")
        f.check_known(set(_SERIES_FIELDS))
        key = f.text("key")
        f.label = f"series {key!r}"
        congresses = []
        for item in table.get("congress", []):
            c = Fields(doc, "series.congress", congress_index, item, f"{key} congress")
            congress_index += 1
            congresses.append(_parse_congress(c, key))
        ordinals = [c.ordinal for c in congresses]
        if ordinals != sorted(set(ordinals)):
            raise f.fail("key", "congresses must be listed once each, in ordinal order")
        term_years = f.integer("term_years", required=False, low=1, high=20)
        result[key] = CongressSeries(
            key,
            f.text("name_vi"),
            f.text("name_en"),
            f.texts("aliases"),
            term_years,
            tuple(congresses),
            f.text("label_vi", required=False, default="Đại hội {roman} {body}"),
            f.text("label_en", required=False, default="the {ordinal} {name_en}"),
        )
    return result


def _parse_congress(f: Fields, series: str) -> Congress:
    f.check_known(set(_CONGRESS_FIELDS))
    ordinal = f.integer("ordinal", low=1, high=100)
    assert ordinal is not None
    f.label = f"{series} congress {to_roman(ordinal)}"
    raw = f.table.get("start")
    start: dt.date | None
    if isinstance(raw, str) and re.fullmatch(r"\d{4}", raw):
        start, year = None, int(raw)
    else:
        start = f.iso_date("start")
        if start is None:
            raise f.fail("start", "missing start (a date YYYY-MM-DD or a year YYYY)")
        year = start.year
    end = f.iso_date("end")
    if end and start and end < start:
        raise f.fail("end", f"end {end} is before start {start}")
    term = None
    if "term" in f.table:
        text = f.text("term")
        match = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text)
        if not match or int(match.group(2)) <= int(match.group(1)):
            raise f.fail("term", f"term must be YYYY-YYYY, not {text!r}")
        term = (int(match.group(1)), int(match.group(2)))
    return Congress(
        series,
        ordinal,
        year,
        start,
        end,
        term,
        f.text("location", required=False),
        f.text("source", required=False),
        f.choice("confidence", ("high", "medium", "low"), default="high"),
    )


@cache
def _all_series() -> Mapping[str, CongressSeries]:
    from . import _data

    text = _data.read_text("congresses.toml")
    return parse_congresses(Located(text, "data/congresses.toml"), strict=True)


def congress_series(key: str | None = None) -> CongressSeries:
    """A congress series by key.

    The keys: ``party``, ``vn_trade_union``, ``patriotic_emulation``, ``cnvcld_emulation``,
    ``public_sector_union``, ``national_assembly``.
    """
    series = _all_series()
    if key is None or key not in series:
        raise UnknownKeyError(
            f"unknown congress series {key!r}; choose one of: {', '.join(series)}"
        )
    return series[key]


def all_congress_series() -> tuple[CongressSeries, ...]:
    """Every congress series in the shipped data."""
    return tuple(_all_series().values())
