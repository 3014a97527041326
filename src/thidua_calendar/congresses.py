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
from typing import Any, Final

import attrs

from ._roman import from_roman, to_roman
from ._toml import Fields, Located, meta_revision
from ._validators import in_range, not_empty, of_type, texts
from ._vocabulary import Category, Confidence, LangArg, to_category, to_confidence
from .commemorations import UnknownKeyError
from .errors import DataError, InvalidTypeError, InvalidValueError, ThiduaError


def _term(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise InvalidTypeError(f"{attribute.name} must be a (first year, last year) pair")
    if value[1] < value[0]:
        raise InvalidValueError(f"{attribute.name} {value[0]}–{value[1]} ends before it starts")


def _congresses(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(c, Congress) for c in value):
        raise InvalidTypeError(f"{attribute.name} must be a tuple of Congress")


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
        cut_short: The day its term ended early because its body ceased (the last congress of
            Công đoàn Viên chức Việt Nam, elected for 2023–2028, ended on 2025-06-14); ``None``
            for a term that runs its course.
    """

    series: str = attrs.field(validator=not_empty)
    ordinal: int = attrs.field(validator=in_range(1, 3999))
    year: int = attrs.field(validator=in_range(1, 9999))
    start: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    end: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    term: tuple[int, int] | None = attrs.field(default=None, validator=_term)
    location: str = attrs.field(default="", validator=of_type(str))
    source: str = attrs.field(default="", validator=of_type(str))
    confidence: Confidence = attrs.field(default=Confidence.HIGH, converter=to_confidence)
    cut_short: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise InvalidValueError(f"{self.series} {self.roman}: end is before start")
        if self.cut_short is not None and self.cut_short < (self.start or dt.date(self.year, 1, 1)):
            raise InvalidValueError(f"{self.series} {self.roman}: cut short before it started")

    @property
    def roman(self) -> str:
        """The ordinal in Roman numerals, as documents write it."""
        return to_roman(self.ordinal)

    @property
    def served(self) -> tuple[int, int] | None:
        """The term as it ran: :attr:`term`, ending in the year of :attr:`cut_short` if any.

        Examples:
            >>> congress_series("public_sector_union").by_ordinal(6).served
            (2023, 2025)
        """
        if self.term is None or self.cut_short is None:
            return self.term
        return (self.term[0], min(self.term[1], self.cut_short.year))

    @property
    def days(self) -> tuple[dt.date, dt.date] | None:
        """Its first and last day, when the data knows the day it opened (else ``None``).

        Without a closing day it is a one-day event (an election day).

        Examples:
            >>> congress_series("party").by_ordinal(14).days
            (datetime.date(2026, 1, 19), datetime.date(2026, 1, 23))
        """
        if self.start is None:
            return None
        return self.start, self.end or self.start

    def label(self, lang: LangArg = "vi", *, term: bool = True) -> str:
        """How plans name it: ``Đại hội XIV của Đảng (nhiệm kỳ 2026-2031)``.

        Examples:
            >>> congress_series("national_assembly").by_ordinal(16).label(term=False)
            'bầu cử đại biểu Quốc hội khóa XVI'
        """
        from ._wording.congresses import congress_label

        return congress_label(congress_series(self.series), self.ordinal, lang, term=term)


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
        organisation: The key of the body that holds them (``data/organisations/``), if any.
        ended: The body's last day, when it has ended: the series ends with it.
        category: Whose event it is, as a :class:`Category` (``party``, ``national`` for
            the elections and the national emulation congress, ``union``, ``organisation``):
            a schedule shows a series' congresses where it shows that category's days.
    """

    key: str = attrs.field(validator=not_empty)
    name_vi: str = attrs.field(validator=not_empty)
    name_en: str = attrs.field(validator=not_empty)
    aliases: tuple[str, ...] = attrs.field(validator=texts())
    term_years: int | None = attrs.field(validator=of_type(int, optional=True))
    congresses: tuple[Congress, ...] = attrs.field(validator=_congresses)
    label_vi: str = attrs.field(default="Đại hội {roman} {body}", validator=not_empty)
    label_en: str = attrs.field(default="the {ordinal} {name_en}", validator=not_empty)
    organisation: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    ended: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    category: Category = attrs.field(default=Category.NATIONAL, converter=to_category)

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
        """The congress whose term is ``first``–``last``, as documented or as cut short.

        A term ends early when the next congress meets before its documented end (the
        congresses of 2026 after the 2025 reorganisation): ``XIII … 2023-2026`` is as right
        as the documented ``2023-2028`` once the XIV met in 2026.

        Examples:
            >>> congress_series("vn_trade_union").for_term(2023, 2026).roman
            'XIII'
        """
        for index, congress in enumerate(self.congresses):
            if congress.term is None or congress.term[0] != first:
                continue
            if congress.term[1] == last:
                return congress
            following = self.congresses[index + 1 :]
            if following and following[0].year <= last < congress.term[1]:
                return congress
        return None

    def held_in(self, year: int) -> list[Congress]:
        """The congresses that opened in a year."""
        return [c for c in self.congresses if c.year == year]

    def current(self, date: dt.date) -> Congress | None:
        """The latest congress held on or before a date (its term is running).

        ``None`` before the first congress, and after the body's end (:attr:`ended`): the
        series ends with its body.

        Examples:
            >>> cdvc = congress_series("public_sector_union")
            >>> cdvc.current(dt.date(2024, 6, 1)).roman, cdvc.current(dt.date(2026, 1, 1))
            ('VI', None)
        """
        if self.ended is not None and date > self.ended:
            return None
        held = [c for c in self.congresses if (c.start or dt.date(c.year, 1, 1)) <= date]
        return held[-1] if held else None

    def label(self, ordinal: int, lang: LangArg = "vi") -> str:
        """``Đại hội XIII Công đoàn Việt Nam (nhiệm kỳ 2023-2028)`` or the English form.

        Examples:
            >>> congress_series("party").label(13, "en")
            'the 13th National Congress of the Communist Party of Vietnam (term 2021–2026)'
        """
        from ._wording.congresses import congress_label

        return congress_label(self, ordinal, lang)


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
    "organisation",
    "category",
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
        body, ended = _body(f)
        if ended is not None:
            congresses = _end_with_body(f, congresses, ended)
        result[key] = CongressSeries(
            key,
            f.text("name_vi"),
            f.text("name_en"),
            f.texts("aliases"),
            term_years,
            tuple(congresses),
            f.text("label_vi", required=False, default="Đại hội {roman} {body}"),
            f.text("label_en", required=False, default="the {ordinal} {name_en}"),
            organisation=body,
            ended=ended,
            category=f.choice(
                "category", tuple(c.value for c in Category), default=Category.NATIONAL.value
            ),
        )
    return result


def _body(f: Fields) -> tuple[str | None, dt.date | None]:
    """The series' ``organisation`` (a shipped organisation's key) and that body's end."""
    if "organisation" not in f.table:
        return None, None
    key = f.text("organisation")
    from .organisations import default_organisations, unknown_message

    known = default_organisations()
    if key not in known:
        raise f.fail("organisation", unknown_message(key, known))
    return key, known[key].end


def _end_with_body(f: Fields, congresses: list[Congress], ended: dt.date) -> list[Congress]:
    """The congresses of a body that ended: none after its end, the last term cut at it."""
    for c in congresses:
        if (c.start or dt.date(c.year, 1, 1)) > ended:
            raise f.fail(
                "organisation",
                f"congress {c.roman} ({c.start or c.year}) is after the body's end ({ended})",
            )
    if not congresses:
        return congresses
    last = congresses[-1]
    if last.term is not None and last.term[1] >= ended.year:
        congresses = [*congresses[:-1], attrs.evolve(last, cut_short=ended)]
    return congresses


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
def _loaded() -> tuple[Mapping[str, CongressSeries], dt.date]:
    """The shipped series and the file's ``[meta] revision`` (read once per process)."""
    from . import _data

    doc = Located(_data.read_text("congresses.toml"), "data/congresses.toml")
    series = parse_congresses(doc, strict=True)
    revision = meta_revision(doc, required=True)
    assert revision is not None  # required: parse_congresses(strict=True) checked it
    return series, revision


def _all_series() -> Mapping[str, CongressSeries]:
    return _loaded()[0]


def congresses_revision() -> dt.date:
    """The revision of the congress data: the ``[meta] revision`` of ``data/congresses.toml``.

    The date a feed stamps on a congress or an election that is new or changed
    (``docs/feeds.md``, *Revisions*); the same date as
    ``data_revision().of("congresses.toml")``, read by the same rule.

    Examples:
        >>> from thidua_calendar import data_revision
        >>> congresses_revision() == data_revision().of("congresses.toml")
        True
    """
    return _loaded()[1]


def congress_series(key: str | None = None) -> CongressSeries:
    """A congress series by key.

    The keys: ``party``, ``vn_trade_union``, ``patriotic_emulation``, ``cnvcld_emulation``,
    ``public_sector_union``, ``national_assembly`` (with the HĐND elections of the same day),
    ``vn_fatherland_front``, ``youth_union``, ``womens_union``, ``farmers_union``,
    ``veterans_association``.
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


def held_between(start: dt.date, end: dt.date) -> list[Congress]:
    """The congresses and elections whose days (known to the day) touch ``start``–``end``.

    A congress the data knows only by its year is left out: it cannot be placed on a day.

    Examples:
        >>> [c.label(term=False) for c in held_between(dt.date(2026, 1, 1), dt.date(2026, 3, 31))]
        ['Đại hội XIV của Đảng', 'bầu cử đại biểu Quốc hội khóa XVI']
    """
    found = []
    for series in _all_series().values():
        for congress in series.congresses:
            days = congress.days
            if days is not None and days[0] <= end and days[1] >= start:
                found.append(congress)
    return sorted(found, key=lambda c: (c.days or (start, start))[0])


__all__ = [
    "Congress",
    "CongressError",
    "CongressSeries",
    "all_congress_series",
    "congress_series",
    "congresses_revision",
    "from_roman",
    "held_between",
    "parse_congresses",
    "to_roman",
]
