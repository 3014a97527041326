"""The catalogue of commemorations: model, loading and look-up.

The shipped catalogue is the files of ``data/commemorations/`` (every row with its source; a
key is unique across them). An organisation adds its own days, or overrides shipped ones by
key, with a TOML file of the same shape loaded by :func:`load_catalog`::

    [[commemoration]]
    key = "thanh_lap_truong"
    name_vi = "Ngày thành lập Trường THPT Chu Văn An"
    calendar = "solar"           # or "lunar", "month" (a whole Gregorian month), or
    month = 10                   # "solar_term" with term = "thanh_minh" (no month, no day)
    day = 10
    origin = "1908-10-10"        # or "1908"; omit when years are not counted

Examples:
    >>> catalog = default_catalog()
    >>> catalog["thanh_lap_dang"].origin
    Origin(year=1930, month=2, day=3)
    >>> catalog.find("ngày thành lập đảng").key
    'thanh_lap_dang'
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

import attrs

from ._days import LunarDay, MissingDay, Origin, Rule, SolarDay, SolarTermDay, WholeMonth
from ._toml import Fields, Located, meta_revision
from ._validators import not_empty, of_type, texts
from ._vocabulary import (
    Category,
    Confidence,
    LangArg,
    RankBasis,
    to_category,
    to_confidence,
    to_rank_basis,
)
from ._wording import lang_of, pick
from ._wording.errors import commemoration_label
from .errors import (
    DataError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    UnknownKeyError,
)
from .lunar._terms import SolarTerm

CATEGORIES: Final = tuple(c.value for c in Category)
RANK_BY: Final = tuple(r.value for r in RankBasis)


_KEY = re.compile(r"[a-z0-9_]+")


def _key(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{attribute.name} must be str, not {type(value).__name__}")
    if not _KEY.fullmatch(value):
        raise InvalidValueError(
            f"{attribute.name} must be lowercase ASCII letters, digits and _, not {value!r}"
        )


def _rule(_instance: object, attribute: attrs.Attribute[Rule], value: object) -> None:
    if not isinstance(value, SolarDay | LunarDay | SolarTermDay | WholeMonth):
        raise InvalidTypeError(
            f"{attribute.name} must be SolarDay, LunarDay, SolarTermDay or WholeMonth, "
            f"not {type(value).__name__}"
        )


@attrs.frozen
class Commemoration:
    """One commemorated day of the catalogue.

    Attributes:
        key: Stable identifier (feeds derive their UIDs from it).
        name_vi: The name as plans write it after "Kỷ niệm N năm".
        name_en: English title.
        anniversary_en: English phrase read after "90th anniversary of".
        rule: When it falls each year (:class:`SolarDay`, :class:`LunarDay`,
            :class:`SolarTermDay`, :class:`WholeMonth`).
        origin: When the commemorated event happened, if years are counted.
        category: A :class:`Category` (its string value is accepted).
        rank_by: A :class:`RankBasis`: ``"origin"`` (ordinal = year − origin year),
            ``"gregorian"`` (Giỗ Tổ Hùng Vương: the Gregorian year itself is ranked) or
            ``"none"``.
        major_day: One of the "ngày lễ lớn" of Nghị định 145/2013/NĐ-CP, Điều 4 (not a day
            off: that is ``public_holiday``).
        public_holiday: A paid day off (Bộ luật Lao động 2019, Điều 112).
        legal_basis: The legal text that establishes or ranks it.
        source: Where its facts come from.
        aliases: Other ways plans write it.
        valid_from: First day it exists (a new day, a province's founding), if limited.
        valid_until: Last day it exists (provinces merged on 1/7/2025 end on 30/6/2025).
        confidence: A :class:`Confidence`.
        notes: Free notes.
        organisation: The key of the body it belongs to (``data/organisations/``), if any.

    Raises:
        InvalidValueError: A value outside its vocabulary, ``rank_by="origin"`` without an
            origin, or a validity that ends before it starts.
        InvalidTypeError: A field of the wrong type.
    """

    key: str = attrs.field(validator=_key)
    name_vi: str = attrs.field(validator=not_empty)
    name_en: str = attrs.field(validator=not_empty)
    anniversary_en: str = attrs.field(validator=not_empty)
    rule: Rule = attrs.field(validator=_rule)
    origin: Origin | None = attrs.field(validator=of_type(Origin, optional=True))
    category: Category = attrs.field(converter=to_category)
    rank_by: RankBasis = attrs.field(converter=to_rank_basis)
    major_day: bool = attrs.field(default=False, validator=of_type(bool))
    public_holiday: bool = attrs.field(default=False, validator=of_type(bool))
    legal_basis: str = attrs.field(default="", validator=of_type(str))
    source: str = attrs.field(default="", validator=of_type(str))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts())
    valid_from: dt.date | None = attrs.field(
        default=None, validator=of_type(dt.date, optional=True)
    )
    valid_until: dt.date | None = attrs.field(
        default=None, validator=of_type(dt.date, optional=True)
    )
    confidence: Confidence = attrs.field(default=Confidence.HIGH, converter=to_confidence)
    notes: str = attrs.field(default="", validator=of_type(str))
    organisation: str | None = attrs.field(default=None)

    @organisation.validator
    def _check_organisation(self, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            _key(self, attribute, value)  # type: ignore[arg-type]

    def __attrs_post_init__(self) -> None:
        if self.rank_by is RankBasis.ORIGIN and self.origin is None:
            raise InvalidValueError(f'{self.key}: rank_by = "origin" needs an origin')
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise InvalidValueError(f"{self.key}: valid_until is before valid_from")

    def name(self, lang: LangArg = "vi") -> str:
        """The name in a language."""
        return pick(lang_of(lang), self.name_vi, self.name_en)

    def is_valid_on(self, date: dt.date) -> bool:
        """Whether the commemoration exists on a date (its validity span)."""
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_until is None or date <= self.valid_until
        )

    def occurrences(
        self, year: int, missing: MissingDay = MissingDay.LAST_DAY
    ) -> list[tuple[dt.date, dt.date]]:
        """Its (first day, last day) spans within a Gregorian year, validity not applied.

        A lunar day can fall twice in one Gregorian year or not at all (a day of the 12th
        lunar month may fall in January or February of the next year).
        """
        rule = self.rule
        if isinstance(rule, SolarDay):
            date = rule.in_year(year, missing)
            return [(date, date)] if date else []
        if isinstance(rule, WholeMonth):
            last = _calendar.monthrange(year, rule.month)[1]
            return [(dt.date(year, rule.month, 1), dt.date(year, rule.month, last))]
        if isinstance(rule, SolarTermDay):
            begins = rule.in_year(year)  # None outside the solar-term table
            return [(begins, begins)] if begins else []
        found = []
        for lunar_year in (year - 1, year):
            try:
                date = rule.in_lunar_year(lunar_year, missing)
            except ValueError:  # outside the lunar tables
                continue
            if date is not None and date.year == year:
                found.append((date, date))
        return found


_COMMEMORATION_FIELDS: Final = {
    "key",
    "name_vi",
    "name_en",
    "anniversary_en",
    "aliases",
    "calendar",
    "term",
    "month",
    "day",
    "origin",
    "category",
    "major_day",
    "public_holiday",
    "rank_by",
    "legal_basis",
    "source",
    "confidence",
    "verified",
    "valid_from",
    "valid_until",
    "notes",
    "organisation",
}


def _normalise(text: str) -> str:
    """Case- and space-insensitive NFC form for matching names."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class Catalog(Mapping[str, Commemoration]):
    """Commemorations by key, read-only. Combine catalogues with :meth:`merged`.

    Args:
        entries: The commemorations (later ones override earlier ones with the same key).
        revision: The date of the data (``[meta] revision``; feed timestamps), if known.
        sources: The files the entries came from.

    Raises:
        TypeError: ``revision`` is not a ``datetime.date`` (or None).
    """

    def __init__(
        self,
        entries: Iterable[Commemoration],
        revision: dt.date | None = None,
        sources: tuple[str, ...] = (),
    ) -> None:
        if revision is not None and (
            not isinstance(revision, dt.date) or isinstance(revision, dt.datetime)
        ):
            raise InvalidTypeError(
                f"revision must be a datetime.date or None, not {type(revision).__name__}"
            )
        self._entries: dict[str, Commemoration] = {}
        for index, entry in enumerate(entries):
            if not isinstance(entry, Commemoration):
                raise InvalidTypeError(
                    f"entries must be Commemoration objects; #{index + 1} is {type(entry).__name__}"
                )
            self._entries[entry.key] = entry
        self.revision = revision
        self.sources = sources
        self._names: dict[str, Commemoration] | None = None
        self.computed: dict[object, Any] = {}
        """Results computed from this (immutable) catalogue, kept by the modules that compute
        them (the milestones of a year, by :mod:`thidua_calendar._milestones`)."""

    def __getitem__(self, key: str) -> Commemoration:
        try:
            return self._entries[key]
        except KeyError:
            close = difflib.get_close_matches(key, self._entries, n=3, cutoff=0.6)
            from ._wording.errors import unknown_commemoration

            vi, en = unknown_commemoration(key, close)
            raise UnknownKeyError(en, vi=vi) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        revision = self.revision.isoformat() if self.revision else "?"
        return f"<Catalog of {len(self)} commemorations, revision {revision}>"

    def merged(self, other: Catalog) -> Catalog:
        """A catalogue with ``other``'s entries added, overriding this one's by key.

        Its revision is the later of the two (a user catalogue edited after the shipped one
        moves the feed timestamps).
        """
        revisions = [r for r in (self.revision, other.revision) if r is not None]
        revision = max(revisions) if revisions else None
        return Catalog([*self.values(), *other.values()], revision, self.sources + other.sources)

    def find(self, name: str) -> Commemoration | None:
        """The commemoration a name or alias refers to (case-insensitive), if any."""
        if self._names is None:
            names: dict[str, Commemoration] = {}
            for entry in self._entries.values():
                for text in (entry.name_vi, entry.name_en, *entry.aliases):
                    names.setdefault(_normalise(text), entry)
            self._names = names
        return self._names.get(_normalise(name))


def parse_catalog(doc: Located, *, strict: bool) -> Catalog:
    """Build a catalogue from a parsed TOML document.

    Args:
        doc: The document.
        strict: Require the provenance fields (``source``, ``confidence``, ``legal_basis``,
            English names) and the ``[meta] revision`` of the shipped catalogue; user
            catalogues may omit them.

    Raises:
        DataError: The document is malformed, e.g. a ``[meta] revision`` that is not a date
            (message with ``file:line``).
    """
    data = doc.data
    revision = meta_revision(doc, required=strict)
    unknown = sorted(set(data) - {"meta", "commemoration"})
    if unknown:
        raise DataError(
            "unknown table; a catalogue has [meta] and [[commemoration]] entries only",
            path=doc.path,
            line=doc.key_line(unknown[0]),
        )
    tables = data.get("commemoration", [])
    if not isinstance(tables, list):
        raise DataError(
            "commemoration must be an array of tables: [[commemoration]]", path=doc.path
        )
    entries = []
    seen: dict[str, int] = {}
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            raise DataError(
                f"commemoration #{index + 1} must be a table ([[commemoration]]), "
                f"not {type(table).__name__}",
                path=doc.path,
                line=doc.key_line("commemoration"),
            )
        key = table.get("key")
        label_vi, label = commemoration_label(key if isinstance(key, str) else None, index + 1)
        fields = Fields(doc, "commemoration", index, table, label, label_vi)
        entry = _parse_entry(fields, strict=strict)
        if entry.key in seen:
            raise fields.fail(
                "key",
                f"duplicate key {entry.key!r} (first at line "
                f"{doc.table_line('commemoration', seen[entry.key])})",
            )
        seen[entry.key] = index
        entries.append(entry)
    return Catalog(entries, revision, (doc.path,))


def _parse_entry(f: Fields, *, strict: bool) -> Commemoration:
    f.check_known(set(_COMMEMORATION_FIELDS))
    key = f.text("key")
    if not key or not key.replace("_", "").isalnum() or not key.isascii() or key != key.lower():
        raise f.fail("key", f"key must be lowercase ASCII letters, digits and _, not {key!r}")
    name_vi = f.text("name_vi")
    name_en = f.text("name_en", required=strict, default=name_vi)
    anniversary_en = f.text("anniversary_en", required=strict, default=name_en)
    kind = f.choice("calendar", ("solar", "lunar", "month", "solar_term"))
    rule: Rule = _solar_term_rule(f) if kind == "solar_term" else _day_rule(f, kind)
    origin = None
    if "origin" in f.table:
        raw = f.table["origin"]
        text = raw.isoformat() if isinstance(raw, dt.date) else raw
        if isinstance(raw, int) and not isinstance(raw, bool):
            text = str(raw)
        if not isinstance(text, str):
            raise f.fail("origin", "origin must be a date YYYY-MM-DD or a year YYYY")
        try:
            origin = Origin.parse(text)
        except ValueError as exc:
            raise f.fail("origin", f"impossible origin {text!r}: {exc}") from None
        if (
            isinstance(rule, SolarDay)
            and origin.date
            and (origin.month, origin.day) != (rule.month, rule.day)
        ):
            raise f.fail(
                "origin",
                f"origin {text} is not on {rule.day}/{rule.month}, the day "
                "the entry is commemorated",
            )
    rank_by = f.choice("rank_by", RANK_BY, default="origin" if origin else "none")
    if rank_by == "origin" and origin is None:
        raise f.fail("rank_by", 'rank_by = "origin" needs an origin')
    category = f.choice("category", CATEGORIES, default=None if strict else "observance")
    valid_from, valid_until = f.iso_date("valid_from"), f.iso_date("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        raise f.fail("valid_until", "valid_until is before valid_from")
    return Commemoration(
        key=key,
        name_vi=unicodedata.normalize("NFC", name_vi),
        name_en=name_en,
        anniversary_en=anniversary_en,
        rule=rule,
        origin=origin,
        category=category,
        rank_by=rank_by,
        major_day=f.flag("major_day"),
        public_holiday=f.flag("public_holiday"),
        legal_basis=f.text("legal_basis", required=strict),
        source=f.text("source", required=strict),
        aliases=tuple(unicodedata.normalize("NFC", a) for a in f.texts("aliases")),
        valid_from=valid_from,
        valid_until=valid_until,
        confidence=f.choice(
            "confidence", ("high", "medium", "low"), default=None if strict else "high"
        ),
        notes=f.text("notes", required=False),
        organisation=_organisation_key(f),
    )


def _day_rule(f: Fields, kind: str) -> SolarDay | LunarDay | WholeMonth:
    """``calendar = "solar"``, ``"lunar"`` or ``"month"``: a month, and a day unless "month"."""
    if "term" in f.table:
        raise f.fail("term", 'term belongs to a solar-term commemoration (calendar = "solar_term")')
    month = f.integer("month", low=1, high=12)
    assert month is not None
    try:
        if kind == "month":
            if "day" in f.table:
                raise f.fail("day", 'a whole-month commemoration (calendar = "month") has no day')
            return WholeMonth(month)
        day = f.integer("day", low=1, high=31 if kind == "solar" else 30)
        assert day is not None
        return SolarDay(month, day) if kind == "solar" else LunarDay(month, day)
    except InvalidDateError as exc:
        raise f.fail("day", str(exc)) from None


def _solar_term_rule(f: Fields) -> SolarTermDay:
    """``calendar = "solar_term"``: a ``term`` key, and no month or day (the table gives them)."""
    for field in ("month", "day"):
        if field in f.table:
            raise f.fail(
                field, f'a solar-term commemoration (calendar = "solar_term") has no {field}'
            )
    return SolarTermDay(f.choice("term", tuple(t.value for t in SolarTerm)))


def _organisation_key(f: Fields) -> str | None:
    """The ``organisation`` of a row: a key of the shipped organisations (``data/organisations/``).

    Every catalogue (the shipped parts and a user catalogue merged over them) is read through
    here, so no catalogue names a body that does not exist.
    """
    if "organisation" not in f.table:
        return None
    value = f.text("organisation")
    if not _KEY.fullmatch(value):
        raise f.fail("organisation", f"an organisation key is lowercase ASCII and _, not {value!r}")
    from .organisations import default_organisations, unknown_message

    known = default_organisations()
    if value not in known:
        raise f.fail("organisation", unknown_message(value, known))
    return value


CATALOG_DIR: Final = "commemorations"
"""The shipped catalogue's directory under ``data/``: every ``.toml`` file in it is a part."""


@cache
def default_catalog() -> Catalog:
    """The shipped catalogue: every part of ``data/commemorations/`` (loaded once, on first use).

    Its revision is the latest of the parts'.

    Raises:
        DataError: A part is malformed, or two parts use one key (``file:line`` of both).
    """
    from . import _data

    parts = [n for n in _data.names(CATALOG_DIR) if n.endswith(".toml")]
    entries: list[Commemoration] = []
    revisions: list[dt.date] = []
    sources: list[str] = []
    first: dict[str, tuple[str, Located]] = {}
    for name in parts:
        path = f"data/{CATALOG_DIR}/{name}"
        doc = Located(_data.read_text(CATALOG_DIR, name), path)
        part = parse_catalog(doc, strict=True)
        for index, key in enumerate(part):
            if key in first:
                other, other_doc = first[key]
                raise DataError(
                    f"duplicate key {key!r}: also in {other}:{_key_line(other_doc, key)}",
                    path=path,
                    line=doc.table_line("commemoration", index),
                )
            first[key] = (path, doc)
        entries.extend(part.values())
        if part.revision is not None:
            revisions.append(part.revision)
        sources.append(path)
    return Catalog(entries, max(revisions) if revisions else None, tuple(sources))


def _key_line(doc: Located, key: str) -> int | None:
    for index, table in enumerate(doc.data.get("commemoration", [])):
        if table.get("key") == key:
            return doc.table_line("commemoration", index)
    return None


def load_catalog(path: str | Path, *, base: Catalog | None = None) -> Catalog:
    """Load a user catalogue and merge it over ``base`` (default: the shipped catalogue).

    Entries add to the base or replace the entry with the same key.

    Raises:
        DataError: The file is malformed (message with ``file:line``).
        OSError: The file cannot be read.
    """
    doc = Located.read(path)
    user = parse_catalog(doc, strict=False)
    return (default_catalog() if base is None else base).merged(user)


def resolve_catalog(catalog: Catalog | str | Path | None) -> Catalog:
    """A catalogue from an argument: None (shipped), a Catalog, or a path to merge over it."""
    if catalog is None:
        return default_catalog()
    if isinstance(catalog, Catalog):
        return catalog
    return load_catalog(catalog)


__all__ = [
    "CATEGORIES",
    "Catalog",
    "Commemoration",
    "LunarDay",
    "MissingDay",
    "Origin",
    "SolarDay",
    "SolarTermDay",
    "UnknownKeyError",
    "WholeMonth",
    "default_catalog",
    "load_catalog",
    "resolve_catalog",
]
