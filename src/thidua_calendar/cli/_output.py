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

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final, TextIO

from .. import _render
from .._vocabulary import Lang
from .._wording import cli as words

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

PROG: Final = "thidua-calendar"

LANG_VARIABLE: Final = "THIDUA_LANG"
"""The environment variable giving scripts their default language (``vi`` or ``en``)."""

_LANG: ContextVar[Lang | None] = ContextVar("thidua_calendar_cli_lang", default=None)


class BadLanguageError(Exception):
    """``THIDUA_LANG`` names no language of the command line."""


def environment_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language ``THIDUA_LANG`` gives (empty or unset: Vietnamese).

    Raises:
        BadLanguageError: Another value (``fr``, ``english``).
    """
    value = (os.environ if environ is None else environ).get(LANG_VARIABLE, "").strip()
    if not value:
        return Lang.VI
    try:
        return Lang(value.lower())
    except ValueError:
        raise BadLanguageError(words.bad_lang_variable(value)) from None


def lang_of_argv(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of a command line, known before argparse builds its help.

    The last ``--lang X`` (or ``--lang=X``) before a ``--`` wins; then ``THIDUA_LANG``;
    else Vietnamese. A ``--lang`` of no language is left to argparse to refuse (in the
    language of the environment).

    Raises:
        BadLanguageError: ``THIDUA_LANG`` names no language (and no valid ``--lang`` is given).
    """
    chosen: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    if chosen in {lang.value for lang in Lang}:
        return Lang(chosen)
    return environment_lang(environ)


def current_lang() -> Lang:
    """The language of the command line's messages.

    As :func:`use_lang` set it, else the environment's (an unusable ``THIDUA_LANG`` counts as
    Vietnamese here).
    """
    lang = _LANG.get()
    if lang is not None:
        return lang
    try:
        return environment_lang()
    except BadLanguageError:
        return Lang.VI


def use_lang(lang: Lang) -> None:
    """Make ``lang`` the language of the command line's messages in this context."""
    _LANG.set(lang)


@contextlib.contextmanager
def using_lang(lang: Lang) -> Iterator[None]:
    """Make ``lang`` the language of the command line's messages inside a ``with`` block."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


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
    """The one-line error message: ``thidua-calendar: lỗi: …`` on standard error."""
    note(words.error_line(PROG, message, current_lang()))


def warning(message: str) -> None:
    """A warning line: ``thidua-calendar: cảnh báo: …`` on standard error."""
    note(words.warning_line(PROG, message, current_lang()))


BOM: Final = "\ufeff"
"""The UTF-8 byte-order mark that makes Excel read a CSV file as UTF-8 (not the ANSI code page)."""


def table_width(args: argparse.Namespace) -> int | None:
    """The width a text table must fit: ``--width``, else ``COLUMNS``, else the terminal's.

    Written to a file (``-o``) or to a pipe without ``--width`` or ``COLUMNS``, a table has
    no limit: its lines stay whole for ``grep`` and for a wide editor window.
    """
    given: int | None = getattr(args, "width", None)
    if given is not None:
        return given
    if getattr(args, "output", None) not in (None, "-"):
        return None
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        pass
    return None


def emit(
    args: argparse.Namespace,
    records: Sequence[_render.Record],
    text: Callable[[int | None], str],
    *,
    sheet: str,
    year: int,
) -> None:
    """Write a listing in the format asked for: JSON, CSV, an Excel workbook or text.

    JSON and CSV are written as they are; text through :func:`write`'s control filter, its
    table fitted to :func:`table_width`. CSV and the workbook have the columns of the first
    record. With ``-o FILE`` the listing goes to the file (see :func:`deliver`); a workbook
    needs one (:func:`deliver_xlsx`, ``sheet`` its title, dated 1 January of ``year``).
    """
    columns = list(records[0]) if records else []
    if args.format == "json":
        deliver(args, _render.to_json(records), raw=True, rows=len(records))
    elif args.format == "csv":
        deliver(args, _render.to_csv(records, columns), raw=True, csv=True, rows=len(records))
    elif args.format == "xlsx":
        deliver_xlsx(args, records, columns, sheet=sheet, year=year)
    else:
        deliver(args, text(table_width(args)), raw=False)


def check_xlsx_output(args: argparse.Namespace) -> None:
    """Refuse ``--format xlsx`` without ``-o FILE`` (or with ``--bom``): nothing is written.

    Raises:
        ValueError: No file to write the workbook into (exit 2), or ``--bom``.
    """
    if getattr(args, "format", None) != "xlsx":
        return
    if getattr(args, "output", None) in (None, "-"):
        raise ValueError(words.xlsx_needs_file(current_lang()))
    if getattr(args, "bom", False):
        raise ValueError(words.bom_needs_csv(current_lang()))


def deliver_xlsx(
    args: argparse.Namespace,
    records: Sequence[_render.Record],
    columns: Sequence[str],
    *,
    sheet: str,
    year: int,
) -> None:
    """Write a listing as an Excel workbook into ``-o FILE`` (``wrote FILE (N dòng)``).

    Never on standard output or a terminal; a workbook the tool wrote is replaced, one saved
    by Excel only with ``--force`` (see :mod:`thidua_calendar._xlsx`).
    """
    from pathlib import Path

    from .._xlsx import to_xlsx

    check_xlsx_output(args)
    data = to_xlsx(records, columns, title=sheet, year=year)
    write_file(
        Path(str(args.output)),
        data,
        words.rows_detail(len(records), current_lang()),
        force=getattr(args, "force", False),
    )


def deliver(
    args: argparse.Namespace, data: str, *, raw: bool, csv: bool = False, rows: int | None = None
) -> None:
    """Write a listing on standard output, or into ``-o FILE`` (``wrote FILE``).

    CSV written into a file starts with a UTF-8 byte-order mark, so that Excel (which reads a
    CSV without one in the ANSI code page, cp1258 or cp1252) shows the Vietnamese letters;
    on standard output it does only with ``--bom`` (a pipe's reader may not expect one).
    A file the tool did not write is refused unless ``--force`` (a CSV carries no mark of
    its writer, so replacing one always needs ``--force``). ``rows``: the count of records,
    said in the status line.
    """
    output: str | None = getattr(args, "output", None)
    to_file = output not in (None, "-")
    if csv and (to_file or getattr(args, "bom", False)):
        data = BOM + data
    elif getattr(args, "bom", False):
        raise ValueError(words.bom_needs_csv(current_lang()))
    if not to_file:
        write(data, raw=raw)
        return
    from pathlib import Path

    if not raw:
        from .._hygiene import for_terminal

        data = for_terminal(data)
    write_file(
        Path(str(output)),
        data.encode("utf-8"),
        words.rows_detail(rows, current_lang()) if rows is not None else "",
        force=getattr(args, "force", False),
    )


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
        note(words.wrote(path, detail, current_lang()))
