"""The fuzz suite: generated input never raises anything but the documented errors.

Seeded from the shipped plans and catalogue, Hypothesis mutates plan TOML, catalogue TOML,
plan-document text and command lines, and every run must end in a result or in one of the
project's own errors (:class:`thidua_calendar.ThiduaError`; from the command line, an exit
code with a one-line message). ``make test`` runs a bounded number of examples per test;
``make fuzz`` runs the same suite longer (``THIDUA_FUZZ_EXAMPLES``, default 200 here). The
number of inputs each test tried is printed at the end of the run (``-s`` or the summary).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thidua_calendar as tc
from conftest import Cli
from thidua_calendar._data import example_plans, read_text
from thidua_calendar.commemorations import parse_catalog
from thidua_calendar.lint import check_text

EXAMPLES = int(os.environ.get("THIDUA_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # The same inputs on every CI run; `make fuzz` draws new ones each time.
    derandomize=not os.environ.get("THIDUA_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TRIED: Counter[str] = Counter()

PLANS = [p.read_text(encoding="utf-8") for p in example_plans().values()]
CATALOGUE = read_text("commemorations", "core.toml")
# One commemoration table of the shipped catalogue, with its [meta], as a seed to mutate.
ENTRY = CATALOGUE[: CATALOGUE.index("[[commemoration]]", CATALOGUE.index("[[commemoration]]") + 1)]

# Values a mutation may put in place of a TOML value: wrong types, extremes, odd text.
VALUES = st.sampled_from(
    [
        '""',
        '"x"',
        "0",
        "-1",
        "999999999",
        "100000000000000000000",
        "1.5",
        "true",
        "[]",
        "[1]",
        "{}",
        '"2020-W01-1"',
        '"0001-01-01"',
        '"2199-12-31"',
        '"2200-01-01"',
        "2026-02-30",
        '"\\u0000"',
        '"\\u001b[2J"',
        '"\\uFFFE"',
        '"a\\nb"',
        '"' + "đ" * 300 + '"',
        '"١٢٣"',
    ]
)
TABLES = ["plan", "phase", "follow", "reporting", "meta", "commemoration", "end_event", "focus"]
LINE = re.compile(r"^(\s*[A-Za-z_]+\s*=\s*)(.+)$", re.M)


def _mutate(text: str, data: st.DataObject) -> str:
    """Replace some values, drop or duplicate some lines, or insert raw bytes of text."""
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["value", "drop", "dup", "text", "key"]))
        match = LINE.match(lines[i])
        if action == "value" and match:
            lines[i] = match.group(1) + data.draw(VALUES)
        elif action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "key":  # a table name given a value of the wrong shape
            name = data.draw(st.sampled_from(TABLES))
            lines.insert(0 if data.draw(st.booleans()) else i, f"{name} = {data.draw(VALUES)}")
        else:
            lines.insert(i, data.draw(st.text(max_size=40)))
    return "\n".join(lines) + "\n"


def _count(name: str) -> None:
    TRIED[name] += 1


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if TRIED:
        print("\nfuzz inputs tried: " + ", ".join(f"{k} {v}" for k, v in sorted(TRIED.items())))


@FUZZ
@given(st.data())
def test_plan_toml(data: st.DataObject) -> None:
    _count("plan TOML")
    text = _mutate(data.draw(st.sampled_from(PLANS)), data)
    try:
        plan = tc.parse_plan(text, "fuzz.toml")
    except tc.ThiduaError:
        return
    # What loads, checks; what checks without errors, schedules and renders.
    found = plan.check()
    if any(d.severity == "error" for d in found):
        return
    result = tc.schedule((plan.start, plan.end), plan)
    result.to_text()
    result.to_plan_text()
    if result.entries:
        tc.to_ical(result, name="fuzz")


@FUZZ
@given(st.data())
def test_catalogue_toml(data: st.DataObject) -> None:
    _count("catalogue TOML")
    from thidua_calendar._toml import Located

    text = _mutate(ENTRY, data)
    try:
        catalog = parse_catalog(Located(text, "fuzz.toml"), strict=False)
    except tc.ThiduaError:
        return
    merged = tc.default_catalog().merged(catalog)
    tc.milestones(2026, catalog=merged)
    tc.schedule(2026, catalog=merged).to_text()


DOCUMENT_WORDS = st.sampled_from(
    [
        "Kỷ niệm ",
        "95 năm ",
        "Ngày thành lập Đảng Cộng sản Việt Nam ",
        "(03/02/1930 - 03/02/2025)",
        "Đợt 1 ",
        "từ tháng 01/2025 đến 30/6/2025",
        "Tết Nguyên đán Ất Tỵ ",
        "Đại hội XIV của Đảng ",
        "nhiệm kỳ 2025 - 2030",
        "năm học 2024 - 2025",
        "\n",
        "\r",
        "\u2028",
        "29/02/2025",
        "-",
    ]
)


@FUZZ
@given(st.lists(st.one_of(DOCUMENT_WORDS, st.text(max_size=8)), max_size=40))
def test_lint_text(parts: list[str]) -> None:
    _count("lint text")
    report = check_text("Kế hoạch thi đua năm 2025\n" + "".join(parts))
    report.to_text()
    report.to_json()


ARGUMENTS = st.sampled_from(
    [
        "2025",
        "-2025",
        "0",
        "100000000000000000000",
        "2025-01-29",
        "2020-W01-1",
        "1.5",
        "--lang",
        "en",
        "fr",
        "--format",
        "json",
        "csv",
        "--rank",
        "tron",
        "--kind",
        "milestone",
        "--major-days",
        "--calendar",
        "china",
        "--to-solar",
        "--leap",
        "--category",
        "union",
        "--key",
        "thanh_lap_dang",
        "--from",
        "--to",
        "",
        "\x1b[2J",
    ]
)
COMMANDS = st.sampled_from(["convert", "tet", "milestones", "schedule", "plan check"])


@FUZZ
@given(COMMANDS, st.lists(ARGUMENTS, max_size=6))
def test_command_line(cli: Cli, command: str, arguments: list[str]) -> None:
    _count("command line")
    argv = [*command.split(), *arguments]
    if command == "plan check":
        argv.append(str(next(iter(example_plans().values()))))
    code, _, err = cli(*argv)
    assert code in (0, 1, 2), argv
    assert "Traceback" not in err, argv
    if code == 2:
        assert err.strip(), argv  # a usage error always says why
        assert len(err.strip().splitlines()) <= 3, err


SMALL_DOCUMENTS = st.lists(
    st.one_of(
        st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(TABLES), VALUES),
        st.sampled_from(["[plan]", "[[phase]]", "[follow]", "[meta]", "[[commemoration]]"]),
        st.builds(
            lambda k, v: f"{k} = {v}",
            st.sampled_from(
                [
                    "title",
                    "year",
                    "key",
                    "month",
                    "day",
                    "label",
                    "start",
                    "end",
                    "calendar",
                    "name_vi",
                ]
            ),
            VALUES,
        ),
    ),
    max_size=6,
).map("\n".join)


@settings(FUZZ, max_examples=EXAMPLES * 10)  # fast: many more
@given(SMALL_DOCUMENTS)
def test_small_documents(text: str) -> None:
    # Short documents of table names and values of every shape, for both loaders.
    _count("small TOML")
    from thidua_calendar._toml import Located

    # The whole document, and each of its lines alone (a line that another one would have
    # made fail earlier still gets its turn).
    for document in (text, *text.splitlines()):
        with contextlib.suppress(tc.ThiduaError):
            tc.parse_plan(document, "fuzz.toml")
        with contextlib.suppress(tc.ThiduaError):
            parse_catalog(Located(document, "fuzz.toml"), strict=False)
