"""Feeds: the rules of docs/ical.md, byte stability, revisions, round trips, CLI, publish."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._data import example_plans
from thidua_calendar._hygiene import scrub_text

PLANS = example_plans()  # the shipped example plans, by file name
SAMPLE = PLANS["sample-2026.toml"]
GOLDEN = Path(__file__).parent / "data" / "golden"


def feed(*args: object, **kwargs: object) -> bytes:
    kwargs.setdefault("name", "Lịch thi đua")
    return tc.to_ical(*args, **kwargs)  # type: ignore[arg-type]


def events(data: bytes) -> list[dict[str, object]]:
    return [dict(e) for e in Calendar.from_ical(data).walk("VEVENT")]


def test_bytes_follow_the_rules() -> None:
    data = feed(tc.schedule(2026, SAMPLE), reminders=tc.Reminders())
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == ""
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    head = text.split("BEGIN:VEVENT")[0]
    assert "UID" not in head  # no calendar-level UID
    assert "METHOD" not in head
    assert head.count("VERSION:2.0") == 1
    assert head.count("PRODID:") == 1
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in head
    assert "X-PUBLISHED-TTL:P1D" in head
    assert "NAME:Lịch thi đua" in head
    assert "X-WR-CALNAME:Lịch thi đua" in head
    assert "VTIMEZONE" not in text


def test_events_are_all_day_with_exclusive_end() -> None:
    s = tc.schedule(2026, SAMPLE)
    data = feed(s)
    text = data.decode()
    assert text.count("BEGIN:VEVENT") == len(s)
    assert "DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260701" in text  # phase 1
    assert "DTSTART;VALUE=DATE:20260203\r\nDTEND;VALUE=DATE:20260204" in text  # 3/2
    assert "DTSTART;VALUE=DATE:20260501\r\nDTEND;VALUE=DATE:20260601" in text  # May
    assert text.count("TRANSP:TRANSPARENT") == len(s)
    assert text.count("SUMMARY;LANGUAGE=vi:") == len(s)
    uids = re.findall(r"^UID:(.*)$", text, re.M)
    assert len(uids) == len(set(uids)) == len(s)


def test_identical_input_gives_identical_bytes() -> None:
    a = feed(tc.schedule((2025, 2027), SAMPLE), reminders=tc.Reminders())
    b = feed(tc.schedule((2025, 2027), SAMPLE), reminders=tc.Reminders())
    assert a == b


def test_golden_feed() -> None:
    data = feed(
        tc.schedule(2025, major_days=True),
        name="Ngày lễ lớn",
        color="red",
        revision=dt.date(2026, 11, 23),
    )
    golden = GOLDEN / "ngay-le-lon-2025.ics"
    assert data == golden.read_bytes(), "regenerate with tests/data/golden/regenerate.py"


def test_uid_comes_from_identity_not_wording() -> None:
    uid = tc.event_uid("milestone:thanh_lap_dang:2025")
    assert uid == "59517053-9ea7-56bf-840a-b1c8cb6e151d@thidua-calendar"
    s = tc.schedule(2025, major_days=True)
    assert uid in feed(s).decode()
    assert uid in feed(s, lang="en").decode()  # the English feed has the same UIDs


def test_edited_commemoration_keeps_uid_and_gets_higher_sequence(tmp_path: Path) -> None:
    first = feed(tc.schedule(2025, major_days=True), revision=dt.date(2026, 1, 1))
    # The catalogue's wording of 3/2 is corrected in a later revision.
    org = tmp_path / "fix.toml"
    org.write_text(
        '[[commemoration]]\nkey = "thanh_lap_dang"\n'
        'name_vi = "Ngày thành lập Đảng Cộng sản Việt Nam (sửa)"\ncalendar = "solar"\n'
        'month = 2\nday = 3\norigin = "1930-02-03"\ncategory = "party"\n'
        "major_day = true\n",
        encoding="utf-8",
    )
    catalog = tc.load_catalog(org)
    second = feed(
        tc.schedule(2025, catalog=catalog, major_days=True),
        revision=dt.date(2026, 6, 1),
        previous=first,
    )
    before = {str(e["UID"]): e for e in events(first)}
    after = {str(e["UID"]): e for e in events(second)}
    assert set(before) == set(after)
    uid = tc.event_uid("milestone:thanh_lap_dang:2025")
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 1
    assert after[uid]["LAST-MODIFIED"].dt == dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    other = tc.event_uid("milestone:quoc_khanh:2025")
    assert int(after[other]["SEQUENCE"]) == 0
    assert after[other]["LAST-MODIFIED"].dt == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    # Publishing the same data again changes nothing.
    third = feed(
        tc.schedule(2025, catalog=catalog, major_days=True),
        revision=dt.date(2026, 9, 1),
        previous=second,
    )
    assert third == second


def test_one_event_per_lunar_occurrence() -> None:
    text = feed(tc.schedule((2025, 2030), major_days=True)).decode()
    assert "RRULE" not in text
    assert "RDATE" not in text
    tet = [tc.tet(y).strftime("%Y%m%d") for y in range(2025, 2031)]
    for day in tet:
        assert f"DTSTART;VALUE=DATE:{day}" in text


def test_descriptions_and_categories() -> None:
    text = feed(tc.schedule(2020, major_days=True)).decode().replace("\r\n ", "")
    assert "Kỷ niệm 90 năm (năm tròn)\\, từ 03/02/1930." in text
    # The feed's language only (no internal key such as `party`), one case: sentence case.
    assert "CATEGORIES:Ngày lễ lớn,Đảng,Năm tròn" in text
    english = feed(tc.schedule(2020, major_days=True), lang="en").decode()
    assert "CATEGORIES:Major national day,Party,Round anniversary" in english
    assert (
        "SUMMARY;LANGUAGE=en:90th anniversary of the founding of the Communist Party"
        in english.replace("\r\n ", "")
    )


def test_reminders() -> None:
    s = tc.schedule(2030, major_days=True)
    ranked = [e for e in s if e.ordinal is not None and e.rank in (tc.Rank.TRON, tc.Rank.LE5)]
    assert len(ranked) >= 4  # 100 năm Đảng, 140 năm Bác, 55 năm 30/4, 85 năm 2/9 …
    text = feed(s, reminders=tc.Reminders()).decode()
    assert text.count("BEGIN:VALARM") == len(ranked)
    # 09:00 local time a week before the day (an all-day event starts at local midnight).
    assert text.count("TRIGGER:-P6DT15H") == len(ranked)
    assert "BEGIN:VALARM" not in feed(s).decode()
    phases = feed(tc.schedule(2026, SAMPLE, kinds=["phase"]), reminders=tc.Reminders()).decode()
    # 7 days before the last day of phase 1 (30/06/2026) at 09:00: relative to DTSTART
    # (01/01/2026), never absolute (khal ignores those) nor RELATED=END (khal, EventKit).
    assert "TRIGGER:P173DT9H" in phases
    assert "VALUE=DATE-TIME" not in phases
    assert "RELATED" not in phases
    deadlines = feed(tc.schedule(2026, SAMPLE, kinds=["deadline"]), reminders=tc.Reminders())
    count = deadlines.count(b"BEGIN:VEVENT")
    assert count > 0
    assert deadlines.count(b"TRIGGER:-P2DT15H") == count  # 09:00 three days before


def test_bad_options() -> None:
    s = tc.schedule(2026, major_days=True)
    with pytest.raises(tc.FeedError, match="empty"):
        tc.to_ical([], name="x")
    with pytest.raises(tc.FeedError, match="unknown colour"):
        feed(s, color="rainbow")
    with pytest.raises(tc.FeedError, match="refresh"):
        feed(s, refresh="daily")
    with pytest.raises(tc.FeedError, match="needs a name"):
        tc.to_ical(s, name=",;")


def test_names_lose_characters_clients_show_raw() -> None:
    text = feed(tc.schedule(2026, major_days=True), name="Lịch, thi; đua\\ 2026").decode()
    assert "X-WR-CALNAME:Lịch thi đua 2026" in text


def test_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import thidua_calendar.ical as ical

    monkeypatch.setattr(ical, "SIZE_LIMIT", 10_000)
    with pytest.raises(tc.FeedTooLargeError, match="Google Calendar drops events") as refused:
        feed(tc.schedule(2026), name="Tất cả")
    message = str(refused.value)
    assert message.startswith("the feed “Tất cả” is ")  # the feed named
    assert "--allow-large" in message
    assert "\n" not in message
    vietnamese = refused.value.message_vi or ""
    assert vietnamese.startswith("lịch “Tất cả” nặng ")  # what the command line shows
    assert "--allow-large" in vietnamese
    assert "\n" not in vietnamese
    with pytest.warns(tc.FeedSizeWarning, match="Google Calendar may drop its events"):
        data = feed(tc.schedule(2026), allow_large=True)
    assert len(data) > 10_000
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feed(tc.schedule(2026, kinds=["deadline", "phase"], plan=SAMPLE))
        built = tc.build_feed(tc.schedule(2026), name="x", allow_large=True)  # never warns
    assert built.size == len(built.data) > 10_000


texts = st.text(st.characters(), min_size=1, max_size=60).filter(lambda t: t.strip() != "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_user_text_survives_the_round_trip(title: str, theme: str) -> None:
    # Exactly, but for the documented replacement of controls, surrogates and noncharacters.
    plan = tc.make_plan(
        title, 2026, [tc.Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), theme)]
    )
    s = tc.schedule(2026, plan, kinds=["phase"])
    parsed = events(feed(s))
    assert len(parsed) == 1
    assert str(parsed[0]["SUMMARY"]) == scrub_text(f"Đợt 1: “{theme}”")
    assert scrub_text(f"Kế hoạch: {title}.") in str(parsed[0]["DESCRIPTION"])


# --- command line -------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_cli_ics(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    code, _, err = cli("ics", "--from", "2025", "--to", "2026", "--major-days", "-o", str(out))
    assert code == 0
    assert "wrote" in err
    first = out.read_bytes()
    assert first.count(b"BEGIN:VEVENT") == len(tc.schedule((2025, 2026), major_days=True))
    code, _, err = cli("ics", "--from", "2025", "--to", "2026", "--major-days", "-o", str(out))
    assert code == 0
    assert "unchanged" in err
    assert out.read_bytes() == first


def test_cli_ics_default_span_follows_the_plan(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    code, _, err = cli("ics", "--plan", str(SAMPLE), "-o", str(out))
    assert code == 0
    assert "2025–2031" in err


def test_cli_ics_default_span_uses_source_date_epoch(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")  # 2020-01-01
    code, _, err = cli("ics", "--major-days", "-o", str(tmp_path / "x.ics"))
    assert code == 0
    assert "2019–2025" in err


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--from", "2030", "--to", "2020"], 2, "ends before it starts"),
        (["--from", "1800", "--to", "1900"], 2, "outside the supported range"),
        (["--plan", str(PLANS["2022-cdvc-viet-nam.toml"])], 1, "the plan has errors"),
        (["--kind", "deadline", "--from", "2025", "--to", "2025"], 2, "the selection is empty"),
    ],
)
@pytest.mark.usefixtures("english")
def test_cli_ics_errors_leave_no_file(
    cli: Cli, tmp_path: Path, argv: list[str], code: int, message: str
) -> None:
    out = tmp_path / "feed.ics"
    got, _, err = cli("ics", *argv, "-o", str(out))
    assert got == code
    assert message in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("english")
def test_cli_ics_unwritable_output(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli(
        "ics",
        "--major-days",
        "--from",
        "2025",
        "--to",
        "2025",
        "-o",
        str(tmp_path / "missing-dir" / "feed.ics"),
    )
    assert code == 2
    assert "No such file or directory" in err
    assert err.count("\n") == 1


def test_publish(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    argv = [
        "publish",
        str(site),
        "--plan",
        str(SAMPLE),
        "--from",
        "2025",
        "--to",
        "2027",
        "--base-url",
        "https://example.org/lich",
    ]
    code, _, err = cli(*argv)
    assert code == 0
    names = sorted(p.name for p in site.iterdir())
    assert names == [
        "cong-doan.history.toml",  # each feed's history beside it
        "cong-doan.ics",
        "index.html",
        "ngay-le-lon.history.toml",
        "ngay-le-lon.ics",
        "ngay-nghi.history.toml",
        "ngay-nghi.ics",
        "sample-2026.history.toml",
        "sample-2026.ics",
        "tat-ca.history.toml",
        "tat-ca.ics",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="webcal://example.org/lich/ngay-le-lon.ics"' in index
    # The https address is shown to copy; Google Calendar adds it by URL.
    assert 'readonly value="https://example.org/lich/sample-2026.ics"' in index
    assert (
        'href="https://calendar.google.com/calendar/render?cid='
        'https%3A%2F%2Fexample.org%2Flich%2Fsample-2026.ics"' in index
    )
    holidays = len(tc.schedule((2025, 2027), major_days=True))
    assert f"{holidays} sự kiện" in index
    # The ngày lễ lớn feed runs from Tết Ất Tỵ (29/01/2025) to Quốc khánh 2027.
    assert "29/01/2025 – 02/09/2027" in index
    assert (site / "ngay-le-lon.ics").stat().st_mode & 0o044  # readable by a web server
    # Nothing changed: nothing is rewritten.
    code, _, err = cli(*argv)
    assert code == 0
    assert err == ""
    code, _, err = cli("publish", str(site), "--base-url", "ftp://x")
    assert code == 2
    assert "--base-url must be an http(s) URL" in err


def test_each_event_is_dated_by_the_data_it_comes_from() -> None:
    base = feed(tc.schedule(2025, major_days=True)).decode()
    assert f"DTSTAMP:{tc.default_catalog().revision:%Y%m%d}T000000Z" in base
    plan = tc.parse_plan(
        '[plan]\ntitle = "KH"\nyear = 2026\nrevision = "2027-01-05"\n'
        '[[phase]]\nlabel = "Đợt 1"\nstart = "2026-01"\nend = "2026-06"\n'
        "[reporting]\nquarterly = { day = 15, months_after = 1 }\n"
    )
    s = tc.schedule(2026, plan)
    files = tc.data_revision()
    by_kind = {
        "phase": dt.date(2027, 1, 5),  # the plan's, newer than the data: not the others'
        "deadline": dt.date(2027, 1, 5),
        "milestone": tc.default_catalog().revision,
        "festival": tc.default_catalog().revision,
        "event": files.of("congresses.toml"),
        "day_off": files.of("days-off.toml"),
        "working_day": files.of("days-off.toml"),
    }
    assert {e.kind for e in s} >= set(by_kind)  # every kind is seen
    stamps = {str(e["UID"]): e["DTSTAMP"].dt.date() for e in events(tc.to_ical(s, name="KH"))}
    for entry in s:
        expected = by_kind.get(entry.kind, tc.default_catalog().revision)
        assert stamps[tc.event_uid(entry.uid)] == expected, entry.uid
        assert tc.ical.entry_revision(entry, s.catalog) == expected
    # A plan older than the data: a phase that names the catalogue's days is dated by it too.
    old = tc.schedule(2026, tc.load_plan(SAMPLE))
    phases = [e for e in old if e.kind == "phase"]
    assert all(e.focus_milestones for e in phases)
    shipped = tc.default_catalog().revision
    assert old.plan is not None
    assert old.plan.revision is not None
    assert shipped is not None
    assert old.plan.revision < shipped
    for entry in phases:
        assert tc.ical.entry_revision(entry) == shipped
    for entry in (e for e in old if e.kind == "deadline"):
        assert tc.ical.entry_revision(entry) == old.plan.revision


# --- revisions: a committed history, not the previous output --------------------------------

FIX_3_2 = (
    '{meta}[[commemoration]]\nkey = "thanh_lap_dang"\n'
    'name_vi = "Ngày thành lập Đảng Cộng sản Việt Nam (sửa)"\ncalendar = "solar"\n'
    'month = 2\nday = 3\norigin = "1930-02-03"\ncategory = "party"\nmajor_day = true\n'
)


def edited_catalog(tmp_path: Path, revision: str | None) -> tc.Catalog:
    path = tmp_path / f"fix-{revision}.toml"
    meta = f'[meta]\nrevision = "{revision}"\n' if revision else ""
    path.write_text(FIX_3_2.format(meta=meta), encoding="utf-8")
    return tc.load_catalog(path)  # merged over the shipped catalogue


def test_clean_rebuild_after_an_edit_equals_the_incremental_one(tmp_path: Path) -> None:
    first = tc.build_feed(tc.schedule(2025, major_days=True), name="Lễ")
    edited = tc.schedule(2025, catalog=edited_catalog(tmp_path, "2027-01-01"), major_days=True)
    incremental = tc.build_feed(edited, name="Lễ", history=first.history, previous=first.data)
    clean = tc.build_feed(edited, name="Lễ", history=first.history)  # no old feed
    stored = tc.FeedHistory.from_bytes(first.history.to_bytes())  # as committed
    from_file = tc.build_feed(edited, name="Lễ", history=stored)
    assert incremental.data == clean.data == from_file.data
    assert incremental.history == clean.history
    uid = tc.event_uid("milestone:thanh_lap_dang:2025")
    after = {str(e["UID"]): e for e in events(clean.data)}
    assert int(after[uid]["SEQUENCE"]) == 1
    assert after[uid]["LAST-MODIFIED"].dt == dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    other = tc.event_uid("milestone:quoc_khanh:2025")
    assert int(after[other]["SEQUENCE"]) == 0  # unchanged events keep their revision
    revised = first.history.events[other].revised
    assert after[other]["LAST-MODIFIED"].dt == dt.datetime.combine(revised, dt.time(), dt.UTC)
    assert clean.unrevised == ()
    # Rebuilding again from the new history changes nothing.
    again = tc.build_feed(edited, name="Lễ", history=clean.history)
    assert again.data == clean.data
    assert again.history == clean.history


def test_sequence_never_goes_down_with_the_old_feed_kept(tmp_path: Path) -> None:
    s = tc.schedule(2025, major_days=True)
    first = tc.build_feed(s, name="Lễ")
    edited = tc.schedule(2025, catalog=edited_catalog(tmp_path, "2027-01-01"), major_days=True)
    second = tc.build_feed(edited, name="Lễ", history=first.history)
    # The history was not committed after the second build: the kept feed is newer.
    third = tc.build_feed(edited, name="Lễ", history=first.history, previous=second.data)
    assert third.data == second.data
    reverted = tc.build_feed(s, name="Lễ", history=third.history, revision=dt.date(2027, 2, 1))
    for builds in ((first, second), (second, third), (third, reverted)):
        old, new = ({str(e["UID"]): int(e["SEQUENCE"]) for e in events(b.data)} for b in builds)
        assert all(new[uid] >= old[uid] for uid in old)
    uid = tc.event_uid("milestone:thanh_lap_dang:2025")
    assert reverted.history.events[uid].sequence == 2  # the revert is an edit too


def test_an_edit_without_a_revision_bump_is_reported(tmp_path: Path) -> None:
    first = tc.build_feed(tc.schedule(2025, major_days=True), name="Lễ")
    stale = tc.schedule(2025, catalog=edited_catalog(tmp_path, None), major_days=True)
    built = tc.build_feed(stale, name="Lễ", history=first.history)
    assert len(built.unrevised) == 1
    assert "(sửa)" in built.unrevised[0]
    uid = tc.event_uid("milestone:thanh_lap_dang:2025")
    assert built.history.events[uid].sequence == 1  # clients still update it
    with pytest.warns(tc.UnrevisedEditWarning, match=r"lịch “Lễ”: 1 sự kiện đã sửa .*\(sửa\)"):
        tc.to_ical(stale, name="Lễ", history=first.history)


_PERTURBED_BUILD = """
import json, sys
from pathlib import Path
from thidua_calendar import _data
_data._data_dir = lambda: sys.argv[1]
import thidua_calendar as tc
from thidua_calendar.congresses import congresses_revision
from thidua_calendar.workdays import days_off_revision
history = tc.FeedHistory.from_bytes(Path(sys.argv[2]).read_bytes())
built = tc.build_feed(tc.schedule(2026), name="Lịch", history=history)
Path(sys.argv[3]).write_bytes(built.data)
files = tc.data_revision()
print(json.dumps({
    "unrevised": built.unrevised,
    "congresses": [str(congresses_revision()), str(files.of("congresses.toml"))],
    "days_off": [str(days_off_revision()), str(files.of("days-off.toml"))],
}))
"""


def test_an_edit_of_one_data_file_dates_only_its_own_events(tmp_path: Path) -> None:
    # A copy of data/ (patched in as the data root in a fresh process: the loaders cache
    # what they read) where congresses.toml is edited with its revision bumped and
    # days-off.toml is edited without.
    import json
    import shutil
    import subprocess
    import sys

    first = tc.build_feed(tc.schedule(2026), name="Lịch")
    history = tmp_path / "lich.history.toml"
    history.write_bytes(first.history.to_bytes())
    copy = tmp_path / "data"
    shutil.copytree(Path(str(tc._data.files())), copy)

    def edit(name: str, old: str, new: str) -> None:
        path = copy / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), "utf-8")

    shipped = tc.data_revision()
    edit(
        "congresses.toml",
        f'revision = "{shipped.of("congresses.toml")}"',
        'revision = "2031-05-06"',
    )
    edit(
        "congresses.toml",
        'source = "24h.com.vn 23/1/2026; vnexpress.net 24/1/2026;',
        'source = "(sửa) 24h.com.vn 23/1/2026; vnexpress.net 24/1/2026;',
    )
    edit("days-off.toml", "hết Chủ nhật 22/02/2026", "hết Chủ nhật 22/02/2026 (sửa)")
    out = tmp_path / "lich.ics"
    result = subprocess.run(
        [sys.executable, "-c", _PERTURBED_BUILD, str(copy), str(history), str(out)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    report = json.loads(result.stdout)
    # The loaders keep the revision they read, by the rule data_revision() uses.
    assert report["congresses"] == ["2031-05-06", "2031-05-06"]
    assert report["days_off"] == [str(shipped.of("days-off.toml"))] * 2  # not bumped
    before = {str(e["UID"]): e for e in events(first.data)}
    after = {str(e["UID"]): e for e in events(out.read_bytes())}
    assert before.keys() == after.keys()
    congress = tc.event_uid("event:party:14")
    tet = tc.event_uid("day_off:2026-02-14")
    # The congress: a new SEQUENCE and its own file's new revision; not reported.
    assert int(after[congress]["SEQUENCE"]) == 1
    assert after[congress]["LAST-MODIFIED"].dt == dt.datetime(2031, 5, 6, tzinfo=dt.UTC)
    assert "(sửa)" in str(after[congress]["DESCRIPTION"])
    # The day off: clients update it, but its LAST-MODIFIED cannot move (days-off.toml's
    # revision did not), and it is reported: the congresses' newer date does not hide it.
    assert int(after[tet]["SEQUENCE"]) == 1
    assert after[tet]["LAST-MODIFIED"].dt == before[tet]["LAST-MODIFIED"].dt
    assert len(report["unrevised"]) == 1
    assert report["unrevised"][0] == str(after[tet]["SUMMARY"])
    # Every other event is as it was.
    for uid in before.keys() - {congress, tet}:
        for key in ("SEQUENCE", "LAST-MODIFIED", "DTSTAMP", "SUMMARY", "DESCRIPTION"):
            assert str(after[uid].get(key)) == str(before[uid].get(key)), (uid, key)


def test_the_history_keeps_events_that_left_the_span() -> None:
    wide = tc.build_feed(tc.schedule((2025, 2026), major_days=True), name="Lễ")
    narrow = tc.build_feed(tc.schedule(2026, major_days=True), name="Lễ", history=wide.history)
    assert narrow.history.events.keys() == wide.history.events.keys()
    assert narrow.history.to_bytes().startswith(b"# thidua-calendar feed history")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"[events\n", "the feed history cannot be read"),
        (b'[events]\n"a" = { sequence = -1, revised = 2026-01-01, content = "x" }\n', "a"),
        (b'[events]\n"a" = { sequence = 1, revised = "2026", content = "x" }\n', "revised"),
        (b"events = 3\n", "is not a table"),
        (b"\xff", "cannot be read"),
    ],
)
def test_a_broken_history_is_one_line_error(text: bytes, message: str) -> None:
    with pytest.raises(tc.FeedError, match=re.escape(message)) as refused:
        tc.FeedHistory.from_bytes(text)
    assert "\n" not in str(refused.value)


@pytest.mark.usefixtures("english")
def test_cli_ics_clean_rebuild_equals_incremental(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "le.ics"
    history = tmp_path / "le.history.toml"
    argv = ["ics", "--from", "2025", "--to", "2025", "--major-days", "-o", str(out)]
    code, _, err = cli(*argv)
    assert code == 0
    assert f"wrote {history}" in err
    fix = tmp_path / "fix.toml"
    fix.write_text(FIX_3_2.format(meta='[meta]\nrevision = "2027-01-01"\n'), encoding="utf-8")
    code, _, _ = cli(*argv, "--catalog", str(fix))
    assert code == 0
    incremental = out.read_bytes()
    assert b"SEQUENCE:1" in incremental
    saved = history.read_bytes()
    for clean in ("delete", "--fresh"):
        history.write_bytes(saved)
        if clean == "delete":
            out.unlink()
            code, _, err = cli(*argv, "--catalog", str(fix))
        else:
            code, _, err = cli(*argv, "--catalog", str(fix), "--fresh")
        assert code == 0, err
        assert out.read_bytes() == incremental
        assert history.read_bytes() == saved


@pytest.mark.usefixtures("english")
def test_cli_ics_reports_an_unrevised_edit(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "le.ics"
    argv = ["ics", "--from", "2025", "--to", "2025", "--major-days", "-o", str(out)]
    assert cli(*argv)[0] == 0
    fix = tmp_path / "fix.toml"
    fix.write_text(FIX_3_2.format(meta=""), encoding="utf-8")
    code, _, err = cli(*argv, "--catalog", str(fix))
    assert code == 0
    lines = [line for line in err.splitlines() if "warning" in line]
    assert len(lines) == 1
    assert "1 sự kiện đã sửa" in lines[0]
    assert "1 events changed while the data's revision did not" in lines[0]
    assert "Warning" not in err  # a one-line message, never a raw Python warning


@pytest.mark.usefixtures("english")
def test_cli_ics_refuses_a_large_feed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import thidua_calendar.ical as ical

    monkeypatch.setattr(ical, "SIZE_LIMIT", 10_000)
    out = tmp_path / "all.ics"
    argv = ["ics", "--from", "2025", "--to", "2026", "-o", str(out), "--name", "Tất cả"]
    code, _, err = cli(*argv)
    assert code == 2
    assert err.count("\n") == 1
    assert f"error: {out}: the feed “Tất cả” is " in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = cli(*argv, "--lang", "vi")
    assert code == 2
    assert f"lỗi: {out}: lịch “Tất cả” nặng" in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = cli(*argv, "--allow-large")
    assert code == 0
    assert "warning" in err
    assert "Google Calendar may drop its events" in err
    assert "FeedSizeWarning" not in err
    assert out.stat().st_size > 10_000


def test_cli_ics_default_span_keeps_the_previous_year_on_1_january(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 00:30 on 1 January 2027 in Hà Nội (17:30 UTC on 31 December 2026).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798738200")
    out = tmp_path / "x.ics"
    code, _, err = cli("ics", "--major-days", "-o", str(out))
    assert code == 0
    assert "2026–2032" in err
    assert b"DTSTART;VALUE=DATE:20260203" in out.read_bytes()  # all of 2026 is still there
