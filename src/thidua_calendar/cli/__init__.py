"""The ``thidua-calendar`` command line (also ``python -m thidua_calendar``).

Exit codes: 0 success, 1 a check found errors, 2 bad usage or unreadable input, 130
interrupted (Ctrl-C). Errors are one line on standard error, never a traceback (an error of
the tool itself is one line too, asking for a report). Output is UTF-8 whatever the
terminal's encoding. When standard output is a pipe that closes
early (``| head``), the rest of the output is dropped silently and the exit code is the
command's own.

One module per command group (:mod:`.lunar`: ``convert`` and ``tet``; :mod:`.milestones`;
:mod:`.schedule`; :mod:`.plan`; :mod:`.feeds`: ``ics`` and ``publish``; :mod:`.poster`;
:mod:`.lint`), each importing the library modules it needs when its command is used; the
shared pieces are private (``_options``, ``_output``, ``_errors``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .._version import __version__
from . import _output
from ._errors import EXIT_INTERRUPTED, UsageError, run
from ._options import Parser, RawDescriptionHelpFormatter
from ._output import PROG
from .feeds import add_feed_commands
from .lint import add_lint_command
from .lunar import add_lunar_commands
from .milestones import add_milestones_command
from .plan import add_plan_command
from .poster import add_poster_command
from .schedule import add_schedule_command

__all__ = ["PROG", "UsageError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the whole command line.

    Each command's options are added when that command is parsed or its help is formatted,
    so building the parser imports no more than the lunar engine.
    """
    parser = Parser(
        prog=PROG,
        description="The calendar skeleton of Vietnamese emulation-campaign plans.",
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    add_lunar_commands(sub)
    add_milestones_command(sub)
    add_schedule_command(sub)
    add_plan_command(sub)
    add_feed_commands(sub)
    add_poster_command(sub)
    add_lint_command(sub)
    return parser


def _utf8_streams() -> None:
    """Write standard output and error in UTF-8, whatever the terminal's encoding.

    With ``LANG=C`` or ``PYTHONIOENCODING=ascii`` Python would refuse every Vietnamese
    letter (and the command would fail, ``plan check`` losing its 0/1); UTF-8 bytes are what
    files, pipes and modern terminals expect. A character that UTF-8 cannot carry (a lone
    surrogate from undecodable arguments) is replaced by ``?``.
    """
    import codecs

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None) or "ascii"
        if reconfigure is None:
            continue
        try:
            utf8 = codecs.lookup(encoding).name == "utf-8"
        except LookupError:
            utf8 = False
        if not utf8 or getattr(stream, "errors", "strict") == "strict":
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (130 when interrupted by Ctrl-C)."""
    try:
        _utf8_streams()
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        finally:
            _output.flush()  # --help and --version print before exiting: a closed pipe is silent
        return run(args.handler, args)
    except KeyboardInterrupt:
        _output.flush()
        return EXIT_INTERRUPTED
