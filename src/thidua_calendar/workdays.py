"""Days off and working days of the Vietnamese public sector, from the official notices.

The data (``data/days-off.toml``) holds, for each year that has it, the public holidays of Bộ
luật Lao động 2019 Điều 112 as each year's notice placed them, the days off in lieu (nghỉ bù),
the days off by a swap of working days (hoán đổi) and the Saturdays worked instead (ngày làm
bù) — for cán bộ, công chức, viên chức. Saturdays and Sundays are days off, except make-up
days. A question about a day outside the data is refused with :class:`WorkdayError`, which
names the years that have data: the calendar of a year without its notice is never guessed.

Examples:
    >>> import datetime as dt
    >>> is_working_day(dt.date(2026, 2, 16)), is_working_day(dt.date(2026, 1, 10))
    (False, True)
    >>> next_working_day(dt.date(2026, 2, 21))
    datetime.date(2026, 2, 23)
    >>> add_working_days(dt.date(2026, 2, 13), 1)
    datetime.date(2026, 2, 23)
    >>> working_days_between(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    15
    >>> public_holidays(2026)[dt.date(2026, 9, 2)]
    'Quốc khánh'
    >>> holiday_breaks(2026)[1].title()
    'Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Final

import attrs

from ._toml import Fields, Located, meta_revision
from ._validators import not_empty, of_type
from ._vocabulary import DayOffKind, LangArg, to_day_off_kind
from ._wording.errors import days_off_known_until, no_days_off_data
from .errors import DataError, InvalidTypeError, InvalidValueError, ThiduaError

DATA_FILE: Final = "data/days-off.toml"
_ONE: Final = dt.timedelta(days=1)


class WorkdayError(ThiduaError, LookupError):
    """A working-day question about a day the data does not cover.

    The message names the years that have data (and, for a year known only in part, its
    last known day).
    """


def _keys(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(isinstance(v, str) for v in value):
        raise InvalidTypeError(f"{attribute.name} must be a non-empty tuple of holiday keys")


@attrs.frozen
class DayOff:
    """One public-sector day off besides the weekly rest.

    Attributes:
        date: The day.
        kind: ``holiday`` (a statutory day, Điều 112 — it may fall on a weekend),
            ``compensatory`` (nghỉ bù) or ``bridge`` (a day off by a swap of working days).
        holidays: The keys of the statutory holidays it belongs to (``tet_am_lich``,
            ``quoc_khanh`` …): its own, or those of its break for a nghỉ bù or swap day.
        source: The notice (or article of the Code) it comes from.
    """

    date: dt.date = attrs.field(validator=of_type(dt.date))
    kind: DayOffKind = attrs.field(converter=to_day_off_kind)
    holidays: tuple[str, ...] = attrs.field(validator=_keys)
    source: str = attrs.field(validator=not_empty)

    def name(self, lang: LangArg = "vi") -> str:
        """Its name: ``Tết Nguyên đán Bính Ngọ``, ``Nghỉ bù Giỗ Tổ Hùng Vương``."""
        from ._wording.workdays import day_off_name

        return day_off_name(self.kind, self.holidays, self.date.year, lang)

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return self.name("vi")

    @property
    def name_en(self) -> str:
        """The English name."""
        return self.name("en")


@attrs.frozen
class MakeUpDay:
    """A Saturday or Sunday worked instead of a swapped day off (ngày làm bù).

    Attributes:
        date: The day worked.
        replaces: The day off it pays for (a ``bridge`` :class:`DayOff`).
        source: The notice.
    """

    date: dt.date = attrs.field(validator=of_type(dt.date))
    replaces: dt.date = attrs.field(validator=of_type(dt.date))
    source: str = attrs.field(validator=not_empty)

    def __attrs_post_init__(self) -> None:
        if self.date.weekday() < 5:
            raise InvalidValueError(f"make-up day {self.date} is not a Saturday or Sunday")

    def name(self, lang: LangArg = "vi") -> str:
        """``Làm bù cho ngày nghỉ 02/01/2026``."""
        from ._wording.workdays import make_up_name

        return make_up_name(self.replaces, lang)

    def title(self, lang: LangArg = "vi") -> str:
        """The one-line title of its schedule entry."""
        from ._wording.workdays import make_up_title

        return make_up_title(self.date, self.replaces, lang)


def _days(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(d, DayOff) for d in value):
        raise InvalidTypeError(f"{attribute.name} must be a tuple of DayOff")


@attrs.frozen
class HolidayBreak:
    """A run of consecutive days off as a notice gives it, weekends included.

    Attributes:
        start: The first day off.
        end: The last day off (inclusive).
        days: Its days off other than plain weekend days, in date order.
        source: The notice.
    """

    start: dt.date = attrs.field(validator=of_type(dt.date))
    end: dt.date = attrs.field(validator=of_type(dt.date))
    days: tuple[DayOff, ...] = attrs.field(validator=_days)
    source: str = attrs.field(validator=not_empty)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(f"the break {self.start}–{self.end} ends before it starts")
        if not any(d.kind is DayOffKind.HOLIDAY for d in self.days):
            raise InvalidValueError(f"the break {self.start}–{self.end} has no holiday")

    @property
    def length(self) -> int:
        """How many days it lasts."""
        return (self.end - self.start).days + 1

    @property
    def holidays(self) -> tuple[str, ...]:
        """The keys of its statutory holidays, in date order."""
        keys: list[str] = []
        for d in self.days:
            if d.kind is DayOffKind.HOLIDAY and d.holidays[0] not in keys:
                keys.append(d.holidays[0])
        return tuple(keys)

    @property
    def year(self) -> int:
        """The year of its holidays (a break from 31/12/2022 to 02/01/2023 is of 2023)."""
        return next(d.date.year for d in self.days if d.kind is DayOffKind.HOLIDAY)

    def name(self, lang: LangArg = "vi") -> str:
        """What it is for: ``Tết Nguyên đán Bính Ngọ``."""
        from ._wording.workdays import break_name

        return break_name(self.holidays, self.year, lang)

    def title(self, lang: LangArg = "vi") -> str:
        """``Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)``."""
        from ._wording.workdays import break_title

        return break_title(self.holidays, self.year, self.start, self.end, lang)

    def description(self, lang: LangArg = "vi") -> str:
        """Its days by kind and its source."""
        from ._wording.workdays import day_off_description, kind_days

        parts = []
        for kind in DayOffKind:
            dates = [d.date for d in self.days if d.kind is kind]
            if dates:
                parts.append(kind_days(kind, dates, lang))
        return day_off_description(self.source, parts, lang)


@attrs.frozen
class _Year:
    year: int
    source: str
    known_until: dt.date
    notes: str


@attrs.frozen
class WorkCalendar:
    """The parsed data: the years it covers, the breaks and the make-up days.

    Use the module's functions; this type is what :func:`parse_days_off` returns.

    Attributes:
        years: The years with data.
        breaks: The holiday breaks, in date order.
        make_ups: The make-up working days.
        revision: The file's ``[meta] revision``, if it has one.
    """

    years: Mapping[int, _Year]
    breaks: tuple[HolidayBreak, ...]
    make_ups: tuple[MakeUpDay, ...]
    revision: dt.date | None = None
    off: Mapping[dt.date, DayOff] = attrs.field(init=False)
    worked: Mapping[dt.date, MakeUpDay] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "off", {d.date: d for b in self.breaks for d in b.days})
        object.__setattr__(self, "worked", {m.date: m for m in self.make_ups})

    def covers(self, date: dt.date) -> bool:
        """Whether the data answers for a day."""
        year = self.years.get(date.year)
        return year is not None and date <= year.known_until

    def check(self, date: object, field: str = "date") -> dt.date:
        """The day, if the data answers for it.

        Raises:
            InvalidTypeError: Not a date.
            WorkdayError: A day outside the data.
        """
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            raise InvalidTypeError(f"{field} must be a date, not {type(date).__name__}")
        if self.covers(date):
            return date
        vi, en = self._refusal(date)
        raise WorkdayError(en, vi=vi)

    def _refusal(self, date: dt.date) -> tuple[str, str]:
        years = self.years.get(date.year)
        if years is not None:
            return days_off_known_until(date, years.known_until, years.notes)
        return no_days_off_data(date.year, _years_text(tuple(self.years)))

    def check_year(self, year: object) -> int:
        """A year the data has.

        Raises:
            InvalidTypeError: Not an int.
            WorkdayError: A year without data.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidTypeError(f"year must be an int, not {type(year).__name__}")
        if year not in self.years:
            vi, en = no_days_off_data(year, _years_text(tuple(self.years)))
            raise WorkdayError(en, vi=vi)
        return year

    def is_working_day(self, date: dt.date) -> bool:
        """Whether a day (already checked) is a public-sector working day."""
        if date in self.worked:
            return True
        return date.weekday() < 5 and date not in self.off


