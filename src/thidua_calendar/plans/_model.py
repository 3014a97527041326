"""Campaign plans: phases (đợt thi đua), themes, followed commemorations, reporting duties.

A plan is a TOML file (format: ``docs/plan-format.md``)::

    [plan]
    title = "Kế hoạch phát động phong trào thi đua năm 2020"
    organisation = "Công đoàn Viên chức Việt Nam"
    year = 2020

    [[phase]]
    label = "Đợt 1"
    start = "2020-01"          # a month means its first day here …
    end = "2020-06-30"         # … and its last day as an end
    theme = "Mừng Đảng quang vinh - Mừng sinh nhật Bác"

Examples:
    >>> plan = parse_plan('''
    ... [plan]
    ... title = "Kế hoạch thi đua năm 2026"
    ... year = 2026
    ... [[phase]]
    ... label = "Đợt 1"
    ... start = "2026-01"
    ... end = "2026-06"
    ... ''')
    >>> plan.phases[0].end
    datetime.date(2026, 6, 30)
    >>> plan.phase_on(dt.date(2026, 3, 1)).label
    'Đợt 1'
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from .._milestones import Milestone, milestones_between
from .._toml import Fields, Located
from ..commemorations import (
    CATEGORIES,
    Catalog,
    Lang,
    default_catalog,
    format_vi,
    load_catalog,
)
from ..errors import DataError

Precision = Literal["day", "month", "event"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: Final = ("error", "warning", "info")

DEFAULT_FOLLOW: Final = ("union",)
"""Categories a plan follows when it says nothing: the union days (plus every ngày lễ lớn)."""


# --- model ---------------------------------------------------------------------------------


@attrs.frozen
class EndEvent:
    """A phase end anchored to an event rather than a date.

    Exactly one of ``congress`` (with ``ordinal``), ``commemoration`` or ``tba`` is set.

    Attributes:
        congress: A congress series key (``party``) — the phase ends when that congress closes.
        ordinal: The congress's number.
        commemoration: A catalogue key — the phase ends on its day.
        tba: "đến khi có thông báo": the end is not known yet.
        expected: For ``tba``, an expected end to plan with.
    """

    congress: str | None = None
    ordinal: int | None = None
    commemoration: str | None = None
    tba: bool = False
    expected: dt.date | None = None

    def describe(self, lang: Lang = "vi") -> str:
        """``Đại hội XIV của Đảng`` / ``the 14th National Congress …`` / ``thông báo sau``."""
        if self.congress is not None and self.ordinal is not None:
            from ..congresses import congress_series

            series = congress_series(self.congress)
            congress = series.by_ordinal(self.ordinal)
            roman = congress.roman
            if lang == "en":
                return series.label_en.format(
                    ordinal=_english(self.ordinal), roman=roman, body="", name_en=series.name_en
                )
            return series.label_vi.format(
                roman=roman,
                ordinal=self.ordinal,
                body=series.name_vi.removeprefix("Đại hội "),
                name_en=series.name_en,
            )
        if self.commemoration is not None:
            entry = default_catalog().get(self.commemoration)
            name = entry.name(lang) if entry else self.commemoration
            return name
        return "to be announced" if lang == "en" else "khi có thông báo"


def _english(number: int) -> str:
    from .._milestones import english_ordinal

    return english_ordinal(number)


@attrs.frozen
class Phase:
    """One đợt thi đua.

    Attributes:
        label: ``Đợt 1``.
        start: First day.
        end: Last day (inclusive); ``None`` when anchored to an event with no known date.
        theme: The chủ đề, if any.
        focus: Commemoration keys the phase is dedicated to ("hướng về"); ``None`` means every
            followed anniversary inside the window.
        start_precision: ``day`` or ``month`` (written as a month: "từ tháng 01/2020").
        end_precision: ``day``, ``month`` or ``event``.
        end_event: The event the end is anchored to, if any.
        note: Free text.
        line: Line of the ``[[phase]]`` table in its file (for diagnostics).
    """

    label: str
    start: dt.date
    end: dt.date | None
    theme: str | None = None
    focus: tuple[str, ...] | None = None
    start_precision: Precision = "day"
    end_precision: Precision = "day"
    end_event: EndEvent | None = None
    note: str = ""
    line: int | None = attrs.field(default=None, eq=False)

    def contains(self, date: dt.date) -> bool:
        """Whether a date is inside the window (an open end counts as open)."""
        return self.start <= date and (self.end is None or date <= self.end)

    def window(self, lang: Lang = "vi") -> str:
        """``từ 01/01/2020 đến 30/06/2020`` / ``1 January 2020 – 30 June 2020``."""
        from ..commemorations import format_en

        if lang == "en":
            end = format_en(self.end) if self.end else ""
            if self.end_event is not None:
                event = self.end_event.describe("en")
                end = f"{event} ({end})" if self.end and not self.end_event.tba else event
            return f"{format_en(self.start)} – {end}"
        end = format_vi(self.end) if self.end else ""
        if self.end_event is not None:
            event = self.end_event.describe("vi")
            end = f"khi tổ chức thành công {event}" if self.end_event.congress else f"{event}"
        return f"từ {format_vi(self.start)} đến {end}"


@attrs.frozen
class ReportRule:
    """When a periodic report is due, relative to the end of its period.

    Due on ``day`` of the month ``months_after`` months after the period's last month (day
    clamped to the month's length), or ``days_after`` days after the period ends.
    """

    day: int | None = None
    months_after: int = 1
    days_after: int | None = None

    def due(self, period_end: dt.date) -> dt.date:
        """The due date for a period ending on ``period_end``."""
        if self.days_after is not None:
            return period_end + dt.timedelta(days=self.days_after)
        index = period_end.year * 12 + period_end.month - 1 + self.months_after
        year, month = divmod(index, 12)
        last = _calendar.monthrange(year, month + 1)[1]
        return dt.date(year, month + 1, min(self.day or last, last))


@attrs.frozen
class Reporting:
    """The plan's reporting duties (sơ kết, periodic reports, tổng kết).

    Attributes:
        phase_review: When the sơ kết of each phase is due.
        quarterly: When quarterly reports are due.
        half_year: When the 6-month report is due.
        yearly: When the yearly report (tổng kết) is due.
    """

    phase_review: ReportRule | None = None
    quarterly: ReportRule | None = None
    half_year: ReportRule | None = None
    yearly: ReportRule | None = None


@attrs.frozen
class Deadline:
    """A report due date.

    Attributes:
        kind: ``phase_review``, ``quarterly``, ``half_year`` or ``yearly``.
        date: The due date.
        period_start: First day of the period reported on.
        period_end: Last day of the period reported on.
        phase: The phase label, for a phase review.
    """

    kind: str
    date: dt.date
    period_start: dt.date
    period_end: dt.date
    phase: str | None = None

    def title(self, lang: Lang = "vi") -> str:
        """The title of the duty: ``Sơ kết Đợt 1``, ``Báo cáo quý I/2025`` and so on."""
        if self.kind == "phase_review":
            return f"Review of {self.phase}" if lang == "en" else f"Sơ kết {self.phase}"
        if self.kind == "quarterly":
            quarter = (self.period_end.month - 1) // 3 + 1
            if lang == "en":
                return f"Report for Q{quarter} {self.period_end.year}"
            roman = ("I", "II", "III", "IV")[quarter - 1]
            return f"Báo cáo quý {roman}/{self.period_end.year}"
        if self.kind == "half_year":
            if lang == "en":
                return f"Six-month report {self.period_end.year}"
            return f"Báo cáo 6 tháng đầu năm {self.period_end.year}"
        if lang == "en":
            return f"Yearly report {self.period_end.year}"
        return f"Báo cáo tổng kết năm {self.period_end.year}"


@attrs.frozen
class Diagnostic:
    """A finding of :meth:`Plan.check`.

    Attributes:
        severity: ``error``, ``warning`` or ``info``.
        code: A stable code (``phase-overlap`` …).
        message: What is wrong (English).
        suggestion: How to fix it.
        line: Where, in the plan file.
        path: The plan file.
        message_vi: The message in Vietnamese.
    """

    severity: Severity
    code: str
    message: str
    suggestion: str = ""
    line: int | None = None
    path: str | None = None
    message_vi: str = ""
    suggestion_vi: str = ""

    def text(self, lang: Lang = "vi") -> str:
        """``plan.toml:12: error [phase-overlap]: …``."""
        where = f"{self.path or '<plan>'}:{self.line}" if self.line else (self.path or "<plan>")
        message = self.message_vi if lang == "vi" and self.message_vi else self.message
        suggestion = self.suggestion_vi if lang == "vi" and self.suggestion_vi else self.suggestion
        hint = f" ({suggestion})" if suggestion else ""
        return f"{where}: {self.severity} [{self.code}]: {message}{hint}"

    def as_record(self, lang: Lang = "vi") -> dict[str, object]:
        """A flat record for JSON."""
        return {
            "severity": self.severity,
            "code": self.code,
            "line": self.line,
            "message": self.message_vi if lang == "vi" and self.message_vi else self.message,
            "suggestion": self.suggestion_vi
            if lang == "vi" and self.suggestion_vi
            else self.suggestion,
        }


@attrs.frozen
class Plan:
    """A campaign plan.

    Attributes:
        title: The plan's title.
        year: The plan year.
        start: First day of the plan period.
        end: Last day of the plan period.
        phases: The phases, in document order.
        organisation: Who issues it.
        theme: The year's theme (chủ đề năm), if any.
        number: Document number (``31/KH-LĐLĐ``).
        issued: Document date.
        follow_categories: Categories of commemorations the plan follows.
        follow_keys: Further commemorations it follows.
        catalog: The catalogue (shipped, or with the plan's own file merged).
        reporting: Reporting duties.
        revision: The plan's revision date (used for feed timestamps).
        path: The file it was read from.
    """

    title: str
    year: int
    start: dt.date
    end: dt.date
    phases: tuple[Phase, ...]
    organisation: str = ""
    theme: str | None = None
    number: str = ""
    issued: dt.date | None = None
    follow_categories: tuple[str, ...] = DEFAULT_FOLLOW
    follow_keys: tuple[str, ...] = ()
    catalog: Catalog = attrs.field(factory=default_catalog, eq=False, repr=False)
    reporting: Reporting = attrs.field(factory=Reporting)
    revision: dt.date | None = None
    path: str | None = attrs.field(default=None, eq=False)

    def phase_on(self, date: dt.date) -> Phase | None:
        """The phase running on a date (the first, if a faulty plan overlaps)."""
        return next((p for p in self.phases if p.contains(date)), None)

    def theme_on(self, date: dt.date) -> str | None:
        """The theme of the phase running on a date."""
        phase = self.phase_on(date)
        return phase.theme if phase else None

    def follows(self, milestone: Milestone) -> bool:
        """Whether the plan follows a milestone's commemoration."""
        c = milestone.commemoration
        return c.holiday or c.category in self.follow_categories or c.key in self.follow_keys

    def followed_milestones(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[Milestone]:
        """The followed milestones within the plan period (or a given span)."""
        span_start, span_end = start or self.start, end or self.end
        return [
            m
            for m in milestones_between(span_start, span_end, catalog=self.catalog)
            if self.follows(m)
        ]

    def milestones_in(self, phase: Phase) -> list[Milestone]:
        """The milestones a phase is dedicated to.

        Its explicit ``focus`` keys (their occurrences in the plan period, inside the window or
        not, as the document says), or else every followed anniversary (a milestone with an
        ordinal) inside the window.
        """
        if phase.focus is not None:
            # As the document says, even when it falls outside the window (check() warns).
            keys = list(phase.focus)
            start, end = min(phase.start, self.start), max(phase.end or self.end, self.end)
            return milestones_between(start, end, catalog=self.catalog, keys=keys)
        end = phase.end or self.end
        inside = milestones_between(phase.start, end, catalog=self.catalog)
        return [m for m in inside if self.follows(m) and m.ordinal is not None]

    def deadlines(self) -> list[Deadline]:
        """Every report due date of the plan, in date order."""
        found: list[Deadline] = []
        rules = self.reporting
        if rules.phase_review:
            for phase in self.phases:
                if phase.end is not None:
                    found.append(
                        Deadline(
                            "phase_review",
                            rules.phase_review.due(phase.end),
                            phase.start,
                            phase.end,
                            phase.label,
                        )
                    )
        periods: list[tuple[str, ReportRule | None, int]] = [
            ("quarterly", rules.quarterly, 3),
            ("half_year", rules.half_year, 6),
            ("yearly", rules.yearly, 12),
        ]
        for kind, rule, months in periods:
            if rule is None:
                continue
            for first_month in range(1, 13, months):
                start = dt.date(self.year, first_month, 1)
                last_month = first_month + months - 1
                end = dt.date(self.year, last_month, _calendar.monthrange(self.year, last_month)[1])
                if kind == "half_year" and first_month != 1:
                    continue  # the 6-month report covers the first half; the year covers all
                if start <= self.end and end >= self.start:
                    found.append(Deadline(kind, rule.due(end), start, end))
        return sorted(found, key=lambda d: (d.date, d.kind))

    def check(self) -> list[Diagnostic]:
        """Validate the plan; see :func:`check_plan`."""
        return check_plan(self)


# --- checks --------------------------------------------------------------------------------


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Every problem of a plan, in line order.

    Codes: ``phase-end-before-start``, ``phase-year-typo`` (a phase dated in another year
    while the others match the plan year: the corrected year is suggested),
    ``phase-overlap``, ``phase-gap``, ``phase-outside-period``, ``phase-order``,
    ``focus-outside-phase``, ``missing-theme`` (info), ``no-phases``.
    """
    found: list[Diagnostic] = []

    def add(
        severity: Severity, code: str, line: int | None, en: str, vi: str, fix_en: str, fix_vi: str
    ) -> None:
        found.append(Diagnostic(severity, code, en, fix_en, line, plan.path, vi, fix_vi))

    if not plan.phases:
        add(
            "warning",
            "no-phases",
            None,
            "the plan has no phases",
            "kế hoạch không có đợt thi đua nào",
            "add [[phase]] tables",
            "thêm các bảng [[phase]]",
        )
    typos = _year_typos(plan)
    for phase in plan.phases:
        label, line = phase.label, phase.line
        if phase in typos:
            wrong, right = typos[phase]
            add(
                "error",
                "phase-year-typo",
                line,
                f"{label} is dated {wrong} in a {plan.year} plan",
                f"{label} ghi năm {wrong} trong kế hoạch năm {plan.year}",
                f"did you mean {right}?",
                f"có phải là năm {right}?",
            )
            continue
        if phase.end is not None and phase.end < phase.start:
            add(
                "error",
                "phase-end-before-start",
                line,
                f"{label} ends ({phase.end}) before it starts ({phase.start})",
                f"{label} kết thúc ({format_vi(phase.end)}) trước khi bắt đầu "
                f"({format_vi(phase.start)})",
                "swap the dates or correct the typo",
                "đổi lại hai ngày hoặc sửa lỗi gõ",
            )
        elif phase.start < plan.start or (phase.end or phase.start) > plan.end:
            add(
                "warning",
                "phase-outside-period",
                line,
                f"{label} ({phase.start} – {phase.end or '…'}) is outside the plan period "
                f"{plan.start} – {plan.end}",
                f"{label} nằm ngoài thời gian của kế hoạch ({format_vi(plan.start)} - "
                f"{format_vi(plan.end)})",
                "adjust the phase or the plan's start/end",
                "sửa thời gian của đợt hoặc của kế hoạch",
            )
        if not phase.theme:
            add(
                "info",
                "missing-theme",
                line,
                f"{label} has no theme",
                f"{label} chưa có chủ đề",
                'add theme = "…" if the document gives one',
                'thêm theme = "…" nếu văn bản có chủ đề',
            )
        window_end = max(phase.end or plan.end, phase.start)
        for key in phase.focus or ():
            if not milestones_between(phase.start, window_end, catalog=plan.catalog, keys=[key]):
                add(
                    "warning",
                    "focus-outside-phase",
                    line,
                    f"{label} focuses on {key}, which does not fall inside its window",
                    f"{label} hướng về {key} nhưng ngày này không nằm trong thời gian của đợt",
                    "move it to the phase that contains it",
                    "chuyển sang đợt có chứa ngày đó",
                )
    # Overlaps and gaps are judged with the typo phases at their corrected year.
    valid = [_corrected(p, plan.year) if p in typos else p for p in plan.phases]
    valid = [p for p in valid if p.end is None or p.end >= p.start]
    ordered = sorted(valid, key=lambda p: p.start)
    for a, b in itertools.pairwise(ordered):
        if b.start <= (a.end if a.end is not None else dt.date.max):
            add(
                "error",
                "phase-overlap",
                b.line,
                f"{a.label} and {b.label} overlap ({b.start} is before {a.label} ends)",
                f"{a.label} và {b.label} chồng lên nhau",
                f"end {a.label} on {b.start - dt.timedelta(days=1)}",
                f"kết thúc {a.label} vào {format_vi(b.start - dt.timedelta(days=1))}",
            )
        elif a.end is not None and (b.start - a.end).days > 1:
            days = (b.start - a.end).days - 1
            add(
                "warning",
                "phase-gap",
                b.line,
                f"{days} days between {a.label} and {b.label} belong to no phase",
                f"có {days} ngày giữa {a.label} và {b.label} không thuộc đợt nào",
                f"start {b.label} on {a.end + dt.timedelta(days=1)}",
                f"bắt đầu {b.label} từ {format_vi(a.end + dt.timedelta(days=1))}",
            )
    numbers = [_label_number(p.label) for p in ordered]
    known = [n for n in numbers if n is not None]
    if len(known) == len(numbers) and known != sorted(known):
        labels = ", ".join(p.label for p in ordered)
        add(
            "warning",
            "phase-order",
            ordered[0].line,
            f"phase labels are out of date order ({labels})",
            f"thứ tự đánh số các đợt không khớp với thời gian ({labels})",
            "renumber the phases in date order",
            "đánh số lại các đợt theo thời gian",
        )
    return sorted(found, key=lambda d: (d.line or 0, SEVERITIES.index(d.severity)))


def _corrected(phase: Phase, year: int) -> Phase:
    """A typo phase moved to the plan year (``_year_typos`` checked that this is possible)."""
    end = phase.end.replace(year=year) if phase.end else None
    return attrs.evolve(phase, start=phase.start.replace(year=year), end=end)


def _label_number(label: str) -> int | None:
    match = re.search(r"(\d+)", label)
    return int(match.group(1)) if match else None


def _year_typos(plan: Plan) -> dict[Phase, tuple[int, int]]:
    """Phases dated in another year while the other phases match the plan year."""

    def years(p: Phase) -> set[int]:
        return {p.start.year} | ({p.end.year} if p.end else set())

    in_year = [p for p in plan.phases if plan.year in years(p)]
    found: dict[Phase, tuple[int, int]] = {}
    if not in_year:
        return found
    for phase in plan.phases:
        ys = years(phase)
        if plan.year in ys or len(ys) != 1:
            continue
        wrong = ys.pop()
        # Only a plausible typo: the phase would fit the plan period with the year corrected.
        try:
            start = phase.start.replace(year=plan.year)
            end = phase.end.replace(year=plan.year) if phase.end else None
        except ValueError:
            continue
        if plan.start <= start and (end is None or end <= plan.end):
            found[phase] = (wrong, plan.year)
    return found


# --- loading -------------------------------------------------------------------------------

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


# --- helpers for the usual shapes ------------------------------------------------------------


def halves(year: int, themes: Sequence[str | None] = (None, None)) -> tuple[Phase, ...]:
    """Two phases: January–June and July–December.

    Examples:
        >>> [p.window() for p in halves(2026)]
        ['từ 01/01/2026 đến 30/06/2026', 'từ 01/07/2026 đến 31/12/2026']
    """
    return (
        Phase("Đợt 1", dt.date(year, 1, 1), dt.date(year, 6, 30), themes[0]),
        Phase("Đợt 2", dt.date(year, 7, 1), dt.date(year, 12, 31), themes[1]),
    )


def quarters(year: int) -> tuple[Phase, ...]:
    """Four phases, one per quarter."""
    return tuple(
        Phase(
            f"Đợt {q + 1}",
            dt.date(year, 3 * q + 1, 1),
            dt.date(year, 3 * q + 3, _calendar.monthrange(year, 3 * q + 3)[1]),
        )
        for q in range(4)
    )


def school_year(first_year: int) -> tuple[Phase, ...]:
    """A school year in two semesters: September–December and January–May.

    Examples:
        >>> [p.window() for p in school_year(2025)]
        ['từ 01/09/2025 đến 31/12/2025', 'từ 01/01/2026 đến 31/05/2026']
    """
    return (
        Phase("Học kỳ I", dt.date(first_year, 9, 1), dt.date(first_year, 12, 31)),
        Phase("Học kỳ II", dt.date(first_year + 1, 1, 1), dt.date(first_year + 1, 5, 31)),
    )


def until_event(label: str, start: dt.date, event: EndEvent) -> Phase:
    """A phase from a date until an event ("đến khi tổ chức thành công Đại hội XIV").

    Examples:
        >>> p = until_event("Đợt 1", dt.date(2025, 10, 1), EndEvent(congress="party", ordinal=14))
        >>> p.end
        datetime.date(2026, 1, 23)
        >>> p.window()
        'từ 01/10/2025 đến khi tổ chức thành công Đại hội XIV của Đảng'
    """
    end: dt.date | None = event.expected
    if event.congress is not None and event.ordinal is not None:
        from ..congresses import congress_series

        congress = congress_series(event.congress).by_ordinal(event.ordinal)
        end = congress.end or congress.start
    elif event.commemoration is not None:
        from .._milestones import milestones

        found = [
            m
            for y in (start.year, start.year + 1)
            for m in milestones(y, keys=[event.commemoration])
            if m.date >= start
        ]
        end = found[0].date if found else None
    return Phase(label, start, end, end_precision="event", end_event=event)


def make_plan(title: str, year: int, phases: Iterable[Phase], **fields: Any) -> Plan:
    """A plan built in code (the period defaults to the span of the phases and the year)."""
    phases = tuple(phases)
    starts = [p.start for p in phases] + [dt.date(year, 1, 1)]
    ends = [p.end for p in phases if p.end] + [dt.date(year, 12, 31)]
    fields.setdefault("start", min(starts))
    fields.setdefault("end", max(ends))
    return Plan(title=title, year=year, phases=phases, **fields)


_TEMPLATES: Final = ("halves", "quarters", "school-year")


def starter_plan_toml(year: int, template: str = "halves", *, organisation: str = "") -> str:
    """A starter plan file: phases of a template, each with its round anniversaries as focus.

    Round anniversaries are the năm tròn and năm lẻ 5 of the ngày lễ lớn and the union days
    that fall inside each phase.
    """
    from .._milestones import Rank

    if template not in _TEMPLATES:
        raise ValueError(f"unknown template {template!r}; choose from {', '.join(_TEMPLATES)}")
    if not 1901 <= year <= 2198:
        raise ValueError(f"year {year} is outside the supported range 1901–2198")
    phases = {"halves": halves, "quarters": quarters, "school-year": school_year}[template](year)
    plan = make_plan(f"Kế hoạch phát động phong trào thi đua năm {year}", year, phases)
    lines = [
        f"# Starter plan for {year} ({template}), written by `thidua-calendar plan new`.",
        "# Fill in the themes; adjust the phases and the focus lists as your plan decides.",
        "# Format: docs/plan-format.md. Check it with: thidua-calendar plan check FILE",
        "",
        "[plan]",
        f'title = "Kế hoạch phát động phong trào thi đua năm {year}"',
        f"organisation = {_toml_str(organisation)}",
        f"year = {year}",
        f'start = "{plan.start.isoformat()}"',
        f'end = "{plan.end.isoformat()}"',
        "",
        "[follow]",
        'categories = ["union"]   # plus every ngày lễ lớn',
        "",
    ]
    for phase in phases:
        focus = [
            m for m in plan.milestones_in(phase) if m.rank is not None and m.rank.at_least(Rank.LE5)
        ]
        lines += [
            "[[phase]]",
            f"label = {_toml_str(phase.label)}",
            f'start = "{phase.start.isoformat()}"',
            f'end = "{phase.end.isoformat()}"' if phase.end else "",
            'theme = ""',
        ]
        if focus:
            lines += ["focus = [", *[f'    "{m.key}",  # {m.label()}' for m in focus], "]"]
        else:
            lines += [
                "# No năm tròn or năm lẻ 5 falls in this phase. Without `focus`, the phase",
                "# is dedicated to every followed anniversary inside it.",
            ]
        lines.append("")
    lines += [
        "[reporting]",
        "phase_review = { days_after = 15 }",
        "quarterly = { day = 15, months_after = 1 }",
        "yearly = { day = 30, months_after = -1 }",
        "",
    ]
    return "\n".join(line for line in lines if line is not None)


def _toml_str(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
