"""Organisations (and provinces) with lifetimes: who a commemoration or a congress belongs to.

The shipped organisations are the files of ``data/organisations/`` (a key is unique across
them). Each has a start, maybe an end (its last day) and a successor (the body that took it
over), so a milestone, a congress term or a plan's mention can be judged against its life:
the milestones of a commemoration whose body has ended are not produced after its end
(:func:`thidua_calendar.milestones`, unless ``include_ended=True``), a congress series ends
with its body, and the plan checks warn about a plan that names a body that no longer exists.

Examples:
    >>> import datetime as dt
    >>> cdvc = organisation("cong_doan_vien_chuc_viet_nam")
    >>> cdvc.exists_in(2024), cdvc.exists_in(2026)
    (True, False)
    >>> organisation("tinh_quang_nam").successor
    'tp_da_nang'
    >>> organisation("tinh_quang_nam").exists_on(dt.date(2025, 7, 1))
    False
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Final

import attrs

from ._days import Origin
from ._toml import Fields, Located, meta_revision
from ._validators import not_empty, of_type, texts
from ._vocabulary import (
    Confidence,
    LangArg,
    OrganisationKind,
    to_confidence,
    to_organisation_kind,
)
from ._wording import lang_of, pick
from .errors import (
    DataError,
    InvalidDateError,
    InvalidTypeError,
    InvalidValueError,
    UnknownKeyError,
)

_KEY: Final = re.compile(r"[a-z0-9_]+")


def _optional_key(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None:
        _check_key(attribute.name, value)


def _key(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    _check_key(attribute.name, value)


def _check_key(name: str, value: object) -> None:
    attribute_name = name
    if not isinstance(value, str):
        raise InvalidTypeError(f"{attribute_name} must be str, not {type(value).__name__}")
    if not _KEY.fullmatch(value):
        raise InvalidValueError(
            f"{attribute_name} must be lowercase ASCII letters, digits and _, not {value!r}"
        )


def _fold(text: str) -> str:
    """The form names are compared in: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@attrs.frozen
