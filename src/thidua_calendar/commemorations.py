"""The catalogue of commemorations: model, loading and look-up.

The shipped catalogue is ``data/commemorations.toml`` (every row with its
source). An organisation adds its own days, or overrides shipped ones by key, with a TOML file
of the same shape loaded by :func:`load_catalog`::

    [[commemoration]]
    key = "thanh_lap_truong"
    name_vi = "Ngày thành lập Trường THPT Chu Văn An"
    calendar = "solar"           # or "lunar", or "month" (a whole Gregorian month)
    month = 10
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
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Final, Literal

import attrs

from ._toml import Fields, Located, meta_revision
from .errors import DataError, InvalidDateError, ThiduaError
from .lunar._date import LunarDate

CATEGORIES: Final = (
    "national",
    "party",
    "union",
    "international",
    "provincial",
    "sector",
    "observance",
)
RANK_BY: Final = ("origin", "gregorian", "none")
Lang = Literal["vi", "en"]

MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class UnknownKeyError(ThiduaError, KeyError):
    """A key that names no commemoration (the message suggests close keys)."""

    def __str__(self) -> str:
        return str(self.args[0])


class MissingDay(Enum):
    """What to do when a commemoration's day does not exist in a year.

    Lunar day 30 in a 29-day lunar month, and 29 February in a common year.
    """

    LAST_DAY = "last_day"
    """Keep it on the last day of the month (29th lunar, 28 February) — the default, as
    Vietnamese families keep a death anniversary on the last day of a short month."""
    NEXT_DAY = "next_day"
    """Move it to the first day of the next month."""
    SKIP = "skip"
    """No occurrence that year."""


@attrs.frozen
class SolarDay:
    """A day of the Gregorian year (month, day), without a year. 29 February is allowed."""

    month: int = attrs.field(validator=attrs.validators.instance_of(int))
    day: int = attrs.field(validator=attrs.validators.instance_of(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"month must be 1–12, not {self.month}")
        days = _calendar.monthrange(2000, self.month)[1]  # 2000 is a leap year
        if not 1 <= self.day <= days:
            raise InvalidDateError(
                f"{self.day}/{self.month} does not exist: month {self.month} "
                f"has at most {days} days"
            )

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"

    def in_year(self, year: int, missing: MissingDay = MissingDay.LAST_DAY) -> dt.date | None:
        """The date in a Gregorian year (29 February follows ``missing``)."""
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            if missing is MissingDay.SKIP:
                return None
            return dt.date(year, 2, 28) if missing is MissingDay.LAST_DAY else dt.date(year, 3, 1)


@attrs.frozen
class LunarDay:
    """A day of the lunar year (month, day), without a year; always the regular month."""

    month: int = attrs.field(validator=attrs.validators.instance_of(int))
    day: int = attrs.field(validator=attrs.validators.instance_of(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"lunar month must be 1–12, not {self.month}")
        if not 1 <= self.day <= 30:
            raise InvalidDateError(f"lunar day must be 1–30, not {self.day}")

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d} âm lịch"

    def in_lunar_year(self, year: int, missing: MissingDay = MissingDay.LAST_DAY) -> dt.date | None:
        """The Gregorian date of this day in a lunar year (Vietnamese calendar)."""
        try:
            return LunarDate(year, self.month, self.day).to_solar()
        except InvalidDateError:
            if missing is MissingDay.SKIP:
                return None
            last = LunarDate(year, self.month, 29).to_solar()  # day 30 of a 29-day month
            return last if missing is MissingDay.LAST_DAY else last + dt.timedelta(days=1)


@attrs.frozen
class WholeMonth:
    """A whole Gregorian month (Tháng Công nhân is May)."""

    month: int = attrs.field(validator=attrs.validators.instance_of(int))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InvalidDateError(f"month must be 1–12, not {self.month}")

    def __str__(self) -> str:
        return f"tháng {self.month}"


Rule = SolarDay | LunarDay | WholeMonth


@attrs.frozen
class Origin:
    """When a commemorated event happened: a full date, or only its year.

    Examples:
        >>> Origin.parse("1930-02-03").vi(), Origin.parse("1910").en()
        ('03/02/1930', '1910')
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if (self.month is None) != (self.day is None):
            raise InvalidDateError("an origin has both a month and a day, or neither")
        if self.month is not None and self.day is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError if impossible

    @classmethod
    def parse(cls, text: str) -> Origin:
        """``"1930-02-03"`` or ``"1930"`` (``"0040"`` for the year 40)."""
        text = text.strip()
        if text.isdigit():
            return cls(int(text))
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidDateError(f"an origin is YYYY-MM-DD or YYYY, not {text!r}") from None
        return cls(date.year, date.month, date.day)

    @property
    def date(self) -> dt.date | None:
        """The full date, when known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def vi(self) -> str:
        """``03/02/1930`` or ``1930``."""
        date = self.date
        return format_vi(date) if date else str(self.year)

    def en(self) -> str:
        """``3 February 1930`` or ``1930``."""
        date = self.date
        return format_en(date) if date else str(self.year)

    def iso(self) -> str:
        """``1930-02-03`` or ``1930``."""
        date = self.date
        return date.isoformat() if date else f"{self.year:04d}"


def format_vi(date: dt.date) -> str:
    """A date as Vietnamese documents write it: ``03/02/2020``."""
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


def format_en(date: dt.date) -> str:
    """A date in English prose: ``3 February 2020``."""
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


@attrs.frozen
class Commemoration:
    """One commemorated day of the catalogue.

    Attributes:
        key: Stable identifier (feeds derive their UIDs from it).
        name_vi: The name as plans write it after "Kỷ niệm N năm".
        name_en: English title.
        anniversary_en: English phrase read after "90th anniversary of".
        rule: When it falls each year (:class:`SolarDay`, :class:`LunarDay`, :class:`WholeMonth`).
        origin: When the commemorated event happened, if years are counted.
        category: One of :data:`CATEGORIES`.
        rank_by: ``"origin"`` (ordinal = year − origin year), ``"gregorian"`` (Giỗ Tổ Hùng
            Vương: the Gregorian year itself is ranked) or ``"none"``.
        holiday: One of the "ngày lễ lớn" of Nghị định 145/2013/NĐ-CP, Điều 4.
        public_holiday: A paid day off (Bộ luật Lao động 2019, Điều 112).
        legal_basis: The legal text that establishes or ranks it.
        source: Where its facts come from.
        aliases: Other ways plans write it.
        valid_from: First day it exists (a new day, a province's founding), if limited.
        valid_until: Last day it exists (provinces merged on 1/7/2025 end on 30/6/2025).
        confidence: ``high``, ``medium`` or ``low``.
        notes: Free notes.
    """

    key: str
    name_vi: str
    name_en: str
    anniversary_en: str
    rule: Rule
    origin: Origin | None
    category: str
    rank_by: str
    holiday: bool = False
    public_holiday: bool = False
    legal_basis: str = ""
    source: str = ""
    aliases: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    confidence: str = "high"
    notes: str = ""

    def name(self, lang: Lang = "vi") -> str:
        """The name in a language."""
        return self.name_en if lang == "en" else self.name_vi

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
    "month",
    "day",
    "origin",
    "category",
    "holiday",
    "public_holiday",
    "rank_by",
    "legal_basis",
    "source",
    "confidence",
    "verified",
    "valid_from",
    "valid_until",
    "notes",
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
            raise TypeError(
                f"revision must be a datetime.date or None, not {type(revision).__name__}"
            )
        self._entries: dict[str, Commemoration] = {}
        for entry in entries:
            self._entries[entry.key] = entry
        self.revision = revision
        self.sources = sources
        self._names: dict[str, Commemoration] | None = None

    def __getitem__(self, key: str) -> Commemoration:
        try:
            return self._entries[key]
        except KeyError:
            close = difflib.get_close_matches(key, self._entries, n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownKeyError(f"unknown commemoration {key!r}{hint}") from None

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
            f"unknown table(s) {', '.join(unknown)}; expected [[commemoration]] entries",
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
        key = table.get("key")
        label = f"commemoration {key!r}" if isinstance(key, str) else f"commemoration #{index + 1}"
        fields = Fields(doc, "commemoration", index, table, label)
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
    kind = f.choice("calendar", ("solar", "lunar", "month"))
    month = f.integer("month", low=1, high=12)
    assert month is not None
    rule: Rule
    try:
        if kind == "month":
            if "day" in f.table:
                raise f.fail("day", 'a whole-month commemoration (calendar = "month") has no day')
            rule = WholeMonth(month)
        else:
            day = f.integer("day", low=1, high=31 if kind == "solar" else 30)
            assert day is not None
            rule = SolarDay(month, day) if kind == "solar" else LunarDay(month, day)
    except InvalidDateError as exc:
        raise f.fail("day", str(exc)) from None
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
        holiday=f.flag("holiday"),
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
    )


@cache
def default_catalog() -> Catalog:
    """The shipped catalogue (loaded once, on first use)."""
    from . import _data

    text = _data.read_text("commemorations.toml")
    return parse_catalog(Located(text, "data/commemorations.toml"), strict=True)


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
    "UnknownKeyError",
    "WholeMonth",
    "default_catalog",
    "format_en",
    "format_vi",
    "load_catalog",
    "resolve_catalog",
]
