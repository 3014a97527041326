"""Our feeds, read back by independent parsers and a real subscription client.

icalendar, the strict `ical` package, Mozilla ical.js (Thunderbird's parser, run by node)
and vdirsyncer's http storage subscribing to the feed on 127.0.0.1, read back with khal
(tests/feedcheck.py). Every view must show exactly the events of the schedule: count, dates
with the exclusive end, summaries and descriptions. `make test` installs every tool; a
missing one fails the test with what to install.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thidua_calendar as tc
from feedcheck import SeenEvent, assert_all_views_show
from thidua_calendar._data import example_plans

PLANS = example_plans()  # the shipped example plans, by file name


def meant(schedule: tc.Schedule, lang: tc.commemorations.Lang = "vi") -> list[SeenEvent]:
    return [
        SeenEvent(
            tc.event_uid(e.uid),
            e.title(lang),
            e.start,
            e.end + dt.timedelta(days=1),
            e.description(lang),
        )
        for e in schedule
    ]


def test_major_days_feed_in_every_client(tmp_path: Path) -> None:
    s = tc.schedule((2025, 2027), major_days=True)
    views = assert_all_views_show(tc.to_ical(s, name="Ngày lễ lớn"), tmp_path, meant(s))
    assert set(views) == {"icalendar", "ical", "ical.js", "vdirsyncer+khal"}


def test_plan_feed_with_reminders_in_every_client(tmp_path: Path) -> None:
    s = tc.schedule(2026, PLANS["sample-2026.toml"])
    data = tc.to_ical(s, name="Thi đua 2026", reminders=tc.Reminders(), color="red")
    assert_all_views_show(data, tmp_path, meant(s))


def test_english_seed_plan_feed_in_every_client(tmp_path: Path) -> None:
    s = tc.schedule(2020, PLANS["2020-cdvc-viet-nam.toml"])
    assert_all_views_show(tc.to_ical(s, name="Emulation 2020", lang="en"), tmp_path, meant(s, "en"))


texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() == t and t != "")
tricky = st.one_of(
    texts,
    st.sampled_from(
        [
            "Mừng Đảng, mừng Xuân; \\ “Bính Ngọ” 🎉",
            "a,b;c\\d",
            "Tết\\nnhuận",
            "Ông Táo 🐉 ,;",
        ]
    ),
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=tricky, theme=tricky)
def test_user_text_survives_every_client(tmp_path: Path, title: str, theme: str) -> None:
    plan = tc.make_plan(
        title, 2026, [tc.Phase("Đợt 1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), theme)]
    )
    s = tc.schedule(2026, plan, kinds=["phase"])
    views = assert_all_views_show(tc.to_ical(s, name="Kế hoạch"), tmp_path, meant(s))
    for seen in views.values():
        assert seen[0].summary == f"Đợt 1: “{theme}”"
