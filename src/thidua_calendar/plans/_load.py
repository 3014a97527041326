"""Reading plans: TOML to :class:`~thidua_calendar.plans.Plan`, every error at ``file:line``.

The format is ``docs/plan-format.md``. Each value is checked here with a message that names
the field and its line; what the model's own validation refuses besides is reported at the
line of the table it came from, so a clerk is always shown where to look.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

from .._toml import Fields, Located, date_hint, strict_date
from .._vocabulary import Category, Cutoff, Precision
from .._wording import errors as error_words
from .._years import FIRST_YEAR, LAST_YEAR
from ..commemorations import Catalog, default_catalog, load_catalog
from ..errors import DataError, InvalidTypeError, InvalidValueError, OutOfRangeError
from ._model import (
    DAYS,
    DAYS_AFTER,
    DEFAULT_FOLLOW,
    MONTHS_AFTER,
    EndEvent,
    Phase,
    Plan,
    Reporting,
    ReportRule,
    year_span,
)

T = TypeVar("T")

_PLAN_FIELDS: Final = {
    "title",
    "organisation",
    "number",
    "id",
    "date",
    "year",
    "school_year",
    "start",
    "end",
    "revision",
    "theme",
}
_PHASE_FIELDS: Final = {"label", "start", "end", "end_event", "theme", "focus", "note"}
_EVENT_FIELDS: Final = {"congress", "ordinal", "commemoration", "tba", "expected"}
_RULE_FIELDS: Final = {"day", "months_after", "days_after", "working_day"}
_RULES: Final = ("phase_review", "quarterly", "half_year", "yearly")
_INVALID: Final = (InvalidValueError, InvalidTypeError, OutOfRangeError)

BOTH_CATALOGUES: Final = (
    "the plan names its catalogue in [follow] catalog and one is given with catalog= too; "
    "give it in one place"
)
"""The one message for a catalogue given twice (in the plan and by the caller)."""


def parse_plan(
    text: str,
    path: str = "<string>",
    *,
    catalog: Catalog | None = None,
    base_dir: Path | None = None,
    allow_outside: bool = False,
) -> Plan:
    r"""Parse a plan from TOML text (errors located at ``path:line``).

    Args:
        text: The TOML text.
        path: The name used in error messages (and kept as :attr:`Plan.path`).
        catalog: The plan's catalogue, for a plan kept elsewhere than beside its catalogue
            file (in a database): then the text must not name one in ``[follow] catalog``.
        base_dir: The directory a ``[follow] catalog`` file is relative to (default: the
            current directory).
        allow_outside: Accept a ``[follow] catalog`` outside ``base_dir`` (an absolute path,
            or one through ``..`` or a symbolic link); refused by default.

    Raises:
        DataError: The plan is malformed, names a catalogue while ``catalog`` is given, or
            names one outside ``base_dir`` without ``allow_outside``.
        InvalidTypeError: ``text`` or ``path`` is not a string.

    Examples:
        >>> plan = parse_plan('[plan]\ntitle = "KH"\nyear = 2026\n')
        >>> plan.start, plan.end, plan.phases
        (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), ())
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(path, str):
        raise InvalidTypeError(f"path must be str, not {type(path).__name__}")
    return _build_plan(Located(text, path), base_dir or Path.cwd(), catalog, allow_outside)


def load_plan(
    path: str | Path, *, catalog: Catalog | None = None, allow_outside: bool = False
) -> Plan:
    """Read a plan file (at most :data:`~thidua_calendar._limits.TOML_LIMIT` bytes).

    A ``[follow] catalog`` file is relative to the plan's folder and must lie inside it.

    Args:
        path: The file.
        catalog: The plan's catalogue, when the file does not name one (as :func:`parse_plan`).
        allow_outside: Accept a ``[follow] catalog`` outside the plan's folder.

    Raises:
        DataError: The plan is malformed: bad TOML, unknown fields or keys, impossible dates,
            an anchor to an unknown event, a catalogue outside the plan's folder, a file
            over the size limit (message with ``file:line``).
        OSError: The file cannot be read.
    """
    p = Path(path)
    return _build_plan(Located.read(p), p.parent, catalog, allow_outside)


