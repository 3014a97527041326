"""Tests of the feed-checking harness (tests/feedcheck.py) on hand-written feeds.

The feeds are in tests/data/ics/ (see the README there). The quirk tests pin what each tool was
observed to do with a broken feed, so a tool upgrade that changes it is noticed.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import shutil
import sys
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import feedcheck
from feedcheck import (
    FeedCheckError,
    FeedCheckWarning,
    SeenEvent,
    assert_all_views_show,
    parse_with_ical,
    parse_with_icalendar,
    parse_with_icaljs,
    require_tool,
    serve_feed,
    sorted_events,
    subscribe_with_vdirsyncer_khal,
)

ICS = Path(__file__).resolve().parent / "data" / "ics"
D = datetime.date


def feed(name: str) -> bytes:
    return (ICS / name).read_bytes()


BASIC = [
    SeenEvent(
        uid="thanh-lap-dang-2025@thidua.example",
        summary="Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        start=D(2025, 2, 3),
        end=D(2025, 2, 4),  # a one-day anniversary ends (exclusively) the next day
        description="Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930), lần thứ 95.",
    ),
    SeenEvent(
        uid="giai-doan-1-2025@thidua.example",
        summary="Giai đoạn 1: thi đua lập thành tích chào mừng",
        start=D(2025, 1, 1),
        end=D(2025, 7, 1),  # a phase 1 Jan - 30 Jun
        description=None,
    ),
    SeenEvent(
        uid="quoc-khanh-2025@thidua.example",
        summary="Quốc khánh 2/9",
        start=D(2025, 9, 2),
        end=D(2025, 9, 3),
        description=None,
    ),
]

LONG_DESCRIPTION = (
    "Kỷ niệm ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 – 30/4/2025); "
    "căn cứ: Nghị định 145/2013/NĐ-CP; Hướng dẫn số 12-HD/BTGTW. Đường dẫn C:\\thư mục\\tệp\n"
    "Dòng thứ hai: “trích dẫn” — gạch ngang… 🇻🇳🎉 ✓ ẞ ǅ ﬁ 𝔘 漢字 Tiếng Việt có dấu: ắằẳẵặấầẩẫậ\n"
    "\n"
    "Đoạn cuối sau một dòng trống."
)

TRICKY = [
    SeenEvent(
        uid="tricky-punct@thidua.example",
        summary="Hội nghị, sơ kết; tổng kết \\ khen thưởng",
        start=D(2025, 1, 15),
        end=D(2025, 1, 16),
        description="Dấu phẩy, chấm phẩy; gạch chéo ngược \\ và xuống dòng\nhết.",
    ),
    SeenEvent(
        uid="tricky-emoji@thidua.example",
        summary="🎉 Tết Nguyên Đán Ất Tỵ 🐍 Vui Tết! 🇻🇳",  # folded between the two flag halves
        start=D(2025, 1, 29),
        end=D(2025, 1, 30),
        description=None,
    ),
    SeenEvent(
        uid="tricky-long@thidua.example",
        summary=(
            "Chào mừng 50 năm Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước "
            "(30/4/1975 – 30/4/2025)"
        ),
        start=D(2025, 4, 30),
        end=D(2025, 5, 1),
        description=LONG_DESCRIPTION,
    ),
    SeenEvent(
        uid="tricky-newline-summary@thidua.example",
        summary="Dòng một\nDòng hai",
        start=D(2025, 5, 1),
        end=D(2025, 5, 2),
        description="Mô tả\nvới N hoa (\\N) cũng là xuống dòng.",  # \N is a newline too
    ),
    SeenEvent(
        uid="tricky-nfd@thidua.example",
        # Decomposed (NFD) text stays decomposed: no view normalises Unicode.
        summary=unicodedata.normalize("NFD", "Tết Nguyên Đán (dạng NFD)"),
        start=D(2026, 2, 17),
        end=D(2026, 2, 18),
        description=None,
    ),
    SeenEvent(
        uid="tricky-colon@thidua.example",
        summary='Chủ đề: "Đoàn kết: sáng tạo" – năm 2025',
        start=D(2025, 12, 31),
        end=D(2026, 1, 2),  # across the new year
        description=None,  # DESCRIPTION: (empty) reads as no description
    ),
]


def many_expected() -> list[SeenEvent]:
    """What many.ics was written to hold: 60 events, 1 to 4 days long, every 6 days."""
    events = []
    for i in range(60):
        start = D(2025, 1, 1) + datetime.timedelta(days=6 * i)
        days = 1 + i % 4
        events.append(
            SeenEvent(
                uid=f"many-{i:03d}@thidua.example",
                summary=f"Sự kiện số {i + 1}, đợt {i % 4 + 1}: “thi đua” ✓",
                start=start,
                end=start + datetime.timedelta(days=days),
                description=None if i % 3 == 0 else f"Mô tả sự kiện {i + 1}; kéo dài {days} ngày.",
            )
        )
    return events


def rrule_expected() -> list[SeenEvent]:
    """rrule.ics: yearly from 2025, COUNT=4, 2026 excluded, 2027 moved to 4-6 Feb."""
    uid, summary = "yearly-rrule@thidua.example", "Kỷ niệm hằng năm (RRULE)"
    return [
        SeenEvent(uid, summary, D(2025, 2, 3), D(2025, 2, 4), None),
        SeenEvent(
            uid, "Kỷ niệm hằng năm (dời sang 4/2, hai ngày)", D(2027, 2, 4), D(2027, 2, 6), None
        ),
        SeenEvent(uid, summary, D(2028, 2, 3), D(2028, 2, 4), None),
    ]


def fold(line: str) -> list[str]:
    """RFC 5545 folding at 75 octets, never inside a UTF-8 sequence."""
    lines, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            lines.append(current.decode())
            current = b" "
        current += encoded
    lines.append(current.decode())
    return lines


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_feed(events: list[SeenEvent]) -> bytes:
    """A correct feed of ``events``, written by hand (not by icalendar)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//thidua-calendar//feedcheck tests//VI"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.end:%Y%m%d}",
            f"SUMMARY;LANGUAGE=vi:{escape(event.summary)}",
        ]
        if event.description is not None:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in fold(line)).encode()


