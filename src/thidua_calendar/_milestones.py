"""Milestone anniversaries: ordinal, rank and the wording plans use.

Ordinal N = anniversary year − origin year. Rank under Nghị định 145/2013/NĐ-CP, Điều 3:
"năm tròn" when N ends in 0, "năm lẻ 5" when it ends in 5, otherwise "năm khác". Giỗ Tổ Hùng
Vương has no origin: its rank is that of the Gregorian year itself.

Examples:
    >>> m = milestone("thanh_lap_dang", 2020)  # doctest: +ELLIPSIS
    >>> m.label("vi")
    'Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)'
    >>> m.label("en")
    '90th anniversary of the founding of the Communist Party of Vietnam (3 February 1930 – ...)'
    >>> m.rank
    <Rank.TRON: 'tron'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import attrs

from ._validators import of_type
from ._vocabulary import (
    DEFAULT_CATEGORIES,
    Category,
    LangArg,
    Rank,
    RankBasis,
    parse,
    to_optional_rank,
)
from ._years import YEARS, check_date, check_year
from .commemorations import (
    Catalog,
    Commemoration,
    MissingDay,
    Origin,
    resolve_catalog,
)
from .errors import InvalidTypeError, InvalidValueError, OutOfRangeError, ThiduaError


@attrs.frozen(repr=False)
class Milestone:
    """One occurrence of a commemoration in a year.

    Attributes:
        commemoration: The catalogue entry.
        date: The day (the first day, for a whole-month observance).
        end: The last day (the same as ``date`` for a single day).
        ordinal: The anniversary number N, when years are counted.
        rank: The rank of N (of the year, for Giỗ Tổ Hùng Vương), when ranked.
    """

    commemoration: Commemoration = attrs.field(validator=of_type(Commemoration))
    date: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date = attrs.field(validator=of_type(dt.date))
    ordinal: int | None = attrs.field(validator=of_type(int, optional=True))
    rank: Rank | None = attrs.field(converter=to_optional_rank)

    def __attrs_post_init__(self) -> None:
        if self.end < self.date:
            raise InvalidValueError(f"a milestone ends ({self.end}) before it starts ({self.date})")
        if self.ordinal is not None and self.ordinal <= 0:
            raise InvalidValueError(f"an anniversary ordinal is positive, not {self.ordinal}")

    def __repr__(self) -> str:
        rank = f"Rank.{self.rank.name}" if self.rank else "None"
        return (
            f"Milestone(key={self.key!r}, date={self.date!r}, ordinal={self.ordinal!r}, "
            f"rank={rank})"
        )

    @property
    def key(self) -> str:
        """The commemoration's key."""
        return self.commemoration.key

    @property
    def name(self) -> str:
        """The Vietnamese name."""
        return self.commemoration.name_vi

    @property
    def origin(self) -> Origin | None:
        """When the commemorated event happened."""
        return self.commemoration.origin

    @property
    def major_day(self) -> bool:
        """Whether it is one of the ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4)."""
        return self.commemoration.major_day

    def label(self, lang: LangArg = "vi") -> str:
        """The wording plans use.

        Vietnamese: ``Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 -
        03/02/2020)``; English: ``90th anniversary of the founding of the Communist Party of
        Vietnam (3 February 1930 – 3 February 2020)``. Days without counted years get their
        name and year (``Tết Nguyên đán Bính Ngọ 2026``, ``Tháng Công nhân năm 2026``).
        """
        from ._wording.milestones import milestone_label

        return milestone_label(self, lang)

    def rank_label(self, lang: LangArg = "vi") -> str | None:
        """The rank's name (``năm tròn``, ``năm lẻ 5``, ``năm khác`` or in English), if ranked.

        Examples:
            >>> milestone("cach_mang_thang_tam", 2025).rank_label("en")
            'round anniversary (multiple of 10)'
        """
        from ._wording import rank_label

        return rank_label(self.rank, lang) if self.rank is not None else None

    def as_record(self, lang: LangArg = "vi") -> dict[str, object]:
        """A flat record for JSON and CSV output."""
        c = self.commemoration
        return {
            "key": self.key,
            "name": c.name(lang),
            "date": self.date.isoformat(),
            "end": self.end.isoformat(),
            "origin": c.origin.iso() if c.origin else None,
            "ordinal": self.ordinal,
            "rank": str(self.rank) if self.rank else None,
            "category": str(c.category),
            "major_day": c.major_day,
            "label": self.label(lang),
            "legal_basis": c.legal_basis,
        }