class Organisation:
    """A body that commemorations and congresses belong to: the Party, a union, a province.

    Attributes:
        key: Stable identifier (``cong_doan_vien_chuc_viet_nam``, ``tinh_quang_nam``).
        name_vi: The name as documents write it (``Công đoàn Viên chức Việt Nam``).
        name_en: English name.
        aliases: Other ways documents name it (abbreviations, former names).
        kind: An :class:`~thidua_calendar.OrganisationKind` (its string value is accepted).
        start: When its current existence began: a full date, or only the year
            (:class:`~thidua_calendar.Origin`).
        end: Its last day, if it has ended.
        successor: The key of the body that took it over, if any.
        source: Where its dates come from.
        notes: Free notes (what is uncertain, what took over).
        confidence: How sure the dates are (a :class:`~thidua_calendar.Confidence`).

    Raises:
        InvalidValueError: An end before the start, a successor without an end, a body that
            succeeds itself, or a value outside its vocabulary.
        InvalidTypeError: A field of the wrong type.
    """

    key: str = attrs.field(validator=_key)
    name_vi: str = attrs.field(validator=not_empty)
    name_en: str = attrs.field(validator=not_empty)
    kind: OrganisationKind = attrs.field(converter=to_organisation_kind)
    start: Origin = attrs.field(validator=of_type(Origin))
    end: dt.date | None = attrs.field(default=None, validator=of_type(dt.date, optional=True))
    successor: str | None = attrs.field(default=None, validator=_optional_key)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts())
    source: str = attrs.field(default="", validator=of_type(str))
    notes: str = attrs.field(default="", validator=of_type(str))
    confidence: Confidence = attrs.field(default=Confidence.HIGH, converter=to_confidence)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.first_day:
            raise InvalidValueError(
                f"{self.key}: end {self.end} is before start {self.start.iso()}"
            )
        if self.successor is not None and self.end is None:
            raise InvalidValueError(f"{self.key}: a successor needs an end")
        if self.successor == self.key:
            raise InvalidValueError(f"{self.key}: a body cannot succeed itself")

    @property
    def first_day(self) -> dt.date:
        """The first day it existed (1 January of the start year when only the year is known)."""
        return self.start.date or dt.date(self.start.year, 1, 1)

    def name(self, lang: LangArg = "vi") -> str:
        """The name in a language."""
        return pick(lang_of(lang), self.name_vi, self.name_en)

    def exists_on(self, date: dt.date) -> bool:
        """Whether it existed on a date (a start known only by its year counts from 1 January).

        Examples:
            >>> organisation("cong_doan_vien_chuc_viet_nam").exists_on(dt.date(2025, 7, 2))
            False
        """
        return self.first_day <= date and (self.end is None or date <= self.end)

    def exists_in(self, year: int) -> bool:
        """Whether it existed on at least one day of a Gregorian year."""
        return self.start.year <= year and (self.end is None or year <= self.end.year)

    def ended_before(self, date: dt.date) -> bool:
        """Whether it had ended before a date (its end is known and earlier)."""
        return self.end is not None and self.end < date

    @property
    def mention_names(self) -> tuple[str, ...]:
        """The names that, found in a document's text, name this body.

        Its name and aliases; for a province only its name with its kind ("tỉnh Quảng Nam"):
        the bare place name ("Quảng Nam") also names a river, a school or a newspaper.
        """
        if self.kind is OrganisationKind.PROVINCE:
            return (self.name_vi,)
        return (self.name_vi, *self.aliases)

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Where a text names this body: (start, end) indices into the NFC text, in order.

        A name counts only as whole words, case-insensitively ("Công đoàn Viên chức Việt Nam"
        is not found in "Công đoàn Viên chức Việt Namxyz").

        Examples:
            >>> text = "Kỷ niệm 32 năm Ngày thành lập Công đoàn Viên chức Việt Nam"
            >>> organisation("cong_doan_vien_chuc_viet_nam").mentions(text)
            [(30, 58)]
        """
        folded = unicodedata.normalize("NFC", text).casefold()
        found: set[tuple[int, int]] = set()
        for name in self.mention_names:
            words = [re.escape(w) for w in _fold(name).split()]
            pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
            found.update(m.span() for m in re.finditer(pattern, folded))
        return sorted(found)


class Organisations(Mapping[str, Organisation]):
    """Organisations by key, read-only; an unknown key is an error that suggests close keys.

    Args:
        entries: The organisations (keys must be unique).
        revision: The latest ``[meta] revision`` of the files they came from, if known.
    """

    def __init__(self, entries: Iterable[Organisation], revision: dt.date | None = None) -> None:
        self._entries: dict[str, Organisation] = {}
        for entry in entries:
            if not isinstance(entry, Organisation):
                raise InvalidTypeError(
                    f"entries must be Organisation objects, not {type(entry).__name__}"
                )
            if entry.key in self._entries:
                raise InvalidValueError(f"duplicate organisation key {entry.key!r}")
            self._entries[entry.key] = entry
        self.revision = revision
        self._view = MappingProxyType(self._entries)

    def __getitem__(self, key: str) -> Organisation:
        try:
            return self._entries[key]
        except KeyError:
            raise UnknownKeyError(unknown_message(key, self._entries)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._view)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Organisations: {len(self)}>"

    def ended_before(self, date: dt.date) -> list[Organisation]:
        """The bodies whose end is known and earlier than a date, by key."""
        return [o for _, o in sorted(self._entries.items()) if o.ended_before(date)]


def unknown_message(key: str, known: Iterable[str]) -> str:
    """``unknown organisation 'x'; did you mean …?`` (the close keys, if any)."""
    close = difflib.get_close_matches(str(key), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown organisation {key!r}{hint}"


_FIELDS: Final = {
    "key",
    "name_vi",
    "name_en",
    "aliases",
    "kind",
    "start",
    "end",
    "successor",
    "source",
    "notes",
    "confidence",
}
_KINDS: Final = tuple(k.value for k in OrganisationKind)


def parse_organisations(doc: Located) -> list[Organisation]:
    """The organisations of one file (``[meta] revision`` and ``[[organisation]]`` rows).

    Every row is checked on its own (fields, dates, an end before the start); what needs the
    other rows (successors, duplicate keys, overlapping names) is checked by
    :func:`check_organisations`.

    Raises:
        DataError: A malformed row, located at ``file:line``.
    """
    meta_revision(doc, required=True)
    unknown = sorted(set(doc.data) - {"meta", "organisation"})
    if unknown:
        raise DataError(
            "unknown table; an organisations file has [meta] and [[organisation]] entries only",
            path=doc.path,
            line=doc.key_line(unknown[0]),
        )
    tables = doc.data.get("organisation", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise DataError(
            "organisation must be an array of tables: [[organisation]]",
            path=doc.path,
            line=doc.key_line("organisation"),
        )
    return [_parse_row(_fields(doc, index)) for index in range(len(tables))]


def _fields(doc: Located, index: int) -> Fields:
    table = doc.data["organisation"][index]
    key = table.get("key")
    label = f"organisation {key!r}" if isinstance(key, str) else f"organisation #{index + 1}"
    return Fields(doc, "organisation", index, table, label)


def _parse_row(f: Fields) -> Organisation:
    f.check_known(set(_FIELDS))
    key = f.text("key")
    if not _KEY.fullmatch(key):
        raise f.fail("key", f"key must be lowercase ASCII letters, digits and _, not {key!r}")
    raw = f.table.get("start")
    if raw is None:
        raise f.fail(None, "missing field 'start' (a date YYYY-MM-DD or a year YYYY)")
    text = raw.isoformat() if isinstance(raw, dt.date) else raw
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", text):
        raise f.fail("start", f"start must be a date YYYY-MM-DD or a year YYYY, not {raw!r}")
    try:
        start = Origin.parse(text)
    except InvalidDateError as exc:
        raise f.fail("start", f"impossible start {text!r}: {exc}") from None
    end = f.iso_date("end")
    first = start.date or dt.date(start.year, 1, 1)
    if end is not None and end < first:
        raise f.fail("end", f"end {end} is before start {text}")
    successor = f.text("successor") if "successor" in f.table else None
    if successor is not None and not _KEY.fullmatch(successor):
        raise f.fail("successor", f"successor must be an organisation key, not {successor!r}")
    if successor is not None and end is None:
        raise f.fail("successor", "a successor needs an end (the last day of this body)")
    if successor == key:
        raise f.fail("successor", "a body cannot succeed itself")
    return Organisation(
        key=key,
        name_vi=unicodedata.normalize("NFC", f.text("name_vi")),
        name_en=f.text("name_en"),
        kind=f.choice("kind", _KINDS),
        start=start,
        end=end,
        successor=successor,
        aliases=tuple(unicodedata.normalize("NFC", a) for a in f.texts("aliases")),
        source=f.text("source"),
        notes=f.text("notes", required=False),
        confidence=f.choice("confidence", ("high", "medium", "low"), default="high"),
    )


def check_organisations(parts: Iterable[tuple[Located, list[Organisation]]]) -> None:
    """The rules across rows and files, each error located at ``file:line``.

    - a key is unique across every file;
    - a successor exists, and exists on the day after its predecessor's end (it takes over
      then: a body merged into one that already existed, like tỉnh Quảng Nam into thành phố
      Đà Nẵng, or one founded that day);
    - two bodies sharing a name or an alias (case-insensitive) do not exist at the same time,
      so a name found in a document names one body on any date.

    Raises:
        DataError: The first rule broken.
    """
    where: dict[str, tuple[Located, int]] = {}
    bodies: dict[str, Organisation] = {}
    for doc, rows in parts:
        for index, row in enumerate(rows):
            if row.key in where:
                other, other_index = where[row.key]
                line = other.table_line("organisation", other_index)
                raise _fields(doc, index).fail(
                    "key", f"duplicate key {row.key!r} (also at {other.path}:{line})"
                )
            where[row.key] = (doc, index)
            bodies[row.key] = row
    for key, row in bodies.items():
        if row.successor is None or row.end is None:
            continue
        doc, index = where[key]
        f = _fields(doc, index)
        heir = bodies.get(row.successor)
        if heir is None:
            raise f.fail("successor", unknown_message(row.successor, bodies))
        takeover = row.end + dt.timedelta(days=1)
        if not heir.exists_on(takeover):
            raise f.fail(
                "successor",
                f"successor {heir.key!r} does not exist on {takeover} (the day after this body "
                f"ends): it exists {heir.start.iso()}–{heir.end or '…'}",
            )
    named: dict[str, list[Organisation]] = {}
    for row in bodies.values():
        for name in {_fold(n) for n in (row.name_vi, *row.aliases)}:
            named.setdefault(name, []).append(row)
    for name, sharing in sorted(named.items()):
        for i, a in enumerate(sharing):
            for b in sharing[i + 1 :]:
                if _overlap(a, b):
                    doc, index = where[b.key]
                    other_doc, other_index = where[a.key]
                    line = other_doc.table_line("organisation", other_index)
                    raise _fields(doc, index).fail(
                        "aliases",
                        f"the name {name!r} also names {a.key!r} ({other_doc.path}:{line}) "
                        "while both exist; give one body the name, or end one before the "
                        "other starts",
                    )


def _overlap(a: Organisation, b: Organisation) -> bool:
    a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
    return a.first_day <= b_end and b.first_day <= a_end


ORGANISATIONS_DIR: Final = "organisations"
"""The shipped organisations' directory under ``data/``: every ``.toml`` file in it is a part."""


