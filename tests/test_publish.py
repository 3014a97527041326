"""``publish``: base URLs, each plan's span, and which feed has which event (no browser).

The page in a browser (axe-core, 375 px) and the feeds read by ical.js together are in
``test_publish_page.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._data import example_plans
from thidua_calendar._publish import publish, site_url
from thidua_calendar.ical import FeedError, event_uid

PLANS = example_plans()
SAMPLE = Path(str(PLANS["sample-2026.toml"]))
PLAN_2020 = Path(str(PLANS["2020-cdvc-viet-nam.toml"]))


def _uids(path: Path) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def _page(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


# --- base URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://example.org/lich", "https://example.org/lich/"),
        ("https://example.org", "https://example.org/"),
        # Non-ASCII paths are percent-encoded (UTF-8); what is already encoded stays.
        (
            "https://example.org/lịch công đoàn/",
            "https://example.org/l%E1%BB%8Bch%20c%C3%B4ng%20%C4%91o%C3%A0n/",
        ),
        ("https://example.org/l%E1%BB%8Bch/", "https://example.org/l%E1%BB%8Bch/"),
        ("https://example.org/100%/", "https://example.org/100%25/"),
        # The scheme is kept as given: an http site stays http.
        ("http://example.org/lich/", "http://example.org/lich/"),
        ("HTTP://Example.ORG:8080/Lich/", "http://example.org:8080/Lich/"),
        # A non-ASCII host name in its IDNA form (the form Node's WHATWG URL gives too); an
        # IPv6 address keeps its brackets.
        ("https://côngđoàn.vn/lich/", "https://xn--cngon-uqa0lsj.vn/lich/"),
        ("http://[::1]:8000/", "http://[::1]:8000/"),
    ],
)
def test_site_url_normalises(given: str, expected: str) -> None:
    assert site_url(given) == expected


@pytest.mark.parametrize(
    ("given", "english"),
    [
        ("ftp://example.org/", "--base-url must be an http(s) URL, not 'ftp://example.org/'"),
        ("example.org/lich", "--base-url must be an http(s) URL"),
        ("https:///lich/", "has no valid host name"),
        ("https://example.org:99999/", "has an invalid port"),
        ("https://example.org/lich/?v=2", "has a query (?…) that feed file names cannot follow"),
        ("https://example.org/lich/?", "has a query"),
        ("https://example.org/lich/#top", "has a fragment (#…), never sent to the server"),
        ("https://user:secret@example.org/lich/", "must not contain a user name or password"),
        ("https://token@example.org/lich/", "must not contain a user name or password"),
    ],
)
def test_site_url_refuses(given: str, english: str) -> None:
    with pytest.raises(FeedError) as raised:
        site_url(given)
    vi, en = str(raised.value).split(" / ")
    assert english in en
    assert vi.startswith("--base-url ")  # Vietnamese first, then English
    assert vi != en
    assert "secret" not in str(raised.value)
    assert "token" not in str(raised.value)


@pytest.mark.usefixtures("english")
def test_cli_refuses_credentials_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, _, err = cli("publish", str(site), "--base-url", "https://an:mat-khau@example.org/")
    assert code == 2
    assert err == (
        "thidua-calendar: error: --base-url không được chứa tên đăng nhập hay mật khẩu: trang "
        "công khai sẽ lộ chúng; hãy cho máy chủ web tự kiểm tra quyền truy cập / --base-url "
        "must not contain a user name or password: the public page would show them; let the "
        "web server check access instead\n"
    )
    assert not site.exists()


def test_an_http_site_is_never_labelled_https(tmp_path: Path) -> None:
    publish(tmp_path, first_year=2025, last_year=2025, base_url="http://example.org/lich/")
    page = _page(tmp_path)
    assert 'readonly value="http://example.org/lich/ngay-le-lon.ics"' in page
    assert 'href="webcal://example.org/lich/ngay-le-lon.ics"' in page
    assert "cid=http%3A%2F%2Fexample.org%2Flich%2Fngay-le-lon.ics" in page
    assert "https://example.org" not in page
    assert not re.search(r">\s*https?\s*<", page)  # no link whose text is a bare scheme


def test_without_base_url_the_page_has_relative_links_and_no_hint(tmp_path: Path) -> None:
    publish(tmp_path, first_year=2025, last_year=2025)
    page = _page(tmp_path)
    static = page.split("<script>")[0]
    assert "--base-url" not in page
    assert "base-url" not in page
    assert "webcal://" not in static
    assert "calendar.google.com" not in static
    assert '<a href="ngay-le-lon.ics" download>Tải về Ngày lễ lớn (.ics)</a>' in page
    assert 'readonly value="ngay-le-lon.ics" data-file="ngay-le-lon.ics"' in page


def test_every_link_names_its_feed(tmp_path: Path) -> None:
    plan = tc.load_plan(SAMPLE)
    publish(tmp_path, plans=[plan], first_year=2025, last_year=2027, base_url="https://x.vn/")
    texts = re.findall(r"<a [^>]*>(.*?)</a>", _page(tmp_path))
    assert len(texts) == 5 * 3
    assert len(set(texts)) == len(texts)  # no two links with the same text
    feeds = ("Ngày lễ lớn", "Ngày nghỉ lễ, Tết", "Ngày truyền thống Công đoàn", "Ngày kỷ niệm")
    for name in (*feeds, plan.title):
        assert sum(name in t for t in texts) >= 3


def test_english_page_marks_vietnamese_names(tmp_path: Path) -> None:
    plan = tc.load_plan(SAMPLE)
    publish(tmp_path, plans=[plan], first_year=2026, last_year=2026, lang="en")
    page = _page(tmp_path)
    assert '<html lang="en">' in page
    assert f'<h3 id="feed-5-name"><span lang="vi">{plan.title}</span></h3>' in page
    assert f'<p><span lang="vi">{plan.organisation}</span></p>' in page
    assert f'Download <span lang="vi">{plan.title}</span> (.ics)' in page
    assert "<main>" in page
    assert "Major national days" in page
    assert '<span lang="vi">Major' not in page  # the shared feeds' English names are not marked


# --- spans and what each feed has ----------------------------------------------------------


def test_each_plans_feed_spans_its_own_period(tmp_path: Path) -> None:
    plan = tc.load_plan(PLAN_2020)
    publish(tmp_path, plans=[plan], first_year=2025, last_year=2027)
    feed = tmp_path / f"{plan.identity}.ics"
    summary = tc.ical.feed_summary(feed.read_bytes())
    own = tc.schedule((plan.start, plan.end), plan)
    phases = [e for e in own if e.kind == "phase"]
    assert len(phases) == len(plan.phases) > 0
    # Every phase of the 2020 plan is in its feed, although the site's years are 2025–2027.
    assert {event_uid(e.uid) for e in phases} <= _uids(feed)
    assert summary.first is not None
    assert summary.last is not None
    assert (summary.first.year, summary.last.year) == (2020, 2020)
    assert "01/01/2020 – 31/12/2020" in _page(tmp_path)
    # A day the plan follows that no shared feed has (they are 2025–2027) stays in its feed.
    tet_2020 = next(e for e in own if e.key == "tet_nguyen_dan")
    assert event_uid(tet_2020.uid) in _uids(feed)


def test_a_plans_feed_has_nothing_a_shared_feed_has(tmp_path: Path) -> None:
    plan = tc.load_plan(SAMPLE)
    publish(tmp_path, plans=[plan], first_year=2025, last_year=2027)
    mine = _uids(tmp_path / f"{plan.identity}.ics")
    for shared in ("ngay-le-lon.ics", "ngay-nghi.ics", "cong-doan.ics", "tat-ca.ics"):
        assert mine.isdisjoint(_uids(tmp_path / shared)), shared
    whole = tc.schedule(tc._schedule.plan_span(plan), plan)
    own = {event_uid(e.uid) for e in whole if e.kind in ("phase", "deadline")}
    assert own <= mine  # its phases and deadlines are all there
    # Tết 2026 is in the ngày lễ lớn feed, not in the plan's.
    tet = next(e for e in whole if e.key == "tet_nguyen_dan" and e.start.year == 2026)
    assert event_uid(tet.uid) in _uids(tmp_path / "ngay-le-lon.ics")
    assert event_uid(tet.uid) not in mine


def test_two_plans_sharing_days_are_explained_on_the_page(tmp_path: Path) -> None:
    text = PLAN_2020.read_text(encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text(re.sub(r'(?m)^id = ".*"$', 'id = "ban-sao-2020"', text), encoding="utf-8")
    first, second = tc.load_plan(PLAN_2020), tc.load_plan(other)
    assert first.identity != second.identity
    site = tmp_path / "site"
    publish(site, plans=[first, second], first_year=2025, last_year=2025)
    common = _uids(site / f"{first.identity}.ics") & _uids(site / "ban-sao-2020.ics")
    assert common  # the days both follow in 2020, in no shared feed
    assert f"Có chung {len(common)} sự kiện với lịch “{first.title}”" in _page(site)
    # The shared feeds are a subset of the all-in-one feed: said once for each.
    assert _page(site).count("Đã gồm mọi sự kiện của lịch") == 2


def test_days_off_are_in_their_own_feed_only(tmp_path: Path) -> None:
    plans = [tc.load_plan(SAMPLE), tc.load_plan(PLAN_2020)]
    publish(tmp_path, plans=plans, first_year=2025, last_year=2026)
    breaks = tc.schedule((2025, 2026), kinds=["day_off", "working_day"])
    kinds = {e.kind for e in breaks}
    assert kinds == {"day_off", "working_day"}  # nghỉ lễ and nghỉ bù, and a make-up Saturday
    days_off = _uids(tmp_path / "ngay-nghi.ics")
    assert days_off == {event_uid(e.uid) for e in breaks}
    for feed in tmp_path.glob("*.ics"):
        if feed.name != "ngay-nghi.ics":
            assert days_off.isdisjoint(_uids(feed)), feed.name
    # A plan's feed has no day off, even outside the site's years (the 2020 plan's breaks).
    in_2020 = tc.schedule(2020, kinds=["day_off"])
    assert in_2020.entries
    assert {event_uid(e.uid) for e in in_2020}.isdisjoint(
        _uids(tmp_path / f"{plans[1].identity}.ics")
    )
    page = _page(tmp_path)
    assert "Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm việc bù" in page
    assert "Đã gồm mọi sự kiện của lịch “Ngày nghỉ lễ, Tết”" not in page


def test_days_off_are_marked_as_apple_marks_them_and_nothing_else_is(tmp_path: Path) -> None:
    plans = [tc.load_plan(SAMPLE), tc.load_plan(PLAN_2020)]
    publish(tmp_path, plans=plans, first_year=2025, last_year=2026)
    kinds = {
        event_uid(e.uid): str(e.kind)
        for e in tc.schedule((2025, 2026), kinds=["day_off", "working_day"])
    }
    marks = {"day_off": "WORK-HOLIDAY", "working_day": "ALTERNATE-WORKDAY"}
    days_off = list(Calendar.from_ical((tmp_path / "ngay-nghi.ics").read_bytes()).walk("VEVENT"))
    assert {str(e["UID"]) for e in days_off} == kinds.keys()
    assert set(kinds.values()) == set(marks)  # both kinds are there
    for event in days_off:
        assert str(event["X-APPLE-SPECIAL-DAY"]) == marks[kinds[str(event["UID"])]]
    for feed in tmp_path.glob("*.ics"):
        if feed.name != "ngay-nghi.ics":
            assert b"X-APPLE-SPECIAL-DAY" not in feed.read_bytes(), feed.name


# --- revisions: the histories beside the feeds ---------------------------------------------


def _edited_sample(folder: Path, revision: str | None) -> Path:
    """The sample plan with Đợt 1's theme edited, its revision bumped to ``revision``."""
    text = SAMPLE.read_text(encoding="utf-8")
    edited = text.replace('theme = "Mừng Đảng quang vinh', 'theme = "Mừng Đảng quang vinh (sửa)')
    assert edited != text
    if revision is not None:
        edited = edited.replace('revision = "2026-11-23"', f'revision = "{revision}"')
        assert f'revision = "{revision}"' in edited
    path = folder / "ke-hoach.toml"
    path.write_text(edited, encoding="utf-8")
    return path