class MilestoneError(ThiduaError, ValueError):
    """A milestone that cannot exist (an origin after the requested year, say)."""


def _occurrence_milestones(
    entry: Commemoration, year: int, missing: MissingDay, include_ended: bool = False
) -> list[Milestone]:
    """The milestones of one commemoration in a year: the one rule of what is produced.

    An occurrence is left out when the commemoration is not valid on its day, when its
    ordinal would not be positive, or (unless ``include_ended``) when the body it belongs to
    (:attr:`Commemoration.organisation`) does not exist on that day: it has ended, or not
    yet begun.
    """
    body = None
    if entry.organisation is not None and not include_ended:
        from .organisations import organisation

        body = organisation(entry.organisation)
    found = []
    for start, end in entry.occurrences(year, missing):
        if not entry.is_valid_on(start):
            continue
        if body is not None and not body.exists_on(start):
            continue
        ordinal: int | None = None
        rank: Rank | None = None
        if entry.rank_by is RankBasis.ORIGIN and entry.origin is not None:
            ordinal = year - entry.origin.year
            if ordinal <= 0:
                continue
            rank = Rank.of(ordinal)
        elif entry.rank_by is RankBasis.GREGORIAN:
            rank = Rank.of(year)
        found.append(Milestone(entry, start, end, ordinal, rank))
    return found


def _year_of(
    catalog: Catalog, year: int, missing: MissingDay, include_ended: bool = False
) -> tuple[Milestone, ...]:
    """Every milestone of a catalogue in a year, sorted; computed once per set of arguments.

    The cache key is the year, the missing-day policy and ``include_ended``. Catalogues
    are immutable, so the result is kept on the catalogue itself.
    """
    cache = catalog.computed
    cache_key = (year, missing, include_ended)
    found = cache.get(cache_key)
    if found is None:
        found = tuple(
            sorted(
                (
                    m
                    for e in catalog.values()
                    for m in _occurrence_milestones(e, year, missing, include_ended)
                ),
                key=lambda m: (m.date, m.key),
            )
        )
        cache[cache_key] = found
    return found


def milestones(
    year: int,
    *,
    catalog: Catalog | str | Path | None = None,
    categories: Iterable[str] | Literal["all"] | None = None,
    rank: str | Rank | None = None,
    keys: Iterable[str] | None = None,
    missing_day: MissingDay = MissingDay.LAST_DAY,
    include_ended: bool = False,
) -> list[Milestone]:
    """Every milestone of a Gregorian year, in date order.

    Args:
        year: The Gregorian year (1901–2199).
        catalog: A :class:`Catalog`, a path to a user catalogue (merged over the shipped
            one) or ``None`` for the shipped catalogue.
        categories: Keep only these categories (``national``, ``union`` …); ``"all"`` for
            every category; ``None`` for the default selection
            (:data:`DEFAULT_CATEGORIES`: all but the leaders', provinces' and sectors' days),
            or for every category when ``keys`` are given.
        rank: Keep only this rank (``"tron"``, ``"le5"``, ``"khac"``), or ``"all"``/None.
        keys: Keep only these commemorations (unknown keys are an error).
        missing_day: Policy for lunar day 30 and 29 February in years without them.
        include_ended: Also the milestones of a commemoration whose body
            (``data/organisations/``) does not exist on the day: it has ended (Công đoàn Viên
            chức Việt Nam, 2025) or not yet begun. Left out by default.

    Returns:
        Milestones sorted by date then key. No ordinal is ever ≤ 0: commemorations whose
        origin is in or after ``year`` are left out, as are those not valid that year and
        (unless ``include_ended``) those of a body that does not exist on the day.

    Examples:
        >>> [m.label() for m in milestones(2020, categories=["union"], rank="le5")]
        []
        >>> [m.ordinal for m in milestones(2026, keys=["thanh_lap_cong_doan_vien_chuc_vn"])]
        []
        >>> [m.ordinal for m in milestones(2026, keys=["thanh_lap_cong_doan_vien_chuc_vn"],
        ...                                include_ended=True)]
        [32]
        >>> [m.ordinal for m in milestones(2020, keys=["ngay_sinh_chu_tich_hcm", "quoc_khanh"])]
        [130, 75]
    """
    year = check_year(year)
    cat = resolve_catalog(catalog)
    if not isinstance(missing_day, MissingDay):
        raise InvalidValueError(f"missing_day must be a MissingDay, not {missing_day!r}")
    if not isinstance(include_ended, bool):
        raise InvalidTypeError(f"include_ended must be a bool, not {type(include_ended).__name__}")
    wanted_rank = None if rank is None or rank == "all" else Rank.parse(rank)
    found: Iterable[Milestone] = _year_of(cat, year, missing_day, include_ended)
    if keys is not None:
        if isinstance(keys, str):
            raise InvalidValueError(f"keys is a list of keys, not the string {keys!r}")
        chosen_keys = {cat[k].key for k in keys}  # unknown keys raise, with close matches
        found = [m for m in found if m.key in chosen_keys]
    chosen = selected_categories(categories, keys_given=keys is not None)
    if chosen is not None:
        found = [m for m in found if m.commemoration.category in chosen]
    if wanted_rank is not None:
        found = [m for m in found if m.rank is wanted_rank]
    return list(found)


