"""Shared test configuration."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# The generators in tools/ are plain scripts, not part of the package; make them importable.
sys.path.insert(0, str(ROOT / "tools"))


import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Speed is measured by the benchmarks, never by timed tests: no Hypothesis deadline (a loaded
# CI machine would fail a correct property test on one slow example).
settings.register_profile("thidua", deadline=None)
settings.load_profile("thidua")

# tests/libical/ holds a script run by the system Python (libical's bindings), not a test
# module: it imports `gi`, which the project's environment does not have.
collect_ignore_glob = ["libical/*"]

from thidua_calendar.cli import main  # noqa: E402

CliResult = tuple[int, str, str]

PLAN_WITH_A_YEAR_TYPO = """\
[plan]
title = "Kế hoạch phát động phong trào thi đua năm 2026"
year = 2026

[[phase]]
label = "Đợt 1"
start = "2026-01-01"
end = "2026-06-30"

[[phase]]
label = "Đợt 2"
start = "2025-07-01"
end = "2025-12-31"
"""
"""A plan whose check finds one error (phase-year-typo: Đợt 2 is dated a year early)."""


class Cli:
    """Runs the command line in-process and returns (exit code, stdout, stderr)."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *argv: str) -> CliResult:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's own exits (--help, --version, usage errors)
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line, run in-process."""
    return Cli(capsys)


@pytest.fixture(autouse=True)
def _no_shell_language_or_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without ``THIDUA_LANG`` and ``COLUMNS``, and ends with them restored.

    The command line's language and its tables' width come from them; a shell's values (or
    a test that sets ``os.environ`` itself, as ``tools/gen_docs.py`` does) must not reach
    other tests.
    """
    for name in ("THIDUA_LANG", "COLUMNS"):
        monkeypatch.setenv(name, "")  # records the value to restore at the end
        monkeypatch.delenv(name)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line in English, as scripts get it with ``THIDUA_LANG=en``."""
    monkeypatch.setenv("THIDUA_LANG", "en")