def _files(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(site.iterdir())}


def test_a_clean_rebuild_of_the_site_equals_the_incremental_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(site, plans=[tc.load_plan(SAMPLE)], first_year=2025, last_year=2026)
    first = _files(site)
    histories = {name: data for name, data in first.items() if name.endswith(".history.toml")}
    feeds = sorted(name for name in first if name.endswith(".ics"))
    assert sorted(histories) == [f.removesuffix(".ics") + ".history.toml" for f in feeds]
    assert len(feeds) == 5
    edited = tc.load_plan(_edited_sample(tmp_path, "2027-01-05"))
    # Incremental: into the old site. Clean: a fresh directory with the committed histories.
    written = publish(site, plans=[edited], first_year=2025, last_year=2026)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name, data in histories.items():
        (fresh / name).write_bytes(data)
    publish(fresh, plans=[edited], first_year=2025, last_year=2026)
    assert _files(fresh) == _files(site)  # every feed, history and the index, byte for byte
    # Only the plan's feed and its history changed; the edited phase was revised.
    assert sorted(p.name for p in written) == ["sample-2026.history.toml", "sample-2026.ics"]
    phase = tc.event_uid("phase:sample-2026:1")
    after = {
        str(e["UID"]): e for e in Calendar.from_ical(_files(site)["sample-2026.ics"]).walk("VEVENT")
    }
    assert int(after[phase]["SEQUENCE"]) == 1
    assert after[phase]["LAST-MODIFIED"].dt.date().isoformat() == "2027-01-05"
    # Without the histories a clean rebuild could not know: the edit would start over at 0.
    bare = tmp_path / "bare"
    publish(bare, plans=[edited], first_year=2025, last_year=2026)
    assert b"SEQUENCE:1" not in (bare / "sample-2026.ics").read_bytes()
    assert (bare / "sample-2026.ics").read_bytes() != _files(site)["sample-2026.ics"]


