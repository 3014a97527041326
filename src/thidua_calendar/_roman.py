"""Roman numerals, as documents number congresses (Đại hội XIV) and quarters (quý II).

Examples:
    >>> to_roman(14), from_roman("XIV")
    ('XIV', 14)
"""

from __future__ import annotations

import re
from typing import Final

from .errors import InvalidTypeError, InvalidValueError

_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(number: int) -> str:
    """A positive integer in Roman numerals (1–3999)."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidTypeError(f"number must be an int, not {type(number).__name__}")
    if not 1 <= number <= 3999:
        raise InvalidValueError(f"Roman numerals cover 1–3999, not {number}")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int:
    """The value of a Roman numeral (strict: ``IIII`` and ``IC`` are rejected).

    Raises:
        InvalidValueError: Not a well-formed Roman numeral.
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"a Roman numeral is a str, not {type(text).__name__}")
    cleaned = text.strip().upper()
    known = _READ.get(cleaned)
    if known is not None:
        return known
    if not cleaned or not re.fullmatch(r"[MDCLXVI]+", cleaned):
        raise InvalidValueError(f"{text!r} is not a Roman numeral")
    total, rest = 0, cleaned
    for value, letters in _ROMAN:
        while rest.startswith(letters):
            total += value
            rest = rest[len(letters) :]
    if rest or to_roman(total) != cleaned:
        raise InvalidValueError(f"{text!r} is not a well-formed Roman numeral")
    _READ[cleaned] = total
    return total


_READ: dict[str, int] = {}
"""The numerals read so far (at most 3999: only well-formed ones), each read once."""


__all__ = ["from_roman", "to_roman"]
