"""The checks: each mistake of a hand-drafted plan as a :class:`Finding` with a stable code.

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
| ``incomplete-date`` | warning | "ngày / 3 tháng 11 năm 2019" |
| ``phase-out-of-range`` | warning | a phase dated outside 1901–2199 |
| ``no-year`` | info | the plan year was not found: the checks that need it are skipped |

and the phase checks of :func:`thidua_calendar.plans.check_plan` (``phase-year-typo``,
``phase-overlap``, ``phase-gap``, ``phase-order``, ``phase-end-before-start``,
``phase-outside-period``, ``focus-outside-phase``), run on the phases the document prints;
``missing-theme`` and ``no-phases`` are about plan files and are left to ``plan check``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Final, Protocol

from .._milestones import english_ordinal
from ..commemorations import Lang, SolarDay, default_catalog, format_vi
from ..congresses import CongressSeries, congress_series, to_roman
from ..lunar import can_chi
from ._extract import Anniversary, Extraction, PhaseWindow
from ._plan import phase_diagnostics
from ._report import SEVERITIES, Finding, Severity, make_finding


def check(extraction: Extraction, lang: Lang = "vi") -> list[Finding]:
    """Every finding of a document, in line order."""
    found: list[Finding] = []

    def add(
        severity: Severity,
        code: str,
        line: int | None,
        column: int | None,
        vi: tuple[str, str],
        en: tuple[str, str],
    ) -> None:
        found.append(make_finding(severity, code, line, column, vi, en, lang))

    ex = extraction
    if ex.year is None and (ex.anniversaries or ex.phases or ex.tet or ex.congresses):
        add(
            "info",
            "no-year",
            None,
            None,
            (
                "không tìm thấy năm của kế hoạch; bỏ qua các kiểm tra cần đến năm",
                "ghi năm trong tên văn bản hoặc dùng --year",
            ),
            (
                "the plan year was not found; the checks that need it were skipped",
                "print the year in the title or give --year",
            ),
        )
    for item in ex.incomplete:
        add(
            "warning",
            "incomplete-date",
            item.line,
            item.column,
            (f"ngày tháng chưa đầy đủ: “{item.text}”", "điền đủ ngày, tháng, năm"),
            (f"incomplete date “{item.text}”", "fill in the day, month and year"),
        )
    for item in ex.impossible:
        assert item.date is not None
        reason = item.date.problem() or ("", "")
        add(
            "error",
            "impossible-date",
            item.line,
            item.column,
            (f"ngày {item.text} không tồn tại: {reason[0]}", "kiểm tra lại ngày tháng"),
            (f"{item.text} is not a date: {reason[1]}", "check the date"),
        )
    seen: set[tuple[int, int]] = set()
    for anniversary in ex.anniversaries:
        first = (anniversary.line, anniversary.unit_column) not in seen  # "80 ngày A và B"
        seen.add((anniversary.line, anniversary.unit_column))
        _check_anniversary(anniversary, ex, add, first=first)
    _check_tet(ex, add)
    _check_congresses(ex, add)
    for item in ex.out_of_range:
        add(
            "warning",
            "phase-out-of-range",
            item.line,
            item.column,
            (
                f"“{item.text}”: năm nằm ngoài phạm vi kiểm tra 1901–2199",
                "kiểm tra lại năm",
            ),
            (f"“{item.text}”: a year outside the range 1901–2199", "check the year"),
        )
    _check_phases(ex, add)
    # "76 năm CM tháng Tám và Quốc khánh (…)": one statement, one finding per fix.
    unique: dict[tuple[object, ...], Finding] = {}
    for finding in found:
        unique.setdefault((finding.line, finding.column, finding.code, finding.suggestion), finding)
    return sorted(
        unique.values(),
        key=lambda f: (f.line or 0, f.column or 0, SEVERITIES.index(f.severity), f.code),
    )


class _Add(Protocol):
    def __call__(
        self,
        severity: Severity,
        code: str,
        line: int | None,
        column: int | None,
        vi: tuple[str, str],
        en: tuple[str, str],
    ) -> None: ...


def _in_phases(date: dt.date, ex: Extraction) -> bool:
    return any(
        p.start is not None and p.end is not None and p.start <= date <= p.end for p in ex.phases
    )


def _check_anniversary(a: Anniversary, ex: Extraction, add: _Add, *, first: bool) -> None:
    entry = default_catalog().get(a.key) if a.key else None
    origin = entry.origin if entry else None
    # "80 ngày Cách mạng Tháng Tám": the name ("Ngày Cách mạng …") starts with the unit.
    shared = a.unit == "ngày" and a.name.casefold().startswith("ngày")
    label = f"{a.ordinal} {a.name}" if shared else f"{a.ordinal} {a.unit} {a.name}"
    if a.unit == "ngày" and first:
        add(
            "error",
            "days-for-years",
            a.line,
            a.unit_column,
            (
                f"“{label}”: số năm kỷ niệm phải là “{a.ordinal} năm”, không phải “ngày”",
                f"{a.ordinal} năm",
            ),
            (
                f"“{label}”: “{a.ordinal} ngày” means {a.ordinal} days; an anniversary counts "
                f"years (“{a.ordinal} năm”)",
                f"write {a.ordinal} năm",
            ),
        )
    printed_origin, printed_date = a.origin_printed, a.date_printed
    if not (a.printed and printed_origin is not None and printed_date is not None):
        if origin is not None and a.date is not None:
            year = int(a.date[:4])
            expected = year - origin.year
            if expected != a.ordinal and expected > 0:
                add(
                    "error",
                    "ordinal-mismatch",
                    a.line,
                    a.column,
                    (
                        f"“{label}”: năm {year} là {expected} năm kể từ {origin.vi()}",
                        f"{expected} năm",
                    ),
                    (
                        f"“{label}”: {year} is the {english_ordinal(expected)} anniversary "
                        f"(since {origin.en()})",
                        f"write {expected} năm",
                    ),
                )
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
            add(
                "error",
                "origin-mismatch",
                *_place(ex, a.line, printed_origin.start),
                (
                    f"{a.name}: mốc gốc ghi {printed_origin.text}, nhưng danh mục ghi "
                    f"{origin.vi()}",
                    f"sửa thành {origin.vi()}",
                ),
                (
                    f"{a.name}: the origin is printed {printed_origin.text}; the catalogue "
                    f"has {origin.en()}",
                    f"correct it to {origin.vi()}",
                ),
            )
    base = origin.year if origin is not None else (printed_origin.year if origin_ok else None)
    if base is not None and date_ok and printed_date.year is not None:
        expected = printed_date.year - base
        if expected != a.ordinal:
            add(
                "error",
                "ordinal-mismatch",
                a.line,
                a.column,
                (
                    f"“{a.ordinal} năm {a.name}” không khớp với ngày tháng: "
                    f"{printed_date.year} − {base} = {expected}",
                    f"{expected} năm" if expected > 0 else "kiểm tra lại các năm",
                ),
                (
                    f"“{a.ordinal} năm” ({a.ordinal} years) does not match the dates: "
                    f"{printed_date.year} − {base} = {expected}",
                    f"write {expected} năm" if expected > 0 else "check the years",
                ),
            )
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
        and (printed_date.month, printed_date.day) != wanted
    ):
        day = f"{wanted[1]:02d}/{wanted[0]:02d}"
        add(
            "error",
            "anniversary-day-mismatch",
            *_place(ex, a.line, printed_date.start),
            (
                f"{a.name}: ngày kỷ niệm ghi {printed_date.text}, nhưng ngày kỷ niệm là {day}",
                f"{day}/{printed_date.year}",
            ),
            (
                f"{a.name}: the anniversary is printed {printed_date.text}; it falls on {day}",
                f"write {day}/{printed_date.year}",
            ),
        )
    plan_year = ex.year
    when = printed_date.date()
    if (
        plan_year is not None
        and when is not None
        and when.year != plan_year
        and not _in_phases(when, ex)
    ):
        add(
            "warning",
            "anniversary-outside-year",
            *_place(ex, a.line, printed_date.start),
            (
                f"{a.name}: ngày kỷ niệm {format_vi(when)} nằm ngoài năm {plan_year} của kế hoạch",
                "kiểm tra năm của ngày kỷ niệm",
            ),
            (
                f"{a.name}: the anniversary ({when.isoformat()}) is outside the plan year "
                f"{plan_year}",
                "check the anniversary's year",
            ),
        )


def _place(ex: Extraction, line: int, index: int) -> tuple[int, int]:
    """The (line, column) of a position in a statement that starts on ``line``."""
    return ex.lines[line - 1].where(index)


def _check_tet(ex: Extraction, add: _Add) -> None:
    for tet in ex.tet:
        if tet.year is not None:
            right = can_chi(tet.year)
            if right != tet.can_chi:
                add(
                    "error",
                    "can-chi-mismatch",
                    tet.line,
                    tet.can_chi_column,
                    (f"năm {tet.year} là năm {right}, không phải {tet.can_chi}", right),
                    (f"{tet.year} is the year {right}, not {tet.can_chi}", f"write {right}"),
                )
            continue
        if ex.year is None:
            continue
        years = {ex.year, ex.year + 1} | {
            d.year for p in ex.phases for d in (p.start, p.end) if d is not None
        }
        if tet.can_chi in {can_chi(y) for y in years}:
            continue
        right = can_chi(ex.year)
        meant = min(
            (y for y in range(ex.year - 30, ex.year + 31) if can_chi(y) == tet.can_chi),
            key=lambda y: abs(y - ex.year) if ex.year else 0,
            default=None,
        )
        where = f" (năm {meant})" if meant else ""
        where_en = f" ({meant})" if meant else ""
        add(
            "warning",
            "can-chi-mismatch",
            tet.line,
            tet.can_chi_column,
            (
                f"kế hoạch năm {ex.year} (năm {right}) nhưng nhắc Xuân/Tết {tet.can_chi}{where}",
                right,
            ),
            (
                f"a {ex.year} plan ({right}) mentions the Tết of {tet.can_chi}{where_en}",
                f"write {right}",
            ),
        )


def _label(series: CongressSeries, ordinal: int, lang: Lang) -> str:
    roman = to_roman(ordinal)
    if lang == "en":
        return series.label_en.format(
            ordinal=english_ordinal(ordinal), roman=roman, body="", name_en=series.name_en
        )
    return series.label_vi.format(
        roman=roman,
        ordinal=ordinal,
        body=series.name_vi.removeprefix("Đại hội ").strip(),
        name_en=series.name_en,
    )


def _labels(series: CongressSeries, ordinal: int) -> tuple[str, str]:
    return _cached_labels(series.key, ordinal)


@lru_cache(maxsize=1024)
def _cached_labels(key: str, ordinal: int) -> tuple[str, str]:
    series = congress_series(key)
    return _label(series, ordinal, "vi"), _label(series, ordinal, "en")


def _check_congresses(ex: Extraction, add: _Add) -> None:
    for mention in ex.congresses:
        series = congress_series(mention.series)
        known = next((c for c in series.congresses if c.ordinal == mention.ordinal), None)
        vi, en = _labels(series, mention.ordinal)
        if mention.term is not None:
            first, last = mention.term
            by_term = series.for_term(first, last)
            if by_term is not None and by_term.ordinal != mention.ordinal:
                right_vi = _label(series, by_term.ordinal, "vi")
                right_en = _label(series, by_term.ordinal, "en")
                add(
                    "error",
                    "congress-term",
                    mention.line,
                    mention.numeral_column,
                    (
                        f"{vi} ghi nhiệm kỳ {first}-{last}, nhưng nhiệm kỳ {first}-{last} là "
                        f"của {right_vi}",
                        right_vi,
                    ),
                    (
                        f"{en} is printed with the term {first}–{last}, which is that of "
                        f"{right_en}",
                        f"write {right_vi}",
                    ),
                )
            elif by_term is None and known is not None and known.term is not None:
                term = f"{known.term[0]}-{known.term[1]}"
                add(
                    "error",
                    "congress-term",
                    mention.line,
                    mention.term_column,
                    (f"{vi} có nhiệm kỳ {term}, không phải {first}-{last}", f"nhiệm kỳ {term}"),
                    (f"{en} has the term {term}, not {first}-{last}", f"write nhiệm kỳ {term}"),
                )
            continue
        if mention.held is not None:
            if known is not None and known.year != mention.held:
                add(
                    "error",
                    "congress-year",
                    mention.line,
                    mention.numeral_column,
                    (
                        f"{vi} họp năm {known.year}, không phải năm {mention.held}",
                        f"năm {known.year}",
                    ),
                    (f"{en} met in {known.year}, not {mention.held}", f"write năm {known.year}"),
                )
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


def _plausible(
    ordinal: int,
    ahead: bool,
    series: CongressSeries,
    year: int,
    line: int,
    column: int,
    add: _Add,
) -> None:
    """Warn about a congress that cannot be the one a plan of ``year`` speaks of."""
    at_start = series.current(dt.date(year, 1, 1))
    at_end = series.current(dt.date(year, 12, 31))
    if at_end is None:
        return
    following = at_end.ordinal + 1
    vi, en = _labels(series, ordinal)
    if ordinal > following:
        right_vi = _label(series, following if ahead else at_end.ordinal, "vi")
        add(
            "warning",
            "congress-plan-year",
            line,
            column,
            (
                f"kế hoạch năm {year} nhắc {vi}, nhưng đại hội gần nhất là "
                f"{_label(series, at_end.ordinal, 'vi')} (năm {at_end.year})",
                right_vi,
            ),
            (
                f"a {year} plan names {en}, but the latest is "
                f"{_label(series, at_end.ordinal, 'en')} ({at_end.year})",
                f"write {right_vi}",
            ),
        )
    elif ahead and at_start is not None and ordinal < at_start.ordinal:
        held = next((c.year for c in series.congresses if c.ordinal == ordinal), None)
        when_vi = f" năm {held}" if held else ""
        when_en = f" in {held}" if held else ""
        add(
            "warning",
            "congress-plan-year",
            line,
            column,
            (
                f"kế hoạch năm {year} hướng tới {vi}, nhưng đại hội này đã họp{when_vi}",
                _label(series, following, "vi"),
            ),
            (
                f"a {year} plan looks ahead to {en}, which met{when_en}",
                f"write {_label(series, following, 'vi')}",
            ),
        )


_SKIPPED: Final = frozenset({"missing-theme", "no-phases"})
"""check_plan codes about plan files rather than documents (many plans have no themes)."""


def _check_phases(ex: Extraction, add: _Add) -> None:
    windows = {p.line: p for p in ex.phases}
    for d in phase_diagnostics(ex):
        if d.code in _SKIPPED:
            continue
        window = windows.get(d.line or 0)
        if d.code == "focus-outside-phase" and window is not None:
            _focus_outside(d.in_lang("en").message, window, add)
            continue
        add(
            d.severity,  # type: ignore[arg-type]  # a Severity member is its string
            d.code,
            d.line,
            window.column if window else None,
            d.vi,
            d.en,
        )


def _focus_outside(message: str, window: PhaseWindow, add: _Add) -> None:
    """A phase names an anniversary that falls outside its window: point at the statement."""
    place = next((p for p in window.places if re.search(rf"\b{p[0]}\b", message)), None)
    if place is None or window.start is None:
        return
    key, line, column = place
    entry = default_catalog()[key]
    label = window.label or "đợt"
    end = format_vi(window.end) if window.end else "…"
    add(
        "warning",
        "focus-outside-phase",
        line,
        column,
        (
            f"{label} ({format_vi(window.start)} - {end}) hướng về {entry.name_vi}, nhưng ngày "
            "kỷ niệm nằm ngoài thời gian của đợt",
            "chuyển nội dung này sang đợt có chứa ngày kỷ niệm, hoặc sửa thời gian của đợt",
        ),
        (
            f"{label} ({window.start.isoformat()} – {window.end or '…'}) is dedicated to "
            f"{entry.name_en}, which falls outside the phase",
            "move it to the phase that contains the day, or change the phase's window",
        ),
    )