def test_an_unrevised_edit_is_reported_once_per_feed(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    argv = ["publish", str(site), "--from", "2025", "--to", "2026", "--plan"]
    code, _, err = cli(*argv, str(SAMPLE))
    assert code == 0, err
    stale = _edited_sample(tmp_path, None)  # theme edited, [plan] revision not bumped
    code, _, err = cli(*argv, str(stale))
    assert code == 0, err
    warned = [line for line in err.splitlines() if ": cảnh báo: " in line]
    assert warned == [
        "thidua-calendar: cảnh báo: sample-2026.ics: lịch “Kế hoạch phát động phong trào thi "
        "đua năm 2026”: 1 sự kiện đã sửa mà ngày phiên bản (revision) của dữ liệu không tăng: "
        "“Đợt 1: “Mừng Đảng quang vinh (sửa) - Mừng Xuân Bính Ngọ”” — hãy tăng revision trong "
        "[meta] hoặc [plan] / the feed “Kế hoạch phát động phong trào thi đua năm 2026”: 1 "
        "events changed while the data's revision did not: “Đợt 1: “Mừng Đảng quang vinh (sửa) "
        "- Mừng Xuân Bính Ngọ”” — bump the revision in [meta] or [plan]"
    ]
    assert "Warning" not in err  # never a raw Python warning
    assert err.index("cảnh báo") < err.index("đã ghi")
    # In Python, a warning per feed, naming its file.
    other = tmp_path / "other"
    publish(other, plans=[tc.load_plan(SAMPLE)], first_year=2026, last_year=2026)
    with pytest.warns(tc.UnrevisedEditWarning, match=r"^sample-2026\.ics: lịch “") as caught:
        publish(other, plans=[tc.load_plan(stale)], first_year=2026, last_year=2026)
    assert len(caught) == 1


def test_publish_refuses_a_large_feed_unless_allowed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import thidua_calendar.ical as ical

    monkeypatch.setattr(ical, "SIZE_LIMIT", 10_000)
    site = tmp_path / "site"
    argv = ["publish", str(site), "--from", "2025", "--to", "2026"]
    code, _, err = cli(*argv)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("thidua-calendar: lỗi: ngay-le-lon.ics: lịch “Ngày lễ lớn” nặng ")
    assert "--allow-large" in err
    assert not site.exists()
    code, _, err = cli(*argv, "--allow-large")
    assert code == 0, err
    warned = [line for line in err.splitlines() if ": cảnh báo: " in line]
    large = sorted(p.name for p in site.glob("*.ics") if p.stat().st_size > 10_000)
    assert large
    assert [line.split(": ")[2] for line in warned] == [
        name
        for name in ("ngay-le-lon.ics", "ngay-nghi.ics", "cong-doan.ics", "tat-ca.ics")
        if name in large
    ]
    assert all("Google Calendar may drop its events" in line for line in warned)
    assert "FeedSizeWarning" not in err
