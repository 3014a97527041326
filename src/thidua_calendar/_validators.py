"""attrs validators that raise the project's own errors, naming the field.

Every public attrs type validates at construction with these (and
:func:`thidua_calendar._vocabulary.choice` for vocabulary fields), so a wrong value fails where
it is made, not later in a renderer.

Examples:
    >>> @attrs.frozen
    ... class Window:
    ...     start: dt.date = attrs.field(validator=of_type(dt.date))
    ...     days: int = attrs.field(validator=of_type(int))
    >>> Window(dt.date(2026, 1, 1), True)
    Traceback (most recent call last):
    ...
    thidua_calendar.errors.InvalidTypeError: days must be int, not bool
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from .errors import InvalidTypeError, InvalidValueError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _name(kind: type) -> str:
    return "date" if kind is dt.date else kind.__name__


def of_type(*kinds: type, optional: bool = False) -> Validator:
    """The value is an instance of one of ``kinds`` (or ``None`` when ``optional``).

    ``bool`` is not accepted for ``int``, and ``datetime`` is not accepted for ``date``.
    """
    exact = frozenset(kinds)  # a value of exactly one of the kinds passes at once

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) in exact or (value is None and optional):
            return
        ok = isinstance(value, kinds)
        if ok and isinstance(value, bool) and bool not in kinds:
            ok = False
        if ok and isinstance(value, dt.datetime) and dt.datetime not in kinds:
            ok = False
        if not ok:
            names = " or ".join(_name(k) for k in kinds) + (" or None" if optional else "")
            raise InvalidTypeError(f"{attribute.name} must be {names}, not {type(value).__name__}")

    return check


def texts() -> Validator:
    """A tuple of strings."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise InvalidTypeError(f"{attribute.name} must be a tuple of strings, not {value!r}")

    return check


def in_range(low: int, high: int) -> Validator:
    """An int (not a bool) in ``low..high``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        of_type(int)(instance, attribute, value)
        if not low <= value <= high:
            raise InvalidValueError(f"{attribute.name} must be {low}–{high}, not {value}")

    return check


def not_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-empty string."""
    if not isinstance(value, str):
        raise InvalidTypeError(f"{attribute.name} must be str, not {type(value).__name__}")
    if not value.strip():
        raise InvalidValueError(f"{attribute.name} must not be empty")


__all__ = ["in_range", "not_empty", "of_type", "texts"]
