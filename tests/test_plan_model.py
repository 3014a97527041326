"""The plan model: validated at construction, words from the plan's catalogue, one rule each."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import thidua_calendar as tc
from thidua_calendar._data import example_plans
from thidua_calendar._diagnostics import Diagnostic
from thidua_calendar._milestones import next_occurrence
from thidua_calendar._vocabulary import Category, DeadlineKind, Precision
from thidua_calendar._years import FIRST_YEAR, LAST_YEAR
from thidua_calendar.errors import InvalidTypeError, InvalidValueError, OutOfRangeError
from thidua_calendar.plans import (
    BOTH_CATALOGUES,
    TEMPLATES,
    Deadline,
    EndEvent,
    Phase,
    Plan,
    PlanHasErrorsError,
    Reporting,
    ReportRule,
    load_plan,
    make_plan,
    parse_plan,
    require_no_errors,
    starter_plan,
    starter_plan_toml,
)

D = dt.date
PLANS = example_plans()
P = ("Đợt 1", D(2026, 1, 1), D(2026, 6, 30))


def plan(**fields: object) -> Plan:
    base: dict[str, object] = {
        "title": "KH",
        "year": 2026,
        "start": D(2026, 1, 1),
        "end": D(2026, 12, 31),
        "phases": (),
    }
    return Plan(**{**base, **fields})  # type: ignore[arg-type]


BAD: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    # EndEvent: exactly one of congress + ordinal, commemoration, tba.
    ("event-none", lambda: EndEvent(), InvalidValueError, "exactly one of"),
    ("event-two", lambda: EndEvent(commemoration="x", tba=True), InvalidValueError, "exactly one"),
    ("event-no-ordinal", lambda: EndEvent(congress="party"), InvalidValueError, "ordinal"),
    ("event-ordinal-0", lambda: EndEvent(congress="party", ordinal=0), InvalidValueError, "1 or"),
    ("event-tba-type", lambda: EndEvent(tba=1), InvalidTypeError, "tba must be bool"),  # type: ignore[arg-type]
    (
        "event-expected-not-tba",
        lambda: EndEvent(commemoration="x", expected=D(2026, 1, 1)),
        InvalidValueError,
        "expected applies to a tba",
    ),
    # Phase.
    (
        "phase-backwards",
        lambda: Phase("Đợt 1", D(2026, 7, 1), D(2026, 6, 30)),
        InvalidValueError,
        "end 2026-06-30 is before start 2026-07-01",
    ),
    ("phase-empty-label", lambda: Phase(" ", *P[1:]), InvalidValueError, "label must not be empty"),
    ("phase-label-type", lambda: Phase(1, *P[1:]), InvalidTypeError, "label must be str"),  # type: ignore[arg-type]
    (
        "phase-start-type",
        lambda: Phase("Đợt 1", "2026-01-01", P[2]),
        InvalidTypeError,
        "start must be date",
    ),  # type: ignore[arg-type]
    (
        "phase-datetime",
        lambda: Phase("Đợt 1", dt.datetime(2026, 1, 1), P[2]),
        InvalidTypeError,
        "start must be date",
    ),
    (
        "phase-precision",
        lambda: Phase(*P, start_precision="week"),
        InvalidValueError,
        "precision must be one of day, month, event, not 'week'",
    ),
    (
        "phase-start-event",
        lambda: Phase(*P, start_precision="event"),
        InvalidValueError,
        "start_precision must be one of day, month",
    ),
    (
        "phase-month-start",
        lambda: Phase("Đợt 1", D(2026, 1, 2), P[2], start_precision="month"),
        InvalidValueError,
        "first day of its month",
    ),
    (
        "phase-month-end",
        lambda: Phase("Đợt 1", P[1], D(2026, 6, 29), end_precision="month"),
        InvalidValueError,
        "last day of its month",
    ),
    (
        "phase-event-without",
        lambda: Phase(*P, end_precision="event"),
        InvalidValueError,
        "end_precision is 'event' exactly when",
    ),
    ("phase-open", lambda: Phase("Đợt 1", P[1], None), InvalidValueError, "end may be None only"),
    (
        "phase-focus-list",
        lambda: Phase(*P, focus=["quoc_khanh"]),
        InvalidTypeError,
        "focus must be a tuple of strings",
    ),  # type: ignore[arg-type]
    ("phase-theme-type", lambda: Phase(*P, theme=5), InvalidTypeError, "theme must be str or None"),  # type: ignore[arg-type]
    (
        "phase-year",
        lambda: Phase("Đợt 1", D(1800, 1, 1), D(1800, 2, 1)),
        OutOfRangeError,
        "start 1800-01-01 is outside the supported years 1901–2199",
    ),
    (
        "phase-tba-end",
        lambda: Phase("Đợt 1", P[1], P[2], end_precision="event", end_event=EndEvent(tba=True)),
        InvalidValueError,
        "expected end",
    ),
    # ReportRule: day 1–31, months_after −12..24, days_after 0..366, one of the two forms.
    ("rule-day", lambda: ReportRule(day=0), InvalidValueError, "day must be 1–31, not 0"),
    ("rule-day-32", lambda: ReportRule(day=32), InvalidValueError, "day must be 1–31, not 32"),
    (
        "rule-months",
        lambda: ReportRule(months_after=25),
        InvalidValueError,
        "months_after must be -12–24",
    ),
    (
        "rule-months-low",
        lambda: ReportRule(months_after=-13),
        InvalidValueError,
        "months_after must be -12–24",
    ),
    (
        "rule-days",
        lambda: ReportRule(days_after=367),
        InvalidValueError,
        "days_after must be 0–366",
    ),
    (
        "rule-days-neg",
        lambda: ReportRule(days_after=-1),
        InvalidValueError,
        "days_after must be 0–366",
    ),
    ("rule-both", lambda: ReportRule(day=15, days_after=10), InvalidValueError, "not both"),
    (
        "rule-both-months",
        lambda: ReportRule(months_after=2, days_after=10),
        InvalidValueError,
        "not both",
    ),
    ("rule-bool", lambda: ReportRule(day=True), InvalidTypeError, "day must be int"),  # type: ignore[arg-type]
    ("reporting-type", lambda: Reporting(yearly=15), InvalidTypeError, "yearly must be ReportRule"),  # type: ignore[arg-type]
    # Deadline.
    (
        "deadline-kind",
        lambda: Deadline("monthly", D(2026, 2, 15), D(2026, 1, 1), D(2026, 1, 31)),
        InvalidValueError,
        "kind must be one of phase_review, quarterly, half_year, yearly, not 'monthly'",
    ),
    (
        "deadline-period",
        lambda: Deadline("yearly", D(2026, 2, 15), D(2026, 12, 31), D(2026, 1, 1)),
        InvalidValueError,
        "period_end 2026-01-01 is before period_start",
    ),
    (
        "deadline-review-phase",
        lambda: Deadline("phase_review", D(2026, 7, 15), *P[1:]),
        InvalidValueError,
        "phase is given for a phase_review",
    ),
    (
        "deadline-phase",
        lambda: Deadline("yearly", D(2026, 7, 15), *P[1:], phase="Đợt 1"),
        InvalidValueError,
        "phase is given for a phase_review",
    ),
    # Plan.
    (
        "plan-year",
        lambda: plan(year=2300),
        OutOfRangeError,
        "year 2300 is outside the supported range 1901–2199",
    ),
    ("plan-year-type", lambda: plan(year="2026"), InvalidTypeError, "year must be an int"),
    (
        "plan-backwards",
        lambda: plan(end=D(2025, 12, 31)),
        InvalidValueError,
        "end 2025-12-31 is before start 2026-01-01",
    ),
    (
        "plan-phases-list",
        lambda: plan(phases=[Phase(*P)]),
        InvalidTypeError,
        "phases must be a tuple of Phase",
    ),
    (
        "plan-category",
        lambda: plan(follow_categories=("sport",)),
        InvalidValueError,
        "category must be one of national, party",
    ),
    (
        "plan-category-str",
        lambda: plan(follow_categories="union"),
        InvalidTypeError,
        "follow_categories must be a sequence",
    ),
    (
        "plan-key",
        lambda: plan(follow_keys=("thanh_lap_dan",)),
        InvalidValueError,
        "follow_keys: unknown commemoration 'thanh_lap_dan'; did you mean thanh_lap_dang",
    ),
    (
        "plan-focus-key",
        lambda: plan(phases=(Phase(*P, focus=("nope",)),)),
        InvalidValueError,
        "focus of Đợt 1: unknown commemoration 'nope'",
    ),
    ("plan-title", lambda: plan(title=None), InvalidTypeError, "title must be str"),
    (
        "plan-school-year",
        lambda: plan(
            year=LAST_YEAR, start=D(LAST_YEAR, 9, 1), end=D(LAST_YEAR, 12, 31), school_year=True
        ),
        OutOfRangeError,
        "ends outside the supported years",
    ),
    ("plan-catalog", lambda: plan(catalog={}), InvalidTypeError, "catalog must be Catalog"),
]


@pytest.mark.parametrize(("name", "make", "error", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_values_raise_at_construction(
    name: str, make: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        make()
    assert message in str(info.value)
    assert isinstance(info.value, tc.ThiduaError)


def test_vocabulary_members() -> None:
    phase = Phase(*P, start_precision="month")
    assert phase.start_precision is Precision.MONTH
    assert plan(follow_categories=["union", "party"]).follow_categories == (
        Category.UNION,
        Category.PARTY,
    )
    assert Deadline("yearly", D(2026, 11, 30), *P[1:]).kind is DeadlineKind.YEARLY


def test_the_loader_reports_model_errors_at_their_line(tmp_path: Path) -> None:
    base = '[plan]\ntitle = "KH"\nyear = 2026\n\n[[phase]]\nlabel = "Đợt 1"\n'
    cases = [
        (base + 'start = "2026-07-01"\nend = "2026-06-30"\n', 8, "ends (2026-06-30) before"),
        (base.replace('"Đợt 1"', '"  "') + 'start = "2026-01"\nend = "2026-06"\n', 6, "label"),
        (base + 'start = "1800-01-01"\nend = "1800-06-30"\n', 7, "outside the supported years"),
        (
            '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nyearly = { months_after = 30 }\n',
            5,
            "yearly.months_after must be -12–24, not 30",
        ),
        (
            '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nyearly = { days_after = 400 }\n',
            5,
            "yearly.days_after must be 0–366",
        ),
        (
            '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\n'
            "yearly = { days_after = 4, months_after = 1 }\n",
            5,
            "not both",
        ),
        ('[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nyearly = {}\n', 5, "needs day"),
        ('[plan]\ntitle = "KH"\nyear = 2199\nschool_year = true\n', 3, "at most 2198"),
        (
            base + 'start = "2026-01"\nend_event = { commemoration = "quoc_khanh", ordinal = 2 }\n',
            8,
            "ordinal goes with congress only",
        ),
    ]
    for text, line, message in cases:
        path = tmp_path / "plan.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(tc.DataError) as info:
            load_plan(path)
        assert str(info.value).startswith(f"{path}:{line}: "), str(info.value)
        assert message in str(info.value)


# --- words from the plan's catalogue -------------------------------------------------------------

OWN = (
    '[[commemoration]]\nkey = "thanh_lap_truong"\nname_vi = "Ngày thành lập Trường Kim Đồng"\n'
    'name_en = "Founding Day of Kim Dong School"\n'
    'calendar = "solar"\nmonth = 10\nday = 15\norigin = "1996-10-15"\ncategory = "sector"\n'
)
SCHOOL_PLAN = (
    '[plan]\ntitle = "KH"\nyear = 2026\n\n[follow]\ncatalog = "own.toml"\n\n'
    '[[phase]]\nlabel = "Đợt 1"\nstart = "2026-09-01"\n'
    'end_event = { commemoration = "thanh_lap_truong" }\n'
)


def test_a_phase_ending_on_the_organisations_own_day_is_named(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(OWN, encoding="utf-8")
    (tmp_path / "plan.toml").write_text(SCHOOL_PLAN, encoding="utf-8")
    p = load_plan(tmp_path / "plan.toml")
    phase = p.phases[0]
    assert phase.end == D(2026, 10, 15)
    found = next_occurrence("thanh_lap_truong", phase.start, catalog=p.catalog)
    assert found is not None
    assert phase.end == found.date  # the one next-occurrence rule, with the plan's catalogue
    assert p.window(phase) == "từ 01/09/2026 đến Ngày thành lập Trường Kim Đồng"
    assert p.window(phase, "en") == (
        "1 September 2026 – Founding Day of Kim Dong School (15 October 2026)"
    )
    assert "thanh_lap_truong" not in p.window(phase)
    assert phase.window("vi", p.catalog) == p.window(phase)
    assert phase.end_event is not None
    assert phase.end_event.describe("vi", p.catalog) == "Ngày thành lập Trường Kim Đồng"
    # until_event counts the day in the catalogue it is given.
    made = tc.until_event("Đợt 1", D(2026, 10, 16), phase.end_event, catalog=p.catalog)
    assert made.end == D(2027, 10, 15)


def test_parse_plan_takes_a_catalogue(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(OWN, encoding="utf-8")
    catalog = tc.load_catalog(tmp_path / "own.toml")
    text = SCHOOL_PLAN.replace('catalog = "own.toml"', 'keys = ["thanh_lap_truong"]')
    p = parse_plan(text, catalog=catalog)
    assert p.catalog is catalog
    assert p.window(p.phases[0]) == "từ 01/09/2026 đến Ngày thành lập Trường Kim Đồng"
    with pytest.raises(tc.DataError, match="unknown commemoration 'thanh_lap_truong'"):
        parse_plan(text)  # the shipped catalogue has no such day
    with pytest.raises(tc.DataError) as info:
        parse_plan(SCHOOL_PLAN, "db:plan/7", catalog=catalog, base_dir=tmp_path)
    assert str(info.value) == f"db:plan/7:6: [follow]: {BOTH_CATALOGUES}"
    with pytest.raises(InvalidTypeError, match="catalog must be a Catalog"):
        parse_plan(text, catalog=str(tmp_path / "own.toml"))  # type: ignore[arg-type]


def test_wording_is_data_free_of_lang_branches() -> None:
    plans_dir = Path(tc.__file__).parent / "plans"
    for path in plans_dir.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "lang ==" not in source, path
        assert '.replace("Đợt"' not in source, path


# --- diagnostics ---------------------------------------------------------------------------------


def test_check_returns_the_one_diagnostic_type() -> None:
    found = load_plan(PLANS["2022-cdvc-viet-nam.toml"]).check()
    assert found
    assert all(type(d) is Diagnostic for d in found)
    assert tc.Diagnostic is Diagnostic
    assert tc.plans.Diagnostic is Diagnostic
    focus = [d for d in found if d.code == "focus-outside-phase"]
    assert [d.key for d in focus] == [
        "thanh_lap_cong_doan_vien_chuc_vn",
        "thanh_lap_cong_doan_viet_nam",
    ]
    assert focus[0].message.startswith("Đợt 1 hướng về thanh_lap_cong_doan_vien_chuc_vn")
    assert focus[0].in_lang("en").message == (
        "Đợt 1 focuses on thanh_lap_cong_doan_vien_chuc_vn, which does not fall inside its window"
    )


def test_require_no_errors() -> None:
    bad = load_plan(PLANS["2022-cdvc-viet-nam.toml"])
    with pytest.raises(PlanHasErrorsError) as info:
        require_no_errors(bad)
    assert [d.code for d in info.value.diagnostics] == ["phase-year-typo"]
    assert isinstance(info.value, ValueError)
    assert str(info.value) == (
        f"{bad.path}: the plan has 1 error(s); fix them first (thidua-calendar plan check): "
        "Đợt 2 is dated 2021 in a 2022 plan (did you mean 2022?)"
    )
    forced = require_no_errors(bad, force=True)
    assert forced == info.value.diagnostics
    assert forced[0].severity == "error"
    good = load_plan(PLANS["2020-ldld-bac-kan.toml"])
    assert good.check()  # warnings and notes …
    assert require_no_errors(good) == ()  # … are no errors


# --- templates -----------------------------------------------------------------------------------

YEARS = [FIRST_YEAR, 1975, 2025, 2026, 2100, LAST_YEAR - 1, LAST_YEAR]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("year", YEARS)
def test_every_starter_plan_passes_its_own_check(template: str, year: int) -> None:
    if template == "school-year" and year == LAST_YEAR:
        with pytest.raises(OutOfRangeError, match="school year 2199 - 2200"):
            starter_plan(year, template)
        return
    p = parse_plan(starter_plan_toml(year, template))
    assert p == starter_plan(year, template)
    assert [d.code for d in p.check()] == ["missing-theme"] * len(p.phases)
    assert all(d.date > d.period_end or d.kind == "yearly" for d in p.deadlines())
    assert p.deadlines()


@pytest.mark.parametrize("year", [FIRST_YEAR, 2025, LAST_YEAR - 1])
def test_the_school_year_template(year: int) -> None:
    p = starter_plan(year, "school-year")
    assert p.title == f"Kế hoạch phát động phong trào thi đua năm học {year} - {year + 1}"
    assert (p.start, p.end) == (D(year, 9, 1), D(year + 1, 8, 31))
    assert p.school_year
    assert [(x.label, x.start, x.end) for x in p.phases] == [
        ("Học kỳ I", D(year, 9, 1), D(year, 12, 31)),
        ("Học kỳ II", D(year + 1, 1, 1), D(year + 1, 5, 31)),
    ]
    assert "nha_giao_viet_nam" in p.follow_keys
    titles = [(d.title(), d.date) for d in p.deadlines()]
    assert titles == [
        ("Sơ kết Học kỳ I", D(year + 1, 1, 10)),
        ("Sơ kết Học kỳ II", D(year + 1, 6, 10)),
        (f"Báo cáo tổng kết năm học {year} - {year + 1}", D(year + 1, 6, 30)),
    ]
    last_phase_end = p.phases[-1].end
    assert last_phase_end is not None
    assert all(d.date > last_phase_end for d in p.deadlines() if d.kind == "yearly")
    assert [d.title("en") for d in p.deadlines()][-1] == (
        f"Yearly report, school year {year}–{year + 1}"
    )


def test_unknown_template_and_year() -> None:
    with pytest.raises(InvalidValueError, match="template must be one of halves, quarters"):
        starter_plan(2026, "monthly")
    with pytest.raises(OutOfRangeError, match="1901–2199"):
        starter_plan_toml(1900)


# --- python-dateutil -----------------------------------------------------------------------------


def due_by_hand(rule: ReportRule, period_end: dt.date) -> dt.date:
    """The rule as it was written before relativedelta (the reference)."""
    if rule.days_after is not None:
        return period_end + dt.timedelta(days=rule.days_after)
    index = period_end.year * 12 + period_end.month - 1 + rule.months_after
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(rule.day or last, last))


@given(
    st.dates(D(1902, 1, 1), D(2197, 12, 31)),
    st.none() | st.integers(1, 31),
    st.integers(-12, 24),
)
def test_report_rule_is_relativedelta(period_end: dt.date, day: int | None, months: int) -> None:
    rule = ReportRule(day=day, months_after=months)
    assert rule.due(period_end) == due_by_hand(rule, period_end)


def deadlines_by_hand(p: Plan) -> list[tuple[str, dt.date, dt.date, dt.date]]:
    """The periodic reports of a calendar-year plan as the hand loop found them."""
    found = []
    for kind, rule, months in (
        ("quarterly", p.reporting.quarterly, 3),
        ("half_year", p.reporting.half_year, 6),
        ("yearly", p.reporting.yearly, 12),
    ):
        if rule is None:
            continue
        for first_month in range(1, 13, months):
            start = dt.date(p.year, first_month, 1)
            last_month = first_month + months - 1
            end = dt.date(p.year, last_month, calendar.monthrange(p.year, last_month)[1])
            if kind == "half_year" and first_month != 1:
                continue
            if start <= p.end and end >= p.start:
                found.append((kind, rule.due(end), start, end))
    return sorted(found, key=lambda d: (d[1], d[0]))


@given(
    st.integers(FIRST_YEAR, LAST_YEAR),
    st.integers(0, 364),
    st.integers(0, 364),
    st.integers(1, 31),
    st.integers(-3, 3),
)
def test_periodic_reports_are_the_rrule_periods(
    year: int, a: int, b: int, day: int, months: int
) -> None:
    first = D(year, 1, 1)
    start, end = sorted((first + dt.timedelta(days=a), first + dt.timedelta(days=b)))
    rule = ReportRule(day=day, months_after=months)
    p = make_plan("KH", year, [], start=start, end=end, reporting=Reporting(None, rule, rule, rule))
    got = [(str(d.kind), d.date, d.period_start, d.period_end) for d in p.deadlines()]
    assert got == deadlines_by_hand(p)


def test_school_year_periods() -> None:
    rule = ReportRule(day=15, months_after=1)
    p = make_plan(
        "KH",
        2025,
        tc.school_year(2025),
        school_year=True,
        reporting=Reporting(None, rule, rule, rule),
    )
    got = [(d.kind.value, d.period_start, d.period_end, d.title()) for d in p.deadlines()]
    assert got == [
        ("quarterly", D(2025, 9, 1), D(2025, 11, 30), "Báo cáo quý I năm học 2025 - 2026"),
        ("half_year", D(2025, 9, 1), D(2026, 2, 28), "Báo cáo 6 tháng đầu năm học 2025 - 2026"),
        ("quarterly", D(2025, 12, 1), D(2026, 2, 28), "Báo cáo quý II năm học 2025 - 2026"),
        ("quarterly", D(2026, 3, 1), D(2026, 5, 31), "Báo cáo quý III năm học 2025 - 2026"),
        ("quarterly", D(2026, 6, 1), D(2026, 8, 31), "Báo cáo quý IV năm học 2025 - 2026"),
        ("yearly", D(2025, 9, 1), D(2026, 8, 31), "Báo cáo tổng kết năm học 2025 - 2026"),
    ]


def test_renderers_name_the_organisations_own_day_not_its_key(tmp_path: Path) -> None:
    # The bug of the renovation issue: a phase ending on an organisation's own day rendered
    # as "đến thanh_lap_truong" in plan text, feeds and the poster. Every renderer reads the
    # schedule, whose phase entries name the end with the plan's catalogue.
    (tmp_path / "own.toml").write_text(OWN, encoding="utf-8")
    (tmp_path / "plan.toml").write_text(SCHOOL_PLAN, encoding="utf-8")
    p = load_plan(tmp_path / "plan.toml")
    result = tc.schedule(2026, p)
    phase = next(e for e in result if e.kind == "phase")
    outputs = {
        "plan text": result.to_plan_text(),
        "plan text en": result.to_plan_text("en"),
        "description": phase.description(),
        "feed": tc.to_ical(result, name="KH").decode().replace("\r\n ", ""),
        "poster": tc.render_poster(result),
    }
    for what, text in outputs.items():
        assert "thanh_lap_truong" not in text, what
    assert "đến Ngày thành lập Trường Kim Đồng" in outputs["plan text"]
    assert "Founding Day of Kim Dong School" in outputs["plan text en"]
    assert "Ngày thành lập Trường Kim Đồng" in outputs["feed"]
    assert "Ngày thành lập Trường Kim Đồng" in outputs["poster"]
