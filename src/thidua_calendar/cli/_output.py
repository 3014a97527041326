"""What the command line writes: listings on standard output, files, and one-line notes.

Every write to standard output goes through :func:`write` (and :func:`flush`): when the reader
has gone (``thidua-calendar schedule 2026 | head -3``), the rest of the output is dropped
silently and the command still ends with its own exit code. Notes and errors go to standard
error through :func:`note` and :func:`error`.

Text output never sends a control character from a user file to the terminal: :func:`write`
shows C0 controls as their Control Pictures (ESC as ``␛``, BEL as ``␇``) and C1 controls,
lone surrogates and noncharacters as U+FFFD (:func:`thidua_calendar._hygiene.for_terminal`).
JSON and CSV are data, written as they are (``raw=True``): JSON escapes controls itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, TextIO

from .. import _render

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

PROG: Final = "thidua-calendar"


def _silence(stream: TextIO) -> None:
    """Point a stream whose reader has gone at the null device.

    Python flushes the standard streams again at exit; without this, the broken pipe would be
    reported there (``Exception ignored … BrokenPipeError``). A stream without a file
    descriptor (a test's capture) is left as it is.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def write(text: str, *, raw: bool = False) -> None:
    """Write text on standard output; a closed pipe drops it (and the rest) silently.

    Args:
        text: The text.
        raw: Write it as it is (JSON, CSV); otherwise controls are shown, not sent.
    """
    if not raw:
        from .._hygiene import for_terminal

        text = for_terminal(text)
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        _silence(sys.stdout)


def flush() -> None:
    """Flush standard output (where a closed pipe shows for short outputs), silently."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence(sys.stdout)


def note(message: str) -> None:
    """A line on standard error (``wrote FILE``, a diagnostic); a closed pipe drops it."""
    try:
        print(message, file=sys.stderr)
    except BrokenPipeError:
        _silence(sys.stderr)


def error(message: str) -> None:
    """The one-line error message: ``thidua-calendar: error: …`` on standard error."""
    note(f"{PROG}: error: {message}")


def warning(message: str) -> None:
    """A warning line: ``thidua-calendar: warning: …`` on standard error."""
    note(f"{PROG}: warning: {message}")


def emit(
    args: argparse.Namespace, records: Sequence[_render.Record], text: Callable[[], str]
) -> None:
    """Write a listing in the format asked for: JSON, CSV (columns of the first record) or text.

    JSON and CSV are written as they are; text through :func:`write`'s control filter.
    """
    if args.format == "json":
        write(_render.to_json(records), raw=True)
    elif args.format == "csv":
        columns = list(records[0]) if records else []
        write(_render.to_csv(records, columns), raw=True)
    else:
        write(text())


def write_file(path: Path, data: bytes, detail: str = "", *, force: bool = False) -> None:
    """Write an output file completely or not at all, and say so: ``wrote FILE (detail)``.

    The rules (refusing a file the tool did not write unless ``force``, ``-`` for standard
    output, devices and FIFOs written in place, links followed) are those of
    :func:`thidua_calendar._files.write_output`.
    """
    from .. import _files

    flush()
    _files.write_output(path, data, force=force)
    if str(path) != "-":
        note(f"wrote {path}{f' ({detail})' if detail else ''}")
