"""The checks: each mistake of a hand-drafted plan as a diagnostic with a stable code.

| Code | Severity | What |
|---|---|---|
| ``ordinal-mismatch`` | error | "92 năm" where the dates (or the plan year) make 94 |
| ``origin-mismatch`` | error | an origin that contradicts the catalogue (1931 for the Party) |
| ``anniversary-day-mismatch`` | error | an anniversary printed on another day than its origin |
| ``impossible-date`` | error | a date that does not exist (15/20/2010, 31/4) |
| ``days-for-years`` | error | "90 ngày" where "90 năm" is meant |
| ``anniversary-outside-year`` | warning | an anniversary dated outside the plan year |
| ``can-chi-mismatch`` | error / warning | "Tết Canh Tý 2021" (2021 is Tân Sửu) |
| ``congress-term`` | error | a congress ordinal that does not match its term |
| ``congress-year`` | error | a congress ordinal that does not match the year printed with it |
| ``congress-plan-year`` | warning | a congress that cannot be the one meant in the plan year |
| ``organisation-ended`` | warning | a body ended before the plan year is celebrated or named |
| ``incomplete-date`` | warning | "ngày / 3 tháng 11 năm 2019" |
| ``phase-out-of-range`` | warning | a phase dated outside the supported years (``_years.YEARS``) |
| ``no-year`` | info | the plan year was not found: the checks that need it are skipped |

and the phase checks of :func:`thidua_calendar.plans.check_plan` (``phase-year-typo``,
``phase-overlap``, ``phase-gap``, ``phase-order``, ``phase-end-before-start``,
``phase-outside-period``, ``focus-outside-phase``), run on the phases the document prints;
``missing-theme`` and ``no-phases`` are about plan files and are left to ``plan check``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Final

from .._diagnostics import Diagnostic, made
from .._vocabulary import LangArg, Severity, to_lang
from .._wording import lint as words
from .._years import range_text
from ..commemorations import Catalog, Commemoration, SolarDay
from ..congresses import CongressSeries, congress_series
from ..lunar import can_chi
from ._checks_events import check_events, self_consistent
from ._checks_periods import check_periods
from ._checks_phases import check_phase_labels
from ._dates import PrintedDate
from ._model import SURE_SOURCES, AddFinding, Anniversary, Extraction, PhaseWindow
from ._plan import phase_findings

_STALE_COVERS: Final = frozenset({"anniversary-outside-year", "ordinal-mismatch"})
"""Findings a ``stale-text`` finding on their line stands for."""
_RANK: Final = {severity: rank for rank, severity in enumerate(Severity)}
"""Severities in report order: errors first."""


def check(
    extraction: Extraction, lang: LangArg = "vi", path: str | None = None
) -> list[Diagnostic]:
    """Every finding of a document, in line order.

    Args:
        extraction: What was extracted from the document (with the catalogue it used).
        lang: The language the diagnostics show.
        path: The file checked, given to each diagnostic.
    """
    found: list[Diagnostic] = []
    language = to_lang(lang)

    def add(
        severity: Severity | str,
        code: str,
        line: int | None,
        column: int | None,
        vi: tuple[str, str],
        en: tuple[str, str],
        key: str | None = None,
    ) -> None:
        found.append(made(severity, code, vi, en, line, column, path, key, language))

    ex = extraction
    if ex.year is None and (ex.anniversaries or ex.phases or ex.tet or ex.congresses):
        add("info", "no-year", None, None, *words.no_year())
    for item in ex.incomplete:
        add("warning", "incomplete-date", item.line, item.column, *words.incomplete_date(item.text))
    for item in ex.impossible:
        assert item.date is not None
        texts = words.impossible_date(item.text, item.date.fault())
        add("error", "impossible-date", item.line, item.column, *texts)
    seen: set[tuple[int, int]] = set()
    # The years a statement prints its dates in, agreeing with its ordinal: they confirm a
    # guessed plan year (worked out once, not once per statement).
    dated = frozenset(d[1] for a in ex.anniversaries if (d := self_consistent(a)) is not None)
    for anniversary in ex.anniversaries:
        first = (anniversary.line, anniversary.unit_column) not in seen  # "80 ngày A và B"
        seen.add((anniversary.line, anniversary.unit_column))
        _check_anniversary(anniversary, ex, add, first=first, dated=dated)
    _check_tet(ex, add)
    _check_congresses(ex, add)
    _check_ended_bodies(ex, add)
    for item in ex.out_of_range:
        texts = words.phase_out_of_range(item.text, range_text())
        add("warning", "phase-out-of-range", item.line, item.column, *texts)
    _check_phases(ex, add)
    # Issue 15: phase labels, last year's text, lunar days, congresses, terms, form.
    check_phase_labels(ex, add)
    stale = check_events(ex, add, tuple(found))
    stale |= check_periods(ex, add)
    if stale:  # one finding for a copied sentence, not one per number in it
        found = [f for f in found if f.line not in stale or f.code not in _STALE_COVERS]
    return in_report_order(found)


def report_order(found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The findings in report order, one per fix: the rule of :func:`in_report_order`.

    Report order is line, column, severity (errors first), code, then as found; of the
    findings at one place with the same code and suggestion, the first found is kept ("76 năm
    CM tháng Tám và Quốc khánh (…)": one statement, one finding per fix).
    """
    unique: dict[tuple[object, ...], tuple[int, int, int, str, int, Diagnostic]] = {}
    for at, f in enumerate(found):
        ranked = (f.line or 0, f.column or 0, _RANK[f.severity], f.code, at, f)
        unique.setdefault((f.line, f.column, f.code, f.suggestion), ranked)
    return [ranked[-1] for ranked in sorted(unique.values())]


