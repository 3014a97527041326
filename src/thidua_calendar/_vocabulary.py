"""The domain's vocabulary: every closed set of values is a :class:`enum.StrEnum`.

Members compare equal to their string values (``Category.PARTY == "party"``), so TOML files,
JSON records and command-line options use the plain strings, while the model holds members.
:func:`parse` turns a string into a member with an error that names the field and the allowed
values; the ``to_…`` converters do the same in attrs fields at construction.

Examples:
    >>> Category("party"), Rank.of(75)
    (<Category.PARTY: 'party'>, <Rank.LE5: 'le5'>)
    >>> parse(Lang, "fr", "lang")
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.InvalidValueError: lang must be one of vi, en, not 'fr'
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Final, Literal, TypeAlias, TypeVar

from .errors import InvalidTypeError, InvalidValueError

E = TypeVar("E", bound=StrEnum)


class Lang(StrEnum):
    """The languages of every text the library writes: Vietnamese first, English."""

    VI = "vi"
    EN = "en"


LangArg: TypeAlias = Lang | Literal["vi", "en"]
"""What a ``lang`` parameter accepts: a :class:`Lang` or its value."""


class Category(StrEnum):
    """What a commemoration commemorates (selects it in plans and listings)."""

    NATIONAL = "national"
    """National days and events of the state."""
    PARTY = "party"
    """The Party, its founders and leaders."""
    UNION = "union"
    """Trade unions (Công đoàn) and the workers' movement."""
    ORGANISATION = "organisation"
    """Mass organisations and associations (Đoàn, Hội LHPN, Hội Nông dân, MTTQ, Hội Nhà báo …)."""
    LEADER = "leader"
    """Birth and death anniversaries of leaders."""
    HISTORY = "history"
    """Historical events (Nam Bộ kháng chiến, Hiệp định Paris, Đổi mới …)."""
    INTERNATIONAL = "international"
    """International days."""
    PROVINCIAL = "provincial"
    """Provinces and cities: founding, re-establishment, liberation."""
    SECTOR = "sector"
    """Traditional days of ministries, sectors and armed forces (ngày truyền thống ngành)."""
    OBSERVANCE = "observance"
    """Festivals and observances without a counted origin (Tết, Tháng Công nhân)."""


DEFAULT_CATEGORIES: Final = frozenset(Category) - {
    Category.LEADER,
    Category.PROVINCIAL,
    Category.SECTOR,
}
"""The categories a listing selects when it names none: the leaders', provinces' and sectors'
days are many and each concerns its own plans, so they are left out until named."""


class RankBasis(StrEnum):
    """What an anniversary's rank is computed from."""

    ORIGIN = "origin"
    """The ordinal: year − origin year."""
    GREGORIAN = "gregorian"
    """The Gregorian year itself (Giỗ Tổ Hùng Vương has no origin year)."""
    NONE = "none"
    """Not ranked."""


class Rank(StrEnum):
    """The rank of an anniversary (Nghị định 145/2013/NĐ-CP, Điều 3)."""

    TRON = "tron"
    """Năm tròn: the ordinal ends in 0."""
    LE5 = "le5"
    """Năm lẻ 5: the ordinal ends in 5."""
    KHAC = "khac"
    """Any other year."""

    @classmethod
    def of(cls, number: int) -> Rank:
        """The rank of an ordinal (or, for Giỗ Tổ Hùng Vương, of a year).

        Examples:
            >>> Rank.of(90), Rank.of(75), Rank.of(91)
            (<Rank.TRON: 'tron'>, <Rank.LE5: 'le5'>, <Rank.KHAC: 'khac'>)
        """
        return cls.TRON if number % 10 == 0 else cls.LE5 if number % 5 == 0 else cls.KHAC

    @classmethod
    def parse(cls, text: str | Rank) -> Rank:
        """A rank from its name: ``tron``, ``le5``, ``khac`` (or ``round``, ``five``, ``other``).

        Raises:
            InvalidValueError: Not a rank's name.
        """
        if isinstance(text, Rank):
            return text
        if not isinstance(text, str):
            raise InvalidTypeError(f"rank must be a string, not {type(text).__name__}")
        found = _RANK_ALIASES.get(text.strip().lower())
        if found is None:
            raise InvalidValueError(
                f"unknown rank {text!r}; choose one of: tron, le5, khac (or all)"
            )
        return found

    def at_least(self, other: Rank) -> bool:
        """Whether this rank is as high as ``other`` (tròn > lẻ 5 > khác)."""
        order = (Rank.KHAC, Rank.LE5, Rank.TRON)
        return order.index(self) >= order.index(other)