def _years_text(years: tuple[int, ...]) -> str:
    if not years:
        return "no year"
    if len(years) == 1:
        return str(years[0])
    if list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


# --------------------------------------------------------------------------- the rules of the Code


CULTURE_DAY_FROM: Final = dt.date(2026, 7, 1)
"""Ngày Văn hóa Việt Nam (24/11) is a paid day off from 01/7/2026: Nghị quyết 28/2026/QH16,
adding it to Bộ luật Lao động 2019, Điều 112 khoản 1 (baochinhphu.vn, 24/4/2026)."""


def _statutory(date: dt.date) -> str | None:
    """Which holiday of Điều 112 a day can be, by the calendar alone (Tết by its nearness)."""
    from .lunar import tet, to_solar

    if (date.month, date.day) == (1, 1):
        return "tet_duong_lich"
    if (date.month, date.day) == (4, 30):
        return "chien_thang"
    if (date.month, date.day) == (5, 1):
        return "quoc_te_lao_dong"
    if date.month == 9 and date.day in (1, 2, 3):
        return "quoc_khanh"
    if (date.month, date.day) == (11, 24) and date >= CULTURE_DAY_FROM:
        return "van_hoa_viet_nam"
    if date == to_solar(date.year, 3, 10):
        return "gio_to_hung_vuong"
    if abs((date - tet(date.year)).days) <= 7:
        return "tet_am_lich"
    return None


