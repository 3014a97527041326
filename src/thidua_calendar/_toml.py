"""TOML loading with errors located at ``file:line`` (tomllib reports lines only for syntax).

:class:`Located` reads a file once (at most :data:`~thidua_calendar._limits.TOML_LIMIT`
bytes), parses it, and finds the line of each ``[[array]]`` table and of a field inside it,
so that semantic errors ("month must be 1-12") point at the line a clerk has to fix. Lines
are counted as TOML counts them: a line ends at LF (or CRLF) only, and the lines inside a
multi-line string are never taken for a table header or a key.

Every string read through :class:`Fields` is checked for characters no user text may hold, by
the one text-hygiene rule (:func:`thidua_calendar._hygiene.problem`): multi-line fields (a
title, a theme, a note) may hold TAB and line breaks, the others none.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from ._hygiene import problems
from ._limits import TOML_LIMIT
from ._wording import errors as error_words
from ._wording.toml import curly_quotes, no_such_written_date, not_utf8, syntax_error
from ._wording.toml import written_date as written_date_words
from .errors import DataError

_MULTILINE_FIELDS: Final = frozenset(
    {"title", "organisation", "theme", "note", "notes", "source", "legal_basis"}
)
"""Fields whose text may span lines (TAB, LF and CR allowed); the others are one line."""

_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
"""The one date form of the plan and catalogue files, in ASCII digits: ``YYYY-MM-DD``."""


def strict_date(text: str) -> dt.date:
    """A date written ``YYYY-MM-DD`` in ASCII digits, nothing else.

    :meth:`datetime.date.fromisoformat` also takes ISO week dates (``2020-W01-1``), ordinal
    dates and ``20200101``; the files and the command line take only the one form.

    Raises:
        ValueError: Another form, or a day that does not exist.

    Examples:
        >>> strict_date("2026-02-03")
        datetime.date(2026, 2, 3)
        >>> strict_date("2020-W01-1")
        Traceback (most recent call last):
        ...
        ValueError: not a date YYYY-MM-DD
    """
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError("not a date YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


BOM: Final = "\ufeff"
"""The byte-order mark Notepad writes at the start of a UTF-8 file: read as nothing."""

_CURLY: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_WRITTEN_DATE: Final = re.compile(
    r"""(?P<key>\s*[A-Za-z0-9_.-]+\s*=\s*)(?P<q>["'“”]?)"""
    r"(?P<day>[0-9]{1,2})[/.-](?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})"
    r"""(?P=q)?["'“”]?(?P<rest>\s*(#.*)?)"""
)


def written_date(text: str) -> str | None:
    """The ISO form ``2025-09-02`` of a date written ``02/09/2025`` (also with ``.`` or ``-``).

    Returns ``None`` for another text, or a day that does not exist.

    Examples:
        >>> written_date("02/09/2025"), written_date("2.9.2025"), written_date("31/04/2026")
        ('2025-09-02', '2025-09-02', None)
    """
    match = re.fullmatch(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})", text.strip())
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _forgiven(line: str) -> tuple[str, str] | None:
    """What a clerk meant on a line TOML cannot read, with the corrected line.

    Curly quotes made straight, a date ``02/09/2025`` written ``"2025-09-02"``; ``None``:
    neither.
    """
    match = _WRITTEN_DATE.fullmatch(line)
    if match is not None:
        day, month, year = (match.group(g) for g in ("day", "month", "year"))
        iso = written_date(f"{day}/{month}/{year}")
        if iso is None:
            return no_such_written_date(f"{day}/{month}/{year}")
        return written_date_words(f'{match.group("key")}"{iso}"{match.group("rest")}'.strip())
    straight = line.translate(_CURLY)
    if straight != line:
        try:
            tomllib.loads(straight)
        except tomllib.TOMLDecodeError:
            return None
        return curly_quotes(straight.strip())
    return None


def date_hint(field: str, text: str) -> tuple[str, str] | None:
    """The words for a field holding a date as the string ``"02/09/2025"``, else ``None``.

    They show the corrected line: ``start = "2025-09-02"``.
    """
    iso = written_date(text)
    return None if iso is None else written_date_words(f'{field} = "{iso}"')