_RANK_ALIASES = {
    "tron": Rank.TRON,
    "round": Rank.TRON,
    "le5": Rank.LE5,
    "five": Rank.LE5,
    "khac": Rank.KHAC,
    "other": Rank.KHAC,
}


class Confidence(StrEnum):
    """How sure the researched facts of a data row are."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class OrganisationKind(StrEnum):
    """What kind of body an organisation is (``data/organisations/``)."""

    PARTY = "party"
    """The Communist Party of Vietnam."""
    STATE = "state"
    """A state body (Quốc hội, Chính phủ)."""
    FRONT = "front"
    """Mặt trận Tổ quốc Việt Nam."""
    UNION = "union"
    """A trade union body (Tổng Liên đoàn, a national sector union)."""
    MASS = "mass"
    """A socio-political mass organisation (Đoàn, Hội LHPN, Hội Nông dân, Hội CCB …)."""
    ASSOCIATION = "association"
    """An association (hội) given tasks by the Party and State."""
    PROVINCE = "province"
    """A province or centrally-run city."""
    MINISTRY = "ministry"
    """A ministry or ministry-level body."""
    ARMED_FORCES = "armed_forces"
    """A branch of the armed forces."""
    OTHER = "other"
    """Anything else."""


class Precision(StrEnum):
    """How a phase bound is written in the document."""

    DAY = "day"
    """A full date: "từ 01/01/2020"."""
    MONTH = "month"
    """A month: "từ tháng 01/2020" (its first day as a start, its last as an end)."""
    EVENT = "event"
    """An event: "đến khi tổ chức thành công Đại hội XIV"."""


class DeadlineKind(StrEnum):
    """The reporting duties of a plan."""

    PHASE_REVIEW = "phase_review"
    """Sơ kết of a phase."""
    QUARTERLY = "quarterly"
    """Quarterly report."""
    HALF_YEAR = "half_year"
    """Six-month report (the first half of the year)."""
    YEARLY = "yearly"
    """Yearly report (tổng kết)."""


class Cutoff(StrEnum):
    """What a plan's periodic reports cover."""

    CALENDAR = "calendar"
    """The calendar quarter, half or year itself."""
    ND09 = "nd09"
    """The data cut-off of Nghị định 09/2019/NĐ-CP, Điều 12: from the 15th of the month before
    the period to the 14th of its last month."""


class EntryKind(StrEnum):
    """What a schedule entry is (how it ranks is a separate field: ``Entry.rank``)."""

    MILESTONE = "milestone"
    """An anniversary with a counted or ranked year (including the ngày lễ lớn)."""
    FESTIVAL = "festival"
    """A lunar festival without a counted year (Tết Nguyên đán, Tết Trung thu)."""
    OBSERVANCE = "observance"
    """A day or month without a counted year (Tháng Công nhân, international days)."""
    EVENT = "event"
    """A congress or an election (Đại hội, bầu cử) of the year."""
    PHASE = "phase"
    """A phase (đợt thi đua) of a plan."""
    DEADLINE = "deadline"
    """A report due date of a plan."""
    DAY_OFF = "day_off"
    """A run of public-sector days off: a holiday break, weekends included (nghỉ lễ, Tết)."""
    WORKING_DAY = "working_day"
    """A Saturday or Sunday worked instead of a swapped day off (ngày làm bù)."""


class DayOffKind(StrEnum):
    """Why a weekday (or a holiday on a weekend) is a public-sector day off."""

    HOLIDAY = "holiday"
    """A statutory holiday (Bộ luật Lao động 2019, Điều 112), on the day the notice places it."""
    COMPENSATORY = "compensatory"
    """Nghỉ bù: a holiday that fell on the weekly rest day, made up (Điều 111 khoản 3)."""
    BRIDGE = "bridge"
    """A day off by a swap of working days (hoán đổi), worked on a make-up Saturday."""


