"""TOML loading with errors located at ``file:line`` (tomllib reports lines only for syntax).

:class:`Located` reads a file once, parses it, and finds the line of each ``[[array]]`` table
and of a field inside it, so that semantic errors ("month must be 1-12") point at the line a
clerk has to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import DataError


class Located:
    """A parsed TOML document that can say where its tables and fields are.

    Args:
        text: The TOML text.
        path: The file name used in error messages.
    """

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"\(at line (\d+), column (\d+)\)", message)
            line = int(match.group(1)) if match else None
            reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
            raise DataError(f"invalid TOML: {reason}", path=path, line=line) from None

    @classmethod
    def read(cls, path: str | Path) -> Located:
        """Read and parse a file (``OSError`` propagates for unreadable files)."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(f"not UTF-8 text ({exc.reason})", path=str(p)) from None
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

    def error(self, message: str, header: str, index: int, field: str | None = None) -> DataError:
        """A :class:`DataError` located at a table (and field)."""
        return DataError(message, path=self.path, line=self.field_line(header, index, field))


class Fields:
    """Typed access to one TOML table, raising located errors.

    Args:
        doc: The document.
        header: The array-of-tables name (``"commemoration"``).
        index: Which table of the array.
        table: The table itself.
        label: How to name the table in messages (``"commemoration 'thanh_lap_dang'"``).
    """

    def __init__(
        self, doc: Located, header: str, index: int, table: Mapping[str, Any], label: str
    ) -> None:
        self.doc, self.header, self.index, self.table, self.label = doc, header, index, table, label

    def fail(self, field: str | None, message: str) -> DataError:
        """A located error about ``field``."""
        return self.doc.error(f"{self.label}: {message}", self.header, self.index, field)

    def check_known(self, allowed: set[str]) -> None:
        """Reject fields that are not in ``allowed`` (typos must not be ignored silently)."""
        for name in self.table:
            if name not in allowed:
                raise self.fail(
                    name, f"unknown field {name!r} (expected one of: {', '.join(sorted(allowed))})"
                )

    def text(self, field: str, *, required: bool = True, default: str = "") -> str:
        """A string field."""
        if field not in self.table:
            if required:
                raise self.fail(None, f"missing field {field!r}")
            return default
        value = self.table[field]
        if not isinstance(value, str):
            raise self.fail(field, f"{field} must be a string, not {_kind(value)}")
        return value

    def integer(
        self, field: str, *, required: bool = True, low: int | None = None, high: int | None = None
    ) -> int | None:
        """An integer field, optionally bounded."""
        if field not in self.table:
            if required:
                raise self.fail(None, f"missing field {field!r}")
            return None
        value = self.table[field]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"{field} must be an integer, not {_kind(value)}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.fail(field, f"{field} must be {low}–{high}, not {value}")
        return value

    def flag(self, field: str, default: bool = False) -> bool:
        """A boolean field."""
        value = self.table.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(field, f"{field} must be true or false, not {_kind(value)}")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        """A list of strings (missing: empty)."""
        value = self.table.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(field, f"{field} must be a list of strings")
        return tuple(value)

    def choice(self, field: str, choices: tuple[str, ...], default: str | None = None) -> str:
        """A string that must be one of ``choices``."""
        if field not in self.table and default is not None:
            return default
        value = self.text(field)
        if value not in choices:
            raise self.fail(field, f"{field} must be one of {', '.join(choices)}, not {value!r}")
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
                return dt.date.fromisoformat(value)
            except ValueError:
                raise self.fail(
                    field, f"{field} must be a date YYYY-MM-DD, not {value!r}"
                ) from None
        raise self.fail(field, f"{field} must be a date YYYY-MM-DD, not {_kind(value)}")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
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