def _toml_lines(text: str) -> list[str]:
    r"""The lines of a TOML text as TOML counts them, multi-line string contents blanked.

    Only LF ends a line (a CR before it belongs to it); U+2028, U+0085 or a form feed do not.
    The characters inside a multi-line string become spaces, so that a line of a string
    reading ``[[phase]]`` or ``key = 1`` is not taken for a header or a key.

    Examples:
        >>> _toml_lines("a = 1\u2028\nb = '''\n[x]\n'''\nc = 2\r\n")
        ['a = 1\u2028', 'b =    ', '   ', '   ', 'c = 2', '']
    """
    out: list[str] = []
    i, n = 0, len(text)
    buffer: list[str] = []
    while i < n:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            buffer.append(text[i:end])
            i = end
            continue
        if char in "\"'":
            if text.startswith(char * 3, i):
                close = _multiline_end(text, i + 3, char)
                for c in text[i:close]:
                    if c == "\n":
                        out.append("".join(buffer))
                        buffer = []
                    else:
                        buffer.append(" ")
                i = close
                continue
            j = i + 1
            while j < n and text[j] not in (char, "\n"):
                j += 2 if char == '"' and text[j] == "\\" else 1
            j = min(j + 1, n) if j < n and text[j] == char else j
            buffer.append(text[i:j])
            i = j
            continue
        if char == "\n":
            out.append("".join(buffer).removesuffix("\r"))
            buffer = []
        else:
            buffer.append(char)
        i += 1
    out.append("".join(buffer))
    return out


def _multiline_end(text: str, i: int, quote: str) -> int:
    """Where a multi-line string whose content starts at ``i`` ends (after its quotes)."""
    n = len(text)
    while i < n:
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text.startswith(quote * 3, i):
            i += 3
            while i < n and text[i] == quote:  # up to two quotes may end the content
                i += 1
            return i
        i += 1
    return n


class Located:
    """A parsed TOML document that can say where its tables and fields are.

    Args:
        text: The TOML text.
        path: The file name used in error messages.
    """

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        text = text.removeprefix(BOM)  # Notepad starts a UTF-8 file with one
        self.lines = _toml_lines(text)
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"\(at line (\d+), column (\d+)\)", message)
            line = int(match.group(1)) if match else None
            if line is None and "(at end of document)" in message:
                line = len(self.lines) - (self.lines[-1] == "")  # the last line with text
            reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
            raw = text.split("\n")[line - 1].removesuffix("\r") if line else ""
            vi, en = _forgiven(raw) or syntax_error(reason)
            raise DataError(en, path=path, line=line, vi=vi) from None

    @classmethod
    def read(cls, path: str | Path, *, limit: int = TOML_LIMIT) -> Located:
        """Read and parse a file of at most ``limit`` bytes.

        Raises:
            DataError: The file is larger than ``limit`` (or endless), not UTF-8 or not TOML.
            OSError: The file cannot be read.
        """
        from ._limits import read_bytes

        p = Path(path)
        try:
            text = read_bytes(p, limit).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"not UTF-8 text ({exc.reason})", path=str(p), vi=not_utf8()[0]
            ) from None
        return cls(text, str(p))

    def table_line(self, header: str, index: int) -> int | None:
        """Line of the ``index``-th ``[[header]]`` table (0-based), or of ``[header]``."""
        pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(header) + r"\s*\]\]?\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if seen == index:
                    return number
        return None

    def key_line(self, name: str) -> int | None:
        """Line of a top-level key or table named ``name`` (its first appearance)."""
        pattern = re.compile(
            r"^\s*(\[\[?\s*" + re.escape(name) + r"\b|" + re.escape(name) + r"\s*=)"
        )
        return next((n for n, line in enumerate(self.lines, start=1) if pattern.match(line)), None)

    def field_line(self, header: str, index: int, field: str | None) -> int | None:
        """Line of ``field`` inside the ``index``-th ``[[header]]`` table, else the table's."""
        start = self.table_line(header, index)
        if start is None or field is None:
            return start
        pattern = re.compile(r"^\s*" + re.escape(field) + r"\s*=")
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if re.match(r"^\s*\[", line):
                break
            if pattern.match(line):
                return number + 1
        return start

    def error(
        self,
        message: str,
        header: str,
        index: int,
        field: str | None = None,
        *,
        vi: str | None = None,
    ) -> DataError:
        """A :class:`DataError` located at a table (and field)."""
        line = self.field_line(header, index, field)
        return DataError(message, path=self.path, line=line, vi=vi)


