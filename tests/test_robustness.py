"""Safe with any input: the project's own errors, never a traceback (issue 13, items 4, 6, 7).

Each test is named after the defect it pins down; the last one calls every public function
with wrong-typed and extreme arguments and accepts only the documented errors.
"""

from __future__ import annotations

import codecs
import datetime as dt
import enum
import inspect
import itertools
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import thidua_calendar as tc
from conftest import PLAN_WITH_A_YEAR_TYPO, Cli
from thidua_calendar.cli import feeds as cli_feeds
from thidua_calendar.errors import DataError, InvalidTypeError, ThiduaError
from thidua_calendar.ical import FeedError, _read_previous
from thidua_calendar.lint import check_text
from thidua_calendar.lint._api import decode

SRC = Path(tc.__file__).resolve().parent.parent


def run_cli(
    *argv: str, env: dict[str, str] | None = None, **options: Any
) -> subprocess.CompletedProcess[bytes]:
    """The command line in a subprocess (with this checkout's sources first on the path)."""
    environment = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "thidua_calendar", *argv],
        capture_output=True,
        env=environment,
        check=False,
        **options,
    )


# --- catalogues and previous feeds ----------------------------------------------------------


@pytest.mark.parametrize("entries", ["[1]", "[[1]]", '["x"]'])
def test_catalog_commemoration_not_a_table_is_a_located_error(tmp_path: Path, entries: str) -> None:
    path = tmp_path / "cat.toml"
    path.write_text(f"commemoration = {entries}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cat\.toml:1: commemoration #1 must be a table"):
        tc.load_catalog(path)


def _feed() -> bytes:
    entries = tc.schedule(2026, major_days=True)
    return tc.to_ical(entries, name="Lịch", revision=dt.date(2026, 1, 1))