def _made(f: Fields, build: Callable[[], T], field: str | None = None) -> T:
    """Build a model value; what its validation refuses is a located :class:`DataError`."""
    try:
        return build()
    except _INVALID as exc:
        message = str(exc)
        named = message.split(" ", 1)[0].rstrip(":")
        vi = getattr(exc, "message_vi", None)
        raise f.fail(field or (named if named in f.table else None), message, vi=vi) from None


def _month_or_day(f: Fields, field: str, *, end: bool) -> tuple[dt.date, Precision]:
    raw = f.table.get(field)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw, Precision.DAY
    if not isinstance(raw, str):
        raise f.fail(field, f'{field} must be a date "YYYY-MM-DD" or a month "YYYY-MM"')
    text = raw.strip()
    month = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text)
    try:
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            if not 1 <= number <= 12:
                raise ValueError(f"month must be 1–12, not {number}")
            day = _calendar.monthrange(year, number)[1] if end else 1
            return dt.date(year, number, day), Precision.MONTH
        return strict_date(text), Precision.DAY
    except ValueError as exc:
        hint = date_hint(field, text)
        if hint is not None:
            raise f.fail(field, hint[1], vi=hint[0]) from None
        raise f.fail(
            field, f'impossible {field} {text!r} ({exc}); write "YYYY-MM-DD" or "YYYY-MM"'
        ) from None


def _optional_text(f: Fields, field: str) -> str | None:
    """A string field that may be absent (``None``); ``""`` is kept (a theme to write)."""
    return f.text(field) if field in f.table else None