def selected_categories(
    categories: Iterable[str] | Literal["all"] | None, *, keys_given: bool = False
) -> frozenset[Category] | None:
    """The categories a listing keeps, or ``None`` for every one (the one selection rule).

    Args:
        categories: Category names, ``"all"``, or ``None`` for :data:`DEFAULT_CATEGORIES`.
        keys_given: The caller names commemorations by key: ``None`` then keeps every category.

    Raises:
        InvalidValueError: A name that is not a category, or a string other than ``"all"``.

    Examples:
        >>> sorted(selected_categories(["union", "party"]))
        [<Category.PARTY: 'party'>, <Category.UNION: 'union'>]
        >>> selected_categories("all") is None
        True
        >>> Category.LEADER in selected_categories(None)
        False
    """
    if categories is None:
        return None if keys_given else DEFAULT_CATEGORIES
    if isinstance(categories, str):
        if categories == "all":
            return None
        raise InvalidValueError(
            f'categories is a list of categories or "all", not the string {categories!r}'
        )
    return frozenset(parse(Category, c, "category") for c in categories)


def milestone(
    key: str,
    year: int,
    *,
    catalog: Catalog | str | Path | None = None,
    missing_day: MissingDay = MissingDay.LAST_DAY,
    include_ended: bool = False,
) -> Milestone:
    """The milestone of one commemoration in a year.

    Args:
        key: The commemoration's key.
        year: The Gregorian year.
        catalog: As for :func:`milestones`.
        missing_day: As for :func:`milestones`.
        include_ended: As for :func:`milestones`: also when its body does not exist then.

    Raises:
        UnknownKeyError: No such key.
        MilestoneError: The commemoration has no occurrence that year: its origin is in or
            after the year, it is not valid then, its body has ended (or not begun), or
            ``missing_day`` skipped it.
    """
    year = check_year(year)
    entry = resolve_catalog(catalog)[key]
    found = _occurrence_milestones(entry, year, missing_day, include_ended)
    if found:
        return found[0]
    if not include_ended and entry.organisation is not None:
        from .organisations import organisation

        body = organisation(entry.organisation)
        if _occurrence_milestones(entry, year, missing_day, include_ended=True):
            raise MilestoneError(
                f"{key}: its body {body.key!r} does not exist in {year} (it exists "
                f"{body.start.iso()}–{body.end or '…'}); pass include_ended=True for it anyway"
            )
    if entry.origin is not None and entry.rank_by is RankBasis.ORIGIN and entry.origin.year >= year:
        raise MilestoneError(
            f"{key}: its origin ({entry.origin.iso()}) is not before {year}, "
            "so there is no anniversary that year"
        )
    raise MilestoneError(
        f"{key} has no occurrence in {year} (validity "
        f"{entry.valid_from or '…'}–{entry.valid_until or '…'})"
    )


