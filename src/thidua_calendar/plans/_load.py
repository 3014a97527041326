"""Reading plan files: TOML to :class:`~thidua_calendar.plans.Plan`, errors at ``file:line``."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from pathlib import Path
from typing import Any, Final

from .._toml import Fields, Located
from ..commemorations import CATEGORIES, Catalog, default_catalog, load_catalog
from ..errors import DataError
from ._model import DEFAULT_FOLLOW, EndEvent, Phase, Plan, Precision, Reporting, ReportRule

_PLAN_FIELDS: Final = {
    "title",
    "organisation",
    "number",
    "date",
    "year",
    "start",
    "end",
    "revision",
    "theme",
}
_PHASE_FIELDS: Final = {"label", "start", "end", "end_event", "theme", "focus", "note"}
_EVENT_FIELDS: Final = {"congress", "ordinal", "commemoration", "tba", "expected"}
_RULE_FIELDS: Final = {"day", "months_after", "days_after"}


def _month_or_day(f: Fields, field: str, *, end: bool) -> tuple[dt.date, Precision]:
    raw = f.table.get(field)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw, "day"
    if not isinstance(raw, str):
        raise f.fail(field, f'{field} must be a date "YYYY-MM-DD" or a month "YYYY-MM"')
    text = raw.strip()
    month = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    try:
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            if not 1 <= number <= 12:
                raise ValueError(f"month must be 1–12, not {number}")
            day = _calendar.monthrange(year, number)[1] if end else 1
            return dt.date(year, number, day), "month"
        return dt.date.fromisoformat(text), "day"
    except ValueError as exc:
        raise f.fail(
            field, f'impossible {field} {text!r} ({exc}); write "YYYY-MM-DD" or "YYYY-MM"'
        ) from None


def parse_plan(text: str, path: str = "<string>", *, base_dir: Path | None = None) -> Plan:
    """Parse a plan from TOML text (errors located at ``path:line``)."""
    return _build_plan(Located(text, path), base_dir or Path.cwd())


def load_plan(path: str | Path) -> Plan:
    """Read a plan file.

    Raises:
        DataError: The plan is malformed: bad TOML, unknown fields or keys, impossible dates,
            an anchor to an unknown event (message with ``file:line``).
        OSError: The file cannot be read.
    """
    p = Path(path)
    return _build_plan(Located.read(p), p.parent)


def _build_plan(doc: Located, base_dir: Path) -> Plan:
    data = doc.data
    unknown = sorted(set(data) - {"plan", "follow", "phase", "reporting"})
    if unknown:
        raise DataError(
            f"unknown table(s) {', '.join(unknown)}; a plan has [plan], "
            "[follow], [[phase]] and [reporting]",
            path=doc.path,
            line=doc.key_line(unknown[0]),
        )
    meta = data.get("plan")
    if not isinstance(meta, dict):
        raise DataError("missing [plan] table (title, year …)", path=doc.path, line=1)
    f = Fields(doc, "plan", 0, meta, "[plan]")
    f.check_known(set(_PLAN_FIELDS))
    year = f.integer("year", low=1901, high=2199)
    assert year is not None
    start = _month_or_day(f, "start", end=False)[0] if "start" in meta else dt.date(year, 1, 1)
    end = _month_or_day(f, "end", end=True)[0] if "end" in meta else dt.date(year, 12, 31)
    if end < start:
        raise f.fail("end", f"the plan ends ({end}) before it starts ({start})")

    catalog = default_catalog()
    follow_categories: tuple[str, ...] = DEFAULT_FOLLOW
    follow_keys: tuple[str, ...] = ()
    follow = data.get("follow")
    if follow is not None:
        ff = Fields(doc, "follow", 0, follow, "[follow]")
        ff.check_known({"categories", "keys", "catalog"})
        if "catalog" in follow:
            catalog_path = base_dir / ff.text("catalog")
            try:
                catalog = load_catalog(catalog_path)
            except OSError as exc:
                raise ff.fail(
                    "catalog", f"cannot read catalogue {catalog_path}: {exc.strerror}"
                ) from None
        follow_categories = ff.texts("categories") if "categories" in follow else DEFAULT_FOLLOW
        for category in follow_categories:
            if category not in CATEGORIES:
                raise ff.fail(
                    "categories",
                    f"unknown category {category!r}; choose from {', '.join(CATEGORIES)}",
                )
        follow_keys = ff.texts("keys")
        for key in follow_keys:
            if key not in catalog:
                raise ff.fail("keys", _unknown_key(catalog, key))

    phases = []
    tables = data.get("phase", [])
    if not isinstance(tables, list):
        raise DataError("phase must be an array of tables: [[phase]]", path=doc.path)
    for index, table in enumerate(tables):
        pf = Fields(doc, "phase", index, table, f"phase #{index + 1}")
        phases.append(_parse_phase(pf, catalog))

    reporting = Reporting()
    if "reporting" in data:
        reporting = _parse_reporting(doc, data["reporting"])
    return Plan(
        title=f.text("title"),
        year=year,
        start=start,
        end=end,
        phases=tuple(phases),
        organisation=f.text("organisation", required=False),
        theme=f.text("theme", required=False) or None,
        number=f.text("number", required=False),
        issued=f.iso_date("date"),
        follow_categories=tuple(follow_categories),
        follow_keys=follow_keys,
        catalog=catalog,
        reporting=reporting,
        revision=f.iso_date("revision"),
        path=doc.path,
    )


def _unknown_key(catalog: Catalog, key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(catalog), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown commemoration {key!r}{hint}"


def _parse_phase(f: Fields, catalog: Catalog) -> Phase:
    f.check_known(set(_PHASE_FIELDS))
    label = f.text("label")
    f.label = f"phase {label!r}"
    start, start_precision = _month_or_day(f, "start", end=False)
    end: dt.date | None
    end_event = None
    if "end" in f.table and "end_event" in f.table:
        raise f.fail("end_event", "give either end or end_event, not both")
    if "end_event" in f.table:
        end_event, end = _parse_event(f, catalog, start)
        end_precision: Precision = "event"
    elif "end" in f.table:
        end, end_precision = _month_or_day(f, "end", end=True)
    else:
        raise f.fail(None, "missing end (a date, a month, or end_event = {…})")
    focus = None
    if "focus" in f.table:
        focus = f.texts("focus")
        for key in focus:
            if key not in catalog:
                raise f.fail("focus", _unknown_key(catalog, key))
    theme = f.text("theme", required=False) or None
    return Phase(
        label,
        start,
        end,
        theme,
        focus,
        start_precision,
        end_precision,
        end_event,
        f.text("note", required=False),
        f.doc.table_line("phase", f.index),
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
        key = raw["commemoration"]
        if not isinstance(key, str) or key not in catalog:
            raise f.fail(
                "end_event", f"anchor to an unknown event: {_unknown_key(catalog, str(key))}"
            )
        from .._milestones import milestones

        occurrences = [
            m
            for year in (start.year, start.year + 1)
            for m in milestones(year, catalog=catalog, keys=[key])
            if m.date >= start
        ]
        if not occurrences:
            raise f.fail("end_event", f"{key} does not occur after the phase starts")
        return EndEvent(commemoration=key), occurrences[0].date
    if raw.get("tba") is not True:
        raise f.fail("end_event", "tba must be true")
    expected = raw.get("expected")
    if expected is not None and not (
        isinstance(expected, dt.date) and not isinstance(expected, dt.datetime)
    ):
        try:
            expected = dt.date.fromisoformat(str(expected))
        except ValueError:
            raise f.fail("end_event", f"expected must be a date, not {expected!r}") from None
    return EndEvent(tba=True, expected=expected), expected


def _parse_reporting(doc: Located, table: Any) -> Reporting:
    if not isinstance(table, dict):
        raise DataError("[reporting] must be a table", path=doc.path)
    f = Fields(doc, "reporting", 0, table, "[reporting]")
    f.check_known({"phase_review", "quarterly", "half_year", "yearly"})
    rules: dict[str, ReportRule] = {}
    for name in ("phase_review", "quarterly", "half_year", "yearly"):
        raw = table.get(name)
        if raw is None:
            continue
        if not isinstance(raw, dict) or set(raw) - set(_RULE_FIELDS):
            raise f.fail(
                name,
                f"{name} must be a table such as {{ day = 15, months_after = 1 }}"
                " or { days_after = 10 }",
            )
        values = dict(raw.items())
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int):
                raise f.fail(name, f"{name}.{key} must be an integer")
        if "day" in values and not 1 <= values["day"] <= 31:
            raise f.fail(name, f"{name}.day must be 1–31")
        if ("days_after" in values) == ("day" in values):
            raise f.fail(name, f"{name} needs either day (with months_after) or days_after")
        rules[name] = ReportRule(
            day=values.get("day"),
            months_after=values.get("months_after", 1),
            days_after=values.get("days_after"),
        )
    return Reporting(**rules)