def _build_plan(
    doc: Located, base_dir: Path, given: Catalog | None, allow_outside: bool = False
) -> Plan:
    data = doc.data
    unknown = sorted(set(data) - {"plan", "follow", "phase", "reporting"})
    if unknown:
        vi, en = error_words.unknown_plan_tables(unknown)
        raise DataError(en, path=doc.path, line=doc.key_line(unknown[0]), vi=vi)
    if given is not None and not isinstance(given, Catalog):
        raise InvalidTypeError(f"catalog must be a Catalog, not {type(given).__name__}")
    meta = data.get("plan")
    if not isinstance(meta, dict):
        vi, en = error_words.missing_plan_table()
        raise DataError(en, path=doc.path, line=1, vi=vi)
    f = Fields(doc, "plan", 0, meta, "[plan]")
    f.check_known(set(_PLAN_FIELDS))
    year = f.integer("year", low=FIRST_YEAR, high=LAST_YEAR)
    assert year is not None
    school = f.flag("school_year")
    if school and year + 1 > LAST_YEAR:
        raise f.fail(
            "year", f"a school year must end by {LAST_YEAR}: year must be at most {LAST_YEAR - 1}"
        )
    first, last = year_span(year, school_year=school)
    start = _month_or_day(f, "start", end=False)[0] if "start" in meta else first
    end = _month_or_day(f, "end", end=True)[0] if "end" in meta else last
    if end < start:
        raise f.refuse("end", error_words.ends_before_start("plan", start, end))

    catalog = default_catalog() if given is None else given
    catalog_file: str | None = None
    follow_categories: tuple[Category, ...] = DEFAULT_FOLLOW
    follow_keys: tuple[str, ...] = ()
    follow = data.get("follow")
    if follow is not None:
        if not isinstance(follow, dict):
            raise DataError("[follow] must be a table", path=doc.path, line=doc.key_line("follow"))
        ff = Fields(doc, "follow", 0, follow, "[follow]")
        ff.check_known({"categories", "keys", "catalog"})
        if "catalog" in follow:
            catalog_file = ff.text("catalog")
            if given is not None:
                raise ff.fail("catalog", BOTH_CATALOGUES)
            catalog_path = base_dir / catalog_file
            if not allow_outside and not _inside(catalog_path, base_dir):
                raise ff.fail(
                    "catalog",
                    "the catalogue must be a file in the plan's folder (a relative path "
                    "without ..); allow another place with --allow-outside-catalog",
                )
            try:
                catalog = load_catalog(catalog_path)
            except OSError as exc:
                raise ff.fail(
                    "catalog", f"cannot read catalogue {catalog_path}: {exc.strerror}"
                ) from None
        if "categories" in follow:
            names = ff.texts("categories")
            allowed = ", ".join(c.value for c in Category)
            for name in names:
                if name not in set(Category):
                    raise ff.refuse("categories", error_words.unknown_category(name, allowed))
            follow_categories = tuple(Category(n) for n in names)
        follow_keys = ff.texts("keys")
        for key in follow_keys:
            if key not in catalog:
                raise ff.refuse("keys", _unknown_key(catalog, key))

    phases = []
    tables = data.get("phase", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise DataError(
            "phase must be an array of tables: [[phase]]",
            path=doc.path,
            line=doc.key_line("phase"),
        )
    for index, table in enumerate(tables):
        label_vi, label = error_words.phase_label(None, index + 1)
        pf = Fields(doc, "phase", index, table, label, label_vi)
        phases.append(_parse_phase(pf, catalog))

    reporting = Reporting()
    if "reporting" in data:
        reporting = _parse_reporting(doc, data["reporting"])
    return _made(
        f,
        lambda: Plan(
            title=f.text("title"),
            year=year,
            start=start,
            end=end,
            phases=tuple(phases),
            organisation=f.text("organisation", required=False),
            theme=_optional_text(f, "theme"),
            number=f.text("number", required=False),
            id=f.text("id", required=False) or None,
            issued=f.iso_date("date"),
            follow_categories=follow_categories,
            follow_keys=follow_keys,
            catalog=catalog,
            reporting=reporting,
            revision=f.iso_date("revision"),
            path=doc.path,
            catalog_file=catalog_file,
            school_year=school,
        ),
    )


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (symbolic links followed) lies inside ``folder``."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _unknown_key(catalog: Catalog, key: str) -> tuple[str, str]:
    close = difflib.get_close_matches(key, list(catalog), n=3, cutoff=0.6)
    return error_words.unknown_commemoration(key, close)


def _parse_phase(f: Fields, catalog: Catalog) -> Phase:
    f.check_known(set(_PHASE_FIELDS))
    label = f.text("label")
    if not label.strip():
        raise f.refuse("label", error_words.empty_label())
    f.relabel(error_words.phase_label(label, f.index + 1))
    start, start_precision = _month_or_day(f, "start", end=False)
    end: dt.date | None
    end_event = None
    if "end" in f.table and "end_event" in f.table:
        raise f.fail("end_event", "give either end or end_event, not both")
    if "end_event" in f.table:
        end_event, end = _parse_event(f, catalog, start)
        end_precision = Precision.EVENT
    elif "end" in f.table:
        end, end_precision = _month_or_day(f, "end", end=True)
        if end < start:
            raise f.refuse("end", error_words.ends_before_start("phase", start, end))
    else:
        raise f.refuse(None, error_words.missing_phase_end())
    focus = None
    if "focus" in f.table:
        focus = f.texts("focus")
        for key in focus:
            if key not in catalog:
                raise f.refuse("focus", _unknown_key(catalog, key))
    return _made(
        f,
        lambda: Phase(
            label,
            start,
            end,
            _optional_text(f, "theme"),
            focus,
            start_precision,
            end_precision,
            end_event,
            f.text("note", required=False),
            f.doc.table_line("phase", f.index),
        ),
    )


def _parse_event(f: Fields, catalog: Catalog, start: dt.date) -> tuple[EndEvent, dt.date | None]:
    raw = f.table["end_event"]
    if not isinstance(raw, dict):
        raise f.fail(
            "end_event",
            'end_event must be a table: { congress = "party", ordinal = '
            '14 }, { commemoration = "key" } or { tba = true }',
        )
    unknown = set(raw) - set(_EVENT_FIELDS)
    if unknown:
        raise f.fail("end_event", f"unknown end_event field(s) {', '.join(sorted(unknown))}")
    kinds = [k for k in ("congress", "commemoration", "tba") if k in raw]
    if len(kinds) != 1:
        raise f.fail("end_event", "end_event names exactly one of congress, commemoration, tba")
    kind = kinds[0]
    if kind != "congress" and "ordinal" in raw:
        raise f.fail("end_event", "ordinal goes with congress only")
    if kind != "tba" and "expected" in raw:
        raise f.fail("end_event", "expected goes with tba only")
    if kind == "congress":
        from ..congresses import CongressError, congress_series
        from ..errors import ThiduaError

        series_key, ordinal = raw.get("congress"), raw.get("ordinal")
        if (
            not isinstance(series_key, str)
            or not isinstance(ordinal, int | str)
            or isinstance(ordinal, bool)
        ):
            raise f.fail(
                "end_event",
                'a congress anchor needs congress = "<series>" and '
                "ordinal = <number or Roman numeral>",
            )
        try:
            series = congress_series(series_key)
            congress = series.by_ordinal(ordinal)
        except (ThiduaError, CongressError, ValueError) as exc:
            raise f.fail("end_event", f"anchor to an unknown event: {exc}") from None
        event = EndEvent(congress=series_key, ordinal=congress.ordinal)
        return event, congress.end or congress.start
    if kind == "commemoration":
        from .._milestones import next_occurrence

        key = raw["commemoration"]
        if not isinstance(key, str) or key not in catalog:
            detail = _unknown_key(catalog, str(key))[1]
            raise f.refuse("end_event", error_words.end_event_unknown(detail))
        found = next_occurrence(key, start, catalog=catalog)
        if found is None:
            raise f.refuse("end_event", error_words.end_event_not_after(key))
        return EndEvent(commemoration=key), found.date
    if raw.get("tba") is not True:
        raise f.refuse("end_event", error_words.end_event_tba())
    expected = raw.get("expected")
    if expected is not None and not (
        isinstance(expected, dt.date) and not isinstance(expected, dt.datetime)
    ):
        try:
            if not isinstance(expected, str):
                raise ValueError(expected)
            expected = strict_date(expected)
        except ValueError:
            raise f.refuse("end_event", error_words.end_event_expected(repr(expected))) from None
    if expected is not None and expected < start:
        raise f.refuse("end_event", error_words.end_event_expected_early(expected))
    return _made(f, lambda: EndEvent(tba=True, expected=expected), "end_event"), expected


def _parse_reporting(doc: Located, table: Any) -> Reporting:
    if not isinstance(table, dict):
        raise DataError(
            "[reporting] must be a table", path=doc.path, line=doc.key_line("reporting")
        )
    f = Fields(doc, "reporting", 0, table, "[reporting]")
    f.check_known({*_RULES, "cutoff"})
    rules: dict[str, ReportRule] = {}
    for name in _RULES:
        raw = table.get(name)
        if raw is None:
            continue
        if not isinstance(raw, dict) or set(raw) - set(_RULE_FIELDS):
            raise f.refuse(name, error_words.rule_shape(name))
        values = dict(raw.items())
        working_day = values.pop("working_day", False)
        if not isinstance(working_day, bool):
            raise f.refuse(name, error_words.rule_flag(name, "working_day"))
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int):
                raise f.refuse(name, error_words.rule_integer(name, key))
        for key, allowed in (
            ("day", DAYS),
            ("months_after", MONTHS_AFTER),
            ("days_after", DAYS_AFTER),
        ):
            if key in values and values[key] not in allowed:
                bounds = (allowed.start, allowed.stop - 1, values[key])
                raise f.refuse(name, error_words.rule_bounds(name, key, *bounds))
        if "days_after" in values and ("day" in values or "months_after" in values):
            raise f.refuse(name, error_words.rule_both(name))
        if not values:
            raise f.refuse(name, error_words.rule_empty(name))
        rules[name] = ReportRule(
            day=values.get("day"),
            months_after=values.get("months_after", 1),
            days_after=values.get("days_after"),
            working_day=working_day,
        )
    cutoff = f.choice("cutoff", tuple(c.value for c in Cutoff), default=Cutoff.CALENDAR.value)
    return Reporting(**rules, cutoff=cutoff)


__all__ = ["BOTH_CATALOGUES", "load_plan", "parse_plan"]