def _check_year_holidays(doc: Located, year: int, days: list[DayOff], line: int | None) -> None:
    """A year lists the holidays the Code gives it: 1 + 5 + 1 + 1 + 1 + 2 (1 before 2021)."""
    from .lunar import tet, to_solar

    def fail(message: str) -> DataError:
        return DataError(f"year {year}: {message}", path=doc.path, line=line)

    known_until = max((d.date for d in days), default=dt.date(year, 1, 1))
    by_key: dict[str, list[dt.date]] = {}
    for d in days:
        if d.kind is DayOffKind.HOLIDAY and d.date.year == year:
            by_key.setdefault(d.holidays[0], []).append(d.date)
    fixed = {
        "tet_duong_lich": dt.date(year, 1, 1),
        "gio_to_hung_vuong": to_solar(year, 3, 10),
        "chien_thang": dt.date(year, 4, 30),
        "quoc_te_lao_dong": dt.date(year, 5, 1),
    }
    if dt.date(year, 11, 24) >= CULTURE_DAY_FROM:
        fixed["van_hoa_viet_nam"] = dt.date(year, 11, 24)
    for key, day in fixed.items():
        if day <= known_until and by_key.get(key) != [day]:
            raise fail(f"{key} must be listed once, on {day.isoformat()}")
    lunar_new_year = tet(year)
    tet_days = sorted(by_key.get("tet_am_lich", []))
    if lunar_new_year <= known_until and (
        len(tet_days) != 5
        or (tet_days[-1] - tet_days[0]).days != 4
        or lunar_new_year not in tet_days
    ):
        raise fail(
            f"Tết Âm lịch must be 5 consecutive days including {lunar_new_year.isoformat()} "
            f"(Điều 112), not {[d.isoformat() for d in tet_days]}"
        )
    national = sorted(by_key.get("quoc_khanh", []))
    if dt.date(year, 9, 2) <= known_until:
        sep_2 = dt.date(year, 9, 2)
        want = 2 if year >= 2021 else 1
        if sep_2 not in national or len(national) != want:
            raise fail(
                f"Quốc khánh must be 2/9 and {'the day before or after' if want == 2 else 'only'}"
                f" ({want} day{'s' if want == 2 else ''}), not {[d.isoformat() for d in national]}"
            )


