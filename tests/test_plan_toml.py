"""The one plan TOML writer: any plan round-trips, every text is escaped, both callers use it."""

from __future__ import annotations

import calendar
import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._hygiene import problem
from thidua_calendar._vocabulary import Category
from thidua_calendar._years import FIRST_YEAR, LAST_YEAR
from thidua_calendar.plans import (
    DAYS,
    DAYS_AFTER,
    MONTHS_AFTER,
    EndEvent,
    Phase,
    Plan,
    Reporting,
    ReportRule,
    parse_plan,
    plan_toml,
    toml_string,
    until_event,
    year_span,
)

D = dt.date
KEYS = ("thanh_lap_dang", "quoc_khanh", "nha_giao_viet_nam", "thanh_lap_cong_doan_viet_nam")
NASTY = "\"\\\n\r\t\b\f\x00\x01\x1b\x1f\x7f\x85\u2028\u2029 #=[]{}'“”Đợt ắ😀"

texts = st.one_of(st.text(), st.text(alphabet=NASTY))


def _accepted(multiline: bool) -> st.SearchStrategy[str]:
    """Texts the loader accepts in a field: without the characters it refuses (_hygiene)."""
    return texts.map(lambda t: "".join(c for c in t if problem(c, one_line=not multiline) is None))


lines_text = _accepted(multiline=False)  # number, label
block_text = _accepted(multiline=True)  # title, organisation, theme, note
labels = lines_text.filter(lambda t: t.strip() != "")