@cache
def default_organisations() -> Organisations:
    """The shipped organisations: every part of ``data/organisations/`` (loaded once).

    Raises:
        DataError: A malformed part, or a rule across rows broken (``file:line``).
    """
    from . import _data

    parts = []
    revisions = []
    for name in _data.names(ORGANISATIONS_DIR):
        if not name.endswith(".toml"):
            continue
        doc = Located(_data.read_text(ORGANISATIONS_DIR, name), f"data/{ORGANISATIONS_DIR}/{name}")
        parts.append((doc, parse_organisations(doc)))
        revision = meta_revision(doc, required=True)
        assert revision is not None
        revisions.append(revision)
    check_organisations(parts)
    return Organisations(
        (row for _, rows in parts for row in rows), max(revisions) if revisions else None
    )


def gone_by(first_day: dt.date) -> list[Organisation]:
    """The shipped bodies the data marks as ended before a plan period's first day.

    The one rule of "a body that no longer exists in the plan year" (``plan check`` and
    ``lint`` warn with ``organisation-ended``): only a body with a recorded ``end`` before
    ``first_day`` counts; one that ends during the plan year still exists in it.

    Examples:
        >>> [o.key for o in gone_by(dt.date(2026, 1, 1))][:2]
        ['cong_doan_vien_chuc_viet_nam', 'tinh_ba_ria_vung_tau']
        >>> "cong_doan_vien_chuc_viet_nam" in {o.key for o in gone_by(dt.date(2025, 1, 1))}
        False
    """
    return default_organisations().ended_before(first_day)