def _dates(f: Fields, field: str) -> list[dt.date]:
    value = f.table.get(field, [])
    if not isinstance(value, list) or not all(
        isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in value
    ):
        raise f.fail(field, f"{field} must be a list of dates YYYY-MM-DD")
    if len(set(value)) != len(value):
        raise f.fail(field, f"{field} lists a date twice")
    return list(value)


def _date(f: Fields, field: str) -> dt.date:
    value = f.iso_date(field)
    if value is None:
        raise f.fail(None, f"missing field {field!r}")
    return value


_YEAR_FIELDS: Final = {"year", "source", "known_until", "notes"}
_BREAK_FIELDS: Final = {"start", "end", "holidays", "compensatory", "bridge", "source", "notes"}
_MAKE_UP_FIELDS: Final = {"date", "replaces", "source", "notes"}


def _tables(doc: Located, name: str) -> list[Any]:
    tables = doc.data.get(name, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise DataError(
            f"{name} must be an array of tables: [[{name}]]",
            path=doc.path,
            line=doc.key_line(name),
        )
    return tables


def parse_days_off(doc: Located, *, strict: bool = False) -> WorkCalendar:
    """Build the calendar from a parsed TOML document (errors located at ``file:line``).

    Args:
        doc: The document.
        strict: Require the ``[meta] revision`` (the shipped file has one).

    Raises:
        DataError: A malformed row; a day off or make-up day outside the years with data (or
            after a year's ``known_until``); a break that ends before it starts, overlaps
            another, lists a day twice or outside itself, leaves a weekday unexplained, names a
            holiday no rule of Điều 112 gives, or has a nghỉ bù count that does not match its
            holidays on weekends; a make-up day that is not a Saturday or Sunday, falls in a
            break, or replaces no swapped day; a year whose holidays are not the Code's.
    """
    revision = meta_revision(doc, required=strict)
    doc.data.setdefault("meta", {})
    known = set(doc.data) - {"meta", "year", "break", "make_up"}
    if known:
        name = sorted(known)[0]
        raise DataError(
            f"unknown table {name!r} (expected [meta], [[year]], [[break]], [[make_up]])",
            path=doc.path,
            line=doc.key_line(name),
        )
    years: dict[int, _Year] = {}
    year_lines: dict[int, int | None] = {}
    for index, table in enumerate(_tables(doc, "year")):
        f = Fields(doc, "year", index, table, f"year #{index + 1}")
        f.check_known(set(_YEAR_FIELDS))
        year = f.integer("year", low=1901, high=2199)
        assert year is not None
        f.label = f"year {year}"
        if year in years:
            raise f.fail("year", f"year {year} is listed twice")
        until = f.iso_date("known_until") or dt.date(year, 12, 31)
        if until.year != year:
            raise f.fail("known_until", f"known_until must be a day of {year}, not {until}")
        years[year] = _Year(year, f.text("source"), until, f.text("notes", required=False))
        year_lines[year] = doc.table_line("year", index)

    def covered(day: dt.date) -> bool:
        entry = years.get(day.year)
        return entry is not None and day <= entry.known_until

    def outside(day: dt.date) -> str:
        entry = years.get(day.year)
        if entry is None:
            return f"{day.isoformat()} is outside the years with data ({_years_text(tuple(years))})"
        return f"{day.isoformat()} is after {day.year}'s known_until ({entry.known_until})"

    breaks: list[HolidayBreak] = []
    break_fields: list[Fields] = []
    for index, table in enumerate(_tables(doc, "break")):
        f = Fields(doc, "break", index, table, f"break #{index + 1}")
        f.check_known(set(_BREAK_FIELDS))
        start, end = _date(f, "start"), _date(f, "end")
        f.label = f"break {start.isoformat()}–{end.isoformat()}"
        if end < start:
            raise f.fail("end", f"end {end} is before start {start}")
        for field, day in (("start", start), ("end", end)):
            if day.year not in years:
                raise f.fail(field, outside(day))
        if breaks and start <= breaks[-1].end:
            raise f.fail(
                "start", f"the break overlaps or precedes the break ending {breaks[-1].end}"
            )
        source = f.text("source")
        days: list[DayOff] = []
        seen: dict[dt.date, str] = {}
        for field, kind in (
            ("holidays", DayOffKind.HOLIDAY),
            ("compensatory", DayOffKind.COMPENSATORY),
            ("bridge", DayOffKind.BRIDGE),
        ):
            for day in _dates(f, field):
                if day in seen:
                    raise f.fail(field, f"{day} is listed in both {seen[day]} and {field}")
                seen[day] = field
                if not start <= day <= end:
                    raise f.fail(field, f"{day} is outside the break")
                if not covered(day):
                    raise f.fail(field, outside(day))
                if kind is not DayOffKind.HOLIDAY and day.weekday() >= 5:
                    raise f.fail(field, f"{field} day {day} falls on a weekend")
                key = _statutory(day) if kind is DayOffKind.HOLIDAY else None
                if kind is DayOffKind.HOLIDAY and key is None:
                    raise f.fail(field, f"{day} is no holiday of Bộ luật Lao động Điều 112")
                days.append(DayOff(day, kind, (key,) if key else ("",), source))
        if not any(d.kind is DayOffKind.HOLIDAY for d in days):
            raise f.fail("holidays", "a break needs at least one holiday")
        keys: list[str] = []
        for d in sorted(days, key=lambda d: d.date):
            if d.kind is DayOffKind.HOLIDAY and d.holidays[0] not in keys:
                keys.append(d.holidays[0])
        days = [
            d if d.kind is DayOffKind.HOLIDAY else attrs.evolve(d, holidays=tuple(keys))
            for d in sorted(days, key=lambda d: d.date)
        ]
        day = start
        while day <= end:
            if day.weekday() < 5 and day not in seen:
                raise f.fail(
                    "holidays",
                    f"weekday {day} is in the break but in none of holidays, compensatory, bridge",
                )
            day += _ONE
        weekend_holidays = sum(
            1 for d in days if d.kind is DayOffKind.HOLIDAY and d.date.weekday() >= 5
        )
        compensatory = sum(1 for d in days if d.kind is DayOffKind.COMPENSATORY)
        if compensatory != weekend_holidays:
            raise f.fail(
                "compensatory",
                f"{weekend_holidays} holiday(s) fall on a weekend but {compensatory} nghỉ bù "
                "day(s) are listed (Điều 111 khoản 3: one for each)",
            )
        breaks.append(HolidayBreak(start, end, tuple(days), source))
        break_fields.append(f)

    off = {d.date: d for b in breaks for d in b.days}
    make_ups: list[MakeUpDay] = []
    replaced: set[dt.date] = set()
    for index, table in enumerate(_tables(doc, "make_up")):
        f = Fields(doc, "make_up", index, table, f"make_up #{index + 1}")
        f.check_known(set(_MAKE_UP_FIELDS))
        date, replaces = _date(f, "date"), _date(f, "replaces")
        f.label = f"make_up {date.isoformat()}"
        if not covered(date):
            raise f.fail("date", outside(date))
        if date.weekday() < 5:
            raise f.fail("date", f"make-up day {date} is not a Saturday or Sunday")
        if any(b.start <= date <= b.end for b in breaks):
            raise f.fail("date", f"make-up day {date} falls inside a break")
        swapped = off.get(replaces)
        if swapped is None or swapped.kind is not DayOffKind.BRIDGE:
            raise f.fail("replaces", f"{replaces} is not a bridge (swapped) day of any break")
        if replaces in replaced:
            raise f.fail("replaces", f"{replaces} is already made up")
        replaced.add(replaces)
        make_ups.append(MakeUpDay(date, replaces, f.text("source")))
    for b, f in zip(breaks, break_fields, strict=True):
        for d in b.days:
            if d.kind is DayOffKind.BRIDGE and d.date not in replaced:
                raise f.fail("bridge", f"bridge day {d.date} has no [[make_up]] day")
        worked = {m.date for m in make_ups}
        for neighbour in (b.start - _ONE, b.end + _ONE):
            rest = neighbour.weekday() >= 5 and neighbour not in worked
            if covered(neighbour) and (rest or neighbour in off):
                raise f.fail(
                    "start" if neighbour < b.start else "end",
                    f"the break stops before {neighbour}, a day off next to it: "
                    "a break runs over every consecutive day off",
                )
    for year in years:
        in_year = [d for d in off.values() if d.date.year == year]
        _check_year_holidays(doc, year, in_year, year_lines[year])
    return WorkCalendar(dict(sorted(years.items())), tuple(breaks), tuple(make_ups), revision)


@cache
def _calendar() -> WorkCalendar:
    from . import _data

    return parse_days_off(Located(_data.read_text("days-off.toml"), DATA_FILE), strict=True)


def days_off_revision() -> dt.date:
    """The revision of the days-off data: the ``[meta] revision`` of ``data/days-off.toml``.

    The date a feed stamps on a holiday break or a make-up working day that is new or changed
    (``docs/feeds.md``, *Revisions*); the same date as
    ``data_revision().of("days-off.toml")``, read by the same rule.

    Examples:
        >>> from thidua_calendar import data_revision
        >>> days_off_revision() == data_revision().of("days-off.toml")
        True
    """
    revision = _calendar().revision
    assert revision is not None  # the shipped file is read with strict=True
    return revision


def _date_arg(value: object, field: str = "date") -> dt.date:
    return _calendar().check(value, field)


# ------------------------------------------------------------------------------- the public API


def workday_years() -> tuple[int, ...]:
    """The years whose public-sector days off are in the data.

    Examples:
        >>> workday_years()
        (2020, 2021, 2022, 2023, 2024, 2025, 2026)
    """
    return tuple(_calendar().years)


def known_until(year: int) -> dt.date:
    """The last day of a year the data answers for (31/12 unless a later notice is missing).

    Raises:
        WorkdayError: A year without data.

    Examples:
        >>> known_until(2025), known_until(2026)
        (datetime.date(2025, 12, 31), datetime.date(2026, 12, 31))
    """
    cal = _calendar()
    return cal.years[cal.check_year(year)].known_until


def is_working_day(date: dt.date) -> bool:
    """Whether a day is a public-sector working day.

    Monday to Friday are working days unless a day off; Saturdays and Sundays are not, unless
    a make-up day (ngày làm bù).

    Raises:
        WorkdayError: A day the data does not cover.
    """
    cal = _calendar()
    return cal.is_working_day(cal.check(date))


def next_working_day(date: dt.date) -> dt.date:
    """The first working day on or after ``date`` (``date`` itself when it is one).

    Raises:
        WorkdayError: The search reaches a day the data does not cover.
    """
    cal = _calendar()
    day = cal.check(date)
    while not cal.is_working_day(day):
        day = cal.check(day + _ONE)
    return day


def previous_working_day(date: dt.date) -> dt.date:
    """The last working day on or before ``date``.

    Raises:
        WorkdayError: The search reaches a day the data does not cover.
    """
    cal = _calendar()
    day = cal.check(date)
    while not cal.is_working_day(day):
        day = cal.check(day - _ONE)
    return day


def add_working_days(date: dt.date, n: int) -> dt.date:
    """The day ``n`` working days after ``date`` (before it for a negative ``n``).

    ``date`` is first moved to a working day — forward (:func:`next_working_day`) for
    ``n >= 0``, backward for ``n < 0`` — then ``n`` working days are counted from it, so
    ``add_working_days(d, 0)`` is ``next_working_day(d)`` and ``add_working_days(friday, 1)``
    is the next Monday that is a working day.

    Raises:
        InvalidTypeError: ``n`` not an int.
        WorkdayError: The count reaches a day the data does not cover.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidTypeError(f"n must be an int, not {type(n).__name__}")
    cal = _calendar()
    day = next_working_day(date) if n >= 0 else previous_working_day(date)
    step = _ONE if n >= 0 else -_ONE
    for _ in range(abs(n)):
        day = cal.check(day + step)
        while not cal.is_working_day(day):
            day = cal.check(day + step)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie from ``start`` to ``end``, both included.

    Raises:
        InvalidValueError: ``end`` before ``start``.
        WorkdayError: A day of the span the data does not cover.
    """
    cal = _calendar()
    first, last = cal.check(start, "start"), cal.check(end, "end")
    if last < first:
        raise InvalidValueError(f"the span ends ({last}) before it starts ({first})")
    cal.check(last)
    count, day = 0, first
    while day <= last:
        count += cal.check(day) is not None and cal.is_working_day(day)
        day += _ONE
    return count


def days_off(year: int) -> tuple[DayOff, ...]:
    """The days off of a year besides plain weekends, in date order.

    Holidays (on whatever day they fall), nghỉ bù and swapped days.

    Raises:
        WorkdayError: A year without data.
    """
    cal = _calendar()
    cal.check_year(year)
    return tuple(sorted((d for d in cal.off.values() if d.date.year == year), key=_by_date))


def _by_date(d: DayOff) -> dt.date:
    return d.date


def make_up_days(year: int) -> tuple[MakeUpDay, ...]:
    """The Saturdays and Sundays of a year worked instead of a swapped day off.

    Raises:
        WorkdayError: A year without data.
    """
    cal = _calendar()
    cal.check_year(year)
    return tuple(m for m in cal.make_ups if m.date.year == year)


def holiday_breaks(year: int) -> tuple[HolidayBreak, ...]:
    """The breaks of a year (a break belongs to the year of its holidays), in date order.

    Raises:
        WorkdayError: A year without data.
    """
    cal = _calendar()
    cal.check_year(year)
    return tuple(b for b in cal.breaks if b.year == year)


def breaks_between(start: dt.date, end: dt.date) -> Iterator[HolidayBreak | MakeUpDay]:
    """The breaks and make-up days that touch a span.

    Only what the data holds: a span beyond it simply has none (a schedule shows what is
    known; the working-day questions refuse what is not).
    """
    cal = _calendar()
    for b in cal.breaks:
        if b.start <= end and b.end >= start:
            yield b
    for m in cal.make_ups:
        if start <= m.date <= end:
            yield m


def public_holidays(year: int, lang: LangArg = "vi") -> dict[dt.date, str]:
    """Date → name of every day off of a year, shaped like ``holidays.VN(years=year)``.

    Holidays keep their day even on a weekend; nghỉ bù and swapped days carry their break's
    name. Weekends and make-up days are not listed.

    Raises:
        WorkdayError: A year without data.

    Examples:
        >>> import datetime as dt
        >>> public_holidays(2026, "en")[dt.date(2026, 8, 31)]
        'National Day (swapped day off)'
    """
    return {d.date: d.name(lang) for d in days_off(year)}


__all__ = [
    "DayOff",
    "HolidayBreak",
    "MakeUpDay",
    "WorkCalendar",
    "WorkdayError",
    "add_working_days",
    "breaks_between",
    "days_off",
    "days_off_revision",
    "holiday_breaks",
    "is_working_day",
    "known_until",
    "make_up_days",
    "next_working_day",
    "parse_days_off",
    "previous_working_day",
    "public_holidays",
    "workday_years",
    "working_days_between",
]
