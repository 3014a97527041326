"""The one diagnostic type: a finding of ``Plan.check()`` and of the plan-document checker.

A diagnostic carries its message and suggestion in both languages and shows one of them
(:attr:`Diagnostic.lang`, Vietnamese by default); what it is about is data (:attr:`key`,
a commemoration key or another subject), never something to search for in its message.

Examples:
    >>> d = Diagnostic(
    ...     "error", "phase-year-typo",
    ...     vi=("Đợt 2 ghi năm 2021 trong kế hoạch năm 2022", "có phải là năm 2022?"),
    ...     en=("Đợt 2 is dated 2021 in a 2022 plan", "did you mean 2022?"),
    ...     line=12, path="plan.toml",
    ... )
    >>> d.text()  # doctest: +NORMALIZE_WHITESPACE
    'plan.toml:12: error [phase-year-typo]: Đợt 2 ghi năm 2021 trong kế hoạch năm 2022
    (có phải là năm 2022?)'
    >>> d.in_lang("en").suggestion
    'did you mean 2022?'
"""

from __future__ import annotations

from typing import Final, NamedTuple

import attrs

from ._validators import of_type
from ._vocabulary import Lang, Severity, to_lang, to_severity

Said = tuple[str, str]
"""A message and its suggestion ("" when there is nothing to suggest)."""


class Texts(NamedTuple):
    """A diagnostic's message and suggestion in Vietnamese and in English.

    Attributes:
        vi: The Vietnamese (message, suggestion).
        en: The English (message, suggestion).
    """

    vi: Said
    en: Said


def _said(_instance: object, attribute: attrs.Attribute[Said], value: object) -> None:
    if type(value) is tuple and len(value) == 2 and type(value[0]) is type(value[1]) is str:
        return  # the common case, without a generator (a document may have many findings)
    if not (
        isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)
    ):
        from .errors import InvalidTypeError

        raise InvalidTypeError(f"{attribute.name} must be a (message, suggestion) pair of str")


@attrs.frozen
class Diagnostic:
    """One problem (or remark) found in a plan or a plan document.

    Attributes:
        severity: ``error``, ``warning`` or ``info``.
        code: A stable code (``phase-overlap``, ``ordinal-mismatch`` …).
        vi: The message and suggestion in Vietnamese.
        en: The message and suggestion in English.
        line: The 1-based line, if known.
        column: The 1-based column, if known.
        path: The file, if known.
        key: What it is about, as data: a commemoration key, a congress series …
        lang: The language :attr:`message` and :attr:`suggestion` show.
    """

    severity: Severity = attrs.field(converter=to_severity)
    code: str = attrs.field(validator=of_type(str))
    vi: Said = attrs.field(validator=_said)
    en: Said = attrs.field(validator=_said)
    line: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    column: int | None = attrs.field(default=None, validator=of_type(int, optional=True))
    path: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    key: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    lang: Lang = attrs.field(default=Lang.VI, converter=to_lang)

    @property
    def message(self) -> str:
        """What is wrong, in :attr:`lang`."""
        return (self.en if self.lang is Lang.EN else self.vi)[0]

    @property
    def suggestion(self) -> str:
        """How to fix it, in :attr:`lang` ("" when there is nothing to suggest)."""
        return (self.en if self.lang is Lang.EN else self.vi)[1]

    def in_lang(self, lang: Lang | str) -> Diagnostic:
        """The same diagnostic shown in another language."""
        return attrs.evolve(self, lang=to_lang(lang))

    def text(self, path: str | None = None) -> str:
        """``plan.toml:12:4: error [code]: message (suggestion)``.

        Args:
            path: The name to show when the diagnostic has no :attr:`path`.
        """
        where = self.path or path or "<plan>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        hint = f" ({self.suggestion})" if self.suggestion else ""
        return f"{where}: {self.severity} [{self.code}]: {self.message}{hint}"

    def as_record(self) -> dict[str, object]:
        """The JSON record: line, column, severity, code, key, message, suggestion."""
        return {
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "key": self.key,
            "message": self.message,
            "suggestion": self.suggestion,
        }


_SEVERITIES: Final[dict[str, Severity]] = {member.value: member for member in Severity}
_new = object.__new__
_set = object.__setattr__


def made(
    severity: Severity | str,
    code: str,
    vi: Said,
    en: Said,
    line: int | None,
    column: int | None,
    path: str | None,
    key: str | None,
    lang: Lang,
) -> Diagnostic:
    """A diagnostic of values this package made itself, without checking them again.

    For the plan-document checker, whose findings may be thousands: its values are typed
    (mypy) and of its own making, so the validators of :class:`Diagnostic` would only repeat
    what is known. A severity is a member or its value. A test holds that every diagnostic
    made so equals the one the validating constructor makes of the same values.
    """
    diagnostic = _new(Diagnostic)
    _set(diagnostic, "severity", _SEVERITIES[severity])
    _set(diagnostic, "code", code)
    _set(diagnostic, "vi", vi)
    _set(diagnostic, "en", en)
    _set(diagnostic, "line", line)
    _set(diagnostic, "column", column)
    _set(diagnostic, "path", path)
    _set(diagnostic, "key", key)
    _set(diagnostic, "lang", lang)
    return diagnostic


__all__ = ["Diagnostic", "Said", "Texts"]