class Severity(StrEnum):
    """How serious a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def parse(enum: type[E], value: object, field: str) -> E:
    """The member of ``enum`` a value names.

    Args:
        enum: The vocabulary.
        value: A member or its string value.
        field: The field's name, for the error message.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` names no member (the message lists the allowed values).
    """
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise InvalidTypeError(f"{field} must be a string, not {type(value).__name__}")
    member: E | None = _members(enum).get(
        value
    )  # what ``enum(value)`` finds, without its machinery
    if member is None:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidValueError(f"{field} must be one of {allowed}, not {value!r}")
    return member


@cache
def _members(enum: type[E]) -> dict[str, E]:
    """The members of a vocabulary by value (a vocabulary never changes)."""
    return {member.value: member for member in enum}


# attrs converters, one named function per vocabulary (the attrs mypy plugin types a field's
# __init__ parameter from a named converter): a member or its string value is accepted, and
# anything else raises an error that names the field and the allowed values.


def to_lang(value: LangArg | str) -> Lang:
    """Convert to :class:`Lang` (field ``lang``)."""
    return parse(Lang, value, "lang")


def to_category(value: Category | str) -> Category:
    """Convert to :class:`Category` (field ``category``).

    Examples:
        >>> to_category("party")
        <Category.PARTY: 'party'>
        >>> to_category("bogus")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        thidua_calendar.errors.InvalidValueError: category must be one of national, party,
        union, organisation, leader, history, international, provincial, sector, observance,
        not 'bogus'
    """
    return parse(Category, value, "category")


def to_rank_basis(value: RankBasis | str) -> RankBasis:
    """Convert to :class:`RankBasis` (field ``rank_by``)."""
    return parse(RankBasis, value, "rank_by")


def to_rank(value: Rank | str) -> Rank:
    """Convert to :class:`Rank` (field ``rank``)."""
    return parse(Rank, value, "rank")


def to_optional_rank(value: Rank | str | None) -> Rank | None:
    """Convert to :class:`Rank` or keep ``None`` (field ``rank``)."""
    return None if value is None else parse(Rank, value, "rank")


def to_confidence(value: Confidence | str) -> Confidence:
    """Convert to :class:`Confidence` (field ``confidence``)."""
    return parse(Confidence, value, "confidence")


def to_organisation_kind(value: OrganisationKind | str) -> OrganisationKind:
    """Convert to :class:`OrganisationKind` (field ``kind``)."""
    return parse(OrganisationKind, value, "kind")


def to_precision(value: Precision | str) -> Precision:
    """Convert to :class:`Precision` (fields ``start_precision``, ``end_precision``)."""
    return parse(Precision, value, "precision")


def to_cutoff(value: Cutoff | str) -> Cutoff:
    """Convert to :class:`Cutoff` (field ``cutoff``)."""
    return parse(Cutoff, value, "cutoff")


def to_deadline_kind(value: DeadlineKind | str) -> DeadlineKind:
    """Convert to :class:`DeadlineKind` (field ``kind``)."""
    return parse(DeadlineKind, value, "kind")


def to_entry_kind(value: EntryKind | str) -> EntryKind:
    """Convert to :class:`EntryKind` (field ``kind``)."""
    return parse(EntryKind, value, "kind")


def to_day_off_kind(value: DayOffKind | str) -> DayOffKind:
    """The :class:`DayOffKind` a value names."""
    return parse(DayOffKind, value, "kind")


def to_severity(value: Severity | str) -> Severity:
    """Convert to :class:`Severity` (field ``severity``)."""
    return parse(Severity, value, "severity")


__all__ = [
    "Category",
    "Confidence",
    "DayOffKind",
    "DeadlineKind",
    "EntryKind",
    "Lang",
    "LangArg",
    "OrganisationKind",
    "Precision",
    "Rank",
    "RankBasis",
    "Severity",
    "parse",
    "to_category",
    "to_confidence",
    "to_day_off_kind",
    "to_deadline_kind",
    "to_entry_kind",
    "to_lang",
    "to_optional_rank",
    "to_organisation_kind",
    "to_precision",
    "to_rank",
    "to_rank_basis",
    "to_severity",
]