def ended_mentions(text: str, first_day: dt.date) -> list[tuple[Organisation, int, int]]:
    """Where a text names a body gone by ``first_day`` (:func:`gone_by`): (body, start, end).

    Each body is matched by its :attr:`Organisation.mention_names`, as whole words; the
    spans index the NFC text, in order.

    Examples:
        >>> text = "Nghị quyết Đại hội VI Công đoàn Viên chức Việt Nam"
        >>> [(o.key, a, b) for o, a, b in ended_mentions(text, dt.date(2026, 1, 1))]
        [('cong_doan_vien_chuc_viet_nam', 22, 50)]
    """
    found = [
        (body, start, end) for body in gone_by(first_day) for start, end in body.mentions(text)
    ]
    return sorted(found, key=lambda item: (item[1], item[2], item[0].key))


def organisation(key: str) -> Organisation:
    """A shipped organisation by key.

    Raises:
        UnknownKeyError: No such key (the message suggests close keys).

    Examples:
        >>> organisation("doan_tncs_ho_chi_minh").start
        Origin(year=1931, month=3, day=26)
        >>> organisation("cong_doan_vien_chuc")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        thidua_calendar.errors.UnknownKeyError: unknown organisation ... did you mean ...
    """
    return default_organisations()[key]


__all__ = [
    "Organisation",
    "OrganisationKind",
    "Organisations",
    "check_organisations",
    "default_organisations",
    "ended_mentions",
    "gone_by",
    "organisation",
    "parse_organisations",
]