def synthetic(count: int) -> list[SeenEvent]:
    """``count`` events over about five and a half years with long, folded Vietnamese text."""
    events = []
    for i in range(count):
        start = D(2025, 1, 1) + datetime.timedelta(days=4 * i)
        events.append(
            SeenEvent(
                uid=f"synthetic-{i:04d}@thidua.example",
                summary=f"Kỷ niệm {i + 1} năm, đợt {i % 4 + 1}; “thi đua” \\ 🇻🇳",
                start=start,
                end=start + datetime.timedelta(days=1 + i % 3),
                description=None
                if i % 2
                else f"Căn cứ Nghị định số {i}/2025/NĐ-CP, ngày {start:%d/%m/%Y}.\n"
                "Nội dung: tuyên truyền, khen thưởng; tổng kết đợt thi đua ở cơ sở.",
            )
        )
    return events


# --------------------------------------------------------------------------------------------
# Every view shows the events that were meant


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("basic.ics", BASIC),
        ("tricky_text.ics", TRICKY),
        ("many.ics", many_expected()),
        ("rrule.ics", rrule_expected()),  # RRULE + EXDATE + RECURRENCE-ID: all views agree
    ],
)
def test_all_views_show_the_meant_events(
    name: str, expected: list[SeenEvent], tmp_path: Path
) -> None:
    views = assert_all_views_show(feed(name), tmp_path, expected)
    assert set(views) == {
        "icalendar",
        "ical",
        "ical.js",
        "vobject",
        "recurring-ical-events",
        "vdirsyncer+khal",
    }
    for seen in views.values():
        assert len(seen) == len(expected)
        assert {event.uid for event in seen} == {event.uid for event in expected}


