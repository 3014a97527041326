"""Every public constructor validates: a bad value fails where it is made, naming the field.

Each case gives a constructor, arguments with one bad value, the error type and a fragment of
the message (the field's name and, for vocabulary fields, the allowed values).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import thidua_calendar as tc
from thidua_calendar._diagnostics import Diagnostic
from thidua_calendar.errors import InvalidTypeError, InvalidValueError

D = dt.date(2026, 1, 1)
M = tc.milestone("thanh_lap_dang", 2025)


def commemoration(**bad: Any) -> tc.Commemoration:
    fields: dict[str, Any] = {
        "key": "ngay_x",
        "name_vi": "Ngày X",
        "name_en": "Day X",
        "anniversary_en": "Day X",
        "rule": tc.SolarDay(3, 2),
        "origin": tc.Origin(1930, 2, 3),
        "category": "party",
        "rank_by": "origin",
    }
    return tc.Commemoration(**{**fields, **bad})


def entry(**bad: Any) -> tc.Entry:
    fields: dict[str, Any] = {
        "kind": "milestone",
        "uid": "milestone:thanh_lap_dang:2025",
        "start": M.date,
        "end": M.end,
        "key": M.key,
        "milestone": M,
    }
    return tc.Entry(**{**fields, **bad})


def diagnostic(**bad: Any) -> Diagnostic:
    fields: dict[str, Any] = {"severity": "error", "code": "x", "vi": ("a", ""), "en": ("a", "")}
    return Diagnostic(**{**fields, **bad})


CASES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    # The catalogue's vocabulary: the bug of the issue (accepted, then silently vanished).
    (
        "category",
        lambda: commemoration(category="bogus"),
        InvalidValueError,
        "category must be one of national, party",
    ),
    (
        "rank_by",
        lambda: commemoration(rank_by="orign"),
        InvalidValueError,
        "rank_by must be one of origin, gregorian, none",
    ),
    (
        "confidence",
        lambda: commemoration(confidence="sure"),
        InvalidValueError,
        "confidence must be one of high, medium, low",
    ),
    (
        "rank_by needs origin",
        lambda: commemoration(origin=None),
        InvalidValueError,
        'rank_by = "origin" needs an origin',
    ),
    ("key", lambda: commemoration(key="Ngày X"), InvalidValueError, "key must be lowercase ASCII"),
    ("key type", lambda: commemoration(key=1), InvalidTypeError, "key must be str"),
    ("name", lambda: commemoration(name_vi="  "), InvalidValueError, "name_vi must not be empty"),
    (
        "rule",
        lambda: commemoration(rule=(3, 2)),
        InvalidTypeError,
        "rule must be SolarDay, LunarDay, SolarTermDay or WholeMonth",
    ),
    (
        "origin type",
        lambda: commemoration(origin="1930"),
        InvalidTypeError,
        "origin must be Origin or None",
    ),
    (
        "major_day",
        lambda: commemoration(major_day="yes"),
        InvalidTypeError,
        "major_day must be bool",
    ),
    (
        "aliases",
        lambda: commemoration(aliases=["a"]),
        InvalidTypeError,
        "aliases must be a tuple of strings",
    ),
    (
        "validity",
        lambda: commemoration(valid_from=D, valid_until=D - dt.timedelta(days=1)),
        InvalidValueError,
        "valid_until is before valid_from",
    ),
    (
        "valid_from type",
        lambda: commemoration(valid_from="2025-07-01"),
        InvalidTypeError,
        "valid_from must be date or None",
    ),
    (
        "valid_from datetime",
        lambda: commemoration(valid_from=dt.datetime(2025, 7, 1)),
        InvalidTypeError,
        "valid_from must be date or None",
    ),
    # Yearless days and origins.
    ("solar day", lambda: tc.SolarDay(2, 30), tc.InvalidDateError, "has at most 29 days"),
    ("solar month type", lambda: tc.SolarDay("2", 3), InvalidTypeError, "month must be int"),
    ("lunar day", lambda: tc.LunarDay(1, 31), tc.InvalidDateError, "lunar day must be 1–30"),
    ("whole month", lambda: tc.WholeMonth(13), tc.InvalidDateError, "month must be 1–12"),
    ("origin", lambda: tc.Origin(1930, 2, 30), tc.InvalidDateError, "impossible origin"),
    ("origin half", lambda: tc.Origin(1930, 2), tc.InvalidDateError, "both a month and a day"),
    ("origin bool", lambda: tc.Origin(True), InvalidTypeError, "year must be int, not bool"),
    # Milestones and schedules.
    (
        "milestone rank",
        lambda: tc.Milestone(M.commemoration, M.date, M.end, 95, "chan"),
        InvalidValueError,
        "rank must be one of tron, le5, khac",
    ),
    (
        "milestone ordinal",
        lambda: tc.Milestone(M.commemoration, M.date, M.end, 0, None),
        InvalidValueError,
        "ordinal is positive",
    ),
    (
        "milestone end",
        lambda: tc.Milestone(M.commemoration, M.date, M.date - dt.timedelta(days=1), 95, None),
        InvalidValueError,
        "ends",
    ),
    (
        "entry kind",
        lambda: entry(kind="holiday"),
        InvalidValueError,
        "kind must be one of milestone, festival, observance, event, phase, deadline",
    ),
    (
        "entry carries",
        lambda: entry(kind="phase"),
        InvalidValueError,
        "a phase entry carries its phase only",
    ),
    (
        "entry end",
        lambda: entry(end=M.date - dt.timedelta(days=1)),
        InvalidValueError,
        "ends before it starts",
    ),
    ("entry start", lambda: entry(start="2025-02-03"), InvalidTypeError, "start must be date"),
    (
        "schedule",
        lambda: tc.Schedule(D, D, [entry()]),
        InvalidTypeError,
        "entries must be a tuple of Entry",
    ),
    (
        "schedule end",
        lambda: tc.Schedule(D, D - dt.timedelta(days=1), ()),
        InvalidValueError,
        "before it starts",
    ),
    # Congresses and feeds.
    (
        "congress ordinal",
        lambda: tc.Congress("party", 0, 2026),
        InvalidValueError,
        "ordinal must be 1–3999",
    ),
    (
        "congress term",
        lambda: tc.Congress("party", 14, 2026, term=(2031, 2026)),
        InvalidValueError,
        "ends before it starts",
    ),
    (
        "congress confidence",
        lambda: tc.Congress("party", 14, 2026, confidence="maybe"),
        InvalidValueError,
        "confidence must be one of",
    ),
    (
        "reminders",
        lambda: tc.Reminders(round_anniversaries=-1),
        InvalidValueError,
        "round_anniversaries must be 0–366",
    ),
    (
        "reminders type",
        lambda: tc.Reminders(deadlines=1.5),
        InvalidTypeError,
        "deadlines must be int",
    ),
    # The catalogue and the engine's public records.
    ("catalog entries", lambda: tc.Catalog([1]), InvalidTypeError, "#1 is int"),
    (
        "catalog revision",
        lambda: tc.Catalog([], revision="v2"),
        InvalidTypeError,
        "revision must be",
    ),
    (
        "lunar month",
        lambda: tc.LunarMonth(2020, 13, False, D, 30, False),
        InvalidValueError,
        "month must be 1–12",
    ),
    (
        "lunar month days",
        lambda: tc.LunarMonth(2020, 1, False, D, 31, False),
        InvalidValueError,
        "days must be 29–30",
    ),
    (
        "calendar",
        lambda: tc.Calendar("", "X", "x", "x", ""),
        InvalidValueError,
        "key must not be empty",
    ),
    # The one diagnostic type.
    (
        "severity",
        lambda: diagnostic(severity="fatal"),
        InvalidValueError,
        "severity must be one of error, warning, info",
    ),
    (
        "diagnostic texts",
        lambda: diagnostic(vi="a"),
        InvalidTypeError,
        "vi must be a (message, suggestion) pair",
    ),
    (
        "diagnostic lang",
        lambda: diagnostic(lang="fr"),
        InvalidValueError,
        "lang must be one of vi, en",
    ),
]


@pytest.mark.parametrize(
    ("make", "error", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_value_raises_at_construction(
    make: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        make()
    assert message in str(caught.value)
    # Every such error is the project's own, and the built-in a Python user expects.
    assert isinstance(caught.value, tc.ThiduaError)
    assert isinstance(caught.value, ValueError | TypeError)


def test_vocabulary_strings_become_members() -> None:
    c = commemoration(category="union", rank_by="origin", confidence="medium")
    assert c.category is tc.Category.UNION
    assert c.rank_by is tc.RankBasis.ORIGIN
    assert c.confidence is tc.Confidence.MEDIUM
    assert entry(kind="milestone").kind is tc.EntryKind.MILESTONE


def test_lang_is_checked_once_with_one_error_type() -> None:
    for call in (
        lambda: M.label("fr"),
        lambda: tc.schedule(2025).to_text("fr"),
        lambda: tc.to_ical(tc.schedule(2025, major_days=True), name="x", lang="fr"),
        lambda: tc.congress_series("party").label(13, "fr"),
    ):
        with pytest.raises(InvalidValueError, match="lang must be one of vi, en, not 'fr'"):
            call()