def milestones_between(start: dt.date, end: dt.date, **options: object) -> list[Milestone]:
    """Every milestone from ``start`` to ``end`` inclusive (options as :func:`milestones`).

    Examples:
        >>> span = dt.date(2025, 4, 29), dt.date(2025, 5, 2)
        >>> for m in milestones_between(*span, categories=["national", "union"]):
        ...     print(m.date, m.key)
        2025-04-30 giai_phong_mien_nam
        2025-05-01 thang_cong_nhan
        2025-05-01 thang_hanh_dong_atvsld
    """
    start, end = check_date(start, "start"), check_date(end, "end")
    if end < start:
        raise ValueError(f"the span ends ({end}) before it starts ({start})")
    found: list[Milestone] = []
    for year in range(start.year, end.year + 1):
        found.extend(
            m
            for m in milestones(year, **options)  # type: ignore[arg-type]
            if m.date <= end and m.end >= start
        )
    return found


def upcoming(
    start: dt.date,
    *,
    years: int = 5,
    min_rank: str | Rank = Rank.LE5,
    catalog: Catalog | str | Path | None = None,
    categories: Iterable[str] | Literal["all"] | None = None,
    include_ended: bool = False,
) -> list[Milestone]:
    """Ranked anniversaries from ``start`` over the next ``years`` years, for planning.

    Args:
        start: First day considered.
        years: How many years ahead (the span ends the day before the same date then).
        min_rank: ``"tron"`` for năm tròn only, ``"le5"`` for tròn and lẻ 5.
        catalog: As for :func:`milestones`.
        categories: As for :func:`milestones`.
        include_ended: As for :func:`milestones`.

    Examples:
        >>> [m.label() for m in upcoming(dt.date(2029, 12, 1), years=1, min_rank="tron",
        ...                               categories=["party"])][:1]
        ['Kỷ niệm 100 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2030)']
    """
    start = check_date(start, "start")
    if isinstance(years, bool) or not isinstance(years, int):
        raise InvalidTypeError(f"years must be an int, not {type(years).__name__}")
    if years < 1:
        raise ValueError("years must be at least 1")
    if years > len(YEARS):
        raise OutOfRangeError(f"years must be at most {len(YEARS)}, not {years}")
    floor = Rank.parse(min_rank)
    try:
        stop = start.replace(year=start.year + years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        stop = dt.date(start.year + years, 2, 28)
    cat = resolve_catalog(catalog)
    return [
        m
        for m in milestones_between(
            start, stop, catalog=cat, categories=categories, include_ended=include_ended
        )
        if m.rank is not None and m.ordinal is not None and m.rank.at_least(floor)
    ]


def next_occurrence(
    key: str, after: dt.date, *, catalog: Catalog | str | Path | None = None
) -> Milestone | None:
    """The first occurrence of a commemoration on or after a date, this year or the next.

    The one rule for "the phase ends on the next <day>": it reads the catalogue it is given
    (a plan's own catalogue, with the organisation's days), never another.

    Args:
        key: The commemoration's key.
        after: The first day considered.
        catalog: The catalogue the key belongs to (default: the shipped one).

    Returns:
        The milestone, or ``None`` when it does not occur within the supported years.

    Raises:
        UnknownKeyError: No such key in the catalogue.

    Examples:
        >>> next_occurrence("thanh_lap_cong_doan_viet_nam", dt.date(2026, 8, 1)).date
        datetime.date(2027, 7, 28)
    """
    cat = resolve_catalog(catalog)
    cat[key]  # raises UnknownKeyError with close keys
    for year in (after.year, after.year + 1):
        if year not in YEARS:
            continue
        for m in milestones(year, catalog=cat, keys=[key]):
            if m.date >= after:
                return m
    return None


__all__ = [
    "Milestone",
    "MilestoneError",
    "milestone",
    "milestones",
    "milestones_between",
    "next_occurrence",
    "upcoming",
]
