"""Plans: the seed plans as documents print them, validation, queries, helpers, bad input."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import thidua_calendar as tc
from thidua_calendar._data import example_plans
from thidua_calendar.plans import plan_toml

PLANS = example_plans()  # the shipped example plans, by file name
D = dt.date

# Phase windows as the five seed documents print them ("Từ tháng 01/2020" = from 1 January).
SEED_PHASES = {
    "2020-cdvc-viet-nam.toml": [
        ("Đợt 1", D(2020, 1, 1), D(2020, 6, 30)),
        ("Đợt 2", D(2020, 7, 1), D(2020, 12, 31)),
    ],
    "2020-ldld-bac-kan.toml": [
        ("Đợt 1", D(2019, 11, 1), D(2020, 3, 31)),
        ("Đợt 2", D(2020, 4, 1), D(2020, 12, 31)),
    ],
    "2017-cdvc-viet-nam.toml": [
        ("Đợt 1", D(2017, 1, 1), D(2017, 6, 30)),
        ("Đợt 2", D(2017, 7, 1), D(2017, 12, 31)),
    ],
    "2022-cdvc-viet-nam.toml": [
        ("Đợt 1", D(2022, 1, 1), D(2022, 6, 30)),
        ("Đợt 2", D(2021, 7, 1), D(2021, 12, 31)),
    ],  # as printed
    "2021-cdvc-quang-nam.toml": [
        ("Đợt 1", D(2021, 1, 1), D(2021, 6, 30)),
        ("Đợt 2", D(2021, 7, 1), D(2021, 12, 31)),
    ],
}

# The anniversaries each phase is dedicated to, with the ordinals the documents print.
SEED_FOCUS = {
    ("2020-cdvc-viet-nam.toml", "Đợt 1"): {
        ("thanh_lap_dang", 90),
        ("giai_phong_mien_nam", 45),
        ("ngay_sinh_chu_tich_hcm", 130),
    },
    ("2020-cdvc-viet-nam.toml", "Đợt 2"): {
        ("thanh_lap_cong_doan_viet_nam", 91),
        ("cach_mang_thang_tam", 75),
        ("quoc_khanh", 75),
    },
    ("2020-ldld-bac-kan.toml", "Đợt 1"): {("thanh_lap_dang", 90), ("thanh_lap_tinh_bac_kan", 120)},
    ("2020-ldld-bac-kan.toml", "Đợt 2"): {
        ("giai_phong_mien_nam", 45),
        ("ngay_sinh_chu_tich_hcm", 130),
        ("cach_mang_thang_tam", 75),
        ("quoc_khanh", 75),
    },
    ("2017-cdvc-viet-nam.toml", "Đợt 2"): {
        ("thanh_lap_cong_doan_viet_nam", 88),
        ("thanh_lap_cong_doan_vien_chuc_vn", 23),
        ("cach_mang_thang_tam", 72),
        ("quoc_khanh", 72),
    },
    ("2022-cdvc-viet-nam.toml", "Đợt 1"): {
        ("thanh_lap_cong_doan_vien_chuc_vn", 28),
        ("thanh_lap_cong_doan_viet_nam", 93),
    },
    ("2021-cdvc-quang-nam.toml", "Đợt 1"): {
        ("thanh_lap_dang", 91),
        ("giai_phong_mien_nam", 46),
        ("ngay_sinh_chu_tich_hcm", 131),
    },
    ("2021-cdvc-quang-nam.toml", "Đợt 2"): {
        ("thanh_lap_cong_doan_viet_nam", 92),
        ("cach_mang_thang_tam", 76),
        ("quoc_khanh", 76),
    },
}


@pytest.mark.parametrize("name", sorted(SEED_PHASES))
def test_seed_plan_phases(name: str) -> None:
    plan = tc.load_plan(PLANS[name])
    assert [(p.label, p.start, p.end) for p in plan.phases] == SEED_PHASES[name]


@pytest.mark.parametrize(("name", "label"), sorted(SEED_FOCUS), ids=lambda v: str(v))
def test_seed_plan_focus(name: str, label: str) -> None:
    plan = tc.load_plan(PLANS[name])
    phase = next(p for p in plan.phases if p.label == label)
    got = {(m.key, m.ordinal) for m in plan.milestones_in(phase) if m.ordinal is not None}
    assert got == SEED_FOCUS[(name, label)]


def test_seed_2022_gets_exactly_the_year_typo() -> None:
    plan = tc.load_plan(PLANS["2022-cdvc-viet-nam.toml"])
    errors = [d for d in plan.check() if d.severity == "error"]
    assert [(d.code, d.line) for d in errors] == [("phase-year-typo", 23)]  # after [plan] revision
    assert errors[0].in_lang("en").suggestion == "did you mean 2022?"
    assert errors[0].suggestion == "có phải là năm 2022?"  # Vietnamese by default
    assert "Đợt 2 ghi năm 2021 trong kế hoạch năm 2022" in errors[0].text()
    assert "Đợt 2 is dated 2021 in a 2022 plan" in errors[0].in_lang("en").text()


@pytest.mark.parametrize("name", [n for n in sorted(SEED_PHASES) if not n.startswith("2022")])
def test_other_seed_plans_have_no_errors(name: str) -> None:
    assert [d for d in tc.load_plan(PLANS[name]).check() if d.severity == "error"] == []


def test_bac_kan_focus_outside_its_phase_is_reported() -> None:
    found = tc.load_plan(PLANS["2020-ldld-bac-kan.toml"]).check()
    assert [(d.code, d.severity) for d in found if "bac_kan" in d.message] == [
        ("focus-outside-phase", "warning")
    ]
    # What it is about is data, not a word to search for in the message.
    assert [(d.code, d.key) for d in found if d.key is not None] == [
        ("focus-outside-phase", "thanh_lap_tinh_bac_kan")
    ]


def test_queries() -> None:
    plan = tc.load_plan(PLANS["2020-cdvc-viet-nam.toml"])
    assert plan.phase_on(D(2020, 6, 30)).label == "Đợt 1"  # type: ignore[union-attr]
    assert plan.phase_on(D(2020, 7, 1)).label == "Đợt 2"  # type: ignore[union-attr]
    assert plan.phase_on(D(2021, 1, 1)) is None
    assert plan.theme_on(D(2020, 2, 3)) == "Mừng Đảng quang vinh - Mừng sinh nhật Bác"
    assert plan.phases[0].start_precision == "month"
    assert plan.phases[1].start_precision == "day"


def test_default_focus_is_every_followed_anniversary_in_the_window() -> None:
    plan = tc.make_plan("KH 2026", 2026, tc.halves(2026))
    first = {m.key for m in plan.milestones_in(plan.phases[0])}
    assert "thanh_lap_dang" in first  # a ngày lễ lớn
    assert "thanh_lap_cong_doan_viet_nam" not in first  # July: the other half
    assert "thay_thuoc_viet_nam" not in first  # a sector day the plan does not follow
    assert all(m.ordinal is not None for m in plan.milestones_in(plan.phases[0]))


def test_helpers() -> None:
    assert [(p.start, p.end) for p in tc.quarters(2025)][1] == (D(2025, 4, 1), D(2025, 6, 30))
    assert [p.label for p in tc.school_year(2025)] == ["Học kỳ I", "Học kỳ II"]
    phase = tc.until_event("Đợt 1", D(2025, 10, 1), tc.EndEvent(congress="party", ordinal=14))
    assert phase.end == D(2026, 1, 23)  # Đại hội XIV closed on 23/01/2026
    assert phase.window() == "từ 01/10/2025 đến khi tổ chức thành công Đại hội XIV của Đảng"
    tba = tc.until_event("Đợt 3", D(2026, 1, 1), tc.EndEvent(tba=True))
    assert tba.end is None
    assert tba.contains(D(2030, 1, 1))


def test_deadlines() -> None:
    plan = tc.load_plan(PLANS["sample-2026.toml"])
    got = [(d.kind, d.date) for d in plan.deadlines()]
    assert ("phase_review", D(2026, 7, 15)) in got
    assert ("quarterly", D(2026, 4, 15)) in got
    assert ("quarterly", D(2027, 1, 15)) in got
    assert ("half_year", D(2026, 6, 20)) in got
    assert ("yearly", D(2026, 11, 30)) in got
    assert [d for _, d in got] == sorted(d for _, d in got)  # in date order
    rule = tc.ReportRule(day=31, months_after=1)
    assert rule.due(D(2026, 1, 31)) == D(2026, 2, 28)  # clamped to February


def plan_text(phases: list[tuple[str, str, str]], year: int = 2026, extra: str = "") -> str:
    lines = [f'[plan]\ntitle = "KH"\nyear = {year}\n{extra}']
    for label, start, end in phases:
        lines.append(
            f'[[phase]]\nlabel = "{label}"\nstart = "{start}"\nend = "{end}"\ntheme = "T"\n'
        )
    return "\n".join(lines)


@st.composite
def valid_phase_lists(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    year = draw(st.integers(1950, 2150))
    cuts = sorted(draw(st.sets(st.integers(2, 364), min_size=0, max_size=5)))
    bounds = [1, *cuts, 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365]
    first = D(year, 1, 1)
    phases = []
    for i, (a, b) in enumerate(itertools.pairwise(bounds)):
        start = first + dt.timedelta(days=a - 1)
        end = first + dt.timedelta(days=b - 2) if i < len(bounds) - 2 else D(year, 12, 31)
        phases.append((f"Đợt {i + 1}", start.isoformat(), end.isoformat()))
    return phases


def codes(text: str) -> list[str]:
    return [d.code for d in tc.parse_plan(text).check()]


@given(valid_phase_lists())
def test_valid_generated_plans_are_clean(phases: list[tuple[str, str, str]]) -> None:
    year = int(phases[0][1][:4])
    assert codes(plan_text(phases, year)) == []


@given(valid_phase_lists().filter(lambda p: len(p) >= 2), st.data())
def test_each_perturbation_has_its_own_diagnostic(
    phases: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    year = int(phases[0][1][:4])
    i = data.draw(st.integers(0, len(phases) - 2))
    label, start, end = phases[i]
    next_start = D.fromisoformat(phases[i + 1][1])
    # Overlap: end one phase after the next one starts.
    overlapped = list(phases)
    overlapped[i] = (
        label,
        start,
        (next_start + dt.timedelta(days=1)).isoformat() if next_start < D(year, 12, 30) else end,
    )
    if overlapped[i] != phases[i] and D.fromisoformat(overlapped[i][2]) <= D(year, 12, 31):
        assert "phase-overlap" in codes(plan_text(overlapped, year))
    # Gap: end a phase two days early (when it is long enough).
    if D.fromisoformat(end) - D.fromisoformat(start) >= dt.timedelta(days=2):
        gapped = list(phases)
        gapped[i] = (label, start, (D.fromisoformat(end) - dt.timedelta(days=2)).isoformat())
        assert codes(plan_text(gapped, year)) == ["phase-gap"]
    # Year typo: the same phase one year early, the others unchanged.
    shifted = list(phases)
    s, e = D.fromisoformat(start), D.fromisoformat(end)
    if not (s.month == 2 and s.day == 29) and not (e.month == 2 and e.day == 29):
        shifted[i] = (
            label,
            s.replace(year=year - 1).isoformat(),
            e.replace(year=year - 1).isoformat(),
        )
        found = tc.parse_plan(plan_text(shifted, year)).check()
        assert [d.code for d in found] == ["phase-year-typo"]
        assert found[0].in_lang("en").suggestion == f"did you mean {year}?"
    # Labels out of order.
    swapped = list(phases)
    swapped[i], swapped[i + 1] = (
        (phases[i + 1][0], start, end),
        (label, phases[i + 1][1], phases[i + 1][2]),
    )
    assert codes(plan_text(swapped, year)) == ["phase-order"]
    # End before start: a phase cannot be so; the loader says where (the end's line).
    backwards = list(phases)
    if s < e:
        backwards[i] = (label, end, start)
        text = plan_text(backwards, year)
        line = text.split("\n").index(f'end = "{start}"') + 1
        with pytest.raises(tc.DataError, match=f"^<string>:{line}: .* before it starts"):
            tc.parse_plan(text)


def test_missing_theme_and_outside_period() -> None:
    text = (
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01"\n'
        'end = "2027-02"\n'
    )
    found = tc.parse_plan(text).check()
    assert [(d.code, d.severity) for d in found] == [
        ("phase-outside-period", "warning"),
        ("missing-theme", "info"),
    ]


BASE = '[plan]\ntitle = "KH"\nyear = 2026\n\n[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01"\n'


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (BASE + 'end = "2026-02-30"\n', ":8:", "impossible end '2026-02-30'"),
        (BASE + 'end = "2026-13"\n', ":8:", "month must be 1–12"),
        (BASE + 'end = "2026-06"\ncolour = "red"\n', ":9:", "unknown field 'colour'"),
        (
            BASE + 'end = "2026-06"\nfocus = ["thanh_lap_dan"]\n',
            ":9:",
            "unknown commemoration 'thanh_lap_dan'; did you mean thanh_lap_dang",
        ),
        (
            BASE + 'end_event = { congress = "party", ordinal = 20 }\n',
            ":8:",
            "anchor to an unknown event",
        ),
        (
            BASE + 'end_event = { congress = "dang", ordinal = 14 }\n',
            ":8:",
            "anchor to an unknown event",
        ),
        (BASE + 'end_event = { commemoration = "nope" }\n', ":8:", "anchor to an unknown event"),
        (BASE + 'end = "2026-06"\nend_event = { tba = true }\n', ":9:", "either end or end_event"),
        (BASE, ":5:", "missing end"),
        ('[plan]\ntitle = "KH"\nyear = 2300\n', ":3:", "year must be 1901–2199"),
        ('[plan]\ntitle = "KH"\n', ":1:", "missing field 'year'"),
        (
            '[plan]\ntitle = "KH"\nyear = 2026\n[follow]\ncategories = ["sport"]\n',
            ":5:",
            "unknown category 'sport'",
        ),
        (
            '[plan]\ntitle = "KH"\nyear = 2026\n[reporting]\nquarterly = { day = 40 }\n',
            ":5:",
            "quarterly.day must be 1–31",
        ),
        ("[plan\n", ":1:", "invalid TOML"),
        ('title = "KH"\n', ":1:", "unknown table(s) title"),
    ],
)
def test_plan_errors_are_located(text: str, where: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tc.DataError) as info:
        tc.load_plan(path)
    assert str(info.value).startswith(f"{path}{where}"), str(info.value)
    assert message in str(info.value)


def test_end_events() -> None:
    plan = tc.parse_plan(
        BASE.replace('"2026-01"', '"2025-10"')
        + 'end_event = { congress = "party", ordinal = "XIV" }\n'
    )
    assert plan.phases[0].end == D(2026, 1, 23)
    assert plan.phases[0].end_precision == "event"
    plan = tc.parse_plan(BASE + 'end_event = { commemoration = "quoc_khanh" }\n')
    assert plan.phases[0].end == D(2026, 9, 2)
    plan = tc.parse_plan(BASE + 'end_event = { tba = true, expected = "2026-08-31" }\n')
    assert plan.phases[0].end == D(2026, 8, 31)


def test_plan_catalogue_relative_to_the_plan(tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text(
        '[[commemoration]]\nkey = "thanh_lap_cty"\nname_vi = "Ngày thành lập Công ty"\n'
        'calendar = "solar"\nmonth = 3\nday = 15\norigin = "2006-03-15"\ncategory = "sector"\n',
        encoding="utf-8",
    )
    (tmp_path / "plan.toml").write_text(
        BASE + 'end = "2026-06"\n\n[follow]\ncatalog = "org.toml"\nkeys = ["thanh_lap_cty"]\n',
        encoding="utf-8",
    )
    plan = tc.load_plan(tmp_path / "plan.toml")
    assert [m.ordinal for m in plan.milestones_in(plan.phases[0]) if m.key == "thanh_lap_cty"] == [
        20
    ]


def test_report_periods_cut_off_as_nghi_dinh_09_2019() -> None:
    text = (
        '[plan]\ntitle = "Kế hoạch thi đua năm 2026"\nyear = 2026\n\n'
        '[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01-01"\nend = "2026-12-31"\n\n'
        "[reporting]\nquarterly = { day = 20, months_after = 0 }\n"
        "half_year = { day = 20, months_after = 0 }\nyearly = { days_after = 1 }\n"
        'cutoff = "nd09"\n'
    )
    plan = tc.parse_plan(text)
    got = [(str(d.kind), d.period_start, d.period_end, d.date) for d in plan.deadlines()]
    assert got == [
        ("quarterly", D(2025, 12, 15), D(2026, 3, 14), D(2026, 3, 20)),
        ("half_year", D(2025, 12, 15), D(2026, 6, 14), D(2026, 6, 20)),
        ("quarterly", D(2026, 3, 15), D(2026, 6, 14), D(2026, 6, 20)),
        ("quarterly", D(2026, 6, 15), D(2026, 9, 14), D(2026, 9, 20)),
        ("yearly", D(2025, 12, 15), D(2026, 12, 14), D(2026, 12, 15)),
        ("quarterly", D(2026, 9, 15), D(2026, 12, 14), D(2026, 12, 20)),
    ]
    # Written back as read; the calendar periods stay the default.
    assert tc.parse_plan(plan_toml(plan)) == plan
    assert 'cutoff = "nd09"' in plan_toml(plan)
    calendar = tc.parse_plan(text.replace('cutoff = "nd09"\n', ""))
    assert calendar.deadlines()[0].period_end == D(2026, 3, 31)
    with pytest.raises(tc.DataError, match="cutoff"):
        tc.parse_plan(text.replace('"nd09"', '"nd10"'))
