"""Every example in the README and docs/ runs: ``>>>`` sessions and ``$ thidua-calendar`` lines."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import shlex
from pathlib import Path

import pytest

from thidua_calendar.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples(path: Path) -> None:
    failures, _attempted = doctest.testfile(
        str(path),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        encoding="utf-8",
        verbose=False,
        report=True,
    )
    assert failures == 0


def console_examples(path: Path) -> list[tuple[str, str]]:
    """(command, expected output) pairs from the ```console blocks of a Markdown file."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            examples.append((command, "\n".join(output)))
    return examples


CONSOLE = [(p, cmd, out) for p in DOCS for cmd, out in console_examples(p)]


@pytest.mark.parametrize(
    ("path", "command", "expected"), CONSOLE, ids=[f"{p.name}:{c}" for p, c, _ in CONSOLE]
)
def test_console_examples(path: Path, command: str, expected: str) -> None:
    argv = shlex.split(command)
    assert argv[0] == "thidua-calendar"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv[1:])
    assert code in (0, 1)  # 1: a check that found errors, as the example shows
    assert out.getvalue().rstrip("\n") == expected.rstrip("\n")


def test_the_docs_have_examples() -> None:
    assert len(CONSOLE) >= 2
    assert all("thidua-calendar" in cmd for _, cmd, _ in CONSOLE)


def test_make_demo_installs_the_runtime_only_and_looks_ahead_from_october(tmp_path: Path) -> None:
    import shutil
    import subprocess

    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    # -n: print, do not run; -B: as on a fresh clone (every stamp out of date).
    out = subprocess.run(
        [make, "-n", "-B", "demo", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pip install --quiet -e ." in out
    assert "[dev]" not in out
    # The year shown: next year's from October on, computed by the shell from date +%m.
    year_line = next(line for line in out.splitlines() if "date +%Y" in line)
    script = year_line.split(";")[0] + "; " + year_line.split(";")[1] + '; echo "$year"'
    for month, shift in (("09", 0), ("10", 1), ("12", 1)):
        fake = tmp_path / "bin"
        fake.mkdir(exist_ok=True)
        (fake / "date").write_text(
            f'#!/bin/sh\ncase "$1" in +%Y) echo 2026;; +%m) echo {month};; esac\n', "utf-8"
        )
        (fake / "date").chmod(0o755)
        env = {"PATH": f"{fake}:/usr/bin:/bin"}
        shown = subprocess.run(
            ["sh", "-c", script.lstrip("@")], capture_output=True, text=True, env=env, check=False
        ).stdout.strip()
        assert shown == str(2026 + shift), (month, script)
