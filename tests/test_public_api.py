"""The public API: exactly __all__, sorted, importable lazily, and a light import."""

from __future__ import annotations

import subprocess
import sys

import thidua_calendar as tc


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from thidua_calendar import *", namespace)
    namespace.pop("__builtins__")
    assert set(namespace) == set(tc.__all__)
    assert len(set(tc.__all__)) == len(tc.__all__)


def isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions (dunders with them)."""
    if name.isupper():
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted() -> None:
    assert tc.__all__ == sorted(tc.__all__, key=isort_key)


def test_every_public_name_resolves() -> None:
    for name in tc.__all__:
        assert getattr(tc, name) is not None


def test_function_names_are_not_shadowed_by_modules() -> None:
    import thidua_calendar.cli  # noqa: F401  (imports the milestone module)

    assert callable(tc.milestones)
    assert callable(tc.milestone)


def test_import_is_light_and_pure() -> None:
    code = (
        "import sys, thidua_calendar; "
        "print(sorted(m for m in ('icalendar', 'lunardate', 'dateutil', 'tomllib', "
        "'thidua_calendar.commemorations') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"
