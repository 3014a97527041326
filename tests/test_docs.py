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
