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
from .._wording import cli as words
from .._wording.cli_argparse import argparse_message
from .._wording.cli_help import examples, help_text, metavar
from ._errors import UsageError
from ._output import current_lang, using_lang

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
    time the parser parses or formats its usage or help. Its frame (``cách dùng:``, the
    group titles, ``-h``) and argparse's own error messages are in the language of the
    command line (:func:`~thidua_calendar.cli._output.current_lang`).
    """

    _add_arguments: Callable[[Parser], None] | None = None

    def __init__(self, *args: Any, add_help: bool = True, **options: Any) -> None:
        options["add_help"] = False  # our -h, its help in the command line's language
        super().__init__(*args, **options)
        self.lang = lang = current_lang()  # the deferred options are added in it too
        self._positionals.title = help_text("positionals", lang)
        self._optionals.title = help_text("optionals", lang)
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=help_text("option.help", lang),
            )

    def defer(self, add_arguments: Callable[[Parser], None]) -> None:
        """Add the arguments with ``add_arguments(self)`` when they are first needed."""
        self._add_arguments = add_arguments

    def complete(self) -> None:
        """Add the deferred arguments now (once)."""
        add_arguments, self._add_arguments = self._add_arguments, None
        if add_arguments is not None:
            with using_lang(self.lang):
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
        formatter = self._get_formatter()
        formatter.add_usage(
            self.usage,
            self._actions,
            self._mutually_exclusive_groups,
            help_text("usage", self.lang),
        )
        return formatter.format_help()

    def format_help(self) -> str:
        """The help, after adding the deferred arguments (argparse's layout, its words ours)."""
        self.complete()
        formatter = self._get_formatter()
        formatter.add_usage(
            self.usage,
            self._actions,
            self._mutually_exclusive_groups,
            help_text("usage", self.lang),
        )
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        """Exit with code 2 and one line: ``PROG: lỗi: message (xem --help)``."""
        lang = self.lang
        self.exit(2, words.usage_error(self.prog, argparse_message(message, lang), lang) + "\n")


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


def text(key: str, **values: str) -> str:
    """A help text (:mod:`thidua_calendar._wording.cli_help`) in the command line's language."""
    return help_text(key, current_lang(), **values)


def var(name: str) -> str:
    """A metavar (``FILE``) in the command line's language (``TỆP``)."""
    return metavar(name, current_lang())


def epilog(command: str, *, after: Sequence[str] = ()) -> str:
    """The examples of a command's help, in the command line's language."""
    return examples(command, current_lang(), after=after)


def add_lang_option(parser: argparse.ArgumentParser, what: str = "output") -> None:
    """``--lang vi|en``: the one place the command line's languages are listed.

    Its default is the language of the command line (``THIDUA_LANG``, else Vietnamese); an
    explicit ``--lang`` has already been read by :func:`~._output.lang_of_argv` and wins.
    """
    lang = current_lang()
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=lang.value,
        help=text("lang", what=text(f"lang.{what}")),
    )


def add_format_option(
    parser: argparse.ArgumentParser,
    extra: Sequence[str] = (),
    help_key: str = "format.csv",
    *,
    files: bool = True,
) -> None:
    """``--format text|json|csv`` (and the ``extra`` formats of the command).

    With ``files``, also ``-o FILE``, ``--bom`` and ``--width`` (see :func:`~._output.emit`).
    """
    parser.add_argument(
        "--format",
        choices=(*_render.FORMATS, *extra),
        default="text",
        help=text(help_key),
    )
    if files:
        parser.add_argument("-o", "--output", metavar=var("FILE"), help=text("output.listing"))
        parser.add_argument("--bom", action="store_true", help=text("bom"))
        parser.add_argument("--width", type=_width, metavar="N", help=text("width"))
        parser.add_argument(
            "--force", action="store_true", help=text("force", what=text("force.file"))
        )


