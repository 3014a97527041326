"""The shipped data files, read in one place.

Every data file lives in the repository's top-level ``data/`` directory: the commemoration and
congress catalogues, the generated lunar tables with their hand corrections (``lunar/``) and
the example plans (``plans/``). The wheel ships that directory inside the package, as
``thidua_calendar/data/``, where :mod:`importlib.resources` finds it; in a checkout or an
editable install the package has no ``data/`` and the checkout's own directory is used.

Only the shipped files can be named (each part a plain file or directory name), so nothing
outside ``data/`` is ever read. The readers cache what they parse (the catalogue, the congress
series, each lunar table), so each file is read once per process.

Examples:
    >>> names("lunar")
    ('china.txt', 'corrections.toml', 'solar-terms.txt', 'vietnam-utc7.txt', 'vietnam.txt')
    >>> read_text("commemorations", "core.toml").startswith("# thidua-calendar")
    True
    >>> sorted(example_plans())[-1]
    'sample-2026.toml'
"""

from __future__ import annotations

import contextlib
import os.path
from functools import cache
from typing import TYPE_CHECKING

from .errors import DataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

# The package's directory and the checkout's data directory, seen from
# src/thidua_calendar/_data.py, as strings: the short commands read a table without
# importing pathlib (and urllib with it).
_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))
_CHECKOUT_DIR = os.path.join(os.path.dirname(os.path.dirname(_PACKAGE_DIR)), "data")


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def locate(installed: Traversable, checkout: Path) -> Traversable:
    """The data root: ``installed`` (inside the package) if it exists, else ``checkout``.

    Args:
        installed: ``thidua_calendar/data`` as :mod:`importlib.resources` sees it.
        checkout: The top-level ``data/`` of a source checkout.

    Raises:
        DataError: Neither directory exists (a broken installation).
    """
    if installed.is_dir():
        return installed
    if checkout.is_dir():
        return checkout
    raise DataError(
        f"the data files are missing: neither {installed} (installed package) nor "
        f"{checkout} (source checkout) exists; reinstall thidua-calendar"
    )


def read_bytes(*parts: str) -> bytes:
    """The bytes of a shipped file, e.g. ``read_bytes("fonts", "DejaVuSans-poster.woff")``.

    Raises:
        DataError: No such shipped file, or a part that is not a plain name.
    """
    return _resource(parts).read_bytes()


@cache
def _data_dir() -> str | None:
    """The data directory on the file system, or ``None`` for a zipped installation.

    Raises:
        DataError: Neither the installed nor the checkout's directory exists.
    """
    if not os.path.isdir(_PACKAGE_DIR):
        return None
    installed = os.path.join(_PACKAGE_DIR, "data")
    if os.path.isdir(installed):
        return installed
    if os.path.isdir(_CHECKOUT_DIR):
        return _CHECKOUT_DIR
    raise DataError(
        f"the data files are missing: neither {installed} (installed package) nor "
        f"{_CHECKOUT_DIR} (source checkout) exists; reinstall thidua-calendar"
    )


@cache
def files() -> Traversable:
    """The root of the shipped data, found once per process.

    The package's ``data/`` as :mod:`importlib.resources` sees it; for a package on the file
    system (an installed wheel, a checkout) that is the directory beside this module, which is
    looked at directly (importing :mod:`importlib.resources` and :mod:`zipfile` would cost the
    short commands more than the look-up).
    """
    directory = _data_dir()
    if directory is not None:
        return _path(directory)
    from importlib import resources  # a zipped installation

    return locate(resources.files("thidua_calendar") / "data", _path(_CHECKOUT_DIR))


def _check_parts(parts: tuple[str, ...]) -> None:
    if not parts or any(
        not isinstance(p, str) or p in ("", ".", "..") or "/" in p or "\\" in p for p in parts
    ):
        raise DataError(f"not a data file name: {'/'.join(map(str, parts))!r}")


def _resource(parts: tuple[str, ...]) -> Traversable:
    """A shipped file, each part a plain name (no separators, no ``..``)."""
    _check_parts(parts)
    resource = files()
    for part in parts:
        resource = resource / part
    if not resource.is_file():
        raise DataError(f"no shipped data file {'/'.join(parts)!r}")
    return resource


def read_text(*parts: str) -> str:
    """The UTF-8 text of a shipped file, e.g. ``read_text("lunar", "vietnam.txt")``.

    Raises:
        DataError: No such shipped file, or a part that is not a plain name.
    """
    _check_parts(parts)
    directory = _data_dir()
    if directory is None:  # a zipped installation
        return _resource(parts).read_text(encoding="utf-8")
    path = os.path.join(directory, *parts)
    if not os.path.isfile(path):
        raise DataError(f"no shipped data file {'/'.join(parts)!r}")
    with open(path, encoding="utf-8") as f:
        return f.read()


@cache
def names(subdir: str | None = None) -> tuple[str, ...]:
    """Every shipped file under ``data/`` (or ``data/<subdir>/``), as sorted relative paths.

    Raises:
        DataError: ``subdir`` is not a shipped directory.
    """
    if subdir is not None and (subdir in ("", ".", "..") or "/" in subdir or "\\" in subdir):
        raise DataError(f"not a data directory name: {subdir!r}")
    directory = _data_dir()
    if directory is not None:  # an ordinary directory: no importlib.resources needed
        top = os.path.join(directory, subdir) if subdir else directory
        if not os.path.isdir(top):
            raise DataError(f"no shipped data directory {subdir!r}")
        listed: list[str] = []
        for folder, subfolders, filenames in os.walk(top):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            relative = os.path.relpath(folder, top)
            prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
            listed.extend(prefix + name for name in filenames)
        return tuple(sorted(listed))
    root = files()
    if subdir is not None:
        root = root / subdir
        if not root.is_dir():
            raise DataError(f"no shipped data directory {subdir!r}")
    found: list[str] = []
    pending: list[tuple[str, Traversable]] = [("", root)]
    while pending:
        prefix, node = pending.pop()
        for item in node.iterdir():
            if item.is_dir():
                if item.name != "__pycache__":
                    pending.append((f"{prefix}{item.name}/", item))
            elif item.is_file():
                found.append(prefix + item.name)
    return tuple(sorted(found))


_extracted: contextlib.ExitStack | None = None


@cache
def path_of(*parts: str) -> Path:
    """A real filesystem path of a shipped file (for APIs that take a path, like ``load_plan``).

    The installed package and a checkout are ordinary directories, so this is the file itself;
    from a zipped installation the file is extracted once into a temporary file that lives
    until the process exits.

    Raises:
        DataError: No such shipped file.
    """
    from pathlib import Path

    resource = _resource(parts)
    if isinstance(resource, Path):
        return resource
    import atexit
    from importlib import resources

    global _extracted
    if _extracted is None:
        _extracted = contextlib.ExitStack()
        atexit.register(_extracted.close)
    return _extracted.enter_context(resources.as_file(resource))


def example_plans() -> dict[str, Path]:
    """The shipped example plans, file name to path, for ``load_plan`` and the command line.

    Examples:
        >>> from thidua_calendar import load_plan
        >>> load_plan(example_plans()["sample-2026.toml"]).year
        2026
    """
    return {name: path_of("plans", name) for name in names("plans") if name.endswith(".toml")}
