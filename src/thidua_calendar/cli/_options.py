"""The argument parser, the options several commands share, and the parsing of their values.

A command's options are added when the command is used (parsed, or its help shown), not when
the whole parser is built: ``thidua-calendar tet 2025`` builds the options of ``tet`` only,
and a command module imports the library modules its options need (catalogue categories,
entry kinds, paper sizes) inside the function that adds them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, NoReturn, TypeVar

from .. import _render
from ._errors import UsageError

LANGS: Final = ("vi", "en")
"""The languages of every ``--lang`` option (the first is the default)."""

RANKS: Final = ("tron", "le5", "khac", "all")
"""The values of ``--rank``: năm tròn, năm lẻ 5, other years, or all."""

P = TypeVar("P", bound=argparse.ArgumentParser)


def terminal_width() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it, without ``shutil``.

    ``argparse`` asks ``shutil`` for the width of every formatter it makes, and importing
    ``shutil`` (with its compression modules) costs more than a short command.
    ``COLUMNS`` wins, then the terminal of standard output, else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, its width from :func:`terminal_width`."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **options: Any,
    ) -> None:
        width = terminal_width() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width, **options)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """The same, keeping descriptions and epilogs as written (the examples)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (exit 2) and whose options may be deferred.

    :meth:`defer` gives it a function that adds its arguments; the function runs the first
    time the parser parses or formats its usage or help.
    """

    _add_arguments: Callable[[Parser], None] | None = None

    def defer(self, add_arguments: Callable[[Parser], None]) -> None:
        """Add the arguments with ``add_arguments(self)`` when they are first needed."""
        self._add_arguments = add_arguments

    def complete(self) -> None:
        """Add the deferred arguments now (once)."""
        add_arguments, self._add_arguments = self._add_arguments, None
        if add_arguments is not None:
            add_arguments(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse, after adding the deferred arguments."""
        self.complete()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """The usage line, after adding the deferred arguments."""
        self.complete()
        return super().format_usage()

    def format_help(self) -> str:
        """The help, after adding the deferred arguments."""
        self.complete()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Exit with code 2 and one line: ``PROG: error: message (see --help)``."""
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def add_command(
    subparsers: argparse._SubParsersAction[P],
    name: str,
    add_arguments: Callable[[Any], None],
    **options: Any,
) -> P:
    """Add a command; its arguments are added by ``add_arguments(parser)`` when first needed.

    On sub-parsers of another class than :class:`Parser` the arguments are added at once.
    Returns the command's parser.
    """
    options.setdefault("formatter_class", RawDescriptionHelpFormatter)
    parser = subparsers.add_parser(name, **options)
    if isinstance(parser, Parser):
        parser.defer(add_arguments)
    else:
        add_arguments(parser)
    return parser


# --- options ------------------------------------------------------------------------------


def add_lang_option(parser: argparse.ArgumentParser, what: str = "the output") -> None:
    """``--lang vi|en``: the one place the command line's languages are listed."""
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=LANGS[0],
        help=f"language of {what} (default: {LANGS[0]})",
    )


def add_format_option(
    parser: argparse.ArgumentParser, extra: Sequence[str] = (), help_text: str = ""
) -> None:
    """``--format text|json|csv`` (and the ``extra`` formats of the command)."""
    parser.add_argument(
        "--format",
        choices=(*_render.FORMATS, *extra),
        default="text",
        help=help_text or "output format (default: text)",
    )


def add_listing_options(parser: argparse.ArgumentParser, *, calendar: bool = False) -> None:
    """``--format`` and ``--lang`` (and ``--calendar`` when the listing is of lunar dates)."""
    add_format_option(parser)
    add_lang_option(parser)
    if calendar:
        from ..lunar import CALENDARS

        parser.add_argument(
            "--calendar",
            choices=sorted(CALENDARS),
            default="vietnam",
            help="calendar variant (default: vietnam, the historical Vietnamese calendar)",
        )


def add_years_argument(parser: argparse.ArgumentParser) -> None:
    """The ``YEAR`` arguments: one year or a span (see :func:`parse_year_span`)."""
    parser.add_argument(
        "years", nargs="+", metavar="YEAR", help="a year, or the first and last year"
    )


def add_category_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--category`` (repeatable), from the catalogue's categories."""
    from .._vocabulary import Category

    categories = [c.value for c in Category]
    parser.add_argument(
        "--category",
        action="append",
        metavar="CATEGORY",
        choices=[*categories, "all"],
        help=f"{help_text}; one of {', '.join(categories)}, or all (default: all but "
        "leader, provincial and sector)",
    )


