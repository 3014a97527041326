"""The published site in a real browser and in Thunderbird's parser.

- ``index.html`` passes axe-core (tests/js/package.json, installed by ``make test``) with no
  violation, in both languages, with and without ``--base-url``, run in the headless Chromium
  of the poster tests (:mod:`test_poster_render`);
- it fits a 375 px phone screen: the page does not scroll sideways (``scrollWidth``);
- served on 127.0.0.1 without ``--base-url``, its script fills in the absolute addresses and
  the subscribe links from where it is served;
- the feeds a user may subscribe to together share no event: Mozilla ical.js reads every feed
  of the site, and an event (UID) in two feeds is one the page says both have.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import thidua_calendar as tc
from feedcheck import JS_DIR, parse_with_icaljs
from test_poster_render import run_chromium
from thidua_calendar._data import example_plans
from thidua_calendar._publish import publish

PLANS = example_plans()
AXE = JS_DIR / "node_modules" / "axe-core" / "axe.min.js"

# Runs axe-core on the page, then writes its report where --dump-dom shows it.
AXE_RUNNER = """
<script>
axe.run(document, {resultTypes: ["violations"]}).then(function (result) {
  var pre = document.createElement("pre");
  pre.id = "axe-report";
  pre.hidden = true;
  pre.textContent = JSON.stringify({
    violations: result.violations.map(function (v) {
      return [v.id, v.impact, v.nodes.map(function (n) { return n.html.slice(0, 120); })];
    }),
    passes: result.passes.length
  });
  document.body.appendChild(pre);
});
</script>
"""

# Headless Chromium's window is at least 500 px wide: the page is measured in a 375 px frame,
# whose viewport is a phone's.
MEASURE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>375 px</title></head>
<body style="margin: 0">
<iframe id="phone" src="index.html" width="375" height="800" style="border: 0"></iframe>
<script>
document.getElementById("phone").addEventListener("load", function () {
  var frame = this.contentWindow, root = frame.document.documentElement;
  var wide = Array.prototype.filter.call(frame.document.querySelectorAll("body *"), function (el) {
    // Text for screen readers only (class sr) is clipped to 1 px: not drawn.
    return !el.closest(".sr") && el.getBoundingClientRect().right > frame.innerWidth + 0.5;
  }).map(function (el) { return el.tagName + " " + el.textContent.slice(0, 40); });
  var pre = document.createElement("pre");
  pre.id = "measure";
  pre.hidden = true;
  pre.textContent = JSON.stringify({scroll: root.scrollWidth, width: frame.innerWidth, wide: wide});
  document.body.appendChild(pre);
});
</script>
</body></html>
"""


def _site(tmp_path: Path, lang: str, base_url: str | None) -> Path:
    site = tmp_path / f"site-{lang}-{'base' if base_url else 'relative'}"
    plans = [
        tc.load_plan(PLANS["sample-2026.toml"]),
        tc.load_plan(PLANS["2020-cdvc-viet-nam.toml"]),
    ]
    publish(site, plans=plans, first_year=2025, last_year=2027, base_url=base_url, lang=lang)
    return site


def _report(dom: str, element: str) -> dict[str, object]:
    found = re.search(rf'<pre id="{element}"[^>]*>(.*?)</pre>', dom, re.S)
    assert found, f"the check script did not run:\n{dom[-2000:]}"
    report: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return report


CASES = [
    pytest.param(lang, base, id=f"{lang}-{'base' if base else 'relative'}")
    for lang in ("vi", "en")
    for base in ("https://example.org/lịch/", None)
]


@pytest.mark.parametrize(("lang", "base_url"), CASES)
def test_index_has_no_axe_violations(tmp_path: Path, lang: str, base_url: str | None) -> None:
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed in {AXE.parent}: `make test` installs it")
    site = _site(tmp_path, lang, base_url)
    page = (site / "index.html").read_text(encoding="utf-8")
    checked = page.replace("</body>", f'<script src="{AXE.as_uri()}"></script>{AXE_RUNNER}</body>')
    (site / "axe.html").write_text(checked, encoding="utf-8")
    dom = run_chromium(
        tmp_path,
        "--allow-file-access-from-files",
        "--virtual-time-budget=20000",
        "--dump-dom",
        (site / "axe.html").as_uri(),
    )
    report = _report(dom, "axe-report")
    assert report["violations"] == []
    passes = report["passes"]
    assert isinstance(passes, int)
    assert passes > 10  # axe really ran


