"""The plan model: phases (đợt thi đua), end events, reporting rules, deadlines, the plan."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import Final, Literal

import attrs

from .._milestones import Milestone, milestones_between
from ..commemorations import Catalog, Lang, default_catalog, format_vi

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
        """Validate the plan; see :func:`~thidua_calendar.plans.check_plan`."""
        from ._checks import check_plan

        return check_plan(self)