def _without(feed: bytes, prop: bytes) -> bytes:
    lines = feed.split(b"\r\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(prop))
    return b"\r\n".join(lines[:first] + lines[first + 1 :])


def test_previous_feed_event_without_dtstart_is_a_feed_error() -> None:
    with pytest.raises(FeedError, match="has no DTSTART"):
        _read_previous(_without(_feed(), b"DTSTART"))
    stampless = _without(_without(_feed(), b"DTSTAMP"), b"LAST-MODIFIED")
    with pytest.raises(FeedError, match="neither LAST-MODIFIED nor DTSTAMP"):
        _read_previous(stampless)


def test_previous_feed_bad_sequence_is_a_short_feed_error() -> None:
    feed = _feed().replace(b"SEQUENCE:0", b"SEQUENCE:" + b"z" * 300, 1)
    with pytest.raises(FeedError) as caught:
        _read_previous(feed)
    assert len(str(caught.value)) < 200  # not hundreds of raw bytes


def test_cli_previous_feed_without_dtstart_exits_2(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "feed.ics"
    out.write_bytes(_without(_feed(), b"DTSTART"))
    code, _, err = cli("ics", "--from", "2026", "--to", "2026", "--major-days", "-o", str(out))
    assert code == 2
    assert err.count("\n") == 1
    assert "has no DTSTART" in err


# --- lunar dates: int subclasses and bool-likes ---------------------------------------------


class Year(enum.IntEnum):
    Y2020 = 2020


class BoolLike:
    """A stand-in for numpy.bool_: truthy, not a bool, its type also named "bool"."""

    def __bool__(self) -> bool:
        return False


BoolLike.__name__ = BoolLike.__qualname__ = "bool"


def test_intenum_year_is_refused_clearly_not_a_false_month_length() -> None:
    for make in (lambda: tc.LunarDate(Year.Y2020, 1, 1), lambda: tc.to_solar(Year.Y2020, 1, 1)):
        with pytest.raises(InvalidTypeError, match=r"year must be a plain int, not .*Year"):
            make()
    assert tc.tet(Year.Y2020) == dt.date(2020, 1, 25)  # where an int subclass is fine


def test_bool_like_leap_names_its_real_type() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        tc.LunarDate(2020, 1, 1, BoolLike())  # type: ignore[arg-type]
    message = str(caught.value)
    assert f"{__name__}.bool" in message
    assert message != "leap must be a bool, not bool"
    with pytest.raises(TypeError, match="leap must be True or False, not int"):
        tc.LunarDate(2020, 1, 1, 0)  # type: ignore[arg-type]


# --- lint: encodings and line breaks ----------------------------------------------------------

DOCUMENT = (
    "dòng 1\n\nKế hoạch thi đua năm 2025\n"
    "kỷ niệm 92 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2025).\n"
)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le"])
def test_lint_refuses_text_it_cannot_decode_for_sure(encoding: str) -> None:
    with pytest.raises(DataError, match=r"UTF-32|NUL|not UTF-8"):
        decode(DOCUMENT.encode(encoding))
    with pytest.raises(DataError, match=r"UTF-32|NUL"):
        decode("Kế hoạch năm 2025".encode("ascii", "ignore").decode().encode(encoding))


def test_lint_refuses_mixed_encodings() -> None:
    with pytest.raises(DataError, match="not UTF-8"):
        decode("Kế hoạch ".encode() + "năm".encode("cp1258"))
    assert decode(codecs.BOM_UTF8 + DOCUMENT.encode()) == DOCUMENT
    assert decode(DOCUMENT.encode("utf-16")) == DOCUMENT


def test_cli_lint_utf32_exits_2_not_zero_findings(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(DOCUMENT.encode("utf-32"))
    code, _, err = cli("lint", str(path))
    assert code == 2
    assert "UTF-32" in err


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\u2029"])
def test_lint_counts_lines_for_every_line_break(newline: str) -> None:
    report = check_text(DOCUMENT.replace("\n", newline))
    assert [(f.code, f.line, f.column) for f in report.findings] == [("ordinal-mismatch", 4, 9)]


# --- the year edge -----------------------------------------------------------------------------

PLAN_2199 = """\
[plan]
title = "Kế hoạch thi đua năm 2199"
year = 2199

[[phase]]
label = "Đợt 1"
start = "2199-01-01"
end_event = { commemoration = "thanh_lap_cong_doan_viet_nam" }

[[phase]]
label = "Đợt 2"
start = "2199-07-29"
end = "2199-12-31"
"""


def test_plan_2199_with_end_event_checks_schedules_and_feeds(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN_2199, encoding="utf-8")
    plan = tc.load_plan(path)
    assert plan.phases[0].end.year == 2199
    assert cli("plan", "check", str(path))[0] == 0
    assert cli("schedule", "2199", "--plan", str(path))[0] == 0
    code, _, err = cli("ics", "--plan", str(path), "-o", str(tmp_path / "f.ics"))
    assert (code, err.strip().rsplit(" ", 1)[-1]) == (0, "2198–2199)")
    assert cli("poster", "2199", "--plan", str(path), "-o", str(tmp_path / "p.html"))[0] == 0


def test_default_feed_span_uses_the_year_in_vietnam(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    new_year_in_hanoi = dt.datetime(2025, 12, 31, 17, 30, tzinfo=dt.UTC)  # 00:30 on 1 January
    assert cli_feeds._reference_year(new_year_in_hanoi) == 2026
    assert cli_feeds._reference_year(dt.datetime(2025, 12, 31, 16, 59, tzinfo=dt.UTC)) == 2025
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(new_year_in_hanoi.timestamp())))
    assert cli_feeds._reference_year() == 2026


def test_cli_default_span_from_source_date_epoch_in_vietnam(cli: Cli, tmp_path: Path) -> None:
    epoch = int(dt.datetime(2025, 12, 31, 18, 0, tzinfo=dt.UTC).timestamp())
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        code, _, err = cli("ics", "--major-days", "-o", str(tmp_path / "f.ics"))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert code == 0
    assert "2025–2031" in err


# --- the command line: interrupts, defects, encodings ----------------------------------------


def _wait_until_reading(pid: int) -> None:
    """Wait until a process blocks reading a pipe (Linux: its wchan), or a few seconds."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if "pipe" in wchan.read_text():
                time.sleep(0.1)
                return
        except OSError:  # no /proc here: give it time to start
            time.sleep(3)
            return
        time.sleep(0.05)


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_calendar", "lint", "-"],
        stdin=subprocess.PIPE,  # lint waits for its standard input: inside the command
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    try:
        _wait_until_reading(process.pid)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert b"KeyboardInterrupt" not in err


@pytest.mark.usefixtures("english")
def test_unexpected_exception_is_one_line_asking_for_a_report(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_options: object) -> object:
        raise KeyError("boom")

    monkeypatch.setattr("thidua_calendar.cli.lunar.tet", broken)
    code, _, err = cli("tet", "2025")
    assert code == 2
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "internal error (KeyError: 'boom')" in err
    assert "please report it" in err


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "latin-1", "PYTHONUTF8": "0"},
    ],
)
def test_plan_check_keeps_its_exit_codes_on_any_terminal_encoding(
    tmp_path: Path, env: dict[str, str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PLAN_WITH_A_YEAR_TYPO, encoding="utf-8")
    good = SRC.parent / "data" / "plans" / "sample-2026.toml"
    done = run_cli("plan", "check", str(good), env=env)
    assert done.returncode == 0, done.stderr
    assert "0 lỗi".encode() in done.stdout
    failed = run_cli("plan", "check", str(bad), env=env)
    assert failed.returncode == 1, failed.stderr
    assert "Đợt 2".encode() in failed.stdout + failed.stderr
    listing = run_cli("schedule", "2026", env=env)
    assert listing.returncode == 0
    assert "Quốc khánh".encode() in listing.stdout


# --- every public function, wrong-typed and extreme arguments ---------------------------------

WRONG: tuple[object, ...] = (None, "x", -1, 10**20, 1.5, [], object())

# Documented errors: the project's own, and (for the file readers) OSError when a path given
# as a string cannot be read.
DOCUMENTED: dict[str, tuple[type[BaseException], ...]] = {
    "load_catalog": (OSError,),
    "load_plan": (OSError,),
}


def _public_functions() -> list[str]:
    names = []
    for name in tc.__all__:
        value = getattr(tc, name)
        if callable(value) and not (isinstance(value, type) and issubclass(value, BaseException)):
            names.append(name)
    return names


def _required(function: Any) -> tuple[int, list[str]]:
    parameters = inspect.signature(function).parameters.values()
    positional = [
        p
        for p in parameters
        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    keywords = [p.name for p in parameters if p.default is p.empty and p.kind == p.KEYWORD_ONLY]
    return max(len(positional), 1), keywords


@pytest.mark.parametrize("name", _public_functions())
def test_public_api_raises_only_documented_errors(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # publish("x") and the like write nowhere else
    function = getattr(tc, name)
    count, keywords = _required(function)
    allowed = (ThiduaError, TypeError, ValueError, *DOCUMENTED.get(name, ()))
    for first, rest in itertools.product(WRONG, repeat=2):
        args = [first, *[rest] * (count - 1)]
        options = dict.fromkeys(keywords, rest)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                function(*args, **options)
            except allowed:
                pass  # a documented error (OverflowError, KeyError … are not among them)
            except Exception as exc:  # the point of the test
                pytest.fail(f"{name}(*{args!r}, **{options!r}) raised {exc!r}")


PLAN_2199_LATE_REPORTS = """\
[plan]
title = "Kế hoạch thi đua năm 2199"
year = 2199

[[phase]]
label = "Đợt 1"
start = "2199-01-01"
end = "2199-12-31"

[reporting]
phase_review = { days_after = 366 }
yearly = { day = 30, months_after = 24 }
"""


def test_what_passes_plan_check_also_schedules(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN_2199_LATE_REPORTS, encoding="utf-8")
    assert cli("plan", "check", str(path))[0] == 0
    assert cli("schedule", "2199", "--plan", str(path))[0] == 0
    assert cli("ics", "--plan", str(path), "-o", str(tmp_path / "f.ics"))[0] == 0
    assert cli("poster", "2199", "--plan", str(path), "-o", str(tmp_path / "p.html"))[0] == 0
    too_late = path.read_text(encoding="utf-8").replace("= 366", "= 999999999")
    path.write_text(too_late, encoding="utf-8")
    code, _, err = cli("plan", "check", str(path))
    assert code == 2
    assert "plan.toml:11:" in err
    assert "days_after phải từ 0 đến 366, không phải 999999999" in err
    code, _, err = cli("plan", "check", str(path), "--lang", "en")
    assert code == 2
    assert "plan.toml:11:" in err
    assert "days_after must be 0–366, not 999999999" in err


@pytest.mark.parametrize("command", ["schedule", "poster", "milestones", "tet"])
@pytest.mark.usefixtures("english")
def test_huge_year_on_the_command_line_is_one_line_exit_2(
    cli: Cli, tmp_path: Path, command: str
) -> None:
    extra = ["-o", str(tmp_path / "p.html")] if command == "poster" else []
    code, out, err = cli(command, "100000000000000000000", *extra)
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "outside the supported range" in err


def _valid_calls() -> dict[str, tuple[tuple[Any, ...], dict[str, Any]]]:
    """A valid call of each public function that has optional arguments."""
    day = dt.date(2026, 3, 1)
    sched = tc.schedule(2026, major_days=True)
    plan = tc.make_plan("Kế hoạch thi đua năm 2026", 2026, tc.halves(2026))
    return {
        "schedule": ((2026,), {}),
        "milestones": ((2026,), {}),
        "milestone": (("thanh_lap_dang", 2025), {}),
        "upcoming": ((day,), {"years": 1}),
        "next_occurrence": (("thanh_lap_dang", day), {}),
        "to_ical": ((sched,), {"name": "Lịch"}),
        "render_poster": ((sched,), {}),
        "halves": ((2026,), {}),
        "lunar_dates": ((day, dt.date(2026, 3, 3)), {}),
        "lunar_months": ((2026,), {}),
        "to_lunar": ((day,), {}),
        "to_solar": ((2026, 1, 1), {}),
        "tet": ((2026,), {}),
        "leap_month": ((2026,), {}),
        "zodiac": ((2026,), {}),
        "plan_text": ((plan,), {}),
        "parse_plan": (('[plan]\ntitle = "KH"\nyear = 2026\n',), {}),
    }


def _optional(function: Any) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(function).parameters.values()
        if p.default is not p.empty and p.kind is not p.VAR_KEYWORD
    ]


VALID_CALLS = _valid_calls()


@pytest.mark.parametrize("name", sorted(VALID_CALLS))
def test_public_api_optional_arguments_raise_only_documented_errors(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    function = getattr(tc, name)
    args, options = VALID_CALLS[name]
    function(*args, **options)  # the baseline is valid
    parameters = _optional(function)
    assert parameters, name
    for parameter, wrong in itertools.product(parameters, WRONG):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                function(*args, **{**options, parameter.name: wrong})
            except (ThiduaError, TypeError, ValueError):
                pass  # a documented error
            except OSError:  # documented for a path that cannot be read
                assert parameter.name in ("catalog", "plan"), (name, parameter.name)
                assert isinstance(wrong, str)
            except Exception as exc:  # the point of the test
                pytest.fail(f"{name}(…, {parameter.name}={wrong!r}) raised {exc!r}")


@pytest.mark.usefixtures("english")  # the English words; Vietnamese: test_library_words
@pytest.mark.parametrize(
    ("start", "end"),
    [
        ('"0001-01-01"', '"0001-12-31"'),
        ("0001-01-01", "0001-12-31"),
        ('"0001-01"', '"0001-12"'),
        ('"9999-01-01"', '"9999-12-31"'),
    ],
)
def test_phases_in_year_1_are_a_located_error(
    cli: Cli, tmp_path: Path, start: str, end: str
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        f'[plan]\ntitle = "KH"\nyear = 2026\n\n[[phase]]\nlabel = "Đợt 1"\n'
        f"start = {start}\nend = {end}\n",
        encoding="utf-8",
    )
    code, out, err = cli("plan", "check", str(path))
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "plan.toml:7:" in err
    assert "outside the supported years" in err