@pytest.mark.parametrize(("lang", "base_url"), CASES)
def test_index_fits_a_375_px_screen(tmp_path: Path, lang: str, base_url: str | None) -> None:
    site = _site(tmp_path, lang, base_url)
    (site / "measure.html").write_text(MEASURE, "utf-8")
    dom = run_chromium(
        tmp_path,
        "--allow-file-access-from-files",
        "--virtual-time-budget=5000",
        "--dump-dom",
        (site / "measure.html").as_uri(),
    )
    report = _report(dom, "measure")
    assert report["width"] == 375  # the window really is a phone's width
    assert report["wide"] == []
    assert report["scroll"] == 375, "the page scrolls sideways"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_page_without_base_url_fills_in_its_addresses_where_it_is_served(tmp_path: Path) -> None:
    site = _site(tmp_path, "vi", None)
    page = (site / "index.html").read_text(encoding="utf-8")
    # Without a script the page still shows each feed's file and a download link.
    assert 'value="ngay-le-lon.ics"' in page
    assert '<a href="ngay-le-lon.ics" download>Tải về Ngày lễ lớn (.ics)</a>' in page
    assert "webcal://" not in page.split("<script>")[0]
    with _serve(site) as root:
        dom = run_chromium(
            tmp_path, "--virtual-time-budget=5000", "--dump-dom", root + "index.html"
        )
    feed = root + "ngay-le-lon.ics"
    assert f'id="feed-1-webcal" href="webcal://{feed.split("://")[1]}"' in dom
    google = "https://calendar.google.com/calendar/render?cid=" + feed.replace(":", "%3A").replace(
        "/", "%2F"
    )
    assert f'id="feed-1-google" href="{html.escape(google)}"' in dom
    # The copy buttons appear (hidden without a script).
    assert re.search(r'<button type="button" data-copy="feed-1">', dom)


# --- feeds subscribed to together ----------------------------------------------------------


def test_feeds_subscribed_together_show_no_event_twice(tmp_path: Path) -> None:
    site = _site(tmp_path, "vi", "https://example.org/lich/")
    page = (site / "index.html").read_text(encoding="utf-8")
    seen = {p.name: parse_with_icaljs(p.read_bytes()) for p in sorted(site.glob("*.ics"))}
    uids = {name: {e.uid for e in events} for name, events in seen.items()}
    assert all(len(uids[n]) == len(seen[n]) for n in seen)  # a UID once per feed
    names = {path.name: _calendar_name(path) for path in site.glob("*.ics")}
    together = []
    for first in sorted(seen):
        for second in sorted(seen):
            if first < second and uids[first] & uids[second]:
                together.append((first, second))
                # The page says so, in the section of the later feed, naming the earlier one.
                assert f"“{names[first]}”" in page or f"“{names[second]}”" in page
                # And the shared events are the same event: same dates, title and text.
                a = {e for e in seen[first] if e.uid in uids[second]}
                b = {e for e in seen[second] if e.uid in uids[first]}
                assert a == b
    # Only the all-commemorations feed overlaps, with the two it gathers.
    assert together == [("cong-doan.ics", "tat-ca.ics"), ("ngay-le-lon.ics", "tat-ca.ics")]
    # Tết 2025, in the ngày lễ lớn (and the all-in-one feed), is in no plan's feed (its break,
    # "Nghỉ Tết Nguyên đán …", is in the days-off feed only).
    tet = [
        n
        for n, events in seen.items()
        for e in events
        if e.summary.startswith("Tết Nguyên đán") and e.start.year == 2025
    ]
    assert sorted(tet) == ["ngay-le-lon.ics", "tat-ca.ics"]


def _calendar_name(path: Path) -> str:
    from icalendar import Calendar

    return str(Calendar.from_ical(path.read_bytes())["X-WR-CALNAME"])
