"""The schedule: selection, order, identities, renderers, and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._data import example_plans

PLANS = example_plans()  # the shipped example plans, by file name
SAMPLE = PLANS["sample-2026.toml"]


def test_schedule_without_plan() -> None:
    s = tc.schedule(2020)
    kinds = {e.kind for e in s}
    assert kinds == {"milestone", "festival", "observance", "event", "day_off"}
    # What it is and how it ranks are separate: the ngày lễ lớn are milestones (their
    # anniversaries) or festivals (Tết), marked major_day.
    major = {e.key: e.kind for e in s if e.major_day}
    assert major["thanh_lap_dang"] == "milestone"
    assert major["tet_nguyen_dan"] == "festival"
    assert len(major) == 8
    assert {e.key for e in tc.schedule(2020, major_days=True)} == set(major)
    assert any(e.key == "thanh_lap_dang" for e in tc.schedule(2020, kinds=["milestone"]))
    tet = next(e for e in s if e.key == "tet_nguyen_dan")
    assert tet.start == dt.date(2020, 1, 25)
    assert tet.title() == "Tết Nguyên đán Canh Tý 2020"
    assert [e.start for e in s] == sorted(e.start for e in s)
    assert all(dt.date(2020, 1, 1) <= e.start <= dt.date(2020, 12, 31) for e in s)


def test_category_filter_keeps_major_days_and_festivals() -> None:
    s = tc.schedule(2020, categories=["union"])
    assert {e.kind for e in s} <= {"festival", "milestone", "observance", "day_off"}
    keys = {e.key for e in s}
    assert "thanh_lap_cong_doan_viet_nam" in keys
    assert "tet_trung_thu" in keys
    assert "quoc_khanh" in keys
    assert "thay_thuoc_viet_nam" not in keys


def test_schedule_with_plan() -> None:
    s = tc.schedule(2026, SAMPLE)
    phases = s.of_kind("phase")
    assert [(e.start, e.end) for e in phases] == [
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ]
    deadlines = s.of_kind("deadline")
    assert dt.date(2026, 7, 15) in {e.start for e in deadlines}
    assert all(e.start.year == 2026 for e in deadlines)  # 2027 ones are outside the span
    union = next(e for e in s if e.key == "thanh_lap_tong_ldld_vn")
    assert union.focus
    assert union.rank is tc.Rank.TRON
    assert "thay_thuoc_viet_nam" not in {e.key for e in s}  # not followed by the plan
    assert "Chủ đề: “Mừng Đảng quang vinh - Mừng Xuân Bính Ngọ”" in phases[0].description()
    assert "Hướng về: Kỷ niệm 96 năm Ngày thành lập Đảng" in phases[0].description()


def test_uids_are_unique_and_stable() -> None:
    a = tc.schedule((2025, 2027), SAMPLE)
    uids = [e.uid for e in a]
    assert len(uids) == len(set(uids))
    assert "milestone:thanh_lap_dang:2026" in uids
    assert "phase:sample-2026:1" in uids
    assert uids == [e.uid for e in tc.schedule((2025, 2027), SAMPLE)]


def test_descriptions_say_what_since_when_rank_and_basis() -> None:
    e = next(e for e in tc.schedule(2020) if e.key == "thanh_lap_dang")
    text = e.description()
    assert "Kỷ niệm 90 năm (năm tròn), từ 03/02/1930." in text
    assert "Căn cứ: Nghị định 145/2013/NĐ-CP" in text
    english = e.description("en")
    assert "90 years since 3 February 1930" in english
    assert "Legal basis: Nghị định 145/2013/NĐ-CP" in english


def test_records_and_plan_text() -> None:
    s = tc.schedule(2020, PLANS["2020-cdvc-viet-nam.toml"])
    records = s.records()
    assert {"kind", "uid", "start", "end", "title", "description"} <= set(records[0])
    text = s.to_plan_text()
    assert (
        "Đợt 1 (từ 01/01/2020 đến 30/06/2020): chủ đề “Mừng Đảng quang vinh - Mừng sinh "
        "nhật Bác”. Thi đua lập thành tích chào mừng kỷ niệm 90 năm Ngày thành lập Đảng "
        "Cộng sản Việt Nam (03/02/1930 - 03/02/2020); 45 năm"
    ) in text
    assert "Phase 2 (1 July 2020 – 31 December 2020)" in s.to_plan_text("en")
    with pytest.raises(ValueError, match="needs a plan"):
        tc.schedule(2020).to_plan_text()


def test_bad_spans() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        tc.schedule((2021, 2020))
    with pytest.raises(TypeError):
        tc.schedule("2020")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind must be one of milestone, festival"):
        tc.schedule(2020, kinds=["party"])


def test_cli_schedule_formats(cli: Cli) -> None:
    code, out, _ = cli("schedule", "2026", "--plan", str(SAMPLE))
    assert code == 0
    assert "Đợt 1: “Mừng Đảng quang vinh - Mừng Xuân Bính Ngọ”" in out
    _, out, _ = cli("schedule", "2026", "--plan", str(SAMPLE), "--format", "json")
    records = json.loads(out)
    assert {r["kind"] for r in records} >= {"phase", "deadline", "milestone", "festival"}
    assert {r["key"] for r in records if r["major_day"]} >= {"thanh_lap_dang", "quoc_khanh"}
    _, out, _ = cli("schedule", "2026", "--kind", "festival", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["kind"] for r in rows} == {"festival"}
    _, out, _ = cli(
        "schedule", "2026", "--plan", str(SAMPLE), "--format", "plan-text", "--lang", "en"
    )
    assert out.startswith("Kế hoạch phát động phong trào thi đua năm 2026")
    assert "Reporting:" in out


def test_cli_plan_check(cli: Cli) -> None:
    code, out, _ = cli("plan", "check", str(PLANS["2022-cdvc-viet-nam.toml"]))
    assert code == 1
    assert "error [phase-year-typo]" in out
    code, out, _ = cli("plan", "check", str(PLANS["2020-cdvc-viet-nam.toml"]), "--format", "json")
    assert code == 0
    assert json.loads(out) == []


@pytest.mark.usefixtures("english")
def test_cli_plan_errors(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[plan]\ntitle = "KH"\nyear = 2026\n[[phase]]\nlabel = "Đợt 1"\n'
        'start = "2026-02-30"\nend = "2026-06"\n',
        encoding="utf-8",
    )
    for argv in (["plan", "check", str(bad)], ["schedule", "2026", "--plan", str(bad)]):
        code, out, err = cli(*argv)
        assert code == 2
        assert out == ""
        assert err.strip() == (
            f"thidua-calendar: error: {bad}:6: phase 'Đợt 1': impossible "
            "start '2026-02-30' (day is out of range for month); write "
            '"YYYY-MM-DD" or "YYYY-MM"'
        )
    code, _, err = cli("schedule", "2026", "--format", "plan-text")
    assert code == 2
    assert "needs --plan" in err


@pytest.mark.usefixtures("english")
def test_cli_plan_new(cli: Cli, tmp_path: Path) -> None:
    out_file = tmp_path / "plan.toml"
    code, _, _ = cli("plan", "new", "--year", "2030", "--template", "halves", "-o", str(out_file))
    assert code == 0
    plan = tc.load_plan(out_file)
    focus = plan.phases[0].focus or ()
    assert "thanh_lap_dang" in focus  # 100 năm in 2030
    assert "giai_phong_mien_nam" in focus  # 55 năm (lẻ 5)
    assert [d.code for d in plan.check()] == ["missing-theme", "missing-theme"]
    code, _, err = cli("plan", "new", "--year", "2030", "-o", str(out_file))
    assert code == 2
    assert "exists; use --force" in err
    code, out, _ = cli("plan", "new", "--year", "2025", "--template", "school-year")
    assert code == 0
    assert 'label = "Học kỳ II"' in out


def test_a_plan_and_a_catalogue_both_given_is_one_rule(cli: Cli) -> None:
    plan = tc.load_plan(SAMPLE)
    with pytest.raises(tc.InvalidValueError, match="give a plan or a catalogue"):
        tc.schedule(2026, plan, catalog=tc.default_catalog())
    # The command line says the same, with exit code 2, for every command that takes both.
    for argv in (
        ["schedule", "2026", "--plan", str(SAMPLE), "--catalog", str(SAMPLE)],
        ["ics", "--plan", str(SAMPLE), "--catalog", str(SAMPLE), "-o", "x.ics"],
    ):
        code, _, err = cli(*argv)
        assert code == 2
        assert "give a plan or a catalogue (--plan or --catalog), not both" in err


def test_the_year_s_events_are_in_the_schedule() -> None:
    events = {e.uid: (e.start, e.end, e.title()) for e in tc.schedule(2026, kinds=["event"])}
    assert events["event:party:14"] == (
        dt.date(2026, 1, 19),
        dt.date(2026, 1, 23),
        "Đại hội XIV của Đảng (nhiệm kỳ 2026-2031)",
    )
    start, end, title = events["event:national_assembly:16"]
    assert start == end == dt.date(2026, 3, 15)
    assert title.startswith("Bầu cử đại biểu Quốc hội khóa XVI")
    emulation = [e for e in tc.schedule(2025, kinds=["event"]) if e.uid.startswith("event:patr")]
    assert [(e.start, e.end) for e in emulation] == [(dt.date(2025, 12, 26), dt.date(2025, 12, 27))]
    # A congress known only by its year is not placed on a day.
    assert not [e for e in tc.schedule(2013, kinds=["event"]) if "public_sector" in e.uid]


def test_events_follow_the_categories_like_the_days() -> None:
    party_only = tc.schedule(2023, kinds=["event"], categories=["party"])
    assert not [e for e in party_only if e.uid.startswith("event:vn_trade_union")]
    union = tc.schedule(2023, kinds=["event"], categories=["union"])
    assert "event:vn_trade_union:13" in {e.uid for e in union}
    record = next(e for e in union if e.uid == "event:vn_trade_union:13").as_record("en")
    assert record["kind"] == "event"
    assert record["category"] == "union"


def test_a_plan_greets_the_events_of_its_phases() -> None:
    plan = tc.load_plan(example_plans()["sample-2026.toml"])
    sched = tc.schedule(2026, plan)
    first = next(e for e in sched if e.kind is tc.EntryKind.PHASE)
    assert [c.series for c in first.focus_events] == ["party", "national_assembly"]
    text = sched.to_plan_text()
    assert "chào mừng thành công Đại hội XIV của Đảng và bầu cử đại biểu Quốc hội khóa XVI" in text
    english = sched.to_plan_text("en")
    assert "in honour of the success of the 14th National Congress" in english
    assert "Chào mừng thành công Đại hội XIV của Đảng" in first.description()


def test_an_event_entry_carries_its_congress() -> None:
    congress = tc.congress_series("party").by_ordinal(14)
    day = dt.date(2026, 1, 19)
    with pytest.raises(tc.InvalidValueError, match="carries its congress"):
        tc.Entry("event", "event:party:14", day, day)
    entry = tc.Entry("event", "event:party:14", day, day, congress=congress)
    assert entry.series is not None
    assert entry.series.key == "party"


def test_events_reach_the_feed() -> None:
    icalendar = pytest.importorskip("icalendar")
    feed = icalendar.Calendar.from_ical(
        tc.to_ical(tc.schedule(2026, kinds=["event"]), name="Sự kiện")
    )
    events = {str(e["summary"]): e for e in feed.walk("VEVENT")}
    party = events["Đại hội XIV của Đảng (nhiệm kỳ 2026-2031)"]
    assert party.decoded("dtstart") == dt.date(2026, 1, 19)
    assert party.decoded("dtend") == dt.date(2026, 1, 24)  # exclusive
    assert list(party["categories"].cats) == ["Đại hội, bầu cử", "Đảng"]


def test_days_off_in_the_schedule() -> None:
    s = tc.schedule(2026)
    tet = next(e for e in s.of_kind("day_off") if e.start == dt.date(2026, 2, 14))
    assert (tet.end, tet.uid) == (dt.date(2026, 2, 22), "day_off:2026-02-14")
    assert tet.title() == "Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026, 9 ngày)"
    assert "Nghỉ bù" not in tet.description()
    assert [e.start for e in s.of_kind("working_day")] == [
        dt.date(2026, 1, 10),
        dt.date(2026, 8, 22),
    ]
    assert s.of_kind("working_day")[0].title() == "Làm việc bù (thay cho ngày nghỉ 02/01/2026)"
    assert len(s.of_kind("day_off")) == 6
    culture = s.of_kind("day_off")[-1]
    assert (culture.start, culture.end) == (dt.date(2026, 11, 24), dt.date(2026, 11, 24))
    assert culture.title().startswith("Nghỉ Ngày Văn hóa Việt Nam")
    row = next(line for line in s.to_text().splitlines() if "Bính Ngọ (14/02" in line)
    assert "Ngày nghỉ" in row
    assert tc.schedule(2030).of_kind("day_off") == []  # no data: no days off, no guess
    assert [e.kind for e in tc.schedule(2026, kinds=["working_day"])] == ["working_day"] * 2
