"""Exceptions raised by thidua-calendar.

Every error the library raises on bad input derives from :class:`ThiduaError`, and also from
the built-in exception a Python user would expect (``ValueError`` for bad values), so both
``except ThiduaError`` and ``except ValueError`` work.
"""

from __future__ import annotations


class ThiduaError(Exception):
    """Base class of every error raised by thidua-calendar on bad input or data.

    The message (``str(error)``) is English; an error a clerk meets on the command line also
    carries it in Vietnamese, which the command line shows unless ``--lang en``.

    Args:
        *args: The exception's arguments, the English message first.
        vi: The message in Vietnamese, if the error has one.

    Attributes:
        message_vi: The message in Vietnamese (``None``: the error has English only).

    Examples:
        >>> e = OutOfRangeError("year 1800 is outside …", vi="năm 1800 nằm ngoài …")
        >>> str(e), e.message_vi
        ('year 1800 is outside …', 'năm 1800 nằm ngoài …')
    """

    message_vi: str | None = None

    def __init__(self, *args: object, vi: str | None = None) -> None:
        super().__init__(*args)
        if vi is not None:
            self.message_vi = vi


class OutOfRangeError(ThiduaError, ValueError):
    """A date or year lies outside the range the tables cover."""


class InvalidDateError(ThiduaError, ValueError):
    """A date that does not exist (day 30 of a 29-day lunar month, a leap month that is not)."""


class DataError(ThiduaError, ValueError):
    """A data or plan file is malformed; the message names ``file:line`` and what was expected.

    Attributes:
        path: The file (or ``<string>``) the error was found in, if known.
        line: The 1-based line number, if known.
        reason: The message without its location (English).
        reason_vi: The message in Vietnamese, when the error has one (else ``None``).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        vi: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.reason = message
        self.reason_vi = vi
        super().__init__(self._located(message), vi=self._located(vi) if vi is not None else None)

    def _located(self, message: str) -> str:
        where = self.path if self.path is not None else ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {message}" if where else message

    def located(self, message: str) -> str:
        """A message (``reason`` or ``reason_vi``) at this error's ``file:line``.

        Examples:
            >>> e = DataError("bad date", path="plan.toml", line=3, vi="ngày sai")
            >>> str(e), e.located(e.reason_vi or e.reason)
            ('plan.toml:3: bad date', 'plan.toml:3: ngày sai')
        """
        return self._located(message)


class MissingDependencyError(ThiduaError, ImportError):
    """An optional dependency is needed: python-docx (``docx`` extra), openpyxl (``xlsx``)."""


class InvalidValueError(ThiduaError, ValueError):
    """An argument or field with a value it does not allow.

    The message names the field and the allowed values: ``Commemoration(category="bogus")``,
    ``lang="fr"``.
    """


class InvalidTypeError(ThiduaError, TypeError):
    """An argument or field of the wrong type (the message names the field and the type)."""


class UnknownKeyError(ThiduaError, KeyError):
    """A key that names nothing known: no commemoration, congress series or organisation.

    The message suggests close keys. Also importable from :mod:`thidua_calendar.commemorations`.
    """

    def __str__(self) -> str:
        return str(self.args[0])
