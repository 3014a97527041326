"""The ``thidua-calendar`` command line (also ``python -m thidua_calendar``).

Exit codes: 0 success, 1 a check found errors, 2 bad usage or unreadable input, 130
interrupted (Ctrl-C). Errors are one line on standard error, never a traceback (an error of
the tool itself is one line too, asking for a report). Output is UTF-8 whatever the
terminal's encoding (a Windows console's code page included).

Help, usage errors, file errors and status lines are Vietnamese, or English with ``--lang en``
(anywhere on the line) or ``THIDUA_LANG=en`` in the environment (for scripts; an explicit
``--lang`` wins, and another value of the variable is an error). When standard output is a
pipe that closes
early (``| head``), the rest of the output is dropped silently and the exit code is the
command's own.

One module per command group (:mod:`.lunar`: ``convert`` and ``tet``; :mod:`.milestones`;
:mod:`.schedule`; :mod:`.plan`; :mod:`.feeds`: ``ics`` and ``publish``; :mod:`.poster`;
:mod:`.lint`), each importing the library modules it needs when its command is used; the
shared pieces are private (``_options``, ``_output``, ``_errors``).
"""

from __future__ import annotations

import argparse
import contextvars
import sys
from collections.abc import Sequence

from .._version import __version__
from .._vocabulary import Lang
from .._wording import lang_of
from .._wording.cli_help import help_text, metavar
from . import _output
from ._errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, UsageError, run
from ._options import Parser, RawDescriptionHelpFormatter, add_lang_option
from ._output import PROG, BadLanguageError, lang_of_argv, use_lang, using_lang
from .feeds import add_feed_commands
from .lint import add_lint_command
from .lunar import add_lunar_commands
from .milestones import add_milestones_command
from .plan import add_plan_command
from .poster import add_poster_command
from .schedule import add_schedule_command

__all__ = ["PROG", "UsageError", "build_parser", "main"]


def build_parser(lang: Lang | str | None = None) -> argparse.ArgumentParser:
    """The argument parser of the whole command line.

    Each command's options are added when that command is parsed or its help is formatted,
    so building the parser imports no more than the lunar engine.

    Args:
        lang: The language of the help and of argparse's messages, and the default of every
            ``--lang`` (``None``: ``THIDUA_LANG``, else Vietnamese); the
            parser's commands keep it, whatever the language later.
    """
    chosen = _output.current_lang() if lang is None else lang_of(lang)
    with using_lang(chosen):
        return _build_parser(chosen)


def _build_parser(chosen: Lang) -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=help_text("main", chosen),
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=help_text("option.version", chosen),
    )
    add_lang_option(parser)
    parser._actions[-1].help = help_text("main.lang", chosen)
    sub = parser.add_subparsers(
        dest="command", metavar=metavar("COMMAND", chosen), parser_class=Parser
    )
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

    With ``LANG=C``, ``PYTHONIOENCODING=ascii`` or a Windows code page (``cp1252``, where
    ``schedule 2026 > lich.txt`` would fail with ``'charmap' codec can't encode``) Python
    would refuse every Vietnamese letter (and the command would fail, ``plan check`` losing
    its 0/1); UTF-8 bytes are what files, pipes and modern terminals (Windows Terminal,
    PowerShell 7) expect. A character that UTF-8 cannot carry (a lone surrogate from
    undecodable arguments) is replaced by ``?``.
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
    """Run the command line; returns the exit code (130 when interrupted by Ctrl-C).

    The language (``--lang``, else ``THIDUA_LANG``, else Vietnamese) is read from ``argv``
    and the environment first, so that the help and argparse's errors are in it too.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    return contextvars.copy_context().run(_main, arguments)


def _main(argv: list[str]) -> int:
    try:
        _utf8_streams()
        try:
            use_lang(lang_of_argv(argv))
        except BadLanguageError as exc:
            _output.error(str(exc))
            return EXIT_BAD_INPUT
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        finally:
            _output.flush()  # --help and --version print before exiting: a closed pipe is silent
        use_lang(Lang(args.lang))
        return run(args.handler, args)
    except KeyboardInterrupt:
        _output.flush()
        return EXIT_INTERRUPTED