def _width(value: str) -> int:
    if not re.fullmatch(r"[0-9]{1,4}", value) or int(value) < 40:
        raise argparse.ArgumentTypeError(words.bad_width(value, current_lang()))
    return int(value)


def add_listing_options(
    parser: argparse.ArgumentParser, *, calendar: bool = False, files: bool = True
) -> None:
    """``--format`` and ``--lang`` (and ``--calendar`` when the listing is of lunar dates)."""
    add_format_option(parser, files=files)
    add_lang_option(parser)
    if calendar:
        from ..lunar import CALENDARS

        parser.add_argument(
            "--calendar",
            choices=sorted(CALENDARS),
            default="vietnam",
            help=text("calendar"),
        )


def add_years_argument(parser: argparse.ArgumentParser) -> None:
    """The ``YEAR`` arguments: one year or a span (see :func:`parse_year_span`)."""
    parser.add_argument("years", nargs="+", metavar=var("YEAR"), help=text("years"))


def add_category_option(parser: argparse.ArgumentParser, help_key: str) -> None:
    """``--category`` (repeatable), from the catalogue's categories."""
    from .._vocabulary import Category

    categories = [c.value for c in Category]
    parser.add_argument(
        "--category",
        action="append",
        metavar=var("CATEGORY"),
        choices=[*categories, "all"],
        help=text("category", what=text(help_key), choices=", ".join(categories)),
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
        metavar=var("KIND"),
        choices=kinds,
        help=text("kind", choices=", ".join(kinds)),
    )


def add_major_days_option(parser: argparse.ArgumentParser) -> None:
    """``--major-days``: only the ngày lễ lớn (what an entry is and how it ranks are separate)."""
    parser.add_argument("--major-days", action="store_true", help=text("major_days"))


def add_include_ended_option(parser: argparse.ArgumentParser) -> None:
    """``--include-ended``: also the days of bodies that have ended (or not yet begun)."""
    parser.add_argument("--include-ended", action="store_true", help=text("include_ended"))


def add_catalog_option(parser: argparse.ArgumentParser, condition: str = "") -> None:
    """``--catalog FILE``: a user catalogue added to the shipped one.

    ``condition`` is the key of the help's opening (``catalog.without_plan``), if any.
    """
    parser.add_argument(
        "--catalog",
        metavar=var("FILE"),
        help=text("catalog", condition=text(condition) if condition else ""),
    )


def add_allow_outside_option(parser: argparse.ArgumentParser) -> None:
    """``--allow-outside-catalog``: a plan's ``[follow] catalog`` may lie outside its folder."""
    parser.add_argument("--allow-outside-catalog", action="store_true", help=text("allow_outside"))


def add_span_options(parser: argparse.ArgumentParser) -> None:
    """``--from YEAR`` and ``--to YEAR``, the span of a feed."""
    parser.add_argument(
        "--from",
        dest="from_year",
        type=parse_year,
        metavar=var("YEAR"),
        help=text("from"),
    )
    parser.add_argument(
        "--to", dest="to_year", type=parse_year, metavar=var("YEAR"), help=text("to")
    )


# --- values -------------------------------------------------------------------------------


_YEAR: Final = re.compile(r"[0-9]+")
"""A year on the command line: ASCII digits only (no sign, no other script's digits)."""


def _year_value(text: str) -> int:
    """The value of a year in ASCII digits; a number too long to be a year is out of range."""
    if len(text) > 9:
        from .._years import range_text

        raise ValueError(words.year_out_of_range(f"{text[:12]}…", range_text(), current_lang()))
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
        argparse.ArgumentTypeError: cần một năm viết bằng chữ số 0-9, không phải '-2025'
    """
    if not _YEAR.fullmatch(text):
        raise argparse.ArgumentTypeError(words.not_a_year(text, current_lang()))
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
        raise UsageError(words.not_years(" ".join(values), current_lang()))
    try:
        first, last = _year_value(parts[0]), _year_value(parts[-1])
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if last < first:
        raise UsageError(words.span_backwards(first, last, current_lang()))
    return range(first, last + 1)