def month_end(date: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` after the month of ``date``."""
    year, month = divmod(date.year * 12 + date.month - 1 + months, 12)
    return D(year, month + 1, calendar.monthrange(year, month + 1)[1])


@st.composite
def phases(draw: st.DrawFn, year: int, school: bool) -> Phase:
    first, last = year_span(year, school_year=school)
    start = first + dt.timedelta(days=draw(st.integers(0, (last - first).days)))
    label = draw(labels)
    theme = draw(st.none() | block_text)
    focus = draw(st.none() | st.lists(st.sampled_from(KEYS), max_size=3).map(tuple))
    note = draw(block_text)
    shape = draw(st.sampled_from(["day", "month", "tba", "commemoration", "congress"]))
    if shape == "congress" and not D(2021, 2, 1) <= start <= D(2026, 1, 1):
        shape = "tba"
    if shape in ("tba", "commemoration", "congress"):
        if shape == "tba":
            expected = draw(
                st.none() | st.just(start + dt.timedelta(days=draw(st.integers(0, 400))))
            )
            event = EndEvent(tba=True, expected=expected)
        elif shape == "commemoration":
            event = EndEvent(commemoration=draw(st.sampled_from(KEYS)))
        else:
            event = EndEvent(congress="party", ordinal=14)
        try:
            phase = until_event(label, start, event)
        except tc.ThiduaError:  # a day that does not occur yet (before its origin)
            event = EndEvent(tba=True)
            phase = until_event(label, start, event)
        return Phase(phase.label, phase.start, phase.end, theme, focus, "day", "event", event, note)
    if shape == "month":
        start = start.replace(day=1)
        end = month_end(start, draw(st.integers(0, 12)))
        precision = draw(st.sampled_from(["day", "month"]))
        return Phase(label, start, end, theme, focus, precision, "month", None, note)
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    return Phase(label, start, end, theme, focus, "day", "day", None, note)


rules = st.one_of(
    st.none(),
    st.builds(
        ReportRule,
        day=st.none() | st.integers(DAYS.start, DAYS.stop - 1),
        months_after=st.integers(MONTHS_AFTER.start, MONTHS_AFTER.stop - 1),
    ),
    st.builds(ReportRule, days_after=st.integers(DAYS_AFTER.start, DAYS_AFTER.stop - 1)),
)
dates = st.dates(D(FIRST_YEAR, 1, 1), D(LAST_YEAR, 12, 31))


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    school = draw(st.booleans())
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR - 2))
    drawn = tuple(draw(st.lists(phases(year, school), max_size=3)))
    first, last = year_span(year, school_year=school)
    ends = [p.end for p in drawn if p.end] + [last]
    return Plan(
        title=draw(block_text),
        year=year,
        start=min([p.start for p in drawn] + [first]),
        end=max(ends),
        phases=drawn,
        organisation=draw(block_text),
        theme=draw(st.none() | block_text),
        number=draw(lines_text),
        issued=draw(st.none() | dates),
        follow_categories=tuple(draw(st.lists(st.sampled_from(list(Category)), max_size=3))),
        follow_keys=tuple(draw(st.lists(st.sampled_from(KEYS), max_size=2))),
        reporting=Reporting(draw(rules), draw(rules), draw(rules), draw(rules)),
        revision=draw(st.none() | dates),
        school_year=school,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.booleans(), st.lists(texts, max_size=3), st.lists(texts, max_size=4))
def test_any_plan_round_trips(
    plan: Plan, labels: bool, header: list[str], comments: list[str]
) -> None:
    text = plan_toml(plan, header=header, phase_comments=comments, labels=labels)
    parsed = parse_plan(text)
    assert parsed == plan
    # One line for TOML is one line for the line numbers of diagnostics, too.
    lines = text.splitlines()
    assert len(lines) == text.count("\n")
    assert [lines[p.line - 1].split("#")[0].strip() for p in parsed.phases if p.line] == [
        "[[phase]]"
    ] * len(plan.phases)
    assert all(p.line is not None for p in parsed.phases)


@given(st.text())
def test_any_text_is_a_toml_string(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}") == {"x": text}
    assert len(toml_string(text).splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('a"b', r'"a\"b"'),
        ("a\\b", r'"a\\b"'),
        ("A\nB", r'"A\nB"'),
        ("\r\t\b\f", r'"\r\t\b\f"'),
        ("\x00\x1f\x7f", r'"\u0000\u001f\u007f"'),
        ("\u2028\x85", r'"\u2028\u0085"'),
        ("Chủ đề “A”", '"Chủ đề “A”"'),
    ],
)
def test_escapes(text: str, written: str) -> None:
    assert toml_string(text) == written


def test_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(tc.ThiduaError, match="surrogate"):
        toml_string("\ud800")


def test_comments_never_break_lines() -> None:
    plan = tc.make_plan("KH", 2026, tc.halves(2026))
    text = plan_toml(plan, header=["a\nb", "c\rd\u2028e"], phase_comments=["x\x00y", "p\nq"])
    assert text.startswith("# a b\n# c d e\n\n[plan]\n")
    assert "[[phase]]   # x y\nlabel" in text
    assert "[[phase]]   # p\n# q\nlabel" in text
    assert parse_plan(text) == plan


def test_everything_is_written() -> None:
    plan = tc.make_plan(
        "KH",
        2025,
        [
            Phase("Đợt 1", D(2025, 10, 1), D(2025, 12, 31), "", ("quoc_khanh",), "month", "month"),
            until_event("Đợt 2", D(2026, 1, 1), EndEvent(tba=True, expected=D(2026, 5, 31))),
            until_event("Đợt 3", D(2025, 10, 1), EndEvent(congress="party", ordinal=14)),
            until_event("Đợt 4", D(2025, 10, 1), EndEvent(commemoration="thanh_lap_dang")),
        ],
        organisation="Công đoàn",
        theme="Chủ đề năm",
        number="31/KH-LĐLĐ",
        issued=D(2025, 8, 20),
        follow_categories=("union", "sector"),
        follow_keys=("nha_giao_viet_nam",),
        reporting=Reporting(ReportRule(days_after=15), None, ReportRule(months_after=0), None),
        revision=D(2025, 8, 21),
        school_year=True,
    )
    text = plan_toml(plan, labels=False)
    for line in (
        'title = "KH"',
        'organisation = "Công đoàn"',
        'number = "31/KH-LĐLĐ"',
        'date = "2025-08-20"',
        "school_year = true",
        'start = "2025-09-01"',
        'end = "2026-08-31"',
        'theme = "Chủ đề năm"',
        'revision = "2025-08-21"',
        'categories = ["union", "sector"]   # cùng mọi ngày lễ lớn',
        'keys = ["nha_giao_viet_nam"]',
        'start = "2025-10"',
        'end = "2025-12"',
        'theme = ""',
        'focus = ["quoc_khanh"]',
        'end_event = { tba = true, expected = "2026-05-31" }',
        'end_event = { congress = "party", ordinal = 14 }',
        'end_event = { commemoration = "thanh_lap_dang" }',
        "phase_review = { days_after = 15 }",
        "half_year = { months_after = 0 }",
    ):
        assert line in text.splitlines(), line
    assert parse_plan(text) == plan
    labelled = plan_toml(plan)
    assert (
        '    "quoc_khanh",  # Kỷ niệm 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam '
        "(02/09/1945 - 02/09/2025)"
    ) in labelled.splitlines()
    assert parse_plan(labelled) == plan


def test_a_plan_with_its_own_catalogue_file_round_trips(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(
        '[[commemoration]]\nkey = "thanh_lap_truong"\nname_vi = "Ngày thành lập Trường"\n'
        'calendar = "solar"\nmonth = 10\nday = 15\norigin = "1996-10-15"\n',
        encoding="utf-8",
    )
    (tmp_path / "plan.toml").write_text(
        '[plan]\ntitle = "KH"\nyear = 2026\n[follow]\ncatalog = "own.toml"\n'
        'keys = ["thanh_lap_truong"]\n',
        encoding="utf-8",
    )
    plan = tc.load_plan(tmp_path / "plan.toml")
    text = plan_toml(plan)
    assert 'catalog = "own.toml"' in text
    again = parse_plan(text, base_dir=tmp_path)
    assert again == plan
    assert "thanh_lap_truong" in again.catalog


# --- the callers -----------------------------------------------------------------------------


def test_plan_new_with_a_line_break_in_the_organisation(cli: Cli, tmp_path: Path) -> None:
    out_file = tmp_path / "plan.toml"
    code, _, _ = cli("plan", "new", "--year", "2026", "--organisation", "A\nB", "-o", str(out_file))
    assert code == 0
    code, out, _ = cli("plan", "check", str(out_file))
    assert code == 0, out
    assert "0 lỗi" in out
    assert tc.load_plan(out_file).organisation == "A\nB"


@pytest.mark.parametrize("organisation", ['Trường "A" \\ B', "tab\there", "#[x]"])
def test_plan_new_writes_any_organisation(organisation: str) -> None:
    text = tc.plans.starter_plan_toml(2026, organisation=organisation)
    assert parse_plan(text).organisation == organisation


def test_plan_new_escapes_controls_that_loading_refuses() -> None:
    # The writer still escapes NUL and DEL (the TOML is valid and holds them exactly) ...
    text = tc.plans.starter_plan_toml(2026, organisation="\x00\x7f")
    assert tomllib.loads(text)["plan"]["organisation"] == "\x00\x7f"
    # ... and the loader refuses them (text hygiene at load), located at the field.
    with pytest.raises(
        tc.DataError, match=r"^<string>:\d+: .*organisation: control character U\+0000"
    ):
        parse_plan(text)


def test_plan_new_is_the_starter_plan_written() -> None:
    for template in tc.plans.TEMPLATES:
        plan = tc.plans.starter_plan(2030, template, organisation="CĐ")
        text = tc.plans.starter_plan_toml(2030, template, organisation="CĐ")
        assert parse_plan(text) == plan
        assert text.startswith(f"# Kế hoạch mẫu năm 2030 ({template}), viết bởi")
        english = tc.plans.starter_plan_toml(2030, template, organisation="CĐ", lang="en")
        assert parse_plan(english) == plan  # the TOML is the same, its comments English
        assert english.startswith(f"# Starter plan for 2030 ({template}), written by")
        assert tomllib.loads(english) == tomllib.loads(text)
        assert english.count("\n") == text.count("\n")  # only the comments differ


def test_lint_emit_plan_is_the_plan_written() -> None:
    from thidua_calendar.lint import check_text

    text = (
        'KẾ HOẠCH\nThi đua năm 2020 với chủ đề “A\\"B”\n'
        "Đợt 1 (từ 01/01/2020 đến 30/6/2020): 120 năm Ngày thành lập tỉnh Bắc Kạn "
        "(11/4/1900 - 11/4/2020).\n"
    )
    report = check_text(text)
    plan = report.plan()
    assert plan is not None
    emitted = report.to_plan_toml()
    assert parse_plan(emitted) == plan
    assert "[[phase]]   # line 3: từ 01/01/2020 đến 30/6/2020" in emitted.splitlines()


def test_plan_new_writes_the_plans_identity() -> None:
    text = tc.plans.starter_plan_toml(2026, organisation="Công đoàn Trường A")
    assert 'id = "cong-doan-truong-a-2026"' in text
    assert parse_plan(text).identity == "cong-doan-truong-a-2026"
    # A plan without an id is identified by its organisation and year, not its file name.
    plan = parse_plan(text.replace('id = "cong-doan-truong-a-2026"\n', ""), "x/renamed.toml")
    assert plan.id is None
    assert plan.identity == "cong-doan-truong-a-2026"
    with pytest.raises(tc.DataError, match="id must be lowercase ASCII"):
        parse_plan(text.replace('id = "cong-doan-truong-a-2026"', 'id = "Trường A"'))


def test_plan_new_for_2026_follows_the_categories_and_names_the_events(cli: Cli) -> None:
    code, out, _ = cli(
        "plan", "new", "--year", "2026", "--category", "union", "--category", "leader"
    )
    assert code == 0
    plan = tc.parse_plan(out)
    assert plan.follow_categories == (tc.Category.UNION, tc.Category.LEADER)
    first, second = plan.phases
    # The round anniversaries of the followed categories, per phase …
    assert "pham_van_dong_ngay_sinh" in (first.focus or ())
    assert "ha_huy_tap_ngay_sinh" in (first.focus or ())
    assert "thanh_lap_tong_ldld_vn" in (second.focus or ())
    # … and the year's events, named under the phase they fall in.
    assert (
        "Chào mừng thành công: Đại hội XIV của Đảng (19/01/2026 - 23/01/2026); "
        "bầu cử đại biểu Quốc hội khóa XVI (15/03/2026)." in out
    )
    assert [c.label(term=False) for c in plan.events_in(first)] == [
        "Đại hội XIV của Đảng",
        "bầu cử đại biểu Quốc hội khóa XVI",
    ]
    assert plan.events_in(second) == ()
    assert [d.code for d in plan.check()] == ["missing-theme", "missing-theme"]


def test_plan_new_without_a_category_follows_the_union_days(cli: Cli) -> None:
    code, out, _ = cli("plan", "new", "--year", "2026")
    assert code == 0
    assert tc.parse_plan(out).follow_categories == (tc.Category.UNION,)
    code, out, _ = cli("plan", "new", "--year", "2026", "--category", "all")
    assert code == 0
    assert set(tc.parse_plan(out).follow_categories) == set(tc.Category)