class Fields:
    """Typed access to one TOML table, raising located errors.

    Args:
        doc: The document.
        header: The array-of-tables name (``"commemoration"``).
        index: Which table of the array.
        table: The table itself.
        label: How to name the table in messages (``"commemoration 'thanh_lap_dang'"``).
        label_vi: The same in Vietnamese (``None``: ``label``, a ``[table]`` name).
    """

    def __init__(
        self,
        doc: Located,
        header: str,
        index: int,
        table: Mapping[str, Any],
        label: str,
        label_vi: str | None = None,
    ) -> None:
        self.doc, self.header, self.index, self.table, self.label = doc, header, index, table, label
        self.label_vi = label if label_vi is None else label_vi

    def relabel(self, pair: tuple[str, str]) -> None:
        """Name the table anew in messages: ``(vi, en)`` (a phase, once its label is read)."""
        self.label_vi, self.label = pair

    def fail(self, field: str | None, message: str, *, vi: str | None = None) -> DataError:
        """A located error about ``field`` (``vi``: the message in Vietnamese, if any)."""
        return self.doc.error(
            f"{self.label}: {message}",
            self.header,
            self.index,
            field,
            vi=f"{self.label_vi}: {vi}" if vi is not None else None,
        )

    def refuse(self, field: str | None, pair: tuple[str, str]) -> DataError:
        """A located error about ``field`` from a ``(vi, en)`` pair of the wording layer."""
        return self.fail(field, pair[1], vi=pair[0])

    def check_known(self, allowed: set[str]) -> None:
        """Reject fields that are not in ``allowed`` (typos must not be ignored silently)."""
        for name in self.table:
            if name not in allowed:
                raise self.refuse(name, error_words.unknown_field(name, sorted(allowed)))

    def text(self, field: str, *, required: bool = True, default: str = "") -> str:
        """A string field."""
        if field not in self.table:
            if required:
                raise self.refuse(None, error_words.missing_field(field))
            return default
        value = self.table[field]
        if not isinstance(value, str):
            raise self.refuse(field, error_words.wrong_kind(field, "a string", _kind(value)))
        return self._clean(field, value)

    def _clean(self, field: str, value: str) -> str:
        """``value`` when it holds no character the text-hygiene rule refuses (:mod:`._hygiene`)."""
        found = problems(value, one_line=field not in _MULTILINE_FIELDS)
        if found is not None:
            raise self.fail(field, f"{field}: {found[1]}", vi=f"{field}: {found[0]}")
        return value

    def integer(
        self, field: str, *, required: bool = True, low: int | None = None, high: int | None = None
    ) -> int | None:
        """An integer field, optionally bounded."""
        if field not in self.table:
            if required:
                raise self.refuse(None, error_words.missing_field(field))
            return None
        value = self.table[field]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.refuse(field, error_words.wrong_kind(field, "an integer", _kind(value)))
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.refuse(field, error_words.out_of_bounds(field, low, high, value))
        return value

    def flag(self, field: str, default: bool = False) -> bool:
        """A boolean field."""
        value = self.table.get(field, default)
        if not isinstance(value, bool):
            raise self.refuse(field, error_words.wrong_kind(field, "true or false", _kind(value)))
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        """A list of strings (missing: empty)."""
        value = self.table.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.refuse(field, error_words.not_strings(field))
        return tuple(self._clean(field, v) for v in value)

    def choice(self, field: str, choices: tuple[str, ...], default: str | None = None) -> str:
        """A string that must be one of ``choices``."""
        if field not in self.table and default is not None:
            return default
        value = self.text(field)
        if value not in choices:
            raise self.refuse(field, error_words.not_one_of(field, choices, value))
        return value

    def iso_date(self, field: str) -> dt.date | None:
        """An ISO date given as a TOML date or a string (missing: None)."""
        if field not in self.table:
            return None
        value = self.table[field]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return strict_date(value)
            except ValueError:
                hint = date_hint(field, value)
                if hint is not None:
                    raise self.fail(field, hint[1], vi=hint[0]) from None
                raise self.refuse(field, error_words.not_iso_date(field, repr(value))) from None
        raise self.refuse(field, error_words.not_iso_date(field, _kind(value)))


def meta_revision(doc: Located, *, required: bool) -> dt.date | None:
    """The ``[meta] revision`` of a data file, a TOML date or a ``"YYYY-MM-DD"`` string.

    Args:
        doc: The document.
        required: Fail when there is no revision (the shipped files must have one).

    Returns:
        The revision date, or None when there is none and none is required.

    Raises:
        DataError: ``[meta]`` is not a table, or the revision is missing (when required) or
            is not a date — located at ``file:line``.
    """
    meta = doc.data.get("meta", {})
    if not isinstance(meta, dict):
        raise DataError("[meta] must be a table", path=doc.path, line=doc.key_line("meta") or 1)
    f = Fields(doc, "meta", 0, meta, "[meta]")
    if "revision" not in meta:
        if required:
            raise DataError(
                '[meta] has no revision (revision = "YYYY-MM-DD", the date of the data)',
                path=doc.path,
                line=doc.key_line("meta") or 1,
            )
        return None
    value = meta["revision"]
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return strict_date(value)
        except ValueError as exc:
            raise f.fail("revision", f"impossible revision date {value!r} ({exc})") from None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    shown = repr(value) if isinstance(value, str) else _kind(value)
    raise f.fail("revision", f'revision must be a date "YYYY-MM-DD", not {shown}')


def _kind(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
