"""The checker's quick paths give what the general ones give (issue 15 item 7, speed).

- The quick reading of a two-day window agrees with the reading bound by bound:
:func:`thidua_calendar.lint._phases._window_at` reads the commonest window ("1/1 đến 2/2",
"ngày 01/7/2020 - ngày 31/12/2020") with one pattern and any other bound by bound
(:func:`~thidua_calendar.lint._phases._window_by_bounds`); wherever the quick pattern
matches, both must give the same window, to the column. Generated from the pieces windows
are printed with (days in every form, connectors, the words before a day, what may follow),
including the near misses the quick pattern must leave to the other reading.
- The plan checks run on the checker's light view of a document's phases give the findings
they give on the validated :class:`~thidua_calendar.plans.Plan` of the same document.
- The checker's diagnostics, made without the validators, equal the validated ones.
- The phases built while the lines are read (:class:`~thidua_calendar.lint._phases.
PhaseBuilder`, when the plan year is known before the body) equal those built at the end.

The last three are held on every document of the corpora and of the tests' drafts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eval_lint
from thidua_calendar._vocabulary import Lang, Severity
from thidua_calendar.commemorations import default_catalog
from thidua_calendar.lint import check_text
from thidua_calendar.lint._dates import FULL_DATES, full_dates
from thidua_calendar.lint._extract import extract
from thidua_calendar.lint._names import names
from thidua_calendar.lint._phases import (
    _DAY_TO_DAY,
    PHASE_LABEL,
    PhaseBuilder,
    _resolve,
    _resolve_bounds,
    _window_at,
    _window_by_bounds,
    phases_in,
)
from thidua_calendar.lint._plan import _checked_plan, build_plan
from thidua_calendar.lint._text import split_lines
from thidua_calendar.plans._checks import plan_findings

INDEX = names(default_catalog())


def windows(numbers: list[str], separators: list[str], years: list[str]) -> st.SearchStrategy[str]:
    days = st.builds(
        lambda d, s1, m, s2, y: d + s1 + m + (s2 + y if y else ""),
        st.sampled_from(numbers),
        st.sampled_from(separators),
        st.sampled_from(numbers),
        st.sampled_from(separators),
        st.sampled_from(years),
    )
    before = st.sampled_from(
        ["", "", "ngày ", "Ngày ", "NGÀY  ", "ngày\u00a0", "hết ngày ", "hết "]
    )
    connectors = st.sampled_from(
        [" đến ", " Đến ", " tới ", ", đến ", " - ", "-", " – ", " — ", "_", " đến", "đến ", " "]
    )
    after = st.sampled_from(["", ")", ".", "/", "/2", "-2020", "1", " năm 2020", ".5", ", "])
    return st.builds(lambda *parts: "".join(parts), before, days, connectors, before, days, after)


# Windows as printed (most of them read in one match), and near misses of every piece.
WINDOWS = st.one_of(
    windows(["1", "01", "12", "31", "29"], ["/", "/", "."], ["", "", "2020"]),
    windows(
        ["1", "01", "9", "12", "29", "31", "32", "0", "123", "2020"],
        ["/", ".", "-", "–", " "],
        ["", "2020", "202", "20201", "1930"],
    ),
)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(WINDOWS, st.booleans())
def test_the_quick_reading_is_the_reading_bound_by_bound(text: str, after_from: bool) -> None:
    quick = _window_at(text, 0, INDEX, after_from=after_from, begin=None)
    slow = _window_by_bounds(text, 0, INDEX, after_from=after_from, begin=None)
    assert quick == slow, text


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(WINDOWS, st.sampled_from([None, 2020, 2024, 2023, 1, 9999]))
def test_a_day_to_a_day_is_resolved_as_bound_by_bound(text: str, year: int | None) -> None:
    # The dates of a window of two days: its own path (_resolve_days) and the general one.
    window = _window_by_bounds(text, 0, INDEX, after_from=True)
    if window is None:
        return
    catalog = default_catalog()
    assert _resolve(window, year, None, catalog) == _resolve_bounds(window, year, None, catalog)


def test_the_quick_resolution_is_taken_for_the_common_windows() -> None:
    catalog = default_catalog()
    window = _window_at("31/12 đến 2/1", 0, INDEX, after_from=True)
    assert window is not None
    resolved = _resolve(window, 2020, None, catalog)
    assert (resolved.start, resolved.end) == (dt.date(2020, 12, 31), dt.date(2021, 1, 2))
    assert resolved == _resolve_bounds(window, 2020, None, catalog)


def test_the_quick_reading_is_taken_for_the_common_windows() -> None:
    # Not a test that the pattern exists: each of these must be read in one match.
    for text in (
        "1/1 đến 2/2",
        "ngày 01/7/2020 - ngày 31/12/2020",
        "1.1 - 30.6",
        "01/7 – 31/12/2020",
    ):
        assert _DAY_TO_DAY.match(text), text
        assert _window_at(text, 0, INDEX, after_from=True) == _window_by_bounds(
            text, 0, INDEX, after_from=True
        )
    for text in (
        "hết ngày 1/1 đến 2/2",
        "1-1-2020 đến 2/2",
        "1/1 đến hết 2/2",
        "tháng 1/2020 - 2/2",
    ):
        assert not _DAY_TO_DAY.match(text), text


_LABELLED = st.lists(
    st.sampled_from(
        [
            "Đợt 1",
            "đợt II",
            "Giai đoạn 3",
            " ",
            ": ",
            "(",
            ")",
            ", ",
            "từ ",
            "ngày ",
            "1/1",
            "30/6/2020",
            " đến ",
            " - ",
            "31-12",
            "tháng 7",
            "chủ đề “Mừng Đảng”",
            "thi đua",
            "Đợt",
            "x" * 90,
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300)
@given(_LABELLED, _LABELLED)
def test_a_phase_s_text_ends_where_the_next_label_starts(first: str, second: str) -> None:
    """A label's window is read before the next label is looked for (after a two-day window,
    from its end on): each phase still starts at a label and ends at the next one."""
    (line, _) = split_lines(f"{first}\n{second}")
    raws, _ = phases_in(line, None, INDEX)
    starts = [m.start() for m in PHASE_LABEL.finditer(line.text) if m.start() < line.own]
    for raw in raws:
        if raw.label is None:
            continue
        assert raw.label_start in starts
        later = [s for s in starts if s > raw.label_start]
        assert raw.region_end == (later[0] if later else len(line.text))
        assert raw.window.span[1] <= raw.region_end


def test_two_labelled_windows_on_a_line_are_two_phases() -> None:
    (line,) = split_lines("Đợt 1 từ 1/1 đến 30/4; Đợt 2: từ 1/5 đến 31/12/2020")
    raws, pending = phases_in(line, None, INDEX)
    assert [(r.label, r.label_start, r.region_end) for r in raws] == [
        ("Đợt 1", 0, 23),
        ("Đợt 2", 23, len(line.text)),
    ]
    assert [line.text[slice(*r.window.span)] for r in raws] == [
        "từ 1/1 đến 30/4",
        "từ 1/5 đến 31/12/2020",
    ]
    assert pending is None


DRAFTS = sorted((Path(__file__).parent / "data" / "lint").iterdir())
DOCUMENTS = [(d.name, d.text, d.year) for d in eval_lint._documents()] + [
    (p.name, p.read_text(encoding="utf-8"), None) for p in DRAFTS
]


def test_there_are_documents_to_compare_on() -> None:
    assert len(DOCUMENTS) >= 100


@pytest.mark.parametrize(("name", "text", "year"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_the_light_plan_view_is_checked_like_the_plan(
    name: str, text: str, year: int | None
) -> None:
    extraction = extract(text, year)
    plan, view = build_plan(extraction), _checked_plan(extraction)
    assert (plan is None) == (view is None)
    if plan is None or view is None:
        return
    # A labelled window is read as it is: no focus is (), a precision its value.
    assert [
        (p.label, p.start, p.end, p.theme, p.focus, p.end_precision, p.line) for p in plan.phases
    ] == [
        (p.label, p.start, p.end, p.theme, p.focus or None, p.end_precision, p.line)
        for p in view.phases
    ]
    assert [type(p.label) for p in view.phases] == [str] * len(view.phases)
    for field in (
        "title",
        "organisation",
        "theme",
        "year",
        "start",
        "end",
        "year_span",
        "follow_keys",
    ):
        assert getattr(plan, field) == getattr(view, field), field
    if plan.phases:
        assert plan_findings(plan) == plan_findings(view)


def _phase_fields(text: str, year: int | None) -> list[tuple[object, ...]]:
    return [attrs.astuple(p, recurse=False) for p in extract(text, year).phases]


@pytest.mark.parametrize(("name", "text", "year"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_the_phases_built_as_read_are_those_built_at_the_end(
    name: str, text: str, year: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The year given, and the year of the title or the date line (None: found in the body).
    streamed = [_phase_fields(text, year), _phase_fields(text, 2020), _phase_fields(text, None)]
    monkeypatch.setattr(PhaseBuilder, "build_before", lambda self, number, year: None)
    at_end = [_phase_fields(text, year), _phase_fields(text, 2020), _phase_fields(text, None)]
    assert streamed == at_end


def test_phases_are_built_as_the_lines_are_read() -> None:
    text = "Kế hoạch thi đua năm 2020\n" + "Đợt 1 từ 1/1 đến 2/2\n" * 20
    built: list[int] = []
    original = PhaseBuilder._build

    def spy(self: PhaseBuilder, raws: list[object], *args: object) -> None:
        built.append(len(raws))
        original(self, raws, *args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PhaseBuilder, "_build", spy)
        phases = extract(text).phases
    assert len(phases) == 20
    assert len(built) > 10  # one or a few at a time, not all at the end
    assert sum(built) == 20


def test_a_phase_is_built_once_the_lines_its_text_runs_on_to_are_read() -> None:
    # Each phase's text runs on to the fifth line below it, the farthest it can (_BELOW),
    # which names an anniversary (its focus); the next phase follows.
    block = (
        "Đợt {n}: từ 1/{n} đến 28/{n}\n"
        "nội dung\n"
        "nội dung\n"
        "nội dung\n"
        "nội dung\n"
        "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)\n"
    )
    text = "Kế hoạch thi đua năm 2025\n" + "".join(block.format(n=n) for n in range(1, 7))
    phases = extract(text).phases
    assert [p.focus for p in phases] == [("thanh_lap_dang",)] * 6
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PhaseBuilder, "build_before", lambda self, number, year: None)
        assert _phase_fields(text, None) == [attrs.astuple(p, recurse=False) for p in phases]


@pytest.mark.parametrize(("name", "text", "year"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_each_diagnostic_is_the_validated_one(name: str, text: str, year: int | None) -> None:
    for lang in ("vi", "en"):
        for finding in check_text(text, year=year, lang=lang, path=name).findings:
            assert attrs.evolve(finding) == finding  # evolve runs the validating constructor
            # (a severity or language given as its value would compare equal: their types)
            assert type(finding.severity) is Severity
            assert type(finding.lang) is Lang


@pytest.mark.parametrize(("name", "text", "year"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_line_with_a_full_date_is_chosen(name: str, text: str, year: int | None) -> None:
    lines = split_lines(text)
    chosen = {line.number for line in lines.having(FULL_DATES, dated=True)}
    with_dates = {line.number for line in lines if full_dates(line.own_text)}
    assert with_dates <= chosen


NUMBER = st.sampled_from(["1", "03", "12", "31", "2020", "1930", "202", "x"])
SEP = st.sampled_from(["/", ".", "-", "–", " ", "\t", "  "])
WORD = st.sampled_from(["tháng", "THÁNG", "Tháng", "năm", "NĂM", "ngày", "a", "\n", "(", ""])
DAY = st.sampled_from(["1", "03", "12", "31"])
DATES = st.one_of(
    st.builds(lambda d, s, m, y: f"{d}{s}{m}{s}{y}", DAY, st.sampled_from("/.-"), DAY, NUMBER),
    st.builds(lambda d, m, y, w: f"{d} {w} {m} năm {y}", DAY, DAY, NUMBER, WORD),
)
DATE_PIECES = st.one_of(
    DATES,
    st.tuples(NUMBER, SEP, NUMBER, SEP, NUMBER).map("".join),  # 03/02/1930 and its near misses
    st.tuples(NUMBER, SEP, WORD, SEP, NUMBER, SEP, WORD, SEP, NUMBER).map("".join),  # the long form
    NUMBER,
    SEP,
    WORD,
)


@given(st.lists(DATE_PIECES, max_size=12).map("".join))
@settings(max_examples=1000, deadline=None, derandomize=True)
def test_every_full_date_is_on_a_chosen_line(text: str) -> None:
    lines = split_lines(text)
    chosen = {line.number for line in lines.having(FULL_DATES, dated=True)}
    assert {line.number for line in lines if full_dates(line.own_text)} <= chosen