def in_report_order(found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """:func:`report_order`, by one int per finding: a document may have thousands.

    Each finding's place and severity make one int key (no tuple is kept per finding, and
    ints are not tracked by the garbage collector); a place seldom holds two findings, and
    only the findings of such a place are ordered and de-duplicated by :func:`report_order`.
    """
    width = 1 + max((f.column or 0 for f in found), default=0)
    places = [(f.line or 0) * width + (f.column or 0) for f in found]
    ranks = len(_RANK)
    keys = [place * ranks + _RANK[f.severity] for place, f in zip(places, found, strict=True)]
    order = sorted(range(len(found)), key=keys.__getitem__)
    shared = {place for place, count in Counter(places).items() if count > 1}
    if not shared:
        return [found[at] for at in order]
    together: dict[int, list[Diagnostic]] = {}  # a shared place's findings, as found
    for place, f in zip(places, found, strict=True):
        if place in shared:
            together.setdefault(place, []).append(f)
    ordered: list[Diagnostic] = []
    for at in order:
        place = places[at]
        if place not in shared:
            ordered.append(found[at])
        elif place in together:  # the first of its findings in order: the place, once
            ordered += report_order(together.pop(place))
    return ordered


def _in_phases(date: dt.date, ex: Extraction) -> bool:
    return any(
        p.start is not None and p.end is not None and p.start <= date <= p.end for p in ex.phases
    )


def _namesakes(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """For each key, the entries that share one of its names and its day.

    A day with two origins: 20/10 is the Women's Union's founding (1930) and Ngày Phụ nữ Việt
    Nam (2010); documents write both as "Ngày Phụ nữ Việt Nam".
    """
    found = catalog.computed.get("lint:namesakes")
    if found is None:
        by_name: dict[tuple[str, object], list[str]] = {}
        for entry in catalog.values():
            for name in {n.casefold() for n in (entry.name_vi, *entry.aliases)}:
                by_name.setdefault((name, entry.rule), []).append(entry.key)
        shared: dict[str, list[str]] = {}
        for keys in by_name.values():
            for key in keys:
                shared.setdefault(key, [key])
                shared[key].extend(k for k in keys if k not in shared[key])
        found = {key: tuple(keys) for key, keys in shared.items()}
        catalog.computed["lint:namesakes"] = found
    return found


def _candidates(catalog: Catalog) -> dict[str, tuple[Commemoration, ...]]:
    """For each key of the catalogue, the entries it may mean: its namesakes (itself first).

    Worked out once per catalogue (kept with it, like :func:`_namesakes`), not per statement.
    """
    found = catalog.computed.get("lint:namesake-entries")
    if found is None:
        shared = _namesakes(catalog)
        found = {
            key: tuple(catalog[k] for k in shared.get(key, (key,)) if k in catalog)
            for key in catalog
        }
        catalog.computed["lint:namesake-entries"] = found
    return found


def _entry_for(a: Anniversary, catalog: Catalog) -> Commemoration | None:
    """The catalogue entry a statement means.

    Of the namesakes, the one whose origin agrees with the printed origin year, or else with
    the ordinal; else the entry the name was found as.
    """
    if not a.key:
        return None
    candidates = _candidates(catalog).get(a.key)
    if candidates is None:  # a key the catalogue does not hold (not from its name index)
        candidates = tuple(catalog[k] for k in _namesakes(catalog).get(a.key, ()) if k in catalog)
    printed = a.origin_printed
    year = int(a.date[:4]) if a.date else None
    for c in candidates:
        if c.origin is None:
            continue
        if printed is not None and printed.valid and printed.year is not None:
            if printed.year == c.origin.year:
                return c
        elif year is not None and year - c.origin.year == a.ordinal:
            return c
    return catalog.get(a.key)


def _check_namesake(
    a: Anniversary, meant: Commemoration | None, ex: Extraction, add: AddFinding, rank: str
) -> None:
    """``namesake``: a day's own name counted from its namesake's origin.

    "93 năm Ngày Phụ nữ Việt Nam" in 2023: the statement prints no dates, its name is the
    name of the day instituted in 2010, and only the ordinal of the Women's Union's founding
    (1930) fits — the count belongs to the other name.
    """
    # The catalogue keys its entries by their keys: the entry meant is the one named (most
    # often) when their keys agree.
    if meant is None or not a.key or meant.key == a.key or a.date is None:
        return
    named = ex.catalog.get(a.key)
    if named is None or named.key == meant.key:
        return
    if named.origin is None or meant.origin is None:
        return
    printed = " ".join(a.name.casefold().split())
    own = named.name_vi.casefold()
    if not printed.startswith(own) or meant.name_vi.casefold() in printed:
        return
    own_ordinal = int(a.date[:4]) - named.origin.year
    if own_ordinal <= 0:
        return
    texts = words.namesake(named.name_vi, a.ordinal, meant.name_vi, named.origin.year, own_ordinal)
    add(rank, "namesake", a.line, a.column, *texts, key=meant.key)


def _years_of(a: Anniversary, ex: Extraction) -> tuple[tuple[int, ...], bool]:
    """The years a statement may fall in, and whether they are known rather than guessed.

    The year it is listed under ("Năm 2018, tổ chức …"), else the years of the plan's period
    (a school year's two halves, a list's two years). A tuple (one or two years: looked up
    as fast as a set, and not made anew for each statement of the plan's years).
    """
    if a.scope is not None:
        return (a.scope,), True
    years = tuple(ex.years) or ((ex.year,) if ex.year is not None else ())
    return years, ex.year_source in SURE_SOURCES


def _check_anniversary(
    a: Anniversary, ex: Extraction, add: AddFinding, *, first: bool, dated: frozenset[int]
) -> None:
    entry = _entry_for(a, ex.catalog)
    origin = entry.origin if entry else None
    key = entry.key if entry else a.key
    if a.unit == "ngày" and first:
        texts = words.days_for_years(a.ordinal, a.unit, a.name)
        add("error", "days-for-years", a.line, a.unit_column, *texts, key=key)
    years, sure = _years_of(a, ex)
    rank = "error" if sure else "info"  # a guessed plan year is no ground for an error
    printed_origin, printed_date = a.origin_printed, a.date_printed
    if not (a.printed and printed_origin is not None and printed_date is not None):
        if origin is not None and a.date is not None:
            year = int(a.date[:4])
            expected = year - origin.year
            fits = origin.year + a.ordinal in years  # a year the ordinal points to
            if expected != a.ordinal and expected > 0 and not fits:
                texts = words.ordinal_by_year(a.ordinal, a.unit, a.name, year, expected, origin)
                add(rank, "ordinal-mismatch", a.line, a.column, *texts, key=key)
            elif first:
                confirmed = sure or year in dated
                _check_namesake(a, entry, ex, add, "warning" if confirmed else "info")
        return
    origin_ok = printed_origin.valid and printed_origin.year is not None
    date_ok = printed_date.valid and printed_date.year is not None
    if origin is not None and origin_ok:
        wrong = printed_origin.year != origin.year or (
            origin.month is not None
            and printed_origin.month is not None
            and (printed_origin.month, printed_origin.day) != (origin.month, origin.day)
        )
        if wrong:
            texts = words.origin_mismatch(a.name, printed_origin.text, origin)
            place = _place(ex, a.line, printed_origin.start)
            add("error", "origin-mismatch", *place, *texts, key=key)
    base = origin.year if origin is not None else (printed_origin.year if origin_ok else None)
    settled = False  # whether the statement's year is already reported
    if base is not None and date_ok and printed_date.year is not None:
        expected = printed_date.year - base
        inclusive = entry is None and printed_origin.day is None and expected + 1 == a.ordinal
        if expected != a.ordinal and not inclusive:
            settled = True
            meant = base + a.ordinal
            if meant in years and printed_date.year not in years:
                # "136 năm … (19/5/1890 - 19/5/2025)" in a 2026 plan: the end date is wrong.
                right = _with_year(printed_date, meant)
                texts = words.anniversary_year_wrong(
                    a.ordinal, a.name, printed_date.text, right, base, meant
                )
                place = _place(ex, a.line, printed_date.start)
                add("error", "ordinal-mismatch", *place, *texts, key=key)
            else:
                texts = words.ordinal_by_dates(a.ordinal, a.name, printed_date.year, base, expected)
                add("error", "ordinal-mismatch", a.line, a.column, *texts, key=key)
    rule = entry.rule if entry else None
    wanted: tuple[int, int] | None = None
    if isinstance(rule, SolarDay):
        wanted = (rule.month, rule.day)
    elif entry is None and origin_ok and printed_origin.day is not None:
        assert printed_origin.month is not None
        wanted = (printed_origin.month, printed_origin.day)
    if (
        wanted is not None
        and date_ok
        and printed_date.day is not None
        and printed_date.month is not None
        and printed_date.year is not None
        and (printed_date.month, printed_date.day) != wanted
    ):
        texts = words.anniversary_day_mismatch(
            a.name, printed_date.text, wanted[0], wanted[1], printed_date.year
        )
        place = _place(ex, a.line, printed_date.start)
        add("error", "anniversary-day-mismatch", *place, *texts, key=key)
    when = printed_date.date()
    if (
        not settled
        and years
        and when is not None
        and when.year not in years
        and when.year < min(years)  # a plan may look ahead to next year's anniversaries
        and not _in_phases(when, ex)
    ):
        plan_year = min(years) if ex.year is None else ex.year
        corrected = None
        if origin_ok and printed_origin.year is not None and a.unit == "năm":
            ordinal = a.ordinal + plan_year - when.year  # last year's sentence, brought up
            dates = f"{printed_origin.text} - {_with_year(printed_date, plan_year)}"
            corrected = f"{ordinal} năm {a.name} ({dates})"
        texts = words.anniversary_outside_year(a.name, when, plan_year, corrected)
        place = _place(ex, a.line, printed_date.start)
        add("warning" if sure else "info", "anniversary-outside-year", *place, *texts, key=key)


def _with_year(date: PrintedDate, year: int) -> str:
    """A printed date with another year, as printed ("19/5/2025" → "19/5/2026")."""
    assert date.year is not None
    text = date.text
    at = text.rfind(str(date.year))
    return f"{text[:at]}{year}{text[at + len(str(date.year)) :]}" if at >= 0 else str(year)


def _place(ex: Extraction, line: int, index: int) -> tuple[int, int]:
    """The (line, column) of a position in a statement that starts on ``line``."""
    return ex.lines[line - 1].where(index)


def _check_tet(ex: Extraction, add: AddFinding) -> None:
    expected: set[str] | None = None  # the can-chi of the period's years, worked out once
    for tet in ex.tet:
        if tet.year is not None:
            right = can_chi(tet.year)
            if right != tet.can_chi:
                texts = words.can_chi_of_year(tet.year, right, tet.can_chi)
                add("error", "can-chi-mismatch", tet.line, tet.can_chi_column, *texts)
            continue
        if ex.year is None:
            continue
        if expected is None:
            years = {ex.year, ex.year + 1} | {
                d.year for p in ex.phases for d in (p.start, p.end) if d is not None
            }
            expected = {can_chi(y) for y in years}
        if tet.can_chi in expected:
            continue
        right = can_chi(ex.year)
        meant = min(
            (y for y in range(ex.year - 30, ex.year + 31) if can_chi(y) == tet.can_chi),
            key=lambda y: abs(y - ex.year) if ex.year else 0,
            default=None,
        )
        texts = words.can_chi_of_plan(ex.year, right, tet.can_chi, meant)
        add("warning", "can-chi-mismatch", tet.line, tet.can_chi_column, *texts)


def _check_congresses(ex: Extraction, add: AddFinding) -> None:
    for mention in ex.congresses:
        series = congress_series(mention.series)
        known = next((c for c in series.congresses if c.ordinal == mention.ordinal), None)
        line, key = mention.line, series.key
        if mention.term is not None:
            by_term = series.for_term(*mention.term)
            if by_term is not None and by_term.ordinal != mention.ordinal:
                texts = words.congress_term_of_another(
                    series, mention.ordinal, mention.term, by_term.ordinal
                )
                add("error", "congress-term", line, mention.numeral_column, *texts, key=key)
            elif by_term is None and known is not None and known.term is not None:
                texts = words.congress_term_wrong(series, mention.ordinal, known.term, mention.term)
                add("error", "congress-term", line, mention.term_column, *texts, key=key)
            continue
        if mention.held is not None:
            if known is not None and known.year != mention.held:
                texts = words.congress_year(series, mention.ordinal, known.year, mention.held)
                add("error", "congress-year", line, mention.numeral_column, *texts, key=key)
            continue
        if ex.year is None:
            continue
        _plausible(
            mention.ordinal,
            mention.ahead,
            series,
            ex.year,
            mention.line,
            mention.numeral_column,
            add,
        )


def _check_ended_bodies(ex: Extraction, add: AddFinding) -> None:
    """``organisation-ended``: a plan of a year names a body gone before it began.

    The bodies are those :func:`~thidua_calendar.organisations.gone_by` gives for the plan
    period's first day (only a recorded end counts). An anniversary statement of such a body
    (its commemoration belongs to it) is flagged when its date is after the body's end; one
    dated before (a historical mention: "30 năm … (1994 - 2024)") is fine, and so is every
    other mention of the body on that line. Elsewhere, each mention of the body's name or
    aliases (:func:`~thidua_calendar.organisations.ended_mentions`) is flagged.
    """
    if ex.year is None:
        return
    from ..organisations import ended_mentions, gone_by, organisation

    first_day = dt.date(ex.year, 9 if ex.school_year else 1, 1)
    gone = {body.key: body for body in gone_by(first_day)}
    if not gone:
        return

    def texts(key: str, said: str) -> tuple[tuple[str, str], tuple[str, str]]:
        body = gone[key]
        heir = organisation(body.successor) if body.successor else None
        return words.organisation_ended(body, ex.year or 0, said, heir)

    settled: set[tuple[int, str]] = set()  # (line, body): its anniversary decides the line
    for a in ex.anniversaries:
        entry = ex.catalog.get(a.key) if a.key else None
        key = entry.organisation if entry else None
        if key not in gone or key is None:
            continue
        settled.add((a.line, key))
        end = gone[key].end
        when = dt.date.fromisoformat(a.date) if a.date else first_day
        if end is not None and when > end:
            said = f"{a.ordinal} {a.unit} {a.name}"
            add("warning", "organisation-ended", a.line, a.column, *texts(key, said), key=key)
    for line in ex.lines:
        for body, begin, stop in ended_mentions(line.own_text, first_day):
            if (line.number, body.key) in settled:
                continue
            settled.add((line.number, body.key))  # one finding per line and body
            said = line.own_text[begin:stop]
            add(
                "warning",
                "organisation-ended",
                *line.where(begin),
                *texts(body.key, said),
                key=body.key,
            )


def _plausible(
    ordinal: int,
    ahead: bool,
    series: CongressSeries,
    year: int,
    line: int,
    column: int,
    add: AddFinding,
) -> None:
    """Warn about a congress that cannot be the one a plan of ``year`` speaks of."""
    at_start = series.current(dt.date(year, 1, 1))
    at_end = series.current(dt.date(year, 12, 31))
    if at_end is None:
        return
    following = at_end.ordinal + 1
    if ordinal > following:
        meant = following if ahead else at_end.ordinal
        texts = words.congress_beyond_latest(
            year, series, ordinal, at_end.ordinal, at_end.year, meant
        )
        add("warning", "congress-plan-year", line, column, *texts, key=series.key)
    elif ahead and at_start is not None and ordinal < at_start.ordinal:
        held = next((c.year for c in series.congresses if c.ordinal == ordinal), None)
        texts = words.congress_already_met(year, series, ordinal, held, following)
        add("warning", "congress-plan-year", line, column, *texts, key=series.key)


_SKIPPED: Final = frozenset({"missing-theme", "no-phases"})
"""check_plan codes about plan files rather than documents (many plans have no themes)."""


def _check_phases(ex: Extraction, add: AddFinding) -> None:
    windows = {p.line: p for p in ex.phases}
    for severity, code, line, (vi, en), key in phase_findings(ex, themes=False):
        if code in _SKIPPED:
            continue
        window = windows.get(line or 0)
        if code == "focus-outside-phase" and window is not None:
            _focus_outside(key, window, ex.catalog, add)
            continue
        add(severity, code, line, window.column if window else None, vi, en, key)


def _focus_outside(key: str | None, window: PhaseWindow, catalog: Catalog, add: AddFinding) -> None:
    """A phase names an anniversary that falls outside its window: point at the statement.

    Args:
        key: The commemoration the plan check is about (its diagnostic's key).
        window: The phase.
        catalog: The catalogue in use.
        add: Where the finding goes.
    """
    place = next((p for p in window.places if p[0] == key), None)
    if place is None or window.start is None:
        return
    key, line, column = place
    texts = words.focus_outside_phase(window.label, window.start, window.end, catalog[key])
    add("warning", "focus-outside-phase", line, column, *texts, key=key)