def categories_of(args: argparse.Namespace) -> list[str] | Literal["all"] | None:
    """The ``--category`` values as the library takes them (``"all"`` wins)."""
    chosen: list[str] | None = args.category
    if not chosen:
        return None
    return "all" if "all" in chosen else chosen


def add_kind_option(parser: argparse.ArgumentParser) -> None:
    """``--kind`` (repeatable), from the schedule's entry kinds."""
    from .._vocabulary import EntryKind

    kinds = [k.value for k in EntryKind]
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        choices=kinds,
        help=f"only this kind of entry (repeatable); one of {', '.join(kinds)}",
    )


def add_major_days_option(parser: argparse.ArgumentParser) -> None:
    """``--major-days``: only the ngày lễ lớn (what an entry is and how it ranks are separate)."""
    parser.add_argument(
        "--major-days",
        action="store_true",
        help="only the ngày lễ lớn (Nghị định 145/2013/NĐ-CP, Điều 4)",
    )


def add_include_ended_option(parser: argparse.ArgumentParser) -> None:
    """``--include-ended``: also the days of bodies that have ended (or not yet begun)."""
    parser.add_argument(
        "--include-ended",
        action="store_true",
        help="also the days of a body that no longer exists on them (Công đoàn Viên chức "
        "Việt Nam after 2025, a merged province), left out by default",
    )


def add_catalog_option(parser: argparse.ArgumentParser, condition: str = "") -> None:
    """``--catalog FILE``: a user catalogue added to the shipped one."""
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        help=f"{condition}a TOML file of your own commemorations, added to (or overriding "
        "by key) the shipped catalogue",
    )


def add_allow_outside_option(parser: argparse.ArgumentParser) -> None:
    """``--allow-outside-catalog``: a plan's ``[follow] catalog`` may lie outside its folder."""
    parser.add_argument(
        "--allow-outside-catalog",
        action="store_true",
        help="accept a plan whose [follow] catalog is outside the plan's folder "
        "(an absolute path or one through ..)",
    )


def add_span_options(parser: argparse.ArgumentParser) -> None:
    """``--from YEAR`` and ``--to YEAR``, the span of a feed."""
    parser.add_argument(
        "--from",
        dest="from_year",
        type=parse_year,
        metavar="YEAR",
        help="first year (default: the previous year)",
    )
    parser.add_argument(
        "--to",
        dest="to_year",
        type=parse_year,
        metavar="YEAR",
        help="last year (default: five years ahead)",
    )


# --- values -------------------------------------------------------------------------------


_YEAR: Final = re.compile(r"[0-9]+")
"""A year on the command line: ASCII digits only (no sign, no other script's digits)."""


def _year_value(text: str) -> int:
    """The value of a year in ASCII digits; a number too long to be a year is out of range."""
    if len(text) > 9:
        from .._years import range_text

        raise ValueError(f"year {text[:12]}… is outside the supported range {range_text()}")
    return int(text)


def parse_year(text: str) -> int:
    """A year written in ASCII digits (``2025``): the ``type`` of every ``YEAR`` option.

    ``int()`` would take ``-2025``, ``+2025``, ``2_025``, `` 2025 `` and Arabic-Indic digits.

    Raises:
        argparse.ArgumentTypeError: Anything else (argparse makes it a usage error, exit 2).

    Examples:
        >>> parse_year("2025")
        2025
        >>> parse_year("-2025")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: expected a year in digits 0-9, not '-2025'
    """
    if not _YEAR.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a year in digits 0-9, not {text!r}")
    try:
        return _year_value(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_year_span(values: Sequence[str]) -> range:
    """One year (``2025``) or an inclusive pair (``2020 2030``, also ``2020-2030``).

    Years are ASCII digits; a sign (``-2025``) or an empty end (``2020-``) is refused.

    Raises:
        UsageError: Not one or two years, or a span that ends before it starts.
    """
    parts = [p for v in values for p in re.split(r"[-–]|\.\.", v)]
    if not 1 <= len(parts) <= 2 or not all(_YEAR.fullmatch(p) for p in parts):
        raise UsageError(f"expected a year or two years, not {' '.join(values)!r}")
    try:
        first, last = _year_value(parts[0]), _year_value(parts[-1])
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if last < first:
        raise UsageError(f"the span {first}–{last} ends before it starts")
    return range(first, last + 1)