def test_fixtures_are_folded_crlf_files() -> None:
    for path in ICS.glob("*.ics"):
        data = path.read_bytes()
        assert data.endswith(b"\r\n"), path.name
        assert b"\n" not in data.replace(b"\r\n", b""), path.name  # CRLF only
        if path.name not in ("raw_newline.ics", "fold_inside_utf8.ics"):
            longest = max(len(line) for line in data.split(b"\r\n"))
            assert longest <= 75, path.name
    assert len(feed("many.ics").split(b"BEGIN:VEVENT")) - 1 == 60
    tricky = feed("tricky_text.ics")
    assert "🇻\r\n 🇳".encode() in tricky  # a fold between the halves of a flag
    assert b"\\\\" in tricky
    assert b"\\," in tricky
    assert b"\\;" in tricky
    assert b"\\n" in tricky


def test_500_events(tmp_path: Path) -> None:
    events = synthetic(500)
    data = make_feed(events)
    assert data.count(b"\r\n ") > 500  # the descriptions are folded
    assert_all_views_show(data, tmp_path, events)


def test_the_subscription_is_served_over_http_on_loopback(tmp_path: Path) -> None:
    data = feed("basic.ics")
    with serve_feed(data) as server:
        assert server.url.startswith("http://127.0.0.1:")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(server.url, timeout=10) as response:
            assert response.read() == data
            assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
            etag = response.headers["ETag"]
            assert response.headers["Last-Modified"]
        request = urllib.request.Request(server.url, headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            opener.open(request, timeout=10)
        assert not_modified.value.code == 304
        not_modified.value.close()  # an HTTPError holds the response's socket
        assert [method for method, _, _ in server.requests] == ["GET", "GET"]
        url = server.url
    with pytest.raises(urllib.error.URLError):  # the server has stopped
        opener.open(url, timeout=5)


def test_khal_uids_are_vdirsyncer_hashes_traced_back_to_the_feed(tmp_path: Path) -> None:
    data = feed("basic.ics")
    raw = subscribe_with_vdirsyncer_khal(data, tmp_path, feed_uids=False)
    stems = {path.stem for path in (tmp_path / "vdir").glob("*.ics")}
    assert {event.uid for event in raw} == stems
    assert all(re.fullmatch(r"[0-9a-f]{64}", uid) for uid in stems)
    mapping = feedcheck.vdirsyncer_uid_map(data)
    assert sorted(mapping[uid] for uid in stems) == sorted(event.uid for event in BASIC)
    # vdirsyncer's hash leaves out UID and DTSTAMP: a feed that changed only those keeps them.
    changed = data.replace(b"quoc-khanh-2025@", b"other-uid@").replace(b"20250101T", b"20300101T")
    assert set(feedcheck.vdirsyncer_uid_map(changed)) == set(mapping)


def test_khal_lists_a_multi_day_event_once_with_its_exclusive_end(tmp_path: Path) -> None:
    # khal prints an event on every day it covers, with an inclusive end; the view folds the
    # copies and converts the end back.
    seen = subscribe_with_vdirsyncer_khal(feed("basic.ics"), tmp_path)
    phase = [event for event in seen if event.uid == "giai-doan-1-2025@thidua.example"]
    assert phase == [BASIC[1]]


def test_feed_span() -> None:
    assert feedcheck.feed_span(feed("basic.ics")) == (D(2025, 1, 1), D(2025, 9, 3))
    assert feedcheck.feed_span(feed("rdate.ics")) == (D(2025, 1, 29), D(2028, 1, 26))
    with pytest.raises(FeedCheckError, match="no dates"):
        feedcheck.feed_span(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


def test_sorted_events_and_seen_events_compare_by_value() -> None:
    assert sorted_events(reversed(BASIC)) == [BASIC[1], BASIC[0], BASIC[2]]
    assert len({*BASIC, *BASIC}) == 3
    with pytest.raises(AttributeError):
        BASIC[0].summary = "x"  # type: ignore[misc]


def test_assert_all_views_show_names_the_differences(tmp_path: Path) -> None:
    last = BASIC[2]
    wrong = [*BASIC[:2], SeenEvent(last.uid, "Quốc khánh", last.start, last.end, None)]
    with pytest.raises(AssertionError) as failure:
        assert_all_views_show(feed("basic.ics"), tmp_path, wrong)
    message = str(failure.value)
    for view in ("icalendar", "ical", "ical.js", "vdirsyncer+khal"):
        assert f"{view} shows 3 events, 3 were meant" in message
    assert (
        "missing SeenEvent(uid='quoc-khanh-2025@thidua.example', summary='Quốc khánh'," in message
    )


# --------------------------------------------------------------------------------------------
# Missing tools fail (never skip), naming the tool and `make test`


def test_tools_are_installed() -> None:
    versions = feedcheck.tool_versions()
    lock = json.loads((feedcheck.JS_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert versions["ical.js"] == lock["packages"]["node_modules/ical.js"]["version"]
    assert set(versions) == {
        "icalendar",
        "ical",
        "ical.js",
        "vobject",
        "recurring-ical-events",
        "node",
        "vdirsyncer",
        "khal",
    }
    assert all(versions.values())


@pytest.mark.parametrize("tool", ["node", "npm", "vdirsyncer", "khal"])
def test_a_missing_tool_fails_the_test(tool: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", "/nonexistent/bin/python")
    with pytest.raises(pytest.fail.Exception, match=rf"{tool} not found.*`make test`"):
        require_tool(tool)


def test_a_missing_icaljs_fails_the_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(feedcheck, "ICALJS_PACKAGE", tmp_path / "package.json")
    with pytest.raises(pytest.fail.Exception, match=r"ical\.js is not installed.*npm ci"):
        parse_with_icaljs(feed("basic.ics"))


# --------------------------------------------------------------------------------------------
# What each tool does with a broken feed (observed with the versions in tool_versions())


def test_bom(tmp_path: Path) -> None:
    """A UTF-8 BOM: only icalendar reads the feed; every other view rejects all of it."""
    data = feed("bom.ics")
    assert data.startswith(b"\xef\xbb\xbf")
    assert sorted_events(parse_with_icalendar(data)) == sorted_events(BASIC)
    with pytest.raises(FeedCheckError, match=r"ical rejected the feed: .*Invalid property name"):
        parse_with_ical(data)
    with pytest.raises(FeedCheckError, match=r"ical\.js rejected the feed"):
        parse_with_icaljs(data)
    with pytest.raises(
        FeedCheckError, match=r"(?s)vdirsyncer sync failed.*Parsing error at line 1"
    ):
        subscribe_with_vdirsyncer_khal(data, tmp_path)
    assert not list((tmp_path / "vdir").iterdir())  # the subscriber got nothing


def test_calendar_level_uid(tmp_path: Path) -> None:
    """A VCALENDAR-level UID: the parsers ignore it; vdirsyncer collapses every event into one."""
    data = feed("calendar_uid.ics")
    for parse in (parse_with_icalendar, parse_with_ical, parse_with_icaljs):
        assert sorted_events(parse(data)) == sorted_events(BASIC), parse.__name__
    # vdirsyncer keys each item by the first UID line in it, which is now the calendar's, so
    # all three items get the same key and the last one wins: one file, one event.
    seen = subscribe_with_vdirsyncer_khal(data, tmp_path)
    assert seen == [BASIC[2]]
    files = list((tmp_path / "vdir").glob("*.ics"))
    assert [path.name for path in files] == ["6f1c1e2a-0b9e-4c55-9f5a-3c1d2e4f5a6b.ics"]


def test_missing_value_date(tmp_path: Path) -> None:
    """DTSTART:20250203 without VALUE=DATE: ical.js loses that event; the others read a date."""
    data = feed("missing_value_date.ics")
    control = SeenEvent(
        "control@thidua.example", "Sự kiện đối chứng", D(2025, 3, 3), D(2025, 3, 4), None
    )
    lost = SeenEvent(
        "missing-value-date@thidua.example", "Thiếu VALUE=DATE", D(2025, 2, 3), D(2025, 2, 4), None
    )
    for parse in (parse_with_icalendar, parse_with_ical):
        assert sorted_events(parse(data)) == [lost, control], parse.__name__
    assert sorted_events(subscribe_with_vdirsyncer_khal(data, tmp_path)) == [lost, control]
    with pytest.warns(
        FeedCheckWarning, match=r"ical\.js lost event missing-value-date@.*date-time"
    ):
        assert parse_with_icaljs(data) == [control]


def test_raw_newline(tmp_path: Path) -> None:
    """An unescaped line break in DESCRIPTION: ical and ical.js (so Thunderbird) reject the whole
    feed; icalendar and vdirsyncer+khal keep the event with the description cut at the break."""
    data = feed("raw_newline.ics")
    control = SeenEvent(
        "control@thidua.example", "Sự kiện đối chứng", D(2025, 3, 3), D(2025, 3, 4), None
    )
    cut = SeenEvent(
        "raw-newline@thidua.example", "Có xuống dòng thô", D(2025, 2, 3), D(2025, 2, 4), "Dòng một"
    )
    with pytest.warns(FeedCheckWarning, match=r"icalendar: VEVENT raw-newline@.*Dòng hai"):
        assert sorted_events(parse_with_icalendar(data)) == [cut, control]
    assert sorted_events(subscribe_with_vdirsyncer_khal(data, tmp_path)) == [cut, control]
    with pytest.raises(FeedCheckError, match=r"ical rejected the feed: .*Dòng hai"):
        parse_with_ical(data)
    with pytest.raises(
        FeedCheckError, match=r"ical\.js rejected the feed: invalid line .*Dòng hai"
    ):
        parse_with_icaljs(data)


def test_rdate_list(tmp_path: Path) -> None:
    """DTSTART plus an RDATE list: ical and ical.js lose the DTSTART occurrence.

    ical.js's Event.iterator() starts at the first RDATE when there is no RRULE (see
    kewisch/ical.js pull request 534; Thunderbird is said to iterate RDATEs itself).
    """
    data = feed("rdate.ics")
    starts = [D(2025, 1, 29), D(2026, 2, 17), D(2027, 2, 6), D(2028, 1, 26)]
    meant = [
        SeenEvent(
            "tet-rdate@thidua.example",
            "Tết Nguyên Đán (RDATE)",
            day,
            day + datetime.timedelta(days=1),
            None,
        )
        for day in starts
    ]
    assert sorted_events(parse_with_icalendar(data)) == meant  # RFC 5545 (dateutil)
    assert sorted_events(subscribe_with_vdirsyncer_khal(data, tmp_path)) == meant
    assert sorted_events(parse_with_ical(data)) == meant[1:]
    assert sorted_events(parse_with_icaljs(data)) == meant[1:]


def test_fold_inside_a_utf8_sequence(tmp_path: Path) -> None:
    """A fold that splits a character's bytes: icalendar silently shows U+FFFD; the others
    reject the whole feed as invalid UTF-8."""
    data = feed("fold_inside_utf8.ics")
    (seen,) = parse_with_icalendar(data)
    assert "\N{REPLACEMENT CHARACTER}" in seen.summary
    assert seen.summary.startswith("Kỷ niệm ngày Giải phóng hoàn toàn miền Nam th")
    with pytest.raises(FeedCheckError, match=r"ical: the feed is not UTF-8"):
        parse_with_ical(data)
    with pytest.raises(FeedCheckError, match=r"ical\.js: not valid UTF-8"):
        parse_with_icaljs(data)
    with pytest.raises(FeedCheckError, match=r"(?s)vdirsyncer sync failed.*can't decode byte"):
        subscribe_with_vdirsyncer_khal(data, tmp_path)


def test_missing_or_empty_dtend(tmp_path: Path) -> None:
    """No DTEND: every view shows one day. DTEND equal to DTSTART (invalid): the parsers show
    an empty span, khal a one-day event."""
    data = feed("no_dtend.ics")
    no_dtend = SeenEvent(
        "no-dtend@thidua.example", "Không có DTEND", D(2025, 2, 3), D(2025, 2, 4), None
    )
    same = SeenEvent(
        "dtend-equals-dtstart@thidua.example",
        "DTEND bằng DTSTART",
        D(2025, 3, 3),
        D(2025, 3, 3),
        None,
    )
    for parse in (parse_with_icalendar, parse_with_ical, parse_with_icaljs):
        assert sorted_events(parse(data)) == [no_dtend, same], parse.__name__
    khal_same = SeenEvent(same.uid, same.summary, same.start, D(2025, 3, 4), None)
    assert sorted_events(subscribe_with_vdirsyncer_khal(data, tmp_path)) == [no_dtend, khal_same]


# --------------------------------------------------------------------------------------------
# Headless Thunderbird: one run subscribes to every fixture (see subscribe_with_thunderbird)

MATRIX = {
    "basic.ics": BASIC,
    "tricky_text.ics": TRICKY,
    "many.ics": many_expected(),
    "rrule.ics": rrule_expected(),
}
QUIRKS = (
    "bom.ics",
    "calendar_uid.ics",
    "fold_inside_utf8.ics",
    "missing_value_date.ics",
    "no_dtend.ics",
    "raw_newline.ics",
    "rdate.ics",
)


@pytest.fixture(scope="module")
def thunderbird() -> dict[str, feedcheck.ThunderbirdCalendar]:
    """What one headless Thunderbird shows for each fixture feed, by file name."""
    names = [*MATRIX, *QUIRKS]
    seen = feedcheck.subscribe_with_thunderbird({name: [feed(name)] for name in names})
    return {name: calendars[0] for name, calendars in seen.items()}


@pytest.mark.parametrize("name", list(MATRIX))
def test_thunderbird_shows_what_every_other_view_shows(
    name: str, thunderbird: dict[str, feedcheck.ThunderbirdCalendar]
) -> None:
    seen = thunderbird[name]
    assert sorted_events(seen.events) == sorted_events(MATRIX[name])
    assert len(seen.events) == len(MATRIX[name])  # no duplicates either
    for parse in feedcheck.PARSERS.values():
        assert sorted_events(parse(feed(name))) == sorted_events(seen.events), parse.__name__
    # Thunderbird names a subscription after the file in its URL, not after X-WR-CALNAME.
    assert seen.name == name.removesuffix(".ics")
    assert seen.errors == []


def test_thunderbird_subscribed_over_http_on_loopback() -> None:
    data = feed("basic.ics")
    requests: list[tuple[str, str, dict[str, str]]] = []
    original = feedcheck.serve_feeds

    @contextlib.contextmanager
    def recording(files: dict[str, bytes]) -> Iterator[feedcheck.FeedServer]:
        with original(files) as server:
            yield server
            requests.extend(server.requests)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(feedcheck, "serve_feeds", recording)
        seen = feedcheck.thunderbird_view(data)
    assert sorted_events(seen.events) == sorted_events(BASIC)
    # The dialog's detection (HEAD), then the calendar's own download (GET), from Thunderbird.
    assert [(method, path) for method, path, _ in requests] == [
        ("HEAD", "/feed.ics"),
        ("GET", "/feed.ics"),
    ]
    assert all("Thunderbird/" in headers["User-Agent"] for _, _, headers in requests)
    assert all(headers["Host"].startswith("127.0.0.1:") for _, _, headers in requests)


def test_thunderbird_quirks(thunderbird: dict[str, feedcheck.ThunderbirdCalendar]) -> None:
    """What Thunderbird does with the broken fixtures (see the tests above for the others)."""
    control = SeenEvent(
        "control@thidua.example", "Sự kiện đối chứng", D(2025, 3, 3), D(2025, 3, 4), None
    )
    # A BOM and a calendar-level UID: Thunderbird reads every event (vdirsyncer does not).
    assert sorted_events(thunderbird["bom.ics"].events) == sorted_events(BASIC)
    assert sorted_events(thunderbird["calendar_uid.ics"].events) == sorted_events(BASIC)
    # DTSTART:20250203 without VALUE=DATE: read as a date (standalone ical.js loses it).
    assert sorted_events(thunderbird["missing_value_date.ics"].events) == [
        SeenEvent(
            "missing-value-date@thidua.example",
            "Thiếu VALUE=DATE",
            D(2025, 2, 3),
            D(2025, 2, 4),
            None,
        ),
        control,
    ]
    # No DTEND: one day; DTEND equal to DTSTART: an empty span, as the parsers show it.
    assert sorted_events(thunderbird["no_dtend.ics"].events) == [
        SeenEvent("no-dtend@thidua.example", "Không có DTEND", D(2025, 2, 3), D(2025, 2, 4), None),
        SeenEvent(
            "dtend-equals-dtstart@thidua.example",
            "DTEND bằng DTSTART",
            D(2025, 3, 3),
            D(2025, 3, 3),
            None,
        ),
    ]
    # DTSTART plus RDATEs: Thunderbird keeps the DTSTART occurrence (ical.js's iterator loses it).
    assert sorted_events(thunderbird["rdate.ics"].events) == sorted_events(
        parse_with_icalendar(feed("rdate.ics"))
    )
    assert len(thunderbird["rdate.ics"].events) == 4
    # A fold inside a UTF-8 sequence: shown with U+FFFD, silently (as icalendar does).
    (split,) = thunderbird["fold_inside_utf8.ics"].events
    assert "\N{REPLACEMENT CHARACTER}" in split.summary
    assert split.summary.startswith("Kỷ niệm ngày Giải phóng hoàn toàn miền Nam th")
    # An unescaped line break: the whole feed is lost, and Thunderbird reports nothing.
    assert thunderbird["raw_newline.ics"].events == []
    for name in QUIRKS:
        assert thunderbird[name].errors == [], name


def test_thunderbird_is_installed() -> None:
    assert re.fullmatch(r"\d+\.\d+(\.\d+)*(esr)?", feedcheck.thunderbird_version())


def test_a_missing_thunderbird_fails_in_ci_and_is_skipped_with_the_reason_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("THIDUA_THUNDERBIRD", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"Thunderbird is not installed.*make test"):
        feedcheck.require_thunderbird()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install thunderbird.*in CI"):
        feedcheck.require_thunderbird()
    monkeypatch.setenv("THIDUA_THUNDERBIRD", "/nonexistent/thunderbird")
    with pytest.raises(pytest.skip.Exception, match=r"THIDUA_THUNDERBIRD=/nonexistent/"):
        feedcheck.require_thunderbird()


def test_served_feeds_can_be_replaced_while_served() -> None:
    files = {"/a.ics": b"one"}
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with feedcheck.serve_feeds(files) as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
        with opener.open(server.url + "/a.ics", timeout=10) as response:
            assert response.read() == b"one"
            etag = response.headers["ETag"]
        files["/a.ics"] = b"two"
        request = urllib.request.Request(server.url + "/a.ics", headers={"If-None-Match": etag})
        with opener.open(request, timeout=10) as response:  # a new ETag: 200, not 304
            assert response.read() == b"two"
            assert response.headers["ETag"] != etag
        with pytest.raises(urllib.error.HTTPError) as missing:
            opener.open(server.url + "/b.ics", timeout=10)
        assert missing.value.code == 404
        missing.value.close()
